#pragma once
// The one nudge of `today`: the most pressing signal, phrased as an action.

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "cli/style.hpp"
#include "momentum/nudge.hpp"
#include "momentum/state.hpp"

namespace momentum::cli {

// The nudge's phrase: plain text, user titles left out.
std::string nudge_text(const State& state, const Nudge& nudge, Day today);

// What the dashboard's nudge line shows: pick_nudge()'s choice, as of `today`.
struct NudgeView {
  const State& state;
  std::optional<Nudge> nudge;
  Day today{};
};

// Writes the nudge's line ("Nudge      …") when there is one.
void print_nudge(std::ostream& out, const Style& style, const NudgeView& view);

// The nudge as {kind, text, goal, task}, or null.
nlohmann::ordered_json nudge_json(const NudgeView& view);

}  // namespace momentum::cli
