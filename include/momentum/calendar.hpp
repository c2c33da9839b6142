#pragma once
// The heatmap behind `momentum calendar`: minutes, check-ins and rest days per day over a
// range, each day given an intensity level 0–4 the way GitHub shades its contribution graph.
//
// The level rule (also in docs/usage.md, "calendar"):
// - 0: no check-in that day (a rest day without a check-in is level 0 and `skipped`);
// - a day with check-ins gets 1–4 from its minutes m and three thresholds t2 ≤ t3 ≤ t4:
//   4 when m ≥ t4, else 3 when m ≥ t3, else 2 when m ≥ t2, else 1; so check-ins without
//   minutes (m = 0) are always level 1;
// - t2, t3, t4 are the quartiles Q1, Q2, Q3 of the minutes of the range's days with m > 0,
//   rounded up to whole minutes: sorted, Q_k sits at position (n − 1)·k/4 counting from 0,
//   interpolated linearly between neighbours (a spreadsheet's PERCENTILE.INC). So roughly
//   the lightest quarter of the active days is level 1 and the busiest quarter level 4; a
//   day at a quartile takes the level above it, so a single active day, or days all equal,
//   are level 4.
// - When no day in the range has minutes there are no thresholds.

#include <array>
#include <optional>
#include <vector>

#include "momentum/day.hpp"
#include "momentum/state.hpp"

namespace momentum {

// One day of the heatmap.
struct CalendarDay {
  Day day{};
  int minutes = 0;       // the sum of its check-ins' minutes (those without count 0)
  int checkins = 0;      // its check-ins, with or without minutes
  bool skipped = false;  // a rest day: a skip for all goals, or for the goal asked about
  int level = 0;         // 0–4, see the rule above
};

// The minutes at which levels 2, 3 and 4 start (t2, t3, t4 above).
using Thresholds = std::array<int, 3>;

// A range of days, oldest first, with the thresholds its levels were cut at.
struct Calendar {
  Day first{};
  Day last{};
  std::optional<int> goal;  // index into State::goals; none = all check-ins
  std::vector<CalendarDay> days;
  std::optional<Thresholds> thresholds;  // none when no day has minutes
};

// The totals printed under the heatmap.
struct CalendarSummary {
  int minutes = 0;
  int active_days = 0;           // days with at least one check-in
  int longest_run = 0;           // the longest run of days with check-ins; rest days bridge it
  std::optional<Day> run_first;  // that run's first and last check-in days (the latest of
  std::optional<Day> run_last;   // equal runs); none when there is no check-in
};

// The heatmap of `state` from `first` through `last` (empty when `last` < `first`): the
// non-removed check-ins for goal `goal` (all when none) and the rest days for it or for all
// goals (only those for all goals when `goal` is none).
Calendar build_calendar(const State& state, std::optional<int> goal, Day first, Day last);

// The thresholds for the minutes of a range's days (zeros are ignored); none when all are 0.
std::optional<Thresholds> quartile_thresholds(std::vector<int> minutes);

// The level of a day with `checkins` check-ins and `minutes` minutes under `thresholds`.
int level_of(int checkins, int minutes, const std::optional<Thresholds>& thresholds);

// Total minutes, active days and the longest run of `calendar`.
CalendarSummary summarize_calendar(const Calendar& calendar);

}  // namespace momentum
