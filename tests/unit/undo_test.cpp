#include "momentum/undo.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "builders.hpp"
#include "momentum/error.hpp"
#include "momentum/recent.hpp"
#include "momentum/resolve.hpp"
#include "momentum/snapshot.hpp"
#include "momentum/sprint.hpp"

using namespace momentum;
using namespace momentum::test;
using namespace std::chrono;

namespace {

const Day march_10 = 2026y / March / 10;

// Undoes the latest change of `b`: appends the undo event and replays, as `momentum undo`
// does. Returns what was reverted.
Undoable undo(Book& b) {
  UndoChange u = undo_latest(b.state, latest_undoable(b.state, b.text, source, 1), b.stamp());
  b.text += to_line(u.change.event);
  b.events.push_back(u.change.event);
  b.state = replay_text(b.text).state;
  return u.reverted;
}

// The state's content, leaving out what only counts events (the count, the latest ts and
// the numbers handed out): two states the user cannot tell apart compare equal.
std::string content(State s) {
  s.event_count = 0;
  s.last_ts = {};
  s.goal_nums = s.task_nums = s.log_nums = s.skip_nums = s.sprint_nums = 0;
  return encode_state(s);
}

LogFields minutes_on(int goal, int minutes) {
  LogFields f;
  f.goal = std::optional<int>(goal);
  f.minutes = std::optional<int>(minutes);
  return f;
}

}  // namespace

TEST_CASE("undo reverts each kind of change, walking back to the empty journal", "[undo]") {
  Book b(march_10);
  std::vector<std::string> before;  // content() before each change
  std::vector<std::string> ops;     // the op of each change
  const auto change = [&](auto&& make) {
    before.push_back(content(b.state));
    make();
    ops.emplace_back(op_of(b.events.back()));
  };
  int g = 0, t = 0, l = 0;
  change([&] { g = b.goal("Become an ML engineer"); });
  change([&] {
    GoalFields f;
    f.why = "a job I love";
    b.write(edit_goal(b.state, g, f, b.stamp(), b.today));
  });
  change([&] { b.goal_action(g, GoalAction::pause, b.today + days{3}); });
  change([&] { b.goal_action(g, GoalAction::resume); });
  change([&] { t = b.task("Titanic tutorial"); });
  change([&] {
    TaskFields f;
    f.importance = 5;
    b.write(edit_task(b.state, t, f, b.stamp(), b.today));
  });
  change([&] { b.task_action(t, TaskAction::start); });
  change([&] { b.write(defer_task(b.state, t, b.today + days{2}, "busy", b.stamp(), b.today)); });
  change([&] {
    SprintFields f;
    f.title = "Ship the tutorial";
    f.start = b.today;
    f.end = b.today + days{6};
    b.write(start_sprint(b.state, f, b.stamp(), b.today));
  });
  int t2 = 0;
  change([&] { t2 = b.task("Second task"); });
  change([&] { b.write(add_to_sprint(b.state, {t2}, b.stamp(), b.today)); });
  change([&] { b.write(remove_from_sprint(b.state, {t2}, b.stamp(), b.today)); });
  change([&] { l = b.log(minutes_on(g, 45)); });
  change([&] {
    LogFields f;
    f.minutes = std::optional<int>(30);
    b.write(edit_log(b.state, l, f, b.stamp(), b.today));
  });
  change([&] { b.write(remove_log(b.state, l, b.stamp())); });
  change([&] { b.write(add_skip(b.state, b.today + days{1}, std::nullopt, "rest", b.stamp())); });
  change([&] { b.task_action(t, TaskAction::done); });
  change([&] { b.task_action(t2, TaskAction::drop); });
  change([&] {
    b.write(close_sprint(b.state, Retrospective{"a", "b", "c", 4}, b.stamp(), b.today));
  });
  change([&] { b.goal_action(g, GoalAction::achieve); });

  for (std::size_t i = before.size(); i-- > 0;) {
    CAPTURE(ops[i]);
    const Undoable reverted = undo(b);
    CHECK(op_name(reverted.event.op) == ops[i]);
    CHECK(content(b.state) == before[i]);
  }
  CHECK(b.state.goals.empty());
  CHECK(undoable(b.state, read_events(b.text, source), 10).empty());
  CHECK_THROWS_WITH(undo_latest(b.state, latest_undoable(b.state, b.text, source, 1), b.stamp()),
                    Catch::Contains("nothing to undo"));
}

