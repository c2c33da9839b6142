#pragma once
// A journal written at random as a user would, for tests that compare two ways of reading it.

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "momentum/event.hpp"
#include "momentum/streak.hpp"

namespace momentum::test {

using namespace std::chrono;

// Checks that two ways of reading a journal gave the same streak.
inline void check_same(const Streak& a, const Streak& b) {
  CHECK(a.length == b.length);
  CHECK(a.unit == b.unit);
  CHECK(a.first == b.first);
  CHECK(a.last == b.last);
  CHECK(a.at_risk == b.at_risk);
}

inline const Day first_day = sys_days{2025y / January / 1};
inline constexpr int journal_days = 400;

// A journal of `journal_days` days written as a user would, at random: goals with every
// cadence, tasks started, finished, dropped and deferred, check-ins (some on tasks, some
// backdated, some removed or moved), rest days for one goal or all, pauses and a sprint.
class RandomJournal {
 public:
  explicit RandomJournal(unsigned seed) : rng_(seed) {
    for (Day day = first_day; day < first_day + days{journal_days}; day += days{1}) write_day(day);
  }
  const State& state() const { return state_; }
  std::vector<Event> events;

  // Applies `op` as written at noon on `day`.
  void add(Day day, Op op) {
    ++count_;
    const Timestamp ts =
        time_point_cast<milliseconds>(sys_time<seconds>(day) + hours{12}) + milliseconds{count_};
    Event event{{fmt::format("e{:06}", count_), ts, minutes{60}}, std::move(op)};
    apply(state_, event);
    events.push_back(std::move(event));
  }
  std::string last_id() const { return events.back().stamp.id; }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool chance(int percent) { return pick(100) < percent; }

  void write_day(Day day) {
    if (goals_.size() < 5 && (goals_.empty() || chance(2))) {
      GoalAdd g;
      g.title = fmt::format("Goal {}", goals_.size() + 1);
      g.day = day;
      const Cadence::Type types[] = {Cadence::Type::daily, Cadence::Type::weekdays,
                                     Cadence::Type::per_week, Cadence::Type::rolling,
                                     Cadence::Type::none};
      g.cadence = Cadence{types[goals_.size() % 5], 3, 7};
      add(day, std::move(g));
      goals_.push_back(last_id());
    }
    if (chance(3) && !goals_.empty()) {
      const std::string& goal =
          goals_[static_cast<std::size_t>(pick(static_cast<int>(goals_.size())))];
      add(day, GoalSetStatus{goal, GoalStatus::paused, day + days{1 + pick(10)}, day});
    }
    for (int i = pick(3) + (tasks_.empty() ? 1 : 0); i > 0; --i) {
      TaskAdd t;
      t.title = fmt::format("Task {}", tasks_.size() + 1);
      t.day = day;
      t.goal = std::optional<Uuid>(
          goals_[static_cast<std::size_t>(pick(static_cast<int>(goals_.size())))]);
      if (chance(50)) t.due = std::optional<Day>(day + days{pick(30)});
      add(day, std::move(t));
      tasks_.push_back(last_id());
    }
    if (chance(30)) add(day, TaskSetStatus{random_of(tasks_), TaskStatus::done, day});
    if (chance(5)) add(day, TaskSetStatus{random_of(tasks_), TaskStatus::dropped, day});
    if (chance(5))
      add(day, TaskDefer{random_of(tasks_), std::nullopt, day + days{7}, "later", day});
    for (int i = pick(4); i > 0; --i) {
      LogAdd l;
      l.day = chance(10) ? day - days{pick(20)} : day;
      l.minutes = std::optional<int>(5 * (1 + pick(24)));
      if (!goals_.empty() && chance(85)) {
        l.goal = std::optional<Uuid>(
            goals_[static_cast<std::size_t>(pick(static_cast<int>(goals_.size())))]);
      }
      if (chance(40)) l.task = std::optional<Uuid>(random_of(tasks_));
      add(day, std::move(l));
      logs_.push_back(last_id());
    }
    // The first check-ins stay as they were, for tests that edit them.
    if (chance(5) && logs_.size() > 10) add(day, LogRemove{random_of(logs_, 10)});
    if (chance(5) && logs_.size() > 10) {
      LogEdit e;
      e.log = random_of(logs_, 10);
      e.day = day - days{pick(3)};
      add(day, std::move(e));
    }
    if (chance(4)) {
      SkipAdd k{day + days{pick(5)}, std::nullopt, std::nullopt};
      if (chance(50) && !goals_.empty()) k.goal = random_of(goals_);
      add(day, std::move(k));
    }
    if (day == first_day + days{300}) {
      add(day,
          SprintStart{
              "Sprint", goals_.front(), day, day + days{13}, {tasks_.front(), tasks_.back()}, day});
    }
  }
  // One of `ids` from the `from`th on.
  const std::string& random_of(const std::vector<std::string>& ids, std::size_t from = 0) {
    return ids[from + static_cast<std::size_t>(pick(static_cast<int>(ids.size() - from)))];
  }

  std::mt19937 rng_;
  State state_;
  int count_ = 0;
  std::vector<std::string> goals_, tasks_, logs_;
};

}  // namespace momentum::test
