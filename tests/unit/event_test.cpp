#include "momentum/event.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <csignal>
#include <string>
#include <vector>

#include "builders.hpp"
#include "momentum/commands.hpp"
#include "momentum/error.hpp"
#include "momentum/parse.hpp"

using namespace momentum;
using namespace momentum::test;
using namespace std::chrono;
using Catch::Matchers::StartsWith;
using nlohmann::json;

namespace {

const Day march_10 = 2026y / March / 10;

std::string opt_day(const std::optional<Day>& d) { return d ? format_day(*d) : "-"; }
std::string opt_int(const std::optional<int>& i) { return i ? std::to_string(*i) : "-"; }

// Everything replay puts in a State, one line per entity, to compare two States.
std::string describe(const State& s) {
  std::string out;
  for (const Goal& g : s.goals) {
    out += fmt::format(
        "goal {} {} '{}' why='{}' imp={} status={} target={} ended={} created={} "
        "{} tags={}\n",
        g.num, g.id, g.title, g.why, g.importance, to_string(g.status), opt_day(g.target),
        opt_day(g.ended), format_timestamp(g.created), format_day(g.created_day),
        fmt::join(g.tags, ","));
    for (const CadenceChange& c : g.cadences) {
      out += fmt::format("  cadence {} {}\n", format_day(c.from), format_cadence(c.cadence));
    }
    for (const Pause& p : g.pauses) {
      out += fmt::format("  pause {} {}\n", format_day(p.from), opt_day(p.until));
    }
  }
  for (const Task& t : s.tasks) {
    out += fmt::format(
        "task {} {} '{}' goal={} kind={} imp={} est={} due={} status={} "
        "created={} started={} finished={} activity={} tags={}\n",
        t.num, t.id, t.title, opt_int(t.goal), to_string(t.kind), t.importance, opt_int(t.estimate),
        opt_day(t.due), to_string(t.status), format_day(t.created_day), opt_day(t.started_day),
        opt_day(t.finished_day), format_timestamp(t.last_activity), fmt::join(t.tags, ","));
    for (const Deferral& d : t.deferrals) {
      out += fmt::format("  deferral {} {} {} '{}'\n", format_day(d.day), opt_day(d.from),
                         format_day(d.to), d.reason);
    }
  }
  for (const LogEntry& l : s.logs) {
    out += fmt::format("log {} {} {} min={} kind={} goal={} task={} note='{}' res={} removed={}\n",
                       l.num, l.id, format_day(l.day), opt_int(l.minutes), to_string(l.kind),
                       opt_int(l.goal), opt_int(l.task), l.note, opt_int(l.resistance), l.removed);
  }
  for (const Skip& k : s.skips) {
    out += fmt::format("skip {} {} {} goal={} '{}'\n", k.num, k.id, format_day(k.day),
                       opt_int(k.goal), k.reason);
  }
  out += fmt::format("last_ts={} events={}\n", format_timestamp(s.last_ts), s.event_count);
  return out;
}

// How replay() ends on `text`: "StorageError: MESSAGE", "other error: MESSAGE", "no error"
// or "killed by signal N". It runs in a child process, so that a crash fails one check
// instead of ending the whole test run.
std::string replay_outcome(const std::string& text) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(fds[0]);
    for (const int sig : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL}) std::signal(sig, SIG_DFL);
    std::string result = "no error";
    try {
      replay_text(text);
    } catch (const StorageError& e) {
      result = std::string("StorageError: ") + e.what();
    } catch (const std::exception& e) {
      result = std::string("other error: ") + e.what();
    }
    const ssize_t written = ::write(fds[1], result.data(), result.size());
    ::_exit(written == static_cast<ssize_t>(result.size()) ? 0 : 1);
  }
  ::close(fds[1]);
  std::string out;
  char buffer[512];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) {
    out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  if (WIFSIGNALED(status)) return fmt::format("killed by signal {}", WTERMSIG(status));
  return out;
}

// An event line written by hand: `id` as raw JSON, then `rest` (op and data) and `suffix`.
std::string raw_line(std::string_view id, std::string_view ts, std::string_view rest,
                     std::string_view suffix = "") {
  return fmt::format(R"({{"id":{},"ts":"{}","tz":"+00:00",{}}}{})", id, ts, rest, suffix) + "\n";
}

