// Reading what `import` is given: folders, zips and Loop databases made here, then every peer
// file in ../shared/peer-data (skipped when that folder is absent) through the whole import.
#include "momentum/store/import_files.hpp"

#include <catch2/catch.hpp>
#include <map>

#include "dynamic_library.hpp"
#include "momentum/error.hpp"
#include "peer_files.hpp"
#include "temp_files.hpp"

using namespace momentum;
using namespace momentum::test;
namespace fs = std::filesystem;

TEST_CASE("import_input_kind tells folders, zips, SQLite files and text apart") {
  TempDir dir;
  spit(dir.path / "export.json", "[\n]\n");
  make_zip(dir.path / "a.zip", {{"Habits.csv", "x"}});
  run_sql(dir.path / "a.db", "CREATE TABLE t(x);");
  CHECK(import_input_kind(dir.path) == ImportInputKind::directory);
  CHECK(import_input_kind(dir.path / "export.json") == ImportInputKind::text);
  CHECK(import_input_kind(dir.path / "a.zip") == ImportInputKind::zip);
  CHECK(import_input_kind(dir.path / "a.db") == ImportInputKind::sqlite);
  CHECK_THROWS_WITH(import_input_kind(dir.path / "none"),
                    "no such file or directory '" + (dir.path / "none").string() + "'");
}

TEST_CASE("read_import_zip and read_import_dir give every file by its path inside") {
  TempDir dir;
  const std::vector<NamedText> entries{{"Habits.csv", "h"}, {"001 Run/Checkmarks.csv", "c"}};
  make_zip(dir.path / "e.zip", {{"Habits.csv", "h"}, {"001 Run/Checkmarks.csv", "c"}});
  const auto zipped = read_import_zip(dir.path / "e.zip");
  REQUIRE(zipped.size() == 2);
  CHECK(zipped[0].name == "Habits.csv");
  CHECK(zipped[1].name == "001 Run/Checkmarks.csv");
  CHECK(zipped[1].text == "c");
  fs::create_directories(dir.path / "f" / "001 Run");
  spit(dir.path / "f" / "Habits.csv", "h");
  spit(dir.path / "f" / "001 Run" / "Checkmarks.csv", "c");
  const auto files = read_import_dir(dir.path / "f");
  REQUIRE(files.size() == 2);
  CHECK(files[0].name == "001 Run/Checkmarks.csv");
  CHECK(files[1].name == "Habits.csv");
  spit(dir.path / "bad.zip", "PK\x03\x04 not really");
  CHECK_THROWS_AS(read_import_zip(dir.path / "bad.zip"), UsageError);
}

TEST_CASE("read_loop_db reads old and new schemas, and refuses what is not Loop's") {
  TempDir dir;
  // Schema 12: no type, value or notes; `Id` capitalised as Loop wrote it then.
  run_sql(dir.path / "v12.db",
          "CREATE TABLE Habits (Id INTEGER PRIMARY KEY, archived INTEGER, color INTEGER, "
          "description TEXT, freq_den INTEGER, freq_num INTEGER, highlight INTEGER, name TEXT, "
          "position INTEGER, reminder_days INTEGER, reminder_hour INTEGER, reminder_min INTEGER);"
          "CREATE TABLE Repetitions (Id INTEGER PRIMARY KEY, habit INTEGER, timestamp INTEGER);"
          "INSERT INTO Habits VALUES (1, 0, 0, 'Floss?', 7, 3, 0, 'Floss', 0, 127, 8, 0);"
          "INSERT INTO Repetitions VALUES (1, 1, 1421971200000);"
          "PRAGMA user_version = 12;");
  const LoopDbRows old = read_loop_db(dir.path / "v12.db");
  REQUIRE(old.habits.size() == 1);
  CHECK(old.habits[0].name == "Floss");
  CHECK(old.habits[0].description == "Floss?");
  CHECK(!old.habits[0].question);
  CHECK(old.habits[0].freq_num == 3);
  CHECK(old.habits[0].freq_den == 7);
  REQUIRE(old.repetitions.size() == 1);
  CHECK(old.repetitions[0].value == 2);
  CHECK(old.repetitions[0].timestamp == 1421971200000);

  run_sql(
      dir.path / "v25.db",
      std::string(loop_v25_tables) +
          "INSERT INTO Habits VALUES (4, 1, 0, 'long runs', 7, 3, 0, 'Run', 1, NULL, NULL, 127, "
          "1, 0, 2.0, 'km', 'How far?', 'abc');"
          "INSERT INTO Repetitions VALUES (1, 4, 1421971200000, 2500, 'windy');"
          "PRAGMA user_version = 25;");
  const LoopDbRows rows = read_loop_db(dir.path / "v25.db");
  REQUIRE(rows.habits.size() == 1);
  CHECK(rows.habits[0].question == "How far?");
  CHECK(rows.habits[0].type == 1);
  CHECK(rows.habits[0].unit == "km");
  CHECK(rows.habits[0].archived == 1);
  REQUIRE(rows.repetitions.size() == 1);
  CHECK(rows.repetitions[0].value == 2500);
  CHECK(rows.repetitions[0].notes == "windy");

  run_sql(dir.path / "other.db", "CREATE TABLE t(x);");
  CHECK_THROWS_WITH(read_loop_db(dir.path / "other.db"),
                    "'" + (dir.path / "other.db").string() +
                        "' is not a Loop Habit Tracker backup: it has no Habits and Repetitions "
                        "tables");
  run_sql(dir.path / "v26.db", "PRAGMA user_version = 26;");
  CHECK_THROWS_WITH(read_loop_db(dir.path / "v26.db"),
                    "'" + (dir.path / "v26.db").string() +
                        "' is not a Loop Habit Tracker backup: its schema version 26 is newer "
                        "than 25, the latest known");
}

