#pragma once
// Private to the core: how one event changes the State.

#include <simdjson.h>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "codec_read.hpp"
#include "momentum/event.hpp"
#include "momentum/state.hpp"

namespace momentum {

using codec::EventHead;

// Event ids, looked up without a copy.
using UndoneIds = std::unordered_set<Uuid, UuidHash, std::equal_to<>>;

// An undo event seen in the fold: its id and the id of the event it names.
struct UndoRef {
  Uuid id;
  Uuid target;
};

// A reference to an item the journal does not hold, found while applying an event.
struct MissingRef {
  std::string what;     // goal, task, log or sprint
  std::string id;       // the UUID referred to
  bool target = false;  // the item the event changes: the whole event was ignored
};

// Applies events to a State, collecting warnings for events it has to ignore.
class Applier {
 public:
  // `undone`: the events to skip (an undone creation still uses up its number).
  explicit Applier(State& state, UndoneIds undone = {})
      : state_(state), undone_(std::move(undone)) {}

  // Applies the event `op` with `data` as read from a line, unless an event with its id was
  // applied before; unknown ops are counted in State::unknown_ops.
  // Throws UsageError or simdjson_error when the data is malformed.
  void apply(const EventHead& head, std::string_view op, simdjson::ondemand::object& data);

  // Applies `op`, unless an event with its id was applied before.
  void apply(const EventHead& head, const Op& op);

  // The warnings so far, e.g. an edit of a task the journal never created.
  std::vector<std::string> take_warnings() { return std::move(warnings_); }

  // The undo events folded so far, in the order folded.
  const std::vector<UndoRef>& undos() const { return undos_; }

  // Warns about each event to skip that the fold never met (an undo naming no event).
  void warn_unmatched();

  // The events `undos` revert: every one they name except undo events (an undo is never
  // undone), which are warned about in `warnings`. The same whatever the undos' order.
  static UndoneIds undone_by(const std::vector<UndoRef>& undos, std::vector<std::string>& warnings);

  // The references to missing items since the last call, for `check`.
  std::vector<MissingRef> take_missing() { return std::exchange(missing_, {}); }

 private:
  // Counts the event; false when its id was seen before (a line merged in twice counts once).
  bool first_time(const EventHead& head);
  void apply_op(const EventHead& head, const Op& op);
  bool unknown_target(const EventHead& head, std::string_view op, simdjson::ondemand::object& data);
  // An undone creation's short number, used up all the same.
  void use_number(const Op& op);

  State& state_;
  std::vector<std::string> warnings_;
  std::vector<MissingRef> missing_;
  UuidIndex seen_;  // the event ids met (exactly: a hash alone could drop an event)
  UndoneIds undone_;
  UndoneIds skipped_;  // the undone events met
  std::vector<UndoRef> undos_;
};

}  // namespace momentum
