#include "momentum/store/journal.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "momentum/error.hpp"
#include "momentum/store/files.hpp"
#include "temp_files.hpp"

namespace fs = std::filesystem;
using momentum::append_journal;
using momentum::JournalLock;
using momentum::read_journal;
using momentum::StorageError;
using namespace std::chrono_literals;
using momentum::test::slurp;
using momentum::test::spit;
using momentum::test::TempDir;

namespace {

unsigned mode_of(const fs::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

// A lock-wait clock that moves only when the lock pauses, so no test sleeps; `on_pause`
// runs at each pause (to free a lock meanwhile, say).
struct FakeClock {
  std::chrono::steady_clock::time_point time{};
  int pauses = 0;
  std::function<void()> on_pause = [] {};
  momentum::LockWait wait() {
    return {[this] { return time; },
            [this](std::chrono::milliseconds pause) {
              time += pause;
              ++pauses;
              on_pause();
            }};
  }
  std::chrono::milliseconds elapsed() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch());
  }
};

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

// Runs `body` in a child process and returns its exit status (-1 when it did not exit).
template <typename Body>
int in_child(Body body) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) ::_exit(body());
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Child exit codes for an append expected to fail.
enum AppendOutcome : int { threw_expected = 0, no_throw = 1, other_message = 2, other_error = 3 };

// In a child limited to `limit` bytes per file, appends `bytes` and reports how it failed.
int append_beyond_limit(const fs::path& file, std::uint64_t offset, const std::string& bytes,
                        rlim_t limit) {
  return in_child([&] {
    // As in the binary: the limit must give EFBIG, not kill the process.
    std::signal(SIGXFSZ, SIG_IGN);
    const rlimit lim{limit, limit};
    if (::setrlimit(RLIMIT_FSIZE, &lim) != 0) return static_cast<int>(other_error);
    try {
      append_journal(file, offset, bytes);
      return static_cast<int>(no_throw);
    } catch (const StorageError& e) {
      const std::string expected = "cannot write journal '" + file.string() + "': File too large";
      return static_cast<int>(e.what() == expected ? threw_expected : other_message);
    } catch (...) {
      return static_cast<int>(other_error);
    }
  });
}

const std::string header = "{\"momentum\":\"journal\",\"version\":1}\n";
const std::string line1 = "{\"id\":\"a\",\"op\":\"task.add\"}\n";
const std::string line2 = "{\"id\":\"b\",\"op\":\"task.done\"}\n";

}  // namespace

TEST_CASE("first append creates a private journal in private new directories", "[journal]") {
  const TempDir tmp;
  const fs::path journal = tmp.path / "data" / "momentum" / "journal.jsonl";

  append_journal(journal, 0, header + line1);

  CHECK(mode_of(tmp.path / "data") == 0700);
  CHECK(mode_of(tmp.path / "data" / "momentum") == 0700);
  CHECK(mode_of(journal) == 0600);
  const auto content = read_journal(journal);
  REQUIRE(content.has_value());
  CHECK(*content == header + line1);
  CHECK(content->capacity() >= content->size() + 64);
}

TEST_CASE("append at the end adds lines after the existing ones", "[journal]") {
  const TempDir tmp;
  const fs::path journal = tmp.path / "journal.jsonl";
  spit(journal, header + line1);

  append_journal(journal, header.size() + line1.size(), line2);

  CHECK(slurp(journal) == header + line1 + line2);
}

TEST_CASE("append at an offset before the end drops the torn tail", "[journal]") {
  const TempDir tmp;
  const fs::path journal = tmp.path / "journal.jsonl";
  const std::uint64_t offset = header.size() + line1.size();

  SECTION("tail shorter than the new line") {
    spit(journal, header + line1 + "{\"id\":");
    append_journal(journal, offset, line2);
    CHECK(slurp(journal) == header + line1 + line2);
  }
  SECTION("tail longer than the new line") {
    spit(journal, header + line1 + "{\"id\":\"c\",\"op\":\"task.add\",\"data\":{\"title\":\"lo");
    append_journal(journal, offset, "{}\n");
    CHECK(slurp(journal) == header + line1 + "{}\n");
  }
}

TEST_CASE("append past the end of a shrunken journal fails and changes nothing", "[journal]") {
  const TempDir tmp;
  const fs::path journal = tmp.path / "journal.jsonl";
  spit(journal, header);

  CHECK_THROWS_WITH(append_journal(journal, 100, line1),
                    "cannot write journal '" + journal.string() + "': it shrank to " +
                        std::to_string(header.size()) + " bytes while in use (expected 100)");
  CHECK(slurp(journal) == header);
}

