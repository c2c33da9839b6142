// momentum calendar [--weeks N] [--goal G] [--format text|svg] [--output FILE]
#include <fmt/format.h>

#include <filesystem>
#include <sstream>

#include "cli/calendar_render.hpp"
#include "cli/json_out.hpp"
#include "cli/options.hpp"
#include "cli/render.hpp"
#include "momentum/error.hpp"
#include "momentum/resolve.hpp"
#include "momentum/store/files.hpp"

namespace momentum::cli {
namespace {

namespace fs = std::filesystem;

constexpr int svg_default_weeks = 53;  // a year and the current week, as on GitHub

struct CalendarOptions {
  std::optional<int> weeks;
  std::optional<std::string> goal;
  std::string format = "text";
  std::optional<std::string> output;
};

CalendarView make_view(const Context& ctx, const State& state, const CalendarOptions& o) {
  CalendarView view;
  view.today = ctx.today;
  view.weeks = o.weeks ? *o.weeks
                       : (o.format == "svg" ? svg_default_weeks : text_weeks_for(ctx.style.width));
  const Day first =
      week_begin(ctx.today, ctx.config.week_start) - std::chrono::days{7 * (view.weeks - 1)};
  std::optional<int> goal;
  if (o.goal) {
    goal = resolve_goal(state, *o.goal);
    const Goal& g = state.goals[static_cast<std::size_t>(*goal)];
    view.heading = fmt::format("Goal {}: {}", g.num, g.title);
  }
  view.calendar = build_calendar(state, goal, first, ctx.today);
  return view;
}

nlohmann::ordered_json calendar_json(const State& state, const CalendarView& view) {
  using nlohmann::ordered_json;
  const Calendar& c = view.calendar;
  ordered_json days = ordered_json::array();
  for (const CalendarDay& d : c.days) {
    days.push_back({{"day", format_day(d.day)},
                    {"minutes", d.minutes},
                    {"checkins", d.checkins},
                    {"level", d.level},
                    {"skipped", d.skipped}});
  }
  const CalendarSummary s = summarize_calendar(c);
  return {{"from", format_day(c.first)},
          {"to", format_day(c.last)},
          {"goal", c.goal ? ordered_json(state.goals[static_cast<std::size_t>(*c.goal)].num)
                          : ordered_json(nullptr)},
          {"days", days},
          {"thresholds", c.thresholds ? ordered_json(*c.thresholds) : ordered_json(nullptr)},
          {"total_minutes", s.minutes},
          {"active_days", s.active_days},
          {"longest_run", s.longest_run}};
}

// Writes `content` to `file` whole or not at all; a missing directory is not created.
void write_output(const fs::path& file, std::string_view content) {
  const fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw StorageError(fmt::format("cannot write '{}': no such directory '{}'",
                                   escape(file.string()), escape(dir.string())));
  }
  using fs::perms;
  write_file_atomically(
      file, content,
      perms::owner_read | perms::owner_write | perms::group_read | perms::others_read);
}

int run_calendar(Context& ctx, const CalendarOptions& o) {
  const State state = ctx.read().state;
  const CalendarView view = make_view(ctx, state, o);
  if (!o.output) {
    if (ctx.global.json)
      print_json(ctx, calendar_json(state, view));
    else if (o.format == "svg")
      print_calendar_svg(ctx.out, view);
    else
      print_calendar(ctx.out, ctx.style, view);
    return 0;
  }
  std::ostringstream content;
  if (ctx.global.json)
    content << calendar_json(state, view).dump() << '\n';
  else if (o.format == "svg")
    print_calendar_svg(content, view);
  else
    print_calendar(content, {ctx.style.utf8, false, ctx.style.width}, view);  // a file: no colour
  write_output(*o.output, content.str());
  if (!ctx.global.quiet && !ctx.global.json) {
    ctx.out << fmt::format("Wrote {} of the calendar to {}\n",
                           plural(static_cast<std::size_t>(view.weeks), "week", "weeks"),
                           escape(*o.output));
  }
  return 0;
}

}  // namespace

void setup_calendar(CLI::App& app, Context& ctx, Action& action) {
  auto opts = std::make_shared<CalendarOptions>();
  CLI::App* sub = app.add_subcommand("calendar", "A heatmap of minutes per day, GitHub-style");
  sub->add_option("--weeks", opts->weeks,
                  "Weeks to show, 1-260 (default: what fits the width; 53 for svg)")
      ->check(in_range(1, 260))
      ->option_text("N");
  sub->add_option("--goal", opts->goal, "Only this goal's check-ins and rest days")
      ->option_text("G");
  sub->add_option("--format", opts->format, "text (default) or svg")
      ->check(one_of("format", {"text", "svg"}))
      ->option_text("F");
  sub->add_option("-o,--output", opts->output, "Write to FILE instead of printing")
      ->option_text("FILE");
  on_chosen(sub, action, [&ctx, opts] { return run_calendar(ctx, *opts); });
}

}  // namespace momentum::cli
