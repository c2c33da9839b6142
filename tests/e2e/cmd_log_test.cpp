// momentum log [DURATION] [NOTE…] and log list | skip | edit | rm.
#include <catch2/catch.hpp>

#include "checks.hpp"
#include "sandbox.hpp"

using namespace momentum::test;

TEST_CASE("log prints the check-in and today's total", "[e2e][log]") {
  Sandbox box;
  CHECK(run_ok(box, {"log", "45m", "read", "the", "pandas", "docs"}) ==
        "Logged check-in 1: 45m do on no goal for today\n"
        "Today: 45m (learn 0m, do 45m) in 1 check-in\n"
        "Counts for no goal: add --goal G, or once 'momentum config set default_goal G'\n");
  CHECK(run_ok(box, {"log", "--learn", "30"}) ==
        "Logged check-in 2: 30m learn on no goal for today\n"
        "Today: 1h15m (learn 30m, do 45m) in 2 check-ins\n"
        "Counts for no goal: add --goal G, or once 'momentum config set default_goal G'\n");
  const auto logs = run_json(box, {"log", "list"})["logs"];
  REQUIRE(logs.size() == 2);
  CHECK(logs[0]["note"] == "read the pandas docs");
  CHECK(logs[0]["day"] == "2026-03-10");
  CHECK(logs[1]["kind"] == "learn");
}

TEST_CASE("log takes its first word as a duration only when it is one", "[e2e][log]") {
  const auto [words, minutes, note] = GENERATE(table<std::vector<std::string>, int, std::string>({
      {{"45m"}, 45, ""},
      {{"1h30m", "kaggle"}, 90, "kaggle"},
      {{"1.5h"}, 90, ""},
      {{"90", "minutes", "of", "reading"}, 90, "minutes of reading"},
      {{"2H"}, 120, ""},
      {{"24h"}, 1440, ""},
      {{"read docs"}, -1, "read docs"},
      {{"yesterday"}, -1, "yesterday"},
  }));
  Sandbox box;
  std::vector<std::string> args{"log"};
  args.insert(args.end(), words.begin(), words.end());
  const auto l = run_json(box, args);
  if (minutes < 0)
    CHECK(l["minutes"].is_null());
  else
    CHECK(l["minutes"] == minutes);
  CHECK(l["note"] == note);
}

TEST_CASE("log with nothing else is a bare check-in", "[e2e][log]") {
  Sandbox box;
  CHECK(run_ok(box, {"log"}) ==
        "Logged check-in 1: a check-in (do) on no goal for today\n"
        "Today: 0m (learn 0m, do 0m) in 1 check-in\n"
        "Counts for no goal: add --goal G, or once 'momentum config set default_goal G'\n");
}

TEST_CASE("log rejects bad durations, flags and dates and writes nothing", "[e2e][log][errors]") {
  Sandbox box;
  SECTION("with no journal yet") {}
  SECTION("with a journal") { run_ok(box, {"log", "10m"}); }
  check_rejects(box, {"log", "0"}, "duration '0' must be more than 0");
  check_rejects(box, {"log", "0m", "nothing"},
                "duration '0m' must be more than 0; to log a note that starts with a number, "
                "quote it: momentum log \"0m …\"");
  check_rejects(box, {"log", "--", "-5m"}, "duration '-5m' must be more than 0");
  check_rejects(box, {"log", "25h"}, "duration '25h' is longer than 24h");
  check_rejects(box, {"log", "1441"}, "duration '1441' is longer than 24h");
  check_rejects(box, {"log", "24h1m"}, "duration '24h1m' is longer than 24h");
  check_rejects(box, {"log", "5m", "--learn", "--do"}, "--learn excludes --do");
  check_rejects(box, {"log", "5m", "--resistance", "0"},
                "--resistance: '0' is not a whole number from 1 to 5");
  check_rejects(box, {"log", "5m", "--resistance", "6"},
                "--resistance: '6' is not a whole number from 1 to 5");
  check_rejects(box, {"log", "5m", "--date", "tomorrow"},
                "check-in day '2026-03-11' is in the future; a check-in counts for today "
                "(2026-03-10) or earlier ('momentum log skip' plans a rest day)");
  check_rejects(box, {"log", "5m", "--date", "2027-01-01"},
                "check-in day '2027-01-01' is in the future; a check-in counts for today "
                "(2026-03-10) or earlier ('momentum log skip' plans a rest day)");
  check_rejects(box, {"log", "5m", "--date", "2026-02-29"},
                "invalid date '2026-02-29' for --date; no such day");
  check_rejects(box, {"log", "5m", "--task", "1"},
                "unknown task '1'; there are no tasks yet "
                "(add one with 'momentum task add TITLE')");
  check_rejects(box, {"log", "5m", "--goal", "kaggle"},
                "unknown goal 'kaggle'; there are no goals yet "
                "(add one with 'momentum goal add TITLE')");
  check_rejects(box, {"log", "5m", std::string(4001, 'n')},
                "note is too long (4001 characters); at most 4000");
  check_rejects(box, {"log", "5m", "--tag", ""},
                "invalid tag ''; expected 1-50 characters without spaces or control "
                "characters");
}

