#include "momentum/store/import_files.hpp"

#include <fmt/format.h>
#include <sqlite3.h>
#include <zip.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <memory>
#include <set>
#include <system_error>

#include "dynamic_library.hpp"
#include "momentum/error.hpp"

namespace momentum {

namespace fs = std::filesystem;

namespace {

// Loop's own limit: LoopDBImporter reads schema versions up to this one.
constexpr int loop_schema_version = 25;

[[noreturn]] void cannot_read(const fs::path& path, const std::string& reason) {
  throw UsageError(fmt::format("cannot read '{}': {}", path.string(), reason));
}

std::string first_bytes(const fs::path& file, std::size_t n) {
  std::ifstream in(file, std::ios::binary);
  if (!in) cannot_read(file, std::generic_category().message(errno));
  std::string bytes(n, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(n));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

// libzip's functions, from the library opened on first use.
struct Zip {
  DynamicLibrary lib{MOMENTUM_LIBZIP_SONAME, MOMENTUM_LIBZIP_PACKAGE};
  decltype(&::zip_open) open = lib.function<decltype(&::zip_open)>("zip_open");
  decltype(&::zip_discard) discard = lib.function<decltype(&::zip_discard)>("zip_discard");
  decltype(&::zip_fclose) fclose = lib.function<decltype(&::zip_fclose)>("zip_fclose");
  decltype(&::zip_error_init_with_code) error_init_with_code =
      lib.function<decltype(&::zip_error_init_with_code)>("zip_error_init_with_code");
  decltype(&::zip_error_strerror) error_strerror =
      lib.function<decltype(&::zip_error_strerror)>("zip_error_strerror");
  decltype(&::zip_error_fini) error_fini =
      lib.function<decltype(&::zip_error_fini)>("zip_error_fini");
  decltype(&::zip_get_num_entries) get_num_entries =
      lib.function<decltype(&::zip_get_num_entries)>("zip_get_num_entries");
  decltype(&::zip_stat_index) stat_index =
      lib.function<decltype(&::zip_stat_index)>("zip_stat_index");
  decltype(&::zip_strerror) strerror = lib.function<decltype(&::zip_strerror)>("zip_strerror");
  decltype(&::zip_fopen_index) fopen_index =
      lib.function<decltype(&::zip_fopen_index)>("zip_fopen_index");
  decltype(&::zip_fread) fread = lib.function<decltype(&::zip_fread)>("zip_fread");
};

const Zip& zip() {
  static const Zip functions;
  return functions;
}

// SQLite's functions, from the library opened on first use.
struct Sqlite {
  DynamicLibrary lib{MOMENTUM_SQLITE_SONAME, MOMENTUM_SQLITE_PACKAGE};
  decltype(&::sqlite3_open_v2) open_v2 =
      lib.function<decltype(&::sqlite3_open_v2)>("sqlite3_open_v2");
  decltype(&::sqlite3_close) close = lib.function<decltype(&::sqlite3_close)>("sqlite3_close");
  decltype(&::sqlite3_finalize) finalize =
      lib.function<decltype(&::sqlite3_finalize)>("sqlite3_finalize");
  decltype(&::sqlite3_prepare_v2) prepare_v2 =
      lib.function<decltype(&::sqlite3_prepare_v2)>("sqlite3_prepare_v2");
  decltype(&::sqlite3_errmsg) errmsg = lib.function<decltype(&::sqlite3_errmsg)>("sqlite3_errmsg");
  decltype(&::sqlite3_step) step = lib.function<decltype(&::sqlite3_step)>("sqlite3_step");
  decltype(&::sqlite3_column_text) column_text =
      lib.function<decltype(&::sqlite3_column_text)>("sqlite3_column_text");
  decltype(&::sqlite3_column_int) column_int =
      lib.function<decltype(&::sqlite3_column_int)>("sqlite3_column_int");
  decltype(&::sqlite3_column_int64) column_int64 =
      lib.function<decltype(&::sqlite3_column_int64)>("sqlite3_column_int64");
  decltype(&::sqlite3_column_double) column_double =
      lib.function<decltype(&::sqlite3_column_double)>("sqlite3_column_double");
  decltype(&::sqlite3_column_type) column_type =
      lib.function<decltype(&::sqlite3_column_type)>("sqlite3_column_type");
};

const Sqlite& sqlite() {
  static const Sqlite functions;
  return functions;
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip().discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip().fclose(f); }
};
struct DbCloser {
  void operator()(sqlite3* db) const { sqlite().close(db); }
};
struct StmtCloser {
  void operator()(sqlite3_stmt* s) const { sqlite().finalize(s); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtCloser>;

[[noreturn]] void not_loop_db(const fs::path& file, std::string_view why) {
  throw UsageError(fmt::format("'{}' is not a Loop Habit Tracker backup: {}", file.string(), why));
}

Stmt prepare(sqlite3* db, const fs::path& file, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite().prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
    not_loop_db(file, sqlite().errmsg(db));
  }
  return Stmt(raw);
}

// Steps through `stmt`, calling `row` for each result row.
void each_row(sqlite3* db, const fs::path& file, sqlite3_stmt* stmt,
              const std::function<void(sqlite3_stmt*)>& row) {
  int rc = 0;
  while ((rc = sqlite().step(stmt)) == SQLITE_ROW) row(stmt);
  if (rc != SQLITE_DONE) not_loop_db(file, sqlite().errmsg(db));
}

std::set<std::string> columns(sqlite3* db, const fs::path& file, const std::string& table) {
  std::set<std::string> names;
  const Stmt stmt = prepare(db, file, fmt::format("PRAGMA table_info({})", table));
  each_row(db, file, stmt.get(), [&](sqlite3_stmt* s) {
    std::string name = reinterpret_cast<const char*>(sqlite().column_text(s, 1));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    names.insert(name);
  });
  return names;
}

// `column` when the table has it, else the SQL literal `fallback`.
std::string column_or(const std::set<std::string>& have, const std::string& column,
                      std::string_view fallback) {
  if (!have.contains(column)) return std::string(fallback);
  return fmt::format("COALESCE({}, {})", column, fallback);
}

std::string text_at(sqlite3_stmt* s, int i) {
  const unsigned char* text = sqlite().column_text(s, i);
  return text ? reinterpret_cast<const char*>(text) : "";
}

}  // namespace

ImportInputKind import_input_kind(const fs::path& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found) {
    throw UsageError(fmt::format("no such file or directory '{}'", path.string()));
  }
  if (ec) cannot_read(path, ec.message());
  if (fs::is_directory(status)) return ImportInputKind::directory;
  const std::string head = first_bytes(path, 16);
  if (head == std::string_view("SQLite format 3\0", 16)) return ImportInputKind::sqlite;
  if (head.starts_with("PK\x03\x04") || head.starts_with("PK\x05\x06")) {
    return ImportInputKind::zip;
  }
  return ImportInputKind::text;
}

std::string read_import_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) cannot_read(file, std::generic_category().message(errno));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) cannot_read(file, "read error");
  return text;
}

