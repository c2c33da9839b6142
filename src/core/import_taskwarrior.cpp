// `task export` → goals (projects, recurring tasks), tasks and check-ins.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "import_util.hpp"
#include "momentum/error.hpp"
#include "momentum/import.hpp"

namespace momentum {
namespace {

using nlohmann::json;
namespace iu = import_util;

constexpr std::string_view key_prefix = "taskwarrior:";

// The attributes Taskwarrior defines (its RFC and src/columns); any other key is a UDA.
const std::set<std::string, std::less<>>& standard_keys() {
  static const std::set<std::string, std::less<>> keys{
      "id",      "uuid",   "status",  "description", "entry",     "start", "end",
      "due",     "until",  "wait",    "modified",    "scheduled", "recur", "mask",
      "imask",   "parent", "project", "priority",    "depends",   "tags",  "annotations",
      "urgency", "rtype",  "last",    "template"};
  return keys;
}

// One task object and where it was: "line 4" or "task 3".
struct Raw {
  std::string where;
  json obj;
};

// Every top-level JSON value in `text` (an array, objects one per line, or pretty-printed),
// the array's elements in its place.
std::vector<Raw> read_objects(std::string_view text, std::string_view source) {
  std::vector<Raw> out;
  std::istringstream in{std::string(text)};
  int arrays = 0;
  while (true) {
    in >> std::ws;
    if (in.peek() == std::char_traits<char>::eof()) break;
    const auto start = static_cast<std::size_t>(in.tellg());
    json value;
    try {
      in >> value;
    } catch (const json::parse_error& e) {
      const iu::JsonError at = iu::json_error(text, start, e);
      throw UsageError(fmt::format("{}:{}: not Taskwarrior's JSON: {}", source, at.line, at.why));
    }
    const int line = iu::line_at(text, start);
    if (value.is_array()) {
      ++arrays;
      int n = 0;
      for (json& item : value) {
        ++n;
        if (!item.is_object()) {
          throw UsageError(fmt::format("{}: task {} (in the array at line {}) is not a JSON object",
                                       source, n, line));
        }
        out.push_back({fmt::format("task {}", n), std::move(item)});
      }
    } else if (value.is_object()) {
      out.push_back({fmt::format("line {}", line), std::move(value)});
    } else {
      throw UsageError(
          fmt::format("{}:{}: expected a task (a JSON object) or an array of them", source, line));
    }
  }
  (void)arrays;
  return out;
}

// One task as read, its fields checked.
struct Tw {
  std::string where;
  std::string uuid;
  std::string status;
  std::string description;
  std::string project;
  std::string parent;
  std::string recur;
  std::string priority;
  std::optional<Timestamp> entry, start, end, due, until, wait, scheduled;
  std::vector<std::string> tags;
  std::vector<std::string> depends;
  std::vector<std::pair<Timestamp, std::string>> annotations;
  std::vector<std::string> udas;
};

[[noreturn]] void bad(std::string_view source, const Tw& t, std::string_view message) {
  throw UsageError(fmt::format("{}: {}{}: {}", source, t.where,
                               t.uuid.empty() ? "" : fmt::format(" ({})", t.uuid), message));
}

// `YYYYMMDDTHHMMSSZ` (what export writes) or epoch seconds (what import also takes).
std::optional<Timestamp> read_tw_date(std::string_view text) {
  using namespace std::chrono;
  const auto number = [&](std::size_t at, std::size_t n, int& out) {
    const auto* first = text.data() + at;
    const auto [end, ec] = std::from_chars(first, first + n, out);
    return ec == std::errc{} && end == first + n;
  };
  if (text.size() == 16 && text[8] == 'T' && text[15] == 'Z') {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (!number(0, 4, y) || !number(4, 2, mo) || !number(6, 2, d) || !number(9, 2, h) ||
        !number(11, 2, mi) || !number(13, 2, s)) {
      return std::nullopt;
    }
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)},
                             day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
    return Timestamp{sys_days{ymd} + hours{h} + minutes{mi} + seconds{s}};
  }
  long long epoch = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), epoch);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return Timestamp{seconds{epoch}};
}

