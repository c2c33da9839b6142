// The command line as the completion scripts see it, read from the CLI11 tree.
#include "cli/completion.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>

#include "cli/options.hpp"
#include "cli/render.hpp"
#include "momentum/error.hpp"
#include "momentum/parse.hpp"

namespace momentum::cli {
namespace {

using Hint = ValueHint::Kind;

// CLI11 gives a vector positional a huge maximum; anything this large means "all the rest".
constexpr int unbounded = 1 << 20;

// Suggestions for free-form values: the forms users type most (docs/usage.md has them all).
const std::vector<std::string> date_words{"today",    "tomorrow",  "yesterday", "monday",
                                          "tuesday",  "wednesday", "thursday",  "friday",
                                          "saturday", "sunday",    "eow",       "eom"};
const std::vector<std::string> cadence_words{"daily",  "weekdays", "3/week",
                                             "5/week", "3/7",      "none"};

std::vector<std::string> kind_words() {
  return {std::string(to_string(Kind::learn)), std::string(to_string(Kind::do_))};
}

// What completes `option`'s value. The words of a one_of (or short in_range) validator come
// first; otherwise the option's name says what it refers to: the same name means the same
// thing in every command (--goal G is always a goal), so a new command's options complete
// without being registered anywhere. Placeholders say the rest (DATE, FILE, PATH).
ValueHint hint_for(CLI::Option& option) {
  if (auto words = choices(option); !words.empty()) return {Hint::words, std::move(words)};
  const std::string name = option.get_positional() ? option.get_name(true) : option.get_name();
  const std::string& text = option.get_option_text();
  if (name == "--goal" || name == "GOAL") return {Hint::goals, {}};
  if (name == "--task" || name == "TASK") return {Hint::tasks, {}};
  if (name == "--sprint" || name == "SPRINT") return {Hint::sprints, {}};
  if (name == "--kind") return {Hint::words, kind_words()};
  if (name == "--cadence") return {Hint::words, cadence_words};
  if (text == "DATE") return {Hint::words, date_words};
  if (text == "FILE" || text == "PATH" || name == "FILE") return {Hint::files, {}};
  return {};
}

OptionSpec option_spec(CLI::Option& option) {
  OptionSpec spec;
  for (const std::string& s : option.get_snames()) spec.names.push_back("-" + s);
  for (const std::string& l : option.get_lnames()) spec.names.push_back("--" + l);
  spec.takes_value = option.get_items_expected_max() > 0;
  spec.help = option.get_description();
  if (spec.takes_value) spec.value = hint_for(option);
  return spec;
}

bool visible(const CLI::App* sub) {
  return !sub->get_name().empty() && !sub->get_group().empty() && !sub->get_disabled();
}

bool is_global(const CommandLineSpec& spec, const std::string& name) {
  for (const OptionSpec& option : spec.global) {
    if (std::find(option.names.begin(), option.names.end(), name) != option.names.end())
      return true;
  }
  return false;
}

// Adds `app` at `path` and, after it, its visible subcommands.
void describe(CLI::App& app, const std::string& path, CommandLineSpec& spec) {
  CommandSpec command{path, {}, {}, {}};
  int position = 0;
  for (CLI::Option* option : app.get_options()) {
    if (option->get_group().empty()) continue;  // hidden
    if (option->get_positional()) {
      const int count = std::min(option->get_items_expected_max(), unbounded);
      command.positionals.push_back({position, count == unbounded ? -1 : count, hint_for(*option)});
      position += count;
    } else if (!is_global(spec, option->get_name())) {
      command.options.push_back(option_spec(*option));
    }
  }
  std::vector<CLI::App*> subs = app.get_subcommands([](CLI::App* sub) { return visible(sub); });
  for (CLI::App* sub : subs)
    command.subcommands.emplace_back(sub->get_name(), sub->get_description());
  spec.commands.push_back(std::move(command));
  for (CLI::App* sub : subs)
    describe(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), spec);
}

void add_record(std::string& out, int num, std::string_view title) {
  out += fmt::format("{}\t{}\n", num, escape(title));
}

}  // namespace

