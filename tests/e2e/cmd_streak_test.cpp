// momentum streak, and the habit lines of goal show and today: a month of backdated
// check-ins with a rest day and a vacation, counted by hand.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <chrono>

#include "checks.hpp"
#include "sandbox.hpp"

using namespace momentum::test;

namespace {

// Goal 1 daily, goal 2 2/week, goal 3 3/7, created 2026-03-01 (a Sunday).
void three_goals(Sandbox& box) {
  box.now("2026-03-01T09:00:00Z");
  run_ok(box, {"goal", "add", "Become an ML engineer", "--cadence", "daily", "-q"});
  run_ok(box, {"goal", "add", "Write blog posts", "--cadence", "2/week", "-q"});
  run_ok(box, {"goal", "add", "Kaggle", "--cadence", "3/7", "-q"});
  box.now("2026-03-14T09:00:00Z");  // a Saturday
}

void log_on(Sandbox& box, const std::string& goal, const std::vector<std::string>& days) {
  for (const std::string& day : days) {
    run_ok(box, {"log", "30m", "--goal", goal, "--date", "2026-03-" + day, "-q"});
  }
}

}  // namespace

TEST_CASE("streak counts kept periods; a rest day bridges without adding length", "[e2e][streak]") {
  Sandbox box;
  three_goals(box);
  log_on(box, "1", {"01", "02", "03", "04", "06", "07", "08", "09", "10", "11", "12", "13"});
  log_on(box, "2", {"02", "05", "09", "11"});
  log_on(box, "3", {"03", "06", "08", "10", "12"});
  run_ok(box, {"log", "skip", "--date", "2026-03-05", "-q"});

  const auto j = run_json(box, {"streak"});
  CHECK(j["day"] == "2026-03-14");
  // Any check-in counts for the global streak: goal 2 was logged on the rest day.
  CHECK(j["checkin_streak"]["length"] == 13);
  CHECK(j["checkin_streak"]["at_risk"] == true);
  const auto& daily = j["goals"][0];
  CHECK(daily["current"]["length"] == 12);  // 13 days, one of them a rest day
  CHECK(daily["current"]["unit"] == "days");
  CHECK(daily["current"]["first"] == "2026-03-01");
  CHECK(daily["current"]["at_risk"] == true);
  CHECK(daily["slack"] == 0);
  CHECK(daily["needed"]["text"] == "a check-in today");
  const auto& weekly = j["goals"][1];
  CHECK(weekly["current"]["length"] == 2);
  CHECK(weekly["current"]["unit"] == "weeks");
  CHECK(weekly["current"]["at_risk"] == false);
  CHECK(weekly["needed"]["more"] == 0);
  CHECK(j["goals"][2]["cadence"] == "3/7");
  CHECK(j["goals"][2]["strip"].size() == 14);
  CHECK(daily["strip"][4] == "skipped");  // 2026-03-05
  CHECK(daily["strip"][13] == "open");    // today, not logged yet
}

TEST_CASE("streak prints one row per goal within 80 columns, at-risk goals marked",
          "[e2e][streak]") {
  Sandbox box;
  three_goals(box);
  log_on(box, "1", {"10", "11", "12", "13"});
  box.set_env("COLUMNS", "80");
  const std::string out = run_ok(box, {"streak"});
  CHECK(out.find("Check-in streak: 4 days (no check-in today yet)") != std::string::npos);
  CHECK(out.find("4d!") != std::string::npos);
  CHECK(out.find("At risk: goal 1 Become an ML engineer: a check-in today keeps 4 days") !=
        std::string::npos);
  std::size_t start = 0;
  while (start < out.size()) {
    const std::size_t end = out.find('\n', start);
    const std::string line = out.substr(start, end - start);
    std::size_t columns = 0;
    for (char c : line) columns += (static_cast<unsigned char>(c) & 0xc0) != 0x80 ? 1 : 0;
    CHECK(columns <= 80);
    start = end + 1;
  }
}

