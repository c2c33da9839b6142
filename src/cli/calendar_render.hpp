#pragma once
// Drawing `momentum calendar`'s heatmap: as text for a terminal, and as a standalone SVG.

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include "cli/style.hpp"
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

// The most weeks whose text drawing fits `width` columns, at least 1 and at most a year.
int text_weeks_for(int width);

// Writes the heatmap as lines of text fitted to `style`; weekdays down, weeks across.
void print_calendar(std::ostream& out, const Style& style, const CalendarView& view);

// Writes the heatmap as a standalone SVG document, GitHub's look: one square per day to `today`.
void print_calendar_svg(std::ostream& out, const CalendarView& view);

// "24h10m in 120 active days", "longest run 14 days (2026-01-03 to 2026-01-16)": the summary.
std::vector<std::string> summary_parts(const CalendarSummary& summary);

// "Mar": the month's short English name.
std::string month_name(std::chrono::month month);

}  // namespace momentum::cli
