// momentum goal add | list | show | edit | pause | resume | achieve | drop, end to end.
#include <catch2/catch.hpp>

#include "checks.hpp"
#include "sandbox.hpp"

using namespace momentum::test;

TEST_CASE("goal add prints the new goal's number and a next step", "[e2e][goal]") {
  Sandbox box;
  const Result r = box.run({"goal", "add", "Become an ML engineer"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "Added goal 1: Become an ML engineer (daily)\n"
        "Next: add a first task with 'momentum task add TITLE --goal 1'\n");
  const auto lines = box.journal_lines();
  REQUIRE(lines.size() == 2);
  CHECK(nlohmann::json::parse(lines[0])["momentum"] == "journal");
  CHECK(nlohmann::json::parse(lines[1])["op"] == "goal.add");
}

TEST_CASE("goal add stores defaults: importance 3, cadence daily, no tags", "[e2e][goal]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Kaggle"});
  const auto g = run_json(box, {"goal", "show", "1"});
  CHECK(g["num"] == 1);
  CHECK(g["title"] == "Kaggle");
  CHECK(g["importance"] == 3);
  CHECK(g["cadence"] == "daily");
  CHECK(g["status"] == "active");
  CHECK(g["target"].is_null());
  CHECK(g["tags"] == nlohmann::json::array());
  CHECK(g["created"] == "2026-03-10T09:00:00.000Z");
}

TEST_CASE("goal add stores every field given", "[e2e][goal]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "  Become an ML engineer  ", "--why", "a job I love", "--importance",
               "5", "--cadence", "3/WEEK", "--target", "2026-12-31", "--tag", "ml", "--tag",
               "#career", "--tag", "ml"});
  const auto g = run_json(box, {"goal", "show", "1"});
  CHECK(g["title"] == "Become an ML engineer");
  CHECK(g["why"] == "a job I love");
  CHECK(g["importance"] == 5);
  CHECK(g["cadence"] == "3/week");
  CHECK(g["target"] == "2026-12-31");
  CHECK(g["tags"] == nlohmann::json({"ml", "career"}));
}

TEST_CASE("goal add accepts a 200-character title and a relative target", "[e2e][goal]") {
  Sandbox box;
  const std::string title(200, 'x');
  run_ok(box, {"goal", "add", title, "--target", "+1w"});
  const auto g = run_json(box, {"goal", "show", "1"});
  CHECK(g["title"] == title);
  CHECK(g["target"] == "2026-03-17");
}

TEST_CASE("goal add rejects bad input and writes nothing", "[e2e][goal][errors]") {
  Sandbox box;
  SECTION("with no journal yet") {}
  SECTION("with a journal") { run_ok(box, {"goal", "add", "Existing"}); }
  check_rejects(box, {"goal", "add", ""}, "title must not be empty");
  check_rejects(box, {"goal", "add", " \t "}, "title must not be empty");
  check_rejects(box, {"goal", "add", std::string(201, 'x')},
                "title is too long (201 characters); at most 200");
  check_rejects(box, {"goal", "add", "x", "--importance", "0"},
                "--importance: '0' is not a whole number from 1 to 5");
  check_rejects(box, {"goal", "add", "x", "--importance", "6"},
                "--importance: '6' is not a whole number from 1 to 5");
  check_rejects(box, {"goal", "add", "x", "--cadence", "3/wk"},
                "unknown cadence '3/wk'; expected daily, weekdays, N/week, N/D or none");
  check_rejects(box, {"goal", "add", "x", "--cadence", "dayly"},
                "unknown cadence 'dayly'; expected daily, weekdays, N/week, N/D or none "
                "(did you mean 'daily'?)");
  check_rejects(box, {"goal", "add", "x", "--cadence", "8/week"},
                "cadence '8/week' is out of range; N/week takes N from 1 to 7");
  check_rejects(box, {"goal", "add", "x", "--cadence", "0/week"},
                "cadence '0/week' is out of range; N/week takes N from 1 to 7");
  check_rejects(box, {"goal", "add", "x", "--cadence", "8/7"},
                "cadence '8/7' is out of range; N/D takes 1 <= N <= D <= 365");
  check_rejects(box, {"goal", "add", "x", "--target", "2026-02-30"},
                "invalid date '2026-02-30' for --target; no such day");
  check_rejects(box, {"goal", "add", "x", "--target", "someday"},
                "invalid date 'someday' for --target; expected YYYY-MM-DD, today, yesterday, "
                "tomorrow, a weekday, +3d, -2d, +1w, eow or eom");
  check_rejects(box, {"goal", "add", "x", "--tag", "two words"},
                "invalid tag 'two words'; expected 1-50 characters without spaces or control "
                "characters");
  check_rejects(box, {"goal", "add", "\xff\xfe"}, "title is not valid UTF-8");
}

