#include "momentum/recent.hpp"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <set>

#include "momentum/metrics.hpp"
#include "momentum/next.hpp"
#include "momentum/nudge.hpp"
#include "momentum/overview.hpp"
#include "momentum/remind.hpp"
#include "momentum/snapshot.hpp"
#include "momentum/sprint.hpp"
#include "momentum/streak.hpp"
#include "momentum/views.hpp"
#include "random_journal.hpp"

using namespace momentum;
using namespace momentum::test;

namespace {

TaskPart task_part(std::vector<int> nums, bool named = false,
                   std::function<std::optional<int>(const State&)> goal = {}) {
  TaskPart part;
  part.nums = std::move(nums);
  part.named = named;
  part.goal = std::move(goal);
  return part;
}

void same_days(const GoalDays& a, const GoalDays& b) {
  CHECK(a.logged == b.logged);
  CHECK(a.skipped == b.skipped);
  CHECK(a.first == b.first);
  CHECK(a.end == b.end);
  CHECK(a.pauses.size() == b.pauses.size());
  CHECK(a.cadences.size() == b.cadences.size());
}

// What the daily commands read of `recent` equals what they read of `full` on `today`.
void same_answers(const State& full, const State& recent, Day today, const Config& config = {}) {
  REQUIRE(serves(recent, today));
  CHECK(nothing_tracked(full) == nothing_tracked(recent));
  check_same(checkin_streak(full, today), checkin_streak(recent, today));
  const auto full_days = all_goal_days(full);
  const auto recent_days_ = all_goal_days(recent);
  REQUIRE(full_days.size() == recent_days_.size());
  for (std::size_t g = 0; g < full_days.size(); ++g) {
    const GoalView fv = goal_view(full, static_cast<int>(g), today);
    const GoalView rv = goal_view(recent, static_cast<int>(g), today);
    CHECK(fv.tasks_open == rv.tasks_open);
    CHECK(fv.tasks_done == rv.tasks_done);
    const GoalCheckins fc = goal_checkins(full, static_cast<int>(g), today);
    const GoalCheckins rc = goal_checkins(recent, static_cast<int>(g), today);
    CHECK(fc.all == rc.all);
    CHECK(fc.last_30 == rc.last_30);
    same_days(full_days[g], recent_days_[g]);
    same_days(goal_days(full, static_cast<int>(g)), goal_days(recent, static_cast<int>(g)));
    const GoalSummary a = summarize(full, static_cast<int>(g), today, config);
    const GoalSummary b = summarize(recent, static_cast<int>(g), today, config);
    check_same(a.current, b.current);
    check_same(a.longest, b.longest);
    CHECK(a.strength == b.strength);
    CHECK(a.completion_30 == b.completion_30);
    CHECK(a.completion_90 == b.completion_90);
    CHECK(a.slack == b.slack);
    CHECK(a.strip == b.strip);
    CHECK(a.needed.kind == b.needed.kind);
    CHECK(a.needed.more == b.needed.more);
    CHECK(a.needed.last == b.needed.last);
    CHECK(a.needed.keepable == b.needed.keepable);
  }
  const auto full_views = task_views(full, today);
  const auto recent_views = task_views(recent, today);
  for (std::size_t i = 0; i < recent.tasks.size(); ++i) {
    const auto at = full.task_ids().find(recent.tasks[i].id);
    REQUIRE(at);
    CHECK(full_views[static_cast<std::size_t>(*at)].minutes_logged ==
          recent_views[i].minutes_logged);
    CHECK(task_view(recent, static_cast<int>(i), today).minutes_logged ==
          recent_views[i].minutes_logged);
  }
  REQUIRE(full.sprints.size() == recent.sprints.size());
  for (std::size_t s = 0; s < full.sprints.size(); ++s) {
    CHECK(sprint_minutes(full, full.sprints[s], today) ==
          sprint_minutes(recent, recent.sprints[s], today));
  }
  // Every open task, and every check-in and rest day of the last week, is there.
  for (const Task& t : full.tasks) {
    if (is_open(t.status)) CHECK(recent.task_ids().contains(t.id));
  }
  const DayOverview a = day_overview(full, today);
  const DayOverview b = day_overview(recent, today);
  CHECK(a.logs.size() == b.logs.size());
  CHECK(a.overdue.size() == b.overdue.size());
  CHECK(a.due_today.size() == b.due_today.size());
  CHECK(a.minutes.total() == b.minutes.total());
  CHECK(a.rest_day == b.rest_day);
}

}  // namespace

