// The importers on small fixtures written for these tests: the exact events each makes and
// what each reports as skipped; plan_import's stamps and its idempotence.
#include "momentum/import.hpp"

#include <catch2/catch.hpp>

#include "momentum/error.hpp"
#include "momentum/event.hpp"

using namespace momentum;
using namespace std::chrono;

namespace {

const Day dec_6 = 2026y / December / 6;
const ImportDays utc{minutes{0}, minutes{4 * 60}, dec_6};

template <class T>
std::vector<T> ops_of(const ImportBatch& batch) {
  std::vector<T> out;
  for (const ImportEvent& e : batch.events)
    if (const T* op = std::get_if<T>(&e.op)) out.push_back(*op);
  return out;
}

bool skipped_with(const ImportBatch& batch, std::string_view what, std::string_view why) {
  for (const ImportSkipped& s : batch.skipped)
    if (s.what == what && s.why == why) return true;
  return false;
}

Clock clock_at(Day day) { return Clock{Timestamp{sys_days{day}} + hours{9}, minutes{0}}; }

State replayed(const ImportPlan& plan) {
  State state;
  for (const Event& e : plan.events) apply(state, e);
  return state;
}

}  // namespace

TEST_CASE("stable_import_id: the same key gives the same UUID, another key another") {
  const Uuid a = stable_import_id("taskwarrior:9967f46c");
  CHECK(a == stable_import_id("taskwarrior:9967f46c"));
  CHECK(a != stable_import_id("taskwarrior:9967f46d"));
  REQUIRE(a.size() == 36);
  CHECK(a[14] == '8');  // version 8
  CHECK((a[19] == '8' || a[19] == '9' || a[19] == 'a' || a[19] == 'b'));
}

// A pending task with a project, priority, due day, start, tags, an annotation and a UDA; a
// completed one; a deleted one; one waiting with a future wait; a 2.5-style depends string.
constexpr std::string_view tw_export = R"([
{"id":1,"description":"Read a paper","due":"20261210T000000Z","entry":"20261201T100000Z","estimate":2,"priority":"H","project":"learning.ml","start":"20261203T020000Z","status":"pending","uuid":"u1","annotations":[{"entry":"20261201T100000Z","description":"see https:\/\/arxiv.org"}],"tags":["reading","bad tag"],"urgency":27.6},
{"id":0,"description":"Submit baseline","end":"20261205T180000Z","entry":"20261202T080000Z","project":"learning.ml","status":"completed","uuid":"u2","priority":"L"},
{"id":0,"description":"Old idea","end":"20261204T180000Z","entry":"20261202T080000Z","status":"deleted","uuid":"u3"},
{"id":2,"description":"Renew passport","entry":"20261202T080000Z","status":"waiting","wait":"20270115T000000Z","uuid":"u4","depends":"u1,u2"}
]
)";

TEST_CASE("taskwarrior: projects become goals, tasks keep their days, status and importance") {
  const ImportBatch b = parse_taskwarrior(tw_export, "export.json", utc);
  CHECK(b.source == ImportSource::taskwarrior);
  const auto goals = ops_of<GoalAdd>(b);
  REQUIRE(goals.size() == 1);
  CHECK(goals[0].title == "learning.ml");  // dotted projects kept whole
  CHECK(goals[0].cadence == Cadence{Cadence::Type::none});
  CHECK(goals[0].day == Day{2026y / December / 1});
  const Uuid goal = stable_import_id("taskwarrior:project:learning.ml");
  const auto tasks = ops_of<TaskAdd>(b);
  REQUIRE(tasks.size() == 3);
  CHECK(tasks[0].title == "Read a paper");
  CHECK(tasks[0].goal == Clearable<Uuid>(std::optional<Uuid>(goal)));
  CHECK(tasks[0].importance == 5);
  CHECK(tasks[0].due == Clearable<Day>(std::optional<Day>(2026y / December / 10)));
  CHECK(tasks[0].tags == std::vector<std::string>{"reading"});
  CHECK(tasks[0].day == Day{2026y / December / 1});
  CHECK(tasks[1].title == "Submit baseline");
  CHECK(tasks[1].importance == 1);
  CHECK(tasks[2].title == "Renew passport");
  CHECK(!tasks[2].goal);
  const auto statuses = ops_of<TaskSetStatus>(b);
  REQUIRE(statuses.size() == 2);
  // Started at 02:00 UTC, before the 04:00 day start: it counts for the day before.
  CHECK(statuses[0] == TaskSetStatus{stable_import_id("taskwarrior:u1"), TaskStatus::doing,
                                     Day{2026y / December / 2}});
  CHECK(statuses[1] == TaskSetStatus{stable_import_id("taskwarrior:u2"), TaskStatus::done,
                                     Day{2026y / December / 5}});
  CHECK(skipped_with(b, "task 'Old idea'", "deleted in Taskwarrior"));
  CHECK(skipped_with(b, "tag 'bad tag' on task 'Read a paper'",
                     "not a momentum tag (1-50 characters, no spaces)"));
  CHECK(skipped_with(b, "task 'Renew passport' waits until 2027-01-15",
                     "momentum has no waiting: it is a todo now"));
  CHECK(skipped_with(b, "task 'Renew passport' depends on task 'Read a paper'",
                     "momentum has no task dependencies"));
  CHECK(skipped_with(b, "task 'Read a paper': 'see https://arxiv.org'",
                     "annotation: momentum tasks hold no notes"));
  CHECK(skipped_with(b, "field 'estimate' on 1 task",
                     "a Taskwarrior UDA: momentum has no such field"));
}

