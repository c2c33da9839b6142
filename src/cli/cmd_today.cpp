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
  for (const AtRisk& r : risky) out.push_back(summary_json(state, r.goal, ctx));
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
  print_json(ctx,
             {{"day", format_day(ctx.today)},
              {"minutes",
               {{"learn", s.minutes.learn}, {"do", s.minutes.doing}, {"total", s.minutes.total()}}},
              {"logs", logs},
              {"due_today", tasks(s.due_today)},
              {"overdue", tasks(s.overdue)},
              {"checkin_streak", streak_json(s.checkin)},
              {"at_risk", at_risk_json(ctx, state, goals_at_risk(state, ctx.today, ctx.config))},
              {"next", ranked.empty() ? ordered_json(nullptr)
                                      : task_json(state, ranked.front().task, ctx.today)},
              {"nudge", nudge_json({state, pick_nudge(state, ctx.today, ctx.config), ctx.today})},
              {"sprint", sprint_or_null(ctx, state)}});
  return 0;
}

// A dashboard fits one 80x24 screen whatever the data: each list shows its first few (the
// most urgent) and then how many more there are and where to see them all.
constexpr std::size_t shown_per_section = 3;

void print_more(std::ostream& out, std::size_t total, std::string_view what,
                std::string_view command) {
  if (total <= shown_per_section) return;
  out << fmt::format("{:<10} ... and {} more {} ({})\n", "", total - shown_per_section, what,
                     command);  // what: "overdue", "due today", "goals at risk"
}

void print_task_lines(const Context& ctx, const State& state, std::string_view label,
                      const std::vector<int>& list) {
  for (std::size_t n = 0; n < list.size() && n < shown_per_section; ++n) {
    const Task& t = state.tasks[static_cast<std::size_t>(list[n])];
    const std::string line =
        fmt::format("{:<10} #{} {} ({})", n == 0 ? label : "", t.num, escape(t.title),
                    relative_due(ctx.style, *t.due, ctx.today));
    ctx.out << truncate(line, static_cast<std::size_t>(ctx.style.width), ctx.style.utf8) << '\n';
  }
  print_more(ctx.out, list.size(), label == "Due" ? "due today" : "overdue", "momentum task list");
}

// The check-in streak, then the goals whose streak is at risk, the longest streaks first,
// with their slack.
void print_habit_lines(const Context& ctx, const State& state, const Streak& checkin) {
  ctx.out << fmt::format("{:<10} {}\n", "Streak", checkin_text(ctx.style, checkin));
  const std::vector<AtRisk> risky = longest_first(goals_at_risk(state, ctx.today, ctx.config));
  for (std::size_t n = 0; n < risky.size() && n < shown_per_section; ++n) {
    const auto i = static_cast<std::size_t>(risky[n].goal);
    const GoalSummary s = summarize(state, risky[n].goal, ctx.today, ctx.config);
    const std::string tail =
        fmt::format(": {} (streak {}, slack {})", describe_needed(s.needed, ctx.today),
                    streak_length(s.current), slack_text(s));
    const std::string head = fmt::format("{:<10} #{} ", "At risk", state.goals[i].num);
    const auto room = static_cast<std::size_t>(
        std::max(8, ctx.style.width - static_cast<int>(display_width(head + tail))));
    const std::string line = fmt::format(
        "{}{}{}", head, truncate(escape(state.goals[i].title), room, ctx.style.utf8), tail);
    ctx.out << paint(ctx.style,
                     truncate(line, static_cast<std::size_t>(ctx.style.width), ctx.style.utf8),
                     fmt::fg(fmt::terminal_color::yellow))
            << '\n';
  }
  print_more(ctx.out, risky.size(), "at risk", "momentum streak");
}

}  // namespace

int run_today(Context& ctx) {
  const State state = ctx.read().state;
  const DayOverview s = day_overview(state, ctx.today);
  const auto ranked = rank_tasks(state, ctx.today, in_sprint_flags(state, ctx.today));
  if (ctx.global.json) return print_json_today(ctx, state, s, ranked);
  if (nothing_tracked(state)) {
    print_greeting(ctx.out);
    return 0;
  }
  ctx.out << paint(ctx.style, weekday_name(ctx.today, true) + " " + format_day(ctx.today),
                   fmt::emphasis::bold)
          << "\n\n";
  if (s.logs.empty()) {
    ctx.out << fmt::format("{:<10} {}\n", "Today",
                           paint(ctx.style, "no check-in yet: momentum log 30m \"what you did\"",
                                 fmt::fg(fmt::terminal_color::yellow)));
  } else {
    ctx.out << fmt::format("{:<10} {} logged (learn {}, do {}) in {}\n", "Today",
                           minutes_text(s.minutes.total()), minutes_text(s.minutes.learn),
                           minutes_text(s.minutes.doing),
                           plural(s.logs.size(), "check-in", "check-ins"));
  }
  print_habit_lines(ctx, state, s.checkin);
  if (const auto line = sprint_today_text(ctx.style, state, ctx.today)) ctx.out << *line << '\n';
  print_task_lines(ctx, state, "Overdue", most_urgent_first(state, ranked, s.overdue));
  print_task_lines(ctx, state, "Due", most_urgent_first(state, ranked, s.due_today));
  if (!ranked.empty()) {
    const Task& t = state.tasks[static_cast<std::size_t>(ranked.front().task)];
    const std::string hint = t.status == TaskStatus::doing
                                 ? fmt::format("momentum log 30m --task {}", t.num)
                                 : fmt::format("momentum task start {}", t.num);
    const std::string line =
        fmt::format("{:<10} #{} {}  ({})", "Next", t.num, escape(t.title), hint);
    ctx.out << truncate(line, static_cast<std::size_t>(ctx.style.width), ctx.style.utf8) << '\n';
  } else {
    ctx.out << fmt::format("{:<10} nothing open: momentum task add \"a small next step\"\n",
                           "Next");
  }
  print_nudge(ctx.out, ctx.style, {state, pick_nudge(state, ctx.today, ctx.config), ctx.today});
  return 0;
}

void setup_today(CLI::App& app, Context& ctx, Action& action) {
  CLI::App* today =
      app.add_subcommand("today", "Today's dashboard (also what 'momentum' alone shows)");
  on_chosen(today, action, [&ctx] { return run_today(ctx); });
}

}  // namespace momentum::cli
