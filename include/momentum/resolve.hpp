#pragma once
// Turning what a user typed for an ID into an entity: a short number (12 or #12), a unique
// UUID prefix of 4+ characters, or for goals a unique case-insensitive title prefix.

#include <optional>
#include <string_view>

#include "momentum/state.hpp"

namespace momentum {

// The short number `ref` is ("12" or "#12"), if it is one.
std::optional<int> short_number(std::string_view ref);

// The index of the goal `ref` names; throws UsageError when none or several match.
int resolve_goal(const State& state, std::string_view ref);

// The index of the task `ref` names; throws UsageError when none or several match.
int resolve_task(const State& state, std::string_view ref);

// The index of the (not removed) check-in `ref` names; throws UsageError otherwise.
int resolve_log(const State& state, std::string_view ref);

// The index of the sprint `ref` names (short number or UUID prefix); throws UsageError.
int resolve_sprint(const State& state, std::string_view ref);

}  // namespace momentum
