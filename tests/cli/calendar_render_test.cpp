// calendar_render.hpp: the heatmap as text (with and without colour and UTF-8, narrow) and SVG.
#include "cli/calendar_render.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>

namespace {

using namespace std::chrono;
using momentum::Calendar;
using momentum::CalendarDay;
using momentum::Day;
using momentum::cli::CalendarView;
using momentum::cli::Style;

// Two weeks from Monday 2026-03-02 to Tuesday the 10th: four active days and one rest day.
CalendarView two_weeks() {
  CalendarView view;
  view.today = sys_days{2026y / March / 10};
  view.weeks = 2;
  view.heading = "Goal 1: Become an ML engineer";
  Calendar& c = view.calendar;
  c.first = sys_days{2026y / March / 2};
  c.last = view.today;
  for (Day d = c.first; d <= c.last; d += days{1}) c.days.push_back(CalendarDay{d});
  const auto set = [&](int i, int minutes, int level) {
    c.days[static_cast<std::size_t>(i)].minutes = minutes;
    c.days[static_cast<std::size_t>(i)].checkins = 1;
    c.days[static_cast<std::size_t>(i)].level = level;
  };
  set(0, 20, 1);
  set(1, 45, 3);
  set(2, 90, 4);
  set(7, 30, 2);
  c.days[4].skipped = true;
  c.thresholds = momentum::Thresholds{30, 45, 60};
  return view;
}

std::string text(const Style& style, const CalendarView& view) {
  std::ostringstream out;
  momentum::cli::print_calendar(out, style, view);
  return out.str();
}

}  // namespace

TEST_CASE("the calendar prints weekdays down and weeks across, in UTF-8", "[calendar]") {
  CHECK(text(Style{true, false, 80}, two_weeks()) ==
        "Goal 1: Become an ML engineer\n"
        "    Mar\n"
        "Mon ░ ▒\n"
        "    ▓ ·\n"
        "Wed █\n"
        "    ·\n"
        "Fri ○\n"
        "    ·\n"
        "    ·\n"
        "\n"
        "Less · ░ ▒ ▓ █ More   ▒ from 30m   ▓ from 45m   █ from 1h   ○ rest day\n"
        "3h5m in 4 active days, longest run 3 days (2026-03-02 to 2026-03-04)\n");
}

TEST_CASE("the calendar falls back to ASCII glyphs outside a UTF-8 locale", "[calendar]") {
  CHECK(text(Style{false, false, 80}, two_weeks()) ==
        "Goal 1: Become an ML engineer\n"
        "    Mar\n"
        "Mon - +\n"
        "    * .\n"
        "Wed #\n"
        "    .\n"
        "Fri o\n"
        "    .\n"
        "    .\n"
        "\n"
        "Less . - + * # More   + from 30m   * from 45m   # from 1h   o rest day\n"
        "3h5m in 4 active days, longest run 3 days (2026-03-02 to 2026-03-04)\n");
}

TEST_CASE("the calendar colours each level when the style has colour", "[calendar]") {
  CHECK(text(Style{true, true, 80}, two_weeks()) ==
        "Goal 1: Become an ML engineer\n"
        "    Mar\n"
        "Mon \x1b[38;2;025;108;046m░\x1b[0m \x1b[38;2;046;160;067m▒\x1b[0m\n"
        "    \x1b[38;2;063;185;080m▓\x1b[0m \x1b[38;2;110;118;129m·\x1b[0m\n"
        "Wed \x1b[38;2;086;211;100m█\x1b[0m\n"
        "    \x1b[38;2;110;118;129m·\x1b[0m\n"
        "Fri \x1b[38;2;083;155;245m○\x1b[0m\n"
        "    \x1b[38;2;110;118;129m·\x1b[0m\n"
        "    \x1b[38;2;110;118;129m·\x1b[0m\n"
        "\n"
        "Less \x1b[38;2;110;118;129m·\x1b[0m \x1b[38;2;025;108;046m░\x1b[0m "
        "\x1b[38;2;046;160;067m▒\x1b[0m \x1b[38;2;063;185;080m▓\x1b[0m "
        "\x1b[38;2;086;211;100m█\x1b[0m More   \x1b[38;2;046;160;067m▒\x1b[0m from 30m   "
        "\x1b[38;2;063;185;080m▓\x1b[0m from 45m   \x1b[38;2;086;211;100m█\x1b[0m from 1h   "
        "\x1b[38;2;083;155;245m○\x1b[0m rest day\n"
        "3h5m in 4 active days, longest run 3 days (2026-03-02 to 2026-03-04)\n");
}

