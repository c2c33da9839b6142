#pragma once
// Running git: a child process with an argument vector and an explicit environment, never a
// shell, so no name or URL it is given can run anything.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace momentum {

// What one git command did: its exit status (or 128 + the signal) and what it printed.
struct GitRun {
  int status = 0;
  std::string out;
  std::string err;
};

// The absolute path of `program` in the directories of `path` (a PATH value); relative and
// empty entries are skipped. Nullopt when no executable of that name is there.
std::optional<std::filesystem::path> find_program(std::string_view program, std::string_view path);

// git working in one directory.
class Git {
 public:
  // git in `dir`, found on `env`'s PATH, run with `env` minus the variables that would point
  // it at another repository, and with GIT_TERMINAL_PROMPT=0 so it never waits for a password.
  // Throws StorageError when there is no git.
  Git(std::filesystem::path dir, const std::map<std::string, std::string>& env);

  // Runs `git -C DIR -c protocol.ext.allow=never -c protocol.fd.allow=never
  // -c core.autocrlf=false ARGS…` with stdin from /dev/null. Throws StorageError only when it
  // cannot be started.
  GitRun run(const std::vector<std::string>& args) const;

  // As run(), and a non-zero status throws StorageError "git ARGS[0] failed in 'DIR': …"
  // with git's first line of complaint. Returns stdout.
  std::string check(const std::vector<std::string>& args) const;

  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path program_;
  std::filesystem::path dir_;
  std::vector<std::string> env_;  // NAME=VALUE
};

// git's first line of complaint in `err` ("fatal: …" preferred), without its prefix.
std::string git_complaint(std::string_view err);

}  // namespace momentum
