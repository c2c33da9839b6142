// momentum completion bash|zsh|fish: prints a completion script made from the command line
// itself; the hidden `momentum __complete KIND` feeds the scripts goal, task and sprint numbers.
#include "cli/completion.hpp"
#include "cli/options.hpp"

namespace momentum::cli {
namespace {

// Completion must never get in the way: any problem (no journal, a corrupt one) offers nothing.
int print_records(const Context& ctx, const std::string& kind) {
  try {
    // The scripts discard stderr, where a warning (a torn last line) would go. At every Tab:
    // the recent State holds every goal, sprint and open task; goals and sprints need no task.
    const Reach reach = kind == "tasks" ? Reach::recent : Reach::habits;
    ctx.out << completion_records(ctx.read(reach).state, ctx.today, kind);
  } catch (const std::exception&) {
    // Nothing to offer.
  }
  return 0;
}

}  // namespace

void setup_completion(CLI::App& app, Context& ctx, Action& action) {
  auto shell = std::make_shared<std::string>();
  CLI::App* sub =
      app.add_subcommand("completion", "Print a completion script for bash, zsh or fish");
  sub->add_option("SHELL", *shell, "The shell; docs/usage.md says how to enable the script")
      ->required()
      ->check(one_of("shell", {"bash", "zsh", "fish"}));
  on_chosen(sub, action, [&app, &ctx, shell] {
    ctx.out << completion_script(describe_command_line(app), *shell);
    return 0;
  });

  auto kind = std::make_shared<std::string>();
  CLI::App* records = app.add_subcommand("__complete", "Records for the completion scripts");
  records->group("");  // hidden: not in help, not in the scripts
  records->add_option("KIND", *kind, "goals, tasks or sprints");
  records->callback([&ctx, &action, kind] {
    ctx.silent_failures = true;  // a broken config or clock offers nothing, silently
    if (!action) action = [&ctx, kind] { return print_records(ctx, *kind); };
  });
}

}  // namespace momentum::cli
