#include "momentum/check.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "builders.hpp"
#include "momentum/error.hpp"

using namespace momentum;
using namespace momentum::test;
using namespace std::chrono;

namespace {

const Day march_10 = 2026y / March / 10;
const Timestamp t0 = noon(march_10);
const Timestamp now = t0 + hours{1};

std::string ms(std::uint64_t n) {
  return format_timestamp(t0 + milliseconds{static_cast<std::int64_t>(n)});
}

// A hand-written event line with id uuid(`n`) at t0 + `n` ms; `data` is JSON text.
std::string line(std::uint64_t n, std::string_view op, std::string_view data) {
  return fmt::format(R"({{"id":"{}","ts":"{}","tz":"+00:00","op":"{}","data":{}}})", uuid(n), ms(n),
                     op, data) +
         "\n";
}

std::string goal(std::uint64_t n) { return line(n, "goal.add", R"({"title":"G"})"); }

std::string header(int version = 1) {
  return fmt::format(R"({{"momentum":"journal","version":{},"created":"{}"}})", version, ms(0)) +
         "\n";
}

// A finding as "LINE severity [unusable] message", to compare whole lists at once.
std::vector<std::string> described(const CheckReport& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) {
    out.push_back(fmt::format("{} {}{} {}", f.line,
                              f.severity == Severity::problem ? "problem" : "warning",
                              f.unusable ? " unusable" : "", f.message));
  }
  return out;
}

using Lines = std::vector<std::string>;

// Repairs `text` and checks what every repair must give: a journal that replays and checks
// without problems, holding every usable line in order.
Repair repaired(const std::string& text) {
  const CheckReport report = check_journal(text, now);
  REQUIRE(report.repairable);
  Repair r = plan_repair(text, report);
  const CheckReport again = check_journal(r.journal, now);
  CHECK(again.problems() == 0);
  CHECK_FALSE(again.needs_repair());
  CHECK(again.events == report.events);
  CHECK_NOTHROW(replay_text(r.journal));
  return r;
}

}  // namespace

TEST_CASE("check: a journal written by the commands is clean and counted", "[check]") {
  Book b(march_10);
  const int g = b.goal("Learn ML");
  TaskFields on_goal;
  on_goal.goal = Clearable<int>::value_type(g);
  const int t = b.task("Read", on_goal);
  b.log(log_on_task(t));
  b.log();
  const CheckReport r = check_journal(b.text, now);
  CHECK(described(r).empty());
  CHECK(r.events == 4);
  CHECK(r.goals == 1);
  CHECK(r.tasks == 1);
  CHECK(r.logs == 2);
  CHECK(r.skips == 0);
  CHECK(r.sprints == 0);
  CHECK_FALSE(r.needs_repair());
  CHECK(r.repairable);
}

TEST_CASE("check: an empty journal, blank lines and a header alone are clean", "[check]") {
  for (const std::string& text : {std::string(), std::string("\n \n"), header(), header() + "\n"}) {
    CAPTURE(text);
    const CheckReport r = check_journal(text, now);
    CHECK(described(r).empty());
    CHECK(r.events == 0);
    CHECK_FALSE(r.needs_repair());
  }
}

TEST_CASE("check: a garbage line in the middle is an unusable problem", "[check]") {
  const std::string text = header() + goal(1) + "this is not json\n" + goal(2);
  const CheckReport r = check_journal(text, now);
  CHECK(described(r) ==
        Lines{"3 problem unusable not JSON (Problem while parsing an atom starting with the "
              "letter 't')"});
  CHECK(r.problems() == 1);
  CHECK(r.events == 2);
  CHECK(r.goals == 2);
  const Repair fixed = repaired(text);
  CHECK(fixed.journal == header() + goal(1) + goal(2));
  CHECK(fixed.quarantine == "this is not json\n");
  CHECK(fixed.moved == std::vector<int>{3});
}

TEST_CASE("check: a truncated line in the middle is not JSON", "[check]") {
  const std::string cut = goal(2).substr(0, 40) + "\n";
  const CheckReport r = check_journal(header() + goal(1) + cut + goal(3), now);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].line == 3);
  CHECK(r.findings[0].unusable);
  CHECK_THAT(r.findings[0].message, Catch::Matchers::StartsWith("not JSON ("));
}

