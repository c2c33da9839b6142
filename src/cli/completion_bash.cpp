// The bash completion script: tables generated from the spec, then a fixed function that walks
// COMP_WORDS with them. Needs bash 4; works with or without the bash-completion package.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/completion.hpp"

namespace momentum::cli {
namespace {

// The words as one quoted bash word, separated by spaces, after `lead`.
std::string joined(const std::vector<std::string>& words, std::string_view lead = "") {
  return sh_quoted(fmt::format("{}{}", lead, fmt::join(words, " ")));
}

// "hint=words words='learn do'", "hint=goals".
std::string hint_assignment(const ValueHint& hint) {
  std::string text = fmt::format("hint={}", hint_name(hint.kind));
  if (hint.kind == ValueHint::Kind::words) text += " words=" + joined(hint.words);
  return text;
}

// Sets subs, opts (every option name) and vopts (those taking a value) for a command path.
std::string spec_function(const CommandLineSpec& spec) {
  std::string out =
      "# Sets subs, opts and vopts (the options that take a value) for command path $1.\n"
      "_momentum_spec() {\n  case $1 in\n";
  for (const CommandSpec& command : spec.commands) {
    std::vector<std::string> subs, opts, vopts;
    for (const auto& sub : command.subcommands) subs.push_back(sub.first);
    for (const OptionSpec& option : command.options) {
      for (const std::string& name : option.names) {
        opts.push_back(name);
        if (option.takes_value) vopts.push_back(name);
      }
    }
    out += fmt::format("    {}) subs={} opts={} vopts={} ;;\n", sh_quoted(command.path),
                       joined(subs), joined(opts), joined(vopts));
  }
  std::vector<std::string> opts, vopts;
  for (const OptionSpec& option : spec.global) {
    for (const std::string& name : option.names) {
      opts.push_back(name);
      if (option.takes_value) vopts.push_back(name);
    }
  }
  out +=
      fmt::format("  esac\n  opts+={}\n  vopts+={}\n}}\n\n", joined(opts, " "), joined(vopts, " "));
  return out;
}

// The part that does not depend on the command line.
constexpr const char* body = R"BASH(# Adds the words of $1 that start with $cur to COMPREPLY.
_momentum_add_words() {
  mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -W "$1" -- "$cur")
}

# Adds goals, tasks or sprints ($1) from `momentum __complete`: numbers, shown with their
# titles when several match; for goals, titles (escaped) once $cur is not a number.
_momentum_records() {
  local num title word
  local -a nums=() shown=()
  while IFS=$'\t' read -r num title; do
    if [[ $1 == goals && -n $cur && $cur != [0-9#]* ]]; then
      if [[ ${title,,} == "${cur,,}"* ]]; then
        printf -v word %q "$title"
        COMPREPLY+=("$word")
      fi
    elif [[ $num == "${cur#\#}"* ]]; then
      nums+=("$num")
      shown+=("$num -- ${title:0:60}")
    fi
  done < <(momentum "${journal[@]}" __complete "$1" 2>/dev/null)
  if ((${#nums[@]} == 1)); then
    COMPREPLY+=("${nums[0]}")
  else
    COMPREPLY+=("${shown[@]}")
  fi
}

_momentum() {
  local cur=${COMP_WORDS[COMP_CWORD]} at= opt= prefix= w hint words subs opts vopts
  local -i i=1 n=0
  local -a journal=()
  COMPREPLY=()
  _momentum_spec ''
  # Walk the words before the cursor: the command path, option values, positionals.
  while ((i < COMP_CWORD)); do
    w=${COMP_WORDS[i]}
    if [[ $w == -?* ]]; then
      if [[ $w != *=* && " $vopts " == *" $w "* ]]; then
        [[ ${COMP_WORDS[i + 1]} == = ]] && i+=1  # COMP_WORDBREAKS split --opt=value
        if ((i + 1 >= COMP_CWORD)); then
          opt=$w
          break
        fi
        i+=1
        [[ $w == --journal ]] && journal=(--journal "${COMP_WORDS[i]/#\~/$HOME}")
      elif [[ $w == --journal=?* ]]; then
        w=${w#*=}
        journal=(--journal "${w/#\~/$HOME}")
      fi
    elif [[ " $subs " == *" $w "* ]]; then
      at=${at:+$at }$w
      n=0
      _momentum_spec "$at"
    else
      n+=1
    fi
    i+=1
  done
  if [[ -n $opt ]]; then
    [[ $cur == = ]] && cur=
    _momentum_option_value "$at" "$opt"
  elif [[ $cur == -*=* ]]; then
    opt=${cur%%=*}
    prefix=$opt=
    cur=${cur#*=}
    _momentum_option_value "$at" "$opt"
  elif [[ $cur == -* ]]; then
    _momentum_add_words "$opts"
    return
  else
    ((n == 0)) && _momentum_add_words "$subs"
    _momentum_positional "$at" "$n"
  fi
  case $hint in
    words) _momentum_add_words "$words" ;;
    files)
      if declare -F _filedir >/dev/null; then
        _filedir
      else
        compopt -o filenames 2>/dev/null
        mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -- "$cur")
      fi
      ;;
    goals | tasks | sprints) _momentum_records "$hint" ;;
  esac
  if [[ -n $prefix ]]; then
    COMPREPLY=("${COMPREPLY[@]/#/$prefix}")
  fi
  return 0
}

complete -F _momentum momentum
)BASH";

}  // namespace

std::string bash_script(const CommandLineSpec& spec) {
  std::string out = fmt::format(
      "# bash completion for momentum {}, made by 'momentum completion bash'.\n"
      "# Enable it with: source <(momentum completion bash)\n"
      "# or install it as /usr/share/bash-completion/completions/momentum\n\n",
      MOMENTUM_VERSION);
  out += spec_function(spec);
  out += sh_hint_functions(
      spec, {.open = "", .separator = " | ", .words = "words", .assignment = hint_assignment});
  return out + body;
}

}  // namespace momentum::cli
