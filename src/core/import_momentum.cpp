// `import --from momentum`: a momentum export's header and events, each read by the codec.
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <numeric>
#include <unordered_set>

#include "codec_read.hpp"
#include "import_util.hpp"
#include "momentum/codec.hpp"
#include "momentum/error.hpp"
#include "momentum/import.hpp"

namespace momentum {
namespace {

using nlohmann::ordered_json;

// The export format's version this momentum reads (cli/export_json.cpp writes it).
constexpr int export_version = 1;

// The header's line, checked as replay checks a journal's first line; empty for null.
std::string header_of(const ordered_json& header, std::string_view source) {
  if (header.is_null()) return {};
  if (!header.is_object() || !(header.contains("momentum") || header.contains("version"))) {
    throw UsageError(fmt::format(
        "{}: 'header' is not a journal header ({{\"momentum\":\"journal\",…}}) or null", source));
  }
  std::string line = header.dump();
  codec::LineRead read;
  try {
    const simdjson::padded_string padded(line);
    simdjson::ondemand::parser parser;
    read = codec::read_line(padded, parser);
  } catch (const simdjson::simdjson_error& e) {
    throw UsageError(fmt::format("{}: 'header': {}", source, e.what()));
  } catch (const UsageError& e) {
    throw UsageError(fmt::format("{}: 'header': {}", source, e.what()));
  }
  if (read.header_problem) {
    throw UsageError(fmt::format("{}: 'header': {}", source, *read.header_problem));
  }
  return line;
}

// Every item of `events`, read by the codec as replay reads a journal line.
std::vector<Event> events_of(const ordered_json& events, std::string_view source) {
  if (!events.is_array()) {
    throw UsageError(fmt::format("{}: 'events' is not an array of journal events", source));
  }
  std::vector<Event> out;
  out.reserve(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (!events[i].is_object()) {
      throw UsageError(fmt::format("{}: events[{}] is not a JSON object", source, i));
    }
    try {
      out.push_back(read_event(events[i].dump()));
    } catch (const UsageError& e) {
      throw UsageError(fmt::format("{}: events[{}]: {}", source, i, e.what()));
    }
  }
  return out;
}

// Leaves out the events whose id an event before them in replay's (ts, id) order holds: replay
// reads only that first one.
void drop_repeated_ids(MomentumExport& batch) {
  std::vector<std::size_t> order(batch.events.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Stamp& x = batch.events[a].stamp;
    const Stamp& y = batch.events[b].stamp;
    return x.ts != y.ts ? x.ts < y.ts : x.id < y.id;
  });
  std::vector<bool> keep(batch.events.size(), false);
  std::unordered_set<std::string_view> seen;
  for (const std::size_t i : order) keep[i] = seen.insert(batch.events[i].stamp.id).second;
  std::vector<Event> kept;
  kept.reserve(batch.events.size());
  for (std::size_t i = 0; i < batch.events.size(); ++i) {
    if (keep[i]) {
      kept.push_back(std::move(batch.events[i]));
    } else {
      batch.skipped.push_back({fmt::format("events[{}] ({})", i, batch.events[i].stamp.id),
                               "a repeated event id: replay reads only the first"});
    }
  }
  batch.events = std::move(kept);
}

}  // namespace

bool is_momentum_export(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte-order mark
  const auto take = [&](std::string_view token) {
    const auto first = text.find_first_not_of(" \t\r\n");
    text.remove_prefix(first == std::string_view::npos ? text.size() : first);
    if (!text.starts_with(token)) return false;
    text.remove_prefix(token.size());
    return true;
  };
  return take("{") && take("\"momentum\"") && take(":") && take("\"export\"");
}

MomentumExport parse_momentum_export(std::string_view text, std::string_view source) {
  ordered_json doc;
  try {
    doc = ordered_json::parse(text);
  } catch (const ordered_json::parse_error& e) {
    const import_util::JsonError at = import_util::json_error(text, 0, e);
    throw UsageError(fmt::format("{}:{}: not a momentum export: {}", source, at.line, at.why));
  }
  if (!doc.is_object() || !doc.contains("momentum") || doc["momentum"] != "export") {
    throw UsageError(
        fmt::format("{}: not a momentum export (a JSON object with \"momentum\":\"export\", as "
                    "'momentum export --format json' writes)",
                    source));
  }
  const auto version = doc.find("version");
  if (version == doc.end() || !version->is_number_integer()) {
    throw UsageError(fmt::format("{}: 'version' is missing or not an integer", source));
  }
  if (*version != export_version) {
    throw UsageError(
        fmt::format("{}: export version {} is not supported; this momentum reads "
                    "version {}",
                    source, version->dump(), export_version));
  }
  for (const char* member : {"header", "events"}) {
    if (!doc.contains(member)) throw UsageError(fmt::format("{}: '{}' is missing", source, member));
  }
  MomentumExport batch;
  batch.header = header_of(doc["header"], source);
  batch.events = events_of(doc["events"], source);
  drop_repeated_ids(batch);
  return batch;
}

}  // namespace momentum
