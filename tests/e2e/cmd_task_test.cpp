// momentum task add | list | next | show | start | done | drop | reopen | defer | edit.
#include <catch2/catch.hpp>

#include "checks.hpp"
#include "sandbox.hpp"

using namespace momentum::test;

namespace {

// A sandbox with goal 1 "Kaggle" and goal 2 "Become an ML engineer".
void add_goals(const Sandbox& box) {
  run_ok(box, {"goal", "add", "Kaggle"});
  run_ok(box, {"goal", "add", "Become an ML engineer"});
}

}  // namespace

TEST_CASE("task add prints the task with its kind, goal, due day and estimate", "[e2e][task]") {
  Sandbox box;
  add_goals(box);
  CHECK(run_ok(box, {"task", "add", "Titanic", "--goal", "kaggle", "--kind", "learn", "--due",
                     "tomorrow", "--estimate", "1h30m"}) ==
        "Added task 1: Titanic (learn, goal 1, due tomorrow, ~1h30m)\n");
  CHECK(run_ok(box, {"task", "add", "Read ISLR"}) == "Added task 2: Read ISLR (do)\n");
}

TEST_CASE("task add stores defaults and every field given", "[e2e][task]") {
  Sandbox box;
  add_goals(box);
  run_ok(box, {"task", "add", "Plain"});
  run_ok(box, {"task", "add", "Full", "--goal", "2", "--kind", "LEARN", "--due", "friday",
               "--importance", "5", "--estimate", "45", "--tag", "ml", "--tag", "+book"});
  const auto plain = run_json(box, {"task", "show", "1"});
  CHECK(plain["kind"] == "do");
  CHECK(plain["importance"] == 3);
  CHECK(plain["goal"].is_null());
  CHECK(plain["due"].is_null());
  CHECK(plain["estimate"].is_null());
  CHECK(plain["status"] == "todo");
  const auto full = run_json(box, {"task", "show", "2"});
  CHECK(full["goal"] == 2);
  CHECK(full["kind"] == "learn");
  CHECK(full["due"] == "2026-03-13");
  CHECK(full["importance"] == 5);
  CHECK(full["estimate"] == 45);
  CHECK(full["tags"] == nlohmann::json({"ml", "book"}));
}

TEST_CASE("task add rejects bad input and writes nothing", "[e2e][task][errors]") {
  Sandbox box;
  SECTION("with no journal yet") {
    check_rejects(box, {"task", "add", "x", "--goal", "1"},
                  "unknown goal '1'; there are no goals yet "
                  "(add one with 'momentum goal add TITLE')");
  }
  SECTION("with goals") {
    add_goals(box);
    check_rejects(box, {"task", "add", "x", "--goal", "3"},
                  "unknown goal '3'; expected a goal number (1 to 2), a UUID prefix or the start "
                  "of a title word");
  }
  check_rejects(box, {"task", "add", ""}, "title must not be empty");
  check_rejects(box, {"task", "add", std::string(201, 'y')},
                "title is too long (201 characters); at most 200");
  check_rejects(box, {"task", "add", "x", "--kind", "lern"},
                "unknown kind 'lern'; expected learn or do (did you mean 'learn'?)");
  check_rejects(box, {"task", "add", "x", "--importance", "0"},
                "--importance: '0' is not a whole number from 1 to 5");
  check_rejects(box, {"task", "add", "x", "--importance", "6"},
                "--importance: '6' is not a whole number from 1 to 5");
  check_rejects(box, {"task", "add", "x", "--estimate", "0"}, "duration '0' must be more than 0");
  check_rejects(box, {"task", "add", "x", "--estimate", "25h"},
                "duration '25h' is longer than 24h");
  check_rejects(box, {"task", "add", "x", "--estimate", "soon"},
                "invalid duration 'soon'; expected minutes (90), 45m, 1h30m or 1.5h");
  check_rejects(box, {"task", "add", "x", "--due", "2026-13-01"},
                "invalid date '2026-13-01' for --due; no such day");
  check_rejects(box, {"task", "add", "x", "--due", "tomorow"},
                "invalid date 'tomorow' for --due; expected YYYY-MM-DD, today, yesterday, "
                "tomorrow, a weekday, +3d, -2d, +1w, eow or eom (did you mean 'tomorrow'?)");
}