TEST_CASE("taskwarrior: one object per line reads the same as the array") {
  const std::string lines =
      R"({"description":"A","entry":"20261201T100000Z","status":"pending","uuid":"a"})"
      "\n"
      R"({"description":"B","entry":"20261201T100000Z","status":"completed","end":"20261202T100000Z","uuid":"b"})"
      "\n";
  const std::string array = "[\n" + lines.substr(0, lines.find('\n')) + ",\n" +
                            lines.substr(lines.find('\n') + 1) + "]\n";
  const ImportBatch a = parse_taskwarrior(lines, "x", utc);
  const ImportBatch b = parse_taskwarrior(array, "x", utc);
  REQUIRE(a.events.size() == 3);
  REQUIRE(b.events.size() == 3);
  for (std::size_t i = 0; i < a.events.size(); ++i) {
    CHECK(a.events[i].id == b.events[i].id);
    CHECK(a.events[i].op == b.events[i].op);
  }
}

TEST_CASE("taskwarrior: a recurring task is a goal, its completed occurrences check-ins") {
  constexpr std::string_view recurring = R"([
{"description":"Meditate","due":"20261129T070000Z","entry":"20261206T021457Z","mask":"++X-","recur":"daily","status":"recurring","uuid":"p","tags":["habit"]},
{"description":"Meditate","due":"20261129T070000Z","end":"20261129T073000Z","parent":"p","recur":"daily","status":"completed","uuid":"c1","annotations":[{"entry":"20261129T073000Z","description":"calm"}]},
{"description":"Meditate","due":"20261130T070000Z","end":"20261201T073000Z","parent":"p","recur":"daily","status":"completed","uuid":"c2"},
{"description":"Meditate","due":"20261201T070000Z","end":"20261201T073000Z","parent":"p","recur":"daily","status":"deleted","uuid":"c3"},
{"description":"Meditate","due":"20261202T070000Z","parent":"p","recur":"daily","status":"pending","uuid":"c4"}
])";
  const ImportBatch b = parse_taskwarrior(recurring, "x", utc);
  const auto goals = ops_of<GoalAdd>(b);
  REQUIRE(goals.size() == 1);
  CHECK(goals[0].title == "Meditate");
  CHECK(goals[0].cadence == Cadence{Cadence::Type::daily});
  CHECK(goals[0].day == Day{2026y / November / 29});  // the first occurrence, not the entry
  CHECK(goals[0].tags == std::vector<std::string>{"habit"});
  CHECK(ops_of<TaskAdd>(b).empty());
  const auto logs = ops_of<LogAdd>(b);
  REQUIRE(logs.size() == 2);
  CHECK(logs[0].day == Day{2026y / November / 29});
  CHECK(logs[0].note == "calm");
  CHECK(logs[1].day == Day{2026y / November / 30});  // the day it was due, done late
  CHECK(logs[1].goal == Clearable<Uuid>(std::optional<Uuid>(stable_import_id("taskwarrior:p"))));
  CHECK(
      skipped_with(b, "2026-12-01 of task 'Meditate'", "a deleted occurrence of a recurring task"));
  CHECK(skipped_with(b, "2026-12-02 of task 'Meditate'",
                     "an open occurrence of a recurring task: the goal's cadence asks for it"));
}

