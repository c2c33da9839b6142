// `export --format ics`: due days and sprints as an RFC 5545 calendar for a calendar app.
#include <fmt/format.h>

#include "cli/export_format.hpp"
#include "cli/export_render.hpp"
#include "cli/render.hpp"
#include "cli/sprint_view.hpp"
#include "momentum/parse.hpp"
#include "momentum/views.hpp"

namespace momentum::cli {
namespace {

class IcsExport {
 public:
  IcsExport(std::ostream& out, const ExportView& view)
      : out_(out),
        v_(view),
        s_(view.state),
        stamp_(ics_timestamp(view.now)),
        tasks_(task_views(s_, v_.today)) {}

  void print() {
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//momentum//momentum//EN");
    line("CALSCALE:GREGORIAN");
    line("X-WR-CALNAME:momentum");
    for (const DatedItem& item : dated_items(s_)) {
      if (item.kind == DatedItem::Kind::task_due)
        task(item.index);
      else
        sprint(item.index);
    }
    line("END:VCALENDAR");
  }

 private:
  // One content line, folded; `value` is already in its RFC 5545 form.
  void line(std::string_view name, std::string_view value) {
    out_ << ics_fold(fmt::format("{}:{}", name, value));
  }
  void line(std::string_view whole) { out_ << ics_fold(whole); }

  // The properties every event has: its UID, the export's DTSTAMP and its days, all-day
  // (DTEND is the day after `last`), shown as free time.
  void begin(std::string_view kind, const Uuid& id, Day first, Day last) {
    line("BEGIN:VEVENT");
    line("UID", ics_uid(kind, id));
    line("DTSTAMP", stamp_);
    line("DTSTART;VALUE=DATE", ics_date(first));
    line("DTEND;VALUE=DATE", ics_date(last + std::chrono::days{1}));
    line("TRANSP", "TRANSPARENT");
  }

  std::string goal_name(std::optional<int> goal) const {
    return goal ? fmt::format("Goal {}: {}", s_.goal(*goal).num, s_.goal(*goal).title) : "";
  }

  // "Task 1: learn, done 2026-03-10, estimate 1h30m, 45m logged" and its goal on a line below.
  std::string task_description(int index) const {
    const Task& t = s_.task(index);
    std::string text =
        fmt::format("Task {}: {}, {}", t.num, to_string(t.kind), to_string(t.status));
    if (t.finished_day) text += " " + format_day(*t.finished_day);
    if (!t.deferrals.empty()) text += ", " + plural(t.deferrals.size(), "deferral", "deferrals");
    if (t.estimate) text += ", estimate " + minutes_text(t.estimate);
    const int logged = tasks_[static_cast<std::size_t>(index)].minutes_logged;
    if (logged > 0) text += ", " + minutes_text(logged) + " logged";
    if (t.goal) text += "\n" + goal_name(t.goal);
    return text;
  }

  // A task on its due day: its title (after "Done: " once done), its facts, its tags.
  void task(int index) {
    const Task& t = s_.task(index);
    begin("task", t.id, *t.due, *t.due);
    const bool done = t.status == TaskStatus::done;
    line("SUMMARY", ics_text(done ? "Done: " + t.title : t.title));
    line("DESCRIPTION", ics_text(task_description(index)));
    if (!t.tags.empty()) {
      std::vector<std::string> tags;
      for (const std::string& tag : t.tags) tags.push_back(ics_text(tag));
      line("CATEGORIES", fmt::format("{}", fmt::join(tags, ",")));
    }
    line("END:VEVENT");
  }

  // "2026-03-09 to 2026-03-15, closed 2026-03-15", its goal, its planned tasks, then a closed
  // sprint's retrospective.
  std::string sprint_description(const Sprint& sp) const {
    std::string text = fmt::format("{} to {}, {}", format_day(sp.start), format_day(sp.end),
                                   sprint_status_text(sp, v_.today));
    if (sp.closed_day) text += " " + format_day(*sp.closed_day);
    if (sp.goal) text += "\n" + goal_name(sp.goal);
    for (const PlannedTask& p : sp.planned) {
      const Task& t = s_.task(p.task);
      text += fmt::format("\nTask {}: {} ({})", t.num, t.title, to_string(t.status));
    }
    if (!sp.closed) return text;
    const Retrospective& r = sp.retro;
    if (!r.learned.empty()) text += "\nLearned: " + r.learned;
    if (!r.blocked.empty()) text += "\nBlocked: " + r.blocked;
    if (!r.next.empty()) text += "\nNext: " + r.next;
    if (r.rating) text += fmt::format("\nRating: {}/5", *r.rating);
    return text;
  }

  // A sprint over all its days.
  void sprint(int index) {
    const Sprint& sp = s_.sprint(index);
    begin("sprint", sp.id, sp.start, sp.end);
    line("SUMMARY", ics_text(fmt::format("Sprint {}: {}", sp.num, sp.title)));
    line("DESCRIPTION", ics_text(sprint_description(sp)));
    line("END:VEVENT");
  }

  std::ostream& out_;
  const ExportView& v_;
  const State& s_;
  const std::string stamp_;
  const std::vector<TaskView> tasks_;  // task_views(): minutes logged per task
};

}  // namespace

void print_export_ics(std::ostream& out, const ExportView& view) { IcsExport(out, view).print(); }

}  // namespace momentum::cli
