// momentum check [--repair]: validates the whole journal; --repair moves the lines replay
// cannot use to the quarantine file beside it and rewrites the rest (docs/check.md).
#include <fmt/format.h>

#include "cli/check_render.hpp"
#include "cli/json_out.hpp"
#include "cli/options.hpp"
#include "momentum/check.hpp"
#include "momentum/error.hpp"
#include "momentum/store/journal.hpp"

namespace momentum::cli {
namespace {

struct CheckOptions {
  bool repair = false;
};

// A journal that is not there cannot be checked: a mistake in the command (a wrong path).
void require_journal(const Context& ctx) {
  if (journal_exists(ctx.journal)) return;
  throw UsageError(fmt::format(
      "no journal at '{}' to check; momentum creates it with the first change (see --journal)",
      ctx.journal.string()));
}

// The journal's bytes, read whole.
std::string journal_bytes(const Context& ctx) {
  auto bytes = read_journal(ctx.journal);
  if (!bytes) require_journal(ctx);  // it went away since
  return bytes ? std::move(*bytes) : std::string();
}

// Under the lock, so that no writer appends between the check and the rewrite.
std::optional<Repaired> repair(const Context& ctx, const std::string& bytes,
                               const CheckReport& report) {
  if (!report.repairable) {
    throw StorageError(fmt::format("cannot repair '{}': {}", ctx.journal.string(),
                                   report.findings.front().message));
  }
  if (!report.needs_repair()) return std::nullopt;
  const Repair plan = plan_repair(bytes, report);
  rewrite_journal(ctx.journal, plan.journal, quarantine_path(ctx.journal), plan.quarantine);
  return Repaired{plan.moved, report.needs_header};
}

void print(const Context& ctx, const CheckView& view) {
  if (ctx.global.json) {
    print_json(ctx, check_json(view));
  } else if (!ctx.global.quiet || view.report.problems() > 0) {
    print_check(ctx.out, ctx.style, view);
  }
}

int run_check(const Context& ctx, const CheckOptions& o) {
  const std::string quarantine = quarantine_path(ctx.journal).string();
  require_journal(ctx);
  if (!o.repair) {
    const std::string bytes = journal_bytes(ctx);
    const CheckReport report = check_journal(bytes, ctx.clock.now);
    print(ctx, {ctx.journal.string(), quarantine, report, false, std::nullopt});
    return report.problems() > 0 ? 3 : 0;
  }
  const JournalLock lock(ctx.journal, lock_timeout);
  const std::string locked = journal_bytes(ctx);
  const CheckReport report = check_journal(locked, ctx.clock.now);
  std::optional<Repaired> repaired = repair(ctx, locked, report);
  print(ctx, {ctx.journal.string(), quarantine, report, true, std::move(repaired)});
  return 0;
}

}  // namespace

void setup_check(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* check = app.add_subcommand(
      "check", "Validate the journal; exit 3 when it has problems (docs/check.md)");
  check->add_flag("--repair", o->repair,
                  "Move unusable lines to the quarantine file beside the journal and rewrite "
                  "the rest");
  on_chosen(check, action, [&ctx, o] { return run_check(ctx, *o); });
}

}  // namespace momentum::cli
