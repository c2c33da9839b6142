// today_render.hpp and goal show's habit lines (habit.hpp): the dashboard and the habit
// figures, exact, from hand-made views.
#include "cli/today_render.hpp"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>

#include "cli/habit.hpp"

namespace {

using namespace std::chrono;
using momentum::Day;
using momentum::cli::Style;

const Day monday = sys_days{2026y / March / 9};

momentum::Task task(int num, std::string title, Day due, momentum::TaskStatus status) {
  momentum::Task t;
  t.num = num;
  t.title = std::move(title);
  t.due = due;
  t.status = status;
  return t;
}

momentum::Goal goal(int num, std::string title) {
  momentum::Goal g;
  g.num = num;
  g.title = std::move(title);
  return g;
}

// A daily goal's figures on `monday`: a 5-day streak that a check-in today keeps.
momentum::GoalSummary at_risk_daily() {
  momentum::GoalSummary s;
  s.cadence.type = momentum::Cadence::Type::daily;
  s.current.length = 5;
  s.current.unit = momentum::PeriodKind::day;
  s.current.at_risk = true;
  s.longest = s.current;
  s.slack = 0;
  s.needed = {momentum::PeriodKind::day, 1, true, monday, monday, 0};
  return s;
}

std::string today_text(const Style& style, const momentum::cli::TodayView& view) {
  std::ostringstream out;
  momentum::cli::print_today(out, style, view);
  return out.str();
}

}  // namespace

TEST_CASE("the dashboard with no check-in yet, a goal at risk, an overdue task", "[today]") {
  const momentum::State state;
  const momentum::Goal ml = goal(1, "Become an ML engineer");
  const momentum::Task late =
      task(3, "Finish the Titanic tutorial", monday - days{2}, momentum::TaskStatus::doing);
  momentum::cli::TodayView view{.state = state,
                                .today = monday,
                                .day = {},
                                .at_risk = {{ml, at_risk_daily()}},
                                .overdue = {.first = {&late}, .total = 1},
                                .due = {},
                                .next = &late,
                                .nudge = {state, std::nullopt, monday}};
  view.day.checkin.length = 5;
  view.day.checkin.at_risk = true;
  CHECK(today_text(Style{true, false, 80}, view) ==
        "Monday 2026-03-09\n"
        "\n"
        "Today      no check-in yet: momentum log 30m \"what you did\"\n"
        "Streak     5 days (no check-in today yet)\n"
        "At risk    #1 Become an ML engineer: a check-in today (streak 5d, slack 0!)\n"
        "Overdue    #3 Finish the Titanic tutorial (2d late)\n"
        "Next       #3 Finish the Titanic tutorial  (momentum log 30m --task 3)\n");
}

TEST_CASE("the dashboard shows three of a list and says how many more", "[today]") {
  const momentum::State state;
  std::vector<momentum::Task> tasks;
  for (int n = 1; n <= 5; ++n) {
    tasks.push_back(task(n, fmt::format("Task {}", n), monday, momentum::TaskStatus::todo));
  }
  momentum::cli::TodayView view{.state = state,
                                .today = monday,
                                .day = {},
                                .at_risk = {},
                                .overdue = {},
                                .due = {},
                                .next = nullptr,
                                .nudge = {state, std::nullopt, monday}};
  for (std::size_t n = 0; n < 3; ++n) view.due.first.push_back(&tasks[n]);
  view.due.total = tasks.size();
  view.day.logs = {0, 1};
  view.day.minutes.learn = 30;
  view.day.minutes.doing = 45;
  view.day.checkin.length = 1;
  CHECK(today_text(Style{false, false, 80}, view) ==
        "Monday 2026-03-09\n"
        "\n"
        "Today      1h15m logged (learn 30m, do 45m) in 2 check-ins\n"
        "Streak     1 day\n"
        "Due        #1 Task 1 (today)\n"
        "           #2 Task 2 (today)\n"
        "           #3 Task 3 (today)\n"
        "           ... and 2 more due today (momentum task list)\n"
        "Next       nothing open: momentum task add \"a small next step\"\n");
}

TEST_CASE("a long title at risk is cut so its figures still show", "[today]") {
  const momentum::State state;
  const momentum::Goal long_one = goal(2, std::string(60, 'x'));
  const momentum::cli::TodayView view{.state = state,
                                      .today = monday,
                                      .day = {},
                                      .at_risk = {{long_one, at_risk_daily()}},
                                      .overdue = {},
                                      .due = {},
                                      .next = nullptr,
                                      .nudge = {state, std::nullopt, monday}};
  const std::string text = today_text(Style{false, false, 64}, view);
  CHECK(text.substr(text.find("At risk")) ==
        "At risk    #2 xxxxxxx...: a check-in today (streak 5d, slack 0!)\n"
        "Next       nothing open: momentum task add \"a small next step\"\n");
}

TEST_CASE("goal show's habit lines", "[today][habit]") {
  momentum::GoalSummary s = at_risk_daily();
  s.longest.length = 9;
  s.longest.first = monday - days{30};
  s.longest.last = monday - days{22};
  s.completion_30 = 0.5;
  s.completion_90 = 0.25;
  s.strength = 0.427;
  s.strip = {momentum::DayMark::logged, momentum::DayMark::missed, momentum::DayMark::open};
  std::ostringstream out;
  momentum::cli::print_goal_habit(out, Style{false, false, 80}, s, monday);
  CHECK(out.str() ==
        "Streak      5 days, at risk (best 9 days, 2026-02-07 to 2026-02-15)\n"
        "Needed      a check-in today (act today)\n"
        "Completion  50% of the last 30 days, 25% of 90\n"
        "Strength    42/100\n"
        "Last 14     #x_\n");

  s.cadence.type = momentum::Cadence::Type::none;
  std::ostringstream none;
  momentum::cli::print_goal_habit(none, Style{false, false, 80}, s, monday);
  CHECK(none.str().empty());
}

TEST_CASE("a paused goal owes nothing: no Needed line, no slack", "[today][habit]") {
  momentum::GoalSummary s = at_risk_daily();
  s.status = momentum::GoalStatus::paused;
  s.current.at_risk = false;
  std::ostringstream out;
  momentum::cli::print_goal_habit(out, Style{false, false, 80}, s, monday);
  CHECK(out.str() ==
        "Streak      5 days (best 5 days)\n"
        "Completion  n/a: nothing was required yet\n"
        "Strength    0/100\n"
        "Last 14     \n");
  CHECK(momentum::cli::slack_text(s) == "-");
}

TEST_CASE("goal show's check-in line and the needed text with slack", "[today][habit]") {
  momentum::GoalCheckins c;
  c.all.checkins = 4;
  c.all.learn = 60;
  c.all.doing = 120;
  c.last_30 = 30;
  CHECK(momentum::cli::checkins_text(c) ==
        "Check-ins   4 in all: 1h learn, 2h do; 30m in the last 30 days");
  momentum::GoalSummary s;
  s.needed = {momentum::PeriodKind::week, 2, true, monday, monday + days{6}, 0};
  s.slack = 3;
  CHECK(momentum::cli::needed_text(s, monday) == "2 more days this week (slack 3 days)");
}
