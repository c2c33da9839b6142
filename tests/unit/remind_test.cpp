#include "momentum/remind.hpp"

#include <catch2/catch.hpp>

#include "builders.hpp"
#include "momentum/parse.hpp"
#include "momentum/sprint.hpp"

using namespace momentum;
using namespace momentum::test;

namespace {

const Day march1 = sys_days{2026y / March / 1};
const Day march10 = sys_days{2026y / March / 10};  // a Tuesday

// The instant that is `local` (hours and minutes after midnight of `day`, local time) at
// `offset` from UTC.
Clock at(Day day, minutes local, minutes offset = minutes{0}) {
  return Clock{Timestamp{day} + local - offset, offset};
}

Config remind_after(int hour, int minute = 0) {
  Config c;
  c.remind_after = hours{hour} + minutes{minute};
  return c;
}

int goal(Book& b, const std::string& title, const std::string& cadence) {
  GoalFields f;
  f.cadence = parse_cadence(cadence);
  return b.goal(title, f);
}

// Check-ins on `goal` each day from `from` through `to`, each written on its own day.
void log_days(Book& b, int goal, Day from, Day to) {
  for (Day d = from; d <= to; d += days{1}) {
    b.today = d;
    LogFields f;
    f.goal = Clearable<int>::value_type(goal);
    b.log(f);
  }
}

int task_due(Book& b, const std::string& title, Day due) {
  TaskFields f;
  f.due = Clearable<Day>::value_type(due);
  return b.task(title, f);
}

std::vector<ReminderKind> kinds(const std::vector<Reminder>& found) {
  std::vector<ReminderKind> out;
  for (const Reminder& r : found) out.push_back(r.kind);
  return out;
}

using K = ReminderKind;

}  // namespace

TEST_CASE("remind_after is a time on the day's own clock, day_start included", "[remind]") {
  const Config c;  // days start at 04:00, reminders from 18:00
  CHECK_FALSE(past_remind_after(at(march10, 17h + 59min), c));
  CHECK(past_remind_after(at(march10, 18h), c));
  CHECK(past_remind_after(at(march10, 23h + 59min), c));
  SECTION("01:30 is still the day before, and after its 18:00") {
    CHECK(today(at(march10 + days{1}, 1h + 30min), c) == march10);
    CHECK(past_remind_after(at(march10 + days{1}, 1h + 30min), c));
    CHECK_FALSE(past_remind_after(at(march10 + days{1}, 4h), c));
  }
  SECTION("the local time counts, not UTC") {
    // 22:00 in New York is 03:00 UTC the next calendar day.
    CHECK(past_remind_after(at(march10, 22h, -5h), c));
    CHECK_FALSE(past_remind_after(at(march10, 9h, +9h), c));
    CHECK(past_remind_after(at(march10, 18h, +9h), c));
  }
  SECTION("a remind_after before day_start is in the small hours at the day's end") {
    const Config late = remind_after(2);
    CHECK_FALSE(past_remind_after(at(march10, 23h), late));
    CHECK_FALSE(past_remind_after(at(march10 + days{1}, 1h + 59min), late));
    CHECK(past_remind_after(at(march10 + days{1}, 2h), late));
  }
  SECTION("a remind_after at day_start reminds all day") {
    CHECK(past_remind_after(at(march10, 4h), remind_after(4)));
  }
}

TEST_CASE("nothing to say is an empty list", "[remind]") {
  CHECK(reminders(State{}, at(march10, 20h), Config{}).empty());
  Book b(march1);
  const int g = goal(b, "Kaggle", "daily");
  log_days(b, g, march1, march10);
  task_due(b, "Later", march10 + days{1});
  CHECK(reminders(b.state, at(march10, 20h), Config{}).empty());
}