TEST_CASE("taskwarrior: a malformed file is rejected whole, naming the line or the field") {
  CHECK_THROWS_WITH(parse_taskwarrior("[\n{\"uuid\":\"a\",\n\"status\":}\n]", "t.json", utc),
                    Catch::StartsWith("t.json:3: not Taskwarrior's JSON: "));
  CHECK_THROWS_WITH(parse_taskwarrior("{\"uuid\":\"a\",\"status\":\"pending\"}\n{\"uuid\":\"b\"\n",
                                      "t.json", utc),
                    Catch::StartsWith("t.json:2: not Taskwarrior's JSON: "));
  CHECK_THROWS_WITH(
      parse_taskwarrior(R"([{"uuid":"a","status":"pending","due":"2026-12-10"}])", "t.json", utc),
      "t.json: task 1 (a): 'due' is not a date (YYYYMMDDTHHMMSSZ): '2026-12-10'");
  CHECK_THROWS_WITH(parse_taskwarrior(R"([{"uuid":"a","status":"open"}])", "t.json", utc),
                    "t.json: task 1 (a): unknown status 'open'; expected pending, waiting, "
                    "completed, deleted or recurring");
  CHECK_THROWS_WITH(parse_taskwarrior(R"([{"status":"pending"}])", "t.json", utc),
                    "t.json: task 1: 'uuid' is missing");
  CHECK_THROWS_WITH(parse_taskwarrior("42\n", "t.json", utc),
                    "t.json:1: expected a task (a JSON object) or an array of them");
}

constexpr std::string_view harsh_habits =
    "# my habits\n"
    "! Daily\n"
    "Meditated: 1\n"
    "Gym: 3/7\n"
    "Called Mom: 1w\n"
    "Coffee: 0\n"
    "Old habit: 1: 2026-11-02\n"
    "no delimiter\n";
constexpr std::string_view harsh_log =
    "2026-11-01 : Meditated : y\n"
    "2026-11-01 : Old habit : y :  : \n"
    "2026-11-02 : Meditated : s : travelling : \n"
    "2026-11-02 : Gym : y : legs : 1.5\n"
    "2026-11-03 : Meditated : n : overslept : 0\n"
    "2026-11-03 : Meditated : y :  : \n"
    "2026-11-03 : Old habit : y :  : \n"
    "2026-11-04 : Coffee : y :  : lots\n"
    "2026-11-04 : Flossed : y\n"
    "2026-13-01 : Meditated : y\n"
    "2026-11-05 : Meditated : maybe\n";

TEST_CASE("harsh: habits become goals with their cadence, answers check-ins and rest days") {
  const ImportBatch b = parse_harsh(harsh_habits, harsh_log, "harsh", dec_6);
  CHECK(b.source == ImportSource::harsh);
  const auto goals = ops_of<GoalAdd>(b);
  REQUIRE(goals.size() == 5);
  CHECK(goals[0].title == "Meditated");
  CHECK(goals[0].cadence == Cadence{Cadence::Type::daily});
  CHECK(goals[0].day == Day{2026y / November / 1});
  CHECK(goals[1].cadence == Cadence{Cadence::Type::rolling, 3, 7});
  CHECK(goals[2].cadence == Cadence{Cadence::Type::rolling, 1, 7});
  CHECK(!goals[2].day);  // never answered
  CHECK(goals[3].cadence == Cadence{Cadence::Type::none});
  CHECK(goals[4].target == Clearable<Day>(std::optional<Day>(2026y / November / 2)));
  const Uuid meditated = stable_import_id("harsh:habit:Meditated");
  const auto logs = ops_of<LogAdd>(b);
  REQUIRE(logs.size() == 5);
  CHECK(logs[0].day == Day{2026y / November / 1});
  CHECK(logs[0].goal == Clearable<Uuid>(std::optional<Uuid>(meditated)));
  CHECK(!logs[0].note);
  CHECK(logs[1].day == Day{2026y / November / 3});  // the last line for a day wins
  CHECK(logs[2].note == "legs amount 1.5");
  CHECK(!logs[3].note);  // Coffee: an amount that is not a number reads 0
  const auto skips = ops_of<SkipAdd>(b);
  REQUIRE(skips.size() == 1);
  CHECK(skips[0] == SkipAdd{Day{2026y / November / 2}, meditated, "travelling"});
  const auto ended = ops_of<GoalSetStatus>(b);
  REQUIRE(ended.size() == 1);
  CHECK(ended[0].status == GoalStatus::achieved);
  CHECK(ended[0].day == Day{2026y / November / 3});
  CHECK(skipped_with(b, "habits line 8",
                     "no ': ' between a name and a frequency (harsh skips it too)"));
  CHECK(skipped_with(b, "log line 9 ('Flossed')",
                     "no such habit in 'habits' (harsh does not show it either)"));
  CHECK(skipped_with(b, "log line 10", "not a day YYYY-MM-DD (harsh skips it too)"));
  CHECK(skipped_with(b, "log line 11", "an answer other than y, n or s (harsh skips it too)"));
  CHECK(skipped_with(b, "amount 'lots' on log line 8", "not a number (harsh reads 0)"));
  CHECK(skipped_with(b, "Old habit on 2026-11-03", "after the habit's end date (harsh hides it)"));
}