TEST_CASE("task list shows open tasks, filtered by goal or status", "[e2e][task]") {
  Sandbox box;
  CHECK(run_ok(box, {"task", "list"}) ==
        "No tasks yet. Add one: momentum task add \"Read chapter 1\" --goal 1\n");
  add_goals(box);
  run_ok(box, {"task", "add", "Titanic", "--goal", "1", "--due", "today"});
  run_ok(box, {"task", "add", "Read ISLR", "--goal", "2", "--kind", "learn"});
  run_ok(box, {"task", "add", "Old idea"});
  run_ok(box, {"task", "start", "2"});
  run_ok(box, {"task", "drop", "3"});
  CHECK(run_ok(box, {"task", "list"}) ==
        "#  Task       Goal                  Kind   Imp  Due    Status\n"
        "1  Titanic    1 Kaggle              do       3  today  todo\n"
        "2  Read ISLR  2 Become an ML engi…  learn    3  -      doing\n");
  auto nums = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"task", "list"});
    std::vector<int> out;
    for (const auto& t : run_json(box, args)) out.push_back(t["num"]);
    return out;
  };
  CHECK(nums({"--goal", "become"}) == std::vector<int>{2});
  CHECK(nums({"--status", "dropped"}) == std::vector<int>{3});
  CHECK(nums({"--status", "open"}) == std::vector<int>{1, 2});
  CHECK(nums({"--all"}) == std::vector<int>{1, 2, 3});
  CHECK(run_ok(box, {"task", "list", "--status", "done"}) ==
        "No tasks match. 'momentum task list --all' shows every task.\n");
  check_rejects(box, {"task", "list", "--status", "finished"},
                "--status: unknown status 'finished'; expected todo, doing, done, dropped or "
                "open");
  check_rejects(box, {"task", "list", "--goal", "nope"},
                "unknown goal 'nope'; expected a goal number (1 to 2), a UUID prefix or the start "
                "of a title word");
}

TEST_CASE("task next picks the most urgent open task", "[e2e][task]") {
  Sandbox box;
  CHECK(run_ok(box, {"task", "next"}) ==
        "Nothing open. Add a task: momentum task add \"Read chapter 1\" --goal 1\n");
  run_ok(box, {"task", "add", "Someday", "--importance", "1"});
  run_ok(box, {"task", "add", "Urgent", "--importance", "5", "--due", "today"});
  CHECK(run_ok(box, {"task", "next"}) ==
        "Next: task 2: Urgent (do, due today)\n"
        "Start it: momentum task start 2   (why this one: momentum task next --explain)\n");
  const std::string explained = run_ok(box, {"task", "next", "--explain"});
  CHECK_THAT(explained, Catch::StartsWith("Next: task 2: Urgent (do, due today)\n"));
  CHECK_THAT(explained, Catch::Contains("Someday"));
  const auto ranked = run_json(box, {"task", "next"});
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0]["num"] == 2);
  CHECK(ranked[0].contains("urgency"));
}

TEST_CASE("task start, done, drop and reopen move a task through its states", "[e2e][task]") {
  Sandbox box;
  run_ok(box, {"task", "add", "Titanic"});
  run_ok(box, {"task", "add", "Never started"});
  CHECK(run_ok(box, {"task", "start", "1"}) == "Started task 1: Titanic (do)\n");
  CHECK(run_json(box, {"task", "show", "1"})["status"] == "doing");
  box.now("2026-03-12T18:00:00Z");
  CHECK(run_ok(box, {"task", "done", "1"}) ==
        "Done: task 1: Titanic (do)\nFinished 2 days after it was added; 0m logged on it.\n");
  CHECK(run_json(box, {"task", "show", "1"})["status"] == "done");
  CHECK(run_ok(box, {"task", "reopen", "1"}) == "Reopened task 1: Titanic (do)\n");
  CHECK(run_json(box, {"task", "show", "1"})["status"] == "doing");  // it was started
  CHECK(run_ok(box, {"task", "drop", "2"}) == "Dropped task 2: Never started (do)\n");
  run_ok(box, {"task", "reopen", "2"});
  CHECK(run_json(box, {"task", "show", "2"})["status"] == "todo");  // it never was
}

