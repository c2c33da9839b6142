// Habit strength, completion, slack and what is still needed: the worked vectors in
// docs/metrics.md, hand-made cases and properties over seeded random histories.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <optional>
#include <random>
#include <vector>

#include "goal_journal.hpp"
#include "momentum/streak.hpp"

using namespace momentum;
using namespace momentum::test::habits;
using namespace std::chrono;

// ---- strength ------------------------------------------------------------------------------

TEST_CASE("strength matches the worked vectors of docs/metrics.md", "[strength]") {
  const Day mon = 2025y / March / 3;
  const Day y23 = 2023y / January / 2;
  auto [name, cadence, created, logs, skips, as_of, expected] =
      GENERATE_COPY(table<const char*, Cadence, Day, std::vector<Day>, std::vector<Day>, Day,
                          double>({
          {"daily, first log", daily, 2025y / March / 20, {2025y / March / 20}, {},
           2025y / March / 20, 0.0519225},
          {"daily, 20 days", daily, 2025y / March / 1,
           every_day(2025y / March / 1, 2025y / March / 20), {}, 2025y / March / 20, 0.6557476},
          {"daily, skip then misses", daily, 2025y / March / 15, {2025y / March / 15},
           {2025y / March / 16}, 2025y / March / 20, 0.0442473},
          {"daily, one more miss", daily, 2025y / March / 15, {2025y / March / 15},
           {2025y / March / 16}, 2025y / March / 21, 0.0419499},
          {"daily, 90 days", daily, 2024y / December / 21,
           every_day(2024y / December / 21, 2025y / March / 20), {}, 2025y / March / 20,
           0.9917596},
          {"weekdays, two weeks", weekdays, mon, weekdays_between(mon, 2025y / March / 14), {},
           2025y / March / 14, 0.4132698},
          {"weekdays, weekend log", weekdays, mon,
           [&] {
             auto d = weekdays_between(mon, 2025y / March / 14);
             d.push_back(2025y / March / 15);
             return d;
           }(),
           {}, 2025y / March / 16, 0.4132698},
          {"3/week, four weeks", per_week(3), mon, each_week(mon, 4, {0, 2, 4}), {},
           2025y / March / 31, 0.6236944},
          {"3/week, a skipped week", per_week(3), mon,
           [&] {
             auto d = each_week(mon, 2, {0, 2, 4});
             auto last = each_week(2025y / March / 24, 1, {0, 2, 4});
             d.insert(d.end(), last.begin(), last.end());
             return d;
           }(),
           every_day(2025y / March / 17, 2025y / March / 23), 2025y / March / 31, 0.5195419},
          {"3/week, 2 of 3 for 100 weeks", per_week(3), y23, each_week(y23, 100, {0, 1}), {},
           2024y / December / 2, 0.6666667},
          {"7/week, two weeks", per_week(7), mon, every_day(mon, 2025y / March / 16), {},
           2025y / March / 17, 0.5259612},
      }));
  Journal journal(cadence, created);
  journal.log(logs).skip(skips);
  INFO(name);
  CHECK(strength(journal.days(), as_of, config) == Approx(expected).margin(1e-6));
}

