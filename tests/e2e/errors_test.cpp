// The command line as a whole: global options, help, unknown words, safe output.
#include <catch2/catch.hpp>

#include "checks.hpp"
#include "sandbox.hpp"

using namespace momentum::test;

TEST_CASE("momentum --version prints the version and exits 0", "[e2e][cli]") {
  Sandbox box;
  const Result r = box.run_raw({"--version"});
  CHECK(r.code == 0);
  CHECK(r.out == "momentum 0.1.0\n");
  CHECK(r.err.empty());
}

TEST_CASE("-h and --help work on every command and exit 0", "[e2e][cli]") {
  Sandbox box;
  const std::vector<std::string> command = GENERATE(
      std::vector<std::string>{}, std::vector<std::string>{"today"},
      std::vector<std::string>{"goal"}, std::vector<std::string>{"goal", "add"},
      std::vector<std::string>{"goal", "pause"}, std::vector<std::string>{"task", "defer"},
      std::vector<std::string>{"task", "next"}, std::vector<std::string>{"log"},
      std::vector<std::string>{"log", "edit"}, std::vector<std::string>{"log", "skip"});
  for (const char* flag : {"-h", "--help"}) {
    std::vector<std::string> args = command;
    args.push_back(flag);
    INFO(joined(args));
    const Result r = box.run(args);
    CHECK(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("Usage: momentum"));
    CHECK(r.err.empty());
  }
  CHECK_FALSE(box.journal_exists());
}

TEST_CASE("global options work before, between and after subcommands", "[e2e][cli]") {
  Sandbox box;
  const std::string journal = box.journal().string();
  CHECK(box.run_raw({"--journal", journal, "-q", "goal", "add", "Kaggle"}).code == 0);
  CHECK(box.run_raw({"goal", "--journal", journal, "add", "Writing", "--quiet"}).code == 0);
  CHECK(box.run_raw({"log", "30m", "a note", "--journal", journal, "-q"}).out.empty());
  const std::vector<std::vector<std::string>> forms{
      {"--json", "--journal", journal, "goal", "list"},
      {"goal", "--json", "list", "--journal", journal},
      {"goal", "list", "--journal", journal, "--json"},
      {"--no-color", "goal", "list", "--json", "--journal", journal},
  };
  for (const auto& args : forms) {
    INFO(joined(args));
    const Result r = box.run_raw(args);
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    const auto goals = nlohmann::json::parse(r.out);
    REQUIRE(goals.size() == 2);
    CHECK(goals[1]["title"] == "Writing");
  }
  CHECK(run_json(box, {"log", "list"})["logs"][0]["note"] == "a note");
}

TEST_CASE("quiet (-q) silences a write's report but not its warnings", "[e2e][cli]") {
  Sandbox box;
  CHECK(run_ok(box, {"-q", "goal", "add", "Kaggle"}).empty());
  CHECK(run_ok(box, {"task", "add", "Titanic", "-q"}).empty());
  CHECK(run_ok(box, {"task", "done", "1", "-q"}).empty());
  const Result r = box.run({"log", "5m", "--task", "1", "-q"});
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "momentum: warning: task 1 is done; the time counts and it stays done\n");
}

TEST_CASE("write commands with --json print the changed item", "[e2e][cli]") {
  Sandbox box;
  CHECK(run_json(box, {"goal", "add", "Kaggle"})["num"] == 1);
  const auto task = run_json(box, {"task", "add", "Titanic", "--goal", "1"});
  CHECK(task["num"] == 1);
  CHECK(task["goal"] == 1);
  CHECK(run_json(box, {"task", "start", "1"})["status"] == "doing");
  const auto log = run_json(box, {"log", "20m", "--task", "1"});
  CHECK(log["minutes"] == 20);
  CHECK(log["task"] == 1);
}

TEST_CASE("colour appears only when asked for, and --no-color or NO_COLOR turn it off",
          "[e2e][cli]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Kaggle"});
  const auto has_escape = [](const std::string& text) {
    return text.find('\x1b') != std::string::npos;
  };
  CHECK_FALSE(has_escape(run_ok(box, {"goal", "show", "1"})));  // not a terminal
  Sandbox::write_file(box.dir() / "config.json", R"({"color":"always"})");
  CHECK(has_escape(run_ok(box, {"goal", "show", "1"})));
  CHECK_FALSE(has_escape(run_ok(box, {"goal", "show", "1", "--no-color"})));
  box.set_env("NO_COLOR", "1");
  CHECK_FALSE(has_escape(run_ok(box, {"goal", "show", "1"})));
}