// A journal exercising every op, written through the commands API over three days.
Book busy_book() {
  Book b(2026y / March / 8);
  GoalFields gf;
  gf.why = "get hired";
  gf.importance = 5;
  gf.cadence = parse_cadence("3/week");
  gf.tags = std::vector<std::string>{"career", "ml"};
  const int ml = b.goal("Become an ML engineer", gf);
  TaskFields tf;
  tf.goal = Clearable<int>::value_type(ml);
  tf.kind = Kind::learn;
  tf.estimate = Clearable<int>::value_type(90);
  const int course = b.task("Finish the fast.ai course", tf);
  const int kaggle = b.task("Enter a Kaggle competition");
  LogFields lf = log_on_task(course);
  lf.minutes = Clearable<int>::value_type(45);
  lf.note = "lesson 3";
  lf.resistance = Clearable<int>::value_type(2);
  b.log(lf);
  b.today = 2026y / March / 9;
  b.write(defer_task(b.state, kaggle, 2026y / March / 20, "after the course", b.stamp(), b.today));
  b.write(add_skip(b.state, 2026y / March / 11, ml, "travel", b.stamp()));
  b.task_action(course, TaskAction::done);
  b.today = march_10;
  GoalFields edit;
  edit.cadence = parse_cadence("daily");
  b.write(edit_goal(b.state, ml, edit, b.stamp(), b.today));
  b.goal_action(ml, GoalAction::pause, 2026y / March / 14);
  const int second = b.log();
  b.write(remove_log(b.state, second, b.stamp()));
  return b;
}

}  // namespace

TEST_CASE("replay folds a journal written by the commands into the state they built", "[event]") {
  const Book b = busy_book();
  const Loaded loaded = replay_text(b.text);

  CHECK(loaded.warnings.empty());
  CHECK_FALSE(loaded.torn_tail);
  CHECK_FALSE(loaded.ends_without_newline);
  CHECK(loaded.valid_size == b.text.size());
  CHECK(describe(loaded.state) == describe(b.state));

  const State& s = loaded.state;
  REQUIRE(s.goals.size() == 1);
  CHECK(s.goals[0].title == "Become an ML engineer");
  CHECK(s.goals[0].why == "get hired");
  CHECK(s.goals[0].importance == 5);
  CHECK(s.goals[0].tags == std::vector<std::string>{"career", "ml"});
  REQUIRE(s.tasks.size() == 2);
  CHECK(s.tasks[0].num == 1);
  CHECK(s.tasks[1].num == 2);
  CHECK(s.tasks[0].goal == 0);
  CHECK(s.tasks[0].kind == Kind::learn);
  CHECK(s.tasks[0].estimate == 90);
  CHECK(s.tasks[0].status == TaskStatus::done);
  CHECK(s.tasks[1].due == Day{2026y / March / 20});
  REQUIRE(s.logs.size() == 2);
  CHECK(s.logs[0].minutes == 45);
  CHECK(s.logs[0].note == "lesson 3");
  CHECK(s.logs[0].resistance == 2);
  CHECK(s.logs[1].removed);
  REQUIRE(s.skips.size() == 1);
  CHECK(s.skips[0].reason == "travel");
  CHECK(s.event_count == b.events.size());
  CHECK(s.last_ts == b.events.back().stamp.ts);
}

TEST_CASE("apply gives each event the effect replay gives it", "[event]") {
  const Book b = busy_book();
  State step_by_step;
  for (const Event& e : b.events) apply(step_by_step, e);
  CHECK(describe(step_by_step) == describe(replay_text(b.text).state));
}

TEST_CASE("replay orders events by ts, then by id, whatever their line order", "[event]") {
  const Timestamp t1 = noon(march_10);
  const Timestamp t2 = noon(march_10, milliseconds{1});
  // As a union merge of two machines' journals may leave them: interleaved, not sorted.
  const std::vector<Event> lines{
      event(uuid(0xd), t2 + milliseconds{5}, "task.add",
            {{"title", "refers to a goal on a later line"}, {"goal", uuid(0xc)}}),
      event(uuid(0xb), t2, "goal.add", {{"title", "B at t2"}}),
      event(uuid(0xc), t1, "goal.add", {{"title", "C at t1"}}),
      event(uuid(0xa), t2, "goal.add", {{"title", "A at t2"}}),
  };
  const Loaded loaded = replay_text(journal_of(lines));

  CHECK(loaded.warnings.empty());
  REQUIRE(loaded.state.goals.size() == 3);
  CHECK(loaded.state.goals[0].title == "C at t1");
  CHECK(loaded.state.goals[1].title == "A at t2");
  CHECK(loaded.state.goals[2].title == "B at t2");
  for (int i = 0; i < 3; ++i) CHECK(loaded.state.goals[static_cast<std::size_t>(i)].num == i + 1);
  CHECK(loaded.state.goal_index.find(uuid(0xa)) == 1);
  // The task's goal is found: it comes first in (ts, id) order, though not in the file.
  REQUIRE(loaded.state.tasks.size() == 1);
  CHECK(loaded.state.tasks[0].goal == 0);
  CHECK(loaded.state.last_ts == t2 + milliseconds{5});
  CHECK(loaded.state.event_count == 4);
}

