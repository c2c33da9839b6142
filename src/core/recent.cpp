// The recent part of a State, and the History of what it leaves out.
#include "momentum/recent.hpp"

#include <algorithm>

#include "momentum/streak.hpp"

namespace momentum {
namespace {

void sort_unique(std::vector<Day>& days) {
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
}

template <typename Entity>
void index_ids(const std::vector<Entity>& items, UuidIndex& index) {
  index.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) index.emplace(items[i].id, static_cast<int>(i));
}

// The tasks a recent State keeps: open ones, those active on or after `cutoff`, those any
// sprint plans and those a kept check-in names.
std::vector<bool> kept_tasks(const State& full, Day cutoff) {
  std::vector<bool> keep(full.tasks.size(), false);
  for (std::size_t i = 0; i < full.tasks.size(); ++i) {
    const Task& t = full.tasks[i];
    keep[i] = is_open(t.status) || t.created_day >= cutoff || t.last_activity_day >= cutoff ||
              (t.finished_day && *t.finished_day >= cutoff);
  }
  const auto mark = [&](std::optional<int> task) {
    if (task && *task >= 0 && static_cast<std::size_t>(*task) < keep.size()) {
      keep[static_cast<std::size_t>(*task)] = true;
    }
  };
  for (const Sprint& s : full.sprints) {
    for (const PlannedTask& p : s.planned) mark(p.task);
  }
  for (const LogEntry& l : full.logs) {
    if (l.day >= cutoff) mark(l.task);
  }
  return keep;
}

}  // namespace

State recent_state(const State& full, Day cutoff) {
  State out;
  History h;
  h.cutoff = cutoff;
  h.logged.resize(full.goals.size());
  h.goal_minutes.resize(full.goals.size());
  h.goal_tasks_done.resize(full.goals.size());
  h.skipped.resize(full.goals.size());

  out.goals = full.goals;
  out.goal_index = full.goal_index;
  out.sprints = full.sprints;
  out.sprint_index = full.sprint_index;

  const std::vector<bool> keep = kept_tasks(full, cutoff);
  std::vector<int> new_index(full.tasks.size(), -1);
  for (std::size_t i = 0; i < full.tasks.size(); ++i) {
    if (!keep[i]) {
      ++h.tasks;
      const Task& t = full.tasks[i];
      if (t.status == TaskStatus::done && t.goal && *t.goal >= 0 &&
          static_cast<std::size_t>(*t.goal) < full.goals.size()) {
        ++h.goal_tasks_done[static_cast<std::size_t>(*t.goal)];
      }
      continue;
    }
    new_index[i] = static_cast<int>(out.tasks.size());
    out.tasks.push_back(full.tasks[i]);
  }
  h.task_minutes.assign(out.tasks.size(), 0);
  // Every task a kept entity names is kept, so a reference maps to a kept task.
  const auto remap = [&](std::optional<int>& task) {
    if (task && *task >= 0 && static_cast<std::size_t>(*task) < new_index.size()) {
      task = new_index[static_cast<std::size_t>(*task)];
    }
  };
  for (Sprint& s : out.sprints) {
    for (PlannedTask& p : s.planned) {
      std::optional<int> task = p.task;
      remap(task);
      p.task = *task;
    }
  }

  const auto goal_slot = [&](std::optional<int> goal) {
    return goal && *goal >= 0 && static_cast<std::size_t>(*goal) < full.goals.size();
  };
  for (const LogEntry& l : full.logs) {
    if (l.day >= cutoff) {
      LogEntry& kept = out.logs.emplace_back(l);
      remap(kept.task);
      continue;
    }
    ++h.logs;
    if (l.removed) continue;
    h.any_logged.push_back(l.day);
    if (goal_slot(l.goal)) {
      const auto g = static_cast<std::size_t>(*l.goal);
      h.logged[g].push_back(l.day);
      ++h.goal_minutes[g].checkins;
      (l.kind == Kind::learn ? h.goal_minutes[g].learn : h.goal_minutes[g].doing) +=
          l.minutes.value_or(0);
    }
    if (l.task && *l.task >= 0 && static_cast<std::size_t>(*l.task) < new_index.size()) {
      if (const int t = new_index[static_cast<std::size_t>(*l.task)]; t >= 0) {
        h.task_minutes[static_cast<std::size_t>(t)] += l.minutes.value_or(0);
      }
    }
  }
  h.sprint_minutes.resize(full.sprints.size());
  for (const LogEntry& l : full.logs) {
    if (l.day >= cutoff || l.removed) continue;
    for (std::size_t s = 0; s < full.sprints.size(); ++s) {
      const Sprint& sprint = full.sprints[s];
      if (l.day < sprint.start || l.day > sprint.end) continue;
      Minutes& m = h.sprint_minutes[s];
      ++m.checkins;
      (l.kind == Kind::learn ? m.learn : m.doing) += l.minutes.value_or(0);
    }
  }
  for (const Skip& k : full.skips) {
    if (k.day >= cutoff) {
      out.skips.push_back(k);
      continue;
    }
    ++h.skips;
    if (k.removed) continue;
    if (!k.goal) {
      h.rested.push_back(k.day);
      for (std::vector<Day>& days : h.skipped) days.push_back(k.day);
    } else if (goal_slot(k.goal)) {
      h.skipped[static_cast<std::size_t>(*k.goal)].push_back(k.day);
    }
  }
  for (std::vector<Day>& days : h.logged) sort_unique(days);
  for (std::vector<Day>& days : h.skipped) sort_unique(days);
  sort_unique(h.any_logged);
  sort_unique(h.rested);

  index_ids(out.tasks, out.task_index);
  index_ids(out.logs, out.log_index);
  index_ids(out.skips, out.skip_index);
  out.goal_nums = full.goal_nums, out.task_nums = full.task_nums, out.log_nums = full.log_nums;
  out.skip_nums = full.skip_nums, out.sprint_nums = full.sprint_nums;
  out.unknown_ops = full.unknown_ops;
  out.last_ts = full.last_ts;
  out.event_count = full.event_count;
  // The habit math's walk folded once, for the week's default start (another one walks in
  // full: the fold's fingerprint holds the start it was made with).
  const std::vector<GoalDays> days = all_goal_days(full);
  h.folds.reserve(days.size());
  for (const GoalDays& d : days) h.folds.push_back(fold_goal(d, cutoff, Config{}));
  out.history = std::move(h);
  return out;
}

bool serves(const State& state, Day today) {
  return !state.history || state.history->cutoff <= today - std::chrono::days{recent_margin};
}

bool holds_since(const State& state, Day day) {
  return !state.history || state.history->cutoff <= day;
}

bool worth_rebuilding(const State& state, Day today) {
  return state.history && state.history->cutoff < today - std::chrono::days{recent_max_days};
}

}  // namespace momentum
