// The per-goal metrics that look at how well periods are kept: habit strength, completion
// rate, slack and what is still needed (docs/metrics.md).

#include <fmt/format.h>

#include <array>
#include <cmath>

#include "momentum/streak.hpp"
#include "period.hpp"

namespace momentum {
namespace {

using detail::Period;
using detail::Timeline;

constexpr std::chrono::days one_day{1};

bool untracked(const Timeline& timeline) {
  return detail::kind_of(timeline.cadence(timeline.as_of())) == PeriodKind::none;
}

// One step of the moving average: S ← a·S + (1 − a)·v with a = m^(R/N), v = min(1, L/R).
double fold(double s, const Period& p) {
  const int r = p.weighed();
  if (r == 0) return s;  // fully excused: invisible
  // Most periods require all their N days: m^1 needs no pow().
  const double a = r == p.n ? p.decay : std::pow(p.decay, static_cast<double>(r) / p.n);
  const double v = std::min(1.0, static_cast<double>(p.logged) / r);
  return a * s + (1.0 - a) * v;
}

// The latest day from which a check-in on every open day through `p.last` keeps `p`.
std::optional<Day> latest_start(const Timeline& timeline, const Period& p, Day today) {
  int needed = p.shortfall();
  const Day from = std::max(p.counted_from, today);
  for (Day day = p.last; day >= from; day -= one_day) {
    if (!timeline.logged(day) && !timeline.excused(day) && --needed == 0) return day;
  }
  return std::nullopt;
}

Needed needed_in(const Timeline& timeline, const Period& p, Day today) {
  Needed needed;
  needed.kind = p.kind;
  needed.more = p.shortfall();
  needed.keepable = timeline.open_in(std::max(p.counted_from, today), p.last) >= needed.more;
  needed.first = p.counted_from;
  needed.last = p.last;
  if (p.kind == PeriodKind::window) {
    needed.window_days = static_cast<int>((p.last - p.counted_from).count()) + 1;
  }
  return needed;
}

// "today", "tomorrow", a weekday name within the coming week, else the date.
std::string day_name(Day day, Day today) {
  static constexpr std::array<const char*, 7> names{"Sun", "Mon", "Tue", "Wed",
                                                    "Thu", "Fri", "Sat"};
  if (day == today) return "today";
  if (day == today + one_day) return "tomorrow";
  if (day > today && day < today + 7 * one_day) {
    return names[std::chrono::weekday{day}.c_encoding()];
  }
  return format_day(day);
}

std::string days_word(int n) { return n == 1 ? "day" : "days"; }

}  // namespace

namespace detail {

double fold_strength(double s, const Period& p) { return fold(s, p); }

// `s` is S before the first period `walk` gives: 0 from the first day, or a fold's.
template <typename Walk>
double strength(const Timeline& timeline, Walk walk, double s) {
  if (untracked(timeline)) return 0.0;
  while (const auto p = walk.next(timeline.as_of())) {
    // The open period (holding as-of) counts only if it raises S: an unlogged today never
    // lowers it, and skips already planned in it are in `p.excused`.
    s = p->last < timeline.as_of() ? fold(s, *p) : std::max(s, fold(s, *p));
  }
  return s;
}

template <typename Walk>
std::optional<double> completion_rate(const Timeline& timeline, Walk walk, int window_days) {
  if (untracked(timeline) || window_days <= 0) return std::nullopt;
  const Day start = timeline.as_of() - (window_days - 1) * one_day;
  int done = 0;
  int due = 0;
  while (const auto period = walk.next(timeline.as_of())) {
    const Period& p = *period;
    if (p.last < start || p.invisible()) continue;
    // Like the streak, an open period cannot count against the rate before it ends.
    if (p.last >= timeline.as_of() && !p.kept()) continue;
    done += std::min(p.logged, p.required());
    due += p.required();
  }
  if (due == 0) return std::nullopt;
  return static_cast<double>(done) / due;
}

template <typename Walk>
std::optional<int> slack(const Timeline& timeline, Walk walk, Day today) {
  if (timeline.ended() || untracked(timeline)) return std::nullopt;
  // The first period from `today` on that still needs a check-in, if any before the horizon.
  std::optional<Period> due;
  while (const auto p = walk.next(timeline.horizon())) {
    if (p->last >= today && !p->bridges() && p->shortfall() > 0) {
      due = *p;
      break;
    }
  }
  if (!due) return std::nullopt;
  const std::optional<Day> start = latest_start(timeline, *due, today);
  if (!start) return std::nullopt;
  return static_cast<int>((*start - today).count());
}

template <typename Walk>
Needed still_needed(const Timeline& timeline, Walk walk, Day today) {
  if (timeline.ended() || untracked(timeline)) return {};
  while (const auto period = walk.next(timeline.horizon())) {
    const Period& p = *period;
    if (p.last < today) continue;
    const bool current = p.first <= today;
    // A calendar week is reported even when kept or excused ("nothing more needed this week").
    if (current && p.kind == PeriodKind::week) return needed_in(timeline, p, today);
    if (p.bridges()) continue;
    // Today's own day is reported when kept; windows overlap, so for them only a shortfall is.
    if (p.shortfall() > 0 || (current && p.kind != PeriodKind::window)) {
      return needed_in(timeline, p, today);
    }
  }
  return {};
}

template double strength(const Timeline&, PeriodList, double);
template std::optional<double> completion_rate(const Timeline&, PeriodList, int);
template std::optional<int> slack(const Timeline&, PeriodList, Day);
template Needed still_needed(const Timeline&, PeriodList, Day);

}  // namespace detail

namespace {

// A walker from where this timeline's walk starts (its fold's end, else the first day).
detail::PeriodWalker walker(const Timeline& timeline, const Config& config) {
  return {timeline, config, detail::walk_from(timeline, config)};
}

}  // namespace

double strength(const GoalDays& days, Day today, const Config& config) {
  const Timeline timeline = detail::walked_timeline(days, today, config);
  const GoalFold* fold = detail::usable_fold(timeline, config);
  return detail::strength(timeline,
                          detail::PeriodWalker(timeline, config, fold ? fold->at : days.first),
                          fold ? fold->strength : 0.0);
}

std::optional<double> completion_rate(const GoalDays& days, Day today, int window_days,
                                      const Config& config) {
  const Timeline timeline = detail::walked_timeline(days, today, config);
  return detail::completion_rate(timeline, walker(timeline, config), window_days);
}

std::optional<int> slack(const GoalDays& days, Day today, const Config& config) {
  const Timeline timeline = detail::walked_timeline(days, today, config);
  return detail::slack(timeline, walker(timeline, config), today);
}

Needed still_needed(const GoalDays& days, Day today, const Config& config) {
  const Timeline timeline = detail::walked_timeline(days, today, config);
  return detail::still_needed(timeline, walker(timeline, config), today);
}

std::string describe_needed(const Needed& needed, Day today) {
  const std::string when = day_name(needed.last, today);
  switch (needed.kind) {
    case PeriodKind::none:
      return "";
    case PeriodKind::day:
    case PeriodKind::weekday:
      if (needed.more == 0) return "done for today";
      if (needed.last == today) return "a check-in today";
      return "a check-in " + (needed.last == today + one_day ? when : "on " + when);
    case PeriodKind::week:
      if (!needed.keepable) return "this week can no longer be kept";
      if (needed.more == 0) return "nothing more needed this week";
      return fmt::format("{} more {} this week", needed.more, days_word(needed.more));
    case PeriodKind::window:
      if (needed.more == 0) return "nothing needed for now";
      return fmt::format("{} more {} in the {} days ending {}{}", needed.more,
                         days_word(needed.more), needed.window_days, when,
                         needed.keepable ? "" : " (no longer possible)");
  }
  return "";
}

}  // namespace momentum