TEST_CASE("a task referring to a goal that comes later in (ts, id) order loses the goal",
          "[event]") {
  // The fold follows (ts, id), not file order: a reference forward in time is unknown then.
  const Timestamp t = noon(march_10);
  const Loaded loaded = replay_text(journal_of({
      event(uuid(1), t, "goal.add", {{"title", "G"}}),
      event(uuid(2), t - milliseconds{1}, "task.add", {{"title", "T"}, {"goal", uuid(1)}}),
  }));
  REQUIRE(loaded.state.tasks.size() == 1);
  CHECK_FALSE(loaded.state.tasks[0].goal.has_value());
  CHECK(loaded.warnings ==
        std::vector<std::string>{fmt::format(
            "j.jsonl: event {} refers to an unknown goal {}; ignored", uuid(2), uuid(1))});
}

TEST_CASE("a second header with the same version is accepted", "[event]") {
  const Timestamp t = noon(march_10);
  std::string text = journal_of({event(uuid(1), t, "goal.add", {{"title", "from laptop"}})});
  text += header_line(t - hours{48});
  text += to_line(event(uuid(2), t - hours{1}, "goal.add", {{"title", "from desktop"}}));

  const Loaded loaded = replay_text(text);
  CHECK(loaded.warnings.empty());
  REQUIRE(loaded.state.goals.size() == 2);
  CHECK(loaded.state.goals[0].title == "from desktop");
  CHECK(loaded.state.goals[1].title == "from laptop");
  CHECK(loaded.state.event_count == 2);
}

TEST_CASE("a header of another version is a storage error naming its line", "[event]") {
  const std::string v2 =
      R"({"momentum":"journal","version":2,"created":"2026-03-10T08:00:00.000Z"})"
      "\n";
  const std::string goal_line =
      to_line(event(uuid(1), noon(march_10), "goal.add", {{"title", "G"}}));
  SECTION("as the first line") {
    CHECK_THROWS_AS(replay_text(v2 + goal_line), StorageError);
    CHECK_THROWS_WITH(replay_text(v2 + goal_line),
                      "j.jsonl:1: journal version 2 is not supported; this momentum reads "
                      "version 1");
  }
  SECTION("as a second header") {
    const std::string text = header_line(noon(march_10)) + goal_line + v2 + goal_line;
    CHECK_THROWS_AS(replay_text(text), StorageError);
    CHECK_THROWS_WITH(replay_text(text),
                      "j.jsonl:3: journal version 2 is not supported; this momentum reads "
                      "version 1");
  }
}

TEST_CASE("a journal without a header is a storage error", "[event]") {
  const std::string text = to_line(event(uuid(1), noon(march_10), "goal.add", {{"title", "G"}}));
  CHECK_THROWS_AS(replay_text(text), StorageError);
  CHECK_THROWS_WITH(replay_text(text), StartsWith("j.jsonl:1: "));
  CHECK_THROWS_WITH(replay_text("\n" + text), StartsWith("j.jsonl:2: "));
}

TEST_CASE("an empty journal or a header alone replays to an empty state", "[event]") {
  const std::string text =
      GENERATE(std::string(), std::string("\n"), header_line(noon(2026y / March / 1)));
  const Loaded loaded = replay_text(text);
  CHECK(loaded.warnings.empty());
  CHECK_FALSE(loaded.torn_tail);
  CHECK(loaded.state.event_count == 0);
  CHECK(loaded.state.goals.empty());
  CHECK(loaded.valid_size == text.size());
}

TEST_CASE("a malformed line in the middle is a storage error naming file and line", "[event]") {
  const Timestamp t = noon(march_10);
  const std::string head =
      header_line(t) + to_line(event(uuid(1), t, "goal.add", {{"title", "G"}}));
  const std::string tail =
      to_line(event(uuid(3), t + milliseconds{2}, "goal.add", {{"title", "H"}}));
  const std::string good =
      to_line(event(uuid(2), t + milliseconds{1}, "task.add", {{"title", "T"}, {"goal", uuid(1)}}));
  const std::string ts = "2026-03-10T12:00:00.001Z";
  const std::string bad = GENERATE_COPY(
      std::string("this is not json\n"),
      // An object, but not JSON: must be an error, not a crash.
      std::string("{garbage}\n"), std::string(R"({"id"})") + "\n", std::string("{,}\n"),
      std::string(R"({"a":1,})") + "\n", std::string("[1, 2, 3]\n"), std::string("{}\n"),
      // Cut off mid-line (a torn write that was never cleaned up), then more lines followed.
      good.substr(0, good.size() / 2) + "\n",
      // Only the line's closing brace is missing.
      good.substr(0, good.size() - 2) + "\n",
      raw_line("5", ts, R"("op":"goal.add","data":{"title":"T"})"),
      raw_line(R"("x")", "yesterday", R"("op":"goal.add","data":{"title":"T"})"),
      raw_line(R"("x")", ts, R"("op":"goal.add")"),
      raw_line(R"("x")", ts, R"("op":"goal.add","data":{"title":"T"})", " trailing"),
      // Complete events followed by something that makes the line invalid JSON.
      raw_line(R"("x")", ts, R"("op":"goal.add","data":{"title":"T"},)"),
      raw_line(R"("x")", ts, R"("op":"goal.add","data":{"title":"T"})", "}"),
      raw_line(R"("x")", ts, R"("op":"goal.add","data":{"title":"T"})", " {}"),
      raw_line(R"("x")", ts, R"("op":"log.add","data":{"day":"2026-02-30"})"),
      raw_line(R"("x")", ts, R"("op":"goal.add","data":{"why":"no title"})"));
  CAPTURE(bad);
  CHECK_THAT(replay_outcome(head + bad + tail), StartsWith("StorageError: j.jsonl:3: "));
}

