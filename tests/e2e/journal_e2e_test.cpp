// The journal on disk: where it lives, how it is created, read, merged and appended to.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <set>

#include "checks.hpp"
#include "sandbox.hpp"

using namespace momentum::test;
namespace fs = std::filesystem;

namespace {

const std::string goal_a_id = "aaaa1111-0000-4000-8000-000000000001";
const std::string goal_b_id = "bbbb2222-0000-4000-8000-000000000002";

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

// A journal with goal 1 "Alpha" and goal 2 "Beta".
std::string two_goals() {
  return header_line() + goal_line(goal_a_id, "2026-03-01T09:00:00.000Z", "Alpha") +
         goal_line(goal_b_id, "2026-03-02T09:00:00.000Z", "Beta");
}

std::vector<std::string> goal_titles(const Sandbox& box) {
  std::vector<std::string> titles;
  for (const auto& g : run_json(box, {"goal", "list", "--all"})) titles.push_back(g["title"]);
  return titles;
}

}  // namespace

TEST_CASE("the journal location follows --journal, then the environment", "[e2e][journal]") {
  Sandbox box;
  const fs::path d = box.dir();
  box.set_env("MOMENTUM_JOURNAL", (d / "env.jsonl").string());
  box.set_env("MOMENTUM_DIR", (d / "mdir").string());
  box.set_env("XDG_DATA_HOME", (d / "xdg").string());
  const auto log_to = [&](std::vector<std::string> args) {
    args.insert(args.end(), {"log", "5m"});
    const Result r = box.run_raw(args);
    CHECK(r.code == 0);
  };
  log_to({"--journal", (d / "flag.jsonl").string()});
  CHECK(fs::exists(d / "flag.jsonl"));
  log_to({});
  CHECK(fs::exists(d / "env.jsonl"));
  box.set_env_empty("MOMENTUM_JOURNAL");
  log_to({});
  CHECK(fs::exists(d / "mdir" / "journal.jsonl"));
  box.set_env_empty("MOMENTUM_DIR");
  log_to({});
  CHECK(fs::exists(d / "xdg" / "momentum" / "journal.jsonl"));
  box.set_env_empty("XDG_DATA_HOME");
  log_to({});
  const fs::path home_journal = d / "home" / ".local" / "share" / "momentum" / "journal.jsonl";
  CHECK(fs::exists(home_journal));
  for (const fs::path& p : {d / "flag.jsonl", d / "env.jsonl", d / "mdir" / "journal.jsonl",
                            d / "xdg" / "momentum" / "journal.jsonl", home_journal}) {
    INFO(p);
    CHECK(Sandbox::read_file(p).find("\"op\":\"log.add\"") != std::string::npos);
  }
}

TEST_CASE("reading a missing journal sees an empty one and creates nothing", "[e2e][journal]") {
  Sandbox box;
  const fs::path data = box.dir() / "home" / ".local" / "share" / "momentum";
  for (const auto& args : std::vector<std::vector<std::string>>{
           {}, {"today"}, {"goal", "list"}, {"task", "list"}, {"task", "next"}, {"log", "list"}}) {
    INFO(joined(args));
    const Result r = box.run_raw(args);
    CHECK(r.code == 0);
    CHECK(r.err.empty());
  }
  CHECK_FALSE(fs::exists(data));
  CHECK_FALSE(fs::exists(box.dir() / "home"));
  CHECK(box.run({"goal", "list"}).code == 0);
  CHECK_FALSE(box.journal_exists());
}

TEST_CASE("the first write creates the journal 0600 in new 0700 directories", "[e2e][journal]") {
  Sandbox box;
  box.set_env("MOMENTUM_DIR", (box.dir() / "data" / "deep").string());
  REQUIRE(box.run_raw({"goal", "add", "Kaggle"}).code == 0);
  const fs::path journal = box.dir() / "data" / "deep" / "journal.jsonl";
  CHECK(mode_of(box.dir() / "data") == 0700);
  CHECK(mode_of(box.dir() / "data" / "deep") == 0700);
  CHECK(mode_of(journal) == 0600);
  const std::string text = Sandbox::read_file(journal);
  const auto header = nlohmann::json::parse(text.substr(0, text.find('\n')));
  CHECK(header["momentum"] == "journal");
  CHECK(header["version"] == 1);
}

TEST_CASE("each event is one JSON line with id, ts, tz, op and data", "[e2e][journal]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Kaggle"});
  run_ok(box, {"log", "30m"});
  const auto lines = box.journal_lines();
  REQUIRE(lines.size() == 3);
  const auto first = nlohmann::json::parse(lines[1]);
  const auto second = nlohmann::json::parse(lines[2]);
  CHECK(first["ts"] == "2026-03-10T09:00:00.000Z");
  CHECK(first["tz"] == "+00:00");
  CHECK(first["id"].get<std::string>().size() == 36);
  // The clock is frozen: the next event is 1 ms later, so order never depends on ids.
  CHECK(second["ts"] == "2026-03-10T09:00:00.001Z");
  CHECK(second["op"] == "log.add");
  CHECK(box.journal_bytes().back() == '\n');
}

