// momentum remind: silence and exit 0 with nothing to say, one line per reminder and exit 1.
#include <catch2/catch.hpp>
#include <sstream>

#include "checks.hpp"
#include "sandbox.hpp"

using namespace momentum::test;

namespace {

// Goal 1 "Kaggle" (daily) logged March 7 to 9; task 1 due March 10 (planned in sprint 1
// "Titanic", March 8 to 10); task 2 due March 8.
void build(Sandbox& box) {
  box.now("2026-03-07T12:00:00Z");
  run_ok(box, {"goal", "add", "Kaggle", "--cadence", "daily"});
  run_ok(box, {"task", "add", "Finish the Titanic tutorial", "--due", "2026-03-10"});
  run_ok(box, {"task", "add", "Write the blog post", "--due", "2026-03-08"});
  run_ok(box, {"log", "30m", "--goal", "1"});
  box.now("2026-03-08T12:00:00Z");
  run_ok(box, {"log", "30m", "--goal", "1"});
  run_ok(box, {"sprint", "start", "Titanic", "--days", "3", "--task", "1"});
  box.now("2026-03-09T12:00:00Z");
  run_ok(box, {"log", "30m", "--goal", "1"});
}

const std::string streak_lines =
    "Streak at risk: goal 1 \"Kaggle\", 3 days (momentum log --goal 1)\n"
    "Check-in streak at risk: 3 days, no check-in today yet (momentum log)\n";

const std::string deadline_lines =
    "Due today: task 1 \"Finish the Titanic tutorial\"\n"
    "Sprint ends today: sprint 1 \"Titanic\", 0/1 tasks done\n"
    "Overdue: task 2 \"Write the blog post\", 2 days late\n";

// Runs remind and requires exit 1, `out` on stdout and nothing on stderr.
void check_reminds(const Sandbox& box, const std::vector<std::string>& args,
                   const std::string& out) {
  INFO("momentum " << joined(args));
  const Result r = box.run(args);
  CHECK(r.code == 1);
  CHECK(r.out == out);
  CHECK(r.err.empty());
}

// Runs remind and requires silence and exit 0.
void check_silent(const Sandbox& box, const std::vector<std::string>& args = {"remind"}) {
  INFO("momentum " << joined(args));
  const Result r = box.run(args);
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
}

}  // namespace

TEST_CASE("remind says nothing and exits 0 when nothing needs attention", "[e2e][remind]") {
  Sandbox box;
  SECTION("no journal") {
    box.now("2026-03-10T23:00:00Z");
    check_silent(box);
    CHECK_FALSE(box.journal_exists());
  }
  SECTION("all done for today") {
    run_ok(box, {"goal", "add", "Kaggle", "--cadence", "daily"});
    run_ok(box, {"task", "add", "Later", "--due", "tomorrow"});
    run_ok(box, {"task", "add", "Done", "--due", "today"});
    run_ok(box, {"task", "done", "2"});
    run_ok(box, {"log", "30m", "--goal", "1"});
    box.now("2026-03-10T23:00:00Z");
    check_silent(box);
  }
}

TEST_CASE("remind prints deadlines at any hour and streaks from remind_after on", "[e2e][remind]") {
  Sandbox box;
  build(box);
  const std::string journal = box.journal_bytes();
  box.now("2026-03-10T09:00:00Z");
  check_reminds(box, {"remind"}, deadline_lines);
  box.now("2026-03-10T17:59:00Z");
  check_reminds(box, {"remind"}, deadline_lines);
  box.now("2026-03-10T18:00:00Z");
  check_reminds(box, {"remind"}, streak_lines + deadline_lines);
  // 01:30 is still March 10 (days start at 04:00), and after its 18:00.
  box.now("2026-03-11T01:30:00Z");
  check_reminds(box, {"remind", "--format", "text"}, streak_lines + deadline_lines);
  box.now("2026-03-11T04:00:00Z");
  check_reminds(
      box, {"remind"},
      "Overdue: task 2 \"Write the blog post\", 3 days late\n"
      "Overdue: task 1 \"Finish the Titanic tutorial\", 1 day late\n"
      "Sprint not closed: sprint 1 \"Titanic\" ended 2026-03-10 (momentum sprint close)\n");
  SECTION("-q prints nothing but keeps the exit code") {
    const Result r = box.run({"-q", "remind"});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
  }
  CHECK(box.journal_bytes() == journal);
}

