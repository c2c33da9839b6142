#pragma once
// The procrastination metrics of `stats` (docs/design.md §4, docs/procrastination.md): start delay,
// deferrals, on-time rate, overdue, stale, follow-through, learn share, gap days, resistance
// and the 0–100 procrastination index. Pure: the shell passes the window, `today` and config.
// Every ratio whose denominator is zero is an empty optional ("n/a"), never NaN.

#include <optional>
#include <string_view>
#include <vector>

#include "momentum/day.hpp"
#include "momentum/state.hpp"

namespace momentum {

// The days `first` through `last` (inclusive), optionally only goal `goal` (an index).
struct Window {
  Day first{};
  Day last{};
  std::optional<int> goal;
};

// The `days` days ending `today` (28 by default), for all goals.
Window default_window(Day today, int days = 28);

// Start delay of the tasks started in the window, overall and by importance.
struct StartDelay {
  int tasks = 0;                      // tasks started in the window
  std::optional<double> median;       // median days from creation to start
  std::optional<double> important;    // median for importance 4–5
  std::optional<double> unimportant;  // median for importance 1–2
  std::optional<double> difference;   // important − unimportant
};

// The procrastination index's parts: a share in [0, 1] (1 = worst) and its weight.
struct Component {
  std::string_view name;        // "start_delay", "deferrals", … (stable, for JSON)
  double weight = 0;            // out of 100 over all components
  std::optional<double> value;  // n/a components are left out of the index
};

struct Metrics {
  Window window;
  StartDelay start_delay;
  int deferrals = 0;                     // deferral events made in the window
  int live_tasks = 0;                    // tasks open at some point in the window
  int deferred_tasks = 0;                // ... of which deferred in the window
  std::vector<int> chronic;              // open tasks deferred 3+ times in all (indexes)
  int due_done = 0;                      // done in the window with a due day
  int on_time = 0;                       // ... of which done on or before it
  std::optional<double> on_time_rate;    // on_time ÷ due_done
  int open_tasks = 0;                    // open on `today`
  std::vector<int> overdue;              // open tasks due before `today` (indexes)
  std::vector<int> stale;                // open, untouched for config.stale_days+ days
  int created = 0;                       // tasks created in the window
  int completed = 0;                     // tasks done in the window
  std::optional<double> follow_through;  // completed ÷ created; may exceed 1
  int learn_minutes = 0;
  int do_minutes = 0;
  std::optional<double> learn_share;  // learn ÷ (learn + do)
  bool comfort_zone = false;          // learn_share above config.comfort_threshold
  int counted_days = 0;               // window days on or after the journal's start, to today
  int gap_days = 0;                   // ... with no check-in and no rest day
  int longest_gap = 0;                // the longest run of gap days
  std::optional<double> gap_share;    // gap_days ÷ counted_days
  int resistance_reports = 0;
  std::optional<double> resistance;   // mean reported resistance, 1–5
  std::vector<Component> components;  // the index's parts, in a fixed order
  std::optional<double> index;        // 0–100; n/a when every component is
};

// The median of `values` (the mean of the middle two for an even count); nullopt when empty.
std::optional<double> median(std::vector<int> values);

// The learn share of the check-ins in `window`: learn ÷ (learn + do) minutes; none without any.
std::optional<double> learn_share(const State& state, const Window& window);

// Tasks deferred this many times or more are chronic.
inline constexpr int chronic_deferrals = 3;

// True when `task` has been deferred chronic_deferrals times or more (docs/procrastination.md).
inline bool deferred_chronically(const TaskFacts& task) {
  return task.deferrals >= chronic_deferrals;
}
inline bool deferred_chronically(const Task& task) {
  return task.deferrals.size() >= static_cast<std::size_t>(chronic_deferrals);
}

// Start delays are capped here (days) when they enter the index.
inline constexpr double start_delay_cap = 14;

// 100 · Σ weight·value ÷ Σ weight over the parts that have a value; nullopt if none.
std::optional<double> procrastination_index(const std::vector<Component>& parts);

// Every metric over `window`, open-task lists as of `today`, thresholds from `config`.
Metrics compute_metrics(const State& state, const Window& window, Day today, const Config& config);

// True when compute_metrics() over `window` gives on `state` (full or recent) what it gives on
// the full State: a recent State holds the window, and what it left out can only tell that
// the journal started before the window (where the gap days are counted from). False only
// when that is unknown: a goal's window on a recent State that left out tasks it cannot
// attribute (a dropped task is counted nowhere).
bool answers_metrics(const State& state, const Window& window);

}  // namespace momentum
