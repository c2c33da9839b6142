#include "momentum/next.hpp"

#include <algorithm>

namespace momentum {
namespace {

// Taskwarrior's due ramp: 0.2 when due 14+ days ahead, rising linearly to 1.0 at 7+ days late.
double due_ramp(Day due, Day today) {
  const double overdue = static_cast<double>((today - due).count());
  if (overdue >= 7.0) return 1.0;
  if (overdue >= -14.0) return (overdue + 14.0) * 0.8 / 21.0 + 0.2;
  return 0.2;
}

double tag_weight(std::size_t tags) {
  if (tags == 0) return 0.0;
  if (tags == 1) return 0.8;
  if (tags == 2) return 0.9;
  return 1.0;
}

}  // namespace

Urgency urgency(const Task& task, Day today, bool in_sprint) {
  Urgency u;
  u.importance = 1.8 + 1.05 * (task.importance - 1);
  if (task.due) u.due = 12.0 * due_ramp(*task.due, today);
  if (task.status == TaskStatus::doing) u.doing = 4.0;
  if (in_sprint) u.sprint = 15.0;
  if (task.goal) u.goal = 1.0;
  u.tags = tag_weight(task.tags.size());
  const double age_days = std::max(0.0, static_cast<double>((today - task.created_day).count()));
  u.age = 2.0 * std::min(1.0, age_days / 365.0);
  u.deferrals = static_cast<double>(std::min<std::size_t>(task.deferrals.size(), 3));
  return u;
}

std::vector<Ranked> rank_tasks(const State& state, Day today, const std::vector<bool>& in_sprint) {
  std::vector<Ranked> ranked;
  // A paused, achieved or dropped goal's tasks wait with it.
  std::vector<bool> waiting(state.goals.size());
  for (std::size_t g = 0; g < state.goals.size(); ++g) {
    waiting[g] = effective_status(state.goals[g], today) != GoalStatus::active;
  }
  for (std::size_t i = 0; i < state.tasks.size(); ++i) {
    const Task& t = state.tasks[i];
    if (!is_open(t.status) || (t.goal && waiting[static_cast<std::size_t>(*t.goal)])) continue;
    const bool sprint = i < in_sprint.size() && in_sprint[i];
    ranked.push_back({static_cast<int>(i), urgency(t, today, sprint)});
  }
  // Each task's sort key once (a comparison summing the urgency and looking the estimate up
  // was most of ranking 77k open tasks); the task index makes every key distinct, so an
  // unstable sort gives the one order.
  struct Key {
    double urgency;
    int estimate;
    int task;
    std::size_t at;  // in `ranked`
  };
  std::vector<Key> keys;
  keys.reserve(ranked.size());
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const Ranked& r = ranked[i];
    keys.push_back({r.urgency.total(),
                    state.tasks[static_cast<std::size_t>(r.task)].estimate.value_or(1 << 30),
                    r.task, i});
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    if (a.urgency != b.urgency) return a.urgency > b.urgency;
    if (a.estimate != b.estimate) return a.estimate < b.estimate;
    return a.task < b.task;  // creation order: the older first
  });
  std::vector<Ranked> sorted;
  sorted.reserve(ranked.size());
  for (const Key& k : keys) sorted.push_back(ranked[k.at]);
  return sorted;
}

std::vector<int> most_urgent_first(const State& state, const std::vector<Ranked>& ranked,
                                   std::vector<int> tasks) {
  std::vector<std::size_t> rank(state.tasks.size(), ranked.size());
  for (std::size_t i = 0; i < ranked.size(); ++i)
    rank[static_cast<std::size_t>(ranked[i].task)] = i;
  const auto due = [&](int t) {
    return state.tasks[static_cast<std::size_t>(t)].due.value_or(Day::max());
  };
  std::stable_sort(tasks.begin(), tasks.end(), [&](int a, int b) {
    const std::size_t ra = rank[static_cast<std::size_t>(a)],
                      rb = rank[static_cast<std::size_t>(b)];
    return ra != rb ? ra < rb : due(a) < due(b);
  });
  return tasks;
}

}  // namespace momentum
