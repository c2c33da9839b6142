// The journal's line format: every op name and data key is spelled here, once for writing
// (nlohmann: `data`'s keys come out in byte order) and once for reading (simdjson).
#include "momentum/codec.hpp"

#include <fmt/format.h>

#include <limits>
#include <nlohmann/json.hpp>

#include "codec_read.hpp"
#include "momentum/error.hpp"
#include "momentum/parse.hpp"

namespace momentum {
namespace {

namespace od = simdjson::ondemand;
using nlohmann::json;

// ---- the ops and their keys, as docs/journal-format.md lists them

const std::vector<OpKeys> op_keys{
    {"goal.add", {"title", "why", "importance", "cadence", "target", "tags", "day"}},
    {"goal.edit", {"goal", "title", "why", "importance", "cadence", "target", "tags", "day"}},
    {"goal.status", {"goal", "status", "until", "day"}},
    {"task.add", {"title", "goal", "kind", "importance", "estimate", "due", "tags", "day"}},
    {"task.edit",
     {"task", "title", "kind", "importance", "tags", "goal", "estimate", "due", "day"}},
    {"task.status", {"task", "status", "day"}},
    {"task.defer", {"task", "from", "to", "reason", "day"}},
    {"log.add", {"day", "minutes", "kind", "goal", "task", "note", "resistance", "tags"}},
    {"log.edit", {"log", "day", "kind", "note", "tags", "minutes", "goal", "task", "resistance"}},
    {"log.rm", {"log"}},
    {"skip.add", {"day", "goal", "reason"}},
    {"sprint.start", {"title", "start", "end", "goal", "tasks", "day"}},
    {"sprint.add", {"sprint", "tasks", "day"}},
    {"sprint.remove", {"sprint", "tasks", "day"}},
    {"sprint.close", {"sprint", "learned", "blocked", "next", "rating", "day"}},
    {"undo", {"event"}},
};

// op_keys' names in Op's alternative order (UnknownOp, last, carries its own).
constexpr std::string_view op_names[] = {
    "goal.add",   "goal.edit",     "goal.status",  "task.add", "task.edit", "task.status",
    "task.defer", "log.add",       "log.edit",     "log.rm",   "skip.add",  "sprint.start",
    "sprint.add", "sprint.remove", "sprint.close", "undo"};
static_assert(std::size(op_names) + 1 == std::variant_size_v<Op>);

// ---- writing

json value(const std::string& s) { return s; }
json value(int i) { return i; }
json value(Day d) { return format_day(d); }
json value(const Cadence& c) { return format_cadence(c); }
json value(Kind k) { return std::string(to_string(k)); }
json value(GoalStatus s) { return std::string(to_string(s)); }
json value(TaskStatus s) { return std::string(to_string(s)); }
json value(const std::vector<std::string>& v) { return v; }
template <class T>
json value(const std::optional<T>& v) {
  return v ? value(*v) : json(nullptr);
}

// `key` written always (an empty optional as null).
template <class T>
void always(json& data, const char* key, const T& v) {
  data[key] = value(v);
}
// `key` written when given (a Clearable's inner nullopt as null).
template <class T>
void given(json& data, const char* key, const std::optional<T>& v) {
  if (v) data[key] = value(*v);
}

struct Encoder {
  json& d;
  void operator()(const GoalAdd& o) const {
    always(d, "title", o.title);
    given(d, "why", o.why);
    given(d, "importance", o.importance);
    given(d, "cadence", o.cadence);
    given(d, "target", o.target);
    given(d, "tags", o.tags);
    given(d, "day", o.day);
  }
  void operator()(const GoalEdit& o) const {
    always(d, "goal", o.goal);
    given(d, "title", o.title);
    given(d, "why", o.why);
    given(d, "importance", o.importance);
    given(d, "cadence", o.cadence);
    given(d, "target", o.target);
    given(d, "tags", o.tags);
    given(d, "day", o.day);
  }
  void operator()(const GoalSetStatus& o) const {
    always(d, "goal", o.goal);
    always(d, "status", o.status);
    given(d, "until", o.until);
    given(d, "day", o.day);
  }
  void operator()(const TaskAdd& o) const {
    always(d, "title", o.title);
    task_fields(o);
  }
  void operator()(const TaskEdit& o) const {
    always(d, "task", o.task);
    given(d, "title", o.title);
    task_fields(o);
  }
  template <class T>
  void task_fields(const T& o) const {
    given(d, "goal", o.goal);
    given(d, "kind", o.kind);
    given(d, "importance", o.importance);
    given(d, "estimate", o.estimate);
    given(d, "due", o.due);
    given(d, "tags", o.tags);
    given(d, "day", o.day);
  }
  void operator()(const TaskSetStatus& o) const {
    always(d, "task", o.task);
    always(d, "status", o.status);
    given(d, "day", o.day);
  }
  void operator()(const TaskDefer& o) const {
    always(d, "task", o.task);
    always(d, "from", o.from);
    always(d, "to", o.to);
    given(d, "reason", o.reason);
    given(d, "day", o.day);
  }
  void operator()(const LogAdd& o) const { log_fields(o); }
  void operator()(const LogEdit& o) const {
    always(d, "log", o.log);
    log_fields(o);
  }
  void log_fields(const LogData& o) const {
    given(d, "day", o.day);
    given(d, "minutes", o.minutes);
    given(d, "kind", o.kind);
    given(d, "goal", o.goal);
    given(d, "task", o.task);
    given(d, "note", o.note);
    given(d, "resistance", o.resistance);
    given(d, "tags", o.tags);
  }
  void operator()(const LogRemove& o) const { always(d, "log", o.log); }
  void operator()(const SkipAdd& o) const {
    given(d, "day", o.day);
    given(d, "goal", o.goal);
    given(d, "reason", o.reason);
  }
  void operator()(const SprintStart& o) const {
    always(d, "title", o.title);
    given(d, "goal", o.goal);
    always(d, "start", o.start);
    always(d, "end", o.end);
    always(d, "tasks", o.tasks);
    given(d, "day", o.day);
  }
  void operator()(const SprintAdd& o) const { plan(o); }
  void operator()(const SprintRemove& o) const { plan(o); }
  template <class T>
  void plan(const T& o) const {
    always(d, "sprint", o.sprint);
    always(d, "tasks", o.tasks);
    given(d, "day", o.day);
  }
  void operator()(const SprintClose& o) const {
    always(d, "sprint", o.sprint);
    given(d, "learned", o.learned);
    given(d, "blocked", o.blocked);
    given(d, "next", o.next);
    given(d, "rating", o.rating);
    given(d, "day", o.day);
  }
  void operator()(const Undo& o) const { always(d, "event", o.event); }
  void operator()(const UnknownOp&) const {}
};

// ---- reading: every known key is type-checked, then the op takes the ones it knows

// A data field that may be absent, null or set.
template <class T>
struct Field {
  bool present = false;
  bool is_null = false;
  T value{};
  explicit operator bool() const { return present && !is_null; }
  const T& operator*() const { return value; }
};

// Every field any op carries.
struct Data {
  Field<std::string_view> title, why, note, reason, cadence, kind, status, goal, task, log;
  Field<std::string_view> sprint, learned, blocked, next, event;
  Field<std::int64_t> importance, estimate, minutes, resistance, rating;
  Field<Day> day, due, target, until, from, to, start, end;
  Field<std::vector<std::string>> tags, tasks;
};

Day iso_day(std::string_view text) {
  if (auto day = read_day(text)) return *day;
  throw UsageError(fmt::format("invalid day '{}'; expected YYYY-MM-DD", text));
}

// What a field of type T must hold, for messages.
template <class T>
constexpr std::string_view expected_type() {
  if constexpr (std::is_same_v<T, std::string_view>) return "a string";
  if constexpr (std::is_same_v<T, std::int64_t>) return "a whole number";
  if constexpr (std::is_same_v<T, Day>) return "a day (YYYY-MM-DD)";
  return "an array of strings";
}

template <class T>
void read(od::value value, Field<T>& field) {
  field.present = true;
  if (value.is_null()) {
    field.is_null = true;
    return;
  }
  try {
    if constexpr (std::is_same_v<T, std::string_view>) {
      field.value = value.get_string();
    } else if constexpr (std::is_same_v<T, std::int64_t>) {
      field.value = value.get_int64();
    } else if constexpr (std::is_same_v<T, Day>) {
      field.value = iso_day(value.get_string());
    } else {
      for (auto item : value.get_array())
        field.value.emplace_back(std::string_view(item.get_string()));
    }
  } catch (const simdjson::simdjson_error& e) {
    if (e.error() != simdjson::INCORRECT_TYPE && e.error() != simdjson::NUMBER_ERROR) throw;
    throw UsageError(fmt::format("must be {}", expected_type<T>()));
  }
}

// Every known key of `obj`; `reading` is the key being read, for the caller's message.
Data read_data(od::object& obj, std::string_view& reading) {
  Data d;
  for (auto member : obj) {
    const std::string_view key = member.unescaped_key();
    reading = key;
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
    else if (key == "event")
      read(v, d.event);
  }
  return d;
}

// How a field's value becomes the op's: strings are copied, ints narrowed.
std::string own(std::string_view s) { return std::string(s); }
int own(std::int64_t i) {
  if (i < std::numeric_limits<int>::min() || i > std::numeric_limits<int>::max()) {
    throw UsageError(fmt::format("number {} is out of range", i));
  }
  return static_cast<int>(i);
}
Day own(Day d) { return d; }
std::vector<std::string> own(const std::vector<std::string>& v) { return v; }

// Required: absent and null are both missing.
template <class T>
auto need(const Field<T>& f, std::string_view key) {
  if (!f) throw UsageError(fmt::format("'{}' is missing", key));
  return own(*f);
}
// Optional, null as absent.
template <class T>
auto opt(const Field<T>& f) -> std::optional<decltype(own(*f))> {
  if (!f) return std::nullopt;
  return own(*f);
}
// Optional text: null is the empty text (it clears).
std::optional<std::string> text(const Field<std::string_view>& f) {
  if (!f.present) return std::nullopt;
  return f.is_null ? std::string() : own(*f);
}
// Absent, null (clear) or set.
template <class T>
auto clearable(const Field<T>& f) -> Clearable<decltype(own(*f))> {
  using V = decltype(own(*f));
  if (!f.present) return std::nullopt;
  if (f.is_null) return std::optional<V>();
  return std::optional<V>(own(*f));
}
template <class F, class T>
auto opt_parsed(const Field<T>& f, F parse) -> std::optional<decltype(parse(*f))> {
  if (!f) return std::nullopt;
  return parse(*f);
}

TaskStatus task_status(std::string_view s) {
  if (s == "todo") return TaskStatus::todo;
  if (s == "doing") return TaskStatus::doing;
  if (s == "done") return TaskStatus::done;
  if (s == "dropped") return TaskStatus::dropped;
  throw UsageError(fmt::format("unknown task status '{}'", s));
}

GoalStatus goal_status(std::string_view s) {
  if (s == "active") return GoalStatus::active;
  if (s == "paused") return GoalStatus::paused;
  if (s == "achieved") return GoalStatus::achieved;
  if (s == "dropped") return GoalStatus::dropped;
  throw UsageError(fmt::format("unknown goal status '{}'", s));
}

LogData log_data(const Data& d) {
  return {
      opt(d.day),        clearable(d.minutes), opt_parsed(d.kind, parse_kind), clearable(d.goal),
      clearable(d.task), text(d.note),         clearable(d.resistance),        opt(d.tags)};
}

std::vector<Uuid> ids(const Data& d) { return d.tasks ? *d.tasks : std::vector<Uuid>{}; }

// The op `index` in op_names. A braced list runs left to right: the checks come in the
// order of the keys (the first missing one is named).
Op decode(std::size_t index, const Data& d) {
  const auto kind = [&] { return opt_parsed(d.kind, parse_kind); };
  switch (index) {
    case 0:
      return GoalAdd{need(d.title, "title"),
                     text(d.why),
                     opt(d.importance),
                     opt_parsed(d.cadence, parse_cadence),
                     clearable(d.target),
                     opt(d.tags),
                     opt(d.day)};
    case 1:
      return GoalEdit{need(d.goal, "goal"),
                      text(d.title),
                      text(d.why),
                      opt(d.importance),
                      opt_parsed(d.cadence, parse_cadence),
                      clearable(d.target),
                      opt(d.tags),
                      opt(d.day)};
    case 2:
      return GoalSetStatus{need(d.goal, "goal"), goal_status(need(d.status, "status")),
                           opt(d.until), opt(d.day)};
    case 3:
      return TaskAdd{need(d.title, "title"), clearable(d.goal), kind(),      opt(d.importance),
                     clearable(d.estimate),  clearable(d.due),  opt(d.tags), opt(d.day)};
    case 4:
      return TaskEdit{
          need(d.task, "task"),  text(d.title),    clearable(d.goal), kind(),    opt(d.importance),
          clearable(d.estimate), clearable(d.due), opt(d.tags),       opt(d.day)};
    case 5:
      return TaskSetStatus{need(d.task, "task"), task_status(need(d.status, "status")), opt(d.day)};
    case 6:
      return TaskDefer{need(d.task, "task"), opt(d.from), need(d.to, "to"), opt(d.reason),
                       opt(d.day)};
    case 7:
      return LogAdd{log_data(d)};
    case 8: {
      const std::string log = need(d.log, "log");
      return LogEdit{log_data(d), log};
    }
    case 9:
      return LogRemove{need(d.log, "log")};
    case 10:
      return SkipAdd{opt(d.day), opt(d.goal), text(d.reason)};
    case 11:
      return SprintStart{need(d.title, "title"), opt(d.goal), need(d.start, "start"),
                         need(d.end, "end"),     ids(d),      opt(d.day)};
    case 12:
      return SprintAdd{need(d.sprint, "sprint"), ids(d), opt(d.day)};
    case 13:
      return SprintRemove{need(d.sprint, "sprint"), ids(d), opt(d.day)};
    case 15:
      return Undo{need(d.event, "event")};
    default:
      return SprintClose{need(d.sprint, "sprint"),
                         text(d.learned),
                         text(d.blocked),
                         text(d.next),
                         opt(d.rating),
                         opt(d.day)};
  }
}

// The id's text inside the journal buffer (ids are UUIDs: no escapes), so it outlives the parse.
std::string_view id_in_buffer(od::value id) {
  const std::string_view token = id.raw_json_token();
  const std::size_t close = token.find('"', 1);
  if (token.size() < 2 || token.front() != '"' || close == std::string_view::npos ||
      token.substr(1, close - 1).find('\\') != std::string_view::npos) {
    throw UsageError("'id' must be a string without escapes");
  }
  return token.substr(1, close - 1);
}

void give(codec::Envelope& e, od::object& data, codec::EventSink& sink) {
  const codec::EventHead head{*e.id, parse_timestamp(*e.ts), parse_offset(*e.tz)};
  e.applied = true;
  sink.event(head, *e.op, data);
}

}  // namespace

std::string_view op_name(const Op& op) {
  if (const auto* unknown = std::get_if<UnknownOp>(&op)) return unknown->name;
  return op_names[op.index()];
}

const std::vector<OpKeys>& journal_ops() { return op_keys; }

std::string to_line(const Event& event) {
  nlohmann::ordered_json head;
  head["id"] = event.stamp.id;
  head["ts"] = format_timestamp(event.stamp.ts);
  head["tz"] = format_offset(event.stamp.tz);
  head["op"] = op_name(event.op);
  std::string line = head.dump();
  line.pop_back();  // the closing brace: the data follows
  line += ",\"data\":";
  if (const auto* unknown = std::get_if<UnknownOp>(&event.op)) {
    line += unknown->data;  // kept as it was read
  } else {
    json data = json::object();
    std::visit(Encoder{data}, event.op);
    line += data.dump();
  }
  return line + "}\n";
}

std::string header_line(Timestamp created) {
  nlohmann::ordered_json header;
  header["momentum"] = "journal";
  header["version"] = journal_version;
  header["created"] = format_timestamp(created);
  return header.dump() + '\n';
}

namespace codec {

std::optional<Op> decode_op(std::string_view name, od::object& data) {
  for (std::size_t i = 0; i < std::size(op_names); ++i) {
    if (op_names[i] != name) continue;
    std::string_view reading;
    Data d;
    try {
      d = read_data(data, reading);
    } catch (const UsageError& e) {
      throw UsageError(fmt::format("'{}': {}", reading, e.what()));
    }
    return decode(i, d);
  }
  return std::nullopt;
}

std::optional<Target> target_of(std::string_view name, od::object& data) noexcept {
  static constexpr std::pair<std::string_view, std::string_view> targets[] = {
      {"goal.edit", "goal"},     {"goal.status", "goal"},  {"task.edit", "task"},
      {"task.status", "task"},   {"task.defer", "task"},   {"log.edit", "log"},
      {"log.rm", "log"},         {"sprint.add", "sprint"}, {"sprint.remove", "sprint"},
      {"sprint.close", "sprint"}};
  const auto* it = std::find_if(std::begin(targets), std::end(targets),
                                [&](const auto& t) { return t.first == name; });
  if (it == std::end(targets)) return std::nullopt;
  try {
    std::string_view id;
    if (data.reset().error() || data.find_field_unordered(it->second).get_string().get(id)) {
      return std::nullopt;
    }
    return Target{it->second, std::string(id)};
  } catch (...) {  // a string that does not fit in memory: no target to name
    return std::nullopt;
  }
}

Envelope read_envelope(od::object& line, EventSink& sink) {
  Envelope e;
  for (auto field : line) {
    const std::string_view key = field.unescaped_key();
    od::value value = field.value();
    if (key == "id")
      e.id = id_in_buffer(value);
    else if (key == "ts")
      e.ts = std::string_view(value.get_string());
    else if (key == "tz")
      e.tz = std::string_view(value.get_string());
    else if (key == "op")
      e.op = std::string_view(value.get_string());
    else if (key == "momentum")
      e.magic = std::string_view(value.get_string());
    else if (key == "version")
      e.version = std::int64_t(value.get_int64());
    else if (key == "data") {
      e.data_seen = true;
      if (e.id && e.ts && e.tz && e.op) {
        od::object data = value.get_object();
        give(e, data, sink);
      }
    }
  }
  return e;
}

void read_late(od::object& line, Envelope& e, EventSink& sink) {
  for (const auto& [field, name] :
       {std::pair{e.id, "id"}, {e.ts, "ts"}, {e.tz, "tz"}, {e.op, "op"}}) {
    if (!field) throw UsageError(fmt::format("'{}' is missing", name));
  }
  if (!e.data_seen) throw UsageError("'data' is missing");
  line.reset();
  od::object data = line.find_field_unordered("data").get_object();
  give(e, data, sink);
}

std::optional<std::string> header_problem(const Envelope& e) {
  if (e.magic != "journal") return "not a momentum journal (a line that is not an event)";
  if (!e.version) return "the journal header has no version";
  if (*e.version != journal_version) {
    return fmt::format("journal version {} is not supported; this momentum reads version {}",
                       *e.version, journal_version);
  }
  return std::nullopt;
}

bool is_whole_event(std::string_view text) {
  simdjson::padded_string padded(text);
  simdjson::dom::parser parser;  // a full parse: on-demand would not notice a cut-off end
  simdjson::dom::object obj;
  return !parser.parse(padded).get(obj) && !obj["id"].error();
}

}  // namespace codec

namespace codec {

LineRead read_line(simdjson::padded_string_view line, od::parser& parser) {
  struct Reader final : EventSink {
    Event out;
    void event(const EventHead& head, std::string_view op, od::object& data) override {
      out.stamp = Stamp{std::string(head.id), head.ts, head.tz};
      if (auto known = decode_op(op, data)) {
        out.op = std::move(*known);
      } else {
        out.op = UnknownOp{std::string(op), std::string(std::string_view(data.raw_json()))};
      }
    }
  };
  od::document doc = parser.iterate(line);
  od::object obj = doc.get_object();
  Reader reader;
  Envelope e = read_envelope(obj, reader);
  if (!doc.current_location().error()) throw UsageError("unexpected text after the event");
  if (e.is_header()) return {std::nullopt, e.magic == "journal", e.version, header_problem(e)};
  if (!e.applied) read_late(obj, e, reader);
  return {std::move(reader.out), false, std::nullopt, std::nullopt};
}

std::optional<Event> read_line(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  const simdjson::padded_string padded(line);
  od::parser parser;
  try {
    return read_line(padded, parser).event;
  } catch (const simdjson::simdjson_error& e) {
    throw UsageError(e.what());
  }
}

}  // namespace codec

Event read_event(std::string_view line) {
  if (auto event = codec::read_line(line)) return std::move(*event);
  throw UsageError("a header, not an event");
}

}  // namespace momentum
