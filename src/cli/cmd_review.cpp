// momentum review: a retrospective of a week, a sprint or a period, in Markdown (or text).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "cli/habit.hpp"
#include "cli/options.hpp"
#include "cli/render.hpp"
#include "cli/review_doc.hpp"
#include "momentum/error.hpp"
#include "momentum/minutes.hpp"
#include "momentum/next.hpp"
#include "momentum/recent.hpp"
#include "momentum/resolve.hpp"
#include "momentum/sprint.hpp"
#include "momentum/streak.hpp"

namespace momentum::cli {
namespace {

struct ReviewOptions {
  bool week = false;
  std::optional<std::string> sprint;
  std::optional<std::string> since;
  std::optional<std::string> until;
  std::string format = "md";
};

struct Period {
  Day from{};
  Day to{};
  std::optional<int> sprint;
};

// The period the options ask for; a sprint's is known once the journal is read (with_sprint).
Period period_of(const Context& ctx, const ReviewOptions& o) {
  Period p{week_begin(ctx.today, ctx.config.week_start), ctx.today, std::nullopt};
  if (o.since) {
    p.from = date_option(ctx, *o.since, "--since", DateDirection::backward);
    if (o.until) p.to = date_option(ctx, *o.until, "--until", DateDirection::backward);
    if (p.from > p.to) {
      throw UsageError(
          fmt::format("--since '{}' is after the period's end ({}); expected an earlier day",
                      format_day(p.from), format_day(p.to)));
    }
  }
  return p;
}

Period with_sprint(Period p, const State& state, const ReviewOptions& o) {
  if (!o.sprint) return p;
  p.sprint = resolve_sprint(state, *o.sprint);
  const Sprint& s = state.sprints[static_cast<std::size_t>(*p.sprint)];
  p.from = s.start;
  p.to = s.end;
  return p;
}

struct Facts {
  std::vector<int> logs;  // in the period, by day
  std::map<std::optional<int>, Minutes> minutes_by_goal;
  Minutes minutes;
};

Facts gather(const State& state, const Period& p) {
  Facts f;
  const LogRange range{p.from, p.to, std::nullopt, std::nullopt};
  for (std::size_t i = 0; i < state.logs.size(); ++i) {
    if (covers(range, state.logs[i])) f.logs.push_back(static_cast<int>(i));
  }
  f.minutes_by_goal = minutes_by_goal(state, p.from, p.to);
  f.minutes = minutes_in(state, range);
  std::stable_sort(f.logs.begin(), f.logs.end(), [&](int a, int b) {
    return state.logs[static_cast<std::size_t>(a)].day <
           state.logs[static_cast<std::size_t>(b)].day;
  });
  return f;
}

std::string goal_name(const ReviewDoc& doc, const State& state, std::optional<int> goal) {
  return goal ? doc.text(state.goals[static_cast<std::size_t>(*goal)].title) : "No goal";
}

// A share rounded to the nearest percent, so learn and do add up to 100%.
std::string share(int part, int total) {
  return total == 0 ? "n/a" : fmt::format("{}%", (part * 200 + total) / (2 * total));
}

void summary(ReviewDoc& doc, const Facts& f) {
  doc.heading(2, "Summary");
  const int total = f.minutes.total();
  const int learn_minutes = f.minutes.learn;
  doc.item(fmt::format("{}, {} in all", plural(f.logs.size(), "check-in", "check-ins"),
                       minutes_text(total)));
  const std::string learn = share(learn_minutes, total);
  const std::string doing =
      total == 0 ? "n/a" : fmt::format("{}%", 100 - (learn_minutes * 200 + total) / (2 * total));
  doc.item(fmt::format("Learn {} ({}), do {} ({})", minutes_text(learn_minutes), learn,
                       minutes_text(f.minutes.doing), doing));
}

void goals_and_logs(ReviewDoc& doc, const State& state, const Facts& f) {
  doc.heading(2, "Goals worked on");
  if (f.minutes_by_goal.empty()) doc.item("none");
  for (const auto& [goal, minutes] : f.minutes_by_goal) {
    doc.item(fmt::format("{}: {}", goal_name(doc, state, goal), minutes_text(minutes.total())));
  }
  doc.heading(2, "Check-ins");
  if (f.logs.empty()) doc.item("none");
  for (const auto& [goal, minutes] : f.minutes_by_goal) {
    doc.heading(3,
                fmt::format("{} ({})", goal_name(doc, state, goal), minutes_text(minutes.total())));
    for (int i : f.logs) {
      const LogEntry& l = state.logs[static_cast<std::size_t>(i)];
      if (l.goal != goal) continue;
      const std::string task =
          l.task ? fmt::format(" (task {})", state.tasks[static_cast<std::size_t>(*l.task)].num)
                 : "";
      doc.item(fmt::format("{} {} {}{}{}", format_day(l.day), minutes_text(l.minutes),
                           to_string(l.kind), l.note.empty() ? "" : ": " + doc.text(l.note), task));
    }
  }
}

void tasks_finished(ReviewDoc& doc, const State& state, const Period& p) {
  doc.heading(2, "Tasks finished");
  bool any = false;
  for (const Task& t : state.tasks) {
    if (!done_between(t, p.from, p.to)) continue;
    doc.item(
        fmt::format("Task {}: {} ({})", t.num, doc.text(t.title), format_day(*t.finished_day)));
    any = true;
  }
  if (!any) doc.item("none");
}

void streaks(ReviewDoc& doc, const State& state, Day today, const Config& config) {
  doc.heading(2, "Streaks");
  doc.item(fmt::format("Check-ins: {}", streak_words(checkin_streak(state, today))));
  const std::vector<GoalDays> days = all_goal_days(state);
  for (std::size_t i = 0; i < state.goals.size(); ++i) {
    if (effective_status(state.goals[i], today) != GoalStatus::active) continue;
    const GoalSummary s = summarize(state.goals[i], days[i], today, config);
    doc.item(fmt::format("{}: {} now, longest {}", doc.text(state.goals[i].title),
                         streak_words(s.current), streak_words(s.longest)));
  }
}

void retrospective(ReviewDoc& doc, const Sprint& s) {
  doc.heading(2, fmt::format("Retrospective: sprint {}, {}", s.num, doc.text(s.title)));
  if (!s.closed) return doc.item("not closed yet: momentum sprint close");
  doc.item(s.retro.rating ? fmt::format("Rating: {}/5", *s.retro.rating) : "Rating: none");
  doc.item("Learned: " + (s.retro.learned.empty() ? "-" : doc.text(s.retro.learned)));
}

void blocked_and_next(ReviewDoc& doc, const State& state, Day today, const Sprint* s) {
  doc.heading(2, "Blocked");
  if (s && !s->retro.blocked.empty()) doc.item(doc.text(s->retro.blocked));
  bool any = s && !s->retro.blocked.empty();
  for (const Task& t : state.tasks) {
    if (!is_overdue(t, today)) continue;
    doc.item(fmt::format("Task {}: {} (overdue since {})", t.num, doc.text(t.title),
                         format_day(*t.due)));
    any = true;
  }
  if (!any) doc.item("nothing");
  doc.heading(2, "Next");
  if (s && !s->retro.next.empty()) doc.item(doc.text(s->retro.next));
  const auto ranked = rank_tasks(state, today, in_sprint_flags(state, today));
  for (std::size_t i = 0; i < ranked.size() && i < 3; ++i) {
    const Task& t = state.tasks[static_cast<std::size_t>(ranked[i].task)];
    doc.item(fmt::format("Task {}: {}", t.num, doc.text(t.title)));
  }
  if (ranked.empty() && !(s && !s->retro.next.empty())) doc.item("nothing open");
}

// The latest sprint overlapping the period: its retrospective belongs in a weekly review.
const Sprint* overlapping(const State& state, const Period& p) {
  for (auto it = state.sprints.rbegin(); it != state.sprints.rend(); ++it) {
    if (it->start <= p.to && it->end >= p.from) return &*it;
  }
  return nullptr;
}

int run_review(Context& ctx, const ReviewOptions& o) {
  const Period asked = period_of(ctx, o);
  // A period from the recent State's cutoff on (the week, a sprint of the last month) is read
  // from it; one older than any recent State holds, from the full State at once.
  const bool recent = o.sprint || asked.from >= ctx.today - std::chrono::days{recent_max_days};
  const State state = ctx.read(recent ? Reach::recent : Reach::full,
                               [&](const State& s) {
                                 if (!holds_since(s, with_sprint(asked, s, o).from)) {
                                   throw NeedsFullState();
                                 }
                               })
                          .state;
  const Period p = with_sprint(asked, state, o);
  const Sprint* s = p.sprint ? &state.sprints[static_cast<std::size_t>(*p.sprint)] : nullptr;
  ReviewDoc doc(ctx.out, o.format == "md");
  doc.heading(1, s ? fmt::format("Sprint {}: {}", s->num, doc.text(s->title))
                   : fmt::format("Review {} to {}", format_day(p.from), format_day(p.to)));
  if (s)
    doc.para(fmt::format("{} to {}, {}/{} planned tasks done", format_day(p.from), format_day(p.to),
                         planned_done(state, *s), s->planned.size()));
  const Facts f = gather(state, p);
  summary(doc, f);
  goals_and_logs(doc, state, f);
  tasks_finished(doc, state, p);
  streaks(doc, state, ctx.today, ctx.config);
  const Sprint* in_period = s ? s : overlapping(state, p);
  if (in_period) retrospective(doc, *in_period);
  blocked_and_next(doc, state, ctx.today, in_period);
  return 0;
}

}  // namespace

void setup_review(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<ReviewOptions>();
  CLI::App* review = app.add_subcommand("review", "A retrospective in Markdown, ready to publish");
  CLI::Option* week = review->add_flag("--week", o->week, "This week so far (the default)");
  CLI::Option* sprint =
      review->add_option("--sprint", o->sprint, "One sprint")->option_text("S")->excludes(week);
  CLI::Option* since = review->add_option("--since", o->since, "From this day")
                           ->option_text("DATE")
                           ->excludes(week)
                           ->excludes(sprint);
  review->add_option("--until", o->until, "Through this day (default today)")
      ->option_text("DATE")
      ->needs(since);
  review->add_option("--format", o->format, "md or text (default md)")
      ->check(one_of("format", {"md", "text"}))
      ->option_text("F");
  on_chosen(review, action, [&ctx, o] { return run_review(ctx, *o); });
}

}  // namespace momentum::cli
