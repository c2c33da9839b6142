// The snapshot codec: fixed-width little-endian fields, length-prefixed strings and vectors.
#include "momentum/snapshot.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "momentum/streak.hpp"

namespace momentum {
namespace {

// Bumped whenever the State's shape or this encoding changes: old snapshots then decode
// to nullopt and are rebuilt.
constexpr std::uint32_t snapshot_format = 7;

class Writer {
 public:
  std::string bytes;

  template <typename T>
  requires std::is_integral_v<T> || std::is_enum_v<T>
  void put(T value) {
    const auto wide = static_cast<std::int64_t>(value);
    bytes.append(reinterpret_cast<const char*>(&wide), sizeof wide);
  }
  void put(const std::string& text) {
    put(text.size());
    bytes += text;
  }
  void put(Day day) { put(day.time_since_epoch().count()); }
  void put(Timestamp ts) { put(ts.time_since_epoch().count()); }
  void put(const Cadence& c) {
    put(c.type);
    put(c.n);
    put(c.d);
  }
  template <typename T>
  void put(const std::optional<T>& value) {
    put(value.has_value());
    if (value) put(*value);
  }
  template <typename T>
  void put(const std::vector<T>& items) {
    put(items.size());
    for (const T& item : items) put(item);
  }
  void put(const CadenceChange& c) {
    put(c.from);
    put(c.cadence);
  }
  void put(const Pause& p) {
    put(p.from);
    put(p.until);
  }
  void put(const Deferral& d) {
    put(d.ts);
    put(d.day);
    put(d.from);
    put(d.to);
    put(d.reason);
  }
  void put(const PlannedTask& p) {
    put(p.task);
    put(p.added);
  }
  void put(const Goal& g) {
    put(g.id), put(g.num), put(g.title), put(g.why), put(g.importance), put(g.cadences);
    put(g.target), put(g.status), put(g.pauses), put(g.ended), put(g.tags), put(g.created);
    put(g.created_day), put(g.updated);
  }
  void put(const Task& t) {
    put(t.id), put(t.num), put(t.title), put(t.goal), put(t.kind), put(t.importance);
    put(t.estimate), put(t.due), put(t.tags), put(t.status), put(t.created), put(t.created_day);
    put(t.started), put(t.started_day), put(t.finished), put(t.finished_day), put(t.deferrals);
    put(t.last_activity), put(t.last_activity_day);
  }
  void put(const LogEntry& l) {
    put(l.id), put(l.num), put(l.day), put(l.minutes), put(l.kind), put(l.goal), put(l.task);
    put(l.note), put(l.resistance), put(l.tags), put(l.ts), put(l.removed);
  }
  void put(const Skip& k) {
    put(k.id), put(k.num), put(k.day), put(k.goal), put(k.reason), put(k.ts), put(k.removed);
  }
  void put(const Sprint& s) {
    put(s.id), put(s.num), put(s.title), put(s.goal), put(s.start), put(s.end), put(s.planned);
    put(s.closed), put(s.closed_day), put(s.retro.learned), put(s.retro.blocked);
    put(s.retro.next), put(s.retro.rating), put(s.created);
  }
  void put(const Minutes& m) { put(m.learn), put(m.doing), put(m.checkins); }
  void put(const FoldedRun& r) {
    put(r.length), put(r.unit), put(r.unit_set), put(r.first), put(r.last);
  }
  void put(const GoalFold& f) {
    put(f.at), put(f.week_start), put(f.fingerprint), put(f.current), put(f.longest);
    put(std::bit_cast<std::int64_t>(f.strength));
  }
  void put(const History& h) {
    put(h.cutoff), put(h.logged), put(h.skipped), put(h.any_logged), put(h.rested);
    put(h.task_minutes), put(h.sprint_minutes), put(h.goal_minutes), put(h.goal_tasks_done);
    put(h.logs), put(h.skips), put(h.tasks), put(h.folds);
  }
};

// Reads what Writer wrote; any short or impossible field sets `ok` to false and yields
// zeros from then on, so a damaged snapshot is noticed once, at the end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  bool ok = true;
  bool done() const { return ok && rest_.empty(); }