TEST_CASE("control characters in user text are shown escaped", "[e2e][cli]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Evil\x1b[31mred\x07"});
  run_ok(box, {"log", "5m", "line1\nline2\ttab", "--goal", "1"});
  const std::string list = run_ok(box, {"goal", "list"});
  CHECK(list.find('\x1b') == std::string::npos);
  CHECK(list.find('\x07') == std::string::npos);
  CHECK_THAT(list, Catch::Contains("Evil\\x1b[31mred\\x07"));
  const std::string logs = run_ok(box, {"log", "list"});
  CHECK_THAT(logs, Catch::Contains("line1\\nline2\\ttab"));
  // JSON keeps the text exactly.
  CHECK(run_json(box, {"goal", "show", "1"})["title"] == "Evil\x1b[31mred\x07");
}

TEST_CASE("an unknown command names the word and the choices", "[e2e][cli][errors]") {
  Sandbox box;
  SECTION("with no journal yet") {}
  SECTION("with a journal") { run_ok(box, {"goal", "add", "Kaggle"}); }
  // The top level's list grows with every command: check its shape.
  for (const auto& [word, hint] : std::vector<std::pair<std::string, std::string>>{
           {"frob", ""}, {"gol", " (did you mean 'goal'?)"}}) {
    const Result r = box.run({word, "list"});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::StartsWith("momentum: error: unknown command '" + word +
                                        "' for 'momentum'; expected today, goal, task, log") &&
                          Catch::EndsWith(hint + "\n"));
    CHECK(r.out.empty());
  }
  check_rejects(box, {"goal", "frob"},
                "unknown command 'frob' for 'momentum goal'; expected add, list, show, edit, "
                "pause, resume, achieve or drop");
  check_rejects(box, {"task", "finish", "1"},
                "unknown command 'finish' for 'momentum task'; expected add, list, next, show, "
                "start, done, drop, reopen, defer or edit");
  check_rejects(box, {"goal", "lst"},
                "unknown command 'lst' for 'momentum goal'; expected add, list, show, edit, "
                "pause, resume, achieve or drop (did you mean 'list'?)");
}

TEST_CASE("an unknown option is a usage error naming it", "[e2e][cli][errors]") {
  Sandbox box;
  SECTION("with no journal yet") {}
  SECTION("with a journal") { run_ok(box, {"goal", "add", "Kaggle"}); }
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--bogus"}, {"goal", "add", "x", "--bogus"}, {"log", "5m", "--bogus"},
           {"task", "list", "--bogus"}, {"goal", "list", "--bogus=1"}}) {
    INFO(joined(args));
    const std::string before = box.journal_bytes();
    const bool existed = box.journal_exists();
    const Result r = box.run(args);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::StartsWith("momentum: error: ") && Catch::Contains("--bogus"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.out.empty());
    CHECK(box.journal_exists() == existed);
    CHECK(box.journal_bytes() == before);
  }
  check_rejects(box, {"goal", "add", "x", "--bogus"},
                "unknown option '--bogus' for 'momentum goal add'; 'momentum goal add --help' "
                "lists the options");
}

TEST_CASE("an option missing its value is a usage error", "[e2e][cli][errors]") {
  Sandbox box;
  check_rejects(box, {"goal", "add", "x", "--importance"},
                "option --importance needs a value (see 'momentum goal add --help')");
  check_rejects(box, {"goal", "add"}, "TITLE is required (see 'momentum goal add --help')");
}

TEST_CASE("text that is not UTF-8 is rejected", "[e2e][cli][errors]") {
  Sandbox box;
  check_rejects(box, {"task", "add", "caf\xe9"}, "title is not valid UTF-8");
  check_rejects(box, {"log", "5m", "caf\xe9"}, "note is not valid UTF-8");
  check_rejects(box, {"goal", "add", "x", "--why", "\xc3"}, "--why is not valid UTF-8");
}

TEST_CASE("a bad config file is a usage error and writes nothing", "[e2e][cli][errors]") {
  Sandbox box;
  Sandbox::write_file(box.dir() / "config.json", R"({"colour":"always"})");
  check_rejects(box, {"log", "5m"},
                "config '" + (box.dir() / "config.json").string() +
                    "': unknown key 'colour'; expected one of day_start, week_start, "
                    "remind_after, stale_days, comfort_threshold, color");
}

TEST_CASE("config day_start moves the start of a day", "[e2e][cli][day]") {
  Sandbox box;
  Sandbox::write_file(box.dir() / "config.json", R"({"day_start":"06:00"})");
  box.now("2026-03-10T05:30:00Z");
  CHECK(run_json(box, {"log", "5m"})["day"] == "2026-03-09");
  box.now("2026-03-10T06:00:00Z");
  CHECK(run_json(box, {"log", "5m"})["day"] == "2026-03-10");
}
