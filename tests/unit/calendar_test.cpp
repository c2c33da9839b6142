// The heatmap's days, levels, quartile thresholds, rest days and summary.
#include "momentum/calendar.hpp"

#include <catch2/catch.hpp>

using namespace std::chrono;
using namespace momentum;

namespace {

const Day range_first = 2026y / March / 2;  // a Monday
const Day range_last = 2026y / March / 15;

LogEntry log_on(Day day, std::optional<int> minutes, std::optional<int> goal = std::nullopt) {
  LogEntry l;
  l.day = day;
  l.minutes = minutes;
  l.goal = goal;
  return l;
}

Skip skip_on(Day day, std::optional<int> goal = std::nullopt) {
  Skip s;
  s.day = day;
  s.goal = goal;
  return s;
}

State with_goals(int n) {
  State state;
  for (int i = 0; i < n; ++i) state.goals.push_back(Goal{});
  return state;
}

const CalendarDay& at(const Calendar& c, Day day) {
  return c.days.at(static_cast<std::size_t>((day - c.first).count()));
}

}  // namespace

TEST_CASE("thresholds are the interpolated quartiles rounded up", "[calendar]") {
  SECTION("four days") {
    // Q1 at position 0.75: 10 + 0.75·10 = 17.5; Q2 at 1.5: 25; Q3 at 2.25: 30 + 0.25·20 = 35.
    CHECK(quartile_thresholds({10, 20, 30, 50}) == Thresholds{18, 25, 35});
  }
  SECTION("order and zeros do not matter") {
    CHECK(quartile_thresholds({0, 50, 0, 10, 30, 20}) == Thresholds{18, 25, 35});
  }
  SECTION("five days fall on whole positions") {
    CHECK(quartile_thresholds({60, 15, 30, 45, 90}) == Thresholds{30, 45, 60});
  }
  SECTION("one day, or equal days, give equal thresholds") {
    CHECK(quartile_thresholds({40}) == Thresholds{40, 40, 40});
    CHECK(quartile_thresholds({30, 30, 30}) == Thresholds{30, 30, 30});
  }
  SECTION("no minutes, no thresholds") {
    CHECK_FALSE(quartile_thresholds({}).has_value());
    CHECK_FALSE(quartile_thresholds({0, 0}).has_value());
  }
}

TEST_CASE("a day's level follows its minutes against the thresholds", "[calendar]") {
  const std::optional<Thresholds> t = Thresholds{18, 25, 35};
  CHECK(level_of(0, 0, t) == 0);
  CHECK(level_of(1, 0, t) == 1);  // a check-in without minutes
  CHECK(level_of(1, 17, t) == 1);
  CHECK(level_of(1, 18, t) == 2);
  CHECK(level_of(2, 24, t) == 2);
  CHECK(level_of(1, 25, t) == 3);
  CHECK(level_of(1, 34, t) == 3);
  CHECK(level_of(1, 35, t) == 4);
  CHECK(level_of(1, 40, Thresholds{40, 40, 40}) == 4);  // all days equal: all level 4
  CHECK(level_of(1, 600, t) == 4);
  CHECK(level_of(3, 0, std::nullopt) == 1);
  CHECK(level_of(0, 0, std::nullopt) == 0);
}

TEST_CASE("the calendar sums each day's check-ins and levels them", "[calendar]") {
  State state;
  state.logs = {log_on(2026y / March / 2, 10),           log_on(2026y / March / 3, 20),
                log_on(2026y / March / 4, 30),           log_on(2026y / March / 4, 20),
                log_on(2026y / March / 5, std::nullopt), log_on(2026y / March / 1, 500),
                log_on(2026y / March / 16, 500)};
  const Calendar c = build_calendar(state, std::nullopt, range_first, range_last);
  REQUIRE(c.days.size() == 14);
  CHECK(c.days.front().day == range_first);
  CHECK(c.days.back().day == range_last);
  CHECK(c.thresholds == Thresholds{15, 20, 35});  // from 10, 20, 50: days outside are ignored
  CHECK(at(c, 2026y / March / 2).level == 1);
  CHECK(at(c, 2026y / March / 3).level == 3);
  const CalendarDay& busy = at(c, 2026y / March / 4);
  CHECK(busy.minutes == 50);
  CHECK(busy.checkins == 2);
  CHECK(busy.level == 4);
  const CalendarDay& bare = at(c, 2026y / March / 5);
  CHECK(bare.minutes == 0);
  CHECK(bare.checkins == 1);
  CHECK(bare.level == 1);
  CHECK(at(c, 2026y / March / 6).level == 0);
}

