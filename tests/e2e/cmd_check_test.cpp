// momentum check [--repair]: the real binary on broken journals.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "checks.hpp"
#include "sandbox.hpp"

using namespace momentum::test;
namespace fs = std::filesystem;

namespace {

const std::string goal_id = "aaaa1111-0000-4000-8000-000000000001";
const std::string task_id = "bbbb2222-0000-4000-8000-000000000002";
const std::string missing_id = "cccc3333-0000-4000-8000-000000000003";

std::string goal_a() { return goal_line(goal_id, "2026-03-01T09:00:00.000Z", "Alpha"); }
std::string task_b() { return task_line(task_id, "2026-03-02T09:00:00.000Z", "Beta"); }
std::string edit_missing() {
  return event_line("dddd4444-0000-4000-8000-000000000004", "2026-03-03T09:00:00.000Z", "task.edit",
                    R"({"task":")" + missing_id + R"(","title":"x"})");
}
std::string log_c() {
  return event_line("eeee5555-0000-4000-8000-000000000005", "2026-03-04T09:00:00.000Z", "log.add",
                    R"({"day":"2026-03-04","kind":"do","minutes":30,"goal":")" + goal_id + R"("})");
}

// A journal with a goal, a task and a check-in, and two bad lines (3 and 5).
std::string broken() {
  return header_line() + goal_a() + "this is not json\n" + task_b() + edit_missing() + log_c();
}

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("check of a clean journal prints its counts and exits 0", "[e2e][check]") {
  Sandbox box;
  box.write_journal(header_line() + goal_a() + task_b() + log_c());
  const std::string before = box.journal_bytes();
  CHECK(run_ok(box, {"check"}) ==
        "journal.jsonl: 3 events, 1 goal, 1 task, 1 check-in\n"
        "No problems.\n");
  CHECK(run_ok(box, {"check", "-q"}).empty());
  CHECK(box.journal_bytes() == before);
}

TEST_CASE("check with warnings only exits 0 and lists them", "[e2e][check]") {
  Sandbox box;
  const std::string future =
      event_line("ffff6666-0000-4000-8000-000000000006", "2026-03-12T09:00:00.000Z", "goal.add",
                 R"({"title":"Later"})");
  const std::string newer = event_line("ffff7777-0000-4000-8000-000000000007",
                                       "2026-03-05T09:00:00.000Z", "habit.archive", "{}");
  box.write_journal(header_line() + goal_a() + newer + future + R"({"id":"torn)");
  const std::string before = box.journal_bytes();
  const Result r = box.run({"check"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "journal.jsonl: 3 events, 2 goals, 0 tasks, 0 check-ins\n"
        "No problems, 3 warnings:\n"
        "  line 3: warning: op 'habit.archive' is from a newer momentum; kept, not\n"
        "    applied\n"
        "  line 4: warning: written at 2026-03-12T09:00:00.000Z, more than 24 h in the\n"
        "    future (a clock set wrong?)\n"
        "  line 5: warning: incomplete last line (a write was interrupted); the next\n"
        "    change removes it\n"
        "Run 'momentum check --repair' to move 1 unusable line to\n"
        "journal.quarantine.jsonl.\n");
  CHECK(box.journal_bytes() == before);
}

TEST_CASE("check with problems lists them by line and exits 3", "[e2e][check]") {
  Sandbox box;
  box.write_journal(broken());
  const std::string before = box.journal_bytes();
  const Result r = box.run({"check"});
  CHECK(r.code == 3);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "journal.jsonl: 3 events, 1 goal, 1 task, 1 check-in\n"
        "2 problems:\n"
        "  line 3: problem: not JSON (Problem while parsing an atom starting with the\n"
        "    letter 't')\n"
        "  line 5: problem: task.edit of task cccc3333-0000-4000-8000-000000000003, which\n"
        "    does not exist; replay ignores it\n"
        "Run 'momentum check --repair' to move 2 unusable lines to\n"
        "journal.quarantine.jsonl.\n");
  CHECK(box.journal_bytes() == before);
  CHECK_FALSE(fs::exists(box.dir() / "journal.quarantine.jsonl"));
  CHECK_FALSE(fs::exists(box.dir() / "journal.jsonl.lock"));
}

TEST_CASE("check --repair quarantines the bad lines; a second check exits 0", "[e2e][check]") {
  Sandbox box;
  box.write_journal(broken());
  ::chmod(box.journal().c_str(), 0640);
  const fs::path quarantine = box.dir() / "journal.quarantine.jsonl";
  Sandbox::write_file(quarantine, "kept from before\n");
  const Result r = box.run({"check", "--repair"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK_THAT(r.out, Catch::Contains("Repaired: moved 2 lines (3, 5) to"));
  CHECK_THAT(r.out, Catch::Contains("journal.quarantine.jsonl. The journal loads again.\n"));
  CHECK(box.journal_bytes() == header_line() + goal_a() + task_b() + log_c());
  CHECK(Sandbox::read_file(quarantine) == "kept from before\nthis is not json\n" + edit_missing());
  CHECK(mode_of(box.journal()) == 0640);
  CHECK(run_ok(box, {"check"}) ==
        "journal.jsonl: 3 events, 1 goal, 1 task, 1 check-in\n"
        "No problems.\n");
  // The journal loads for every other command, and a change appends as usual.
  CHECK(run_json(box, {"goal", "list"}).size() == 1);
  run_ok(box, {"log", "10m", "--goal", "1"});
  CHECK(box.run({"check"}).code == 0);
}

TEST_CASE("check --repair of a clean journal changes nothing", "[e2e][check]") {
  Sandbox box;
  box.write_journal(header_line() + goal_a());
  const std::string before = box.journal_bytes();
  const fs::file_time_type written = fs::last_write_time(box.journal());
  CHECK_THAT(run_ok(box, {"check", "--repair"}),
             Catch::EndsWith("No problems.\nNothing to repair.\n"));
  CHECK(box.journal_bytes() == before);
  CHECK(fs::last_write_time(box.journal()) == written);
  CHECK_FALSE(fs::exists(box.dir() / "journal.quarantine.jsonl"));
}

TEST_CASE("check --repair writes a missing header", "[e2e][check]") {
  Sandbox box;
  box.write_journal(goal_a() + task_b());
  const Result r = box.run({"check"});
  CHECK(r.code == 3);
  CHECK_THAT(r.out, Catch::Contains("  line 1: problem: no header line before the first event; "
                                    "repair writes one\n    (version 1)\n"));
  CHECK_THAT(r.out,
             Catch::EndsWith("Run 'momentum check --repair' to write the missing header.\n"));
  const Result fixed = box.run({"check", "--repair"});
  CHECK(fixed.code == 0);
  CHECK_THAT(fixed.out, Catch::EndsWith(
                            "Repaired: wrote the missing header line. The journal loads again.\n"));
  CHECK(box.journal_bytes() == header_line("2026-03-01T09:00:00.000Z") + goal_a() + task_b());
  CHECK(box.run({"check"}).code == 0);
}

TEST_CASE("check --json gives the counts, the findings and the repair", "[e2e][check]") {
  Sandbox box;
  box.write_journal(broken());
  const Result r = box.run({"check", "--json"});
  CHECK(r.code == 3);
  CHECK(r.err.empty());
  const nlohmann::json j = nlohmann::json::parse(r.out);
  CHECK(j["journal"] == box.journal().string());
  CHECK(j["events"] == 3);
  CHECK(j["goals"] == 1);
  CHECK(j["tasks"] == 1);
  CHECK(j["logs"] == 1);
  CHECK(j["skips"] == 0);
  CHECK(j["sprints"] == 0);
  CHECK(j["problems"] == 2);
  CHECK(j["warnings"] == 0);
  CHECK(j["findings"].size() == 2);
  CHECK(j["findings"][1] ==
        nlohmann::json{{"line", 5},
                       {"severity", "problem"},
                       {"message", "task.edit of task " + missing_id +
                                       ", which does not exist; replay ignores it"},
                       {"unusable", true}});
  CHECK(j["needs_header"] == false);
  CHECK(j["repairable"] == true);
  CHECK(j["quarantine"] == (box.dir() / "journal.quarantine.jsonl").string());
  CHECK(j["repaired"].is_null());
  const nlohmann::json fixed = run_json(box, {"check", "--repair"});
  CHECK(fixed["repaired"] == nlohmann::json{{"moved", {3, 5}}, {"header_added", false}});
  CHECK(run_json(box, {"check"})["problems"] == 0);
}

TEST_CASE("check of a missing journal is an error that creates nothing", "[e2e][check]") {
  Sandbox box;
  for (const auto& args : {std::vector<std::string>{"check"}, {"check", "--repair"}}) {
    check_rejects(box, args,
                  "no journal at '" + box.journal().string() +
                      "' to check; momentum creates it with the first change (see --journal)");
  }
  CHECK_FALSE(fs::exists(box.dir() / "journal.jsonl.lock"));
}

TEST_CASE("check of a newer journal version exits 3 and --repair refuses", "[e2e][check]") {
  Sandbox box;
  box.write_journal(header_line("2026-03-01T09:00:00.000Z", 2) + "{\"whatever\":1}\n");
  const Result r = box.run({"check"});
  CHECK(r.code == 3);
  CHECK(r.out ==
        "journal.jsonl: not readable by this momentum\n"
        "1 problem:\n"
        "  line 1: problem: journal version 2 is not supported; this momentum reads\n"
        "    version 1\n"
        "This momentum can neither read nor repair it; use a newer one.\n");
  check_fails(box, {"check", "--repair"}, 3,
              "cannot repair '" + box.journal().string() +
                  "': journal version 2 is not supported; this momentum reads version 1");
}

TEST_CASE("check escapes hostile text in its messages", "[e2e][check]") {
  Sandbox box;
  const std::string hostile =
      event_line("x\x1b[2J", "2026-03-01T09:00:00.000Z", "goal.add", R"({"title":"T"})");
  const std::string newer =
      event_line("y", "2026-03-02T09:00:00.000Z", "goal.edit\u202e", R"({"goal":"z"})");
  const std::string edit =
      event_line("z", "2026-03-03T09:00:00.000Z", "task.edit", R"({"task":"\u001b[2J"})");
  box.write_journal(header_line() + hostile + newer + edit);
  const Result r = box.run({"check"});
  CHECK(r.code == 3);
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.out.find("\u202e") == std::string::npos);
  CHECK_THAT(r.out, Catch::Contains("op 'goal.edit\\u202e'"));
  CHECK_THAT(r.out, Catch::Contains("task.edit of task \\x1b[2J, which"));
}

TEST_CASE("check --repair waits for the lock like a write", "[e2e][check]") {
  Sandbox box;
  box.write_journal(broken());
  CHECK(box.run({"check", "--repair"}).code == 0);
  CHECK(fs::exists(box.dir() / "journal.jsonl.lock"));
}
