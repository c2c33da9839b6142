// Golden journal lines: the exact bytes each write command appends, for every op and for
// the null and left-out fields it can write, and that each reads back as the same event.
// A change here changes the journal format.
#include "momentum/codec.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "builders.hpp"
#include "momentum/commands.hpp"
#include "momentum/event.hpp"
#include "momentum/parse.hpp"
#include "momentum/sprint.hpp"

using namespace momentum;
using namespace momentum::test;

namespace {

const Day march_10 = 2026y / March / 10;

// Writes changes with chosen stamps (id uuid(n), 09:00 UTC + n ms, offset +01:00) and keeps
// the State they make, so each line can be checked byte for byte.
struct Golden {
  State state;
  std::uint64_t n = 0;

  Stamp stamp() {
    ++n;
    return Stamp{uuid(n), Timestamp{sys_days{march_10}} + hours{9} + milliseconds{n}, hours{1}};
  }
  // The change's line; it reads back as the same event, with keys journal_ops() lists.
  std::string write(const Change& change) {
    apply(state, change.event);
    const std::string line = to_line(change.event);
    CHECK(read_event(line) == change.event);
    const nlohmann::json written = nlohmann::json::parse(line);
    const auto& ops = journal_ops();
    const auto op = std::find_if(ops.begin(), ops.end(),
                                 [&](const OpKeys& o) { return o.op == written.at("op"); });
    REQUIRE(op != ops.end());
    for (const auto& [key, value] : written.at("data").items()) {
      INFO(op->op << " writes " << key);
      CHECK(std::find(op->keys.begin(), op->keys.end(), key) != op->keys.end());
    }
    return line;
  }
};

template <class T>
Clearable<T> set(T value) {
  return typename Clearable<T>::value_type(value);
}
template <class T>
Clearable<T> cleared() {
  return typename Clearable<T>::value_type();
}

// A journal with goal 0 (uuid 1), tasks 0 and 1 (uuids 2, 3) and check-in 0 (uuid 4).
Golden with_entities() {
  Golden g;
  GoalFields goal;
  goal.title = "G";
  g.write(add_goal(g.state, goal, g.stamp(), march_10));
  TaskFields task;
  task.title = "T";
  g.write(add_task(g.state, task, g.stamp(), march_10));
  task.title = "U";
  g.write(add_task(g.state, task, g.stamp(), march_10));
  g.write(add_log(g.state, {}, g.stamp(), march_10));
  return g;
}

}  // namespace

