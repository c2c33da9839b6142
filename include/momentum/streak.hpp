#pragma once
// The habit math of one goal (docs/design.md §3, docs/metrics.md): streaks, habit strength,
// completion rate, safety buffer ("slack"), what is still needed, and a per-day strip. All
// pure: the shell passes `today` and the config in.

#include <optional>
#include <string>
#include <vector>

#include "momentum/day.hpp"
#include "momentum/state.hpp"

namespace momentum {

// What the habit math needs to know about one goal, gathered from a State.
struct GoalDays {
  std::vector<Day> logged;              // sorted, distinct days with a (non-removed) log for it
  std::vector<Day> skipped;             // sorted, distinct skip days for it or for all goals
  std::vector<Pause> pauses;            // as in Goal
  std::vector<CadenceChange> cadences;  // as in Goal: never empty
  Day first{};                          // the earlier of its creation day and its first log
  std::optional<Day> end;               // achieved or dropped on this day: the math stops there
  std::optional<GoalFold> fold;         // a recent State's, for the math to resume from
};

// How a goal's periods are counted: a day, a Monday–Friday day, a calendar week, or a
// rolling window of D days ending on each day; none when no streak is kept.
enum class PeriodKind { none, day, weekday, week, window };

// A run of kept periods; skipped and paused periods inside it bridge without adding length.
struct Streak {
  int length = 0;                      // kept periods: days, or weeks for N/week
  PeriodKind unit = PeriodKind::none;  // the kind of its last period
  std::optional<Day> first;            // the first day of its first kept period
  std::optional<Day> last;             // the last day of its last kept period, at most today
  bool at_risk = false;  // live, and the current period is not yet kept but still can be
};

// What the current period still needs, as numbers a renderer phrases ("2 more days this week").
struct Needed {
  PeriodKind kind = PeriodKind::none;  // none: nothing to keep (no cadence, ended, paused on)
  int more = 0;                        // check-in days still needed by `last`; 0 = kept
  bool keepable = true;                // false: a check-in on every day left still falls short
  Day first{};          // the period: a day, a week, or the window of `window_days` days
  Day last{};           // ... ending here, which is the deadline
  int window_days = 0;  // kind == window: D
};

// One day of a goal's strip.
enum class DayMark { logged, skipped, paused, missed, not_required, open, future };

// Everything `streak` and `goal show` print for one goal.
struct GoalSummary {
  Cadence cadence;                         // in force today (at the end, for an ended goal)
  GoalStatus status = GoalStatus::active;  // effective on `today`
  Streak current;
  Streak longest;
  std::optional<double> completion_30;
  std::optional<double> completion_90;
  double strength = 0;  // S in [0, 1]; show 100·S
  std::optional<int> slack;
  Needed needed;
  std::vector<DayMark> strip;  // the 14 days ending today, oldest first
};

// The days of goal `goal` (an index into `state.goals`) that the habit math reads.
GoalDays goal_days(const State& state, int goal);

// goal_days() of every goal, indexed like `state.goals`, gathered in one pass over the logs:
// what a command that looks at every goal uses, so years of check-ins are read once.
std::vector<GoalDays> all_goal_days(const State& state);

// The run of kept periods reaching the current one; an unkept current period is open, not
// broken, so the run counts up to the period before it and is at risk.
Streak current_streak(const GoalDays& days, Day today, const Config& config);

// The longest run of kept periods up to `today`; of equal runs, the latest.
Streak longest_streak(const GoalDays& days, Day today, const Config& config);

// Σ min(L, R) ÷ Σ R over the periods overlapping the `window_days` days ending `today`;
// nullopt when no period in it required anything.
std::optional<double> completion_rate(const GoalDays& days, Day today, int window_days,
                                      const Config& config);

// Habit strength S in [0, 1] on `today` (docs/metrics.md, "Habit strength").
double strength(const GoalDays& days, Day today, const Config& config);

// Days from `today` to the last day on which starting to check in still keeps the first
// period needing a check-in; nullopt when it can no longer be kept, or nothing is due.
std::optional<int> slack(const GoalDays& days, Day today, const Config& config);

// What the current period still needs (for day kinds and windows: the next one that needs any).
Needed still_needed(const GoalDays& days, Day today, const Config& config);

// `needed` as a short English phrase relative to `today`, e.g. "2 more days this week".
std::string describe_needed(const Needed& needed, Day today);

// One mark per day from `from` through `to`, as seen on `today`.
std::vector<DayMark> day_strip(const GoalDays& days, Day from, Day to, Day today,
                               const Config& config);

// The global check-in streak: days with any log, skips for all goals bridging; an
// unlogged today leaves it at risk, not broken.
Streak checkin_streak(const State& state, Day today);

// The days before which a recent State built on `cutoff` folds a goal's periods: far enough
// back that every day it serves (recent.hpp) lies more than a 90-day completion window after.
inline constexpr int fold_before_cutoff = 70;

// `days`' periods folded up to about `cutoff` − fold_before_cutoff days, for a recent State
// built on `cutoff`; nullopt for a goal that ended or has no period that early.
std::optional<GoalFold> fold_goal(const GoalDays& days, Day cutoff, const Config& config);

// All of the above for goal `goal` on `today`.
GoalSummary summarize(const State& state, int goal, Day today, const Config& config);

// The same from the goal and its days (goal_days() or all_goal_days()).
GoalSummary summarize(const Goal& goal, const GoalDays& days, Day today, const Config& config);

// True when the goal of `summary` owes check-ins now: it has a period to keep and is active
// (a paused, achieved or dropped goal owes nothing: no slack, no deadline).
bool owes_checkins(const GoalSummary& summary);

// The current streak of goal `goal` when the goal is active on `today` and that streak is at
// risk; only the current streak is computed, not the whole summary.
std::optional<Streak> streak_at_risk(const State& state, int goal, Day today, const Config& config);

// The same from the goal and its days (goal_days() or all_goal_days()).
std::optional<Streak> streak_at_risk(const Goal& goal, const GoalDays& days, Day today,
                                     const Config& config);

}  // namespace momentum
