#pragma once
// Sprints: one turn of the loop, a time box around one problem. The write commands that
// start, fill and close one, and the pure views on it (current sprint, burndown).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "momentum/commands.hpp"
#include "momentum/day.hpp"
#include "momentum/minutes.hpp"
#include "momentum/state.hpp"

namespace momentum {

// What `sprint start` asks for; `end` is the last day the sprint covers.
struct SprintFields {
  std::string title;
  std::optional<int> goal;  // index into State::goals
  Day start{};
  Day end{};
  std::vector<int> tasks;  // indices into State::tasks
  bool carry = false;      // also plan the unfinished tasks of the last closed sprint
};

// The longest sprint, in days.
inline constexpr int max_sprint_days = 90;

// The unclosed sprint with the earliest start (the active one, or an ended one not yet
// closed, or else the next planned one); nullopt when every sprint is closed.
std::optional<int> current_sprint(const State& state);

// The unclosed sprint that has started by `today` (active or ended without a close).
std::optional<int> open_sprint(const State& state, Day today);

// The sprint closed last, if any.
std::optional<int> last_closed_sprint(const State& state);

// in_sprint[i]: task i is planned in the sprint active on `today` (for rank_tasks).
std::vector<bool> in_sprint_flags(const State& state, Day today);

// The same over `tasks` (task_facts(state)): in_sprint[i] is about tasks[i].
std::vector<bool> in_sprint_flags(const State& state, const std::vector<TaskFacts>& tasks,
                                  Day today);

// True when `sprint`'s last day is before `today` and it is not closed.
bool needs_close(const Sprint& sprint, Day today);

Change start_sprint(const State& state, const SprintFields& fields, const Stamp& stamp, Day today);
// Plans open `tasks` in the current sprint.
Change add_to_sprint(const State& state, const std::vector<int>& tasks, const Stamp& stamp,
                     Day today);
// Takes `tasks` out of the current sprint's plan.
Change remove_from_sprint(const State& state, const std::vector<int>& tasks, const Stamp& stamp,
                          Day today);
// Closes the sprint that has started and is not closed, with its retrospective.
Change close_sprint(const State& state, const Retrospective& retro, const Stamp& stamp, Day today);

// One day of a burndown: open planned tasks at the end of `day` (nullopt after `today`),
// the ideal line, and the tasks added to the plan that day after the start (scope change).
struct BurndownDay {
  Day day{};
  std::optional<int> open;
  double ideal = 0;
  int added = 0;
};

// A burndown per day of `sprint`, start through end, as seen on `today`. The ideal line
// falls from the tasks planned by the start to 0 at the end of the last day.
std::vector<BurndownDay> burndown(const State& state, const Sprint& sprint, Day today);

// How many of the tasks planned in `sprint` are done (dropped ones are not).
int planned_done(const State& state, const Sprint& sprint);

// Minutes logged from the sprint's start through min(end, today).
Minutes sprint_minutes(const State& state, const Sprint& sprint, Day today);

}  // namespace momentum
