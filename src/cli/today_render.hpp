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

// A dashboard fits one 80x24 screen whatever the data: each list shows its first few (the
// most urgent) and then how many more there are and where to see them all.
inline constexpr std::size_t shown_per_section = 3;

// The first tasks of a list (at most shown_per_section) and how many it has.
struct TaskLines {
  std::vector<const Task*> first;
  std::size_t total = 0;
};

// What the dashboard shows, each list already in the order it is shown (most urgent first,
// the longest streak at risk first); the printer only cuts and phrases.
struct TodayView {
  const State& state;  // for the sprint line
  Day today{};
  DayOverview day;
  std::vector<HabitRow> at_risk;  // the goals whose streak is at risk
  TaskLines overdue;
  TaskLines due;
  const Task* next = nullptr;
  NudgeView nudge;
};

// The dashboard of a journal that tracks something (nothing_tracked() is false).
void print_today(std::ostream& out, const Style& style, const TodayView& view);

}  // namespace momentum::cli
