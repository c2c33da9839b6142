// momentum goal add | list | show | edit | pause | resume | achieve | drop
#include <fmt/format.h>

#include "cli/habit.hpp"
#include "cli/json_out.hpp"
#include "cli/options.hpp"
#include "cli/render.hpp"
#include "momentum/error.hpp"
#include "momentum/resolve.hpp"
#include "momentum/views.hpp"

namespace momentum::cli {
namespace {

struct GoalOptions {
  std::string ref;
  std::string title;
  std::optional<std::string> new_title;
  std::optional<std::string> why;
  std::optional<int> importance;
  std::optional<std::string> cadence;
  std::optional<std::string> target;
  bool clear_target = false;
  std::vector<std::string> tags;
  bool clear_tags = false;
  std::optional<std::string> until;
  bool all = false;
};

void bind_fields(CLI::App* sub, GoalOptions& o) {
  sub->add_option("--why", o.why, "Why it matters to you")->option_text("TEXT");
  sub->add_option("--importance", o.importance, "How much it matters, 1-5 (default 3)")
      ->check(in_range(1, 5))
      ->option_text("N");
  sub->add_option("--cadence", o.cadence,
                  "What keeping the habit means: daily, weekdays, N/week, N/D or none "
                  "(default daily)")
      ->option_text("C");
  sub->add_option("--target", o.target, "The day you aim to reach it (YYYY-MM-DD, +3w, eom…)")
      ->option_text("DATE");
  sub->add_option("--tag", o.tags, "A tag (repeatable)")->option_text("T");
}

GoalFields fields_of(const Context& ctx, const GoalOptions& o) {
  GoalFields f;
  if (o.why) f.why = parse_note(*o.why, "--why");
  f.importance = o.importance;
  if (o.cadence) f.cadence = parse_cadence(*o.cadence);
  if (o.target) f.target = std::optional<Day>(date_option(ctx, *o.target, "--target"));
  if (o.clear_target) f.target = std::optional<Day>();
  if (!o.tags.empty()) f.tags = tag_options(o.tags);
  if (o.clear_tags) f.tags = std::vector<std::string>();
  return f;
}

std::string cadence_words(const Cadence& c) {
  switch (c.type) {
    case Cadence::Type::daily:
      return "daily: a check-in every day";
    case Cadence::Type::weekdays:
      return "weekdays: a check-in every Monday to Friday";
    case Cadence::Type::per_week:
      return fmt::format("{}/week: check-ins on {} each calendar week", c.n,
                         plural(static_cast<std::size_t>(c.n), "day", "different days"));
    case Cadence::Type::rolling:
      return fmt::format("{}/{}: check-ins on {} in any {} days in a row (a rolling window)", c.n,
                         c.d, plural(static_cast<std::size_t>(c.n), "day", "days"), c.d);
    case Cadence::Type::none:
      return "none: no streak is kept";
  }
  return "";
}

void report(const Context& ctx, const Written& w, std::string_view verb) {
  const int index = w.touched.index;
  if (ctx.global.json) return print_json(ctx, goal_json(w.state, index, ctx.today));
  if (ctx.global.quiet) return;
  const Goal& g = w.state.goal(index);
  ctx.out << fmt::format("{} goal {}: {} ({})\n", verb, g.num, escape(g.title),
                         format_cadence(g.cadences.back().cadence));
}

int run_add(Context& ctx, const GoalOptions& o) {
  GoalFields f = fields_of(ctx, o);
  f.title = parse_title(o.title);
  const Written w = ctx.write(
      [&](const State& s, const Stamp& stamp) { return add_goal(s, f, stamp, ctx.today); },
      without_tasks(Reach::recent, !ctx.global.json));  // --json counts the goal's tasks
  report(ctx, w, "Added");
  if (!ctx.global.json && !ctx.global.quiet) {
    const int num = w.state.goals.back().num;
    ctx.out << fmt::format("Next: add a first task with 'momentum task add TITLE --goal {}'\n",
                           num);
  }
  return 0;
}

int run_list(Context& ctx, const GoalOptions& o) {
  const State state = ctx.read(Reach::recent).state;
  std::vector<int> shown;
  for (std::size_t i = 0; i < state.goals.size(); ++i) {
    if (o.all || is_ongoing(effective_status(state.goals[i], ctx.today)))
      shown.push_back(static_cast<int>(i));
  }
  if (ctx.global.json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (int i : shown) list.push_back(goal_json(state, i, ctx.today));
    print_json(ctx, list);
    return 0;
  }
  if (shown.empty()) {
    ctx.out << (state.goals.empty()
                    ? "No goals yet. Add one: momentum goal add \"Become an ML engineer\"\n"
                    : "No active goals. 'momentum goal list --all' shows the others.\n");
    return 0;
  }
  Table table({{"#", true},
               {"Goal", false, true},
               {"Cadence"},
               {"Imp", true},
               {"Done", true},
               {"Target"},
               {"Status"}});
  for (int i : shown) {
    const GoalView v = goal_view(state, i, ctx.today);
    const Goal& g = state.goals[static_cast<std::size_t>(i)];
    table.add({std::to_string(g.num), escape(g.title), format_cadence(g.cadences.back().cadence),
               std::to_string(g.importance),
               fmt::format("{}/{}", v.tasks_done, v.tasks_done + v.tasks_open),
               g.target ? format_day(*g.target) : "-", std::string(to_string(v.status))});
  }
  table.print(ctx.out, ctx.style);
  return 0;
}

int run_show(Context& ctx, const GoalOptions& o) {
  // Only this goal's tasks: the goal is the first thing decided, on the goals read first.
  TaskPart part;
  part.goal = [&](const State& s) -> std::optional<int> {
    try {
      return resolve_goal(s, o.ref);
    } catch (const UsageError&) {
      return std::nullopt;  // and the same error again below
    }
  };
  const State state = ctx.read(
                             Reach::habits, [](const State&) {}, part)
                          .state;
  const int index = resolve_goal(state, o.ref);
  if (ctx.global.json) {
    nlohmann::ordered_json j = goal_json(state, index, ctx.today);
    j["habit"] =
        summary_json(state.goal(index), summarize(state, index, ctx.today, ctx.config), ctx.today);
    print_json(ctx, j);
    return 0;
  }
  const Goal& g = state.goals[static_cast<std::size_t>(index)];
  const GoalView v = goal_view(state, index, ctx.today);
  ctx.out << fmt::format("Goal {}: {}\n", g.num,
                         paint(ctx.style, escape(g.title), fmt::emphasis::bold));
  if (!g.why.empty()) ctx.out << fmt::format("Why         {}\n", escape(g.why));
  ctx.out << fmt::format("Importance  {}/5\n", g.importance);
  ctx.out << fmt::format("Cadence     {}\n", cadence_words(g.cadences.back().cadence));
  std::string status(to_string(v.status));
  if (v.paused_until) status += " until " + format_day(*v.paused_until);
  ctx.out << fmt::format("Status      {}\n", status);
  if (g.target) {
    ctx.out << fmt::format("Target      {} ({} days from today)\n", weekday_day(*g.target),
                           (*g.target - ctx.today).count());
  }
  if (!g.tags.empty())
    ctx.out << fmt::format("Tags        {}\n", escape(fmt::format("{}", fmt::join(g.tags, ", "))));
  ctx.out << fmt::format("Created     {}\n", weekday_day(g.created_day));
  print_goal_habit(ctx.out, ctx.style, summarize(state, index, ctx.today, ctx.config), ctx.today);
  ctx.out << checkins_text(goal_checkins(state, index, ctx.today)) << '\n';
  Table tasks({{"#", true}, {"Open task", false, true}, {"Kind"}, {"Due"}, {"Status"}});
  for (const Task& t : state.tasks) {
    if (t.goal != index || !is_open(t.status)) continue;
    tasks.add({std::to_string(t.num), escape(t.title), std::string(to_string(t.kind)),
               t.due ? relative_due(ctx.style, *t.due, ctx.today) : "-",
               status_text(ctx.style, t.status)});
  }
  ctx.out << fmt::format("Tasks       {} open, {} done\n", v.tasks_open, v.tasks_done);
  if (!tasks.empty()) {
    ctx.out << '\n';
    tasks.print(ctx.out, ctx.style);
  }
  return 0;
}

int run_edit(Context& ctx, const GoalOptions& o) {
  GoalFields f = fields_of(ctx, o);
  if (o.new_title) f.title = parse_title(*o.new_title);
  const Written w = ctx.write(
      [&](const State& s, const Stamp& stamp) {
        return edit_goal(s, resolve_goal(s, o.ref), f, stamp, ctx.today);
      },
      without_tasks(Reach::recent, !ctx.global.json));
  report(ctx, w, "Changed");
  return 0;
}

int run_status(Context& ctx, const GoalOptions& o, GoalAction action) {
  std::optional<Day> until;
  if (o.until) until = date_option(ctx, *o.until, "--until");
  const Written w = ctx.write([&](const State& s, const Stamp& stamp) {
    return change_goal(s, resolve_goal(s, o.ref), action, until, stamp, ctx.today);
  });
  constexpr std::string_view verbs[] = {"Paused", "Resumed", "Achieved", "Dropped"};
  report(ctx, w, verbs[static_cast<int>(action)]);
  if (action == GoalAction::achieve && !ctx.global.json && !ctx.global.quiet) {
    ctx.out << "Well done. That is what the loop is for.\n";
  }
  return 0;
}

CLI::App* add_ref(CLI::App* sub, GoalOptions& o) {
  sub->add_option("GOAL", o.ref, "Goal number, UUID prefix or a word of its title")->required();
  return sub;
}

}  // namespace

void setup_goal(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<GoalOptions>();
  CLI::App* goal = app.add_subcommand("goal", "Long-term aims: add, list, show, edit, pause…");
  goal->require_subcommand(0, 1);
  on_chosen(goal, action, [&ctx, o] { return run_list(ctx, *o); });

  CLI::App* add = goal->add_subcommand("add", "Add a goal");
  add->add_option("TITLE", o->title, "What you are working toward")->required();
  bind_fields(add, *o);
  on_chosen(add, action, [&ctx, o] { return run_add(ctx, *o); });

  CLI::App* list = goal->add_subcommand("list", "List active and paused goals");
  list->add_flag("--all", o->all, "Include achieved and dropped goals");
  on_chosen(list, action, [&ctx, o] { return run_list(ctx, *o); });

  on_chosen(add_ref(goal->add_subcommand("show", "Show a goal in full"), *o), action,
            [&ctx, o] { return run_show(ctx, *o); });

  CLI::App* edit = add_ref(goal->add_subcommand("edit", "Change a goal's fields"), *o);
  edit->add_option("--title", o->new_title, "A new title")->option_text("TEXT");
  bind_fields(edit, *o);
  edit->add_flag("--clear-target", o->clear_target, "Remove the target date");
  edit->add_flag("--clear-tags", o->clear_tags, "Remove all tags");
  on_chosen(edit, action, [&ctx, o] { return run_edit(ctx, *o); });

  CLI::App* pause =
      add_ref(goal->add_subcommand(
                  "pause", "Pause a goal (a vacation): its streak neither breaks nor grows"),
              *o);
  pause->add_option("--until", o->until, "Resume by itself on this day")->option_text("DATE");
  on_chosen(pause, action, [&ctx, o] { return run_status(ctx, *o, GoalAction::pause); });
  on_chosen(
      add_ref(goal->add_subcommand("resume", "Make a paused, achieved or dropped goal active"), *o),
      action, [&ctx, o] { return run_status(ctx, *o, GoalAction::resume); });
  on_chosen(add_ref(goal->add_subcommand("achieve", "Mark a goal achieved"), *o), action,
            [&ctx, o] { return run_status(ctx, *o, GoalAction::achieve); });
  on_chosen(add_ref(goal->add_subcommand("drop", "Drop a goal"), *o), action,
            [&ctx, o] { return run_status(ctx, *o, GoalAction::drop); });
}

}  // namespace momentum::cli
