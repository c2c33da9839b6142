// momentum sprint start | add | remove | status | close | list | show
#include <fmt/format.h>

#include <iostream>

#include "cli/json_out.hpp"
#include "cli/options.hpp"
#include "cli/render.hpp"
#include "cli/sprint_view.hpp"
#include "momentum/resolve.hpp"
#include "momentum/sprint.hpp"

namespace momentum::cli {
namespace {

struct SprintOptions {
  std::string title;
  std::optional<std::string> goal;
  std::optional<int> days;
  std::optional<std::string> until;
  std::optional<std::string> start;
  std::vector<std::string> tasks;
  bool carry = false;
  std::optional<std::string> learned, blocked, next;
  std::optional<int> rating;
  std::string ref;
};

SprintFields fields_of(const Context& ctx, const State& state, const SprintOptions& o) {
  SprintFields f;
  f.title = parse_title(o.title);
  if (o.goal) f.goal = resolve_goal(state, *o.goal);
  f.start = o.start ? date_option(ctx, *o.start, "--start") : ctx.today;
  f.end = o.until ? date_option(ctx, *o.until, "--until")
                  : f.start + std::chrono::days{o.days.value_or(7) - 1};
  for (const std::string& t : o.tasks) f.tasks.push_back(resolve_task(state, t));
  f.carry = o.carry;
  return f;
}

void report(const Context& ctx, const Written& w, const std::string& text) {
  if (ctx.global.json) return print_json(ctx, sprint_json(w.state, w.touched.index, ctx.today));
  if (!ctx.global.quiet) ctx.out << text << '\n';
}

int run_start(Context& ctx, const SprintOptions& o) {
  const Written w = ctx.write(
      [&](const State& s, const Stamp& stamp) {
        return start_sprint(s, fields_of(ctx, s, o), stamp, ctx.today);
      },
      // Planning tasks (named or carried) and --json, which lists the plan, need the tasks.
      without_tasks(reach_for(ctx, o.start, DateDirection::forward),
                    o.tasks.empty() && !o.carry && !ctx.global.json));
  const Sprint& s = w.state.sprint(w.touched.index);
  const long days = (s.end - s.start).count() + 1;
  report(ctx, w,
         fmt::format("{} sprint {} '{}': {} to {} ({}), {} planned",
                     s.start > ctx.today ? "Planned" : "Started", s.num, escape(s.title),
                     format_day(s.start), format_day(s.end),
                     plural(static_cast<std::size_t>(days), "day", "days"),
                     plural(s.planned.size(), "task", "tasks")));
  return 0;
}

int run_plan(Context& ctx, const SprintOptions& o, bool add) {
  // The tasks named by number and those the sprints plan, unless one is named otherwise.
  Reach reach = Reach::named_tasks;
  TaskPart part;
  for (const std::string& t : o.tasks) {
    const TaskReach named = reach_for_task(t);
    if (named.reach != Reach::habits) reach = Reach::recent;
    part.nums.insert(part.nums.end(), named.tasks.nums.begin(), named.tasks.nums.end());
  }
  const Written w = ctx.write(
      [&](const State& s, const Stamp& stamp) {
        std::vector<int> tasks;
        for (const std::string& t : o.tasks) tasks.push_back(resolve_task(s, t));
        return add ? add_to_sprint(s, tasks, stamp, ctx.today)
                   : remove_from_sprint(s, tasks, stamp, ctx.today);
      },
      reach, part);
  const Sprint& s = w.state.sprint(w.touched.index);
  report(ctx, w,
         fmt::format("{} {} {} sprint {}; {} planned", add ? "Added" : "Removed",
                     plural(o.tasks.size(), "task", "tasks"), add ? "to" : "from", s.num,
                     plural(s.planned.size(), "task", "tasks")));
  return 0;
}

std::string ask(const Context& ctx, std::string_view question) {
  ctx.out << question << ' ' << std::flush;
  std::string line;
  std::getline(std::cin, line);
  return line;
}

Retrospective retro_of(const Context& ctx, const SprintOptions& o) {
  Retrospective r;
  const bool none = !o.learned && !o.blocked && !o.next && !o.rating;
  if (none && ctx.terminal.stdin_tty && !ctx.global.json) {
    r.learned = parse_note(ask(ctx, "What did you learn?"), "--learned");
    r.blocked = parse_note(ask(ctx, "What blocked you?"), "--blocked");
    r.next = parse_note(ask(ctx, "What comes next?"), "--next");
    return r;
  }
  r.learned = parse_note(o.learned.value_or(""), "--learned");
  r.blocked = parse_note(o.blocked.value_or(""), "--blocked");
  r.next = parse_note(o.next.value_or(""), "--next");
  r.rating = o.rating;
  return r;
}

int run_close(Context& ctx, const SprintOptions& o) {
  const Retrospective retro = retro_of(ctx, o);
  const Written w = ctx.write(
      [&](const State& s, const Stamp& stamp) { return close_sprint(s, retro, stamp, ctx.today); });
  const Sprint& s = w.state.sprint(w.touched.index);
  report(ctx, w,
         fmt::format("Closed sprint {} '{}': {}/{} planned tasks done", s.num, escape(s.title),
                     planned_done(w.state, s), s.planned.size()));
  return 0;
}

void print_tasks(std::ostream& out, const Style& style, const State& state, const Sprint& s) {
  if (s.planned.empty()) {
    out << "No tasks planned: momentum sprint add TASK\n";
    return;
  }
  Table table({{"#", true}, {"Task", false, true}, {"Kind"}, {"Status"}, {"Added"}});
  for (const PlannedTask& p : s.planned) {
    const Task& t = state.tasks[static_cast<std::size_t>(p.task)];
    table.add({std::to_string(t.num), escape(t.title), std::string(to_string(t.kind)),
               status_text(style, t.status), p.added > s.start ? "+ " + format_day(p.added) : "-"});
  }
  table.print(out, style);
}

std::string progress_bar(const Style& style, int done, std::size_t planned) {
  constexpr int width = 20;
  const int full = planned == 0 ? 0 : done * width / static_cast<int>(planned);
  std::string bar;
  for (int i = 0; i < width; ++i)
    bar += i < full ? (style.utf8 ? "█" : "#") : (style.utf8 ? "░" : "-");
  return "[" + bar + "]";
}

// What `sprint show` and `sprint status` print: one sprint as of `today`.
struct SprintView {
  const State& state;
  const Sprint& sprint;
  Day today{};
};

void print_sprint(std::ostream& out, const Style& style, const SprintView& view) {
  const State& state = view.state;
  const Sprint& s = view.sprint;
  const Day today = view.today;
  out << paint(style, fmt::format("Sprint {}: {}", s.num, escape(s.title)), fmt::emphasis::bold)
      << '\n';
  if (s.goal) out << fmt::format("Goal       {}\n", goal_short(style, state, s.goal, 60));
  const long length = (s.end - s.start).count() + 1;
  const std::string status = sprint_status_text(s, today);
  out << fmt::format("Dates      {} to {} ({}), {}\n", format_day(s.start), format_day(s.end),
                     plural(static_cast<std::size_t>(length), "day", "days"), status);
  if (status == "active") {
    out << fmt::format("Today      day {} of {}, {} left\n", (today - s.start).count() + 1, length,
                       plural(static_cast<std::size_t>((s.end - today).count()), "day", "days"));
  }
  const int done = planned_done(state, s);
  out << fmt::format("Progress   {}/{} done {}\n", done, s.planned.size(),
                     progress_bar(style, done, s.planned.size()));
  const Minutes m = sprint_minutes(state, s, today);
  const int total = m.total();
  out << fmt::format("Time       {} (learn {}, do {}), learn share {}\n\n", minutes_text(total),
                     minutes_text(m.learn), minutes_text(m.doing),
                     total == 0 ? std::string("n/a") : fmt::format("{}%", m.learn * 100 / total));
  print_tasks(out, style, state, s);
  if (s.start <= today) {
    out << "\nBurndown\n";
    print_burndown(out, style, burndown(state, s, today));
  }
  if (!s.closed) return;
  out << fmt::format("\nClosed     {}\n", format_day(*s.closed_day));
  if (s.retro.rating) out << fmt::format("Rating     {}/5\n", *s.retro.rating);
  for (const auto& [label, text] : {std::pair{"Learned", &s.retro.learned},
                                    {"Blocked", &s.retro.blocked},
                                    {"Next", &s.retro.next}}) {
    if (!text->empty()) out << fmt::format("{:<10} {}\n", label, escape(*text));
  }
}

int show(Context& ctx, const State& state, int index) {
  if (ctx.global.json) {
    print_json(ctx, sprint_json(state, index, ctx.today));
    return 0;
  }
  const Sprint& s = state.sprint(index);
  print_sprint(ctx.out, ctx.style, {state, s, ctx.today});
  if (needs_close(s, ctx.today))
    ctx.warn(fmt::format("sprint {} ended {} without a close: momentum sprint close", s.num,
                         format_day(s.end)));
  return 0;
}

int run_status(Context& ctx) {
  const State state = ctx.read(Reach::named_tasks).state;  // the planned tasks
  const std::optional<int> current = current_sprint(state);
  if (current) return show(ctx, state, *current);
  if (ctx.global.json) {
    print_json(ctx, nullptr);
    return 0;
  }
  ctx.out << "No sprint running. Start one: momentum sprint start \"Titanic\" --days 7 --task 1\n";
  return 0;
}

int run_show(Context& ctx, const SprintOptions& o) {
  const State state = ctx.read(Reach::named_tasks).state;  // the planned tasks
  return show(ctx, state, resolve_sprint(state, o.ref));
}

int run_list(Context& ctx) {
  const State state = ctx.read(Reach::named_tasks).state;  // the planned tasks
  if (ctx.global.json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < state.sprints.size(); ++i)
      list.push_back(sprint_json(state, static_cast<int>(i), ctx.today));
    print_json(ctx, list);
    return 0;
  }
  if (state.sprints.empty()) {
    ctx.out << "No sprints yet. Start one: momentum sprint start \"Titanic\" --days 7\n";
    return 0;
  }
  Table table({{"#", true},
               {"Sprint", false, true},
               {"Start"},
               {"End"},
               {"Status"},
               {"Done", true},
               {"Rating", true}});
  for (const Sprint& s : state.sprints) {
    table.add({std::to_string(s.num), escape(s.title), format_day(s.start), format_day(s.end),
               sprint_status_text(s, ctx.today),
               fmt::format("{}/{}", planned_done(state, s), s.planned.size()),
               s.retro.rating ? fmt::format("{}/5", *s.retro.rating) : "-"});
  }
  table.print(ctx.out, ctx.style);
  return 0;
}

void setup_start(CLI::App* sprint, Context& ctx, Action& action,
                 const std::shared_ptr<SprintOptions>& o) {
  CLI::App* start = sprint->add_subcommand("start", "Start (or plan) a sprint around one problem");
  start->add_option("TITLE", o->title, "The problem to solve")->required();
  start->add_option("--goal", o->goal, "The goal it serves")->option_text("G");
  CLI::Option* days =
      start->add_option("--days", o->days, "Days it covers, the start included (default 7)")
          ->check(in_range(1, max_sprint_days))
          ->option_text("N");
  start->add_option("--until", o->until, "Its last day")->excludes(days)->option_text("DATE");
  start->add_option("--start", o->start, "Its first day (default today)")->option_text("DATE");
  start->add_option("--task", o->tasks, "A task to plan (repeatable)")->option_text("T");
  start->add_flag("--carry", o->carry, "Plan the unfinished tasks of the last closed sprint");
  on_chosen(start, action, [&ctx, o] { return run_start(ctx, *o); });
}

}  // namespace