TEST_CASE("a logged today is no longer at risk and lengthens the streak", "[e2e][streak]") {
  Sandbox box;
  three_goals(box);
  log_on(box, "1", {"12", "13", "14"});
  const auto j = run_json(box, {"streak", "--goal", "1"});
  REQUIRE(j["goals"].size() == 1);
  CHECK(j["goals"][0]["current"]["length"] == 3);
  CHECK(j["goals"][0]["current"]["at_risk"] == false);
  CHECK(j["goals"][0]["slack"] == 1);
}

TEST_CASE("a vacation pause bridges a daily streak", "[e2e][streak]") {
  Sandbox box;
  three_goals(box);
  box.now("2026-03-05T09:00:00Z");
  log_on(box, "1", {"03", "04"});
  run_ok(box, {"goal", "pause", "1", "--until", "2026-03-09", "-q"});  // paused 5th-8th
  box.now("2026-03-11T09:00:00Z");
  log_on(box, "1", {"09", "10", "11"});
  const auto j = run_json(box, {"streak", "--goal", "1"});
  CHECK(j["goals"][0]["current"]["length"] == 5);
  CHECK(j["goals"][0]["current"]["first"] == "2026-03-03");
  CHECK(j["goals"][0]["strip"][7] == "paused");  // 2026-03-05
}

TEST_CASE("goal show and today carry the habit figures", "[e2e][streak]") {
  Sandbox box;
  three_goals(box);
  log_on(box, "2", {"09", "11"});
  const std::string show = run_ok(box, {"goal", "show", "2"});
  CHECK(show.find("Streak      1 week (best 1 week, 2026-03-09 to 2026-03-14)") !=
        std::string::npos);
  CHECK(show.find("Needed      nothing more needed this week") != std::string::npos);
  CHECK(show.find("Strength    ") != std::string::npos);
  const auto j = run_json(box, {"goal", "show", "2"});
  CHECK(j["habit"]["current"]["length"] == 1);

  log_on(box, "1", {"12", "13"});
  const std::string today = run_ok(box, {"today"});
  CHECK(today.find("Streak     3 days (no check-in today yet)") != std::string::npos);
  CHECK(today.find("At risk    #1 Become an ML engineer: a check-in today (streak 2d, slack "
                   "0!)") != std::string::npos);
}

TEST_CASE("streak with an unknown goal is a usage error", "[e2e][streak]") {
  Sandbox box;
  three_goals(box);
  check_rejects(box, {"streak", "--goal", "9"},
                "unknown goal '9'; expected a goal number (1 to 3), a UUID prefix or the start "
                "of a title word");
}

TEST_CASE("a paused goal owes nothing: no slack, no deadline", "[e2e][streak]") {
  Sandbox box;
  three_goals(box);
  log_on(box, "2", {"09", "10"});
  box.now("2026-03-10T09:00:00Z");
  run_ok(box, {"goal", "pause", "2", "-q"});
  box.now("2026-03-14T09:00:00Z");
  const auto j = run_json(box, {"streak", "--goal", "2"});
  CHECK(j["goals"][0]["status"] == "paused");
  CHECK(j["goals"][0]["slack"].is_null());
  CHECK(j["goals"][0]["needed"]["by"].is_null());
  CHECK(run_ok(box, {"goal", "show", "2"}).find("Needed") == std::string::npos);
}