namespace {

const fs::path peer_data = fs::path(MOMENTUM_SOURCE_DIR) / ".." / "shared" / "peer-data";

const ImportDays peer_days{std::chrono::minutes{0}, std::chrono::minutes{4 * 60},
                           std::chrono::sys_days{std::chrono::December / 6 / 2026}};

// What importing `path` into an empty journal brings in: goals, tasks, check-ins, rest days,
// notes, skipped.
std::array<int, 6> counts(const fs::path& path, ImportSource source) {
  ImportBatch batch;
  const std::string name = path.string();
  switch (source) {
    case ImportSource::taskwarrior:
      batch = parse_taskwarrior(read_import_text(path), name, peer_days);
      break;
    case ImportSource::harsh:
      batch = parse_harsh(read_import_text(path / "habits"), read_import_text(path / "log"), name,
                          peer_days.today);
      break;
    case ImportSource::loop:
      switch (import_input_kind(path)) {
        case ImportInputKind::sqlite: {
          const LoopDbRows rows = read_loop_db(path);
          batch = loop_batch(loop_db_habits(rows.habits, rows.repetitions, name));
          break;
        }
        case ImportInputKind::zip:
          batch = loop_batch(parse_loop_csv(read_import_zip(path), name));
          break;
        default:
          batch = loop_batch(parse_loop_csv(read_import_dir(path), name));
      }
      break;
    case ImportSource::momentum:
      FAIL("peer-data holds no momentum exports");
  }
  const Clock clock{std::chrono::sys_days{peer_days.today}, std::chrono::minutes{0}};
  const ImportReport r = plan_import(State{}, batch, clock).report;
  return {r.goals, r.tasks, r.checkins, r.skips, r.notes, static_cast<int>(r.skipped.size())};
}

}  // namespace

