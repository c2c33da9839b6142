#pragma once
// Drawing `momentum calendar`'s heatmap: as text for a terminal, and as a standalone SVG.

#include <chrono>
#include <string>
#include <vector>

#include "momentum/calendar.hpp"

namespace momentum::cli {

// What both drawings show: whole weeks from `calendar.first` (a week's first day) through the
// end of the week holding `today`; the calendar itself stops at `today`.
struct CalendarView {
  Calendar calendar;
  Day today{};
  int weeks = 1;
  std::string heading;  // "Goal 1: Become an ML engineer", unescaped; "" for all goals
};

// How a text drawing looks: its glyphs, colour, and the width its default fits.
struct TextStyle {
  bool utf8 = true;
  bool color = false;
  int width = 80;
};

// The most weeks whose text drawing fits `width` columns, at least 1 and at most a year.
int text_weeks_for(int width);

// The heatmap as lines of text, each ending in '\n'; weekdays down, weeks across.
std::string calendar_text(const CalendarView& view, const TextStyle& style);

// The heatmap as a standalone SVG document, GitHub's look: one square per day to `today`.
std::string calendar_svg(const CalendarView& view);

// "24h10m in 120 active days", "longest run 14 days (2026-01-03 to 2026-01-16)": the summary.
std::vector<std::string> summary_parts(const CalendarSummary& summary);

// "Mar": the month's short English name.
std::string month_name(std::chrono::month month);

}  // namespace momentum::cli
