#include "momentum/sprint.hpp"

#include <catch2/catch.hpp>

#include "builders.hpp"
#include "momentum/error.hpp"
#include "momentum/next.hpp"

using namespace momentum;
using namespace momentum::test;

namespace {

const Day march10 = sys_days{2026y / March / 10};

SprintFields fields(std::string title, Day start, int days, std::vector<int> tasks = {}) {
  SprintFields f;
  f.title = std::move(title);
  f.start = start;
  f.end = start + std::chrono::days{days - 1};
  f.tasks = std::move(tasks);
  return f;
}

void start(Book& b, const SprintFields& f) {
  b.write(start_sprint(b.state, f, b.stamp(), b.today));
}
void add(Book& b, std::vector<int> tasks) {
  b.write(add_to_sprint(b.state, tasks, b.stamp(), b.today));
}
void close(Book& b, Retrospective r = {}) { b.write(close_sprint(b.state, r, b.stamp(), b.today)); }

std::vector<std::optional<int>> open_counts(const std::vector<BurndownDay>& days) {
  std::vector<std::optional<int>> out;
  for (const BurndownDay& d : days) out.push_back(d.open);
  return out;
}

}  // namespace

TEST_CASE("a sprint is planned before its start, active from it, closed once closed", "[sprint]") {
  Book b(march10);
  const int t = b.task("Read docs");
  start(b, fields("Titanic", march10 + days{2}, 7, {t}));
  const Sprint& s = b.state.sprints.at(0);
  CHECK(s.num == 1);
  CHECK(s.title == "Titanic");
  CHECK(s.end == march10 + days{8});
  REQUIRE(s.planned.size() == 1);
  CHECK(s.planned[0].added == s.start);
  CHECK(sprint_status(s, march10) == SprintStatus::planned);
  CHECK(sprint_status(s, march10 + days{2}) == SprintStatus::active);
  CHECK(needs_close(s, march10 + days{9}));
  CHECK(in_sprint_flags(b.state, march10) == std::vector<bool>{false});
  CHECK(in_sprint_flags(b.state, march10 + days{3}) == std::vector<bool>{true});
  b.today = march10 + days{3};
  close(b, {"pandas", "time", "kaggle", 4});
  CHECK(sprint_status(b.state.sprints.at(0), b.today) == SprintStatus::closed);
  CHECK(b.state.sprints.at(0).retro.rating == 4);
  CHECK(b.state.sprints.at(0).retro.learned == "pandas");
  CHECK(b.state.sprints.at(0).closed_day == b.today);
}

TEST_CASE("only one sprint at a time", "[sprint]") {
  Book b(march10);
  start(b, fields("Titanic", march10, 7));
  CHECK_THROWS_WITH(
      start_sprint(b.state, fields("Other", march10, 3), b.stamp(), b.today),
      "sprint 1 'Titanic' is active until 2026-03-16; close it first with 'momentum sprint close'");
  // A later, non-overlapping sprint may be planned.
  start(b, fields("Later", march10 + days{7}, 3));
  CHECK_THROWS_WITH(
      start_sprint(b.state, fields("Clash", march10 + days{8}, 1), b.stamp(), b.today),
      "sprint 2 'Later' is planned for 2026-03-17 to 2026-03-19; choose a --start after "
      "2026-03-19");
  b.today = march10 + days{20};
  CHECK_THROWS_WITH(start_sprint(b.state, fields("New", b.today, 3), b.stamp(), b.today),
                    "sprint 1 'Titanic' ended 2026-03-16 without a close; close it first with "
                    "'momentum sprint close'");
}

TEST_CASE("sprint dates are checked", "[sprint]") {
  Book b(march10);
  CHECK_THROWS_WITH(start_sprint(b.state, fields("Past", march10 - days{1}, 3), b.stamp(), b.today),
                    "--start '2026-03-09' is in the past; expected today (2026-03-10) or later");
  SprintFields f = fields("Long", march10, 91);
  CHECK_THROWS_WITH(
      start_sprint(b.state, f, b.stamp(), b.today),
      "--until '2026-06-08' makes the sprint 91 days long; a sprint lasts 1 to 90 days");
  f.end = march10 - days{1};
  CHECK_THROWS_WITH(start_sprint(b.state, f, b.stamp(), b.today),
                    "--until '2026-03-09' is before the sprint's start (2026-03-10)");
}

TEST_CASE("only open tasks are planned, once", "[sprint]") {
  Book b(march10);
  const int done = b.task("Done");
  const int open = b.task("Open");
  b.task_action(done, TaskAction::done);
  CHECK_THROWS_WITH(start_sprint(b.state, fields("T", march10, 7, {done}), b.stamp(), b.today),
                    "task 1 is done; only an open task can be planned in a sprint");
  CHECK_THROWS_WITH(add_to_sprint(b.state, {open}, b.stamp(), b.today),
                    "no sprint to add to; start one with 'momentum sprint start TITLE'");
  start(b, fields("T", march10, 7, {open}));
  CHECK_THROWS_WITH(add_to_sprint(b.state, {open}, b.stamp(), b.today),
                    "task 2 is already planned in sprint 1");
  CHECK_THROWS_WITH(remove_from_sprint(b.state, {done}, b.stamp(), b.today),
                    "task 1 is not planned in sprint 1");
  b.write(remove_from_sprint(b.state, {open}, b.stamp(), b.today));
  CHECK(b.state.sprints.at(0).planned.empty());
}

