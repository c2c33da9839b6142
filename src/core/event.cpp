// Replay: a journal's lines, read by the codec, folded into a State in (ts, id) order.
#include "momentum/event.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>

#include "apply.hpp"
#include "momentum/error.hpp"

namespace momentum {

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

// Throws StorageError "SOURCE:LINE: malformed event: WHY".
[[noreturn]] void malformed(std::string_view source, int line, std::string_view why) {
  throw StorageError(fmt::format("{}:{}: malformed event: {}", source, line, why));
}

// Calls visit(offset, content, line) for each line of text[0, end) that is not blank, the
// first being line `first_line`; `content` is without its '\n'.
template <typename Visit>
void for_each_line(std::string_view text, std::size_t end, int first_line, const Visit& visit) {
  int line = first_line - 1;
  for (std::size_t pos = 0; pos < end;) {
    const std::size_t nl = std::min(text.find('\n', pos), end);
    ++line;
    const std::string_view content(text.data() + pos, nl - pos);
    if (!is_blank(content)) visit(pos, content, line);
    pos = nl + 1;
  }
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

// Hands a line's event to the Applier, noting where it sits in the (ts, id) order.
class LineSink final : public codec::EventSink {
 public:
  LineSink(LineRef& ref, Applier& applier) : ref_(ref), applier_(applier) {}
  void event(const EventHead& head, std::string_view op, od::object& data) override {
    ref_.id = head.id;
    ref_.ts = head.ts;
    applier_.apply(head, op, data);
  }

 private:
  LineRef& ref_;
  Applier& applier_;
};

class Replayer {
 public:
  Replayer(const std::string& text, std::string_view source) : text_(text), reader_(text, source) {}

  // Applies the lines in [0, end) in file order, the first being line `first_line` (a header
  // must come first unless `header_seen`); returns the events' positions.
  std::vector<LineRef> apply_all(std::size_t end, Applier& applier, int first_line = 1,
                                 bool header_seen = false) {
    std::vector<LineRef> refs;
    for_each_line(text_, end, first_line,
                  [&](std::size_t offset, std::string_view content, int line) {
                    if (auto ref = apply_line(offset, content.size(), line, header_seen, applier)) {
                      refs.push_back(*ref);
                    }
                  });
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
  std::optional<LineRef> apply_line(std::size_t offset, std::size_t length, int line,
                                    bool& header_seen, Applier& applier) {
    try {
      od::document doc = reader_.parse(offset, length, line);
      od::object obj = doc.get_object();
      LineRef ref{{}, {}, offset, length, line};
      LineSink sink(ref, applier);
      codec::Envelope e = codec::read_envelope(obj, sink);
      if (!doc.current_location().error()) reader_.fail(line, "unexpected text after the event");
      if (e.is_header()) {
        if (auto problem = codec::header_problem(e)) reader_.fail(line, *problem);
        header_seen = true;
        return std::nullopt;
      }
      if (!header_seen) reader_.fail(line, "not a momentum journal (no header line)");
      if (!e.applied) codec::read_late(obj, e, sink);
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
  if (codec::is_whole_event(tail)) {
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

// `input`, or a copy of it in `copy` when it has no room for the parser, which reads up to 64
// bytes past a line's end.
const std::string& padded(const std::string& input, std::string& copy) {
  if (input.capacity() >= input.size() + simdjson::SIMDJSON_PADDING) return input;
  copy.reserve(input.size() + simdjson::SIMDJSON_PADDING);
  copy = input;
  return copy;
}

}  // namespace

Loaded replay(const std::string& input, std::string_view source) {
  std::string padded_copy;
  const std::string& text = padded(input, padded_copy);

  Loaded out;
  check_tail(text, source, out);
  Replayer replayer(text, source);
  std::vector<std::string> warnings;
  std::vector<LineRef> refs;
  std::vector<UndoRef> undos;
  {
    Applier applier(out.state);
    refs = replayer.apply_all(out.valid_size, applier);
    warnings = applier.take_warnings();
    undos = applier.undos();
  }
  if (!undos.empty() || !std::is_sorted(refs.begin(), refs.end(), before)) {
    // Undos name the events to skip, which the first fold applied; lines from two machines
    // interleaved by a merge are out of order: fold again, in (ts, id) order.
    std::stable_sort(refs.begin(), refs.end(), before);
    out.state = State{};
    warnings.clear();
    Applier applier(out.state, Applier::undone_by(undos, warnings));
    replayer.apply_refs(refs, applier);
    applier.warn_unmatched();
    for (std::string& warning : applier.take_warnings()) warnings.push_back(std::move(warning));
  }
  for (const std::string& warning : warnings) {
    out.warnings.push_back(fmt::format("{}: {}", source, warning));
  }
  out.event_warnings = std::move(warnings);
  if (auto warning = unknown_ops_warning(out.state, source)) out.warnings.push_back(*warning);
  return out;
}

namespace {

// The events that the undos among the appended lines `input` revert, when each reverts another
// of those lines (an undo right after a write, the usual case): folding the lines while
// skipping those gives what a replay gives. Nullopt when an undo names anything else (an event
// folded already, another undo, none), which only a replay can honour. An undo the text
// search misses (an escaped op name) is caught by the fold that follows.
std::optional<UndoneIds> undone_within(const std::string& input, std::string_view source,
                                       std::size_t& undos) {
  undos = 0;
  if (input.find("\"undo\"") == std::string::npos) return UndoneIds{};
  std::vector<Event> events;
  try {
    events = read_events(input, source);
  } catch (const StorageError&) {
    return std::nullopt;  // the replay says where
  }
  UndoneIds others, undone;
  for (const Event& e : events) {
    if (const auto* undo = std::get_if<Undo>(&e.op)) {
      ++undos;
      undone.insert(undo->event);
    } else {
      others.insert(e.stamp.id);
    }
  }
  for (const Uuid& id : undone) {
    if (!others.contains(id)) return std::nullopt;
  }
  return undone;
}

}  // namespace

bool replay_appended(Loaded& loaded, const std::string& input, std::string_view source,
                     int first_line) {
  const bool recent = loaded.state.history.has_value();
  std::size_t undos = 0;
  std::optional<UndoneIds> undone = undone_within(input, source, undos);
  if (!undone) return false;
  std::string text;
  text.reserve(input.size() + simdjson::SIMDJSON_PADDING);
  text = input;
  Replayer replayer(text, source);
  Applier applier(loaded.state, std::move(*undone));
  const Timestamp last = loaded.state.last_ts;
  const std::vector<LineRef> refs = replayer.apply_all(text.size(), applier, first_line, true);
  if (applier.undos().size() != undos) return false;
  if (!refs.empty() &&
      (refs.front().ts <= last || !std::is_sorted(refs.begin(), refs.end(), before))) {
    return false;
  }
  std::vector<std::string> warnings = applier.take_warnings();
  // A recent State lacks what it left out, so an event it warns about (one that names
  // something unknown, most likely) is left to the full State to judge.
  if (recent && !warnings.empty()) return false;
  // ... and a sprint begun before its cutoff would miss the check-ins it left out.
  if (recent) {
    const History& h = *loaded.state.history;
    for (std::size_t s = h.sprint_minutes.size(); s < loaded.state.sprints.size(); ++s) {
      if (loaded.state.sprints[s].start < h.cutoff) return false;
    }
  }
  for (std::string& warning : warnings) {
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
  Applier applier(state);
  applier.apply(EventHead{event.stamp.id, event.stamp.ts, event.stamp.tz}, event.op);
}

bool needs_replay(const Op& op) { return std::holds_alternative<Undo>(op); }

std::vector<Event> read_events(const std::string& input, std::string_view source) {
  Loaded tail;
  check_tail(input, source, tail);
  std::vector<Event> events;
  for_each_line(input, tail.valid_size, 1, [&](std::size_t, std::string_view content, int line) {
    try {
      if (auto event = codec::read_line(content)) events.push_back(std::move(*event));
    } catch (const UsageError& e) {
      malformed(source, line, e.what());
    }
  });
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return a.stamp.ts != b.stamp.ts ? a.stamp.ts < b.stamp.ts : a.stamp.id < b.stamp.id;
  });
  return events;
}

namespace {

// Notes where a line's event sits in the (ts, id) order and whether it is an undo; its data
// is left unread.
class HeadSink final : public codec::EventSink {
 public:
  HeadSink(LineRef& ref, bool& undo) : ref_(ref), undo_(undo) {}
  void event(const EventHead& head, std::string_view op, od::object& /*data*/) override {
    ref_.id = head.id;
    ref_.ts = head.ts;
    undo_ = op == "undo";
  }

 private:
  LineRef& ref_;
  bool& undo_;
};

}  // namespace

LatestEvents latest_events(const std::string& input, std::string_view source, std::size_t count) {
  std::string padded_copy;
  const std::string& text = padded(input, padded_copy);
  Loaded tail;
  check_tail(text, source, tail);
  LineReader reader(text, source);
  std::vector<LineRef> refs;
  std::vector<bool> undo;
  for_each_line(text, tail.valid_size, 1,
                [&](std::size_t offset, std::string_view content, int line) {
                  try {
                    od::document doc = reader.parse(offset, content.size(), line);
                    od::object obj = doc.get_object();
                    LineRef ref{{}, {}, offset, content.size(), line};
                    bool is_undo = false;
                    HeadSink sink(ref, is_undo);
                    codec::Envelope e = codec::read_envelope(obj, sink);
                    if (e.is_header()) return;
                    if (!e.applied) codec::read_late(obj, e, sink);
                    refs.push_back(ref);
                    undo.push_back(is_undo);
                  } catch (const simdjson::simdjson_error& e) {
                    malformed(source, line, e.what());
                  } catch (const UsageError& e) {
                    malformed(source, line, e.what());
                  }
                });
  std::vector<std::size_t> order(refs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto earlier = [&](std::size_t a, std::size_t b) { return before(refs[a], refs[b]); };
  if (!std::is_sorted(order.begin(), order.end(), earlier)) {
    std::stable_sort(order.begin(), order.end(), earlier);
  }
  // The latest `count` that are not undos, and every undo.
  std::vector<bool> wanted(refs.size(), false);
  std::size_t others = 0;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    wanted[*it] = undo[*it] || others++ < count;
  }
  LatestEvents out;
  out.all = others <= count;
  for (const std::size_t i : order) {
    if (!wanted[i]) continue;
    const LineRef& ref = refs[i];
    try {
      if (auto event = codec::read_line(std::string_view(text.data() + ref.offset, ref.length))) {
        out.events.push_back(std::move(*event));
      }
    } catch (const UsageError& e) {
      malformed(source, ref.line, e.what());
    }
  }
  return out;
}

}  // namespace momentum
