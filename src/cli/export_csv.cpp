// `export --format csv`: one table of check-ins, tasks or goals, ready for a spreadsheet.
#include <fmt/format.h>

#include "cli/export_format.hpp"
#include "cli/export_render.hpp"
#include "momentum/parse.hpp"
#include "momentum/views.hpp"

namespace momentum::cli {
namespace {

std::string text(std::optional<int> n) { return n ? std::to_string(*n) : ""; }
std::string text(std::optional<Day> day) { return day ? format_day(*day) : ""; }
std::string text(const std::vector<std::string>& tags) {
  return fmt::format("{}", fmt::join(tags, " "));
}

std::string goal_num(const State& s, std::optional<int> goal) {
  return goal ? std::to_string(s.goal(*goal).num) : "";
}
std::string goal_title(const State& s, std::optional<int> goal) {
  return goal ? s.goal(*goal).title : "";
}

void print_logs(std::ostream& out, const State& s) {
  out << csv_record({"id", "uuid", "day", "minutes", "kind", "goal", "goal_title", "task",
                     "task_title", "note", "resistance", "tags"});
  for (const LogEntry& l : s.logs) {
    if (l.removed) continue;
    out << csv_record({std::to_string(l.num), l.id, format_day(l.day), text(l.minutes),
                       std::string(to_string(l.kind)), goal_num(s, l.goal), goal_title(s, l.goal),
                       l.task ? std::to_string(s.task(*l.task).num) : "",
                       l.task ? s.task(*l.task).title : "", l.note, text(l.resistance),
                       text(l.tags)});
  }
}

void print_tasks(std::ostream& out, const State& s, Day today) {
  out << csv_record({"id", "uuid", "title", "goal", "goal_title", "kind", "status", "importance",
                     "estimate", "due", "tags", "created", "started", "finished", "deferrals",
                     "minutes_logged"});
  const std::vector<TaskView> views = task_views(s, today);
  for (std::size_t i = 0; i < s.tasks.size(); ++i) {
    const Task& t = s.tasks[i];
    const TaskView& v = views[i];
    out << csv_record({std::to_string(t.num), t.id, t.title, goal_num(s, t.goal),
                       goal_title(s, t.goal), std::string(to_string(t.kind)),
                       std::string(to_string(t.status)), std::to_string(t.importance),
                       text(t.estimate), text(t.due), text(t.tags), format_day(t.created_day),
                       text(t.started_day), text(t.finished_day),
                       std::to_string(t.deferrals.size()), std::to_string(v.minutes_logged)});
  }
}

void print_goals(std::ostream& out, const State& s, Day today) {
  out << csv_record({"id", "uuid", "title", "why", "status", "cadence", "importance", "target",
                     "tags", "created", "ended"});
  for (const Goal& g : s.goals) {
    out << csv_record({std::to_string(g.num), g.id, g.title, g.why,
                       std::string(to_string(effective_status(g, today))),
                       format_cadence(g.cadences.back().cadence), std::to_string(g.importance),
                       text(g.target), text(g.tags), format_day(g.created_day), text(g.ended)});
  }
}

}  // namespace

void print_export_csv(std::ostream& out, const ExportView& view, ExportTable table) {
  switch (table) {
    case ExportTable::logs:
      return print_logs(out, view.state);
    case ExportTable::tasks:
      return print_tasks(out, view.state, view.today);
    case ExportTable::goals:
      return print_goals(out, view.state, view.today);
  }
}

}  // namespace momentum::cli
