// What `remind` reports: streaks and targets that need a check-in today (in the evening),
// due and overdue tasks and the sprint's end (at any hour).

#include "momentum/remind.hpp"

#include <algorithm>

#include "momentum/sprint.hpp"
#include "period.hpp"

namespace momentum {
namespace {

// A daily or weekdays goal's streak breaks tonight without a check-in; an N/week or N/D
// target is lost when its slack is 0 (a check-in on every day left, today's included, is
// needed). Paused and finished goals, and goals without a cadence, get no habit math.
std::optional<Reminder> goal_reminder(const Goal& g, int goal, const GoalDays& days, Day today,
                                      const Config& config) {
  if (effective_status(g, today) != GoalStatus::active) return std::nullopt;
  const Cadence::Type type = cadence_on(g, today).type;
  if (type == Cadence::Type::none) return std::nullopt;
  Reminder r;
  r.goal = goal;
  if (type == Cadence::Type::daily || type == Cadence::Type::weekdays) {
    const std::optional<Streak> at_risk = streak_at_risk(g, days, today, config);
    if (!at_risk) return std::nullopt;
    r.kind = ReminderKind::streak_at_risk;
    r.streak = *at_risk;
    return r;
  }
  if (slack(days, today, config) != 0) return std::nullopt;
  r.kind = ReminderKind::target_at_risk;
  r.streak = current_streak(days, today, config);
  r.needed = still_needed(days, today, config);
  return r;
}

}  // namespace

namespace {

bool requires_checkin(const Goal& g, const GoalDays& days, Day today, const Config& config) {
  if (effective_status(g, today) != GoalStatus::active) return false;
  const Needed needed = still_needed(days, today, config);
  switch (needed.kind) {
    case PeriodKind::day:
    case PeriodKind::weekday:
      return needed.last == today && needed.more > 0;  // not a rest day, weekend or pause
    case PeriodKind::week:
      return needed.more > 0 && needed.keepable && !detail::has(days.skipped, today);
    case PeriodKind::window:
      return slack(days, today, config) == 0;
    case PeriodKind::none:
      return false;
  }
  return false;
}

bool checkin_day(const State& state, const std::vector<GoalDays>& days, Day today,
                 const Config& config) {
  for (std::size_t i = 0; i < state.goals.size(); ++i) {
    if (requires_checkin(state.goals[i], days[i], today, config)) return true;
  }
  return false;
}

}  // namespace

bool requires_checkin(const State& state, int goal, Day today, const Config& config) {
  const Goal& g = state.goals[static_cast<std::size_t>(goal)];
  if (effective_status(g, today) != GoalStatus::active) return false;
  return requires_checkin(g, goal_days(state, goal), today, config);
}

bool checkin_day(const State& state, Day today, const Config& config) {
  return checkin_day(state, all_goal_days(state), today, config);
}

namespace {

// The goals' reminders in goal order, then the check-in streak's: only on a day that some
// active goal requires, so a weekdays-only user hears nothing about it on a Saturday.
void habit_reminders(const State& state, Day today, const Config& config,
                     std::vector<Reminder>& out) {
  const std::vector<GoalDays> days = all_goal_days(state);
  for (std::size_t i = 0; i < state.goals.size(); ++i) {
    if (auto r = goal_reminder(state.goals[i], static_cast<int>(i), days[i], today, config)) {
      out.push_back(*r);
    }
  }
  const Streak checkin = checkin_streak(state, today);
  if (checkin.at_risk && checkin_day(state, days, today, config)) {
    out.push_back(Reminder{ReminderKind::checkin_streak, {}, {}, {}, checkin, {}, 0});
  }
}

// Open tasks due on or before today, in task order.
void task_reminders(const std::vector<TaskFacts>& tasks, Day today, std::vector<Reminder>& out) {
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const TaskFacts& t = tasks[i];
    if (!is_open(t.status) || !t.due || *t.due > today) continue;
    Reminder r;
    r.kind = *t.due == today ? ReminderKind::task_due : ReminderKind::task_overdue;
    r.task = static_cast<int>(i);
    r.days_late = static_cast<int>((today - *t.due).count());
    out.push_back(r);
  }
}

// The started, unclosed sprint when its last day is today or past.
std::optional<Reminder> sprint_reminder(const State& state, Day today) {
  const std::optional<int> open = open_sprint(state, today);
  if (!open) return std::nullopt;
  const Sprint& s = state.sprints[static_cast<std::size_t>(*open)];
  if (s.end > today) return std::nullopt;
  Reminder r;
  r.kind = s.end == today ? ReminderKind::sprint_ends : ReminderKind::sprint_unclosed;
  r.sprint = *open;
  r.days_late = static_cast<int>((today - s.end).count());
  return r;
}

}  // namespace

bool past_remind_after(const Clock& clock, const Config& config) {
  const Day day = today(clock, config);
  std::chrono::minutes at = config.remind_after;
  if (at < config.day_start) at += std::chrono::hours{24};
  return clock.now + clock.utc_offset - day >= at;
}

std::vector<Reminder> reminders(const State& state, const std::vector<TaskFacts>& tasks,
                                const Clock& clock, const Config& config) {
  const Day day = today(clock, config);
  std::vector<Reminder> out;
  if (past_remind_after(clock, config)) habit_reminders(state, day, config, out);
  task_reminders(tasks, day, out);
  if (auto sprint = sprint_reminder(state, day)) out.push_back(*sprint);
  // By kind; of equal kinds the longest overdue first, else in the order found.
  std::stable_sort(out.begin(), out.end(), [](const Reminder& a, const Reminder& b) {
    return a.kind != b.kind ? a.kind < b.kind : a.days_late > b.days_late;
  });
  return out;
}

std::vector<Reminder> reminders(const State& state, const Clock& clock, const Config& config) {
  return reminders(state, facts_of(state.tasks), clock, config);
}

}  // namespace momentum
