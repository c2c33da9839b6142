// The write commands' rules. Each builds the one event to append; replay (apply.cpp) gives
// that event its effect, so a rule lives here (may it happen?) or there (what it does).
#include "momentum/commands.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "momentum/error.hpp"
#include "momentum/parse.hpp"

namespace momentum {
namespace {

using nlohmann::json;

std::string uuid_v4(std::array<std::uint64_t, 2> r) {
  r[0] = (r[0] & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;  // version 4
  r[1] = (r[1] & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", r[0] >> 32, (r[0] >> 16) & 0xffff,
                     r[0] & 0xffff, r[1] >> 48, r[1] & 0xffffffffffffULL);
}

json day_json(std::optional<Day> day) { return day ? json(format_day(*day)) : json(nullptr); }

template <class T, class F>
void put(json& data, const char* key, const std::optional<T>& value, F convert) {
  if (value) data[key] = convert(*value);
}
template <class T, class F>
void put_clearable(json& data, const char* key, const Clearable<T>& value, F convert) {
  if (value) data[key] = *value ? json(convert(**value)) : json(nullptr);
}
const auto same = [](const auto& v) { return json(v); };

const Goal& goal_at(const State& s, int i) { return s.goals[static_cast<std::size_t>(i)]; }
const Task& task_at(const State& s, int i) { return s.tasks[static_cast<std::size_t>(i)]; }

json goal_data(const State& state, const GoalFields& f) {
  json data = json::object();
  put(data, "title", f.title, same);
  put(data, "why", f.why, same);
  put(data, "importance", f.importance, same);
  put(data, "cadence", f.cadence, [](const Cadence& c) { return format_cadence(c); });
  put_clearable(data, "target", f.target, [](Day d) { return format_day(d); });
  put(data, "tags", f.tags, same);
  (void)state;
  return data;
}

json task_data(const State& state, const TaskFields& f) {
  json data = json::object();
  put(data, "title", f.title, same);
  put_clearable(data, "goal", f.goal, [&](int g) { return goal_at(state, g).id; });
  put(data, "kind", f.kind, [](Kind k) { return std::string(to_string(k)); });
  put(data, "importance", f.importance, same);
  put_clearable(data, "estimate", f.estimate, same);
  put_clearable(data, "due", f.due, [](Day d) { return format_day(d); });
  put(data, "tags", f.tags, same);
  return data;
}

void require_changes(const json& data, std::string_view what) {
  if (data.size() <= 1) {  // only the reference itself
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
  json data = goal_data(state, fields);
  if (!fields.cadence) data["cadence"] = format_cadence(Cadence{});
  if (!fields.importance) data["importance"] = 3;
  if (!fields.tags) data["tags"] = json::array();
  data["day"] = format_day(today);
  return {Event{stamp, "goal.add", std::move(data)}, {}};
}

Change edit_goal(const State& state, int goal, const GoalFields& fields, const Stamp& stamp,
                 Day today) {
  json data = goal_data(state, fields);
  data["goal"] = goal_at(state, goal).id;
  require_changes(data, "'goal edit'");
  data["day"] = format_day(today);
  return {Event{stamp, "goal.edit", std::move(data)}, {}};
}

Change change_goal(const State& state, int goal, GoalAction action, std::optional<Day> until,
                   const Stamp& stamp, Day today) {
  const Goal& g = goal_at(state, goal);
  const GoalStatus now = effective_status(g, today);
  const bool finished = now == GoalStatus::achieved || now == GoalStatus::dropped;
  std::string status;
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
      status = "paused";
      break;
    case GoalAction::resume:
      if (now == GoalStatus::active) {
        throw UsageError(fmt::format("{} is already active", goal_label(g)));
      }
      status = "active";
      break;
    case GoalAction::achieve:
    case GoalAction::drop:
      status = action == GoalAction::achieve ? "achieved" : "dropped";
      if (to_string(now) == status) {
        throw UsageError(fmt::format("{} is already {}", goal_label(g), status));
      }
      break;
  }
  json data = {{"goal", g.id}, {"status", status}, {"day", format_day(today)}};
  if (until) data["until"] = format_day(*until);
  return {Event{stamp, "goal.status", std::move(data)}, {}};
}

Change add_task(const State& state, const TaskFields& fields, const Stamp& stamp, Day today) {
  json data = task_data(state, fields);
  if (!fields.kind) data["kind"] = "do";
  if (!fields.importance) data["importance"] = 3;
  if (!fields.tags) data["tags"] = json::array();
  data["day"] = format_day(today);
  return {Event{stamp, "task.add", std::move(data)}, {}};
}

Change edit_task(const State& state, int task, const TaskFields& fields, const Stamp& stamp,
                 Day today) {
  json data = task_data(state, fields);
  data["task"] = task_at(state, task).id;
  require_changes(data, "'task edit'");
  data["day"] = format_day(today);
  return {Event{stamp, "task.edit", std::move(data)}, {}};
}

Change change_task(const State& state, int task, TaskAction action, const Stamp& stamp, Day today) {
  const Task& t = task_at(state, task);
  const bool open = is_open(t.status);
  std::string status;
  switch (action) {
    case TaskAction::start:
      if (t.status == TaskStatus::doing) {
        throw UsageError(fmt::format("{} is already started", task_label(t)));
      }
      if (!open) {
        throw UsageError(fmt::format("{} is {}; reopen it first ('momentum task reopen {}')",
                                     task_label(t), to_string(t.status), t.num));
      }
      status = "doing";
      break;
    case TaskAction::done:
    case TaskAction::drop:
      status = action == TaskAction::done ? "done" : "dropped";
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
      status = t.started ? "doing" : "todo";
      break;
  }
  json data = {{"task", t.id}, {"status", status}, {"day", format_day(today)}};
  return {Event{stamp, "task.status", std::move(data)}, {}};
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
  json data = {{"task", t.id},
               {"from", day_json(t.due)},
               {"to", format_day(to)},
               {"day", format_day(today)}};
  if (!reason.empty()) data["reason"] = reason;
  return {Event{stamp, "task.defer", std::move(data)}, {}};
}

}  // namespace momentum
