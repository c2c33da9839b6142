// `check`: every line read by the codec, the events folded by the Applier in replay's
// (ts, id) order, and each thing replay would refuse, ignore or doubt tied to its line.
#include "momentum/check.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <set>
#include <unordered_map>

#include "apply.hpp"
#include "codec_read.hpp"
#include "momentum/codec.hpp"
#include "momentum/error.hpp"

namespace momentum {
namespace {

namespace od = simdjson::ondemand;
using namespace std::chrono_literals;

constexpr auto future_slack = 24h;  // clock skew between machines that sync

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// A usable event and the line it came from.
struct LineEvent {
  int line = 0;
  Event event;
};

// simdjson's message without its final period.
std::string short_reason(simdjson::error_code code) {
  std::string why = simdjson::error_message(code);
  while (!why.empty() && (why.back() == '.' || why.back() == ' ')) why.pop_back();
  return why;
}

class Checker {
 public:
  Checker(std::string_view text, Timestamp now) : now_(now) {
    text_.reserve(text.size() + simdjson::SIMDJSON_PADDING);
    text_ = text;
  }

  CheckReport run() {
    read_lines();
    if (report_.repairable) fold();
    std::stable_sort(report_.findings.begin(), report_.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.line < b.line; });
    return std::move(report_);
  }

 private:
  void add(int line, Severity severity, std::string message, bool unusable) {
    report_.findings.push_back({line, severity, std::move(message), unusable});
  }

  void read_lines() {
    int line = 0;
    for (std::size_t pos = 0; pos < text_.size();) {
      const std::size_t nl = text_.find('\n', pos);
      const std::size_t end = nl == std::string::npos ? text_.size() : nl;
      ++line;
      const std::string_view content(text_.data() + pos, end - pos);
      if (!is_blank(content)) {
        if (nl == std::string::npos && !codec::is_whole_event(content)) {
          add(line, Severity::warning,
              "incomplete last line (a write was interrupted); the next change removes it", true);
        } else if (!read_line(pos, content.size(), line)) {
          return;
        }
      }
      pos = end + 1;
    }
  }

  // Reads one line; false when the journal cannot be read any further.
  bool read_line(std::size_t offset, std::size_t length, int line) {
    const simdjson::padded_string_view view(text_.data() + offset, length,
                                            text_.capacity() - offset);
    codec::LineRead read;
    try {
      read = codec::read_line(view, parser_);
    } catch (const simdjson::simdjson_error& e) {
      add(line, Severity::problem, unreadable(view, e.error()), true);
      return true;
    } catch (const UsageError& e) {
      add(line, Severity::problem, fmt::format("malformed event: {}", e.what()), true);
      return true;
    }
    if (read.event) {
      event(line, std::move(*read.event));
    } else {
      return header(line, read);
    }
    return true;
  }

  // Why a line the parser gave up on cannot be used: not JSON at all, or a wrong shape.
  std::string unreadable(simdjson::padded_string_view view, simdjson::error_code code) {
    simdjson::dom::element ignored;
    if (const auto json_error = dom_parser_.parse(view).get(ignored)) {
      return fmt::format("not JSON ({})", short_reason(json_error));
    }
    if (code == simdjson::INCORRECT_TYPE) return "malformed event: not an object";
    return fmt::format("malformed event: {}", short_reason(code));
  }

  bool header(int line, const codec::LineRead& read) {
    if (!read.header_problem) {
      header_seen_ = true;
      return true;
    }
    const bool first = !header_seen_ && !event_seen_;
    if (first && read.is_journal && read.version && *read.version != journal_version) {
      // The whole file is a newer (or older) format: nothing here can be judged or repaired.
      add(line, Severity::problem, *read.header_problem, false);
      report_.repairable = false;
      return false;
    }
    add(line, Severity::problem,
        fmt::format("{}: {}", first ? "bad header" : "a second header", *read.header_problem),
        true);
    return true;
  }

  void event(int line, Event event) {
    if (!header_seen_ && !event_seen_) {
      add(line, Severity::problem,
          "no header line before the first event; repair writes one (version 1)", false);
      report_.needs_header = true;
    }
    event_seen_ = true;
    events_.push_back({line, std::move(event)});
  }

