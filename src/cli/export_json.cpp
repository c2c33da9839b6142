// `export --format json`: the journal's history, event by event, and the state it replays to.
#include <nlohmann/json.hpp>

#include "cli/export_render.hpp"
#include "cli/json_out.hpp"
#include "cli/sprint_view.hpp"
#include "momentum/day.hpp"

namespace momentum::cli {
namespace {

using nlohmann::ordered_json;

// The export's own format version; a reader refuses a version it does not know.
constexpr int export_version = 1;

std::string dump(const ordered_json& value) {
  return value.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

// `"name":[` then one item a line, each from `item(i)` for the indexes `keep` accepts.
template <class Item, class Keep>
void print_array(std::ostream& out, std::string_view name, std::size_t count, Keep keep,
                 Item item) {
  out << '"' << name << "\":[";
  bool first = true;
  for (std::size_t i = 0; i < count; ++i) {
    if (!keep(i)) continue;
    out << (first ? "\n" : ",\n") << dump(item(static_cast<int>(i)));
    first = false;
  }
  out << (first ? "]" : "\n]");
}

void print_state(std::ostream& out, const ExportView& view) {
  const State& s = view.state;
  const auto all = [](std::size_t) { return true; };
  out << "\"state\":{\n";
  print_array(out, "goals", s.goals.size(), all,
              [&](int i) { return goal_json(s, i, view.today); });
  out << ",\n";
  const std::vector<TaskView> tasks = task_views(s, view.today);
  print_array(out, "tasks", s.tasks.size(), all,
              [&](int i) { return task_json(s, i, tasks[static_cast<std::size_t>(i)]); });
  out << ",\n";
  print_array(
      out, "logs", s.logs.size(), [&](std::size_t i) { return !s.logs[i].removed; },
      [&](int i) { return log_json(s, i); });
  out << ",\n";
  print_array(
      out, "skips", s.skips.size(), [&](std::size_t i) { return !s.skips[i].removed; },
      [&](int i) { return skip_json(s, i); });
  out << ",\n";
  print_array(out, "sprints", s.sprints.size(), all,
              [&](int i) { return sprint_json(s, i, view.today); });
  out << "\n}";
}

}  // namespace

void print_export_json(std::ostream& out, const ExportView& view, const JournalLines& lines) {
  out << R"({"momentum":"export","version":)" << export_version << R"(,"exported":")"
      << format_timestamp(view.now) << "\",\n\"header\":";
  if (lines.header.empty())
    out << "null";
  else
    out << lines.header;
  out << ",\n\"events\":[";
  for (std::size_t i = 0; i < lines.events.size(); ++i) {
    out << (i == 0 ? "\n" : ",\n") << lines.events[i];
  }
  out << (lines.events.empty() ? "],\n" : "\n],\n");
  print_state(out, view);
  out << "\n}\n";
}

}  // namespace momentum::cli
