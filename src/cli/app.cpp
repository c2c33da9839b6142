#include "cli/app.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "cli/options.hpp"
#include "cli/render.hpp"
#include "momentum/error.hpp"
#include "momentum/parse.hpp"
#include "momentum/text.hpp"

namespace momentum::cli {
namespace {

constexpr const char* footer = R"(Examples:
  momentum goal add "Become an ML engineer" --cadence daily --why "a job I love"
  momentum task add "Finish the Titanic tutorial" --goal 1 --due friday
  momentum log 45m "feature engineering" --task 1
  momentum today

Journal: --journal, $MOMENTUM_JOURNAL, $MOMENTUM_DIR, $XDG_DATA_HOME/momentum or
~/.local/share/momentum. Docs: docs/usage.md.)";

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// Every error goes out through here, with any control byte a user typed (a bad value quoted
// in the message) escaped: one line, whatever the value held.
std::string error_line(std::string_view message) {
  return "momentum: error: " + escape(message) + "\n";
}

// The deepest subcommand the user reached ("momentum goal"), for messages.
const CLI::App* deepest(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands()) return deepest(*sub);
  return &app;
}

std::string command_path(const CLI::App* app) {
  std::string path = app->get_name();
  for (const CLI::App* p = app->get_parent(); p; p = p->get_parent())
    path.insert(0, p->get_name() + " ");
  return path;
}

// " (one value per option: --tag A --tag B)" for a command with a repeatable option, whose
// extra values are the likely stray words; else empty.
std::string repeat_hint(const CLI::App& app) {
  for (const CLI::Option* option : app.get_options()) {
    if (!option->nonpositional() || option->get_expected_max() <= 1) continue;
    const std::string name = "--" + option->get_lnames().front();
    return fmt::format(" (one value per option: {} A {} B)", name, name);
  }
  return "";
}

// An unknown word where a subcommand was expected: name it and list the choices.
std::string unknown_command(const CLI::App& app, const CLI::ExtrasError& e) {
  const CLI::App* at = deepest(app);
  // Hidden commands (group "", such as __complete) are not offered.
  const auto subs = at->get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); });
  std::string word;
  std::vector<std::string> extras = at->remaining();
  for (const std::string& extra : app.remaining()) extras.push_back(extra);
  for (const std::string& extra : extras) {
    if (!extra.empty() && extra.front() != '-') {
      word = extra;
      break;
    }
  }
  if (subs.empty() || word.empty()) {
    for (const std::string& extra : extras) {
      if (extra.size() > 1 && extra.front() == '-') {
        return fmt::format("unknown option '{}' for '{}'; 'momentum {}--help' lists the options",
                           extra, command_path(at),
                           at == &app ? "" : command_path(at).substr(9) + " ");
      }
    }
    if (!word.empty()) {
      return fmt::format("unexpected argument '{}' for '{}'{}; see '{} --help'", word,
                         command_path(at), repeat_hint(*at), command_path(at));
    }
    return fmt::format("{}; see '{} --help'", one_line(e.what()), command_path(at));
  }
  std::vector<std::string> names;
  for (const CLI::App* sub : subs) names.push_back(sub->get_name());
  const std::vector<std::string_view> views(names.begin(), names.end());
  const std::string guess = did_you_mean(word, views);
  const std::string last = names.back();
  names.pop_back();
  return fmt::format("unknown command '{}' for '{}'; expected {} or {}{}", word, command_path(at),
                     fmt::join(names, ", "), last,
                     guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess));
}

void bind_global_options(CLI::App& app, GlobalOptions& global) {
  app.add_option("--journal", global.journal, "Use the journal at PATH")->option_text("PATH");
  app.add_flag("--json", global.json, "Print JSON for scripts (see docs/json.md)");
  app.add_flag("--no-color", global.no_color, "Never colour the output (also NO_COLOR)");
  app.add_flag("-q,--quiet", global.quiet, "Print only errors and warnings");
  app.set_version_flag("--version", std::string("momentum ") + MOMENTUM_VERSION);
}

// Help that fits 80 columns: names in a 24-column gutter, descriptions wrapped at word
// boundaries beside them (CLI11 indents each line after a '\n' in a description).
class HelpFormatter : public CLI::Formatter {
 public:
  static constexpr std::size_t width = 80;
  static constexpr std::size_t gutter = 24;
  HelpFormatter() { column_width(gutter); }

  std::string make_option_desc(const CLI::Option* option) const override {
    return wrap(CLI::Formatter::make_option_desc(option));
  }
  std::string make_subcommand(const CLI::App* sub) const override {
    std::stringstream out;
    CLI::detail::format_help(out, sub->get_display_name(true), wrap(sub->get_description()),
                             column_width_);
    return out.str();
  }