TEST_CASE("a partly excused N/week period weighs R/N of a week", "[strength]") {
  // Eight kept weeks from Monday 2023-01-02 to Saturday 2023-02-25, then in the week of 02-27
  // rest days Mon-Thu (K = 4) and check-ins Fri-Sun 03-03..03-05 (L = 3); as of Monday 03-06,
  // whose open week is unlogged and so left out. After the eight weeks S8 = 1 - m^8.
  const Day y23 = 2023y / January / 2;
  const Day week9 = 2023y / February / 27;
  const std::vector<Day> rest = every_day(week9, 2023y / March / 2);
  const std::vector<Day> late = every_day(2023y / March / 3, 2023y / March / 5);
  const Day as_of = 2023y / March / 6;
  const auto history = [&](Cadence cadence, std::vector<int> offsets, std::vector<Day> skips,
                           std::vector<Day> extra) {
    Journal journal(cadence, y23);
    std::vector<Day> logs = each_week(y23, 8, std::move(offsets));
    logs.insert(logs.end(), extra.begin(), extra.end());
    journal.log(logs).skip(skips);
    return strength(journal.days(), as_of, config);
  };
  SECTION("6/week, the issue's example") {
    // m = 0.5^(sqrt(42)/13) = 0.7078333; S8 = 0.9369844. Week 9: N = 6, K = 4, R = 2,
    // w = 1/3, v = min(1, 3/2) = 1, a = m^(1/3) = 0.8912037:
    // S = 0.8912037 * 0.9369844 + 0.1087963 = 0.9438403.
    CHECK(history(per_week(6), {0, 1, 2, 3, 4, 5}, rest, late) == Approx(0.9438403).margin(1e-6));
  }
  SECTION("3/week: four rest days excuse the whole week") {
    // m = 0.5^(sqrt(21)/13) = 0.7832225; S8 = 1 - m^8 = 0.8583941. Week 9: N = 3, K = 4,
    // R = max(0, -1) = 0: invisible, so S stays 0.8583941 despite three check-ins.
    CHECK(history(per_week(3), {0, 2, 4}, rest, late) == Approx(0.8583941).margin(1e-6));
  }
  SECTION("3/week: two rest days") {
    // Rest Mon-Tue only: N = 3, K = 2, R = 1, w = 1/3, v = min(1, 3/1) = 1,
    // a = m^(1/3) = 0.9217824: S = 0.9217824 * 0.8583941 + 0.0782176 = 0.8694702.
    const std::vector<Day> two(rest.begin(), rest.begin() + 2);
    CHECK(history(per_week(3), {0, 2, 4}, two, late) == Approx(0.8694702).margin(1e-6));
  }
  SECTION("2/week: one rest day") {
    // Mon + Thu for eight weeks: m = 0.5^(sqrt(14)/13) = 0.8191390, S8 = 1 - m^8 = 0.7972967.
    // Week 9: rest Monday, check-in Saturday 03-04: N = 2, K = 1, R = 1, w = 1/2, v = 1,
    // a = m^(1/2) = 0.9050630: S = 0.9050630 * 0.7972967 + 0.0949370 = 0.8165407.
    CHECK(history(per_week(2), {0, 3}, {week9}, {2023y / March / 4}) ==
          Approx(0.8165407).margin(1e-6));
  }
}

TEST_CASE("a rest day on a spare day of a kept week makes it weigh less, still kept",
          "[strength]") {
  // 3/week, Mon/Wed/Fri of the weeks of 03-03 and 03-10, m = 0.7832225. Without a rest day:
  // S = 1 - m^2 = 0.3865625. A rest day on Tuesday 03-04 makes week 1 R = 2, w = 2/3,
  // a = m^(2/3) = 0.8496830, v = 1: S1 = 0.1503170, S2 = m * S1 + (1 - m) = 0.3345094.
  const Day mon = 2025y / March / 3;
  Journal plain(per_week(3), mon);
  plain.log(each_week(mon, 2, {0, 2, 4}));
  Journal skipped = plain;
  skipped.skip(2025y / March / 4);
  const Day as_of = 2025y / March / 17;
  CHECK(strength(plain.days(), as_of, config) == Approx(0.3865625).margin(1e-6));
  CHECK(strength(skipped.days(), as_of, config) == Approx(0.3345094).margin(1e-6));
  CHECK(strength(skipped.days(), 2025y / March / 10, config) > 0.0);
}

TEST_CASE("strength folds each period with the cadence in force on its first day", "[strength]") {
  // Daily for 9 days, then 3/week from Wednesday 03-12: that week starts on the edit day and
  // its Monday and Tuesday count as excused, so one log keeps it (R = 1).
  Journal journal(daily, 2025y / March / 3);
  journal.log(every_day(2025y / March / 3, 2025y / March / 12))
      .edit(2025y / March / 12, per_week(3))
      .log({2025y / March / 17, 2025y / March / 19});
  const GoalDays days = journal.days();
  CHECK(strength(days, 2025y / March / 11, config) == Approx(0.3811369).margin(1e-6));
  CHECK(strength(days, 2025y / March / 17, config) == Approx(0.4295429).margin(1e-6));
  CHECK(strength(days, 2025y / March / 20, config) == Approx(0.4809460).margin(1e-6));
}

