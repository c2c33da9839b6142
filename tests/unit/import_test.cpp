// The importers on small fixtures written for these tests: the exact events each makes and
// what each reports as skipped; plan_import's stamps and its idempotence; a momentum export
// read back and merged by event id.
#include "momentum/import.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "export_journal.hpp"
#include "momentum/codec.hpp"
#include "momentum/error.hpp"
#include "momentum/event.hpp"
#include "momentum/snapshot.hpp"

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

namespace {

// The lines of `text`, each without its '\n'.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t nl = text.find('\n', pos);
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl == std::string::npos ? text.size() : nl + 1;
  }
  return lines;
}

// An export as `export --format json` lays it out, of the journal `text` (no state: a reader
// ignores it).
std::string export_of(const std::string& text, const std::string& version = "1") {
  const std::vector<std::string> lines = lines_of(text);
  std::string out = R"({"momentum":"export","version":)" + version +
                    R"(,"exported":"2026-04-03T09:00:00.000Z",)" +
                    "\n\"header\":" + (lines.empty() ? "null" : lines.front()) + ",\n\"events\":[";
  for (std::size_t i = 1; i < lines.size(); ++i) out += (i == 1 ? "\n" : ",\n") + lines[i];
  return out + "\n],\n\"state\":{}\n}\n";
}

// The journal an import into an empty one writes: the header, then the events.
std::string journal_of(const MomentumExport& batch, const std::vector<Event>& events) {
  std::string text = batch.header + "\n";
  for (const Event& e : events) text += to_line(e);
  return text;
}

std::string state_bytes(const std::string& journal) {
  return encode_state(replay(journal, "journal").state);
}

}  // namespace

TEST_CASE("momentum export: told from its first bytes") {
  CHECK(is_momentum_export(R"({"momentum":"export","version":1})"));
  CHECK(is_momentum_export("\xEF\xBB\xBF \n{\n  \"momentum\" : \"export\",\n  \"version\": 1\n}"));
  CHECK_FALSE(is_momentum_export(R"({"momentum":"journal","version":1})"));
  CHECK_FALSE(is_momentum_export(R"([{"uuid":"a","status":"pending"}])"));
  CHECK_FALSE(is_momentum_export(R"({"uuid":"a","momentum":"export"})"));
  CHECK_FALSE(is_momentum_export(""));
}

TEST_CASE("momentum export: the header and every event, as the codec reads the lines") {
  const std::string journal = test::export_journal();
  const MomentumExport batch = parse_momentum_export(export_of(journal), "x.json");
  const std::vector<std::string> lines = lines_of(journal);
  CHECK(batch.header == lines.front());
  REQUIRE(batch.events.size() == lines.size() - 1);
  for (std::size_t i = 0; i < batch.events.size(); ++i) {
    CHECK(batch.events[i] == read_event(lines[i + 1]));
    CHECK(to_line(batch.events[i]) == lines[i + 1] + "\n");  // written back byte for byte
  }
  CHECK(batch.skipped.empty());
  // Pretty-printed (by jq), and with members in another order: the same.
  const std::string pretty = nlohmann::ordered_json::parse(export_of(journal)).dump(2);
  CHECK(parse_momentum_export(pretty, "x.json").events == batch.events);
  // An empty journal's export.
  const MomentumExport empty = parse_momentum_export(export_of(""), "x.json");
  CHECK(empty.header.empty());
  CHECK(empty.events.empty());
}

TEST_CASE("momentum export: into an empty journal, the same state, ids and history") {
  const std::string journal = test::export_journal();
  const MomentumExport batch = parse_momentum_export(export_of(journal), "x.json");
  const ImportPlan plan = plan_momentum_import({}, batch);
  CHECK(plan.events == batch.events);
  const ImportReport& r = plan.report;
  CHECK(r.source == ImportSource::momentum);
  CHECK(r.goals == 2);
  CHECK(r.tasks == 3);
  CHECK(r.checkins == 4);  // the removed one too: its removal is history
  CHECK(r.skips == 1);
  CHECK(r.notes == 4);
  CHECK(r.events == 14);
  CHECK(r.present == 0);
  CHECK(r.skipped.empty());
  const std::string rebuilt = journal_of(batch, plan.events);
  CHECK(rebuilt == journal);
  // Again: every event is there.
  const ImportPlan again = plan_momentum_import(read_events(rebuilt, "journal"), batch);
  CHECK(again.events.empty());
  CHECK(again.report.present == 14);
  CHECK(again.report.events == 0);
  CHECK(again.report.goals == 0);
}

