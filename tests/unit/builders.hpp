#pragma once
// Test helpers for the core: a journal written through the commands API (its State kept by
// apply(), its text by to_line()), hand-made events with chosen ids and times, and Tasks.

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "momentum/codec.hpp"
#include "momentum/commands.hpp"
#include "momentum/event.hpp"
#include "momentum/state.hpp"

namespace momentum::test {

using namespace std::chrono;

inline constexpr std::string_view source = "j.jsonl";

// Noon UTC on `day` (plus `extra`): with offset 0 and days starting at 04:00, it is `day`.
inline Timestamp noon(Day day, milliseconds extra = milliseconds{0}) {
  return Timestamp{day} + hours{12} + extra;
}

// A valid v4 UUID whose last group is `n`, so ids sort by `n` and are easy to read.
inline std::string uuid(std::uint64_t n, std::uint32_t head = 0) {
  return fmt::format("{:08x}-0000-4000-8000-{:012x}", head, n);
}

// A hand-made event: chosen id and time, offset +00:00, the op's data as JSON, read as
// replay reads that line.
inline Event event(std::string id, Timestamp ts, std::string op, nlohmann::json data) {
  nlohmann::ordered_json line;
  line["id"] = std::move(id);
  line["ts"] = format_timestamp(ts);
  line["tz"] = "+00:00";
  line["op"] = std::move(op);
  line["data"] = std::move(data);
  return read_event(line.dump());
}

// The event's line as JSON: its "op" and "data", as written.
inline nlohmann::json line_json(const Event& e) { return nlohmann::json::parse(to_line(e)); }
inline nlohmann::json data_of(const Event& e) { return line_json(e).at("data"); }
inline std::string op_of(const Event& e) { return line_json(e).at("op"); }

// The journal's text: a header, then `events` as lines in the given order.
inline std::string journal_of(const std::vector<Event>& events,
                              Timestamp created = noon(sys_days{2026y / March / 1})) {
  std::string text = header_line(created);
  for (const Event& e : events) text += to_line(e);
  return text;
}

// Replays `text` with the spare capacity replay() asks for.
inline Loaded replay_text(std::string text) {
  text.reserve(text.size() + 64);
  return replay(text, source);
}

// A journal written through the commands API, one day at a time: each change is stamped
// by next_stamp() at noon of `today`, applied to `state` and appended to `text`.
class Book {
 public:
  explicit Book(Day first) : today(first), text(header_line(noon(first))) {}

  Day today;
  State state;
  std::string text;
  std::vector<Event> events;
  std::vector<std::string> warnings;  // of the last change

  Stamp stamp() {
    ++seq_;
    const std::array<std::uint64_t, 2> random{seq_ * 0x9e3779b97f4a7c15ULL,
                                              seq_ * 0xc2b2ae3d27d4eb4fULL};
    return next_stamp(state, Clock{noon(today), minutes{0}}, random);
  }

  // Applies and appends a change; returns its event.
  const Event& write(Change change) {
    apply(state, change.event);
    text += to_line(change.event);
    warnings = std::move(change.warnings);
    events.push_back(std::move(change.event));
    return events.back();
  }

  int goal(const std::string& title, GoalFields fields = {}) {
    fields.title = title;
    write(add_goal(state, fields, stamp(), today));
    return static_cast<int>(state.goals.size()) - 1;
  }

  int task(const std::string& title, TaskFields fields = {}) {
    fields.title = title;
    write(add_task(state, fields, stamp(), today));
    return static_cast<int>(state.tasks.size()) - 1;
  }

  int log(LogFields fields = {}) {
    write(add_log(state, fields, stamp(), today));
    return static_cast<int>(state.logs.size()) - 1;
  }

  void goal_action(int goal, GoalAction action, std::optional<Day> until = std::nullopt) {
    write(change_goal(state, goal, action, until, stamp(), today));
  }

  void task_action(int task, TaskAction action) {
    write(change_task(state, task, action, stamp(), today));
  }

  const Goal& goal_at(int i) const { return state.goals.at(static_cast<std::size_t>(i)); }
  const Task& task_at(int i) const { return state.tasks.at(static_cast<std::size_t>(i)); }
  const LogEntry& log_at(int i) const { return state.logs.at(static_cast<std::size_t>(i)); }

 private:
  std::uint64_t seq_ = 0;
};

// LogFields for a check-in on task `task`, nothing else given.
inline LogFields log_on_task(int task) {
  LogFields f;
  f.task = Clearable<int>::value_type(task);
  return f;
}

}  // namespace momentum::test
