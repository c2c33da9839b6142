// The check-in commands' rules: log, log edit, log rm, log skip.
#include <fmt/format.h>

#include "momentum/commands.hpp"
#include "momentum/error.hpp"
#include "momentum/parse.hpp"
#include "momentum/resolve.hpp"

namespace momentum {
namespace {

void check_day(Day day, Day today) {
  if (day > today) {
    throw UsageError(
        fmt::format("check-in day '{}' is in the future; a check-in counts for today "
                    "({}) or earlier ('momentum log skip' plans a rest day)",
                    format_day(day), format_day(today)));
  }
}

// A log on a task inherits its goal and kind unless the user gave them.
void inherit_from_task(const State& state, LogFields& f) {
  if (!f.task || !*f.task) return;
  const Task& t = state.tasks[static_cast<std::size_t>(**f.task)];
  if (!f.goal && t.goal) f.goal = Clearable<int>::value_type(*t.goal);
  if (!f.kind) f.kind = t.kind;
}

// A day's check-ins adding up to more than a day is almost surely a typo worth a look.
void warn_long_day(const State& state, const LogFields& f, int replaced,
                   std::vector<std::string>& out) {
  if (!f.minutes || !*f.minutes || !f.day) return;
  int total = **f.minutes;
  for (std::size_t i = 0; i < state.logs.size(); ++i) {
    const LogEntry& l = state.logs[i];
    if (!l.removed && l.day == *f.day && static_cast<int>(i) != replaced)
      total += l.minutes.value_or(0);
  }
  if (total > 24 * 60) {
    out.push_back(
        fmt::format("check-ins on {} now add up to {}, more than a day; 'momentum log "
                    "list' shows them",
                    format_day(*f.day), format_duration(std::chrono::minutes{total})));
  }
}

void warn_finished_task(const State& state, const LogFields& f, std::vector<std::string>& out) {
  if (!f.task || !*f.task) return;
  const Task& t = state.tasks[static_cast<std::size_t>(**f.task)];
  if (!is_open(t.status)) {
    out.push_back(fmt::format("task {} is {}; the time counts and it stays {}", t.num,
                              to_string(t.status), to_string(t.status)));
  }
}

// A reference given by index, as the item's UUID.
template <class Entity>
Clearable<Uuid> id_of(const std::vector<Entity>& items, const Clearable<int>& ref) {
  if (!ref) return std::nullopt;
  return *ref ? std::optional<Uuid>(items[static_cast<std::size_t>(**ref)].id) : std::nullopt;
}

LogData log_data(const State& state, const LogFields& f) {
  return {f.day,  f.minutes,    f.kind, id_of(state.goals, f.goal), id_of(state.tasks, f.task),
          f.note, f.resistance, f.tags};
}

// The goal of the sprint that covered `day`, if it has one: started by then and not closed
// before it (an ended sprint not yet closed still counts, as for 'sprint status').
std::optional<int> sprint_goal(const State& state, Day day) {
  for (const Sprint& s : state.sprints) {
    const bool covered = s.start <= day && (!s.closed || day <= std::min(s.end, *s.closed_day));
    if (covered && s.goal) return s.goal;
  }
  return std::nullopt;
}

// The one goal active on `day`, when there is exactly one.
std::optional<int> only_active_goal(const State& state, Day day) {
  std::optional<int> found;
  for (std::size_t i = 0; i < state.goals.size(); ++i) {
    if (!active_on(state.goals[i], day)) continue;
    if (found) return std::nullopt;
    found = static_cast<int>(i);
  }
  return found;
}

}  // namespace

ImpliedGoal implied_goal(const State& state, Day day, std::string_view default_goal) {
  if (const auto goal = sprint_goal(state, day)) return {goal, GoalSource::sprint, {}};
  if (const auto goal = only_active_goal(state, day)) return {goal, GoalSource::only_active, {}};
  if (default_goal.empty()) return {};
  int goal = 0;
  try {
    goal = resolve_goal(state, default_goal);
  } catch (const UsageError& e) {
    return {std::nullopt, GoalSource::none,
            fmt::format("config default_goal: {}; the check-in counts for no goal", e.what())};
  }
  const Goal& g = state.goals[static_cast<std::size_t>(goal)];
  if (!active_on(g, day)) {
    return {std::nullopt, GoalSource::none,
            fmt::format("config default_goal: goal {} was not active on {}; the check-in counts "
                        "for no goal",
                        g.num, format_day(day))};
  }
  return {goal, GoalSource::default_goal, {}};
}

Change add_log(const State& state, const LogFields& fields, const Stamp& stamp, Day today,
               std::string_view default_goal) {
  LogFields f = fields;
  if (!f.day) f.day = today;
  check_day(*f.day, today);
  std::string implied_warning;
  if (!f.goal && !(f.task && *f.task)) {
    ImpliedGoal implied = implied_goal(state, *f.day, default_goal);
    if (implied.goal) f.goal = Clearable<int>::value_type(*implied.goal);
    implied_warning = std::move(implied.warning);
  }
  inherit_from_task(state, f);
  if (!f.kind) f.kind = Kind::do_;
  const int index = static_cast<int>(state.logs.size());
  Change change{Event{stamp, LogAdd{log_data(state, f)}}, {EntityKind::log, index}, {}};
  if (!implied_warning.empty()) change.warnings.push_back(implied_warning);
  warn_finished_task(state, f, change.warnings);
  warn_long_day(state, f, -1, change.warnings);
  return change;
}

Change edit_log(const State& state, int log, const LogFields& fields, const Stamp& stamp,
                Day today) {
  if (fields.day) check_day(*fields.day, today);
  LogFields f = fields;
  if (f.task && *f.task) {
    // A log moved onto a task takes the task's goal and kind unless given.
    inherit_from_task(state, f);
  }
  LogEdit op{log_data(state, f), state.logs[static_cast<std::size_t>(log)].id};
  if (static_cast<const LogData&>(op) == LogData{}) {
    throw UsageError("nothing to change; give 'log edit' one of the options shown by --help");
  }
  Change change{Event{stamp, std::move(op)}, {EntityKind::log, log}, {}};
  warn_finished_task(state, f, change.warnings);
  return change;
}

Change remove_log(const State& state, int log, const Stamp& stamp) {
  return {Event{stamp, LogRemove{state.logs[static_cast<std::size_t>(log)].id}},
          {EntityKind::log, log},
          {}};
}

Change add_skip(const State& state, Day day, std::optional<int> goal, const std::string& reason,
                const Stamp& stamp) {
  for (const Skip& k : state.skips) {
    if (!k.removed && k.day == day && k.goal == goal) {
      throw UsageError(fmt::format(
          "{} is already a rest day for {}", format_day(day),
          goal ? fmt::format("goal {}", state.goals[static_cast<std::size_t>(*goal)].num)
               : std::string("all goals")));
    }
  }
  SkipAdd op{day, std::nullopt, std::nullopt};
  if (goal) op.goal = state.goals[static_cast<std::size_t>(*goal)].id;
  if (!reason.empty()) op.reason = reason;
  const int index = static_cast<int>(state.skips.size());
  return {Event{stamp, std::move(op)}, {EntityKind::skip, index}, {}};
}

}  // namespace momentum