std::vector<NamedText> read_import_dir(const fs::path& dir) {
  std::vector<NamedText> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    files.push_back({fs::relative(it->path(), dir).generic_string(), read_import_text(it->path())});
  }
  if (ec) cannot_read(dir, ec.message());
  std::sort(files.begin(), files.end(),
            [](const NamedText& a, const NamedText& b) { return a.name < b.name; });
  return files;
}

std::vector<NamedText> read_import_zip(const fs::path& file) {
  int err = 0;
  const std::unique_ptr<zip_t, ZipCloser> archive(zip().open(file.c_str(), ZIP_RDONLY, &err));
  if (!archive) {
    zip_error_t error;
    zip().error_init_with_code(&error, err);
    const std::string reason = zip().error_strerror(&error);
    zip().error_fini(&error);
    cannot_read(file, reason);
  }
  std::vector<NamedText> files;
  const zip_int64_t count = zip().get_num_entries(archive.get(), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const auto index = static_cast<zip_uint64_t>(i);
    zip_stat_t st;
    if (zip().stat_index(archive.get(), index, 0, &st) != 0) {
      cannot_read(file, zip().strerror(archive.get()));
    }
    std::string name = st.name;
    if (name.ends_with('/')) continue;  // a directory entry
    const std::unique_ptr<zip_file_t, ZipFileCloser> entry(
        zip().fopen_index(archive.get(), index, 0));
    if (!entry) cannot_read(file, zip().strerror(archive.get()));
    std::string text(static_cast<std::size_t>(st.size), '\0');
    const zip_int64_t n = zip().fread(entry.get(), text.data(), st.size);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
      cannot_read(file, fmt::format("entry '{}' cannot be read", name));
    }
    files.push_back({std::move(name), std::move(text)});
  }
  return files;
}

