#include "momentum/resolve.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "momentum/error.hpp"
#include "momentum/parse.hpp"
#include "momentum/text.hpp"

namespace momentum {
namespace {

// A short number such as "12" or "#12", when `ref` is one.
std::optional<int> short_number(std::string_view ref) {
  if (!ref.empty() && ref.front() == '#') ref.remove_prefix(1);
  int n = 0;
  const auto [end, ec] = std::from_chars(ref.data(), ref.data() + ref.size(), n);
  if (ec != std::errc{} || end != ref.data() + ref.size() || ref.empty()) return std::nullopt;
  return n;
}

bool is_uuid_prefix(std::string_view ref) {
  return ref.size() >= 4 && ref.size() <= 36 &&
         std::all_of(ref.begin(), ref.end(), [](char c) {
           return std::isxdigit(static_cast<unsigned char>(c)) || c == '-';
         });
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The indices whose item satisfies `match`.
template <class Entity, class Match>
std::vector<int> matching(const std::vector<Entity>& items, Match match) {
  std::vector<int> found;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (match(items[i])) found.push_back(static_cast<int>(i));
  }
  return found;
}

// Words that tell an entity apart in an error: a title, or a check-in's day and time.
std::string label(const Goal& g) { return g.title; }
std::string label(const Task& t) { return t.title; }
std::string label(const Sprint& s) { return s.title; }
std::string label(const LogEntry& l) {
  return l.minutes ? fmt::format("{} {}", format_day(l.day), format_duration(std::chrono::minutes{*l.minutes}))
                   : format_day(l.day);
}

// `text` cut to `width` code points, ending in "…" when cut.
std::string cut(const std::string& text, std::size_t width) {
  if (utf8_length(text) <= width) return text;
  std::size_t points = 0, i = 0;
  for (; i < text.size() && points < width - 1; ++points) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xc0) == 0x80) ++i;
  }
  return text.substr(0, i) + "…";
}

template <class Entity>
[[noreturn]] void ambiguous(std::string_view what, std::string_view ref,
                            const std::vector<Entity>& items, const std::vector<int>& found) {
  std::string list;
  for (std::size_t i = 0; i < found.size() && i < 4; ++i) {
    const Entity& e = items[static_cast<std::size_t>(found[i])];
    const std::string words = label(e);
    list += fmt::format("{}{}", i ? ", " : "", e.num);
    if (!words.empty()) list += fmt::format(" ({})", escape(cut(words, 30)));
  }
  if (found.size() > 4) list += fmt::format(" and {} more", found.size() - 4);
  throw UsageError(fmt::format("{} '{}' is ambiguous: it matches {} {}; type more of it or use "
                               "the number", what, ref,
                               what == "goal" ? "goals" : std::string(what) + "s", list));
}

// Resolves by short number, then by UUID prefix; nullopt when neither matches.
template <class Entity>
std::optional<int> by_number_or_uuid(std::string_view what, const std::vector<Entity>& items,
                                     std::string_view ref) {
  if (auto n = short_number(ref); n && *n >= 1 && *n <= static_cast<int>(items.size())) {
    return *n - 1;
  }
  if (!is_uuid_prefix(ref)) return std::nullopt;
  const std::string prefix = lower(ref);
  const auto found = matching(items, [&](const Entity& e) { return e.id.starts_with(prefix); });
  if (found.size() > 1) ambiguous(what, ref, items, found);
  if (found.size() == 1) return found.front();
  return std::nullopt;
}

std::string range_hint(std::size_t count) {
  return count == 1 ? "1" : fmt::format("1 to {}", count);
}

// The error when nothing of a kind exists yet: say how to make one.
void require_any(std::size_t count, std::string_view what, std::string_view ref,
                 std::string_view how) {
  if (count == 0) {
    throw UsageError(fmt::format("unknown {} '{}'; there are no {}s yet ({})", what, ref, what, how));
  }
}

}  // namespace

// True when a word of `title` starts `ref` (case-insensitive): "ml", "ml eng" and "become"
// all name "Become an ML engineer". Words start after anything but a letter or digit.
bool title_word_match(std::string_view title, std::string_view lower_ref) {
  const std::string t = lower(title);
  const auto word_char = [&](std::size_t i) {
    const auto c = static_cast<unsigned char>(t[i]);
    return std::isalnum(c) || c >= 0x80;
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!word_char(i) || (i > 0 && word_char(i - 1))) continue;
    if (std::string_view(t).substr(i).starts_with(lower_ref)) return true;
  }
  return false;
}

int resolve_goal(const State& state, std::string_view ref) {
  if (auto found = by_number_or_uuid("goal", state.goals, ref)) return *found;
  const std::string prefix = lower(ref);
  // The whole title first, then its start, then the start of any of its words.
  auto found = matching(state.goals, [&](const Goal& g) {
    return !prefix.empty() && lower(g.title).starts_with(prefix);
  });
  if (found.empty()) {
    found = matching(state.goals, [&](const Goal& g) {
      return !prefix.empty() && title_word_match(g.title, prefix);
    });
  }
  if (found.size() == 1) return found.front();
  if (found.size() > 1) {
    // An exact title wins over the longer titles it prefixes.
    for (int i : found) {
      if (lower(state.goals[static_cast<std::size_t>(i)].title) == prefix) return i;
    }
    ambiguous("goal", ref, state.goals, found);
  }
  require_any(state.goals.size(), "goal", ref, "add one with 'momentum goal add TITLE'");
  std::vector<std::string_view> titles;
  for (const Goal& g : state.goals) titles.push_back(g.title);
  const std::string guess = did_you_mean(ref, titles);
  throw UsageError(fmt::format(
      "unknown goal '{}'; expected a goal number ({}), a UUID prefix or the start of a title "
      "word{}", ref, range_hint(state.goals.size()),
      guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", escape(guess))));
}

int resolve_task(const State& state, std::string_view ref) {
  if (auto found = by_number_or_uuid("task", state.tasks, ref)) return *found;
  require_any(state.tasks.size(), "task", ref, "add one with 'momentum task add TITLE'");
  throw UsageError(fmt::format("unknown task '{}'; expected a task number ({}) or a UUID prefix",
                               ref, range_hint(state.tasks.size())));
}

int resolve_log(const State& state, std::string_view ref) {
  const auto found = by_number_or_uuid("check-in", state.logs, ref);
  if (found && !state.logs[static_cast<std::size_t>(*found)].removed) return *found;
  if (found) throw UsageError(fmt::format("check-in '{}' was removed", ref));
  require_any(state.logs.size(), "check-in", ref, "log one with 'momentum log 30m NOTE'");
  throw UsageError(fmt::format(
      "unknown check-in '{}'; expected a check-in number ({}, see 'momentum log list') or a "
      "UUID prefix", ref, range_hint(state.logs.size())));
}

int resolve_sprint(const State& state, std::string_view ref) {
  if (auto found = by_number_or_uuid("sprint", state.sprints, ref)) return *found;
  require_any(state.sprints.size(), "sprint", ref, "start one with 'momentum sprint start TITLE'");
  throw UsageError(fmt::format("unknown sprint '{}'; expected a sprint number ({}) or a UUID prefix",
                               ref, range_hint(state.sprints.size())));
}

}  // namespace momentum