TEST_CASE("a recent State answers the daily questions as the full one does", "[recent]") {
  for (const unsigned seed : {1u, 2u, 3u, 4u}) {
    const RandomJournal journal(seed);
    const State& full = journal.state();
    for (const int back : {0, 30, 100, 250}) {
      const Day cutoff = first_day + days{journal_days - 1 - back};
      const State recent = recent_state(full, cutoff);
      INFO("seed " << seed << ", cutoff " << back << " days back");
      CHECK(recent.logs.size() + recent.history->logs == full.logs.size());
      CHECK(recent.skips.size() + recent.history->skips == full.skips.size());
      CHECK(recent.tasks.size() + recent.history->tasks == full.tasks.size());
      CHECK(recent.event_count == full.event_count);
      for (const int after : {recent_margin, recent_margin + 3, 60}) {
        same_answers(full, recent, cutoff + days{after});
      }
    }
  }
}

TEST_CASE("a goal's fold gives way when what it folded changes", "[recent]") {
  const RandomJournal journal(2);
  State full = journal.state();
  const Day cutoff = first_day + days{journal_days - 1};
  State recent = recent_state(full, cutoff);
  const Day today = cutoff + days{recent_margin + 5};
  int folded = 0;
  for (const auto& fold : recent.history->folds) folded += fold.has_value();
  REQUIRE(folded > 0);  // the habit math does resume from folds here
  same_answers(full, recent, today);

  SECTION("a week starting on Sunday: the folds, made for Monday, are not used") {
    Config sunday;
    sunday.week_start = std::chrono::Sunday;
    same_answers(full, recent, today, sunday);
  }
  SECTION("check-ins, rest days and a pause before the folds' end, appended later") {
    int n = 0;
    const auto both = [&](Op op) {
      const Event e{{fmt::format("z{:05}", ++n), full.last_ts + std::chrono::milliseconds{1},
                     std::chrono::minutes{0}},
                    std::move(op)};
      apply(full, e);
      apply(recent, e);
    };
    for (std::size_t g = 0; g < full.goals.size(); ++g) {
      const auto& fold = recent.history->folds[g];
      if (!fold) continue;
      LogAdd l;
      l.day = fold->at - days{3 + static_cast<int>(g)};
      l.goal = std::optional<Uuid>(full.goals[g].id);
      l.minutes = std::optional<int>(20);
      both(std::move(l));
      both(SkipAdd{fold->at - days{10}, full.goals[g].id, std::nullopt});
      same_answers(full, recent, today);
    }
  }
}

TEST_CASE("a recent State leaves out what is old and serves only the days it holds", "[recent]") {
  const RandomJournal journal(7);
  const State& full = journal.state();
  const Day cutoff = first_day + days{journal_days - 30};
  const State recent = recent_state(full, cutoff);
  CHECK(recent.logs.size() < full.logs.size() / 5);
  CHECK(recent.tasks.size() < full.tasks.size());
  for (const LogEntry& l : recent.logs) CHECK(l.day >= cutoff);
  CHECK(serves(full, first_day));
  CHECK(serves(recent, cutoff + days{recent_margin}));
  CHECK_FALSE(serves(recent, cutoff + days{recent_margin - 1}));
  CHECK_FALSE(worth_rebuilding(full, cutoff + days{1000}));
  CHECK_FALSE(worth_rebuilding(recent, cutoff + days{recent_max_days}));
  CHECK(worth_rebuilding(recent, cutoff + days{recent_max_days + 1}));
}

