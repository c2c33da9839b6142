// The `today` dashboard in text (today_render.hpp).
#include "cli/today_render.hpp"

#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>

#include "cli/habit.hpp"
#include "cli/render.hpp"
#include "cli/sprint_view.hpp"

namespace momentum::cli {
namespace {

void print_more(std::ostream& out, std::size_t total, std::string_view what,
                std::string_view command) {
  if (total <= shown_per_section) return;
  out << fmt::format("{:<10} ... and {} more {} ({})\n", "", total - shown_per_section, what,
                     command);  // what: "overdue", "due today", "goals at risk"
}

std::string cut(const Style& style, const std::string& line) {
  return truncate(line, static_cast<std::size_t>(style.width), style.utf8);
}

void print_checkins(std::ostream& out, const Style& style, const DayOverview& day) {
  if (day.logs.empty()) {
    out << fmt::format("{:<10} {}\n", "Today",
                       paint(style, "no check-in yet: momentum log 30m \"what you did\"",
                             fmt::fg(fmt::terminal_color::yellow)));
    return;
  }
  out << fmt::format("{:<10} {} logged (learn {}, do {}) in {}\n", "Today",
                     minutes_text(day.minutes.total()), minutes_text(day.minutes.learn),
                     minutes_text(day.minutes.doing),
                     plural(day.logs.size(), "check-in", "check-ins"));
}

// The check-in streak, then the goals whose streak is at risk with their slack.
void print_habit_lines(std::ostream& out, const Style& style, const TodayView& view) {
  out << fmt::format("{:<10} {}\n", "Streak", checkin_text(style, view.day.checkin));
  for (std::size_t n = 0; n < view.at_risk.size() && n < shown_per_section; ++n) {
    const HabitRow& r = view.at_risk[n];
    const std::string tail =
        fmt::format(": {} (streak {}, slack {})", describe_needed(r.summary.needed, view.today),
                    streak_length(r.summary.current), slack_text(r.summary));
    const std::string head = fmt::format("{:<10} #{} ", "At risk", r.goal.num);
    const auto room = static_cast<std::size_t>(
        std::max(8, style.width - static_cast<int>(display_width(head + tail))));
    const std::string line =
        fmt::format("{}{}{}", head, truncate(escape(r.goal.title), room, style.utf8), tail);
    out << paint(style, cut(style, line), fmt::fg(fmt::terminal_color::yellow)) << '\n';
  }
  print_more(out, view.at_risk.size(), "at risk", "momentum streak");
}

void print_task_lines(std::ostream& out, const Style& style, Day today, std::string_view label,
                      const TaskLines& list) {
  for (std::size_t n = 0; n < list.first.size() && n < shown_per_section; ++n) {
    const Task& t = *list.first[n];
    out << cut(style, fmt::format("{:<10} #{} {} ({})", n == 0 ? label : "", t.num, escape(t.title),
                                  relative_due(style, *t.due, today)))
        << '\n';
  }
  print_more(out, list.total, label == "Due" ? "due today" : "overdue", "momentum task list");
}

void print_next(std::ostream& out, const Style& style, const Task* next) {
  if (!next) {
    out << fmt::format("{:<10} nothing open: momentum task add \"a small next step\"\n", "Next");
    return;
  }
  const std::string hint = next->status == TaskStatus::doing
                               ? fmt::format("momentum log 30m --task {}", next->num)
                               : fmt::format("momentum task start {}", next->num);
  out << cut(style,
             fmt::format("{:<10} #{} {}  ({})", "Next", next->num, escape(next->title), hint))
      << '\n';
}

}  // namespace

void print_today(std::ostream& out, const Style& style, const TodayView& view) {
  out << paint(style, weekday_name(view.today, true) + " " + format_day(view.today),
               fmt::emphasis::bold)
      << "\n\n";
  print_checkins(out, style, view.day);
  print_habit_lines(out, style, view);
  if (const auto line = sprint_today_text(style, view.state, view.today)) out << *line << '\n';
  print_task_lines(out, style, view.today, "Overdue", view.overdue);
  print_task_lines(out, style, view.today, "Due", view.due);
  print_next(out, style, view.next);
  print_nudge(out, style, view.nudge);
}

}  // namespace momentum::cli
