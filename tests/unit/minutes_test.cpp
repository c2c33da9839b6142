#include "momentum/minutes.hpp"

#include <catch2/catch.hpp>

#include "momentum/sprint.hpp"

using namespace momentum;
using namespace std::chrono;

namespace {

const Day march9 = sys_days{2026y / March / 9};
const Day march10 = sys_days{2026y / March / 10};

LogEntry entry(Day day, std::optional<int> minutes, Kind kind, std::optional<int> goal = {},
               std::optional<int> task = {}) {
  LogEntry l;
  l.day = day;
  l.minutes = minutes;
  l.kind = kind;
  l.goal = goal;
  l.task = task;
  return l;
}

// Five check-ins over two days; the removed one never counts.
State journal() {
  State s;
  s.logs = {entry(march9, 30, Kind::learn, 0), entry(march10, 45, Kind::learn, 0, 0),
            entry(march10, 20, Kind::do_, 1), entry(march10, std::nullopt, Kind::do_),
            entry(march10, 60, Kind::do_, 0)};
  s.logs.back().removed = true;
  return s;
}

}  // namespace

TEST_CASE("minutes_in sums learn and do over a day range, removed check-ins left out",
          "[minutes]") {
  const State s = journal();
  SECTION("one day") {
    const Minutes m = minutes_in(s, {march10, march10, std::nullopt, std::nullopt});
    CHECK(m.learn == 45);
    CHECK(m.doing == 20);
    CHECK(m.total() == 65);
    CHECK(m.checkins == 3);  // one without a duration
  }
  SECTION("everything") {
    const Minutes m = minutes_in(s, {});
    CHECK(m.learn == 75);
    CHECK(m.doing == 20);
    CHECK(m.checkins == 4);
  }
  SECTION("one goal") {
    const Minutes m = minutes_in(s, {Day::min(), Day::max(), 0, std::nullopt});
    CHECK(m.learn == 75);
    CHECK(m.doing == 0);
    CHECK(m.checkins == 2);
  }
  SECTION("one task") {
    CHECK(minutes_in(s, {Day::min(), Day::max(), std::nullopt, 0}).total() == 45);
  }
  SECTION("a range with nothing in it") {
    const Day march8 = sys_days{2026y / March / 8};
    CHECK(minutes_in(s, {march8, march8, std::nullopt, std::nullopt}).checkins == 0);
  }
}

TEST_CASE("minutes_by_goal splits a range per goal, no goal first", "[minutes]") {
  const auto by_goal = minutes_by_goal(journal(), march10, march10);
  REQUIRE(by_goal.size() == 3);
  CHECK(by_goal.begin()->first == std::nullopt);
  CHECK(by_goal.at(std::nullopt).checkins == 1);
  CHECK(by_goal.at(std::nullopt).total() == 0);
  CHECK(by_goal.at(0).learn == 45);
  CHECK(by_goal.at(1).doing == 20);
}

TEST_CASE("sprint_minutes counts from the start through the end or today", "[minutes]") {
  Sprint sprint;
  sprint.start = march9;
  sprint.end = sys_days{2026y / March / 15};
  CHECK(sprint_minutes(journal(), sprint, march9).total() == 30);
  CHECK(sprint_minutes(journal(), sprint, march10).total() == 95);
}
