#include "momentum/streak.hpp"

#include <catch2/catch.hpp>
#include <optional>
#include <vector>

#include "goal_journal.hpp"
#include "random_journal.hpp"

using namespace momentum;
using namespace momentum::test::habits;
using namespace std::chrono;

// ---- streaks -------------------------------------------------------------------------------

TEST_CASE("daily streaks count kept days; skips and pauses bridge", "[streak]") {
  Journal journal(daily, 2025y / March / 1);
  const Day today = 2025y / March / 10;
  SECTION("an unlogged today is at risk, not broken") {
    journal.log(every_day(2025y / March / 5, 2025y / March / 9));
    const Streak s = current_streak(journal.days(), today, config);
    CHECK(s.length == 5);
    CHECK(s.first == Day{2025y / March / 5});
    CHECK(s.last == Day{2025y / March / 9});
    CHECK(s.at_risk);
    CHECK(s.unit == PeriodKind::day);
  }
  SECTION("a logged today counts") {
    journal.log(every_day(2025y / March / 5, today));
    const Streak s = current_streak(journal.days(), today, config);
    CHECK(s.length == 6);
    CHECK(s.last == today);
    CHECK_FALSE(s.at_risk);
  }
  SECTION("a skip day bridges without adding length; a skip for all goals too") {
    journal.log(every_day(2025y / March / 5, 2025y / March / 7)).log(2025y / March / 9);
    SECTION("for this goal") { journal.skip(2025y / March / 8); }
    SECTION("for all goals") { journal.skip({2025y / March / 8}, std::nullopt); }
    const Streak s = current_streak(journal.days(), today, config);
    CHECK(s.length == 4);
    CHECK(s.first == Day{2025y / March / 5});
  }
  SECTION("a log on a skip day counts") {
    journal.log(every_day(2025y / March / 5, 2025y / March / 9)).skip(2025y / March / 8);
    CHECK(current_streak(journal.days(), today, config).length == 5);
  }
  SECTION("paused days bridge") {
    journal.log(every_day(2025y / March / 5, 2025y / March / 7))
        .pause(2025y / March / 8, 2025y / March / 10)
        .log(today);
    const Streak s = current_streak(journal.days(), today, config);
    CHECK(s.length == 4);
    CHECK(s.first == Day{2025y / March / 5});
  }
  SECTION("a missed day breaks; the longest run keeps its dates") {
    journal.log(every_day(2025y / March / 1, 2025y / March / 3))
        .log(every_day(2025y / March / 5, 2025y / March / 6));
    const Streak current = current_streak(journal.days(), 2025y / March / 7, config);
    CHECK(current.length == 2);
    CHECK(current.at_risk);
    const Streak longest = longest_streak(journal.days(), 2025y / March / 7, config);
    CHECK(longest.length == 3);
    CHECK(longest.first == Day{2025y / March / 1});
    CHECK(longest.last == Day{2025y / March / 3});
    CHECK(current_streak(journal.days(), 2025y / March / 8, config).length == 0);
  }
  SECTION("of equal runs the longest is the latest") {
    journal.log({2025y / March / 1, 2025y / March / 2, 2025y / March / 4, 2025y / March / 5});
    CHECK(longest_streak(journal.days(), 2025y / March / 6, config).first ==
          Day{2025y / March / 4});
  }
  SECTION("an empty history has no streak and nothing at risk") {
    const Streak s = current_streak(journal.days(), today, config);
    CHECK(s.length == 0);
    CHECK_FALSE(s.first);
    CHECK_FALSE(s.at_risk);
    CHECK(longest_streak(journal.days(), today, config).length == 0);
  }
}

TEST_CASE("weekday streaks pass over weekends", "[streak]") {
  const Day mon = 2025y / March / 3;
  Journal journal(weekdays, mon);
  journal.log(weekdays_between(mon, 2025y / March / 14));
  SECTION("Friday to Monday is unbroken; a weekend log adds nothing") {
    journal.log(2025y / March / 15);
    const Streak s = current_streak(journal.days(), 2025y / March / 17, config);
    CHECK(s.length == 10);
    CHECK(s.last == Day{2025y / March / 14});
    CHECK(s.at_risk);
  }
  SECTION("a missed weekday breaks") {
    Journal gap(weekdays, mon);
    auto logs = weekdays_between(mon, 2025y / March / 14);
    logs.erase(logs.begin() + 7);  // Wednesday 03-12
    gap.log(logs);
    const Streak s = current_streak(gap.days(), 2025y / March / 15, config);
    CHECK(s.length == 2);
    CHECK_FALSE(s.at_risk);  // Saturday is no period
    const Streak longest = longest_streak(gap.days(), 2025y / March / 15, config);
    CHECK(longest.length == 7);
    CHECK(longest.last == Day{2025y / March / 11});
  }
}