namespace {

std::vector<int> nums_of(const State& state, const std::vector<int>& indexes) {
  std::vector<int> nums;
  for (int i : indexes) nums.push_back(state.task(i).num);
  return nums;
}

// compute_metrics() gives the same on both: numbers, and the tasks its lists name.
void same_metrics(const State& full, const State& recent, const Window& w, Day today) {
  const Metrics a = compute_metrics(full, w, today, Config{});
  const Metrics b = compute_metrics(recent, w, today, Config{});
  CHECK(a.start_delay.tasks == b.start_delay.tasks);
  CHECK(a.start_delay.median == b.start_delay.median);
  CHECK(a.start_delay.difference == b.start_delay.difference);
  CHECK(a.deferrals == b.deferrals);
  CHECK(a.live_tasks == b.live_tasks);
  CHECK(a.deferred_tasks == b.deferred_tasks);
  CHECK(nums_of(full, a.chronic) == nums_of(recent, b.chronic));
  CHECK(a.due_done == b.due_done);
  CHECK(a.on_time == b.on_time);
  CHECK(a.open_tasks == b.open_tasks);
  CHECK(nums_of(full, a.overdue) == nums_of(recent, b.overdue));
  CHECK(nums_of(full, a.stale) == nums_of(recent, b.stale));
  CHECK(a.created == b.created);
  CHECK(a.completed == b.completed);
  CHECK(a.learn_minutes == b.learn_minutes);
  CHECK(a.do_minutes == b.do_minutes);
  CHECK(a.counted_days == b.counted_days);
  CHECK(a.gap_days == b.gap_days);
  CHECK(a.longest_gap == b.longest_gap);
  CHECK(a.resistance_reports == b.resistance_reports);
  CHECK(a.resistance == b.resistance);
  CHECK(a.index == b.index);
}

}  // namespace

TEST_CASE("a recent State gives the metrics of every window it answers as the full one does",
          "[recent][metrics]") {
  int goal_windows = 0;
  for (const unsigned seed : {1u, 2u, 3u, 4u}) {
    const RandomJournal journal(seed);
    const State& full = journal.state();
    for (const int back : {30, 100, 250, 399}) {
      const Day cutoff = first_day + days{journal_days - 1 - back};
      const State recent = recent_state(full, cutoff);
      const Day today = cutoff + days{40};
      for (const int from : {-1, 0, 3, 12}) {
        std::vector<std::optional<int>> goals{std::nullopt};
        for (std::size_t g = 0; g < full.goals.size(); ++g) goals.emplace_back(static_cast<int>(g));
        for (const std::optional<int> goal : goals) {
          const Window w{cutoff + days{from}, cutoff + days{from + 27}, goal};
          INFO("seed " << seed << ", cutoff " << back << " days back, window from cutoff" << from
                       << ", goal " << goal.value_or(-1));
          const bool answered = answers_metrics(recent, w);
          CHECK(answers_metrics(full, w));
          if (from < 0) CHECK_FALSE(answered);
          if (from >= 0 && !goal) CHECK(answered);
          if (!answered) continue;
          if (goal) ++goal_windows;
          same_metrics(full, recent, w, today);
        }
      }
    }
  }
  CHECK(goal_windows > 20);
}

