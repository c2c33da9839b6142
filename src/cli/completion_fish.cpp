// The fish completion script: one `complete` line per subcommand, option and positional, each
// guarded by a condition on the command path that a small generated walker computes.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <functional>

#include "cli/completion.hpp"

namespace momentum::cli {
namespace {

// `text` as one fish word in single quotes.
std::string single_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string words(const std::vector<std::string>& list) {
  std::vector<std::string> items;
  for (const std::string& word : list) items.push_back(single_quoted(word));
  return fmt::format("{}", fmt::join(items, " "));
}

// A `switch` on the command path printing, one a line, what `list` gives for each command.
std::string table_function(
    const CommandLineSpec& spec, std::string_view name, std::string_view doc,
    const std::vector<std::string>& always,
    const std::function<std::vector<std::string>(const CommandSpec&)>& list) {
  std::string out = fmt::format("# {}\nfunction {}\n", doc, name);
  if (!always.empty()) out += fmt::format("    printf '%s\\n' {}\n", words(always));
  out += "    switch $argv[1]\n";
  for (const CommandSpec& command : spec.commands) {
    const std::vector<std::string> items = list(command);
    if (!items.empty()) {
      out += fmt::format("        case {}\n            printf '%s\\n' {}\n",
                         single_quoted(command.path), words(items));
    }
  }
  return out + "    end\nend\n\n";
}

std::vector<std::string> value_options(const std::vector<OptionSpec>& options) {
  std::vector<std::string> names;
  for (const OptionSpec& option : options) {
    if (option.takes_value) names.insert(names.end(), option.names.begin(), option.names.end());
  }
  return names;
}

// " -k -a 'learn do'", " -k -a '(__momentum_records goals)'": the candidates for a value, kept
// in their order (today before monday, goal 2 before goal 10).
std::string arguments(const ValueHint& hint) {
  if (hint.kind == ValueHint::Kind::words) {
    return " -k -a " + single_quoted(fmt::format("{}", fmt::join(hint.words, " ")));
  }
  return fmt::format(" -k -a '(__momentum_records {})'", hint_name(hint.kind));
}

// " -s q -l quiet -x -a 'learn do' -d 'help'": an option's part of a `complete` line.
std::string option_flags(const OptionSpec& option) {
  std::string out;
  for (const std::string& name : option.names) {
    out += name.starts_with("--") ? " -l " + name.substr(2) : " -s " + name.substr(1);
  }
  if (option.takes_value) {
    switch (option.value.kind) {
      case ValueHint::Kind::files:
        out += " -r -F";
        break;
      case ValueHint::Kind::none:
        out += " -x";
        break;
      default:
        out += " -x" + arguments(option.value);
    }
  }
  return out + " -d " + single_quoted(option.help);
}

// " -F" or " -k -a 'bash zsh fish'": what completes a positional.
std::string positional_flags(const ValueHint& hint) {
  return hint.kind == ValueHint::Kind::files ? " -F" : arguments(hint);
}

std::string complete_lines(const CommandLineSpec& spec) {
  std::string out = "complete -c momentum -f\n";
  for (const OptionSpec& option : spec.global) {
    out += "complete -c momentum" + option_flags(option) + "\n";
  }
  for (const CommandSpec& command : spec.commands) {
    const std::string path = "\"" + command.path + "\"";
    out += fmt::format("\n# momentum {}\n", command.path);
    for (const auto& [name, help] : command.subcommands) {
      out += fmt::format("complete -c momentum -n '__momentum_at {} 0 1' -a {} -d {}\n", path,
                         single_quoted(name), single_quoted(help));
    }
    for (const OptionSpec& option : command.options) {
      out +=
          fmt::format("complete -c momentum -n '__momentum_in {}'{}\n", path, option_flags(option));
    }
    for (const PositionalSpec& p : command.positionals) {
      if (p.value.kind == ValueHint::Kind::none) continue;
      out += fmt::format("complete -c momentum -n '__momentum_at {} {} {}'{}\n", path, p.first,
                         p.count < 0 ? -1 : p.first + p.count, positional_flags(p.value));
    }
  }
  return out;
}

constexpr const char* body =
    R"FISH(# Prints three lines about the words before the cursor: the command path
# ("task add"), how many positionals follow it, and the option still waiting for its
# value (or nothing).
function __momentum_state
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l at ''
    set -l n 0
    set -l want ''
    for w in $tokens
        if test -n "$want"
            set want ''
        else if string match -q -- '-?*' $w
            if not string match -q -- '*=*' $w; and contains -- $w (__momentum_vopts $at)
                set want $w
            end
        else if contains -- $w (__momentum_subs $at)
            set at (string trim -- "$at $w")
            set n 0
        else
            set n (math $n + 1)
        end
    end
    printf '%s\n' "$at" $n "$want"
end

# True when the command path is $argv[1].
function __momentum_in
    set -l state (__momentum_state)
    test "$state[1]" = "$argv[1]"
end

# True when the command path is $argv[1], no option waits for a value, and the positionals
# typed so far number at least $argv[2] and fewer than $argv[3] (-1: no limit).
function __momentum_at
    set -l state (__momentum_state)
    test "$state[1]" = "$argv[1]"; and test -z "$state[3]"; or return 1
    test $state[2] -ge $argv[2]; or return 1
    test $argv[3] -lt 0; or test $state[2] -lt $argv[3]
end

# Prints goals, tasks or sprints ($argv[1]) from `momentum __complete` as number<tab>title;
# goals as title<tab>number once the word is not a number.
function __momentum_records
    set -l tokens (commandline -opc)
    set -l journal
    for i in (seq (count $tokens))
        switch $tokens[$i]
            case --journal
                set -l next (math $i + 1)
                set -q tokens[$next]; and set journal --journal $tokens[$next]
            case '--journal=?*'
                set journal --journal (string replace -- '--journal=' '' $tokens[$i])
        end
    end
    if set -q journal[2]
        set journal[2] (string replace -r -- '^~' $HOME $journal[2])
    end
    set -l word (string replace -r -- '^-[^=]*=' '' (commandline -ct))
    for line in (momentum $journal __complete $argv[1] 2>/dev/null)
        set -l record (string split -m 1 \t -- $line)
        if test $argv[1] = goals; and string match -qr -- '^[^0-9#]' $word
            printf '%s\tgoal %s\n' $record[2] $record[1]
        else
            printf '%s\t%s\n' $record[1] $record[2]
        end
    end
end

)FISH";

}  // namespace

std::string fish_script(const CommandLineSpec& spec) {
  std::string out = fmt::format(
      "# fish completion for momentum {}, made by 'momentum completion fish'.\n"
      "# Enable it with: momentum completion fish | source\n"
      "# or install it as ~/.config/fish/completions/momentum.fish (or in "
      "vendor_completions.d)\n\n",
      MOMENTUM_VERSION);
  out += table_function(spec, "__momentum_subs", "The subcommands of command path $argv[1].", {},
                        [](const CommandSpec& c) {
                          std::vector<std::string> names;
                          for (const auto& sub : c.subcommands) names.push_back(sub.first);
                          return names;
                        });
  out += table_function(
      spec, "__momentum_vopts", "The options of command path $argv[1] that take a value.",
      value_options(spec.global), [](const CommandSpec& c) { return value_options(c.options); });
  out += body;
  return out + complete_lines(spec);
}

}  // namespace momentum::cli
