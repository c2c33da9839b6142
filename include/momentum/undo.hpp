#pragma once
// Undo: reverting the latest change by appending an undo event, which replay honours by
// skipping the event it names (docs/journal-format.md, "Undo"). The journal stays
// append-only; walking back is undoing again.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "momentum/commands.hpp"
#include "momentum/event.hpp"
#include "momentum/state.hpp"

namespace momentum {

// A change that `undo` can revert: its event and the entity it added or changed, as the
// journal's State holds it now (what the CLI names in words).
struct Undoable {
  Event event;
  Touched touched;
  std::vector<int> tasks;  // sprint.start, .add, .remove: the tasks it names (indices)
};

// The changes `undo` would revert, newest first, at most `limit`. Of `events` (the whole
// journal, as read_events() gives them) these are the ones that are not undos, not undone,
// of an op this momentum knows, and about an entity `state` (the journal's State) holds:
// an event that changed nothing (an edit of a check-in a merge brought in undone) is passed.
std::vector<Undoable> undoable(const State& state, const std::vector<Event>& events,
                               std::size_t limit);

// undoable() of the journal bytes `journal`, decoding only its latest events (latest_events(),
// more of them until `limit` are found or there are no more). On a recent State, an event
// about an entity it left out throws NeedsFullState: the full State decides.
std::vector<Undoable> latest_undoable(const State& state, const std::string& journal,
                                      std::string_view source, std::size_t limit);

// The undo event that reverts the latest change, and that change.
struct UndoChange {
  Change change;
  Undoable reverted;
};

// Reverts the first of `latest` (undoable()); throws UsageError when there is nothing left to
// undo.
UndoChange undo_latest(const State& state, std::vector<Undoable> latest, const Stamp& stamp);

}  // namespace momentum
