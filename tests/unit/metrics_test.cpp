// The procrastination metrics, on a month written through the commands API and counted by
// hand; the numbers are the worked examples of docs/procrastination.md.
#include "momentum/metrics.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "builders.hpp"

using namespace momentum;
using namespace momentum::test;
using Catch::Detail::Approx;

namespace {

constexpr Day feb_20 = 2026y / February / 20;
constexpr Day mar_1 = 2026y / March / 1;
constexpr Day mar_28 = 2026y / March / 28;

TaskFields task_fields(int importance, std::optional<Day> due = std::nullopt,
                       std::optional<int> goal = std::nullopt) {
  TaskFields f;
  f.importance = importance;
  if (due) f.due = std::optional<Day>(*due);
  if (goal) f.goal = std::optional<int>(*goal);
  return f;
}

LogFields check_in(int minutes, Kind kind, std::optional<int> goal, std::optional<int> resistance) {
  LogFields f;
  f.minutes = std::optional<int>(minutes);
  f.kind = kind;
  f.goal = goal ? std::optional<int>(*goal) : std::optional<int>();  // none: not the only goal
  if (resistance) f.resistance = std::optional<int>(*resistance);
  return f;
}

void defer(Book& b, int task, Day to) {
  b.write(defer_task(b.state, task, to, "", b.stamp(), b.today));
}

// The month of docs/procrastination.md "The worked example": tasks 1–5 (indexes 0–4).
Book worked_month() {
  Book b(feb_20);
  const int g = b.goal("Become an ML engineer");
  b.task("Titanic", task_fields(5, 2026y / March / 5, g));            // 0
  b.task("Tidy the notes", task_fields(1));                           // 1
  b.task("Write the blog post", task_fields(3, 2026y / March / 10));  // 2
  b.today = 2026y / March / 2;
  b.task_action(1, TaskAction::start);
  b.log(check_in(60, Kind::learn, g, 4));
  b.today = 2026y / March / 4;
  b.task("Read the pandas docs", task_fields(3, 2026y / March / 6, g));  // 3
  b.today = 2026y / March / 6;
  b.task_action(0, TaskAction::start);
  b.task_action(0, TaskAction::done);
  b.task_action(3, TaskAction::done);
  b.log(check_in(30, Kind::do_, g, 2));
  b.today = 2026y / March / 8;
  defer(b, 2, 2026y / March / 15);
  b.today = 2026y / March / 9;
  defer(b, 2, 2026y / March / 20);
  b.today = 2026y / March / 10;
  defer(b, 2, 2026y / March / 25);
  b.task("Kaggle intro", task_fields(2));  // 4
  b.today = 2026y / March / 12;
  b.task_action(1, TaskAction::done);
  b.today = 2026y / March / 20;
  b.log(check_in(30, Kind::learn, std::nullopt, std::nullopt));
  return b;
}

}  // namespace

TEST_CASE("the default window is the 28 days ending today", "[metrics]") {
  const Window w = default_window(mar_28);
  CHECK(w.first == mar_1);
  CHECK(w.last == mar_28);
  CHECK_FALSE(w.goal);
}

TEST_CASE("median takes the middle value, or the mean of the middle two", "[metrics]") {
  CHECK_FALSE(median({}));
  CHECK(*median({14, 2, 10}) == 10);
  CHECK(*median({14, 2}) == 8);
}

TEST_CASE("each metric of the worked month, counted by hand", "[metrics]") {
  const Book b = worked_month();
  const Metrics m = compute_metrics(b.state, default_window(mar_28), mar_28, Config{});

  // Started in March: #2 after 10 days, #1 after 14, #4 (done unstarted) after 2.
  CHECK(m.start_delay.tasks == 3);
  CHECK(*m.start_delay.median == 10);
  CHECK(*m.start_delay.important == 14);
  CHECK(*m.start_delay.unimportant == 10);
  CHECK(*m.start_delay.difference == 4);

  CHECK(m.deferrals == 3);
  CHECK(m.live_tasks == 5);
  CHECK(m.deferred_tasks == 1);
  CHECK(m.chronic == std::vector<int>{2});

  CHECK(m.due_done == 2);  // #1 a day late, #4 on its due day
  CHECK(m.on_time == 1);
  CHECK(*m.on_time_rate == 0.5);

  CHECK(m.open_tasks == 2);
  CHECK(m.overdue == std::vector<int>{2});     // due Mar 25
  CHECK(m.stale == std::vector<int>({2, 4}));  // untouched since Mar 10: 18 days

  CHECK(m.created == 2);    // #4 and #5; #1–#3 came before the window
  CHECK(m.completed == 3);  // #1, #2, #4
  CHECK(*m.follow_through == 1.5);

  CHECK(m.learn_minutes == 90);
  CHECK(m.do_minutes == 30);
  CHECK(*m.learn_share == 0.75);
  CHECK(m.comfort_zone);

  CHECK(m.counted_days == 28);
  CHECK(m.gap_days == 25);     // check-ins on Mar 2, 6 and 20
  CHECK(m.longest_gap == 13);  // Mar 7–19
  CHECK(*m.gap_share == Approx(25.0 / 28));

  CHECK(m.resistance_reports == 2);
  CHECK(*m.resistance == 3);
}