TEST_CASE("task status changes that make no sense are rejected", "[e2e][task][errors]") {
  Sandbox box;
  run_ok(box, {"task", "add", "Titanic"});
  check_rejects(box, {"task", "reopen", "1"},
                "task 1 is still open (todo); only a done or dropped task can be reopened");
  run_ok(box, {"task", "start", "1"});
  check_rejects(box, {"task", "start", "1"}, "task 1 is already started");
  run_ok(box, {"task", "done", "1"});
  check_rejects(box, {"task", "start", "1"},
                "task 1 is done; reopen it first ('momentum task reopen 1')");
  check_rejects(box, {"task", "done", "1"}, "task 1 is already done");
  check_rejects(box, {"task", "drop", "1"}, "task 1 is already done");
  check_rejects(box, {"task", "defer", "1", "--to", "friday"},
                "task 1 is done; only an open task can be deferred");
}

TEST_CASE("an unknown or ambiguous task is an error", "[e2e][task][ids][errors]") {
  Sandbox box;
  check_rejects(box, {"task", "start", "1"},
                "unknown task '1'; there are no tasks yet "
                "(add one with 'momentum task add TITLE')");
  box.write_journal(
      header_line() +
      task_line("abcd1111-0000-4000-8000-000000000001", "2026-03-01T09:00:00.000Z", "One") +
      task_line("abcd2222-0000-4000-8000-000000000002", "2026-03-02T09:00:00.000Z", "Two"));
  check_rejects(box, {"task", "done", "abcd"},
                "task 'abcd' is ambiguous: it matches tasks 1 (One), 2 (Two); type more of it "
                "or use the number");
  check_rejects(box, {"task", "show", "3"},
                "unknown task '3'; expected a task number (1 to 2) or a UUID prefix");
  check_rejects(box, {"task", "show", "abc"},
                "unknown task 'abc'; expected a task number (1 to 2) or a UUID prefix");
  check_rejects(box, {"task", "start", "ffff"},
                "unknown task 'ffff'; expected a task number (1 to 2) or a UUID prefix");
  CHECK(run_json(box, {"task", "show", "ABCD2"})["title"] == "Two");
  CHECK(run_json(box, {"task", "show", "abcd1111-0000-4000-8000-000000000001"})["num"] == 1);
  CHECK(run_ok(box, {"task", "start", "abcd2"}) == "Started task 2: Two (do)\n");
}

TEST_CASE("task show prints the task's fields and history", "[e2e][task]") {
  Sandbox box;
  add_goals(box);
  run_ok(box, {"task", "add", "Titanic", "--goal", "1", "--kind", "learn", "--due", "2026-03-11",
               "--estimate", "2h", "--tag", "ml"});
  box.now("2026-03-11T09:00:00Z");
  run_ok(box, {"task", "defer", "1", "--to", "2026-03-13", "--reason", "sick"});
  run_ok(box, {"log", "45m", "--task", "1"});
  CHECK(run_ok(box, {"--no-color", "task", "show", "1"}) ==
        "Task 1: Titanic\n"
        "Status      doing\n"
        "Goal        1 Kaggle\n"
        "Kind        learn\n"
        "Importance  3/5\n"
        "Estimate    2h\n"
        "Due         Fri 2026-03-13 (in 2d)\n"
        "Tags        ml\n"
        "Created     Tue 2026-03-10\n"
        "Started     Wed 2026-03-11\n"
        "Deferred    Wed 2026-03-11: 2026-03-11 -> 2026-03-13 (sick)\n"
        "Logged      45m\n");
}

TEST_CASE("task defer sets the due day and records each deferral", "[e2e][task]") {
  Sandbox box;
  run_ok(box, {"task", "add", "Titanic"});
  CHECK(run_ok(box, {"task", "defer", "1", "--to", "tomorrow", "--reason", "tired"}) ==
        "Deferred task 1: Titanic (do, due tomorrow)\n");
  auto t = run_json(box, {"task", "show", "1"});
  CHECK(t["due"] == "2026-03-11");
  REQUIRE(t["deferrals"].size() == 1);
  run_ok(box, {"task", "defer", "1", "--to", "today"});  // today itself is allowed
  const Result third = box.run({"task", "defer", "1", "--to", "+1w"});
  CHECK(third.code == 0);
  CHECK(third.out == "Deferred task 1: Titanic (do, due in 7d)\n");
  CHECK(third.err ==
        "momentum: warning: task 1 has been deferred 3 times; try breaking it into a smaller "
        "first step you can do today\n");
  t = run_json(box, {"task", "show", "1"});
  CHECK(t["due"] == "2026-03-17");
  CHECK(t["deferrals"].size() == 3);
}