TEST_CASE("goal ops are written as these exact lines", "[codec]") {
  Golden g;
  GoalFields add;
  add.title = "Become an ML engineer";
  CHECK(g.write(add_goal(g.state, add, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-000000000001","ts":"2026-03-10T09:00:00.001Z",)"
        R"("tz":"+01:00","op":"goal.add","data":{"cadence":"daily","day":"2026-03-10",)"
        R"("importance":3,"tags":[],"title":"Become an ML engineer"}})"
        "\n");

  GoalFields full;
  full.title = "Ship \"it\" \\ now\t\u00e9\u2192";
  full.why = "a job I love";
  full.importance = 5;
  full.cadence = parse_cadence("3/week");
  full.target = set(Day{2026y / December / 31});
  full.tags = std::vector<std::string>{"career", "ml"};
  CHECK(g.write(add_goal(g.state, full, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-000000000002","ts":"2026-03-10T09:00:00.002Z",)"
        R"("tz":"+01:00","op":"goal.add","data":{"cadence":"3/week","day":"2026-03-10",)"
        R"("importance":5,"tags":["career","ml"],"target":"2026-12-31",)"
        R"("title":"Ship \"it\" \\ now\t)"
        "\u00e9\u2192"
        R"(","why":"a job I love"}})"
        "\n");

  GoalFields edit;
  edit.title = "Become a data scientist";
  edit.cadence = parse_cadence("5/7");
  edit.target = cleared<Day>();
  CHECK(g.write(edit_goal(g.state, 1, edit, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-000000000003","ts":"2026-03-10T09:00:00.003Z",)"
        R"("tz":"+01:00","op":"goal.edit","data":{"cadence":"5/7","day":"2026-03-10",)"
        R"("goal":"00000000-0000-4000-8000-000000000002","target":null,)"
        R"("title":"Become a data scientist"}})"
        "\n");

  GoalFields edit2;
  edit2.why = "";
  edit2.importance = 1;
  edit2.cadence = parse_cadence("none");
  edit2.target = set(Day{2027y / January / 1});
  edit2.tags = std::vector<std::string>{};
  CHECK(g.write(edit_goal(g.state, 0, edit2, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-000000000004","ts":"2026-03-10T09:00:00.004Z",)"
        R"("tz":"+01:00","op":"goal.edit","data":{"cadence":"none","day":"2026-03-10",)"
        R"("goal":"00000000-0000-4000-8000-000000000001","importance":1,"tags":[],)"
        R"("target":"2027-01-01","why":""}})"
        "\n");

  CHECK(g.write(change_goal(g.state, 0, GoalAction::pause, Day{2026y / March / 20}, g.stamp(),
                            march_10)) ==
        R"({"id":"00000000-0000-4000-8000-000000000005","ts":"2026-03-10T09:00:00.005Z",)"
        R"("tz":"+01:00","op":"goal.status","data":{"day":"2026-03-10",)"
        R"("goal":"00000000-0000-4000-8000-000000000001","status":"paused",)"
        R"("until":"2026-03-20"}})"
        "\n");
  CHECK(g.write(change_goal(g.state, 0, GoalAction::resume, std::nullopt, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-000000000006","ts":"2026-03-10T09:00:00.006Z",)"
        R"("tz":"+01:00","op":"goal.status","data":{"day":"2026-03-10",)"
        R"("goal":"00000000-0000-4000-8000-000000000001","status":"active"}})"
        "\n");
  CHECK(g.write(change_goal(g.state, 0, GoalAction::pause, std::nullopt, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-000000000007","ts":"2026-03-10T09:00:00.007Z",)"
        R"("tz":"+01:00","op":"goal.status","data":{"day":"2026-03-10",)"
        R"("goal":"00000000-0000-4000-8000-000000000001","status":"paused"}})"
        "\n");
  CHECK(g.write(change_goal(g.state, 0, GoalAction::achieve, std::nullopt, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-000000000008","ts":"2026-03-10T09:00:00.008Z",)"
        R"("tz":"+01:00","op":"goal.status","data":{"day":"2026-03-10",)"
        R"("goal":"00000000-0000-4000-8000-000000000001","status":"achieved"}})"
        "\n");
  CHECK(g.write(change_goal(g.state, 1, GoalAction::drop, std::nullopt, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-000000000009","ts":"2026-03-10T09:00:00.009Z",)"
        R"("tz":"+01:00","op":"goal.status","data":{"day":"2026-03-10",)"
        R"("goal":"00000000-0000-4000-8000-000000000002","status":"dropped"}})"
        "\n");
}

TEST_CASE("task ops are written as these exact lines", "[codec]") {
  Golden g = with_entities();  // goal uuid 1, tasks uuids 2 and 3
  g.n = 10;
  TaskFields add;
  add.title = "Read ISLR chapter 3";
  add.goal = set(0);
  add.kind = Kind::learn;
  add.importance = 4;
  add.estimate = set(90);
  add.due = set(Day{2026y / March / 13});
  add.tags = std::vector<std::string>{"book"};
  CHECK(g.write(add_task(g.state, add, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-00000000000b","ts":"2026-03-10T09:00:00.011Z",)"
        R"("tz":"+01:00","op":"task.add","data":{"day":"2026-03-10","due":"2026-03-13",)"
        R"("estimate":90,"goal":"00000000-0000-4000-8000-000000000001","importance":4,)"
        R"("kind":"learn","tags":["book"],"title":"Read ISLR chapter 3"}})"
        "\n");

  TaskFields minimal;
  minimal.title = "T";
  CHECK(g.write(add_task(g.state, minimal, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-00000000000c","ts":"2026-03-10T09:00:00.012Z",)"
        R"("tz":"+01:00","op":"task.add","data":{"day":"2026-03-10","importance":3,)"
        R"("kind":"do","tags":[],"title":"T"}})"
        "\n");

  TaskFields clear;
  clear.goal = cleared<int>();
  clear.estimate = cleared<int>();
  clear.due = cleared<Day>();
  CHECK(g.write(edit_task(g.state, 2, clear, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-00000000000d","ts":"2026-03-10T09:00:00.013Z",)"
        R"("tz":"+01:00","op":"task.edit","data":{"day":"2026-03-10","due":null,)"
        R"("estimate":null,"goal":null,"task":"00000000-0000-4000-8000-00000000000b"}})"
        "\n");

  TaskFields edit;
  edit.title = "Read ISLR chapter 4";
  edit.goal = set(0);
  edit.kind = Kind::do_;
  edit.importance = 2;
  edit.estimate = set(30);
  edit.due = set(Day{2026y / March / 14});
  edit.tags = std::vector<std::string>{};
  CHECK(g.write(edit_task(g.state, 0, edit, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-00000000000e","ts":"2026-03-10T09:00:00.014Z",)"
        R"("tz":"+01:00","op":"task.edit","data":{"day":"2026-03-10","due":"2026-03-14",)"
        R"("estimate":30,"goal":"00000000-0000-4000-8000-000000000001","importance":2,)"
        R"("kind":"do","tags":[],"task":"00000000-0000-4000-8000-000000000002",)"
        R"("title":"Read ISLR chapter 4"}})"
        "\n");

  CHECK(g.write(change_task(g.state, 1, TaskAction::start, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-00000000000f","ts":"2026-03-10T09:00:00.015Z",)"
        R"("tz":"+01:00","op":"task.status","data":{"day":"2026-03-10","status":"doing",)"
        R"("task":"00000000-0000-4000-8000-000000000003"}})"
        "\n");
  CHECK(g.write(change_task(g.state, 1, TaskAction::done, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-000000000010","ts":"2026-03-10T09:00:00.016Z",)"
        R"("tz":"+01:00","op":"task.status","data":{"day":"2026-03-10","status":"done",)"
        R"("task":"00000000-0000-4000-8000-000000000003"}})"
        "\n");
  CHECK(g.write(change_task(g.state, 1, TaskAction::reopen, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-000000000011","ts":"2026-03-10T09:00:00.017Z",)"
        R"("tz":"+01:00","op":"task.status","data":{"day":"2026-03-10","status":"doing",)"
        R"("task":"00000000-0000-4000-8000-000000000003"}})"
        "\n");
  CHECK(g.write(change_task(g.state, 3, TaskAction::drop, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-000000000012","ts":"2026-03-10T09:00:00.018Z",)"
        R"("tz":"+01:00","op":"task.status","data":{"day":"2026-03-10","status":"dropped",)"
        R"("task":"00000000-0000-4000-8000-00000000000c"}})"
        "\n");
  CHECK(g.write(change_task(g.state, 3, TaskAction::reopen, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-000000000013","ts":"2026-03-10T09:00:00.019Z",)"
        R"("tz":"+01:00","op":"task.status","data":{"day":"2026-03-10","status":"todo",)"
        R"("task":"00000000-0000-4000-8000-00000000000c"}})"
        "\n");

  CHECK(
      g.write(defer_task(g.state, 3, Day{2026y / March / 12}, "need a GPU", g.stamp(), march_10)) ==
      R"({"id":"00000000-0000-4000-8000-000000000014","ts":"2026-03-10T09:00:00.020Z",)"
      R"("tz":"+01:00","op":"task.defer","data":{"day":"2026-03-10","from":null,)"
      R"("reason":"need a GPU","task":"00000000-0000-4000-8000-00000000000c",)"
      R"("to":"2026-03-12"}})"
      "\n");
  CHECK(g.write(defer_task(g.state, 3, Day{2026y / March / 16}, "", g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-000000000015","ts":"2026-03-10T09:00:00.021Z",)"
        R"("tz":"+01:00","op":"task.defer","data":{"day":"2026-03-10","from":"2026-03-12",)"
        R"("task":"00000000-0000-4000-8000-00000000000c","to":"2026-03-16"}})"
        "\n");
}

TEST_CASE("check-in and rest-day ops are written as these exact lines", "[codec]") {
  Golden g = with_entities();  // goal uuid 1, tasks uuids 2 and 3, check-in uuid 4
  g.n = 10;
  CHECK(g.write(add_log(g.state, {}, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-00000000000b","ts":"2026-03-10T09:00:00.011Z",)"
        R"("tz":"+01:00","op":"log.add","data":{"day":"2026-03-10","goal":)"
        R"("00000000-0000-4000-8000-000000000001","kind":"do"}})"
        "\n");

  LogFields full;
  full.day = Day{2026y / March / 9};
  full.minutes = set(45);
  full.kind = Kind::learn;
  full.task = set(0);
  full.note = "linear regression";
  full.resistance = set(3);
  full.tags = std::vector<std::string>{"deep", "work"};
  CHECK(g.write(add_log(g.state, full, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-00000000000c","ts":"2026-03-10T09:00:00.012Z",)"
        R"("tz":"+01:00","op":"log.add","data":{"day":"2026-03-09",)"
        R"("kind":"learn","minutes":45,"note":"linear regression","resistance":3,)"
        R"("tags":["deep","work"],"task":"00000000-0000-4000-8000-000000000002"}})"
        "\n");

  LogFields nulls;
  nulls.minutes = cleared<int>();
  nulls.goal = cleared<int>();
  nulls.task = cleared<int>();
  nulls.resistance = cleared<int>();
  CHECK(g.write(add_log(g.state, nulls, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-00000000000d","ts":"2026-03-10T09:00:00.013Z",)"
        R"("tz":"+01:00","op":"log.add","data":{"day":"2026-03-10","goal":null,"kind":"do",)"
        R"("minutes":null,"resistance":null,"task":null}})"
        "\n");

  LogFields edit;
  edit.day = Day{2026y / March / 8};
  edit.minutes = cleared<int>();
  edit.kind = Kind::do_;
  edit.goal = cleared<int>();
  edit.task = cleared<int>();
  edit.note = "";
  edit.resistance = cleared<int>();
  edit.tags = std::vector<std::string>{};
  CHECK(g.write(edit_log(g.state, 2, edit, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-00000000000e","ts":"2026-03-10T09:00:00.014Z",)"
        R"("tz":"+01:00","op":"log.edit","data":{"day":"2026-03-08","goal":null,"kind":"do",)"
        R"("log":"00000000-0000-4000-8000-00000000000c","minutes":null,"note":"",)"
        R"("resistance":null,"tags":[],"task":null}})"
        "\n");

  LogFields retask;
  retask.minutes = set(20);
  retask.task = set(1);
  retask.resistance = set(5);
  CHECK(g.write(edit_log(g.state, 0, retask, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-00000000000f","ts":"2026-03-10T09:00:00.015Z",)"
        R"("tz":"+01:00","op":"log.edit","data":{"kind":"do",)"
        R"("log":"00000000-0000-4000-8000-000000000004","minutes":20,"resistance":5,)"
        R"("task":"00000000-0000-4000-8000-000000000003"}})"
        "\n");

  CHECK(g.write(remove_log(g.state, 0, g.stamp())) ==
        R"({"id":"00000000-0000-4000-8000-000000000010","ts":"2026-03-10T09:00:00.016Z",)"
        R"("tz":"+01:00","op":"log.rm","data":{"log":"00000000-0000-4000-8000-000000000004"}})"
        "\n");

  CHECK(g.write(add_skip(g.state, Day{2026y / March / 14}, std::nullopt, "", g.stamp())) ==
        R"({"id":"00000000-0000-4000-8000-000000000011","ts":"2026-03-10T09:00:00.017Z",)"
        R"("tz":"+01:00","op":"skip.add","data":{"day":"2026-03-14"}})"
        "\n");
  CHECK(g.write(add_skip(g.state, Day{2026y / March / 14}, 0, "family visit", g.stamp())) ==
        R"({"id":"00000000-0000-4000-8000-000000000012","ts":"2026-03-10T09:00:00.018Z",)"
        R"("tz":"+01:00","op":"skip.add","data":{"day":"2026-03-14",)"
        R"("goal":"00000000-0000-4000-8000-000000000001","reason":"family visit"}})"
        "\n");
}

TEST_CASE("sprint ops are written as these exact lines", "[codec]") {
  Golden g = with_entities();  // goal uuid 1, tasks uuids 2 and 3
  g.n = 10;
  SprintFields empty;
  empty.title = "Warm-up";
  empty.start = march_10;
  empty.end = march_10;
  CHECK(g.write(start_sprint(g.state, empty, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-00000000000b","ts":"2026-03-10T09:00:00.011Z",)"
        R"("tz":"+01:00","op":"sprint.start","data":{"day":"2026-03-10",)"
        R"("end":"2026-03-10","start":"2026-03-10","tasks":[],"title":"Warm-up"}})"
        "\n");
  CHECK(g.write(close_sprint(g.state, {}, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-00000000000c","ts":"2026-03-10T09:00:00.012Z",)"
        R"("tz":"+01:00","op":"sprint.close","data":{"day":"2026-03-10",)"
        R"("sprint":"00000000-0000-4000-8000-00000000000b"}})"
        "\n");

  SprintFields titanic;
  titanic.title = "Titanic";
  titanic.goal = 0;
  titanic.start = Day{2026y / March / 11};
  titanic.end = Day{2026y / March / 17};
  titanic.tasks = {1, 0};
  CHECK(g.write(start_sprint(g.state, titanic, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-00000000000d","ts":"2026-03-10T09:00:00.013Z",)"
        R"("tz":"+01:00","op":"sprint.start","data":{"day":"2026-03-10",)"
        R"("end":"2026-03-17","goal":"00000000-0000-4000-8000-000000000001",)"
        R"("start":"2026-03-11","tasks":["00000000-0000-4000-8000-000000000003",)"
        R"("00000000-0000-4000-8000-000000000002"],"title":"Titanic"}})"
        "\n");
  CHECK(g.write(remove_from_sprint(g.state, {0}, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-00000000000e","ts":"2026-03-10T09:00:00.014Z",)"
        R"("tz":"+01:00","op":"sprint.remove","data":{"day":"2026-03-10",)"
        R"("sprint":"00000000-0000-4000-8000-00000000000d",)"
        R"("tasks":["00000000-0000-4000-8000-000000000002"]}})"
        "\n");
  CHECK(g.write(add_to_sprint(g.state, {0}, g.stamp(), march_10)) ==
        R"({"id":"00000000-0000-4000-8000-00000000000f","ts":"2026-03-10T09:00:00.015Z",)"
        R"("tz":"+01:00","op":"sprint.add","data":{"day":"2026-03-10",)"
        R"("sprint":"00000000-0000-4000-8000-00000000000d",)"
        R"("tasks":["00000000-0000-4000-8000-000000000002"]}})"
        "\n");
  const Day march_12 = 2026y / March / 12;
  CHECK(
      g.write(close_sprint(g.state, {"pandas", "no \"GPU\"", "Kaggle", 4}, g.stamp(), march_12)) ==
      R"({"id":"00000000-0000-4000-8000-000000000010","ts":"2026-03-10T09:00:00.016Z",)"
      R"("tz":"+01:00","op":"sprint.close","data":{"blocked":"no \"GPU\"",)"
      R"("day":"2026-03-12","learned":"pandas","next":"Kaggle","rating":4,)"
      R"("sprint":"00000000-0000-4000-8000-00000000000d"}})"
      "\n");
}