TEST_CASE("the index weighs every component of the worked month", "[metrics]") {
  const Metrics m = compute_metrics(worked_month().state, default_window(mar_28), mar_28, Config{});
  REQUIRE(m.components.size() == 8);
  const std::vector<double> expected{10.0 / 14, 0.2, 0.5, 0.5, 1.0, 0.0, 25.0 / 28, 0.5};
  double weights = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO(m.components[i].name);
    CHECK(*m.components[i].value == Approx(expected[i]));
    weights += m.components[i].weight;
  }
  CHECK(weights == 100);
  CHECK(*m.index == Approx(50.142857).epsilon(1e-6));
}

TEST_CASE("a goal filter keeps only its tasks and check-ins", "[metrics]") {
  Window w = default_window(mar_28);
  w.goal = 0;
  const Metrics m = compute_metrics(worked_month().state, w, mar_28, Config{});
  CHECK(m.start_delay.tasks == 2);
  CHECK(*m.start_delay.median == 8);
  CHECK_FALSE(m.start_delay.unimportant);
  CHECK_FALSE(m.start_delay.difference);
  CHECK(m.deferrals == 0);
  CHECK(*m.learn_share == Approx(2.0 / 3));
  CHECK(m.gap_days == 26);
  CHECK(m.open_tasks == 0);
  CHECK(*m.follow_through == 2);  // #1 and #4 done; only #4 created in March
}

TEST_CASE("an empty journal leaves every ratio and the index n/a", "[metrics]") {
  const Metrics m = compute_metrics(State{}, default_window(mar_28), mar_28, Config{});
  CHECK_FALSE(m.start_delay.median);
  CHECK_FALSE(m.on_time_rate);
  CHECK_FALSE(m.follow_through);
  CHECK_FALSE(m.learn_share);
  CHECK_FALSE(m.gap_share);
  CHECK_FALSE(m.resistance);
  CHECK(m.counted_days == 0);
  CHECK_FALSE(m.comfort_zone);
  for (const Component& c : m.components) CHECK_FALSE(c.value);
  CHECK_FALSE(m.index);
}

TEST_CASE("no due dates, no minutes and days before the journal leave their metrics n/a",
          "[metrics]") {
  Book b(2026y / March / 20);
  b.task("No due day", task_fields(3));
  b.log(LogFields{});  // a check-in without a duration
  const Metrics m = compute_metrics(b.state, default_window(mar_28), mar_28, Config{});
  CHECK(m.due_done == 0);
  CHECK_FALSE(m.on_time_rate);
  CHECK(m.learn_minutes + m.do_minutes == 0);
  CHECK_FALSE(m.learn_share);
  CHECK_FALSE(m.comfort_zone);
  CHECK(m.counted_days == 9);  // Mar 20–28: Mar 1–19 came before the journal
  CHECK(m.gap_days == 8);
  CHECK(m.longest_gap == 8);
  CHECK(*m.follow_through == 0);
  CHECK_FALSE(m.resistance);
  CHECK(m.index);
  CHECK_FALSE(std::isnan(*m.index));
}

TEST_CASE("the index renormalizes the weights of the components it has", "[metrics]") {
  const std::vector<Component> parts{{"a", 15, 1.0}, {"b", 10, std::nullopt}, {"c", 5, 0.0}};
  CHECK(*procrastination_index(parts) == Approx(75));
  CHECK_FALSE(procrastination_index({{"a", 15, std::nullopt}}));
}

TEST_CASE("days after today are not gaps, and a rest day is not a gap", "[metrics]") {
  Book b(2026y / March / 1);
  b.log(LogFields{});
  b.write(add_skip(b.state, 2026y / March / 2, std::nullopt, "", b.stamp()));
  const Window w{2026y / March / 1, 2026y / March / 31, std::nullopt};
  const Metrics m = compute_metrics(b.state, w, 2026y / March / 4, Config{});
  CHECK(m.counted_days == 4);
  CHECK(m.gap_days == 2);
  CHECK(m.longest_gap == 2);
}
