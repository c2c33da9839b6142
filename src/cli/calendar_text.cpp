// momentum calendar as text: weekdays down, weeks across, month names above.
#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "cli/calendar_render.hpp"
#include "cli/render.hpp"

namespace momentum::cli {
namespace {

using std::chrono::days;

constexpr int label_width = 4;  // "Mon "
constexpr int cell_width = 2;   // a glyph and a space
constexpr int max_default_weeks = 53;

constexpr std::array<std::string_view, 5> utf8_glyphs = {"·", "░", "▒", "▓", "█"};
constexpr std::array<std::string_view, 5> ascii_glyphs = {".", "-", "+", "*", "#"};
constexpr std::array<std::uint32_t, 5> level_colors = {0x6e7681, 0x196c2e, 0x2ea043, 0x3fb950,
                                                       0x56d364};
constexpr std::uint32_t rest_color = 0x539bf5;

std::string glyph(const Style& style, int level) {
  const auto i = static_cast<std::size_t>(level);
  const std::string_view g = style.utf8 ? utf8_glyphs[i] : ascii_glyphs[i];
  if (!style.color) return std::string(g);
  return fmt::format(fmt::fg(fmt::rgb(level_colors[i])), "{}", g);
}

std::string rest_glyph(const Style& style) {
  const std::string_view g = style.utf8 ? "○" : "o";
  if (!style.color) return std::string(g);
  return fmt::format(fmt::fg(fmt::rgb(rest_color)), "{}", g);
}

// A rest day shows as such only without a check-in: what was done matters more.
std::string cell(const CalendarView& view, Day day, const Style& style) {
  if (day > view.today || day > view.calendar.last) return " ";
  const CalendarDay& d =
      view.calendar.days[static_cast<std::size_t>((day - view.calendar.first).count())];
  if (d.level == 0 && d.skipped) return rest_glyph(style);
  return glyph(style, d.level);
}

void trim_right(std::string& line) {
  while (!line.empty() && line.back() == ' ') line.pop_back();
}

std::string month_row(const CalendarView& view, std::size_t limit) {
  std::string row(static_cast<std::size_t>(label_width + cell_width * view.weeks), ' ');
  std::optional<std::chrono::month> previous;
  for (int w = 0; w < view.weeks; ++w) {
    const std::chrono::year_month_day top{view.calendar.first + days{7 * w}};
    if (previous == top.month()) continue;
    previous = top.month();
    const std::size_t at =
        static_cast<std::size_t>(label_width) + static_cast<std::size_t>(cell_width * w);
    const std::string name = month_name(top.month());
    // The first column's month yields to a month starting right after it.
    const bool crowded =
        w == 0 && view.weeks > 1 &&
        std::chrono::year_month_day{view.calendar.first + days{7}}.month() != top.month();
    if (crowded || at + name.size() > limit) continue;
    row.replace(at, name.size(), name);
  }
  trim_right(row);
  return row;
}

std::string day_row(const CalendarView& view, int r, const Style& style) {
  const Day first = view.calendar.first + days{r};
  const std::chrono::weekday wd{first};
  const bool labelled =
      wd == std::chrono::Monday || wd == std::chrono::Wednesday || wd == std::chrono::Friday;
  std::string row = fmt::format("{:<{}}", labelled ? weekday_name(first, false) : "", label_width);
  for (int w = 0; w < view.weeks; ++w) {
    if (w > 0) row += ' ';
    row += cell(view, first + days{7 * w}, style);
  }
  trim_right(row);
  return row;
}

// Joins `parts` with `sep` into lines of at most `width` columns; a part too long is cut.
std::vector<std::string> wrap(const std::vector<std::string>& parts, std::string_view sep,
                              std::size_t width, bool utf8) {
  std::vector<std::string> lines;
  for (const std::string& part : parts) {
    if (!lines.empty() &&
        display_width(lines.back()) + display_width(sep) + display_width(part) <= width) {
      lines.back() += std::string(sep) + part;
    } else {
      lines.push_back(truncate(part, width, utf8));
    }
  }
  return lines;
}

std::vector<std::string> legend_parts(const CalendarView& view, const Style& style) {
  std::string scale = "Less";
  for (int level = 0; level <= 4; ++level) scale += " " + glyph(style, level);
  std::vector<std::string> parts{scale + " More"};
  if (const auto& t = view.calendar.thresholds) {
    for (std::size_t i = 0; i < t->size(); ++i) {
      if (i + 1 < t->size() && (*t)[i] == (*t)[i + 1]) continue;  // an empty level: no day in it
      parts.push_back(
          fmt::format("{} from {}", glyph(style, static_cast<int>(i) + 2), minutes_text((*t)[i])));
    }
  }
  parts.push_back(rest_glyph(style) + " rest day");
  return parts;
}

}  // namespace

std::string month_name(std::chrono::month month) {
  static constexpr std::array<std::string_view, 12> names = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return std::string(names[static_cast<unsigned>(month) - 1]);
}

int text_weeks_for(int width) {
  return std::clamp((width - label_width + 1) / cell_width, 1, max_default_weeks);
}

std::vector<std::string> summary_parts(const CalendarSummary& s) {
  std::vector<std::string> parts{
      fmt::format("{} in {}", minutes_text(s.minutes),
                  plural(static_cast<std::size_t>(s.active_days), "active day", "active days"))};
  if (s.longest_run > 0) {
    std::string run =
        "longest run " + plural(static_cast<std::size_t>(s.longest_run), "day", "days");
    if (s.longest_run > 1)
      run += fmt::format(" ({} to {})", format_day(*s.run_first), format_day(*s.run_last));
    parts.push_back(run);
  }
  return parts;
}

void print_calendar(std::ostream& out, const Style& style, const CalendarView& view) {
  const auto grid = static_cast<std::size_t>(label_width + cell_width * view.weeks - 1);
  const auto width = static_cast<std::size_t>(style.width);
  if (!view.heading.empty()) out << truncate(escape(view.heading), width, style.utf8) << '\n';
  out << month_row(view, std::max(grid, width)) << '\n';
  for (int r = 0; r < 7; ++r) out << day_row(view, r, style) << '\n';
  out << '\n';
  for (const std::string& line : wrap(legend_parts(view, style), "   ", width, style.utf8)) {
    out << line << '\n';
  }
  const auto summary = summary_parts(summarize_calendar(view.calendar));
  for (const std::string& line : wrap(summary, ", ", width, style.utf8)) out << line << '\n';
}

}  // namespace momentum::cli
