// momentum task add | list | next | show | start | done | drop | reopen | defer | edit
#include <fmt/format.h>

#include <cmath>

#include "cli/json_out.hpp"
#include "cli/options.hpp"
#include "cli/render.hpp"
#include "momentum/metrics.hpp"
#include "momentum/next.hpp"
#include "momentum/resolve.hpp"
#include "momentum/sprint.hpp"
#include "momentum/views.hpp"

namespace momentum::cli {
namespace {

struct TaskOptions {
  std::string ref;
  std::string title;
  std::optional<std::string> new_title;
  std::optional<std::string> goal;
  bool clear_goal = false;
  std::optional<std::string> kind;
  std::optional<std::string> due;
  bool clear_due = false;
  std::optional<int> importance;
  std::optional<std::string> estimate;
  bool clear_estimate = false;
  std::vector<std::string> tags;
  bool clear_tags = false;
  std::optional<std::string> status;
  bool all = false;
  bool explain = false;
  std::string to;
  std::string reason;
};

void bind_fields(CLI::App* sub, TaskOptions& o) {
  sub->add_option("--goal", o.goal, "The goal it serves (number or a word of its title)")
      ->option_text("G");
  sub->add_option("--kind", o.kind, "learn or do (default do)")->option_text("K");
  sub->add_option("--due", o.due, "Due day: YYYY-MM-DD, today, friday, +3d, eow…")
      ->option_text("DATE");
  sub->add_option("--importance", o.importance, "1-5 (default 3)")
      ->check(in_range(1, 5))
      ->option_text("N");
  sub->add_option("--estimate", o.estimate, "How long you think it takes: 45m, 2h")
      ->option_text("DUR");
  sub->add_option("--tag", o.tags, "A tag (repeatable)")->option_text("T");
}

TaskFields fields_of(const Context& ctx, const State& state, const TaskOptions& o) {
  TaskFields f;
  if (o.goal) f.goal = std::optional<int>(resolve_goal(state, *o.goal));
  if (o.clear_goal) f.goal = std::optional<int>();
  if (o.kind) f.kind = parse_kind(*o.kind);
  if (o.due) f.due = std::optional<Day>(date_option(ctx, *o.due, "--due"));
  if (o.clear_due) f.due = std::optional<Day>();
  f.importance = o.importance;
  if (o.estimate)
    f.estimate =
        std::optional<int>(static_cast<int>(parse_duration(*o.estimate, "--estimate").count()));
  if (o.clear_estimate) f.estimate = std::optional<int>();
  if (!o.tags.empty()) f.tags = tag_options(o.tags);
  if (o.clear_tags) f.tags = std::vector<std::string>();
  return f;
}

// A due day relative to today while the task is open, else just the date.
std::string due_text(const Style& style, const Task& t, Day today) {
  return is_open(t.status) ? relative_due(style, *t.due, today) : format_day(*t.due);
}

// One line about a task: "task 3: Read ISLR ch. 3 (learn, goal 1, due tomorrow)".
std::string task_text(const Style& style, const State& state, const Task& t, Day today) {
  std::vector<std::string> parts{std::string(to_string(t.kind))};
  if (t.goal)
    parts.push_back(fmt::format("goal {}", state.goals[static_cast<std::size_t>(*t.goal)].num));
  if (t.due) parts.push_back("due " + due_text(style, t, today));
  if (t.estimate) parts.push_back("~" + minutes_text(t.estimate));
  return fmt::format("task {}: {} ({})", t.num, escape(t.title), fmt::join(parts, ", "));
}

void report(const Context& ctx, const Written& w, std::string_view verb) {
  const int index = w.touched.index;
  if (ctx.global.json) return print_json(ctx, task_json(w.state, index, ctx.today));
  if (ctx.global.quiet) return;
  ctx.out << verb << ' ' << task_text(ctx.style, w.state, w.state.task(index), ctx.today) << '\n';
}

int run_add(Context& ctx, const TaskOptions& o) {
  const std::string title = parse_title(o.title);
  const Written w = ctx.write(
      [&](const State& s, const Stamp& stamp) {
        TaskFields f = fields_of(ctx, s, o);
        f.title = title;
        return add_task(s, f, stamp, ctx.today);
      },
      Reach::habits);  // the new task is all it shows
  report(ctx, w, "Added");
  return 0;
}

int run_edit(Context& ctx, const TaskOptions& o) {
  std::optional<std::string> title;
  if (o.new_title) title = parse_title(*o.new_title);
  const TaskReach named = reach_for_task(o.ref);
  const Written w = ctx.write(
      [&](const State& s, const Stamp& stamp) {
        TaskFields f = fields_of(ctx, s, o);
        f.title = title;
        return edit_task(s, resolve_task(s, o.ref), f, stamp, ctx.today);
      },
      named.reach, named.tasks);
  report(ctx, w, "Changed");
  return 0;
}

int run_action(Context& ctx, const TaskOptions& o, TaskAction action) {
  const TaskReach named = reach_for_task(o.ref);
  const Written w = ctx.write(
      [&](const State& s, const Stamp& stamp) {
        return change_task(s, resolve_task(s, o.ref), action, stamp, ctx.today);
      },
      named.reach, named.tasks);
  constexpr std::string_view verbs[] = {"Started", "Done:", "Dropped", "Reopened"};
  report(ctx, w, verbs[static_cast<int>(action)]);
  if (action == TaskAction::done && !ctx.global.json && !ctx.global.quiet) {
    const Task& t = w.state.task(w.touched.index);
    const int minutes = task_view(w.state, w.touched.index, ctx.today).minutes_logged;
    const auto took = (ctx.today - t.created_day).count();
    ctx.out << fmt::format("{}; {} logged on it.\n",
                           took <= 0
                               ? std::string("Finished the day it was added")
                               : fmt::format("Finished {} after it was added",
                                             plural(static_cast<std::size_t>(took), "day", "days")),
                           minutes_text(minutes));
  }
  return 0;
}

int run_defer(Context& ctx, const TaskOptions& o) {
  const Day to = date_option(ctx, o.to, "--to");
  const std::string reason = parse_note(o.reason, "--reason");
  const TaskReach named = reach_for_task(o.ref);
  const Written w = ctx.write(
      [&](const State& s, const Stamp& stamp) {
        return defer_task(s, resolve_task(s, o.ref), to, reason, stamp, ctx.today);
      },
      named.reach, named.tasks);
  report(ctx, w, "Deferred");
  const Task& t = w.state.task(w.touched.index);
  if (deferred_chronically(t)) {
    ctx.warn(
        fmt::format("task {} has been deferred {} times; try breaking it into a smaller first "
                    "step you can do today",
                    t.num, t.deferrals.size()));
  }
  return 0;
}

bool status_matches(const Task& t, const TaskOptions& o) {
  if (o.all) return true;
  if (!o.status) return is_open(t.status);
  if (*o.status == "open") return is_open(t.status);
  return to_string(t.status) == *o.status;
}

// True when the list shows open tasks only, which a recent State holds every one of.
bool lists_open_only(const TaskOptions& o) {
  return !o.all &&
         (!o.status || *o.status == "open" || *o.status == "todo" || *o.status == "doing");
}

int run_list(Context& ctx, const TaskOptions& o) {
  const State state = ctx.read(lists_open_only(o) ? Reach::recent : Reach::full).state;
  std::optional<int> goal;
  if (o.goal) goal = resolve_goal(state, *o.goal);
  std::vector<int> shown;
  for (std::size_t i = 0; i < state.tasks.size(); ++i) {
    const Task& t = state.tasks[i];
    if ((!goal || t.goal == goal) && status_matches(t, o)) shown.push_back(static_cast<int>(i));
  }
  if (ctx.global.json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    const std::vector<TaskView> views = task_views(state, ctx.today);
    for (int i : shown) list.push_back(task_json(state, i, views[static_cast<std::size_t>(i)]));
    print_json(ctx, list);
    return 0;
  }
  if (shown.empty()) {
    ctx.out << (state.tasks.empty()
                    ? "No tasks yet. Add one: momentum task add \"Read chapter 1\" --goal 1\n"
                    : "No tasks match. 'momentum task list --all' shows every task.\n");
    return 0;
  }
  Table table({{"#", true},
               {"Task", false, true},
               {"Goal", false, true},
               {"Kind"},
               {"Imp", true},
               {"Due"},
               {"Status"}});
  for (int i : shown) {
    const Task& t = state.tasks[static_cast<std::size_t>(i)];
    table.add({std::to_string(t.num), escape(t.title), goal_short(ctx.style, state, t.goal, 20),
               std::string(to_string(t.kind)), std::to_string(t.importance),
               t.due ? due_text(ctx.style, t, ctx.today) : "-", status_text(ctx.style, t.status)});
  }
  table.print(ctx.out, ctx.style);
  return 0;
}

nlohmann::ordered_json urgency_json(const Urgency& u) {
  // Four decimals, as docs/json.md promises: no binary noise like 3.9000000000000004.
  const auto r = [](double x) { return std::round(x * 1e4) / 1e4; };
  return {{"total", r(u.total())},
          {"importance", r(u.importance)},
          {"due", r(u.due)},
          {"doing", r(u.doing)},
          {"sprint", r(u.sprint)},
          {"goal", r(u.goal)},
          {"tags", r(u.tags)},
          {"age", r(u.age)},
          {"deferrals", r(u.deferrals)}};
}

// The open tasks ranked, as indexes of `facts` (task_facts()).
struct NextTasks {
  std::vector<TaskFacts> facts;
  Ranking ranking;
};

NextTasks next_tasks(const State& state, Day today, std::size_t count) {
  NextTasks n;
  n.facts = task_facts(state);
  n.ranking = rank_first(state, n.facts, today, in_sprint_flags(state, n.facts, today), count);
  return n;
}

// `task next --explain` shows this many.
constexpr std::size_t explained = 10;

// The numbers of the tasks ranked first.
std::vector<int> first_nums(const NextTasks& n) {
  std::vector<int> nums;
  for (const Ranked& r : n.ranking.first) {
    nums.push_back(n.facts[static_cast<std::size_t>(r.task)].num);
  }
  return nums;
}

// What `task next --explain` prints: the open tasks, most urgent first, with their scores, of
// a State that holds the first `explained` whole.
struct RankingView {
  const State& state;
  const NextTasks& next;
};

void print_ranking(std::ostream& out, const Style& style, const RankingView& view) {
  const std::vector<Ranked>& ranked = view.next.ranking.first;
  Table table({{"#", true},
               {"Task", false, true},
               {"Score", true},
               {"Imp", true},
               {"Due", true},
               {"Doing", true},
               {"Sprint", true},
               {"Goal", true},
               {"Tags", true},
               {"Age", true},
               {"Defer", true}});
  const auto num = [](double x) { return x == 0 ? std::string("-") : fmt::format("{:.1f}", x); };
  for (std::size_t i = 0; i < ranked.size() && i < explained; ++i) {
    const TaskFacts& facts = view.next.facts[static_cast<std::size_t>(ranked[i].task)];
    const Task& t = view.state.task(task_index(view.state, facts));
    const Urgency& u = ranked[i].urgency;
    table.add({std::to_string(t.num), escape(t.title), fmt::format("{:.1f}", u.total()),
               num(u.importance), num(u.due), num(u.doing), num(u.sprint), num(u.goal), num(u.tags),
               num(u.age), num(u.deferrals)});
  }
  out << '\n';
  table.print(out, style);
  out << "\nScore: the sum of the columns; docs/usage.md ('task next') explains each.\n";
  if (view.next.ranking.total > explained) {
    out << fmt::format(
        "The top {} of {} open tasks; 'momentum task next --json' ranks them "
        "all.\n",
        explained, view.next.ranking.total);
  }
}

int run_next(Context& ctx, const TaskOptions& o) {
  if (ctx.global.json) {
    // Every open task ranked: a State read whole.
    const State state = ctx.read(Reach::recent).state;
    const std::vector<Ranked> ranked =
        rank_tasks(state, ctx.today, in_sprint_flags(state, ctx.today));
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    const std::vector<TaskView> views = task_views(state, ctx.today);
    for (const Ranked& r : ranked) {
      nlohmann::ordered_json j = task_json(state, r.task, views[static_cast<std::size_t>(r.task)]);
      j["urgency"] = urgency_json(r.urgency);
      list.push_back(j);
    }
    print_json(ctx, list);
    return 0;
  }
  const Day today = ctx.today;
  const std::size_t shown = o.explain ? explained : 1;
  const auto [state, next] = read_shown<NextTasks>(
      ctx, [today, shown](const State& s) { return next_tasks(s, today, shown); }, first_nums);
  const std::vector<Ranked>& ranked = next.ranking.first;
  if (ranked.empty()) {
    ctx.out << "Nothing open. Add a task: momentum task add \"Read chapter 1\" --goal 1\n";
    return 0;
  }
  const Task& top =
      state.task(task_index(state, next.facts[static_cast<std::size_t>(ranked.front().task)]));
  ctx.out << "Next: " << task_text(ctx.style, state, top, ctx.today) << '\n';
  if (o.explain) {
    print_ranking(ctx.out, ctx.style, {state, next});
  } else if (!ctx.global.quiet) {
    ctx.out << (top.status == TaskStatus::doing
                    ? fmt::format("Log time on it: momentum log 30m --task {}", top.num)
                    : fmt::format("Start it: momentum task start {}", top.num))
            << "   (why this one: momentum task next --explain)\n";
  }
  return 0;
}

void print_history(std::ostream& out, const Task& t) {
  out << fmt::format("Created     {}\n", weekday_day(t.created_day));
  if (t.started_day) out << fmt::format("Started     {}\n", weekday_day(*t.started_day));
  for (std::size_t i = 0; i < t.deferrals.size(); ++i) {
    const Deferral& d = t.deferrals[i];
    out << fmt::format("Deferred    {}: {} -> {}{}\n", weekday_day(d.day),
                       d.from ? format_day(*d.from) : "no due day", format_day(d.to),
                       d.reason.empty() ? "" : " (" + escape(d.reason) + ")");
  }
  if (t.finished_day) {
    out << fmt::format("{}  {}\n", t.status == TaskStatus::done ? "Done      " : "Dropped   ",
                       weekday_day(*t.finished_day));
  }
}

// What `task show` prints: one task, as of `today`, with the minutes logged on it.
struct TaskShow {
  const State& state;
  const Task& task;
  Day today{};
  int minutes_logged = 0;
};

void print_task(std::ostream& out, const Style& style, const TaskShow& view) {
  const Task& t = view.task;
  out << fmt::format("Task {}: {}\n", t.num, paint(style, escape(t.title), fmt::emphasis::bold));
  out << fmt::format("Status      {}\n", status_text(style, t.status));
  out << fmt::format("Goal        {}\n", goal_short(style, view.state, t.goal, 60));
  out << fmt::format("Kind        {}\nImportance  {}/5\n", to_string(t.kind), t.importance);
  if (t.estimate) out << fmt::format("Estimate    {}\n", minutes_text(t.estimate));
  if (t.due)
    out << fmt::format("Due         {}\n", is_open(t.status)
                                               ? weekday_day(*t.due) + " (" +
                                                     relative_due(style, *t.due, view.today) + ")"
                                               : weekday_day(*t.due));
  if (!t.tags.empty())
    out << fmt::format("Tags        {}\n", escape(fmt::format("{}", fmt::join(t.tags, ", "))));
  print_history(out, t);
  out << fmt::format("Logged      {}\n", minutes_text(view.minutes_logged));
}

int run_show(Context& ctx, const TaskOptions& o) {
  const TaskReach named = reach_for_task(o.ref);
  const State state =
      ctx.read(
             named.reach, [&](const State& s) { resolve_task(s, o.ref); }, named.tasks)
          .state;
  const int index = resolve_task(state, o.ref);
  if (ctx.global.json) {
    print_json(ctx, task_json(state, index, ctx.today));
    return 0;
  }
  print_task(
      ctx.out, ctx.style,
      {state, state.task(index), ctx.today, task_view(state, index, ctx.today).minutes_logged});
  return 0;
}

CLI::App* add_ref(CLI::App* sub, TaskOptions& o) {
  sub->add_option("TASK", o.ref, "Task number or UUID prefix")->required();
  return sub;
}

}  // namespace

void setup_task(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<TaskOptions>();
  CLI::App* task = app.add_subcommand("task", "Concrete steps: add, list, next, start, done…");
  task->require_subcommand(0, 1);
  on_chosen(task, action, [&ctx, o] { return run_list(ctx, *o); });

  CLI::App* add = task->add_subcommand("add", "Add a task");
  add->add_option("TITLE", o->title, "The step, small enough to start today")->required();
  bind_fields(add, *o);
  on_chosen(add, action, [&ctx, o] { return run_add(ctx, *o); });

  CLI::App* list = task->add_subcommand("list", "List open tasks");
  list->add_option("--goal", o->goal, "Only this goal's tasks")->option_text("G");
  list->add_option("--status", o->status, "todo, doing, done, dropped or open")
      ->check(one_of("status", {"todo", "doing", "done", "dropped", "open"}))
      ->option_text("S");
  list->add_flag("--all", o->all, "Every task, whatever its status");
  on_chosen(list, action, [&ctx, o] { return run_list(ctx, *o); });

  CLI::App* next = task->add_subcommand("next", "The task to do next");
  next->add_flag("--explain", o->explain, "Show how the top tasks were ranked");
  on_chosen(next, action, [&ctx, o] { return run_next(ctx, *o); });

  on_chosen(add_ref(task->add_subcommand("show", "Show a task and its history"), *o), action,
            [&ctx, o] { return run_show(ctx, *o); });
  const std::pair<const char*, const char*> verbs[] = {
      {"start", "Start a task (todo -> doing)"},
      {"done", "Finish a task"},
      {"drop", "Drop a task you won't do"},
      {"reopen", "Bring a done or dropped task back"}};
  for (int i = 0; i < 4; ++i) {
    on_chosen(add_ref(task->add_subcommand(verbs[i].first, verbs[i].second), *o), action,
              [&ctx, o, i] { return run_action(ctx, *o, static_cast<TaskAction>(i)); });
  }

  CLI::App* defer =
      add_ref(task->add_subcommand("defer", "Move a task's due day, and record it"), *o);
  defer->add_option("--to", o->to, "The new due day")->required()->option_text("DATE");
  defer->add_option("--reason", o->reason, "Why (it shows in 'task show')")->option_text("TEXT");
  on_chosen(defer, action, [&ctx, o] { return run_defer(ctx, *o); });

  CLI::App* edit = add_ref(task->add_subcommand("edit", "Change a task's fields"), *o);
  edit->add_option("--title", o->new_title, "A new title")->option_text("TEXT");
  bind_fields(edit, *o);
  edit->add_flag("--clear-goal", o->clear_goal, "Detach it from its goal");
  edit->add_flag("--clear-due", o->clear_due, "Remove the due day");
  edit->add_flag("--clear-estimate", o->clear_estimate, "Remove the estimate");
  edit->add_flag("--clear-tags", o->clear_tags, "Remove all tags");
  on_chosen(edit, action, [&ctx, o] { return run_edit(ctx, *o); });
}

}  // namespace momentum::cli