TEST_CASE("a narrow calendar wraps its legend and summary and cuts its heading", "[calendar]") {
  CHECK(text(Style{true, false, 24}, two_weeks()) ==
        "Goal 1: Become an ML en…\n"
        "    Mar\n"
        "Mon ░ ▒\n"
        "    ▓ ·\n"
        "Wed █\n"
        "    ·\n"
        "Fri ○\n"
        "    ·\n"
        "    ·\n"
        "\n"
        "Less · ░ ▒ ▓ █ More\n"
        "▒ from 30m   ▓ from 45m\n"
        "█ from 1h   ○ rest day\n"
        "3h5m in 4 active days\n"
        "longest run 3 days (202…\n");
}

TEST_CASE("text_weeks_for fits the weeks to the width, at least one and at most 53", "[calendar]") {
  CHECK(momentum::cli::text_weeks_for(80) == 38);
  CHECK(momentum::cli::text_weeks_for(20) == 8);
  CHECK(momentum::cli::text_weeks_for(1) == 1);
  CHECK(momentum::cli::text_weeks_for(400) == 53);
}

TEST_CASE("the SVG calendar is one standalone document", "[calendar]") {
  std::ostringstream out;
  momentum::cli::print_calendar_svg(out, two_weeks());
  CHECK(out.str() ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"412\" height=\"156\" viewBox=\"0 0 412 "
        "156\" role=\"img\" aria-label=\"momentum: minutes per day, 2026-03-02 to 2026-03-10 (Goal "
        "1: Become an ML engineer)\">\n"
        "<title>momentum: minutes per day, 2026-03-02 to 2026-03-10 (Goal 1: Become an ML "
        "engineer)</title>\n"
        "<style>text{font-family:-apple-system,BlinkMacSystemFont,'Segoe "
        "UI',Helvetica,Arial,sans-serif;font-size:10px;fill:#57606a}.rest{stroke:#8c959f;stroke-"
        "width:1}</style>\n"
        "<defs><pattern id=\"rest\" width=\"3\" height=\"3\" patternUnits=\"userSpaceOnUse\" "
        "patternTransform=\"rotate(45)\"><rect width=\"3\" height=\"3\" fill=\"#ebedf0\"/><rect "
        "width=\"1\" height=\"3\" fill=\"#afb8c1\"/></pattern></defs>\n"
        "<text x=\"30\" y=\"14\">Mar</text>\n"
        "<text x=\"0\" y=\"31\">Mon</text>\n"
        "<text x=\"0\" y=\"57\">Wed</text>\n"
        "<text x=\"0\" y=\"83\">Fri</text>\n"
        "<rect class=\"day\" x=\"30\" y=\"22\" width=\"11\" height=\"11\" rx=\"2\" ry=\"2\" "
        "fill=\"#9be9a8\" data-date=\"2026-03-02\" data-level=\"1\"><title>2026-03-02: 20m, 1 "
        "check-in</title></rect>\n"
        "<rect class=\"day\" x=\"30\" y=\"35\" width=\"11\" height=\"11\" rx=\"2\" ry=\"2\" "
        "fill=\"#30a14e\" data-date=\"2026-03-03\" data-level=\"3\"><title>2026-03-03: 45m, 1 "
        "check-in</title></rect>\n"
        "<rect class=\"day\" x=\"30\" y=\"48\" width=\"11\" height=\"11\" rx=\"2\" ry=\"2\" "
        "fill=\"#216e39\" data-date=\"2026-03-04\" data-level=\"4\"><title>2026-03-04: 1h30m, 1 "
        "check-in</title></rect>\n"
        "<rect class=\"day\" x=\"30\" y=\"61\" width=\"11\" height=\"11\" rx=\"2\" ry=\"2\" "
        "fill=\"#ebedf0\" data-date=\"2026-03-05\" data-level=\"0\"><title>2026-03-05: no "
        "check-ins</title></rect>\n"
        "<rect class=\"day rest\" x=\"30\" y=\"74\" width=\"11\" height=\"11\" rx=\"2\" ry=\"2\" "
        "fill=\"url(#rest)\" data-date=\"2026-03-06\" data-level=\"0\"><title>2026-03-06: no "
        "check-ins, rest day</title></rect>\n"
        "<rect class=\"day\" x=\"30\" y=\"87\" width=\"11\" height=\"11\" rx=\"2\" ry=\"2\" "
        "fill=\"#ebedf0\" data-date=\"2026-03-07\" data-level=\"0\"><title>2026-03-07: no "
        "check-ins</title></rect>\n"
        "<rect class=\"day\" x=\"30\" y=\"100\" width=\"11\" height=\"11\" rx=\"2\" ry=\"2\" "
        "fill=\"#ebedf0\" data-date=\"2026-03-08\" data-level=\"0\"><title>2026-03-08: no "
        "check-ins</title></rect>\n"
        "<rect class=\"day\" x=\"43\" y=\"22\" width=\"11\" height=\"11\" rx=\"2\" ry=\"2\" "
        "fill=\"#40c463\" data-date=\"2026-03-09\" data-level=\"2\"><title>2026-03-09: 30m, 1 "
        "check-in</title></rect>\n"
        "<rect class=\"day\" x=\"43\" y=\"35\" width=\"11\" height=\"11\" rx=\"2\" ry=\"2\" "
        "fill=\"#ebedf0\" data-date=\"2026-03-10\" data-level=\"0\"><title>2026-03-10: no "
        "check-ins</title></rect>\n"
        "<text x=\"30\" y=\"130\">Less</text>\n"
        "<rect x=\"58\" y=\"121\" width=\"11\" height=\"11\" rx=\"2\" ry=\"2\" "
        "fill=\"#ebedf0\"><title>no check-in</title></rect>\n"
        "<rect x=\"71\" y=\"121\" width=\"11\" height=\"11\" rx=\"2\" ry=\"2\" "
        "fill=\"#9be9a8\"><title>a check-in, under 30m</title></rect>\n"
        "<rect x=\"84\" y=\"121\" width=\"11\" height=\"11\" rx=\"2\" ry=\"2\" "
        "fill=\"#40c463\"><title>30m to 44m</title></rect>\n"
        "<rect x=\"97\" y=\"121\" width=\"11\" height=\"11\" rx=\"2\" ry=\"2\" "
        "fill=\"#30a14e\"><title>45m to 59m</title></rect>\n"
        "<rect x=\"110\" y=\"121\" width=\"11\" height=\"11\" rx=\"2\" ry=\"2\" "
        "fill=\"#216e39\"><title>1h or more</title></rect>\n"
        "<text x=\"125\" y=\"130\">More</text>\n"
        "<rect class=\"rest\" x=\"167\" y=\"121\" width=\"11\" height=\"11\" rx=\"2\" ry=\"2\" "
        "fill=\"url(#rest)\"/>\n"
        "<text x=\"182\" y=\"130\">Rest day</text>\n"
        "<text x=\"0\" y=\"150\">3h5m in 4 active days, longest run 3 days (2026-03-02 to "
        "2026-03-04)</text>\n"
        "</svg>\n");
}