TEST_CASE("goal list shows active and paused goals; --all shows every goal", "[e2e][goal]") {
  Sandbox box;
  CHECK(run_ok(box, {"goal", "list"}) ==
        "No goals yet. Add one: momentum goal add \"Become an ML engineer\"\n");
  for (const char* t : {"Alpha", "Beta", "Gamma", "Delta"}) run_ok(box, {"goal", "add", t});
  run_ok(box, {"goal", "pause", "beta"});
  run_ok(box, {"goal", "achieve", "gamma"});
  run_ok(box, {"goal", "drop", "delta"});
  CHECK(run_ok(box, {"goal", "list"}) ==
        "#  Goal   Cadence  Imp  Done  Target  Status\n"
        "1  Alpha  daily      3   0/0  -       active\n"
        "2  Beta   daily      3   0/0  -       paused\n");
  const auto all = run_json(box, {"goal", "list", "--all"});
  REQUIRE(all.size() == 4);
  CHECK(all[2]["status"] == "achieved");
  CHECK(all[3]["status"] == "dropped");
}

TEST_CASE("goal list says so when no goal is active", "[e2e][goal]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Alpha"});
  run_ok(box, {"goal", "achieve", "1"});
  CHECK(run_ok(box, {"goal", "list"}) ==
        "No active goals. 'momentum goal list --all' shows the others.\n");
}

TEST_CASE("goal show says in words which cadence a goal keeps", "[e2e][goal]") {
  const auto [cadence, words] = GENERATE(table<std::string, std::string>({
      {"daily", "daily: a check-in every day"},
      {"weekdays", "weekdays: a check-in every Monday to Friday"},
      {"3/week", "3/week: check-ins on 3 different days each calendar week"},
      {"3/7", "3/7: check-ins on 3 days in any 7 days in a row (a rolling window)"},
      {"none", "none: no streak is kept"},
  }));
  Sandbox box;
  run_ok(box, {"goal", "add", "Kaggle", "--cadence", cadence});
  CHECK_THAT(run_ok(box, {"goal", "show", "1"}), Catch::Contains("Cadence     " + words + "\n"));
}

TEST_CASE("goal show says what the current week still needs", "[e2e][goal]") {
  Sandbox box;  // Tuesday 2026-03-10; the week began on Monday the 9th
  box.now("2026-03-09T09:00:00Z");
  run_ok(box, {"goal", "add", "Kaggle", "--cadence", "3/week"});
  box.now("2026-03-10T09:00:00Z");
  run_ok(box, {"log", "30m", "--goal", "1"});
  CHECK_THAT(run_ok(box, {"goal", "show", "1"}), Catch::Contains("2 more days this week"));
  // A goal added mid-week asks only for the days it had: Monday was before it existed.
  run_ok(box, {"goal", "add", "Blog", "--cadence", "3/week"});
  run_ok(box, {"log", "30m", "--goal", "2"});
  CHECK_THAT(run_ok(box, {"goal", "show", "2"}), Catch::Contains("1 more day this week"));
}

