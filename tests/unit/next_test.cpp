#include "momentum/next.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "builders.hpp"

using namespace momentum;
using momentum::test::Book;
using namespace std::chrono;

namespace {

const Day march_10 = 2026y / March / 10;

// A todo task created on March 10, importance 3, nothing else.
Task plain_task() {
  Task t;
  t.title = "T";
  t.created_day = march_10;
  return t;
}

Approx near(double value) { return Approx(value).margin(1e-4); }

// A State holding `tasks`, numbered in order.
State state_of(std::vector<Task> tasks) {
  State s;
  for (Task& t : tasks) {
    t.num = static_cast<int>(s.tasks.size()) + 1;
    s.tasks.push_back(std::move(t));
  }
  return s;
}

std::vector<int> order(const std::vector<Ranked>& ranked) {
  std::vector<int> out;
  for (const Ranked& r : ranked) out.push_back(r.task);
  return out;
}

}  // namespace

TEST_CASE("urgency of an importance-3 todo task under a goal, created today, is 4.9", "[next]") {
  Task t = plain_task();
  t.goal = 0;
  const Urgency u = urgency(t, march_10, false);
  CHECK(u.importance == near(3.9));
  CHECK(u.goal == near(1.0));
  CHECK(u.due == 0.0);
  CHECK(u.doing == 0.0);
  CHECK(u.sprint == 0.0);
  CHECK(u.tags == 0.0);
  CHECK(u.age == 0.0);
  CHECK(u.deferrals == 0.0);
  CHECK(u.total() == near(4.9000));
}

TEST_CASE("urgency of an importance-2 todo task due in 14 days, no goal, is 5.25", "[next]") {
  Task t = plain_task();
  t.importance = 2;
  t.due = march_10 + days{14};
  const Urgency u = urgency(t, march_10, false);
  CHECK(u.importance == near(2.85));
  CHECK(u.due == near(2.4));
  CHECK(u.goal == 0.0);
  CHECK(u.total() == near(5.2500));
}

TEST_CASE("urgency of an important started sprint task due today is 35.7644", "[next]") {
  Task t = plain_task();
  t.importance = 5;
  t.status = TaskStatus::doing;
  t.due = march_10;
  t.goal = 0;
  t.tags = {"kaggle"};
  t.created_day = march_10 - days{30};
  const Urgency u = urgency(t, march_10, true);
  CHECK(u.importance == near(6.0));
  CHECK(u.due == near(12.0 * (0.2 + 0.8 * 14.0 / 21.0)));  // 8.8
  CHECK(u.due == near(8.8));
  CHECK(u.doing == near(4.0));
  CHECK(u.sprint == near(15.0));
  CHECK(u.goal == near(1.0));
  CHECK(u.tags == near(0.8));
  CHECK(u.age == near(2.0 * 30.0 / 365.0));
  CHECK(u.deferrals == 0.0);
  CHECK(u.total() == near(35.7644));
}

TEST_CASE("importance adds 1.8 plus 1.05 per step above 1", "[next]") {
  Task t = plain_task();
  const double expected[] = {1.8, 2.85, 3.9, 4.95, 6.0};
  for (int i = 1; i <= 5; ++i) {
    t.importance = i;
    CHECK(urgency(t, march_10, false).importance == near(expected[i - 1]));
  }
}

TEST_CASE("the due ramp runs from 0.2 at 14+ days ahead to 1.0 at 7+ days overdue", "[next]") {
  Task t = plain_task();
  const auto due_in = [&](int n) {
    t.due = march_10 + days{n};
    return urgency(t, march_10, false).due;
  };
  CHECK(due_in(400) == near(2.4));
  CHECK(due_in(15) == near(2.4));
  CHECK(due_in(14) == near(2.4));
  CHECK(due_in(13) == near(12.0 * (0.2 + 0.8 / 21.0)));
  CHECK(due_in(0) == near(8.8));
  CHECK(due_in(-6) == near(12.0 * (0.2 + 0.8 * 20.0 / 21.0)));
  CHECK(due_in(-7) == near(12.0));
  CHECK(due_in(-8) == near(12.0));
  CHECK(due_in(-400) == near(12.0));
  // Monotone: the nearer (or later) the due day, the more urgent.
  for (int n = 20; n > -10; --n) CHECK(due_in(n - 1) >= due_in(n));
  t.due.reset();
  CHECK(urgency(t, march_10, false).due == 0.0);
}

TEST_CASE("tags add 0.8, 0.9 and 1.0 for 1, 2 and 3 or more", "[next]") {
  Task t = plain_task();
  const double expected[] = {0.0, 0.8, 0.9, 1.0, 1.0};
  for (std::size_t n = 0; n < 5; ++n) {
    t.tags.assign(n, "tag");
    CHECK(urgency(t, march_10, false).tags == near(expected[n]));
  }
}

