// The fold: each op's effect on the State. Events are never rewritten, so an edit, a status
// change or a removal is a later event that this file plays over the earlier ones.
#include "apply.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "momentum/error.hpp"
#include "momentum/parse.hpp"

namespace momentum {
namespace {

using std::chrono::days;

template <class T>
std::optional<T> flat(const Clearable<T>& c) {
  return c && *c ? *c : std::nullopt;
}

// The day an op carries, if it has that field.
std::optional<Day> op_day(const Op& op) {
  return std::visit(
      [](const auto& o) -> std::optional<Day> {
        if constexpr (requires { o.day; }) {
          return o.day;
        } else {
          return std::nullopt;
        }
      },
      op);
}

bool is_log_op(const Op& op) {
  return std::holds_alternative<LogAdd>(op) || std::holds_alternative<LogEdit>(op) ||
         std::holds_alternative<LogRemove>(op);
}

// The handlers, one per op; each gets the op and the event's stamp and day.
class Ops {
 public:
  Ops(State& state, std::vector<std::string>& warnings, const UndoneIds& undone,
      std::vector<MissingRef>& missing, const EventHead& stamp, const Op& op)
      : s_(state),
        warnings_(warnings),
        undone_(undone),
        missing_(missing),
        stamp_(stamp),
        day_(op_day(op).value_or(written_day())),
        // A log's `day` is the day it counts for, not the day it was written.
        activity_day_(is_log_op(op) ? written_day() : day_) {}

  void operator()(const GoalAdd& d) {
    if (s_.goal_index.contains(stamp_.id)) return;  // the same event twice after a merge
    Goal g;
    g.id = std::string(stamp_.id);
    g.num = ++s_.goal_nums;
    g.title = d.title;
    g.why = d.why.value_or("");
    g.importance = d.importance.value_or(3);
    g.cadences.push_back({day_, d.cadence.value_or(Cadence{})});
    g.target = flat(d.target);
    if (d.tags) g.tags = *d.tags;
    g.created = g.updated = stamp_.ts;
    g.created_day = day_;
    s_.goal_index.emplace(g.id, static_cast<int>(s_.goals.size()));
    s_.goals.push_back(std::move(g));
  }

  void operator()(const GoalEdit& d) {
    Goal* g = find(s_.goals, s_.goal_index, d.goal, "goal");
    if (!g) return;
    if (d.title) g->title = *d.title;
    if (d.why) g->why = *d.why;
    if (d.importance) g->importance = *d.importance;
    if (d.cadence) set_cadence(*g, *d.cadence);
    if (d.target) g->target = *d.target;
    if (d.tags) g->tags = *d.tags;
    g->updated = stamp_.ts;
  }

  void operator()(const GoalSetStatus& d) {
    Goal* g = find(s_.goals, s_.goal_index, d.goal, "goal");
    if (!g) return;
    end_pause(*g);
    if (d.status == GoalStatus::paused) g->pauses.push_back({day_, d.until});
    const bool ends = d.status == GoalStatus::achieved || d.status == GoalStatus::dropped;
    g->ended = ends ? std::optional<Day>(day_) : std::nullopt;
    g->status = d.status;
    g->updated = stamp_.ts;
  }

  void operator()(const TaskAdd& d) {
    if (s_.task_ids().contains(stamp_.id)) return;
    Task t;
    t.id = std::string(stamp_.id);
    t.num = ++s_.task_nums;
    t.title = d.title;
    t.goal = goal_ref(flat(d.goal));
    if (d.kind) t.kind = *d.kind;
    t.importance = d.importance.value_or(3);
    t.estimate = flat(d.estimate);
    t.due = flat(d.due);
    if (d.tags) t.tags = *d.tags;
    t.created = stamp_.ts;
    t.created_day = day_;
    touch(t);
    s_.task_ids().emplace(t.id, static_cast<int>(s_.tasks.size()));
    s_.tasks.push_back(std::move(t));
  }