TEST_CASE("a new event is later than every event already in the journal", "[e2e][journal]") {
  Sandbox box;
  box.write_journal(two_goals());
  box.now("2026-02-01T09:00:00Z");  // a clock behind the journal
  run_ok(box, {"goal", "add", "Gamma"});
  CHECK(nlohmann::json::parse(box.journal_lines().back())["ts"] == "2026-03-02T09:00:00.001Z");
  CHECK(goal_titles(box) == std::vector<std::string>{"Alpha", "Beta", "Gamma"});
}

TEST_CASE("a torn last line is ignored with a warning and removed by the next write",
          "[e2e][journal]") {
  Sandbox box;
  const std::string torn = R"({"id":"cccc3333-0000-4000-8000-00000000)";
  box.write_journal(two_goals() + torn);
  const std::string warning = "momentum: warning: " + box.journal().string() +
                              ": ignoring an incomplete last line (a write was interrupted); the "
                              "next change removes it\n";
  const Result read = box.run({"goal", "list"});
  CHECK(read.code == 0);
  CHECK(read.err == warning);
  CHECK_THAT(read.out, Catch::Contains("Alpha") && Catch::Contains("Beta"));
  CHECK(box.journal_bytes() == two_goals() + torn);  // a read changes nothing
  const Result write = box.run({"goal", "add", "Gamma"});
  CHECK(write.code == 0);
  CHECK(write.err == warning);
  const std::string after = box.journal_bytes();
  CHECK(after.rfind(two_goals(), 0) == 0);
  CHECK(after.find("cccc3333") == std::string::npos);
  const auto lines = box.journal_lines();
  REQUIRE(lines.size() == 4);
  for (const auto& line : lines) CHECK(nlohmann::json::accept(line));
  const Result clean = box.run({"goal", "list"});
  CHECK(clean.err.empty());
  CHECK(goal_titles(box) == std::vector<std::string>{"Alpha", "Beta", "Gamma"});
}

TEST_CASE("a whole last event without its newline is kept", "[e2e][journal]") {
  Sandbox box;
  std::string text = two_goals();
  text.pop_back();
  box.write_journal(text);
  const Result r = box.run({"goal", "list"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  run_ok(box, {"goal", "add", "Gamma"});
  CHECK(goal_titles(box) == std::vector<std::string>{"Alpha", "Beta", "Gamma"});
  for (const auto& line : box.journal_lines()) CHECK(nlohmann::json::accept(line));
}

TEST_CASE("a malformed line before the last is a storage error naming file and line",
          "[e2e][journal][errors]") {
  Sandbox box;
  const std::string bad =
      GENERATE(as<std::string>{}, "garbage{\n",
               R"({"id":"dddd4444-0000-4000-8000-000000000004","op":"goal.add"})"
               "\n");
  box.write_journal(header_line() + goal_line(goal_a_id, "2026-03-01T09:00:00.000Z", "Alpha") +
                    bad + goal_line(goal_b_id, "2026-03-02T09:00:00.000Z", "Beta"));
  const std::string before = box.journal_bytes();
  const std::string prefix = "momentum: error: " + box.journal().string() + ":3: ";
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"goal", "list"}, {"today"}, {"log", "5m"}, {"goal", "add", "Gamma"}}) {
    INFO(joined(args));
    const Result r = box.run(args);
    CHECK(r.code == 3);
    CHECK_THAT(r.err, Catch::StartsWith(prefix));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.out.empty());
    CHECK(box.journal_bytes() == before);
  }
}

TEST_CASE("unknown ops are kept and reported as a warning", "[e2e][journal]") {
  Sandbox box;
  const std::string future =
      event_line("eeee5555-0000-4000-8000-000000000005", "2026-03-03T09:00:00.000Z",
                 "habit.frobnicate", R"({"level":11})");
  box.write_journal(two_goals() + future);
  const std::string warning = "momentum: warning: " + box.journal().string() +
                              ": kept but ignored events from a newer momentum (habit.frobnicate "
                              "×1)\n";
  const Result read = box.run({"goal", "list"});
  CHECK(read.code == 0);
  CHECK(read.err == warning);
  const Result write = box.run({"goal", "add", "Gamma"});
  CHECK(write.code == 0);
  CHECK(write.err == warning);
  CHECK(box.journal_bytes().rfind(two_goals() + future, 0) == 0);
}

