#pragma once
// Learn and do minutes: what `today`, `log`, `goal show`, `task`, `review` and `sprint` add up.

#include <map>
#include <optional>

#include "momentum/day.hpp"
#include "momentum/state.hpp"

namespace momentum {

// Which check-ins a sum covers: days `first` through `last`, only goal `goal` and task
// `task` (indices) when given. Removed check-ins are never counted.
struct LogRange {
  Day first = Day::min();
  Day last = Day::max();
  std::optional<int> goal;
  std::optional<int> task;
};

// True when check-in `log` is one `range` covers.
bool covers(const LogRange& range, const LogEntry& log);

// The minutes of the check-ins `range` covers.
Minutes minutes_in(const State& state, const LogRange& range);

// The minutes of days `first` through `last` per goal (nullopt: no goal), in goal order.
std::map<std::optional<int>, Minutes> minutes_by_goal(const State& state, Day first, Day last);

}  // namespace momentum
