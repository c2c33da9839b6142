#include "momentum/state.hpp"

#include <algorithm>
#include <functional>
#include <utility>

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

const UuidIndex& State::task_ids() const {
  if (task_index_pending) {
    task_index = {};
    task_index.reserve(tasks.size());
    for (std::size_t i = 0; i < tasks.size(); ++i) {
      task_index.emplace(tasks[i].id, static_cast<int>(i));
    }
    task_index_pending = false;
  }
  return task_index;
}

std::optional<int> UuidIndex::find(std::string_view id) const {
  if (slots_.empty()) return std::nullopt;
  const Slot& slot = slots_[probe(id, UuidHash{}(id))];
  return slot.index < 0 ? std::nullopt : std::optional<int>(slot.index);
}

bool UuidIndex::emplace(std::string_view id, int index) {
  if (4 * (size_ + 1) > 3 * slots_.size()) grow(std::max<std::size_t>(16, 2 * slots_.size()));
  const std::size_t hash = UuidHash{}(id);
  Slot& slot = slots_[probe(id, hash)];
  if (slot.index >= 0) return false;
  slot = {hash, ids_.size(), id.size(), index};
  ids_ += id;
  ++size_;
  return true;
}

void UuidIndex::reserve(std::size_t count) {
  std::size_t capacity = 16;
  while (4 * count > 3 * capacity) capacity *= 2;
  if (capacity > slots_.size()) grow(capacity);
  ids_.reserve(count * 36);  // a UUID's length
}

std::size_t UuidIndex::probe(std::string_view id, std::size_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.index < 0) return i;
    if (slot.hash == hash && std::string_view(ids_).substr(slot.offset, slot.length) == id) {
      return i;
    }
  }
}

void UuidIndex::grow(std::size_t capacity) {
  std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(capacity));
  const std::size_t mask = capacity - 1;
  for (const Slot& slot : old) {
    if (slot.index < 0) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].index >= 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
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

TaskFacts facts_of(const Task& task) {
  return {.num = task.num,
          .goal = task.goal,
          .status = task.status,
          .importance = task.importance,
          .estimate = task.estimate,
          .due = task.due,
          .created_day = task.created_day,
          .deferrals = static_cast<int>(task.deferrals.size()),
          .tags = static_cast<int>(task.tags.size())};
}

std::vector<TaskFacts> facts_of(const std::vector<Task>& tasks) {
  std::vector<TaskFacts> out;
  out.reserve(tasks.size());
  for (const Task& t : tasks) out.push_back(facts_of(t));
  return out;
}

std::vector<TaskFacts> task_facts(const State& state) {
  if (!state.history || state.history->unread.empty()) return facts_of(state.tasks);
  const std::vector<TaskFacts>& unread = state.history->unread;
  std::vector<TaskFacts> out;
  out.reserve(unread.size() + state.tasks.size());
  auto u = unread.begin();
  for (const Task& t : state.tasks) {
    for (; u != unread.end() && u->num < t.num; ++u) out.push_back(*u);
    out.push_back(facts_of(t));
  }
  out.insert(out.end(), u, unread.end());
  return out;
}

bool holds_tasks(const State& state, const std::vector<int>& nums) {
  return std::all_of(nums.begin(), nums.end(),
                     [&](int num) { return find_by_num(state.tasks, num).has_value(); });
}

int task_index(const State& state, const TaskFacts& facts) {
  return find_by_num(state.tasks, facts.num).value();
}

bool is_overdue(const TaskFacts& task, Day today) {
  return is_open(task.status) && task.due && *task.due < today;
}

bool is_due_on(const TaskFacts& task, Day today) {
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
    const std::optional<int> i = index.find(was.id);
    if (!i) continue;
    const Entity& now = after[static_cast<std::size_t>(*i)];
    if (now.num != was.num) out.push_back({kind, was.id, now.title, was.num, now.num});
  }
}

}  // namespace

std::vector<Renumbered> renumbered(const State& before, const State& after) {
  std::vector<Renumbered> out;
  renumbered_in("goal", before.goals, after.goals, after.goal_index, out);
  renumbered_in("task", before.tasks, after.tasks, after.task_ids(), out);
  return out;
}

}  // namespace momentum
