#include "cli/nudge.hpp"

#include <fmt/format.h>

#include "cli/habit.hpp"
#include "cli/render.hpp"
#include "momentum/streak.hpp"

namespace momentum::cli {
namespace {

// "12-day", "3-week": a streak's length as an adjective.
std::string streak_unit(const Streak& s) {
  return fmt::format("{}-{}", s.length, s.unit == PeriodKind::week ? "week" : "day");
}

std::string_view kind_name(NudgeKind kind) {
  switch (kind) {
    case NudgeKind::streak:
      return "streak";
    case NudgeKind::overdue:
      return "overdue";
    case NudgeKind::comfort_zone:
      return "comfort_zone";
    case NudgeKind::chronic:
      return "chronic";
  }
  return "";
}

}  // namespace

std::string nudge_text(const State& state, const Nudge& n, Day today) {
  switch (n.kind) {
    case NudgeKind::streak:
      if (!n.goal) {
        return fmt::format("check in today to keep your {} streak: momentum log 30m",
                           streak_unit(n.streak));
      }
      return fmt::format("log on goal {}: {} keeps its {} streak",
                         state.goals[static_cast<std::size_t>(*n.goal)].num,
                         describe_needed(n.needed, today), streak_unit(n.streak));
    case NudgeKind::overdue: {
      const int num = state.tasks[static_cast<std::size_t>(*n.task)].num;
      return fmt::format("do task {} today ({}d late), or: momentum task defer {} --to DATE", num,
                         n.days_late, num);
    }
    case NudgeKind::comfort_zone:
      return fmt::format("you spent {:.0f}% of 28 days learning: now build something (a 'do' task)",
                         n.learn_share * 100);
    case NudgeKind::chronic: {
      const Task& t = state.tasks[static_cast<std::size_t>(*n.task)];
      return fmt::format("task {} was deferred {} times: break it into a 15-minute first step",
                         t.num, t.deferrals.size());
    }
  }
  return "";
}

void print_nudge(std::ostream& out, const Style& style, const NudgeView& view) {
  if (!view.nudge) return;
  const std::string line =
      fmt::format("{:<10} {}", "Nudge", nudge_text(view.state, *view.nudge, view.today));
  out << paint(style, truncate(line, static_cast<std::size_t>(style.width), style.utf8),
               fmt::emphasis::bold)
      << '\n';
}

nlohmann::ordered_json nudge_json(const NudgeView& view) {
  using nlohmann::ordered_json;
  const State& state = view.state;
  const std::optional<Nudge>& n = view.nudge;
  if (!n) return nullptr;
  const auto goal = n->goal ? ordered_json(state.goals[static_cast<std::size_t>(*n->goal)].num)
                            : ordered_json(nullptr);
  const auto task = n->task ? ordered_json(state.tasks[static_cast<std::size_t>(*n->task)].num)
                            : ordered_json(nullptr);
  return {{"kind", kind_name(n->kind)},
          {"text", nudge_text(state, *n, view.today)},
          {"goal", goal},
          {"task", task}};
}

}  // namespace momentum::cli
