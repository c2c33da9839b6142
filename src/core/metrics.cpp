#include "momentum/metrics.hpp"

#include <algorithm>
#include <set>

#include "momentum/minutes.hpp"
#include "momentum/recent.hpp"

namespace momentum {
namespace {

bool in(const Window& w, Day day) { return day >= w.first && day <= w.last; }

bool in(const Window& w, std::optional<Day> day) { return day && in(w, *day); }

bool matches(const Window& w, std::optional<int> goal) { return !w.goal || goal == w.goal; }

int days_between(Day from, Day to) { return static_cast<int>((to - from).count()); }

std::optional<double> ratio(int num, int den) {
  if (den == 0) return std::nullopt;
  return static_cast<double>(num) / static_cast<double>(den);
}

bool done_in(const Window& w, const Task& t) { return done_between(t, w.first, w.last); }

// Open at some point of the window: created by its end, not finished before its start.
bool live_in(const Window& w, const Task& t) {
  return t.created_day <= w.last && (!t.finished_day || *t.finished_day >= w.first);
}

// A task marked done without `task start` began, at the latest, on its done day.
std::optional<Day> start_day(const Task& t) {
  if (t.started_day) return t.started_day;
  if (t.status == TaskStatus::done) return t.finished_day;
  return std::nullopt;
}

StartDelay start_delay(const State& state, const Window& w) {
  std::vector<int> all, high, low;
  for (const Task& t : state.tasks) {
    const std::optional<Day> started = start_day(t);
    if (!matches(w, t.goal) || !in(w, started)) continue;
    const int d = std::max(0, days_between(t.created_day, *started));
    all.push_back(d);
    if (t.importance >= 4) high.push_back(d);
    if (t.importance <= 2) low.push_back(d);
  }
  StartDelay s;
  s.tasks = static_cast<int>(all.size());
  s.median = median(all);
  s.important = median(high);
  s.unimportant = median(low);
  if (s.important && s.unimportant) s.difference = *s.important - *s.unimportant;
  return s;
}

void task_metrics(const State& state, const Window& w, Day today, const Config& config,
                  Metrics& m) {
  for (std::size_t i = 0; i < state.tasks.size(); ++i) {
    const Task& t = state.tasks[i];
    if (!matches(w, t.goal)) continue;
    const auto deferred = std::count_if(t.deferrals.begin(), t.deferrals.end(),
                                        [&](const Deferral& d) { return in(w, d.day); });
    m.deferrals += static_cast<int>(deferred);
    if (live_in(w, t)) ++m.live_tasks;
    if (live_in(w, t) && deferred > 0) ++m.deferred_tasks;
    if (in(w, t.created_day)) ++m.created;
    if (done_in(w, t)) ++m.completed;
    if (done_in(w, t) && t.due) {
      ++m.due_done;
      if (*t.finished_day <= *t.due) ++m.on_time;
    }
    if (!is_open(t.status)) continue;
    const int index = static_cast<int>(i);
    ++m.open_tasks;
    if (deferred_chronically(t)) m.chronic.push_back(index);
    if (t.due && *t.due < today) m.overdue.push_back(index);
    if (days_between(t.last_activity_day, today) >= config.stale_days) m.stale.push_back(index);
  }
  m.on_time_rate = ratio(m.on_time, m.due_done);
  m.follow_through = ratio(m.completed, m.created);
}

}  // namespace

std::optional<double> learn_share(const State& state, const Window& w) {
  const Minutes minutes = minutes_in(state, {w.first, w.last, w.goal, std::nullopt});
  return ratio(minutes.learn, minutes.learn + minutes.doing);
}

namespace {

void log_metrics(const State& state, const Window& w, const Config& config, Metrics& m) {
  int resistance_sum = 0;
  const LogRange range{w.first, w.last, w.goal, std::nullopt};
  const Minutes minutes = minutes_in(state, range);
  m.learn_minutes = minutes.learn;
  m.do_minutes = minutes.doing;
  for (const LogEntry& l : state.logs) {
    if (covers(range, l) && l.resistance) {
      ++m.resistance_reports;
      resistance_sum += *l.resistance;
    }
  }
  m.learn_share = ratio(m.learn_minutes, m.learn_minutes + m.do_minutes);
  m.comfort_zone = m.learn_share && *m.learn_share > config.comfort_threshold;
  m.resistance = ratio(resistance_sum, m.resistance_reports);
}

// The first day anything was recorded (for the window's goal only, when it has one). In a
// recent State, what its History left out is before its cutoff: a left-out day counts as it
// is, and a left-out task (whose creation day is gone) as the day before the cutoff, which is
// exact where it matters, for a window from the cutoff on (answers_metrics()).
std::optional<Day> journal_start(const State& state, const Window& w) {
  std::optional<Day> first;
  const auto see = [&](Day d) { first = first ? std::min(*first, d) : d; };
  const auto see_front = [&](const std::vector<Day>& days) {
    if (!days.empty()) see(days.front());
  };
  if (const auto& h = state.history) {
    // Goals added since the History was made have nothing left out.
    for (std::size_t g = 0; g < h->logged.size(); ++g) {
      if (w.goal && static_cast<int>(g) != *w.goal) continue;
      see_front(h->logged[g]);
      if (g < h->skipped.size()) see_front(h->skipped[g]);
      if (g < h->goal_tasks_done.size() && h->goal_tasks_done[g] > 0) {
        see(h->cutoff - std::chrono::days{1});
      }
    }
    if (!w.goal) {
      see_front(h->any_logged);
      see_front(h->rested);
      if (h->tasks > 0) see(h->cutoff - std::chrono::days{1});
    }
  }
  for (std::size_t g = 0; g < state.goals.size(); ++g) {
    if (!w.goal || static_cast<int>(g) == *w.goal) see(state.goals[g].created_day);
  }
  for (const Task& t : state.tasks)
    if (matches(w, t.goal)) see(t.created_day);
  for (const LogEntry& l : state.logs)
    if (!l.removed && matches(w, l.goal)) see(l.day);
  for (const Skip& s : state.skips)
    if (!s.removed && (!s.goal || matches(w, s.goal))) see(s.day);
  return first;
}

void gap_metrics(const State& state, const Window& w, Day today, Metrics& m) {
  const std::optional<Day> start = journal_start(state, w);
  if (!start) return;
  std::set<Day> covered;  // a check-in or a rest day
  for (const LogEntry& l : state.logs)
    if (!l.removed && matches(w, l.goal)) covered.insert(l.day);
  for (const Skip& s : state.skips)
    if (!s.removed && (!s.goal || matches(w, s.goal))) covered.insert(s.day);
  int run = 0;
  for (Day d = std::max(w.first, *start); d <= std::min(w.last, today); d += std::chrono::days{1}) {
    ++m.counted_days;
    run = covered.count(d) ? 0 : run + 1;
    if (run > 0) ++m.gap_days;
    m.longest_gap = std::max(m.longest_gap, run);
  }
  m.gap_share = ratio(m.gap_days, m.counted_days);
}

std::optional<double> complement(std::optional<double> share) {
  if (!share) return std::nullopt;
  return 1 - std::min(1.0, *share);
}

std::vector<Component> components(const Metrics& m) {
  std::optional<double> delay, resistance;
  if (m.start_delay.median)
    delay = std::min(*m.start_delay.median, start_delay_cap) / start_delay_cap;
  if (m.resistance) resistance = (*m.resistance - 1) / 4;
  return {{"start_delay", 15, delay},
          {"deferrals", 15, ratio(m.deferred_tasks, m.live_tasks)},
          {"late", 15, complement(m.on_time_rate)},
          {"overdue", 10, ratio(static_cast<int>(m.overdue.size()), m.open_tasks)},
          {"stale", 10, ratio(static_cast<int>(m.stale.size()), m.open_tasks)},
          {"unfinished", 15, complement(m.follow_through)},
          {"gaps", 10, m.gap_share},
          {"resistance", 10, resistance}};
}

}  // namespace

Window default_window(Day today, int days) {
  return Window{today - std::chrono::days{days - 1}, today, std::nullopt};
}

std::optional<double> median(std::vector<int> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  if (values.size() % 2 == 1) return values[mid];
  return (values[mid - 1] + values[mid]) / 2.0;
}

std::optional<double> procrastination_index(const std::vector<Component>& parts) {
  double sum = 0, weights = 0;
  for (const Component& c : parts) {
    if (!c.value) continue;
    sum += c.weight * *c.value;
    weights += c.weight;
  }
  if (weights == 0) return std::nullopt;
  return 100 * sum / weights;
}

bool answers_metrics(const State& state, const Window& window) {
  if (!holds_since(state, window.first)) return false;
  if (!state.history || !window.goal || state.history->tasks == 0) return true;
  const std::optional<Day> start = journal_start(state, window);
  return start && *start <= window.first;
}

Metrics compute_metrics(const State& state, const Window& window, Day today, const Config& config) {
  Metrics m;
  m.window = window;
  m.start_delay = start_delay(state, window);
  task_metrics(state, window, today, config, m);
  log_metrics(state, window, config, m);
  gap_metrics(state, window, today, m);
  m.components = components(m);
  m.index = procrastination_index(m.components);
  return m;
}

}  // namespace momentum
