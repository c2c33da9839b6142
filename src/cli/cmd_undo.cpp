// momentum undo [--list]
#include <fmt/format.h>

#include "cli/json_out.hpp"
#include "cli/options.hpp"
#include "cli/render.hpp"
#include "cli/undo_render.hpp"
#include "momentum/undo.hpp"

namespace momentum::cli {
namespace {

using namespace std::chrono;

constexpr std::size_t listed = 10;

// The change with the local time it was made in words: "today 20:14", "yesterday 08:05",
// "Sun 2026-03-01 09:10".
UndoLine line_of(const Context& ctx, Undoable change) {
  const Timestamp ts = change.event.stamp.ts;
  const minutes offset = ctx.utc_offset_at(ts);
  const sys_time<minutes> local = floor<minutes>(ts) + offset;
  const Day date = floor<days>(local);
  const Day now = floor<days>(floor<minutes>(ctx.clock.now) + ctx.clock.utc_offset);
  const hh_mm_ss time{local - date};
  const std::string day = date == now             ? "today"
                          : date + days{1} == now ? "yesterday"
                                                  : weekday_day(date);
  std::string when =
      fmt::format("{} {:02}:{:02}", day, time.hours().count(), time.minutes().count());
  return {std::move(change), std::move(when), day_of(ts, offset, ctx.config.day_start)};
}

// The changes undo would revert, newest first, at most `limit`: of the journal's latest events
// only (a recent State that left out what they name throws NeedsFullState).
std::vector<Undoable> latest(const Context& ctx, const State& state, std::size_t limit) {
  const std::optional<std::string> text = ctx.journal_text();
  return text ? latest_undoable(state, *text, ctx.journal.string(), limit)
              : std::vector<Undoable>{};
}

int run_list(Context& ctx) {
  std::vector<Undoable> changes;
  const State state =
      ctx.read(Reach::recent, [&](const State& s) { changes = latest(ctx, s, listed); }).state;
  if (!state.history) changes = latest(ctx, state, listed);
  UndoListView view{state, {}};
  for (Undoable& u : changes) view.lines.push_back(line_of(ctx, std::move(u)));
  if (ctx.global.json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const UndoLine& line : view.lines) list.push_back(undo_json(ctx.style, state, line));
    print_json(ctx, list);
    return 0;
  }
  print_undo_list(ctx.out, ctx.style, view);
  return 0;
}

int run_undo(Context& ctx) {
  std::string text;
  nlohmann::ordered_json json;
  const Written w = ctx.write(
      [&](const State& s, const Stamp& stamp) {
        UndoChange u = undo_latest(s, latest(ctx, s, 1), stamp);
        // In the words of the state it is still part of.
        const UndoLine line = line_of(ctx, std::move(u.reverted));
        text = undo_text(ctx.style, s, line);
        json = undo_json(ctx.style, s, line);
        return std::move(u.change);
      },
      Reach::recent);
  if (ctx.global.json) {
    print_json(ctx, {{"undo", w.event.stamp.id}, {"reverted", json}});
    return 0;
  }
  if (!ctx.global.quiet) ctx.out << "Undid " << text << '\n';
  return 0;
}

}  // namespace

void setup_undo(CLI::App& app, Context& ctx, Action& action) {
  auto list = std::make_shared<bool>(false);
  CLI::App* undo = app.add_subcommand(
      "undo", "Revert the latest change; again to go further back (the journal keeps both)");
  undo->add_flag("--list", *list, "Show the last ten changes undo would revert, newest first");
  on_chosen(undo, action, [&ctx, list] { return *list ? run_list(ctx) : run_undo(ctx); });
}

}  // namespace momentum::cli