TEST_CASE("a daily streak at risk is reminded from remind_after on", "[remind]") {
  Book b(march1);
  const int g = goal(b, "Kaggle", "daily");
  log_days(b, g, march10 - days{5}, march10 - days{1});
  b.today = march10;
  CHECK(reminders(b.state, at(march10, 17h + 59min), Config{}).empty());
  const std::vector<Reminder> found = reminders(b.state, at(march10, 18h), Config{});
  REQUIRE(kinds(found) == std::vector<K>{K::streak_at_risk, K::checkin_streak});
  CHECK(found[0].goal == g);
  CHECK(found[0].streak.length == 5);
  CHECK(found[1].streak.length == 5);
  CHECK_FALSE(found[1].goal);
  SECTION("the small hours still count for the day before") {
    CHECK(kinds(reminders(b.state, at(march10 + days{1}, 1h + 30min), Config{})) ==
          std::vector<K>{K::streak_at_risk, K::checkin_streak});
    // From 04:00 it is a new day, and the streak is broken, not at risk.
    CHECK(reminders(b.state, at(march10 + days{2}, 20h), Config{}).empty());
  }
  SECTION("a later remind_after waits") {
    CHECK(reminders(b.state, at(march10, 19h), remind_after(20)).empty());
    CHECK(reminders(b.state, at(march10, 20h), remind_after(20)).size() == 2);
  }
  SECTION("a check-in today ends both reminders") {
    log_days(b, g, march10, march10);
    CHECK(reminders(b.state, at(march10, 20h), Config{}).empty());
  }
  SECTION("a check-in on another goal saves only the check-in streak") {
    const int other = goal(b, "Other", "none");
    log_days(b, other, march10, march10);
    CHECK(kinds(reminders(b.state, at(march10, 20h), Config{})) ==
          std::vector<K>{K::streak_at_risk});
  }
  SECTION("a paused, achieved or dropped goal owes nothing, nor does the check-in streak") {
    const GoalAction action = GENERATE(GoalAction::pause, GoalAction::achieve, GoalAction::drop);
    b.goal_action(g, action);
    CHECK(reminders(b.state, at(march10, 20h), Config{}).empty());
  }
  SECTION("a rest day for all goals leaves nothing at risk") {
    b.write(add_skip(b.state, march10, std::nullopt, "", b.stamp()));
    CHECK(reminders(b.state, at(march10, 20h), Config{}).empty());
  }
}

TEST_CASE("no streak, nothing at risk; a weekend leaves a weekdays goal alone", "[remind]") {
  Book b(march1);
  const int g = goal(b, "Read", "weekdays");
  SECTION("no streak yet") { CHECK(reminders(b.state, at(march10, 20h), Config{}).empty()); }
  SECTION("Saturday") {
    log_days(b, g, march10 - days{1}, march10 + days{3});  // Monday to Friday
    const Day saturday = march10 + days{4};
    // The check-in streak is at risk, but no goal requires a Saturday.
    CHECK(reminders(b.state, at(saturday, 20h), Config{}).empty());
    CHECK(kinds(reminders(b.state, at(saturday + days{2}, 20h), Config{})) ==
          std::vector<K>{K::streak_at_risk});  // Monday: the weekend bridged, no check-in streak
  }
}

TEST_CASE("an N/week target is reminded when every day left is needed", "[remind]") {
  Book b(march1);
  const int g = goal(b, "Gym", "3/week");
  const Day thursday = march10 + days{2};
  const Day friday = march10 + days{3};
  const Day sunday = march10 + days{5};
  SECTION("Thursday: four days left for three, still comfortable") {
    b.today = thursday;
    CHECK(reminders(b.state, at(thursday, 20h), Config{}).empty());
  }
  SECTION("Friday: three days left for three") {
    b.today = friday;
    CHECK(reminders(b.state, at(friday, 17h), Config{}).empty());
    const std::vector<Reminder> found = reminders(b.state, at(friday, 18h), Config{});
    REQUIRE(kinds(found) == std::vector<K>{K::target_at_risk});
    CHECK(found[0].goal == g);
    CHECK(found[0].needed.kind == PeriodKind::week);
    CHECK(found[0].needed.more == 3);
    CHECK(found[0].needed.last == sunday);
    CHECK(found[0].streak.length == 0);
  }
  SECTION("a check-in on Friday leaves room again") {
    log_days(b, g, friday, friday);
    CHECK(reminders(b.state, at(friday, 20h), Config{}).empty());
    CHECK(kinds(reminders(b.state, at(sunday - days{1}, 20h), Config{})) ==
          std::vector<K>{K::target_at_risk, K::checkin_streak});
  }
  SECTION("a week that can no longer be kept is not reminded") {
    b.today = sunday;
    CHECK(reminders(b.state, at(sunday, 20h), Config{}).empty());
  }
  SECTION("paused: nothing") {
    b.today = friday;
    b.goal_action(g, GoalAction::pause);
    CHECK(reminders(b.state, at(friday, 20h), Config{}).empty());
  }
}

