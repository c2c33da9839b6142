#include "momentum/state.hpp"

#include <algorithm>

namespace momentum {

bool is_paused_on(const Goal& goal, Day day) {
  return std::any_of(goal.pauses.begin(), goal.pauses.end(), [day](const Pause& p) {
    return p.from <= day && (!p.until || day < *p.until);
  });
}

bool active_on(const Goal& goal, Day day) {
  if (goal.created_day > day || is_paused_on(goal, day)) return false;
  return !goal.ended || day < *goal.ended;
}

GoalStatus effective_status(const Goal& goal, Day today) {
  if (goal.status == GoalStatus::paused && !is_paused_on(goal, today)) return GoalStatus::active;
  return goal.status;
}

const Cadence& cadence_on(const Goal& goal, Day day) {
  // Changes are kept in the order made, so `from` never decreases.
  const CadenceChange* in_force = &goal.cadences.front();
  for (const CadenceChange& change : goal.cadences) {
    if (change.from > day) break;
    in_force = &change;
  }
  return in_force->cadence;
}

SprintStatus sprint_status(const Sprint& sprint, Day today) {
  if (sprint.closed) return SprintStatus::closed;
  return today < sprint.start ? SprintStatus::planned : SprintStatus::active;
}

bool is_open(TaskStatus status) {
  return status == TaskStatus::todo || status == TaskStatus::doing;
}

bool is_overdue(const Task& task, Day today) {
  return is_open(task.status) && task.due && *task.due < today;
}

bool is_due_on(const Task& task, Day today) {
  return is_open(task.status) && task.due && *task.due == today;
}

bool done_between(const Task& task, Day first, Day last) {
  return task.status == TaskStatus::done && task.finished_day && *task.finished_day >= first &&
         *task.finished_day <= last;
}

bool is_ongoing(GoalStatus status) {
  return status == GoalStatus::active || status == GoalStatus::paused;
}

std::optional<Day> paused_until(const Goal& goal, Day today) {
  if (effective_status(goal, today) != GoalStatus::paused || goal.pauses.empty()) {
    return std::nullopt;
  }
  return goal.pauses.back().until;
}

namespace {

template <typename Entity>
void renumbered_in(std::string_view kind, const std::vector<Entity>& before,
                   const std::vector<Entity>& after, const UuidIndex& index,
                   std::vector<Renumbered>& out) {
  // Numbers, not positions: an undone creation keeps its number, so they can differ.
  for (const Entity& was : before) {
    const auto it = index.find(was.id);
    if (it == index.end()) continue;
    const Entity& now = after[static_cast<std::size_t>(it->second)];
    if (now.num != was.num) out.push_back({kind, was.id, now.title, was.num, now.num});
  }
}

}  // namespace

std::vector<Renumbered> renumbered(const State& before, const State& after) {
  std::vector<Renumbered> out;
  renumbered_in("goal", before.goals, after.goals, after.goal_index, out);
  renumbered_in("task", before.tasks, after.tasks, after.task_index, out);
  return out;
}

}  // namespace momentum
