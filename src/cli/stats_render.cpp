#include "cli/stats_render.hpp"

#include <fmt/format.h>

#include <cmath>

#include "cli/render.hpp"

namespace momentum::cli {
namespace {

using nlohmann::ordered_json;

std::string percent(std::optional<double> share) {
  return share ? fmt::format("{:.0f}%", std::round(*share * 100)) : "n/a";
}

// Days with at most one decimal: "10", "8.5".
std::string days_value(double days) {
  return fmt::format("{} {}", std::round(days * 10) / 10, days == 1 ? "day" : "days");
}

std::string count(std::size_t n, std::string_view one, std::string_view many) {
  return plural(n, one, many);
}

std::size_t size(int n) { return static_cast<std::size_t>(n); }

// One metric: a label, its value, and what it means.
void row(std::ostream& out, const Style& style, std::string_view label, const std::string& value,
         const std::string& reading) {
  const std::string line = fmt::format("{:<15}{:<12}{}", label, value, reading);
  out << truncate(line, static_cast<std::size_t>(style.width), style.utf8) << '\n';
}

void delay_rows(std::ostream& out, const Style& style, const StartDelay& d) {
  row(out, style, "Start delay", d.median ? days_value(*d.median) : "n/a",
      d.median ? fmt::format("median days from adding to starting ({})",
                             count(size(d.tasks), "task", "tasks"))
               : "no task was started in this window");
  const auto reading = importance_reading(d);
  row(out, style, "By importance",
      d.difference ? fmt::format("{:+}", std::round(*d.difference * 10) / 10) : "n/a",
      reading ? *reading : "needs important (4-5) and easy (1-2) tasks started in the window");
}

void task_rows(std::ostream& out, const Style& style, const Metrics& m, int stale_days) {
  row(out, style, "Deferrals", std::to_string(m.deferrals),
      fmt::format("{} of {} deferred in the window; {} chronic", m.deferred_tasks,
                  count(size(m.live_tasks), "task", "tasks"), m.chronic.size()));
  row(out, style, "On time", percent(m.on_time_rate),
      m.on_time_rate ? fmt::format("{} of {} with a due day done by it", m.on_time, m.due_done)
                     : "no task with a due day was done in this window");
  row(out, style, "Overdue", std::to_string(m.overdue.size()),
      fmt::format("of {} open now, past their due day", m.open_tasks));
  row(out, style, "Stale", std::to_string(m.stale.size()),
      fmt::format("open tasks untouched for {}+ days: one day, or never?", stale_days));
  row(out, style, "Follow-through", percent(m.follow_through),
      m.follow_through ? fmt::format("{} done for {} added", m.completed, m.created)
                       : fmt::format("{} done; no task was added in this window", m.completed));
}

std::string learn_reading(const Metrics& m) {
  if (!m.learn_share) return "no minutes logged in this window";
  if (m.comfort_zone) return "learning in your comfort zone, not solving problems";
  return fmt::format("learn {} vs do {}: a healthy loop", minutes_text(m.learn_minutes),
                     minutes_text(m.do_minutes));
}

void habit_rows(std::ostream& out, const Style& style, const Metrics& m) {
  row(out, style, "Learn share", percent(m.learn_share), learn_reading(m));
  row(out, style, "Gap days",
      m.gap_share ? fmt::format("{} of {}", m.gap_days, m.counted_days) : "n/a",
      m.gap_share ? fmt::format("days without a check-in; the longest run {}",
                                count(size(m.longest_gap), "day", "days"))
                  : "nothing recorded in this window yet");
  row(out, style, "Resistance", m.resistance ? fmt::format("{:.1f}", *m.resistance) : "n/a",
      m.resistance ? fmt::format("mean of {} (1 easy, 5 hard)",
                                 count(size(m.resistance_reports), "report", "reports"))
                   : "no check-in reported it (log --resistance N)");
}

void task_list(std::ostream& out, const Style& style, const State& state, std::string_view heading,
               const std::vector<int>& tasks, bool chronic, Day today) {
  if (tasks.empty()) return;
  out << '\n' << heading << '\n';
  for (int i : tasks) {
    const Task& t = state.tasks[static_cast<std::size_t>(i)];
    const std::string why = chronic
                                ? fmt::format("deferred {}x", t.deferrals.size())
                                : fmt::format("idle {}d", (today - t.last_activity_day).count());
    const std::string line = fmt::format("  #{} {}  ({})", t.num, escape(t.title), why);
    out << truncate(line, static_cast<std::size_t>(style.width), style.utf8) << '\n';
  }
}

std::string bar(const Style& style, double value) {
  const auto full = static_cast<int>(std::lround(value * 10));
  std::string out;
  for (int i = 0; i < 10; ++i)
    out += i < full ? (style.utf8 ? "█" : "#") : (style.utf8 ? "░" : ".");
  return out;
}

std::string_view component_label(std::string_view name) {
  if (name == "start_delay") return "start delay";
  return name;
}

void index_lines(std::ostream& out, const Style& style, const Metrics& m) {
  out << '\n'
      << paint(style,
               fmt::format("Procrastination index {}",
                           m.index ? fmt::format("{:.0f}/100", *m.index) : "n/a"),
               fmt::emphasis::bold)
      << "  (0 = none; a full bar = worst)\n"
      << fmt::format("  {:<12} {:>6}  {}\n", "part", "weight", "share");
  for (const Component& c : m.components) {
    const std::string value = c.value
                                  ? fmt::format("{} {:>4}", bar(style, *c.value), percent(c.value))
                                  : "n/a (left out)";
    out << fmt::format("  {:<12} {:>6}  {}\n", component_label(c.name), c.weight, value);
  }
}

ordered_json number(std::optional<double> v) {
  return v ? ordered_json(std::round(*v * 1000) / 1000) : ordered_json(nullptr);
}

ordered_json task_refs(const State& state, const std::vector<int>& tasks, Day today) {
  ordered_json out = ordered_json::array();
  for (int i : tasks) {
    const Task& t = state.tasks[static_cast<std::size_t>(i)];
    out.push_back({{"task", t.num},
                   {"title", t.title},
                   {"deferrals", t.deferrals.size()},
                   {"due", t.due ? ordered_json(format_day(*t.due)) : ordered_json(nullptr)},
                   {"idle_days", (today - t.last_activity_day).count()}});
  }
  return out;
}

ordered_json index_json(const Metrics& m) {
  ordered_json parts = ordered_json::array();
  for (const Component& c : m.components) {
    parts.push_back({{"name", c.name}, {"weight", c.weight}, {"value", number(c.value)}});
  }
  return {{"value", m.index ? ordered_json(std::round(*m.index * 10) / 10) : ordered_json(nullptr)},
          {"components", parts}};
}

}  // namespace

std::optional<std::string> importance_reading(const StartDelay& d) {
  if (!d.difference) return std::nullopt;
  const double diff = std::round(*d.difference * 10) / 10;
  if (diff == 0) return "you start important and easy tasks equally soon";
  return fmt::format("you start important tasks {} {} than easy ones", days_value(std::abs(diff)),
                     diff > 0 ? "later" : "sooner");
}

void print_stats(std::ostream& out, const Style& style, const StatsView& view) {
  const Metrics& m = view.metrics;
  const std::string scope =
      m.window.goal
          ? fmt::format("goal {}", view.state.goals[static_cast<std::size_t>(*m.window.goal)].num)
          : "all goals";
  out << paint(style,
               fmt::format("Procrastination report {} to {}, {}", format_day(m.window.first),
                           format_day(m.window.last), scope),
               fmt::emphasis::bold)
      << "\n\n";
  delay_rows(out, style, m.start_delay);
  task_rows(out, style, m, view.stale_days);
  habit_rows(out, style, m);
  task_list(out, style, view.state,
            "Chronic: deferred 3+ times; break each into a smaller first step", m.chronic, true,
            view.today);
  task_list(out, style, view.state,
            fmt::format("Stale: no activity for {}+ days; do, defer or drop", view.stale_days),
            m.stale, false, view.today);
  index_lines(out, style, m);
}

ordered_json stats_json(const State& state, const Metrics& m, Day today, const Config& config) {
  const StartDelay& d = m.start_delay;
  const auto goal = m.window.goal
                        ? ordered_json(state.goals[static_cast<std::size_t>(*m.window.goal)].num)
                        : ordered_json(nullptr);
  return {
      {"window",
       {{"first", format_day(m.window.first)},
        {"last", format_day(m.window.last)},
        {"goal", goal}}},
      {"start_delay",
       {{"tasks", d.tasks},
        {"median", number(d.median)},
        {"important", number(d.important)},
        {"unimportant", number(d.unimportant)},
        {"difference", number(d.difference)}}},
      {"deferrals",
       {{"count", m.deferrals},
        {"live_tasks", m.live_tasks},
        {"deferred_tasks", m.deferred_tasks},
        {"chronic", task_refs(state, m.chronic, today)}}},
      {"on_time",
       {{"done_with_due", m.due_done}, {"on_time", m.on_time}, {"rate", number(m.on_time_rate)}}},
      {"overdue", {{"open_tasks", m.open_tasks}, {"tasks", task_refs(state, m.overdue, today)}}},
      {"stale", {{"days", config.stale_days}, {"tasks", task_refs(state, m.stale, today)}}},
      {"follow_through",
       {{"created", m.created}, {"completed", m.completed}, {"rate", number(m.follow_through)}}},
      {"learn_share",
       {{"learn_minutes", m.learn_minutes},
        {"do_minutes", m.do_minutes},
        {"share", number(m.learn_share)},
        {"threshold", config.comfort_threshold},
        {"comfort_zone", m.comfort_zone}}},
      {"gaps",
       {{"days", m.gap_days},
        {"counted_days", m.counted_days},
        {"longest", m.longest_gap},
        {"share", number(m.gap_share)}}},
      {"resistance", {{"reports", m.resistance_reports}, {"mean", number(m.resistance)}}},
      {"index", index_json(m)}};
}

}  // namespace momentum::cli
