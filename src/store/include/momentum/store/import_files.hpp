#pragma once
// Reading what `import` is given: a peer's file or folder, a zip, a Loop SQLite backup. The
// core's parsers (momentum/import.hpp) make sense of the bytes and rows returned here.

#include <filesystem>
#include <string>
#include <vector>

#include "momentum/import.hpp"

namespace momentum {

// What a path holds, judged by its type and its first bytes.
enum class ImportInputKind { text, directory, zip, sqlite };

// The kind of `path`. Throws UsageError when it does not exist or cannot be read.
ImportInputKind import_input_kind(const std::filesystem::path& path);

// The whole file. Throws UsageError when it cannot be read.
std::string read_import_text(const std::filesystem::path& file);

// Every regular file under `dir`, by its path relative to `dir` ("001 Run/Checkmarks.csv"),
// sorted by name. Throws UsageError when it cannot be read.
std::vector<NamedText> read_import_dir(const std::filesystem::path& dir);

// Every file in the zip archive, by its name inside it, in the archive's order. Throws
// UsageError when it is not a readable zip archive.
std::vector<NamedText> read_import_zip(const std::filesystem::path& file);

// The Habits and Repetitions rows of a Loop backup, opened read-only.
struct LoopDbRows {
  std::vector<LoopDbHabit> habits;
  std::vector<LoopDbRepetition> repetitions;
};

// Reads a Loop Habit Tracker `.db` backup of schema version 25 or older. Throws UsageError when
// it is not one (no Habits or Repetitions table, a newer schema, not SQLite).
LoopDbRows read_loop_db(const std::filesystem::path& file);

}  // namespace momentum
