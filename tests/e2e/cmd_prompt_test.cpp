// momentum prompt: one short line for a shell prompt, and silence whenever anything is wrong.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "checks.hpp"
#include "sandbox.hpp"

using namespace momentum::test;

namespace {

// Runs prompt ARGS… and requires exit 0 with an empty stderr; returns stdout.
std::string prompt(const Sandbox& box, std::vector<std::string> args = {}) {
  args.insert(args.begin(), "prompt");
  const Result r = box.run(args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  return r.out;
}

// Requires `prompt` to print nothing at all, on either stream, and exit 0.
void check_silent(const Sandbox& box, const std::vector<std::string>& args = {"prompt"}) {
  INFO("momentum " << joined(args));
  const Result r = box.run_raw(args);
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
}

std::vector<std::string> with_journal(const Sandbox& box, std::vector<std::string> args) {
  args.insert(args.begin(), {"--journal", box.journal().string()});
  return args;
}

// A daily goal with check-ins on Sunday and Monday; now is Tuesday 2026-03-10, 09:00 UTC.
void two_days(Sandbox& box) {
  box.now("2026-03-05T09:00:00Z");
  run_ok(box, {"goal", "add", "Become an ML engineer", "--cadence", "daily", "-q"});
  run_ok(box, {"task", "add", "Finish the Titanic tutorial", "--due", "2026-03-07", "-q"});
  run_ok(box, {"task", "add", "Read chapter 3", "--due", "2026-03-20", "-q"});
  box.now("2026-03-10T09:00:00Z");
  run_ok(box, {"log", "30m", "--goal", "1", "--date", "2026-03-08", "-q"});
  run_ok(box, {"log", "20m", "--goal", "1", "--date", "2026-03-09", "-q"});
}

}  // namespace

TEST_CASE("prompt shows the streak, an open today and overdue tasks", "[e2e][prompt]") {
  Sandbox box;
  two_days(box);
  SECTION("UTF-8: a circle marks today as still open") { CHECK(prompt(box) == "2d○ !1\n"); }
  SECTION("ASCII without a UTF-8 locale") {
    box.set_env("LANG", "C");
    CHECK(prompt(box) == "2d* !1\n");
  }
  SECTION("a check-in today lengthens the streak and clears the mark") {
    run_ok(box, {"log", "45m", "--goal", "1", "-q"});
    CHECK(prompt(box) == "3d !1\n");
    CHECK(prompt(box, {"--format", "{minutes} today"}) == "45m today\n");
  }
  SECTION("a rest day for all goals needs no mark") {
    run_ok(box, {"log", "skip", "-q"});
    CHECK(prompt(box) == "2d !1\n");
  }
  SECTION("no overdue task, no overdue part") {
    run_ok(box, {"task", "done", "1", "-q"});
    CHECK(prompt(box) == "2d○\n");
  }
  SECTION("colour settings never colour it") {
    Sandbox::write_file(box.dir() / "config.json", R"({"color": "always"})");
    CHECK(prompt(box) == "2d○ !1\n");
  }
}

TEST_CASE("prompt leaves out what is zero, and prints nothing with nothing tracked",
          "[e2e][prompt]") {
  Sandbox box;
  SECTION("an empty journal") {
    box.write_journal(header_line());
    check_silent(box, with_journal(box, {"prompt"}));
  }
  SECTION("a new goal without check-ins: only the mark") {
    run_ok(box, {"goal", "add", "Kaggle", "-q"});
    CHECK(prompt(box) == "○\n");
  }
  SECTION("tasks alone: no streak, no mark, only overdue tasks") {
    box.now("2026-03-05T09:00:00Z");
    run_ok(box, {"task", "add", "Later", "--due", "2026-03-30", "-q"});
    box.now("2026-03-10T09:00:00Z");
    check_silent(box, with_journal(box, {"prompt"}));
    run_ok(box, {"task", "add", "Late", "--due", "2026-03-09", "-q"});
    CHECK(prompt(box) == "!1\n");
  }
  SECTION("a broken streak is left out") {
    run_ok(box, {"log", "30m", "--date", "2026-03-07", "-q"});
    CHECK(prompt(box) == "○\n");
  }
}

TEST_CASE("prompt --format fills a template", "[e2e][prompt]") {
  Sandbox box;
  two_days(box);
  CHECK(prompt(box, {"--format", "[{streak}|{mark}|{overdue}|{minutes}]"}) == "[2d|○|!1|]\n");
  CHECK(prompt(box, {"--format", "{{{streak}}} }}{{"}) == "{2d} }{\n");
  CHECK(prompt(box, {"--format", "  {minutes}  "}).empty());
  CHECK(prompt(box, {"--format", "momentum"}) == "momentum\n");
  SECTION("mistakes in the template are reported") {
    check_rejects(box, {"prompt", "--format", "{streek}"},
                  "unknown placeholder '{streek}' in --format; expected {streak}, {mark}, "
                  "{overdue} or {minutes} (did you mean '{streak}'?)");
    check_rejects(box, {"prompt", "--format", "{today_minutes} {x}"},
                  "unknown placeholder '{today_minutes}' in --format; expected {streak}, {mark}, "
                  "{overdue} or {minutes}");
    check_rejects(box, {"prompt", "--format", "{streak"},
                  "unclosed '{' in --format '{streak'; write '{{' for a literal brace");
    check_rejects(box, {"prompt", "--format", "a}b"},
                  "unmatched '}' in --format 'a}b'; write '}}' for a literal brace");
  }
  SECTION("even without a journal, a bad template is an error") {
    std::filesystem::remove(box.journal());
    check_rejects(box, {"prompt", "--format", "{}"},
                  "unknown placeholder '{}' in --format; expected {streak}, {mark}, {overdue} or "
                  "{minutes}");
  }
}

TEST_CASE("prompt --json prints the facts behind the line", "[e2e][prompt]") {
  Sandbox box;
  two_days(box);
  CHECK(run_json(box, {"prompt"}) ==
        nlohmann::json::parse(
            R"({"day": "2026-03-10", "streak": 2, "logged_today": false, "rest_day": false,
          "overdue": 1, "minutes_today": 0})"));
  run_ok(box, {"log", "1h30m", "-q"});
  run_ok(box, {"log", "10m", "-q"});
  const auto j = run_json(box, {"prompt"});
  CHECK(j["streak"] == 3);
  CHECK(j["logged_today"] == true);
  CHECK(j["minutes_today"] == 100);
  Sandbox empty;
  CHECK(run_json(empty, {"prompt"}) ==
        nlohmann::json::parse(
            R"({"day": "2026-03-10", "streak": 0, "logged_today": false, "rest_day": false,
          "overdue": 0, "minutes_today": 0})"));
}

TEST_CASE("prompt answers from its memo only while the journal and the day are the same",
          "[e2e][prompt][cache]") {
  Sandbox box;
  two_days(box);
  const std::filesystem::path caches = box.dir() / "home" / ".cache" / "momentum";
  CHECK(prompt(box) == "2d○ !1\n");
  std::filesystem::path memo;
  for (const auto& entry : std::filesystem::directory_iterator(caches)) {
    if (entry.path().extension() == ".prompt") memo = entry.path();
  }
  REQUIRE_FALSE(memo.empty());
  struct stat st {};
  REQUIRE(::stat(memo.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  // From the memo: the caches, deleted, are not even read, so they are not made again.
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(caches)) {
    if (entry.path() != memo) files.push_back(entry.path());
  }
  REQUIRE(files.size() == 2);  // the full cache and the recent one
  for (const auto& file : files) std::filesystem::remove(file);
  CHECK(prompt(box) == "2d○ !1\n");
  for (const auto& file : files) CHECK_FALSE(std::filesystem::exists(file));

  SECTION("a check-in appended by another program (a git pull)") {
    std::string line = box.journal_lines().back();
    line.replace(line.find("2026-03-09"), 10, "2026-03-10");
    line.replace(line.find("\"id\":\"") + 6, 4, "ffff");
    box.write_journal(box.journal_bytes() + line + "\n");
    CHECK(prompt(box) == "3d !1\n");
  }
  SECTION("the next day") {
    box.now("2026-03-11T09:00:00Z");
    CHECK(prompt(box) == "○ !1\n");
  }
  SECTION("another format of the same facts") {
    CHECK(prompt(box, {"--format", "{minutes}|{overdue}"}) == "|!1\n");
  }
  SECTION("a deleted memo") {
    std::filesystem::remove(memo);
    CHECK(prompt(box) == "2d○ !1\n");
  }
  SECTION("a damaged memo") {
    std::string bytes = Sandbox::read_file(memo);
    REQUIRE(bytes.substr(bytes.size() - 21, 13) == "1 1 2 0 0 1 0");  // the facts, then a hash
    bytes[bytes.size() - 11] = '7';                                   // seven overdue tasks
    Sandbox::write_file(memo, bytes);
    CHECK(prompt(box) == "2d○ !1\n");
  }
  SECTION("another journal has its own memo") {
    const std::filesystem::path copy = box.dir() / "copy.jsonl";
    Sandbox::write_file(copy, box.journal_bytes());
    const Result log = box.run_raw({"--journal", copy.string(), "log", "5m", "--goal", "1"});
    REQUIRE(log.code == 0);
    const Result other = box.run_raw({"--journal", copy.string(), "prompt"});
    CHECK(other.out == "3d !1\n");
    CHECK(prompt(box) == "2d○ !1\n");
  }
  CHECK(prompt(box, {"--json"}).find("\"day\":") != std::string::npos);
}

TEST_CASE("prompt never fails loudly", "[e2e][prompt]") {
  Sandbox box;
  SECTION("no journal") {
    check_silent(box, with_journal(box, {"prompt"}));
    CHECK(run_json(box, {"prompt"})["streak"] == 0);  // JSON: the facts of an empty journal
    CHECK_FALSE(box.journal_exists());
  }
  SECTION("a malformed line in the middle of the journal") {
    two_days(box);
    const std::string text = box.journal_bytes();
    const std::size_t second = text.find('\n') + 1;
    box.write_journal(text.substr(0, second) + "{not json\n" + text.substr(second));
    CHECK(box.run({"today"}).code == 3);
    check_silent(box, with_journal(box, {"prompt"}));
    check_silent(box, with_journal(box, {"--json", "prompt", "--format", "{streak}"}));
  }
  SECTION("an unreadable journal") {
    two_days(box);
    if (geteuid() == 0) return;  // root reads it anyway
    REQUIRE(chmod(box.journal().c_str(), 0) == 0);
    CHECK(box.run({"today"}).code == 3);
    check_silent(box, with_journal(box, {"prompt"}));
    chmod(box.journal().c_str(), 0600);
  }
  SECTION("a directory where the journal should be") {
    std::filesystem::create_directory(box.journal());
    check_silent(box, with_journal(box, {"prompt"}));
  }
  SECTION("a torn last line: no warning, the line still shows") {
    two_days(box);
    box.write_journal(box.journal_bytes() + R"({"id":"tor)");
    CHECK(prompt(box) == "2d○ !1\n");
  }
  SECTION("an invalid config") {
    two_days(box);
    Sandbox::write_file(box.dir() / "config.json", "{\"day_start\": \"25:00\"}");
    CHECK(box.run({"today"}).code == 2);
    check_silent(box, with_journal(box, {"prompt"}));
    Sandbox::write_file(box.dir() / "config.json", "{not json");
    check_silent(box, with_journal(box, {"prompt"}));
  }
  SECTION("no HOME to find the journal in") {
    box.set_env("HOME", "");
    box.set_env("MOMENTUM_CONFIG", "");
    check_silent(box);
  }
  SECTION("an invalid MOMENTUM_NOW") {
    two_days(box);
    box.now("yesterday");
    check_silent(box, with_journal(box, {"prompt"}));
  }
}

TEST_CASE("prompt reports mistakes in the command itself", "[e2e][prompt]") {
  Sandbox box;
  check_rejects(box, {"prompt", "--bogus"},
                "unknown option '--bogus' for 'momentum prompt'; 'momentum prompt --help' lists "
                "the options");
  const Result help = box.run({"prompt", "--help"});
  CHECK(help.code == 0);
  CHECK(help.out.find("--format TEMPLATE") != std::string::npos);
  CHECK(help.out.find("PS1='$(momentum prompt) \\$ '") != std::string::npos);
}