TEST_CASE("N/week streaks count calendar weeks from week_start", "[streak]") {
  const Day mon = 2025y / March / 3;
  SECTION("the open week is never broken before it ends") {
    Journal journal(per_week(3), mon);
    journal.log(each_week(mon, 2, {0, 2, 4})).log(2025y / March / 17);
    const Streak s = current_streak(journal.days(), 2025y / March / 19, config);
    CHECK(s.length == 2);
    CHECK(s.unit == PeriodKind::week);
    CHECK(s.first == mon);
    CHECK(s.last == Day{2025y / March / 16});
    CHECK(s.at_risk);
    journal.log({2025y / March / 19, 2025y / March / 21});
    const Streak kept = current_streak(journal.days(), 2025y / March / 21, config);
    CHECK(kept.length == 3);
    CHECK(kept.last == Day{2025y / March / 21});
    CHECK_FALSE(kept.at_risk);
  }
  SECTION("skip days count toward N") {
    Journal journal(per_week(3), mon);
    journal.log({mon, 2025y / March / 5}).skip(2025y / March / 7);
    CHECK(current_streak(journal.days(), 2025y / March / 10, config).length == 1);
  }
  SECTION("a week that can no longer be kept is not at risk, and breaks when it ends") {
    Journal journal(per_week(3), mon);
    journal.log(each_week(mon, 1, {0, 2, 4})).log(2025y / March / 10);
    const Streak s = current_streak(journal.days(), 2025y / March / 16, config);
    CHECK(s.length == 1);
    CHECK_FALSE(s.at_risk);
    CHECK(current_streak(journal.days(), 2025y / March / 17, config).length == 0);
  }
  SECTION("a first week starting mid-week excuses its earlier days") {
    Journal journal(per_week(3), 2025y / March / 6);  // Thursday
    journal.log(2025y / March / 7).log(each_week(2025y / March / 10, 1, {0, 2, 4}));
    const Streak s = current_streak(journal.days(), 2025y / March / 17, config);
    CHECK(s.length == 2);
    CHECK(s.first == Day{2025y / March / 6});
  }
  SECTION("the same days group differently with weeks from Monday and from Sunday") {
    Journal journal(per_week(2), mon);
    journal.log({2025y / March / 9, 2025y / March / 10, 2025y / March / 16, 2025y / March / 17});
    const Day today = 2025y / March / 25;
    const Streak from_monday = current_streak(journal.days(), today, config);
    CHECK(from_monday.length == 0);
    const Streak best = longest_streak(journal.days(), today, config);
    CHECK(best.length == 1);
    CHECK(best.first == Day{2025y / March / 10});
    CHECK(best.last == Day{2025y / March / 16});
    const Streak from_sunday = current_streak(journal.days(), today, weeks_from(Sunday));
    CHECK(from_sunday.length == 2);
    CHECK(from_sunday.first == Day{2025y / March / 9});
    CHECK(from_sunday.last == Day{2025y / March / 22});
    CHECK(from_sunday.at_risk);
  }
  SECTION("a week holding a leap day") {
    Journal journal(per_week(1), 2028y / February / 21);
    journal.log({2028y / February / 22, 2028y / February / 29});
    const Streak s = current_streak(journal.days(), 2028y / March / 6, config);
    CHECK(s.length == 2);
    CHECK(s.last == Day{2028y / March / 5});
    CHECK(s.at_risk);
  }
}