TEST_CASE("age adds up to 2.0 over a year", "[next]") {
  Task t = plain_task();
  const auto aged = [&](int n) {
    t.created_day = march_10 - days{n};
    return urgency(t, march_10, false).age;
  };
  CHECK(aged(0) == 0.0);
  CHECK(aged(73) == near(0.4));
  CHECK(aged(365) == near(2.0));
  CHECK(aged(1000) == near(2.0));
  CHECK(aged(-3) == 0.0);  // created "after" today (clock skew): no negative age
}

TEST_CASE("deferrals add 1.0 each, at most 3", "[next]") {
  Task t = plain_task();
  const double expected[] = {0, 1, 2, 3, 3, 3};
  for (std::size_t n = 0; n < 6; ++n) {
    t.deferrals.assign(n, Deferral{});
    CHECK(urgency(t, march_10, false).deferrals == near(expected[n]));
  }
}

TEST_CASE("doing and the active sprint add 4.0 and 15.0", "[next]") {
  Task t = plain_task();
  CHECK(urgency(t, march_10, true).sprint == near(15.0));
  CHECK(urgency(t, march_10, false).sprint == 0.0);
  t.status = TaskStatus::doing;
  CHECK(urgency(t, march_10, false).doing == near(4.0));
}

TEST_CASE("rank_tasks puts the most urgent open task first", "[next]") {
  Task low = plain_task();
  low.importance = 1;
  Task high = plain_task();
  high.importance = 5;
  Task overdue = plain_task();
  overdue.due = march_10 - days{10};
  const State s = state_of({low, high, overdue});
  const auto ranked = rank_tasks(s, march_10);
  CHECK(order(ranked) == std::vector<int>{2, 1, 0});
  REQUIRE(ranked.size() == 3);
  CHECK(ranked[0].urgency.total() == near(3.9 + 12.0));
}

TEST_CASE("rank_tasks leaves out done and dropped tasks", "[next]") {
  Task done = plain_task();
  done.status = TaskStatus::done;
  done.importance = 5;
  Task dropped = plain_task();
  dropped.status = TaskStatus::dropped;
  dropped.importance = 5;
  Task doing = plain_task();
  doing.status = TaskStatus::doing;
  const State s = state_of({done, plain_task(), dropped, doing});
  CHECK(order(rank_tasks(s, march_10)) == std::vector<int>{3, 1});
  CHECK(rank_tasks(State{}, march_10).empty());
}

TEST_CASE("rank_tasks counts the sprint for the tasks planned in it", "[next]") {
  const State s = state_of({plain_task(), plain_task(), plain_task()});
  CHECK(order(rank_tasks(s, march_10, {false, false, true})) == std::vector<int>{2, 0, 1});
  // A shorter in_sprint vector leaves the rest out of the sprint.
  CHECK(order(rank_tasks(s, march_10, {false, true})) == std::vector<int>{1, 0, 2});
  CHECK(rank_tasks(s, march_10, {false, true})[0].urgency.sprint == near(15.0));
}

TEST_CASE("rank_tasks breaks ties by the smaller estimate, then the older task", "[next]") {
  Task none = plain_task();
  Task long_one = plain_task();
  long_one.estimate = 120;
  Task short_one = plain_task();
  short_one.estimate = 15;
  Task short_too = plain_task();
  short_too.estimate = 15;
  const State s = state_of({none, long_one, short_one, short_too, plain_task()});
  CHECK(order(rank_tasks(s, march_10)) == std::vector<int>{2, 3, 1, 0, 4});
}

TEST_CASE("tasks of paused, achieved or dropped goals are not ranked", "[next]") {
  Book b(2026y / March / 10);
  const int active = b.goal("Active");
  const int paused = b.goal("Paused");
  TaskFields on_active;
  on_active.goal = std::optional<int>(active);
  TaskFields on_paused;
  on_paused.goal = std::optional<int>(paused);
  b.task("kept", on_active);
  b.task("waits", on_paused);
  b.task("no goal");
  b.goal_action(paused, GoalAction::pause, 2026y / March / 20);
  std::vector<int> ranked;
  for (const Ranked& r : rank_tasks(b.state, b.today)) ranked.push_back(r.task);
  CHECK(ranked == std::vector<int>{0, 2});
  b.today = 2026y / March / 20;  // the pause has run out
  CHECK(rank_tasks(b.state, b.today).size() == 3);
}

