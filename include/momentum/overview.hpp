#pragma once
// One day at a glance, as `today` and `prompt` show it: the day's check-ins and minutes, due
// and overdue tasks, the check-in streak, and the goals whose streak is at risk.

#include <vector>

#include "momentum/day.hpp"
#include "momentum/minutes.hpp"
#include "momentum/state.hpp"
#include "momentum/streak.hpp"

namespace momentum {

// The facts of one day that need no per-goal habit math.
struct DayOverview {
  Minutes minutes;             // the day's check-ins
  std::vector<int> logs;       // the day's check-ins (indices), in journal order
  std::vector<int> due_today;  // open tasks due on the day (indices of the tasks), in task order
  std::vector<int> overdue;    // open tasks due before the day (indices of the tasks), in order
  bool rest_day = false;       // a rest day planned for all goals
  Streak checkin;              // the global check-in streak
};

// `today` in the terms of DayOverview, of `tasks` (task_facts()).
DayOverview day_overview(const State& state, const std::vector<TaskFacts>& tasks, Day today);

// The same, of the tasks `state` holds (all of a State read whole).
DayOverview day_overview(const State& state, Day today);

// True when nothing is tracked yet: no goal, task or check-in.
bool nothing_tracked(const State& state);

// A goal whose current streak is at risk.
struct AtRisk {
  int goal = 0;  // index into State::goals
  Streak streak;
};

// The active goals whose current streak is at risk on `today` (streak_at_risk), in goal order.
std::vector<AtRisk> goals_at_risk(const State& state, Day today, const Config& config);

// `goals` with the longest streaks first; equal ones keep their order.
std::vector<AtRisk> longest_first(std::vector<AtRisk> goals);

}  // namespace momentum
