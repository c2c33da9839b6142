// momentum import: the real binary on files written here (and on ../shared/peer-data when it
// is there): what it prints, what it appends in one write, what it refuses.
#include <catch2/catch.hpp>
#include <filesystem>

#include "checks.hpp"
#include "peer_files.hpp"
#include "sandbox.hpp"

using namespace momentum::test;
namespace fs = std::filesystem;

namespace {

// A journal with every kind of event (fill_journal's, then a check-in undone, an edited task
// and goal, a resumed goal), exported to `file`: returns the export's text.
std::string export_to(const Sandbox& box, const fs::path& file) {
  fill_journal(box);
  for (std::vector<std::string> args :
       std::vector<std::vector<std::string>>{{"log", "10m", "oops", "--goal", "2"},
                                             {"undo"},
                                             {"task", "edit", "2", "--title", "Titanic baseline"},
                                             {"goal", "edit", "1", "--importance", "5"},
                                             {"goal", "resume", "2"}}) {
    args.insert(args.begin(), "-q");
    run_ok(box, args);
  }
  run_ok(box, {"-q", "export", "--format", "json", "--output", file.string()});
  return Sandbox::read_file(file);
}

// A harsh folder: a daily habit kept through today (2026-03-10) with a rest day in between,
// a 3/7 habit, a line harsh skips.
fs::path harsh_dir(const Sandbox& box) {
  const fs::path dir = box.dir() / "harsh";
  fs::create_directories(dir);
  Sandbox::write_file(dir / "habits", "! Daily\nMeditated: 1\nGym: 3/7\n");
  Sandbox::write_file(dir / "log",
                      "2026-03-06 : Meditated : y :  : \n"
                      "2026-03-07 : Meditated : y : calm : \n"
                      "2026-03-08 : Meditated : s : travelling : \n"
                      "2026-03-09 : Meditated : y :  : \n"
                      "2026-03-10 : Meditated : y :  : \n"
                      "2026-03-09 : Gym : y :  : 1.5\n"
                      "2026-03-10 : Gym : n :  : \n"
                      "garbage\n");
  return dir;
}

const std::string harsh_report =
    "Imported from harsh: 2 goals, 0 tasks, 5 check-ins, 1 rest day, 3 notes\n"
    "Skipped 2:\n"
    "  not 'DAY : HABIT : ANSWER' (harsh skips it too) (1): log line 8\n"
    "  answered n (not done): nothing to bring in (1): Gym on 2026-03-10\n";

fs::path taskwarrior_file(const Sandbox& box) {
  const fs::path file = box.dir() / "export.json";
  Sandbox::write_file(
      file,
      "[\n"
      R"({"id":1,"description":"Read a paper","due":"20260312T000000Z","entry":"20260301T100000Z","priority":"H","project":"ml","status":"pending","uuid":"9967f46c-5b99-4160-84a6-2e31f1e6ab91","urgency":2})"
      ",\n"
      R"({"id":0,"description":"Submit baseline","end":"20260305T180000Z","entry":"20260302T080000Z","project":"ml","status":"completed","uuid":"57310588-b112-4284-94be-296c504f324c","urgency":0})"
      ",\n"
      R"({"id":0,"description":"Old idea","end":"20260304T180000Z","entry":"20260302T080000Z","status":"deleted","uuid":"ae6e0c24-1cec-4bfd-aa94-284c00eb9a1c","urgency":0})"
      "\n]\n");
  return file;
}

const fs::path peer_data = fs::path(MOMENTUM_SOURCE_DIR) / ".." / "shared" / "peer-data";

}  // namespace

