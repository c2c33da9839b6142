#pragma once
// Events, the lines of the journal, and replay: folding them into a State.

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "momentum/day.hpp"
#include "momentum/state.hpp"

namespace momentum {

inline constexpr int journal_version = 1;

// When and where an event is written: its id, its strictly increasing `ts`, the writer's offset.
struct Stamp {
  Uuid id;
  Timestamp ts{};
  std::chrono::minutes tz{0};
};

// One journal line: `{"id":…,"ts":…,"tz":…,"op":…,"data":{…}}`.
struct Event {
  Stamp stamp;
  std::string op;
  nlohmann::json data = nlohmann::json::object();
};

// The event as one complete journal line, ending in '\n'.
std::string to_line(const Event& event);

// The header line that opens a new journal, ending in '\n'.
std::string header_line(Timestamp created);

// The result of reading a journal's bytes.
struct Loaded {
  State state;
  std::vector<std::string> warnings;  // one line each, without the "momentum: warning: " prefix
  std::vector<std::string> event_warnings;  // the events' own, without the source: the cache's
  std::size_t valid_size = 0;               // bytes up to the end of the last complete line
  bool torn_tail = false;                   // a last line without its newline was ignored
  bool ends_without_newline = false;        // a whole last event lacks its newline: add one first
};

// Folds the journal bytes `text` into a State, events ordered by (ts, id). `source` names
// the file in messages. A torn last line and unknown ops are warnings; a malformed line
// elsewhere throws StorageError "SOURCE:LINE: …". `text` should have 64 bytes of spare
// capacity (reserve) to avoid a copy.
Loaded replay(const std::string& text, std::string_view source);

// Folds `text`, whole event lines appended after the events that made `loaded` (its first
// line is line `first_line` of `source`), into `loaded`, and adds the unknown-ops warning
// that replay gives (`loaded.warnings` must not hold it yet). Returns false, leaving
// `loaded` unusable, when an event is not ordered after all the earlier ones: then only a
// full replay is right.
bool replay_appended(Loaded& loaded, const std::string& text, std::string_view source,
                     int first_line);

// "SOURCE: kept but ignored events from a newer momentum (op ×N, …)", or nullopt.
std::optional<std::string> unknown_ops_warning(const State& state, std::string_view source);

// Applies one event to `state` as replay would (for tests and for a writer's own event).
void apply(State& state, const Event& event);

}  // namespace momentum