TEST_CASE("check: missing and wrong-typed fields name the field", "[check]") {
  const auto finding = [](const std::string& bad) {
    const CheckReport r = check_journal(header() + bad + goal(9), now);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].line == 2);
    CHECK(r.findings[0].unusable);
    CHECK(r.findings[0].severity == Severity::problem);
    return r.findings[0].message;
  };
  CHECK(finding(line(1, "goal.add", R"({"title":5})")) ==
        "malformed event: 'title': must be a string");
  CHECK(finding(line(1, "goal.add", R"({"title":"G","importance":"high"})")) ==
        "malformed event: 'importance': must be a whole number");
  CHECK(finding(line(1, "goal.add", R"({"title":"G","tags":["a",1]})")) ==
        "malformed event: 'tags': must be an array of strings");
  CHECK(finding(line(1, "log.add", R"({"day":"2026-02-30"})")) ==
        "malformed event: 'day': invalid day '2026-02-30'; expected YYYY-MM-DD");
  CHECK(finding(line(1, "goal.add", R"({"why":"no title"})")) ==
        "malformed event: 'title' is missing");
  CHECK(finding(line(1, "task.status", R"({"task":"x","status":"later"})")) ==
        "malformed event: unknown task status 'later'");
  CHECK(finding(R"({"id":"x","ts":"2026-03-10T12:00:00.000Z","tz":"+00:00","op":"goal.add"})"
                "\n") == "malformed event: 'data' is missing");
  CHECK(finding(R"({"id":"x","ts":"yesterday","tz":"+00:00","op":"goal.add","data":{}})"
                "\n") ==
        "malformed event: invalid time 'yesterday'; expected RFC 3339 such as "
        "2026-03-10T08:30:00+01:00");
  CHECK(finding("[1, 2, 3]\n") == "malformed event: not an object");
  CHECK(finding(R"({"id":5})"
                "\n") == "malformed event: 'id' must be a string without escapes");
}

TEST_CASE("check: the later of two events with one id is an unusable duplicate", "[check]") {
  SECTION("the same line twice") {
    const std::string text = header() + goal(1) + goal(1);
    CHECK(described(check_journal(text, now)) ==
          Lines{fmt::format("3 problem unusable duplicate event id {} (first on line 2); replay "
                            "ignores this one",
                            uuid(1))});
    CHECK(repaired(text).journal == header() + goal(1));
  }
  SECTION("later in replay order, whatever the line order: the one replay ignores") {
    const std::string later =
        fmt::format(
            R"({{"id":"{}","ts":"{}","tz":"+00:00","op":"goal.add","data":{{"title":"Late"}}}})",
            uuid(1), ms(5)) +
        "\n";
    const std::string text = header() + later + goal(1);
    CHECK(described(check_journal(text, now)) ==
          Lines{fmt::format("2 problem unusable duplicate event id {} (first on line 3); replay "
                            "ignores this one",
                            uuid(1))});
    const Repair fixed = repaired(text);
    CHECK(fixed.journal == header() + goal(1));
    CHECK(replay_text(fixed.journal).state.goals.at(0).title ==
          replay_text(text).state.goals.at(0).title);
  }
}

TEST_CASE("check: an event on a missing item is a problem; a lost reference a warning", "[check]") {
  const std::string edit = line(2, "task.edit", fmt::format(R"({{"task":"{}"}})", uuid(77)));
  const std::string log = line(3, "log.add", fmt::format(R"({{"goal":"{}"}})", uuid(78)));
  const std::string rm = line(4, "log.rm", fmt::format(R"({{"log":"{}"}})", uuid(79)));
  const std::string text = header() + goal(1) + edit + log + rm;
  const CheckReport r = check_journal(text, now);
  CHECK(described(r) ==
        Lines{fmt::format("3 problem unusable task.edit of task {}, which does not exist; replay "
                          "ignores it",
                          uuid(77)),
              fmt::format("4 warning log.add refers to goal {}, which does not exist; kept "
                          "without it",
                          uuid(78)),
              fmt::format("5 problem unusable log.rm of log {}, which does not exist; replay "
                          "ignores it",
                          uuid(79))});
  CHECK(r.logs == 1);
  const Repair fixed = repaired(text);
  CHECK(fixed.journal == header() + goal(1) + log);
  CHECK(fixed.quarantine == edit + rm);
  CHECK(fixed.moved == std::vector<int>{3, 5});
}