TEST_CASE("import of a harsh folder brings in goals, check-ins and rest days", "[e2e][import]") {
  Sandbox box;
  const fs::path dir = harsh_dir(box);
  CHECK(run_ok(box, {"import", dir.string()}) == harsh_report);
  const auto goals = run_json(box, {"goal", "list"});
  REQUIRE(goals.size() == 2);
  CHECK(goals[0]["title"] == "Meditated");
  CHECK(goals[0]["cadence"] == "daily");
  CHECK(goals[1]["cadence"] == "3/7");
  const auto logs = run_json(box, {"log", "list", "--all"});
  CHECK(logs["logs"].size() == 5);
  CHECK(logs["skips"].size() == 1);
  // The streak survives the move: y, y, rest day, y, y through today; the rest day bridges.
  const auto streak = run_json(box, {"streak", "--goal", "Meditated"});
  INFO(streak.dump());
  CHECK(streak["goals"][0]["current"]["length"] == 4);  // harsh says 5: its skips add length
}

TEST_CASE("import again adds nothing: every item is already there", "[e2e][import]") {
  Sandbox box;
  const fs::path dir = harsh_dir(box);
  run_ok(box, {"import", dir.string()});
  const std::string before = box.journal_bytes();
  CHECK(run_ok(box, {"import", dir.string(), "--from", "harsh"}) ==
        "Imported from harsh: 0 goals, 0 tasks, 0 check-ins, 0 rest days, 0 notes\n"
        "Already in the journal (imported before), left as they are: 8 items\n"
        "Skipped 2:\n"
        "  not 'DAY : HABIT : ANSWER' (harsh skips it too) (1): log line 8\n"
        "  answered n (not done): nothing to bring in (1): Gym on 2026-03-10\n");
  CHECK(box.journal_bytes() == before);
}

TEST_CASE("import --dry-run prints the same report and writes nothing", "[e2e][import]") {
  Sandbox box;
  const fs::path dir = harsh_dir(box);
  const std::string out = run_ok(box, {"import", "--dry-run", dir.string()});
  CHECK(out == "Would import from harsh: 2 goals, 0 tasks, 5 check-ins, 1 rest day, 3 notes\n" +
                   harsh_report.substr(harsh_report.find('\n') + 1) +
                   "Dry run: nothing was written.\n");
  CHECK_FALSE(box.journal_exists());
  CHECK_FALSE(fs::exists(box.dir() / "journal.jsonl.lock"));
  run_ok(box, {"goal", "add", "Write"});
  const std::string before = box.journal_bytes();
  run_ok(box, {"import", dir.string(), "--dry-run"});
  CHECK(box.journal_bytes() == before);
  const auto report = run_json(box, {"import", dir.string(), "--dry-run"});
  CHECK(report["dry_run"] == true);
  CHECK(report["checkins"] == 5);
  CHECK(box.journal_bytes() == before);
}

TEST_CASE("import of a Taskwarrior export: projects, tasks, their days and status",
          "[e2e][import]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Write"});
  const auto report = run_json(box, {"import", taskwarrior_file(box).string()});
  CHECK(report["source"] == "taskwarrior");
  CHECK(report["goals"] == 1);
  CHECK(report["tasks"] == 2);
  CHECK(report["skipped"] ==
        nlohmann::json::parse(R"([{"what":"task 'Old idea'","why":"deleted in Taskwarrior"}])"));
  const auto tasks = run_json(box, {"task", "list", "--all"});
  REQUIRE(tasks.size() == 2);
  CHECK(tasks[0]["title"] == "Read a paper");
  CHECK(tasks[0]["importance"] == 5);
  CHECK(tasks[0]["due"] == "2026-03-12");
  CHECK(tasks[0]["status"] == "todo");
  CHECK(tasks[1]["status"] == "done");
  // The days come from Taskwarrior's, in the journal's `day` fields.
  const std::string journal = box.journal_bytes();
  CHECK(journal.find(R"("data":{"day":"2026-03-05","status":"done")") != std::string::npos);
  CHECK(journal.find(R"("data":{"day":"2026-03-02","goal":)") != std::string::npos);
  const auto goals = run_json(box, {"goal", "list"});
  REQUIRE(goals.size() == 2);
  CHECK(goals[1]["title"] == "ml");
  CHECK(goals[1]["cadence"] == "none");
}

