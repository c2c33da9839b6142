// momentum export: JSON that rebuilds the journal, CSV tables, Markdown, iCalendar, --output,
// and every bad input.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "checks.hpp"
#include "export_journal.hpp"
#include "sandbox.hpp"

using namespace momentum::test;
using nlohmann::ordered_json;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> dir_entries(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("export --format json holds the header and every event, as written", "[e2e][export]") {
  Sandbox box;
  fill_journal(box);
  const std::string before = box.journal_bytes();
  const std::string out = run_ok(box, {"export", "--format", "json"});
  CHECK(box.journal_bytes() == before);
  const auto j = ordered_json::parse(out);
  CHECK(j["momentum"] == "export");
  CHECK(j["version"] == 1);
  CHECK(j["exported"] == "2026-03-10T09:00:00.000Z");
  const std::vector<std::string> journal = box.journal_lines();
  CHECK(j["header"].dump() == journal.front());
  REQUIRE(j["events"].size() == journal.size() - 1);
  // Each event is on a line of its own, exactly as the journal holds it.
  const std::vector<std::string> lines = lines_of(out);
  for (std::size_t i = 1; i < journal.size(); ++i) {
    const std::string comma = i + 1 < journal.size() ? "," : "";
    CHECK(lines.at(i + 2) == journal[i] + comma);
  }
}

TEST_CASE("export --format json: the state is what the commands show", "[e2e][export]") {
  Sandbox box;
  fill_journal(box);
  const auto j = run_json(box, {"export", "--format", "json"});
  const auto& state = j["state"];
  CHECK(state["goals"] == run_json(box, {"goal", "list", "--all"}));
  CHECK(state["tasks"] == run_json(box, {"task", "list", "--all"}));
  const auto logs = run_json(box, {"log", "list", "--all"});
  CHECK(state["logs"] == logs["logs"]);
  CHECK(state["skips"] == logs["skips"]);
  CHECK(state["sprints"] == run_json(box, {"sprint", "list"}));
  REQUIRE(state["skips"].size() == 1);
  CHECK(state["skips"][0]["day"] == "2026-03-14");
  CHECK(state["logs"].size() == 1);  // the removed check-in is history only
}

TEST_CASE("export --format json rebuilds the same journal: state, ids, history", "[e2e][export]") {
  Sandbox box;
  fill_journal(box);
  const std::string exported = run_ok(box, {"export", "--format", "json"});
  const auto j = ordered_json::parse(exported);
  // An importer's work, done by hand: the header, then each event as a line.
  std::string rebuilt = j["header"].dump() + "\n";
  for (const auto& event : j["events"]) rebuilt += event.dump() + "\n";
  CHECK(rebuilt == box.journal_bytes());
  Sandbox copy;
  copy.write_journal(rebuilt);
  CHECK(views_of(copy) == views_of(box));
  CHECK(run_ok(copy, {"export", "--format", "json"}) == exported);
}

TEST_CASE("export --format json of a missing journal is empty and creates nothing",
          "[e2e][export]") {
  Sandbox box;
  const std::string out = run_ok(box, {"export", "--format", "json"});
  CHECK(out ==
        "{\"momentum\":\"export\",\"version\":1,\"exported\":\"2026-03-10T09:00:00.000Z\",\n"
        "\"header\":null,\n\"events\":[],\n\"state\":{\n\"goals\":[],\n\"tasks\":[],\n"
        "\"logs\":[],\n\"skips\":[],\n\"sprints\":[]\n}\n}\n");
  CHECK_FALSE(box.journal_exists());
}

TEST_CASE("export --json is --format json", "[e2e][export]") {
  Sandbox box;
  fill_journal(box);
  CHECK(run_ok(box, {"--json", "export"}) == run_ok(box, {"export", "--format", "json"}));
  CHECK(run_ok(box, {"export", "--json", "--format", "json"}) ==
        run_ok(box, {"export", "--format", "json"}));
}

TEST_CASE("export --format json keeps a torn last line out and warns", "[e2e][export]") {
  Sandbox box;
  box.write_journal(export_journal() + R"({"id":"00000000-0000-4000-8000-0000000000)");
  const Result r = box.run({"export", "--format", "json"});
  CHECK(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("ignoring an incomplete last line"));
  CHECK(ordered_json::parse(r.out)["events"].size() == 14);
}

TEST_CASE("export --format csv: check-ins by default, RFC 4180", "[e2e][export]") {
  Sandbox box;
  box.write_journal(export_journal());
  CHECK(run_ok(box, {"export", "--format", "csv"}) ==
        "id,uuid,day,minutes,kind,goal,goal_title,task,task_title,note,resistance,tags\r\n"
        "1,00000000-0000-4000-8000-000000000006,2026-03-02,45,learn,1,Become an ML engineer,1,"
        "\"Read ISLR, chapter 3\",\"linear regression\nand a \"\"quote\"\"\",3,\r\n"
        "3,00000000-0000-4000-8000-000000000013,2026-03-31,30,do,2,Run,,,,,\r\n"
        "4,00000000-0000-4000-8000-000000000014,2026-04-02,,do,2,Run,,,\"5k, easy\",,\r\n");
  CHECK(run_ok(box, {"export", "--format", "csv", "--what", "logs"}) ==
        run_ok(box, {"export", "--format", "csv"}));
}

TEST_CASE("export --format csv --what tasks and goals", "[e2e][export]") {
  Sandbox box;
  box.write_journal(export_journal());
  box.now("2026-03-20T09:00:00Z");
  CHECK(run_ok(box, {"export", "--format", "csv", "--what", "tasks"}) ==
        "id,uuid,title,goal,goal_title,kind,status,importance,estimate,due,tags,created,started,"
        "finished,deferrals,minutes_logged\r\n"
        "1,00000000-0000-4000-8000-000000000003,\"Read ISLR, chapter 3\",1,Become an ML engineer,"
        "learn,done,4,90,2026-03-12,stats book,2026-03-01,2026-03-02,2026-03-10,0,45\r\n"
        "2,00000000-0000-4000-8000-000000000004,\"Titanic \"\"baseline\"\"; submit\",,,do,todo,3,,"
        "2026-03-13,,2026-03-01,,,0,0\r\n"
        "3,00000000-0000-4000-8000-000000000005,Buy shoes,2,Run,do,todo,2,,,,2026-03-01,,,0,0\r\n");
  CHECK(run_ok(box, {"export", "--format", "csv", "--what", "goals"}) ==
        "id,uuid,title,why,status,cadence,importance,target,tags,created,ended\r\n"
        "1,00000000-0000-4000-8000-000000000001,Become an ML engineer,\"a job I love, really\","
        "active,daily,5,,ml,2026-03-01,\r\n"
        "2,00000000-0000-4000-8000-000000000002,Run,,active,3/week,3,,,2026-03-01,\r\n");
}

TEST_CASE("export --output writes the file whole and says so", "[e2e][export]") {
  Sandbox box;
  fill_journal(box);
  const auto dir = box.dir() / "out";
  std::filesystem::create_directory(dir);
  const auto file = dir / "backup.json";
  Sandbox::write_file(file, "old content that is longer than nothing");
  const std::string json = run_ok(box, {"export", "--format", "json"});
  CHECK(run_ok(box, {"export", "--format", "json", "--output", file.string()}) ==
        "Wrote 14 events to " + file.string() + "\n");
  CHECK(Sandbox::read_file(file) == json);
  CHECK(dir_entries(dir) == std::vector<std::string>{"backup.json"});  // no temporary left
  struct stat st {};
  REQUIRE(stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);

  const auto csv = dir / "tasks.csv";
  CHECK(run_ok(box, {"export", "--format", "csv", "--what", "tasks", "--output", csv.string()}) ==
        "Wrote 2 tasks to " + csv.string() + "\n");
  CHECK(Sandbox::read_file(csv) == run_ok(box, {"export", "--format", "csv", "--what", "tasks"}));
  CHECK(run_ok(box, {"-q", "export", "--format", "csv", "--output", csv.string()}).empty());
  CHECK(Sandbox::read_file(csv) == run_ok(box, {"export", "--format", "csv"}));
  const auto md = dir / "dump.md";
  CHECK(run_ok(box, {"-q", "export", "--format", "md", "-o", md.string()}).empty());  // short
  CHECK(Sandbox::read_file(md) == run_ok(box, {"export", "--format", "md"}));
  CHECK(dir_entries(dir) == std::vector<std::string>{"backup.json", "dump.md", "tasks.csv"});
}

TEST_CASE("export rejects bad input with one line, the journal unchanged", "[e2e][export]") {
  Sandbox box;
  fill_journal(box);
  check_rejects(box, {"export", "--format", "xml"},
                "--format: unknown format 'xml'; expected json, csv, md or ics");
  check_rejects(box, {"export", "--format", "csv", "--what", "sprints"},
                "--what: unknown table 'sprints'; expected logs, tasks or goals");
  check_rejects(box, {"export"},
                "export needs --format: json, csv, md or ics (see 'momentum export --help')");
  check_rejects(box, {"export", "--format", "json", "--what", "tasks"},
                "--what works with --format csv only, not 'json'");
  check_rejects(box, {"--json", "export", "--format", "csv"},
                "--json asks for --format json, not 'csv'; give one of them");
  check_rejects(box, {"export", "--format", "ics", "--what", "tasks"},
                "--what works with --format csv only, not 'ics'");
  check_rejects(box, {"--json", "export", "--format", "ics"},
                "--json asks for --format json, not 'ics'; give one of them");
  check_rejects(
      box, {"export", "--format", "json", "--output", box.journal().string()},
      "--output '" + box.journal().string() + "' is the journal itself; choose another file");
  CHECK(dir_entries(box.dir()) ==
        std::vector<std::string>{"home", "journal.jsonl", "journal.jsonl.lock"});
}

TEST_CASE("export --output that cannot be written fails with exit 3", "[e2e][export]") {
  Sandbox box;
  fill_journal(box);
  const auto missing = box.dir() / "missing" / "x.json";
  check_fails(box, {"export", "--format", "json", "--output", missing.string()}, 3,
              "cannot write '" + missing.string() + "': no such directory '" +
                  missing.parent_path().string() + "'");
  CHECK_FALSE(std::filesystem::exists(missing.parent_path()));
  const auto folder = box.dir() / "folder";
  std::filesystem::create_directory(folder);
  check_fails(box, {"export", "--format", "csv", "--output", folder.string()}, 3,
              "cannot write '" + folder.string() + "': Is a directory");
  CHECK(dir_entries(box.dir()) ==
        std::vector<std::string>{"folder", "home", "journal.jsonl", "journal.jsonl.lock"});
  CHECK(dir_entries(folder).empty());
}

TEST_CASE("export --format md: goals, tasks by goal, sprints, check-ins by month",
          "[e2e][export]") {
  Sandbox box;
  box.write_journal(export_journal());
  box.now("2026-03-20T09:00:00Z");
  CHECK(run_ok(box, {"export", "--format", "md"}) == R"(# momentum

Exported on 2026-03-20: 2 goals, 3 tasks, 1 sprint, 3 check-ins.

## Goals

### Goal 1: Become an ML engineer

- Status: active
- Cadence: daily, importance 5
- Why: a job I love, really
- Tags: ml
- Created 2026-03-01; tasks: 0 open, 1 done

### Goal 2: Run

- Status: active
- Cadence: 3/week, importance 3
- Created 2026-03-01; tasks: 1 open, 0 done

## Tasks

### Goal 1: Become an ML engineer

- Task 1: Read ISLR, chapter 3 (learn, done 2026-03-10, due 2026-03-12, estimate 1h30m, 45m logged, tags stats, book)

### Goal 2: Run

- Task 3: Buy shoes (do, todo)

### No goal

- Task 2: Titanic "baseline"; submit (do, todo, due 2026-03-13)

## Sprints

### Sprint 1: Finish chapter 3

- 2026-03-09 to 2026-03-15, closed 2026-03-15
- Goal 1: Become an ML engineer
- Task 1: Read ISLR, chapter 3 (done)

Retrospective:

- Learned: read every day
- Blocked: nothing
- Next: chapter 4
- Rating: 4/5

## Check-ins

### March 2026

- 2026-03-02: check-in 1, 45m learn, Goal 1: Become an ML engineer, Task 1: Read ISLR, chapter 3, resistance 3: linear regression and a "quote"
- 2026-03-06: rest day, all goals: family visit
- 2026-03-31: check-in 3, 30m do, Goal 2: Run

### April 2026

- 2026-04-02: check-in 4, do, Goal 2: Run: 5k, easy
)");
}

TEST_CASE("export --format md escapes Markdown and never prints a control byte", "[e2e][export]") {
  Sandbox box;
  run_ok(box, {"-q", "goal", "add", "# *bold* <b>\x1b[31m"});
  run_ok(box, {"-q", "log", "10m", "red \x1b[31m text\u202e", "--goal", "1"});
  const std::string md = run_ok(box, {"export", "--format", "md"});
  CHECK_THAT(md, Catch::Contains("### Goal 1: \\# \\*bold\\* \\<b\\>"));
  CHECK(md.find('\x1b') == std::string::npos);
  CHECK(md.find("\u202e") == std::string::npos);
  CHECK_THAT(md, Catch::Contains("red \\\\x1b\\[31m text\\\\u202e"));
}

TEST_CASE("export --format ics: due days and sprints, one UID per item, CRLF lines",
          "[e2e][export]") {
  Sandbox box;
  fill_journal(box);
  const std::string before = box.journal_bytes();
  const std::string ics = run_ok(box, {"export", "--format", "ics"});
  CHECK(box.journal_bytes() == before);
  CHECK(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0) == 0);
  CHECK(ics.size() >= 15);
  CHECK(ics.substr(ics.size() - 15) == "END:VCALENDAR\r\n");
  // Every task with a due day and the sprint, each under its journal UUID; no bare LF.
  const auto tasks = run_json(box, {"task", "list", "--all"});
  const auto sprints = run_json(box, {"sprint", "list"});
  REQUIRE(tasks.size() == 2);
  REQUIRE(sprints.size() == 1);
  for (const auto& task : tasks) {
    CHECK_THAT(ics,
               Catch::Contains("\r\nUID:task-" + task["id"].get<std::string>() + "@momentum\r\n"));
  }
  CHECK_THAT(ics, Catch::Contains("\r\nUID:sprint-" + sprints[0]["id"].get<std::string>() +
                                  "@momentum\r\n"));
  CHECK_THAT(ics, Catch::Contains("\r\nSUMMARY:Done: Read ISLR\\, chapter 3\r\n"));
  CHECK_THAT(ics, Catch::Contains("\r\nSUMMARY:Titanic \"baseline\"\r\n"
                                  "DESCRIPTION:Task 2: do\\, todo\\, 1 deferral\r\n"
                                  "CATEGORIES:kaggle\r\n"));
  CHECK_THAT(ics, Catch::Contains("\r\nDTSTAMP:20260310T090000Z\r\n"));
  // The deferred task sits on its new due day.
  CHECK_THAT(ics, Catch::Contains("\r\nDTSTART;VALUE=DATE:20260316\r\nDTEND;VALUE=DATE:20260317\r\n"
                                  "TRANSP:TRANSPARENT\r\nSUMMARY:Titanic"));
  std::size_t lf = 0;
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics[i] != '\n') continue;
    ++lf;
    CHECK(ics[i - 1] == '\r');
  }
  CHECK(lf == 37);
}