std::string string_field(std::string_view source, const Tw& t, const json& obj, const char* key) {
  const auto it = obj.find(key);
  if (it == obj.end()) return {};
  if (!it->is_string()) bad(source, t, fmt::format("'{}' is not a string", key));
  return it->get<std::string>();
}

std::optional<Timestamp> date_field(std::string_view source, const Tw& t, const json& obj,
                                    const char* key) {
  const auto it = obj.find(key);
  if (it == obj.end()) return std::nullopt;
  const std::string text = it->is_string() ? it->get<std::string>() : it->dump();
  if (auto ts = read_tw_date(text)) return ts;
  bad(source, t, fmt::format("'{}' is not a date (YYYYMMDDTHHMMSSZ): '{}'", key, text));
}

Tw read_task(std::string_view source, const Raw& raw) {
  const json& o = raw.obj;
  Tw t;
  t.where = raw.where;
  t.uuid = string_field(source, t, o, "uuid");
  if (t.uuid.empty()) bad(source, t, "'uuid' is missing");
  t.status = string_field(source, t, o, "status");
  if (t.status.starts_with('w')) t.status = "waiting";  // as Taskwarrior's own textToStatus
  static const std::set<std::string, std::less<>> statuses{"pending", "waiting", "completed",
                                                           "deleted", "recurring"};
  if (!statuses.contains(t.status)) {
    bad(source, t,
        fmt::format("unknown status '{}'; expected pending, waiting, completed, deleted or "
                    "recurring",
                    t.status));
  }
  t.description = string_field(source, t, o, "description");
  t.project = string_field(source, t, o, "project");
  t.parent = string_field(source, t, o, "parent");
  t.recur = string_field(source, t, o, "recur");
  if (const auto it = o.find("priority"); it != o.end()) {
    t.priority = it->is_string() ? it->get<std::string>() : it->dump();
  }
  t.entry = date_field(source, t, o, "entry");
  t.start = date_field(source, t, o, "start");
  t.end = date_field(source, t, o, "end");
  t.due = date_field(source, t, o, "due");
  t.until = date_field(source, t, o, "until");
  t.wait = date_field(source, t, o, "wait");
  t.scheduled = date_field(source, t, o, "scheduled");
  if (const auto it = o.find("tags"); it != o.end()) {
    if (!it->is_array()) bad(source, t, "'tags' is not an array");
    for (const json& tag : *it) {
      if (!tag.is_string()) bad(source, t, "'tags' holds a value that is not a string");
      t.tags.push_back(tag.get<std::string>());
    }
  }
  if (const auto it = o.find("depends"); it != o.end()) {
    if (it->is_string()) {  // Taskwarrior 2.5 and older: "uuid,uuid"
      std::istringstream list(it->get<std::string>());
      for (std::string id; std::getline(list, id, ',');)
        if (!id.empty()) t.depends.push_back(id);
    } else if (it->is_array()) {
      for (const json& id : *it) {
        if (!id.is_string()) bad(source, t, "'depends' holds a value that is not a string");
        t.depends.push_back(id.get<std::string>());
      }
    } else {
      bad(source, t, "'depends' is neither an array nor a comma-separated string");
    }
  }
  if (const auto it = o.find("annotations"); it != o.end()) {
    if (!it->is_array()) bad(source, t, "'annotations' is not an array");
    for (const json& a : *it) {
      if (!a.is_object()) bad(source, t, "an annotation is not a JSON object");
      const auto entry = date_field(source, t, a, "entry");
      t.annotations.emplace_back(entry.value_or(Timestamp{}),
                                 string_field(source, t, a, "description"));
    }
  }
  for (const auto& [key, value] : o.items()) {
    if (!standard_keys().contains(key)) t.udas.push_back(key);
  }
  return t;
}

