// The import framework: stable ids, and stamping a batch against the journal.
#include "momentum/import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace momentum {
namespace {

// FNV-1a over `key` from `basis`, then a SplitMix64 finish so that nearby keys spread.
std::uint64_t hash64(std::string_view key, std::uint64_t basis) {
  std::uint64_t h = basis;
  for (const char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

bool holds(const State& s, const Uuid& item) {
  return s.goal_index.contains(item) || s.task_ids().contains(item) || s.log_index.contains(item) ||
         s.skip_index.contains(item);
}

void count(ImportReport& r, const Op& op) {
  if (std::holds_alternative<GoalAdd>(op)) ++r.goals;
  if (std::holds_alternative<TaskAdd>(op)) ++r.tasks;
  if (const auto* log = std::get_if<LogAdd>(&op)) {
    ++r.checkins;
    if (log->note && !log->note->empty()) ++r.notes;
  }
  if (const auto* skip = std::get_if<SkipAdd>(&op)) {
    ++r.skips;
    if (skip->reason && !skip->reason->empty()) ++r.notes;
  }
}

}  // namespace

std::string_view to_string(ImportSource source) {
  switch (source) {
    case ImportSource::taskwarrior:
      return "taskwarrior";
    case ImportSource::harsh:
      return "harsh";
    case ImportSource::loop:
      return "loop";
    case ImportSource::momentum:
      return "momentum";
  }
  return "";
}

Uuid stable_import_id(std::string_view key) {
  std::uint64_t hi = hash64(key, 0xcbf29ce484222325ULL);
  std::uint64_t lo = hash64(key, 0x84222325cbf29ce4ULL ^ hi);
  hi = (hi & 0xffffffffffff0fffULL) | 0x0000000000008000ULL;  // version 8
  lo = (lo & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;  // RFC 9562 variant
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", hi >> 32, (hi >> 16) & 0xffff,
                     hi & 0xffff, lo >> 48, lo & 0xffffffffffffULL);
}

ImportPlan plan_import(const State& state, const ImportBatch& batch, const Clock& clock) {
  ImportPlan plan;
  plan.report.source = batch.source;
  plan.report.skipped = batch.skipped;
  const Timestamp later = state.last_ts + std::chrono::milliseconds{1};
  Timestamp ts = state.event_count == 0 ? clock.now : std::max(clock.now, later);
  std::set<Uuid> present;
  for (const ImportEvent& e : batch.events) {
    if (holds(state, e.item)) {
      present.insert(e.item);
      continue;
    }
    count(plan.report, e.op);
    ++plan.report.events;
    plan.events.push_back(Event{Stamp{e.id, ts, clock.utc_offset}, e.op});
    ts += std::chrono::milliseconds{1};
  }
  plan.report.present = static_cast<int>(present.size());
  return plan;
}

ImportPlan plan_momentum_import(const std::vector<Event>& journal, const MomentumExport& batch) {
  ImportPlan plan;
  plan.report.source = ImportSource::momentum;
  plan.report.skipped = batch.skipped;
  // `journal` is in (ts, id) order: the first event of an id is the one replay reads.
  std::unordered_map<std::string_view, const Event*> held;
  for (const Event& e : journal) held.emplace(e.stamp.id, &e);
  for (const Event& e : batch.events) {
    const auto it = held.find(e.stamp.id);
    if (it == held.end()) {
      count(plan.report, e.op);
      ++plan.report.events;
      plan.events.push_back(e);
    } else if (*it->second == e) {
      ++plan.report.present;
    } else {
      plan.report.skipped.push_back({fmt::format("event {} ({})", e.stamp.id, op_name(e.op)),
                                     "the journal holds another event with this id; it stays"});
    }
  }
  return plan;
}

}  // namespace momentum