TEST_CASE("an N/D target is reminded on the last day that can keep its window", "[remind]") {
  Book b(march1);
  const int g = goal(b, "Write", "2/7");
  log_days(b, g, march10 - days{6}, march10 - days{5});  // March 4 and 5
  // The window ending March 11 (March 5 to 11) holds one: it needs one more by March 11.
  CHECK(reminders(b.state, at(march10, 20h), Config{}).empty());
  const Day march11 = march10 + days{1};
  b.today = march11;
  const std::vector<Reminder> found = reminders(b.state, at(march11, 20h), Config{});
  REQUIRE(kinds(found) == std::vector<K>{K::target_at_risk});
  CHECK(found[0].needed.kind == PeriodKind::window);
  CHECK(found[0].needed.more == 1);
  CHECK(found[0].needed.last == march11);
  CHECK(found[0].streak.length > 0);
}

TEST_CASE("due and overdue open tasks are reminded at any hour", "[remind]") {
  Book b(march1);
  const int g = goal(b, "Kaggle", "none");
  const int late1 = task_due(b, "A day late", march10 - days{1});
  const int due_now = task_due(b, "Due today", march10);
  task_due(b, "Tomorrow", march10 + days{1});
  const int late3 = task_due(b, "Three days late", march10 - days{3});
  b.task_action(task_due(b, "Done", march10), TaskAction::done);
  b.task_action(task_due(b, "Dropped", march10 - days{1}), TaskAction::drop);
  b.task_action(due_now, TaskAction::start);  // doing is open
  b.today = march10;
  const std::vector<Reminder> found = reminders(b.state, at(march10, 5h), Config{});
  REQUIRE(kinds(found) == std::vector<K>{K::task_due, K::task_overdue, K::task_overdue});
  CHECK(found[0].task == due_now);
  CHECK(found[1].task == late3);
  CHECK(found[1].days_late == 3);
  CHECK(found[2].task == late1);
  CHECK(found[2].days_late == 1);
  SECTION("a paused goal's tasks still fall due, as in today") {
    TaskFields f;
    f.goal = Clearable<int>::value_type(g);
    f.due = Clearable<Day>::value_type(march10);
    const int under = b.task("Under a paused goal", f);
    b.goal_action(g, GoalAction::pause);
    CHECK(reminders(b.state, at(march10, 5h), Config{}).at(1).task == under);
  }
}

TEST_CASE("a sprint is reminded on its last day and until it is closed", "[remind]") {
  Book b(march1);
  SprintFields f;
  f.title = "Titanic";
  f.start = march1;
  f.end = march10;
  b.write(start_sprint(b.state, f, b.stamp(), b.today));
  CHECK(reminders(b.state, at(march10 - days{1}, 9h), Config{}).empty());
  const std::vector<Reminder> ends = reminders(b.state, at(march10, 9h), Config{});
  REQUIRE(kinds(ends) == std::vector<K>{K::sprint_ends});
  CHECK(ends[0].sprint == 0);
  const std::vector<Reminder> unclosed = reminders(b.state, at(march10 + days{2}, 9h), Config{});
  REQUIRE(kinds(unclosed) == std::vector<K>{K::sprint_unclosed});
  CHECK(unclosed[0].days_late == 2);
  b.today = march10 + days{2};
  b.write(close_sprint(b.state, {}, b.stamp(), b.today));
  CHECK(reminders(b.state, at(march10 + days{2}, 9h), Config{}).empty());
  SECTION("a planned sprint is not reminded") {
    f.start = march10 + days{3};
    f.end = march10 + days{3};
    b.write(start_sprint(b.state, f, b.stamp(), b.today));
    CHECK(reminders(b.state, at(march10 + days{2}, 9h), Config{}).empty());
  }
}

