// Which one nudge `today` shows.
#include "momentum/nudge.hpp"

#include <algorithm>

#include "momentum/metrics.hpp"
#include "momentum/overview.hpp"
#include "momentum/remind.hpp"

namespace momentum {
namespace {

// The active goal with the longest streak at risk; else the check-in streak, when at risk.
std::optional<Nudge> streak_nudge(const State& state, Day today, const Config& config,
                                  const std::vector<AtRisk>& at_risk) {
  const std::vector<AtRisk> risky = longest_first(at_risk);
  if (!risky.empty() && risky.front().streak.length > 0) {
    Nudge n;
    n.goal = risky.front().goal;
    n.streak = risky.front().streak;
    n.needed = still_needed(goal_days(state, *n.goal), today, config);
    return n;
  }
  const Streak checkin = checkin_streak(state, today);
  if (!checkin.at_risk || checkin.length == 0 || !checkin_day(state, today, config)) {
    return std::nullopt;
  }
  Nudge n;
  n.streak = checkin;
  return n;
}

// The open task due longest ago, before `today`; the first such in task order.
std::optional<int> longest_overdue(const std::vector<TaskFacts>& tasks, Day today) {
  std::optional<int> worst;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const TaskFacts& t = tasks[i];
    if (!is_overdue(t, today) || (worst && *t.due >= *tasks[static_cast<std::size_t>(*worst)].due))
      continue;
    worst = static_cast<int>(i);
  }
  return worst;
}

// The first open task deferred chronically.
std::optional<int> first_chronic(const std::vector<TaskFacts>& tasks) {
  const auto chronic = std::find_if(tasks.begin(), tasks.end(), [](const TaskFacts& t) {
    return is_open(t.status) && deferred_chronically(t);
  });
  if (chronic == tasks.end()) return std::nullopt;
  return static_cast<int>(chronic - tasks.begin());
}

std::optional<Nudge> overdue_nudge(const std::vector<TaskFacts>& tasks, Day today) {
  const std::optional<int> worst = longest_overdue(tasks, today);
  if (!worst) return std::nullopt;
  Nudge n;
  n.kind = NudgeKind::overdue;
  n.task = worst;
  n.days_late = static_cast<int>((today - *tasks[static_cast<std::size_t>(*worst)].due).count());
  return n;
}

// Over the last 28 days (default_window), as compute_metrics() has them: the comfort zone,
// else the first chronic task.
std::optional<Nudge> metrics_nudge(const State& state, const std::vector<TaskFacts>& tasks,
                                   Day today, const Config& config) {
  Nudge n;
  const std::optional<double> share = learn_share(state, default_window(today));
  if (share && *share > config.comfort_threshold) {
    n.kind = NudgeKind::comfort_zone;
    n.learn_share = *share;
    return n;
  }
  n.task = first_chronic(tasks);
  if (!n.task) return std::nullopt;
  n.kind = NudgeKind::chronic;
  return n;
}

}  // namespace

std::optional<Nudge> pick_nudge(const State& state, Day today, const Config& config) {
  return pick_nudge(state, facts_of(state.tasks), today, config,
                    goals_at_risk(state, today, config));
}

std::optional<Nudge> pick_nudge(const State& state, const std::vector<TaskFacts>& tasks, Day today,
                                const Config& config, const std::vector<AtRisk>& at_risk) {
  if (auto n = streak_nudge(state, today, config, at_risk)) return n;
  if (auto n = overdue_nudge(tasks, today)) return n;
  return metrics_nudge(state, tasks, today, config);
}

std::vector<int> nudge_candidates(const std::vector<TaskFacts>& tasks, Day today) {
  std::vector<int> out;
  if (const auto t = longest_overdue(tasks, today)) out.push_back(*t);
  if (const auto t = first_chronic(tasks)) out.push_back(*t);
  return out;
}

}  // namespace momentum
