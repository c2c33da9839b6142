// momentum sprint start | add | remove | status | close | list | show.
#include <catch2/catch.hpp>

#include "checks.hpp"
#include "sandbox.hpp"

using namespace momentum::test;

namespace {

// Goal 1 "Kaggle", tasks 1-3.
void setup(const Sandbox& box) {
  run_ok(box, {"goal", "add", "Kaggle"});
  run_ok(box, {"task", "add", "Read docs", "--goal", "1", "--kind", "learn"});
  run_ok(box, {"task", "add", "Build model", "--goal", "1"});
  run_ok(box, {"task", "add", "Submit"});
}

}  // namespace

TEST_CASE("sprint start, add, status and close", "[e2e][sprint]") {
  Sandbox box;
  setup(box);
  CHECK(run_ok(box, {"sprint", "start", "Titanic", "--goal", "1", "--task", "1", "--task", "2"}) ==
        "Started sprint 1 'Titanic': 2026-03-10 to 2026-03-16 (7 days), 2 tasks planned\n");
  CHECK(run_ok(box, {"sprint", "add", "3"}) == "Added 1 task to sprint 1; 3 tasks planned\n");
  const std::string status = run_ok(box, {"sprint", "status"});
  CHECK(status.find("Today      day 1 of 7, 6 days left") != std::string::npos);
  CHECK(status.find("Progress   0/3 done") != std::string::npos);
  CHECK(status.find("Burndown") != std::string::npos);
  CHECK(run_ok(box, {"today"}).find("Sprint     'Titanic' day 1 of 7, 0/3 done, 6 days left") !=
        std::string::npos);
  const auto j = run_json(box, {"sprint", "show", "1"});
  CHECK(j["status"] == "active");
  CHECK(j["tasks"].size() == 3);
  CHECK(j["burndown"].size() == 7);
  CHECK(run_ok(box, {"sprint", "close", "--learned", "pandas", "--rating", "4"}) ==
        "Closed sprint 1 'Titanic': 0/3 planned tasks done\n");
  const auto closed = run_json(box, {"sprint", "list"});
  CHECK(closed[0]["status"] == "closed");
  CHECK(closed[0]["retrospective"]["rating"] == 4);
}

TEST_CASE("sprint errors change nothing", "[e2e][sprint]") {
  Sandbox box;
  setup(box);
  check_rejects(box, {"sprint", "close"},
                "no active sprint to close; 'momentum sprint list' shows the sprints");
  check_rejects(box, {"sprint", "add", "1"},
                "no sprint to add to; start one with 'momentum sprint start TITLE'");
  check_rejects(box, {"sprint", "show", "1"},
                "unknown sprint '1'; there are no sprints yet (start one with 'momentum sprint "
                "start TITLE')");
  check_rejects(box, {"sprint", "start", "X", "--days", "0"},
                "--days: '0' is not a whole number from 1 to 90");
  run_ok(box, {"sprint", "start", "Titanic", "--task", "1"});
  check_rejects(
      box, {"sprint", "start", "Other"},
      "sprint 1 'Titanic' is active until 2026-03-16; close it first with 'momentum sprint close'");
  check_rejects(box, {"sprint", "add", "1"}, "task 1 is already planned in sprint 1");
  check_rejects(box, {"sprint", "remove", "2"}, "task 2 is not planned in sprint 1");
  check_rejects(box, {"sprint", "close", "--rating", "6"},
                "--rating: '6' is not a whole number from 1 to 5");
}

TEST_CASE("an ended sprint without a close warns on today", "[e2e][sprint]") {
  Sandbox box;
  setup(box);
  run_ok(box, {"sprint", "start", "Titanic", "--days", "2"});
  box.now("2026-03-20T09:00:00Z");
  CHECK(run_ok(box, {"today"})
            .find("'Titanic' ended 2026-03-11 without a close: momentum sprint close") !=
        std::string::npos);
  check_rejects(box, {"sprint", "start", "Next"},
                "sprint 1 'Titanic' ended 2026-03-11 without a close; close it first with "
                "'momentum sprint close'");
  run_ok(box, {"sprint", "close"});
}

TEST_CASE("a later sprint is planned, becomes active on its day, and carries unfinished work",
          "[e2e][sprint]") {
  Sandbox box;
  setup(box);
  run_ok(box, {"sprint", "start", "Titanic", "--start", "2026-03-12", "--until", "2026-03-14",
               "--task", "1", "--task", "2", "--task", "3"});
  CHECK(run_json(box, {"sprint", "show", "1"})["status"] == "planned");
  CHECK(run_ok(box, {"sprint", "remove", "3"}).find("sprint 1") != std::string::npos);
  CHECK(run_json(box, {"sprint", "show", "1"})["tasks"].size() == 2);
  box.now("2026-03-12T09:00:00Z");
  CHECK(run_json(box, {"sprint", "show", "1"})["status"] == "active");
  run_ok(box, {"task", "done", "1", "-q"});
  const std::string list = run_ok(box, {"sprint", "list"});
  CHECK(list.find("Titanic") != std::string::npos);
  box.now("2026-03-15T09:00:00Z");
  run_ok(box, {"sprint", "close", "--learned", "feature engineering matters", "-q"});
  run_ok(box, {"sprint", "start", "Titanic, again", "--carry", "-q"});
  const auto next = run_json(box, {"sprint", "show", "2"});
  REQUIRE(next["tasks"].size() == 1);  // task 2 was left open; task 1 was done
  CHECK(next["tasks"][0]["task"] == 2);
}
