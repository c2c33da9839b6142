#pragma once
// Private to the core: how one event's data changes the State.

#include <simdjson.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "momentum/event.hpp"
#include "momentum/state.hpp"

namespace momentum {

// An event's envelope as replay reads it: the id points into the journal text.
struct EventHead {
  std::string_view id;
  Timestamp ts{};
  std::chrono::minutes tz{0};
};

// Applies events to a State, collecting warnings for events it has to ignore.
class Applier {
 public:
  explicit Applier(State& state) : state_(state) {}

  // Applies the event `op` with `data`, unless an event with its id was applied before;
  // unknown ops are counted in State::unknown_ops.
  // Throws UsageError or simdjson_error when the data is malformed.
  void apply(const EventHead& head, std::string_view op, simdjson::ondemand::object& data);

  // The warnings so far, e.g. an edit of a task the journal never created.
  std::vector<std::string> take_warnings() { return std::move(warnings_); }

 private:
  State& state_;
  std::vector<std::string> warnings_;
  std::unordered_set<std::size_t> seen_;  // hashes of event ids: a line merged in twice counts once
};

}  // namespace momentum