TEST_CASE("momentum export: merged into a journal with its own history, by event id") {
  const std::vector<std::string> lines = lines_of(test::export_journal());
  // This journal holds the first five events, one of its own written in between, and another
  // event under the id of the export's seventh.
  const std::string own =
      R"({"id":"00000000-0000-4000-8000-0000000000aa","ts":"2026-03-02T08:00:00.000Z","tz":"+00:00","op":"goal.add","data":{"cadence":"daily","day":"2026-03-02","importance":3,"tags":[],"title":"Read"}})";
  const std::string clash =
      R"({"id":"00000000-0000-4000-8000-000000000007","ts":"2026-03-03T21:00:00.000Z","tz":"+00:00","op":"log.add","data":{"day":"2026-03-03","kind":"learn","minutes":10}})";
  std::string journal = lines[0] + "\n";
  for (std::size_t i = 1; i <= 5; ++i) journal += lines[i] + "\n";
  journal += own + "\n" + clash + "\n";
  const MomentumExport batch = parse_momentum_export(export_of(test::export_journal()), "x.json");
  const ImportPlan plan = plan_momentum_import(read_events(journal, "journal"), batch);
  REQUIRE(plan.events.size() == 8);
  CHECK(plan.events.front() == read_event(lines[6]));
  CHECK(plan.report.present == 5);
  CHECK(plan.report.events == 8);
  CHECK(plan.report.goals == 0);
  CHECK(plan.report.tasks == 0);
  CHECK(plan.report.checkins == 3);
  CHECK(plan.report.skipped ==
        std::vector<ImportSkipped>{{"event 00000000-0000-4000-8000-000000000007 (log.add)",
                                    "the journal holds another event with this id; it stays"}});
  // The merge is a union by id: replay interleaves by (ts, id), whatever the file order.
  std::string merged = journal;
  for (const Event& e : plan.events) merged += to_line(e);
  const Loaded loaded = replay(merged, "journal");
  REQUIRE(loaded.state.goals.size() == 3);
  CHECK(loaded.state.goals[2].title == "Read");  // after the export's two goals by ts
  CHECK(loaded.state.goals[2].num == 3);
  CHECK(loaded.state.logs.size() == 4);  // 6, its own 7; 13 and 14 (the removal reverts 7)
  // The same events in (ts, id) order give the same state.
  std::vector<Event> all = read_events(merged, "journal");
  std::string sorted = lines[0] + "\n";
  for (const Event& e : all) sorted += to_line(e);
  CHECK(state_bytes(sorted) == state_bytes(merged));
}

TEST_CASE("momentum export: of events sharing an id, the one replay reads comes in") {
  const std::string head =
      R"({"momentum":"journal","version":1,"created":"2026-03-01T12:00:00.000Z"})";
  const std::string later =
      R"({"id":"00000000-0000-4000-8000-000000000001","ts":"2026-03-02T12:00:00.000Z","tz":"+00:00","op":"goal.add","data":{"title":"Later"}})";
  const std::string first =
      R"({"id":"00000000-0000-4000-8000-000000000001","ts":"2026-03-01T12:00:00.000Z","tz":"+00:00","op":"goal.add","data":{"title":"First"}})";
  const std::string journal = head + "\n" + later + "\n" + first + "\n";
  const MomentumExport batch = parse_momentum_export(export_of(journal), "x.json");
  REQUIRE(batch.events.size() == 1);
  CHECK(std::get<GoalAdd>(batch.events[0].op).title == "First");
  CHECK(batch.skipped ==
        std::vector<ImportSkipped>{{"events[0] (00000000-0000-4000-8000-000000000001)",
                                    "a repeated event id: replay reads only the first"}});
  const ImportPlan plan = plan_momentum_import({}, batch);
  CHECK(state_bytes(journal_of(batch, plan.events)) == state_bytes(journal));
}