TEST_CASE("log --date counts the check-in for an earlier day", "[e2e][log]") {
  Sandbox box;  // Tuesday 2026-03-10
  CHECK(run_json(box, {"log", "5m", "--date", "yesterday"})["day"] == "2026-03-09");
  CHECK(run_json(box, {"log", "5m", "--date", "-2d"})["day"] == "2026-03-08");
  CHECK(run_json(box, {"log", "5m", "--date", "monday"})["day"] == "2026-03-09");
  CHECK(run_json(box, {"log", "5m", "--date", "tuesday"})["day"] == "2026-03-03");
  CHECK(run_json(box, {"log", "5m", "--date", "2026-01-31"})["day"] == "2026-01-31");
  CHECK(run_ok(box, {"log", "5m", "--date", "today"}) ==
        "Logged check-in 6: 5m do on no goal for today\n"
        "Today: 5m (learn 0m, do 5m) in 1 check-in\n"
        "Counts for no goal: add --goal G, or once 'momentum config set default_goal G'\n");
  CHECK(run_ok(box, {"log", "5m", "--date", "yesterday"}) ==
        "Logged check-in 7: 5m do on no goal for Mon 2026-03-09\n"
        "Mon 2026-03-09: 15m (learn 0m, do 15m) in 3 check-ins\n"
        "Counts for no goal: add --goal G, or once 'momentum config set default_goal G'\n");
}

TEST_CASE("log on a todo task starts it and inherits its goal and kind", "[e2e][log]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Kaggle"});
  run_ok(box, {"task", "add", "Read ISLR", "--goal", "1", "--kind", "learn"});
  CHECK(run_ok(box, {"log", "45m", "--task", "1"}) ==
        "Logged check-in 1: 45m learn on goal 1 Kaggle, task 1 for today\n"
        "Today: 45m (learn 45m, do 0m) in 1 check-in\n");
  const auto t = run_json(box, {"task", "show", "1"});
  CHECK(t["status"] == "doing");
  CHECK(t["started"] == "2026-03-10T09:00:00.002Z");
  CHECK(t["minutes_logged"] == 45);
  const auto l = run_json(box, {"log", "list"})["logs"][0];
  CHECK(l["goal"] == 1);
  CHECK(l["task"] == 1);
  CHECK(l["kind"] == "learn");
}

TEST_CASE("log on a task keeps a kind or goal given explicitly", "[e2e][log]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Kaggle"});
  run_ok(box, {"goal", "add", "Writing"});
  run_ok(box, {"task", "add", "Read ISLR", "--goal", "1", "--kind", "learn"});
  const auto l = run_json(box, {"log", "20m", "--task", "1", "--do", "--goal", "writing"});
  CHECK(l["kind"] == "do");
  CHECK(l["goal"] == 2);
}