TEST_CASE("every peer file in ../shared/peer-data comes in with the right counts") {
  if (!fs::exists(peer_data)) {
    WARN("skipped: " << peer_data.string() << " is absent (it is not part of the project)");
    return;
  }
  using S = ImportSource;
  // path, source: goals, tasks, check-ins, rest days, notes, skipped.
  const std::vector<std::tuple<std::string, S, std::array<int, 6>>> expected{
      // Taskwarrior 2.6 and the same tasks in 2.5's form (depends as a string) agree.
      {"taskwarrior/real/kdheepak-taskwarrior-testdata/export.json",
       S::taskwarrior,
       {2, 32, 0, 0, 0, 16}},
      {"taskwarrior/real/kdheepak-taskwarrior-testdata/export-2021-02-22-tw2.5.json",
       S::taskwarrior,
       {2, 32, 0, 0, 0, 16}},
      {"taskwarrior/real/kdheepak-taskwarrior-testdata/demo.json",
       S::taskwarrior,
       {0, 19, 0, 0, 0, 1}},
      // json.array=on and =off: the same.
      {"taskwarrior/real/unite-taskwarrior/json-array", S::taskwarrior, {2, 4, 0, 0, 0, 0}},
      {"taskwarrior/real/unite-taskwarrior/json-no-array", S::taskwarrior, {2, 4, 0, 0, 0, 0}},
      // A recurring child without its parent: the goal, its open occurrence reported, 3 UDAs.
      {"taskwarrior/real/unite-taskwarrior/json-2.4", S::taskwarrior, {1, 0, 0, 0, 0, 4}},
      {"taskwarrior/real/excerpts/tw.org-docs-export-example.json",
       S::taskwarrior,
       {0, 1, 0, 0, 0, 0}},
      {"taskwarrior/real/excerpts/tw-hooks-conftest-recurring-parent.json",
       S::taskwarrior,
       {1, 0, 0, 0, 0, 0}},
      // 4 projects and a recurring "Meditate" with 6 completed occurrences (one annotated).
      {"taskwarrior/generated-tw2.6.2/export.json", S::taskwarrior, {5, 6, 6, 0, 1, 10}},
      {"taskwarrior/generated-tw2.6.2/export-json-array-off.json",
       S::taskwarrior,
       {5, 6, 6, 0, 1, 10}},
      {"taskwarrior/constructed/tw2.5-style-waiting.json", S::taskwarrior, {1, 2, 0, 0, 0, 3}},
      {"harsh/real/wakatara-harsh-fixtures", S::harsh, {10, 0, 13, 1, 14, 5}},
      // 11 habits, 119 answers: 62 y, 38 s, 19 n.
      {"harsh/real/tux24xyz-dotfiles", S::harsh, {11, 0, 62, 38, 0, 19}},
      {"harsh/real/ThomasStG-configFiles", S::harsh, {8, 0, 5, 1, 0, 10}},
      {"harsh/constructed", S::harsh, {8, 0, 22, 2, 7, 10}},
      // Both CSV layouts, zipped or not, give the same.
      {"loop/packed/v2.3.0/Loop Habits CSV 2015-01-25.zip", S::loop, {2, 0, 6, 0, 0, 4}},
      {"loop/packed/v2.3.1/Loop Habits CSV 2015-01-25.zip", S::loop, {2, 0, 6, 0, 0, 4}},
      {"loop/real/csv-export-v2.3.1", S::loop, {2, 0, 6, 0, 0, 4}},
      {"loop/real/csv-export-v2.3.0", S::loop, {2, 0, 6, 0, 0, 4}},
      // 9 habits, 164 checks (schema 12), and the same migrated to schema 25.
      {"loop/real/db/loop.db", S::loop, {9, 0, 164, 0, 0, 0}},
      {"loop/constructed/loop-v12-migrated-to-v25.db", S::loop, {9, 0, 164, 0, 0, 0}},
      {"loop/real/db/021.db", S::loop, {1, 0, 3, 0, 0, 0}},
      {"loop/real/db/022.db", S::loop, {2, 0, 1, 0, 0, 0}},
      {"loop/constructed/fixtures-v25.db", S::loop, {4, 0, 64, 2, 9, 5}},
  };
  std::size_t files = 0;
  for (const auto& [path, source, want] : expected) {
    INFO(path);
    CHECK(counts(peer_data / path, source) == want);
    ++files;
  }
  // Every file under peer-data is covered by one of the paths above.
  std::size_t covered = 0;
  for (const auto& entry : fs::recursive_directory_iterator(peer_data)) {
    if (!entry.is_regular_file()) continue;
    const std::string rel = fs::relative(entry.path(), peer_data).generic_string();
    if (rel.ends_with(".md") || rel.ends_with("commands.log") || rel.ends_with("taskrc")) continue;
    bool found = false;
    for (const auto& [path, source, want] : expected) found = found || rel.starts_with(path);
    INFO(rel);
    CHECK(found);
    ++covered;
  }
  CHECK(files > 0);
  CHECK(covered > 0);
}

TEST_CASE("a library that cannot be opened, or lacks a function, is a storage error") {
  CHECK_THROWS_MATCHES(DynamicLibrary("libmomentum-missing.so.0", "libmomentum-missing0"),
                       StorageError,
                       Catch::Matchers::Predicate<StorageError>([](const StorageError& e) {
                         const std::string what = e.what();
                         return what.starts_with("cannot load libmomentum-missing.so.0 (") &&
                                what.ends_with("); install the package libmomentum-missing0");
                       }));
  const DynamicLibrary sqlite(MOMENTUM_SQLITE_SONAME, "libsqlite3-0");
  CHECK(sqlite.function<decltype(&::sqlite3_libversion)>("sqlite3_libversion")() ==
        std::string(sqlite3_libversion()));
  CHECK_THROWS_WITH(sqlite.function<void (*)()>("momentum_no_such_function"),
                    std::string("cannot load ") + MOMENTUM_SQLITE_SONAME +
                        ": it has no momentum_no_such_function");
}