  std::int64_t wide() {
    std::int64_t value = 0;
    if (rest_.size() < sizeof value) {
      fail();
      return 0;
    }
    std::memcpy(&value, rest_.data(), sizeof value);
    rest_.remove_prefix(sizeof value);
    return value;
  }
  template <typename T>
  requires std::is_integral_v<T>
  void get(T& value) {
    const std::int64_t wide_value = wide();
    value = static_cast<T>(wide_value);
    if (static_cast<std::int64_t>(value) != wide_value) fail();
  }
  template <typename T>
  requires std::is_enum_v<T>
  void get(T& value, T last) {
    const std::int64_t n = wide();
    if (n < 0 || n > static_cast<std::int64_t>(last)) fail();
    value = ok ? static_cast<T>(n) : T{};
  }
  void get(std::string& text) {
    const std::size_t n = count();
    text.assign(rest_.substr(0, n));
    rest_.remove_prefix(text.size());
  }
  void get(Day& day) { day = Day{std::chrono::days{wide()}}; }
  void get(Timestamp& ts) { ts = Timestamp{std::chrono::milliseconds{wide()}}; }
  void get(Kind& k) { get(k, Kind::do_); }
  void get(GoalStatus& s) { get(s, GoalStatus::dropped); }
  void get(TaskStatus& s) { get(s, TaskStatus::dropped); }
  void get(Cadence& c) {
    get(c.type, Cadence::Type::rolling);
    get(c.n);
    get(c.d);
  }
  template <typename T>
  void get(std::optional<T>& value) {
    bool present = false;
    get(present);
    value.reset();
    if (present && ok) get(value.emplace());
  }
  template <typename T>
  void get(std::vector<T>& items) {
    const std::size_t n = count();
    items.clear();
    items.reserve(n);
    for (std::size_t i = 0; i < n && ok; ++i) get(items.emplace_back());
  }
  void get(CadenceChange& c) { get(c.from), get(c.cadence); }
  void get(Pause& p) { get(p.from), get(p.until); }
  void get(Deferral& d) { get(d.ts), get(d.day), get(d.from), get(d.to), get(d.reason); }
  void get(PlannedTask& p) { get(p.task), get(p.added); }
  void get(Goal& g) {
    get(g.id), get(g.num), get(g.title), get(g.why), get(g.importance), get(g.cadences);
    get(g.target), get(g.status), get(g.pauses), get(g.ended), get(g.tags), get(g.created);
    get(g.created_day), get(g.updated);
  }
  void get(Task& t) {
    get(t.id), get(t.num), get(t.title), get(t.goal), get(t.kind), get(t.importance);
    get(t.estimate), get(t.due), get(t.tags), get(t.status), get(t.created), get(t.created_day);
    get(t.started), get(t.started_day), get(t.finished), get(t.finished_day), get(t.deferrals);
    get(t.last_activity), get(t.last_activity_day);
  }
  void get(LogEntry& l) {
    get(l.id), get(l.num), get(l.day), get(l.minutes), get(l.kind), get(l.goal), get(l.task);
    get(l.note), get(l.resistance), get(l.tags), get(l.ts), get(l.removed);
  }
  void get(Skip& k) {
    get(k.id), get(k.num), get(k.day), get(k.goal), get(k.reason), get(k.ts), get(k.removed);
  }
  void get(Sprint& s) {
    get(s.id), get(s.num), get(s.title), get(s.goal), get(s.start), get(s.end), get(s.planned);
    get(s.closed), get(s.closed_day), get(s.retro.learned), get(s.retro.blocked);
    get(s.retro.next), get(s.retro.rating), get(s.created);
  }
  void get(Minutes& m) { get(m.learn), get(m.doing), get(m.checkins); }
  void get(FoldedRun& r) {
    get(r.length), get(r.unit), get(r.unit_set), get(r.first), get(r.last);
    if (r.unit < 0 || r.unit > static_cast<int>(PeriodKind::window)) fail();
  }
  void get(GoalFold& f) {
    get(f.at), get(f.week_start), get(f.fingerprint), get(f.current), get(f.longest);
    std::int64_t strength = 0;
    get(strength);
    f.strength = std::bit_cast<double>(strength);
  }
  void get(History& h) {
    get(h.cutoff), get(h.logged), get(h.skipped), get(h.any_logged), get(h.rested);
    get(h.task_minutes), get(h.sprint_minutes), get(h.goal_minutes), get(h.goal_tasks_done);
    get(h.logs), get(h.skips), get(h.tasks), get(h.folds);
  }