TEST_CASE("a goal's metrics come from the full State when a recent one cannot tell its start",
          "[recent][metrics]") {
  // A goal added lately to an old journal, with one task from long before that the recent
  // State left out (as an import of older tasks gives): the gap days count from that task's
  // creation, which the recent State knows only when the task was done.
  const RandomJournal journal(3);
  State full = journal.state();
  full.skips.clear();  // an all-goals rest day would tell too: it counts for every goal
  full.skip_index = {};
  const Day cutoff = first_day + days{journal_days - 60};
  const Day today = cutoff + days{40};
  Goal goal = full.goals.front();
  goal.id = "f0000000-0000-4000-8000-000000000001";
  goal.num = ++full.goal_nums;
  goal.created_day = cutoff + days{20};
  full.goals.push_back(goal);
  full.goal_index.emplace(goal.id, static_cast<int>(full.goals.size() - 1));
  Task task;
  task.id = "f0000000-0000-4000-8000-000000000002";
  task.num = ++full.task_nums;
  task.title = "Imported";
  task.goal = static_cast<int>(full.goals.size() - 1);
  task.created_day = first_day + days{10};
  task.finished_day = task.last_activity_day = first_day + days{12};
  const Window w{cutoff + days{12}, cutoff + days{39}, task.goal};
  for (const TaskStatus status : {TaskStatus::dropped, TaskStatus::done}) {
    task.status = status;
    State with = full;
    with.tasks.push_back(task);
    with.task_ids().emplace(task.id, static_cast<int>(with.tasks.size() - 1));
    const State recent = recent_state(with, cutoff);
    INFO("the task " << (status == TaskStatus::done ? "done" : "dropped"));
    REQUIRE_FALSE(recent.task_ids().contains(task.id));
    CHECK(compute_metrics(with, w, today, Config{}).counted_days == 28);
    CHECK(answers_metrics(recent, w) == (status == TaskStatus::done));
    if (answers_metrics(recent, w)) same_metrics(with, recent, w, today);
    // Without the goal, any task left out tells that the journal started long before.
    CHECK(answers_metrics(recent, Window{w.first, w.last, std::nullopt}));
  }
}

TEST_CASE("a recent State survives the snapshot codec", "[recent]") {
  const RandomJournal journal(11);
  const State recent = recent_state(journal.state(), first_day + days{journal_days - 40});
  const auto decoded = decode_state(encode_state(recent));
  REQUIRE(decoded);
  CHECK(decoded->history == recent.history);
  CHECK(decoded->logs.size() == recent.logs.size());
  CHECK(decoded->tasks.size() == recent.tasks.size());
  CHECK_FALSE(decode_state(encode_state(journal.state()))->history);
}

TEST_CASE("a recent State read without its tasks holds all else, and the same habits", "[recent]") {
  for (const unsigned seed : {12u, 13u}) {
    const RandomJournal journal(seed);
    const State& full = journal.state();
    const Day cutoff = first_day + days{journal_days - 40};
    const State recent = recent_state(full, cutoff);
    REQUIRE_FALSE(recent.tasks.empty());
    const auto part = decode_state(encode_state(recent), TaskPart{});
    REQUIRE(part);
    REQUIRE(part->history);
    CHECK(part->history->without_tasks);
    CHECK(part->tasks.empty());
    // What names a task is left out with the tasks; all else is the recent State's.
    State expected = recent;
    expected.tasks.clear();
    for (LogEntry& l : expected.logs) l.task.reset();
    for (Sprint& s : expected.sprints) s.planned.clear();
    expected.history->task_minutes.clear();
    expected.history->without_tasks = true;
    CHECK(part->history == expected.history);
    CHECK(encode_state(*part) == encode_state(expected));
    CHECK(part->task_nums == full.task_nums);
    // The habit math is the full State's.
    const Day today = cutoff + days{recent_margin + 2};
    check_same(checkin_streak(full, today), checkin_streak(*part, today));
    for (std::size_t g = 0; g < full.goals.size(); ++g) {
      const GoalSummary a = summarize(full, static_cast<int>(g), today, {});
      const GoalSummary b = summarize(*part, static_cast<int>(g), today, {});
      check_same(a.current, b.current);
      check_same(a.longest, b.longest);
      CHECK(a.strength == b.strength);
      CHECK(a.strip == b.strip);
      CHECK(goal_checkins(full, static_cast<int>(g), today).last_30 ==
            goal_checkins(*part, static_cast<int>(g), today).last_30);
    }
  }
  // A full State is read whole or not at all.
  const RandomJournal journal(12);
  CHECK(decode_state(encode_state(journal.state())));
  CHECK_FALSE(decode_state(encode_state(journal.state()), TaskPart{}));
}