TEST_CASE("close needs a started sprint", "[sprint]") {
  Book b(march10);
  CHECK_THROWS_WITH(close_sprint(b.state, {}, b.stamp(), b.today),
                    "no active sprint to close; 'momentum sprint list' shows the sprints");
  start(b, fields("Soon", march10 + days{1}, 2));
  CHECK_THROWS_WITH(close_sprint(b.state, {}, b.stamp(), b.today),
                    "sprint 1 'Soon' has not started yet (it starts 2026-03-11); nothing to close");
}

TEST_CASE("carry plans the last closed sprint's unfinished tasks", "[sprint]") {
  Book b(march10);
  const int a = b.task("A");
  const int c = b.task("C");
  SprintFields f = fields("Next", march10, 2);
  f.carry = true;
  CHECK_THROWS_WITH(start_sprint(b.state, f, b.stamp(), b.today),
                    "--carry: there is no closed sprint to carry tasks from");
  start(b, fields("First", march10, 2, {a, c}));
  b.task_action(a, TaskAction::done);
  close(b);
  start(b, f);
  REQUIRE(b.state.sprints.at(1).planned.size() == 1);
  CHECK(b.state.sprints.at(1).planned[0].task == c);
}

TEST_CASE("burndown counts open planned tasks per day and scope changes", "[sprint][burndown]") {
  Book b(march10);
  const int a = b.task("A");
  const int c = b.task("C");
  const int d = b.task("D");
  start(b, fields("T", march10, 4, {a, c}));
  b.today = march10 + days{1};
  b.task_action(a, TaskAction::done);
  add(b, {d});
  const Sprint& s = b.state.sprints.at(0);
  CHECK(s.planned.back().added == march10 + days{1});
  const auto days_ = burndown(b.state, s, b.today);
  REQUIRE(days_.size() == 4);
  CHECK(open_counts(days_) == std::vector<std::optional<int>>{2, 2, std::nullopt, std::nullopt});
  CHECK(days_[0].ideal == Approx(1.5));
  CHECK(days_[3].ideal == Approx(0.0));
  CHECK(days_[0].added == 0);
  CHECK(days_[1].added == 1);
}

TEST_CASE("burndown of a task done before the sprint started, and of no tasks",
          "[sprint][burndown]") {
  Book b(march10);
  const int a = b.task("A");
  start(b, fields("T", march10 + days{2}, 2, {a}));
  b.task_action(a, TaskAction::done);
  const Sprint& s = b.state.sprints.at(0);
  CHECK(open_counts(burndown(b.state, s, march10 + days{5})) ==
        std::vector<std::optional<int>>{0, 0});
  Book empty(march10);
  start(empty, fields("Empty", march10, 3));
  const auto days_ = burndown(empty.state, empty.state.sprints.at(0), march10 + days{9});
  CHECK(open_counts(days_) == std::vector<std::optional<int>>{0, 0, 0});
  CHECK(days_[0].ideal == 0);
  CHECK(needs_close(empty.state.sprints.at(0), march10 + days{9}));
}

TEST_CASE("planned tasks of the active sprint rank higher", "[sprint][next]") {
  Book b(march10);
  TaskFields urgent;
  urgent.importance = 5;
  b.task("Urgent", urgent);
  const int small = b.task("Sprint task");
  start(b, fields("T", march10, 7, {small}));
  const auto ranked = rank_tasks(b.state, b.today, in_sprint_flags(b.state, b.today));
  CHECK(ranked.front().task == small);
  CHECK(ranked.front().urgency.sprint == 15.0);
}

TEST_CASE("sprint events replay from the journal text", "[sprint]") {
  Book b(march10);
  const int a = b.task("A");
  start(b, fields("T", march10, 7, {a}));
  close(b, {"l", "b", "n", 3});
  const Loaded loaded = replay_text(b.text);
  REQUIRE(loaded.state.sprints.size() == 1);
  CHECK(loaded.state.sprints[0].planned.size() == 1);
  CHECK(loaded.state.sprints[0].closed);
  CHECK(loaded.state.sprints[0].retro.next == "n");
  CHECK(loaded.warnings.empty());
}

TEST_CASE("planned_done counts the planned tasks that are done, not the dropped", "[sprint]") {
  Book b(march10);
  const int done = b.task("done");
  const int dropped = b.task("dropped");
  const int open = b.task("open");
  b.task("not planned");
  start(b, fields("Titanic", march10, 7, {done, dropped, open}));
  b.task_action(done, TaskAction::done);
  b.task_action(dropped, TaskAction::drop);
  b.task_action(3, TaskAction::done);
  CHECK(planned_done(b.state, b.state.sprints.at(0)) == 1);
}
