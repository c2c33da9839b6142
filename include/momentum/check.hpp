#pragma once
// `momentum check`: the whole journal validated line by line, and the plan of its repair,
// which moves the lines replay cannot use to a quarantine file (docs/check.md).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "momentum/day.hpp"

namespace momentum {

// A problem fails `check` (exit 3); a warning does not.
enum class Severity { warning, problem };

// What `check` found on one line of the journal.
struct Finding {
  int line = 0;  // 1-based, blank lines counted
  Severity severity = Severity::problem;
  std::string message;    // one line; may quote journal text, so escape it to print
  bool unusable = false;  // repair moves the line to the quarantine file
};

// The journal as `check` sees it: what loads, and what is wrong, by line.
struct CheckReport {
  std::size_t events = 0;  // usable events, duplicates counted once
  std::size_t goals = 0;
  std::size_t tasks = 0;
  std::size_t logs = 0;  // check-ins, removed ones left out
  std::size_t skips = 0;
  std::size_t sprints = 0;
  std::vector<Finding> findings;  // in line order
  bool needs_header = false;      // an event comes before any header: repair writes one
  bool repairable = true;         // false for a journal of a version this momentum cannot read
  Timestamp created{};            // for the header repair writes: the earliest event's time

  std::size_t problems() const;
  std::size_t warnings() const;
  // True when repair has something to do: an unusable line or a missing header.
  bool needs_repair() const;
};

// Checks the journal bytes `text` (docs/check.md lists every finding); `now` is the time the
// 24-hour rule for events from the future is measured from.
CheckReport check_journal(std::string_view text, Timestamp now);

// The journal after a repair, and what leaves it.
struct Repair {
  std::string journal;     // every usable line, byte for byte and in order, after a new header
  std::string quarantine;  // the unusable lines, in order, each ending in '\n'
  std::vector<int> moved;  // their line numbers
};

// Splits `text` as `report` (its check) says; the report must be repairable.
Repair plan_repair(std::string_view text, const CheckReport& report);

}  // namespace momentum
