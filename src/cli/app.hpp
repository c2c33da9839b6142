#pragma once
// The real main: parses `args`, runs the command, maps errors to exit codes.

#include <ostream>
#include <string>
#include <vector>

#include "cli/context.hpp"

namespace momentum::cli {

// Runs momentum with `args` (without the program name); returns the exit code:
// 0 ok, 1 reminders printed, 2 bad input, 3 storage problem.
int run(const std::vector<std::string>& args, const Env& env, Terminal terminal,
        std::ostream& out, std::ostream& err);

}  // namespace momentum::cli
