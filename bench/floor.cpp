// The floor a command is measured against: a CLI11 + fmt program that parses a subcommand the
// way momentum does (a global --journal, nested subcommands, positional words) and prints one
// line. Built with the release flags by bench/CMakeLists.txt; `make bench` runs it.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  CLI::App app{"floor: parse a subcommand, print one line"};
  std::string journal;
  std::vector<std::string> words;
  app.add_option("--journal", journal, "Use the journal at PATH");
  app.require_subcommand(1);
  CLI::App* log = app.add_subcommand("log", "Check in");
  log->add_option("DURATION NOTE", words, "45m, then what you did");
  CLI::App* task = app.add_subcommand("task", "Tasks");
  task->require_subcommand(1);
  task->add_subcommand("next", "The task to do next");
  task->add_subcommand("add", "Add a task")->add_option("TITLE", words, "The step");
  CLI11_PARSE(app, argc, argv);
  const CLI::App* sub = app.get_subcommands().front();
  const std::string name = sub->get_subcommands().empty()
                               ? sub->get_name()
                               : sub->get_name() + " " + sub->get_subcommands().front()->get_name();
  fmt::print("{}: {} word(s)\n", name, words.size());
  return 0;
}
