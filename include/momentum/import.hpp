#pragma once
// Importing another tool's data (docs/import-export.md): pure parsers turn a peer's files
// (bytes, or rows read by the store) into an ImportBatch, the events to append and what was
// left out; plan_import() stamps them against the journal, dropping what is already there.
// A momentum export is read apart (parse_momentum_export): its events keep their own stamps.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "momentum/day.hpp"
#include "momentum/event.hpp"
#include "momentum/state.hpp"

namespace momentum {

// Where the data comes from (`import --from`).
enum class ImportSource { taskwarrior, harsh, loop, momentum };

// The name of `source` as --from spells it.
std::string_view to_string(ImportSource source);

// One event to append, before its stamp. Its `id` is derived from the peer's own ids
// (stable_import_id), so importing the same file again meets the same ids; `item` is the
// goal, task, check-in or rest day it adds or changes: when that item is already in the
// journal, the event is left out.
struct ImportEvent {
  Uuid id;
  Uuid item;
  Op op;
};

// Something in the file that does not come in, and why.
struct ImportSkipped {
  std::string what;  // "task 'Pay rent'", "log line 7"
  std::string why;   // "deleted in Taskwarrior"
  friend bool operator==(const ImportSkipped&, const ImportSkipped&) = default;
};

// What a parser made of a peer's files.
struct ImportBatch {
  ImportSource source = ImportSource::taskwarrior;
  std::vector<ImportEvent> events;
  std::vector<ImportSkipped> skipped;
};

// How days are counted: the user's UTC offset and day start (for peers that record instants),
// and today (for "a wait in the future").
struct ImportDays {
  std::chrono::minutes utc_offset{0};
  std::chrono::minutes day_start{4 * 60};
  Day today{};
};

// What an import brings in, and what it leaves out.
struct ImportReport {
  ImportSource source = ImportSource::taskwarrior;
  int goals = 0;
  int tasks = 0;
  int checkins = 0;
  int skips = 0;
  int notes = 0;    // check-ins with a note
  int events = 0;   // the events appended (goals, tasks, … and every edit, removal, undo)
  int present = 0;  // items (momentum: events) already in the journal: left as they are
  std::vector<ImportSkipped> skipped;
};

// The events to append, stamped, and the report.
struct ImportPlan {
  std::vector<Event> events;
  ImportReport report;
};

// A UUID (version 8, RFC 9562) derived from `key` alone: the same key gives the same id.
Uuid stable_import_id(std::string_view key);

// Stamps `batch`'s events after the journal's last (1 ms apart from `clock.now` on, as
// next_stamp), leaving out the events of items `state` already holds, and counts what comes in.
ImportPlan plan_import(const State& state, const ImportBatch& batch, const Clock& clock);

// `task export` output (a JSON array, one object per line, or pretty-printed), Taskwarrior 2.4
// to 3.x. Throws UsageError naming `source` and the line or task at fault.
ImportBatch parse_taskwarrior(std::string_view text, std::string_view source,
                              const ImportDays& days);

// harsh's `habits` and `log` files (in folder `source`). Throws UsageError for what harsh
// itself refuses (a bad frequency or end date); lines harsh skips are reported with their
// numbers. A habit whose end date is before `today` ends the day after it.
ImportBatch parse_harsh(std::string_view habits, std::string_view log, std::string_view source,
                        Day today);

// A Loop Habit Tracker habit as its CSV export or its database holds it.
struct LoopEntry {
  Day day{};
  std::int64_t value = 0;  // YES_MANUAL 2, YES_AUTO 1, NO 0, UNKNOWN -1, SKIP 3; amount × 1000
  std::string notes;
  friend bool operator==(const LoopEntry&, const LoopEntry&) = default;
};

struct LoopHabit {
  std::string name;
  std::string question;
  std::string description;
  int freq_num = 1;
  int freq_den = 1;
  bool numerical = false;
  bool at_most = false;  // a numerical habit's target is a maximum
  double target = 0;
  std::string unit;
  bool archived = false;
  std::vector<LoopEntry> entries;
  friend bool operator==(const LoopHabit&, const LoopHabit&) = default;
};

// A file of a Loop CSV export: its path inside the zip or folder ("001 Run/Checkmarks.csv").
struct NamedText {
  std::string name;
  std::string text;
};

// The habits of a Loop CSV export (both the pre-2.3.1 and the 2.3.1 layouts). Throws
// UsageError naming the file and line at fault.
std::vector<LoopHabit> parse_loop_csv(const std::vector<NamedText>& files, std::string_view source);

// Loop's habits (from the CSV export or the database) as an import.
ImportBatch loop_batch(const std::vector<LoopHabit>& habits);

// A Loop `.db` backup's rows, as the store reads them (columns a schema version lacks keep
// these defaults).
struct LoopDbHabit {
  std::int64_t id = 0;
  std::string name;
  std::string description;
  std::optional<std::string> question;  // v23+: description moved here
  std::int64_t freq_num = 1;
  std::int64_t freq_den = 1;
  std::int64_t type = 0;         // 1 NUMERICAL
  std::int64_t target_type = 0;  // 1 AT_MOST
  double target_value = 0;
  std::string unit;
  std::int64_t archived = 0;
  std::int64_t position = 0;
};

struct LoopDbRepetition {
  std::int64_t habit = 0;
  std::int64_t timestamp = 0;  // ms since the epoch, 00:00 UTC of the day
  std::int64_t value = 2;      // before schema v16 every row is a check
  std::string notes;
};

// The habits of a Loop database. Throws UsageError naming `source` and the row at fault.
std::vector<LoopHabit> loop_db_habits(const std::vector<LoopDbHabit>& habits,
                                      const std::vector<LoopDbRepetition>& repetitions,
                                      std::string_view source);

// A momentum export (`export --format json`, docs/import-export.md#json) as an import reads
// it: the journal header it was made from, and its events, each as the codec reads it.
struct MomentumExport {
  std::string header;                  // the header's line, without '\n'; empty when it is null
  std::vector<Event> events;           // in the export's order; repeated event ids left out
  std::vector<ImportSkipped> skipped;  // the repeated event ids
};

// True when `text` begins (after blanks) with `{"momentum":"export"`, as every export does.
bool is_momentum_export(std::string_view text);

// Reads a momentum export of version 1. Throws UsageError naming `source` and the line (bad
// JSON) or member (`version`, `header`, `events[3]`: the codec's reason) at fault. Of events
// that share an id, the one replay keeps (the first by (ts, id)) stays; the others are skipped.
MomentumExport parse_momentum_export(std::string_view text, std::string_view source);

// The export's events whose ids `journal` (the target journal's events) does not hold, as they
// are (id, ts and tz kept): a union by event id, as a sync's merge. An id the journal holds
// with the same event counts as present; with another event, the journal's stays (skipped).
ImportPlan plan_momentum_import(const std::vector<Event>& journal, const MomentumExport& batch);

}  // namespace momentum