TEST_CASE("strength of an ended goal is frozen at its last active day", "[strength]") {
  Journal journal(daily, 2025y / March / 1);
  journal.log(every_day(2025y / March / 1, 2025y / March / 10))
      .end(GoalStatus::achieved, 2025y / March / 10);
  CHECK(strength(journal.days(), 2025y / June / 1, config) == Approx(0.4132698).margin(1e-6));
}

TEST_CASE("strength edge cases", "[strength]") {
  SECTION("an empty history is 0") {
    Journal journal(daily, 2025y / March / 10);
    CHECK(strength(journal.days(), 2025y / March / 10, config) == 0.0);
    CHECK(strength(journal.days(), 2025y / March / 30, config) == 0.0);
  }
  SECTION("logs before the goal's creation start it earlier") {
    Journal journal(daily, 2025y / March / 10);
    journal.log(every_day(2025y / March / 7, 2025y / March / 10));
    CHECK(journal.days().first == Day{2025y / March / 7});
    CHECK(strength(journal.days(), 2025y / March / 10, config) ==
          Approx(1 - std::pow(daily_m, 4)).margin(1e-6));
  }
  SECTION("no cadence keeps no strength") {
    Journal journal(no_cadence, 2025y / March / 1);
    journal.log(every_day(2025y / March / 1, 2025y / March / 10));
    CHECK(strength(journal.days(), 2025y / March / 10, config) == 0.0);
  }
  SECTION("an open pause freezes it") {
    Journal journal(daily, 2025y / March / 1);
    journal.log(every_day(2025y / March / 1, 2025y / March / 9)).pause(2025y / March / 10, {});
    CHECK(strength(journal.days(), 2025y / April / 20, config) ==
          Approx(1 - std::pow(daily_m, 9)).margin(1e-6));
  }
  SECTION("a leap day is a day like any other") {
    Journal journal(daily, 2028y / February / 27);
    journal.log(every_day(2028y / February / 27, 2028y / March / 1));
    CHECK(strength(journal.days(), 2028y / March / 1, config) ==
          Approx(1 - std::pow(daily_m, 4)).margin(1e-6));
  }
}

TEST_CASE("N/D strength takes skip days out of the window", "[strength]") {
  // 3/7 with Mon and Tue logged, then a skipped Wednesday–Sunday: the windows keep needing
  // only what the logged days can give, so the score is what it was before the skips.
  const Day mon = 2025y / March / 3;
  Journal rested(rolling(3, 7), mon);
  rested.log({mon, 2025y / March / 4}).skip(every_day(2025y / March / 5, 2025y / March / 9));
  Journal missed(rolling(3, 7), mon);
  missed.log({mon, 2025y / March / 4});
  const Day as_of = 2025y / March / 9;
  CHECK(strength(rested.days(), as_of, config) > strength(missed.days(), as_of, config));
  // 1/1 is daily by another name.
  Journal one(rolling(1, 1), mon);
  Journal day(daily, mon);
  one.log(each_week(mon, 3, {0, 1, 3})).skip(2025y / March / 12);
  day.log(each_week(mon, 3, {0, 1, 3})).skip(2025y / March / 12);
  CHECK(strength(one.days(), 2025y / March / 24, config) ==
        Approx(strength(day.days(), 2025y / March / 24, config)).margin(1e-12));
}

// ---- slack ---------------------------------------------------------------------------------

TEST_CASE("slack matches the worked vectors of docs/metrics.md", "[slack]") {
  const Day mon = 2025y / March / 3;
  const Day mon17 = 2025y / March / 17;
  auto [name, cadence, logs, skips, today, expected] = GENERATE_COPY(
      table<const char*, Cadence, std::vector<Day>, std::vector<Day>, Day, std::optional<int>>({
          {"daily, logged today", daily, every_day(mon, mon17), {}, mon17, 1},
          {"daily, not logged today", daily, every_day(mon, mon17 - one_day), {}, mon17, 0},
          {"daily, skip tomorrow", daily, every_day(mon, mon17), {mon17 + one_day}, mon17, 2},
          {"weekdays, Friday logged",
           weekdays,
           weekdays_between(mon, 2025y / March / 14),
           {},
           2025y / March / 14,
           3},
          {"3/week, Wed, Mon only", per_week(3), {mon17}, {}, 2025y / March / 19, 3},
          {"3/week, Sat, Mon only", per_week(3), {mon17}, {}, 2025y / March / 22, 0},
          {"3/week, Sun, Mon only", per_week(3), {mon17}, {}, 2025y / March / 23, std::nullopt},
          {"3/week, kept by Thu",
           per_week(3),
           {mon17, 2025y / March / 19, 2025y / March / 20},
           {},
           2025y / March / 20,
           8},
      }));
  Journal journal(cadence, mon);
  journal.log(logs).skip(skips);
  INFO(name);
  CHECK(slack(journal.days(), today, config) == expected);
}

