// momentum streak [--goal G]: the habit side, one row per active goal.
#include <fmt/format.h>

#include <cmath>

#include "cli/habit.hpp"
#include "cli/json_out.hpp"
#include "cli/options.hpp"
#include "cli/render.hpp"
#include "momentum/resolve.hpp"

namespace momentum::cli {
namespace {

struct StreakOptions {
  std::optional<std::string> goal;
};

std::vector<int> goals_shown(const Context& ctx, const State& state, const StreakOptions& o) {
  if (o.goal) return {resolve_goal(state, *o.goal)};
  std::vector<int> shown;
  for (std::size_t i = 0; i < state.goals.size(); ++i) {
    if (is_ongoing(effective_status(state.goals[i], ctx.today)))
      shown.push_back(static_cast<int>(i));
  }
  return shown;
}

std::string percent(std::optional<double> rate) {
  return rate ? fmt::format("{:.0f}%", std::round(*rate * 100)) : "n/a";
}

// One goal of the streak table, summarized as of the view's day.
// What `streak` prints below the check-in streak: the goals shown and the day they are seen on.
struct StreaksView {
  std::vector<HabitRow> rows;
  Day today{};
};

StreaksView streaks_view(const Context& ctx, const State& state, const std::vector<int>& shown) {
  StreaksView view{{}, ctx.today};
  const std::vector<GoalDays> days = all_goal_days(state);
  for (int i : shown) {
    view.rows.push_back({state.goal(i), summarize(state.goal(i), days[static_cast<std::size_t>(i)],
                                                  ctx.today, ctx.config)});
  }
  return view;
}

void print_streaks(std::ostream& out, const Style& style, const StreaksView& view) {
  Table table({{"#", true},
               {"Goal", false, true},
               {"Cadence"},
               {"Now", true},
               {"Best", true},
               {"30d", true},
               {"90d", true},
               {"Str", true},
               {"Slack", true},
               {"Last 14 days"}});
  std::vector<std::string> risks;
  for (const auto& [g, s] : view.rows) {
    std::string now = streak_length(s.current);
    if (s.current.at_risk) {
      now = paint(style, fmt::format("{}!", now), fmt::fg(fmt::terminal_color::yellow));
    }
    table.add({std::to_string(g.num), escape(g.title), format_cadence(s.cadence), now,
               streak_length(s.longest), percent(s.completion_30), percent(s.completion_90),
               fmt::format("{:.0f}", std::floor(s.strength * 100)), slack_text(s),
               strip_text(style, s.strip)});
    if (s.current.at_risk) risks.push_back(risk_text(style, g, s, view.today));
  }
  table.print(out, style);
  // The table is the report and shows every goal; the lines under it say what to do for the
  // first few at risk (marked ! in Now), as 'today' does.
  constexpr std::size_t shown_risks = 3;
  for (std::size_t i = 0; i < risks.size() && i < shown_risks; ++i) out << risks[i] << '\n';
  if (risks.size() > shown_risks) {
    out << fmt::format("... and {} more at risk (marked ! in Now)\n", risks.size() - shown_risks);
  }
}

int run_streak(Context& ctx, const StreakOptions& o) {
  const State state = ctx.read(Reach::habits).state;
  const std::vector<int> shown = goals_shown(ctx, state, o);
  const Streak checkin = checkin_streak(state, ctx.today);
  const StreaksView view = streaks_view(ctx, state, shown);
  if (ctx.global.json) {
    nlohmann::ordered_json goals = nlohmann::ordered_json::array();
    for (const auto& [g, s] : view.rows) goals.push_back(summary_json(g, s, ctx.today));
    print_json(ctx, {{"day", format_day(ctx.today)},
                     {"checkin_streak", streak_json(checkin)},
                     {"goals", goals}});
    return 0;
  }
  ctx.out << "Check-in streak: " << checkin_text(ctx.style, checkin) << "\n";
  if (shown.empty()) {
    ctx.out << "No active goals. Add one: momentum goal add \"Become an ML engineer\" --cadence "
               "daily\n";
    return 0;
  }
  ctx.out << '\n';
  print_streaks(ctx.out, ctx.style, view);
  ctx.out << "\n" << strip_legend(ctx.style) << '\n';
  return 0;
}

}  // namespace

void setup_streak(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<StreakOptions>();
  CLI::App* streak =
      app.add_subcommand("streak", "Streaks, completion, habit strength and slack per goal");
  streak->add_option("--goal", o->goal, "Only this goal (also a paused or finished one)")
      ->option_text("G");
  on_chosen(streak, action, [&ctx, o] { return run_streak(ctx, *o); });
}

}  // namespace momentum::cli
