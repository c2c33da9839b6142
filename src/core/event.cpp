// Journal lines: writing them (nlohmann) and folding them back into a State (simdjson).
#include "momentum/event.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>

#include "apply.hpp"
#include "momentum/error.hpp"

namespace momentum {

std::string to_line(const Event& event) {
  nlohmann::ordered_json line;
  line["id"] = event.stamp.id;
  line["ts"] = format_timestamp(event.stamp.ts);
  line["tz"] = format_offset(event.stamp.tz);
  line["op"] = event.op;
  line["data"] = event.data;
  return line.dump() + '\n';
}

std::string header_line(Timestamp created) {
  nlohmann::ordered_json header;
  header["momentum"] = "journal";
  header["version"] = journal_version;
  header["created"] = format_timestamp(created);
  return header.dump() + '\n';
}

namespace {

namespace od = simdjson::ondemand;

// Where one event sits in the text, and the key it is ordered by.
struct LineRef {
  Timestamp ts;
  std::string_view id;
  std::size_t offset = 0;
  std::size_t length = 0;
  int line = 0;
};

bool before(const LineRef& a, const LineRef& b) { return a.ts != b.ts ? a.ts < b.ts : a.id < b.id; }

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// Parses one line in place; the text has padding past its end (checked by the caller).
class LineReader {
 public:
  LineReader(const std::string& text, std::string_view source) : text_(text), source_(source) {}

  // The line's document; throws StorageError "SOURCE:LINE: …" when it is not JSON.
  od::document parse(std::size_t offset, std::size_t length, int line) {
    od::document doc;
    const auto error =
        parser_.iterate(text_.data() + offset, length, text_.capacity() - offset).get(doc);
    if (error) fail(line, simdjson::error_message(error));
    return doc;
  }

  [[noreturn]] void fail(int line, std::string_view why) const {
    throw StorageError(fmt::format("{}:{}: {}", source_, line, why));
  }

 private:
  const std::string& text_;
  std::string_view source_;
  od::parser parser_;
};

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

// What one line holds: a header's fields, or an event's envelope.
struct Envelope {
  std::optional<std::string_view> magic;
  std::optional<std::int64_t> version;
  std::optional<std::string_view> id, ts, tz, op;
  bool applied = false;
  bool data_seen = false;
};

void apply_event(Envelope& e, od::object& data, LineRef& ref, Applier& applier) {
  const EventHead head{*e.id, parse_timestamp(*e.ts), parse_offset(*e.tz)};
  ref.id = head.id;
  ref.ts = head.ts;
  e.applied = true;
  applier.apply(head, *e.op, data);
}

// One pass over a line's top-level fields; the event's data is applied as soon as it is
// reached when the envelope came first (the writer's order), else after the pass.
Envelope read_fields(od::object& obj, LineRef& ref, Applier& applier) {
  Envelope e;
  for (auto field : obj) {
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
        apply_event(e, data, ref, applier);
      }
    }
  }
  return e;
}

class Replayer {
 public:
  Replayer(const std::string& text, std::string_view source) : text_(text), reader_(text, source) {}

  // Applies the lines in [0, end) in file order, the first being line `first_line` (a header
  // must come first unless `header_seen`); returns the events' positions.
  std::vector<LineRef> apply_all(std::size_t end, Applier& applier, int first_line = 1,
                                 bool header_seen = false) {
    std::vector<LineRef> refs;
    int line = first_line - 1;
    for (std::size_t pos = 0; pos < end;) {
      const std::size_t nl = std::min(text_.find('\n', pos), end);
      ++line;
      const std::string_view content(text_.data() + pos, nl - pos);
      if (!is_blank(content)) {
        if (auto ref = apply_line(pos, nl - pos, line, header_seen, applier)) refs.push_back(*ref);
      }
      pos = nl + 1;
    }
    return refs;
  }

  // Applies events at `refs`, in that order.
  void apply_refs(const std::vector<LineRef>& refs, Applier& applier) {
    for (const LineRef& ref : refs) {
      bool header_seen = true;
      apply_line(ref.offset, ref.length, ref.line, header_seen, applier);
    }
  }

  [[noreturn]] void fail(int line, std::string_view why) { reader_.fail(line, why); }

 private:
  // Checks a header line; a second header (two journals merged by git) must match our major.
  void check_header(const Envelope& e, int line) {
    if (e.magic != "journal")
      reader_.fail(line, "not a momentum journal (a line that is not an event)");
    if (!e.version) reader_.fail(line, "the journal header has no version");
    if (*e.version != journal_version) {
      reader_.fail(line, fmt::format("journal version {} is not supported; this momentum reads "
                                     "version {}",
                                     *e.version, journal_version));
    }
  }

  // An event whose data came before its envelope (not as momentum writes it, but valid).
  void apply_late(od::object& obj, Envelope& e, LineRef& ref, int line, Applier& applier) {
    for (const auto& [field, name] :
         {std::pair{e.id, "id"}, {e.ts, "ts"}, {e.tz, "tz"}, {e.op, "op"}}) {
      if (!field) reader_.fail(line, fmt::format("malformed event: '{}' is missing", name));
    }
    if (!e.data_seen) reader_.fail(line, "malformed event: 'data' is missing");
    obj.reset();
    od::object data = obj.find_field_unordered("data").get_object();
    apply_event(e, data, ref, applier);
  }