LoopDbRows read_loop_db(const fs::path& file) {
  sqlite3* raw = nullptr;
  const int rc = sqlite().open_v2(file.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  const Db db(raw);
  if (rc != SQLITE_OK) not_loop_db(file, raw ? sqlite().errmsg(raw) : "cannot open it");
  int version = 0;
  const Stmt v = prepare(db.get(), file, "PRAGMA user_version");
  each_row(db.get(), file, v.get(), [&](sqlite3_stmt* s) { version = sqlite().column_int(s, 0); });
  if (version > loop_schema_version) {
    not_loop_db(file, fmt::format("its schema version {} is newer than {}, the latest known",
                                  version, loop_schema_version));
  }
  const auto habit_columns = columns(db.get(), file, "Habits");
  const auto rep_columns = columns(db.get(), file, "Repetitions");
  if (habit_columns.empty() || rep_columns.empty()) {
    not_loop_db(file, "it has no Habits and Repetitions tables");
  }
  LoopDbRows rows;
  const auto& h = habit_columns;
  const Stmt habits = prepare(
      db.get(), file,
      fmt::format(
          "SELECT id, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {} FROM Habits ORDER BY {}, id",
          column_or(h, "name", "''"), column_or(h, "description", "''"),
          column_or(h, "question", "NULL"), column_or(h, "freq_num", "1"),
          column_or(h, "freq_den", "1"), column_or(h, "type", "0"),
          column_or(h, "target_type", "0"), column_or(h, "target_value", "0"),
          column_or(h, "unit", "''"), column_or(h, "archived", "0"), column_or(h, "position", "0"),
          column_or(h, "position", "0")));
  each_row(db.get(), file, habits.get(), [&](sqlite3_stmt* s) {
    LoopDbHabit habit;
    habit.id = sqlite().column_int64(s, 0);
    habit.name = text_at(s, 1);
    habit.description = text_at(s, 2);
    if (sqlite().column_type(s, 3) != SQLITE_NULL) habit.question = text_at(s, 3);
    habit.freq_num = sqlite().column_int64(s, 4);
    habit.freq_den = sqlite().column_int64(s, 5);
    habit.type = sqlite().column_int64(s, 6);
    habit.target_type = sqlite().column_int64(s, 7);
    habit.target_value = sqlite().column_double(s, 8);
    habit.unit = text_at(s, 9);
    habit.archived = sqlite().column_int64(s, 10);
    habit.position = sqlite().column_int64(s, 11);
    rows.habits.push_back(std::move(habit));
  });
  const auto& r = rep_columns;
  const Stmt reps = prepare(
      db.get(), file,
      fmt::format("SELECT habit, timestamp, {}, {} FROM Repetitions ORDER BY habit, timestamp",
                  column_or(r, "value", "2"), column_or(r, "notes", "''")));
  each_row(db.get(), file, reps.get(), [&](sqlite3_stmt* s) {
    rows.repetitions.push_back({sqlite().column_int64(s, 0), sqlite().column_int64(s, 1),
                                sqlite().column_int64(s, 2), text_at(s, 3)});
  });
  return rows;
}

}  // namespace momentum
