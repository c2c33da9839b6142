// export_render.hpp: each export format on a small journal, exact.
#include "cli/export_render.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "builders.hpp"
#include "export_journal.hpp"

using namespace momentum;
using namespace momentum::test;
using momentum::cli::ExportTable;
using momentum::cli::ExportView;

namespace {

const Day march20 = sys_days{2026y / March / 20};
const Timestamp export_time = Timestamp{march20} + hours{9};

std::string json_of(const std::string& journal) {
  const Loaded loaded = replay_text(journal);
  std::ostringstream out;
  cli::print_export_json(out, ExportView{loaded.state, march20, export_time},
                         journal_lines(journal, loaded.valid_size));
  return out.str();
}

std::string csv_of(ExportTable table) {
  const State state = replay_text(export_journal()).state;
  std::ostringstream out;
  cli::print_export_csv(out, ExportView{state, march20, export_time}, table);
  return out.str();
}

}  // namespace

TEST_CASE("print_export_json: marker, header, events as written, then the state", "[export]") {
  const std::string header =
      R"({"momentum":"journal","version":1,"created":"2026-03-01T12:00:00.000Z"})";
  const std::string goal =
      R"({"id":"00000000-0000-4000-8000-000000000001","ts":"2026-03-01T12:00:00.000Z","tz":"+00:00","op":"goal.add","data":{"cadence":"daily","day":"2026-03-01","importance":3,"tags":[],"title":"Run"}})";
  const std::string log =
      R"({"id":"00000000-0000-4000-8000-000000000002","ts":"2026-03-02T12:00:00.000Z","tz":"+00:00","op":"log.add","data":{"day":"2026-03-02","goal":"00000000-0000-4000-8000-000000000001","kind":"do","minutes":30}})";
  CHECK(json_of(header + "\n" + goal + "\n\n" + log + "\n") ==
        R"({"momentum":"export","version":1,"exported":"2026-03-20T09:00:00.000Z",
"header":)" +
            header + R"(,
"events":[
)" + goal + ",\n" +
            log + R"(
],
"state":{
"goals":[
{"num":1,"id":"00000000-0000-4000-8000-000000000001","title":"Run","why":"","importance":3,"cadence":"daily","target":null,"status":"active","paused_until":null,"tags":[],"created":"2026-03-01T12:00:00.000Z","tasks_open":0,"tasks_done":0}
],
"tasks":[],
"logs":[
{"num":1,"id":"00000000-0000-4000-8000-000000000002","day":"2026-03-02","minutes":30,"kind":"do","goal":1,"task":null,"note":"","resistance":null,"tags":[],"logged_at":"2026-03-02T12:00:00.000Z"}
],
"skips":[],
"sprints":[]
}
}
)");
}

TEST_CASE("print_export_json: every event line, removals included; state without them",
          "[export]") {
  const auto j = nlohmann::json::parse(json_of(export_journal()));
  CHECK(j["events"].size() == 14);
  CHECK(j["events"][7]["op"] == "log.rm");
  CHECK(j["state"]["goals"].size() == 2);
  CHECK(j["state"]["tasks"].size() == 3);
  CHECK(j["state"]["logs"].size() == 3);
  CHECK(j["state"]["skips"].size() == 1);
  REQUIRE(j["state"]["sprints"].size() == 1);
  CHECK(j["state"]["sprints"][0]["retrospective"]["rating"] == 4);
}

