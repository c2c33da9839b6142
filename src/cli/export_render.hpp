#pragma once
// The export formats (docs/import-export.md), each written to a stream as it goes: JSON (the
// journal's history and the state it makes), CSV tables, a Markdown dump, an iCalendar file.

#include <ostream>

#include "momentum/export.hpp"
#include "momentum/state.hpp"

namespace momentum::cli {

// What every export shows: the state, the day it is seen on (statuses, overdue) and the
// moment of the export (`exported`, DTSTAMP).
struct ExportView {
  const State& state;
  Day today{};
  Timestamp now{};
};

// The tables `--format csv --what` offers.
enum class ExportTable { logs, tasks, goals };

// The JSON export: a marker and version, the journal's header and every event line as it is
// in the journal, in file order, then the state they replay to (for readers; import ignores it).
void print_export_json(std::ostream& out, const ExportView& view, const JournalLines& lines);

// One CSV table (RFC 4180, CRLF records, a header row, days as YYYY-MM-DD): the check-ins that
// are not removed, the tasks or the goals, by number.
void print_export_csv(std::ostream& out, const ExportView& view, ExportTable table);

// The Markdown export (CommonMark, user text escaped, no control bytes): goals, tasks by goal,
// sprints with their retrospectives, then check-ins and rest days month by month.
void print_export_md(std::ostream& out, const ExportView& view);

// The iCalendar export (RFC 5545: CRLF lines folded at 75 octets, TEXT escaped): one all-day
// VEVENT per task with a due day that is not dropped, then one per sprint over its days, each
// with a stable UID and the export's moment as DTSTAMP.
void print_export_ics(std::ostream& out, const ExportView& view);

}  // namespace momentum::cli
