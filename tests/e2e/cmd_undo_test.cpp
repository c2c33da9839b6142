// momentum undo [--list].
#include <catch2/catch.hpp>

#include "checks.hpp"
#include "sandbox.hpp"

using namespace momentum::test;

TEST_CASE("a wrong check-in is undone in one command", "[e2e][undo]") {
  Sandbox box;
  box.now("2026-03-10T19:00:00Z");
  run_ok(box, {"goal", "add", "Become an ML engineer"});
  box.now("2026-03-10T20:14:00Z");
  run_ok(box, {"log", "45m", "wrong", "goal"});
  const std::string before = box.journal_bytes();
  CHECK(run_ok(box, {"undo"}) == "Undid check-in 1: 45m on goal 1, logged today 20:14\n");
  // One line appended, naming the check-in's event; nothing rewritten.
  const std::string after = box.journal_bytes();
  REQUIRE(after.substr(0, before.size()) == before);
  const auto line = nlohmann::json::parse(after.substr(before.size()));
  CHECK(line["op"] == "undo");
  CHECK(line["data"]["event"] == nlohmann::json::parse(box.journal_lines()[2])["id"]);
  CHECK(run_json(box, {"log", "list"})["logs"].empty());
  // The next check-in gets a new number; the undone one is not reused.
  CHECK(run_json(box, {"log", "30m"})["num"] == 2);
  check_rejects(box, {"log", "edit", "1", "--duration", "10m"},
                "check-in 1 was undone; its number is not used again");
}

TEST_CASE("undo walks back through every kind of change", "[e2e][undo]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Read more"});
  run_ok(box, {"task", "add", "Chapter 1", "--goal", "1", "--due", "2026-03-12"});
  run_ok(box, {"task", "start", "1"});
  run_ok(box, {"task", "defer", "1", "--to", "2026-03-20"});
  run_ok(box, {"goal", "pause", "1"});
  run_ok(box, {"log", "skip"});
  const std::string list = run_ok(box, {"undo", "--list"});
  CHECK(list ==
        "Newest first; 'momentum undo' reverts the first:\n"
        "  rest day on Tue 2026-03-10 for all goals, planned today 09:00\n"
        "  goal 1 (Read more), paused today 09:00\n"
        "  task 1 (Chapter 1), deferred today 09:00 (to Fri 2026-03-20)\n"
        "  task 1 (Chapter 1), started today 09:00\n"
        "  task 1 (Chapter 1), added today 09:00\n"
        "  goal 1 (Read more), added today 09:00\n");
  CHECK(run_ok(box, {"undo"}) ==
        "Undid rest day on Tue 2026-03-10 for all goals, planned today 09:00\n");
  CHECK(run_ok(box, {"undo"}) == "Undid goal 1 (Read more), paused today 09:00\n");
  CHECK(run_json(box, {"goal", "show", "1"})["status"] == "active");
  CHECK(run_ok(box, {"undo"}) ==
        "Undid task 1 (Chapter 1), deferred today 09:00 (to Fri 2026-03-20)\n");
  auto task = run_json(box, {"task", "show", "1"});
  CHECK(task["due"] == "2026-03-12");
  CHECK(task["status"] == "doing");
  run_ok(box, {"undo"});
  CHECK(run_json(box, {"task", "show", "1"})["status"] == "todo");
  run_ok(box, {"undo"});
  run_ok(box, {"undo"});
  CHECK(run_json(box, {"goal", "list", "--all"}).empty());
  CHECK(run_ok(box, {"undo", "--list"}) == "Nothing to undo.\n");
  CHECK(run_json(box, {"undo", "--list"}) == nlohmann::json::array());
  // Numbers stay used up.
  CHECK(run_json(box, {"goal", "add", "Again"})["num"] == 2);
}

TEST_CASE("undo with nothing left is an error and writes nothing", "[e2e][undo][errors]") {
  Sandbox box;
  check_rejects(box, {"undo"}, "nothing to undo: the journal holds no changes yet");
  CHECK_FALSE(box.journal_exists());
  run_ok(box, {"log", "10m"});
  run_ok(box, {"undo"});
  check_rejects(box, {"undo"},
                "nothing to undo: every change in the journal has been undone already");
  check_rejects(box, {"undo", "--list", "extra"},
                "unexpected argument 'extra' for 'momentum undo'; see 'momentum undo --help'");
}

TEST_CASE("undo --list says when each change was made, in local time", "[e2e][undo]") {
  Sandbox box;
  box.set_env("TZ", "Europe/Berlin");
  box.now("2026-03-08T09:10:00Z");
  run_ok(box, {"goal", "add", "Run"});
  box.now("2026-03-09T20:00:00Z");
  run_ok(box, {"log", "30m", "--date", "2026-03-08"});
  box.now("2026-03-10T19:14:00Z");
  run_ok(box, {"log", "45m"});
  CHECK(run_ok(box, {"undo", "--list"}) ==
        "Newest first; 'momentum undo' reverts the first:\n"
        "  check-in 2: 45m on goal 1, logged today 20:14\n"
        "  check-in 1: 30m on goal 1 for Sun 2026-03-08, logged yesterday 21:00\n"
        "  goal 1 (Run), added Sun 2026-03-08 10:10\n");
  const auto list = run_json(box, {"undo", "--list"});
  REQUIRE(list.size() == 3);
  CHECK(list[0]["op"] == "log.add");
  CHECK(list[0]["at"] == "2026-03-10T19:14:00.000Z");
  CHECK(list[0]["entity"] == "check-in");
  CHECK(list[0]["num"] == 2);
  CHECK(list[0]["text"] == "check-in 2: 45m on goal 1, logged today 20:14");
  CHECK(list[2]["entity"] == "goal");
  const auto undone = run_json(box, {"undo"});
  CHECK(undone["reverted"] == list[0]);
  CHECK(undone["undo"] == nlohmann::json::parse(box.journal_lines().back())["id"]);
}

TEST_CASE("undo --list shows at most ten changes", "[e2e][undo]") {
  Sandbox box;
  for (int i = 1; i <= 12; ++i) run_ok(box, {"log", std::to_string(i) + "m"});
  const auto list = run_json(box, {"undo", "--list"});
  REQUIRE(list.size() == 10);
  CHECK(list.front()["num"] == 12);
  CHECK(list.back()["num"] == 3);
}

TEST_CASE("after an undo the cache gives the state a fresh replay gives", "[e2e][undo]") {
  Sandbox box;
  box.set_env("XDG_CACHE_HOME", (box.dir() / "cache").string());
  run_ok(box, {"goal", "add", "G"});
  run_ok(box, {"task", "add", "T"});
  run_ok(box, {"task", "done", "1"});
  run_ok(box, {"task", "list", "--all"});  // the cache now holds the done task
  run_ok(box, {"undo"});
  const auto cached = run_json(box, {"task", "show", "1"});
  CHECK(cached["status"] == "todo");
  box.set_env("XDG_CACHE_HOME", (box.dir() / "other-cache").string());
  CHECK(run_json(box, {"task", "show", "1"}) == cached);
}
