// momentum sync [--init REMOTE]: two data directories share one bare repository (local, no
// network); real git, with the user's git config kept out (HOME, GIT_CONFIG_*).
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "checks.hpp"
#include "sandbox.hpp"

using namespace momentum::test;
namespace fs = std::filesystem;

namespace {

const fs::path git_program = "/usr/bin/git";

// A machine: a sandbox whose git sees no config but what the test gives it.
void isolate_git(Sandbox& box) {
  box.set_env("GIT_CONFIG_GLOBAL", (box.dir() / "gitconfig").string());
  box.set_env("GIT_CONFIG_NOSYSTEM", "1");
}

void set_identity(Sandbox& box, const std::string& name) {
  for (const char* who : {"GIT_AUTHOR", "GIT_COMMITTER"}) {
    box.set_env(std::string(who) + "_NAME", name);
    box.set_env(std::string(who) + "_EMAIL", name + "@example.com");
  }
}

// Runs git ARGS with a clean config and a fixed identity; requires success; returns stdout.
std::string git(const fs::path& scratch, const std::vector<std::string>& args) {
  int out[2];
  REQUIRE(pipe(out) == 0);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], 1);
    close(out[0]), close(out[1]);
    std::vector<std::string> envs{"HOME=" + scratch.string(),
                                  "GIT_CONFIG_GLOBAL=" + (scratch / "gitconfig").string(),
                                  "GIT_CONFIG_NOSYSTEM=1",
                                  "GIT_AUTHOR_NAME=test",
                                  "GIT_AUTHOR_EMAIL=test@example.com",
                                  "GIT_COMMITTER_NAME=test",
                                  "GIT_COMMITTER_EMAIL=test@example.com",
                                  "PATH=/usr/bin:/bin"};
    std::vector<char*> argv{const_cast<char*>("git")}, envp;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    for (auto& e : envs) envp.push_back(e.data());
    argv.push_back(nullptr), envp.push_back(nullptr);
    execve(git_program.c_str(), argv.data(), envp.data());
    _exit(127);
  }
  close(out[1]);
  std::string text;
  char buf[4096];
  for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;) text.append(buf, std::size_t(n));
  close(out[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  INFO("git " << joined(args));
  REQUIRE((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  return text;
}

// An empty bare repository in `box`'s directory: the remote both machines reach.
std::string bare_remote(const Sandbox& box) {
  const fs::path remote = box.dir() / "remote.git";
  git(box.dir(), {"init", "--quiet", "--bare", "--initial-branch=main", remote.string()});
  return remote.string();
}

Result sync(const Sandbox& box, std::vector<std::string> args = {}) {
  args.insert(args.begin(), "sync");
  return box.run(args);
}

std::string sync_ok(const Sandbox& box, std::vector<std::string> args = {}) {
  const Result r = sync(box, std::move(args));
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  return r.out;
}

// What a user compares between machines: the same state, the same short numbers.
void check_same_state(const Sandbox& a, const Sandbox& b) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"task", "list", "--all"},
                                             {"streak"},
                                             {"goal", "list", "--all"},
                                             {"log", "list", "--all"}}) {
    INFO("momentum --json " << joined(args));
    CHECK(run_json(a, args) == run_json(b, args));
  }
}

#define REQUIRE_GIT()                                                    \
  if (!fs::exists(git_program)) {                                        \
    WARN("skipped: no " << git_program << " (install the git package)"); \
    return;                                                              \
  }

}  // namespace

