// The sprint write commands' rules; apply.cpp gives each event its effect.
#include <fmt/format.h>

#include <algorithm>

#include "momentum/error.hpp"
#include "momentum/parse.hpp"
#include "momentum/sprint.hpp"

namespace momentum {
namespace {

const Sprint& sprint_at(const State& s, int i) { return s.sprints[static_cast<std::size_t>(i)]; }
const Task& task_at(const State& s, int i) { return s.tasks[static_cast<std::size_t>(i)]; }

std::string label(const Sprint& s) { return fmt::format("sprint {} '{}'", s.num, s.title); }

bool is_planned(const Sprint& s, int task) {
  return std::any_of(s.planned.begin(), s.planned.end(),
                     [&](const PlannedTask& p) { return p.task == task; });
}

// Only one sprint at a time: an unclosed sprint that has ended, or overlaps `fields`, is in the
// way.
void check_no_clash(const State& state, const SprintFields& f, Day today) {
  for (const Sprint& s : state.sprints) {
    if (s.closed) continue;
    const std::string close = "close it first with 'momentum sprint close'";
    if (s.end < today) {
      throw UsageError(
          fmt::format("{} ended {} without a close; {}", label(s), format_day(s.end), close));
    }
    if (f.start > s.end || s.start > f.end) continue;
    if (s.start <= today) {
      throw UsageError(
          fmt::format("{} is active until {}; {}", label(s), format_day(s.end), close));
    }
    throw UsageError(fmt::format("{} is planned for {} to {}; choose a --start after {}", label(s),
                                 format_day(s.start), format_day(s.end), format_day(s.end)));
  }
}

void check_dates(const SprintFields& f, Day today) {
  if (f.start < today) {
    throw UsageError(fmt::format("--start '{}' is in the past; expected today ({}) or later",
                                 format_day(f.start), format_day(today)));
  }
  if (f.end < f.start) {
    throw UsageError(fmt::format("--until '{}' is before the sprint's start ({})",
                                 format_day(f.end), format_day(f.start)));
  }
  if ((f.end - f.start).count() + 1 > max_sprint_days) {
    throw UsageError(
        fmt::format("--until '{}' makes the sprint {} days long; a sprint lasts 1 to {} days",
                    format_day(f.end), (f.end - f.start).count() + 1, max_sprint_days));
  }
}

void check_plannable(const Task& t) {
  if (!is_open(t.status)) {
    throw UsageError(fmt::format("task {} is {}; only an open task can be planned in a sprint",
                                 t.num, to_string(t.status)));
  }
}

// The tasks to plan: those given, then (with carry) the last closed sprint's open ones.
std::vector<int> tasks_to_plan(const State& state, const SprintFields& f) {
  std::vector<int> tasks;
  for (int t : f.tasks) {
    check_plannable(task_at(state, t));
    if (std::find(tasks.begin(), tasks.end(), t) == tasks.end()) tasks.push_back(t);
  }
  if (!f.carry) return tasks;
  const std::optional<int> last = last_closed_sprint(state);
  if (!last) throw UsageError("--carry: there is no closed sprint to carry tasks from");
  for (const PlannedTask& p : sprint_at(state, *last).planned) {
    const bool open = is_open(task_at(state, p.task).status);
    if (open && std::find(tasks.begin(), tasks.end(), p.task) == tasks.end())
      tasks.push_back(p.task);
  }
  return tasks;
}

std::vector<Uuid> task_ids(const State& state, const std::vector<int>& tasks) {
  std::vector<Uuid> ids;
  for (int t : tasks) ids.push_back(task_at(state, t).id);
  return ids;
}

std::optional<std::string> unless_empty(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

int require_current(const State& state, std::string_view verb) {
  const std::optional<int> current = current_sprint(state);
  if (!current) {
    throw UsageError(
        fmt::format("no sprint to {}; start one with 'momentum sprint start TITLE'", verb));
  }
  return *current;
}

}  // namespace

Change start_sprint(const State& state, const SprintFields& fields, const Stamp& stamp, Day today) {
  check_dates(fields, today);
  check_no_clash(state, fields, today);
  const std::vector<int> tasks = tasks_to_plan(state, fields);
  SprintStart op{fields.title, std::nullopt,           fields.start,
                 fields.end,   task_ids(state, tasks), today};
  if (fields.goal) op.goal = state.goals[static_cast<std::size_t>(*fields.goal)].id;
  const int index = static_cast<int>(state.sprints.size());
  return {Event{stamp, std::move(op)}, {EntityKind::sprint, index}, {}};
}

Change add_to_sprint(const State& state, const std::vector<int>& tasks, const Stamp& stamp,
                     Day today) {
  const int current = require_current(state, "add to");
  const Sprint& s = sprint_at(state, current);
  std::vector<int> added;
  for (int t : tasks) {
    check_plannable(task_at(state, t));
    if (is_planned(s, t) || std::find(added.begin(), added.end(), t) != added.end()) {
      throw UsageError(
          fmt::format("task {} is already planned in sprint {}", task_at(state, t).num, s.num));
    }
    added.push_back(t);
  }
  return {Event{stamp, SprintAdd{s.id, task_ids(state, added), today}},
          {EntityKind::sprint, current},
          {}};
}

Change remove_from_sprint(const State& state, const std::vector<int>& tasks, const Stamp& stamp,
                          Day today) {
  const int current = require_current(state, "remove from");
  const Sprint& s = sprint_at(state, current);
  for (int t : tasks) {
    if (!is_planned(s, t)) {
      throw UsageError(
          fmt::format("task {} is not planned in sprint {}", task_at(state, t).num, s.num));
    }
  }
  return {Event{stamp, SprintRemove{s.id, task_ids(state, tasks), today}},
          {EntityKind::sprint, current},
          {}};
}

Change close_sprint(const State& state, const Retrospective& retro, const Stamp& stamp, Day today) {
  const std::optional<int> open = open_sprint(state, today);
  if (!open) {
    const std::optional<int> planned = current_sprint(state);
    if (planned) {
      throw UsageError(fmt::format("{} has not started yet (it starts {}); nothing to close",
                                   label(sprint_at(state, *planned)),
                                   format_day(sprint_at(state, *planned).start)));
    }
    throw UsageError("no active sprint to close; 'momentum sprint list' shows the sprints");
  }
  if (retro.rating && (*retro.rating < 1 || *retro.rating > 5)) {
    throw UsageError(fmt::format("--rating '{}' is not a whole number from 1 to 5", *retro.rating));
  }
  SprintClose op{sprint_at(state, *open).id,
                 unless_empty(retro.learned),
                 unless_empty(retro.blocked),
                 unless_empty(retro.next),
                 retro.rating,
                 today};
  return {Event{stamp, std::move(op)}, {EntityKind::sprint, *open}, {}};
}

}  // namespace momentum
