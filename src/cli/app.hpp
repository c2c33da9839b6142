#pragma once
// The real main: parses `args`, runs the command, maps errors to exit codes.

#include <exception>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/context.hpp"

namespace CLI {
class App;
}

namespace momentum::cli {

// Builds the whole command line on `app` (global options, every command); `action` receives
// the chosen command's runner. The man page test walks the same tree.
void build(CLI::App& app, Context& ctx, std::function<int()>& action);

// Runs momentum with `args` (without the program name); returns the exit code:
// 0 ok, 1 reminders printed, 2 bad input, 3 storage problem, 70 internal error (a bug).
int run(const std::vector<std::string>& args, const Env& env, Terminal terminal, std::ostream& out,
        std::ostream& err);

// Prints `failure` on `err` as one line and returns its exit code: 2 for a UsageError, 3 for a
// StorageError, and 70 (EX_SOFTWARE) for anything else, which is a bug: "internal error".
int report_failure(const std::exception_ptr& failure, std::ostream& err);

}  // namespace momentum::cli