TEST_CASE("undo puts back what the user saw before the change", "[undo]") {
  Book b(march_10);
  const int g = b.goal("Read");
  const int t = b.task("Chapter 1");
  SECTION("a task marked done is open again") {
    b.task_action(t, TaskAction::start);
    b.task_action(t, TaskAction::done);
    undo(b);
    CHECK(b.task_at(t).status == TaskStatus::doing);
    CHECK_FALSE(b.task_at(t).finished);
  }
  SECTION("a deferral gives back the old due day and leaves no deferral") {
    TaskFields f;
    f.due = std::optional<Day>(b.today + days{1});
    b.write(edit_task(b.state, t, f, b.stamp(), b.today));
    b.write(defer_task(b.state, t, b.today + days{5}, "", b.stamp(), b.today));
    undo(b);
    CHECK(b.task_at(t).due == b.today + days{1});
    CHECK(b.task_at(t).deferrals.empty());
  }
  SECTION("a paused goal is active again") {
    b.goal_action(g, GoalAction::pause);
    undo(b);
    CHECK(b.goal_at(g).status == GoalStatus::active);
    CHECK(b.goal_at(g).pauses.empty());
  }
  SECTION("a removed check-in is back") {
    const int l = b.log(minutes_on(g, 20));
    b.write(remove_log(b.state, l, b.stamp()));
    undo(b);
    CHECK_FALSE(b.log_at(l).removed);
    CHECK(resolve_log(b.state, "1") == l);
  }
  SECTION("a closed sprint is open again") {
    SprintFields f;
    f.title = "S";
    f.start = b.today;
    f.end = b.today + days{3};
    b.write(start_sprint(b.state, f, b.stamp(), b.today));
    b.write(close_sprint(b.state, Retrospective{"x", "", "", 3}, b.stamp(), b.today));
    undo(b);
    CHECK_FALSE(b.state.sprints.at(0).closed);
    CHECK(b.state.sprints.at(0).retro.learned.empty());
  }
}

TEST_CASE("an undone creation keeps its short number: it is never handed out again", "[undo]") {
  Book b(march_10);
  const int g = b.goal("G");
  b.task("one");
  b.task("two");
  b.log(minutes_on(g, 10));
  b.write(add_skip(b.state, b.today, std::nullopt, "", b.stamp()));
  undo(b);  // the skip
  undo(b);  // check-in 1
  undo(b);  // task 2
  CHECK(b.state.tasks.size() == 1);
  CHECK(b.state.logs.empty());
  CHECK(b.state.skips.empty());

  const int t3 = b.task("three");
  CHECK(b.task_at(t3).num == 3);
  const int l2 = b.log(minutes_on(g, 15));
  CHECK(b.log_at(l2).num == 2);
  b.write(add_skip(b.state, b.today, std::nullopt, "", b.stamp()));
  CHECK(b.state.skips.back().num == 2);
  // The fresh replay agrees with the fold, and the numbers resolve.
  CHECK(encode_state(replay_text(b.text).state) == encode_state(b.state));
  CHECK(resolve_task(b.state, "3") == t3);
  CHECK(resolve_log(b.state, "2") == l2);
  CHECK_THROWS_WITH(resolve_task(b.state, "2"), Catch::Contains("task 2 was undone"));
  CHECK_THROWS_WITH(resolve_log(b.state, "1"), Catch::Contains("check-in 1 was undone"));
  CHECK_THROWS_WITH(resolve_task(b.state, "4"), Catch::Contains("1 to 3"));
}

TEST_CASE("undoable lists the changes newest first, at most the limit", "[undo]") {
  Book b(march_10);
  const int g = b.goal("G");
  for (int i = 1; i <= 12; ++i) b.log(minutes_on(g, i));
  const auto list = undoable(b.state, read_events(b.text, source), 10);
  REQUIRE(list.size() == 10);
  CHECK(list.front().touched == Touched{EntityKind::log, 11});
  CHECK(list.back().touched == Touched{EntityKind::log, 2});
  undo(b);
  const auto after = undoable(b.state, read_events(b.text, source), 10);
  CHECK(after.front().touched == Touched{EntityKind::log, 10});
}