TEST_CASE("blank lines are ignored but still counted in line numbers", "[event]") {
  const Timestamp t = noon(march_10);
  const std::string g1 = to_line(event(uuid(1), t, "goal.add", {{"title", "G"}}));
  const std::string g2 = to_line(event(uuid(2), t + milliseconds{1}, "goal.add", {{"title", "H"}}));
  const std::string text = header_line(t) + "\n" + g1 + "   \n\t\n" + g2 + "\n";

  const Loaded loaded = replay_text(text);
  CHECK(loaded.warnings.empty());
  CHECK(loaded.state.goals.size() == 2);
  CHECK(loaded.state.event_count == 2);
  CHECK(loaded.valid_size == text.size());

  // header, blank, G, two blanks, H, blank: "oops" is line 8.
  CHECK_THROWS_WITH(replay_text(text + "oops\n" + g1), StartsWith("j.jsonl:8: "));
}

TEST_CASE("a torn last line is ignored with a warning", "[event]") {
  const Timestamp t = noon(march_10);
  const std::string whole =
      header_line(t) + to_line(event(uuid(1), t, "goal.add", {{"title", "G"}}));
  const std::string last =
      to_line(event(uuid(2), t + milliseconds{1}, "goal.add", {{"title", "cut short"}}));
  const std::size_t cut = GENERATE(std::size_t{1}, std::size_t{20}, std::size_t{60});
  REQUIRE(cut < last.size() - 2);

  const Loaded loaded = replay_text(whole + last.substr(0, cut));
  CHECK(loaded.torn_tail);
  CHECK_FALSE(loaded.ends_without_newline);
  CHECK(loaded.valid_size == whole.size());
  CHECK(loaded.warnings ==
        std::vector<std::string>{"j.jsonl: ignoring an incomplete last line (a write was "
                                 "interrupted); the next change removes it"});
  REQUIRE(loaded.state.goals.size() == 1);
  CHECK(loaded.state.goals[0].title == "G");
  CHECK(loaded.state.event_count == 1);
  CHECK(loaded.state.last_ts == t);
}

TEST_CASE("a whole last event without its newline is kept", "[event]") {
  const Timestamp t = noon(march_10);
  std::string text =
      journal_of({event(uuid(1), t, "goal.add", {{"title", "G"}}),
                  event(uuid(2), t + milliseconds{1}, "goal.add", {{"title", "H"}})});
  text.pop_back();

  const Loaded loaded = replay_text(text);
  CHECK(loaded.ends_without_newline);
  CHECK_FALSE(loaded.torn_tail);
  CHECK(loaded.warnings.empty());
  CHECK(loaded.valid_size == text.size());
  REQUIRE(loaded.state.goals.size() == 2);
  CHECK(loaded.state.goals[1].title == "H");
}

TEST_CASE("unknown ops are kept, counted and reported once", "[event]") {
  const Timestamp t = noon(march_10);
  const Loaded loaded = replay_text(journal_of({
      event(uuid(1), t, "goal.add", {{"title", "G"}}),
      event(uuid(2), t + milliseconds{1}, "squad.start", {{"title", "ship it"}}),
      event(uuid(3), t + milliseconds{2}, "habit.nudge", json::object()),
      event(uuid(4), t + milliseconds{3}, "squad.start", {{"title", "again"}}),
  }));
  CHECK(loaded.state.unknown_ops ==
        std::map<std::string, int>{{"habit.nudge", 1}, {"squad.start", 2}});
  CHECK(loaded.warnings ==
        std::vector<std::string>{"j.jsonl: kept but ignored events from a newer momentum "
                                 "(habit.nudge ×1, squad.start ×2)"});
  CHECK(loaded.state.goals.size() == 1);
  CHECK(loaded.state.event_count == 4);
  CHECK(loaded.state.last_ts == t + milliseconds{3});
}