TEST_CASE("check: references are resolved in replay order, not line order", "[check]") {
  // The task's line comes first, but its goal is older: replay knows the goal by then.
  const std::string task =
      line(2, "task.add", fmt::format(R"({{"title":"T","goal":"{}"}})", uuid(1)));
  CHECK(described(check_journal(header() + task + goal(1), now)).empty());
}

TEST_CASE("check: a second header is fine with the same version, unusable with another",
          "[check]") {
  CHECK(described(check_journal(header() + goal(1) + header() + goal(2), now)).empty());
  const std::string text = header() + goal(1) + header(2) + goal(2);
  CHECK(described(check_journal(text, now)) ==
        Lines{"3 problem unusable a second header: journal version 2 is not supported; this "
              "momentum reads version 1"});
  CHECK(repaired(text).journal == header() + goal(1) + goal(2));
}

TEST_CASE("check: a journal of another version is reported and cannot be repaired", "[check]") {
  const CheckReport r = check_journal(header(2) + "anything at all\n", now);
  CHECK(described(r) ==
        Lines{"1 problem journal version 2 is not supported; this momentum reads version 1"});
  CHECK_FALSE(r.repairable);
}

TEST_CASE("check: a journal without a header gets one from repair", "[check]") {
  const std::string text = goal(3) + goal(1);
  const CheckReport r = check_journal(text, now);
  CHECK(described(r) ==
        Lines{"1 problem no header line before the first event; repair writes one (version 1)"});
  CHECK(r.needs_header);
  CHECK(r.needs_repair());
  const Repair fixed = repaired(text);
  CHECK(fixed.journal == header_line(t0 + milliseconds{1}) + text);
  CHECK(fixed.quarantine.empty());
  CHECK(fixed.moved.empty());
}

TEST_CASE("check: a bad first line is moved, and a header written when none is left", "[check]") {
  const std::string text = "{\"momentum\":\"notes\"}\n" + goal(1);
  CHECK(described(check_journal(text, now)) ==
        Lines{"1 problem unusable bad header: not a momentum journal (a line that is not an "
              "event)",
              "2 problem no header line before the first event; repair writes one (version 1)"});
  const Repair fixed = repaired(text);
  CHECK(fixed.journal == header_line(t0 + milliseconds{1}) + goal(1));
  CHECK(fixed.quarantine == "{\"momentum\":\"notes\"}\n");
}

TEST_CASE("check: events more than 24 h in the future are a warning", "[check]") {
  const auto at = [](Timestamp ts, std::uint64_t n) {
    return fmt::format(
               R"({{"id":"{}","ts":"{}","tz":"+00:00","op":"goal.add","data":{{"title":"G"}}}})",
               uuid(n), format_timestamp(ts)) +
           "\n";
  };
  const std::string text =
      header() + at(now + hours{24}, 1) + at(now + hours{24} + milliseconds{1}, 2);
  const CheckReport r = check_journal(text, now);
  CHECK(described(r) == Lines{"3 warning written at 2026-03-11T13:00:00.001Z, more than 24 h in "
                              "the future (a clock set wrong?)"});
  CHECK(r.problems() == 0);
  CHECK_FALSE(r.needs_repair());
}

TEST_CASE("check: a torn last line is an unusable warning", "[check]") {
  const std::string torn = goal(2).substr(0, 30);
  const std::string text = header() + goal(1) + torn;
  const CheckReport r = check_journal(text, now);
  CHECK(described(r) == Lines{"3 warning unusable incomplete last line (a write was "
                              "interrupted); the next change removes it"});
  CHECK(r.problems() == 0);
  const Repair fixed = repaired(text);
  CHECK(fixed.journal == header() + goal(1));
  CHECK(fixed.quarantine == torn + "\n");
}

TEST_CASE("check: a whole last event without its newline is kept as it is", "[check]") {
  std::string last = goal(2);
  last.pop_back();
  const std::string text = header() + "this is not json\n" + goal(1) + last;
  const Repair fixed = repaired(text);
  CHECK(fixed.journal == header() + goal(1) + last);
}

