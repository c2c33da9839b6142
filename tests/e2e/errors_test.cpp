// The command line as a whole: global options, help, unknown words, safe output.
#include <algorithm>
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
  const std::vector<std::string> command =
      GENERATE(std::vector<std::string>{}, std::vector<std::string>{"today"},
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
  for (const auto& args : std::vector<std::vector<std::string>>{{"--bogus"},
                                                                {"goal", "add", "x", "--bogus"},
                                                                {"log", "5m", "--bogus"},
                                                                {"task", "list", "--bogus"},
                                                                {"goal", "list", "--bogus=1"}}) {
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
                    "remind_after, stale_days, comfort_threshold, color, default_goal");
}

TEST_CASE("config day_start moves the start of a day", "[e2e][cli][day]") {
  Sandbox box;
  Sandbox::write_file(box.dir() / "config.json", R"({"day_start":"06:00"})");
  box.now("2026-03-10T05:30:00Z");
  CHECK(run_json(box, {"log", "5m"})["day"] == "2026-03-09");
  box.now("2026-03-10T06:00:00Z");
  CHECK(run_json(box, {"log", "5m"})["day"] == "2026-03-10");
}

namespace {

// True when `text` holds a byte a terminal would act on: C0 (but the final newline), DEL, a
// C1 control or a bidi override in UTF-8.
bool has_raw_control(std::string text) {
  if (!text.empty() && text.back() == '\n') text.pop_back();
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7f) return true;
  }
  return text.find("\xc2\x9b") != std::string::npos ||
         text.find("\xe2\x80\xae") != std::string::npos;
}

}  // namespace

TEST_CASE("no error message sends a raw control byte to the terminal", "[e2e][cli][errors]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Kaggle", "-q"});
  run_ok(box, {"task", "add", "Titanic", "-q"});
  run_ok(box, {"log", "10m", "-q"});
  const std::string bad = GENERATE(std::string("\x1b[2Jx"),
                                   std::string("x\xc2\x9b"
                                               "31m"),
                                   std::string("\xe2\x80\xaex"), std::string("a\nb\x07"));
  const std::string escaped = bad == "\x1b[2Jx" ? "\\x1b[2Jx"
                              : bad == "x\xc2\x9b"
                                       "31m"
                                  ? "x\\u009b31m"
                              : bad == "\xe2\x80\xaex" ? "\\u202ex"
                                                       : "a\\nb\\x07";
  // Every command path that quotes a value it was given, with the code it exits with.
  const std::vector<std::pair<std::vector<std::string>, int>> cases = {
      {{"task", "add", "T", "--due", bad}, 2},
      {{"task", "add", "T", "--tag", bad}, 2},
      {{"task", "add", "T", "--kind", bad}, 2},
      {{"task", "add", "T", "--importance", bad}, 2},
      {{"task", "add", "T", "--estimate", bad}, 2},
      {{"task", "add", "T", "--goal", bad}, 2},
      {{"task", "show", bad}, 2},
      {{"task", "defer", "1", "--to", bad}, 2},
      {{"task", "list", "--status", bad}, 2},
      {{"goal", "show", bad}, 2},
      {{"goal", "add", "G", "--cadence", bad}, 2},
      {{"goal", "pause", "1", "--until", bad}, 2},
      {{"log", "5m", "--goal", bad}, 2},
      {{"log", "5m", "--task", bad}, 2},
      {{"log", "5m", "--date", bad}, 2},
      {{"log", "4" + bad}, 2},
      {{"log", "list", "--since", bad}, 2},
      {{"log", "edit", bad, "--note", "n"}, 2},
      {{"log", "rm", bad}, 2},
      {{"log", "skip", "--date", bad}, 2},
      {{"sprint", "start", "S", "--task", bad}, 2},
      {{"sprint", "show", bad}, 2},
      {{"calendar", "--weeks", bad}, 2},
      {{"calendar", "--format", bad}, 2},
      {{"stats", "--since", bad}, 2},
      {{"review", "--sprint", bad}, 2},
      {{"remind", "--format", bad}, 2},
      {{"prompt", "--format", "{" + bad + "}"}, 2},
      {{"config", "get", bad}, 2},
      {{"config", "set", "day_start", bad}, 2},
      {{"config", "set", "default_goal", bad}, 2},
      {{"config", "set", bad, "1"}, 2},
      {{"completion", bad}, 2},
      {{bad}, 2},
      {{"goal", bad}, 2},
      {{"--" + bad}, 2},
      {{"task", "add", "T", "--" + bad}, 2},
  };
  const std::string before = box.journal_bytes();
  for (const auto& [args, code] : cases) {
    INFO("momentum " << joined(args));
    const Result r = box.run(args);
    CHECK(r.code == code);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::StartsWith("momentum: error: "));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(has_raw_control(r.err));
    CHECK(box.journal_bytes() == before);
  }
  // The value itself is shown, escaped, so the user sees what was wrong.
  const Result r = box.run({"task", "add", "T", "--due", bad});
  CHECK_THAT(r.err, Catch::Contains("'" + escaped + "'"));
  // A storage error quotes a path: escaped too (exit 3).
  const Result storage = box.run_raw({"--journal", "/dev/null/" + bad + "/j.jsonl", "log", "5m"});
  CHECK(storage.code == 3);
  CHECK_FALSE(has_raw_control(storage.err));
}

TEST_CASE("warnings escape what they quote", "[e2e][cli][errors]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Kaggle", "-q"});
  run_ok(box, {"goal", "add", "Writing", "-q"});
  Sandbox::write_file(box.dir() / "config.json", "{\"default_goal\": \"\\u001b[2Jblog\"}");
  const Result r = box.run({"log", "5m"});
  CHECK(r.code == 0);
  CHECK_FALSE(has_raw_control(r.err));
  CHECK_THAT(r.err, Catch::Contains("unknown goal '\\x1b[2Jblog'"));
}