TEST_CASE("slack for rolling windows, pauses and goals with nothing to keep", "[slack]") {
  const Day mon = 2025y / March / 3;
  SECTION("3/7: the next window to fall short") {
    Journal journal(rolling(3, 7), mon);
    journal.log(each_week(mon, 2, {0, 2, 4}));
    CHECK(slack(journal.days(), 2025y / March / 14, config) == 3);  // Monday's window
    CHECK(slack(journal.days(), 2025y / March / 17, config) == 0);
    journal.skip(2025y / March / 17);
    CHECK(slack(journal.days(), 2025y / March / 14, config) == 5);  // Wednesday's window
  }
  SECTION("a pause with an end: the first day after it") {
    Journal journal(daily, mon);
    journal.log(every_day(mon, 2025y / March / 9)).pause(2025y / March / 10, 2025y / March / 25);
    CHECK(slack(journal.days(), 2025y / March / 20, config) == 5);
  }
  SECTION("nothing to keep") {
    Journal open_pause(daily, mon);
    open_pause.pause(2025y / March / 10, {});
    CHECK_FALSE(slack(open_pause.days(), 2025y / March / 20, config));
    Journal untracked(no_cadence, mon);
    CHECK_FALSE(slack(untracked.days(), 2025y / March / 20, config));
    Journal ended(daily, mon);
    ended.end(GoalStatus::dropped, 2025y / March / 10);
    CHECK_FALSE(slack(ended.days(), 2025y / March / 20, config));
  }
  SECTION("weeks from Sunday") {
    Journal journal(per_week(3), mon);
    journal.log(2025y / March / 16);  // a Sunday: the first day of its week
    CHECK(slack(journal.days(), 2025y / March / 19, weeks_from(Sunday)) == 2);
  }
}

// ---- completion and what is still needed ---------------------------------------------------

TEST_CASE("completion rate over the periods overlapping a window", "[streak]") {
  SECTION("daily: excused days left out, an open today too") {
    Journal journal(daily, 2025y / March / 1);
    auto logs = every_day(2025y / March / 1, 2025y / March / 20);
    logs.erase(logs.begin() + 9);                    // 03-10, skipped
    logs.erase(logs.begin() + 4, logs.begin() + 6);  // 03-05 and 03-06, missed
    journal.log(logs).skip(2025y / March / 10);
    CHECK(*completion_rate(journal.days(), 2025y / March / 20, 30, config) == Approx(17.0 / 19.0));
    CHECK(*completion_rate(journal.days(), 2025y / March / 21, 30, config) == Approx(17.0 / 19.0));
    CHECK(*completion_rate(journal.days(), 2025y / March / 21, 17, config) == Approx(13.0 / 15.0));
  }
  SECTION("N/week: a week overlapping the window counts whole") {
    const Day mon = 2025y / March / 3;
    Journal journal(per_week(3), mon);
    journal.log(each_week(mon, 2, {0, 2, 4})).log(2025y / March / 17);
    CHECK(*completion_rate(journal.days(), 2025y / March / 23, 10, config) == Approx(1.0));
    CHECK(*completion_rate(journal.days(), 2025y / March / 24, 10, config) == Approx(4.0 / 6.0));
  }
  SECTION("nothing required is n/a") {
    Journal fresh(daily, 2025y / March / 10);
    CHECK_FALSE(completion_rate(fresh.days(), 2025y / March / 10, 30, config));
    CHECK(*completion_rate(fresh.days(), 2025y / March / 15, 30, config) == 0.0);
    Journal untracked(no_cadence, 2025y / March / 1);
    untracked.log(2025y / March / 2);
    CHECK_FALSE(completion_rate(untracked.days(), 2025y / March / 10, 30, config));
  }
}