  void operator()(const TaskEdit& d) {
    Task* t = find(s_.tasks, s_.task_ids(), d.task, "task");
    if (!t) return;
    if (d.title) t->title = *d.title;
    if (d.goal) t->goal = goal_ref(*d.goal);
    if (d.kind) t->kind = *d.kind;
    if (d.importance) t->importance = *d.importance;
    if (d.estimate) t->estimate = *d.estimate;
    if (d.due) t->due = *d.due;
    if (d.tags) t->tags = *d.tags;
    touch(*t);
  }

  void operator()(const TaskSetStatus& d) {
    Task* t = find(s_.tasks, s_.task_ids(), d.task, "task");
    if (!t) return;
    if (d.status == TaskStatus::doing) start(*t, day_);
    if (d.status == TaskStatus::done || d.status == TaskStatus::dropped) {
      t->finished = stamp_.ts;
      t->finished_day = day_;
    } else {
      t->finished.reset();
      t->finished_day.reset();
    }
    t->status = d.status;
    touch(*t);
  }

  void operator()(const TaskDefer& d) {
    Task* t = find(s_.tasks, s_.task_ids(), d.task, "task");
    if (!t) return;
    t->deferrals.push_back({stamp_.ts, day_, d.from, d.to, d.reason.value_or("")});
    t->due = d.to;
    touch(*t);
  }

  void operator()(const LogAdd& d) {
    if (s_.log_index.contains(stamp_.id)) return;
    LogEntry l;
    l.id = std::string(stamp_.id);
    l.num = ++s_.log_nums;
    l.day = day_;
    l.minutes = flat(d.minutes);
    if (d.kind) l.kind = *d.kind;
    l.goal = goal_ref(flat(d.goal));
    l.task = task_ref(flat(d.task));
    l.note = d.note.value_or("");
    l.resistance = flat(d.resistance);
    if (d.tags) l.tags = *d.tags;
    l.ts = stamp_.ts;
    on_task_logged(l);
    s_.log_index.emplace(l.id, static_cast<int>(s_.logs.size()));
    s_.logs.push_back(std::move(l));
  }

  void operator()(const LogEdit& d) {
    LogEntry* l = find(s_.logs, s_.log_index, d.log, "log");
    if (!l) return;
    if (d.day) l->day = *d.day;
    if (d.minutes) l->minutes = *d.minutes;
    if (d.kind) l->kind = *d.kind;
    if (d.goal) l->goal = goal_ref(*d.goal);
    if (d.task) l->task = task_ref(*d.task);
    if (d.note) l->note = *d.note;
    if (d.resistance) l->resistance = *d.resistance;
    if (d.tags) l->tags = *d.tags;
    on_task_logged(*l);
  }

  void operator()(const LogRemove& d) {
    if (LogEntry* l = find(s_.logs, s_.log_index, d.log, "log")) l->removed = true;
  }

  void operator()(const SkipAdd& d) {
    if (s_.skip_index.contains(stamp_.id)) return;
    Skip k;
    k.id = std::string(stamp_.id);
    k.num = ++s_.skip_nums;
    k.day = day_;
    k.goal = goal_ref(d.goal);
    k.reason = d.reason.value_or("");
    k.ts = stamp_.ts;
    s_.skip_index.emplace(k.id, static_cast<int>(s_.skips.size()));
    s_.skips.push_back(std::move(k));
  }

  void operator()(const SprintStart& d) {
    if (s_.sprint_index.contains(stamp_.id)) return;
    Sprint sp;
    sp.id = std::string(stamp_.id);
    sp.num = ++s_.sprint_nums;
    sp.title = d.title;
    sp.goal = goal_ref(d.goal);
    sp.start = d.start;
    sp.end = std::max(sp.start, d.end);
    sp.created = stamp_.ts;
    plan(sp, d.tasks, std::max(day_, sp.start));
    s_.sprint_index.emplace(sp.id, static_cast<int>(s_.sprints.size()));
    s_.sprints.push_back(std::move(sp));
  }

  void operator()(const SprintAdd& d) {
    if (Sprint* sp = find(s_.sprints, s_.sprint_index, d.sprint, "sprint"))
      plan(*sp, d.tasks, std::max(day_, sp->start));
  }

