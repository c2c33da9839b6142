#include "momentum/views.hpp"

#include <catch2/catch.hpp>

#include "builders.hpp"

using namespace momentum;
using namespace momentum::test;

namespace {

const Day march1 = sys_days{2026y / March / 1};
const Day march10 = sys_days{2026y / March / 10};

LogFields minutes_on(int minutes, Kind kind, std::optional<int> goal, std::optional<int> task) {
  LogFields f;
  f.minutes = std::optional<int>(minutes);
  f.kind = kind;
  f.goal = goal;
  f.task = task;
  return f;
}

}  // namespace

TEST_CASE("is_overdue and is_due_on: open tasks only", "[state]") {
  Task t;
  t.due = march10;
  CHECK(is_due_on(t, march10));
  CHECK_FALSE(is_overdue(t, march10));
  CHECK(is_overdue(t, sys_days{2026y / March / 11}));
  CHECK_FALSE(is_due_on(t, sys_days{2026y / March / 11}));
  t.status = TaskStatus::done;
  CHECK_FALSE(is_overdue(t, sys_days{2026y / March / 11}));
  CHECK_FALSE(is_due_on(t, march10));
  t.status = TaskStatus::doing;
  t.due.reset();
  CHECK_FALSE(is_overdue(t, sys_days{2026y / March / 11}));
}

TEST_CASE("done_between: done, not dropped, on a day in the range", "[state]") {
  Task t;
  t.status = TaskStatus::done;
  t.finished_day = march10;
  CHECK(done_between(t, march10, march10));
  CHECK(done_between(t, march1, march10));
  CHECK_FALSE(done_between(t, march1, sys_days{2026y / March / 9}));
  CHECK_FALSE(done_between(t, sys_days{2026y / March / 11}, sys_days{2026y / March / 12}));
  t.status = TaskStatus::dropped;
  CHECK_FALSE(done_between(t, march1, march10));
}

TEST_CASE("is_ongoing: active and paused goals", "[state]") {
  CHECK(is_ongoing(GoalStatus::active));
  CHECK(is_ongoing(GoalStatus::paused));
  CHECK_FALSE(is_ongoing(GoalStatus::achieved));
  CHECK_FALSE(is_ongoing(GoalStatus::dropped));
}

TEST_CASE("goal_view: the status on the day, its pause's end and its tasks", "[views]") {
  Book b(march1);
  const int g = b.goal("ML");
  TaskFields of_goal;
  of_goal.goal = std::optional<int>(g);
  b.task("open", of_goal);
  const int done = b.task("done", of_goal);
  const int dropped = b.task("dropped", of_goal);
  b.task("another goal's");
  b.task_action(done, TaskAction::done);
  b.task_action(dropped, TaskAction::drop);
  b.goal_action(g, GoalAction::pause, sys_days{2026y / March / 12});
  const GoalView paused = goal_view(b.state, g, march10);
  CHECK(paused.status == GoalStatus::paused);
  CHECK(paused.paused_until == Day{sys_days{2026y / March / 12}});
  CHECK(paused.tasks_open == 1);
  CHECK(paused.tasks_done == 1);
  const GoalView resumed = goal_view(b.state, g, sys_days{2026y / March / 12});
  CHECK(resumed.status == GoalStatus::active);
  CHECK_FALSE(resumed.paused_until);
}

TEST_CASE("goal_checkins: all time and the 30 days ending today", "[views]") {
  Book b(sys_days{2026y / January / 1});
  const int g = b.goal("ML");
  b.log(minutes_on(90, Kind::learn, g, std::nullopt));  // January 1: long ago
  b.today = sys_days{2026y / February / 8};             // the 31st day before March 10
  b.log(minutes_on(20, Kind::do_, g, std::nullopt));
  b.today = sys_days{2026y / February / 9};  // the 30th
  b.log(minutes_on(15, Kind::do_, g, std::nullopt));
  b.today = march10;
  b.log(minutes_on(10, Kind::learn, std::nullopt, std::nullopt));  // no goal
  const GoalCheckins c = goal_checkins(b.state, g, march10);
  CHECK(c.all.checkins == 3);
  CHECK(c.all.learn == 90);
  CHECK(c.all.doing == 35);
  CHECK(c.last_30 == 15);
}

TEST_CASE("task_view: overdue and the minutes logged on it", "[views]") {
  Book b(march1);
  TaskFields f;
  f.due = std::optional<Day>(sys_days{2026y / March / 9});
  const int t = b.task("late", f);
  b.log(minutes_on(25, Kind::do_, std::nullopt, t));
  b.log(minutes_on(20, Kind::learn, std::nullopt, t));
  const TaskView v = task_view(b.state, t, march10);
  CHECK(v.overdue);
  CHECK(v.minutes_logged == 45);
  CHECK_FALSE(task_view(b.state, t, sys_days{2026y / March / 9}).overdue);
}

TEST_CASE("task_views: every task's task_view from one pass", "[views]") {
  Book b(march1);
  TaskFields due;
  due.due = std::optional<Day>(sys_days{2026y / March / 9});
  const int late = b.task("late", due);
  const int other = b.task("other");
  const int idle = b.task("idle");
  b.log(minutes_on(25, Kind::do_, std::nullopt, late));
  b.log(minutes_on(20, Kind::learn, std::nullopt, other));
  b.log(minutes_on(30, Kind::learn, std::nullopt, other));
  b.log(minutes_on(40, Kind::learn, std::nullopt, std::nullopt));  // on no task
  const int removed = b.log(minutes_on(50, Kind::do_, std::nullopt, late));
  b.state.logs[static_cast<std::size_t>(removed)].removed = true;
  b.log(LogFields{});  // no minutes

  const std::vector<TaskView> all = task_views(b.state, march10);
  REQUIRE(all.size() == 3);
  for (int t : {late, other, idle}) {
    const TaskView one = task_view(b.state, t, march10);
    CHECK(all[static_cast<std::size_t>(t)].overdue == one.overdue);
    CHECK(all[static_cast<std::size_t>(t)].minutes_logged == one.minutes_logged);
  }
  CHECK(all[static_cast<std::size_t>(late)].overdue);
  CHECK(all[static_cast<std::size_t>(late)].minutes_logged == 25);
  CHECK(all[static_cast<std::size_t>(other)].minutes_logged == 50);
  CHECK(all[static_cast<std::size_t>(idle)].minutes_logged == 0);
}