TEST_CASE("two machines that logged offline agree after a sync on each", "[e2e][sync]") {
  REQUIRE_GIT();
  Sandbox server, a, b;
  const std::string remote = bare_remote(server);
  isolate_git(a);
  isolate_git(b);
  set_identity(a, "alice");  // b has none: sync commits as momentum <momentum@localhost>

  b.now("2026-03-01T08:00:00Z");  // b's goal is older: it takes number 1 everywhere
  run_ok(b, {"goal", "add", "Run a marathon", "--cadence", "daily"});
  run_ok(b, {"task", "add", "Buy shoes", "--goal", "1"});
  a.now("2026-03-02T09:00:00Z");
  run_ok(a, {"goal", "add", "Become an ML engineer", "--cadence", "daily"});
  run_ok(a, {"task", "add", "Titanic tutorial", "--goal", "1"});
  for (const char* day : {"2026-03-03", "2026-03-04", "2026-03-05"}) {
    b.now(std::string(day) + "T07:00:00Z");
    run_ok(b, {"log", "20m", "easy run", "--goal", "1"});
    a.now(std::string(day) + "T20:00:00Z");
    run_ok(a, {"log", "45m", "--task", "1"});
  }
  a.now("2026-03-05T21:00:00Z");
  b.now("2026-03-05T21:00:00Z");

  CHECK(sync_ok(a, {"--init", remote}) == "Made '" + a.dir().string() +
                                              "' a git repository (branch main).\n"
                                              "Synced with origin '" +
                                              remote + "': received 0 events, sent 5 events.\n");
  CHECK(sync_ok(b, {"--init", remote}) == "Made '" + b.dir().string() +
                                              "' a git repository (branch main).\n"
                                              "Synced with origin '" +
                                              remote + "': received 5 events, sent 5 events.\n");
  CHECK(sync_ok(a) == "Synced with origin '" + remote +
                          "': received 5 events, sent 0 events.\n"
                          "Goal 1 is now goal 2 ('Become an ML engineer'): events from another "
                          "machine came first.\n"
                          "Task 1 is now task 2 ('Titanic tutorial'): events from another "
                          "machine came first.\n");
  check_same_state(a, b);
  CHECK(run_json(a, {"task", "list", "--all"}).size() == 2);

  SECTION("later check-ins go both ways; nothing moves twice") {
    a.now("2026-03-06T20:00:00Z");
    run_ok(a, {"log", "30m", "--task", "2"});
    b.now("2026-03-06T07:00:00Z");
    run_ok(b, {"log", "25m", "--goal", "1"});
    CHECK(sync_ok(b) == "Synced with origin '" + remote + "': received 0 events, sent 1 event.\n");
    CHECK(sync_ok(a) == "Synced with origin '" + remote + "': received 1 event, sent 1 event.\n");
    CHECK(sync_ok(b) == "Synced with origin '" + remote + "': received 1 event, sent 0 events.\n");
    CHECK(sync_ok(b) == "Synced with origin '" + remote + "': received 0 events, sent 0 events.\n");
    check_same_state(a, b);
    const auto report = run_json(a, {"sync"});
    CHECK(report["received"] == 0);
    CHECK(report["sent"] == 0);
    CHECK(report["renumbered"].empty());
  }
  SECTION("the merged journal holds every line once; git keeps the lock out") {
    CHECK(a.journal_bytes() == b.journal_bytes());
    // Two journals started apart: both headers stay (union keeps what differs), both events'
    // lines once each, and the journal loads without a warning (run_json checks stderr).
    const auto lines = a.journal_lines();
    CHECK(lines.size() == 12);
    CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& line) {
            return line.rfind("{\"momentum\":\"journal\"", 0) == 0;
          }) == 2);
    CHECK(lines.front().rfind("{\"momentum\":\"journal\"", 0) == 0);
    CHECK(Sandbox::read_file(a.dir() / ".gitattributes").find("journal.jsonl merge=union\n") !=
          std::string::npos);
    const std::string tracked = git(a.dir(), {"-C", a.dir().string(), "ls-files"});
    CHECK(tracked == ".gitattributes\n.gitignore\njournal.jsonl\n");
    CHECK(fs::exists(a.dir() / "journal.jsonl.lock"));
    CHECK(git(a.dir(), {"-C", a.dir().string(), "status", "--porcelain"}).empty());
  }
}

TEST_CASE("sync --init adopts a directory that already is a repository", "[e2e][sync]") {
  REQUIRE_GIT();
  Sandbox server, box;
  const std::string remote = bare_remote(server);
  isolate_git(box);
  set_identity(box, "carol");
  run_ok(box, {"goal", "add", "Write a book"});
  git(box.dir(), {"-C", box.dir().string(), "init", "--quiet", "--initial-branch=main"});
  Sandbox::write_file(box.dir() / "notes.txt", "mine\n");
  git(box.dir(), {"-C", box.dir().string(), "add", "notes.txt"});
  git(box.dir(), {"-C", box.dir().string(), "commit", "--quiet", "-m", "notes"});
  Sandbox::write_file(box.dir() / ".gitignore", "*.tmp\n");

  CHECK(sync_ok(box, {"--init", remote}) ==
        "Synced with origin '" + remote + "': received 0 events, sent 1 event.\n");
  CHECK(Sandbox::read_file(box.dir() / ".gitignore").rfind("*.tmp\n", 0) == 0);
  CHECK(git(box.dir(), {"-C", box.dir().string(), "ls-files"}) ==
        ".gitattributes\n.gitignore\njournal.jsonl\nnotes.txt\n");
  CHECK(git(box.dir(), {"-C", remote, "show", "main:journal.jsonl"}) == box.journal_bytes());

  SECTION("--init again points origin elsewhere") {
    Sandbox other;
    const std::string second = bare_remote(other);
    CHECK(sync_ok(box, {"--init", second}) ==
          "Synced with origin '" + second + "': received 0 events, sent 1 event.\n");
    CHECK(git(box.dir(), {"-C", box.dir().string(), "remote", "get-url", "origin"}) ==
          second + "\n");
  }
}

