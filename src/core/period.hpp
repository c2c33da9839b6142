#pragma once
// Private to the core: a goal's days cut into periods, the common ground of streak.cpp and
// goal_metrics.cpp.
//
// Rules chosen where the strength formula alone is silent (docs/metrics.md states them):
// - Kept, shortfall, slack and completion use R = max(min(L, N), N − K): excused days stand in
//   only for missing logs, so a period logged although fully excused (a goal added on a
//   Friday, logged that weekend) still counts as kept. Strength folds with docs/metrics.md's
//   literal R = max(0, N − K) (`Period::weighed`): a rest day lowers a period's weight even
//   on a spare day, and a fully excused period leaves S unchanged; N/D windows excepted.
// - A period starting mid-week (the goal's first day, or an edit to N/week) runs to the
//   week's end; its days before the start count as excused, like days before the first day.
// - N/D: every day is a period whose counted days are the D calendar days ending on it.
//   Excused days are taken out of the window with one required day each: the window needs
//   N − K logs from its D − K other days (as for N/week, and Loop's PR #1916 in spirit), so
//   a skip never lowers the count of any window. Their strength too uses
//   R = max(min(L, N), N − K): the days before the first day excuse most of the first
//   windows, whose check-ins would otherwise count for nothing. m = 0.5^(√(N/D)/13) per
//   day (Loop's rate; 7 such days make one N/week week). Unlike Loop, N and D are not doubled: the
//   strength reads exactly the windows the streak checks. An excused, unlogged day bridges streaks.

#include <algorithm>
#include <optional>
#include <vector>

#include "momentum/streak.hpp"

namespace momentum::detail {

// One period: its days, what it requires and what it holds so far.
struct Period {
  PeriodKind kind = PeriodKind::day;
  Day first{};  // a day, or the (possibly clipped) calendar week
  Day last{};
  Day counted_from{};  // the first day whose logs count: `first`, or a window's first day
  int n = 1;           // N: check-in days required
  int logged = 0;      // L: logged days counted, up to as-of
  int excused = 0;     // K: excused days without a log, planned ones included
  double decay = 1;    // m
  bool rest = false;   // N/D: the day itself is excused and unlogged

  // R = max(min(L, N), N − K): required days, excused ones standing in only for missing logs.
  int required() const;
  // The R of the strength fold: docs/metrics.md's max(0, N − K); for windows, required().
  int weighed() const;
  // Fully excused: nothing required and nothing done, so it neither counts nor breaks.
  bool invisible() const { return required() == 0; }
  // Neither lengthens nor breaks a streak.
  bool bridges() const { return invisible() || rest; }
  bool kept() const { return !invisible() && logged >= required(); }
  // Check-ins still needed to keep it.
  int shortfall() const { return invisible() ? 0 : std::max(0, required() - logged); }
};

// A goal's days as dense per-day facts, from before its first day to a horizon after today.
class Timeline {
 public:
  // `today` is clipped to the goal's end: logs after that day are not counted.
  Timeline(const GoalDays& days, Day today);
  // One read only on and after `read_from`, less the longest window a period looks back
  // over: for a walk resumed at a fold there.
  Timeline(const GoalDays& days, Day today, Day read_from);

  const GoalDays& days() const { return days_; }
  Day as_of() const { return as_of_; }
  Day horizon() const { return horizon_; }
  bool ended() const { return days_.end && *days_.end <= as_of_; }

  // Logged on `day`, up to as-of.
  bool logged(Day day) const { return count(logged_sum_, day, day) == 1; }
  // Excused on `day` without a counted log: a skip, a pause, or before the first day.
  bool excused(Day day) const { return day < days_.first || count(excused_sum_, day, day) == 1; }
  int logged_in(Day from, Day to) const { return count(logged_sum_, from, to); }
  int excused_in(Day from, Day to) const { return count(excused_sum_, from, to); }
  // Days in [from, to] that could still take a check-in: not logged and not excused.
  int open_in(Day from, Day to) const;
  // The cadence in force on `day`, its numbers clamped to what the math can handle.
  Cadence cadence(Day day) const;

 private:
  int count(const std::vector<int>& sums, Day from, Day to) const;

