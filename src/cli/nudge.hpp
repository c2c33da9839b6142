#pragma once
// The one nudge of `today`: the most pressing signal, phrased as an action.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/context.hpp"
#include "momentum/nudge.hpp"
#include "momentum/state.hpp"

namespace momentum::cli {

// The nudge's phrase: plain text, user titles left out.
std::string nudge_text(const State& state, const Nudge& nudge, Day today);

// Prints the nudge's line ("Nudge      …") when there is one.
void print_nudge(const Context& ctx, const State& state);

// The nudge as {kind, text, goal, task}, or null.
nlohmann::ordered_json nudge_json(const Context& ctx, const State& state);

}  // namespace momentum::cli
