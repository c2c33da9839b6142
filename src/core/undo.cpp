// Which change `undo` reverts: the latest one in (ts, id) order that is still in force.
#include "momentum/undo.hpp"

#include <optional>
#include <string>
#include <type_traits>

#include "apply.hpp"
#include "momentum/error.hpp"
#include "momentum/recent.hpp"

namespace momentum {
namespace {

// The entity `event` added or changed, when `state` holds it.
std::optional<Touched> touched_by(const State& s, const Event& event) {
  const Uuid& self = event.stamp.id;
  const auto in = [&](EntityKind kind, const UuidIndex& index,
                      const Uuid& id) -> std::optional<Touched> {
    if (auto i = index.find(id)) return Touched{kind, *i};
    return std::nullopt;
  };
  return std::visit(
      [&](const auto& o) -> std::optional<Touched> {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, GoalAdd>) return in(EntityKind::goal, s.goal_index, self);
        if constexpr (std::is_same_v<T, GoalEdit> || std::is_same_v<T, GoalSetStatus>) {
          return in(EntityKind::goal, s.goal_index, o.goal);
        }
        if constexpr (std::is_same_v<T, TaskAdd>) return in(EntityKind::task, s.task_ids(), self);
        if constexpr (std::is_same_v<T, TaskEdit> || std::is_same_v<T, TaskSetStatus> ||
                      std::is_same_v<T, TaskDefer>) {
          return in(EntityKind::task, s.task_ids(), o.task);
        }
        if constexpr (std::is_same_v<T, LogAdd>) return in(EntityKind::log, s.log_index, self);
        if constexpr (std::is_same_v<T, LogEdit> || std::is_same_v<T, LogRemove>) {
          return in(EntityKind::log, s.log_index, o.log);
        }
        if constexpr (std::is_same_v<T, SkipAdd>) return in(EntityKind::skip, s.skip_index, self);
        if constexpr (std::is_same_v<T, SprintStart>) {
          return in(EntityKind::sprint, s.sprint_index, self);
        }
        if constexpr (std::is_same_v<T, SprintAdd> || std::is_same_v<T, SprintRemove> ||
                      std::is_same_v<T, SprintClose>) {
          return in(EntityKind::sprint, s.sprint_index, o.sprint);
        }
        return std::nullopt;  // an undo, or an op from a newer momentum
      },
      event.op);
}

// The tasks a sprint event names, those `state` holds.
std::vector<int> tasks_named(const State& s, const Op& op) {
  const std::vector<Uuid>* ids = nullptr;
  if (const auto* o = std::get_if<SprintStart>(&op)) ids = &o->tasks;
  if (const auto* o = std::get_if<SprintAdd>(&op)) ids = &o->tasks;
  if (const auto* o = std::get_if<SprintRemove>(&op)) ids = &o->tasks;
  std::vector<int> out;
  if (!ids) return out;
  for (const Uuid& id : *ids) {
    if (auto i = s.task_ids().find(id)) {
      out.push_back(*i);
    } else if (s.history) {
      throw NeedsFullState();  // a task the recent State left out, or none at all
    }
  }
  return out;
}

}  // namespace

std::vector<Undoable> undoable(const State& state, const std::vector<Event>& events,
                               std::size_t limit) {
  std::vector<UndoRef> undos;
  for (const Event& e : events) {
    if (const auto* undo = std::get_if<Undo>(&e.op)) undos.push_back({e.stamp.id, undo->event});
  }
  std::vector<std::string> ignored;  // replay warns about these
  const UndoneIds undone = Applier::undone_by(undos, ignored);
  UndoneIds seen;  // a line merged in twice is one event
  std::vector<Undoable> out;
  for (auto it = events.rbegin(); it != events.rend() && out.size() < limit; ++it) {
    if (undone.contains(it->stamp.id) || !seen.insert(it->stamp.id).second) continue;
    if (auto touched = touched_by(state, *it)) {
      out.push_back({*it, *touched, tasks_named(state, it->op)});
    } else if (state.history && !std::holds_alternative<Undo>(it->op) &&
               !std::holds_alternative<UnknownOp>(it->op)) {
      throw NeedsFullState();  // about something a recent State left out, or nothing at all
    }
  }
  return out;
}

std::vector<Undoable> latest_undoable(const State& state, const std::string& journal,
                                      std::string_view source, std::size_t limit) {
  for (std::size_t count = 64;; count *= 8) {
    const LatestEvents latest = latest_events(journal, source, count);
    std::vector<Undoable> out = undoable(state, latest.events, limit);
    if (out.size() >= limit || latest.all) return out;
  }
}

UndoChange undo_latest(const State& state, std::vector<Undoable> latest, const Stamp& stamp) {
  if (latest.empty()) {
    throw UsageError(state.event_count == 0
                         ? "nothing to undo: the journal holds no changes yet"
                         : "nothing to undo: every change in the journal has been undone already");
  }
  Undoable& reverted = latest.front();
  Change change{Event{stamp, Undo{reverted.event.stamp.id}}, reverted.touched, {}};
  return {std::move(change), std::move(reverted)};
}

}  // namespace momentum
