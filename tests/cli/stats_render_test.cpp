// stats_render.hpp: the procrastination report, exact, for a hand-made Metrics.
#include "cli/stats_render.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>

namespace {

using namespace std::chrono;
using momentum::Day;
using momentum::Metrics;
using momentum::State;
using momentum::cli::Style;

const Day today = sys_days{2026y / March / 10};

State two_tasks() {
  State state;
  momentum::Goal goal;
  goal.num = 1;
  goal.title = "Become an ML engineer";
  state.goals.push_back(goal);
  momentum::Task chronic;
  chronic.num = 1;
  chronic.title = "Read the backprop chapter";
  chronic.deferrals.resize(3);
  chronic.last_activity_day = today - days{2};
  momentum::Task stale;
  stale.num = 2;
  stale.title = "Submit to the Titanic competition on Kaggle before the deadline";
  stale.last_activity_day = today - days{20};
  state.tasks = {chronic, stale};
  return state;
}

// A window with something in every row: numbers, readings, both lists and the index.
Metrics busy() {
  Metrics m;
  m.window = {today - days{27}, today, 0};
  m.start_delay = {4, 2.5, 6.0, 1.0, 5.0};
  m.deferrals = 5;
  m.live_tasks = 6;
  m.deferred_tasks = 2;
  m.chronic = {0};
  m.due_done = 4;
  m.on_time = 3;
  m.on_time_rate = 0.75;
  m.open_tasks = 2;
  m.stale = {1};
  m.created = 4;
  m.completed = 3;
  m.follow_through = 0.75;
  m.learn_minutes = 600;
  m.do_minutes = 90;
  m.learn_share = 600.0 / 690;
  m.comfort_zone = true;
  m.counted_days = 28;
  m.gap_days = 10;
  m.longest_gap = 4;
  m.gap_share = 10.0 / 28;
  m.resistance_reports = 2;
  m.resistance = 3.5;
  m.components = {{"start_delay", 25, 2.5 / 14},
                  {"deferrals", 25, 0.4},
                  {"learn_share", 25, 0.8},
                  {"gaps", 25, std::nullopt}};
  m.index = 45.7;
  return m;
}

std::string report(const Style& style, const State& state, const Metrics& m) {
  std::ostringstream out;
  momentum::cli::print_stats(out, style, {state, m, today, 14});
  return out.str();
}

}  // namespace

TEST_CASE("the stats report has a reading per metric, the lists and the index", "[stats]") {
  const State state = two_tasks();
  CHECK(report(Style{true, false, 80}, state, busy()) ==
        "Procrastination report 2026-02-11 to 2026-03-10, goal 1\n"
        "\n"
        "Start delay    2.5 days    median days from adding to starting (4 tasks)\n"
        "By importance  +5          you start important tasks 5 days later than easy ones\n"
        "Deferrals      5           2 of 6 tasks deferred in the window; 1 chronic\n"
        "On time        75%         3 of 4 with a due day done by it\n"
        "Overdue        0           of 2 open now, past their due day\n"
        "Stale          1           open tasks untouched for 14+ days: one day, or never?\n"
        "Follow-through 75%         3 done for 4 added\n"
        "Learn share    87%         learning in your comfort zone, not solving problems\n"
        "Gap days       10 of 28    days without a check-in; the longest run 4 days\n"
        "Resistance     3.5         mean of 2 reports (1 easy, 5 hard)\n"
        "\n"
        "Chronic: deferred 3+ times; break each into a smaller first step\n"
        "  #1 Read the backprop chapter  (deferred 3x)\n"
        "\n"
        "Stale: no activity for 14+ days; do, defer or drop\n"
        "  #2 Submit to the Titanic competition on Kaggle before the deadline  (idle 20d)\n"
        "\n"
        "Procrastination index 46/100  (0 = none; a full bar = worst)\n"
        "  part         weight  share\n"
        "  start delay      25  ██░░░░░░░░  18%\n"
        "  deferrals        25  ████░░░░░░  40%\n"
        "  learn_share      25  ████████░░  80%\n"
        "  gaps             25  n/a (left out)\n");
}

TEST_CASE("the stats report draws its bars in ASCII outside a UTF-8 locale", "[stats]") {
  const State state = two_tasks();
  CHECK(report(Style{false, false, 80}, state, busy()) ==
        "Procrastination report 2026-02-11 to 2026-03-10, goal 1\n"
        "\n"
        "Start delay    2.5 days    median days from adding to starting (4 tasks)\n"
        "By importance  +5          you start important tasks 5 days later than easy ones\n"
        "Deferrals      5           2 of 6 tasks deferred in the window; 1 chronic\n"
        "On time        75%         3 of 4 with a due day done by it\n"
        "Overdue        0           of 2 open now, past their due day\n"
        "Stale          1           open tasks untouched for 14+ days: one day, or never?\n"
        "Follow-through 75%         3 done for 4 added\n"
        "Learn share    87%         learning in your comfort zone, not solving problems\n"
        "Gap days       10 of 28    days without a check-in; the longest run 4 days\n"
        "Resistance     3.5         mean of 2 reports (1 easy, 5 hard)\n"
        "\n"
        "Chronic: deferred 3+ times; break each into a smaller first step\n"
        "  #1 Read the backprop chapter  (deferred 3x)\n"
        "\n"
        "Stale: no activity for 14+ days; do, defer or drop\n"
        "  #2 Submit to the Titanic competition on Kaggle before the deadline  (idle 20d)\n"
        "\n"
        "Procrastination index 46/100  (0 = none; a full bar = worst)\n"
        "  part         weight  share\n"
        "  start delay      25  ##........  18%\n"
        "  deferrals        25  ####......  40%\n"
        "  learn_share      25  ########..  80%\n"
        "  gaps             25  n/a (left out)\n");
}

