// momentum import FILE|DIR [--from momentum|taskwarrior|harsh|loop] [--dry-run]: a momentum
// export merged by event id, or another tool's history.
#include <fmt/format.h>

#include <map>

#include "cli/json_out.hpp"
#include "cli/options.hpp"
#include "cli/render.hpp"
#include "momentum/codec.hpp"
#include "momentum/error.hpp"
#include "momentum/import.hpp"
#include "momentum/store/import_files.hpp"
#include "momentum/text.hpp"

namespace momentum::cli {
namespace {

namespace fs = std::filesystem;

struct ImportOptions {
  std::string path;
  std::optional<std::string> from;
  bool dry_run = false;
};

// What to read for the import: the source, and where its data is (a file's text, once read).
struct ImportInput {
  ImportSource source = ImportSource::taskwarrior;
  ImportInputKind kind = ImportInputKind::text;
  fs::path path;
  std::optional<std::string> text;
};

constexpr ImportSource sources[] = {ImportSource::momentum, ImportSource::taskwarrior,
                                    ImportSource::harsh, ImportSource::loop};

std::optional<ImportSource> source_named(std::string_view name) {
  for (const ImportSource s : sources)
    if (to_string(s) == name) return s;
  return std::nullopt;
}

bool is_file(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

// What `path` holds: a folder with harsh's `habits` or Loop's `Habits.csv`, a zip or a
// SQLite file (Loop), harsh's own `habits` or `log` file, a file that begins as a momentum
// export does, else text (Taskwarrior's JSON). `text` is the file's, read when needed.
std::optional<ImportSource> detect(const fs::path& path, ImportInputKind kind,
                                   std::optional<std::string>& text) {
  switch (kind) {
    case ImportInputKind::directory:
      if (is_file(path / "habits")) return ImportSource::harsh;
      if (is_file(path / "Habits.csv")) return ImportSource::loop;
      return std::nullopt;
    case ImportInputKind::zip:
    case ImportInputKind::sqlite:
      return ImportSource::loop;
    case ImportInputKind::text:
      if (path.filename() == "habits" || path.filename() == "log") return ImportSource::harsh;
      text = read_import_text(path);
      return is_momentum_export(*text) ? ImportSource::momentum : ImportSource::taskwarrior;
  }
  return std::nullopt;
}

std::string_view expected_input(ImportSource source) {
  switch (source) {
    case ImportSource::momentum:
      return "a momentum export (a JSON file from 'momentum export --format json')";
    case ImportSource::taskwarrior:
      return "the output of 'task export' (a JSON file)";
    case ImportSource::harsh:
      return "harsh's folder (with 'habits' and 'log')";
    case ImportSource::loop:
      return "Loop's CSV export (its .zip or unpacked folder) or a .db backup";
  }
  return "";
}

bool fits(ImportSource source, const fs::path& path, ImportInputKind kind) {
  switch (source) {
    case ImportSource::momentum:
    case ImportSource::taskwarrior:
      return kind == ImportInputKind::text;
    case ImportSource::harsh:
      return kind == ImportInputKind::directory ||
             (kind == ImportInputKind::text &&
              (path.filename() == "habits" || path.filename() == "log"));
    case ImportSource::loop:
      return kind != ImportInputKind::text;
  }
  return false;
}

ImportInput resolve_input(const ImportOptions& o) {
  ImportInput in;
  in.path = o.path;
  in.kind = import_input_kind(in.path);
  if (o.from) {
    in.source = *source_named(*o.from);
    if (!fits(in.source, in.path, in.kind)) {
      throw UsageError(fmt::format("'{}' is not {}", o.path, expected_input(in.source)));
    }
  } else if (const auto detected = detect(in.path, in.kind, in.text)) {
    in.source = *detected;
  } else {
    throw UsageError(
        fmt::format("cannot tell what '{}' holds; expected harsh's folder (with 'habits' and "
                    "'log') or Loop's CSV export folder (with 'Habits.csv'), or give --from",
                    o.path));
  }
  // harsh's files name their folder.
  if (in.source == ImportSource::harsh && in.kind == ImportInputKind::text) {
    in.path = in.path.parent_path().empty() ? fs::path(".") : in.path.parent_path();
    in.kind = ImportInputKind::directory;
  }
  return in;
}

ImportBatch read_harsh(const fs::path& dir, Day today) {
  const fs::path habits = dir / "habits";
  if (!is_file(habits)) {
    throw UsageError(fmt::format("'{}' has no harsh 'habits' file", dir.string()));
  }
  const fs::path log = dir / "log";
  const std::string log_text = is_file(log) ? read_import_text(log) : std::string();
  return parse_harsh(read_import_text(habits), log_text, dir.string(), today);
}

ImportBatch read_loop(const ImportInput& in) {
  const std::string source = in.path.string();
  switch (in.kind) {
    case ImportInputKind::sqlite: {
      const LoopDbRows rows = read_loop_db(in.path);
      return loop_batch(loop_db_habits(rows.habits, rows.repetitions, source));
    }
    case ImportInputKind::zip:
      return loop_batch(parse_loop_csv(read_import_zip(in.path), source));
    default:
      return loop_batch(parse_loop_csv(read_import_dir(in.path), source));
  }
}

std::string text_of(const ImportInput& in) {
  return in.text ? *in.text : read_import_text(in.path);
}

ImportBatch read_batch(const Context& ctx, const ImportInput& in) {
  switch (in.source) {
    case ImportSource::taskwarrior:
      return parse_taskwarrior(text_of(in), in.path.string(),
                               {ctx.clock.utc_offset, ctx.config.day_start, ctx.today});
    case ImportSource::harsh:
      return read_harsh(in.path, ctx.today);
    case ImportSource::loop:
      return read_loop(in);
    case ImportSource::momentum:
      break;  // read apart: its events keep their stamps
  }
  return {};
}

// What an import did (or with --dry-run would do): its report, and the goals and tasks whose
// short numbers the export's earlier events shift.
struct ImportResult {
  ImportReport report;
  std::vector<Renumbered> renumbered;
};

// The skipped items grouped by reason, in the order each reason first appears.
std::vector<std::pair<std::string, std::vector<std::string>>> by_reason(
    const std::vector<ImportSkipped>& skipped) {
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  std::map<std::string, std::size_t> index;
  for (const ImportSkipped& s : skipped) {
    const auto [it, added] = index.try_emplace(s.why, groups.size());
    if (added) groups.push_back({s.why, {}});
    groups[it->second].second.push_back(s.what);
  }
  return groups;
}

// How many of a group's items a text report names before "and N more".
constexpr std::size_t shown_items = 5;

void print_import_report(std::ostream& out, const Style& style, const ImportResult& result,
                         bool dry_run) {
  (void)style;
  const ImportReport& r = result.report;
  const bool momentum = r.source == ImportSource::momentum;
  const std::string events =
      momentum ? plural(static_cast<std::size_t>(r.events), "event", "events") + ": " : "";
  out << fmt::format("{} from {}: {}{}, {}, {}, {}, {}\n", dry_run ? "Would import" : "Imported",
                     to_string(r.source), events,
                     plural(static_cast<std::size_t>(r.goals), "goal", "goals"),
                     plural(static_cast<std::size_t>(r.tasks), "task", "tasks"),
                     plural(static_cast<std::size_t>(r.checkins), "check-in", "check-ins"),
                     plural(static_cast<std::size_t>(r.skips), "rest day", "rest days"),
                     plural(static_cast<std::size_t>(r.notes), "note", "notes"));
  if (r.present > 0) {
    out << fmt::format("Already in the journal (imported before), left as they are: {}\n",
                       momentum ? plural(static_cast<std::size_t>(r.present), "event", "events")
                                : plural(static_cast<std::size_t>(r.present), "item", "items"));
  }
  if (!r.skipped.empty()) out << fmt::format("Skipped {}:\n", r.skipped.size());
  for (const auto& [why, items] : by_reason(r.skipped)) {
    std::string list;
    for (std::size_t i = 0; i < items.size() && i < shown_items; ++i)
      list += (i > 0 ? ", " : "") + escape(items[i]);
    if (items.size() > shown_items) list += fmt::format(" and {} more", items.size() - shown_items);
    out << fmt::format("  {} ({}): {}\n", escape(why), items.size(), list);
  }
  for (const Renumbered& n : result.renumbered) {
    out << fmt::format("{} {} {} {} {} ('{}'): events from the export came first.\n",
                       n.kind == "goal" ? "Goal" : "Task", n.from, dry_run ? "would be" : "is now",
                       n.kind, n.to, escape(n.title));
  }
  if (dry_run) out << "Dry run: nothing was written.\n";
}

nlohmann::ordered_json import_report_json(const ImportResult& result, bool dry_run) {
  const ImportReport& r = result.report;
  nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
  for (const ImportSkipped& s : r.skipped) skipped.push_back({{"what", s.what}, {"why", s.why}});
  nlohmann::ordered_json renumbered = nlohmann::ordered_json::array();
  for (const Renumbered& n : result.renumbered) {
    renumbered.push_back(
        {{"kind", n.kind}, {"id", n.id}, {"title", n.title}, {"from", n.from}, {"to", n.to}});
  }
  return {{"source", to_string(r.source)},
          {"dry_run", dry_run},
          {"goals", r.goals},
          {"tasks", r.tasks},
          {"checkins", r.checkins},
          {"skips", r.skips},
          {"notes", r.notes},
          {"events", r.events},
          {"present", r.present},
          {"skipped", skipped},
          {"renumbered", renumbered}};
}

// The state `journal` (in (ts, id) order) replays to with `added` among its events, as the
// journal would after appending them.
State replayed_with(const std::vector<Event>& journal, const std::vector<Event>& added) {
  std::string text = header_line(Timestamp{});
  for (const Event& e : journal) text += to_line(e);
  for (const Event& e : added) text += to_line(e);
  return replay(text, "journal").state;
}

// A momentum export: the events the journal does not hold yet, as they are.
ImportResult import_export(Context& ctx, const ImportInput& in, bool dry_run) {
  const MomentumExport batch = parse_momentum_export(text_of(in), in.path.string());
  ImportResult result;
  if (dry_run) {
    const State before = ctx.read().state;
    const std::vector<Event> journal = ctx.events();
    ImportPlan plan = plan_momentum_import(journal, batch);
    if (!plan.events.empty()) {
      result.renumbered = renumbered(before, replayed_with(journal, plan.events));
    }
    result.report = std::move(plan.report);
    return result;
  }
  State before;
  const State after = ctx.write_events([&](const State& state) {
    ImportPlan plan = plan_momentum_import(ctx.events(), batch);
    result.report = std::move(plan.report);
    before = state;
    return EventsToAppend{std::move(plan.events), batch.header};
  });
  result.renumbered = renumbered(before, after);
  return result;
}

// Another tool's files: new events stamped after the journal's latest.
ImportResult import_peer(Context& ctx, const ImportInput& in, bool dry_run) {
  const ImportBatch batch = read_batch(ctx, in);
  if (dry_run) return {plan_import(ctx.read().state, batch, ctx.clock).report, {}};
  ImportResult result;
  ctx.write_events([&](const State& state) {
    ImportPlan plan = plan_import(state, batch, ctx.clock);
    result.report = std::move(plan.report);
    return EventsToAppend{std::move(plan.events), {}};
  });
  return result;
}

int run_import(Context& ctx, const ImportOptions& o) {
  const ImportInput in = resolve_input(o);
  const ImportResult result = in.source == ImportSource::momentum
                                  ? import_export(ctx, in, o.dry_run)
                                  : import_peer(ctx, in, o.dry_run);
  if (ctx.global.json) {
    print_json(ctx, import_report_json(result, o.dry_run));
  } else if (!ctx.global.quiet) {
    print_import_report(ctx.out, ctx.style, result, o.dry_run);
  }
  return 0;
}

}  // namespace

void setup_import(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<ImportOptions>();
  CLI::App* sub = app.add_subcommand(
      "import", "Merge a momentum export, or another tool's history (Taskwarrior, harsh, Loop)");
  sub->add_option("file", o->path,
                  "A momentum export, a 'task export' JSON file, harsh's folder, or Loop's CSV "
                  "export (.zip or folder) or .db backup")
      ->required()
      ->option_text("FILE|DIR");
  sub->add_option("--from", o->from,
                  "What wrote it: momentum, taskwarrior, harsh or loop (default: told from the "
                  "file)")
      ->check(one_of("source", {"momentum", "taskwarrior", "harsh", "loop"}))
      ->option_text("TOOL");
  sub->add_flag("--dry-run", o->dry_run, "Print what would come in, and write nothing");
  on_chosen(sub, action, [&ctx, o] { return run_import(ctx, *o); });
}

}  // namespace momentum::cli
