// `export --format md`: the whole journal as one readable CommonMark document.
#include <fmt/format.h>

#include "cli/export_format.hpp"
#include "cli/export_render.hpp"
#include "cli/render.hpp"
#include "cli/review_doc.hpp"
#include "cli/sprint_view.hpp"
#include "momentum/parse.hpp"
#include "momentum/views.hpp"

namespace momentum::cli {
namespace {

constexpr std::string_view month_names[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};

class MdExport {
 public:
  MdExport(std::ostream& out, const ExportView& view)
      : doc_(out, true), v_(view), s_(view.state), tasks_(task_views(s_, v_.today)) {}

  void print() {
    doc_.heading(1, "momentum");
    doc_.para(summary());
    goals();
    tasks();
    sprints();
    checkins();
  }

 private:
  // User text, safe for Markdown and a terminal: line breaks become spaces (ReviewDoc), other
  // control characters escapes.
  std::string text(std::string_view user) const { return doc_.text(escape_keeping_lines(user)); }

  std::string goal_name(int goal) const {
    return fmt::format("Goal {}: {}", s_.goal(goal).num, text(s_.goal(goal).title));
  }
  std::string task_name(int task) const {
    return fmt::format("Task {}: {}", s_.task(task).num, text(s_.task(task).title));
  }
  std::string tags(const std::vector<std::string>& list) const {
    std::vector<std::string> shown;
    for (const std::string& tag : list) shown.push_back(text(tag));
    return fmt::format("{}", fmt::join(shown, ", "));
  }

  std::string summary() const {
    std::size_t logs = 0;
    for (const LogEntry& l : s_.logs) logs += l.removed ? 0 : 1;
    return fmt::format(
        "Exported on {}: {}, {}, {}, {}.", format_day(v_.today),
        plural(s_.goals.size(), "goal", "goals"), plural(s_.tasks.size(), "task", "tasks"),
        plural(s_.sprints.size(), "sprint", "sprints"), plural(logs, "check-in", "check-ins"));
  }

  void goals() {
    doc_.heading(2, "Goals");
    if (s_.goals.empty()) doc_.para("None.");
    for (std::size_t i = 0; i < s_.goals.size(); ++i) {
      const Goal& g = s_.goals[i];
      const GoalView gv = goal_view(s_, static_cast<int>(i), v_.today);
      doc_.heading(3, goal_name(static_cast<int>(i)));
      std::string status(to_string(gv.status));
      if (gv.paused_until) status += " until " + format_day(*gv.paused_until);
      if (g.ended) status += " on " + format_day(*g.ended);
      doc_.item("Status: " + status);
      doc_.item(fmt::format("Cadence: {}, importance {}", format_cadence(g.cadences.back().cadence),
                            g.importance));
      if (!g.why.empty()) doc_.item("Why: " + text(g.why));
      if (g.target) doc_.item("Target: " + format_day(*g.target));
      if (!g.tags.empty()) doc_.item("Tags: " + tags(g.tags));
      doc_.item(fmt::format("Created {}; tasks: {} open, {} done", format_day(g.created_day),
                            gv.tasks_open, gv.tasks_done));
    }
  }

  std::string task_line(int index) const {
    const Task& t = s_.task(index);
    std::string facts = fmt::format("{}, {}", to_string(t.kind), to_string(t.status));
    if (t.finished_day) facts += " " + format_day(*t.finished_day);
    if (t.due) facts += ", due " + format_day(*t.due);
    if (!t.deferrals.empty()) facts += ", " + plural(t.deferrals.size(), "deferral", "deferrals");
    if (t.estimate) facts += ", estimate " + minutes_text(t.estimate);
    const int logged = tasks_[static_cast<std::size_t>(index)].minutes_logged;
    if (logged > 0) facts += ", " + minutes_text(logged) + " logged";
    if (!t.tags.empty()) facts += ", tags " + tags(t.tags);
    return fmt::format("{} ({})", task_name(index), facts);
  }

