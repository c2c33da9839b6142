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
  run_ok(box, {"sprint", "close", "--learned", "groupby", "--blocked", "time", "--next", "kaggle", "--rating", "3"});
  const std::string md = run_ok(box, {"review", "--sprint", "1"});
  CHECK(md.starts_with("# Sprint 1: Titanic\n"));
  CHECK(md.find("### Kaggle (45m)\n\n- 2026-03-10 45m do: pandas \\<b\\> (task 1)\n") != std::string::npos);
  CHECK(md.find("- Rating: 3/5\n- Learned: groupby\n") != std::string::npos);
  CHECK(md.find("## Blocked\n\n- time\n") != std::string::npos);
  CHECK(md.find("\x1b") == std::string::npos);
}

TEST_CASE("review errors", "[e2e][review]") {
  Sandbox box;
  check_rejects(box, {"review", "--since", "2026-03-12", "--until", "2026-03-11"},
                "--since '2026-03-12' is after the period's end (2026-03-11); expected an earlier day");
  check_rejects(box, {"review", "--format", "html"}, "--format: unknown format 'html'; expected md or text");
  check_rejects(box, {"review", "--sprint", "1"}, "unknown sprint '1'; there are no sprints yet (start one with 'momentum sprint start TITLE')");
  CHECK(run_ok(box, {"review", "--format", "text"}).starts_with("Review 2026-03-09 to 2026-03-10\n"));
}
