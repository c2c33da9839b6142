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

namespace od = simdjson::ondemand;
using std::chrono::days;

// A data field that may be absent, null (meaning "clear it") or set.
template <class T>
struct Field {
  bool present = false;
  bool is_null = false;
  T value{};
  explicit operator bool() const { return present && !is_null; }
  const T& operator*() const { return value; }
};

// Every field any op carries; an op reads the ones it knows.
struct Data {
  Field<std::string_view> title, why, note, reason, cadence, kind, status, goal, task, log;
  Field<std::string_view> sprint, learned, blocked, next;
  Field<std::int64_t> importance, estimate, minutes, resistance, rating;
  Field<Day> day, due, target, until, from, to, start, end;
  Field<std::vector<std::string>> tags, tasks;
};

Day iso_day(std::string_view text) {
  if (auto day = read_day(text)) return *day;
  throw UsageError(fmt::format("invalid day '{}'; expected YYYY-MM-DD", text));
}

template <class T>
void read(od::value value, Field<T>& field) {
  field.present = true;
  if (value.is_null()) {
    field.is_null = true;
  } else if constexpr (std::is_same_v<T, std::string_view>) {
    field.value = value.get_string();
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    field.value = value.get_int64();
  } else if constexpr (std::is_same_v<T, Day>) {
    field.value = iso_day(value.get_string());
  } else {
    for (auto item : value.get_array())
      field.value.emplace_back(std::string_view(item.get_string()));
  }
}

Data decode(od::object& obj) {
  Data d;
  for (auto member : obj) {
    const std::string_view key = member.unescaped_key();
    od::value v = member.value();
    if (key == "title")
      read(v, d.title);
    else if (key == "why")
      read(v, d.why);
    else if (key == "note")
      read(v, d.note);
    else if (key == "reason")
      read(v, d.reason);
    else if (key == "cadence")
      read(v, d.cadence);
    else if (key == "kind")
      read(v, d.kind);
    else if (key == "status")
      read(v, d.status);
    else if (key == "goal")
      read(v, d.goal);
    else if (key == "task")
      read(v, d.task);
    else if (key == "log")
      read(v, d.log);
    else if (key == "importance")
      read(v, d.importance);
    else if (key == "estimate")
      read(v, d.estimate);
    else if (key == "minutes")
      read(v, d.minutes);
    else if (key == "resistance")
      read(v, d.resistance);
    else if (key == "day")
      read(v, d.day);
    else if (key == "due")
      read(v, d.due);
    else if (key == "target")
      read(v, d.target);
    else if (key == "until")
      read(v, d.until);
    else if (key == "from")
      read(v, d.from);
    else if (key == "to")
      read(v, d.to);
    else if (key == "tags")
      read(v, d.tags);
    else if (key == "sprint")
      read(v, d.sprint);
    else if (key == "learned")
      read(v, d.learned);
    else if (key == "blocked")
      read(v, d.blocked);
    else if (key == "next")
      read(v, d.next);
    else if (key == "rating")
      read(v, d.rating);
    else if (key == "start")
      read(v, d.start);
    else if (key == "end")
      read(v, d.end);
    else if (key == "tasks")
      read(v, d.tasks);
  }
  return d;
}

std::optional<Day> opt_day(const Field<Day>& f) {
  return f ? std::optional<Day>(*f) : std::nullopt;
}
std::optional<int> opt_int(const Field<std::int64_t>& f) {
  return f ? std::optional<int>(static_cast<int>(*f)) : std::nullopt;
}
template <class T>
void assign_if(const Field<T>& f, T& target) {
  if (f) target = *f;
}
void assign_if(const Field<std::string_view>& f, std::string& target) {
  if (f.present) target = f.is_null ? std::string() : std::string(*f);
}
template <class T, class S>
void assign_opt(const Field<S>& f, std::optional<T>& target) {
  if (!f.present) return;
  target = f.is_null ? std::nullopt : std::optional<T>(static_cast<T>(*f));
}

TaskStatus parse_task_status(std::string_view s) {
  if (s == "todo") return TaskStatus::todo;
  if (s == "doing") return TaskStatus::doing;
  if (s == "done") return TaskStatus::done;
  if (s == "dropped") return TaskStatus::dropped;
  throw UsageError(fmt::format("unknown task status '{}'", s));
}

