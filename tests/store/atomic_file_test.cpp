// AtomicFile: streamed output that appears whole on commit, or not at all.
#include <sys/resource.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <csignal>

#include "momentum/error.hpp"
#include "momentum/store/files.hpp"
#include "temp_files.hpp"

namespace fs = std::filesystem;
using momentum::AtomicFile;
using momentum::test::slurp;
using momentum::test::spit;
using momentum::test::TempDir;

namespace {

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("AtomicFile replaces the file on commit, with its permissions", "[files]") {
  TempDir dir;
  const fs::path file = dir.path / "out.json";
  spit(file, "old");
  {
    AtomicFile out(file);
    for (int i = 0; i < 20000; ++i) out.stream() << "line " << i << '\n';  // past the buffer
    CHECK(slurp(file) == "old");  // untouched until the commit
    out.commit();
  }
  std::string expected;
  for (int i = 0; i < 20000; ++i) expected += "line " + std::to_string(i) + "\n";
  CHECK(slurp(file) == expected);
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(entries(dir.path) == std::vector<std::string>{"out.json"});
}

TEST_CASE("AtomicFile without a commit leaves the file and no temporary", "[files]") {
  TempDir dir;
  const fs::path file = dir.path / "out.csv";
  spit(file, "old");
  {
    AtomicFile out(file);
    out.stream() << "new";
  }
  CHECK(slurp(file) == "old");
  CHECK(entries(dir.path) == std::vector<std::string>{"out.csv"});
}

TEST_CASE("AtomicFile in a missing directory names it and creates nothing", "[files]") {
  TempDir dir;
  const fs::path file = dir.path / "missing" / "out.csv";
  CHECK_THROWS_AS(AtomicFile(file), momentum::StorageError);
  CHECK_THROWS_WITH(AtomicFile(file), "cannot write '" + file.string() + "': no such directory '" +
                                          (dir.path / "missing").string() + "'");
  CHECK(entries(dir.path).empty());
}

TEST_CASE("AtomicFile over a directory fails on commit and cleans up", "[files]") {
  TempDir dir;
  const fs::path file = dir.path / "folder";
  fs::create_directory(file);
  AtomicFile out(file);
  out.stream() << "x";
  CHECK_THROWS_WITH(out.commit(), "cannot write '" + file.string() + "': Is a directory");
}

TEST_CASE("AtomicFile reports a write that failed (a full disk) and keeps the file", "[files]") {
  TempDir dir;
  const fs::path file = dir.path / "big.txt";
  spit(file, "old");
  // A file size limit stands in for a full disk: write() fails with EFBIG, not a signal.
  std::signal(SIGXFSZ, SIG_IGN);
  rlimit saved{};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
  const rlimit small{1000, saved.rlim_max};
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
  {
    AtomicFile out(file);
    out.stream() << std::string(70000, 'x');
    CHECK_THROWS_WITH(out.commit(), "cannot write '" + file.string() + "': File too large");
  }
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &saved) == 0);
  std::signal(SIGXFSZ, SIG_DFL);
  CHECK(slurp(file) == "old");
  CHECK(entries(dir.path) == std::vector<std::string>{"big.txt"});
}

TEST_CASE("same_file: one file by two names; a missing one is no match", "[files]") {
  TempDir dir;
  const fs::path file = dir.path / "journal.jsonl";
  spit(file, "x");
  CHECK(momentum::same_file(file, dir.path / "." / "journal.jsonl"));
  CHECK_FALSE(momentum::same_file(file, dir.path / "other"));
  CHECK_FALSE(momentum::same_file(dir.path / "other", dir.path / "other"));
}
