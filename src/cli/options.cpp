// Helpers shared by the cmd_*.cpp files.
#include "cli/commands.hpp"

namespace momentum::cli {

Day date_option(const Context& ctx, const std::string& text, std::string_view what,
                DateDirection direction) {
  return parse_date(text, ctx.today, ctx.config.week_start, direction, what);
}

std::vector<std::string> tag_options(const std::vector<std::string>& tags) {
  std::vector<std::string> out;
  for (const std::string& tag : tags) {
    std::string t = parse_tag(tag);
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(std::move(t));
  }
  return out;
}

void on_chosen(CLI::App* sub, Action& action, std::function<int()> run) {
  // CLI11 runs the deepest subcommand's callback first: the first one to claim wins.
  sub->callback([&action, run = std::move(run)] {
    if (!action) action = run;
  });
}

}  // namespace momentum::cli
