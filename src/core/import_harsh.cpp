// harsh's `habits` and `log` → goals, check-ins and rest days.
#include <fmt/format.h>

#include <charconv>
#include <map>
#include <set>

#include "import_util.hpp"
#include "momentum/error.hpp"
#include "momentum/import.hpp"

namespace momentum {
namespace {

namespace iu = import_util;

// `text` split at every `sep`, as Go's strings.Split.
std::vector<std::string_view> split(std::string_view text, std::string_view sep) {
  std::vector<std::string_view> parts;
  for (std::size_t at = 0;;) {
    const std::size_t next = text.find(sep, at);
    if (next == std::string_view::npos) {
      parts.push_back(text.substr(at));
      return parts;
    }
    parts.push_back(text.substr(at, next - at));
    at = next + sep.size();
  }
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// The lines of `text` as bufio.Scanner gives them: without "\n" or a "\r" before it.
std::vector<std::string_view> lines(std::string_view text) {
  std::vector<std::string_view> out = split(text, "\n");
  if (!out.empty() && out.back().empty()) out.pop_back();
  for (auto& line : out)
    if (line.ends_with('\r')) line.remove_suffix(1);
  return out;
}

// One side of a frequency: digits, optionally followed by `w` (weeks).
std::optional<int> frequency_part(std::string_view text) {
  int factor = 1;
  if (text.ends_with('w')) {
    factor = 7;
    text.remove_suffix(1);
  }
  int n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || n < 0 ||
      n > 100000) {
    return std::nullopt;
  }
  return n * factor;
}

struct Habit {
  std::string name;
  Cadence cadence;
  std::optional<Day> end;
  int line = 0;
};

// harsh's frequency as a cadence: `1` daily, `N` once in N days, `T/I` T in any I days,
// `0` tracking only. Throws where harsh exits.
Cadence read_frequency(std::string_view text, std::string_view where,
                       std::vector<ImportSkipped>& skipped, const std::string& name) {
  const auto parts = split(text, "/");
  const auto bad = [&](std::string_view why) {
    return UsageError(
        fmt::format("{}: invalid frequency '{}' for habit '{}': {}", where, text, name, why));
  };
  if (parts.size() > 2) throw bad("expected N or T/I (e.g. 1, 7, 3/7, 1w)");
  const auto first = frequency_part(parts[0]);
  const auto second = parts.size() == 2 ? frequency_part(parts[1]) : std::optional<int>(0);
  if (!first || !second) throw bad("expected N or T/I (e.g. 1, 7, 3/7, 1w)");
  int target = 1;
  int interval = *first;
  if (parts.size() == 2) {
    target = *first;
    interval = *second;
    if (interval == 0) throw bad("the interval must not be 0");
    if (target > interval) throw bad("the target must not exceed the interval");
  } else if (*first == 0) {
    return Cadence{Cadence::Type::none};
  }
  if (target == 0) return Cadence{Cadence::Type::none};
  if (target == interval) return Cadence{Cadence::Type::daily};
  if (interval > 365) {
    skipped.push_back({fmt::format("frequency '{}' of habit '{}'", text, name),
                       "a window over 365 days: the goal keeps no streak"});
    return Cadence{Cadence::Type::none};
  }
  return Cadence{Cadence::Type::rolling, target, interval};
}

std::vector<Habit> read_habits(std::string_view text, std::string_view source,
                               std::vector<ImportSkipped>& skipped) {
  std::vector<Habit> habits;
  std::set<std::string> names;
  int n = 0;
  for (const std::string_view line : lines(text)) {
    ++n;
    const std::string where = fmt::format("{}/habits:{}", source, n);
    if (line.empty() || line.starts_with('#')) continue;
    if (line.starts_with('!')) {
      if (line.find("! ") == std::string_view::npos) {
        skipped.push_back(
            {fmt::format("habits line {}", n), "a heading without '! ' (harsh skips it too)"});
      }
      continue;  // headings only group habits on harsh's screen
    }
    const auto parts = split(line, ": ");
    if (parts.size() < 2) {
      skipped.push_back({fmt::format("habits line {}", n),
                         "no ': ' between a name and a frequency (harsh skips it too)"});
      continue;
    }
    Habit h;
    h.name = std::string(trim(parts[0]));
    h.line = n;
    h.cadence = read_frequency(trim(parts[1]), where, skipped, h.name);
    if (parts.size() > 2) {
      const std::string_view end = trim(parts[2]);
      h.end = read_day(end);
      if (!h.end) {
        throw UsageError(fmt::format(
            "{}: invalid end date '{}' for habit '{}'; expected YYYY-MM-DD", where, end, h.name));
      }
    }
    if (!names.insert(h.name).second) {
      skipped.push_back({fmt::format("habits line {} ('{}')", n, h.name),
                         "the same habit again: the first is kept"});
      continue;
    }
    habits.push_back(std::move(h));
  }
  return habits;
}

struct Answer {
  char result = 'y';
  std::string comment;
  double amount = 0;
  int line = 0;
};

// The log's answers by (habit, day); a later line for the same habit and day replaces the
// earlier one, as in harsh.
std::map<std::pair<std::string, Day>, Answer> read_log(std::string_view text,
                                                       std::vector<ImportSkipped>& skipped) {
  std::map<std::pair<std::string, Day>, Answer> answers;
  int n = 0;
  for (const std::string_view line : lines(text)) {
    ++n;
    if (line.empty() || line.starts_with('#')) continue;
    const std::string what = fmt::format("log line {}", n);
    const auto f = split(line, " : ");
    if (f.size() < 3) {
      skipped.push_back({what, "not 'DAY : HABIT : ANSWER' (harsh skips it too)"});
      continue;
    }
    if (f.size() > 5) {
      skipped.push_back({what, "more than 5 fields, a ' : ' in the comment (harsh skips it too)"});
      continue;
    }
    const auto day = read_day(f[0]);
    if (!day) {
      skipped.push_back({what, "not a day YYYY-MM-DD (harsh skips it too)"});
      continue;
    }
    const std::string_view result = trim(f[2]);
    if (trim(f[1]).empty()) {
      skipped.push_back({what, "no habit name (harsh skips it too)"});
      continue;
    }
    if (result != "y" && result != "n" && result != "s") {
      skipped.push_back({what, "an answer other than y, n or s (harsh skips it too)"});
      continue;
    }
    Answer a;
    a.result = result[0];
    a.line = n;
    if (f.size() >= 4) a.comment = std::string(trim(f[3]));
    if (f.size() == 5 && !trim(f[4]).empty()) {
      const std::string amount(trim(f[4]));
      char* end = nullptr;
      a.amount = std::strtod(amount.c_str(), &end);
      if (end != amount.c_str() + amount.size()) {
        a.amount = 0;
        skipped.push_back(
            {fmt::format("amount '{}' on log line {}", amount, n), "not a number (harsh reads 0)"});
      }
    }
    answers[{std::string(f[1]), *day}] = std::move(a);
  }
  return answers;
}

std::string amount_text(double amount) { return fmt::format("amount {:g}", amount); }

}  // namespace

ImportBatch parse_harsh(std::string_view habits_text, std::string_view log_text,
                        std::string_view source, Day today) {
  ImportBatch batch;
  batch.source = ImportSource::harsh;
  const std::vector<Habit> habits = read_habits(habits_text, source, batch.skipped);
  const auto answers = read_log(log_text, batch.skipped);
  std::map<std::string, const Habit*> by_name;
  for (const Habit& h : habits) by_name[h.name] = &h;
  std::map<std::string, Day> first_day;
  for (const auto& [key, answer] : answers) {
    const auto [it, added] = first_day.try_emplace(key.first, key.second);
    if (!added) it->second = std::min(it->second, key.second);
    if (!by_name.contains(key.first)) {
      batch.skipped.push_back({fmt::format("log line {} ('{}')", answer.line, key.first),
                               "no such habit in 'habits' (harsh does not show it either)"});
    }
  }
  std::vector<ImportEvent> endings;
  for (const Habit& h : habits) {
    const std::string title = iu::title(h.name);
    if (title.empty()) {
      batch.skipped.push_back({fmt::format("habits line {}", h.line), "an empty habit name"});
      continue;
    }
    const Uuid goal = stable_import_id("harsh:habit:" + h.name);
    GoalAdd g;
    g.title = title;
    g.importance = 3;
    g.cadence = h.cadence;
    if (h.end) g.target = std::optional<Day>(*h.end);
    g.tags = std::vector<std::string>{};
    if (const auto it = first_day.find(h.name); it != first_day.end()) g.day = it->second;
    batch.events.push_back({goal, goal, std::move(g)});
    if (h.end && *h.end < today) {
      const Day ended = *h.end + std::chrono::days{1};
      endings.push_back({stable_import_id("harsh:habit:" + h.name + ":end"), goal,
                         GoalSetStatus{goal, GoalStatus::achieved, std::nullopt, ended}});
    }
    for (auto it = answers.lower_bound({h.name, Day{}});
         it != answers.end() && it->first.first == h.name; ++it) {
      const Day day = it->first.second;
      const Answer& a = it->second;
      const std::string what = fmt::format("{} on {}", h.name, format_day(day));
      if (h.end && day > *h.end) {
        batch.skipped.push_back({what, "after the habit's end date (harsh hides it)"});
        continue;
      }
      const Uuid id = stable_import_id(fmt::format("harsh:{}:{}", h.name, format_day(day)));
      std::string note = a.comment;
      if (a.amount != 0) note += (note.empty() ? "" : " ") + amount_text(a.amount);
      if (a.result == 'y') {
        LogAdd log;
        log.day = day;
        log.kind = Kind::do_;
        log.goal = std::optional<Uuid>(goal);
        if (!note.empty()) log.note = iu::note(note);
        batch.events.push_back({id, id, std::move(log)});
      } else if (a.result == 's') {
        SkipAdd skip{day, goal, std::nullopt};
        if (!note.empty()) skip.reason = iu::note(note);
        batch.events.push_back({id, id, std::move(skip)});
      } else {
        batch.skipped.push_back({what, "answered n (not done): nothing to bring in"});
      }
    }
  }
  for (ImportEvent& e : endings) batch.events.push_back(std::move(e));
  return batch;
}

}  // namespace momentum
