#pragma once
// Private to the core: how one event changes the State.

#include <simdjson.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "codec_read.hpp"
#include "momentum/event.hpp"
#include "momentum/state.hpp"

namespace momentum {

using codec::EventHead;

// Applies events to a State, collecting warnings for events it has to ignore.
class Applier {
 public:
  explicit Applier(State& state) : state_(state) {}

  // Applies the event `op` with `data` as read from a line, unless an event with its id was
  // applied before; unknown ops are counted in State::unknown_ops.
  // Throws UsageError or simdjson_error when the data is malformed.
  void apply(const EventHead& head, std::string_view op, simdjson::ondemand::object& data);

  // Applies `op`, unless an event with its id was applied before.
  void apply(const EventHead& head, const Op& op);

  // The warnings so far, e.g. an edit of a task the journal never created.
  std::vector<std::string> take_warnings() { return std::move(warnings_); }

 private:
  // Counts the event; false when its id was seen before (a line merged in twice counts once).
  bool first_time(const EventHead& head);
  void apply_op(const EventHead& head, const Op& op);
  bool unknown_target(const EventHead& head, std::string_view op, simdjson::ondemand::object& data);

  State& state_;
  std::vector<std::string> warnings_;
  std::unordered_set<std::size_t> seen_;  // hashes of event ids
};

}  // namespace momentum
