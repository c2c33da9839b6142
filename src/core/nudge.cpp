// Which one nudge `today` shows.
#include "momentum/nudge.hpp"

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

std::optional<Nudge> overdue_nudge(const State& state, Day today) {
  std::optional<Nudge> worst;
  Day earliest{};
  for (std::size_t i = 0; i < state.tasks.size(); ++i) {
    const Task& t = state.tasks[i];
    if (!is_overdue(t, today) || (worst && *t.due >= earliest)) continue;
    earliest = *t.due;
    worst = Nudge{};
    worst->kind = NudgeKind::overdue;
    worst->task = static_cast<int>(i);
    worst->days_late = static_cast<int>((today - earliest).count());
  }
  return worst;
}

std::optional<Nudge> metrics_nudge(const Metrics& m) {
  Nudge n;
  if (m.comfort_zone) {
    n.kind = NudgeKind::comfort_zone;
    n.learn_share = *m.learn_share;
    return n;
  }
  if (m.chronic.empty()) return std::nullopt;
  n.kind = NudgeKind::chronic;
  n.task = m.chronic.front();
  return n;
}

}  // namespace

std::optional<Nudge> pick_nudge(const State& state, Day today, const Config& config) {
  return pick_nudge(state, today, config, goals_at_risk(state, today, config));
}

std::optional<Nudge> pick_nudge(const State& state, Day today, const Config& config,
                                const std::vector<AtRisk>& at_risk) {
  if (auto n = streak_nudge(state, today, config, at_risk)) return n;
  if (auto n = overdue_nudge(state, today)) return n;
  return metrics_nudge(compute_metrics(state, default_window(today), today, config));
}

}  // namespace momentum
