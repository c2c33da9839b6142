#pragma once
// The journal's line format (docs/journal-format.md): the one place that spells the ops' names
// and their data's keys, writing a line and reading one back.

#include <string>
#include <string_view>
#include <vector>

#include "momentum/day.hpp"
#include "momentum/event.hpp"

namespace momentum {

// The event as one complete journal line, ending in '\n'; `data`'s keys in byte order.
std::string to_line(const Event& event);

// The header line that opens a new journal, ending in '\n'.
std::string header_line(Timestamp created);

// The event on one journal `line` (with or without its '\n'), as replay reads it; an unknown
// op comes back as UnknownOp. Throws UsageError when the line is not a well-formed event.
Event read_event(std::string_view line);

// An op and the keys its data may hold.
struct OpKeys {
  std::string_view op;
  std::vector<std::string_view> keys;
};

// Every op the codec knows, with its keys, in the order docs/journal-format.md lists them.
const std::vector<OpKeys>& journal_ops();

}  // namespace momentum
