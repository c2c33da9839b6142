#pragma once
// The `today` dashboard in text: one 80x24 screen whatever the data.

#include <ostream>
#include <vector>

#include "cli/habit.hpp"
#include "cli/nudge.hpp"
#include "cli/style.hpp"
#include "momentum/overview.hpp"
#include "momentum/state.hpp"
#include "momentum/streak.hpp"

namespace momentum::cli {

// What the dashboard shows, each list already in the order it is shown (most urgent first,
// the longest streak at risk first); the printer only cuts and phrases.
struct TodayView {
  const State& state;  // for the sprint line
  Day today{};
  DayOverview day;
  std::vector<HabitRow> at_risk;  // the goals whose streak is at risk
  std::vector<const Task*> overdue;
  std::vector<const Task*> due;
  const Task* next = nullptr;
  NudgeView nudge;
};

// The dashboard of a journal that tracks something (nothing_tracked() is false).
void print_today(std::ostream& out, const Style& style, const TodayView& view);

}  // namespace momentum::cli
