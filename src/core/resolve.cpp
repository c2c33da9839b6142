#include "momentum/resolve.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "momentum/error.hpp"
#include "momentum/parse.hpp"
#include "momentum/recent.hpp"
#include "momentum/text.hpp"

namespace momentum {
namespace {

bool is_uuid_prefix(std::string_view ref) {
  return ref.size() >= 4 && ref.size() <= 36 && std::all_of(ref.begin(), ref.end(), [](char c) {
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
  return l.minutes ? fmt::format("{} {}", format_day(l.day),
                                 format_duration(std::chrono::minutes{*l.minutes}))
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
  throw UsageError(
      fmt::format("{} '{}' is ambiguous: it matches {} {}; type more of it or use "
                  "the number",
                  what, ref, what == "goal" ? "goals" : std::string(what) + "s", list));
}

// Resolves by short number, then by UUID prefix; nullopt when neither matches. A number
// handed out (up to `handed_out`) to a creation since undone is an error that says so.
template <class Entity>
std::optional<int> by_number_or_uuid(std::string_view what, const std::vector<Entity>& items,
                                     std::string_view ref, int handed_out) {
  if (!items.empty()) handed_out = std::max(handed_out, items.back().num);  // a State by hand
  if (auto n = short_number(ref); n && *n >= 1 && *n <= handed_out) {
    if (auto found = find_by_num(items, *n)) return found;
    throw UsageError(fmt::format("{} {} was undone; its number is not used again", what, *n));
  }
  if (!is_uuid_prefix(ref)) return std::nullopt;
  const std::string prefix = lower(ref);
  const auto found = matching(items, [&](const Entity& e) { return e.id.starts_with(prefix); });
  if (found.size() > 1) ambiguous(what, ref, items, found);
  if (found.size() == 1) return found.front();
  return std::nullopt;
}

// The numbers in use, "1 to 7" (undone ones may be missing in between).
template <class Entity>
std::string range_hint(const std::vector<Entity>& items) {
  const int last = items.back().num;
  return last == 1 ? "1" : fmt::format("1 to {}", last);
}

// The error when nothing of a kind exists yet: say how to make one.
void require_any(std::size_t count, std::string_view what, std::string_view ref,
                 std::string_view how) {
  if (count == 0) {
    throw UsageError(
        fmt::format("unknown {} '{}'; there are no {}s yet ({})", what, ref, what, how));
  }
}

}  // namespace

// The code points of `text` (a stray byte stands for itself), case-folded for ASCII, Latin-1,
// Latin Extended-A, Greek and Cyrillic: enough for "Étudier" to match "étud".
std::u32string folded(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t n = std::min(utf8_sequence_length(lead), text.size() - i);
    char32_t c = lead;
    if (n > 1 && is_valid_utf8(text.substr(i, n))) {
      c = lead & (0xff >> (n + 1));
      for (std::size_t k = 1; k < n; ++k)
        c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
    } else {
      n = 1;
    }
    i += n;
    if ((c >= U'A' && c <= U'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7) ||
        (c >= 0x391 && c <= 0x3a9 && c != 0x3a2) || (c >= 0x410 && c <= 0x42f)) {
      c += 0x20;
    } else if (c >= 0x400 && c <= 0x40f) {
      c += 0x50;
    } else if ((((c >= 0x100 && c <= 0x137) || (c >= 0x14a && c <= 0x177)) && c % 2 == 0) ||
               (((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e)) && c % 2 == 1)) {
      // Latin Extended-A pairs: capital at the even code point in the first two runs, at the odd
      // one in the last two.
      c += 1;
    } else if (c == 0x178) {
      c = 0xff;
    }
    out += c;
  }
  return out;
}

// Letters and digits of any script; ASCII punctuation, Latin-1 punctuation and symbols, and
// the punctuation, symbol and CJK punctuation blocks separate words.
bool is_word_char(char32_t c) {
  if (c < 0x80) return std::isalnum(static_cast<int>(c)) != 0;
  if (c <= 0xbf || c == 0xd7 || c == 0xf7) return false;
  if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f)) return false;
  return !(c >= 0xff00 && c <= 0xff20) && !(c >= 0xfe30 && c <= 0xfe4f);
}

// True when `title` from its start or from the start of one of its words begins with
// `prefix` (both folded): "ml", "ml eng" and "become" all name "Become an ML engineer".
bool title_word_match(const std::u32string& title, const std::u32string& prefix) {
  for (std::size_t i = 0; i < title.size(); ++i) {
    const bool word_start = i == 0 || (is_word_char(title[i]) && !is_word_char(title[i - 1]));
    if (word_start && std::u32string_view(title).substr(i).starts_with(prefix)) return true;
  }
  return false;
}

// The words of the goals' titles, and the titles: what a mistyped reference is compared with.
std::vector<std::string> title_words(const std::vector<Goal>& goals) {
  std::vector<std::string> words;
  for (const Goal& g : goals) {
    words.push_back(g.title);
    std::string word;
    for (const char c : g.title + " ") {
      if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
        word += c;
      } else if (!word.empty()) {
        if (word.size() > 2) words.push_back(word);
        word.clear();
      }
    }
  }
  return words;
}