TEST_CASE("import appends all its events with one write, or none", "[e2e][import][errors]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Write"});
  const std::string before = box.journal_bytes();
  box.limit_file_size(before.size() + 600);  // room for a line or two, not for all
  check_fails(box, {"import", harsh_dir(box).string()}, 3,
              "cannot write journal '" + box.journal().string() + "': File too large");
  box.limit_file_size(1 << 20);
  run_ok(box, {"import", harsh_dir(box).string()});
  const auto lines = box.journal_lines();
  CHECK(lines.size() == 2 + 8);  // header, goal, 2 goals + 5 check-ins + 1 rest day
}

TEST_CASE("import refuses bad input with one line, the journal untouched",
          "[e2e][import][errors]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Write"});
  const std::string missing = (box.dir() / "nope.json").string();
  check_rejects(box, {"import", missing}, "no such file or directory '" + missing + "'");
  check_rejects(
      box, {"import", "x", "--from", "omnifocus"},
      "--from: unknown source 'omnifocus'; expected momentum, taskwarrior, harsh or loop");
  const fs::path bad = box.dir() / "bad.json";
  Sandbox::write_file(bad, "[\n{\"uuid\":\"a\",\"status\":\"pending\"},\n{\"uuid\":\n]\n");
  check_rejects(box, {"import", bad.string()},
                bad.string() +
                    ":4: not Taskwarrior's JSON: syntax error while parsing value - "
                    "unexpected ']'; expected '[', '{', or a literal");
  Sandbox::write_file(bad, R"([{"uuid":"a","status":"pending","entry":"yesterday"}])");
  check_rejects(box, {"import", bad.string()},
                bad.string() +
                    ": task 1 (a): 'entry' is not a date (YYYYMMDDTHHMMSSZ): "
                    "'yesterday'");
  check_rejects(box, {"import", bad.string(), "--from", "loop"},
                "'" + bad.string() +
                    "' is not Loop's CSV export (its .zip or unpacked folder) or a .db backup");
  check_rejects(box, {"import", box.dir().string()},
                "cannot tell what '" + box.dir().string() +
                    "' holds; expected harsh's folder (with 'habits' and 'log') or Loop's CSV "
                    "export folder (with 'Habits.csv'), or give --from");
  const fs::path harsh = box.dir() / "h";
  fs::create_directories(harsh);
  Sandbox::write_file(harsh / "habits", "Read: 4/2\n");
  check_rejects(box, {"import", harsh.string()},
                harsh.string() +
                    "/habits:1: invalid frequency '4/2' for habit 'Read': the "
                    "target must not exceed the interval");
  check_rejects(box, {"import"}, "file is required (see 'momentum import --help')");
}

TEST_CASE("import of a Loop CSV export folder", "[e2e][import]") {
  Sandbox box;
  const fs::path dir = box.dir() / "Loop Habits CSV 2026-03-10";
  fs::create_directories(dir / "001 Floss");
  Sandbox::write_file(dir / "Habits.csv",
                      "Position,Name,Type,Question,Description,FrequencyNumerator,"
                      "FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n"
                      "001,Floss,YES_NO,Did you floss?,,1,1,#FF8F00,,,,false\n");
  Sandbox::write_file(dir / "001 Floss" / "Checkmarks.csv",
                      "Date,Value,Notes\n2026-03-10,YES_MANUAL,\n2026-03-09,SKIP,\n"
                      "2026-03-08,YES_MANUAL,\n2026-03-07,NO,\n");
  CHECK(run_ok(box, {"import", dir.string()}) ==
        "Imported from loop: 1 goal, 0 tasks, 2 check-ins, 1 rest day, 0 notes\n"
        "Skipped 1:\n"
        "  NO: not done, nothing to bring in (1): Floss on 2026-03-07\n");
  const auto streak = run_json(box, {"streak", "--goal", "Floss"});
  CHECK(streak["goals"][0]["current"]["length"] == 2);  // Loop says 3: its skips add length
}