TEST_CASE("undo events fold the same in any order: a merge of two machines", "[undo]") {
  Book b(march_10);
  const int g = b.goal("G");
  b.log(minutes_on(g, 10));
  const Event logged = b.events.back();
  // A second machine's check-in, later than the first machine's undo of its own check-in.
  const Event undo_event =
      event(uuid(900, 1), logged.stamp.ts + minutes{5}, "undo", {{"event", logged.stamp.id}});
  const Event other = event(uuid(901, 1), logged.stamp.ts + minutes{10}, "log.add",
                            {{"minutes", 20}, {"goal", b.goal_at(g).id}});
  const Loaded in_order = replay_text(b.text + to_line(undo_event) + to_line(other));
  const Loaded merged = replay_text(b.text + to_line(other) + to_line(undo_event));
  CHECK(encode_state(in_order.state) == encode_state(merged.state));
  REQUIRE(merged.state.logs.size() == 1);
  CHECK(merged.state.logs[0].minutes == 20);
  CHECK(merged.state.logs[0].num == 2);
  CHECK(merged.warnings.empty());
}

TEST_CASE("replay ignores, with a warning, what an undo leaves dangling", "[undo]") {
  Book b(march_10);
  b.goal("G");
  const int t = b.task("T");
  const Event added = b.events.back();
  const Event undone =
      event(uuid(900, 1), added.stamp.ts + minutes{1}, "undo", {{"event", added.stamp.id}});
  SECTION("a check-in on a task whose creation was undone on another machine") {
    const Event log = event(uuid(901, 1), added.stamp.ts + minutes{2}, "log.add",
                            {{"minutes", 20}, {"task", b.task_at(t).id}});
    const Loaded l = replay_text(b.text + to_line(undone) + to_line(log));
    REQUIRE(l.state.logs.size() == 1);
    CHECK_FALSE(l.state.logs[0].task);
    REQUIRE(l.warnings.size() == 1);
    CHECK_THAT(l.warnings[0], Catch::Contains("whose creation was undone; ignored"));
    // Nothing lists the ignored reference as undoable twice, and undo still walks back.
    CHECK(undoable(l.state, read_events(b.text + to_line(undone) + to_line(log), source), 10)
              .size() == 2);
  }
  SECTION("an undo of an undo, or of an event the journal lacks") {
    const Event again =
        event(uuid(902, 1), added.stamp.ts + minutes{2}, "undo", {{"event", undone.stamp.id}});
    const Event nowhere =
        event(uuid(903, 1), added.stamp.ts + minutes{3}, "undo", {{"event", uuid(77, 7)}});
    const Loaded l = replay_text(b.text + to_line(undone) + to_line(again) + to_line(nowhere));
    CHECK(l.state.tasks.empty());  // the undo stands
    REQUIRE(l.warnings.size() == 2);
    CHECK_THAT(l.warnings[0], Catch::Contains("never undone"));
    CHECK_THAT(l.warnings[1], Catch::Contains("does not hold"));
  }
}

TEST_CASE("replay_appended refuses an undo of an event folded already: only a replay can",
          "[undo]") {
  Book b(march_10);
  b.goal("G");
  Loaded loaded = replay_text(b.text);
  const Event undone = event(uuid(900, 1), b.events.back().stamp.ts + minutes{1}, "undo",
                             {{"event", b.events.back().stamp.id}});
  CHECK_FALSE(replay_appended(loaded, to_line(undone), source, 3));
  CHECK(needs_replay(undone.op));
  CHECK_FALSE(needs_replay(b.events.back().op));
}

TEST_CASE("replay_appended honours an undo of another appended event as a replay does", "[undo]") {
  Book b(march_10);
  const int g = b.goal("G");
  const std::string folded = b.text;
  const std::size_t lines = b.events.size() + 1;
  b.log(minutes_on(g, 30));
  b.task("T");
  b.log(minutes_on(g, 20));
  undo(b);  // the second check-in
  undo(b);  // the task
  b.log(minutes_on(g, 10));
  const std::string appended = b.text.substr(folded.size());
  Loaded loaded = replay_text(folded);
  REQUIRE(replay_appended(loaded, appended, source, static_cast<int>(lines) + 1));
  const Loaded replayed = replay_text(b.text);
  CHECK(encode_state(loaded.state) == encode_state(replayed.state));
  CHECK(loaded.warnings == replayed.warnings);
  CHECK(loaded.state.logs.size() == 2);
  CHECK(loaded.state.tasks.empty());
  CHECK(loaded.state.task_nums == 1);  // the undone task keeps its number
  SECTION("but not an undo of an undo, nor of an event it does not hold") {
    const Event again = event(uuid(902, 1), b.events.back().stamp.ts + minutes{1}, "undo",
                              {{"event", b.events[b.events.size() - 2].stamp.id}});
    Loaded l1 = replay_text(folded);
    CHECK_FALSE(replay_appended(l1, appended + to_line(again), source, 3));
    const Event nowhere = event(uuid(903, 1), b.events.back().stamp.ts + minutes{1}, "undo",
                                {{"event", uuid(77, 7)}});
    Loaded l2 = replay_text(folded);
    CHECK_FALSE(replay_appended(l2, appended + to_line(nowhere), source, 3));
  }
}

