#include "cli/undo_render.hpp"

#include <fmt/format.h>

#include "cli/render.hpp"

namespace momentum::cli {
namespace {

constexpr std::size_t title_width = 30;

// "goal 3 (Read more)": a numbered entity and its title, cut.
std::string titled(const Style& style, std::string_view kind, int num, const std::string& title) {
  return fmt::format("{} {} ({})", kind, num, truncate(escape(title), title_width, style.utf8));
}

// "45m on goal 1, task 4" ("on goal 1" without a duration): what a check-in holds, and the day it
// counts for when that is not the day it was written.
std::string checkin_detail(const State& s, const LogEntry& l, const UndoLine& line) {
  std::string what = l.minutes ? minutes_text(l.minutes) + " " : "";
  what += l.goal ? fmt::format("on goal {}", s.goal(*l.goal).num) : "on no goal";
  if (l.task) what += fmt::format(", task {}", s.task(*l.task).num);
  if (l.day != line.written) what += fmt::format(" for {}", weekday_day(l.day));
  return what;
}

std::string numbers(const State& s, const std::vector<int>& tasks) {
  std::string out;
  for (const int t : tasks) out += fmt::format("{}{}", out.empty() ? "" : ", ", s.task(t).num);
  return out;
}

std::string_view goal_verb(GoalStatus status) {
  switch (status) {
    case GoalStatus::active:
      return "resumed";
    case GoalStatus::paused:
      return "paused";
    case GoalStatus::achieved:
      return "marked achieved";
    case GoalStatus::dropped:
      break;
  }
  return "dropped";
}

std::string_view task_verb(TaskStatus status) {
  switch (status) {
    case TaskStatus::todo:
      return "reopened";
    case TaskStatus::doing:
      return "started";
    case TaskStatus::done:
      return "marked done";
    case TaskStatus::dropped:
      break;
  }
  return "dropped";
}

// The three parts of the words: the entity (with what it holds), the verb, and a detail
// after the time.
struct Phrase {
  std::string entity;
  std::string verb;
  std::string detail;
};

Phrase phrase(const Style& style, const State& s, const UndoLine& line) {
  const Undoable& u = line.change;
  const int i = u.touched.index;
  const auto goal = [&] { return titled(style, "goal", s.goal(i).num, s.goal(i).title); };
  const auto task = [&] { return titled(style, "task", s.task(i).num, s.task(i).title); };
  const auto sprint = [&] { return titled(style, "sprint", s.sprint(i).num, s.sprint(i).title); };
  const auto checkin = [&] {
    const LogEntry& l = s.log(i);
    return fmt::format("check-in {}: {}", l.num, checkin_detail(s, l, line));
  };
  return std::visit(
      [&](const auto& o) -> Phrase {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, GoalAdd>) return {goal(), "added", ""};
        if constexpr (std::is_same_v<T, GoalEdit>) return {goal(), "edited", ""};
        if constexpr (std::is_same_v<T, GoalSetStatus>) {
          return {goal(), std::string(goal_verb(o.status)),
                  o.until ? "until " + weekday_day(*o.until) : ""};
        }
        if constexpr (std::is_same_v<T, TaskAdd>) return {task(), "added", ""};
        if constexpr (std::is_same_v<T, TaskEdit>) return {task(), "edited", ""};
        if constexpr (std::is_same_v<T, TaskSetStatus>) {
          return {task(), std::string(task_verb(o.status)), ""};
        }
        if constexpr (std::is_same_v<T, TaskDefer>) {
          return {task(), "deferred", "to " + weekday_day(o.to)};
        }
        if constexpr (std::is_same_v<T, LogAdd>) return {checkin(), "logged", ""};
        if constexpr (std::is_same_v<T, LogEdit>) return {checkin(), "edited", ""};
        if constexpr (std::is_same_v<T, LogRemove>) return {checkin(), "removed", ""};
        if constexpr (std::is_same_v<T, SkipAdd>) {
          const Skip& k = s.skip(i);
          return {fmt::format("rest day on {} for {}", weekday_day(k.day),
                              k.goal ? fmt::format("goal {}", s.goal(*k.goal).num) : "all goals"),
                  "planned", ""};
        }
        if constexpr (std::is_same_v<T, SprintStart>) {
          return {sprint(), "started",
                  fmt::format("{} to {}", weekday_day(o.start), weekday_day(o.end))};
        }
        if constexpr (std::is_same_v<T, SprintAdd>) {
          return {sprint(), u.tasks.size() == 1 ? "task added" : "tasks added",
                  numbers(s, u.tasks)};
        }
        if constexpr (std::is_same_v<T, SprintRemove>) {
          return {sprint(), u.tasks.size() == 1 ? "task taken out" : "tasks taken out",
                  numbers(s, u.tasks)};
        }
        if constexpr (std::is_same_v<T, SprintClose>) return {sprint(), "closed", ""};
        return {std::string(op_name(u.event.op)), "written", ""};  // undoable() gives none
      },
      u.event.op);
}

std::string_view entity_name(EntityKind kind) {
  switch (kind) {
    case EntityKind::goal:
      return "goal";
    case EntityKind::task:
      return "task";
    case EntityKind::log:
      return "check-in";
    case EntityKind::skip:
      return "rest day";
    case EntityKind::sprint:
      break;
  }
  return "sprint";
}

int entity_num(const State& s, const Touched& t) {
  switch (t.kind) {
    case EntityKind::goal:
      return s.goal(t.index).num;
    case EntityKind::task:
      return s.task(t.index).num;
    case EntityKind::log:
      return s.log(t.index).num;
    case EntityKind::skip:
      return s.skip(t.index).num;
    case EntityKind::sprint:
      break;
  }
  return s.sprint(t.index).num;
}

}  // namespace

std::string undo_text(const Style& style, const State& state, const UndoLine& line) {
  const Phrase p = phrase(style, state, line);
  std::string text = fmt::format("{}, {} {}", p.entity, p.verb, line.when);
  if (!p.detail.empty()) text += fmt::format(" ({})", p.detail);
  return text;
}

void print_undo_list(std::ostream& out, const Style& style, const UndoListView& view) {
  if (view.lines.empty()) {
    out << "Nothing to undo.\n";
    return;
  }
  out << "Newest first; 'momentum undo' reverts the first:\n";
  for (const UndoLine& line : view.lines) out << "  " << undo_text(style, view.state, line) << '\n';
}

nlohmann::ordered_json undo_json(const Style& style, const State& state, const UndoLine& line) {
  const Undoable& u = line.change;
  return {{"event", u.event.stamp.id},
          {"op", std::string(op_name(u.event.op))},
          {"at", format_timestamp(u.event.stamp.ts)},
          {"entity", std::string(entity_name(u.touched.kind))},
          {"num", entity_num(state, u.touched)},
          {"text", undo_text(style, state, line)}};
}

}  // namespace momentum::cli
