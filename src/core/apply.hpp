#pragma once
// Private to the core: how one event's data changes the State.

#include <simdjson.h>

#include <string>
#include <string_view>
#include <vector>

#include "momentum/event.hpp"
#include "momentum/state.hpp"

namespace momentum {

// Applies events to a State, collecting warnings for events it has to ignore.
class Applier {
 public:
  explicit Applier(State& state) : state_(state) {}

  // Applies the event `op` with `data`; unknown ops are counted in State::unknown_ops.
  // Throws UsageError or simdjson_error when the data is malformed.
  void apply(const Stamp& stamp, std::string_view op, simdjson::ondemand::object& data);

  // The warnings so far, e.g. an edit of a task the journal never created.
  std::vector<std::string> take_warnings() { return std::move(warnings_); }

 private:
  State& state_;
  std::vector<std::string> warnings_;
};

}  // namespace momentum
