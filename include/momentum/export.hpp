#pragma once
// What `export` shows, as plain views the shell formats: the journal's own lines (the JSON
// export is its history), tasks by goal and check-ins by month (Markdown), and the dated items
// a calendar gets (iCalendar).

#include <optional>
#include <string_view>
#include <vector>

#include "momentum/day.hpp"
#include "momentum/state.hpp"

namespace momentum {

// A replayed journal's lines as a reader keeps them, each without its line break and trailing
// blanks: the first header (empty when there is none) and every event, in file order.
struct JournalLines {
  std::string_view header;
  std::vector<std::string_view> events;
};

// The lines of `text` before `end` (Loaded::valid_size: a torn last line is not kept); blank
// lines and later headers are left out. `text` must be a journal that replay() accepted.
JournalLines journal_lines(std::string_view text, std::size_t end);

// A goal's tasks (indexes, by number), or the tasks without a goal when `goal` is empty.
struct GoalTasks {
  std::optional<int> goal;
  std::vector<int> tasks;
};

// Every task grouped by goal in goal order, then those without a goal; goals without tasks
// are left out.
std::vector<GoalTasks> tasks_by_goal(const State& state);

// One calendar month of the check-in log: its first day, the check-ins that are not removed
// and the rest days, each by day then number.
struct LogMonth {
  Day first{};
  std::vector<int> logs;
  std::vector<int> skips;
};

// The months that hold a check-in or a rest day, oldest first.
std::vector<LogMonth> log_months(const State& state);

// A dated item for a calendar: a task's due day (first == last), or a sprint's days.
struct DatedItem {
  enum class Kind { task_due, sprint };
  Kind kind = Kind::task_due;
  int index = 0;  // into State::tasks or State::sprints
  Day first{};
  Day last{};  // inclusive
};

// Every task with a due day that is not dropped (open or done), then every sprint, each by
// number.
std::vector<DatedItem> dated_items(const State& state);

}  // namespace momentum
