// momentum today (and bare momentum), and the day rules: day_start, TZ, MOMENTUM_NOW.
#include <catch2/catch.hpp>
#include <sstream>

#include "checks.hpp"
#include "sandbox.hpp"

using namespace momentum::test;

namespace {

const std::string welcome =
    "Welcome to momentum: learn just enough, solve a real problem, learn again.\n"
    "Nothing is tracked yet. Start with a goal, a first task and a check-in:\n\n"
    "  momentum goal add \"Become an ML engineer\" --cadence daily\n"
    "  momentum task add \"Finish the Titanic tutorial\" --goal 1 --due friday\n"
    "  momentum log 30m \"read the pandas docs\" --goal 1\n\n"
    "'momentum --help' lists every command.\n";

}  // namespace

TEST_CASE("today on an empty journal greets and creates nothing", "[e2e][today]") {
  Sandbox box;
  CHECK(run_ok(box, {"today"}) == welcome);
  CHECK(run_ok(box, {}) == welcome);
  CHECK_FALSE(box.journal_exists());
}

TEST_CASE("bare momentum is momentum today", "[e2e][today]") {
  Sandbox box;
  run_ok(box, {"task", "add", "Titanic", "--due", "today"});
  run_ok(box, {"log", "20m"});
  CHECK(run_ok(box, {}) == run_ok(box, {"today"}));
  CHECK(run_json(box, {}) == run_json(box, {"today"}));
}

TEST_CASE("today shows today's check-ins, due and overdue tasks and the next one", "[e2e][today]") {
  Sandbox box;
  run_ok(box, {"task", "add", "Late one", "--due", "yesterday"});
  run_ok(box, {"task", "add", "Due now", "--due", "today"});
  run_ok(box, {"task", "add", "Later", "--due", "+5d"});
  CHECK(run_ok(box, {"--no-color", "today"}) ==
        "Tuesday 2026-03-10\n\n"
        "Today      no check-in yet: momentum log 30m \"what you did\"\n"
        "Streak     0 days; a check-in today starts one\n"
        "Overdue    #1 Late one (1d late)\n"
        "Due        #2 Due now (today)\n"
        "Next       #1 Late one  (momentum task start 1)\n"
        "Nudge      do task 1 today (1d late), or: momentum task defer 1 --to DATE\n");
  run_ok(box, {"log", "30m", "--learn"});
  run_ok(box, {"log", "45m"});
  run_ok(box, {"log", "1h", "--date", "yesterday"});
  CHECK_THAT(run_ok(box, {"--no-color", "today"}),
             Catch::Contains("Today      1h15m logged (learn 30m, do 45m) in 2 check-ins\n"));
}

TEST_CASE("today says when nothing is open", "[e2e][today]") {
  Sandbox box;
  run_ok(box, {"log", "10m"});
  CHECK_THAT(run_ok(box, {"today"}),
             Catch::EndsWith("Next       nothing open: momentum task add \"a small next step\"\n"));
}

TEST_CASE("today --json gives the day, minutes, check-ins and tasks", "[e2e][today]") {
  Sandbox box;
  run_ok(box, {"task", "add", "Late", "--due", "yesterday"});
  run_ok(box, {"task", "add", "Due", "--due", "today"});
  run_ok(box, {"log", "30m", "--learn"});
  const auto j = run_json(box, {"today"});
  CHECK(j["day"] == "2026-03-10");
  CHECK(j["minutes"] == nlohmann::json({{"learn", 30}, {"do", 0}, {"total", 30}}));
  CHECK(j["logs"].size() == 1);
  REQUIRE(j["overdue"].size() == 1);
  CHECK(j["overdue"][0]["num"] == 1);
  REQUIRE(j["due_today"].size() == 1);
  CHECK(j["due_today"][0]["num"] == 2);
  CHECK(j["next"]["num"] == 1);
  CHECK(run_json(Sandbox{}, {"today"})["next"].is_null());
}

TEST_CASE("today shows the global check-in streak", "[e2e][today][streak]") {
  Sandbox box;
  run_ok(box, {"log", "10m", "--date", "-2d"});
  run_ok(box, {"log", "10m", "--date", "yesterday"});
  run_ok(box, {"log", "10m"});
  const std::string out = run_ok(box, {"--no-color", "today"});
  CHECK_THAT(out, Catch::Contains("streak", Catch::CaseSensitive::No));
  CHECK_THAT(out, Catch::Contains("3 days"));
}

TEST_CASE("a check-in before day_start (04:00) counts for the day before", "[e2e][today][day]") {
  Sandbox box;
  box.now("2026-03-10T01:30:00Z");
  CHECK(run_json(box, {"log", "10m"})["day"] == "2026-03-09");
  CHECK_THAT(run_ok(box, {"today"}), Catch::StartsWith("Monday 2026-03-09\n"));
  box.now("2026-03-10T03:59:59Z");
  CHECK(run_json(box, {"log", "10m"})["day"] == "2026-03-09");
  box.now("2026-03-10T04:00:00Z");
  CHECK(run_json(box, {"log", "10m"})["day"] == "2026-03-10");
}

