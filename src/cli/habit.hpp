#pragma once
// Phrasing the habit math (momentum/streak.hpp) for `streak`, `goal show` and `today`.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "momentum/streak.hpp"

namespace momentum::cli {

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
nlohmann::ordered_json summary_json(const State& state, int goal, const Context& ctx);

}  // namespace momentum::cli
