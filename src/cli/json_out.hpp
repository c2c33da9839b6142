#pragma once
// The stable JSON that --json prints (docs/json.md): one function per entity.

#include <nlohmann/json.hpp>

#include "cli/context.hpp"
#include "momentum/state.hpp"
#include "momentum/views.hpp"

namespace momentum::cli {

nlohmann::ordered_json goal_json(const State& state, int goal, Day today);
nlohmann::ordered_json task_json(const State& state, int task, Day today);
// The same with the task's view given (task_views() for many tasks).
nlohmann::ordered_json task_json(const State& state, int task, const TaskView& view);
nlohmann::ordered_json log_json(const State& state, int log);
nlohmann::ordered_json skip_json(const State& state, int skip);

// Prints `value` on its own line, pretty when stdout is a terminal.
void print_json(const Context& ctx, const nlohmann::ordered_json& value);

}  // namespace momentum::cli