TEST_CASE("remind reads the local time of TZ", "[e2e][remind]") {
  Sandbox box;
  build(box);
  box.set_env("TZ", "America/New_York");  // UTC-4 from March 8, 2026
  box.now("2026-03-10T21:30:00Z");        // 17:30 there
  check_reminds(box, {"remind"}, deadline_lines);
  box.now("2026-03-11T05:30:00Z");  // 01:30 on March 11 there: still March 10
  check_reminds(box, {"remind"}, streak_lines + deadline_lines);
}

TEST_CASE("remind_after in the config file moves the streak reminder", "[e2e][remind]") {
  Sandbox box;
  build(box);
  box.now("2026-03-10T19:00:00Z");
  Sandbox::write_file(box.dir() / "config.json", R"({"remind_after": "21:00"})");
  check_reminds(box, {"remind"}, deadline_lines);
  box.now("2026-03-10T21:00:00Z");
  check_reminds(box, {"remind"}, streak_lines + deadline_lines);
  Sandbox::write_file(box.dir() / "config.json", R"({"remind_after": "08:00"})");
  box.now("2026-03-10T08:30:00Z");
  check_reminds(box, {"remind"}, streak_lines + deadline_lines);
}

TEST_CASE("remind --format json lists the reminders with their numbers", "[e2e][remind]") {
  Sandbox box;
  build(box);
  box.now("2026-03-10T19:00:00Z");
  const Result r = box.run({"remind", "--format", "json"});
  CHECK(r.code == 1);
  CHECK(r.err.empty());
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["day"] == "2026-03-10");
  REQUIRE(j["reminders"].size() == 5);
  const auto& streak = j["reminders"][0];
  CHECK(streak["kind"] == "streak_at_risk");
  CHECK(streak["text"] == "Streak at risk: goal 1 \"Kaggle\", 3 days (momentum log --goal 1)");
  CHECK(streak["goal"] == 1);
  CHECK(streak["title"] == "Kaggle");
  CHECK(streak["streak"]["length"] == 3);
  CHECK(streak["streak"]["at_risk"] == true);
  CHECK(j["reminders"][1]["kind"] == "checkin_streak");
  CHECK(j["reminders"][1]["streak"]["length"] == 3);
  CHECK(j["reminders"][2] == nlohmann::json::parse(R"({"kind": "task_due",
      "text": "Due today: task 1 \"Finish the Titanic tutorial\"", "task": 1,
      "title": "Finish the Titanic tutorial", "goal": null, "due": "2026-03-10"})"));
  CHECK(j["reminders"][3] == nlohmann::json::parse(R"({"kind": "sprint_ends",
      "text": "Sprint ends today: sprint 1 \"Titanic\", 0/1 tasks done", "sprint": 1,
      "title": "Titanic", "end": "2026-03-10", "tasks": 1, "tasks_done": 0})"));
  CHECK(j["reminders"][4] == nlohmann::json::parse(R"({"kind": "task_overdue",
      "text": "Overdue: task 2 \"Write the blog post\", 2 days late", "task": 2,
      "title": "Write the blog post", "goal": null, "due": "2026-03-08", "days_overdue": 2})"));
  SECTION("--json is the same") {
    const Result same = box.run({"--json", "remind"});
    CHECK(same.code == 1);
    CHECK(same.out == r.out);
  }
  SECTION("nothing to say is an empty list, exit 0") {
    Sandbox empty;
    const Result none = empty.run({"remind", "--json"});
    CHECK(none.code == 0);
    CHECK(none.out == "{\"day\":\"2026-03-10\",\"reminders\":[]}\n");
    CHECK(none.err.empty());
  }
}