TEST_CASE("a merge that still conflicts is left for the user with the git commands",
          "[e2e][sync]") {
  REQUIRE_GIT();
  Sandbox server, a, b;
  const std::string remote = bare_remote(server);
  for (Sandbox* box : {&a, &b}) {
    isolate_git(*box);
    set_identity(*box, "dave");
  }
  run_ok(a, {"goal", "add", "Learn Go"});
  sync_ok(a, {"--init", remote});
  sync_ok(b, {"--init", remote});
  for (Sandbox* box : {&a, &b}) {
    // The same line of a shared file changed two ways: no merge driver can choose.
    Sandbox::write_file(box->dir() / ".gitattributes", box == &a
                                                           ? "journal.jsonl merge=union\n# a\n"
                                                           : "journal.jsonl merge=union\n# b\n");
  }
  run_ok(a, {"log", "30m"});
  sync_ok(a);
  run_ok(b, {"log", "20m"});
  const std::string dir = "'" + b.dir().string() + "'";
  const Result r = sync(b);
  CHECK(r.code == 3);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "momentum: error: the merge with origin left conflicts in .gitattributes, kept "
        "in '" +
            b.dir().string() + "' for you to resolve: edit it, then run git -C " + dir +
            " add -- '.gitattributes' && git -C " + dir +
            " commit --no-edit && momentum sync (or give the merge up: git -C " + dir +
            " merge --abort)\n");
  // The journal itself merged by union: both check-ins are there.
  CHECK(run_json(b, {"log", "list", "--all"})["logs"].size() == 2);
  check_fails(b, {"sync"}, 3,
              "a merge is still unfinished in '" + b.dir().string() + "'; finish it (git -C " +
                  dir + " add -A && git -C " + dir + " commit --no-edit) or give it up (git -C " +
                  dir + " merge --abort), then sync again");

  Sandbox::write_file(b.dir() / ".gitattributes", "journal.jsonl merge=union\n# a and b\n");
  git(b.dir(), {"-C", b.dir().string(), "add", "--", ".gitattributes"});
  git(b.dir(), {"-C", b.dir().string(), "commit", "--quiet", "--no-edit"});
  CHECK(sync_ok(b) == "Synced with origin '" + remote + "': received 0 events, sent 1 event.\n");
  CHECK(sync_ok(a) == "Synced with origin '" + remote + "': received 1 event, sent 0 events.\n");
  check_same_state(a, b);
}

TEST_CASE("hostile remote and directory names run nothing", "[e2e][sync]") {
  REQUIRE_GIT();
  Sandbox box;
  isolate_git(box);
  set_identity(box, "eve");
  run_ok(box, {"goal", "add", "Learn Go"});
  const std::string marker = (box.dir() / "pwned").string();

  SECTION("option-like remotes and command transports are refused, nothing created") {
    for (const std::string& remote :
         {std::string("--upload-pack=touch ") + marker, std::string("-u touch ") + marker,
          std::string("ext::sh -c touch% ") + marker, std::string("EXT::sh -c touch% ") + marker,
          std::string("fd::3"), std::string("x\ntouch ") + marker}) {
      INFO(remote);
      const Result r = sync(box, {"--init", remote});
      CHECK(r.code == 2);
      CHECK(r.err.rfind("momentum: error: refusing remote '", 0) == 0);
      CHECK(r.err.find('\n') == r.err.size() - 1);
      CHECK_FALSE(fs::exists(box.dir() / ".git"));
    }
    check_rejects(box, {"sync", "--init", "ext::sh -c touch% " + marker},
                  "refusing remote 'ext::sh -c touch% " + marker +
                      "': the ext:: transport runs commands; expected a URL or path of a git "
                      "repository (ssh://host/path.git, host:path.git, /path.git)");
  }
  SECTION("shell syntax in a remote is only a name that git cannot find") {
    for (const std::string& remote :
         {"x; touch " + marker, "$(touch " + marker + ")", "`touch " + marker + "`",
          "x | touch " + marker, "x && touch " + marker}) {
      INFO(remote);
      const Result r = sync(box, {"--init", remote});
      CHECK(r.code == 3);
      CHECK(r.err.rfind("momentum: error: cannot fetch from origin '" + remote + "': ", 0) == 0);
      CHECK(r.err.find('\n') == r.err.size() - 1);
    }
  }
  SECTION("shell syntax in the data directory's name") {
    Sandbox server;
    const std::string remote = bare_remote(server);
    const fs::path dir = box.dir() / ("d; touch " + marker + " $(touch " + marker + ") `touch " +
                                      marker + "` | && -x");
    fs::create_directories(dir);
    const std::string journal = (dir / "journal.jsonl").string();
    REQUIRE(box.run_raw({"--journal", journal, "goal", "add", "Run"}).code == 0);
    const Result r = box.run_raw({"--journal", journal, "sync", "--init", remote});
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(git(box.dir(), {"-C", remote, "show", "main:journal.jsonl"}) ==
          Sandbox::read_file(journal));
  }
  CHECK_FALSE(fs::exists(marker));
}