TEST_CASE("the stats report's heading is bold with colour", "[stats]") {
  const State state = two_tasks();
  CHECK(report(Style{true, true, 80}, state, busy()) ==
        "\x1b[1mProcrastination report 2026-02-11 to 2026-03-10, goal 1\x1b[0m\n"
        "\n"
        "Start delay    2.5 days    median days from adding to starting (4 tasks)\n"
        "By importance  +5          you start important tasks 5 days later than easy ones\n"
        "Deferrals      5           2 of 6 tasks deferred in the window; 1 chronic\n"
        "On time        75%         3 of 4 with a due day done by it\n"
        "Overdue        0           of 2 open now, past their due day\n"
        "Stale          1           open tasks untouched for 14+ days: one day, or never?\n"
        "Follow-through 75%         3 done for 4 added\n"
        "Learn share    87%         learning in your comfort zone, not solving problems\n"
        "Gap days       10 of 28    days without a check-in; the longest run 4 days\n"
        "Resistance     3.5         mean of 2 reports (1 easy, 5 hard)\n"
        "\n"
        "Chronic: deferred 3+ times; break each into a smaller first step\n"
        "  #1 Read the backprop chapter  (deferred 3x)\n"
        "\n"
        "Stale: no activity for 14+ days; do, defer or drop\n"
        "  #2 Submit to the Titanic competition on Kaggle before the deadline  (idle 20d)\n"
        "\n"
        "\x1b[1mProcrastination index 46/100\x1b[0m  (0 = none; a full bar = worst)\n"
        "  part         weight  share\n"
        "  start delay      25  ██░░░░░░░░  18%\n"
        "  deferrals        25  ████░░░░░░  40%\n"
        "  learn_share      25  ████████░░  80%\n"
        "  gaps             25  n/a (left out)\n");
}

TEST_CASE("a narrow stats report cuts its rows to the width", "[stats]") {
  const State state = two_tasks();
  CHECK(report(Style{true, false, 40}, state, busy()) ==
        "Procrastination report 2026-02-11 to 2026-03-10, goal 1\n"
        "\n"
        "Start delay    2.5 days    median days …\n"
        "By importance  +5          you start im…\n"
        "Deferrals      5           2 of 6 tasks…\n"
        "On time        75%         3 of 4 with …\n"
        "Overdue        0           of 2 open no…\n"
        "Stale          1           open tasks u…\n"
        "Follow-through 75%         3 done for 4…\n"
        "Learn share    87%         learning in …\n"
        "Gap days       10 of 28    days without…\n"
        "Resistance     3.5         mean of 2 re…\n"
        "\n"
        "Chronic: deferred 3+ times; break each into a smaller first step\n"
        "  #1 Read the backprop chapter  (deferr…\n"
        "\n"
        "Stale: no activity for 14+ days; do, defer or drop\n"
        "  #2 Submit to the Titanic competition …\n"
        "\n"
        "Procrastination index 46/100  (0 = none; a full bar = worst)\n"
        "  part         weight  share\n"
        "  start delay      25  ██░░░░░░░░  18%\n"
        "  deferrals        25  ████░░░░░░  40%\n"
        "  learn_share      25  ████████░░  80%\n"
        "  gaps             25  n/a (left out)\n");
}

TEST_CASE("an empty window reads n/a with what is missing", "[stats]") {
  const State state = two_tasks();
  Metrics m;
  m.window = {today - days{27}, today, std::nullopt};
  CHECK(report(Style{true, false, 80}, state, m) ==
        "Procrastination report 2026-02-11 to 2026-03-10, all goals\n"
        "\n"
        "Start delay    n/a         no task was started in this window\n"
        "By importance  n/a         needs important (4-5) and easy (1-2) tasks started i…\n"
        "Deferrals      0           0 of 0 tasks deferred in the window; 0 chronic\n"
        "On time        n/a         no task with a due day was done in this window\n"
        "Overdue        0           of 0 open now, past their due day\n"
        "Stale          0           open tasks untouched for 14+ days: one day, or never?\n"
        "Follow-through n/a         0 done; no task was added in this window\n"
        "Learn share    n/a         no minutes logged in this window\n"
        "Gap days       n/a         nothing recorded in this window yet\n"
        "Resistance     n/a         no check-in reported it (log --resistance N)\n"
        "\n"
        "Procrastination index n/a  (0 = none; a full bar = worst)\n"
        "  part         weight  share\n");
}
