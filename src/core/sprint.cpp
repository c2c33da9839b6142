// The views on sprints: which one is current, what the ranking should favour, the burndown.
#include "momentum/sprint.hpp"

#include <algorithm>

namespace momentum {

std::optional<int> current_sprint(const State& state) {
  std::optional<int> found;
  for (std::size_t i = 0; i < state.sprints.size(); ++i) {
    const Sprint& s = state.sprints[i];
    if (s.closed) continue;
    if (!found || s.start < state.sprints[static_cast<std::size_t>(*found)].start) {
      found = static_cast<int>(i);
    }
  }
  return found;
}

std::optional<int> open_sprint(const State& state, Day today) {
  const std::optional<int> current = current_sprint(state);
  if (current && state.sprints[static_cast<std::size_t>(*current)].start <= today) return current;
  return std::nullopt;
}

std::optional<int> last_closed_sprint(const State& state) {
  std::optional<int> found;
  for (std::size_t i = 0; i < state.sprints.size(); ++i) {
    const Sprint& s = state.sprints[i];
    if (!s.closed) continue;
    // Closed on the same day: the later one in the journal wins.
    if (!found || *s.closed_day >= *state.sprints[static_cast<std::size_t>(*found)].closed_day) {
      found = static_cast<int>(i);
    }
  }
  return found;
}

bool needs_close(const Sprint& sprint, Day today) { return !sprint.closed && sprint.end < today; }

std::vector<bool> in_sprint_flags(const State& state, Day today) {
  return in_sprint_flags(state, facts_of(state.tasks), today);
}

std::vector<bool> in_sprint_flags(const State& state, const std::vector<TaskFacts>& tasks,
                                  Day today) {
  std::vector<bool> flags(tasks.size(), false);
  const std::optional<int> open = open_sprint(state, today);
  if (!open) return flags;
  for (const PlannedTask& p : state.sprints[static_cast<std::size_t>(*open)].planned) {
    const int num = state.task(p.task).num;
    const auto at = std::lower_bound(tasks.begin(), tasks.end(), num,
                                     [](const TaskFacts& t, int n) { return t.num < n; });
    if (at != tasks.end() && at->num == num)
      flags[static_cast<std::size_t>(at - tasks.begin())] = true;
  }
  return flags;
}

namespace {

// True when task `t` is finished (done or dropped) by the end of `day`.
bool finished_by(const Task& t, Day day) {
  return !is_open(t.status) && t.finished_day && *t.finished_day <= day;
}

int open_at_end_of(const State& state, const Sprint& sprint, Day day) {
  int open = 0;
  for (const PlannedTask& p : sprint.planned) {
    const Task& t = state.tasks[static_cast<std::size_t>(p.task)];
    if (p.added <= day && !finished_by(t, day)) ++open;
  }
  return open;
}

}  // namespace

std::vector<BurndownDay> burndown(const State& state, const Sprint& sprint, Day today) {
  const auto length = static_cast<double>((sprint.end - sprint.start).count() + 1);
  const auto initial = static_cast<double>(
      std::count_if(sprint.planned.begin(), sprint.planned.end(),
                    [&](const PlannedTask& p) { return p.added <= sprint.start; }));
  std::vector<BurndownDay> days;
  for (Day d = sprint.start; d <= sprint.end; d += std::chrono::days{1}) {
    BurndownDay b;
    b.day = d;
    const auto elapsed = static_cast<double>((d - sprint.start).count() + 1);
    b.ideal = initial * (length - elapsed) / length;
    if (d <= today) b.open = open_at_end_of(state, sprint, d);
    if (d > sprint.start) {
      b.added = static_cast<int>(std::count_if(sprint.planned.begin(), sprint.planned.end(),
                                               [&](const PlannedTask& p) { return p.added == d; }));
    }
    days.push_back(b);
  }
  return days;
}

int planned_done(const State& state, const Sprint& sprint) {
  return static_cast<int>(
      std::count_if(sprint.planned.begin(), sprint.planned.end(), [&](const PlannedTask& p) {
        return state.tasks[static_cast<std::size_t>(p.task)].status == TaskStatus::done;
      }));
}

Minutes sprint_minutes(const State& state, const Sprint& sprint, Day today) {
  Minutes m =
      minutes_in(state, {sprint.start, std::min(sprint.end, today), std::nullopt, std::nullopt});
  if (state.history) {
    // A recent State serves only days after its cutoff: what the sprint had before it is all
    // in its History.
    const auto i = state.sprint_index.find(sprint.id);
    if (i && static_cast<std::size_t>(*i) < state.history->sprint_minutes.size()) {
      m += state.history->sprint_minutes[static_cast<std::size_t>(*i)];
    }
  }
  return m;
}

}  // namespace momentum
