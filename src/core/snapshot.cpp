// The snapshot codec: fixed-width little-endian fields, length-prefixed strings and vectors.
#include "momentum/snapshot.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <ranges>
#include <type_traits>

#include "momentum/streak.hpp"

namespace momentum {
namespace {

// Bumped whenever the State's shape or this encoding changes: old snapshots then decode
// to nullopt and are rebuilt.
constexpr std::uint32_t snapshot_format = 8;

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

// The tasks' section: their count; then a table of one column per field, each one word per
// task: their numbers, their goals (-1 for none), where each one's bytes start (after the
// table), and their TaskFacts; then the tasks. So one task, or one goal's, can be found and
// read alone, and every task ranked without reading any.
enum Column { num, goal, offset, status, importance, estimate, due, created_day, deferrals, tags };
constexpr std::size_t columns = 10;
constexpr std::int64_t none = std::numeric_limits<std::int64_t>::min();

std::string task_section(const std::vector<Task>& tasks) {
  Writer records;
  std::vector<std::size_t> offsets;
  offsets.reserve(tasks.size());
  for (const Task& t : tasks) {
    offsets.push_back(records.bytes.size());
    records.put(t);
  }
  Writer w;
  w.bytes.reserve(8 + 8 * columns * tasks.size() + records.bytes.size());
  w.put(tasks.size());
  const auto day = [](std::optional<Day> d) { return d ? d->time_since_epoch().count() : none; };
  for (const Task& t : tasks) w.put(t.num);
  for (const Task& t : tasks) w.put(t.goal.value_or(-1));
  for (const std::size_t offset : offsets) w.put(offset);
  for (const Task& t : tasks) w.put(t.status);
  for (const Task& t : tasks) w.put(t.importance);
  for (const Task& t : tasks) w.put(t.estimate ? std::int64_t{*t.estimate} : none);
  for (const Task& t : tasks) w.put(day(t.due));
  for (const Task& t : tasks) w.put(t.created_day);
  for (const Task& t : tasks) w.put(t.deferrals.size());
  for (const Task& t : tasks) w.put(t.tags.size());
  w.bytes += records.bytes;
  return std::move(w.bytes);
}

// The table of a task section: the columns of `count` tasks, read in place.
class TaskTable {
 public:
  TaskTable(std::string_view section, std::size_t count) : section_(section), count_(count) {}
  std::int64_t at(Column c, std::size_t i) const {
    std::int64_t value = 0;
    std::memcpy(&value, section_.data() + 8 + 8 * (static_cast<std::size_t>(c) * count_ + i),
                sizeof value);
    return value;
  }
  // Task i's facts, or nullopt when a field is out of range.
  std::optional<TaskFacts> facts(std::size_t i) const {
    const auto small = [](std::int64_t v, std::int64_t lo, std::int64_t hi) {
      return v >= lo && v <= hi;
    };
    const std::int64_t limit = std::numeric_limits<int>::max();
    const std::int64_t st = at(status, i), imp = at(importance, i), est = at(estimate, i);
    const std::int64_t d = at(due, i), made = at(created_day, i);
    const std::int64_t defers = at(deferrals, i), tagged = at(tags, i);
    const std::int64_t day_limit = 1'000'000'000;
    if (!small(st, 0, static_cast<std::int64_t>(TaskStatus::dropped)) || !small(imp, 0, limit) ||
        (est != none && !small(est, -limit, limit)) ||
        (d != none && !small(d, -day_limit, day_limit)) || !small(made, -day_limit, day_limit) ||
        !small(defers, 0, limit) || !small(tagged, 0, limit)) {
      return std::nullopt;
    }
    TaskFacts f;
    f.num = static_cast<int>(at(num, i));
    if (at(goal, i) >= 0) f.goal = static_cast<int>(at(goal, i));
    f.status = static_cast<TaskStatus>(st);
    f.importance = static_cast<int>(imp);
    if (est != none) f.estimate = static_cast<int>(est);
    if (d != none) f.due = Day{std::chrono::days{d}};
    f.created_day = Day{std::chrono::days{made}};
    f.deferrals = static_cast<int>(defers);
    f.tags = static_cast<int>(tagged);
    return f;
  }