GoalStatus parse_goal_status(std::string_view s) {
  if (s == "active") return GoalStatus::active;
  if (s == "paused") return GoalStatus::paused;
  if (s == "achieved") return GoalStatus::achieved;
  if (s == "dropped") return GoalStatus::dropped;
  throw UsageError(fmt::format("unknown goal status '{}'", s));
}

// The handlers, one per op; each gets the decoded data and the event's stamp and day.
class Ops {
 public:
  Ops(State& state, std::vector<std::string>& warnings, const EventHead& stamp, const Data& data,
      bool log_op)
      : s_(state),
        warnings_(warnings),
        stamp_(stamp),
        d_(data),
        day_(data.day ? *data.day : written_day()),
        activity_day_(log_op ? written_day() : day_) {}

  void goal_add() {
    if (s_.goal_index.contains(stamp_.id)) return;  // the same event twice after a merge
    Goal g;
    g.id = std::string(stamp_.id);
    g.num = static_cast<int>(s_.goals.size()) + 1;
    g.title = required(d_.title, "title");
    assign_if(d_.why, g.why);
    g.importance = opt_int(d_.importance).value_or(3);
    g.cadences.push_back({day_, d_.cadence ? parse_cadence(*d_.cadence) : Cadence{}});
    g.target = opt_day(d_.target);
    assign_if(d_.tags, g.tags);
    g.created = g.updated = stamp_.ts;
    g.created_day = day_;
    s_.goal_index.emplace(g.id, static_cast<int>(s_.goals.size()));
    s_.goals.push_back(std::move(g));
  }

  void goal_edit() {
    Goal* g = goal(d_.goal);
    if (!g) return;
    assign_if(d_.title, g->title);
    assign_if(d_.why, g->why);
    if (d_.importance) g->importance = static_cast<int>(*d_.importance);
    if (d_.cadence) set_cadence(*g, parse_cadence(*d_.cadence));
    assign_opt(d_.target, g->target);
    assign_if(d_.tags, g->tags);
    g->updated = stamp_.ts;
  }

  void goal_status() {
    Goal* g = goal(d_.goal);
    if (!g) return;
    const GoalStatus to = parse_goal_status(required(d_.status, "status"));
    end_pause(*g);
    if (to == GoalStatus::paused) g->pauses.push_back({day_, opt_day(d_.until)});
    g->ended = (to == GoalStatus::achieved || to == GoalStatus::dropped) ? std::optional<Day>(day_)
                                                                         : std::nullopt;
    g->status = to;
    g->updated = stamp_.ts;
  }

  void task_add() {
    if (s_.task_index.contains(stamp_.id)) return;
    Task t;
    t.id = std::string(stamp_.id);
    t.num = static_cast<int>(s_.tasks.size()) + 1;
    t.title = required(d_.title, "title");
    t.goal = goal_ref(d_.goal);
    if (d_.kind) t.kind = parse_kind(*d_.kind);
    t.importance = opt_int(d_.importance).value_or(3);
    t.estimate = opt_int(d_.estimate);
    t.due = opt_day(d_.due);
    assign_if(d_.tags, t.tags);
    t.created = stamp_.ts;
    t.created_day = day_;
    touch(t);
    s_.task_index.emplace(t.id, static_cast<int>(s_.tasks.size()));
    s_.tasks.push_back(std::move(t));
  }

  void task_edit() {
    Task* t = task(d_.task);
    if (!t) return;
    assign_if(d_.title, t->title);
    if (d_.goal.present) t->goal = goal_ref(d_.goal);
    if (d_.kind) t->kind = parse_kind(*d_.kind);
    if (d_.importance) t->importance = static_cast<int>(*d_.importance);
    assign_opt(d_.estimate, t->estimate);
    assign_opt(d_.due, t->due);
    assign_if(d_.tags, t->tags);
    touch(*t);
  }