void setup_sprint(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<SprintOptions>();
  CLI::App* sprint =
      app.add_subcommand("sprint", "Time boxes around one problem: start, status, close…");
  sprint->require_subcommand(0, 1);
  on_chosen(sprint, action, [&ctx] { return run_status(ctx); });
  setup_start(sprint, ctx, action, o);
  for (bool add : {true, false}) {
    CLI::App* sub = sprint->add_subcommand(
        add ? "add" : "remove", add ? "Plan tasks in the sprint" : "Take tasks out of the sprint");
    sub->add_option("TASK", o->tasks, "Task numbers or UUID prefixes")->required();
    on_chosen(sub, action, [&ctx, o, add] { return run_plan(ctx, *o, add); });
  }
  on_chosen(sprint->add_subcommand("status", "The current sprint: progress, time, burndown"),
            action, [&ctx] { return run_status(ctx); });
  CLI::App* close = sprint->add_subcommand("close", "Close the sprint with a short retrospective");
  close->add_option("--learned", o->learned, "What you learned")->option_text("TEXT");
  close->add_option("--blocked", o->blocked, "What blocked you")->option_text("TEXT");
  close->add_option("--next", o->next, "What comes next")->option_text("TEXT");
  close->add_option("--rating", o->rating, "How it went, 1-5")
      ->check(in_range(1, 5))
      ->option_text("N");
  on_chosen(close, action, [&ctx, o] { return run_close(ctx, *o); });
  on_chosen(sprint->add_subcommand("list", "Every sprint"), action,
            [&ctx] { return run_list(ctx); });
  CLI::App* show_cmd = sprint->add_subcommand("show", "One sprint in full");
  show_cmd->add_option("SPRINT", o->ref, "Sprint number or UUID prefix")->required();
  on_chosen(show_cmd, action, [&ctx, o] { return run_show(ctx, *o); });
}

}  // namespace momentum::cli
