#include "momentum/commands.hpp"

#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <vector>

#include "builders.hpp"
#include "momentum/error.hpp"
#include "momentum/parse.hpp"
#include "momentum/sprint.hpp"

using namespace momentum;
using namespace momentum::test;
using namespace std::chrono;
using nlohmann::json;

namespace {

const Day march_10 = 2026y / March / 10;

// A State whose latest event is at `last`.
State state_at(Timestamp last) {
  State s;
  apply(s, event(uuid(1), last, "goal.add", {{"title", "G"}}));
  return s;
}

bool is_uuid_v4(const std::string& id) {
  static const std::regex form(
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  return std::regex_match(id, form);
}

}  // namespace

TEST_CASE("next_stamp takes the clock when it is ahead of the journal", "[commands]") {
  const Timestamp last = noon(march_10);
  const Clock clock{last + seconds{5}, hours{1}};
  const Stamp s = next_stamp(state_at(last), clock, {1, 2});
  CHECK(s.ts == clock.now);
  CHECK(s.tz == hours{1});
}

TEST_CASE("next_stamp goes 1 ms past the journal when the clock is behind or frozen",
          "[commands]") {
  const Timestamp last = noon(march_10);
  for (const Timestamp now : {last, last - milliseconds{1}, last - hours{24 * 365}}) {
    CAPTURE(format_timestamp(now));
    const Stamp s = next_stamp(state_at(last), Clock{now, minutes{-300}}, {1, 2});
    CHECK(s.ts == last + milliseconds{1});
    CHECK(s.tz == minutes{-300});
  }
}

TEST_CASE("next_stamp on an empty journal takes the clock", "[commands]") {
  const Clock clock{noon(march_10), minutes{0}};
  CHECK(next_stamp(State{}, clock, {1, 2}).ts == clock.now);
}

TEST_CASE("next_stamp stays strictly increasing under a frozen clock", "[commands]") {
  Book b(march_10);
  Timestamp previous{};
  for (int i = 0; i < 5; ++i) {
    const Event& e = b.write(add_skip(b.state, march_10 + days{i}, std::nullopt, "", b.stamp()));
    CHECK(e.stamp.ts > previous);
    previous = e.stamp.ts;
  }
  CHECK(previous == noon(march_10) + milliseconds{4});
}

TEST_CASE("next_stamp makes RFC 4122 version 4 UUIDs from the random bits", "[commands]") {
  const Clock clock{noon(march_10), minutes{0}};
  CHECK(next_stamp(State{}, clock, {0, 0}).id == "00000000-0000-4000-8000-000000000000");
  CHECK(next_stamp(State{}, clock, {~0ULL, ~0ULL}).id == "ffffffff-ffff-4fff-bfff-ffffffffffff");
  CHECK(next_stamp(State{}, clock, {0x0123456789abcdefULL, 0xfedcba9876543210ULL}).id ==
        "01234567-89ab-4def-bedc-ba9876543210");
  const std::uint64_t seed = GENERATE(take(20, random(std::uint64_t{0}, ~std::uint64_t{0})));
  const std::string id = next_stamp(State{}, clock, {seed, seed * 0x9e3779b97f4a7c15ULL}).id;
  CAPTURE(id);
  CHECK(is_uuid_v4(id));
}

// ---- goals

TEST_CASE("goal add writes the defaults it was not given", "[commands]") {
  Book b(march_10);
  GoalFields f;
  f.title = "G";
  const Change c = add_goal(b.state, f, b.stamp(), march_10);
  CHECK(op_of(c.event) == "goal.add");
  CHECK(data_of(c.event) == json{{"title", "G"},
                                 {"cadence", "daily"},
                                 {"importance", 3},
                                 {"tags", json::array()},
                                 {"day", "2026-03-10"}});
  CHECK(c.warnings.empty());
}

TEST_CASE("goal pause, resume, achieve and drop refuse what makes no sense", "[commands]") {
  Book b(march_10);
  const int g = b.goal("G");
  const auto change = [&](GoalAction action, std::optional<Day> until = std::nullopt) {
    return change_goal(b.state, g, action, until, b.stamp(), b.today);
  };

  SECTION("resume an active goal") {
    CHECK_THROWS_AS(change(GoalAction::resume), UsageError);
    CHECK_THROWS_WITH(change(GoalAction::resume), "goal 1 is already active");
  }
  SECTION("pause an achieved goal") {
    b.goal_action(g, GoalAction::achieve);
    CHECK_THROWS_WITH(change(GoalAction::pause),
                      "goal 1 is achieved; only an active goal can be paused");
  }
  SECTION("pause a dropped goal") {
    b.goal_action(g, GoalAction::drop);
    CHECK_THROWS_WITH(change(GoalAction::pause),
                      "goal 1 is dropped; only an active goal can be paused");
  }
  SECTION("achieve twice") {
    b.goal_action(g, GoalAction::achieve);
    CHECK_THROWS_WITH(change(GoalAction::achieve), "goal 1 is already achieved");
  }
  SECTION("drop twice") {
    b.goal_action(g, GoalAction::drop);
    CHECK_THROWS_WITH(change(GoalAction::drop), "goal 1 is already dropped");
  }
  SECTION("pause until today or earlier") {
    CHECK_THROWS_WITH(change(GoalAction::pause, march_10),
                      "--until '2026-03-10' must be after today (2026-03-10)");
    CHECK_THROWS_WITH(change(GoalAction::pause, 2026y / March / 1),
                      "--until '2026-03-01' must be after today (2026-03-10)");
  }
  SECTION("pause a paused goal without a new --until") {
    b.goal_action(g, GoalAction::pause, 2026y / March / 20);
    CHECK_THROWS_WITH(change(GoalAction::pause),
                      "goal 1 is already paused; give --until DATE to change when it resumes, or "
                      "'momentum goal resume 1'");
    b.goal_action(g, GoalAction::pause, 2026y / March / 25);
    CHECK(is_paused_on(b.goal_at(g), 2026y / March / 24));
    CHECK_FALSE(is_paused_on(b.goal_at(g), 2026y / March / 25));
  }
  SECTION("resume a pause that has already run out") {
    b.goal_action(g, GoalAction::pause, 2026y / March / 12);
    b.today = 2026y / March / 12;
    CHECK_THROWS_WITH(change(GoalAction::resume), "goal 1 is already active");
  }
}

TEST_CASE("goal pause, resume and achieve write a status event", "[commands]") {
  Book b(march_10);
  const int g = b.goal("G");
  const Change pause =
      change_goal(b.state, g, GoalAction::pause, Day{2026y / March / 14}, b.stamp(), march_10);
  CHECK(op_of(pause.event) == "goal.status");
  CHECK(data_of(pause.event) == json{{"goal", b.goal_at(g).id},
                                     {"status", "paused"},
                                     {"day", "2026-03-10"},
                                     {"until", "2026-03-14"}});
  b.write(pause);
  const Change resume =
      change_goal(b.state, g, GoalAction::resume, std::nullopt, b.stamp(), march_10);
  CHECK(data_of(resume.event).at("status") == "active");
  b.write(resume);
  b.goal_action(g, GoalAction::pause);
  // A paused goal may still be achieved.
  const Change achieve =
      change_goal(b.state, g, GoalAction::achieve, std::nullopt, b.stamp(), march_10);
  CHECK(data_of(achieve.event).at("status") == "achieved");
}

TEST_CASE("goal edit with nothing to change is refused", "[commands]") {
  Book b(march_10);
  const int g = b.goal("G");
  CHECK_THROWS_AS(edit_goal(b.state, g, GoalFields{}, b.stamp(), march_10), UsageError);
  CHECK_THROWS_WITH(edit_goal(b.state, g, GoalFields{}, b.stamp(), march_10),
                    "nothing to change; give 'goal edit' one of the options shown by --help");
  GoalFields clear_target;
  clear_target.target = std::optional<Day>();
  const Change c = edit_goal(b.state, g, clear_target, b.stamp(), march_10);
  CHECK(data_of(c.event).at("target").is_null());
}

// ---- tasks

TEST_CASE("task add writes the defaults it was not given", "[commands]") {
  Book b(march_10);
  const int g = b.goal("G");
  TaskFields f;
  f.title = "T";
  f.goal = Clearable<int>::value_type(g);
  f.due = Clearable<Day>::value_type(2026y / March / 20);
  const Change c = add_task(b.state, f, b.stamp(), march_10);
  CHECK(op_of(c.event) == "task.add");
  CHECK(data_of(c.event) == json{{"title", "T"},
                                 {"goal", b.goal_at(g).id},
                                 {"due", "2026-03-20"},
                                 {"kind", "do"},
                                 {"importance", 3},
                                 {"tags", json::array()},
                                 {"day", "2026-03-10"}});
}

TEST_CASE("task start, done, drop and reopen refuse what makes no sense", "[commands]") {
  Book b(march_10);
  const int t = b.task("T");
  const auto change = [&](TaskAction action) {
    return change_task(b.state, t, action, b.stamp(), b.today);
  };

  SECTION("start a doing task") {
    b.task_action(t, TaskAction::start);
    CHECK_THROWS_AS(change(TaskAction::start), UsageError);
    CHECK_THROWS_WITH(change(TaskAction::start), "task 1 is already started");
  }
  SECTION("start a done task") {
    b.task_action(t, TaskAction::done);
    CHECK_THROWS_WITH(change(TaskAction::start),
                      "task 1 is done; reopen it first ('momentum task reopen 1')");
  }
  SECTION("start a dropped task") {
    b.task_action(t, TaskAction::drop);
    CHECK_THROWS_WITH(change(TaskAction::start),
                      "task 1 is dropped; reopen it first ('momentum task reopen 1')");
  }
  SECTION("done twice") {
    b.task_action(t, TaskAction::done);
    CHECK_THROWS_WITH(change(TaskAction::done), "task 1 is already done");
  }
  SECTION("drop twice") {
    b.task_action(t, TaskAction::drop);
    CHECK_THROWS_WITH(change(TaskAction::drop), "task 1 is already dropped");
  }
  SECTION("reopen a todo task") {
    CHECK_THROWS_WITH(change(TaskAction::reopen),
                      "task 1 is still open (todo); only a done or dropped task can be reopened");
  }
  SECTION("reopen a doing task") {
    b.task_action(t, TaskAction::start);
    CHECK_THROWS_WITH(change(TaskAction::reopen),
                      "task 1 is still open (doing); only a done or dropped task can be "
                      "reopened");
  }
}

TEST_CASE("task done works from todo and from doing", "[commands]") {
  Book b(march_10);
  const int todo = b.task("todo");
  const int doing = b.task("doing");
  b.task_action(doing, TaskAction::start);
  CHECK(data_of(change_task(b.state, todo, TaskAction::done, b.stamp(), march_10).event) ==
        json{{"task", b.task_at(todo).id}, {"status", "done"}, {"day", "2026-03-10"}});
  CHECK(data_of(change_task(b.state, doing, TaskAction::done, b.stamp(), march_10).event)
            .at("status") == "done");
}

TEST_CASE("task reopen goes back to doing if started, else to todo", "[commands]") {
  Book b(march_10);
  const int started = b.task("started");
  const int never = b.task("never");
  b.task_action(started, TaskAction::start);
  b.task_action(started, TaskAction::done);
  b.task_action(never, TaskAction::drop);
  CHECK(data_of(change_task(b.state, started, TaskAction::reopen, b.stamp(), march_10).event)
            .at("status") == "doing");
  CHECK(data_of(change_task(b.state, never, TaskAction::reopen, b.stamp(), march_10).event)
            .at("status") == "todo");
}

TEST_CASE("task defer refuses closed tasks, past days and the same due day", "[commands]") {
  Book b(march_10);
  TaskFields f;
  f.due = Clearable<Day>::value_type(2026y / March / 12);
  const int t = b.task("T", f);

  SECTION("a done task") {
    b.task_action(t, TaskAction::done);
    CHECK_THROWS_AS(defer_task(b.state, t, 2026y / March / 20, "", b.stamp(), march_10),
                    UsageError);
    CHECK_THROWS_WITH(defer_task(b.state, t, 2026y / March / 20, "", b.stamp(), march_10),
                      "task 1 is done; only an open task can be deferred");
  }
  SECTION("a dropped task") {
    b.task_action(t, TaskAction::drop);
    CHECK_THROWS_WITH(defer_task(b.state, t, 2026y / March / 20, "", b.stamp(), march_10),
                      "task 1 is dropped; only an open task can be deferred");
  }
  SECTION("to the past") {
    CHECK_THROWS_WITH(defer_task(b.state, t, 2026y / March / 9, "", b.stamp(), march_10),
                      "--to '2026-03-09' is in the past; expected today (2026-03-10) or later");
  }
  SECTION("to the day it is already due") {
    CHECK_THROWS_WITH(defer_task(b.state, t, 2026y / March / 12, "", b.stamp(), march_10),
                      "task 1 is already due 2026-03-12");
  }
  SECTION("to today is allowed") {
    const Change c = defer_task(b.state, t, march_10, "", b.stamp(), march_10);
    CHECK(data_of(c.event) == json{{"task", b.task_at(t).id},
                                   {"from", "2026-03-12"},
                                   {"to", "2026-03-10"},
                                   {"day", "2026-03-10"}});
  }
}

TEST_CASE("task defer of a task without a due day records from as null", "[commands]") {
  Book b(march_10);
  const int t = b.task("T");
  const Change c = defer_task(b.state, t, 2026y / March / 15, "tired", b.stamp(), march_10);
  CHECK(op_of(c.event) == "task.defer");
  CHECK(data_of(c.event).at("from").is_null());
  CHECK(data_of(c.event).at("to") == "2026-03-15");
  CHECK(data_of(c.event).at("reason") == "tired");
}

TEST_CASE("task edit with nothing to change is refused", "[commands]") {
  Book b(march_10);
  const int t = b.task("T");
  CHECK_THROWS_AS(edit_task(b.state, t, TaskFields{}, b.stamp(), march_10), UsageError);
  CHECK_THROWS_WITH(edit_task(b.state, t, TaskFields{}, b.stamp(), march_10),
                    "nothing to change; give 'task edit' one of the options shown by --help");
  TaskFields clear_due;
  clear_due.due = std::optional<Day>();
  CHECK(data_of(edit_task(b.state, t, clear_due, b.stamp(), march_10).event).at("due").is_null());
}

// ---- check-ins

TEST_CASE("a check-in in the future is refused", "[commands]") {
  Book b(march_10);
  LogFields f;
  f.day = 2026y / March / 11;
  CHECK_THROWS_AS(add_log(b.state, f, b.stamp(), march_10), UsageError);
  CHECK_THROWS_WITH(add_log(b.state, f, b.stamp(), march_10),
                    "check-in day '2026-03-11' is in the future; a check-in counts for today "
                    "(2026-03-10) or earlier ('momentum log skip' plans a rest day)");
  const int l = b.log();
  CHECK_THROWS_WITH(edit_log(b.state, l, f, b.stamp(), march_10),
                    "check-in day '2026-03-11' is in the future; a check-in counts for today "
                    "(2026-03-10) or earlier ('momentum log skip' plans a rest day)");
}

TEST_CASE("a check-in defaults to today and 'do'", "[commands]") {
  Book b(march_10);
  const Change c = add_log(b.state, LogFields{}, b.stamp(), march_10);
  CHECK(op_of(c.event) == "log.add");
  CHECK(data_of(c.event) == json{{"day", "2026-03-10"}, {"kind", "do"}});
  CHECK(c.warnings.empty());
}

TEST_CASE("a check-in naming no goal or task counts for the implied goal", "[commands]") {
  Book b(march_10);
  const auto goal_of = [&](std::string_view default_goal = {}) {
    const Change c = add_log(b.state, LogFields{}, b.stamp(), march_10, default_goal);
    return data_of(c.event).value("goal", std::string("none"));
  };
  CHECK(goal_of() == "none");  // no goals at all
  CHECK(goal_of("kaggle").starts_with("none"));
  const int ml = b.goal("Become an ML engineer");
  SECTION("the only active goal") {
    CHECK(goal_of() == b.goal_at(ml).id);
    CHECK(implied_goal(b.state, march_10, "").source == GoalSource::only_active);
  }
  const int kaggle = b.goal("Win a Kaggle medal");
  SECTION("two active goals: the default, else none") {
    CHECK(goal_of() == "none");
    CHECK(goal_of("kaggle") == b.goal_at(kaggle).id);
    CHECK(implied_goal(b.state, march_10, "kaggle").source == GoalSource::default_goal);
    const Change c = add_log(b.state, LogFields{}, b.stamp(), march_10, "blog");
    CHECK_FALSE(data_of(c.event).contains("goal"));
    CHECK(c.warnings == std::vector<std::string>{
                            "config default_goal: unknown goal 'blog'; expected a goal number "
                            "(1 to 2), a UUID prefix or the start of a title word; the check-in "
                            "counts for no goal"});
  }
  SECTION("a paused goal is not active on the check-in's day") {
    b.goal_action(kaggle, GoalAction::pause, 2026y / March / 12);
    CHECK(goal_of() == b.goal_at(ml).id);
    LogFields later;
    later.day = 2026y / March / 9;  // before the pause: both goals were active
    CHECK_FALSE(data_of(add_log(b.state, later, b.stamp(), march_10).event).contains("goal"));
  }
  SECTION("the running sprint's goal first") {
    const SprintFields titanic{"Titanic", kaggle, march_10, 2026y / March / 16, {}, false};
    b.write(start_sprint(b.state, titanic, b.stamp(), march_10));
    CHECK(goal_of("ml") == b.goal_at(kaggle).id);
    CHECK(implied_goal(b.state, march_10, "ml").source == GoalSource::sprint);
    // Not on a day before the sprint (nor the goals: the default does not apply either), and
    // not when a goal or task is named.
    const ImpliedGoal before = implied_goal(b.state, 2026y / March / 9, "ml");
    CHECK_FALSE(before.goal);
    CHECK(before.warning ==
          "config default_goal: goal 1 was not active on 2026-03-09; the check-in counts for no "
          "goal");
    LogFields named;
    named.goal = Clearable<int>::value_type(ml);
    CHECK(data_of(add_log(b.state, named, b.stamp(), march_10).event)["goal"] == b.goal_at(ml).id);
    LogFields none;
    none.goal = Clearable<int>::value_type();
    CHECK(data_of(add_log(b.state, none, b.stamp(), march_10).event)["goal"].is_null());
  }
}

TEST_CASE("a backdated check-in counts for the goal or sprint of its own day", "[commands]") {
  Book b(2026y / March / 1);
  const int old_goal = b.goal("Old goal");
  const SprintFields sprint{"Titanic", old_goal, 2026y / March / 2, 2026y / March / 8, {}, false};
  b.write(start_sprint(b.state, sprint, b.stamp(), 2026y / March / 1));
  b.today = march_10;
  b.write(close_sprint(b.state, Retrospective{}, b.stamp(), march_10));
  b.goal_action(old_goal, GoalAction::achieve);
  const int new_goal = b.goal("New goal");
  // Today only the new goal is active; on 03-05 only the old one was (and its sprint ran).
  CHECK(implied_goal(b.state, march_10, "").goal == new_goal);
  const ImpliedGoal then = implied_goal(b.state, 2026y / March / 5, "");
  CHECK(then.goal == old_goal);
  CHECK(then.source == GoalSource::sprint);
  CHECK(implied_goal(b.state, 2026y / March / 9, "").source == GoalSource::only_active);
  // A default that was achieved by the day of the check-in does not apply.
  const int third = b.goal("Third");
  const ImpliedGoal achieved = implied_goal(b.state, march_10, "old");
  CHECK_FALSE(achieved.goal);
  CHECK(achieved.warning ==
        "config default_goal: goal 1 was not active on 2026-03-10; the check-in counts for no "
        "goal");
  CHECK(implied_goal(b.state, march_10, "third").goal == third);
}

TEST_CASE("a check-in on a done or dropped task is allowed with a warning", "[commands]") {
  Book b(march_10);
  const int t = b.task("T");
  b.task_action(t, TaskAction::done);
  const Change c = add_log(b.state, log_on_task(t), b.stamp(), march_10);
  CHECK(c.warnings ==
        std::vector<std::string>{"task 1 is done; the time counts and it stays done"});
  b.write(c);
  CHECK(replay_text(b.text).state.tasks.at(0).status == TaskStatus::done);

  const int dropped = b.task("D");
  b.task_action(dropped, TaskAction::drop);
  const int plain = b.log();
  const Change moved = edit_log(b.state, plain, log_on_task(dropped), b.stamp(), march_10);
  CHECK(moved.warnings ==
        std::vector<std::string>{"task 2 is dropped; the time counts and it stays dropped"});
}

TEST_CASE("a check-in on an open task has no warning", "[commands]") {
  Book b(march_10);
  const int t = b.task("T");
  CHECK(add_log(b.state, log_on_task(t), b.stamp(), march_10).warnings.empty());
}

TEST_CASE("log edit with nothing to change is refused", "[commands]") {
  Book b(march_10);
  const int l = b.log();
  CHECK_THROWS_AS(edit_log(b.state, l, LogFields{}, b.stamp(), march_10), UsageError);
  CHECK_THROWS_WITH(edit_log(b.state, l, LogFields{}, b.stamp(), march_10),
                    "nothing to change; give 'log edit' one of the options shown by --help");
}

TEST_CASE("a check-in moved onto a task takes the task's goal and kind", "[commands]") {
  Book b(march_10);
  const int g = b.goal("G");
  TaskFields tf;
  tf.goal = Clearable<int>::value_type(g);
  tf.kind = Kind::learn;
  const int t = b.task("T", tf);
  const int l = b.log();
  const Change c = edit_log(b.state, l, log_on_task(t), b.stamp(), march_10);
  CHECK(data_of(c.event) == json{{"log", b.log_at(l).id},
                                 {"task", b.task_at(t).id},
                                 {"goal", b.goal_at(g).id},
                                 {"kind", "learn"}});
}

TEST_CASE("log rm and skip write the ids they refer to", "[commands]") {
  Book b(march_10);
  const int g = b.goal("G");
  const int l = b.log();
  CHECK(data_of(remove_log(b.state, l, b.stamp()).event) == json{{"log", b.log_at(l).id}});
  CHECK(data_of(add_skip(b.state, 2026y / March / 12, g, "sick", b.stamp()).event) ==
        json{{"day", "2026-03-12"}, {"goal", b.goal_at(g).id}, {"reason", "sick"}});
  CHECK(data_of(add_skip(b.state, 2026y / March / 12, std::nullopt, "", b.stamp()).event) ==
        json{{"day", "2026-03-12"}});
}

TEST_CASE("a second rest day for the same day and goal is refused", "[commands]") {
  Book b(march_10);
  const int g = b.goal("G");
  b.write(add_skip(b.state, march_10, std::nullopt, "", b.stamp()));
  CHECK_THROWS_WITH(add_skip(b.state, march_10, std::nullopt, "", b.stamp()),
                    "2026-03-10 is already a rest day for all goals");
  b.write(add_skip(b.state, march_10, g, "", b.stamp()));  // one goal's rest day is another thing
  CHECK_THROWS_WITH(add_skip(b.state, march_10, g, "", b.stamp()),
                    "2026-03-10 is already a rest day for goal 1");
}

TEST_CASE("check-ins adding up to more than a day warn", "[commands]") {
  Book b(march_10);
  LogFields f;
  f.minutes = std::optional<int>(20 * 60);
  b.log(f);
  CHECK(b.warnings.empty());
  f.minutes = std::optional<int>(5 * 60);
  b.log(f);
  REQUIRE(b.warnings.size() == 1);
  CHECK(b.warnings[0] ==
        "check-ins on 2026-03-10 now add up to 25h, more than a day; 'momentum log list' shows "
        "them");
}