TEST_CASE("goal show prints the goal's fields and open tasks", "[e2e][goal]") {
  Sandbox box;
  run_ok(box,
         {"goal", "add", "Kaggle", "--why", "prove it", "--target", "2026-03-20", "--tag", "ml"});
  run_ok(box, {"task", "add", "Titanic", "--goal", "1", "--kind", "learn"});
  run_ok(box, {"log", "45m", "--task", "1"});
  const std::string out = run_ok(box, {"--no-color", "goal", "show", "1"});
  CHECK_THAT(out, Catch::StartsWith("Goal 1: Kaggle\n"
                                    "Why         prove it\n"
                                    "Importance  3/5\n"
                                    "Cadence     daily: a check-in every day\n"
                                    "Status      active\n"
                                    "Target      Fri 2026-03-20 (10 days from today)\n"
                                    "Tags        ml\n"
                                    "Created     Tue 2026-03-10\n"));
  CHECK_THAT(out,
             Catch::Contains("Check-ins   1 in all: 45m learn, 0m do; 45m in the last 30 days\n"
                             "Tasks       1 open, 0 done\n"
                             "\n"
                             "#  Open task  Kind   Due  Status\n"
                             "1  Titanic    learn  -    doing\n"));
}

TEST_CASE("a goal is found by number, UUID prefix or case-insensitive title prefix",
          "[e2e][goal][ids]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Kaggle"});
  run_ok(box, {"goal", "add", "Kaggle competitions"});
  run_ok(box, {"goal", "add", "Become an ML engineer"});
  const std::string uuid = run_json(box, {"goal", "show", "3"})["id"];
  CHECK(run_json(box, {"goal", "show", "#2"})["num"] == 2);
  CHECK(run_json(box, {"goal", "show", uuid.substr(0, 4)})["num"] == 3);
  CHECK(run_json(box, {"goal", "show", uuid})["num"] == 3);
  CHECK(run_json(box, {"goal", "show", "BECOME"})["num"] == 3);
  CHECK(run_json(box, {"goal", "show", "kaggle c"})["num"] == 2);
  // An exact title wins over the longer titles it prefixes.
  CHECK(run_json(box, {"goal", "show", "kaggle"})["num"] == 1);
}

TEST_CASE("an ambiguous goal title prefix is an error", "[e2e][goal][ids][errors]") {
  Sandbox box;
  box.write_journal(
      header_line() +
      goal_line("aaaa1111-0000-4000-8000-000000000001", "2026-03-01T09:00:00.000Z", "Kaggle") +
      goal_line("aaaa2222-0000-4000-8000-000000000002", "2026-03-02T09:00:00.000Z", "Kayak trip"));
  check_rejects(box, {"goal", "show", "ka"},
                "goal 'ka' is ambiguous: it matches goals 1 (Kaggle), 2 (Kayak trip); type "
                "more of it or use the number");
  check_rejects(box, {"goal", "show", "aaaa"},
                "goal 'aaaa' is ambiguous: it matches goals 1 (Kaggle), 2 (Kayak trip); type "
                "more of it or use the number");
  check_rejects(box, {"goal", "drop", "KA"},
                "goal 'KA' is ambiguous: it matches goals 1 (Kaggle), 2 (Kayak trip); type "
                "more of it or use the number");
  CHECK(run_json(box, {"goal", "show", "aaaa2"})["title"] == "Kayak trip");
}

TEST_CASE("an unknown goal is an error naming what is accepted", "[e2e][goal][ids][errors]") {
  Sandbox box;
  check_rejects(box, {"goal", "show", "1"},
                "unknown goal '1'; there are no goals yet "
                "(add one with 'momentum goal add TITLE')");
  run_ok(box, {"goal", "add", "Alpha"});
  run_ok(box, {"goal", "add", "Beta"});
  check_rejects(box, {"goal", "show", "3"},
                "unknown goal '3'; expected a goal number (1 to 2), a UUID prefix or the start "
                "of a title word");
  check_rejects(box, {"goal", "edit", "zeta", "--importance", "4"},
                "unknown goal 'zeta'; expected a goal number (1 to 2), a UUID prefix or the start "
                "of a title word (did you mean 'Beta'?)");
  check_rejects(box, {"goal", "pause", "0"},
                "unknown goal '0'; expected a goal number (1 to 2), a UUID prefix or the start "
                "of a title word");
}

TEST_CASE("goal edit changes only the fields given", "[e2e][goal]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Kaggle", "--why", "fun", "--target", "2026-06-01", "--tag", "ml"});
  CHECK(run_ok(box, {"goal", "edit", "1", "--title", "Kaggle comps", "--cadence", "weekdays"}) ==
        "Changed goal 1: Kaggle comps (weekdays)\n");
  auto g = run_json(box, {"goal", "show", "1"});
  CHECK(g["title"] == "Kaggle comps");
  CHECK(g["why"] == "fun");
  CHECK(g["target"] == "2026-06-01");
  run_ok(box, {"goal", "edit", "kaggle", "--clear-target", "--clear-tags", "--importance", "2"});
  g = run_json(box, {"goal", "show", "1"});
  CHECK(g["target"].is_null());
  CHECK(g["tags"] == nlohmann::json::array());
  CHECK(g["importance"] == 2);
}

