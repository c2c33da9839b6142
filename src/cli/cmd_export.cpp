// momentum export --format json|csv|md|ics [--output FILE] [--what logs|tasks|goals]
#include <fmt/format.h>

#include <algorithm>

#include "cli/export_render.hpp"
#include "cli/options.hpp"
#include "cli/render.hpp"
#include "momentum/error.hpp"
#include "momentum/export.hpp"
#include "momentum/store/files.hpp"
#include "momentum/store/journal.hpp"
#include "momentum/text.hpp"

namespace momentum::cli {
namespace {

const std::vector<std::string> formats = {"json", "csv", "md", "ics"};

struct ExportOptions {
  std::optional<std::string> format;
  std::optional<std::string> output;
  std::optional<std::string> what;
};

// The journal's bytes and what they replay to, from one read: the JSON export's events and
// its state must describe the same moment.
struct Source {
  std::string text;
  Loaded loaded;
};

Source read_source(const Context& ctx) {
  std::optional<std::string> text = read_journal(ctx.journal);
  if (!text) return {};
  Loaded loaded = replay(*text, ctx.journal.string());
  for (const std::string& warning : loaded.warnings) ctx.warn(warning);
  return {std::move(*text), std::move(loaded)};
}

ExportTable table_of(const std::string& what) {
  if (what == "tasks") return ExportTable::tasks;
  if (what == "goals") return ExportTable::goals;
  return ExportTable::logs;
}

// The format asked for, once the options agree with each other; throws UsageError.
std::string checked_format(const Context& ctx, const ExportOptions& o) {
  if (ctx.global.json && o.format && *o.format != "json") {
    throw UsageError(
        fmt::format("--json asks for --format json, not '{}'; give one of them", *o.format));
  }
  std::string format = o.format ? *o.format : ctx.global.json ? "json" : "";
  if (format.empty()) {
    throw UsageError(fmt::format("export needs --format: {} or {} (see 'momentum export --help')",
                                 fmt::join(formats.begin(), formats.end() - 1, ", "),
                                 formats.back()));
  }
  if (o.what && format != "csv") {
    throw UsageError(fmt::format("--what works with --format csv only, not '{}'", format));
  }
  if (o.output && same_file(*o.output, ctx.journal)) {
    throw UsageError(
        fmt::format("--output '{}' is the journal itself; choose another file", *o.output));
  }
  return format;
}

// "1 event", "12 check-ins": what the export holds, for the line after --output.
std::string written_items(const std::string& format, ExportTable table, const Source& source,
                          std::size_t events) {
  const State& s = source.loaded.state;
  if (format == "json") return plural(events, "event", "events");
  if (format == "md") return "the Markdown dump";
  if (format == "ics") {
    return plural(dated_items(s).size(), "calendar event", "calendar events");
  }
  switch (table) {
    case ExportTable::tasks:
      return plural(s.tasks.size(), "task", "tasks");
    case ExportTable::goals:
      return plural(s.goals.size(), "goal", "goals");
    case ExportTable::logs:
      break;
  }
  const auto logs = static_cast<std::size_t>(
      std::count_if(s.logs.begin(), s.logs.end(), [](const LogEntry& l) { return !l.removed; }));
  return plural(logs, "check-in", "check-ins");
}

int run_export(Context& ctx, const ExportOptions& o) {
  const std::string format = checked_format(ctx, o);
  const ExportTable table = table_of(o.what.value_or("logs"));
  const Source source = read_source(ctx);
  const ExportView view{source.loaded.state, ctx.today, ctx.clock.now};
  const JournalLines lines =
      format == "json" ? journal_lines(source.text, source.loaded.valid_size) : JournalLines{};
  const auto print = [&](std::ostream& out) {
    if (format == "json")
      print_export_json(out, view, lines);
    else if (format == "md")
      print_export_md(out, view);
    else if (format == "ics")
      print_export_ics(out, view);
    else
      print_export_csv(out, view, table);
  };
  if (!o.output) {
    print(ctx.out);
    return 0;
  }
  AtomicFile file(*o.output);
  print(file.stream());
  file.commit();
  if (!ctx.global.quiet && !ctx.global.json) {
    ctx.out << fmt::format("Wrote {} to {}\n",
                           written_items(format, table, source, lines.events.size()),
                           escape(*o.output));
  }
  return 0;
}

}  // namespace

void setup_export(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* sub = app.add_subcommand(
      "export", "Everything as JSON (re-importable), a CSV table, Markdown or iCalendar");
  sub->add_option("--format", o->format,
                  "json (history and state), csv (a table), md or ics (a calendar)")
      ->check(one_of("format", formats))
      ->option_text("F");
  sub->add_option("--what", o->what, "The csv table: logs (default), tasks or goals")
      ->check(one_of("table", {"logs", "tasks", "goals"}))
      ->option_text("T");
  sub->add_option("-o,--output", o->output, "Write to FILE (replaced whole) instead of printing")
      ->option_text("FILE");
  on_chosen(sub, action, [&ctx, o] { return run_export(ctx, *o); });
}

}  // namespace momentum::cli
