// momentum calendar: the heatmap as text, SVG and JSON; --weeks, --goal, --output.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <regex>
#include <sstream>

#include "checks.hpp"
#include "sandbox.hpp"

using namespace momentum::test;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Code points, which is what a terminal shows for these glyphs.
std::size_t columns(const std::string& line) {
  std::size_t n = 0;
  for (const char c : line) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  return n;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The exit code of `xmllint --noout FILE` (0: well-formed XML).
int xmllint(const std::filesystem::path& file) {
  const std::string command = "/usr/bin/xmllint --noout '" + file.string() + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  char buf[256];
  while (fgets(buf, sizeof buf, pipe)) output += buf;
  const int status = pclose(pipe);
  INFO(output);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Two goals and check-ins on the two weeks before Tuesday 2026-03-10, and a rest day.
void fill(const Sandbox& box) {
  run_ok(box, {"-q", "goal", "add", "Become an ML engineer"});
  run_ok(box, {"-q", "goal", "add", "Run & <jump>"});
  const std::vector<std::vector<std::string>> logs = {
      {"15m", "--date", "2026-03-02"},
      {"30m", "--date", "2026-03-03"},
      {"45m", "--date", "2026-03-04", "--goal", "2"},
      {"1h", "--date", "2026-03-05"},
      {"2h", "--date", "2026-03-07"},
      {"--date", "2026-03-09"},
      {"30m", "--goal", "1"}};
  for (auto args : logs) {
    args.insert(args.begin(), {"-q", "log"});
    run_ok(box, args);
  }
  run_ok(box, {"-q", "log", "skip", "--date", "2026-03-06", "--reason", "rest"});
}

}  // namespace

TEST_CASE("calendar draws weeks as columns with a legend and a summary", "[e2e][calendar]") {
  Sandbox box;
  fill(box);
  CHECK(run_ok(box, {"calendar", "--weeks", "2"}) ==
        "    Mar\n"
        "Mon ░ ░\n"
        "    ▒ ▒\n"
        "Wed ▓\n"
        "    █\n"
        "Fri ○\n"
        "    █\n"
        "    ·\n"
        "\n"
        "Less · ░ ▒ ▓ █ More   ▒ from 30m   ▓ from 38m   █ from 57m   ○ rest day\n"
        "5h in 7 active days, longest run 5 days (2026-03-02 to 2026-03-07)\n");
}

TEST_CASE("calendar fits 80 columns and labels months and weekdays", "[e2e][calendar]") {
  Sandbox box;
  box.set_env("COLUMNS", "80");
  fill(box);
  run_ok(box, {"-q", "log", "20m", "--date", "2025-12-20"});
  const auto lines = lines_of(run_ok(box, {"calendar"}));
  REQUIRE(lines.size() == 11);
  for (const std::string& line : lines) {
    INFO(line);
    CHECK(columns(line) <= 80);
  }
  CHECK(columns(lines[1]) == 79);  // 38 weeks: the widest grid that fits
  const std::regex months("^    Jun Jul +Aug +Sep +Oct +Nov +Dec +Jan +Feb +Mar$");
  CHECK(std::regex_match(lines[0], months));
  CHECK(lines[1].rfind("Mon ", 0) == 0);
  CHECK(lines[3].rfind("Wed ", 0) == 0);
  CHECK(lines[5].rfind("Fri ", 0) == 0);
  CHECK(lines[9].rfind("Less · ░ ▒ ▓ █ More", 0) == 0);
  CHECK(lines[10] == "5h20m in 8 active days, longest run 5 days (2026-03-02 to 2026-03-07)");
}

TEST_CASE("calendar fits narrow terminals too", "[e2e][calendar]") {
  Sandbox box;
  fill(box);
  for (const std::string width : {"20", "41", "120"}) {
    box.set_env("COLUMNS", width);
    for (const std::string& line : lines_of(run_ok(box, {"calendar", "--goal", "1"}))) {
      INFO(width << ": " << line);
      CHECK(columns(line) <= std::stoul(width));
    }
  }
}

TEST_CASE("calendar uses ASCII when the locale is not UTF-8", "[e2e][calendar]") {
  Sandbox box;
  box.set_env("LANG", "C");
  fill(box);
  const std::string out = run_ok(box, {"calendar", "--weeks", "2"});
  CHECK_THAT(out, Catch::StartsWith("    Mar\nMon - -\n    + +\nWed *\n    #\nFri o\n"));
  CHECK_THAT(out, Catch::Contains("Less . - + * # More   + from 30m"));
  for (const char c : out) CHECK(static_cast<unsigned char>(c) < 0x80);
}

TEST_CASE("calendar --goal shows that goal's check-ins under its title", "[e2e][calendar]") {
  Sandbox box;
  fill(box);
  const std::string out = run_ok(box, {"calendar", "--weeks", "2", "--goal", "run"});
  CHECK_THAT(out, Catch::StartsWith("Goal 2: Run & <jump>\n    Mar\nMon · ·\n    · ·\nWed █\n"));
  CHECK_THAT(out, Catch::EndsWith("45m in 1 active day, longest run 1 day\n"));
}

TEST_CASE("calendar rejects bad weeks, goals and formats", "[e2e][calendar]") {
  Sandbox box;
  fill(box);
  check_rejects(box, {"calendar", "--weeks", "0"},
                "--weeks: '0' is not a whole number from 1 to 260");
  check_rejects(box, {"calendar", "--weeks", "-3"},
                "--weeks: '-3' is not a whole number from 1 to 260");
  check_rejects(box, {"calendar", "--weeks", "261"},
                "--weeks: '261' is not a whole number from 1 to 260");
  check_rejects(box, {"calendar", "--goal", "nope"},
                "unknown goal 'nope'; expected a goal number (1 to 2), a UUID prefix or the start "
                "of a title word");
  check_rejects(box, {"calendar", "--format", "png"},
                "--format: unknown format 'png'; expected text or svg");
  CHECK(run_ok(box, {"calendar", "--weeks", "260"}).size() > 0);
}

TEST_CASE("calendar --format svg is a valid standalone SVG with one square per day",
          "[e2e][calendar]") {
  Sandbox box;
  fill(box);
  const std::string svg =
      run_ok(box, {"calendar", "--format", "svg", "--weeks", "6", "--goal", "2"});
  const auto file = box.dir() / "cal.svg";
  Sandbox::write_file(file, svg);
  CHECK(xmllint(file) == 0);
  CHECK_THAT(svg, Catch::Contains(R"(<svg xmlns="http://www.w3.org/2000/svg" width=")"));
  CHECK_THAT(svg, Catch::Contains(R"( viewBox="0 0 )"));
  CHECK(count(svg, R"(<rect class="day)") == 37);  // five weeks and Monday, Tuesday of this one
  CHECK_THAT(svg, Catch::Contains("<title>2026-03-04: 45m, 1 check-in</title>"));
  CHECK_THAT(svg, Catch::Contains("<title>2026-03-06: no check-ins, rest day</title>"));
  CHECK_THAT(svg, Catch::Contains("Run &amp; &lt;jump&gt;"));
  CHECK_THAT(svg, Catch::Contains(">Feb</text>"));
  CHECK_THAT(svg, Catch::Contains(">Mar</text>"));
  CHECK_THAT(svg, Catch::Contains(">Mon</text>"));
  CHECK_THAT(svg, Catch::Contains(">Less</text>"));
}

TEST_CASE("calendar --output writes the file and says so", "[e2e][calendar]") {
  Sandbox box;
  fill(box);
  const auto file = box.dir() / "out" / "cal.svg";
  std::filesystem::create_directory(box.dir() / "out");
  const std::string svg = run_ok(box, {"calendar", "--format", "svg"});
  CHECK(run_ok(box, {"calendar", "--format", "svg", "--output", file.string()}) ==
        "Wrote 53 weeks of the calendar to " + file.string() + "\n");
  CHECK(Sandbox::read_file(file) == svg);
  CHECK(count(svg, R"(<rect class="day)") == 7 * 52 + 2);
  CHECK(xmllint(file) == 0);
  CHECK(run_ok(box, {"-q", "calendar", "--format", "svg", "--output", file.string()}).empty());
  std::filesystem::remove(file);
  run_ok(box, {"calendar", "--format", "svg", "-o", file.string()});  // the short form
  CHECK(Sandbox::read_file(file) == svg);
}

TEST_CASE("calendar --output writes text without colour", "[e2e][calendar]") {
  Sandbox box;
  fill(box);
  Sandbox::write_file(box.dir() / "config.json", R"({"color":"always"})");
  CHECK_THAT(run_ok(box, {"calendar", "--weeks", "2"}), Catch::Contains("\x1b["));
  const auto file = box.dir() / "cal.txt";
  run_ok(box, {"-q", "calendar", "--weeks", "2", "--format", "text", "--output", file.string()});
  const std::string text = Sandbox::read_file(file);
  CHECK_THAT(text, Catch::StartsWith("    Mar\nMon ░ ░\n"));
  CHECK(text.find('\x1b') == std::string::npos);
}

TEST_CASE("calendar --output into a missing directory fails with exit 3", "[e2e][calendar]") {
  Sandbox box;
  fill(box);
  const auto file = box.dir() / "missing" / "cal.svg";
  check_fails(box, {"calendar", "--output", file.string()}, 3,
              "cannot write '" + file.string() + "': no such directory '" +
                  file.parent_path().string() + "'");
  CHECK_FALSE(std::filesystem::exists(file.parent_path()));
}

TEST_CASE("calendar --json gives every day, its level and the thresholds", "[e2e][calendar]") {
  Sandbox box;
  fill(box);
  const auto j = run_json(box, {"calendar", "--weeks", "2"});
  CHECK(j["from"] == "2026-03-02");
  CHECK(j["to"] == "2026-03-10");
  CHECK(j["goal"].is_null());
  CHECK(j["thresholds"] == nlohmann::json({30, 38, 57}));
  REQUIRE(j["days"].size() == 9);
  CHECK(j["days"][2] == nlohmann::json({{"day", "2026-03-04"},
                                        {"minutes", 45},
                                        {"checkins", 1},
                                        {"level", 3},
                                        {"skipped", false}}));
  CHECK(j["days"][4]["skipped"] == true);
  CHECK(j["days"][7]["level"] == 1);  // a check-in without minutes
  CHECK(j["total_minutes"] == 300);
  CHECK(j["active_days"] == 7);
  CHECK(j["longest_run"] == 5);
  const auto g = run_json(box, {"calendar", "--weeks", "1", "--goal", "2"});
  CHECK(g["goal"] == 2);
  CHECK(g["thresholds"].is_null());
  CHECK(g["days"].size() == 2);
}

TEST_CASE("calendar on an empty journal draws blank weeks and creates nothing", "[e2e][calendar]") {
  Sandbox box;
  CHECK_THAT(run_ok(box, {"calendar", "--weeks", "1"}),
             Catch::EndsWith("Less · ░ ▒ ▓ █ More   ○ rest day\n0m in 0 active days\n"));
  CHECK_FALSE(box.journal_exists());
}
