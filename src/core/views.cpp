// The derived facts that a goal's or a task's text and JSON share.
#include "momentum/views.hpp"

namespace momentum {

GoalView goal_view(const State& state, int goal, Day today) {
  const Goal& g = state.goals.at(static_cast<std::size_t>(goal));
  GoalView v;
  v.status = effective_status(g, today);
  v.paused_until = paused_until(g, today);
  for (const Task& t : state.tasks) {
    if (t.goal != goal) continue;
    v.tasks_open += is_open(t.status) ? 1 : 0;
    v.tasks_done += t.status == TaskStatus::done ? 1 : 0;
  }
  return v;
}

GoalCheckins goal_checkins(const State& state, int goal, Day today) {
  GoalCheckins c;
  c.all = minutes_in(state, {Day::min(), Day::max(), goal, std::nullopt});
  c.last_30 =
      minutes_in(state, {today - std::chrono::days{29}, Day::max(), goal, std::nullopt}).total();
  return c;
}

TaskView task_view(const State& state, int task, Day today) {
  TaskView v;
  v.overdue = is_overdue(state.tasks.at(static_cast<std::size_t>(task)), today);
  v.minutes_logged = minutes_in(state, {Day::min(), Day::max(), std::nullopt, task}).total();
  return v;
}

}  // namespace momentum