  const GoalDays& days_;
  Day as_of_;
  Day begin_;    // sums_[i] covers the days before begin_ + i
  Day horizon_;  // no forward search goes past it
  std::vector<int> logged_sum_;
  std::vector<int> excused_sum_;
};

// True when `day` is in one of the goal's pauses.
bool paused_on(const GoalDays& days, Day day);

// True when the sorted `days` hold `day`.
bool has(const std::vector<Day>& days, Day day);

// Walks a goal's periods in order, from its first day on.
class PeriodWalker {
 public:
  PeriodWalker(const Timeline& timeline, const Config& config);
  // Resumed on `from`, which must be a day no period before it reaches (a fold's `at`).
  PeriodWalker(const Timeline& timeline, const Config& config, Day from);

  // The next period, if it starts on or before `until`.
  std::optional<Period> next(Day until);

 private:
  Period starting(Day day, PeriodKind kind) const;

  const Timeline& timeline_;
  std::chrono::weekday week_start_;
  Day day_;          // where the next period starts, or a day that starts none
  Cadence cadence_;  // in force on day_, and its decay
  double decay_;
  std::size_t next_change_ = 0;  // the first of the goal's cadence changes not yet passed
};

// The kind of period `cadence` counts in.
PeriodKind kind_of(const Cadence& cadence);

// A goal's periods, walked once and kept as far as any reader has asked, so that several
// numbers can read one walk (summarize()).
// The fingerprint of what a GoalFold at `at` depends on: the goal's logged and excused days
// before it, its pauses and cadence changes up to it, its first day and the week's start.
std::uint64_t fold_fingerprint(const GoalDays& days, Day at, std::chrono::weekday week_start);

// The goal's fold, when it holds for this timeline and config: made for the same days and
// week start, and far enough before as-of that no number reads a period it folded but the
// streaks and strength it carries. Null: walk from the first day.
const GoalFold* usable_fold(const Timeline& timeline, const Config& config);
// The same, before there is a timeline: for the days of a goal that has not ended, as of `as_of`.
const GoalFold* usable_fold(const GoalDays& days, Day as_of, const Config& config);

// Where the walk for this timeline starts: the usable fold's `at`, else the first day.
Day walk_from(const Timeline& timeline, const Config& config);

// The goal's timeline as of `today` from where its walk starts: no day before a usable fold is
// read (ten years of days, for a goal that has a fold).
Timeline walked_timeline(const GoalDays& days, Day today, const Config& config);

// One step of habit strength's moving average over period `p` (goal_metrics.cpp).
double fold_strength(double s, const Period& p);

class WalkedPeriods {
 public:
  WalkedPeriods(const Timeline& timeline, const Config& config, Day from);
  // The `i`-th period, if it starts on or before `until`; null otherwise. Readers read in
  // order, so `i` is at most one past the last period walked. Valid until the next call.
  const Period* at(std::size_t i, Day until) {
    if (i == periods_.size()) {
      // The walker stops before a day that would start a period after `until`, and resumes
      // there.
      const std::optional<Period> p = walk_.next(until);
      if (!p) return nullptr;
      periods_.push_back(*p);
    }
    const Period& p = periods_[i];
    return p.first <= until ? &p : nullptr;
  }

 private:
  PeriodWalker walk_;
  std::vector<Period> periods_;
};

// Reads WalkedPeriods from the first as a PeriodWalker walks: next(until) gives the next
// period if it starts on or before `until` (a pointer where the walker gives an optional).
class PeriodList {
 public:
  explicit PeriodList(WalkedPeriods& periods) : periods_(periods) {}
  const Period* next(Day until) {
    const Period* p = periods_.at(at_, until);
    if (p != nullptr) ++at_;
    return p;
  }

 private:
  WalkedPeriods& periods_;
  std::size_t at_ = 0;
};

// The metrics of goal_metrics.cpp over the periods `walk` gives, a PeriodWalker (one metric
// alone) or a PeriodList (a summary's shared walk, which must reach the horizon).
template <typename Walk>
double strength(const Timeline& timeline, Walk walk, double s);
template <typename Walk>
std::optional<double> completion_rate(const Timeline& timeline, Walk walk, int window_days);
template <typename Walk>
std::optional<int> slack(const Timeline& timeline, Walk walk, Day today);
template <typename Walk>
Needed still_needed(const Timeline& timeline, Walk walk, Day today);

}  // namespace momentum::detail
