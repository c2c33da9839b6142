// momentum stats [--since D] [--until D] [--goal G]: the procrastination report.
#include <fmt/format.h>

#include "cli/json_out.hpp"
#include "cli/options.hpp"
#include "cli/stats_render.hpp"
#include "momentum/error.hpp"
#include "momentum/metrics.hpp"
#include "momentum/recent.hpp"
#include "momentum/resolve.hpp"

namespace momentum::cli {
namespace {

struct StatsOptions {
  std::optional<std::string> since;
  std::optional<std::string> until;
  std::optional<std::string> goal;
};

constexpr int default_days = 28;

// The window the options ask for: 28 days ending --until (today), or from --since. Its goal
// is resolved once the journal is read.
Window stats_window(const Context& ctx, const StatsOptions& o) {
  const Day last =
      o.until ? date_option(ctx, *o.until, "--until", DateDirection::backward) : ctx.today;
  Window w = default_window(last, default_days);
  if (o.since) w.first = date_option(ctx, *o.since, "--since", DateDirection::backward);
  if (w.first > w.last) {
    throw UsageError(
        fmt::format("--since {} is after --until {}; expected a start on or before the end",
                    format_day(w.first), format_day(w.last)));
  }
  return w;
}

Window with_goal(Window w, const State& state, const StatsOptions& o) {
  if (o.goal) w.goal = resolve_goal(state, *o.goal);
  return w;
}

int run_stats(Context& ctx, const StatsOptions& o) {
  const Window days = stats_window(ctx, o);
  // A window from the recent State's cutoff on (the default 28 days) is read from it; one
  // older than any recent State holds, from the full State at once.
  const bool recent = days.first >= ctx.today - std::chrono::days{recent_max_days};
  const State state = ctx.read(recent ? Reach::recent : Reach::full,
                               [&](const State& s) {
                                 if (!answers_metrics(s, with_goal(days, s, o)))
                                   throw NeedsFullState();
                               })
                          .state;
  const Window window = with_goal(days, state, o);
  const Metrics metrics = compute_metrics(state, window, ctx.today, ctx.config);
  if (ctx.global.json) {
    print_json(ctx, stats_json(state, metrics, ctx.today, ctx.config));
    return 0;
  }
  print_stats(ctx.out, ctx.style, {state, metrics, ctx.today, ctx.config.stale_days});
  return 0;
}

}  // namespace

void setup_stats(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<StatsOptions>();
  CLI::App* stats =
      app.add_subcommand("stats", "Procrastination report: delays, deferrals, gaps, index");
  stats->add_option("--since", o->since, "From this day (default: 28 days before --until)")
      ->option_text("DATE");
  stats->add_option("--until", o->until, "Through this day (default: today)")->option_text("DATE");
  stats->add_option("--goal", o->goal, "Only this goal's tasks and check-ins")->option_text("G");
  on_chosen(stats, action, [&ctx, o] { return run_stats(ctx, *o); });
}

}  // namespace momentum::cli
