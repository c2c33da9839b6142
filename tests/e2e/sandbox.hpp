#pragma once
// Runs the real momentum binary on a journal in a fresh temporary directory.

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace momentum::test {

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

class Sandbox {
 public:
  Sandbox() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "momentum-e2e-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    env_ = {{"HOME", (dir_ / "home").string()},
            {"MOMENTUM_NOW", "2026-03-10T09:00:00Z"},
            {"TZ", "UTC"},
            {"LANG", "C.UTF-8"},
            {"PATH", "/usr/bin:/bin"},
            {"MOMENTUM_CONFIG", (dir_ / "config.json").string()}};
  }
  ~Sandbox() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  std::filesystem::path dir() const { return dir_; }
  std::filesystem::path journal() const { return dir_ / "journal.jsonl"; }

  // Sets (or, with an empty value, removes) an environment variable for later runs.
  void set_env(const std::string& name, const std::string& value) {
    if (value.empty())
      env_.erase(name);
    else
      env_[name] = value;
  }
  // Sets `name` to the empty string (which momentum treats as unset).
  void set_env_empty(const std::string& name) { env_[name] = ""; }
  // Freezes the clock at `rfc3339`.
  void now(const std::string& rfc3339) { env_["MOMENTUM_NOW"] = rfc3339; }

  // Limits the size of files later runs may write (RLIMIT_FSIZE, in bytes).
  void limit_file_size(rlim_t bytes) { fsize_limit_ = bytes; }

  // Runs momentum --journal <journal> ARGS…; `input` is fed to stdin.
  Result run(std::vector<std::string> args, const std::string& input = "") const {
    args.insert(args.begin(), {"--journal", journal().string()});
    return run_raw(args, input);
  }

  // Runs momentum with exactly `args` (no --journal).
  Result run_raw(const std::vector<std::string>& args, const std::string& input = "") const {
    int out[2], err[2], in[2];
    if (pipe(out) || pipe(err) || pipe(in)) std::abort();
    const pid_t pid = fork();
    if (pid == 0) {
      dup2(in[0], 0), dup2(out[1], 1), dup2(err[1], 2);
      for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
      if (fsize_limit_) {
        const rlimit limit{*fsize_limit_, *fsize_limit_};
        if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(126);
      }
      std::vector<std::string> envs;
      for (const auto& [k, v] : env_) envs.push_back(k + "=" + v);
      std::vector<char*> argv{const_cast<char*>(MOMENTUM_BIN)}, envp;
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      for (auto& e : envs) envp.push_back(e.data());
      argv.push_back(nullptr), envp.push_back(nullptr);
      execve(MOMENTUM_BIN, argv.data(), envp.data());
      _exit(127);
    }
    close(in[0]), close(out[1]), close(err[1]);
    if (!input.empty() && write(in[1], input.data(), input.size()) < 0) std::abort();
    close(in[1]);
    Result r;
    drain(out[0], err[0], r);
    int status = 0;
    waitpid(pid, &status, 0);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
  }

  // The journal's bytes ("" when it does not exist).
  std::string journal_bytes() const { return read_file(journal()); }

  bool journal_exists() const { return std::filesystem::exists(journal()); }

  // Replaces the journal with `text`.
  void write_journal(const std::string& text) const { write_file(journal(), text); }

  // The journal's lines, without their newlines.
  std::vector<std::string> journal_lines() const {
    std::vector<std::string> lines;
    std::istringstream in(journal_bytes());
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }

  static std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  static void write_file(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
  }

 private:
  static void drain(int out_fd, int err_fd, Result& r) {
    pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
    int open_fds = 2;
    char buf[4096];
    while (open_fds > 0) {
      poll(fds, 2, -1);
      for (int i = 0; i < 2; ++i) {
        if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
        const ssize_t n = read(fds[i].fd, buf, sizeof buf);
        if (n <= 0) {
          close(fds[i].fd);
          fds[i].fd = -1;
          --open_fds;
        } else {
          (i == 0 ? r.out : r.err).append(buf, static_cast<std::size_t>(n));
        }
      }
    }
  }

  std::filesystem::path dir_;
  std::map<std::string, std::string> env_;
  std::optional<rlim_t> fsize_limit_;
};

}  // namespace momentum::test
