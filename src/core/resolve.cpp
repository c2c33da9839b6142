#include "momentum/resolve.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "momentum/error.hpp"
#include "momentum/parse.hpp"

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

template <class Entity>
[[noreturn]] void ambiguous(std::string_view what, std::string_view ref,
                            const std::vector<Entity>& items, const std::vector<int>& found) {
  std::string list;
  for (std::size_t i = 0; i < found.size() && i < 4; ++i) {
    const Entity& e = items[static_cast<std::size_t>(found[i])];
    list += fmt::format("{}{} ({})", i ? ", " : "", e.num, e.id.substr(0, 8));
  }
  if (found.size() > 4) list += ", …";
  throw UsageError(fmt::format("{} '{}' is ambiguous: it matches {} {}; type more of it", what,
                               ref, what == "goal" ? "goals" : std::string(what) + "s", list));
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

int resolve_goal(const State& state, std::string_view ref) {
  if (auto found = by_number_or_uuid("goal", state.goals, ref)) return *found;
  const std::string prefix = lower(ref);
  const auto found = matching(state.goals, [&](const Goal& g) {
    return !prefix.empty() && lower(g.title).starts_with(prefix);
  });
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
      "unknown goal '{}'; expected a goal number ({}), a UUID prefix or a title prefix{}", ref,
      range_hint(state.goals.size()),
      guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess)));
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
