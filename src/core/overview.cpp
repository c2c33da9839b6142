// One day at a glance for `today` and `prompt`.
#include "momentum/overview.hpp"

#include <algorithm>

namespace momentum {

DayOverview day_overview(const State& state, const std::vector<TaskFacts>& tasks, Day today) {
  DayOverview o;
  const LogRange range{today, today, std::nullopt, std::nullopt};
  for (std::size_t i = 0; i < state.logs.size(); ++i) {
    if (covers(range, state.logs[i])) o.logs.push_back(static_cast<int>(i));
  }
  o.minutes = minutes_in(state, range);
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const TaskFacts& t = tasks[i];
    if (is_due_on(t, today)) o.due_today.push_back(static_cast<int>(i));
    if (is_overdue(t, today)) o.overdue.push_back(static_cast<int>(i));
  }
  o.rest_day = std::any_of(state.skips.begin(), state.skips.end(),
                           [&](const Skip& s) { return !s.removed && !s.goal && s.day == today; });
  o.checkin = checkin_streak(state, today);
  return o;
}

DayOverview day_overview(const State& state, Day today) {
  return day_overview(state, facts_of(state.tasks), today);
}

bool nothing_tracked(const State& state) {
  const bool left_out = state.history && (state.history->tasks > 0 || state.history->logs > 0 ||
                                          !state.history->unread.empty());
  return state.goals.empty() && state.tasks.empty() && state.logs.empty() && !left_out;
}

std::vector<AtRisk> goals_at_risk(const State& state, Day today, const Config& config) {
  std::vector<AtRisk> out;
  const std::vector<GoalDays> days = all_goal_days(state);
  for (std::size_t i = 0; i < state.goals.size(); ++i) {
    if (const auto s = streak_at_risk(state.goals[i], days[i], today, config)) {
      out.push_back({static_cast<int>(i), *s});
    }
  }
  return out;
}

std::vector<AtRisk> longest_first(std::vector<AtRisk> goals) {
  std::stable_sort(goals.begin(), goals.end(), [](const AtRisk& a, const AtRisk& b) {
    return a.streak.length > b.streak.length;
  });
  return goals;
}

}  // namespace momentum
