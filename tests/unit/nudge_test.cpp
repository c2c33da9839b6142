#include "momentum/nudge.hpp"

#include <catch2/catch.hpp>

#include "builders.hpp"
#include "momentum/parse.hpp"

using namespace momentum;
using namespace momentum::test;

namespace {

const Day march1 = sys_days{2026y / March / 1};
const Day march10 = sys_days{2026y / March / 10};  // a Tuesday

int daily_goal(Book& b, const std::string& title) {
  GoalFields f;
  f.cadence = parse_cadence("daily");
  return b.goal(title, f);
}

// A check-in of 30 minutes on `day`, on goal `goal` (none: on no goal).
void log_on(Book& b, Day day, std::optional<int> goal, Kind kind = Kind::do_) {
  b.today = day;
  LogFields f;
  f.goal = goal;
  f.kind = kind;
  f.minutes = std::optional<int>(30);
  b.log(f);
}

int task_due(Book& b, const std::string& title, Day due) {
  TaskFields f;
  f.due = Clearable<Day>::value_type(due);
  return b.task(title, f);
}

}  // namespace

TEST_CASE("nothing presses: no nudge", "[nudge]") {
  Book b(march1);
  CHECK_FALSE(pick_nudge(b.state, march10, Config{}));
}

TEST_CASE("a streak at risk comes first: the goal with the longest one", "[nudge]") {
  Book b(march1);
  const int short_run = daily_goal(b, "short");
  const int long_run = daily_goal(b, "long");
  for (Day d = sys_days{2026y / March / 6}; d < march10; d += days{1}) log_on(b, d, long_run);
  log_on(b, sys_days{2026y / March / 9}, short_run);
  task_due(b, "overdue", sys_days{2026y / March / 2});
  const auto n = pick_nudge(b.state, march10, Config{});
  REQUIRE(n);
  CHECK(n->kind == NudgeKind::streak);
  CHECK(n->goal == long_run);
  CHECK(n->streak.length == 4);
  CHECK(n->needed.more == 1);
  CHECK(n->needed.last == march10);
}

TEST_CASE("the check-in streak nudges on a day some goal requires", "[nudge]") {
  Book b(march1);
  daily_goal(b, "never logged");
  log_on(b, sys_days{2026y / March / 8}, std::nullopt);
  log_on(b, sys_days{2026y / March / 9}, std::nullopt);
  const auto n = pick_nudge(b.state, march10, Config{});
  REQUIRE(n);
  CHECK(n->kind == NudgeKind::streak);
  CHECK_FALSE(n->goal);
  CHECK(n->streak.length == 2);
}

TEST_CASE("then the longest overdue task, the first of equals", "[nudge]") {
  Book b(march1);
  task_due(b, "two days late", sys_days{2026y / March / 8});
  const int worst = task_due(b, "five days late", sys_days{2026y / March / 5});
  task_due(b, "also five days late", sys_days{2026y / March / 5});
  const auto n = pick_nudge(b.state, march10, Config{});
  REQUIRE(n);
  CHECK(n->kind == NudgeKind::overdue);
  CHECK(n->task == worst);
  CHECK(n->days_late == 5);
}

TEST_CASE("then learning in the comfort zone over the last 28 days", "[nudge]") {
  Book b(march1);
  log_on(b, sys_days{2026y / March / 9}, std::nullopt, Kind::learn);
  log_on(b, march10, std::nullopt, Kind::learn);
  const auto n = pick_nudge(b.state, march10, Config{});
  REQUIRE(n);
  CHECK(n->kind == NudgeKind::comfort_zone);
  CHECK(n->learn_share == 1.0);
}

TEST_CASE("then a chronic task, deferred three times", "[nudge]") {
  Book b(march1);
  const int t = task_due(b, "hard", sys_days{2026y / March / 20});
  for (int i = 1; i <= 3; ++i) {
    b.write(defer_task(b.state, t, sys_days{2026y / March / 20} + days{i}, "", b.stamp(), b.today));
  }
  const auto n = pick_nudge(b.state, march10, Config{});
  REQUIRE(n);
  CHECK(n->kind == NudgeKind::chronic);
  CHECK(n->task == t);
}