TEST_CASE("print_export_csv: logs, tasks and goals tables", "[export]") {
  CHECK(csv_of(ExportTable::logs) ==
        "id,uuid,day,minutes,kind,goal,goal_title,task,task_title,note,resistance,tags\r\n"
        "1,00000000-0000-4000-8000-000000000006,2026-03-02,45,learn,1,Become an ML engineer,1,"
        "\"Read ISLR, chapter 3\",\"linear regression\nand a \"\"quote\"\"\",3,\r\n"
        "3,00000000-0000-4000-8000-000000000013,2026-03-31,30,do,2,Run,,,,,\r\n"
        "4,00000000-0000-4000-8000-000000000014,2026-04-02,,do,2,Run,,,\"5k, easy\",,\r\n");
  CHECK(csv_of(ExportTable::tasks) ==
        "id,uuid,title,goal,goal_title,kind,status,importance,estimate,due,tags,created,started,"
        "finished,deferrals,minutes_logged\r\n"
        "1,00000000-0000-4000-8000-000000000003,\"Read ISLR, chapter 3\",1,Become an ML engineer,"
        "learn,done,4,90,2026-03-12,stats book,2026-03-01,2026-03-02,2026-03-10,0,45\r\n"
        "2,00000000-0000-4000-8000-000000000004,\"Titanic \"\"baseline\"\"; submit\",,,do,todo,3,,"
        "2026-03-13,,2026-03-01,,,0,0\r\n"
        "3,00000000-0000-4000-8000-000000000005,Buy shoes,2,Run,do,todo,2,,,,2026-03-01,,,0,0\r\n");
  CHECK(csv_of(ExportTable::goals) ==
        "id,uuid,title,why,status,cadence,importance,target,tags,created,ended\r\n"
        "1,00000000-0000-4000-8000-000000000001,Become an ML engineer,\"a job I love, really\","
        "active,daily,5,,ml,2026-03-01,\r\n"
        "2,00000000-0000-4000-8000-000000000002,Run,,active,3/week,3,,,2026-03-01,\r\n");
}

TEST_CASE("print_export_csv: an empty journal is the header row alone", "[export]") {
  const State state;
  std::ostringstream out;
  cli::print_export_csv(out, ExportView{state, march20, export_time}, ExportTable::goals);
  CHECK(out.str() == "id,uuid,title,why,status,cadence,importance,target,tags,created,ended\r\n");
}

namespace {

std::string ics_of(const State& state) {
  std::ostringstream out;
  cli::print_export_ics(out, ExportView{state, march20, export_time});
  return out.str();
}

// The content lines of an iCalendar text, checked on the way: each ends in CRLF (no bare CR or
// LF anywhere) and is at most 75 octets long.
std::vector<std::string> ics_lines(const std::string& ics) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end = ics.find("\r\n"); end != std::string::npos;
       end = ics.find("\r\n", start)) {
    lines.push_back(ics.substr(start, end - start));
    CHECK(lines.back().size() <= 75);
    CHECK(lines.back().find_first_of("\r\n") == std::string::npos);
    start = end + 2;
  }
  CHECK(start == ics.size());
  return lines;
}

const std::string ics_head =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//momentum//momentum//EN\r\n"
    "CALSCALE:GREGORIAN\r\n"
    "X-WR-CALNAME:momentum\r\n";

}  // namespace

TEST_CASE("print_export_ics: due days and sprints as all-day events", "[export]") {
  const std::string ics = ics_of(replay_text(export_journal()).state);
  CHECK(ics ==
        ics_head +
            "BEGIN:VEVENT\r\n"
            "UID:task-00000000-0000-4000-8000-000000000003@momentum\r\n"
            "DTSTAMP:20260320T090000Z\r\n"
            "DTSTART;VALUE=DATE:20260312\r\n"
            "DTEND;VALUE=DATE:20260313\r\n"
            "TRANSP:TRANSPARENT\r\n"
            "SUMMARY:Done: Read ISLR\\, chapter 3\r\n"
            "DESCRIPTION:Task 1: learn\\, done 2026-03-10\\, estimate 1h30m\\, 45m logged"
            "\\n\r\n Goal 1: Become an ML engineer\r\n"
            "CATEGORIES:stats,book\r\n"
            "END:VEVENT\r\n"
            "BEGIN:VEVENT\r\n"
            "UID:task-00000000-0000-4000-8000-000000000004@momentum\r\n"
            "DTSTAMP:20260320T090000Z\r\n"
            "DTSTART;VALUE=DATE:20260313\r\n"
            "DTEND;VALUE=DATE:20260314\r\n"
            "TRANSP:TRANSPARENT\r\n"
            "SUMMARY:Titanic \"baseline\"\\; submit\r\n"
            "DESCRIPTION:Task 2: do\\, todo\r\n"
            "END:VEVENT\r\n"
            "BEGIN:VEVENT\r\n"
            "UID:sprint-00000000-0000-4000-8000-000000000010@momentum\r\n"
            "DTSTAMP:20260320T090000Z\r\n"
            "DTSTART;VALUE=DATE:20260309\r\n"
            "DTEND;VALUE=DATE:20260316\r\n"
            "TRANSP:TRANSPARENT\r\n"
            "SUMMARY:Sprint 1: Finish chapter 3\r\n"
            "DESCRIPTION:2026-03-09 to 2026-03-15\\, closed 2026-03-15\\nGoal 1: Become an"
            "\r\n  ML engineer\\nTask 1: Read ISLR\\, chapter 3 (done)\\nLearned: read every da"
            "\r\n y\\nBlocked: nothing\\nNext: chapter 4\\nRating: 4/5\r\n"
            "END:VEVENT\r\n"
            "END:VCALENDAR\r\n");
  CHECK(ics_lines(ics).size() == 37);
}

