#pragma once
// What `remind` tells a cron job: only the things that need attention now (docs/design.md §5).

#include <optional>
#include <vector>

#include "momentum/day.hpp"
#include "momentum/state.hpp"
#include "momentum/streak.hpp"

namespace momentum {

// The kinds of reminder, most urgent first: what can still be saved today, then what is
// already late.
enum class ReminderKind {
  streak_at_risk,   // a daily or weekdays goal's streak ends tonight without a check-in
  target_at_risk,   // an N/week or N/D target is lost unless worked on today
  checkin_streak,   // the global check-in streak ends tonight, on a day some goal requires
  task_due,         // an open task due today
  sprint_ends,      // the sprint's last day is today
  task_overdue,     // an open task due before today
  sprint_unclosed,  // the sprint has ended and is not closed
};

// One reminder; the indices point into the State's vectors (`task` into the tasks given).
struct Reminder {
  ReminderKind kind = ReminderKind::task_due;
  std::optional<int> goal;    // streak_at_risk, target_at_risk
  std::optional<int> task;    // task_due, task_overdue
  std::optional<int> sprint;  // sprint_ends, sprint_unclosed
  Streak streak;              // the goal's current streak, or the check-in streak
  Needed needed;              // target_at_risk: what the period still needs
  int days_late = 0;          // task_overdue: days past due; sprint_unclosed: days past the end
};

// True when `clock` is at or after `config.remind_after` on the day it counts for; a
// `remind_after` earlier than `day_start` is the small hours at that day's end.
bool past_remind_after(const Clock& clock, const Config& config);

// True when `goal` is active and needs a check-in on `today` itself: a daily or weekdays
// goal's required day (not a rest day, weekend or pause), an N/week goal whose week is still
// short and can be kept (today not a rest day), an N/D goal whose window is lost without today.
bool requires_checkin(const State& state, int goal, Day today, const Config& config);

// True when some goal requires a check-in on `today` (requires_checkin): the only days on
// which the global check-in streak is worth a reminder or a nudge.
bool checkin_day(const State& state, Day today, const Config& config);

// Everything that needs attention at `clock`, most urgent kind first (see ReminderKind):
// streaks at risk (only past remind_after), targets at risk, due and overdue tasks (of any
// goal), a sprint ending today or ended unclosed; empty when nothing does.
// `tasks` are those of task_facts(state).
std::vector<Reminder> reminders(const State& state, const std::vector<TaskFacts>& tasks,
                                const Clock& clock, const Config& config);

// The same, of the tasks `state` holds (all of a State read whole).
std::vector<Reminder> reminders(const State& state, const Clock& clock, const Config& config);

}  // namespace momentum
