#pragma once
// A State as compact bytes and back: what the journal cache stores, so that a command can
// skip replaying years of events. The bytes are private to one build of momentum.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "momentum/state.hpp"

namespace momentum {

// `state` as bytes; decode_state(encode_state(s)) equals s, indexes included.
std::string encode_state(const State& state);

// The State in `bytes`, or nullopt when they are not a whole snapshot of this format (cut
// short, or written by another version): the caller then replays the journal instead.
// Which of a recent State's tasks to read: those numbered `nums`, with `named` those that
// its check-ins and sprints name, and with `goal` those of the goal it picks from the rest of
// the State (none: no goal's).
// With `facts`, History::unread holds what ranking reads of the tasks not read; with `pick`, the
// tasks numbered pick(state) are read too, state being the rest of the State with the facts:
// what a command shows of thousands of open tasks (the most urgent few) is known before any
// of them is read. The store asks pick() again once the lines appended since the snapshot are
// replayed, and reads all the tasks when those changed what it names (load_journal()).
struct TaskPart {
  std::vector<int> nums;
  bool named = false;
  std::function<std::optional<int>(const State&)> goal;
  bool facts = false;
  std::function<std::vector<int>(const State&)> pick;
};

// With `tasks`, a recent State holds only that part of its tasks and the rest are skipped
// unread (History::without_tasks): the open tasks are most of what a big journal's recent
// State holds. A full State cannot be read so.
std::optional<State> decode_state(std::string_view bytes,
                                  const std::optional<TaskPart>& tasks = std::nullopt);

}  // namespace momentum
