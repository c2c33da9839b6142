// momentum calendar --format svg: a standalone image in GitHub's look, for a blog post.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "cli/calendar_render.hpp"
#include "cli/render.hpp"

namespace momentum::cli {
namespace {

using std::chrono::days;

constexpr int cell = 11;
constexpr int pitch = 13;  // a cell and a 2px gap
constexpr int left = 30;   // room for "Mon"
constexpr int top = 22;    // room for month names
constexpr int grid_height = 7 * pitch - 2;
constexpr int legend_y = top + grid_height + 10;
constexpr int summary_y = legend_y + cell + 18;  // a baseline
constexpr int char_width = 6;  // generous for 10px sans-serif, so text never overflows

constexpr std::array<std::string_view, 5> fills = {"#ebedf0", "#9be9a8", "#40c463", "#30a14e",
                                                   "#216e39"};

// `text` safe inside XML: control characters shown as escapes, then the five entities.
std::string xml(std::string_view text) {
  std::string out;
  for (const char c : escape(text)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string day_title(const CalendarDay& d) {
  std::string title =
      d.checkins == 0
          ? fmt::format("{}: no check-ins", format_day(d.day))
          : fmt::format("{}: {}, {}", format_day(d.day), minutes_text(d.minutes),
                        plural(static_cast<std::size_t>(d.checkins), "check-in", "check-ins"));
  return d.skipped ? title + ", rest day" : title;
}

std::string day_rect(const CalendarView& view, const CalendarDay& d) {
  const auto offset = (d.day - view.calendar.first).count();
  const auto x = left + static_cast<int>(offset / 7) * pitch;
  const auto y = top + static_cast<int>(offset % 7) * pitch;
  const std::string fill = d.skipped && d.level == 0
                               ? std::string("url(#rest)")
                               : std::string(fills[static_cast<std::size_t>(d.level)]);
  const std::string_view cls = d.skipped ? "day rest" : "day";
  return fmt::format(
      R"(<rect class="{}" x="{}" y="{}" width="{}" height="{}" rx="2" ry="2" fill="{}" )"
      R"(data-date="{}" data-level="{}"><title>{}</title></rect>)"
      "\n",
      cls, x, y, cell, cell, fill, format_day(d.day), d.level, xml(day_title(d)));
}

std::string labels(const CalendarView& view) {
  std::string out;
  std::optional<std::chrono::month> previous;
  for (int w = 0; w < view.weeks; ++w) {
    const std::chrono::year_month_day top_day{view.calendar.first + days{7 * w}};
    if (previous == top_day.month()) continue;
    previous = top_day.month();
    const std::chrono::year_month_day next{view.calendar.first + days{7 * (w + 1)}};
    if (w == 0 && view.weeks > 1 && next.month() != top_day.month()) continue;  // no room
    out += fmt::format(R"(<text x="{}" y="{}">{}</text>)"
                       "\n",
                       left + w * pitch, top - 8, month_name(top_day.month()));
  }
  for (int r = 0; r < 7; ++r) {
    const Day day = view.calendar.first + days{r};
    const std::chrono::weekday wd{day};
    if (wd != std::chrono::Monday && wd != std::chrono::Wednesday && wd != std::chrono::Friday)
      continue;
    out += fmt::format(R"(<text x="0" y="{}">{}</text>)"
                       "\n",
                       top + r * pitch + 9, weekday_name(day, false));
  }
  return out;
}

// What a legend square stands for, from the thresholds: "38m to 45m".
std::string level_title(const std::optional<Thresholds>& t, int level) {
  if (level == 0) return "no check-in";
  if (!t) return level == 1 ? "check-ins without minutes" : fmt::format("level {}", level);
  const auto at = [&](int i) { return (*t)[static_cast<std::size_t>(i)]; };
  if (level == 1) return fmt::format("a check-in, under {}", minutes_text(at(0)));
  if (level == 4) return fmt::format("{} or more", minutes_text(at(2)));
  if (at(level - 1) <= at(level - 2)) return "no day in this range";  // equal quartiles
  return fmt::format("{} to {}", minutes_text(at(level - 2)), minutes_text(at(level - 1) - 1));
}

std::string legend(const CalendarView& view) {
  std::string out = fmt::format(R"(<text x="{}" y="{}">Less</text>)"
                                "\n",
                                left, legend_y + 9);
  for (int level = 0; level <= 4; ++level) {
    out += fmt::format(
        R"(<rect x="{}" y="{}" width="{}" height="{}" rx="2" ry="2" fill="{}"><title>{}</title></rect>)"
        "\n",
        left + 28 + level * pitch, legend_y, cell, cell, fills[static_cast<std::size_t>(level)],
        xml(level_title(view.calendar.thresholds, level)));
  }
  const int after = left + 28 + 5 * pitch + 2;
  out += fmt::format(R"(<text x="{}" y="{}">More</text>)"
                     "\n",
                     after, legend_y + 9);
  out += fmt::format(
      R"svg(<rect class="rest" x="{}" y="{}" width="{}" height="{}" rx="2" ry="2" fill="url(#rest)"/>)svg"
      "\n"
      R"(<text x="{}" y="{}">Rest day</text>)"
      "\n",
      after + 42, legend_y, cell, cell, after + 42 + pitch + 2, legend_y + 9);
  return out;
}

std::string header(int width, int height, const std::string& title) {
  return fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      "\n"
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}" )"
      R"(role="img" aria-label="{2}">)"
      "\n"
      "<title>{2}</title>\n"
      "<style>text{{font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,"
      "sans-serif;font-size:10px;fill:#57606a}}.rest{{stroke:#8c959f;stroke-width:1}}</style>\n"
      "<defs><pattern id=\"rest\" width=\"3\" height=\"3\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><rect width=\"3\" height=\"3\" fill=\"{3}\"/>"
      "<rect width=\"1\" height=\"3\" fill=\"#afb8c1\"/></pattern></defs>\n",
      width, height, xml(title), fills[0]);
}

}  // namespace

void print_calendar_svg(std::ostream& out, const CalendarView& view) {
  const std::vector<std::string> summary = summary_parts(summarize_calendar(view.calendar));
  const std::string summary_text = fmt::format("{}", fmt::join(summary, ", "));
  const int text_width = static_cast<int>(display_width(summary_text)) * char_width;
  const int width = std::max({left + view.weeks * pitch - 2, left + 240, text_width}) + 4;
  const int height = summary_y + 6;
  std::string title = fmt::format("momentum: minutes per day, {} to {}",
                                  format_day(view.calendar.first), format_day(view.today));
  if (!view.heading.empty()) title += " (" + view.heading + ")";
  out << header(width, height, title) << labels(view);
  for (const CalendarDay& d : view.calendar.days) out << day_rect(view, d);
  out << legend(view)
      << fmt::format(R"(<text x="0" y="{}">{}</text>)"
                     "\n",
                     summary_y, xml(summary_text))
      << "</svg>\n";
}

}  // namespace momentum::cli