TEST_CASE("reminders come by kind: what today can save, then what is late", "[remind]") {
  Book b(march1);
  const int daily = goal(b, "Daily", "daily");
  const int weekly = goal(b, "Weekly", "7/week");
  log_days(b, daily, march10 - days{2}, march10 - days{1});
  log_days(b, weekly, march10 - days{1}, march10 - days{1});
  SprintFields f;
  f.title = "Sprint";
  f.start = march10 - days{1};
  f.end = march10 - days{1};
  b.write(start_sprint(b.state, f, b.stamp(), b.today));
  task_due(b, "Late", march10 - days{1});
  task_due(b, "Today", march10);
  b.today = march10;
  CHECK(kinds(reminders(b.state, at(march10, 21h), Config{})) ==
        std::vector<K>{K::streak_at_risk, K::target_at_risk, K::checkin_streak, K::task_due,
                       K::task_overdue, K::sprint_unclosed});
  CHECK(kinds(reminders(b.state, at(march10, 9h), Config{})) ==
        std::vector<K>{K::task_due, K::task_overdue, K::sprint_unclosed});
}

TEST_CASE("the check-in streak is reminded only on a day some active goal requires", "[remind]") {
  Book b(march1);
  const Day sat = sys_days{2026y / March / 14};
  const Day sun = sat + days{1};
  SECTION("weekdays: silent on Saturday and Sunday, reminded on Monday") {
    const int g = goal(b, "Work", "weekdays");
    log_days(b, g, sys_days{2026y / March / 9}, sat - days{1});
    CHECK(reminders(b.state, at(sat, 20h), Config{}).empty());
    log_days(b, g, sat, sat);  // weekend check-ins keep the check-in streak going
    CHECK(reminders(b.state, at(sun, 20h), Config{}).empty());
    log_days(b, g, sun, sun);
    CHECK(kinds(reminders(b.state, at(sun + days{1}, 20h), Config{})) ==
          std::vector<K>{K::streak_at_risk, K::checkin_streak});
    CHECK_FALSE(requires_checkin(b.state, g, sat, Config{}));
    CHECK(requires_checkin(b.state, g, sun + days{1}, Config{}));
  }
  SECTION("daily: not on a rest day") {
    const int g = goal(b, "Read", "daily");
    log_days(b, g, march10 - days{3}, march10 - days{1});
    CHECK(requires_checkin(b.state, g, march10, Config{}));
    b.write(add_skip(b.state, march10, g, "", b.stamp()));
    CHECK_FALSE(requires_checkin(b.state, g, march10, Config{}));
  }
  SECTION("N/week: while the week is short and can still be kept") {
    const int g = goal(b, "Gym", "2/week");
    log_days(b, g, march10 - days{1}, march10 - days{1});  // Monday
    CHECK(requires_checkin(b.state, g, march10, Config{}));
    log_days(b, g, march10, march10);
    CHECK_FALSE(requires_checkin(b.state, g, march10 + days{1}, Config{}));  // kept
  }
  SECTION("N/D: only when the window is lost without today") {
    const int g = goal(b, "Kaggle", "2/7");
    log_days(b, g, sys_days{2026y / March / 2}, sys_days{2026y / March / 2});
    log_days(b, g, sys_days{2026y / March / 4}, sys_days{2026y / March / 4});
    // The window 03-03…03-09 holds one check-in: 03-09 is the last day to add the second.
    CHECK_FALSE(requires_checkin(b.state, g, sys_days{2026y / March / 7}, Config{}));
    CHECK(requires_checkin(b.state, g, sys_days{2026y / March / 9}, Config{}));
  }
  SECTION("no cadence and no goals: never") {
    CHECK(reminders(b.state, at(march10, 20h), Config{}).empty());
    const int g = goal(b, "Someday", "none");
    log_days(b, g, march10 - days{2}, march10 - days{1});
    CHECK_FALSE(requires_checkin(b.state, g, march10, Config{}));
    CHECK(reminders(b.state, at(march10, 20h), Config{}).empty());
  }
}
