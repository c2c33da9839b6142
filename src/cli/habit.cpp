#include "cli/habit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cli/render.hpp"
#include "momentum/parse.hpp"

namespace momentum::cli {
namespace {

bool weekly(const Streak& s) { return s.unit == PeriodKind::week; }

std::string_view mark_name(DayMark m) {
  switch (m) {
    case DayMark::logged:
      return "logged";
    case DayMark::skipped:
      return "skipped";
    case DayMark::paused:
      return "paused";
    case DayMark::missed:
      return "missed";
    case DayMark::not_required:
      return "not_required";
    case DayMark::open:
      return "open";
    case DayMark::future:
      return "future";
  }
  return "";
}

std::string glyph(const Style& style, DayMark m) {
  const bool u = style.utf8;
  switch (m) {
    case DayMark::logged:
      return paint(style, u ? "■" : "#", fmt::fg(fmt::terminal_color::green));
    case DayMark::skipped:
      return u ? "–" : "-";
    case DayMark::paused:
      return u ? "‖" : "=";
    case DayMark::missed:
      return paint(style, u ? "×" : "x", fmt::fg(fmt::terminal_color::red));
    case DayMark::not_required:
      return u ? "·" : ".";
    case DayMark::open:
      return paint(style, u ? "□" : "_", fmt::fg(fmt::terminal_color::yellow));
    case DayMark::future:
      return " ";
  }
  return " ";
}

nlohmann::ordered_json day_or_null(std::optional<Day> d) {
  return d ? nlohmann::ordered_json(format_day(*d)) : nlohmann::ordered_json(nullptr);
}

std::string_view unit_name(PeriodKind k) {
  switch (k) {
    case PeriodKind::week:
      return "weeks";
    case PeriodKind::none:
      return "none";
    default:
      return "days";
  }
}

}  // namespace

std::string streak_length(const Streak& s) {
  if (s.length == 0) return "0";
  return fmt::format("{}{}", s.length, weekly(s) ? "w" : "d");
}

std::string streak_words(const Streak& s) {
  const auto n = static_cast<std::size_t>(s.length);
  return weekly(s) ? plural(n, "week", "weeks") : plural(n, "day", "days");
}

std::string slack_text(const GoalSummary& s) {
  if (!owes_checkins(s)) return "-";
  if (!s.slack) return "none";
  if (*s.slack == 0) return "0!";
  return fmt::format("{}d", *s.slack);
}

std::string strip_text(const Style& style, const std::vector<DayMark>& strip) {
  std::string out;
  for (DayMark m : strip) out += glyph(style, m);
  return out;
}

std::string strip_legend(const Style& style) {
  const bool u = style.utf8;
  return fmt::format(
      "{} logged  {} rest day  {} paused  {} missed  {} not required  {} today, open",
      u ? "■" : "#", u ? "–" : "-", u ? "‖" : "=", u ? "×" : "x", u ? "·" : ".", u ? "□" : "_");
}

std::string risk_text(const Style& style, const Goal& goal, const GoalSummary& s, Day today) {
  // The title gives way first, so that what to do always fits the width.
  const std::string head = fmt::format("At risk: goal {} ", goal.num);
  const std::string tail =
      fmt::format(": {} keeps {}", describe_needed(s.needed, today), streak_words(s.current));
  const auto room = static_cast<std::size_t>(
      std::max(8, style.width - static_cast<int>(display_width(head + tail))));
  return paint(style, head + truncate(escape(goal.title), room, style.utf8) + tail,
               fmt::fg(fmt::terminal_color::yellow));
}

std::string checkin_text(const Style& style, const Streak& s) {
  if (s.length == 0) return "0 days; a check-in today starts one";
  std::string line = plural(static_cast<std::size_t>(s.length), "day", "days");
  if (s.at_risk)
    line += paint(style, " (no check-in today yet)", fmt::fg(fmt::terminal_color::yellow));
  return line;
}

nlohmann::ordered_json streak_json(const Streak& s) {
  return {{"length", s.length},
          {"unit", unit_name(s.unit)},
          {"first", day_or_null(s.first)},
          {"last", day_or_null(s.last)},
          {"at_risk", s.at_risk}};
}

nlohmann::ordered_json summary_json(const Goal& g, const GoalSummary& s, Day today) {
  const auto rate = [](std::optional<double> r) {
    return r ? nlohmann::ordered_json(std::round(*r * 1000) / 1000)
             : nlohmann::ordered_json(nullptr);
  };
  const bool due = owes_checkins(s);
  nlohmann::ordered_json strip = nlohmann::ordered_json::array();
  for (DayMark m : s.strip) strip.push_back(mark_name(m));
  return {{"goal", g.num},
          {"title", g.title},
          {"cadence", format_cadence(s.cadence)},
          {"status", to_string(s.status)},
          {"current", streak_json(s.current)},
          {"longest", streak_json(s.longest)},
          {"completion_30", rate(s.completion_30)},
          {"completion_90", rate(s.completion_90)},
          {"strength", std::round(s.strength * 1000) / 10},
          {"slack",
           s.slack && due ? nlohmann::ordered_json(*s.slack) : nlohmann::ordered_json(nullptr)},
          {"needed",
           {{"text", describe_needed(s.needed, today)},
            {"more", s.needed.more},
            {"keepable", s.needed.keepable},
            {"by", !due ? nlohmann::ordered_json(nullptr)
                        : nlohmann::ordered_json(format_day(s.needed.last))}}},
          {"strip", strip}};
}

std::string needed_text(const GoalSummary& s, Day today) {
  std::string line = describe_needed(s.needed, today);
  if (s.needed.kind != PeriodKind::none && s.slack) {
    line += *s.slack == 0 ? " (act today)"
                          : fmt::format(" (slack {})",
                                        plural(static_cast<std::size_t>(*s.slack), "day", "days"));
  }
  return line;
}

void print_goal_habit(std::ostream& out, const Style& style, const GoalSummary& s, Day today) {
  if (s.cadence.type == Cadence::Type::none) return;
  std::string best = streak_words(s.longest);
  if (s.longest.first && s.longest.last) {
    best += fmt::format(", {} to {}", format_day(*s.longest.first), format_day(*s.longest.last));
  }
  out << fmt::format(
      "Streak      {}{} (best {})\n", streak_words(s.current),
      s.current.at_risk ? paint(style, ", at risk", fmt::fg(fmt::terminal_color::yellow)) : "",
      best);
  if (owes_checkins(s)) out << fmt::format("Needed      {}\n", needed_text(s, today));
  const auto pct = [](std::optional<double> r) {
    return r ? fmt::format("{:.0f}%", std::round(*r * 100)) : std::string("n/a");
  };
  if (s.completion_30 || s.completion_90) {
    out << fmt::format("Completion  {} of the last 30 days, {} of 90\n", pct(s.completion_30),
                       pct(s.completion_90));
  } else {
    out << "Completion  n/a: nothing was required yet\n";
  }
  out << fmt::format("Strength    {:.0f}/100\n", std::floor(s.strength * 100));
  out << fmt::format("Last 14     {}\n", strip_text(style, s.strip));
}

std::string checkins_text(const GoalCheckins& c) {
  return fmt::format("Check-ins   {} in all: {} learn, {} do; {} in the last 30 days",
                     c.all.checkins, minutes_text(c.all.learn), minutes_text(c.all.doing),
                     minutes_text(c.last_30));
}

}  // namespace momentum::cli
