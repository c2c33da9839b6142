#include "momentum/overview.hpp"

#include <catch2/catch.hpp>

#include "builders.hpp"
#include "momentum/parse.hpp"

using namespace momentum;
using namespace momentum::test;

namespace {

const Day march1 = sys_days{2026y / March / 1};
const Day march10 = sys_days{2026y / March / 10};

int daily_goal(Book& b, const std::string& title) {
  GoalFields f;
  f.cadence = parse_cadence("daily");
  return b.goal(title, f);
}

void log_days(Book& b, int goal, Day from, Day to, int minutes = 30) {
  for (Day d = from; d <= to; d += days{1}) {
    b.today = d;
    LogFields f;
    f.goal = Clearable<int>::value_type(goal);
    f.minutes = Clearable<int>::value_type(minutes);
    b.log(f);
  }
}

int task_due(Book& b, const std::string& title, Day due) {
  TaskFields f;
  f.due = Clearable<Day>::value_type(due);
  return b.task(title, f);
}

}  // namespace

TEST_CASE("day_overview: the day's minutes, due and overdue tasks, the check-in streak",
          "[overview]") {
  Book b(march1);
  const int g = daily_goal(b, "ML");
  const int late = task_due(b, "late", sys_days{2026y / March / 8});
  const int due = task_due(b, "due", march10);
  task_due(b, "later", sys_days{2026y / March / 12});
  const int done = task_due(b, "done late", sys_days{2026y / March / 5});
  b.task_action(done, TaskAction::done);
  log_days(b, g, sys_days{2026y / March / 7}, march10, 25);
  const DayOverview o = day_overview(b.state, march10);
  CHECK(o.minutes.doing == 25);
  CHECK(o.minutes.checkins == 1);
  CHECK(o.logs == std::vector<int>{3});
  CHECK(o.due_today == std::vector<int>{due});
  CHECK(o.overdue == std::vector<int>{late});
  CHECK_FALSE(o.rest_day);
  CHECK(o.checkin.length == 4);
  CHECK_FALSE(o.checkin.at_risk);
  SECTION("a rest day for all goals") {
    b.write(add_skip(b.state, march10, std::nullopt, "", b.stamp()));
    CHECK(day_overview(b.state, march10).rest_day);
  }
  SECTION("a rest day for one goal is not one for all") {
    b.write(add_skip(b.state, march10, g, "", b.stamp()));
    CHECK_FALSE(day_overview(b.state, march10).rest_day);
  }
}

TEST_CASE("nothing_tracked until a goal, task or check-in exists", "[overview]") {
  Book b(march1);
  CHECK(nothing_tracked(b.state));
  b.task("a task");
  CHECK_FALSE(nothing_tracked(b.state));
}

TEST_CASE("goals_at_risk lists active goals whose streak is at risk; longest_first orders them",
          "[overview]") {
  Book b(march1);
  const int short_run = daily_goal(b, "short");
  const int kept = daily_goal(b, "kept today");
  const int long_run = daily_goal(b, "long");
  const int paused = daily_goal(b, "paused");
  const int equal = daily_goal(b, "as long as short");
  log_days(b, long_run, sys_days{2026y / March / 2}, sys_days{2026y / March / 9});
  log_days(b, short_run, sys_days{2026y / March / 8}, sys_days{2026y / March / 9});
  log_days(b, equal, sys_days{2026y / March / 8}, sys_days{2026y / March / 9});
  log_days(b, paused, sys_days{2026y / March / 8}, sys_days{2026y / March / 9});
  log_days(b, kept, sys_days{2026y / March / 8}, march10);
  b.goal_action(paused, GoalAction::pause);
  const std::vector<AtRisk> risky = goals_at_risk(b.state, march10, Config{});
  REQUIRE(risky.size() == 3);
  CHECK(risky[0].goal == short_run);
  CHECK(risky[0].streak.length == 2);
  CHECK(risky[0].streak.at_risk);
  CHECK(risky[1].goal == long_run);
  CHECK(risky[1].streak.length == 8);
  CHECK(risky[2].goal == equal);
  const std::vector<AtRisk> sorted = longest_first(risky);
  CHECK(sorted[0].goal == long_run);
  CHECK(sorted[1].goal == short_run);
  CHECK(sorted[2].goal == equal);
}
