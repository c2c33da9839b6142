// Gathers the real inputs (argv, the environment, the terminal) and hands them to run().
#include <unistd.h>

#include <csignal>
#include <iostream>

#include "cli/app.hpp"

extern char** environ;

int main(int argc, char** argv) {
  // A write past a file-size limit must fail with EFBIG, not kill us mid-append.
  std::signal(SIGXFSZ, SIG_IGN);
  momentum::cli::Env env;
  for (char** var = environ; *var; ++var) {
    const std::string entry(*var);
    const auto eq = entry.find('=');
    if (eq != std::string::npos) env.vars.emplace(entry.substr(0, eq), entry.substr(eq + 1));
  }
  const momentum::cli::Terminal terminal{isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1};
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  const int code = momentum::cli::run(args, env, terminal, std::cout, std::cerr);
  std::cout.flush();
  return code;
}
