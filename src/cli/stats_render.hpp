#pragma once
// Phrasing the procrastination metrics (momentum/metrics.hpp) for `stats` and `today`.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/context.hpp"
#include "momentum/metrics.hpp"

namespace momentum::cli {

// The report: one row per metric with a plain-language reading, the chronic and stale
// lists, and the index with a bar per component, fitted to `ctx.width`.
void print_stats(const Context& ctx, const State& state, const Metrics& metrics);

// Every number of `metrics` (null for n/a), as documented in docs/json.md#stats.
nlohmann::ordered_json stats_json(const State& state, const Metrics& metrics, Day today,
                                  const Config& config);

// "you start important tasks 6 days later than easy ones"; nullopt without both kinds.
std::optional<std::string> importance_reading(const StartDelay& delay);

}  // namespace momentum::cli