TEST_CASE("days follow local time across both DST changes in Europe/Berlin", "[e2e][streak][day]") {
  Sandbox box;
  box.set_env("TZ", "Europe/Berlin");
  SECTION("the last Sunday of March (clocks go forward)") {
    box.now("2026-03-27T12:00:00+01:00");
    run_ok(box, {"goal", "add", "Daily", "--cadence", "daily", "-q"});
    for (const char* now : {"2026-03-27T23:30:00+01:00", "2026-03-28T23:30:00+01:00",
                            "2026-03-30T01:30:00+02:00",  // before 04:00: counts for Sunday 29th
                            "2026-03-30T23:30:00+02:00"}) {
      box.now(now);
      run_ok(box, {"log", "20m", "--goal", "1", "-q"});
    }
    const auto logs = run_json(box, {"log", "list", "--all"});
    REQUIRE(logs["logs"].size() == 4);
    CHECK(logs["logs"][2]["day"] == "2026-03-29");
    CHECK(logs["logs"][3]["day"] == "2026-03-30");
    const auto j = run_json(box, {"streak"});
    CHECK(j["day"] == "2026-03-30");
    CHECK(j["goals"][0]["current"]["length"] == 4);
    CHECK(j["goals"][0]["current"]["at_risk"] == false);
  }
  SECTION("the last Sunday of October (clocks go back)") {
    box.now("2026-10-23T12:00:00+02:00");
    run_ok(box, {"goal", "add", "Daily", "--cadence", "daily", "-q"});
    for (const char* now : {"2026-10-24T03:30:00+02:00",  // still Friday the 23rd
                            "2026-10-24T20:00:00+02:00", "2026-10-25T02:30:00+01:00",  // Sat 24th
                            "2026-10-25T21:00:00+01:00"}) {
      box.now(now);
      run_ok(box, {"log", "20m", "--goal", "1", "-q"});
    }
    const auto logs = run_json(box, {"log", "list", "--all"});
    REQUIRE(logs["logs"].size() == 4);
    CHECK(logs["logs"][0]["day"] == "2026-10-23");
    CHECK(logs["logs"][2]["day"] == "2026-10-24");
    CHECK(logs["logs"][3]["day"] == "2026-10-25");
    CHECK(run_json(box, {"streak"})["goals"][0]["current"]["length"] == 3);
  }
}

TEST_CASE("strength of a partly excused N/week week weighs it by its required days",
          "[e2e][streak]") {
  // docs/metrics.md's worked example: 6/week from Monday 2023-01-02, Mon–Sat logged for eight
  // weeks, rest days Mon–Thu 02-27…03-02, check-ins Fri–Sun; as of Monday 03-06, S = 0.9438403.
  Sandbox box;
  box.now("2023-01-02T09:00:00Z");
  run_ok(box, {"goal", "add", "Kaggle", "--cadence", "6/week", "-q"});
  box.now("2023-03-06T09:00:00Z");
  const auto day_text = [](std::chrono::sys_days d) {
    const std::chrono::year_month_day ymd{d};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  };
  const std::chrono::sys_days first{std::chrono::year{2023} / 1 / 2};
  for (int week = 0; week < 8; ++week) {
    for (int d = 0; d < 6; ++d) {
      const auto day = first + std::chrono::days{7 * week + d};
      run_ok(box, {"log", "20m", "--goal", "1", "--date", day_text(day), "-q"});
    }
  }
  for (const char* day : {"2023-02-27", "2023-02-28", "2023-03-01", "2023-03-02"}) {
    run_ok(box, {"log", "skip", "--date", day, "-q"});
  }
  for (const char* day : {"2023-03-03", "2023-03-04", "2023-03-05"}) {
    run_ok(box, {"log", "20m", "--goal", "1", "--date", day, "-q"});
  }
  const auto j = run_json(box, {"streak"});
  CHECK(j["goals"][0]["strength"] == Approx(94.4).margin(1e-9));
  CHECK(j["goals"][0]["current"]["length"] == 9);
}

TEST_CASE("streak shows every goal, and what to do for the first three at risk", "[e2e][streak]") {
  Sandbox box;
  box.now("2026-03-01T09:00:00Z");
  for (int i = 1; i <= 5; ++i) {
    run_ok(box, {"goal", "add", "Goal " + std::to_string(i), "--cadence", "daily", "-q"});
  }
  box.now("2026-03-10T09:00:00Z");
  for (int i = 1; i <= 5; ++i) {
    run_ok(box, {"log", "10m", "--goal", std::to_string(i), "--date", "yesterday", "-q"});
  }
  const std::string out = run_ok(box, {"streak"});
  for (int i = 1; i <= 5; ++i) {
    CHECK(out.find("\n" + std::to_string(i) + "  Goal " + std::to_string(i)) != std::string::npos);
  }
  CHECK(out.find("At risk: goal 3 ") != std::string::npos);
  CHECK(out.find("At risk: goal 4 ") == std::string::npos);
  CHECK(out.find("\n... and 2 more at risk (marked ! in Now)\n") != std::string::npos);
}