  void operator()(const SprintRemove& d) {
    Sprint* sp = find(s_.sprints, s_.sprint_index, d.sprint, "sprint");
    if (!sp) return;
    for (const Uuid& id : d.tasks) {
      const std::optional<int> t = task_ref(id);
      std::erase_if(sp->planned, [&](const PlannedTask& p) { return t && p.task == *t; });
    }
  }

  void operator()(const SprintClose& d) {
    Sprint* sp = find(s_.sprints, s_.sprint_index, d.sprint, "sprint");
    if (!sp) return;
    sp->closed = true;
    sp->closed_day = day_;
    if (d.learned) sp->retro.learned = *d.learned;
    if (d.blocked) sp->retro.blocked = *d.blocked;
    if (d.next) sp->retro.next = *d.next;
    sp->retro.rating = d.rating;
  }

  // Replay skips the events an undo names before the fold (replay()); folded on its own, an
  // undo changes nothing.
  void operator()(const Undo&) {}

  void operator()(const UnknownOp& d) { ++s_.unknown_ops[d.name]; }

 private:
  // Plans `tasks` in `sp` as added on `added`; a task planned already stays as it was.
  void plan(Sprint& sp, const std::vector<Uuid>& tasks, Day added) {
    for (const Uuid& id : tasks) {
      const std::optional<int> t = task_ref(id);
      const auto same = [&](const PlannedTask& p) { return t && p.task == *t; };
      if (t && std::none_of(sp.planned.begin(), sp.planned.end(), same)) {
        sp.planned.push_back({*t, added});
      }
    }
  }

  // The entity `id` refers to; an unknown one is ignored with a warning.
  template <class Entity>
  Entity* find(std::vector<Entity>& items, const UuidIndex& index, const Uuid& id,
               std::string_view what) {
    if (const std::optional<int> i = index.find(id)) return &items[static_cast<std::size_t>(*i)];
    unknown(what, id, true);
    return nullptr;
  }

  // An optional reference; an unknown one is dropped with a warning.
  std::optional<int> ref_index(const UuidIndex& index, const std::optional<Uuid>& id,
                               std::string_view what) {
    if (!id) return std::nullopt;
    if (const std::optional<int> i = index.find(*id)) return i;
    unknown(what, *id, false);
    return std::nullopt;
  }
  std::optional<int> goal_ref(const std::optional<Uuid>& id) {
    return ref_index(s_.goal_index, id, "goal");
  }
  std::optional<int> task_ref(const std::optional<Uuid>& id) {
    return ref_index(s_.task_ids(), id, "task");
  }

  void unknown(std::string_view what, std::string_view id, bool target) {
    // An undo that reached this machine after a change that builds on what it reverts.
    if (undone_.contains(id)) {
      warnings_.push_back(fmt::format(
          "event {} refers to {} {}, whose creation was undone; ignored", stamp_.id, what, id));
      return;
    }
    warnings_.push_back(
        fmt::format("event {} refers to an unknown {} {}; ignored", stamp_.id, what, id));
    missing_.push_back({std::string(what), std::string(id), target});
  }

  void set_cadence(Goal& g, const Cadence& c) {
    // Applies from the day of the edit; a second edit on the same day replaces the first.
    if (g.cadences.back().from == day_) {
      g.cadences.back().cadence = c;
    } else {
      g.cadences.push_back({day_, c});
    }
  }

  void end_pause(Goal& g) {
    if (g.pauses.empty()) return;
    Pause& p = g.pauses.back();
    if (!p.until || *p.until > day_) p.until = std::max(day_, p.from);
  }

  void start(Task& t, Day day) {
    if (t.started) return;
    t.started = stamp_.ts;
    t.started_day = day;
  }

  void touch(Task& t) {
    t.last_activity = stamp_.ts;
    t.last_activity_day = std::max(t.last_activity_day, activity_day_);
  }

