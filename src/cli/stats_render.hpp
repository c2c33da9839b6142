#pragma once
// Phrasing the procrastination metrics (momentum/metrics.hpp) for `stats` and `today`.

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "cli/style.hpp"
#include "momentum/day.hpp"
#include "momentum/metrics.hpp"

namespace momentum::cli {

// What `stats` shows: the metrics of a window, and the state and settings they came from.
struct StatsView {
  const State& state;
  const Metrics& metrics;
  Day today{};
  int stale_days = 0;  // config stale_days, named in the stale list's heading
};

// Writes the report: one row per metric with a plain-language reading, the chronic and stale
// lists, and the index with a bar per component, fitted to `style.width`.
void print_stats(std::ostream& out, const Style& style, const StatsView& view);

// Every number of `metrics` (null for n/a), as documented in docs/json.md#stats.
nlohmann::ordered_json stats_json(const State& state, const Metrics& metrics, Day today,
                                  const Config& config);

// "you start important tasks 6 days later than easy ones"; nullopt without both kinds.
std::optional<std::string> importance_reading(const StartDelay& delay);

}  // namespace momentum::cli
