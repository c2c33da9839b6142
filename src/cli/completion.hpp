#pragma once
// Shell completion: a description of the command line read from the CLI11 tree the binary
// parses with (so the scripts cannot drift from it), and the bash, zsh and fish scripts made
// from that description. Records (goals, tasks, sprints) come at completion time from the
// hidden `momentum __complete KIND`.

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "momentum/day.hpp"
#include "momentum/state.hpp"

namespace momentum::cli {

// What completes an option's value or a positional argument.
struct ValueHint {
  enum class Kind { none, words, files, goals, tasks, sprints };
  Kind kind = Kind::none;
  std::vector<std::string> words;  // for Kind::words
};

// The kind as the scripts name it: "", "words", "files", "goals", "tasks" or "sprints".
std::string_view hint_name(ValueHint::Kind kind);

// One option: its names ("-q", "--quiet"), whether a value follows it, its help line.
struct OptionSpec {
  std::vector<std::string> names;
  bool takes_value = false;
  std::string help;
  ValueHint value;
};

// A positional argument filling positions [first, first + count) after its command's path;
// count -1 takes all the rest.
struct PositionalSpec {
  int first = 0;
  int count = 1;
  ValueHint value;
};

// A visible command: its path ("" for momentum itself, "task add"), its subcommands' names and
// help lines, and its own options and positionals (the global options are in CommandLineSpec).
struct CommandSpec {
  std::string path;
  std::vector<std::pair<std::string, std::string>> subcommands;
  std::vector<OptionSpec> options;
  std::vector<PositionalSpec> positionals;
};

// The whole command line: options accepted everywhere, and every command, parents first.
struct CommandLineSpec {
  std::vector<OptionSpec> global;
  std::vector<CommandSpec> commands;
};

// Reads `app` (the top-level app, fully built) into a spec, skipping hidden commands and options.
CommandLineSpec describe_command_line(CLI::App& app);

// The completion script for `shell`: "bash", "zsh" or "fish".
std::string completion_script(const CommandLineSpec& spec, std::string_view shell);

std::string bash_script(const CommandLineSpec& spec);
// `text` as one bash or zsh word, in single quotes.
std::string sh_quoted(std::string_view text);
// The bash or zsh arithmetic test ("$2 == 0") that positional number $2 (from 0) is `p`'s;
// "" when `p` takes every position.
std::string sh_positional_test(const PositionalSpec& p);
// How the bash and zsh case statements that set `hint` differ: what opens an option arm and
// joins its patterns ("a | b)" against "(a|b)"), what the comments call the variable holding
// the words, and the shell's assignment of a hint.
struct ShHintStyle {
  std::string_view open;       // before an option arm's patterns: "" or "("
  std::string_view separator;  // between them: " | " or "|"
  std::string_view words;      // "words" or "values"
  std::string (*assignment)(const ValueHint& hint);
};
// The _momentum_option_value and _momentum_positional functions of the bash or zsh script.
std::string sh_hint_functions(const CommandLineSpec& spec, const ShHintStyle& style);

std::string zsh_script(const CommandLineSpec& spec);
std::string fish_script(const CommandLineSpec& spec);

// The records `kind` ("goals": active and paused, "tasks": open, "sprints": all) names for
// completion, one "NUM<tab>TITLE" line each, titles escaped; "" for an unknown kind.
std::string completion_records(const State& state, Day today, std::string_view kind);

}  // namespace momentum::cli