TEST_CASE("a failed first append leaves no journal behind", "[journal]") {
  const TempDir tmp;
  const fs::path journal = tmp.path / "journal.jsonl";

  CHECK_THROWS_AS(append_journal(journal, 5, line1), StorageError);
  CHECK_FALSE(fs::exists(journal));
}

TEST_CASE("a failed append leaves the journal byte-identical", "[journal]") {
  const TempDir tmp;
  const fs::path journal = tmp.path / "journal.jsonl";
  const std::uint64_t offset = header.size() + line1.size();
  const std::string too_long(200, 'x');

  SECTION("no torn tail") {
    const std::string before = header + line1;
    spit(journal, before);
    CHECK(append_beyond_limit(journal, offset, too_long + "\n", before.size() + 10) ==
          threw_expected);
    CHECK(slurp(journal) == before);
  }
  SECTION("the torn tail is restored") {
    const std::string before = header + line1 + "{\"id\":\"torn";
    spit(journal, before);
    CHECK(append_beyond_limit(journal, offset, too_long + "\n", before.size() + 10) ==
          threw_expected);
    CHECK(slurp(journal) == before);
  }
}

TEST_CASE("append under a regular file fails with the system's reason", "[journal]") {
  const TempDir tmp;
  spit(tmp.path / "file", "not a directory");
  const fs::path journal = tmp.path / "file" / "journal.jsonl";

  CHECK_THROWS_WITH(append_journal(journal, 0, header),
                    "cannot write journal '" + journal.string() + "': Not a directory");
  CHECK_THROWS_WITH(read_journal(journal),
                    "cannot read journal '" + journal.string() + "': Not a directory");
  CHECK_THROWS_WITH(JournalLock(journal, 0ms),
                    "cannot lock journal '" + journal.string() + "': Not a directory");
}

TEST_CASE("read of a missing journal is nullopt and creates nothing", "[journal]") {
  const TempDir tmp;

  CHECK_FALSE(read_journal(tmp.path / "missing" / "journal.jsonl").has_value());
  CHECK_FALSE(read_journal(tmp.path / "journal.jsonl").has_value());
  CHECK(names_in(tmp.path).empty());
}

TEST_CASE("read of a directory as the journal fails", "[journal]") {
  const TempDir tmp;

  CHECK_THROWS_WITH(read_journal(tmp.path),
                    "cannot read journal '" + tmp.path.string() + "': Is a directory");
}

TEST_CASE("journal_exists is false for a missing journal and fails when the system cannot tell",
          "[journal]") {
  const TempDir tmp;
  spit(tmp.path / "file", "not a directory");
  spit(tmp.path / "journal.jsonl", "");
  const fs::path too_long = tmp.path / std::string(300, 'a') / "journal.jsonl";

  CHECK(momentum::journal_exists(tmp.path / "journal.jsonl"));
  CHECK_FALSE(momentum::journal_exists(tmp.path / "missing.jsonl"));
  CHECK_FALSE(momentum::journal_exists(tmp.path / "missing" / "journal.jsonl"));
  CHECK_FALSE(momentum::journal_exists(tmp.path / "file" / "journal.jsonl"));
  CHECK_THROWS_MATCHES(
      momentum::journal_exists(too_long), StorageError,
      Catch::Message("cannot read journal '" + too_long.string() + "': File name too long"));
}

TEST_CASE("lock file sits beside the journal with .lock appended", "[journal]") {
  CHECK(momentum::lock_path("/d/journal.jsonl") == fs::path("/d/journal.jsonl.lock"));
  CHECK(momentum::lock_path("journal") == fs::path("journal.lock"));
}