TEST_CASE("log on a done task warns and leaves it done", "[e2e][log]") {
  Sandbox box;
  run_ok(box, {"task", "add", "Titanic"});
  run_ok(box, {"task", "done", "1"});
  const Result r = box.run({"log", "30m", "--task", "1"});
  CHECK(r.code == 0);
  CHECK(r.err == "momentum: warning: task 1 is done; the time counts and it stays done\n");
  CHECK(r.out ==
        "Logged check-in 1: 30m do on no goal, task 1 for today\n"
        "Today: 30m (learn 0m, do 30m) in 1 check-in\n"
        "Counts for no goal: task 1 has none ('momentum task edit 1 --goal G')\n");
  const auto t = run_json(box, {"task", "show", "1"});
  CHECK(t["status"] == "done");
  CHECK(t["minutes_logged"] == 30);
}

TEST_CASE("log list shows the last 7 days unless --since or --all", "[e2e][log]") {
  Sandbox box;
  CHECK(run_ok(box, {"log", "list"}) ==
        "No check-ins in the last 7 days. Log one: momentum log 30m \"what you did\"\n");
  run_ok(box, {"goal", "add", "Kaggle"});
  run_ok(box, {"goal", "add", "Writing"});  // two goals: a plain check-in counts for neither
  run_ok(box, {"log", "10m", "old", "--date", "2026-03-03"});
  run_ok(box, {"log", "20m", "edge", "--date", "2026-03-04", "--goal", "1"});
  run_ok(box, {"log", "30m", "today"});
  CHECK(run_ok(box, {"log", "list"}) ==
        "#  Day             Time  Kind  Goal      Task / note\n"
        "2  Wed 2026-03-04   20m  do    1 Kaggle  edge\n"
        "3  Tue 2026-03-10   30m  do    -         today\n");
  auto nums = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"log", "list"});
    std::vector<int> out;
    const auto listed = run_json(box, args);
    for (const auto& l : listed["logs"]) out.push_back(l["num"]);
    return out;
  };
  CHECK(nums({"--all"}) == std::vector<int>{1, 2, 3});
  CHECK(nums({"--since", "2026-03-03"}) == std::vector<int>{1, 2, 3});
  CHECK(nums({"--since", "-1d"}) == std::vector<int>{3});
  CHECK(nums({"--goal", "kaggle", "--all"}) == std::vector<int>{2});
  check_rejects(box, {"log", "list", "--since", "last year"},
                "invalid date 'last year' for --since; expected YYYY-MM-DD, today, yesterday, "
                "tomorrow, a weekday, +3d, -2d, +1w, eow or eom");
}

TEST_CASE("log skip plans a rest day for one goal or for all", "[e2e][log]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Kaggle"});
  CHECK(run_ok(box, {"log", "skip", "--date", "tomorrow", "--reason", "travel"}) ==
        "Planned a rest day on Wed 2026-03-11 for all goals\n");
  CHECK(run_ok(box, {"log", "skip", "--goal", "kaggle"}) ==
        "Planned a rest day on Tue 2026-03-10 for goal 1 Kaggle\n");
  const auto skips = run_json(box, {"log", "list"})["skips"];
  REQUIRE(skips.size() == 2);
  check_rejects(box, {"log", "skip", "--date", "someday"},
                "invalid date 'someday' for --date; expected YYYY-MM-DD, today, yesterday, "
                "tomorrow, a weekday, +3d, -2d, +1w, eow or eom");
  check_rejects(box, {"log", "skip", "--goal", "2"},
                "unknown goal '2'; expected a goal number (1), a UUID prefix or the start of a "
                "title word");
}

TEST_CASE("log edit changes a check-in; log rm removes it", "[e2e][log]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Kaggle"});
  run_ok(box, {"log", "30m", "draft"});
  CHECK(run_ok(box, {"log", "edit", "1", "--duration", "40m", "--note", "fixed", "--learn",
                     "--goal", "1", "--resistance", "4"}) ==
        "Changed check-in 1: 40m learn on 1 Kaggle for today\n");
  auto l = run_json(box, {"log", "list"})["logs"][0];
  CHECK(l["minutes"] == 40);
  CHECK(l["note"] == "fixed");
  CHECK(l["resistance"] == 4);
  run_ok(box, {"log", "edit", "1", "--clear-goal", "--clear-duration", "--date", "yesterday"});
  l = run_json(box, {"log", "list"})["logs"][0];
  CHECK(l["goal"].is_null());
  CHECK(l["minutes"].is_null());
  CHECK(l["day"] == "2026-03-09");
  CHECK(run_ok(box, {"log", "rm", "1"}) ==
        "Removed check-in 1: a check-in (learn) for Mon 2026-03-09\n");
  CHECK(run_json(box, {"log", "list", "--all"})["logs"].empty());
  check_rejects(box, {"log", "rm", "1"}, "check-in '1' was removed");
  check_rejects(box, {"log", "edit", "1", "--note", "x"}, "check-in '1' was removed");
}