TEST_CASE("N/D streaks count days whose window holds enough", "[streak]") {
  const Day mon = 2025y / March / 3;
  SECTION("M/W/F keeps every 3/7 window; Monday's window falls short") {
    Journal journal(rolling(3, 7), mon);
    journal.log(each_week(mon, 2, {0, 2, 4}));
    const Streak s = current_streak(journal.days(), 2025y / March / 17, config);
    CHECK(s.length == 14);
    CHECK(s.unit == PeriodKind::window);
    CHECK(s.first == mon);
    CHECK(s.last == Day{2025y / March / 16});
    CHECK(s.at_risk);
    CHECK(current_streak(journal.days(), 2025y / March / 18, config).length == 0);
  }
  SECTION("skip days bridge and count toward N") {
    Journal journal(rolling(3, 7), mon);
    journal.log({mon, 2025y / March / 4, 2025y / March / 10});
    Journal rested = journal;
    rested.skip(every_day(2025y / March / 5, 2025y / March / 9));
    const Streak s = current_streak(rested.days(), 2025y / March / 11, config);
    CHECK(s.length == 4);
    CHECK(s.first == mon);
    CHECK_FALSE(s.at_risk);
    CHECK(current_streak(journal.days(), 2025y / March / 11, config).length == 0);
  }
}

TEST_CASE("streaks across cadence edits, ended goals and no cadence", "[streak]") {
  SECTION("daily to 3/week: each kept period counts once") {
    Journal journal(daily, 2025y / March / 3);
    journal.log(every_day(2025y / March / 3, 2025y / March / 12))
        .edit(2025y / March / 12, per_week(3))
        .log({2025y / March / 17, 2025y / March / 19});
    const Streak s = current_streak(journal.days(), 2025y / March / 20, config);
    CHECK(s.length == 10);  // nine days, then the week of the edit
    CHECK(s.unit == PeriodKind::week);
    CHECK(s.at_risk);
  }
  SECTION("3/week to daily mid-week: the week runs out under 3/week") {
    Journal journal(per_week(3), 2025y / March / 3);
    journal.log(every_day(2025y / March / 3, 2025y / March / 5)).edit(2025y / March / 5, daily);
    const Streak s = current_streak(journal.days(), 2025y / March / 10, config);
    CHECK(s.length == 1);
    CHECK(s.unit == PeriodKind::week);
    CHECK(s.at_risk);
    journal.log(2025y / March / 10);
    CHECK(current_streak(journal.days(), 2025y / March / 11, config).length == 2);
  }
  SECTION("an ended goal keeps the streak it ended with") {
    Journal journal(daily, 2025y / March / 1);
    journal.log(every_day(2025y / March / 1, 2025y / March / 10))
        .end(GoalStatus::achieved, 2025y / March / 10);
    const Streak s = current_streak(journal.days(), 2025y / April / 1, config);
    CHECK(s.length == 10);
    CHECK_FALSE(s.at_risk);
  }
  SECTION("no cadence keeps no streak") {
    Journal journal(no_cadence, 2025y / March / 1);
    journal.log(every_day(2025y / March / 1, 2025y / March / 10));
    CHECK(current_streak(journal.days(), 2025y / March / 10, config).length == 0);
    CHECK(longest_streak(journal.days(), 2025y / March / 10, config).length == 0);
  }
  SECTION("a leap day in a daily run") {
    Journal journal(daily, 2028y / February / 27);
    journal.log(every_day(2028y / February / 27, 2028y / March / 1));
    CHECK(current_streak(journal.days(), 2028y / March / 1, config).length == 4);
  }
}

TEST_CASE("the check-in streak counts days with any log; skips for all goals bridge", "[streak]") {
  Journal journal(daily, 2025y / March / 1);
  journal.log({2025y / March / 1, 2025y / March / 6})
      .log({2025y / March / 2, 2025y / March / 7}, std::nullopt)
      .log(2025y / March / 4)
      .log(2025y / March / 3)
      .skip({2025y / March / 3}, std::nullopt)
      .skip(2025y / March / 5);  // this goal only: no bridge
  journal.state.logs.back().removed = true;
  const Day today = 2025y / March / 8;
  Streak s = checkin_streak(journal.state, today);
  CHECK(s.length == 2);
  CHECK(s.first == Day{2025y / March / 6});
  CHECK(s.last == Day{2025y / March / 7});
  CHECK(s.at_risk);
  journal.skip({2025y / March / 5}, std::nullopt);
  s = checkin_streak(journal.state, today);
  CHECK(s.length == 5);
  CHECK(s.first == Day{2025y / March / 1});
  journal.log(today);
  s = checkin_streak(journal.state, today);
  CHECK(s.length == 6);
  CHECK_FALSE(s.at_risk);
  CHECK(checkin_streak(State{}, today).length == 0);
}

