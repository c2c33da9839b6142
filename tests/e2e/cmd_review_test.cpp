// momentum review.
#include <catch2/catch.hpp>

#include "checks.hpp"
#include "sandbox.hpp"

using namespace momentum::test;

TEST_CASE("review prints Markdown for a sprint", "[e2e][review]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Kaggle"});
  run_ok(box, {"task", "add", "*Read* docs", "--goal", "1"});
  run_ok(box, {"sprint", "start", "Titanic", "--task", "1"});
  run_ok(box, {"log", "45m", "pandas <b>", "--task", "1"});
  run_ok(box, {"sprint", "close", "--learned", "groupby", "--blocked", "time", "--next", "kaggle",
               "--rating", "3"});
  const std::string md = run_ok(box, {"review", "--sprint", "1"});
  CHECK(md.starts_with("# Sprint 1: Titanic\n"));
  CHECK(md.find("### Kaggle (45m)\n\n- 2026-03-10 45m do: pandas \\<b\\> (task 1)\n") !=
        std::string::npos);
  CHECK(md.find("## Retrospective: sprint 1, Titanic\n\n- Rating: 3/5\n- Learned: groupby\n") !=
        std::string::npos);
  CHECK(md.find("## Blocked\n\n- time\n") != std::string::npos);
  CHECK(md.find("\x1b") == std::string::npos);
}

TEST_CASE("review errors", "[e2e][review]") {
  Sandbox box;
  check_rejects(
      box, {"review", "--since", "2026-03-12", "--until", "2026-03-11"},
      "--since '2026-03-12' is after the period's end (2026-03-11); expected an earlier day");
  check_rejects(box, {"review", "--format", "html"},
                "--format: unknown format 'html'; expected md or text");
  check_rejects(box, {"review", "--sprint", "1"},
                "unknown sprint '1'; there are no sprints yet (start one with 'momentum sprint "
                "start TITLE')");
  CHECK(
      run_ok(box, {"review", "--format", "text"}).starts_with("Review 2026-03-09 to 2026-03-10\n"));
}

TEST_CASE("a weekly review carries the retrospective of the week's sprint", "[e2e][review]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Kaggle", "-q"});
  run_ok(box, {"task", "add", "Baseline", "--goal", "1", "-q"});
  run_ok(box, {"sprint", "start", "Titanic", "--days", "3", "--task", "1", "-q"});
  run_ok(box, {"log", "20m", "--learn", "--goal", "1", "-q"});
  run_ok(box, {"log", "40m", "--task", "1", "-q"});
  box.now("2026-03-12T18:00:00Z");
  run_ok(box, {"sprint", "close", "--learned", "groupby", "--blocked", "GPU quota", "--next",
               "try XGBoost", "--rating", "4", "-q"});
  const std::string md = run_ok(box, {"review", "--week"});
  CHECK(md.starts_with("# Review 2026-03-09 to 2026-03-12\n"));
  CHECK(md.find("- Learn 20m (33%), do 40m (67%)\n") != std::string::npos);
  CHECK(md.find("## Retrospective: sprint 1, Titanic\n\n- Rating: 4/5\n- Learned: groupby\n") !=
        std::string::npos);
  CHECK(md.find("## Blocked\n\n- GPU quota\n") != std::string::npos);
  CHECK(md.find("## Next\n\n- try XGBoost\n") != std::string::npos);
}
