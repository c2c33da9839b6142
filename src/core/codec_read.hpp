#pragma once
// Private to the core: the codec's read path for replay, on simdjson's on-demand parser
// (codec.cpp, beside the writer).

#include <simdjson.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "momentum/event.hpp"

namespace momentum::codec {

// An event's envelope as replay reads it: the id points into the journal text.
struct EventHead {
  std::string_view id;
  Timestamp ts{};
  std::chrono::minutes tz{0};
};

// Takes each event of a line as soon as its data is reached.
class EventSink {
 public:
  // The event `op` with `data`; throws UsageError or simdjson_error when it is malformed.
  virtual void event(const EventHead& head, std::string_view op,
                     simdjson::ondemand::object& data) = 0;

 protected:
  ~EventSink() = default;
};

// What one line holds: a header's fields, or an event's envelope.
struct Envelope {
  std::optional<std::string_view> magic;
  std::optional<std::int64_t> version;
  std::optional<std::string_view> id, ts, tz, op;
  bool applied = false;  // the data went to the sink
  bool data_seen = false;
  bool is_header() const { return magic || version; }
};

// One pass over a line's top-level members; the data goes to `sink` as soon as it is reached
// when the envelope came first (the writer's order). Throws UsageError or simdjson_error.
Envelope read_envelope(simdjson::ondemand::object& line, EventSink& sink);

// For an event whose data came before its envelope (valid, though not as momentum writes it):
// checks the envelope and gives the data to `sink`. Throws UsageError naming what is missing.
void read_late(simdjson::ondemand::object& line, Envelope& envelope, EventSink& sink);

// Why a header line cannot be read ("journal version 2 is not supported; …"), or nullopt.
std::optional<std::string> header_problem(const Envelope& e);

// True when `text` (one line, without its '\n') is a complete event.
bool is_whole_event(std::string_view text);

// One journal line read whole: an event, or a header and why this momentum cannot read it.
struct LineRead {
  std::optional<Event> event;  // nullopt: the line is a header
  bool is_journal = false;     // a header that says "momentum":"journal"
  std::optional<std::int64_t> version;
  std::optional<std::string> header_problem;
};

// Reads `line` (without its '\n'; padded past its end) with `parser`. Throws UsageError when
// it is not a well-formed event or header, simdjson_error when the parser gives up on it.
LineRead read_line(simdjson::padded_string_view line, simdjson::ondemand::parser& parser);

// The op `name`'s data, or nullopt for an op this momentum does not know. Every known key is
// type-checked, whatever the op. Throws UsageError or simdjson_error when it is malformed.
std::optional<Op> decode_op(std::string_view name, simdjson::ondemand::object& data);

// The entity an op changes, as its data names it: {"goal", id} for goal.edit and goal.status,
// a task for task.edit, .status and .defer, a log for log.edit and log.rm, a sprint for
// sprint.add, .remove and .close. Nullopt for other ops or when the id cannot be read.
struct Target {
  std::string_view kind;  // "goal", "task", "log" or "sprint"
  std::string id;
};
std::optional<Target> target_of(std::string_view name, simdjson::ondemand::object& data) noexcept;

// The event on one journal `line` as read_event() reads it, or nullopt for a header line.
// Throws UsageError when the line is not a well-formed event or header.
std::optional<Event> read_line(std::string_view line);

}  // namespace momentum::codec
