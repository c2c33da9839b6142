// Running git without a shell, and the remotes sync refuses before git sees them.
#include "momentum/store/git.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "momentum/error.hpp"
#include "momentum/store/sync.hpp"
#include "temp_files.hpp"

namespace fs = std::filesystem;
using momentum::check_remote;
using momentum::find_program;
using momentum::git_complaint;
using momentum::UsageError;
using momentum::test::spit;
using momentum::test::TempDir;

TEST_CASE("find_program looks in PATH's absolute directories for an executable file",
          "[store][git]") {
  const TempDir tmp;
  fs::create_directories(tmp.path / "bin" / "git");  // a directory is not a program
  fs::create_directories(tmp.path / "exe");
  spit(tmp.path / "exe" / "git", "#!/bin/sh\n");
  ::chmod((tmp.path / "exe" / "git").c_str(), 0700);
  const std::string bin = (tmp.path / "bin").string(), exe = (tmp.path / "exe").string();
  CHECK(find_program("git", bin + ":" + exe) == tmp.path / "exe" / "git");
  CHECK(find_program("git", "::relative:" + bin) == std::nullopt);
  CHECK(find_program("git", "") == std::nullopt);
}

TEST_CASE("git_complaint keeps git's fatal line, else its first line", "[store][git]") {
  CHECK(git_complaint("hint: a\nfatal: 'x' does not appear to be a git repository\nfatal: Could "
                      "not read from remote repository.\n\nPlease make sure\n") ==
        "'x' does not appear to be a git repository");
  CHECK(git_complaint("\n  \nsomething odd\nmore\n") == "something odd");
  CHECK(git_complaint("") == "no reason given");
}

TEST_CASE("check_remote refuses option-like remotes and command transports", "[store][git]") {
  for (const char* good :
       {"/srv/git/momentum.git", "ssh://host/momentum.git", "git@example.org:ada/journal.git",
        "x; touch y", "$(touch y)", "gcrypt::rsync://host/journal"}) {
    INFO(good);
    CHECK_NOTHROW(check_remote(good));
  }
  const std::string expected =
      "; expected a URL or path of a git repository (ssh://host/path.git, host:path.git, "
      "/path.git)";
  CHECK_THROWS_MATCHES(check_remote("--upload-pack=touch x"), UsageError,
                       Catch::Message("refusing remote '--upload-pack=touch x': it starts with "
                                      "'-' and would be read as an option" +
                                      expected));
  CHECK_THROWS_MATCHES(check_remote("ext::sh -c touch% x"), UsageError,
                       Catch::Message("refusing remote 'ext::sh -c touch% x': the ext:: "
                                      "transport runs commands" +
                                      expected));
  CHECK_THROWS_MATCHES(check_remote("Ext::sh"), UsageError,
                       Catch::Message("refusing remote 'Ext::sh': the ext:: transport runs "
                                      "commands" +
                                      expected));
  CHECK_THROWS_MATCHES(check_remote("fd::3"), UsageError,
                       Catch::Message("refusing remote 'fd::3': the fd:: transport runs "
                                      "commands" +
                                      expected));
  CHECK_THROWS_MATCHES(check_remote(""), UsageError,
                       Catch::Message("refusing remote '': it is empty" + expected));
  CHECK_THROWS_AS(check_remote("x\nurl = y"), UsageError);
}