std::string_view hint_name(ValueHint::Kind kind) {
  constexpr std::array<std::string_view, 6> names{"",      "words", "files",
                                                  "goals", "tasks", "sprints"};
  return names[static_cast<std::size_t>(kind)];
}

CommandLineSpec describe_command_line(CLI::App& app) {
  CommandLineSpec spec;
  for (CLI::Option* option : app.get_options()) {
    if (!option->get_group().empty() && !option->get_positional()) {
      spec.global.push_back(option_spec(*option));
    }
  }
  describe(app, "", spec);
  return spec;
}

std::string completion_script(const CommandLineSpec& spec, std::string_view shell) {
  if (shell == "bash") return bash_script(spec);
  if (shell == "zsh") return zsh_script(spec);
  if (shell == "fish") return fish_script(spec);
  throw UsageError(fmt::format("unknown shell '{}'; expected bash, zsh or fish", shell));
}

std::string sh_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string sh_positional_test(const PositionalSpec& p) {
  if (p.count < 0) return p.first == 0 ? "" : fmt::format("$2 >= {}", p.first);
  if (p.count == 1) return fmt::format("$2 == {}", p.first);
  return fmt::format("$2 >= {} && $2 < {}", p.first, p.first + p.count);
}

namespace {

// Adds the case arms that set the hint for `options` to `out`: "'task add|--kind')", or for
// the global options (no `path`) "*'|--journal')" (zsh: "('task add|--kind')").
void option_arms(std::string& out, const ShHintStyle& style, const std::string* path,
                 const std::vector<OptionSpec>& options) {
  for (const OptionSpec& option : options) {
    if (option.value.kind == ValueHint::Kind::none) continue;
    std::vector<std::string> patterns;
    for (const std::string& name : option.names) {
      patterns.push_back(path ? sh_quoted(*path + "|" + name) : "*" + sh_quoted("|" + name));
    }
    out += fmt::format("    {}{}) {} ;;\n", style.open, fmt::join(patterns, style.separator),
                       style.assignment(option.value));
  }
}

}  // namespace

std::string sh_hint_functions(const CommandLineSpec& spec, const ShHintStyle& style) {
  std::string out = fmt::format(
      "# Sets hint (and {}) for the value of option $2 of command path $1.\n"
      "_momentum_option_value() {{\n  hint=\n  case \"$1|$2\" in\n",
      style.words);
  for (const CommandSpec& command : spec.commands) {
    option_arms(out, style, &command.path, command.options);
  }
  option_arms(out, style, nullptr, spec.global);
  out += fmt::format(
      "  esac\n}}\n\n"
      "# Sets hint (and {}) for positional argument $2 (from 0) of command path $1.\n"
      "_momentum_positional() {{\n  hint=\n  case $1 in\n",
      style.words);
  for (const CommandSpec& command : spec.commands) {
    std::vector<std::string> pieces;
    for (const PositionalSpec& p : command.positionals) {
      if (p.value.kind == ValueHint::Kind::none) continue;
      const std::string condition = sh_positional_test(p);
      const std::string assignment = style.assignment(p.value);
      pieces.push_back(condition.empty() ? assignment
                                         : fmt::format("(( {} )) && {}", condition, assignment));
    }
    if (!pieces.empty())
      out += fmt::format("    {}) {} ;;\n", sh_quoted(command.path), fmt::join(pieces, "; "));
  }
  return out + "  esac\n}\n\n";
}

std::string completion_records(const State& state, Day today, std::string_view kind) {
  std::string out;
  if (kind == "goals") {
    for (const Goal& g : state.goals) {
      if (is_ongoing(effective_status(g, today))) add_record(out, g.num, g.title);
    }
  } else if (kind == "tasks") {
    for (const Task& t : state.tasks) {
      if (is_open(t.status)) add_record(out, t.num, t.title);
    }
  } else if (kind == "sprints") {
    for (const Sprint& s : state.sprints) add_record(out, s.num, s.title);
  }
  return out;
}

}  // namespace momentum::cli