  void task_status() {
    Task* t = task(d_.task);
    if (!t) return;
    const TaskStatus to = parse_task_status(required(d_.status, "status"));
    if (to == TaskStatus::doing) start(*t, day_);
    if (to == TaskStatus::done || to == TaskStatus::dropped) {
      t->finished = stamp_.ts;
      t->finished_day = day_;
    } else {
      t->finished.reset();
      t->finished_day.reset();
    }
    t->status = to;
    touch(*t);
  }

  void task_defer() {
    Task* t = task(d_.task);
    if (!t) return;
    const Day to = required(d_.to, "to");
    t->deferrals.push_back(
        {stamp_.ts, day_, opt_day(d_.from), to, std::string(d_.reason ? *d_.reason : "")});
    t->due = to;
    touch(*t);
  }

  void log_add() {
    if (s_.log_index.contains(stamp_.id)) return;
    LogEntry l;
    l.id = std::string(stamp_.id);
    l.num = static_cast<int>(s_.logs.size()) + 1;
    l.day = day_;
    l.minutes = opt_int(d_.minutes);
    if (d_.kind) l.kind = parse_kind(*d_.kind);
    l.goal = goal_ref(d_.goal);
    l.task = task_ref(d_.task);
    assign_if(d_.note, l.note);
    l.resistance = opt_int(d_.resistance);
    assign_if(d_.tags, l.tags);
    l.ts = stamp_.ts;
    on_task_logged(l);
    s_.log_index.emplace(l.id, static_cast<int>(s_.logs.size()));
    s_.logs.push_back(std::move(l));
  }

  void log_edit() {
    LogEntry* l = log(d_.log);
    if (!l) return;
    if (d_.day) l->day = *d_.day;
    assign_opt(d_.minutes, l->minutes);
    if (d_.kind) l->kind = parse_kind(*d_.kind);
    if (d_.goal.present) l->goal = goal_ref(d_.goal);
    if (d_.task.present) l->task = task_ref(d_.task);
    assign_if(d_.note, l->note);
    assign_opt(d_.resistance, l->resistance);
    assign_if(d_.tags, l->tags);
    on_task_logged(*l);
  }

  void log_rm() {
    if (LogEntry* l = log(d_.log)) l->removed = true;
  }

  void skip_add() {
    if (s_.skip_index.contains(stamp_.id)) return;
    Skip k;
    k.id = std::string(stamp_.id);
    k.num = static_cast<int>(s_.skips.size()) + 1;
    k.day = day_;
    k.goal = goal_ref(d_.goal);
    assign_if(d_.reason, k.reason);
    k.ts = stamp_.ts;
    s_.skip_index.emplace(k.id, static_cast<int>(s_.skips.size()));
    s_.skips.push_back(std::move(k));
  }

  void sprint_start() {
    if (s_.sprint_index.contains(stamp_.id)) return;
    Sprint sp;
    sp.id = std::string(stamp_.id);
    sp.num = static_cast<int>(s_.sprints.size()) + 1;
    sp.title = required(d_.title, "title");
    sp.goal = goal_ref(d_.goal);
    sp.start = required(d_.start, "start");
    sp.end = std::max(sp.start, required(d_.end, "end"));
    sp.created = stamp_.ts;
    plan(sp, std::max(day_, sp.start));
    s_.sprint_index.emplace(sp.id, static_cast<int>(s_.sprints.size()));
    s_.sprints.push_back(std::move(sp));
  }

  void sprint_add() {
    if (Sprint* sp = sprint(d_.sprint)) plan(*sp, std::max(day_, sp->start));
  }

  void sprint_remove() {
    Sprint* sp = sprint(d_.sprint);
    if (!sp || !d_.tasks) return;
    for (const std::string& id : *d_.tasks) {
      const std::optional<int> t = task_ref(id);
      std::erase_if(sp->planned, [&](const PlannedTask& p) { return t && p.task == *t; });
    }
  }

  void sprint_close() {
    Sprint* sp = sprint(d_.sprint);
    if (!sp) return;
    sp->closed = true;
    sp->closed_day = day_;
    assign_if(d_.learned, sp->retro.learned);
    assign_if(d_.blocked, sp->retro.blocked);
    assign_if(d_.next, sp->retro.next);
    sp->retro.rating = opt_int(d_.rating);
  }

