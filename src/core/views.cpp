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
  // A recent State keeps every open task; the done ones it left out are counted.
  if (state.history && static_cast<std::size_t>(goal) < state.history->goal_tasks_done.size()) {
    v.tasks_done += state.history->goal_tasks_done[static_cast<std::size_t>(goal)];
  }
  return v;
}

GoalCheckins goal_checkins(const State& state, int goal, Day today) {
  GoalCheckins c;
  c.all = minutes_in(state, {Day::min(), Day::max(), goal, std::nullopt});
  if (state.history && static_cast<std::size_t>(goal) < state.history->goal_minutes.size()) {
    c.all += state.history->goal_minutes[static_cast<std::size_t>(goal)];
  }
  c.last_30 =
      minutes_in(state, {today - std::chrono::days{29}, Day::max(), goal, std::nullopt}).total();
  return c;
}

namespace {

// The minutes logged on task `task` in the check-ins a recent State left out.
int minutes_left_out(const State& state, std::size_t task) {
  if (!state.history || task >= state.history->task_minutes.size()) return 0;
  return state.history->task_minutes[task];
}

}  // namespace

TaskView task_view(const State& state, int task, Day today) {
  TaskView v;
  v.overdue = is_overdue(state.tasks.at(static_cast<std::size_t>(task)), today);
  v.minutes_logged = minutes_in(state, {Day::min(), Day::max(), std::nullopt, task}).total();
  v.minutes_logged += minutes_left_out(state, static_cast<std::size_t>(task));
  return v;
}

std::vector<TaskView> task_views(const State& state, Day today) {
  std::vector<TaskView> out(state.tasks.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].overdue = is_overdue(state.tasks[i], today);
    out[i].minutes_logged = minutes_left_out(state, i);
  }
  for (const LogEntry& l : state.logs) {
    if (l.removed || !l.task || *l.task < 0 || static_cast<std::size_t>(*l.task) >= out.size()) {
      continue;
    }
    out[static_cast<std::size_t>(*l.task)].minutes_logged += l.minutes.value_or(0);
  }
  return out;
}

}  // namespace momentum
