// The write commands' rules. Each builds the one event to append; replay (apply.cpp) gives
// that event its effect, so a rule lives here (may it happen?) or there (what it does).
#include "momentum/commands.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "momentum/error.hpp"
#include "momentum/parse.hpp"

namespace momentum {
namespace {

std::string uuid_v4(std::array<std::uint64_t, 2> r) {
  r[0] = (r[0] & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;  // version 4
  r[1] = (r[1] & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", r[0] >> 32, (r[0] >> 16) & 0xffff,
                     r[0] & 0xffff, r[1] >> 48, r[1] & 0xffffffffffffULL);
}

const Goal& goal_at(const State& s, int i) { return s.goals[static_cast<std::size_t>(i)]; }
const Task& task_at(const State& s, int i) { return s.tasks[static_cast<std::size_t>(i)]; }

// A goal reference given by index, as the goal's UUID.
Clearable<Uuid> goal_id(const State& s, const Clearable<int>& goal) {
  if (!goal) return std::nullopt;
  return *goal ? std::optional<Uuid>(goal_at(s, **goal).id) : std::nullopt;
}

void require_changes(bool any, std::string_view what) {
  if (!any) {
    throw UsageError(
        fmt::format("nothing to change; give {} one of the options shown by --help", what));
  }
}

std::string goal_label(const Goal& g) { return fmt::format("goal {}", g.num); }
std::string task_label(const Task& t) { return fmt::format("task {}", t.num); }

}  // namespace

Stamp next_stamp(const State& state, const Clock& clock, std::array<std::uint64_t, 2> random) {
  const Timestamp later = state.last_ts + std::chrono::milliseconds{1};
  const Timestamp ts = state.event_count == 0 ? clock.now : std::max(clock.now, later);
  return Stamp{uuid_v4(random), ts, clock.utc_offset};
}

Change add_goal(const State& state, const GoalFields& fields, const Stamp& stamp, Day today) {
  const GoalFields& f = fields;
  GoalAdd op{f.title.value_or(""),
             f.why,
             f.importance.value_or(3),
             f.cadence.value_or(Cadence{}),
             f.target,
             f.tags.value_or(std::vector<std::string>{}),
             today};
  const int index = static_cast<int>(state.goals.size());
  return {Event{stamp, std::move(op)}, {EntityKind::goal, index}, {}};
}

Change edit_goal(const State& state, int goal, const GoalFields& fields, const Stamp& stamp,
                 Day today) {
  const GoalFields& f = fields;
  require_changes(f.title || f.why || f.importance || f.cadence || f.target || f.tags,
                  "'goal edit'");
  GoalEdit op{
      goal_at(state, goal).id, f.title, f.why, f.importance, f.cadence, f.target, f.tags, today};
  return {Event{stamp, std::move(op)}, {EntityKind::goal, goal}, {}};
}

Change change_goal(const State& state, int goal, GoalAction action, std::optional<Day> until,
                   const Stamp& stamp, Day today) {
  const Goal& g = goal_at(state, goal);
  const GoalStatus now = effective_status(g, today);
  const bool finished = now == GoalStatus::achieved || now == GoalStatus::dropped;
  GoalStatus status = GoalStatus::active;
  switch (action) {
    case GoalAction::pause:
      if (finished) {
        throw UsageError(fmt::format("{} is {}; only an active goal can be paused", goal_label(g),
                                     to_string(now)));
      }
      if (now == GoalStatus::paused && !until) {
        throw UsageError(
            fmt::format("{} is already paused; give --until DATE to change when it "
                        "resumes, or 'momentum goal resume {}'",
                        goal_label(g), g.num));
      }
      if (until && *until <= today) {
        throw UsageError(fmt::format("--until '{}' must be after today ({})", format_day(*until),
                                     format_day(today)));
      }
      status = GoalStatus::paused;
      break;
    case GoalAction::resume:
      if (now == GoalStatus::active) {
        throw UsageError(fmt::format("{} is already active", goal_label(g)));
      }
      status = GoalStatus::active;
      break;
    case GoalAction::achieve:
    case GoalAction::drop:
      status = action == GoalAction::achieve ? GoalStatus::achieved : GoalStatus::dropped;
      if (now == status) {
        throw UsageError(fmt::format("{} is already {}", goal_label(g), to_string(status)));
      }
      break;
  }
  return {Event{stamp, GoalSetStatus{g.id, status, until, today}}, {EntityKind::goal, goal}, {}};
}

Change add_task(const State& state, const TaskFields& fields, const Stamp& stamp, Day today) {
  const TaskFields& f = fields;
  TaskAdd op{f.title.value_or(""),
             goal_id(state, f.goal),
             f.kind.value_or(Kind::do_),
             f.importance.value_or(3),
             f.estimate,
             f.due,
             f.tags.value_or(std::vector<std::string>{}),
             today};
  const int index = static_cast<int>(state.tasks.size());
  return {Event{stamp, std::move(op)}, {EntityKind::task, index}, {}};
}

Change edit_task(const State& state, int task, const TaskFields& fields, const Stamp& stamp,
                 Day today) {
  const TaskFields& f = fields;
  require_changes(f.title || f.goal || f.kind || f.importance || f.estimate || f.due || f.tags,
                  "'task edit'");
  TaskEdit op{task_at(state, task).id,
              f.title,
              goal_id(state, f.goal),
              f.kind,
              f.importance,
              f.estimate,
              f.due,
              f.tags,
              today};
  return {Event{stamp, std::move(op)}, {EntityKind::task, task}, {}};
}

Change change_task(const State& state, int task, TaskAction action, const Stamp& stamp, Day today) {
  const Task& t = task_at(state, task);
  const bool open = is_open(t.status);
  TaskStatus status = TaskStatus::todo;
  switch (action) {
    case TaskAction::start:
      if (t.status == TaskStatus::doing) {
        throw UsageError(fmt::format("{} is already started", task_label(t)));
      }
      if (!open) {
        throw UsageError(fmt::format("{} is {}; reopen it first ('momentum task reopen {}')",
                                     task_label(t), to_string(t.status), t.num));
      }
      status = TaskStatus::doing;
      break;
    case TaskAction::done:
    case TaskAction::drop:
      status = action == TaskAction::done ? TaskStatus::done : TaskStatus::dropped;
      if (!open) {
        throw UsageError(fmt::format("{} is already {}", task_label(t), to_string(t.status)));
      }
      break;
    case TaskAction::reopen:
      if (open) {
        throw UsageError(
            fmt::format("{} is still open ({}); only a done or dropped task can be "
                        "reopened",
                        task_label(t), to_string(t.status)));
      }
      status = t.started ? TaskStatus::doing : TaskStatus::todo;
      break;
  }
  return {Event{stamp, TaskSetStatus{t.id, status, today}}, {EntityKind::task, task}, {}};
}

Change defer_task(const State& state, int task, Day to, const std::string& reason,
                  const Stamp& stamp, Day today) {
  const Task& t = task_at(state, task);
  if (!is_open(t.status)) {
    throw UsageError(fmt::format("{} is {}; only an open task can be deferred", task_label(t),
                                 to_string(t.status)));
  }
  if (to < today) {
    throw UsageError(fmt::format("--to '{}' is in the past; expected today ({}) or later",
                                 format_day(to), format_day(today)));
  }
  if (t.due && *t.due == to) {
    throw UsageError(fmt::format("{} is already due {}", task_label(t), format_day(to)));
  }
  std::optional<std::string> why;
  if (!reason.empty()) why = reason;
  return {Event{stamp, TaskDefer{t.id, t.due, to, why, today}}, {EntityKind::task, task}, {}};
}

}  // namespace momentum
