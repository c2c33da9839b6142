// The zsh completion script: tables generated from the spec, then a fixed function that walks
// $words with them and offers matches through _describe, compadd and _files. It works both
// autoloaded from $fpath (as _momentum) and sourced after compinit.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/completion.hpp"

namespace momentum::cli {
namespace {

// "(a 'b c')": a zsh array of `words`, each quoted.
std::string array(const std::vector<std::string>& words) {
  std::vector<std::string> items;
  for (const std::string& word : words) items.push_back(sh_quoted(word));
  return fmt::format("({})", fmt::join(items, " "));
}

// "{ hint=words; values=(learn do); }"
std::string hint_assignment(const ValueHint& hint) {
  std::string text = fmt::format("{{ hint={};", hint_name(hint.kind));
  if (hint.kind == ValueHint::Kind::words) text += " values=" + array(hint.words) + ";";
  return text + " }";
}

// "name:help" entries for _describe, and the names taking a value, of `options`.
void option_lists(const std::vector<OptionSpec>& options, std::vector<std::string>& described,
                  std::vector<std::string>& vopts) {
  for (const OptionSpec& option : options) {
    for (const std::string& name : option.names) {
      described.push_back(name + ":" + option.help);
      if (option.takes_value) vopts.push_back(name);
    }
  }
}

std::string spec_function(const CommandLineSpec& spec) {
  std::string out =
      "# Sets names and subs (name:help) of the subcommands, opts (name:help) and vopts\n"
      "# (the options that take a value) for command path $1.\n"
      "_momentum_spec() {\n  case $1 in\n";
  for (const CommandSpec& command : spec.commands) {
    std::vector<std::string> names, subs, opts, vopts;
    for (const auto& [name, help] : command.subcommands) {
      names.push_back(name);
      subs.push_back(fmt::format("{}:{}", name, help));
    }
    option_lists(command.options, opts, vopts);
    out +=
        fmt::format("    {})\n      names={} subs={}\n      opts={} vopts={} ;;\n",
                    sh_quoted(command.path), array(names), array(subs), array(opts), array(vopts));
  }
  std::vector<std::string> opts, vopts;
  option_lists(spec.global, opts, vopts);
  return out + fmt::format("  esac\n  opts+={}\n  vopts+={}\n}}\n\n", array(opts), array(vopts));
}

constexpr const char* body =
    R"ZSH(# Offers goals, tasks or sprints ($1) from `momentum __complete`: numbers
# described by their titles; for goals, the titles themselves once the word is not a number.
_momentum_records() {
  local line
  local -a lines described titles
  lines=(${(f)"$(momentum "${journal[@]}" __complete $1 2>/dev/null)"})
  if [[ $1 == goals && -n $PREFIX && $PREFIX != [0-9\#]* ]]; then
    titles=(${lines#*$'\t'})
    compadd -M 'm:{a-zA-Z}={A-Za-z}' -a titles
  else
    for line in $lines; do
      described+=("${line%%$'\t'*}:${line#*$'\t'}")
    done
    _describe -V -t $1 ${1%s} described  # -V: in number order
  fi
}

_momentum() {
  local at= opt= w hint
  integer i=2 n=0
  local -a names subs opts vopts values journal
  _momentum_spec ''
  # Walk the words before the cursor: the command path, option values, positionals.
  while (( i < CURRENT )); do
    w=$words[i]
    if [[ $w == -?* ]]; then
      if [[ $w != *=* ]] && (( ${vopts[(Ie)$w]} )); then
        if (( i + 1 >= CURRENT )); then
          opt=$w
          break
        fi
        (( i++ ))
        [[ $w == --journal ]] && journal=(--journal "${${(Q)words[i]}/#\~/$HOME}")
      elif [[ $w == --journal=?* ]]; then
        journal=(--journal "${${(Q)w#*=}/#\~/$HOME}")
      fi
    elif (( ${names[(Ie)$w]} )); then
      at=${at:+$at }$w
      n=0
      _momentum_spec "$at"
    else
      (( ++n ))
    fi
    (( i++ ))
  done
  if [[ -z $opt && $PREFIX == -*=* ]]; then
    opt=${PREFIX%%=*}
    compset -P '*='
  fi
  if [[ -n $opt ]]; then
    _momentum_option_value "$at" "$opt"
  elif [[ $PREFIX == -* ]]; then
    _describe -t options option opts
    return
  else
    (( n == 0 && $#subs )) && _describe -t commands command subs
    _momentum_positional "$at" $n
  fi
  case $hint in
    words) compadd -V values -a values ;;  # -V: in the order given
    files) _files ;;
    goals|tasks|sprints) _momentum_records $hint ;;
  esac
}

if [[ $funcstack[1] == _momentum ]]; then
  _momentum "$@"  # autoloaded from $fpath: this file is the function's first run
else
  compdef _momentum momentum  # sourced
fi
)ZSH";

}  // namespace

std::string zsh_script(const CommandLineSpec& spec) {
  std::string out = fmt::format(
      "#compdef momentum\n"
      "# zsh completion for momentum {}, made by 'momentum completion zsh'.\n"
      "# Enable it with: source <(momentum completion zsh)   (after compinit)\n"
      "# or install it as _momentum in a directory of $fpath, such as\n"
      "# /usr/local/share/zsh/site-functions/_momentum\n\n",
      MOMENTUM_VERSION);
  out += spec_function(spec);
  out += sh_hint_functions(
      spec, {.open = "(", .separator = "|", .words = "values", .assignment = hint_assignment});
  return out + body;
}

}  // namespace momentum::cli