TEST_CASE("harsh: what harsh itself refuses is rejected whole") {
  CHECK_THROWS_WITH(parse_harsh("A: 4/2\n", "", "h", dec_6),
                    "h/habits:1: invalid frequency '4/2' for habit 'A': the target must not "
                    "exceed the interval");
  CHECK_THROWS_WITH(parse_harsh("A: daily\n", "", "h", dec_6),
                    "h/habits:1: invalid frequency 'daily' for habit 'A': expected N or T/I "
                    "(e.g. 1, 7, 3/7, 1w)");
  CHECK_THROWS_WITH(parse_harsh("\nA: 1: soon\n", "", "h", dec_6),
                    "h/habits:2: invalid end date 'soon' for habit 'A'; expected YYYY-MM-DD");
}

TEST_CASE("loop: both CSV layouts give the same habits") {
  const std::vector<NamedText> v231{
      {"Habits.csv",
       "Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,"
       "Unit,Target Type,Target Value,Archived?\n"
       "001,Wake up early,YES_NO,Up before 6?,,2,3,#00897B,,,,false\n"
       "002,Run,NUMERICAL,How far?,\"Long, slow\",3,7,#FF8F00,km,AT_LEAST,2.0,true\n"},
      {"001 Wake up early/Checkmarks.csv",
       "Date,Value,Notes\n2015-01-25,YES_MANUAL,early\n2015-01-24,NO,\n2015-01-23,YES_AUTO,\n"
       "2015-01-22,SKIP,ill\n2015-01-21,UNKNOWN,just a note\n"},
      {"002 Run/Checkmarks.csv", "Date,Value,Notes\n2015-01-25,2500,\n2015-01-24,NO,\n"}};
  const std::vector<NamedText> v230{
      {"Habits.csv",
       "Position,Name,Question,Description,NumRepetitions,Interval,Color\n"
       "001,Wake up early,Up before 6?,,2,3,#00897B\n"},
      {"001 Wake up early/Checkmarks.csv", "2015-01-25,2\n2015-01-24,0\n2015-01-23,1\n"},
      {"001 Wake up early/Scores.csv", "2015-01-25,0.5\n"}};
  const auto a = parse_loop_csv(v231, "new");
  REQUIRE(a.size() == 2);
  CHECK(a[0].name == "Wake up early");
  CHECK(a[0].freq_num == 2);
  CHECK(a[0].freq_den == 3);
  CHECK(a[0].entries.size() == 5);
  CHECK(a[1].numerical);
  CHECK(a[1].unit == "km");
  CHECK(a[1].description == "Long, slow");
  CHECK(a[1].archived);
  CHECK(a[1].entries[0] == LoopEntry{2015y / January / 25, 2500, ""});
  const auto b = parse_loop_csv(v230, "old");
  REQUIRE(b.size() == 1);
  CHECK(b[0].freq_num == 2);
  CHECK(b[0].entries.size() == 3);
  CHECK(!b[0].numerical);

  const ImportBatch batch = loop_batch(a);
  const auto goals = ops_of<GoalAdd>(batch);
  REQUIRE(goals.size() == 2);
  CHECK(goals[0].cadence == Cadence{Cadence::Type::rolling, 2, 3});
  CHECK(goals[0].day == Day{2015y / January / 21});
  CHECK(goals[1].cadence == Cadence{Cadence::Type::per_week, 3});
  CHECK(goals[1].why == "Long, slow");
  const auto logs = ops_of<LogAdd>(batch);
  REQUIRE(logs.size() == 2);
  CHECK(logs[0].day == Day{2015y / January / 25});
  CHECK(logs[0].note == "early");
  CHECK(logs[1].note == "2.5 km");
  const auto skips = ops_of<SkipAdd>(batch);
  REQUIRE(skips.size() == 1);
  CHECK(skips[0].reason == "ill");
  const auto ended = ops_of<GoalSetStatus>(batch);
  REQUIRE(ended.size() == 1);
  CHECK(ended[0].status == GoalStatus::dropped);
  CHECK(ended[0].day == Day{2015y / January / 26});
  CHECK(skipped_with(batch, "Wake up early on 2015-01-23",
                     "YES_AUTO: Loop infers it from the frequency; so does the cadence"));
  CHECK(skipped_with(batch, "Wake up early on 2015-01-24", "NO: not done, nothing to bring in"));
  CHECK(skipped_with(batch, "Wake up early on 2015-01-21", "a note on a day without a check-in"));
}

