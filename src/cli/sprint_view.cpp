#include "cli/sprint_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cli/render.hpp"
#include "momentum/parse.hpp"
#include "momentum/sprint.hpp"

namespace momentum::cli {
namespace {

using nlohmann::ordered_json;

long day_count(Day from, Day to) { return (to - from).count() + 1; }

ordered_json retro_json(const Sprint& s) {
  if (!s.closed) return nullptr;
  return {{"learned", s.retro.learned},
          {"blocked", s.retro.blocked},
          {"next", s.retro.next},
          {"rating", s.retro.rating ? ordered_json(*s.retro.rating) : ordered_json(nullptr)}};
}

ordered_json planned_json(const State& state, const Sprint& s) {
  ordered_json tasks = ordered_json::array();
  for (const PlannedTask& p : s.planned) {
    const Task& t = state.tasks[static_cast<std::size_t>(p.task)];
    tasks.push_back({{"task", t.num},
                     {"title", t.title},
                     {"status", to_string(t.status)},
                     {"added", format_day(p.added)},
                     {"scope_change", p.added > s.start}});
  }
  return tasks;
}

ordered_json burndown_json(const State& state, const Sprint& s, Day today) {
  ordered_json days = ordered_json::array();
  for (const BurndownDay& b : burndown(state, s, today)) {
    days.push_back({{"day", format_day(b.day)},
                    {"open", b.open ? ordered_json(*b.open) : ordered_json(nullptr)},
                    {"ideal", std::round(b.ideal * 100) / 100},
                    {"added", b.added}});
  }
  return days;
}

}  // namespace

std::string sprint_status_text(const Sprint& sprint, Day today) {
  if (needs_close(sprint, today)) return "ended";
  constexpr std::string_view words[] = {"planned", "active", "closed"};
  return std::string(words[static_cast<int>(sprint_status(sprint, today))]);
}

ordered_json sprint_json(const State& state, int sprint, Day today) {
  const Sprint& s = state.sprints[static_cast<std::size_t>(sprint)];
  const Minutes m = sprint_minutes(state, s, today);
  return {
      {"num", s.num},
      {"id", s.id},
      {"title", s.title},
      {"goal", s.goal ? ordered_json(state.goals[static_cast<std::size_t>(*s.goal)].num)
                      : ordered_json(nullptr)},
      {"start", format_day(s.start)},
      {"end", format_day(s.end)},
      {"days", day_count(s.start, s.end)},
      {"status", sprint_status_text(s, today)},
      {"needs_close", needs_close(s, today)},
      {"tasks", planned_json(state, s)},
      {"tasks_done", planned_done(state, s)},
      {"minutes", {{"learn", m.learn}, {"do", m.doing}, {"total", m.total()}}},
      {"burndown", burndown_json(state, s, today)},
      {"closed", s.closed_day ? ordered_json(format_day(*s.closed_day)) : ordered_json(nullptr)},
      {"retrospective", retro_json(s)}};
}

std::optional<std::string> sprint_today_text(const Style& style, const State& state, Day today) {
  const std::optional<int> current = current_sprint(state);
  if (!current) return std::nullopt;
  const Sprint& s = state.sprints[static_cast<std::size_t>(*current)];
  const std::size_t width = static_cast<std::size_t>(style.width);
  if (needs_close(s, today)) {
    const std::string line =
        fmt::format("{:<10} '{}' ended {} without a close: momentum sprint close", "Sprint",
                    escape(s.title), format_day(s.end));
    return paint(style, truncate(line, width, style.utf8), fmt::fg(fmt::terminal_color::yellow));
  }
  if (s.start > today) {
    return truncate(
        fmt::format("{:<10} '{}' starts {}", "Sprint", escape(s.title), format_day(s.start)), width,
        style.utf8);
  }
  const long left = (s.end - today).count();
  return truncate(
      fmt::format("{:<10} '{}' day {} of {}, {}/{} done, {} left", "Sprint", escape(s.title),
                  day_count(s.start, today), day_count(s.start, s.end), planned_done(state, s),
                  s.planned.size(), plural(static_cast<std::size_t>(left), "day", "days")),
      width, style.utf8);
}

}  // namespace momentum::cli
