// Running git as a child process: posix_spawn with an argument vector (no shell), pipes for
// its output, and the environment given, not the process's own.
#include "momentum/store/git.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <set>
#include <system_error>

#include "file_io.hpp"
#include "momentum/error.hpp"

namespace momentum {

namespace fs = std::filesystem;

namespace {

// Variables that would make git work on another repository than the one in `dir`.
const std::set<std::string, std::less<>> repository_variables{"GIT_DIR",
                                                              "GIT_WORK_TREE",
                                                              "GIT_INDEX_FILE",
                                                              "GIT_OBJECT_DIRECTORY",
                                                              "GIT_COMMON_DIR",
                                                              "GIT_NAMESPACE",
                                                              "GIT_PREFIX",
                                                              "GIT_ALTERNATE_OBJECT_DIRECTORIES",
                                                              "GIT_CEILING_DIRECTORIES"};

[[noreturn]] void cannot_run(const fs::path& program, int err) {
  throw StorageError(fmt::format("cannot run git '{}': {}", program.string(),
                                 std::generic_category().message(err)));
}

// A pipe whose ends close on exec; the child gets its end through a dup2 file action.
std::array<Fd, 2> make_pipe(const fs::path& program) {
  std::array<int, 2> fds{};
  if (::pipe2(fds.data(), O_CLOEXEC) != 0) cannot_run(program, errno);
  return {Fd(fds[0]), Fd(fds[1])};
}

// Reads both pipes to their end without letting either fill up and stall the child.
void drain(const Fd& out_fd, const Fd& err_fd, GitRun& run) {
  std::array<pollfd, 2> fds{{{out_fd.get(), POLLIN, 0}, {err_fd.get(), POLLIN, 0}}};
  std::array<char, 4096> buf{};
  int open = 2;
  while (open > 0) {
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buf.data(), buf.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        fds[i].fd = -1;
        --open;
        continue;
      }
      (i == 0 ? run.out : run.err).append(buf.data(), static_cast<std::size_t>(n));
    }
  }
}

// Owns posix_spawn's file actions.
class FileActions {
 public:
  FileActions() { ::posix_spawn_file_actions_init(&actions_); }
  ~FileActions() { ::posix_spawn_file_actions_destroy(&actions_); }
  FileActions(const FileActions&) = delete;
  FileActions& operator=(const FileActions&) = delete;
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_{};
};

}  // namespace

std::optional<fs::path> find_program(std::string_view program, std::string_view path) {
  while (!path.empty()) {
    const std::size_t colon = path.find(':');
    const std::string_view entry = path.substr(0, colon);
    path = colon == std::string_view::npos ? std::string_view{} : path.substr(colon + 1);
    // A relative entry would find a program in whatever directory momentum runs from.
    if (entry.empty() || entry.front() != '/') continue;
    const fs::path candidate = fs::path(entry) / program;
    struct stat st {};
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
  }
  return std::nullopt;
}

Git::Git(fs::path dir, const std::map<std::string, std::string>& env) : dir_(std::move(dir)) {
  const auto path = env.find("PATH");
  auto program = find_program("git", path == env.end() ? "" : path->second);
  if (!program) {
    throw StorageError(
        "git is not installed or not on PATH; sync needs git (install the 'git' package)");
  }
  program_ = std::move(*program);
  for (const auto& [name, value] : env) {
    if (repository_variables.count(name) == 0 && name != "GIT_TERMINAL_PROMPT")
      env_.push_back(fmt::format("{}={}", name, value));
  }
  env_.emplace_back("GIT_TERMINAL_PROMPT=0");
}

GitRun Git::run(const std::vector<std::string>& args) const {
  // No transport that runs commands; the journal's bytes as momentum wrote them, whatever the
  // user's config says of line endings.
  std::vector<std::string> argv{"git",
                                "-C",
                                dir_.string(),
                                "-c",
                                "protocol.ext.allow=never",
                                "-c",
                                "protocol.fd.allow=never",
                                "-c",
                                "core.autocrlf=false"};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> argv_ptrs;
  for (std::string& arg : argv) argv_ptrs.push_back(arg.data());
  argv_ptrs.push_back(nullptr);
  std::vector<std::string> env = env_;
  std::vector<char*> env_ptrs;
  for (std::string& var : env) env_ptrs.push_back(var.data());
  env_ptrs.push_back(nullptr);

  auto out = make_pipe(program_);
  auto err = make_pipe(program_);
  FileActions actions;
  ::posix_spawn_file_actions_addopen(actions.get(), STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  ::posix_spawn_file_actions_adddup2(actions.get(), out[1].get(), STDOUT_FILENO);
  ::posix_spawn_file_actions_adddup2(actions.get(), err[1].get(), STDERR_FILENO);
  pid_t pid = 0;
  if (const int rc = ::posix_spawn(&pid, program_.c_str(), actions.get(), nullptr, argv_ptrs.data(),
                                   env_ptrs.data());
      rc != 0) {
    cannot_run(program_, rc);
  }
  // The child has its copies; ours must close for its output to end.
  ::close(out[1].release());
  ::close(err[1].release());
  GitRun run;
  drain(out[0], err[0], run);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

std::string Git::check(const std::vector<std::string>& args) const {
  GitRun result = run(args);
  if (result.status != 0) {
    throw StorageError(fmt::format("git {} failed in '{}': {}", args.front(), dir_.string(),
                                   git_complaint(result.err)));
  }
  return std::move(result.out);
}

std::string git_complaint(std::string_view err) {
  std::string first;
  while (!err.empty()) {
    const std::size_t nl = err.find('\n');
    std::string_view line = err.substr(0, nl);
    err = nl == std::string_view::npos ? std::string_view{} : err.substr(nl + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty()) continue;
    for (const std::string_view prefix : {"fatal: ", "error: "}) {
      if (line.substr(0, prefix.size()) == prefix) return std::string(line.substr(prefix.size()));
    }
    if (first.empty()) first = line;
  }
  return first.empty() ? "no reason given" : first;
}

}  // namespace momentum