TEST_CASE("what is still needed, as numbers and in words", "[slack]") {
  const Day mon = 2025y / March / 3;
  const Day mon17 = 2025y / March / 17;
  SECTION("daily") {
    Journal journal(daily, mon);
    Needed n = still_needed(journal.days(), mon17, config);
    CHECK(n.kind == PeriodKind::day);
    CHECK(n.more == 1);
    CHECK(describe_needed(n, mon17) == "a check-in today");
    journal.skip(mon17);
    CHECK(describe_needed(still_needed(journal.days(), mon17, config), mon17) ==
          "a check-in tomorrow");
    journal.log(mon17);
    n = still_needed(journal.days(), mon17, config);
    CHECK(n.more == 0);
    CHECK(describe_needed(n, mon17) == "done for today");
  }
  SECTION("weekdays on a Saturday") {
    Journal journal(weekdays, mon);
    const Day sat = 2025y / March / 15;
    const Needed n = still_needed(journal.days(), sat, config);
    CHECK(n.last == mon17);
    CHECK(describe_needed(n, sat) == "a check-in on Mon");
  }
  SECTION("N/week") {
    Journal journal(per_week(3), mon);
    journal.log(mon17);
    const Day wed = 2025y / March / 19;
    Needed n = still_needed(journal.days(), wed, config);
    CHECK(n.kind == PeriodKind::week);
    CHECK(n.more == 2);
    CHECK(n.first == mon17);
    CHECK(n.last == Day{2025y / March / 23});
    CHECK(describe_needed(n, wed) == "2 more days this week");
    n = still_needed(journal.days(), 2025y / March / 23, config);
    CHECK_FALSE(n.keepable);
    CHECK(describe_needed(n, 2025y / March / 23) == "this week can no longer be kept");
    const Day thu = 2025y / March / 20;
    journal.log({wed, thu});
    CHECK(describe_needed(still_needed(journal.days(), thu, config), thu) ==
          "nothing more needed this week");
  }
  SECTION("N/D") {
    Journal journal(rolling(3, 7), mon);
    journal.log(each_week(mon, 2, {0, 2, 4}));
    const Day fri = 2025y / March / 14;
    const Needed n = still_needed(journal.days(), fri, config);
    CHECK(n.kind == PeriodKind::window);
    CHECK(n.more == 1);
    CHECK(n.window_days == 7);
    CHECK(n.first == Day{2025y / March / 11});
    CHECK(n.last == mon17);
    CHECK(describe_needed(n, fri) == "1 more day in the 7 days ending Mon");
    CHECK(describe_needed(still_needed(journal.days(), mon17, config), mon17) ==
          "1 more day in the 7 days ending today");
  }
  SECTION("nothing to keep") {
    Journal journal(no_cadence, mon);
    const Needed n = still_needed(journal.days(), mon17, config);
    CHECK(n.kind == PeriodKind::none);
    CHECK(describe_needed(n, mon17).empty());
  }
}

// ---- properties ----------------------------------------------------------------------------

namespace {

// A random one-goal history: cadence, logs, skips and perhaps a pause, around 2025.
struct RandomHistory {
  Journal journal;
  Config config;
  Day today;
};

RandomHistory random_history(std::mt19937& rng, bool weekly_only) {
  auto pick = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const Day created = Day{2025y / January / 6} + pick(0, 6) * one_day;
  Cadence cadence = per_week(pick(1, 7));
  if (!weekly_only) {
    const int d = pick(1, 14);
    const Cadence choices[] = {daily, weekdays, cadence, rolling(pick(1, d), d)};
    cadence = choices[pick(0, 3)];
  }
  RandomHistory h{Journal(cadence, created), weeks_from(pick(0, 1) ? Monday : Sunday),
                  created + pick(0, 70) * one_day};
  const int log_percent = pick(10, 90);
  for (Day d = created - 3 * one_day; d <= created + 80 * one_day; d += one_day) {
    if (pick(1, 100) <= log_percent) h.journal.log(d);
    if (pick(1, 100) <= 8) h.journal.skip({d}, pick(0, 1) ? std::optional<int>{0} : std::nullopt);
  }
  if (pick(0, 3) == 0) {
    const Day from = created + pick(0, 60) * one_day;
    h.journal.pause(from, from + pick(1, 14) * one_day);
  }
  return h;
}

}  // namespace