TEST_CASE("loop: a malformed CSV is rejected whole, naming the file and line") {
  CHECK_THROWS_WITH(parse_loop_csv({{"x.csv", "a"}}, "z"),
                    "z: no Habits.csv; expected Loop's CSV export");
  CHECK_THROWS_WITH(parse_loop_csv({{"Habits.csv",
                                     "Position,Name,Question,Description,NumRepetitions,"
                                     "Interval,Color\n001,A,,,x,1,#fff\n"}},
                                   "z"),
                    "z: Habits.csv:2: NumRepetitions 'x' is not a whole number");
  CHECK_THROWS_WITH(parse_loop_csv({{"Habits.csv",
                                     "Position,Name,Question,Description,"
                                     "NumRepetitions,Interval,Color\n001,A,,,1,1,#f\n"},
                                    {"001 A/Checkmarks.csv", "2015-01-25,2\n2015-02-30,2\n"}},
                                   "z"),
                    "z: 001 A/Checkmarks.csv:2: '2015-02-30' is not a day YYYY-MM-DD");
}

TEST_CASE("loop: database rows, timestamps at midnight UTC, values before schema 16") {
  const std::vector<LoopDbHabit> habits{
      {1, "Floss", "Did you floss?", std::nullopt, 1, 1, 0, 0, 0, "", 0, 1}};
  const std::vector<LoopDbRepetition> reps{{1, 1421971200000, 2, ""}, {1, 1422057600000, 3, "x"}};
  const auto h = loop_db_habits(habits, reps, "db");
  REQUIRE(h.size() == 1);
  CHECK(h[0].question == "Did you floss?");
  CHECK(h[0].description.empty());
  REQUIRE(h[0].entries.size() == 2);
  CHECK(h[0].entries[0].day == Day{2015y / January / 23});
  CHECK(h[0].entries[1] == LoopEntry{2015y / January / 24, 3, "x"});
  CHECK_THROWS_WITH(loop_db_habits(habits, {{7, 0, 2, ""}}, "db"),
                    "db: a repetition refers to habit 7, which is not in Habits");
}

TEST_CASE("plan_import: stamps after the journal, and leaves out what is already there") {
  const ImportBatch b = parse_harsh(harsh_habits, harsh_log, "harsh", dec_6);
  const ImportPlan first = plan_import(State{}, b, clock_at(dec_6));
  CHECK(first.report.goals == 5);
  CHECK(first.report.checkins == 5);
  CHECK(first.report.skips == 1);
  CHECK(first.report.notes == 2);
  CHECK(first.report.present == 0);
  REQUIRE(first.events.size() == b.events.size());
  for (std::size_t i = 1; i < first.events.size(); ++i) {
    CHECK(first.events[i].stamp.ts == first.events[i - 1].stamp.ts + milliseconds{1});
  }
  const State state = replayed(first);
  CHECK(state.goals.size() == 5);
  CHECK(state.logs.size() == 5);
  const ImportPlan again = plan_import(state, b, clock_at(dec_6));
  CHECK(again.events.empty());
  CHECK(again.report.goals == 0);
  CHECK(again.report.present == 11);  // 5 goals, 5 check-ins, 1 rest day
}