TEST_CASE("events about unknown entities are ignored with a warning", "[event]") {
  const Timestamp t = noon(march_10);
  const std::string ghost = uuid(99, 0xdead);
  const Loaded loaded = replay_text(journal_of({
      event(uuid(1), t, "goal.add", {{"title", "G"}}),
      event(uuid(2), t + milliseconds{1}, "task.status", {{"task", ghost}, {"status", "done"}}),
      event(uuid(3), t + milliseconds{2}, "goal.edit", {{"goal", ghost}, {"title", "X"}}),
      event(uuid(4), t + milliseconds{3}, "log.add", {{"goal", ghost}, {"minutes", 30}}),
      event(uuid(5), t + milliseconds{4}, "log.rm", {{"log", ghost}}),
  }));
  CHECK(loaded.warnings ==
        std::vector<std::string>{
            fmt::format("j.jsonl: event {} refers to an unknown task {}; ignored", uuid(2), ghost),
            fmt::format("j.jsonl: event {} refers to an unknown goal {}; ignored", uuid(3), ghost),
            fmt::format("j.jsonl: event {} refers to an unknown goal {}; ignored", uuid(4), ghost),
            fmt::format("j.jsonl: event {} refers to an unknown log {}; ignored", uuid(5), ghost),
        });
  REQUIRE(loaded.state.goals.size() == 1);
  CHECK(loaded.state.goals[0].title == "G");
  REQUIRE(loaded.state.logs.size() == 1);  // the check-in stands, without its goal
  CHECK_FALSE(loaded.state.logs[0].goal.has_value());
  CHECK(loaded.state.logs[0].minutes == 30);
  CHECK(loaded.state.event_count == 5);
}

TEST_CASE("a change to an unknown entity is ignored whatever else its data holds", "[event]") {
  // A newer momentum's value, a missing field: the entity is looked up first, as it always was.
  const std::string ghost = uuid(99, 0xdead);
  const auto line = [&](int n, std::string_view op, const std::string& data) {
    return fmt::format(R"({{"id":"{}","ts":"2026-03-10T12:00:00.00{}Z","tz":"+00:00","op":"{}",)"
                       R"("data":{}}})"
                       "\n",
                       uuid(static_cast<std::uint64_t>(n)), n, op, data);
  };
  const std::string text =
      header_line(noon(march_10)) + line(1, "goal.add", R"({"title":"G"})") +
      line(2, "task.status", fmt::format(R"({{"task":"{}","status":"blocked"}})", ghost)) +
      line(3, "goal.edit", fmt::format(R"({{"goal":"{}","cadence":"hourly"}})", ghost)) +
      line(4, "task.defer", fmt::format(R"({{"task":"{}"}})", ghost)) +
      line(5, "log.edit", fmt::format(R"({{"log":"{}","kind":7}})", ghost)) +
      line(6, "sprint.close", fmt::format(R"({{"sprint":"{}","rating":"great"}})", ghost));
  const Loaded loaded = replay_text(text);
  CHECK(
      loaded.warnings ==
      std::vector<std::string>{
          fmt::format("j.jsonl: event {} refers to an unknown task {}; ignored", uuid(2), ghost),
          fmt::format("j.jsonl: event {} refers to an unknown goal {}; ignored", uuid(3), ghost),
          fmt::format("j.jsonl: event {} refers to an unknown task {}; ignored", uuid(4), ghost),
          fmt::format("j.jsonl: event {} refers to an unknown log {}; ignored", uuid(5), ghost),
          fmt::format("j.jsonl: event {} refers to an unknown sprint {}; ignored", uuid(6), ghost),
      });
  CHECK(loaded.state.event_count == 6);

  // The same value on a goal the journal holds is a malformed event.
  const std::string known =
      header_line(noon(march_10)) + line(1, "goal.add", R"({"title":"G"})") +
      line(2, "goal.edit", fmt::format(R"({{"goal":"{}","cadence":"hourly"}})", uuid(1)));
  CHECK_THROWS_WITH(replay_text(known),
                    Catch::Contains("j.jsonl:3: malformed event") && Catch::Contains("hourly"));
}

TEST_CASE("a number too large for its field is a malformed event, not a wrapped one", "[event]") {
  const std::string text =
      header_line(noon(march_10)) +
      R"({"id":"00000000-0000-4000-8000-000000000001","ts":"2026-03-10T12:00:00.000Z",)"
      R"("tz":"+00:00","op":"log.add","data":{"minutes":4294967326}})"
      "\n";
  CHECK_THROWS_WITH(replay_text(text), Catch::Contains("j.jsonl:2: malformed event") &&
                                           Catch::Contains("4294967326 is out of range"));
}

