// momentum prompt [--format TEMPLATE]: one short line for a shell prompt ("12d○ !2"). It never
// fails loudly: a missing or broken journal or config prints nothing and exits 0 (app.cpp's
// report() and Context::warn() honour ctx.silent_failures, which the callback sets).
#include <fmt/format.h>

#include <array>
#include <sstream>
#include <utility>

#include "cli/json_out.hpp"
#include "cli/options.hpp"
#include "cli/render.hpp"
#include "momentum/error.hpp"
#include "momentum/overview.hpp"
#include "momentum/streak.hpp"

namespace momentum::cli {
namespace {

enum class Field { streak, mark, overdue, minutes };

constexpr std::array<std::pair<std::string_view, Field>, 4> fields{{
    {"streak", Field::streak},
    {"mark", Field::mark},
    {"overdue", Field::overdue},
    {"minutes", Field::minutes},
}};

constexpr std::string_view default_format = "{streak}{mark} {overdue}";

// A piece of a template: literal text, or a field to fill in.
struct Piece {
  std::string text;
  std::optional<Field> field;
};

struct PromptOptions {
  std::string format{default_format};
  std::vector<Piece> pieces;
};

Field field_named(std::string_view name) {
  for (const auto& [word, field] : fields) {
    if (word == name) return field;
  }
  std::vector<std::string_view> names;
  for (const auto& entry : fields) names.push_back(entry.first);
  const std::string guess = did_you_mean(name, names);
  throw UsageError(fmt::format(
      "unknown placeholder '{{{}}}' in --format; expected {{streak}}, {{mark}}, {{overdue}} or "
      "{{minutes}}{}",
      escape(name), guess.empty() ? "" : fmt::format(" (did you mean '{{{}}}'?)", guess)));
}

// Splits `format` into literal text and fields; "{{" and "}}" are literal braces.
std::vector<Piece> parse_format(std::string_view format) {
  std::vector<Piece> pieces(1);
  for (std::size_t i = 0; i < format.size(); ++i) {
    const char c = format[i];
    const bool doubled = i + 1 < format.size() && format[i + 1] == c;
    if ((c == '{' || c == '}') && doubled) {
      pieces.back().text += c;
      ++i;
    } else if (c == '{') {
      const std::size_t close = format.find('}', i);
      if (close == std::string_view::npos) {
        throw UsageError(
            fmt::format("unclosed '{{' in --format '{}'; write '{{{{' for a literal "
                        "brace",
                        escape(format)));
      }
      pieces.push_back({"", field_named(format.substr(i + 1, close - i - 1))});
      pieces.emplace_back();
      i = close;
    } else if (c == '}') {
      throw UsageError(
          fmt::format("unmatched '}}' in --format '{}'; write '}}}}' for a literal "
                      "brace",
                      escape(format)));
    } else {
      pieces.back().text += c;
    }
  }
  return pieces;
}

// What the prompt shows: the day's overview, no per-goal habit math.
struct Facts {
  bool anything = false;  // any goal, task or check-in at all
  bool checkins = false;  // any goal or check-in: the streak and the mark apply
  int streak = 0;
  bool logged_today = false;
  bool rest_day = false;  // a rest day for all goals today
  int overdue = 0;        // open tasks due before today, as `today` lists them
  int minutes = 0;        // logged today
};

Facts gather(const State& state, Day today) {
  Facts f;
  const DayOverview day = day_overview(state, task_facts(state), today);
  f.checkins =
      !state.goals.empty() || !state.logs.empty() || (state.history && state.history->logs > 0);
  f.anything = !nothing_tracked(state);
  f.streak = day.checkin.length;
  f.logged_today = !day.logs.empty();
  f.rest_day = day.rest_day;
  f.overdue = static_cast<int>(day.overdue.size());
  f.minutes = day.minutes.total();
  return f;
}

// Facts as a memo holds them, and back; nullopt for a memo of another form.
std::string encode(const Facts& f) {
  return fmt::format("{} {} {} {} {} {} {}", int{f.anything}, int{f.checkins}, f.streak,
                     int{f.logged_today}, int{f.rest_day}, f.overdue, f.minutes);
}

std::optional<Facts> decode(const std::string& text) {
  std::array<int, 7> n{};
  std::istringstream in(text);
  for (int& value : n) {
    if (!(in >> value)) return std::nullopt;
  }
  if (!(in >> std::ws).eof()) return std::nullopt;
  return Facts{n[0] != 0, n[1] != 0, n[2], n[3] != 0, n[4] != 0, n[5], n[6]};
}

// The day's facts, memoised for the journal as it is and the day: a shell prompt asks for
// them far more often than the journal changes.
Facts facts(Context& ctx) {
  const auto compute = [&](const State& state) { return encode(gather(state, ctx.today)); };
  // The version too: a memo made by another momentum may have counted otherwise.
  const std::string key = fmt::format("facts-1 {} {}", MOMENTUM_VERSION, format_day(ctx.today));
  // The overdue count needs no task read whole: their facts are enough.
  TaskPart part;
  part.facts = true;
  if (auto f = decode(ctx.memoised(".prompt", key, Reach::habits, compute, part))) return *f;
  return gather(ctx.read(
                       Reach::habits, [](const State&) {}, part)
                    .state,
                ctx.today);
}

// A field's text; empty when there is nothing to say (a zero, no mark).
std::string field_text(const Style& style, const Facts& f, Field field) {
  switch (field) {
    case Field::streak:
      return f.checkins && f.streak > 0 ? fmt::format("{}d", f.streak) : "";
    case Field::mark:
      return f.checkins && !f.logged_today && !f.rest_day ? (style.utf8 ? "○" : "*") : "";
    case Field::overdue:
      return f.overdue > 0 ? fmt::format("!{}", f.overdue) : "";
    case Field::minutes:
      return f.minutes > 0 ? minutes_text(f.minutes) : "";
  }
  return "";
}

std::string prompt_text(const Style& style, const Facts& f, const std::vector<Piece>& pieces) {
  std::string line;
  for (const Piece& p : pieces) line += p.field ? field_text(style, f, *p.field) : p.text;
  // Empty fields leave their separators behind; the ends are what shows in a prompt.
  const std::size_t first = line.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return line.substr(first, line.find_last_not_of(' ') - first + 1);
}

int run_prompt(Context& ctx, const PromptOptions& o) {
  const Facts f = facts(ctx);
  if (ctx.global.json) {
    print_json(ctx, {{"day", format_day(ctx.today)},
                     {"streak", f.streak},
                     {"logged_today", f.logged_today},
                     {"rest_day", f.rest_day},
                     {"overdue", f.overdue},
                     {"minutes_today", f.minutes}});
    return 0;
  }
  if (!f.anything) return 0;
  const std::string line = prompt_text(ctx.style, f, o.pieces);
  if (!line.empty()) ctx.out << line << '\n';
  return 0;
}

}  // namespace

void setup_prompt(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<PromptOptions>();
  CLI::App* prompt =
      app.add_subcommand("prompt", "A short line for PS1: check-in streak, mark, overdue");
  prompt->add_option("--format", o->format, "Layout: {streak} {mark} {overdue} {minutes}")
      ->option_text("TEMPLATE");
  // A footer callback: the global options line that app.cpp sets comes after it.
  prompt->footer([] {
    return std::string(
        "'12d○ !2' is a 12-day check-in streak, no check-in today yet (○; * without\n"
        "a UTF-8 locale) and 2 overdue tasks; parts that are zero are left out.\n"
        "The default --format is \"{streak}{mark} {overdue}\"; {minutes} is the time\n"
        "logged today; {{ and }} are braces. With nothing tracked it prints nothing.\n"
        "It never fails loudly: without a readable journal or config it prints\n"
        "nothing and exits 0. Never coloured. In bash:\n"
        "  PS1='$(momentum prompt) \\$ '\n");
  });
  // Not on_chosen: the template is checked here, where a mistake is still reported (exit 2),
  // and failures from here on must stay silent.
  prompt->callback([&ctx, &action, o] {
    o->pieces = parse_format(o->format);
    ctx.silent_failures = true;
    if (!action) action = [&ctx, o] { return run_prompt(ctx, *o); };
  });
}

}  // namespace momentum::cli