TEST_CASE("removed check-ins and rest days do not count", "[calendar]") {
  State state;
  state.logs = {log_on(2026y / March / 2, 30), log_on(2026y / March / 3, 90)};
  state.logs[1].removed = true;
  state.skips = {skip_on(2026y / March / 4)};
  state.skips[0].removed = true;
  const Calendar c = build_calendar(state, std::nullopt, range_first, range_last);
  CHECK(at(c, 2026y / March / 3).checkins == 0);
  CHECK(at(c, 2026y / March / 3).level == 0);
  CHECK_FALSE(at(c, 2026y / March / 4).skipped);
  CHECK(c.thresholds == Thresholds{30, 30, 30});
  CHECK(at(c, 2026y / March / 2).level == 4);
}

TEST_CASE("a goal's calendar holds its check-ins and the rest days that apply to it",
          "[calendar]") {
  State state = with_goals(2);
  state.logs = {log_on(2026y / March / 2, 30, 0), log_on(2026y / March / 3, 45, 1),
                log_on(2026y / March / 4, 60)};
  state.skips = {skip_on(2026y / March / 5), skip_on(2026y / March / 6, 0),
                 skip_on(2026y / March / 7, 1)};
  SECTION("no goal: every check-in, only rest days for all goals") {
    const Calendar c = build_calendar(state, std::nullopt, range_first, range_last);
    CHECK(at(c, 2026y / March / 2).checkins == 1);
    CHECK(at(c, 2026y / March / 3).checkins == 1);
    CHECK(at(c, 2026y / March / 4).checkins == 1);
    CHECK(at(c, 2026y / March / 5).skipped);
    CHECK_FALSE(at(c, 2026y / March / 6).skipped);
    CHECK_FALSE(at(c, 2026y / March / 7).skipped);
  }
  SECTION("goal 1: its check-ins, its rest days and those for all goals") {
    const Calendar c = build_calendar(state, 0, range_first, range_last);
    CHECK(c.goal == 0);
    CHECK(at(c, 2026y / March / 2).checkins == 1);
    CHECK(at(c, 2026y / March / 3).checkins == 0);
    CHECK(at(c, 2026y / March / 4).checkins == 0);
    CHECK(at(c, 2026y / March / 5).skipped);
    CHECK(at(c, 2026y / March / 6).skipped);
    CHECK_FALSE(at(c, 2026y / March / 7).skipped);
    CHECK(at(c, 2026y / March / 5).level == 0);
  }
}

TEST_CASE("an empty range or an empty journal gives no levels", "[calendar]") {
  State state;
  state.logs = {log_on(2026y / March / 2, 30)};
  SECTION("the last day before the first") {
    const Calendar c = build_calendar(state, std::nullopt, range_last, range_first);
    CHECK(c.days.empty());
    CHECK_FALSE(c.thresholds.has_value());
    const CalendarSummary s = summarize_calendar(c);
    CHECK(s.minutes == 0);
    CHECK(s.longest_run == 0);
    CHECK_FALSE(s.run_first.has_value());
  }
  SECTION("one day") {
    const Calendar c = build_calendar(state, std::nullopt, range_first, range_first);
    REQUIRE(c.days.size() == 1);
    CHECK(c.days[0].level == 4);
  }
  SECTION("no check-ins") {
    const Calendar c = build_calendar(State{}, std::nullopt, range_first, range_last);
    CHECK(c.days.size() == 14);
    CHECK_FALSE(c.thresholds.has_value());
    for (const CalendarDay& d : c.days) CHECK(d.level == 0);
  }
}

TEST_CASE("the summary counts time, active days and the longest run, rest days bridging",
          "[calendar]") {
  State state;
  state.logs = {log_on(2026y / March / 2, 30),
                log_on(2026y / March / 3, 30),
                log_on(2026y / March / 5, std::nullopt),
                log_on(2026y / March / 7, 20),
                log_on(2026y / March / 8, 10),
                log_on(2026y / March / 10, 5),
                log_on(2026y / March / 11, 5)};
  state.skips = {skip_on(2026y / March / 6)};
  const CalendarSummary s =
      summarize_calendar(build_calendar(state, std::nullopt, range_first, range_last));
  CHECK(s.minutes == 100);
  CHECK(s.active_days == 7);
  CHECK(s.longest_run == 3);  // 5, (6 rests), 7, 8
  CHECK(s.run_first == Day{2026y / March / 5});
  CHECK(s.run_last == Day{2026y / March / 8});
}
