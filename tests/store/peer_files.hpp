#pragma once
// Peers' binary files made in a test: a zip (Loop's CSV export) and an SQLite database (Loop's
// backup), with the very libraries `import` opens.

#include <sqlite3.h>
#include <zip.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace momentum::test {

// The Habits and Repetitions tables of a Loop Habit Tracker backup at schema version 25.
inline constexpr const char* loop_v25_tables =
    "CREATE TABLE Habits (id INTEGER PRIMARY KEY, archived INTEGER, color INTEGER, "
    "description TEXT, freq_den INTEGER, freq_num INTEGER, highlight INTEGER, name TEXT, "
    "position INTEGER, reminder_hour INTEGER, reminder_min INTEGER, reminder_days INTEGER "
    "NOT NULL DEFAULT 127, type INTEGER NOT NULL DEFAULT 0, target_type INTEGER NOT NULL "
    "DEFAULT 0, target_value REAL NOT NULL DEFAULT 0, unit TEXT NOT NULL DEFAULT '', "
    "question TEXT, uuid TEXT);"
    "CREATE TABLE Repetitions (id INTEGER PRIMARY KEY, habit INTEGER NOT NULL, timestamp "
    "INTEGER NOT NULL, value INTEGER NOT NULL, notes TEXT);";

// Writes the zip `file` holding each (name, content) of `entries`.
inline void make_zip(const std::filesystem::path& file,
                     const std::vector<std::pair<std::string, std::string>>& entries) {
  int err = 0;
  zip_t* z = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  REQUIRE(z != nullptr);
  for (const auto& [name, text] : entries) {
    zip_source_t* src = zip_source_buffer(z, text.data(), text.size(), 0);
    REQUIRE(src != nullptr);
    REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8) >= 0);
  }
  REQUIRE(zip_close(z) == 0);
}

// Runs `sql` on the SQLite database `file`, creating it when missing.
inline void run_sql(const std::filesystem::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  INFO((message ? message : ""));
  sqlite3_free(message);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

}  // namespace momentum::test