// A recurrence period as a cadence, when momentum has one for it.
std::optional<Cadence> cadence_of(std::string_view recur) {
  static const std::map<std::string, Cadence, std::less<>> named{
      {"daily", {Cadence::Type::daily}},
      {"day", {Cadence::Type::daily}},
      {"weekdays", {Cadence::Type::weekdays}},
      {"weekly", {Cadence::Type::per_week, 1}},
      {"week", {Cadence::Type::per_week, 1}},
      {"biweekly", {Cadence::Type::rolling, 1, 14}},
      {"fortnight", {Cadence::Type::rolling, 1, 14}},
      {"monthly", {Cadence::Type::rolling, 1, 30}},
      {"month", {Cadence::Type::rolling, 1, 30}},
      {"quarterly", {Cadence::Type::rolling, 1, 91}},
      {"semiannual", {Cadence::Type::rolling, 1, 183}},
      {"annual", {Cadence::Type::rolling, 1, 365}},
      {"yearly", {Cadence::Type::rolling, 1, 365}},
      {"year", {Cadence::Type::rolling, 1, 365}},
  };
  if (const auto it = named.find(recur); it != named.end()) return it->second;
  // N followed by a unit: 2d, 3wks, 1mo…
  int n = 0;
  const auto [end, ec] = std::from_chars(recur.data(), recur.data() + recur.size(), n);
  if (ec != std::errc{} || n < 1) return std::nullopt;
  const std::string_view unit(end, static_cast<std::size_t>(recur.data() + recur.size() - end));
  static const std::map<std::string, int, std::less<>> units{
      {"d", 1},      {"day", 1},     {"days", 1},   {"w", 7},      {"wk", 7},    {"wks", 7},
      {"week", 7},   {"weeks", 7},   {"mo", 30},    {"mos", 30},   {"mth", 30},  {"mths", 30},
      {"month", 30}, {"months", 30}, {"q", 91},     {"qtr", 91},   {"qtrs", 91}, {"y", 365},
      {"yr", 365},   {"yrs", 365},   {"year", 365}, {"years", 365}};
  const auto u = units.find(unit);
  if (u == units.end() || n * u->second > 365) return std::nullopt;
  const int days = n * u->second;
  if (days == 1) return Cadence{Cadence::Type::daily};
  if (days == 7) return Cadence{Cadence::Type::per_week, 1};
  return Cadence{Cadence::Type::rolling, 1, days};
}

// A recurring parent, or one of its occurrences (which carry `recur` too); a task whose
// `parent` is set but has no `recur` is an ordinary task.
bool is_recurring(const Tw& t) { return t.status == "recurring" || !t.recur.empty(); }

class Converter {
 public:
  Converter(std::string_view source, const ImportDays& days) : source_(source), days_(days) {}

  ImportBatch run(const std::vector<Tw>& tasks) {
    batch_.source = ImportSource::taskwarrior;
    index(tasks);
    for (const Tw& t : tasks) {
      if (is_recurring(t)) {
        recurring(t);
      } else {
        task(t);
      }
    }
    for (ImportEvent& e : goal_endings_) batch_.events.push_back(std::move(e));
    for (const auto& [name, count] : uda_counts_) {
      batch_.skipped.push_back(
          {fmt::format("field '{}' on {} {}", name, count, count == 1 ? "task" : "tasks"),
           "a Taskwarrior UDA: momentum has no such field"});
    }
    return std::move(batch_);
  }

 private:
  // The day an instant counts for, as momentum counts days (instants of doing: entry, start, end).
  Day day_of_instant(Timestamp ts) const { return day_of(ts, days_.utc_offset, days_.day_start); }
  // The calendar day of a date Taskwarrior stores as local midnight (due, wait, until).
  Day day_of_date(Timestamp ts) const {
    return day_of(ts, days_.utc_offset, std::chrono::minutes{0});
  }