  void tasks() {
    doc_.heading(2, "Tasks");
    if (s_.tasks.empty()) doc_.para("None.");
    for (const GoalTasks& group : tasks_by_goal(s_)) {
      doc_.heading(3, group.goal ? goal_name(*group.goal) : "No goal");
      for (int t : group.tasks) doc_.item(task_line(t));
    }
  }

  void sprints() {
    doc_.heading(2, "Sprints");
    if (s_.sprints.empty()) doc_.para("None.");
    for (std::size_t i = 0; i < s_.sprints.size(); ++i) {
      const Sprint& sp = s_.sprints[i];
      doc_.heading(3, fmt::format("Sprint {}: {}", sp.num, text(sp.title)));
      std::string when = fmt::format("{} to {}, {}", format_day(sp.start), format_day(sp.end),
                                     sprint_status_text(sp, v_.today));
      if (sp.closed_day) when += " " + format_day(*sp.closed_day);
      doc_.item(when);
      if (sp.goal) doc_.item(goal_name(*sp.goal));
      for (const PlannedTask& p : sp.planned) {
        doc_.item(
            fmt::format("{} ({}{})", task_name(p.task), to_string(s_.task(p.task).status),
                        p.added > sp.start ? fmt::format(", added {}", format_day(p.added)) : ""));
      }
      if (!sp.closed) continue;
      doc_.para("Retrospective:");
      const Retrospective& r = sp.retro;
      if (!r.learned.empty()) doc_.item("Learned: " + text(r.learned));
      if (!r.blocked.empty()) doc_.item("Blocked: " + text(r.blocked));
      if (!r.next.empty()) doc_.item("Next: " + text(r.next));
      if (r.rating) doc_.item(fmt::format("Rating: {}/5", *r.rating));
    }
  }

  std::string log_line(int index) const {
    const LogEntry& l = s_.log(index);
    std::string line =
        fmt::format("{}: check-in {}, {}{}", format_day(l.day), l.num,
                    l.minutes ? minutes_text(l.minutes) + " " : "", to_string(l.kind));
    if (l.goal) line += ", " + goal_name(*l.goal);
    if (l.task) line += ", " + task_name(*l.task);
    if (l.resistance) line += fmt::format(", resistance {}", *l.resistance);
    if (!l.tags.empty()) line += ", tags " + tags(l.tags);
    if (!l.note.empty()) line += ": " + text(l.note);
    return line;
  }

  std::string skip_line(int index) const {
    const Skip& k = s_.skip(index);
    std::string line = fmt::format("{}: rest day, {}", format_day(k.day),
                                   k.goal ? goal_name(*k.goal) : "all goals");
    if (!k.reason.empty()) line += ": " + text(k.reason);
    return line;
  }

  void checkins() {
    doc_.heading(2, "Check-ins");
    const std::vector<LogMonth> months = log_months(s_);
    if (months.empty()) doc_.para("None.");
    for (const LogMonth& m : months) {
      const std::chrono::year_month_day ymd{m.first};
      doc_.heading(3, fmt::format("{} {}", month_names[static_cast<unsigned>(ymd.month()) - 1],
                                  static_cast<int>(ymd.year())));
      // Check-ins and rest days merged by day, a day's rest day first.
      std::size_t k = 0;
      for (int l : m.logs) {
        for (; k < m.skips.size() && s_.skip(m.skips[k]).day <= s_.log(l).day; ++k)
          doc_.item(skip_line(m.skips[k]));
        doc_.item(log_line(l));
      }
      for (; k < m.skips.size(); ++k) doc_.item(skip_line(m.skips[k]));
    }
  }

  ReviewDoc doc_;
  const ExportView& v_;
  const State& s_;
  const std::vector<TaskView> tasks_;  // task_views(): minutes logged per task
};

}  // namespace

void print_export_md(std::ostream& out, const ExportView& view) { MdExport(out, view).print(); }

}  // namespace momentum::cli
