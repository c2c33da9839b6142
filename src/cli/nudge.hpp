#pragma once
// The one nudge of `today`: the most pressing signal, phrased as an action.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/context.hpp"
#include "momentum/state.hpp"

namespace momentum::cli {

// What to do next and why; `kind` is streak, overdue, comfort_zone or chronic.
struct Nudge {
  std::string kind;
  std::string text;         // plain text, user titles left out
  std::optional<int> goal;  // a goal's short number
  std::optional<int> task;  // a task's short number
};

// The first that applies, in this order: a streak at risk, the most overdue task, learning
// in the comfort zone (the last 28 days), a chronic task; nullopt when nothing presses.
std::optional<Nudge> pick_nudge(const State& state, Day today, const Config& config);

// Prints the nudge's line ("Nudge      …") when there is one.
void print_nudge(const Context& ctx, const State& state);

// The nudge as {kind, text, goal, task}, or null.
nlohmann::ordered_json nudge_json(const Context& ctx, const State& state);

}  // namespace momentum::cli