TEST_CASE("export --format ics: the fixed journal, exact", "[e2e][export]") {
  Sandbox box;
  box.write_journal(export_journal());
  box.now("2026-03-20T09:00:00Z");
  CHECK(run_ok(box, {"export", "--format", "ics"}) ==
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//momentum//momentum//EN\r\n"
        "CALSCALE:GREGORIAN\r\nX-WR-CALNAME:momentum\r\n"
        "BEGIN:VEVENT\r\nUID:task-00000000-0000-4000-8000-000000000003@momentum\r\n"
        "DTSTAMP:20260320T090000Z\r\nDTSTART;VALUE=DATE:20260312\r\n"
        "DTEND;VALUE=DATE:20260313\r\nTRANSP:TRANSPARENT\r\n"
        "SUMMARY:Done: Read ISLR\\, chapter 3\r\n"
        "DESCRIPTION:Task 1: learn\\, done 2026-03-10\\, estimate 1h30m\\, 45m logged\\n\r\n"
        " Goal 1: Become an ML engineer\r\nCATEGORIES:stats,book\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:task-00000000-0000-4000-8000-000000000004@momentum\r\n"
        "DTSTAMP:20260320T090000Z\r\nDTSTART;VALUE=DATE:20260313\r\n"
        "DTEND;VALUE=DATE:20260314\r\nTRANSP:TRANSPARENT\r\n"
        "SUMMARY:Titanic \"baseline\"\\; submit\r\nDESCRIPTION:Task 2: do\\, todo\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:sprint-00000000-0000-4000-8000-000000000010@momentum\r\n"
        "DTSTAMP:20260320T090000Z\r\nDTSTART;VALUE=DATE:20260309\r\n"
        "DTEND;VALUE=DATE:20260316\r\nTRANSP:TRANSPARENT\r\n"
        "SUMMARY:Sprint 1: Finish chapter 3\r\n"
        "DESCRIPTION:2026-03-09 to 2026-03-15\\, closed 2026-03-15\\nGoal 1: Become an\r\n"
        "  ML engineer\\nTask 1: Read ISLR\\, chapter 3 (done)\\nLearned: read every da\r\n"
        " y\\nBlocked: nothing\\nNext: chapter 4\\nRating: 4/5\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n");
}

TEST_CASE("export --format ics --output writes the calendar whole", "[e2e][export]") {
  Sandbox box;
  fill_journal(box);
  const auto file = box.dir() / "momentum.ics";
  Sandbox::write_file(file, "old");
  CHECK(run_ok(box, {"export", "--format", "ics", "--output", file.string()}) ==
        "Wrote 3 calendar events to " + file.string() + "\n");
  CHECK(Sandbox::read_file(file) == run_ok(box, {"export", "--format", "ics"}));
  CHECK(dir_entries(box.dir()) ==
        std::vector<std::string>{"home", "journal.jsonl", "journal.jsonl.lock", "momentum.ics"});
  struct stat st {};
  REQUIRE(stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  const auto missing = box.dir() / "missing" / "x.ics";
  check_fails(box, {"export", "--format", "ics", "--output", missing.string()}, 3,
              "cannot write '" + missing.string() + "': no such directory '" +
                  missing.parent_path().string() + "'");
}