TEST_CASE("momentum export: a malformed export is rejected whole, naming the line or member") {
  const std::string good = export_of(test::export_journal());
  CHECK_THROWS_WITH(
      parse_momentum_export("{\"momentum\":\"export\",\n\"version\":1,\n\"events\":[}\n", "x.json"),
      "x.json:3: not a momentum export: syntax error while parsing value - "
      "unexpected '}'; expected '[', '{', or a literal");
  CHECK_THROWS_WITH(parse_momentum_export(good.substr(0, good.size() / 2), "x.json"),
                    Catch::Matchers::StartsWith(
                        "x.json:10: not a momentum export: syntax error while parsing object "
                        "key - invalid string: missing closing quote; last read: '\"id'"));
  CHECK_THROWS_WITH(parse_momentum_export("", "x.json"),
                    Catch::Matchers::StartsWith("x.json:1: not a momentum export: "));
  const std::string not_export =
      "x.json: not a momentum export (a JSON object with \"momentum\":\"export\", as "
      "'momentum export --format json' writes)";
  CHECK_THROWS_WITH(parse_momentum_export("[]", "x.json"), not_export);
  CHECK_THROWS_WITH(parse_momentum_export(R"({"momentum":"journal","version":1})", "x.json"),
                    not_export);
  CHECK_THROWS_WITH(parse_momentum_export(export_of(test::export_journal(), "2"), "x.json"),
                    "x.json: export version 2 is not supported; this momentum reads version 1");
  CHECK_THROWS_WITH(parse_momentum_export(export_of(test::export_journal(), "\"1\""), "x.json"),
                    "x.json: 'version' is missing or not an integer");
  CHECK_THROWS_WITH(
      parse_momentum_export(R"({"momentum":"export","version":1,"events":[]})", "x.json"),
      "x.json: 'header' is missing");
  CHECK_THROWS_WITH(
      parse_momentum_export(R"({"momentum":"export","version":1,"header":null})", "x.json"),
      "x.json: 'events' is missing");
  CHECK_THROWS_WITH(parse_momentum_export(
                        R"({"momentum":"export","version":1,"header":null,"events":{}})", "x.json"),
                    "x.json: 'events' is not an array of journal events");
  CHECK_THROWS_WITH(
      parse_momentum_export(
          R"({"momentum":"export","version":1,"header":{"momentum":"journal","version":2},"events":[]})",
          "x.json"),
      "x.json: 'header': journal version 2 is not supported; this momentum reads version 1");
  CHECK_THROWS_WITH(
      parse_momentum_export(R"({"momentum":"export","version":1,"header":[],"events":[]})",
                            "x.json"),
      "x.json: 'header' is not a journal header ({\"momentum\":\"journal\",…}) or null");
  // An event the codec cannot read: the file is refused, naming the event.
  std::string bad_ts = good;
  bad_ts.replace(bad_ts.find("2026-03-01T12:01:00.000Z"), 24, "yesterday");
  CHECK_THROWS_WITH(
      parse_momentum_export(bad_ts, "x.json"),
      Catch::Matchers::StartsWith("x.json: events[1]: ") && Catch::Matchers::Contains("yesterday"));
  CHECK_THROWS_WITH(
      parse_momentum_export(
          R"({"momentum":"export","version":1,"header":null,"events":[{"momentum":"journal","version":1}]})",
          "x.json"),
      "x.json: events[0]: a header, not an event");
  CHECK_THROWS_WITH(
      parse_momentum_export(R"({"momentum":"export","version":1,"header":null,"events":[3]})",
                            "x.json"),
      "x.json: events[0] is not a JSON object");
  std::string bad_type = good;
  bad_type.replace(bad_type.find(R"("importance":5)"), 14, R"("importance":"high")");
  CHECK_THROWS_WITH(parse_momentum_export(bad_type, "x.json"),
                    Catch::Matchers::StartsWith("x.json: events[0]: 'importance'"));
}