TEST_CASE("log edit moved onto a todo task starts it", "[e2e][log]") {
  Sandbox box;
  run_ok(box, {"task", "add", "Read ISLR", "--kind", "learn"});
  run_ok(box, {"log", "30m"});
  run_ok(box, {"log", "edit", "1", "--task", "1"});
  CHECK(run_json(box, {"log", "list"})["logs"][0]["kind"] == "learn");
  CHECK(run_json(box, {"task", "show", "1"})["status"] == "doing");
}

TEST_CASE("log edit and rm reject bad input and write nothing", "[e2e][log][errors]") {
  Sandbox box;
  run_ok(box, {"log", "30m"});
  run_ok(box, {"log", "15m"});
  check_rejects(box, {"log", "edit", "1"},
                "nothing to change; give 'log edit' one of the options shown by --help");
  check_rejects(box, {"log", "edit", "1", "--duration", "0"}, "duration '0' must be more than 0");
  check_rejects(box, {"log", "edit", "1", "--duration", "30h"},
                "duration '30h' is longer than 24h");
  check_rejects(box, {"log", "edit", "1", "--date", "tomorrow"},
                "check-in day '2026-03-11' is in the future; a check-in counts for today "
                "(2026-03-10) or earlier ('momentum log skip' plans a rest day)");
  check_rejects(box, {"log", "edit", "1", "--learn", "--do"}, "--learn excludes --do");
  check_rejects(box, {"log", "edit", "3", "--note", "x"},
                "unknown check-in '3'; expected a check-in number (1 to 2, see 'momentum log "
                "list') or a UUID prefix");
  check_rejects(box, {"log", "rm", "9"},
                "unknown check-in '9'; expected a check-in number (1 to 2, see 'momentum log "
                "list') or a UUID prefix");
  check_rejects(box, {"log", "rm"}, "LOG is required (see 'momentum log rm --help')");
}

TEST_CASE("log subcommands refuse stray words instead of ignoring them", "[e2e][log]") {
  Sandbox box;
  run_ok(box, {"log", "20m", "reading", "-q"});
  check_rejects(box, {"log", "list", "extra"},
                "unexpected argument 'extra' for 'momentum log list'; see 'momentum log list "
                "--help'");
  check_rejects(box, {"log", "rm", "1", "2"},
                "unexpected argument '2' for 'momentum log rm'; see 'momentum log rm --help'");
}

