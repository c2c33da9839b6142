#pragma once
// Phrasing the habit math (momentum/streak.hpp) for `streak`, `goal show` and `today`.

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "cli/style.hpp"
#include "momentum/streak.hpp"
#include "momentum/views.hpp"

namespace momentum::cli {

// A goal with its habit figures on some day: a row of `streak`, a line of `today`.
struct HabitRow {
  const Goal& goal;
  GoalSummary summary;
};

// "5d", "3w", "0" — a streak's length in its own unit.
std::string streak_length(const Streak& streak);

// "12 days", "3 weeks".
std::string streak_words(const Streak& streak);

// The slack column: "2d", "0!" (act today), "none", or "-" when the goal owes nothing
// (owes_checkins).
std::string slack_text(const GoalSummary& summary);

// One glyph per day of the strip; ASCII without UTF-8, coloured when colour is on.
std::string strip_text(const Style& style, const std::vector<DayMark>& strip);

// The strip's legend, one line.
std::string strip_legend(const Style& style);

// "At risk: goal 1 Become an ML engineer: a check-in today keeps 5 days", cut to the width.
std::string risk_text(const Style& style, const Goal& goal, const GoalSummary& summary, Day today);

// The global check-in streak in words: "12 days (no check-in today yet)".
std::string checkin_text(const Style& style, const Streak& streak);

nlohmann::ordered_json streak_json(const Streak& streak);
// The habit figures of `goal` as JSON (docs/json.md).
nlohmann::ordered_json summary_json(const Goal& goal, const GoalSummary& summary, Day today);

// What the goal still needs, with its slack: "2 more days this week (slack 3 days)".
std::string needed_text(const GoalSummary& summary, Day today);

// `goal show`'s habit lines (Streak, Needed, Completion, Strength, Last 14); nothing for a
// goal without a cadence.
void print_goal_habit(std::ostream& out, const Style& style, const GoalSummary& summary, Day today);

// `goal show`'s check-in line: "Check-ins   4 in all: 1h learn, 2h do; 30m in the last 30 days".
std::string checkins_text(const GoalCheckins& checkins);

}  // namespace momentum::cli