  // Logging on a todo task starts it; any log is activity on its task.
  void on_task_logged(const LogEntry& l) {
    if (!l.task) return;
    Task& t = s_.tasks[static_cast<std::size_t>(*l.task)];
    if (t.status == TaskStatus::todo) {
      t.status = TaskStatus::doing;
      start(t, l.day);
    }
    touch(t);
  }

  // The writer's day, when the event has none: days are taken to start at 04:00 here.
  Day written_day() const { return day_of(stamp_.ts, stamp_.tz, std::chrono::hours{4}); }

  State& s_;
  std::vector<std::string>& warnings_;
  const UndoneIds& undone_;
  std::vector<MissingRef>& missing_;
  const EventHead& stamp_;
  Day day_;
  Day activity_day_;
};

}  // namespace

bool Applier::first_time(const EventHead& head) {
  if (!seen_.emplace(head.id, 0)) return false;
  ++state_.event_count;
  state_.last_ts = std::max(state_.last_ts, head.ts);
  return true;
}

void Applier::apply_op(const EventHead& head, const Op& op) {
  if (const auto* undo = std::get_if<Undo>(&op))
    undos_.push_back({std::string(head.id), undo->event});
  if (undone_.contains(head.id) && !std::holds_alternative<Undo>(op)) {
    skipped_.emplace(head.id);
    use_number(op);
    return;
  }
  Ops ops(state_, warnings_, undone_, missing_, head, op);
  std::visit(ops, op);
}

void Applier::use_number(const Op& op) {
  if (std::holds_alternative<GoalAdd>(op)) ++state_.goal_nums;
  if (std::holds_alternative<TaskAdd>(op)) ++state_.task_nums;
  if (std::holds_alternative<LogAdd>(op)) ++state_.log_nums;
  if (std::holds_alternative<SkipAdd>(op)) ++state_.skip_nums;
  if (std::holds_alternative<SprintStart>(op)) ++state_.sprint_nums;
}

void Applier::apply(const EventHead& head, std::string_view op, simdjson::ondemand::object& data) {
  if (!first_time(head)) return;
  std::optional<Op> decoded;
  try {
    decoded = codec::decode_op(op, data);
  } catch (...) {
    if (unknown_target(head, op, data)) return;
    throw;
  }
  if (decoded) {
    apply_op(head, *decoded);
  } else if (undone_.contains(head.id)) {
    skipped_.emplace(head.id);
  } else {
    ++state_.unknown_ops[std::string(op)];
  }
}

// A change to an entity the journal does not hold is ignored with a warning whatever else
// its data holds (a value from a newer momentum, say): its entity is looked up first.
bool Applier::unknown_target(const EventHead& head, std::string_view op,
                             simdjson::ondemand::object& data) {
  const std::optional<codec::Target> target = codec::target_of(op, data);
  if (!target) return false;
  const UuidIndex& index = target->kind == "goal"   ? state_.goal_index
                           : target->kind == "task" ? state_.task_ids()
                           : target->kind == "log"  ? state_.log_index
                                                    : state_.sprint_index;
  if (index.contains(target->id)) return false;
  warnings_.push_back(fmt::format("event {} refers to an unknown {} {}; ignored", head.id,
                                  target->kind, target->id));
  return true;
}

void Applier::apply(const EventHead& head, const Op& op) {
  if (first_time(head)) apply_op(head, op);
}

UndoneIds Applier::undone_by(const std::vector<UndoRef>& undos,
                             std::vector<std::string>& warnings) {
  UndoneIds undo_ids;
  for (const UndoRef& u : undos) undo_ids.insert(u.id);
  UndoneIds undone;
  for (const UndoRef& u : undos) {
    if (undo_ids.contains(u.target)) {
      warnings.push_back(
          fmt::format("undo event {} names another undo, {}; an undo is never "
                      "undone, ignored",
                      u.id, u.target));
    } else {
      undone.insert(u.target);
    }
  }
  return undone;
}

void Applier::warn_unmatched() {
  for (const Uuid& id : undone_) {
    if (!skipped_.contains(id)) {
      warnings_.push_back(
          fmt::format("an undo names event {}, which the journal does not hold; ignored", id));
    }
  }
}

}  // namespace momentum