TEST_CASE("sync without a remote commits locally and says how to add one", "[e2e][sync]") {
  REQUIRE_GIT();
  Sandbox box;
  isolate_git(box);
  run_ok(box, {"goal", "add", "Learn Go"});
  check_fails(box, {"sync"}, 2,
              "no remote to sync with (the journal is committed in '" + box.dir().string() +
                  "'); add one with 'momentum sync --init URL', URL a git repository both "
                  "machines reach (ssh://host/momentum.git)");
  CHECK(git(box.dir(), {"-C", box.dir().string(), "ls-files"}) ==
        ".gitattributes\n.gitignore\njournal.jsonl\n");
  check_fails(box, {"sync"}, 2,
              "no remote to sync with (the journal is committed in '" + box.dir().string() +
                  "'); add one with 'momentum sync --init URL', URL a git repository both "
                  "machines reach (ssh://host/momentum.git)");
}

TEST_CASE("sync without git on PATH is a storage error that changes nothing", "[e2e][sync]") {
  Sandbox box;
  run_ok(box, {"goal", "add", "Learn Go"});
  fs::create_directory(box.dir() / "empty-bin");
  box.set_env("PATH", (box.dir() / "empty-bin").string());
  check_fails(box, {"sync"}, 3,
              "git is not installed or not on PATH; sync needs git (install the 'git' package)");
  check_fails(box, {"sync", "--init", "/tmp/x.git"}, 3,
              "git is not installed or not on PATH; sync needs git (install the 'git' package)");
  CHECK_FALSE(fs::exists(box.dir() / ".git"));
}

TEST_CASE("sync refuses a data directory or journal name git would mishandle", "[e2e][sync]") {
  REQUIRE_GIT();
  Sandbox box;
  isolate_git(box);
  run_ok(box, {"goal", "add", "Learn Go"});
  SECTION("the home directory") {
    box.set_env("HOME", box.dir().string());
    check_rejects(box, {"sync"},
                  "cannot sync the journal in '" + box.dir().string() +
                      "': it is the home directory, which would become a git repository; move "
                      "the journal to a directory of its own (MOMENTUM_DIR)");
  }
  SECTION("a journal name that needs quoting in .gitattributes") {
    const std::string journal = (box.dir() / "my journal.jsonl").string();
    const Result r = box.run_raw({"--journal", journal, "sync"});
    CHECK(r.code == 2);
    CHECK(r.err ==
          "momentum: error: cannot sync journal 'my journal.jsonl': sync needs a file name of "
          "letters, digits, '.', '_' and '-'\n");
  }
  CHECK_FALSE(fs::exists(box.dir() / ".git"));
}

TEST_CASE("sync ends the journal's last line before git merges it line by line", "[e2e][sync]") {
  REQUIRE_GIT();
  Sandbox server, box;
  const std::string remote = bare_remote(server);
  isolate_git(box);
  set_identity(box, "frank");
  run_ok(box, {"goal", "add", "Learn Go"});
  std::string bytes = box.journal_bytes();
  bytes.pop_back();  // a whole event without its newline
  SECTION("a torn line left by a crash is dropped") {
    box.write_journal(bytes + "\n{\"id\":\"torn");
    const Result r = sync(box, {"--init", remote});
    CHECK(r.code == 0);
  }
  SECTION("a whole last event gets its newline") {
    box.write_journal(bytes);
    CHECK(sync_ok(box, {"--init", remote}).find("sent 1 event.") != std::string::npos);
  }
  CHECK(box.journal_bytes() == bytes + "\n");
  CHECK(git(box.dir(), {"-C", remote, "show", "main:journal.jsonl"}) == bytes + "\n");
}