TEST_CASE("import of Loop's CSV export as a zip and of a Loop backup", "[e2e][import]") {
  // The binary opens libzip and SQLite only now, on first use (dynamic_library.hpp).
  Sandbox box;
  const fs::path zip = box.dir() / "Loop Habits CSV 2026-03-10.zip";
  make_zip(zip, {{"Habits.csv",
                  "Position,Name,Type,Question,Description,FrequencyNumerator,"
                  "FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n"
                  "001,Floss,YES_NO,Did you floss?,,1,1,#FF8F00,,,,false\n"},
                 {"001 Floss/Checkmarks.csv",
                  "Date,Value,Notes\n2026-03-10,YES_MANUAL,\n2026-03-08,YES_MANUAL,\n"}});
  CHECK(run_ok(box, {"import", zip.string()}) ==
        "Imported from loop: 1 goal, 0 tasks, 2 check-ins, 0 rest days, 0 notes\n");

  const fs::path db = box.dir() / "Loop 2026-03-10.db";
  run_sql(db, std::string(loop_v25_tables) +
                  "INSERT INTO Habits VALUES (4, 0, 0, '', 1, 1, 0, 'Read', 1, NULL, NULL, 127, "
                  "0, 0, 0, '', 'Did you read?', 'abc');"
                  "INSERT INTO Repetitions VALUES (1, 4, 1773100800000, 2, 'a chapter');"
                  "PRAGMA user_version = 25;");
  CHECK(run_ok(box, {"import", db.string()}) ==
        "Imported from loop: 1 goal, 0 tasks, 1 check-in, 0 rest days, 1 note\n");
  CHECK(run_ok(box, {"goal", "list"}).find("Read") != std::string::npos);
}

TEST_CASE("import of the peers' real files, when ../shared/peer-data is there", "[e2e][import]") {
  if (!fs::exists(peer_data)) {
    WARN("skipped: " << peer_data.string() << " is absent (it is not part of the project)");
    return;
  }
  for (const fs::path& path :
       {peer_data / "taskwarrior" / "generated-tw2.6.2" / "export.json",
        peer_data / "harsh" / "real" / "tux24xyz-dotfiles",
        peer_data / "loop" / "packed" / "v2.3.1" / "Loop Habits CSV 2015-01-25.zip",
        peer_data / "loop" / "real" / "db" / "loop.db"}) {
    INFO(path.string());
    Sandbox box;
    const auto first = run_json(box, {"import", path.string()});
    CHECK(first["present"] == 0);
    const std::string before = box.journal_bytes();
    const auto again = run_json(box, {"import", path.string()});
    CHECK(again["goals"] == 0);
    CHECK(again["checkins"] == 0);
    CHECK(again["tasks"] == 0);
    CHECK(box.journal_bytes() == before);
  }
}

TEST_CASE("import of a momentum export rebuilds the journal: state, ids and history",
          "[e2e][import][momentum]") {
  Sandbox source;
  const fs::path file = source.dir() / "backup.json";
  export_to(source, file);
  Sandbox box;
  CHECK(run_ok(box, {"import", file.string()}) ==
        "Imported from momentum: 19 events: 2 goals, 2 tasks, 3 check-ins, 1 rest day, 4 notes\n");
  // The same lines, the header included: the same export (at the same time), the same views.
  CHECK(box.journal_bytes() == source.journal_bytes());
  CHECK(run_ok(box, {"export", "--format", "json"}) ==
        run_ok(source, {"export", "--format", "json"}));
  CHECK(views_of(box) == views_of(source));
  CHECK(run_ok(box, {"check"}).find("No problems.") != std::string::npos);
}