// ---- the day strip and the summary --------------------------------------------------------

TEST_CASE("the day strip marks each day", "[streak]") {
  using M = DayMark;
  SECTION("daily") {
    Journal journal(daily, 2025y / March / 3);
    journal.log(every_day(2025y / March / 3, 2025y / March / 5))
        .skip(2025y / March / 6)
        .pause(2025y / March / 8, 2025y / March / 10)
        .log(2025y / March / 10);
    const auto strip = day_strip(journal.days(), 2025y / March / 1, 2025y / March / 12,
                                 2025y / March / 11, config);
    CHECK(strip == std::vector<M>{M::not_required, M::not_required, M::logged, M::logged, M::logged,
                                  M::skipped, M::missed, M::paused, M::paused, M::logged, M::open,
                                  M::future});
  }
  SECTION("N/week: a short week's unlogged days are missed, a kept week's not needed") {
    const Day mon = 2025y / March / 3;
    Journal journal(per_week(3), mon);
    journal.log(each_week(mon, 1, {0, 2, 4})).log({2025y / March / 10, 2025y / March / 17});
    const auto strip =
        day_strip(journal.days(), mon, 2025y / March / 20, 2025y / March / 19, config);
    std::vector<M> expected{M::logged, M::not_required, M::logged,       M::not_required,
                            M::logged, M::not_required, M::not_required, M::logged};
    expected.insert(expected.end(), 6, M::missed);
    expected.insert(expected.end(), {M::logged, M::not_required, M::open, M::future});
    CHECK(strip == expected);
  }
}

TEST_CASE("a goal's summary bundles its numbers", "[streak]") {
  Journal journal(daily, 2025y / March / 1);
  journal.log(every_day(2025y / March / 1, 2025y / March / 20));
  const Day today = 2025y / March / 20;
  const GoalSummary s = summarize(journal.state, 0, today, config);
  CHECK(s.cadence == daily);
  CHECK(s.status == GoalStatus::active);
  CHECK(s.current.length == 20);
  CHECK(s.longest.length == 20);
  CHECK(*s.completion_30 == 1.0);
  CHECK(s.strength == Approx(0.6557476).margin(1e-6));
  CHECK(s.slack == 1);
  CHECK(s.needed.more == 0);
  REQUIRE(s.strip.size() == 14);
  CHECK(s.strip.back() == DayMark::logged);
}

// ---- what the shell asks of a goal ----------------------------------------------------------

TEST_CASE("owes_checkins: only an active goal with a period to keep", "[streak]") {
  Journal journal(daily, 2025y / March / 1);
  const Day today = 2025y / March / 10;
  CHECK(owes_checkins(summarize(journal.state, 0, today, config)));
  SECTION("paused") {
    journal.pause(2025y / March / 9, std::nullopt);
    CHECK_FALSE(owes_checkins(summarize(journal.state, 0, today, config)));
  }
  SECTION("achieved") {
    journal.end(GoalStatus::achieved, 2025y / March / 9);
    CHECK_FALSE(owes_checkins(summarize(journal.state, 0, today, config)));
  }
  SECTION("no cadence") {
    journal.edit(2025y / March / 5, no_cadence);
    CHECK_FALSE(owes_checkins(summarize(journal.state, 0, today, config)));
  }
}

TEST_CASE("streak_at_risk: an active goal's current streak, when at risk", "[streak]") {
  Journal journal(daily, 2025y / March / 1);
  const Day today = 2025y / March / 10;
  journal.log(every_day(2025y / March / 7, 2025y / March / 9));
  const std::optional<Streak> s = streak_at_risk(journal.state, 0, today, config);
  REQUIRE(s);
  CHECK(s->length == 3);
  CHECK(s->at_risk);
  SECTION("not once today is logged") {
    journal.log(today);
    CHECK_FALSE(streak_at_risk(journal.state, 0, today, config));
  }
  SECTION("not for a paused goal") {
    journal.pause(today, std::nullopt);
    CHECK_FALSE(streak_at_risk(journal.state, 0, today, config));
  }
}

// ---- every goal at once --------------------------------------------------------------------