TEST_CASE("a plain check-in counts for the sprint's goal, the only goal or default_goal",
          "[e2e][log]") {
  Sandbox box;
  const auto goal_of = [&](std::vector<std::string> args) {
    args.insert(args.begin(), "log");
    return run_json(box, args)["goal"];
  };
  SECTION("the only active goal, and the streak it keeps") {
    run_ok(box, {"goal", "add", "Become an ML engineer", "--cadence", "daily"});
    CHECK(run_ok(box, {"log", "45m", "titanic features"}) ==
          "Logged check-in 1: 45m do on goal 1 Become an ML engineer for today\n"
          "Today: 45m (learn 0m, do 45m) in 1 check-in\n");
    CHECK(run_json(box, {"streak"})["goals"][0]["current"]["length"] == 1);
    run_ok(box, {"goal", "add", "Write", "-q"});
    run_ok(box, {"goal", "pause", "write", "-q"});
    CHECK(goal_of({"10m"}) == 1);  // a paused goal is not active
  }
  SECTION("the active sprint's goal before the only active goal") {
    run_ok(box, {"goal", "add", "Kaggle", "-q"});
    run_ok(box, {"goal", "add", "Writing", "-q"});
    CHECK(goal_of({"10m"}).is_null());
    run_ok(box, {"sprint", "start", "Titanic", "--goal", "writing", "-q"});
    CHECK(goal_of({"10m"}) == 2);
    CHECK(goal_of({"10m", "--goal", "kaggle"}) == 1);  // named: no guess
    run_ok(box, {"task", "add", "Free task", "-q"});
    CHECK(goal_of({"10m", "--task", "1"}).is_null());  // a task's own goal, even none
  }
  SECTION("config default_goal when no rule decides, stored as the goal's UUID") {
    run_ok(box, {"goal", "add", "Kaggle", "-q"});
    run_ok(box, {"goal", "add", "Writing", "-q"});
    const std::string uuid = run_json(box, {"goal", "show", "2"})["id"];
    CHECK(run_ok(box, {"config", "set", "default_goal", "writ"}) ==
          "default_goal = " + uuid + " (goal 2: Writing; in " +
              (box.dir() / "config.json").string() + ")\n");
    CHECK(run_ok(box, {"config", "get", "default_goal"}) == uuid + "\n");
    CHECK(goal_of({"10m"}) == 2);
    run_ok(box, {"sprint", "start", "Titanic", "--goal", "kaggle", "-q"});
    CHECK(goal_of({"10m"}) == 1);
  }
  SECTION("a default_goal that names no goal here warns and counts for none") {
    run_ok(box, {"goal", "add", "Kaggle", "-q"});
    run_ok(box, {"goal", "add", "Writing", "-q"});
    Sandbox::write_file(box.dir() / "config.json", R"({"default_goal": "blog"})");
    const Result r = box.run({"log", "10m"});
    CHECK(r.code == 0);
    CHECK(r.err ==
          "momentum: warning: config default_goal: unknown goal 'blog'; expected a goal number "
          "(1 to 2), a UUID prefix or the start of a title word; the check-in counts for no "
          "goal\n");
    CHECK(r.out.find("on no goal for today") != std::string::npos);
  }
  SECTION("config set default_goal checks the goal exists") {
    check_rejects(box, {"config", "set", "default_goal", "kaggle"},
                  "unknown goal 'kaggle'; there are no goals yet "
                  "(add one with 'momentum goal add TITLE')");
    run_ok(box, {"goal", "add", "Kaggle", "-q"});
    check_rejects(box, {"config", "set", "default_goal", "blog"},
                  "unknown goal 'blog'; expected a goal number (1), a UUID prefix or the start of "
                  "a title word");
    check_rejects(
        box, {"config", "set", "default_goal", ""},
        "default_goal must not be empty; 'momentum config unset default_goal' removes it");
    CHECK_FALSE(std::filesystem::exists(box.dir() / "config.json"));
  }
}

TEST_CASE("a mistyped duration is an error with a near miss, not a note", "[e2e][log][errors]") {
  Sandbox box;
  SECTION("with no journal yet") {}
  SECTION("with a journal") { run_ok(box, {"log", "10m"}); }
  const std::string forms = "expected minutes (90), 45m, 1h30m or 1.5h";
  check_rejects(box, {"log", "45x", "typo on purpose"},
                "invalid duration '45x'; " + forms +
                    " (did you mean '45m'?); to log a note that "
                    "starts with a number, quote it: momentum log \"45x …\"");
  check_rejects(box, {"log", "45x"}, "invalid duration '45x'; " + forms + " (did you mean '45m'?)");
  check_rejects(box, {"log", "1h3Om", "kaggle"},
                "invalid duration '1h3Om'; " + forms +
                    " (did you mean '1h30m'?); to log a note "
                    "that starts with a number, quote it: momentum log \"1h3Om …\"");
  check_rejects(box, {"log", "2024-01-01"}, "invalid duration '2024-01-01'; " + forms);
  // A quoted note that merely starts with a digit stays a note.
  const auto l = run_json(box, {"log", "3 chapters read"});
  CHECK(l["minutes"].is_null());
  CHECK(l["note"] == "3 chapters read");
}
