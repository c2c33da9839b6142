#include "cli/nudge.hpp"

#include <fmt/format.h>

#include "cli/habit.hpp"
#include "cli/render.hpp"
#include "momentum/metrics.hpp"
#include "momentum/remind.hpp"
#include "momentum/streak.hpp"

namespace momentum::cli {
namespace {

// "12-day", "3-week": a streak's length as an adjective.
std::string streak_unit(const Streak& s) {
  return fmt::format("{}-{}", s.length, s.unit == PeriodKind::week ? "week" : "day");
}

// The active goal with the longest streak at risk; else the check-in streak, when at risk.
std::optional<Nudge> streak_nudge(const State& state, Day today, const Config& config) {
  std::optional<Nudge> best;
  int longest = 0;
  for (std::size_t i = 0; i < state.goals.size(); ++i) {
    if (effective_status(state.goals[i], today) != GoalStatus::active) continue;
    // Only the current streak is needed here; summarize() would walk the history 7 times.
    const GoalDays days = goal_days(state, static_cast<int>(i));
    const Streak current = current_streak(days, today, config);
    if (!current.at_risk || current.length <= longest) continue;
    longest = current.length;
    const int num = state.goals[i].num;
    best = Nudge{"streak",
                 fmt::format("log on goal {}: {} keeps its {} streak", num,
                             describe_needed(still_needed(days, today, config), today),
                             streak_unit(current)),
                 num, std::nullopt};
  }
  if (best) return best;
  const Streak checkin = checkin_streak(state, today);
  if (!checkin.at_risk || checkin.length == 0 || !checkin_day(state, today, config)) {
    return std::nullopt;
  }
  return Nudge{
      "streak",
      fmt::format("check in today to keep your {} streak: momentum log 30m", streak_unit(checkin)),
      std::nullopt, std::nullopt};
}

std::optional<Nudge> overdue_nudge(const State& state, Day today) {
  const Task* worst = nullptr;
  for (const Task& t : state.tasks) {
    if (is_open(t.status) && t.due && *t.due < today && (!worst || *t.due < *worst->due))
      worst = &t;
  }
  if (!worst) return std::nullopt;
  const auto late = (today - *worst->due).count();
  return Nudge{"overdue",
               fmt::format("do task {} today ({}d late), or: momentum task defer {} --to DATE",
                           worst->num, late, worst->num),
               std::nullopt, worst->num};
}

std::optional<Nudge> comfort_nudge(const Metrics& m) {
  if (!m.comfort_zone) return std::nullopt;
  return Nudge{
      "comfort_zone",
      fmt::format("you spent {:.0f}% of 28 days learning: now build something (a 'do' task)",
                  *m.learn_share * 100),
      std::nullopt, std::nullopt};
}

std::optional<Nudge> chronic_nudge(const State& state, const Metrics& m) {
  if (m.chronic.empty()) return std::nullopt;
  const Task& t = state.tasks[static_cast<std::size_t>(m.chronic.front())];
  return Nudge{"chronic",
               fmt::format("task {} was deferred {} times: break it into a 15-minute first step",
                           t.num, t.deferrals.size()),
               std::nullopt, t.num};
}

}  // namespace

std::optional<Nudge> pick_nudge(const State& state, Day today, const Config& config) {
  if (auto n = streak_nudge(state, today, config)) return n;
  if (auto n = overdue_nudge(state, today)) return n;
  const Metrics m = compute_metrics(state, default_window(today), today, config);
  if (auto n = comfort_nudge(m)) return n;
  return chronic_nudge(state, m);
}

void print_nudge(const Context& ctx, const State& state) {
  const std::optional<Nudge> n = pick_nudge(state, ctx.today, ctx.config);
  if (!n) return;
  const std::string line = fmt::format("{:<10} {}", "Nudge", n->text);
  ctx.out << paint(ctx, truncate(line, static_cast<std::size_t>(ctx.style.width), ctx.style.utf8),
                   fmt::emphasis::bold)
          << '\n';
}

nlohmann::ordered_json nudge_json(const Context& ctx, const State& state) {
  using nlohmann::ordered_json;
  const std::optional<Nudge> n = pick_nudge(state, ctx.today, ctx.config);
  if (!n) return nullptr;
  const auto num = [](std::optional<int> v) {
    return v ? ordered_json(*v) : ordered_json(nullptr);
  };
  return {{"kind", n->kind}, {"text", n->text}, {"goal", num(n->goal)}, {"task", num(n->task)}};
}

}  // namespace momentum::cli