TEST_CASE("lock held by another process times out, then is free once it exits", "[journal]") {
  const TempDir tmp;
  const fs::path journal = tmp.path / "sub" / "journal.jsonl";
  int ready[2];
  int release[2];
  REQUIRE(::pipe(ready) == 0);
  REQUIRE(::pipe(release) == 0);

  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(ready[0]);
    ::close(release[1]);
    try {
      const JournalLock lock(journal, 1s);
      char c = 'r';
      if (::write(ready[1], &c, 1) != 1) ::_exit(1);
      // Holds the lock until the parent closes its end.
      while (::read(release[0], &c, 1) > 0) {
      }
    } catch (...) {
      ::_exit(2);
    }
    ::_exit(0);
  }
  ::close(ready[1]);
  ::close(release[0]);
  char c = 0;
  REQUIRE(::read(ready[0], &c, 1) == 1);

  FakeClock clock;
  CHECK_THROWS_WITH(JournalLock(journal, 100ms, clock.wait()),
                    "journal '" + journal.string() +
                        "' is locked by another momentum process; gave up after 100ms");
  CHECK(clock.elapsed() == 100ms);

  ::close(release[1]);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  ::close(ready[0]);
  FakeClock after;
  CHECK_NOTHROW(JournalLock(journal, 100ms, after.wait()));
  CHECK(after.pauses == 0);
  CHECK(mode_of(tmp.path / "sub") == 0700);
  CHECK(mode_of(momentum::lock_path(journal)) == 0600);
}

TEST_CASE("lock timeouts of a second or more are given in seconds", "[journal]") {
  const TempDir tmp;
  const fs::path journal = tmp.path / "journal.jsonl";
  const JournalLock held(journal, 0ms);

  // flock is per open file, so a second lock in the same process waits too.
  FakeClock clock;
  CHECK_THROWS_WITH(
      JournalLock(journal, 1s, clock.wait()),
      "journal '" + journal.string() + "' is locked by another momentum process; gave up after 1s");
  CHECK(clock.elapsed() == 1s);
}

TEST_CASE("lock freed during the wait is taken at the next try", "[journal]") {
  const TempDir tmp;
  const fs::path journal = tmp.path / "journal.jsonl";
  std::optional<JournalLock> held(std::in_place, journal, 0ms);
  FakeClock clock;
  clock.on_pause = [&] {
    if (clock.pauses == 3) held.reset();
  };

  CHECK_NOTHROW(JournalLock(journal, 1s, clock.wait()));
  CHECK(clock.pauses == 3);
  CHECK(clock.elapsed() == 15ms);
}

TEST_CASE("lock is released when the lock object is destroyed", "[journal]") {
  const TempDir tmp;
  const fs::path journal = tmp.path / "journal.jsonl";

  { const JournalLock first(journal, 0ms); }
  CHECK_NOTHROW(JournalLock(journal, 0ms));
  CHECK(fs::exists(momentum::lock_path(journal)));
  CHECK_FALSE(fs::exists(journal));
}

TEST_CASE("write_file_atomically replaces the file and sets its permissions", "[journal]") {
  const TempDir tmp;

  SECTION("an existing file") {
    const fs::path file = tmp.path / "config.json";
    spit(file, "{\"old\":true, \"longer\":\"than the new one\"}\n");
    momentum::write_file_atomically(
        file, "{\"new\":1}\n",
        fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    CHECK(slurp(file) == "{\"new\":1}\n");
    CHECK(mode_of(file) == 0640);
    CHECK(names_in(tmp.path) == std::vector<std::string>{"config.json"});
  }
  SECTION("a new file in new directories") {
    const fs::path file = tmp.path / "a" / "b" / "config.json";
    momentum::write_file_atomically(file, "x");
    CHECK(slurp(file) == "x");
    CHECK(mode_of(file) == 0600);
    CHECK(mode_of(tmp.path / "a") == 0700);
    CHECK(names_in(tmp.path / "a" / "b") == std::vector<std::string>{"config.json"});
  }
}

TEST_CASE("write_file_atomically under a regular file fails with the reason", "[journal]") {
  const TempDir tmp;
  spit(tmp.path / "file", "x");
  const fs::path file = tmp.path / "file" / "config.json";

  CHECK_THROWS_WITH(momentum::write_file_atomically(file, "x"),
                    "cannot write '" + file.string() + "': Not a directory");
  CHECK(names_in(tmp.path) == std::vector<std::string>{"file"});
}

TEST_CASE("read_text_file returns the content, or nullopt when missing", "[journal]") {
  const TempDir tmp;
  spit(tmp.path / "config.json", "{\"a\":1}");
  spit(tmp.path / "file", "x");

  CHECK(momentum::read_text_file(tmp.path / "config.json") == "{\"a\":1}");
  CHECK_FALSE(momentum::read_text_file(tmp.path / "missing.json").has_value());
  CHECK_THROWS_WITH(
      momentum::read_text_file(tmp.path / "file" / "c.json"),
      "cannot read '" + (tmp.path / "file" / "c.json").string() + "': Not a directory");
}
