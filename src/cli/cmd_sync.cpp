// momentum sync [--init REMOTE]: the data directory as a git repository, committed, merged
// with origin and pushed (the store's sync.cpp does the git work). Prints what moved, and the
// goals and tasks whose short numbers changed because events from another machine came first.
#include <fmt/format.h>

#include "cli/json_out.hpp"
#include "cli/options.hpp"
#include "cli/render.hpp"
#include "momentum/error.hpp"
#include "momentum/store/journal.hpp"
#include "momentum/store/sync.hpp"

namespace momentum::cli {
namespace {

using namespace std::chrono_literals;

struct SyncOptions {
  std::optional<std::string> remote;
};

// What `sync` prints: the report and the renumbered goals and tasks.
struct SyncView {
  const SyncReport& report;
  const std::vector<Renumbered>& renumbered;
};

void print_sync(std::ostream& out, const Style& /*style*/, const SyncView& view) {
  const SyncReport& r = view.report;
  if (r.created) {
    out << fmt::format("Made '{}' a git repository (branch {}).\n", escape(r.dir.string()),
                       escape(r.branch));
  }
  out << fmt::format("Synced with origin '{}': received {}, sent {}.\n", escape(r.remote),
                     plural(static_cast<std::size_t>(r.received), "event", "events"),
                     plural(static_cast<std::size_t>(r.sent), "event", "events"));
  for (const Renumbered& n : view.renumbered) {
    out << fmt::format("{} {} is now {} {} ('{}'): events from another machine came first.\n",
                       n.kind == "goal" ? "Goal" : "Task", n.from, n.kind, n.to, escape(n.title));
  }
}

nlohmann::ordered_json sync_json(const SyncView& view) {
  const SyncReport& r = view.report;
  nlohmann::ordered_json renumbered = nlohmann::ordered_json::array();
  for (const Renumbered& n : view.renumbered) {
    renumbered.push_back(
        {{"kind", n.kind}, {"id", n.id}, {"title", n.title}, {"from", n.from}, {"to", n.to}});
  }
  return {{"directory", r.dir.string()},
          {"remote", r.remote},
          {"branch", r.branch},
          {"created", r.created},
          {"committed", r.committed},
          {"received", r.received},
          {"sent", r.sent},
          {"renumbered", renumbered}};
}

int run_sync(Context& ctx, const SyncOptions& o) {
  const State before = ctx.read().state;
  SyncRequest request{ctx.journal, ctx.cache, ctx.env.vars, o.remote, 10s};
  const SyncReport report = sync_journal(request);
  if (report.remote.empty()) {
    throw UsageError(fmt::format(
        "no remote to sync with (the journal is committed in '{}'); add one with 'momentum sync "
        "--init URL', URL a git repository both machines reach (ssh://host/momentum.git)",
        report.dir.string()));
  }
  const Loaded after = ctx.read();
  const std::vector<Renumbered> changed = renumbered(before, after.state);
  const SyncView view{report, changed};
  if (ctx.global.json) {
    print_json(ctx, sync_json(view));
    return 0;
  }
  if (!ctx.global.quiet) print_sync(ctx.out, ctx.style, view);
  return 0;
}

}  // namespace

void setup_sync(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<SyncOptions>();
  CLI::App* sync = app.add_subcommand(
      "sync", "Share the journal through git: commit, pull (merge), push to origin");
  sync->add_option("--init", o->remote,
                   "Make the data directory a git repository (if needed) with origin REMOTE, "
                   "then sync")
      ->option_text("REMOTE");
  on_chosen(sync, action, [&ctx, o] { return run_sync(ctx, *o); });
}

}  // namespace momentum::cli
