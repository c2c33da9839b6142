// momentum stats: the worked month of docs/procrastination.md through the real binary, and
// today's nudge.
#include <catch2/catch.hpp>
#include <sstream>

#include "checks.hpp"
#include "sandbox.hpp"

using namespace momentum::test;

namespace {

void at(Sandbox& box, const std::string& day, const std::vector<std::string>& args) {
  box.now(day + "T10:00:00Z");
  std::vector<std::string> quiet = args;
  quiet.push_back("-q");
  run_ok(box, quiet);
}

// The worked month of docs/procrastination.md; the report is read on 2026-03-28.
void worked_month(Sandbox& box) {
  at(box, "2026-02-20", {"goal", "add", "Become an ML engineer"});
  at(box, "2026-02-20",
     {"task", "add", "Titanic", "--goal", "1", "--importance", "5", "--due", "2026-03-05"});
  at(box, "2026-02-20", {"task", "add", "Tidy the notes", "--importance", "1"});
  at(box, "2026-02-20", {"task", "add", "Write the blog post", "--due", "2026-03-10"});
  at(box, "2026-03-02", {"task", "start", "2"});
  at(box, "2026-03-02", {"log", "60m", "--learn", "--goal", "1", "--resistance", "4"});
  at(box, "2026-03-04",
     {"task", "add", "Read the pandas docs", "--goal", "1", "--due", "2026-03-06"});
  at(box, "2026-03-06", {"task", "start", "1"});
  at(box, "2026-03-06", {"task", "done", "1"});
  at(box, "2026-03-06", {"task", "done", "4"});
  at(box, "2026-03-06", {"log", "30m", "--do", "--goal", "1", "--resistance", "2"});
  for (const std::string d : {"08", "09", "10"}) {
    box.now("2026-03-" + d + "T10:00:00Z");
    box.run({"task", "defer", "3", "--to", "+7d", "-q"});  // the 3rd warns: chronic; due Mar 17
  }
  at(box, "2026-03-10", {"task", "add", "Kaggle intro", "--importance", "2"});
  at(box, "2026-03-12", {"task", "done", "2"});
  at(box, "2026-03-20", {"log", "30m", "--learn"});
  box.now("2026-03-28T10:00:00Z");
}

}  // namespace

TEST_CASE("stats --json gives every number of the worked month", "[e2e][stats]") {
  Sandbox box;
  worked_month(box);
  const auto j = run_json(box, {"stats"});
  CHECK(j["window"] ==
        nlohmann::json({{"first", "2026-03-01"}, {"last", "2026-03-28"}, {"goal", nullptr}}));
  CHECK(j["start_delay"]["median"] == 10.0);
  CHECK(j["start_delay"]["difference"] == 4.0);
  CHECK(j["deferrals"]["count"] == 3);
  CHECK(j["deferrals"]["chronic"][0]["task"] == 3);
  CHECK(j["on_time"]["rate"] == 0.5);
  CHECK(j["overdue"]["tasks"].size() == 1);
  CHECK(j["stale"]["tasks"].size() == 2);
  CHECK(j["follow_through"]["rate"] == 1.5);
  CHECK(j["learn_share"]["comfort_zone"] == true);
  CHECK(j["gaps"]["days"] == 25);
  CHECK(j["gaps"]["longest"] == 13);
  CHECK(j["resistance"]["mean"] == 3.0);
  CHECK(j["index"]["value"] == 50.1);
  CHECK(j["index"]["components"].size() == 8);
}

TEST_CASE("stats reads in one screen of 80 columns", "[e2e][stats]") {
  Sandbox box;
  worked_month(box);
  box.set_env("COLUMNS", "80");
  const std::string out = run_ok(box, {"stats"});
  CHECK_THAT(out, Catch::Contains("you start important tasks 4 days later than easy ones"));
  CHECK_THAT(out, Catch::Contains("  #3 Write the blog post  (deferred 3x)"));
  CHECK_THAT(out, Catch::Contains("Procrastination index 50/100"));
  CHECK_THAT(out, Catch::Contains("█"));
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    std::size_t cols = 0;
    for (char c : line) cols += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
    CHECK(cols <= 80);
  }
  box.set_env("LANG", "C");
  CHECK_THAT(run_ok(box, {"stats"}), Catch::Contains("#######...  71%"));
}

TEST_CASE("stats on an empty journal says n/a, and JSON has nulls", "[e2e][stats]") {
  Sandbox box;
  CHECK_THAT(run_ok(box, {"stats"}), Catch::Contains("Procrastination index n/a"));
  const auto j = run_json(box, {"stats"});
  CHECK(j["start_delay"]["median"].is_null());
  CHECK(j["learn_share"]["share"].is_null());
  CHECK(j["index"]["value"].is_null());
}

TEST_CASE("stats rejects a bad window or goal and changes nothing", "[e2e][stats]") {
  Sandbox box;
  worked_month(box);
  check_rejects(box, {"stats", "--since", "bogus"},
                "invalid date 'bogus' for --since; expected YYYY-MM-DD, today, yesterday, "
                "tomorrow, a weekday, +3d, -2d, +1w, eow or eom");
  check_rejects(
      box, {"stats", "--since", "2026-04-01"},
      "--since 2026-04-01 is after --until 2026-03-28; expected a start on or before the end");
  check_rejects(box, {"stats", "--goal", "zz"},
                "unknown goal 'zz'; expected a goal number (1), a UUID prefix or the start of a "
                "title word");
  CHECK(run_json(box, {"stats", "--goal", "1", "--since", "2026-03-01"})["window"]["goal"] == 1);
}

TEST_CASE("today's nudge names the most pressing signal as an action", "[e2e][today][stats]") {
  Sandbox box;
  worked_month(box);
  const auto nudge = run_json(box, {"today"})["nudge"];
  CHECK(nudge["kind"] == "overdue");
  CHECK(nudge["task"] == 3);
  CHECK_THAT(run_ok(box, {"today"}),
             Catch::Contains(
                 "Nudge      do task 3 today (11d late), or: momentum task defer 3 --to DATE"));
  CHECK(run_json(Sandbox{}, {"today"})["nudge"].is_null());
}
