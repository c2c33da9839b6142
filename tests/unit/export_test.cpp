#include "momentum/export.hpp"

#include <catch2/catch.hpp>

#include "builders.hpp"
#include "export_journal.hpp"

using namespace momentum;
using namespace momentum::test;

namespace {

const std::string header =
    R"({"momentum":"journal","version":1,"created":"2026-03-01T12:00:00.000Z"})";
const std::string goal_line =
    R"({"id":"00000000-0000-4000-8000-000000000001","ts":"2026-03-01T12:00:00.000Z","tz":"+00:00","op":"goal.add","data":{"title":"A"}})";
// Valid, though not as momentum writes it: "id" comes after "ts".
const std::string late_id_line =
    R"({"ts":"2026-03-01T12:01:00.000Z","id":"00000000-0000-4000-8000-000000000002","tz":"+00:00","op":"goal.add","data":{"title":"B"}})";

std::vector<std::string> strings(const std::vector<std::string_view>& views) {
  return {views.begin(), views.end()};
}

}  // namespace

TEST_CASE("journal_lines: the first header and the events in file order, bare", "[export]") {
  const std::string text = header + "\r\n\n  \n" + goal_line + "  \n" + header + "\n" +
                           late_id_line + "\n" + R"({"id":"torn)";
  const std::size_t end = text.rfind('\n') + 1;
  const JournalLines lines = journal_lines(text, end);
  CHECK(lines.header == header);
  CHECK(strings(lines.events) == std::vector<std::string>{goal_line, late_id_line});
}

TEST_CASE("journal_lines: a whole last event without its newline is kept", "[export]") {
  const std::string text = header + "\n" + goal_line;
  CHECK(strings(journal_lines(text, text.size()).events) == std::vector<std::string>{goal_line});
}

TEST_CASE("journal_lines: an empty journal has no header and no events", "[export]") {
  const JournalLines lines = journal_lines("", 0);
  CHECK(lines.header.empty());
  CHECK(lines.events.empty());
}

TEST_CASE("tasks_by_goal: goal order, then the tasks without a goal", "[export]") {
  const State state = replay_text(export_journal()).state;
  const std::vector<GoalTasks> groups = tasks_by_goal(state);
  REQUIRE(groups.size() == 3);
  CHECK(groups[0].goal == 0);
  CHECK(groups[0].tasks == std::vector<int>{0});
  CHECK(groups[1].goal == 1);
  CHECK(groups[1].tasks == std::vector<int>{2});
  CHECK_FALSE(groups[2].goal);
  CHECK(groups[2].tasks == std::vector<int>{1});
}

TEST_CASE("tasks_by_goal: a goal without tasks is left out", "[export]") {
  State state = replay_text(export_journal()).state;
  state.tasks.erase(state.tasks.begin());
  const std::vector<GoalTasks> groups = tasks_by_goal(state);
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].goal == 1);
}

TEST_CASE("log_months: check-ins and rest days by month, removed ones left out", "[export]") {
  const State state = replay_text(export_journal()).state;
  const std::vector<LogMonth> months = log_months(state);
  REQUIRE(months.size() == 2);
  CHECK(months[0].first == sys_days{2026y / March / 1});
  CHECK(months[0].logs == std::vector<int>{0, 2});  // 2026-03-02, then 2026-03-31
  CHECK(months[0].skips == std::vector<int>{0});
  CHECK(months[1].first == sys_days{2026y / April / 1});
  CHECK(months[1].logs == std::vector<int>{3});
  CHECK(months[1].skips.empty());
}

TEST_CASE("log_months: by day within a month, a day's entries by number", "[export]") {
  State state;
  const auto add = [&](Day day) {
    LogEntry l;
    l.num = static_cast<int>(state.logs.size()) + 1;
    l.day = day;
    state.logs.push_back(l);
  };
  add(sys_days{2026y / May / 20});
  add(sys_days{2026y / May / 3});
  add(sys_days{2026y / May / 20});
  const std::vector<LogMonth> months = log_months(state);
  REQUIRE(months.size() == 1);
  CHECK(months[0].logs == std::vector<int>{1, 0, 2});
}

TEST_CASE("dated_items: due days of tasks not dropped, then sprints", "[export]") {
  State state = replay_text(export_journal()).state;
  state.tasks[1].status = TaskStatus::dropped;
  const std::vector<DatedItem> items = dated_items(state);
  REQUIRE(items.size() == 2);
  CHECK(items[0].kind == DatedItem::Kind::task_due);
  CHECK(items[0].index == 0);
  CHECK(items[0].first == sys_days{2026y / March / 12});
  CHECK(items[0].last == sys_days{2026y / March / 12});
  CHECK(items[1].kind == DatedItem::Kind::sprint);
  CHECK(items[1].index == 0);
  CHECK(items[1].first == sys_days{2026y / March / 9});
  CHECK(items[1].last == sys_days{2026y / March / 15});
}