TEST_CASE("a journal folded again in (ts, id) order reports each warning once", "[event]") {
  const Timestamp t = noon(march_10);
  const std::string ghost = uuid(99, 0xdead);
  // The first line is the latest: replay has to sort and fold a second time.
  const Loaded loaded = replay_text(journal_of({
      event(uuid(3), t + milliseconds{2}, "squad.start", {{"title", "ship it"}}),
      event(uuid(1), t, "goal.add", {{"title", "G"}}),
      event(uuid(2), t + milliseconds{1}, "task.edit", {{"task", ghost}, {"title", "X"}}),
  }));
  CHECK(loaded.state.unknown_ops == std::map<std::string, int>{{"squad.start", 1}});
  CHECK(loaded.state.event_count == 3);
  CHECK(loaded.state.goals.size() == 1);
  CHECK(loaded.warnings ==
        std::vector<std::string>{
            fmt::format("j.jsonl: event {} refers to an unknown task {}; ignored", uuid(2), ghost),
            "j.jsonl: kept but ignored events from a newer momentum (squad.start ×1)"});
}

TEST_CASE("the same add event twice yields one entity", "[event]") {
  const Timestamp t = noon(march_10);
  const Event goal = event(uuid(1), t, "goal.add", {{"title", "G"}});
  const Event task = event(uuid(2), t + milliseconds{1}, "task.add", {{"title", "T"}});
  const Event log = event(uuid(3), t + milliseconds{2}, "log.add", {{"task", uuid(2)}});
  const Event skip = event(uuid(4), t + milliseconds{3}, "skip.add", {{"day", "2026-03-12"}});
  const Loaded loaded = replay_text(journal_of({goal, task, log, skip, goal, task, log, skip}));
  CHECK(loaded.state.goals.size() == 1);
  CHECK(loaded.state.tasks.size() == 1);
  CHECK(loaded.state.logs.size() == 1);
  CHECK(loaded.state.skips.size() == 1);
  CHECK(loaded.state.tasks[0].num == 1);
}

TEST_CASE("last_ts and event_count cover every event, unknown ones too", "[event]") {
  Book b(march_10);
  CHECK(b.state.event_count == 0);
  CHECK(b.state.last_ts == Timestamp{});
  b.goal("G");
  const Event& second = b.write(add_skip(b.state, march_10, std::nullopt, "", b.stamp()));
  CHECK(b.state.event_count == 2);
  CHECK(b.state.last_ts == second.stamp.ts);

  const Timestamp late = noon(2026y / March / 12);
  apply(b.state, event(uuid(7), late, "future.op", json::object()));
  CHECK(b.state.event_count == 3);
  CHECK(b.state.last_ts == late);
  // An older event (from another machine) does not move last_ts back.
  apply(b.state, event(uuid(8), noon(2026y / March / 1), "goal.add", {{"title", "old"}}));
  CHECK(b.state.event_count == 4);
  CHECK(b.state.last_ts == late);
}

// ---- the state rules, as replay applies them

TEST_CASE("logging on a todo task starts it on the log's day", "[event]") {
  Book b(march_10);
  const int t = b.task("T");
  REQUIRE(b.task_at(t).status == TaskStatus::todo);
  LogFields f = log_on_task(t);
  f.day = 2026y / March / 8;  // a back-dated check-in
  b.log(f);

  const Task task = replay_text(b.text).state.tasks.at(0);
  CHECK(task.status == TaskStatus::doing);
  CHECK(task.started_day == Day{2026y / March / 8});
  CHECK(task.started == b.events.back().stamp.ts);
  CHECK(task.last_activity == b.events.back().stamp.ts);
}

TEST_CASE("logging on a doing task keeps its first start", "[event]") {
  Book b(2026y / March / 8);
  const int t = b.task("T");
  b.task_action(t, TaskAction::start);
  b.today = march_10;
  b.log(log_on_task(t));

  const Task task = replay_text(b.text).state.tasks.at(0);
  CHECK(task.status == TaskStatus::doing);
  CHECK(task.started_day == Day{2026y / March / 8});
}

TEST_CASE("a check-in on a task inherits the task's goal and kind", "[event]") {
  Book b(march_10);
  const int g = b.goal("G");
  TaskFields tf;
  tf.goal = Clearable<int>::value_type(g);
  tf.kind = Kind::learn;
  const int t = b.task("T", tf);

  SECTION("unless told otherwise") {
    b.log(log_on_task(t));
    CHECK(data_of(b.events.back()).at("goal") == b.goal_at(g).id);
    CHECK(data_of(b.events.back()).at("kind") == "learn");
    const LogEntry l = replay_text(b.text).state.logs.at(0);
    CHECK(l.goal == g);
    CHECK(l.kind == Kind::learn);
    CHECK(l.task == t);
  }
  SECTION("a kind given wins") {
    LogFields f = log_on_task(t);
    f.kind = Kind::do_;
    b.log(f);
    const LogEntry l = replay_text(b.text).state.logs.at(0);
    CHECK(l.goal == g);
    CHECK(l.kind == Kind::do_);
  }
  SECTION("a goal cleared stays cleared") {
    LogFields f = log_on_task(t);
    f.goal = std::optional<int>();
    b.log(f);
    CHECK_FALSE(replay_text(b.text).state.logs.at(0).goal.has_value());
  }
}

