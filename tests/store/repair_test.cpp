// check --repair's rewrite: the quarantine appended to, the journal replaced atomically with
// its mode, nothing changed when a step fails, and no stale cache afterwards.
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>

#include "builders.hpp"
#include "momentum/check.hpp"
#include "momentum/error.hpp"
#include "momentum/store/cache.hpp"
#include "momentum/store/journal.hpp"
#include "temp_files.hpp"

namespace fs = std::filesystem;
using namespace momentum;
using namespace momentum::test;

namespace {

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

// A journal of three goals with a garbage line between the first two.
struct Broken {
  std::string head;
  std::string bad = "this is not json\n";
  std::string tail;
  Broken() {
    Book b(sys_days{2026y / March / 2});
    b.goal("A");
    head = b.text;
    const std::size_t cut = b.text.size();
    b.goal("B");
    b.goal("C");
    tail = b.text.substr(cut);
  }
  std::string text() const { return head + bad + tail; }
};

// Checks and repairs `journal` as `check --repair` does, without its lock.
Repair repair(const fs::path& journal) {
  const std::string text = slurp(journal);
  const CheckReport report = check_journal(text, noon(sys_days{2026y / March / 10}));
  Repair plan = plan_repair(text, report);
  rewrite_journal(journal, plan.journal, quarantine_path(journal), plan.quarantine);
  return plan;
}

}  // namespace

TEST_CASE("the quarantine file sits beside the journal, named after it", "[repair]") {
  CHECK(quarantine_path("/d/journal.jsonl") == "/d/journal.quarantine.jsonl");
  CHECK(quarantine_path("/d/work.log.jsonl") == "/d/work.log.quarantine.jsonl");
  CHECK(quarantine_path("/d/journal") == "/d/journal.quarantine.jsonl");
  CHECK(quarantine_path("journal.jsonl") == "journal.quarantine.jsonl");
}

TEST_CASE("repair keeps the valid lines byte for byte and appends to the quarantine", "[repair]") {
  TempDir dir;
  const fs::path journal = dir.path / "journal.jsonl";
  const fs::path quarantine = dir.path / "journal.quarantine.jsonl";
  const Broken broken;
  spit(journal, broken.text());
  spit(quarantine, "an earlier repair's line\n");
  REQUIRE(::chmod(journal.c_str(), 0640) == 0);
  const Repair done = repair(journal);
  CHECK(done.moved == std::vector<int>{3});
  CHECK(slurp(journal) == broken.head + broken.tail);
  CHECK(slurp(quarantine) == "an earlier repair's line\n" + broken.bad);
  CHECK(mode_of(journal) == 0640);
  CHECK_NOTHROW(replay_text(slurp(journal)));
  // No temporary file is left behind.
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir.path)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"journal.jsonl", "journal.quarantine.jsonl"});
}

TEST_CASE("a new quarantine file is made with mode 0600", "[repair]") {
  TempDir dir;
  const fs::path journal = dir.path / "j.jsonl";
  const Broken broken;
  spit(journal, broken.text());
  repair(journal);
  CHECK(slurp(dir.path / "j.quarantine.jsonl") == broken.bad);
  CHECK(mode_of(dir.path / "j.quarantine.jsonl") == 0600);
}

TEST_CASE("a quarantine that cannot be written leaves the journal as it was", "[repair]") {
  TempDir dir;
  const fs::path journal = dir.path / "journal.jsonl";
  const Broken broken;
  spit(journal, broken.text());
  fs::create_directory(dir.path / "journal.quarantine.jsonl");  // in the way
  const std::string text = slurp(journal);
  const CheckReport report = check_journal(text, noon(sys_days{2026y / March / 10}));
  const Repair plan = plan_repair(text, report);
  CHECK_THROWS_WITH(
      rewrite_journal(journal, plan.journal, quarantine_path(journal), plan.quarantine),
      Catch::StartsWith("cannot write quarantine file '" +
                        (dir.path / "journal.quarantine.jsonl").string() + "': "));
  CHECK(slurp(journal) == text);
}

TEST_CASE("a journal that cannot be rewritten is left as it was, and so is the quarantine",
          "[repair]") {
  TempDir dir;
  const fs::path journal = dir.path / "journal.jsonl";
  const fs::path quarantine = dir.path / "journal.quarantine.jsonl";
  const std::string kept(8192, 'x');
  spit(journal, "before\n");
  spit(quarantine, "old\n");
  // A file size limit that lets the quarantine grow but not the new journal be written.
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{4096, 4096};
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(2);
    try {
      rewrite_journal(journal, kept, quarantine, "moved\n");
    } catch (const StorageError& e) {
      const std::string what = e.what();
      ::_exit(what.rfind("cannot write '" + journal.string() + "': ", 0) == 0 ? 0 : 3);
    }
    ::_exit(4);
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(slurp(journal) == "before\n");
  CHECK(slurp(quarantine) == "old\n");
}

TEST_CASE("after a repair the cache serves the repaired journal, never the old one", "[repair]") {
  TempDir dir;
  const fs::path journal = dir.path / "journal.jsonl";
  const fs::path cache = cache_file(dir.path / "cache", journal);
  // Three goals and the last one's line twice (replay ignores the second), cached.
  const Broken broken;
  const std::string last = broken.tail.substr(broken.tail.find('\n') + 1);
  spit(journal, broken.head + broken.tail + last);
  REQUIRE(load_journal(journal, source, cache).has_value());
  const auto cached = load_journal(journal, source, cache);
  REQUIRE(cached->from_cache);
  REQUIRE(cached->loaded.valid_size == slurp(journal).size());
  REQUIRE(repair(journal).moved.size() == 1);
  const auto after = load_journal(journal, source, cache);
  REQUIRE(after.has_value());
  CHECK_FALSE(after->from_cache);
  CHECK(after->loaded.state.goals.size() == 3);
  CHECK(after->loaded.valid_size == slurp(journal).size());
  CHECK(after->lines == 4);
  // And the cache written from the repaired journal is used from then on.
  CHECK(load_journal(journal, source, cache)->from_cache);
}
