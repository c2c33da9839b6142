#pragma once
// Events, the lines of the journal, and replay: folding them into a State.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "momentum/day.hpp"
#include "momentum/state.hpp"

namespace momentum {

inline constexpr int journal_version = 1;

// A value an edit may set, or clear (the inner nullopt): on the wire, absent or null.
template <class T>
using Clearable = std::optional<std::optional<T>>;

// The ops, one plain struct each, as they are on the wire (docs/journal-format.md): a field
// the writer may leave out is optional, one it may write as null is Clearable. References
// to other items are their UUIDs; `day` is absent when the writer gave none.
struct GoalAdd {
  std::string title;
  std::optional<std::string> why;
  std::optional<int> importance;
  std::optional<Cadence> cadence;
  Clearable<Day> target;
  std::optional<std::vector<std::string>> tags;
  std::optional<Day> day;
  friend bool operator==(const GoalAdd&, const GoalAdd&) = default;
};

struct GoalEdit {
  Uuid goal;
  std::optional<std::string> title;
  std::optional<std::string> why;
  std::optional<int> importance;
  std::optional<Cadence> cadence;
  Clearable<Day> target;
  std::optional<std::vector<std::string>> tags;
  std::optional<Day> day;
  friend bool operator==(const GoalEdit&, const GoalEdit&) = default;
};

struct GoalSetStatus {
  Uuid goal;
  GoalStatus status = GoalStatus::active;
  std::optional<Day> until;  // with paused: active again on this day
  std::optional<Day> day;
  friend bool operator==(const GoalSetStatus&, const GoalSetStatus&) = default;
};

struct TaskAdd {
  std::string title;
  Clearable<Uuid> goal;
  std::optional<Kind> kind;
  std::optional<int> importance;
  Clearable<int> estimate;  // minutes
  Clearable<Day> due;
  std::optional<std::vector<std::string>> tags;
  std::optional<Day> day;
  friend bool operator==(const TaskAdd&, const TaskAdd&) = default;
};

struct TaskEdit {
  Uuid task;
  std::optional<std::string> title;
  Clearable<Uuid> goal;
  std::optional<Kind> kind;
  std::optional<int> importance;
  Clearable<int> estimate;
  Clearable<Day> due;
  std::optional<std::vector<std::string>> tags;
  std::optional<Day> day;
  friend bool operator==(const TaskEdit&, const TaskEdit&) = default;
};

struct TaskSetStatus {
  Uuid task;
  TaskStatus status = TaskStatus::todo;
  std::optional<Day> day;
  friend bool operator==(const TaskSetStatus&, const TaskSetStatus&) = default;
};

struct TaskDefer {
  Uuid task;
  std::optional<Day> from;  // the due day before; written always, null when there was none
  Day to{};
  std::optional<std::string> reason;
  std::optional<Day> day;
  friend bool operator==(const TaskDefer&, const TaskDefer&) = default;
};

// A check-in's fields, as log.add writes them and log.edit changes them.
struct LogData {
  std::optional<Day> day;  // the day it counts for
  Clearable<int> minutes;
  std::optional<Kind> kind;
  Clearable<Uuid> goal;
  Clearable<Uuid> task;
  std::optional<std::string> note;
  Clearable<int> resistance;
  std::optional<std::vector<std::string>> tags;
  friend bool operator==(const LogData&, const LogData&) = default;
};

struct LogAdd : LogData {
  friend bool operator==(const LogAdd&, const LogAdd&) = default;
};

struct LogEdit : LogData {
  Uuid log;
  friend bool operator==(const LogEdit&, const LogEdit&) = default;
};

struct LogRemove {
  Uuid log;
  friend bool operator==(const LogRemove&, const LogRemove&) = default;
};

struct SkipAdd {
  std::optional<Day> day;    // the rest day
  std::optional<Uuid> goal;  // none: all goals
  std::optional<std::string> reason;
  friend bool operator==(const SkipAdd&, const SkipAdd&) = default;
};

struct SprintStart {
  std::string title;
  std::optional<Uuid> goal;
  Day start{};
  Day end{};
  std::vector<Uuid> tasks;
  std::optional<Day> day;
  friend bool operator==(const SprintStart&, const SprintStart&) = default;
};

struct SprintAdd {
  Uuid sprint;
  std::vector<Uuid> tasks;
  std::optional<Day> day;
  friend bool operator==(const SprintAdd&, const SprintAdd&) = default;
};

struct SprintRemove {
  Uuid sprint;
  std::vector<Uuid> tasks;
  std::optional<Day> day;
  friend bool operator==(const SprintRemove&, const SprintRemove&) = default;
};

struct SprintClose {
  Uuid sprint;
  std::optional<std::string> learned;
  std::optional<std::string> blocked;
  std::optional<std::string> next;
  std::optional<int> rating;
  std::optional<Day> day;
  friend bool operator==(const SprintClose&, const SprintClose&) = default;
};

// Reverts the event `event` names (docs/journal-format.md, "Undo"): replay skips it. An undo
// is never itself undone; one naming another undo, or no event of the journal, is ignored.
struct Undo {
  Uuid event;
  friend bool operator==(const Undo&, const Undo&) = default;
};

// An op from a newer momentum: kept as its name and its data's JSON text, and not applied.
struct UnknownOp {
  std::string name;
  std::string data = "{}";
  friend bool operator==(const UnknownOp&, const UnknownOp&) = default;
};

using Op = std::variant<GoalAdd, GoalEdit, GoalSetStatus, TaskAdd, TaskEdit, TaskSetStatus,
                        TaskDefer, LogAdd, LogEdit, LogRemove, SkipAdd, SprintStart, SprintAdd,
                        SprintRemove, SprintClose, Undo, UnknownOp>;

// When and where an event is written: its id, its strictly increasing `ts`, the writer's offset.
struct Stamp {
  Uuid id;
  Timestamp ts{};
  std::chrono::minutes tz{0};
  friend bool operator==(const Stamp&, const Stamp&) = default;
};

// One journal line: `{"id":…,"ts":…,"tz":…,"op":…,"data":{…}}` (codec.hpp reads and writes it).
struct Event {
  Stamp stamp;
  Op op;
  friend bool operator==(const Event&, const Event&) = default;
};

// The op's name on the wire, e.g. "goal.add".
std::string_view op_name(const Op& op);

// The result of reading a journal's bytes.
struct Loaded {
  State state;
  std::vector<std::string> warnings;  // one line each, without the "momentum: warning: " prefix
  std::vector<std::string> event_warnings;  // the events' own, without the source: the cache's
  std::size_t valid_size = 0;               // bytes up to the end of the last complete line
  bool torn_tail = false;                   // a last line without its newline was ignored
  bool ends_without_newline = false;        // a whole last event lacks its newline: add one first
};

// Folds the journal bytes `input` into a State, events ordered by (ts, id), skipping the
// events an undo event reverts (an undone creation still uses up its short number). `source` names
// the file in messages. A torn last line and unknown ops are warnings; a malformed line
// elsewhere throws StorageError "SOURCE:LINE: …". `input` should have 64 bytes of spare
// capacity (reserve) to avoid a copy.
Loaded replay(const std::string& input, std::string_view source);

// Folds `input`, whole event lines appended after the events that made `loaded` (its first
// line is line `first_line` of `source`), into `loaded`, and adds the unknown-ops warning
// that replay gives (`loaded.warnings` must not hold it yet). Returns false, leaving
// `loaded` unusable, when an event is not ordered after all the earlier ones or is an undo
// of anything but another of the appended events (it reverts an event folded already), or
// `loaded` holds a recent State (recent.hpp) and an event names something it left out: then
// only a full replay is right. An undo of an appended event is honoured by skipping that event.
bool replay_appended(Loaded& loaded, const std::string& input, std::string_view source,
                     int first_line);

// "SOURCE: kept but ignored events from a newer momentum (op ×N, …)", or nullopt.
std::optional<std::string> unknown_ops_warning(const State& state, std::string_view source);

// Applies one event to `state` as replay would (for tests and for a writer's own event).
// An undo cannot be folded onto a state: it is counted, and only a replay reverts its event.
void apply(State& state, const Event& event);

// True when `op` cannot be folded onto the state before it (an undo): replay instead.
bool needs_replay(const Op& op);

// The events of the journal bytes `input` (the header, blank lines and a torn last line
// left out), in (ts, id) order. Throws StorageError "SOURCE:LINE: …" like replay().
std::vector<Event> read_events(const std::string& input, std::string_view source);

// Of the events read_events() gives, every undo and the `count` latest others, in the same
// (ts, id) order, decoding only those lines (the rest are read as far as their id and ts):
// what `undo` needs of a long journal. `all` is set when that is every event.
struct LatestEvents {
  std::vector<Event> events;
  bool all = false;
};
LatestEvents latest_events(const std::string& input, std::string_view source, std::size_t count);

}  // namespace momentum