TEST_CASE("open tasks rank by urgency, then the smaller estimate, then age, among many ties",
          "[next]") {
  std::mt19937 rng(42);
  const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  State state;
  for (int i = 0; i < 3000; ++i) {
    Task t = plain_task();
    t.num = i + 1;
    t.importance = 1 + pick(5);
    if (pick(2) == 0) t.due = march_10 + days{pick(40) - 20};
    if (pick(3) == 0) t.estimate = 15 * pick(4);
    t.status = pick(6) == 0   ? TaskStatus::doing
               : pick(6) == 0 ? TaskStatus::done
                              : TaskStatus::todo;
    t.tags.resize(static_cast<std::size_t>(pick(4)));
    t.created_day = march_10 - days{pick(3) * 200};
    t.deferrals.resize(static_cast<std::size_t>(pick(2)));
    state.tasks.push_back(t);
  }
  std::vector<bool> in_sprint(state.tasks.size());
  for (std::size_t i = 0; i < in_sprint.size(); i += 7) in_sprint[i] = true;
  const std::vector<Ranked> ranked = rank_tasks(state, march_10, in_sprint);
  std::size_t open = 0;
  for (const Task& t : state.tasks) open += is_open(t.status) ? 1u : 0u;
  REQUIRE(ranked.size() == open);
  std::size_t ties = 0;
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const Ranked& r = ranked[i];
    const Task& t = state.task(r.task);
    CHECK(is_open(t.status));
    CHECK(r.urgency.total() ==
          urgency(t, march_10, in_sprint[static_cast<std::size_t>(r.task)]).total());
    if (i == 0) continue;
    const Ranked& before = ranked[i - 1];
    const double a = before.urgency.total(), b = r.urgency.total();
    const int ea = state.task(before.task).estimate.value_or(1 << 30);
    const int eb = t.estimate.value_or(1 << 30);
    ties += a == b && ea == eb ? 1u : 0u;
    CHECK((a > b || (a == b && (ea < eb || (ea == eb && before.task < r.task)))));
  }
  CHECK(ties > 100);  // the task order decides often
}

TEST_CASE(
    "the first of a ranking are those of the whole ranking, and so are the most urgent "
    "of a list",
    "[next]") {
  std::mt19937 rng(7);
  const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  State state;
  Goal paused;
  paused.status = GoalStatus::paused;
  state.goals = {Goal{}, paused};
  for (int i = 0; i < 2000; ++i) {
    Task t = plain_task();
    t.num = 2 * i + 1;  // numbers may skip
    t.importance = 1 + pick(5);
    if (pick(2) == 0) t.due = march_10 + days{pick(40) - 30};
    if (pick(3) == 0) t.estimate = 15 * pick(4);
    if (pick(4) == 0) t.goal = pick(2);
    t.status = pick(8) == 0 ? TaskStatus::done : TaskStatus::todo;
    t.created_day = march_10 - days{pick(3) * 200};
    state.tasks.push_back(t);
  }
  const std::vector<TaskFacts> facts = facts_of(state.tasks);
  std::vector<bool> in_sprint(facts.size());
  for (std::size_t i = 0; i < in_sprint.size(); i += 11) in_sprint[i] = true;
  const std::vector<Ranked> all = rank_tasks(state, facts, march_10, in_sprint);
  // The order `today` and `remind` show a list in, as it was written before the first few were
  // picked alone: by place in the whole ranking, the unranked by due day, else in task order.
  std::vector<std::size_t> place(facts.size(), all.size());
  for (std::size_t i = 0; i < all.size(); ++i) place[static_cast<std::size_t>(all[i].task)] = i;
  std::vector<int> due;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (is_open(facts[i].status) && facts[i].due && *facts[i].due <= march_10) {
      due.push_back(static_cast<int>(i));
    }
  }
  std::vector<int> expected = due;
  std::stable_sort(expected.begin(), expected.end(), [&](int a, int b) {
    const std::size_t pa = place[static_cast<std::size_t>(a)],
                      pb = place[static_cast<std::size_t>(b)];
    return pa != pb
               ? pa < pb
               : *facts[static_cast<std::size_t>(a)].due < *facts[static_cast<std::size_t>(b)].due;
  });
  REQUIRE(std::count(place.begin(), place.end(), all.size()) > 100);  // some wait with goal 2
  for (const std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{3}, std::size_t{10},
                                  all.size(), all.size() + 5}) {
    const Ranking first = rank_first(state, facts, march_10, in_sprint, count);
    CHECK(first.total == all.size());
    REQUIRE(first.first.size() == std::min(count, all.size()));
    for (std::size_t i = 0; i < first.first.size(); ++i) {
      CHECK(first.first[i].task == all[i].task);
      CHECK(first.first[i].urgency.total() == all[i].urgency.total());
    }
    const std::vector<int> shown = most_urgent_first(state, facts, march_10, in_sprint, due, count);
    const std::vector<int> want(
        expected.begin(),
        expected.begin() + static_cast<std::ptrdiff_t>(std::min(count, expected.size())));
    CHECK(shown == want);
  }
}