TEST_CASE("print_export_ics: an empty journal is a calendar without events", "[export]") {
  CHECK(ics_of(State{}) == ics_head + "END:VCALENDAR\r\n");
}

TEST_CASE("print_export_ics: TEXT escaped, controls shown, a long UTF-8 title folded whole",
          "[export]") {
  State state;
  Task task;
  task.id = uuid(7);
  task.num = 7;
  task.title =
      "Größe ✓; Maß, Weg\\Tür\nzwei\x07 日本語の本 日本語の本 日本語の本 日本語の本 "
      "日本語の本 日本語の本 日本語の本 日本語の本";
  task.due = sys_days{2026y / March / 31};
  task.tags = {"x;y", "a,b"};
  state.tasks.push_back(task);
  Task dropped = task;
  dropped.id = uuid(8);
  dropped.num = 8;
  dropped.status = TaskStatus::dropped;  // not in the calendar
  state.tasks.push_back(dropped);
  Sprint sprint;
  sprint.id = uuid(9);
  sprint.num = 2;
  sprint.title = "Ship it, now; really";
  sprint.start = sys_days{2026y / March / 9};
  sprint.end = sys_days{2026y / March / 15};  // ended, not closed
  sprint.planned = {{0, sprint.start}};
  state.sprints.push_back(sprint);

  const std::string ics = ics_of(state);
  CHECK(ics == ics_head +
                   "BEGIN:VEVENT\r\n"
                   "UID:task-00000000-0000-4000-8000-000000000007@momentum\r\n"
                   "DTSTAMP:20260320T090000Z\r\n"
                   "DTSTART;VALUE=DATE:20260331\r\n"
                   "DTEND;VALUE=DATE:20260401\r\n"
                   "TRANSP:TRANSPARENT\r\n"
                   "SUMMARY:Größe ✓\\; Maß\\, Weg\\\\Tür\\nzwei\\\\x07 日本語の本 日本語\r\n"
                   " の本 日本語の本 日本語の本 日本語の本 日本語の本 日\r\n"
                   " 本語の本 日本語の本\r\n"
                   "DESCRIPTION:Task 7: do\\, todo\r\n"
                   "CATEGORIES:x\\;y,a\\,b\r\n"
                   "END:VEVENT\r\n"
                   "BEGIN:VEVENT\r\n"
                   "UID:sprint-00000000-0000-4000-8000-000000000009@momentum\r\n"
                   "DTSTAMP:20260320T090000Z\r\n"
                   "DTSTART;VALUE=DATE:20260309\r\n"
                   "DTEND;VALUE=DATE:20260316\r\n"
                   "TRANSP:TRANSPARENT\r\n"
                   "SUMMARY:Sprint 2: Ship it\\, now\\; really\r\n"
                   "DESCRIPTION:2026-03-09 to 2026-03-15\\, ended\\nTask 7: Größe ✓\\; Maß\\, "
                   "\r\n Weg\\\\Tür\\nzwei\\\\x07 日本語の本 日本語の本 日本語の本 日"
                   "\r\n 本語の本 日本語の本 日本語の本 日本語の本 日本語の"
                   "\r\n 本 (todo)\r\n"
                   "END:VEVENT\r\n"
                   "END:VCALENDAR\r\n");
  CHECK(ics.find('\x07') == std::string::npos);
  CHECK(ics_lines(ics).size() == 30);
}