  void index(const std::vector<Tw>& tasks) {
    for (const Tw& t : tasks) {
      descriptions_[t.uuid] = t.description;
      const Day created = day_of_instant(t.entry.value_or(Timestamp{days_.today}));
      if (!t.project.empty()) {
        auto [it, added] = project_days_.try_emplace(t.project, created);
        if (!added) it->second = std::min(it->second, created);
      }
      if (is_recurring(t)) {
        const std::string& group = t.parent.empty() ? t.uuid : t.parent;
        Day first = created;
        if (t.due) first = std::min(first, day_of_date(*t.due));
        auto [it, added] = recurring_days_.try_emplace(group, first);
        if (!added) it->second = std::min(it->second, first);
      }
    }
  }

  std::string key(std::string_view uuid, std::string_view suffix = {}) const {
    return fmt::format("{}{}{}", key_prefix, uuid, suffix);
  }

  void add(const std::string& id, const std::string& item, Op op) {
    batch_.events.push_back({id, item, std::move(op)});
  }

  void skip(std::string what, std::string why) {
    batch_.skipped.push_back({std::move(what), std::move(why)});
  }

  std::string label(const Tw& t) const {
    return iu::named("task", t.description.empty() ? t.uuid : t.description);
  }

  void common_reports(const Tw& t) {
    for (const std::string& uda : t.udas) ++uda_counts_[uda];
    for (const std::string& dep : t.depends) {
      const auto it = descriptions_.find(dep);
      skip(fmt::format("{} depends on {}", label(t),
                       it != descriptions_.end() ? iu::named("task", it->second)
                                                 : fmt::format("'{}'", dep)),
           "momentum has no task dependencies");
    }
  }

  // The goal of a project, added before its first task.
  Uuid project_goal(const std::string& project) {
    Uuid id = stable_import_id(key("project:" + project));
    if (goals_.insert(id).second) {
      GoalAdd g;
      g.title = iu::title(project);
      g.importance = 3;
      g.cadence = Cadence{Cadence::Type::none};  // a project is no habit
      g.tags = std::vector<std::string>{};
      g.day = project_days_.at(project);
      add(id, id, std::move(g));
    }
    return id;
  }

  int importance(const Tw& t) {
    if (t.priority.empty()) return 3;
    if (t.priority == "H") return 5;
    if (t.priority == "M") return 3;
    if (t.priority == "L") return 1;
    skip(fmt::format("priority '{}' of {}", t.priority, label(t)),
         "not H, M or L: importance 3 instead");
    return 3;
  }

  void task(const Tw& t) {
    common_reports(t);
    if (t.status == "deleted") return skip(label(t), "deleted in Taskwarrior");
    const std::string title = iu::title(t.description);
    if (title.empty()) return skip(label(t), "no description (or not valid UTF-8)");
    const Uuid id = stable_import_id(key(t.uuid));
    TaskAdd a;
    a.title = title;
    if (!t.project.empty()) a.goal = std::optional<Uuid>(project_goal(t.project));
    a.kind = Kind::do_;
    a.importance = importance(t);
    if (t.due) a.due = std::optional<Day>(day_of_date(*t.due));
    a.tags = iu::tags(t.tags, label(t), batch_.skipped);
    a.day = day_of_instant(t.entry.value_or(Timestamp{days_.today}));
    add(id, id, std::move(a));
    if (t.start) {
      add(stable_import_id(key(t.uuid, ":start")), id,
          TaskSetStatus{id, TaskStatus::doing, day_of_instant(*t.start)});
    }
    if (t.status == "completed") {
      const Timestamp end = t.end.value_or(t.entry.value_or(Timestamp{days_.today}));
      add(stable_import_id(key(t.uuid, ":end")), id,
          TaskSetStatus{id, TaskStatus::done, day_of_instant(end)});
    }
    if (t.wait && day_of_date(*t.wait) > days_.today && t.status != "completed") {
      skip(fmt::format("{} waits until {}", label(t), format_day(day_of_date(*t.wait))),
           "momentum has no waiting: it is a todo now");
    }
    if (t.scheduled) {
      skip(fmt::format("{} scheduled {}", label(t), format_day(day_of_date(*t.scheduled))),
           "momentum has no scheduled day (the due day is kept)");
    }
    for (const auto& [when, text] : t.annotations) {
      skip(fmt::format("{}: '{}'", label(t), text), "annotation: momentum tasks hold no notes");
    }
  }