 private:
  static std::string wrap(const std::string& text) {
    std::string out, line;
    std::istringstream words(text);
    for (std::string word; words >> word;) {
      if (!line.empty() && display_width(line) + 1 + display_width(word) > width - gutter) {
        out += line + "\n";
        line.clear();
      }
      line += (line.empty() ? "" : " ") + word;
    }
    return out + line;
  }
};

// A repeatable option takes one value per occurrence, as in git and Taskwarrior:
// `log 30m --tag kaggle notebook` tags "kaggle" and keeps "notebook" for the note.
void one_value_per_flag(CLI::App& app) {
  for (CLI::Option* option : app.get_options()) {
    if (option->nonpositional()) option->allow_extra_args(false);
  }
  for (CLI::App* sub : app.get_subcommands({})) one_value_per_flag(*sub);
}

// Every subcommand's --help mentions the options that work everywhere.
void add_global_footer(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands({})) {
    sub->footer("Global options: --journal PATH, --json, --no-color, -q/--quiet, --version");
    add_global_footer(*sub);
  }
}

}  // namespace

void build(CLI::App& app, Context& ctx, Action& action) {
  app.formatter(std::make_shared<HelpFormatter>());  // before the subcommands, which share it
  app.fallthrough();  // global options work after the subcommand too (inherited)
  app.require_subcommand(0, 1);
  app.footer(footer);
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return error_line(one_line(e.what()));  // CLI11 may break its own lines
  });
  bind_global_options(app, ctx.global);
  setup_today(app, ctx, action);
  setup_goal(app, ctx, action);
  setup_task(app, ctx, action);
  setup_log(app, ctx, action);
  setup_calendar(app, ctx, action);
  setup_streak(app, ctx, action);
  setup_stats(app, ctx, action);
  setup_sprint(app, ctx, action);
  setup_review(app, ctx, action);
  setup_remind(app, ctx, action);
  setup_prompt(app, ctx, action);
  setup_export(app, ctx, action);
  setup_undo(app, ctx, action);
  setup_config(app, ctx, action);
  setup_sync(app, ctx, action);
  setup_import(app, ctx, action);
  setup_check(app, ctx, action);
  setup_completion(app, ctx, action);  // last: it describes everything above
  one_value_per_flag(app);
  add_global_footer(app);
}

namespace {

// EX_SOFTWARE in sysexits.h: an internal software error.
constexpr int internal_error_exit = 70;

std::string internal_error_line(std::string_view message) {
  return "momentum: internal error: " + escape(message) + "\n";
}

}  // namespace

int report_failure(const std::exception_ptr& failure, std::ostream& err) {
  try {
    std::rethrow_exception(failure);
  } catch (const UsageError& e) {
    err << error_line(e.what());
    return 2;
  } catch (const StorageError& e) {
    err << error_line(e.what());
    return 3;
  } catch (const std::exception& e) {
    err << internal_error_line(e.what());
    return internal_error_exit;
  } catch (...) {
    err << internal_error_line("an exception that is not a std::exception");
    return internal_error_exit;
  }
}

int run(const std::vector<std::string>& args, const Env& env, Terminal terminal, std::ostream& out,
        std::ostream& err) {
  Context ctx(env, terminal, out, err);
  Action action;
  CLI::App app("momentum: goals, tasks, sprints and daily check-ins, with honest streaks.",
               "momentum");
  try {
    build(app, ctx, action);
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::ExtrasError& e) {
    err << error_line(unknown_command(app, e));
    return 2;
  } catch (const CLI::RequiredError& e) {
    err << error_line(
        fmt::format("{} (see '{} --help')", one_line(e.what()), command_path(deepest(app))));
    return 2;
  } catch (const CLI::ArgumentMismatch& e) {
    const std::string what = one_line(e.what());
    const std::string option = what.substr(0, what.find(':'));
    err << error_line(fmt::format("option {} needs a value (see '{} --help')", option,
                                  command_path(deepest(app))));
    return 2;
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, out, err);
    return code == 0 ? 0 : 2;
  } catch (const Error& e) {
    err << error_line(e.what());
    return 2;
  } catch (...) {
    return report_failure(std::current_exception(), err);
  }
  try {
    ctx.resolve();
    return action ? action() : run_today(ctx);
  } catch (...) {
    // `prompt` fails silently: exit 0, no output.
    return ctx.silent_failures ? 0 : report_failure(std::current_exception(), ctx.err);
  }
}

}  // namespace momentum::cli
