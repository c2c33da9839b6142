// sprint_view.hpp: the burndown chart and the dashboard's sprint line, exact.
#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>

#include "cli/sprint_view.hpp"

namespace {

using namespace std::chrono;
using momentum::BurndownDay;
using momentum::Day;
using momentum::cli::Style;

const Day start = sys_days{2026y / March / 9};

// Five days, three tasks planned, one added on day 2; seen on day 4.
std::vector<BurndownDay> five_days() {
  return {{start, 3, 3.0, 0},
          {start + days{1}, 4, 2.25, 1},
          {start + days{2}, 2, 1.5, 0},
          {start + days{3}, 1, 0.75, 0},
          {start + days{4}, std::nullopt, 0.0, 0}};
}

std::string chart(const Style& style, std::vector<BurndownDay> days) {
  std::ostringstream out;
  momentum::cli::print_burndown(out, style, std::move(days));
  return out.str();
}

momentum::State with_sprint(Day first, Day last) {
  momentum::State state;
  momentum::Sprint sprint;
  sprint.num = 1;
  sprint.title = "Titanic";
  sprint.start = first;
  sprint.end = last;
  state.sprints.push_back(sprint);
  return state;
}

// The sprint line, or "(none)".
std::string line(const Style& style, const momentum::State& state, Day today) {
  return momentum::cli::sprint_today_text(style, state, today).value_or("(none)");
}

}  // namespace

TEST_CASE("the burndown draws open tasks as bars and the ideal line as dots", "[sprint]") {
  CHECK(chart(Style{true, false, 80}, five_days()) ==
        "   4     ███\n"
        "     ███ ███\n"
        "     ███ ███ ███\n"
        "   1 ███ ███ ███ ███\n"
        "   0 └───────────────────\n"
        "         +\n"
        "     █ open tasks  · ideal  + tasks added that day\n");
}

TEST_CASE("the burndown falls back to ASCII outside a UTF-8 locale", "[sprint]") {
  CHECK(chart(Style{false, false, 80}, five_days()) ==
        "   4     ###\n"
        "     ### ###\n"
        "     ### ### ###\n"
        "   1 ### ### ### ###\n"
        "   0 +-------------------\n"
        "         +\n"
        "     # open tasks  . ideal  + tasks added that day\n");
}

TEST_CASE("a narrow burndown draws thinner bars", "[sprint]") {
  CHECK(chart(Style{true, false, 16}, five_days()) ==
        "   4   █\n"
        "     █ █\n"
        "     █ █ █\n"
        "   1 █ █ █ █\n"
        "   0 └─────────\n"
        "       +\n"
        "     █ open tasks  · ideal  + tasks added that day\n");
}

TEST_CASE("a sprint with more days than columns draws one column a day, the last ones",
          "[sprint]") {
  std::vector<BurndownDay> sprint;
  for (int d = 0; d < 12; ++d) {
    sprint.push_back({start + days{d}, 11 - d, 11.0 - d, 0});
  }
  // 16 columns leave room for 10 days: the last 10, each one column wide, no gaps.
  CHECK(chart(Style{false, false, 16}, sprint) ==
        "   9 #\n"
        "     ##\n"
        "     ###\n"
        "     ####\n"
        "     #####\n"
        "     ######\n"
        "     #######\n"
        "     ########\n"
        "   1 #########\n"
        "   0 +---------\n"
        "     # open tasks  . ideal\n");
}

TEST_CASE("the dashboard's sprint line says the day, progress and days left", "[sprint]") {
  const auto state = with_sprint(start, start + days{6});
  CHECK(line(Style{true, false, 80}, momentum::State{}, start) == "(none)");
  CHECK(line(Style{true, false, 80}, state, start + days{2}) ==
        "Sprint     'Titanic' day 3 of 7, 0/0 done, 4 days left");
  CHECK(line(Style{true, false, 30}, state, start + days{2}) == "Sprint     'Titanic' day 3 of…");
  CHECK(line(Style{false, false, 30}, state, start + days{2}) == "Sprint     'Titanic' day 3 ...");
  CHECK(line(Style{true, false, 80}, state, start - days{1}) ==
        "Sprint     'Titanic' starts 2026-03-09");
}

TEST_CASE("the dashboard's sprint line warns of an ended sprint, in yellow", "[sprint]") {
  const auto state = with_sprint(start, start + days{6});
  CHECK(line(Style{true, false, 80}, state, start + days{8}) ==
        "Sprint     'Titanic' ended 2026-03-15 without a close: momentum sprint close");
  CHECK(line(Style{false, true, 80}, state, start + days{8}) ==
        "\x1b[33mSprint     'Titanic' ended 2026-03-15 without a close: momentum sprint "
        "close\x1b[0m");
}