  // Replay's fold, one event at a time, so that what it ignores is tied to the event's line.
  void fold() {
    std::stable_sort(events_.begin(), events_.end(), [](const LineEvent& a, const LineEvent& b) {
      const Stamp& x = a.event.stamp;
      const Stamp& y = b.event.stamp;
      return x.ts != y.ts ? x.ts < y.ts : x.id < y.id;
    });
    if (!events_.empty()) report_.created = events_.front().event.stamp.ts;
    State state;
    Applier applier(state);
    std::unordered_map<std::string_view, int> first_line;
    for (const LineEvent& e : events_) {
      const Stamp& stamp = e.event.stamp;
      const auto [first, inserted] = first_line.emplace(stamp.id, e.line);
      if (!inserted) {
        add(e.line, Severity::problem,
            fmt::format("duplicate event id {} (first on line {}); replay ignores this one",
                        stamp.id, first->second),
            true);
        continue;
      }
      if (stamp.ts > now_ + future_slack) {
        add(e.line, Severity::warning,
            fmt::format("written at {}, more than 24 h in the future (a clock set wrong?)",
                        format_timestamp(stamp.ts)),
            false);
      }
      if (const auto* unknown = std::get_if<UnknownOp>(&e.event.op)) {
        add(e.line, Severity::warning,
            fmt::format("op '{}' is from a newer momentum; kept, not applied", unknown->name),
            false);
      }
      applier.apply(EventHead{stamp.id, stamp.ts, stamp.tz}, e.event.op);
      missing(e, applier.take_missing());
    }
    count(state);
  }

  void missing(const LineEvent& e, const std::vector<MissingRef>& refs) {
    const std::string_view op = op_name(e.event.op);
    for (const MissingRef& ref : refs) {
      if (ref.target) {
        ++ignored_;
        add(e.line, Severity::problem,
            fmt::format("{} of {} {}, which does not exist; replay ignores it", op, ref.what,
                        ref.id),
            true);
        return;
      }
      add(e.line, Severity::warning,
          fmt::format("{} refers to {} {}, which does not exist; kept without it", op, ref.what,
                      ref.id),
          false);
    }
  }

  void count(const State& state) {
    report_.events = state.event_count - ignored_;  // what is left once they move
    report_.goals = state.goals.size();
    report_.tasks = state.tasks.size();
    report_.logs = static_cast<std::size_t>(std::count_if(
        state.logs.begin(), state.logs.end(), [](const auto& l) { return !l.removed; }));
    report_.skips = static_cast<std::size_t>(std::count_if(
        state.skips.begin(), state.skips.end(), [](const auto& k) { return !k.removed; }));
    report_.sprints = state.sprints.size();
  }

  std::string text_;
  Timestamp now_;
  od::parser parser_;
  simdjson::dom::parser dom_parser_;
  CheckReport report_;
  std::vector<LineEvent> events_;
  std::size_t ignored_ = 0;  // events replay ignores: their target does not exist
  bool header_seen_ = false;
  bool event_seen_ = false;
};

}  // namespace

std::size_t CheckReport::problems() const {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(),
                    [](const auto& f) { return f.severity == Severity::problem; }));
}

std::size_t CheckReport::warnings() const { return findings.size() - problems(); }

bool CheckReport::needs_repair() const {
  return needs_header ||
         std::any_of(findings.begin(), findings.end(), [](const auto& f) { return f.unusable; });
}

CheckReport check_journal(std::string_view text, Timestamp now) { return Checker(text, now).run(); }

Repair plan_repair(std::string_view text, const CheckReport& report) {
  std::set<int> unusable;
  for (const Finding& f : report.findings) {
    if (f.unusable) unusable.insert(f.line);
  }
  Repair repair;
  repair.journal.reserve(text.size());
  if (report.needs_header) repair.journal = header_line(report.created);
  int line = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t nl = text.find('\n', pos);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line;
    const std::string_view whole = text.substr(pos, end - pos);
    if (unusable.contains(line)) {
      repair.quarantine += whole;
      if (whole.back() != '\n') repair.quarantine += '\n';
      repair.moved.push_back(line);
    } else {
      repair.journal += whole;
    }
    pos = end;
  }
  return repair;
}

}  // namespace momentum