namespace {

// True when every period holding `day` is, with its rest days, at most fully required
// (L + K <= N, counting logs up to `today`): a rest day there stands in for a missing check-in
// rather than for a spare day. Daily and weekdays periods are single days, and an N/D window's
// rest days stand in only for missing check-ins, so for them always.
bool needed_day(const GoalDays& days, const Cadence& cadence, Day day, Day today, weekday start) {
  const auto excused = [&](Day d) {
    const bool paused = std::any_of(days.pauses.begin(), days.pauses.end(), [&](const Pause& p) {
      return p.from <= d && (!p.until || d < *p.until);
    });
    return d < days.first || paused ||
           std::binary_search(days.skipped.begin(), days.skipped.end(), d);
  };
  const auto within = [&](Day from, Day to) {
    int used = 0;
    for (Day d = from; d <= to; d += one_day) {
      const bool logged =
          d <= today && std::binary_search(days.logged.begin(), days.logged.end(), d);
      used += logged || excused(d) ? 1 : 0;
    }
    return used <= cadence.n;
  };
  switch (cadence.type) {
    case Cadence::Type::per_week:
      return within(week_begin(day, start), week_begin(day, start) + 6 * one_day);
    default:
      return true;
  }
}

}  // namespace

TEST_CASE("strength stays in [0, 1] and a needed rest day never lowers it", "[strength]") {
  std::mt19937 rng(1695);
  int checked = 0;
  for (int round = 0; round < 400; ++round) {
    RandomHistory h = random_history(rng, false);
    const GoalDays before = h.journal.days();
    const double s = strength(before, h.today, h.config);
    CHECK(s >= 0.0);
    CHECK(s <= 1.0);
    // Skip a random unlogged day from the first day to a week past today.
    const int span = static_cast<int>((h.today - before.first).count()) + 7;
    const Day day = before.first + std::uniform_int_distribution<int>(0, span)(rng) * one_day;
    if (std::binary_search(before.logged.begin(), before.logged.end(), day)) continue;
    h.journal.skip(day);
    const GoalDays after = h.journal.days();
    const double skipped = strength(after, h.today, h.config);
    CHECK(skipped >= 0.0);
    CHECK(skipped <= 1.0);
    if (!needed_day(after, before.cadences.front().cadence, day, h.today, h.config.week_start)) {
      continue;
    }
    ++checked;
    INFO("round " << round << ", skip on day " << (day - before.first).count());
    CHECK(skipped >= s - 1e-12);
  }
  CHECK(checked > 150);
}

TEST_CASE("within an open week strength never drops as days pass without logs", "[strength]") {
  std::mt19937 rng(916);
  for (int round = 0; round < 200; ++round) {
    RandomHistory h = random_history(rng, true);
    auto& logs = h.journal.state.logs;
    logs.erase(std::remove_if(logs.begin(), logs.end(),
                              [&](const LogEntry& l) { return l.day > h.today; }),
               logs.end());
    const GoalDays days = h.journal.days();
    const Day week_end = week_begin(h.today, h.config.week_start) + 6 * one_day;
    double previous = strength(days, h.today, h.config);
    for (Day d = h.today + one_day; d <= week_end; d += one_day) {
      const double s = strength(days, d, h.config);
      INFO("round " << round);
      CHECK(s >= previous - 1e-12);
      previous = s;
    }
  }
}

TEST_CASE("7/week over full weeks equals daily over their days", "[strength]") {
  const auto start = GENERATE(Monday, Sunday);
  const int weeks = GENERATE(1, 2, 5);
  const Config c = weeks_from(start);
  const Day first = week_begin(2025y / March / 5, start);
  const Day after = first + 7 * weeks * one_day;
  Journal seven(per_week(7), first);
  Journal day(daily, first);
  seven.log(every_day(first, after - one_day));
  day.log(every_day(first, after - one_day));
  CHECK(strength(seven.days(), after, c) == Approx(strength(day.days(), after, c)).margin(1e-12));
  if (weeks == 2) CHECK(strength(seven.days(), after, c) == Approx(0.5259612).margin(1e-6));
}