TEST_CASE("a check-in without a task is 'do' for today", "[event]") {
  Book b(march_10);
  b.log();
  const LogEntry l = replay_text(b.text).state.logs.at(0);
  CHECK(l.kind == Kind::do_);
  CHECK(l.day == march_10);
  CHECK_FALSE(l.task.has_value());
  CHECK_FALSE(l.goal.has_value());
}

TEST_CASE("done and drop end a task and reopen brings it back", "[event]") {
  Book b(2026y / March / 8);
  const int started = b.task("started");
  const int never = b.task("never started");
  b.log(log_on_task(started));
  b.today = 2026y / March / 9;
  b.task_action(started, TaskAction::done);
  b.task_action(never, TaskAction::drop);

  State s = replay_text(b.text).state;
  CHECK(s.tasks[0].status == TaskStatus::done);
  CHECK(s.tasks[0].finished_day == Day{2026y / March / 9});
  CHECK(s.tasks[1].status == TaskStatus::dropped);
  CHECK(s.tasks[1].finished_day == Day{2026y / March / 9});

  b.today = march_10;
  b.task_action(started, TaskAction::reopen);
  b.task_action(never, TaskAction::reopen);
  s = replay_text(b.text).state;
  CHECK(s.tasks[0].status == TaskStatus::doing);
  CHECK(s.tasks[0].started_day == Day{2026y / March / 8});
  CHECK_FALSE(s.tasks[0].finished_day.has_value());
  CHECK_FALSE(s.tasks[0].finished.has_value());
  CHECK(s.tasks[1].status == TaskStatus::todo);
  CHECK_FALSE(s.tasks[1].started.has_value());
  CHECK_FALSE(s.tasks[1].finished_day.has_value());
}

TEST_CASE("a deferral sets the due day and records from, to and reason", "[event]") {
  Book b(2026y / March / 8);
  const int t = b.task("T");
  b.write(defer_task(b.state, t, 2026y / March / 12, "", b.stamp(), b.today));
  b.today = march_10;
  b.write(defer_task(b.state, t, 2026y / March / 20, "waiting for data", b.stamp(), b.today));

  const Task task = replay_text(b.text).state.tasks.at(0);
  CHECK(task.due == Day{2026y / March / 20});
  REQUIRE(task.deferrals.size() == 2);
  CHECK_FALSE(task.deferrals[0].from.has_value());
  CHECK(task.deferrals[0].to == Day{2026y / March / 12});
  CHECK(task.deferrals[0].day == Day{2026y / March / 8});
  CHECK(task.deferrals[0].reason.empty());
  CHECK(task.deferrals[1].from == Day{2026y / March / 12});
  CHECK(task.deferrals[1].to == Day{2026y / March / 20});
  CHECK(task.deferrals[1].day == march_10);
  CHECK(task.deferrals[1].reason == "waiting for data");
  CHECK(task.deferrals[1].ts == b.events.back().stamp.ts);
  CHECK(task.status == TaskStatus::todo);
}

TEST_CASE("a pause with an end date is over on that date", "[event]") {
  Book b(march_10);
  const int g = b.goal("G");
  b.goal_action(g, GoalAction::pause, 2026y / March / 14);

  const Goal goal = replay_text(b.text).state.goals.at(0);
  CHECK(goal.status == GoalStatus::paused);
  REQUIRE(goal.pauses.size() == 1);
  CHECK(goal.pauses[0].from == march_10);
  CHECK(goal.pauses[0].until == Day{2026y / March / 14});
  CHECK_FALSE(is_paused_on(goal, 2026y / March / 9));
  CHECK(is_paused_on(goal, march_10));
  CHECK(is_paused_on(goal, 2026y / March / 13));
  CHECK_FALSE(is_paused_on(goal, 2026y / March / 14));
  CHECK(effective_status(goal, 2026y / March / 13) == GoalStatus::paused);
  CHECK(effective_status(goal, 2026y / March / 14) == GoalStatus::active);
  CHECK(effective_status(goal, 2026y / March / 20) == GoalStatus::active);
}