TEST_CASE("a recent State read with some of its tasks holds them as the whole one does",
          "[recent]") {
  const RandomJournal journal(14);
  const Day cutoff = first_day + days{journal_days - 40};
  const State recent = recent_state(journal.state(), cutoff);
  // A task a kept check-in names, an open one and the last one, in no order, twice, and a
  // number the recent State does not hold.
  const auto named = std::find_if(recent.logs.begin(), recent.logs.end(),
                                  [](const LogEntry& l) { return l.task.has_value(); });
  REQUIRE(named != recent.logs.end());
  const int logged = recent.task(*named->task).num;
  const auto open = std::find_if(recent.tasks.begin(), recent.tasks.end(),
                                 [](const Task& t) { return is_open(t.status); });
  REQUIRE(open != recent.tasks.end());
  const int last = recent.tasks.back().num;
  const std::vector<int> nums{last, open->num, logged, logged, recent.task_nums + 5};
  const auto part = decode_state(encode_state(recent), task_part(nums));
  REQUIRE(part);
  CHECK(part->history->without_tasks);
  std::vector<int> expected{logged, open->num, last};
  std::sort(expected.begin(), expected.end());
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
  std::vector<int> got;
  for (const Task& t : part->tasks) got.push_back(t.num);
  CHECK(got == expected);
  const Day today = cutoff + days{recent_margin};
  for (std::size_t i = 0; i < part->tasks.size(); ++i) {
    const int whole = *find_by_num(recent.tasks, part->tasks[i].num);
    State one, other;
    one.tasks = {part->tasks[i]};
    other.tasks = {recent.task(whole)};
    CHECK(encode_state(one) == encode_state(other));
    CHECK(task_view(*part, static_cast<int>(i), today).minutes_logged ==
          task_view(recent, whole, today).minutes_logged);
  }
  // Each check-in names its task still, or none when that task was not read.
  REQUIRE(part->logs.size() == recent.logs.size());
  for (std::size_t i = 0; i < part->logs.size(); ++i) {
    const std::optional<int> was = recent.logs[i].task;
    const std::optional<int> now = part->logs[i].task;
    const bool kept =
        was && std::binary_search(expected.begin(), expected.end(), recent.task(*was).num);
    CHECK(now.has_value() == kept);
    if (now && was) CHECK(part->task(*now).num == recent.task(*was).num);
  }
  CHECK(part->task_ids().size() == part->tasks.size());
}

TEST_CASE("a recent State read with the tasks its check-ins and sprints name keeps every name",
          "[recent]") {
  for (const unsigned seed : {15u, 16u}) {
    const RandomJournal journal(seed);
    const State recent = recent_state(journal.state(), first_day + days{journal_days - 40});
    const int open = std::find_if(recent.tasks.begin(), recent.tasks.end(), [](const Task& t) {
                       return is_open(t.status);
                     })->num;
    const auto part = decode_state(encode_state(recent), task_part({open}, true));
    REQUIRE(part);
    CHECK(part->history->without_tasks);
    std::set<int> named{open};
    for (const LogEntry& l : recent.logs) {
      if (l.task) named.insert(recent.task(*l.task).num);
    }
    for (const Sprint& s : recent.sprints) {
      for (const PlannedTask& p : s.planned) named.insert(recent.task(p.task).num);
    }
    std::set<int> got;
    for (const Task& t : part->tasks) got.insert(t.num);
    CHECK(got == named);
    CHECK(part->tasks.size() < recent.tasks.size());
    REQUIRE(part->logs.size() == recent.logs.size());
    for (std::size_t i = 0; i < part->logs.size(); ++i) {
      REQUIRE(part->logs[i].task.has_value() == recent.logs[i].task.has_value());
      if (part->logs[i].task) {
        CHECK(part->task(*part->logs[i].task).num == recent.task(*recent.logs[i].task).num);
      }
    }
    REQUIRE(part->sprints.size() == recent.sprints.size());
    for (std::size_t s = 0; s < part->sprints.size(); ++s) {
      REQUIRE(part->sprints[s].planned.size() == recent.sprints[s].planned.size());
      for (std::size_t p = 0; p < part->sprints[s].planned.size(); ++p) {
        CHECK(part->task(part->sprints[s].planned[p].task).num ==
              recent.task(recent.sprints[s].planned[p].task).num);
      }
    }
  }
}