TEST_CASE("log --date yesterday at 01:30 means two calendar days back", "[e2e][today][day]") {
  Sandbox box;
  box.now("2026-03-10T01:30:00Z");
  CHECK(run_json(box, {"log", "10m", "--date", "yesterday"})["day"] == "2026-03-08");
  check_rejects(box, {"log", "10m", "--date", "2026-03-10"},
                "check-in day '2026-03-10' is in the future; a check-in counts for today "
                "(2026-03-09) or earlier ('momentum log skip' plans a rest day)");
}

TEST_CASE("the day is resolved in the local time zone given by TZ", "[e2e][today][day]") {
  Sandbox box;
  SECTION("west of UTC: still the evening before") {
    box.set_env("TZ", "America/New_York");
    box.now("2026-03-10T03:00:00Z");  // 23:00 on the 9th in New York
    CHECK(run_json(box, {"log", "10m"})["day"] == "2026-03-09");
    CHECK(nlohmann::json::parse(box.journal_lines().back())["tz"] == "-04:00");
  }
  SECTION("east of UTC: already the next morning") {
    box.set_env("TZ", "Asia/Tokyo");
    box.now("2026-03-09T20:00:00Z");  // 05:00 on the 10th in Tokyo
    CHECK(run_json(box, {"log", "10m"})["day"] == "2026-03-10");
    CHECK(nlohmann::json::parse(box.journal_lines().back())["tz"] == "+09:00");
  }
  SECTION("a MOMENTUM_NOW with an offset is the same instant") {
    box.set_env("TZ", "Europe/Paris");
    box.now("2026-03-10T01:30:00+01:00");  // 01:30 in Paris: before day_start
    CHECK(run_json(box, {"log", "10m"})["day"] == "2026-03-09");
  }
}

TEST_CASE("check-ins keep the day they were written for after travelling", "[e2e][today][day]") {
  Sandbox box;
  box.set_env("TZ", "Asia/Tokyo");
  box.now("2026-03-09T20:00:00Z");
  run_ok(box, {"log", "10m"});  // the 10th in Tokyo
  box.set_env("TZ", "America/New_York");
  CHECK(run_json(box, {"log", "list", "--all"})["logs"][0]["day"] == "2026-03-10");
}

TEST_CASE("MOMENTUM_NOW fixes the clock for every command", "[e2e][today][day]") {
  Sandbox box;
  box.now("2027-01-15T12:00:00Z");
  CHECK_THAT(run_ok(box, {"goal", "add", "Kaggle"}), Catch::StartsWith("Added goal 1"));
  CHECK(run_json(box, {"goal", "show", "1"})["created"] == "2027-01-15T12:00:00.000Z");
  CHECK(run_json(box, {"today"})["day"] == "2027-01-15");
}

TEST_CASE("an invalid MOMENTUM_NOW is a usage error", "[e2e][today][errors]") {
  Sandbox box;
  const std::string value = GENERATE("yesterday", "2026-03-10", "2026-13-10T09:00:00Z", "soon");
  box.now(value);
  check_rejects(box, {"log", "10m"},
                "invalid MOMENTUM_NOW '" + value +
                    "'; expected an RFC 3339 time such as 2026-03-10T08:30:00+01:00");
  check_rejects(box, {"today"},
                "invalid MOMENTUM_NOW '" + value +
                    "'; expected an RFC 3339 time such as 2026-03-10T08:30:00+01:00");
}

TEST_CASE("today fits one 80x24 screen whatever the data", "[e2e][today]") {
  Sandbox box;
  box.set_env("COLUMNS", "80");
  box.now("2026-03-01T09:00:00Z");
  for (int i = 1; i <= 6; ++i) {
    run_ok(box, {"goal", "add", "Goal " + std::to_string(i), "--cadence", "daily", "-q"});
  }
  for (int i = 1; i <= 40; ++i) {
    run_ok(box, {"task", "add", "Old task " + std::to_string(i), "--due", "2026-03-05", "-q"});
  }
  for (int i = 1; i <= 5; ++i) {
    run_ok(box, {"task", "add", "Today " + std::to_string(i), "--due", "2026-03-10", "-q"});
  }
  box.now("2026-03-09T09:00:00Z");
  for (int i = 1; i <= 6; ++i) {
    for (const char* day : {"2026-03-07", "2026-03-08", "2026-03-09"}) {
      if (i <= 2 && std::string(day) == "2026-03-07") continue;  // goals 1-2: shorter streaks
      run_ok(box, {"log", "10m", "--goal", std::to_string(i), "--date", day, "-q"});
    }
  }
  box.now("2026-03-10T09:00:00Z");
  const std::string out = run_ok(box, {"today"});
  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  CHECK(lines.size() <= 23);                                     // and the shell prompt
  CHECK(out.find("At risk    #3 Goal 3") != std::string::npos);  // the longest streaks first
  CHECK(out.find("#1 Goal 1") == std::string::npos);
  CHECK(out.find("           ... and 3 more at risk (momentum streak)\n") != std::string::npos);
  CHECK(out.find("           ... and 37 more overdue (momentum task list)\n") != std::string::npos);
  CHECK(out.find("           ... and 2 more due today (momentum task list)\n") !=
        std::string::npos);
  // --json lists everything, for scripts.
  const auto j = run_json(box, {"today"});
  CHECK(j["overdue"].size() == 40);
  CHECK(j["due_today"].size() == 5);
  CHECK(j["at_risk"].size() == 6);
}