TEST_CASE("goal edit rejects bad input and writes nothing", "[e2e][goal][errors]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Kaggle"});
  check_rejects(box, {"goal", "edit", "1"},
                "nothing to change; give 'goal edit' one of the options shown by --help");
  check_rejects(box, {"goal", "edit", "1", "--title", ""}, "title must not be empty");
  check_rejects(box, {"goal", "edit", "1", "--importance", "9"},
                "--importance: '9' is not a whole number from 1 to 5");
  check_rejects(box, {"goal", "edit", "1", "--cadence", "0/3"},
                "cadence '0/3' is out of range; N/D takes 1 <= N <= D <= 365");
}

TEST_CASE("goal pause --until is paused through the day before, active on it", "[e2e][goal]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Kaggle"});
  CHECK(run_ok(box, {"goal", "pause", "1", "--until", "2026-03-15"}) ==
        "Paused goal 1: Kaggle (daily)\n");
  CHECK_THAT(run_ok(box, {"goal", "show", "1"}),
             Catch::Contains("Status      paused until 2026-03-15\n"));
  box.now("2026-03-14T23:00:00Z");
  CHECK(run_json(box, {"goal", "show", "1"})["status"] == "paused");
  box.now("2026-03-15T09:00:00Z");
  CHECK(run_json(box, {"goal", "show", "1"})["status"] == "active");
}

TEST_CASE("goal resume, achieve and drop change the status", "[e2e][goal]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Kaggle"});
  run_ok(box, {"goal", "pause", "1"});
  CHECK(run_ok(box, {"goal", "resume", "1"}) == "Resumed goal 1: Kaggle (daily)\n");
  CHECK(run_ok(box, {"goal", "achieve", "1"}) ==
        "Achieved goal 1: Kaggle (daily)\nWell done. That is what the loop is for.\n");
  CHECK(run_json(box, {"goal", "show", "1"})["status"] == "achieved");
  CHECK(run_ok(box, {"goal", "drop", "1"}) == "Dropped goal 1: Kaggle (daily)\n");
  run_ok(box, {"goal", "resume", "1"});
  CHECK(run_json(box, {"goal", "show", "1"})["status"] == "active");
}

TEST_CASE("goal status changes that make no sense are rejected", "[e2e][goal][errors]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Kaggle"});
  check_rejects(box, {"goal", "resume", "1"}, "goal 1 is already active");
  check_rejects(box, {"goal", "pause", "1", "--until", "today"},
                "--until '2026-03-10' must be after today (2026-03-10)");
  check_rejects(box, {"goal", "pause", "1", "--until", "yesterday"},
                "--until '2026-03-09' must be after today (2026-03-10)");
  check_rejects(box, {"goal", "pause", "1", "--until", "2026-02-31"},
                "invalid date '2026-02-31' for --until; no such day");
  run_ok(box, {"goal", "achieve", "1"});
  check_rejects(box, {"goal", "achieve", "1"}, "goal 1 is already achieved");
  check_rejects(box, {"goal", "pause", "1"},
                "goal 1 is achieved; only an active goal can be paused");
  run_ok(box, {"goal", "drop", "1"});
  check_rejects(box, {"goal", "drop", "1"}, "goal 1 is already dropped");
}

TEST_CASE("goal commands that need a goal say so when none is given", "[e2e][goal][errors]") {
  Sandbox box;
  for (const char* verb : {"show", "edit", "pause", "resume", "achieve", "drop"}) {
    const Result r = box.run({"goal", verb});
    INFO(verb);
    CHECK(r.code == 2);
    CHECK(r.err == std::string("momentum: error: GOAL is required (see 'momentum goal ") + verb +
                       " --help')\n");
    CHECK(r.out.empty());
    CHECK_FALSE(box.journal_exists());
  }
}