TEST_CASE("a second header line from a merged journal is accepted", "[e2e][journal]") {
  Sandbox box;
  box.write_journal(header_line() + goal_line(goal_b_id, "2026-03-02T09:00:00.000Z", "Beta") +
                    header_line("2026-02-20T10:00:00.000Z") +
                    goal_line(goal_a_id, "2026-03-01T09:00:00.000Z", "Alpha"));
  const Result r = box.run({"goal", "list"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(goal_titles(box) == std::vector<std::string>{"Alpha", "Beta"});
  run_ok(box, {"goal", "add", "Gamma"});
  CHECK(goal_titles(box) == std::vector<std::string>{"Alpha", "Beta", "Gamma"});
}

TEST_CASE("a header of another major version is a storage error", "[e2e][journal][errors]") {
  Sandbox box;
  SECTION("first line") {
    box.write_journal(header_line("2026-03-01T09:00:00.000Z", 2) +
                      goal_line(goal_a_id, "2026-03-01T09:00:00.000Z", "Alpha"));
    check_fails(box, {"goal", "add", "x"}, 3,
                box.journal().string() +
                    ":1: journal version 2 is not supported; this momentum reads version 1");
  }
  SECTION("a merged second header") {
    box.write_journal(two_goals() + header_line("2026-03-01T09:00:00.000Z", 2));
    check_fails(box, {"goal", "list"}, 3,
                box.journal().string() +
                    ":4: journal version 2 is not supported; this momentum reads version 1");
  }
}

TEST_CASE("lines out of (ts, id) order replay in order", "[e2e][journal]") {
  Sandbox box;
  // As after a git merge: the later goal's line comes first.
  box.write_journal(header_line() + goal_line(goal_b_id, "2026-03-05T09:00:00.000Z", "Late") +
                    goal_line(goal_a_id, "2026-03-02T09:00:00.000Z", "Early") +
                    event_line("aaaa0000-0000-4000-8000-000000000009", "2026-03-05T09:00:00.000Z",
                               "goal.add",
                               R"({"title":"Same ts, lower id","cadence":"daily","importance":3,)"
                               R"("tags":[],"day":"2026-03-05"})"));
  const auto goals = run_json(box, {"goal", "list"});
  REQUIRE(goals.size() == 3);
  CHECK(goals[0]["num"] == 1);
  CHECK(goals[0]["title"] == "Early");
  CHECK(goals[1]["title"] == "Same ts, lower id");
  CHECK(goals[2]["title"] == "Late");
  CHECK(run_json(box, {"goal", "show", "3"})["id"] == goal_b_id);
  run_ok(box, {"goal", "add", "Newest"});
  CHECK(run_json(box, {"goal", "show", "4"})["title"] == "Newest");
}

TEST_CASE("concurrent writers lose nothing", "[e2e][journal]") {
  Sandbox box;
  constexpr int writers = 8;
  constexpr int each = 10;
  std::vector<pid_t> children;
  for (int w = 0; w < writers; ++w) {
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      int failures = 0;
      for (int i = 0; i < each; ++i) {
        const std::string note = "w" + std::to_string(w) + "-" + std::to_string(i);
        if (box.run({"-q", "log", "1m", note}).code != 0) ++failures;
      }
      _exit(failures);
    }
    children.push_back(pid);
  }
  for (const pid_t pid : children) {
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  const auto lines = box.journal_lines();
  CHECK(lines.size() == 1 + writers * each);
  std::set<std::string> notes, stamps;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    REQUIRE(nlohmann::json::accept(lines[i]));
    const auto e = nlohmann::json::parse(lines[i]);
    notes.insert(e["data"]["note"].get<std::string>());
    stamps.insert(e["ts"].get<std::string>());
  }
  CHECK(notes.size() == writers * each);
  CHECK(stamps.size() == writers * each);  // each writer saw the others' lines
  CHECK(run_json(box, {"log", "list", "--all"})["logs"].size() == writers * each);
}

TEST_CASE("a write past the file-size limit fails and leaves the journal as it was",
          "[e2e][journal][errors]") {
  Sandbox box;
  std::string text = header_line() + goal_line(goal_a_id, "2026-03-01T09:00:00.000Z", "Alpha");
  const std::size_t pad =
      1000 - text.size() - goal_line(goal_b_id, "2026-03-02T09:00:00.000Z", "").size();
  text += goal_line(goal_b_id, "2026-03-02T09:00:00.000Z", std::string(pad, 'b'));
  REQUIRE(text.size() == 1000);
  box.write_journal(text);
  box.limit_file_size(1024);
  check_fails(box, {"log", "5m", "a note long enough to cross the limit"}, 3,
              "cannot write journal '" + box.journal().string() + "': File too large");
  check_fails(box, {"goal", "add", "Gamma"}, 3,
              "cannot write journal '" + box.journal().string() + "': File too large");
  CHECK(box.journal_bytes() == text);
}

TEST_CASE("a first write past the file-size limit leaves no journal", "[e2e][journal][errors]") {
  Sandbox box;
  box.limit_file_size(16);
  check_fails(box, {"goal", "add", "Kaggle"}, 3,
              "cannot write journal '" + box.journal().string() + "': File too large");
  CHECK_FALSE(box.journal_exists());
}

TEST_CASE("a journal path through a regular file is a storage error", "[e2e][journal][errors]") {
  Sandbox box;
  Sandbox::write_file(box.dir() / "plain", "not a directory\n");
  for (const std::string& path :
       {(box.dir() / "plain" / "journal.jsonl").string(), std::string("/dev/null/x.jsonl")}) {
    INFO(path);
    const Result write = box.run_raw({"--journal", path, "log", "5m"});
    CHECK(write.code == 3);
    CHECK(write.err == "momentum: error: cannot lock journal '" + path + "': Not a directory\n");
    CHECK(write.out.empty());
    const Result read = box.run_raw({"--journal", path, "goal", "list"});
    CHECK(read.code == 3);
    CHECK(read.err == "momentum: error: cannot read journal '" + path + "': Not a directory\n");
    CHECK(read.out.empty());
  }
  CHECK(Sandbox::read_file(box.dir() / "plain") == "not a directory\n");
}

TEST_CASE("a journal path the system cannot look up is a storage error, not an internal one",
          "[e2e][journal][errors]") {
  Sandbox box;
  // Longer than a file name may be (NAME_MAX): stat fails with ENAMETOOLONG, not ENOENT.
  const std::string path = (box.dir() / std::string(300, 'a') / "journal.jsonl").string();
  const std::string expected =
      "momentum: error: cannot read journal '" + path + "': File name too long\n";
  const Result write = box.run_raw({"--journal", path, "goal", "add", "x"});
  CHECK(write.code == 3);
  CHECK(write.err == expected);
  CHECK(write.out.empty());
  const Result read = box.run_raw({"--journal", path, "goal", "list"});
  CHECK(read.code == 3);
  CHECK(read.err == expected);
  CHECK(read.out.empty());
  CHECK(fs::is_empty(box.dir()));
}

TEST_CASE("a journal path that is a directory is a storage error", "[e2e][journal][errors]") {
  Sandbox box;
  const std::string path = box.dir().string();
  const Result r = box.run_raw({"--journal", path, "goal", "add", "x"});
  CHECK(r.code == 3);
  CHECK(r.err == "momentum: error: cannot read journal '" + path + "': Is a directory\n");
  CHECK(r.out.empty());
}

TEST_CASE("the cache lives in the cache directory and never shows a stale journal",
          "[e2e][journal][cache]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Alpha"});
  run_ok(box, {"goal", "list"});
  const fs::path caches = box.dir() / "home" / ".cache" / "momentum";
  REQUIRE(fs::is_directory(caches));
  CHECK(mode_of(caches) == 0700);
  // The full state's cache and the recent state's beside it (goal list reads the latter).
  std::set<fs::path> files(fs::directory_iterator(caches), fs::directory_iterator{});
  REQUIRE(files.size() == 2);
  std::set<std::string> extensions;
  for (const fs::path& file : files) {
    CHECK(file.filename().string().starts_with("journal.jsonl-"));
    CHECK(mode_of(file) == 0600);
    extensions.insert(file.extension().string());
  }
  CHECK(extensions == std::set<std::string>{".cache", ".recent"});
  CHECK(std::set<fs::path>(fs::directory_iterator(box.dir()), fs::directory_iterator{}) ==
        std::set<fs::path>{box.journal(), box.dir() / "journal.jsonl.lock", box.dir() / "home"});

  SECTION("a journal replaced by another") {
    box.write_journal(two_goals());
    CHECK(run_json(box, {"goal", "list"}).size() == 2);
  }
  SECTION("lines appended by another program") {
    const std::string before = box.journal_bytes();
    box.write_journal(before + goal_line(goal_b_id, "2026-03-10T10:00:00.000Z", "Beta"));
    CHECK(run_json(box, {"goal", "list"}).size() == 2);
  }
  SECTION("XDG_CACHE_HOME moves it") {
    box.set_env("XDG_CACHE_HOME", (box.dir() / "xdg").string());
    run_ok(box, {"goal", "list"});
    CHECK(fs::is_directory(box.dir() / "xdg" / "momentum"));
  }
  SECTION("a cache that cannot be written changes nothing but speed") {
    box.set_env("XDG_CACHE_HOME", box.journal().string());  // a file: no directory there
    run_ok(box, {"log", "10m"});
    CHECK(run_json(box, {"log", "list"})["logs"].size() == 1);
  }
}
