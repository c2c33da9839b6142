// momentum today: the dashboard, and what `momentum` alone shows.
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "cli/habit.hpp"
#include "cli/json_out.hpp"
#include "cli/nudge.hpp"
#include "cli/options.hpp"
#include "cli/render.hpp"
#include "cli/sprint_view.hpp"
#include "cli/today_render.hpp"
#include "momentum/next.hpp"
#include "momentum/overview.hpp"
#include "momentum/sprint.hpp"

namespace momentum::cli {
namespace {

void print_greeting(std::ostream& out) {
  out << "Welcome to momentum: learn just enough, solve a real problem, learn again.\n"
         "Nothing is tracked yet. Start with a goal, a first task and a check-in:\n\n"
         "  momentum goal add \"Become an ML engineer\" --cadence daily\n"
         "  momentum task add \"Finish the Titanic tutorial\" --goal 1 --due friday\n"
         "  momentum log 30m \"read the pandas docs\" --goal 1\n\n"
         "'momentum --help' lists every command.\n";
}

nlohmann::ordered_json at_risk_json(const Context& ctx, const State& state,
                                    const std::vector<AtRisk>& risky) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const AtRisk& r : risky)
    out.push_back(summary_json(state.goal(r.goal), summarize(state, r.goal, ctx.today, ctx.config),
                               ctx.today));
  return out;
}

nlohmann::ordered_json sprint_or_null(const Context& ctx, const State& state) {
  const std::optional<int> current = current_sprint(state);
  return current ? sprint_json(state, *current, ctx.today) : nlohmann::ordered_json(nullptr);
}

// What the dashboard shows of the tasks, as indexes of `facts` (task_facts()).
struct DashboardTasks {
  std::vector<TaskFacts> facts;
  DayOverview day;           // its lists of tasks in task order
  std::vector<Ranked> next;  // the most urgent open task, if any
  std::vector<int> overdue;  // the first shown_per_section, most urgent first
  std::vector<int> due;      // the same
};

DashboardTasks dashboard_tasks(const State& state, Day today) {
  DashboardTasks d;
  d.facts = task_facts(state);
  d.day = day_overview(state, d.facts, today);
  const std::vector<bool> in_sprint = in_sprint_flags(state, d.facts, today);
  d.next = rank_first(state, d.facts, today, in_sprint, 1).first;
  d.overdue = most_urgent_first(state, d.facts, today, in_sprint, d.day.overdue, shown_per_section);
  d.due = most_urgent_first(state, d.facts, today, in_sprint, d.day.due_today, shown_per_section);
  return d;
}

// The numbers of the tasks that the dashboard in text shows: the first few of each list, the
// next one, and those the nudge can name.
std::vector<int> shown_tasks(const DashboardTasks& d, Day today) {
  std::vector<int> shown;
  const auto add = [&](int task) { shown.push_back(d.facts[static_cast<std::size_t>(task)].num); };
  for (const int task : d.overdue) add(task);
  for (const int task : d.due) add(task);
  for (const Ranked& r : d.next) add(r.task);
  for (const int task : nudge_candidates(d.facts, today)) add(task);
  return shown;
}

// --json lists every due and overdue task: a State read whole, whose tasks are its facts'.
int print_json_today(const Context& ctx, const State& state, const DashboardTasks& d) {
  using nlohmann::ordered_json;
  const auto tasks = [&](const std::vector<int>& list) {
    ordered_json out = ordered_json::array();
    for (int i : list) out.push_back(task_json(state, i, ctx.today));
    return out;
  };
  const DayOverview& s = d.day;
  ordered_json logs = ordered_json::array();
  for (int i : s.logs) logs.push_back(log_json(state, i));
  const std::vector<AtRisk> at_risk = goals_at_risk(state, ctx.today, ctx.config);
  print_json(
      ctx, {{"day", format_day(ctx.today)},
            {"minutes",
             {{"learn", s.minutes.learn}, {"do", s.minutes.doing}, {"total", s.minutes.total()}}},
            {"logs", logs},
            {"due_today", tasks(s.due_today)},
            {"overdue", tasks(s.overdue)},
            {"checkin_streak", streak_json(s.checkin)},
            {"at_risk", at_risk_json(ctx, state, at_risk)},
            {"next", d.next.empty() ? ordered_json(nullptr)
                                    : task_json(state, d.next.front().task, ctx.today)},
            {"nudge", nudge_json({state, pick_nudge(state, d.facts, ctx.today, ctx.config, at_risk),
                                  ctx.today})},
            {"sprint", sprint_or_null(ctx, state)}});
  return 0;
}

// The dashboard's lists, most urgent first, of a State that holds their first tasks whole.
TodayView today_view(const Context& ctx, const State& state, const DashboardTasks& d) {
  const auto task = [&](int i) {
    return &state.task(task_index(state, d.facts[static_cast<std::size_t>(i)]));
  };
  const auto lines = [&](const std::vector<int>& first, std::size_t total) {
    TaskLines out{.first = {}, .total = total};
    for (const int i : first) out.first.push_back(task(i));
    return out;
  };
  const std::vector<AtRisk> at_risk = goals_at_risk(state, ctx.today, ctx.config);
  std::optional<Nudge> nudge = pick_nudge(state, d.facts, ctx.today, ctx.config, at_risk);
  if (nudge && nudge->task) {
    nudge->task = task_index(state, d.facts[static_cast<std::size_t>(*nudge->task)]);
  }
  TodayView v{.state = state,
              .today = ctx.today,
              .day = d.day,
              .at_risk = {},
              .overdue = lines(d.overdue, d.day.overdue.size()),
              .due = lines(d.due, d.day.due_today.size()),
              .next = d.next.empty() ? nullptr : task(d.next.front().task),
              .nudge = {state, nudge, ctx.today}};
  for (const AtRisk& r : longest_first(at_risk)) {
    v.at_risk.push_back({state.goal(r.goal), summarize(state, r.goal, ctx.today, ctx.config)});
  }
  return v;
}

}  // namespace

int run_today(Context& ctx) {
  const Day today = ctx.today;
  if (ctx.global.json) {
    const State state = ctx.read(Reach::recent).state;
    return print_json_today(ctx, state, dashboard_tasks(state, today));
  }
  const auto [state, tasks] = read_shown<DashboardTasks>(
      ctx, [today](const State& s) { return dashboard_tasks(s, today); },
      [today](const DashboardTasks& d) { return shown_tasks(d, today); });
  if (nothing_tracked(state)) {
    print_greeting(ctx.out);
    return 0;
  }
  print_today(ctx.out, ctx.style, today_view(ctx, state, tasks));
  return 0;
}

void setup_today(CLI::App& app, Context& ctx, Action& action) {
  CLI::App* today =
      app.add_subcommand("today", "Today's dashboard (also what 'momentum' alone shows)");
  on_chosen(today, action, [&ctx] { return run_today(ctx); });
}

}  // namespace momentum::cli
