#pragma once
// What `check` prints: the journal's counts, its findings by line, and what a repair did.

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/style.hpp"
#include "momentum/check.hpp"

namespace momentum::cli {

// What `check --repair` did to the journal.
struct Repaired {
  std::vector<int> moved;  // line numbers, now in the quarantine file
  bool header_added = false;
};

// One run of `check`: the report on the journal as it was, and the repair, when asked.
struct CheckView {
  std::string journal;     // the journal's path
  std::string quarantine;  // the quarantine file's path
  const CheckReport& report;
  bool repair = false;  // --repair was given
  std::optional<Repaired> repaired;
};

// The summary: counts, then each finding ("line 57: problem: not JSON (…)"), wrapped to
// the style's width, then what to do or what was done.
void print_check(std::ostream& out, const Style& style, const CheckView& view);

// The same facts for --json (docs/json.md#check).
nlohmann::ordered_json check_json(const CheckView& view);

}  // namespace momentum::cli