 private:
  std::string_view section_;
  std::size_t count_;
};

// The tasks of a section, or some of them, with the index of each among all `count`, and the
// facts of the others when asked for (TaskPart::facts).
struct TasksRead {
  std::size_t count = 0;
  std::vector<Task> tasks;
  std::vector<int> indexes;
  std::vector<TaskFacts> unread;
};

// The positions in the table of the tasks that `part` names: by number, by goal, and those
// `s`'s check-ins and sprints name by index (`s` as decoded, before with_tasks_only()).
std::vector<std::size_t> wanted_tasks(const TaskPart& part, const TaskTable& table, std::size_t n,
                                      const State& s) {
  std::vector<std::size_t> wanted;
  const auto positions = std::views::iota(std::size_t{0}, n);
  const auto number = [&](std::size_t i) { return table.at(Column::num, i); };
  for (const int num : part.nums) {
    // The numbers ascend.
    const auto at = std::ranges::lower_bound(positions, std::int64_t{num}, {}, number);
    if (at != positions.end() && number(*at) == num) wanted.push_back(*at);
  }
  const auto name = [&](int task) {
    if (task >= 0 && static_cast<std::size_t>(task) < n)
      wanted.push_back(static_cast<std::size_t>(task));
  };
  if (const std::optional<int> goal = part.goal ? part.goal(s) : std::nullopt) {
    for (std::size_t i = 0; i < n; ++i) {
      if (table.at(Column::goal, i) == *goal) wanted.push_back(i);
    }
  }
  if (part.named) {
    for (const LogEntry& l : s.logs) {
      if (l.task) name(*l.task);
    }
    for (const Sprint& sprint : s.sprints) {
      for (const PlannedTask& p : sprint.planned) name(p.task);
    }
  }
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  return wanted;
}

// A task section whose table was checked: numbers and offsets ascend, goals exist. The facts
// of a task are checked when read.
class TaskSection {
 public:
  static std::optional<TaskSection> open(std::string_view section, std::size_t goals) {
    Reader r(section);
    const std::size_t n = r.count();
    // The count, then the table: 8 bytes per column per task.
    if (!r.ok || n > (section.size() - 8) / (8 * columns)) return std::nullopt;
    TaskSection out(section, n);
    const TaskTable& table = out.table;
    for (std::size_t i = 0; i < n; ++i) {
      const std::int64_t goal = table.at(Column::goal, i), offset = table.at(Column::offset, i);
      if (goal < -1 || goal >= static_cast<std::int64_t>(goals) || offset < 0 ||
          static_cast<std::uint64_t>(offset) >= out.records.size() ||
          (i > 0 && (table.at(Column::num, i) <= table.at(Column::num, i - 1) ||
                     offset <= table.at(Column::offset, i - 1)))) {
        return std::nullopt;
      }
    }
    return out;
  }

  // The tasks at `wanted` (ascending positions), with the facts of all the others when
  // `facts`; nullopt when one is damaged.
  std::optional<TasksRead> read(const std::vector<std::size_t>& wanted, bool facts) const {
    TasksRead out;
    out.count = count;
    out.tasks.reserve(wanted.size());
    out.indexes.reserve(wanted.size());
    for (const std::size_t i : wanted) {
      Reader one(records.substr(static_cast<std::size_t>(table.at(Column::offset, i))));
      Task& t = out.tasks.emplace_back();
      one.get(t);
      out.indexes.push_back(static_cast<int>(i));
      // The last task ends the section.
      if (!one.ok || table.facts(i) != facts_of(t) || (i + 1 == count && !one.done())) {
        return std::nullopt;
      }
    }
    if (!facts) return out;
    out.unread.reserve(count - wanted.size());
    auto next = wanted.begin();
    for (std::size_t i = 0; i < count; ++i) {
      if (next != wanted.end() && *next == i) {
        ++next;
        continue;
      }
      auto f = table.facts(i);
      if (!f) return std::nullopt;
      out.unread.push_back(*f);
    }
    return out;
  }

  std::vector<std::size_t> all() const {
    std::vector<std::size_t> every(count);
    for (std::size_t i = 0; i < count; ++i) every[i] = i;
    return every;
  }

  TaskTable table;
  std::string_view records;
  std::size_t count;