  // A recurring task's template, or one of its occurrences: one goal per recurrence, each
  // completed occurrence a check-in on the day it was due.
  void recurring(const Tw& t) {
    for (const std::string& uda : t.udas) ++uda_counts_[uda];
    const std::string& group = t.parent.empty() ? t.uuid : t.parent;
    const Uuid goal = recurring_goal(group, t);
    if (t.parent.empty()) {
      if (t.status == "deleted" || t.status == "completed") {
        const Timestamp end = t.end.value_or(t.entry.value_or(Timestamp{days_.today}));
        goal_endings_.push_back(
            {stable_import_id(key(t.uuid, ":status")), goal,
             GoalSetStatus{goal, t.status == "deleted" ? GoalStatus::dropped : GoalStatus::achieved,
                           std::nullopt, day_of_instant(end)}});
      }
      return;
    }
    const std::string what = fmt::format(
        "{} of {}", t.due ? format_day(day_of_date(*t.due)) : std::string("an occurrence"),
        label(t));
    if (t.status == "deleted") return skip(what, "a deleted occurrence of a recurring task");
    if (t.status != "completed") {
      return skip(what, "an open occurrence of a recurring task: the goal's cadence asks for it");
    }
    const Timestamp when = t.due.value_or(t.end.value_or(Timestamp{days_.today}));
    LogAdd log;
    log.day = t.due ? day_of_date(*t.due) : day_of_instant(when);
    log.kind = Kind::do_;
    log.goal = std::optional<Uuid>(goal);
    std::string note;
    for (const auto& [at, text] : t.annotations) note += (note.empty() ? "" : "\n") + text;
    if (!note.empty()) log.note = iu::note(note);
    const Uuid id = stable_import_id(key(t.uuid));
    add(id, id, std::move(log));
  }

  Uuid recurring_goal(const std::string& group, const Tw& t) {
    Uuid id = stable_import_id(key(group));
    if (!goals_.insert(id).second) return id;
    GoalAdd g;
    g.title = iu::title(t.description);
    if (g.title.empty()) g.title = "Recurring task " + group.substr(0, 8);
    g.importance = importance(t);
    const auto cadence = cadence_of(t.recur);
    if (!cadence) {
      skip(fmt::format("recurrence '{}' of {}", t.recur, label(t)),
           "no momentum cadence for it: the goal keeps no streak");
    }
    g.cadence = cadence.value_or(Cadence{Cadence::Type::none});
    if (t.until) g.target = std::optional<Day>(day_of_date(*t.until));
    std::vector<std::string> tags = t.tags;
    if (!t.project.empty()) tags.push_back(t.project);
    g.tags = iu::tags(tags, label(t), batch_.skipped);
    g.day = recurring_days_.at(group);
    add(id, id, std::move(g));
    return id;
  }

  std::string_view source_;
  ImportDays days_;
  ImportBatch batch_;
  std::set<Uuid> goals_;
  std::map<std::string, std::string> descriptions_;
  std::map<std::string, Day> project_days_;
  std::map<std::string, Day> recurring_days_;
  std::map<std::string, int> uda_counts_;
  std::vector<ImportEvent> goal_endings_;
};

}  // namespace

ImportBatch parse_taskwarrior(std::string_view text, std::string_view source,
                              const ImportDays& days) {
  std::vector<Tw> tasks;
  std::set<std::string> seen;
  std::vector<ImportSkipped> duplicates;
  for (const Raw& raw : read_objects(text, source)) {
    Tw t = read_task(source, raw);
    if (!seen.insert(t.uuid).second) {
      duplicates.push_back({fmt::format("{} ({})", t.where, t.uuid), "the same uuid again"});
      continue;
    }
    tasks.push_back(std::move(t));
  }
  ImportBatch batch = Converter(source, days).run(tasks);
  batch.skipped.insert(batch.skipped.end(), duplicates.begin(), duplicates.end());
  return batch;
}

}  // namespace momentum
