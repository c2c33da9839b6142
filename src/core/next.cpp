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

Urgency urgency(const TaskFacts& task, Day today, bool in_sprint) {
  Urgency u;
  u.importance = 1.8 + 1.05 * (task.importance - 1);
  if (task.due) u.due = 12.0 * due_ramp(*task.due, today);
  if (task.status == TaskStatus::doing) u.doing = 4.0;
  if (in_sprint) u.sprint = 15.0;
  if (task.goal) u.goal = 1.0;
  u.tags = tag_weight(static_cast<std::size_t>(task.tags));
  const double age_days = std::max(0.0, static_cast<double>((today - task.created_day).count()));
  u.age = 2.0 * std::min(1.0, age_days / 365.0);
  u.deferrals = static_cast<double>(std::min(task.deferrals, 3));
  return u;
}

namespace {

// A task's place in the ranking: computed once per task (a comparison summing the urgency and
// looking the estimate up was most of ranking 77k open tasks). The task index makes every key
// distinct, so an unstable sort gives the one order.
struct Key {
  double urgency = 0;
  int estimate = 0;
  int task = 0;
  bool ranks = true;  // false: a task that waits with its goal (most_urgent_first())
};

bool more_urgent(const Key& a, const Key& b) {
  if (a.urgency != b.urgency) return a.urgency > b.urgency;
  if (a.estimate != b.estimate) return a.estimate < b.estimate;
  return a.task < b.task;  // creation order: the older first
}

// What ranks the open tasks of `tasks` on `today`.
class Ranker {
 public:
  Ranker(const State& state, const std::vector<TaskFacts>& tasks, Day today,
         const std::vector<bool>& in_sprint)
      : tasks_(tasks), today_(today), in_sprint_(in_sprint), waiting_(state.goals.size()) {
    // A paused, achieved or dropped goal's tasks wait with it.
    for (std::size_t g = 0; g < state.goals.size(); ++g) {
      waiting_[g] = effective_status(state.goals[g], today) != GoalStatus::active;
    }
  }

  // True when task i is open and its goal (if any) active.
  bool ranks(std::size_t i) const {
    const TaskFacts& t = tasks_[i];
    return is_open(t.status) && !(t.goal && waiting_[static_cast<std::size_t>(*t.goal)]);
  }
  Urgency urgency_of(std::size_t i) const {
    return urgency(tasks_[i], today_, i < in_sprint_.size() && in_sprint_[i]);
  }
  Key key(std::size_t i) const {
    return {urgency_of(i).total(), tasks_[i].estimate.value_or(1 << 30), static_cast<int>(i), true};
  }

 private:
  const std::vector<TaskFacts>& tasks_;
  Day today_;
  const std::vector<bool>& in_sprint_;
  std::vector<bool> waiting_;
};

// The first `count` of `keys` in order (all of them sorted when there are fewer).
template <class Less>
void sort_first(std::vector<Key>& keys, std::size_t count, Less less) {
  if (count < keys.size()) {
    std::partial_sort(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(count), keys.end(),
                      less);
    keys.resize(count);
  } else {
    std::sort(keys.begin(), keys.end(), less);
  }
}

}  // namespace

Ranking rank_first(const State& state, const std::vector<TaskFacts>& tasks, Day today,
                   const std::vector<bool>& in_sprint, std::size_t count) {
  const Ranker ranker(state, tasks, today, in_sprint);
  std::vector<Key> keys;
  keys.reserve(tasks.size());
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (ranker.ranks(i)) keys.push_back(ranker.key(i));
  }
  Ranking out;
  out.total = keys.size();
  sort_first(keys, count, more_urgent);
  out.first.reserve(keys.size());
  for (const Key& k : keys) {
    out.first.push_back({k.task, ranker.urgency_of(static_cast<std::size_t>(k.task))});
  }
  return out;
}

std::vector<Ranked> rank_tasks(const State& state, const std::vector<TaskFacts>& tasks, Day today,
                               const std::vector<bool>& in_sprint) {
  return rank_first(state, tasks, today, in_sprint, tasks.size()).first;
}

std::vector<Ranked> rank_tasks(const State& state, Day today, const std::vector<bool>& in_sprint) {
  return rank_tasks(state, facts_of(state.tasks), today, in_sprint);
}

std::vector<int> most_urgent_first(const State& state, const std::vector<TaskFacts>& tasks,
                                   Day today, const std::vector<bool>& in_sprint,
                                   const std::vector<int>& indexes, std::size_t count) {
  const Ranker ranker(state, tasks, today, in_sprint);
  // Those that rank by their keys; the others after them, the earliest due first, then in
  // task order.
  std::vector<Key> keys;
  keys.reserve(indexes.size());
  for (const int index : indexes) {
    const auto i = static_cast<std::size_t>(index);
    keys.push_back(ranker.ranks(i) ? ranker.key(i) : Key{0, 0, index, false});
  }
  const auto due = [&](const Key& k) {
    return tasks[static_cast<std::size_t>(k.task)].due.value_or(Day::max());
  };
  sort_first(keys, count, [&](const Key& a, const Key& b) {
    if (a.ranks != b.ranks) return a.ranks;
    if (a.ranks) return more_urgent(a, b);
    if (due(a) != due(b)) return due(a) < due(b);
    return a.task < b.task;
  });
  std::vector<int> out;
  out.reserve(keys.size());
  for (const Key& k : keys) out.push_back(k.task);
  return out;
}

}  // namespace momentum