  // A length-prefixed run of bytes, for a Reader of its own or to skip.
  std::string_view section() {
    const std::size_t n = count();
    const std::string_view bytes = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return bytes;
  }

  // A length or count: never more than the bytes left, so garbage cannot ask for gigabytes.
  std::size_t count() {
    const std::int64_t n = wide();
    if (n < 0 || static_cast<std::uint64_t>(n) > rest_.size()) {
      fail();
      return 0;
    }
    return static_cast<std::size_t>(n);
  }

 private:
  void fail() {
    ok = false;
    rest_ = {};
  }
  std::string_view rest_;
};

template <typename T>
bool index_ids(const std::vector<T>& items, UuidIndex& index) {
  index.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!index.emplace(items[i].id, static_cast<int>(i))) return false;
  }
  return true;
}

// The tasks' section: their count, their numbers, their goals (-1 for none), where each
// one's bytes start (after the offsets), then the tasks; so that one task, or one goal's,
// can be found and read alone.
std::string task_section(const std::vector<Task>& tasks) {
  Writer records;
  std::vector<std::size_t> offsets;
  offsets.reserve(tasks.size());
  for (const Task& t : tasks) {
    offsets.push_back(records.bytes.size());
    records.put(t);
  }
  Writer w;
  w.put(tasks.size());
  for (const Task& t : tasks) w.put(t.num);
  for (const Task& t : tasks) w.put(t.goal.value_or(-1));
  for (const std::size_t offset : offsets) w.put(offset);
  w.bytes += records.bytes;
  return std::move(w.bytes);
}

// The tasks of a section, or some of them, with the index of each among all `count`.
struct TasksRead {
  std::size_t count = 0;
  std::vector<Task> tasks;
  std::vector<int> indexes;
};

// The tasks in `section`: all, or those of `part` that it holds, of which `s`'s check-ins and
// sprints name some by index; nullopt when the section is damaged.
std::optional<TasksRead> read_tasks(std::string_view section, const std::optional<TaskPart>& part,
                                    const State& s) {
  Reader r(section);
  TasksRead out;
  out.count = r.count();
  const std::size_t n = out.count;
  if (!r.ok || n > section.size() / 24) return std::nullopt;
  std::vector<std::int64_t> numbers(n), goals(n), offsets(n);
  for (std::int64_t& num : numbers) num = r.wide();
  for (std::int64_t& goal : goals) goal = r.wide();
  for (std::int64_t& offset : offsets) offset = r.wide();
  if (!r.ok) return std::nullopt;
  const std::string_view records = section.substr(8 + 24 * n);
  // The table is checked whole, even when no task is read: numbers and offsets ascend.
  for (std::size_t i = 0; i < n; ++i) {
    if (goals[i] < -1 || goals[i] >= static_cast<std::int64_t>(s.goals.size()) || offsets[i] < 0 ||
        static_cast<std::uint64_t>(offsets[i]) >= records.size() ||
        (i > 0 && (numbers[i] <= numbers[i - 1] || offsets[i] <= offsets[i - 1]))) {
      return std::nullopt;
    }
  }
  const auto read_at = [&](std::size_t i) {
    Reader one(records.substr(static_cast<std::size_t>(offsets[i])));
    Task& t = out.tasks.emplace_back();
    one.get(t);
    out.indexes.push_back(static_cast<int>(i));
    // The last task ends the section.
    return one.ok && t.num == numbers[i] && t.goal.value_or(-1) == goals[i] &&
           (i + 1 < n || one.done());
  };
  std::vector<std::size_t> wanted;
  if (part) {
    for (const int num : part->nums) {
      const auto it = std::lower_bound(numbers.begin(), numbers.end(), num);
      if (it != numbers.end() && *it == num)
        wanted.push_back(static_cast<std::size_t>(it - numbers.begin()));
    }
    const auto name = [&](int task) {
      if (task >= 0 && static_cast<std::size_t>(task) < n) {
        wanted.push_back(static_cast<std::size_t>(task));
      }
    };
    if (const std::optional<int> goal = part->goal ? part->goal(s) : std::nullopt) {
      for (std::size_t i = 0; i < n; ++i) {
        if (goals[i] == *goal) wanted.push_back(i);
      }
    }
    if (part->named) {
      for (const LogEntry& l : s.logs) {
        if (l.task) name(*l.task);
      }
      for (const Sprint& sprint : s.sprints) {
        for (const PlannedTask& p : sprint.planned) name(p.task);
      }
    }
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  } else {
    wanted.resize(n);
    for (std::size_t i = 0; i < n; ++i) wanted[i] = i;
  }
  out.tasks.reserve(wanted.size());
  out.indexes.reserve(wanted.size());
  for (const std::size_t i : wanted) {
    if (!read_at(i)) return std::nullopt;
  }
  return out;
}

