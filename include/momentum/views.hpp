#pragma once
// The derived facts about one goal or task that its text and its JSON both show.

#include <optional>

#include "momentum/day.hpp"
#include "momentum/minutes.hpp"
#include "momentum/state.hpp"

namespace momentum {

// A goal as `goal list` and `goal show` see it on a day.
struct GoalView {
  GoalStatus status = GoalStatus::active;  // effective on the day
  std::optional<Day> paused_until;         // paused with a day to resume by itself
  int tasks_open = 0;
  int tasks_done = 0;
};

// Goal `goal` (an index) on `today`.
GoalView goal_view(const State& state, int goal, Day today);

// A goal's check-ins as `goal show` sums them.
struct GoalCheckins {
  Minutes all;      // every check-in on the goal
  int last_30 = 0;  // minutes of those on the 30 days ending `today` (or later)
};

// The check-ins of goal `goal` (an index) as seen on `today`.
GoalCheckins goal_checkins(const State& state, int goal, Day today);

// A task as `task show` and `--json` see it on a day.
struct TaskView {
  bool overdue = false;    // open and due before the day
  int minutes_logged = 0;  // on its check-ins, all time
};

// Task `task` (an index) on `today`.
TaskView task_view(const State& state, int task, Day today);

// task_view() of every task, indexed like `state.tasks`, from one pass over the check-ins:
// what a list or an export of many tasks uses (a task_view() each would read them all each).
std::vector<TaskView> task_views(const State& state, Day today);

}  // namespace momentum