TEST_CASE("check: unknown ops are kept with a warning", "[check]") {
  const std::string text = header() + goal(1) + line(2, "habit.archive", R"({"x":1})");
  const CheckReport r = check_journal(text, now);
  CHECK(described(r) ==
        Lines{"3 warning op 'habit.archive' is from a newer momentum; kept, not applied"});
  CHECK(r.events == 2);
  CHECK_FALSE(r.needs_repair());
}

TEST_CASE("check: repair keeps every usable line byte for byte, in order", "[check]") {
  Book b(march_10);
  b.goal("Learn ML");
  b.task("Read");
  b.log();
  // Blank lines, odd spacing and a data-first event are usable as they are.
  const std::string odd =
      fmt::format(
          R"({{ "data" : {{"title":"Odd"}}, "op":"goal.add", "tz":"Z", "id":"{}", "ts":"{}" }})",
          uuid(50), "2026-03-10T12:30:00Z") +
      "\n";
  const std::vector<std::string> good = {b.text, "\n", odd, "   \n"};
  const std::vector<std::string> bad = {"{garbage}\n", goal(1).substr(0, 20) + "\n", "[]\n"};
  const std::string text = good[0] + bad[0] + good[1] + bad[1] + good[2] + bad[2] + good[3];
  const Repair fixed = repaired(text);
  CHECK(fixed.journal == good[0] + good[1] + good[2] + good[3]);
  CHECK(fixed.quarantine == bad[0] + bad[1] + bad[2]);
  const int first_bad = static_cast<int>(std::count(b.text.begin(), b.text.end(), '\n')) + 1;
  CHECK(fixed.moved == std::vector<int>{first_bad, first_bad + 2, first_bad + 4});
}

TEST_CASE("check: every line replay rejects, check finds and repair moves", "[check]") {
  const std::string ts = ms(1);
  const auto raw = [](std::string_view id, std::string_view stamp, std::string_view rest,
                      std::string_view suffix = "") {
    return fmt::format(R"({{"id":{},"ts":"{}","tz":"+00:00",{}}}{})", id, stamp, rest, suffix) +
           "\n";
  };
  const std::string good =
      line(2, "task.add", fmt::format(R"({{"title":"T","goal":"{}"}})", uuid(1)));
  const std::string bad = GENERATE_COPY(
      std::string("this is not json\n"), std::string("{garbage}\n"),
      std::string(R"({"id"})") + "\n", std::string("{,}\n"), std::string(R"({"a":1,})") + "\n",
      std::string("[1, 2, 3]\n"), std::string("{}\n"), good.substr(0, good.size() / 2) + "\n",
      good.substr(0, good.size() - 2) + "\n",
      raw("5", ts, R"("op":"goal.add","data":{"title":"T"})"),
      raw(R"("x")", "yesterday", R"("op":"goal.add","data":{"title":"T"})"),
      raw(R"("x")", ts, R"("op":"goal.add")"),
      raw(R"("x")", ts, R"("op":"goal.add","data":{"title":"T"})", " trailing"),
      raw(R"("x")", ts, R"("op":"goal.add","data":{"title":"T"},)"),
      raw(R"("x")", ts, R"("op":"goal.add","data":{"title":"T"})", "}"),
      raw(R"("x")", ts, R"("op":"goal.add","data":{"title":"T"})", " {}"),
      raw(R"("x")", ts, R"("op":"log.add","data":{"day":"2026-02-30"})"),
      raw(R"("x")", ts, R"("op":"goal.add","data":{"why":"no title"})"),
      std::string("\xff\xfe{}\n"));
  CAPTURE(bad);
  const std::string text = header() + goal(1) + bad + good;
  CHECK_THROWS_AS(replay_text(text), StorageError);
  const CheckReport r = check_journal(text, now);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].line == 3);
  CHECK(r.findings[0].unusable);
  CHECK(r.findings[0].severity == Severity::problem);
  const Repair fixed = repaired(text);
  CHECK(fixed.journal == header() + goal(1) + good);
  CHECK(fixed.quarantine == bad);
}