// Keeps in `s`, whose tasks were read only in part, just those tasks and what names them;
// what names another task is left out.
void with_tasks_only(State& s, TasksRead read) {
  std::vector<int> moved(read.count, -1);
  for (std::size_t i = 0; i < read.indexes.size(); ++i) {
    moved[static_cast<std::size_t>(read.indexes[i])] = static_cast<int>(i);
  }
  const auto to = [&](int task) {
    return task >= 0 && static_cast<std::size_t>(task) < read.count
               ? moved[static_cast<std::size_t>(task)]
               : -1;
  };
  for (LogEntry& l : s.logs) {
    if (!l.task) continue;
    if (const int t = to(*l.task); t >= 0) {
      l.task = t;
    } else {
      l.task.reset();
    }
  }
  for (Sprint& sprint : s.sprints) {
    std::erase_if(sprint.planned, [&](const PlannedTask& p) { return to(p.task) < 0; });
    for (PlannedTask& p : sprint.planned) p.task = to(p.task);
  }
  History& h = *s.history;
  std::vector<int> minutes;
  for (const int index : read.indexes) {
    const auto i = static_cast<std::size_t>(index);
    minutes.push_back(i < h.task_minutes.size() ? h.task_minutes[i] : 0);
  }
  h.task_minutes = std::move(minutes);
  h.without_tasks = true;
  s.tasks = std::move(read.tasks);
}

}  // namespace

std::string encode_state(const State& state) {
  Writer w;
  w.put(snapshot_format);
  w.put(state.goals), w.put(task_section(state.tasks)), w.put(state.logs), w.put(state.skips);
  w.put(state.sprints);
  w.put(state.unknown_ops.size());
  for (const auto& [op, n] : state.unknown_ops) w.put(op), w.put(n);
  w.put(state.goal_nums), w.put(state.task_nums), w.put(state.log_nums), w.put(state.skip_nums);
  w.put(state.sprint_nums);
  w.put(state.last_ts), w.put(state.event_count), w.put(state.history);
  return std::move(w.bytes);
}

std::optional<State> decode_state(std::string_view bytes, const std::optional<TaskPart>& tasks) {
  Reader r(bytes);
  std::uint32_t format = 0;
  r.get(format);
  if (!r.ok || format != snapshot_format) return std::nullopt;
  State s;
  r.get(s.goals);
  const std::string_view task_bytes = r.section();  // read last: check-ins may name some
  r.get(s.logs), r.get(s.skips), r.get(s.sprints);
  const std::size_t ops = r.count();
  for (std::size_t i = 0; i < ops && r.ok; ++i) {
    std::string op;
    int n = 0;
    r.get(op), r.get(n);
    s.unknown_ops[op] = n;
  }
  r.get(s.goal_nums), r.get(s.task_nums), r.get(s.log_nums), r.get(s.skip_nums);
  r.get(s.sprint_nums);
  r.get(s.last_ts), r.get(s.event_count), r.get(s.history);
  if (!r.done() || (tasks && !s.history)) return std::nullopt;
  auto read = read_tasks(task_bytes, tasks, s);
  if (!read) return std::nullopt;
  if (tasks) {
    with_tasks_only(s, std::move(*read));
  } else {
    s.tasks = std::move(read->tasks);
  }
  s.task_index_pending = true;  // task_ids() builds it when a command needs it
  if (!index_ids(s.goals, s.goal_index) || !index_ids(s.logs, s.log_index) ||
      !index_ids(s.skips, s.skip_index) || !index_ids(s.sprints, s.sprint_index)) {
    return std::nullopt;
  }
  return s;
}

}  // namespace momentum
