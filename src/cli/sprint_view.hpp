#pragma once
// Sprint views shared by `sprint`, `today` and `review`.

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/style.hpp"
#include "momentum/sprint.hpp"
#include "momentum/state.hpp"

namespace momentum::cli {

// The sprint as docs/json.md describes it.
nlohmann::ordered_json sprint_json(const State& state, int sprint, Day today);

// The dashboard's sprint line ("Sprint     'Titanic' day 3 of 7, 2/5 done, 4 days left"),
// coloured as a warning when the sprint ended without a close; nullopt without a sprint.
std::optional<std::string> sprint_today_text(const Style& style, const State& state, Day today);

// The status word: planned, active, closed, or "ended" (active past its end, not closed).
std::string sprint_status_text(const Sprint& sprint, Day today);

// Writes a sprint's burndown (sprint.hpp's `burndown()`) as a chart that fits `style.width`.
void print_burndown(std::ostream& out, const Style& style, std::vector<BurndownDay> days);

}  // namespace momentum::cli