TEST_CASE("resume closes an open pause on the day it is made", "[event]") {
  Book b(2026y / March / 5);
  const int g = b.goal("G");
  b.goal_action(g, GoalAction::pause);
  b.today = march_10;
  b.goal_action(g, GoalAction::resume);

  const Goal goal = replay_text(b.text).state.goals.at(0);
  CHECK(goal.status == GoalStatus::active);
  REQUIRE(goal.pauses.size() == 1);
  CHECK(goal.pauses[0].from == Day{2026y / March / 5});
  CHECK(goal.pauses[0].until == march_10);
  CHECK(is_paused_on(goal, 2026y / March / 9));
  CHECK_FALSE(is_paused_on(goal, march_10));
  CHECK(effective_status(goal, march_10) == GoalStatus::active);
}

TEST_CASE("an early resume shortens a pause that had an end date", "[event]") {
  Book b(2026y / March / 5);
  const int g = b.goal("G");
  b.goal_action(g, GoalAction::pause, 2026y / March / 20);
  b.today = march_10;
  b.goal_action(g, GoalAction::resume);

  const Goal goal = replay_text(b.text).state.goals.at(0);
  CHECK(goal.pauses.at(0).until == march_10);
  CHECK_FALSE(is_paused_on(goal, 2026y / March / 15));
}

TEST_CASE("achieving or dropping a goal records the day it ended", "[event]") {
  Book b(march_10);
  const int a = b.goal("A");
  const int d = b.goal("D");
  b.goal_action(a, GoalAction::achieve);
  b.goal_action(d, GoalAction::drop);
  const State s = replay_text(b.text).state;
  CHECK(s.goals[0].status == GoalStatus::achieved);
  CHECK(s.goals[0].ended == march_10);
  CHECK(s.goals[1].status == GoalStatus::dropped);
  CHECK(s.goals[1].ended == march_10);
}

TEST_CASE("a cadence edit applies from the day it is made", "[event]") {
  Book b(2026y / March / 1);
  GoalFields gf;
  gf.cadence = parse_cadence("daily");
  const int g = b.goal("G", gf);
  b.today = march_10;
  GoalFields edit;
  edit.cadence = parse_cadence("3/week");
  b.write(edit_goal(b.state, g, edit, b.stamp(), b.today));

  const Goal goal = replay_text(b.text).state.goals.at(0);
  REQUIRE(goal.cadences.size() == 2);
  CHECK(goal.cadences[0].from == Day{2026y / March / 1});
  CHECK(goal.cadences[1].from == march_10);
  CHECK(cadence_on(goal, 2026y / February / 20) == parse_cadence("daily"));
  CHECK(cadence_on(goal, 2026y / March / 9) == parse_cadence("daily"));
  CHECK(cadence_on(goal, march_10) == parse_cadence("3/week"));
  CHECK(cadence_on(goal, 2026y / April / 1) == parse_cadence("3/week"));
  CHECK(goal.cadences.back().cadence == parse_cadence("3/week"));
}

TEST_CASE("removing a check-in keeps every short number", "[event]") {
  Book b(march_10);
  b.log();
  const int middle = b.log();
  b.log();
  b.write(remove_log(b.state, middle, b.stamp()));
  b.log();

  const State s = replay_text(b.text).state;
  REQUIRE(s.logs.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) CHECK(s.logs[i].num == static_cast<int>(i) + 1);
  CHECK_FALSE(s.logs[0].removed);
  CHECK(s.logs[1].removed);
  CHECK_FALSE(s.logs[2].removed);
  CHECK_FALSE(s.logs[3].removed);
}

TEST_CASE("a skip is planned for one goal or for all", "[event]") {
  Book b(march_10);
  const int g = b.goal("G");
  b.write(add_skip(b.state, 2026y / March / 12, g, "dentist", b.stamp()));
  b.write(add_skip(b.state, 2026y / March / 14, std::nullopt, "", b.stamp()));

  const State s = replay_text(b.text).state;
  REQUIRE(s.skips.size() == 2);
  CHECK(s.skips[0].num == 1);
  CHECK(s.skips[0].day == Day{2026y / March / 12});
  CHECK(s.skips[0].goal == g);
  CHECK(s.skips[0].reason == "dentist");
  CHECK(s.skips[1].num == 2);
  CHECK(s.skips[1].day == Day{2026y / March / 14});
  CHECK_FALSE(s.skips[1].goal.has_value());
  CHECK(s.skips[1].reason.empty());
}

TEST_CASE("an event merged in twice is applied once", "[event]") {
  const Event defer = event(uuid(2), noon(2026y / March / 10, milliseconds{1}), "task.defer",
                            {{"task", uuid(1)}, {"from", nullptr}, {"to", "2026-03-12"}});
  std::string text =
      journal_of({event(uuid(1), noon(2026y / March / 10), "task.add", {{"title", "T"}}), defer});
  text += to_line(defer);
  const Loaded loaded = replay_text(text);
  REQUIRE(loaded.state.tasks.size() == 1);
  CHECK(loaded.state.tasks[0].deferrals.size() == 1);
  CHECK(loaded.state.event_count == 2);
}
