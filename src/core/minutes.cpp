// Minute sums over check-ins, split into learn and do.
#include "momentum/minutes.hpp"

namespace momentum {
namespace {

void add(Minutes& sum, const LogEntry& log) {
  ++sum.checkins;
  (log.kind == Kind::learn ? sum.learn : sum.doing) += log.minutes.value_or(0);
}

}  // namespace

bool covers(const LogRange& range, const LogEntry& log) {
  if (log.removed || log.day < range.first || log.day > range.last) return false;
  if (range.goal && log.goal != range.goal) return false;
  return !range.task || log.task == range.task;
}

Minutes minutes_in(const State& state, const LogRange& range) {
  Minutes sum;
  for (const LogEntry& l : state.logs) {
    if (covers(range, l)) add(sum, l);
  }
  return sum;
}

std::map<std::optional<int>, Minutes> minutes_by_goal(const State& state, Day first, Day last) {
  std::map<std::optional<int>, Minutes> out;
  const LogRange range{first, last, std::nullopt, std::nullopt};
  for (const LogEntry& l : state.logs) {
    if (covers(range, l)) add(out[l.goal], l);
  }
  return out;
}

}  // namespace momentum
