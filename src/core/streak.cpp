// Streaks, the day strip and the per-goal summary (docs/design.md §3); the numbers behind them
// are in period.hpp and goal_metrics.cpp.

#include "momentum/streak.hpp"

#include <algorithm>

#include "period.hpp"

namespace momentum {
namespace {

using detail::has;
using detail::paused_on;
using detail::Period;
using detail::Timeline;

constexpr std::chrono::days one_day{1};

// Sorts `days` and drops repeats. Mostly sorted already (a recent State's History, sorted,
// comes first and the recent days after it), so only the unsorted tail is sorted and merged.
void sort_unique(std::vector<Day>& days) {
  const auto tail = std::is_sorted_until(days.begin(), days.end());
  std::sort(tail, days.end());
  std::inplace_merge(days.begin(), tail, days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
}

struct Runs {
  Streak current;
  Streak longest;
};

void extend(Streak& run, const Period& p, Day as_of) {
  if (run.length == 0) run.first = p.first;
  ++run.length;
  run.last = std::min(p.last, as_of);
  run.unit = p.kind;
}

// A folded run as a Streak, its unit `unit` when the fold had not set one yet.
Streak unfolded(const FoldedRun& run, PeriodKind unit) {
  return {run.length, run.unit_set ? static_cast<PeriodKind>(run.unit) : unit, run.first, run.last,
          false};
}

// Both streaks in one pass over what `walk` gives (a PeriodWalker or a PeriodList), from
// `fold`'s when it is not null: bridges are passed over, a closed short period ends the run,
// and the open period (holding as-of) only ever adds to it.
template <typename Walk>
Runs runs(const Timeline& timeline, Walk walk, const GoalFold* fold) {
  const Day as_of = timeline.as_of();
  Runs out;
  out.current.unit = out.longest.unit = detail::kind_of(timeline.cadence(as_of));
  if (out.current.unit == PeriodKind::none) return out;
  if (fold) {
    out.current = unfolded(fold->current, out.current.unit);
    out.longest = unfolded(fold->longest, out.longest.unit);
  }
  while (const auto period = walk.next(as_of)) {
    const Period& p = *period;
    if (p.bridges()) continue;
    if (p.kept()) {
      extend(out.current, p, as_of);
      if (out.current.length >= out.longest.length) out.longest = out.current;
    } else if (p.last < as_of) {
      out.current = Streak{0, out.current.unit, std::nullopt, std::nullopt, false};
    } else {
      const int open = timeline.open_in(std::max(p.counted_from, as_of), p.last);
      out.current.at_risk = out.current.length > 0 && !timeline.ended() && open >= p.shortfall();
    }
  }
  return out;
}

Runs runs(const GoalDays& days, Day today, const Config& config) {
  const Timeline timeline = detail::walked_timeline(days, today, config);
  const GoalFold* fold = detail::usable_fold(timeline, config);
  return runs(timeline, detail::PeriodWalker(timeline, config, fold ? fold->at : days.first), fold);
}

// The fold's run after period `p`, as runs() goes on with it (every folded period is closed).
void fold_run(GoalFold& f, const detail::Period& p) {
  if (p.bridges()) return;
  FoldedRun& current = f.current;
  if (p.kept()) {
    if (current.length == 0) current.first = p.first;
    ++current.length;
    current.last = p.last;
    current.unit = static_cast<int>(p.kind);
    current.unit_set = true;
    if (current.length >= f.longest.length) f.longest = current;
  } else {
    current = FoldedRun{0, current.unit, current.unit_set, std::nullopt, std::nullopt};
  }
}

DayMark mark_unlogged(const Timeline& timeline, const std::vector<Period>& periods, Day day,
                      Day today) {
  const auto p = std::find_if(periods.begin(), periods.end(),
                              [day](const Period& q) { return q.first <= day && day <= q.last; });
  if (p == periods.end() || p->bridges() || p->kept()) return DayMark::not_required;
  if (p->last < timeline.as_of()) return DayMark::missed;
  // The open period is not missed before it ends; its past days were simply not needed.
  return day == today && !timeline.ended() ? DayMark::open : DayMark::not_required;
}

DayMark mark(const Timeline& timeline, const std::vector<Period>& periods, Day day, Day today) {
  const GoalDays& days = timeline.days();
  if (has(days.logged, day)) return DayMark::logged;
  if (has(days.skipped, day)) return DayMark::skipped;
  if (paused_on(days, day)) return DayMark::paused;
  if (day < days.first || (days.end && day > *days.end)) return DayMark::not_required;
  if (day > today) return DayMark::future;
  return mark_unlogged(timeline, periods, day, today);
}

// The marks of the days [from, to] over what `walk` gives (a PeriodWalker or a PeriodList).
template <typename Walk>
std::vector<DayMark> marks(const Timeline& timeline, Walk walk, Day from, Day to, Day today) {
  // Only the periods overlapping the strip: a day's mark depends on its period's fate.
  std::vector<Period> overlapping;
  while (const auto p = walk.next(std::min(to, timeline.as_of()))) {
    if (p->last >= from) overlapping.push_back(*p);
  }
  std::vector<DayMark> out;
  for (Day day = from; day <= to; day += one_day) {
    out.push_back(mark(timeline, overlapping, day, today));
  }
  return out;
}

}  // namespace

namespace {

// Sorts what was gathered for goal `g` and adds what its Goal says.
GoalDays finish(const Goal& g, GoalDays out) {
  sort_unique(out.logged);
  sort_unique(out.skipped);
  out.pauses = g.pauses;
  out.cadences = g.cadences;
  if (out.cadences.empty()) out.cadences.push_back({g.created_day, Cadence{}});
  out.first = out.logged.empty() ? g.created_day : std::min(g.created_day, out.logged.front());
  if (g.status == GoalStatus::achieved || g.status == GoalStatus::dropped) out.end = g.ended;
  return out;
}

// Adds the days of goal `goal` that a recent State left out of its check-ins and rest days.
void add_history(const State& state, std::size_t goal, GoalDays& out) {
  if (!state.history) return;
  const History& h = *state.history;
  if (goal < h.logged.size())
    out.logged.insert(out.logged.end(), h.logged[goal].begin(), h.logged[goal].end());
  if (goal < h.skipped.size()) {
    out.skipped.insert(out.skipped.end(), h.skipped[goal].begin(), h.skipped[goal].end());
  } else {
    out.skipped.insert(out.skipped.end(), h.rested.begin(), h.rested.end());
  }
  if (goal < h.folds.size()) out.fold = h.folds[goal];
}

}  // namespace

GoalDays goal_days(const State& state, int goal) {
  GoalDays out;
  add_history(state, static_cast<std::size_t>(goal), out);  // first: sorted, and earlier
  for (const LogEntry& log : state.logs) {
    if (!log.removed && log.goal == goal) out.logged.push_back(log.day);
  }
  for (const Skip& skip : state.skips) {
    if (!skip.removed && (!skip.goal || *skip.goal == goal)) out.skipped.push_back(skip.day);
  }
  return finish(state.goals.at(static_cast<std::size_t>(goal)), std::move(out));
}

std::vector<GoalDays> all_goal_days(const State& state) {
  std::vector<GoalDays> out(state.goals.size());
  for (std::size_t i = 0; i < out.size(); ++i) add_history(state, i, out[i]);  // sorted, earlier
  const auto of = [&](std::optional<int> goal) -> GoalDays* {
    return goal && *goal >= 0 && static_cast<std::size_t>(*goal) < out.size()
               ? &out[static_cast<std::size_t>(*goal)]
               : nullptr;
  };
  for (const LogEntry& log : state.logs) {
    if (GoalDays* days = of(log.goal); days && !log.removed) days->logged.push_back(log.day);
  }
  for (const Skip& skip : state.skips) {
    if (skip.removed) continue;
    if (!skip.goal) {
      for (GoalDays& days : out) days.skipped.push_back(skip.day);
    } else if (GoalDays* days = of(skip.goal)) {
      days->skipped.push_back(skip.day);
    }
  }
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = finish(state.goals[i], std::move(out[i]));
  return out;
}

Streak current_streak(const GoalDays& days, Day today, const Config& config) {
  return runs(days, today, config).current;
}

Streak longest_streak(const GoalDays& days, Day today, const Config& config) {
  return runs(days, today, config).longest;
}

std::vector<DayMark> day_strip(const GoalDays& days, Day from, Day to, Day today,
                               const Config& config) {
  const Timeline timeline(days, today);  // a strip may start before the fold
  return marks(timeline,
               detail::PeriodWalker(timeline, config, detail::walk_from(timeline, config)), from,
               to, today);
}

Streak checkin_streak(const State& state, Day today) {
  std::vector<Day> logged;
  std::vector<Day> rest;
  if (state.history) {  // first: sorted, and earlier
    logged = state.history->any_logged;
    rest = state.history->rested;
  }
  for (const LogEntry& log : state.logs) {
    if (!log.removed && log.day <= today) logged.push_back(log.day);
  }
  for (const Skip& skip : state.skips) {
    if (!skip.removed && !skip.goal) rest.push_back(skip.day);
  }
  sort_unique(logged);
  sort_unique(rest);
  Streak streak;
  streak.unit = PeriodKind::day;
  for (Day day = today;; day -= one_day) {
    if (has(logged, day)) {
      if (!streak.last) streak.last = day;
      streak.first = day;
      ++streak.length;
    } else if (day != today && !has(rest, day)) {
      break;  // an unlogged today is open, not broken; any other gap ends the run
    }
  }
  streak.at_risk = streak.length > 0 && !has(logged, today) && !has(rest, today);
  return streak;
}

std::optional<GoalFold> fold_goal(const GoalDays& days, Day cutoff, const Config& config) {
  const Day until = cutoff - fold_before_cutoff * one_day;
  if (days.end || until < days.first) return std::nullopt;
  // Every period starting by `until` ends well before `cutoff`, the as-of here: all closed.
  const Timeline timeline(days, cutoff);
  GoalFold f;
  detail::PeriodWalker walk(timeline, config);
  bool any = false;
  while (const auto p = walk.next(until)) {
    f.strength = detail::fold_strength(f.strength, *p);
    fold_run(f, *p);
    f.at = p->last + one_day;
    any = true;
  }
  if (!any) return std::nullopt;
  f.week_start = static_cast<int>(config.week_start.c_encoding());
  f.fingerprint = detail::fold_fingerprint(days, f.at, config.week_start);
  return f;
}

GoalSummary summarize(const Goal& g, const GoalDays& days, Day today, const Config& config) {
  GoalSummary summary;
  summary.cadence = cadence_on(g, days.end ? std::min(today, *days.end) : today);
  summary.status = effective_status(g, today);
  // One timeline and one walk for every number: each reads as far as it needs, and none
  // before a usable fold.
  const Timeline timeline = detail::walked_timeline(days, today, config);
  const GoalFold* fold = detail::usable_fold(timeline, config);
  detail::WalkedPeriods periods(timeline, config, fold ? fold->at : days.first);
  using detail::PeriodList;
  const Runs streaks = runs(timeline, PeriodList(periods), fold);
  summary.current = streaks.current;
  summary.longest = streaks.longest;
  summary.completion_30 = detail::completion_rate(timeline, PeriodList(periods), 30);
  summary.completion_90 = detail::completion_rate(timeline, PeriodList(periods), 90);
  summary.strength = detail::strength(timeline, PeriodList(periods), fold ? fold->strength : 0.0);
  summary.slack = detail::slack(timeline, PeriodList(periods), today);
  summary.needed = detail::still_needed(timeline, PeriodList(periods), today);
  summary.strip = marks(timeline, PeriodList(periods), today - 13 * one_day, today, today);
  return summary;
}

GoalSummary summarize(const State& state, int goal, Day today, const Config& config) {
  return summarize(state.goals.at(static_cast<std::size_t>(goal)), goal_days(state, goal), today,
                   config);
}

bool owes_checkins(const GoalSummary& summary) {
  return summary.needed.kind != PeriodKind::none && summary.status == GoalStatus::active;
}

std::optional<Streak> streak_at_risk(const Goal& goal, const GoalDays& days, Day today,
                                     const Config& config) {
  if (effective_status(goal, today) != GoalStatus::active) return std::nullopt;
  const Streak current = current_streak(days, today, config);
  return current.at_risk ? std::optional<Streak>(current) : std::nullopt;
}

std::optional<Streak> streak_at_risk(const State& state, int goal, Day today,
                                     const Config& config) {
  const Goal& g = state.goals.at(static_cast<std::size_t>(goal));
  if (effective_status(g, today) != GoalStatus::active) return std::nullopt;
  return streak_at_risk(g, goal_days(state, goal), today, config);
}

}  // namespace momentum