TEST_CASE("task defer rejects bad input and writes nothing", "[e2e][task][errors]") {
  Sandbox box;
  run_ok(box, {"task", "add", "Titanic", "--due", "friday"});
  check_rejects(box, {"task", "defer", "1", "--to", "yesterday"},
                "--to '2026-03-09' is in the past; expected today (2026-03-10) or later");
  check_rejects(box, {"task", "defer", "1", "--to", "2026-03-01"},
                "--to '2026-03-01' is in the past; expected today (2026-03-10) or later");
  check_rejects(box, {"task", "defer", "1", "--to", "2026-03-13"},
                "task 1 is already due 2026-03-13");
  check_rejects(box, {"task", "defer", "1", "--to", "later"},
                "invalid date 'later' for --to; expected YYYY-MM-DD, today, yesterday, tomorrow, "
                "a weekday, +3d, -2d, +1w, eow or eom");
  check_rejects(box, {"task", "defer", "1"}, "--to is required (see 'momentum task defer --help')");
  check_rejects(box, {"task", "defer", "2", "--to", "friday"},
                "unknown task '2'; expected a task number (1) or a UUID prefix");
}

TEST_CASE("task edit changes only the fields given", "[e2e][task]") {
  Sandbox box;
  add_goals(box);
  run_ok(box, {"task", "add", "Titanic", "--goal", "1", "--due", "friday", "--estimate", "1h"});
  CHECK(run_ok(box, {"task", "edit", "1", "--title", "Titanic v2", "--kind", "learn"}) ==
        "Changed task 1: Titanic v2 (learn, goal 1, due in 3d, ~1h)\n");
  run_ok(box, {"task", "edit", "1", "--goal", "become"});
  CHECK(run_json(box, {"task", "show", "1"})["goal"] == 2);
  run_ok(box, {"task", "edit", "1", "--clear-goal", "--clear-due", "--clear-estimate"});
  const auto t = run_json(box, {"task", "show", "1"});
  CHECK(t["title"] == "Titanic v2");
  CHECK(t["goal"].is_null());
  CHECK(t["due"].is_null());
  CHECK(t["estimate"].is_null());
  CHECK(t["kind"] == "learn");
}

TEST_CASE("task edit rejects bad input and writes nothing", "[e2e][task][errors]") {
  Sandbox box;
  run_ok(box, {"task", "add", "Titanic"});
  check_rejects(box, {"task", "edit", "1"},
                "nothing to change; give 'task edit' one of the options shown by --help");
  check_rejects(box, {"task", "edit", "1", "--title", "  "}, "title must not be empty");
  check_rejects(box, {"task", "edit", "1", "--goal", "kaggle"},
                "unknown goal 'kaggle'; there are no goals yet "
                "(add one with 'momentum goal add TITLE')");
  check_rejects(box, {"task", "edit", "1", "--kind", "read"},
                "unknown kind 'read'; expected learn or do");
  check_rejects(box, {"task", "edit", "7", "--title", "x"},
                "unknown task '7'; expected a task number (1) or a UUID prefix");
}

TEST_CASE("task next --explain shows the top 10 and says how many there are", "[e2e][task]") {
  Sandbox box;
  for (int i = 1; i <= 12; ++i) run_ok(box, {"task", "add", "T" + std::to_string(i), "-q"});
  const std::string out = run_ok(box, {"task", "next", "--explain"});
  CHECK_THAT(out, Catch::EndsWith("The top 10 of 12 open tasks; 'momentum task next --json' ranks "
                                  "them all.\n"));
  CHECK(out.find("T11") == std::string::npos);  // ties: the older task first
  CHECK(run_json(box, {"task", "next"}).size() == 12);
}