  std::optional<LineRef> apply_line(std::size_t offset, std::size_t length, int line,
                                    bool& header_seen, Applier& applier) {
    try {
      od::document doc = reader_.parse(offset, length, line);
      od::object obj = doc.get_object();
      LineRef ref{{}, {}, offset, length, line};
      Envelope e = read_fields(obj, ref, applier);
      if (!doc.current_location().error()) reader_.fail(line, "unexpected text after the event");
      if (e.magic || e.version) {
        check_header(e, line);
        header_seen = true;
        return std::nullopt;
      }
      if (!header_seen) reader_.fail(line, "not a momentum journal (no header line)");
      if (!e.applied) apply_late(obj, e, ref, line, applier);
      return ref;
    } catch (const simdjson::simdjson_error& e) {
      std::string why = e.what();
      while (!why.empty() && (why.back() == '.' || why.back() == ' ')) why.pop_back();
      reader_.fail(line, fmt::format("malformed event: {}", why));
    } catch (const UsageError& e) {
      reader_.fail(line, fmt::format("malformed event: {}", e.what()));
    }
  }

  const std::string& text_;
  LineReader reader_;
};

// A last line without its newline: kept when it is a whole event, else ignored as torn.
void check_tail(const std::string& text, std::string_view source, Loaded& out) {
  const std::size_t nl = text.rfind('\n');
  out.valid_size = nl == std::string::npos ? 0 : nl + 1;
  const std::string_view tail(text.data() + out.valid_size, text.size() - out.valid_size);
  if (is_blank(tail)) return;
  simdjson::padded_string padded(tail);
  simdjson::dom::parser parser;  // a full parse: on-demand would not notice a cut-off end
  simdjson::dom::object obj;
  if (!parser.parse(padded).get(obj) && !obj["id"].error()) {
    out.valid_size = text.size();
    out.ends_without_newline = true;
    return;
  }
  out.torn_tail = true;
  out.warnings.push_back(
      fmt::format("{}: ignoring an incomplete last line (a write was "
                  "interrupted); the next change removes it",
                  source));
}

}  // namespace

Loaded replay(const std::string& input, std::string_view source) {
  // The parser reads up to 64 bytes past a line's end; copy only when there is no room.
  std::string padded_copy;
  const bool needs_copy = input.capacity() < input.size() + simdjson::SIMDJSON_PADDING;
  if (needs_copy) {
    padded_copy.reserve(input.size() + simdjson::SIMDJSON_PADDING);
    padded_copy = input;
  }
  const std::string& text = needs_copy ? padded_copy : input;

  Loaded out;
  check_tail(text, source, out);
  Replayer replayer(text, source);
  std::vector<std::string> warnings;
  std::vector<LineRef> refs;
  {
    Applier applier(out.state);
    refs = replayer.apply_all(out.valid_size, applier);
    warnings = applier.take_warnings();
  }
  if (!std::is_sorted(refs.begin(), refs.end(), before)) {
    // Lines from two machines interleaved by a merge: fold again in (ts, id) order.
    std::stable_sort(refs.begin(), refs.end(), before);
    out.state = State{};
    Applier applier(out.state);
    replayer.apply_refs(refs, applier);
    warnings = applier.take_warnings();
  }
  for (const std::string& warning : warnings) {
    out.warnings.push_back(fmt::format("{}: {}", source, warning));
  }
  out.event_warnings = std::move(warnings);
  if (auto warning = unknown_ops_warning(out.state, source)) out.warnings.push_back(*warning);
  return out;
}

bool replay_appended(Loaded& loaded, const std::string& input, std::string_view source,
                     int first_line) {
  std::string text;
  text.reserve(input.size() + simdjson::SIMDJSON_PADDING);
  text = input;
  Replayer replayer(text, source);
  Applier applier(loaded.state);
  const Timestamp last = loaded.state.last_ts;
  const std::vector<LineRef> refs = replayer.apply_all(text.size(), applier, first_line, true);
  if (!refs.empty() &&
      (refs.front().ts <= last || !std::is_sorted(refs.begin(), refs.end(), before))) {
    return false;
  }
  for (std::string& warning : applier.take_warnings()) {
    loaded.warnings.push_back(fmt::format("{}: {}", source, warning));
    loaded.event_warnings.push_back(std::move(warning));
  }
  if (auto warning = unknown_ops_warning(loaded.state, source)) loaded.warnings.push_back(*warning);
  loaded.valid_size += input.size();
  return true;
}

std::optional<std::string> unknown_ops_warning(const State& state, std::string_view source) {
  if (state.unknown_ops.empty()) return std::nullopt;
  std::string ops;
  for (const auto& [op, count] : state.unknown_ops) {
    ops += fmt::format("{}{} ×{}", ops.empty() ? "" : ", ", op, count);
  }
  return fmt::format("{}: kept but ignored events from a newer momentum ({})", source, ops);
}

void apply(State& state, const Event& event) {
  std::string line = to_line(event);
  line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
  od::parser parser;
  od::document doc = parser.iterate(line);
  od::object data = doc.find_field_unordered("data").get_object();
  Applier applier(state);
  applier.apply(EventHead{event.stamp.id, event.stamp.ts, event.stamp.tz}, event.op, data);
}

}  // namespace momentum
