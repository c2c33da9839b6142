#pragma once
// Test helpers for the habit math: literal-date day lists and a one-goal journal built
// directly as a State.

#include <chrono>
#include <cmath>
#include <optional>
#include <vector>

#include "momentum/state.hpp"
#include "momentum/streak.hpp"

namespace momentum::test::habits {

using namespace std::chrono;

inline constexpr std::chrono::days one_day{1};

inline Cadence cadence_of(Cadence::Type type, int n = 1, int d = 7) {
  Cadence c;
  c.type = type;
  c.n = n;
  c.d = d;
  return c;
}
inline const Cadence daily = cadence_of(Cadence::Type::daily);
inline const Cadence weekdays = cadence_of(Cadence::Type::weekdays);
inline const Cadence no_cadence = cadence_of(Cadence::Type::none);
inline Cadence per_week(int n) { return cadence_of(Cadence::Type::per_week, n); }
inline Cadence rolling(int n, int d) { return cadence_of(Cadence::Type::rolling, n, d); }

inline Config weeks_from(weekday start) {
  Config config;
  config.week_start = start;
  return config;
}
inline const Config config = weeks_from(Monday);

inline std::vector<Day> every_day(Day from, Day to) {
  std::vector<Day> out;
  for (Day d = from; d <= to; d += one_day) out.push_back(d);
  return out;
}

inline std::vector<Day> weekdays_between(Day from, Day to) {
  std::vector<Day> out;
  for (Day d = from; d <= to; d += one_day) {
    if (weekday{d}.iso_encoding() <= 5) out.push_back(d);
  }
  return out;
}

// Days `offsets` (0 = the week's first day) of `weeks` weeks from `first`.
inline std::vector<Day> each_week(Day first, int weeks, std::vector<int> offsets) {
  std::vector<Day> out;
  for (int w = 0; w < weeks; ++w) {
    for (int o : offsets) out.push_back(first + (7 * w + o) * one_day);
  }
  return out;
}

// A journal with one goal (index 0), built directly as a State.
struct Journal {
  State state;

  Journal(Cadence cadence, Day created) {
    Goal goal;
    goal.num = 1;
    goal.title = "habit";
    goal.cadences = {{created, cadence}};
    goal.created_day = created;
    state.goals.push_back(goal);
  }
  Journal& log(const std::vector<Day>& days, std::optional<int> goal = 0) {
    for (Day day : days) {
      LogEntry entry;
      entry.num = static_cast<int>(state.logs.size()) + 1;
      entry.day = day;
      entry.goal = goal;
      state.logs.push_back(entry);
    }
    return *this;
  }
  Journal& log(Day day) { return log(std::vector<Day>{day}); }
  Journal& skip(const std::vector<Day>& days, std::optional<int> goal = 0) {
    for (Day day : days) {
      Skip skip;
      skip.num = static_cast<int>(state.skips.size()) + 1;
      skip.day = day;
      skip.goal = goal;
      state.skips.push_back(skip);
    }
    return *this;
  }
  Journal& skip(Day day) { return skip(std::vector<Day>{day}); }
  Journal& pause(Day from, std::optional<Day> until) {
    state.goals[0].pauses.push_back({from, until});
    if (!until) state.goals[0].status = GoalStatus::paused;
    return *this;
  }
  Journal& edit(Day from, Cadence cadence) {
    state.goals[0].cadences.push_back({from, cadence});
    return *this;
  }
  Journal& end(GoalStatus status, Day day) {
    state.goals[0].status = status;
    state.goals[0].ended = day;
    return *this;
  }
  GoalDays days() const { return goal_days(state, 0); }
};

inline const double daily_m = std::pow(0.5, 1.0 / 13.0);

}  // namespace momentum::test::habits