TEST_CASE("import of a momentum export again changes nothing", "[e2e][import][momentum]") {
  Sandbox source;
  const fs::path file = source.dir() / "backup.json";
  export_to(source, file);
  const std::string again =
      "Imported from momentum: 0 events: 0 goals, 0 tasks, 0 check-ins, 0 rest days, 0 notes\n"
      "Already in the journal (imported before), left as they are: 19 events\n";
  // Into the journal it came from.
  const std::string before = source.journal_bytes();
  CHECK(run_ok(source, {"import", file.string(), "--from", "momentum"}) == again);
  CHECK(source.journal_bytes() == before);
  // Twice into another.
  Sandbox box;
  run_ok(box, {"import", file.string(), "--from", "momentum"});
  const std::string imported = box.journal_bytes();
  CHECK(run_ok(box, {"import", file.string(), "--from", "momentum"}) == again);
  CHECK(box.journal_bytes() == imported);
  const auto report = run_json(box, {"import", file.string()});
  CHECK(report["source"] == "momentum");
  CHECK(report["events"] == 0);
  CHECK(report["present"] == 19);
  CHECK(box.journal_bytes() == imported);
}

TEST_CASE("import --dry-run of a momentum export writes nothing", "[e2e][import][momentum]") {
  Sandbox source;
  const fs::path file = source.dir() / "backup.json";
  export_to(source, file);
  Sandbox box;
  CHECK(run_ok(box, {"import", "--dry-run", file.string()}) ==
        "Would import from momentum: 19 events: 2 goals, 2 tasks, 3 check-ins, 1 rest day, 4 "
        "notes\nDry run: nothing was written.\n");
  CHECK_FALSE(box.journal_exists());
  CHECK_FALSE(fs::exists(box.dir() / "journal.jsonl.lock"));
  run_ok(box, {"goal", "add", "Write"});
  const std::string before = box.journal_bytes();
  const auto report = run_json(box, {"import", "--dry-run", file.string()});
  CHECK(report["dry_run"] == true);
  CHECK(report["events"] == 19);
  CHECK(box.journal_bytes() == before);
}

TEST_CASE("import of a momentum export merges with the journal's own history by event id",
          "[e2e][import][momentum]") {
  Sandbox source;
  const fs::path file = source.dir() / "backup.json";
  export_to(source, file);  // written at 2026-03-10T09:00
  Sandbox box;
  box.now("2026-03-05T09:00:00Z");
  run_ok(box, {"goal", "add", "Read"});
  box.now("2026-03-12T09:00:00Z");
  run_ok(box, {"log", "15m", "--goal", "1"});
  const std::string own = box.journal_bytes();
  CHECK(run_ok(box, {"import", file.string()}) ==
        "Imported from momentum: 19 events: 2 goals, 2 tasks, 3 check-ins, 1 rest day, 4 notes\n");
  // Appended after the journal's lines; replay puts them in (ts, id) order: "Read" came first.
  CHECK(box.journal_bytes().substr(0, own.size()) == own);
  const auto goals = run_json(box, {"goal", "list", "--all"});
  REQUIRE(goals.size() == 3);
  CHECK(goals[0]["title"] == "Read");
  CHECK(goals[1]["title"] == "Become an ML engineer");
  CHECK(goals[2]["title"] == "Run");
  const auto logs = run_json(box, {"log", "list", "--all"});
  CHECK(logs["logs"].size() == 2);
  CHECK(run_ok(box, {"check"}).find("No problems.") != std::string::npos);
  // The cache kept up: a journal with the same bytes and no cache reads the same.
  Sandbox copy;
  copy.write_journal(box.journal_bytes());
  copy.now("2026-03-12T09:00:00Z");
  CHECK(views_of(copy) == views_of(box));
  // The other way round, the sync way: the source takes the other journal's events too.
  const fs::path back = box.dir() / "merged.json";
  run_ok(box, {"-q", "export", "--format", "json", "--output", back.string()});
  source.now("2026-03-12T09:00:00Z");
  const std::string counts =
      " from momentum: 2 events: 1 goal, 0 tasks, 1 check-in, 0 rest days, 0 notes\n"
      "Already in the journal (imported before), left as they are: 19 events\n";
  // Short numbers follow (ts, id): "Read" was created first, so the source's goals move up.
  CHECK(run_ok(source, {"import", back.string(), "--dry-run"}) ==
        "Would import" + counts +
            "Goal 1 would be goal 2 ('Become an ML engineer'): events from the export came "
            "first.\n"
            "Goal 2 would be goal 3 ('Run'): events from the export came first.\n"
            "Dry run: nothing was written.\n");
  CHECK(run_ok(source, {"import", back.string()}) ==
        "Imported" + counts +
            "Goal 1 is now goal 2 ('Become an ML engineer'): events from the export came first.\n"
            "Goal 2 is now goal 3 ('Run'): events from the export came first.\n");
  CHECK(views_of(source) == views_of(box));
  const auto again = run_json(source, {"import", back.string()});
  CHECK(again["renumbered"].empty());
}