 private:
  // Plans the event's tasks in `sp` as added on `added`; a task planned already stays as it was.
  void plan(Sprint& sp, Day added) {
    if (!d_.tasks) return;
    for (const std::string& id : *d_.tasks) {
      const std::optional<int> t = task_ref(id);
      const auto same = [&](const PlannedTask& p) { return t && p.task == *t; };
      if (t && std::none_of(sp.planned.begin(), sp.planned.end(), same)) {
        sp.planned.push_back({*t, added});
      }
    }
  }

  std::optional<int> task_ref(const std::string& id) {
    Field<std::string_view> f;
    f.present = true;
    f.value = id;
    return task_ref(f);
  }

  template <class T>
  T required(const Field<T>& f, std::string_view name) {
    if (!f) throw UsageError(fmt::format("'{}' is missing", name));
    return *f;
  }

  template <class Entity>
  Entity* find(std::vector<Entity>& items, const UuidIndex& index,
               const Field<std::string_view>& ref, std::string_view what) {
    if (!ref) throw UsageError(fmt::format("'{}' is missing", what));
    const auto it = index.find(*ref);
    if (it != index.end()) return &items[static_cast<std::size_t>(it->second)];
    warnings_.push_back(
        fmt::format("event {} refers to an unknown {} {}; ignored", stamp_.id, what, *ref));
    return nullptr;
  }
  Goal* goal(const Field<std::string_view>& ref) {
    return find(s_.goals, s_.goal_index, ref, "goal");
  }
  Task* task(const Field<std::string_view>& ref) {
    return find(s_.tasks, s_.task_index, ref, "task");
  }
  LogEntry* log(const Field<std::string_view>& ref) {
    return find(s_.logs, s_.log_index, ref, "log");
  }
  Sprint* sprint(const Field<std::string_view>& ref) {
    return find(s_.sprints, s_.sprint_index, ref, "sprint");
  }

  // An optional reference; an unknown one is dropped with a warning.
  std::optional<int> ref_index(const UuidIndex& index, const Field<std::string_view>& ref,
                               std::string_view what) {
    if (!ref) return std::nullopt;
    const auto it = index.find(*ref);
    if (it != index.end()) return it->second;
    warnings_.push_back(
        fmt::format("event {} refers to an unknown {} {}; ignored", stamp_.id, what, *ref));
    return std::nullopt;
  }
  std::optional<int> goal_ref(const Field<std::string_view>& f) {
    return ref_index(s_.goal_index, f, "goal");
  }
  std::optional<int> task_ref(const Field<std::string_view>& f) {
    return ref_index(s_.task_index, f, "task");
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
  const EventHead& stamp_;
  const Data& d_;
  Day day_;
  Day activity_day_;
};

using Handler = void (Ops::*)();
struct OpEntry {
  std::string_view name;
  Handler handler;
};
constexpr OpEntry op_table[] = {
    {"goal.add", &Ops::goal_add},         {"goal.edit", &Ops::goal_edit},
    {"goal.status", &Ops::goal_status},   {"task.add", &Ops::task_add},
    {"task.edit", &Ops::task_edit},       {"task.status", &Ops::task_status},
    {"task.defer", &Ops::task_defer},     {"log.add", &Ops::log_add},
    {"log.edit", &Ops::log_edit},         {"log.rm", &Ops::log_rm},
    {"skip.add", &Ops::skip_add},         {"sprint.start", &Ops::sprint_start},
    {"sprint.add", &Ops::sprint_add},     {"sprint.remove", &Ops::sprint_remove},
    {"sprint.close", &Ops::sprint_close},
};

}  // namespace

void Applier::apply(const EventHead& stamp, std::string_view op, od::object& data) {
  if (!seen_.insert(std::hash<std::string_view>{}(stamp.id)).second) return;
  ++state_.event_count;
  state_.last_ts = std::max(state_.last_ts, stamp.ts);
  for (const OpEntry& entry : op_table) {
    if (entry.name != op) continue;
    const Data decoded = decode(data);
    // A log's `day` is the day it counts for, not the day it was written.
    Ops ops(state_, warnings_, stamp, decoded, op.starts_with("log."));
    (ops.*entry.handler)();
    return;
  }
  ++state_.unknown_ops[std::string(op)];
}

}  // namespace momentum