TEST_CASE("a recent State read with one goal's tasks holds all of them", "[recent]") {
  const RandomJournal journal(17);
  const State recent = recent_state(journal.state(), first_day + days{journal_days - 40});
  const Day today = first_day + days{journal_days + 1};
  for (std::size_t g = 0; g < recent.goals.size(); ++g) {
    const auto pick = [&](const State& s) {
      CHECK(s.goals.size() == recent.goals.size());  // the goals are read before the tasks
      return std::optional<int>(static_cast<int>(g));
    };
    const auto part = decode_state(encode_state(recent), task_part({}, false, pick));
    REQUIRE(part);
    std::vector<int> want, got;
    for (const Task& t : recent.tasks) {
      if (t.goal == static_cast<int>(g)) want.push_back(t.num);
    }
    for (const Task& t : part->tasks) got.push_back(t.num);
    CHECK(got == want);
    const GoalView a = goal_view(recent, static_cast<int>(g), today);
    const GoalView b = goal_view(*part, static_cast<int>(g), today);
    CHECK(a.tasks_open == b.tasks_open);
    CHECK(a.tasks_done == b.tasks_done);
  }
  // No goal picked: no goal's tasks.
  const auto none =
      decode_state(encode_state(recent),
                   task_part({}, false, [](const State&) { return std::optional<int>(); }));
  REQUIRE(none);
  CHECK(none->tasks.empty());
}

TEST_CASE("a recent State read with the facts of its tasks ranks them as the whole one does",
          "[recent]") {
  for (const unsigned seed : {19u, 20u}) {
    const RandomJournal journal(seed);
    const State recent = recent_state(journal.state(), first_day + days{journal_days - 40});
    const Day today = first_day + days{journal_days + 1};
    const auto first = [&](const State& s, std::size_t count) {
      const std::vector<TaskFacts> facts = task_facts(s);
      const Ranking r = rank_first(s, facts, today, in_sprint_flags(s, facts, today), count);
      std::vector<int> nums;
      for (const Ranked& x : r.first) nums.push_back(facts[static_cast<std::size_t>(x.task)].num);
      return std::pair(nums, r.total);
    };
    std::vector<int> picked;
    TaskPart part;
    part.named = true;
    part.facts = true;
    part.pick = [&](const State& s) {
      CHECK(s.history->without_tasks);
      picked = first(s, 5).first;
      std::vector<int> nums = picked;
      nums.push_back(s.task_nums + 5);                            // no such task
      if (!s.tasks.empty()) nums.push_back(s.tasks.front().num);  // read already
      return nums;
    };
    const auto part_state = decode_state(encode_state(recent), part);
    REQUIRE(part_state);
    const State& p = *part_state;
    CHECK(p.tasks.size() < recent.tasks.size());
    CHECK(p.history->unread.size() + p.tasks.size() == recent.tasks.size());
    CHECK(task_facts(p) == facts_of(recent.tasks));
    REQUIRE(picked.size() == 5);
    CHECK(holds_tasks(p, picked));
    CHECK(first(p, 5) == first(recent, 5));
    for (const int num : picked) {
      State one, other;
      one.tasks = {p.task(*find_by_num(p.tasks, num))};
      other.tasks = {recent.task(*find_by_num(recent.tasks, num))};
      CHECK(encode_state(one) == encode_state(other));
    }
    // The day's lists, the nudge and the reminders, by task number.
    const std::vector<TaskFacts> facts = task_facts(p);
    const auto nums = [&](const std::vector<int>& tasks) {
      std::vector<int> out;
      for (const int t : tasks) out.push_back(facts[static_cast<std::size_t>(t)].num);
      return out;
    };
    const DayOverview a = day_overview(p, facts, today), b = day_overview(recent, today);
    CHECK(nums(a.overdue) == nums(b.overdue));
    CHECK(nums(a.due_today) == nums(b.due_today));
    const Config config;
    const auto nudge_a = pick_nudge(p, facts, today, config, goals_at_risk(p, today, config));
    const auto nudge_b = pick_nudge(recent, today, config);
    REQUIRE(nudge_a.has_value() == nudge_b.has_value());
    if (nudge_a && nudge_a->task) {
      CHECK(facts[static_cast<std::size_t>(*nudge_a->task)].num == recent.task(*nudge_b->task).num);
    }
    const Clock clock{sys_time<seconds>(today) + hours{20}, minutes{0}};
    const auto found_a = reminders(p, facts, clock, config);
    const auto found_b = reminders(recent, clock, config);
    REQUIRE(found_a.size() == found_b.size());
    for (std::size_t i = 0; i < found_a.size(); ++i) {
      CHECK(found_a[i].kind == found_b[i].kind);
      if (found_a[i].task) {
        CHECK(facts[static_cast<std::size_t>(*found_a[i].task)].num ==
              recent.task(*found_b[i].task).num);
      }
    }
  }
}