TEST_CASE("import of a momentum export appends all its events with one write, or none",
          "[e2e][import][momentum][errors]") {
  Sandbox source;
  const fs::path file = source.dir() / "backup.json";
  export_to(source, file);
  Sandbox box;
  run_ok(box, {"goal", "add", "Write"});
  const std::string before = box.journal_bytes();
  box.limit_file_size(before.size() + 600);
  check_fails(box, {"import", file.string()}, 3,
              "cannot write journal '" + box.journal().string() + "': File too large");
}

TEST_CASE("import of a malformed momentum export is refused whole, the journal untouched",
          "[e2e][import][momentum][errors]") {
  Sandbox source;
  const fs::path file = source.dir() / "backup.json";
  const std::string good = export_to(source, file);
  Sandbox box;
  run_ok(box, {"goal", "add", "Write"});
  const fs::path bad = box.dir() / "bad.json";
  const std::string name = bad.string();
  // Cut after the first check-in's line.
  Sandbox::write_file(bad, good.substr(0, good.find('\n', good.find("log.add"))));
  check_rejects(box, {"import", name},
                name +
                    ":8: not a momentum export: syntax error while parsing value - unexpected "
                    "end of input; expected '[', '{', or a literal");
  std::string version = good;
  version.replace(version.find("\"version\":1"), 11, "\"version\":2");
  Sandbox::write_file(bad, version);
  check_rejects(box, {"import", name},
                name + ": export version 2 is not supported; this momentum reads version 1");
  std::string event = good;
  event.replace(event.find("\"op\":\"log.add\""), 14, "\"op\":7");
  Sandbox::write_file(bad, event);
  check_rejects(box, {"import", name},
                name + ": events[4]: The JSON element does not have the requested type.");
  // --from momentum on another tool's file, or a folder.
  check_rejects(box, {"import", taskwarrior_file(box).string(), "--from", "momentum"},
                taskwarrior_file(box).string() +
                    ": not a momentum export (a JSON object with \"momentum\":\"export\", as "
                    "'momentum export --format json' writes)");
  check_rejects(box, {"import", box.dir().string(), "--from", "momentum"},
                "'" + box.dir().string() +
                    "' is not a momentum export (a JSON file from 'momentum export --format "
                    "json')");
  // Not touched either: a journal that does not exist yet.
  Sandbox empty;
  Sandbox::write_file(bad, version);
  check_rejects(empty, {"import", name},
                name + ": export version 2 is not supported; this momentum reads version 1");
  CHECK_FALSE(fs::exists(empty.dir() / "journal.jsonl.lock"));
}

TEST_CASE("import of an empty journal's export brings in nothing and creates nothing",
          "[e2e][import][momentum]") {
  Sandbox source;
  const fs::path file = source.dir() / "empty.json";
  run_ok(source, {"-q", "export", "--format", "json", "--output", file.string()});
  Sandbox box;
  CHECK(run_ok(box, {"import", file.string()}) ==
        "Imported from momentum: 0 events: 0 goals, 0 tasks, 0 check-ins, 0 rest days, 0 notes\n");
  CHECK_FALSE(box.journal_exists());
}