bool same_days(const GoalDays& a, const GoalDays& b) {
  const auto same_pauses = std::equal(
      a.pauses.begin(), a.pauses.end(), b.pauses.begin(), b.pauses.end(),
      [](const Pause& x, const Pause& y) { return x.from == y.from && x.until == y.until; });
  const auto same_cadences =
      std::equal(a.cadences.begin(), a.cadences.end(), b.cadences.begin(), b.cadences.end(),
                 [](const CadenceChange& x, const CadenceChange& y) {
                   return x.from == y.from && x.cadence == y.cadence;
                 });
  return a.logged == b.logged && a.skipped == b.skipped && same_pauses && same_cadences &&
         a.first == b.first && a.end == b.end;
}

TEST_CASE("all_goal_days gathers what goal_days gives each goal", "[streak]") {
  Journal journal(daily, 2025y / March / 1);
  State& s = journal.state;
  Goal second = s.goals[0];
  second.num = 2;
  second.created_day = 2025y / March / 4;
  second.cadences = {{second.created_day, per_week(3)}};
  second.status = GoalStatus::achieved;
  second.ended = 2025y / March / 20;
  s.goals.push_back(second);
  Goal third = s.goals[0];  // nothing logged: its first day is its creation
  third.num = 3;
  third.cadences.clear();  // as an old journal may have it: the default cadence from creation
  s.goals.push_back(third);
  journal.log(every_day(2025y / March / 5, 2025y / March / 9), 0)
      .log({2025y / March / 2, 2025y / March / 8, 2025y / March / 8}, 1)  // before creation, twice
      .log({2025y / March / 6}, std::nullopt)                             // no goal
      .log({2025y / March / 7}, 7)                                        // a dangling index
      .skip({2025y / March / 10}, std::nullopt)                           // a rest day for all
      .skip({2025y / March / 11}, 1)
      .pause(2025y / March / 12, 2025y / March / 14);
  s.logs[1].removed = true;  // March 6 of goal 0
  s.skips.push_back(s.skips.back());
  s.skips.back().day = 2025y / March / 12, s.skips.back().removed = true;

  const std::vector<GoalDays> all = all_goal_days(s);
  REQUIRE(all.size() == 3);
  for (int g = 0; g < 3; ++g) {
    INFO("goal index " << g);
    CHECK(same_days(all[static_cast<std::size_t>(g)], goal_days(s, g)));
  }
  CHECK(all[0].logged.size() == 4);
  CHECK(all[1].first == Day{2025y / March / 2});
  CHECK(all[1].skipped == std::vector<Day>{2025y / March / 10, 2025y / March / 11});
  CHECK(all[2].logged.empty());
  CHECK(all[2].cadences.size() == 1);
}

TEST_CASE("a goal's summary, from one walk, holds what each metric alone says", "[streak]") {
  // summarize() walks the periods once to the horizon and lets every number read its part;
  // each public function walks only as far as it needs. Random journals, every cadence.
  const Config config;
  int compared = 0;
  for (unsigned seed = 1; seed <= 3; ++seed) {
    const momentum::test::RandomJournal journal(seed);
    const State& state = journal.state();
    const std::vector<GoalDays> all = all_goal_days(state);
    for (std::size_t g = 0; g < state.goals.size(); ++g) {
      for (int offset = 0; offset < momentum::test::journal_days + 20; offset += 23) {
        const Day today = momentum::test::first_day + days{offset};
        const GoalDays& d = all[g];
        const GoalSummary s = summarize(state.goals[g], d, today, config);
        INFO("seed " << seed << ", goal " << g << ", " << format_day(today));
        momentum::test::check_same(s.current, current_streak(d, today, config));
        momentum::test::check_same(s.longest, longest_streak(d, today, config));
        CHECK(s.completion_30 == completion_rate(d, today, 30, config));
        CHECK(s.completion_90 == completion_rate(d, today, 90, config));
        CHECK(s.strength == strength(d, today, config));
        CHECK(s.slack == slack(d, today, config));
        const Needed n = still_needed(d, today, config);
        CHECK(s.needed.kind == n.kind);
        CHECK(s.needed.more == n.more);
        CHECK(s.needed.keepable == n.keepable);
        CHECK(s.needed.first == n.first);
        CHECK(s.needed.last == n.last);
        CHECK(s.needed.window_days == n.window_days);
        CHECK(s.strip == day_strip(d, today - days{13}, today, today, config));
        ++compared;
      }
    }
  }
  CHECK(compared > 100);
}