TEST_CASE("a damaged task table is refused even when no task is read", "[recent]") {
  const RandomJournal journal(18);
  const State recent = recent_state(journal.state(), first_day + days{journal_days - 40});
  REQUIRE(recent.tasks.size() >= 2);
  const std::string bytes = encode_state(recent);
  const auto word = [](std::int64_t w) {
    return std::string(reinterpret_cast<const char*>(&w), sizeof w);
  };
  // The table: the count, the numbers, the goals, the offsets.
  const std::size_t n = recent.tasks.size();
  const std::size_t table = bytes.find(word(static_cast<std::int64_t>(n)) +
                                       word(recent.tasks[0].num) + word(recent.tasks[1].num));
  REQUIRE(table != std::string::npos);
  const auto at = [&](std::size_t column, std::size_t i) {
    return table + 8 + 8 * (column * n + i);
  };
  const auto refused = [&](std::size_t pos, std::int64_t value) {
    std::string damaged = bytes;
    damaged.replace(pos, 8, word(value));
    return !decode_state(damaged, TaskPart{}) && !decode_state(damaged);
  };
  REQUIRE(decode_state(bytes, TaskPart{}));
  CHECK(refused(at(0, 0), recent.tasks[1].num));  // numbers out of order
  CHECK(refused(at(1, 0), -5));                   // no such goal
  CHECK(refused(at(1, 1), static_cast<std::int64_t>(recent.goals.size())));
  CHECK(refused(at(2, 1), 0));            // offsets out of order
  CHECK(refused(at(2, n - 1), 1 << 30));  // past the end
  // A task's facts are checked when it is read, or its facts are: against its record, and in
  // range.
  TaskPart facts;
  facts.facts = true;
  const auto refused_facts = [&](std::size_t pos, std::int64_t value) {
    std::string damaged = bytes;
    damaged.replace(pos, 8, word(value));
    return !decode_state(damaged, facts) && !decode_state(damaged);
  };
  REQUIRE(decode_state(bytes, facts));
  CHECK(refused_facts(at(3, 0), 9));  // no such status
  std::string other = bytes;          // in range, but not the record's: seen when the task is read
  other.replace(at(4, 1), 8, word(recent.tasks[1].importance + 1));
  CHECK_FALSE(decode_state(other));
  CHECK(refused_facts(at(8, n - 1), -1));  // deferred -1 times
}
