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

int print_json_today(const Context& ctx, const State& state, const DayOverview& s,
                     const std::vector<Ranked>& ranked) {
  using nlohmann::ordered_json;
  const auto tasks = [&](const std::vector<int>& list) {
    ordered_json out = ordered_json::array();
    for (int i : list) out.push_back(task_json(state, i, ctx.today));
    return out;
  };
  ordered_json logs = ordered_json::array();
  for (int i : s.logs) logs.push_back(log_json(state, i));
  const std::vector<AtRisk> at_risk = goals_at_risk(state, ctx.today, ctx.config);
  print_json(
      ctx,
      {{"day", format_day(ctx.today)},
       {"minutes",
        {{"learn", s.minutes.learn}, {"do", s.minutes.doing}, {"total", s.minutes.total()}}},
       {"logs", logs},
       {"due_today", tasks(s.due_today)},
       {"overdue", tasks(s.overdue)},
       {"checkin_streak", streak_json(s.checkin)},
       {"at_risk", at_risk_json(ctx, state, at_risk)},
       {"next",
        ranked.empty() ? ordered_json(nullptr) : task_json(state, ranked.front().task, ctx.today)},
       {"nudge", nudge_json({state, pick_nudge(state, ctx.today, ctx.config, at_risk), ctx.today})},
       {"sprint", sprint_or_null(ctx, state)}});
  return 0;
}

// The dashboard's lists, most urgent first.
TodayView today_view(const Context& ctx, const State& state, const DayOverview& day,
                     const std::vector<Ranked>& ranked) {
  const std::vector<AtRisk> at_risk = goals_at_risk(state, ctx.today, ctx.config);
  TodayView v{.state = state,
              .today = ctx.today,
              .day = day,
              .at_risk = {},
              .overdue = {},
              .due = {},
              .next = ranked.empty() ? nullptr : &state.task(ranked.front().task),
              .nudge = {state, pick_nudge(state, ctx.today, ctx.config, at_risk), ctx.today}};
  for (const AtRisk& r : longest_first(at_risk)) {
    v.at_risk.push_back({state.goal(r.goal), summarize(state, r.goal, ctx.today, ctx.config)});
  }
  for (int i : most_urgent_first(state, ranked, day.overdue)) v.overdue.push_back(&state.task(i));
  for (int i : most_urgent_first(state, ranked, day.due_today)) v.due.push_back(&state.task(i));
  return v;
}

}  // namespace

int run_today(Context& ctx) {
  const State state = ctx.read(Reach::recent).state;
  const DayOverview s = day_overview(state, ctx.today);
  const auto ranked = rank_tasks(state, ctx.today, in_sprint_flags(state, ctx.today));
  if (ctx.global.json) return print_json_today(ctx, state, s, ranked);
  if (nothing_tracked(state)) {
    print_greeting(ctx.out);
    return 0;
  }
  print_today(ctx.out, ctx.style, today_view(ctx, state, s, ranked));
  return 0;
}

void setup_today(CLI::App& app, Context& ctx, Action& action) {
  CLI::App* today =
      app.add_subcommand("today", "Today's dashboard (also what 'momentum' alone shows)");
  on_chosen(today, action, [&ctx] { return run_today(ctx); });
}

}  // namespace momentum::cli