int resolve_goal(const State& state, std::string_view ref) {
  if (auto found = by_number_or_uuid("goal", state.goals, ref, state.goal_nums)) return *found;
  // Unique among every goal whose title, or a word of it, starts with `ref`.
  const std::u32string prefix = folded(ref);
  const auto found = matching(state.goals, [&](const Goal& g) {
    return !prefix.empty() && title_word_match(folded(g.title), prefix);
  });
  if (found.size() == 1) return found.front();
  if (found.size() > 1) {
    // An exact title wins over the longer titles it prefixes.
    for (int i : found) {
      if (folded(state.goals[static_cast<std::size_t>(i)].title) == prefix) return i;
    }
    ambiguous("goal", ref, state.goals, found);
  }
  require_any(state.goals.size(), "goal", ref, "add one with 'momentum goal add TITLE'");
  const std::vector<std::string> words = title_words(state.goals);
  const std::vector<std::string_view> candidates(words.begin(), words.end());
  const std::string guess = did_you_mean(ref, candidates);
  throw UsageError(fmt::format(
      "unknown goal '{}'; expected a goal number ({}), a UUID prefix or the start of a title "
      "word{}",
      ref, range_hint(state.goals),
      guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", escape(guess))));
}

std::optional<int> short_number(std::string_view ref) {
  if (!ref.empty() && ref.front() == '#') ref.remove_prefix(1);
  int n = 0;
  const auto [end, ec] = std::from_chars(ref.data(), ref.data() + ref.size(), n);
  if (ec != std::errc{} || end != ref.data() + ref.size() || ref.empty()) return std::nullopt;
  return n;
}

int resolve_task(const State& state, std::string_view ref) {
  // A UUID prefix may match a task a recent State left out as well as one it holds.
  if (state.history && state.history->tasks > 0 && !short_number(ref)) throw NeedsFullState();
  if (auto found = by_number_or_uuid("task", state.tasks, ref, state.task_nums)) return *found;
  require_any(state.tasks.size(), "task", ref, "add one with 'momentum task add TITLE'");
  throw UsageError(fmt::format("unknown task '{}'; expected a task number ({}) or a UUID prefix",
                               ref, range_hint(state.tasks)));
}

int resolve_log(const State& state, std::string_view ref) {
  const auto found = by_number_or_uuid("check-in", state.logs, ref, state.log_nums);
  if (found && !state.logs[static_cast<std::size_t>(*found)].removed) return *found;
  if (found) throw UsageError(fmt::format("check-in '{}' was removed", ref));
  require_any(state.logs.size(), "check-in", ref, "log one with 'momentum log 30m NOTE'");
  throw UsageError(fmt::format(
      "unknown check-in '{}'; expected a check-in number ({}, see 'momentum log list') or a "
      "UUID prefix",
      ref, range_hint(state.logs)));
}

int resolve_sprint(const State& state, std::string_view ref) {
  if (auto found = by_number_or_uuid("sprint", state.sprints, ref, state.sprint_nums))
    return *found;
  require_any(state.sprints.size(), "sprint", ref, "start one with 'momentum sprint start TITLE'");
  throw UsageError(
      fmt::format("unknown sprint '{}'; expected a sprint number ({}) or a UUID prefix", ref,
                  range_hint(state.sprints)));
}

}  // namespace momentum
