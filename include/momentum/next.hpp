#pragma once
// "What should I do next": Taskwarrior-style urgency (docs/usage.md, "task next and urgency").

#include <vector>

#include "momentum/day.hpp"
#include "momentum/state.hpp"

namespace momentum {

// The parts of a task's urgency, for `task next --explain`.
struct Urgency {
  double importance = 0;
  double due = 0;
  double doing = 0;
  double sprint = 0;
  double goal = 0;
  double tags = 0;
  double age = 0;
  double deferrals = 0;
  double total() const { return importance + due + doing + sprint + goal + tags + age + deferrals; }
};

// The urgency of `task` on `today`; `in_sprint` when it is planned in the active sprint.
Urgency urgency(const TaskFacts& task, Day today, bool in_sprint);
inline Urgency urgency(const Task& task, Day today, bool in_sprint) {
  return urgency(facts_of(task), today, in_sprint);
}

// A task and its urgency.
struct Ranked {
  int task = 0;  // index into the tasks ranked: State::tasks, or the facts given
  Urgency urgency;
};

// The first of the tasks ranked, and how many were.
struct Ranking {
  std::vector<Ranked> first;
  std::size_t total = 0;
};

// The open tasks of `tasks` (task_facts()) of active goals (or of none) in `state`, most urgent
// first; ties go to the smaller estimate, then the older task. `in_sprint[i]` says whether
// task i is planned in the active sprint (may be empty). Only the first `count` are put in
// order: a command that shows a few of thousands does not sort them all.
Ranking rank_first(const State& state, const std::vector<TaskFacts>& tasks, Day today,
                   const std::vector<bool>& in_sprint, std::size_t count);

// All of them.
std::vector<Ranked> rank_tasks(const State& state, const std::vector<TaskFacts>& tasks, Day today,
                               const std::vector<bool>& in_sprint = {});

// The same for the tasks `state` holds (all of a State read whole).
std::vector<Ranked> rank_tasks(const State& state, Day today,
                               const std::vector<bool>& in_sprint = {});

// The first `count` of `indexes` (of `tasks`, each with a due day) in rank_first()'s order, the
// most urgent first; those it leaves out (of paused or finished goals) come last, the longest
// overdue first. What `today` and `remind` show first when there are more than fit.
std::vector<int> most_urgent_first(const State& state, const std::vector<TaskFacts>& tasks,
                                   Day today, const std::vector<bool>& in_sprint,
                                   const std::vector<int>& indexes, std::size_t count);

}  // namespace momentum
