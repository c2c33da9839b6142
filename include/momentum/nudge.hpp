#pragma once
// The one nudge of `today`: the most pressing signal, which the shell phrases as an action.

#include <optional>
#include <vector>

#include "momentum/day.hpp"
#include "momentum/overview.hpp"
#include "momentum/state.hpp"
#include "momentum/streak.hpp"

namespace momentum {

// What the nudge is about, most pressing first.
enum class NudgeKind { streak, overdue, comfort_zone, chronic };

// The nudge and the numbers its phrase needs; the indices point into the State's vectors
// (`task` into the tasks given).
struct Nudge {
  NudgeKind kind = NudgeKind::streak;
  std::optional<int> goal;  // streak: the goal whose streak is at risk; none: the check-in streak
  std::optional<int> task;  // overdue: the longest overdue task; chronic: the chronic task
  Streak streak;            // streak: the streak at risk
  Needed needed;            // streak on a goal: what keeps it
  int days_late = 0;        // overdue: days past due
  double learn_share = 0;   // comfort_zone: the learn share of the last 28 days, in [0, 1]
};

// The first that applies, in this order: the active goal with the longest streak at risk
// (else the check-in streak, when at risk on a day some goal requires), the longest overdue
// task, learning in the comfort zone over the last 28 days, a chronic task; nullopt when
// nothing presses.
std::optional<Nudge> pick_nudge(const State& state, Day today, const Config& config);

// The same, given goals_at_risk(state, today, config), which a caller may have already, and
// `tasks` (task_facts(state)).
std::optional<Nudge> pick_nudge(const State& state, const std::vector<TaskFacts>& tasks, Day today,
                                const Config& config, const std::vector<AtRisk>& at_risk);

// The tasks (indexes of `tasks`) a nudge on `today` can name, whichever it picks: the longest
// overdue and the first chronic one.
std::vector<int> nudge_candidates(const std::vector<TaskFacts>& tasks, Day today);

}  // namespace momentum
