// momentum remind [--format text|json]: for cron, only what needs attention now; exit 1 when
// it printed reminders, 0 (and silence) when there is nothing to say.
#include <fmt/format.h>

#include <algorithm>

#include "cli/habit.hpp"
#include "cli/json_out.hpp"
#include "cli/options.hpp"
#include "cli/render.hpp"
#include "cli/sprint_view.hpp"
#include "momentum/next.hpp"
#include "momentum/remind.hpp"
#include "momentum/sprint.hpp"

namespace momentum::cli {
namespace {

using nlohmann::ordered_json;

struct RemindOptions {
  std::string format = "text";
};

// A reminder in words: `label: subject "title"detail (hint)`; the title is user text.
struct Phrase {
  std::string label;
  std::string subject;
  std::optional<std::string> title;
  std::string detail;
  std::string hint;
  bool late = false;  // already past its day: overdue, unclosed
};

// The phrase with the title escaped, whole.
std::string phrase_text(const Phrase& p) {
  std::string text = p.label + ": " + p.subject;
  if (p.title) text += " \"" + escape(*p.title) + "\"";
  text += p.detail;
  if (!p.hint.empty()) text += " (" + p.hint + ")";
  return text;
}

// "2 more days this week", or for a rolling window "2 more days by Thu".
std::string needed_words(const Needed& needed, Day today) {
  if (needed.kind == PeriodKind::week) return describe_needed(needed, today);
  const std::string more =
      fmt::format("{} more {}", needed.more, needed.more == 1 ? "day" : "days");
  if (needed.last == today) return more + " today";
  if (needed.last == today + std::chrono::days{1}) return more + " by tomorrow";
  if (needed.last < today + std::chrono::days{7})
    return more + " by " + weekday_name(needed.last, false);
  return more + " by " + format_day(needed.last);
}

Phrase goal_phrase(const State& state, const Reminder& r, Day today) {
  const Goal& g = state.goals[static_cast<std::size_t>(*r.goal)];
  const std::string hint = fmt::format("momentum log --goal {}", g.num);
  if (r.kind == ReminderKind::streak_at_risk) {
    return {"Streak at risk", fmt::format("goal {}", g.num), g.title, ", " + streak_words(r.streak),
            hint};
  }
  return {"Target at risk", fmt::format("goal {}", g.num), g.title,
          ", " + needed_words(r.needed, today), hint};
}

Phrase task_phrase(const State& state, const Reminder& r) {
  const Task& t = state.tasks[static_cast<std::size_t>(*r.task)];
  if (r.kind == ReminderKind::task_due)
    return {"Due today", fmt::format("task {}", t.num), t.title, "", ""};
  return {.label = "Overdue",
          .subject = fmt::format("task {}", t.num),
          .title = t.title,
          .detail = fmt::format(", {} late",
                                plural(static_cast<std::size_t>(r.days_late), "day", "days")),
          .hint = "",
          .late = true};
}

Phrase sprint_phrase(const State& state, const Reminder& r) {
  const Sprint& s = state.sprints[static_cast<std::size_t>(*r.sprint)];
  if (r.kind == ReminderKind::sprint_ends) {
    return {"Sprint ends today", fmt::format("sprint {}", s.num), s.title,
            fmt::format(", {}/{} tasks done", planned_done(state, s), s.planned.size()), ""};
  }
  return {.label = "Sprint not closed",
          .subject = fmt::format("sprint {}", s.num),
          .title = s.title,
          .detail = " ended " + format_day(s.end),
          .hint = "momentum sprint close",
          .late = true};
}

Phrase phrase(const State& state, const Reminder& r, Day today) {
  switch (r.kind) {
    case ReminderKind::streak_at_risk:
    case ReminderKind::target_at_risk:
      return goal_phrase(state, r, today);
    case ReminderKind::checkin_streak:
      return {"Check-in streak at risk", streak_words(r.streak), std::nullopt,
              ", no check-in today yet", "momentum log"};
    case ReminderKind::task_due:
    case ReminderKind::task_overdue:
      return task_phrase(state, r);
    case ReminderKind::sprint_ends:
    case ReminderKind::sprint_unclosed:
      return sprint_phrase(state, r);
  }
  return {};
}

// One whole line: cron mail and notifications wrap; a cut title would be a riddle.
std::string reminder_text(const Style& style, const Phrase& p) {
  const std::string line = phrase_text(p);
  return paint(style, line,
               fmt::fg(p.late ? fmt::terminal_color::red : fmt::terminal_color::yellow));
}

// Reminders are grouped for the caps: goals, tasks, and the rest (one each at most).
enum class Group { goals, tasks, other };

Group group_of(ReminderKind kind) {
  switch (kind) {
    case ReminderKind::streak_at_risk:
    case ReminderKind::target_at_risk:
      return Group::goals;
    case ReminderKind::task_due:
    case ReminderKind::task_overdue:
      return Group::tasks;
    default:
      return Group::other;
  }
}

// A cron mail is a nudge, not a report: this many goals and this many tasks at most (the
// tasks in the order 'today' and 'task next' rank them), then how many more there are.
constexpr std::size_t shown_per_group = 5;

// What `remind` in text shows of the tasks, as indexes of `facts` (task_facts()): the most
// urgent of those due today or overdue.
struct RemindTasks {
  std::vector<TaskFacts> facts;
  std::vector<int> shown;
};

RemindTasks remind_tasks(const State& state, Day today) {
  RemindTasks r;
  r.facts = task_facts(state);
  std::vector<int> due;
  for (std::size_t i = 0; i < r.facts.size(); ++i) {
    const TaskFacts& t = r.facts[i];
    if (is_due_on(t, today) || is_overdue(t, today)) due.push_back(static_cast<int>(i));
  }
  r.shown = most_urgent_first(state, r.facts, today, in_sprint_flags(state, r.facts, today), due,
                              shown_per_group);
  return r;
}

std::vector<int> shown_nums(const RemindTasks& r) {
  std::vector<int> nums;
  for (const int i : r.shown) nums.push_back(r.facts[static_cast<std::size_t>(i)].num);
  return nums;
}

// What `remind` prints: the reminders found (their tasks indexes of tasks.facts), and the
// tasks among them that make the cap, which `state` holds whole.
struct RemindersView {
  const State& state;
  const std::vector<Reminder>& found;
  const RemindTasks& tasks;
  Day today{};
};

void print_reminders(std::ostream& out, const Style& style, const RemindersView& view) {
  const std::vector<int>& tasks = view.tasks.shown;
  std::size_t goals = 0, more_due = 0, more_overdue = 0;
  for (Reminder r : view.found) {
    const Group g = group_of(r.kind);
    if (g == Group::goals && ++goals > shown_per_group) continue;
    if (g == Group::tasks && std::find(tasks.begin(), tasks.end(), *r.task) == tasks.end()) {
      ++(r.kind == ReminderKind::task_due ? more_due : more_overdue);
      continue;
    }
    if (r.task)
      r.task = task_index(view.state, view.tasks.facts[static_cast<std::size_t>(*r.task)]);
    out << reminder_text(style, phrase(view.state, r, view.today)) << '\n';
  }
  if (goals > shown_per_group) {
    const std::size_t more = goals - shown_per_group;
    out << fmt::format("... and {} more {} at risk ('momentum streak' shows every goal)\n", more,
                       more == 1 ? "goal" : "goals");
  }
  if (more_due + more_overdue > 0) {
    std::vector<std::string> parts;
    if (more_overdue) parts.push_back(fmt::format("{} more overdue", more_overdue));
    if (more_due) parts.push_back(fmt::format("{} more due today", more_due));
    out << fmt::format("... and {} ('momentum task list' shows them)\n", fmt::join(parts, ", "));
  }
}

std::string_view kind_name(ReminderKind kind) {
  // In ReminderKind's order.
  static constexpr std::string_view names[] = {"streak_at_risk", "target_at_risk", "checkin_streak",
                                               "task_due",       "sprint_ends",    "task_overdue",
                                               "sprint_unclosed"};
  return names[static_cast<int>(kind)];
}

// The ids and numbers behind a reminder, as docs/json.md lists them per kind.
void add_fields(ordered_json& j, const State& state, const Reminder& r) {
  if (r.goal) {
    const Goal& g = state.goals[static_cast<std::size_t>(*r.goal)];
    j["goal"] = g.num;
    j["title"] = g.title;
  }
  if (r.kind == ReminderKind::streak_at_risk || r.kind == ReminderKind::target_at_risk ||
      r.kind == ReminderKind::checkin_streak) {
    j["streak"] = streak_json(r.streak);
  }
  if (r.kind == ReminderKind::target_at_risk) {
    j["more"] = r.needed.more;
    j["by"] = format_day(r.needed.last);
  }
  if (r.task) {
    const Task& t = state.tasks[static_cast<std::size_t>(*r.task)];
    j["task"] = t.num;
    j["title"] = t.title;
    j["goal"] = t.goal ? ordered_json(state.goals[static_cast<std::size_t>(*t.goal)].num)
                       : ordered_json(nullptr);
    j["due"] = format_day(*t.due);
    if (r.kind == ReminderKind::task_overdue) j["days_overdue"] = r.days_late;
  }
  if (r.sprint) {
    const Sprint& s = state.sprints[static_cast<std::size_t>(*r.sprint)];
    j["sprint"] = s.num;
    j["title"] = s.title;
    j["end"] = format_day(s.end);
    j["tasks"] = s.planned.size();
    j["tasks_done"] = planned_done(state, s);
  }
}

ordered_json reminder_json(const State& state, const Reminder& r, Day today) {
  ordered_json j = {{"kind", kind_name(r.kind)}, {"text", phrase_text(phrase(state, r, today))}};
  add_fields(j, state, r);
  return j;
}

int run_remind(Context& ctx, const RemindOptions& o) {
  if (ctx.global.json || o.format == "json") {
    // Every reminder with its task: a State read whole.
    const State state = ctx.read(Reach::recent).state;
    const std::vector<Reminder> found = reminders(state, ctx.clock, ctx.config);
    ordered_json list = ordered_json::array();
    for (const Reminder& r : found) list.push_back(reminder_json(state, r, ctx.today));
    print_json(ctx, {{"day", format_day(ctx.today)}, {"reminders", list}});
    return found.empty() ? 0 : 1;
  }
  const Day today = ctx.today;
  const auto [state, tasks] = read_shown<RemindTasks>(
      ctx, [today](const State& s) { return remind_tasks(s, today); }, shown_nums);
  const std::vector<Reminder> found = reminders(state, tasks.facts, ctx.clock, ctx.config);
  if (!ctx.global.quiet) print_reminders(ctx.out, ctx.style, {state, found, tasks, ctx.today});
  return found.empty() ? 0 : 1;
}

}  // namespace

void setup_remind(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<RemindOptions>();
  CLI::App* remind =
      app.add_subcommand("remind", "For cron: what needs attention now (exit 1 if any)");
  remind->add_option("--format", o->format, "text or json (default text; --json is json)")
      ->check(one_of("format", {"text", "json"}))
      ->option_text("F");
  // A footer callback: the global options line that app.cpp sets comes after it.
  remind->footer([] {
    return std::string(
        "Prints nothing and exits 0 when nothing needs attention; else one whole line per\n"
        "reminder (at most 5 goals and 5 tasks, then how many more), exit 1. Streaks and\n"
        "targets at risk only from remind_after (config, default 18:00) on, the check-in\n"
        "streak only on a day some goal requires; due and overdue tasks and the sprint's\n"
        "end at any hour. A crontab line:\n"
        "  0 19 * * * momentum remind\n");
  });
  on_chosen(remind, action, [&ctx, o] { return run_remind(ctx, *o); });
}

}  // namespace momentum::cli