namespace {

std::vector<std::string> ids_of(const std::vector<Event>& events) {
  std::vector<std::string> ids;
  for (const Event& e : events) ids.push_back(e.stamp.id);
  return ids;
}

std::vector<std::string> ids_of(const std::vector<Undoable>& changes) {
  std::vector<std::string> ids;
  for (const Undoable& u : changes) ids.push_back(u.event.stamp.id);
  return ids;
}

}  // namespace

TEST_CASE("latest_events decodes every undo and the latest others, in read_events' order",
          "[undo]") {
  Book b(march_10);
  const int g = b.goal("G");
  for (int i = 1; i <= 30; ++i) b.log(minutes_on(g, i));
  undo(b);
  for (int i = 1; i <= 5; ++i) b.log(minutes_on(g, i));
  // A merge: a second machine's lines, earlier than the last ones and one of them twice.
  const Event first = b.events[3];
  const Event early = event(uuid(950, 2), first.stamp.ts + milliseconds{1}, "log.add",
                            {{"minutes", 5}, {"goal", b.goal_at(g).id}});
  const Event late = event(uuid(951, 2), b.events.back().stamp.ts - milliseconds{1}, "log.add",
                           {{"minutes", 6}, {"goal", b.goal_at(g).id}});
  for (const std::string& text :
       {b.text, b.text + to_line(early) + to_line(late) + to_line(early) + "\n"}) {
    const std::vector<Event> all = read_events(text, source);
    for (const std::size_t count : {0UL, 1UL, 2UL, 7UL, all.size() - 2, all.size(), 1000UL}) {
      CAPTURE(count, all.size());
      const LatestEvents latest = latest_events(text, source, count);
      std::vector<Event> expected;
      std::size_t others = 0;
      for (auto it = all.rbegin(); it != all.rend(); ++it) {
        if (needs_replay(it->op) || others++ < count) expected.insert(expected.begin(), *it);
      }
      CHECK(ids_of(latest.events) == ids_of(expected));
      CHECK(latest.all == (others <= count));
      for (std::size_t i = 0; i < expected.size() && i < latest.events.size(); ++i) {
        CHECK(to_line(latest.events[i]) == to_line(expected[i]));
      }
    }
  }
}

TEST_CASE("latest_undoable reads back as far as it must, as undoable over every event does",
          "[undo]") {
  Book b(march_10);
  const int g = b.goal("G");
  for (int i = 1; i <= 150; ++i) b.log(minutes_on(g, i));
  // 100 undone: the latest 64 events hold no change left to undo.
  for (int i = 0; i < 100; ++i) undo(b);
  for (const std::size_t limit : {1UL, 10UL, 49UL, 50UL, 51UL}) {
    CAPTURE(limit);
    const auto all = undoable(b.state, read_events(b.text, source), limit);
    CHECK(ids_of(latest_undoable(b.state, b.text, source, limit)) == ids_of(all));
    CHECK(all.size() == std::min<std::size_t>(limit, 51));  // 50 check-ins and the goal
  }
}

TEST_CASE("undo on a recent State leaves what it left out to the full State", "[undo][recent]") {
  Book b(march_10);
  const int g = b.goal("G");
  b.log(minutes_on(g, 10));
  const State recent = recent_state(b.state, march_10 + days{1});
  REQUIRE(recent.logs.empty());  // the check-in, before the cutoff, is left out
  CHECK_THROWS_AS(latest_undoable(recent, b.text, source, 1), NeedsFullState);
  CHECK(latest_undoable(b.state, b.text, source, 1).size() == 1);
}