 private:
  TaskSection(std::string_view section, std::size_t n)
      : table(section, n), records(section.substr(8 + 8 * columns * n)), count(n) {}
};

// What names a task by its position in the section, as decoded: taken from a State before
// with_tasks_only() rewrites it, so that it can be rewritten again for more tasks.
struct TaskRefs {
  std::vector<std::optional<int>> logs;           // per check-in
  std::vector<std::vector<PlannedTask>> planned;  // per sprint
  std::vector<int> minutes;                       // History::task_minutes
};

TaskRefs refs_of(State& s) {
  TaskRefs refs;
  refs.logs.reserve(s.logs.size());
  for (const LogEntry& l : s.logs) refs.logs.push_back(l.task);
  for (const Sprint& sprint : s.sprints) refs.planned.push_back(sprint.planned);
  refs.minutes = std::move(s.history->task_minutes);
  return refs;
}

// Keeps in `s`, whose tasks were read only in part, just those tasks and what names them
// (`refs`); what names another task is left out.
void with_tasks_only(State& s, const TaskRefs& refs, TasksRead read) {
  std::vector<int> moved(read.count, -1);
  for (std::size_t i = 0; i < read.indexes.size(); ++i) {
    moved[static_cast<std::size_t>(read.indexes[i])] = static_cast<int>(i);
  }
  const auto to = [&](int task) {
    return task >= 0 && static_cast<std::size_t>(task) < read.count
               ? moved[static_cast<std::size_t>(task)]
               : -1;
  };
  for (std::size_t i = 0; i < s.logs.size(); ++i) {
    const std::optional<int> task = refs.logs[i];
    s.logs[i].task = task && to(*task) >= 0 ? std::optional(to(*task)) : std::nullopt;
  }
  for (std::size_t i = 0; i < s.sprints.size(); ++i) {
    std::vector<PlannedTask>& planned = s.sprints[i].planned;
    planned.clear();
    for (const PlannedTask& p : refs.planned[i]) {
      if (to(p.task) >= 0) planned.push_back({to(p.task), p.added});
    }
  }
  History& h = *s.history;
  h.task_minutes.clear();
  for (const int index : read.indexes) {
    const auto i = static_cast<std::size_t>(index);
    h.task_minutes.push_back(i < refs.minutes.size() ? refs.minutes[i] : 0);
  }
  h.without_tasks = true;
  h.unread = std::move(read.unread);
  s.tasks = std::move(read.tasks);
}

// `s` with the tasks of `part`, and then those that part.pick names once they are read.
bool read_part(State& s, const TaskSection& section, const TaskPart& part) {
  const TaskRefs refs = refs_of(s);
  auto read =
      section.read(wanted_tasks(part, section.table, section.count, s), part.facts || part.pick);
  if (!read) return false;
  std::vector<int> indexes = read->indexes;
  with_tasks_only(s, refs, std::move(*read));
  if (!part.pick) return true;
  TaskPart more;
  more.nums = part.pick(s);
  std::erase_if(more.nums, [&](int num) { return find_by_num(s.tasks, num).has_value(); });
  // `s` no longer names tasks by their position (the refs do): only the numbers count.
  const std::vector<std::size_t> extra = wanted_tasks(more, section.table, section.count, s);
  if (extra.empty()) return true;
  auto added = section.read(extra, false);
  if (!added) return false;
  // Those read before and those added, by position; the facts of the others stay.
  TasksRead all;
  all.count = section.count;
  std::vector<Task>& before = s.tasks;
  std::size_t b = 0, a = 0;
  while (b < before.size() || a < added->tasks.size()) {
    const bool take_added =
        b == before.size() || (a < added->tasks.size() && added->indexes[a] < indexes[b]);
    if (take_added) {
      all.tasks.push_back(std::move(added->tasks[a]));
      all.indexes.push_back(added->indexes[a++]);
    } else {
      all.tasks.push_back(std::move(before[b]));
      all.indexes.push_back(indexes[b++]);
    }
  }
  std::sort(more.nums.begin(), more.nums.end());
  all.unread = std::move(s.history->unread);
  std::erase_if(all.unread, [&](const TaskFacts& f) {
    return std::binary_search(more.nums.begin(), more.nums.end(), f.num);
  });
  with_tasks_only(s, refs, std::move(all));
  return true;
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
  const auto section = TaskSection::open(task_bytes, s.goals.size());
  if (!section) return std::nullopt;
  if (tasks) {
    if (!read_part(s, *section, *tasks)) return std::nullopt;
  } else {
    auto read = section->read(section->all(), false);
    if (!read) return std::nullopt;
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
