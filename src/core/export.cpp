// The views behind `export`: the journal's lines, tasks by goal, check-ins by month, dates.
#include "momentum/export.hpp"

#include <algorithm>
#include <map>

#include "codec_read.hpp"

namespace momentum {
namespace {

std::string_view trim_end(std::string_view line) {
  const std::size_t end = line.find_last_not_of(" \t\r");
  return end == std::string_view::npos ? std::string_view{} : line.substr(0, end + 1);
}

// momentum writes "id" first; anything else gets the reader's full test (an object with "id").
bool is_event(std::string_view line) {
  return line.substr(0, 6) == R"({"id":)" || codec::is_whole_event(line);
}

Day first_of_month(Day day) {
  const std::chrono::year_month_day ymd{day};
  return std::chrono::sys_days{ymd.year() / ymd.month() / 1};
}

}  // namespace

JournalLines journal_lines(std::string_view text, std::size_t end) {
  JournalLines out;
  end = std::min(end, text.size());
  for (std::size_t pos = 0; pos < end;) {
    const std::size_t nl = std::min(text.find('\n', pos), end);
    const std::string_view line = trim_end(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (is_event(line)) {
      out.events.push_back(line);
    } else if (out.header.empty()) {
      out.header = line;
    }
  }
  return out;
}

std::vector<GoalTasks> tasks_by_goal(const State& state) {
  std::vector<GoalTasks> out(state.goals.size() + 1);
  for (std::size_t g = 0; g < state.goals.size(); ++g) out[g].goal = static_cast<int>(g);
  for (std::size_t t = 0; t < state.tasks.size(); ++t) {
    const std::optional<int> goal = state.tasks[t].goal;
    out[goal ? static_cast<std::size_t>(*goal) : state.goals.size()].tasks.push_back(
        static_cast<int>(t));
  }
  std::erase_if(out, [](const GoalTasks& g) { return g.tasks.empty(); });
  return out;
}

std::vector<LogMonth> log_months(const State& state) {
  std::map<Day, LogMonth> months;
  const auto month = [&](Day day) -> LogMonth& {
    LogMonth& m = months[first_of_month(day)];
    m.first = first_of_month(day);
    return m;
  };
  for (std::size_t i = 0; i < state.logs.size(); ++i) {
    if (!state.logs[i].removed) month(state.logs[i].day).logs.push_back(static_cast<int>(i));
  }
  for (std::size_t i = 0; i < state.skips.size(); ++i) {
    if (!state.skips[i].removed) month(state.skips[i].day).skips.push_back(static_cast<int>(i));
  }
  std::vector<LogMonth> out;
  for (auto& [first, m] : months) {
    // Indexes follow numbers; a stable sort by day keeps a day's entries in number order.
    std::stable_sort(m.logs.begin(), m.logs.end(),
                     [&](int a, int b) { return state.log(a).day < state.log(b).day; });
    std::stable_sort(m.skips.begin(), m.skips.end(),
                     [&](int a, int b) { return state.skip(a).day < state.skip(b).day; });
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<DatedItem> dated_items(const State& state) {
  std::vector<DatedItem> out;
  for (std::size_t i = 0; i < state.tasks.size(); ++i) {
    const Task& t = state.tasks[i];
    if (!t.due || t.status == TaskStatus::dropped) continue;
    out.push_back({DatedItem::Kind::task_due, static_cast<int>(i), *t.due, *t.due});
  }
  for (std::size_t i = 0; i < state.sprints.size(); ++i) {
    const Sprint& s = state.sprints[i];
    out.push_back({DatedItem::Kind::sprint, static_cast<int>(i), s.start, s.end});
  }
  return out;
}

}  // namespace momentum
