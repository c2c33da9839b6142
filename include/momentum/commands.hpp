#pragma once
// What each write command means: it checks its input against the State and returns the
// one Event to append (and the entity it touches, and any warnings), or throws UsageError
// and nothing is written.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "momentum/day.hpp"
#include "momentum/event.hpp"
#include "momentum/state.hpp"

namespace momentum {

// The stamp for the next event: `clock.now`, or 1 ms after the journal's latest `ts` when
// the clock is behind or frozen; `random` supplies the UUID's bits.
Stamp next_stamp(const State& state, const Clock& clock, std::array<std::uint64_t, 2> random);

// The kinds of entity a State holds.
enum class EntityKind { goal, task, log, skip, sprint };

// The entity a change adds or changes: its kind and its index into that State vector.
struct Touched {
  EntityKind kind = EntityKind::goal;
  int index = 0;
  friend bool operator==(const Touched&, const Touched&) = default;
};

// An event to append, the entity it touches, and what the user should be told about it.
struct Change {
  Event event;
  Touched touched;
  std::vector<std::string> warnings;
};

// Goal fields given on the command line; unset ones keep their value (add: the default).
struct GoalFields {
  std::optional<std::string> title;
  std::optional<std::string> why;
  std::optional<int> importance;
  std::optional<Cadence> cadence;
  Clearable<Day> target;
  std::optional<std::vector<std::string>> tags;
};

struct TaskFields {
  std::optional<std::string> title;
  Clearable<int> goal;  // index into State::goals
  std::optional<Kind> kind;
  std::optional<int> importance;
  Clearable<int> estimate;  // minutes
  Clearable<Day> due;
  std::optional<std::vector<std::string>> tags;
};

struct LogFields {
  std::optional<Day> day;
  Clearable<int> minutes;
  std::optional<Kind> kind;
  Clearable<int> goal;
  Clearable<int> task;
  std::optional<std::string> note;
  Clearable<int> resistance;
  std::optional<std::vector<std::string>> tags;
};

// What `goal pause|resume|achieve|drop` asks for.
enum class GoalAction { pause, resume, achieve, drop };
// What `task start|done|drop|reopen` asks for.
enum class TaskAction { start, done, drop, reopen };

Change add_goal(const State& state, const GoalFields& fields, const Stamp& stamp, Day today);
Change edit_goal(const State& state, int goal, const GoalFields& fields, const Stamp& stamp,
                 Day today);
// `until` only with pause: paused through the day before it.
Change change_goal(const State& state, int goal, GoalAction action, std::optional<Day> until,
                   const Stamp& stamp, Day today);

Change add_task(const State& state, const TaskFields& fields, const Stamp& stamp, Day today);
Change edit_task(const State& state, int task, const TaskFields& fields, const Stamp& stamp,
                 Day today);
Change change_task(const State& state, int task, TaskAction action, const Stamp& stamp, Day today);
// Moves the due day to `to` and records (from, to, reason).
Change defer_task(const State& state, int task, Day to, const std::string& reason,
                  const Stamp& stamp, Day today);

// Where the goal of a check-in that names neither a goal nor a task comes from.
enum class GoalSource { sprint, only_active, default_goal, none };

// The goal such a check-in counts for, and why; `warning` when the default did not resolve.
struct ImpliedGoal {
  std::optional<int> goal;
  GoalSource source = GoalSource::none;
  std::string warning;
};

// The goal a check-in on `day` counts for when it names neither a goal nor a task: the active
// sprint's goal; else the only active goal; else `default_goal` (config, a goal reference as
// resolve_goal takes it; empty when unset); else none.
ImpliedGoal implied_goal(const State& state, Day day, std::string_view default_goal);

// A check-in; `fields.day` defaults to `today`. A task's goal and kind are inherited; with
// neither a goal nor a task it counts for implied_goal(…, `default_goal`).
Change add_log(const State& state, const LogFields& fields, const Stamp& stamp, Day today,
               std::string_view default_goal = {});
Change edit_log(const State& state, int log, const LogFields& fields, const Stamp& stamp,
                Day today);
Change remove_log(const State& state, int log, const Stamp& stamp);
// A planned rest day for one goal or (no goal) for all.
Change add_skip(const State& state, Day day, std::optional<int> goal, const std::string& reason,
                const Stamp& stamp);

}  // namespace momentum
