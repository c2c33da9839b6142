#pragma once
// `undo` in words: the change it reverts or would revert, e.g. "check-in 12: 45m on goal 1,
// logged today 20:14", and the list of them.

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "cli/style.hpp"
#include "momentum/state.hpp"
#include "momentum/undo.hpp"

namespace momentum::cli {

// A change `undo` can revert, and when it was made, in local time and in words:
// "today 20:14", "yesterday 08:05", "Sun 2026-03-01 09:10".
struct UndoLine {
  Undoable change;
  std::string when;
  Day written{};  // the day it was written on (a check-in for another day says which)
};

// What `undo --list` shows: the changes, newest first, of the journal's `state`.
struct UndoListView {
  const State& state;
  std::vector<UndoLine> lines;
};

// The change in words, as `undo` confirms it and `undo --list` lists it.
std::string undo_text(const Style& style, const State& state, const UndoLine& line);

// The list, newest first, or "Nothing to undo." when it is empty.
void print_undo_list(std::ostream& out, const Style& style, const UndoListView& view);

// {"event", "op", "at", "entity", "num", "text"}: one change for --json.
nlohmann::ordered_json undo_json(const Style& style, const State& state, const UndoLine& line);

}  // namespace momentum::cli
