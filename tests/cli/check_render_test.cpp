// check_render.hpp: check's summary, exact, for hand-made reports.
#include "cli/check_render.hpp"

#include <catch2/catch.hpp>
#include <sstream>

namespace {

using momentum::CheckReport;
using momentum::Finding;
using momentum::Severity;
using momentum::cli::CheckView;
using momentum::cli::Repaired;
using momentum::cli::Style;

std::string printed(const CheckView& view, int width = 80) {
  std::ostringstream out;
  print_check(out, Style{true, false, width}, view);
  return out.str();
}

CheckReport counted() {
  CheckReport r;
  r.events = 1204;
  r.goals = 1;
  r.tasks = 41;
  r.logs = 880;
  r.skips = 1;
  r.sprints = 4;
  return r;
}

}  // namespace

TEST_CASE("check_render: a clean journal is its counts and 'No problems.'", "[check]") {
  const CheckReport r = counted();
  CHECK(printed({"/d/journal.jsonl", "/d/journal.quarantine.jsonl", r, false, std::nullopt}) ==
        "journal.jsonl: 1204 events, 1 goal, 41 tasks, 880 check-ins, 1 rest day, 4\n"
        "  sprints\n"
        "No problems.\n");
  CheckReport few;
  few.events = 2;
  few.goals = 1;
  few.logs = 1;
  CHECK(printed({"/d/journal.jsonl", "/d/journal.quarantine.jsonl", few, false, std::nullopt}) ==
        "journal.jsonl: 2 events, 1 goal, 0 tasks, 1 check-in\n"
        "No problems.\n");
}

TEST_CASE("check_render: findings wrap to the width, indented under their line", "[check]") {
  CheckReport r = counted();
  r.findings = {{57, Severity::problem, "not JSON (a very long reason that goes on and on)", true},
                {90, Severity::warning, "op 'x' is from a newer momentum\x1b[2J", false}};
  CHECK(printed({"/d/journal.jsonl", "/d/journal.quarantine.jsonl", r, false, std::nullopt}, 40) ==
        "journal.jsonl: 1204 events, 1 goal, 41\n"
        "  tasks, 880 check-ins, 1 rest day, 4\n"
        "  sprints\n"
        "1 problem, 1 warning:\n"
        "  line 57: problem: not JSON (a very\n"
        "    long reason that goes on and on)\n"
        "  line 90: warning: op 'x' is from a\n"
        "    newer momentum\\x1b[2J\n"
        "Run 'momentum check --repair' to move 1\n"
        "unusable line to\n"
        "journal.quarantine.jsonl.\n");
}

TEST_CASE("check_render: more than 20 findings are cut, with how many more", "[check]") {
  CheckReport r;
  for (int line = 1; line <= 23; ++line)
    r.findings.push_back({line, Severity::warning, "w", false});
  const std::string text = printed({"j", "q", r, false, std::nullopt});
  CHECK(text.find("line 20: warning: w\n") != std::string::npos);
  CHECK(text.find("line 21") == std::string::npos);
  CHECK(text.find("  … and 3 more (momentum check --json lists them all)\n") != std::string::npos);
}

TEST_CASE("check_render: a repair says what moved where", "[check]") {
  CheckReport r = counted();
  r.findings = {{3, Severity::problem, "not JSON", true}};
  r.needs_header = true;
  const CheckView view{"/d/journal.jsonl", "/d/journal.quarantine.jsonl", r, true,
                       Repaired{{3}, true}};
  CHECK_THAT(printed(view), Catch::EndsWith("Repaired: moved 1 line (3) to "
                                            "/d/journal.quarantine.jsonl. Wrote the missing\n"
                                            "header line. The journal loads again.\n"));
  const std::string json = check_json(view).dump();
  CHECK(
      json ==
      R"({"journal":"/d/journal.jsonl","events":1204,"goals":1,"tasks":41,"logs":880,"skips":1,)"
      R"("sprints":4,"problems":1,"warnings":0,"findings":[{"line":3,"severity":"problem",)"
      R"("message":"not JSON","unusable":true}],"needs_header":true,"repairable":true,)"
      R"("quarantine":"/d/journal.quarantine.jsonl","repaired":{"moved":[3],"header_added":true}})");
}