TEST_CASE("remind reports N/week targets that need today", "[e2e][remind]") {
  Sandbox box;
  box.now("2026-03-09T12:00:00Z");  // Monday
  run_ok(box, {"goal", "add", "Gym", "--cadence", "3/week"});
  box.now("2026-03-12T20:00:00Z");  // Thursday: four days left for three
  check_silent(box);
  box.now("2026-03-13T20:00:00Z");  // Friday: three days left for three
  check_reminds(box, {"remind"},
                "Target at risk: goal 1 \"Gym\", 3 more days this week (momentum log --goal 1)\n");
  run_ok(box, {"goal", "pause", "1"});
  check_silent(box);
}

TEST_CASE("remind never cuts a title and shows it safely", "[e2e][remind]") {
  Sandbox box;
  run_ok(box, {"task", "add", std::string(100, 'x'), "--due", "today"});
  run_ok(box, {"task", "add", "bell\x07 and \x1b[31mred \u202e", "--due", "today"});
  // Cron mail and notifications wrap lines: the whole title, whatever the width.
  box.set_env("COLUMNS", "40");
  check_reminds(box, {"remind"},
                "Due today: task 1 \"" + std::string(100, 'x') +
                    "\"\n"
                    "Due today: task 2 \"bell\\x07 and \\x1b[31mred \\u202e\"\n");
}

TEST_CASE("remind shows the few most urgent tasks and goals, then how many more", "[e2e][remind]") {
  Sandbox box;
  box.now("2026-03-10T20:00:00Z");
  for (int i = 1; i <= 8; ++i) {
    run_ok(box, {"goal", "add", "Goal " + std::to_string(i), "--cadence", "daily", "-q"});
  }
  for (int i = 1; i <= 12; ++i) {
    run_ok(box, {"task", "add", "Task " + std::to_string(i), "--due",
                 "2026-03-0" + std::to_string(i % 9 + 1), "-q"});
  }
  box.now("2026-03-11T20:00:00Z");
  for (int i = 1; i <= 8; ++i) {
    run_ok(box, {"log", "10m", "--goal", std::to_string(i), "--date", "yesterday", "-q"});
  }
  const Result r = box.run({"remind"});
  CHECK(r.code == 1);
  std::vector<std::string> lines;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() == 13);
  CHECK(lines[0] == "Streak at risk: goal 1 \"Goal 1\", 1 day (momentum log --goal 1)");
  CHECK(lines[5] == "Check-in streak at risk: 1 day, no check-in today yet (momentum log)");
  // In 'task next' order (most overdue first, all else equal): task 9 is due 03-01 (9 % 9 + 1).
  CHECK(lines[6] == "Overdue: task 9 \"Task 9\", 10 days late");
  CHECK(lines[11] == "... and 3 more goals at risk ('momentum streak' shows every goal)");
  CHECK(lines[12] == "... and 7 more overdue ('momentum task list' shows them)");
  // Tasks due today do not push the overdue ones out: the most urgent of both are shown.
  box.now("2026-03-11T21:00:00Z");
  for (int i = 1; i <= 8; ++i) {
    run_ok(box, {"task", "add", "Due " + std::to_string(i), "--due", "today", "-q"});
  }
  run_ok(box, {"task", "add", "Important", "--due", "today", "--importance", "5", "-q"});
  // A week or more overdue outranks due today even at importance 5 (urgency 15.9 vs 14.8).
  const std::string out = box.run({"remind"}).out;
  CHECK(out.find("Overdue: task 9 \"Task 9\", 10 days late") != std::string::npos);
  CHECK(out.find("Due today") == std::string::npos);
  CHECK(out.find("... and 7 more overdue, 9 more due today ('momentum task list' shows them)") !=
        std::string::npos);
  // JSON lists them all, for scripts.
  const auto j = nlohmann::json::parse(box.run({"remind", "--json"}).out);
  CHECK(j["reminders"].size() == 8 + 1 + 12 + 9);
}

TEST_CASE("remind rejects an unknown format", "[e2e][remind]") {
  Sandbox box;
  check_rejects(box, {"remind", "--format", "xml"},
                "--format: unknown format 'xml'; expected text or json");
  run_ok(box, {"log", "10m"});
  check_rejects(box, {"remind", "--format", "md"},
                "--format: unknown format 'md'; expected text or json");
}
