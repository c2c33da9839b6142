#include "momentum/calendar.hpp"

#include <algorithm>

namespace momentum {
namespace {

// ⌈Q_k⌉ for the sorted, non-empty `v`: linear interpolation at position (n − 1)·k/4, in
// whole numbers so that no rounding can move a threshold.
int quartile_ceil(const std::vector<int>& v, std::size_t k) {
  const std::size_t scaled = (v.size() - 1) * k;
  const std::size_t at = scaled / 4;
  const int below = v[at];
  if (scaled % 4 == 0) return below;
  const int step = v[at + 1] - below;
  return below + (static_cast<int>(scaled % 4) * step + 3) / 4;
}

bool counts_for(std::optional<int> wanted, std::optional<int> goal) {
  return !wanted || goal == wanted;
}

// The rest days apply to `wanted`: one for all goals always; one for a goal only to it.
bool rests(std::optional<int> wanted, std::optional<int> goal) {
  return !goal || (wanted && goal == wanted);
}

void add_logs(const State& state, Calendar& c) {
  for (const LogEntry& log : state.logs) {
    if (log.removed || log.day < c.first || log.day > c.last) continue;
    if (!counts_for(c.goal, log.goal)) continue;
    CalendarDay& d = c.days[static_cast<std::size_t>((log.day - c.first).count())];
    ++d.checkins;
    d.minutes += log.minutes.value_or(0);
  }
}

void add_skips(const State& state, Calendar& c) {
  for (const Skip& skip : state.skips) {
    if (skip.removed || skip.day < c.first || skip.day > c.last) continue;
    if (!rests(c.goal, skip.goal)) continue;
    c.days[static_cast<std::size_t>((skip.day - c.first).count())].skipped = true;
  }
}

}  // namespace

std::optional<Thresholds> quartile_thresholds(std::vector<int> minutes) {
  std::erase_if(minutes, [](int m) { return m <= 0; });
  if (minutes.empty()) return std::nullopt;
  std::sort(minutes.begin(), minutes.end());
  return Thresholds{quartile_ceil(minutes, 1), quartile_ceil(minutes, 2),
                    quartile_ceil(minutes, 3)};
}

int level_of(int checkins, int minutes, const std::optional<Thresholds>& thresholds) {
  if (checkins <= 0 && minutes <= 0) return 0;
  if (!thresholds || minutes <= 0) return 1;
  const Thresholds& t = *thresholds;
  if (minutes >= t[2]) return 4;
  if (minutes >= t[1]) return 3;
  return minutes >= t[0] ? 2 : 1;
}

Calendar build_calendar(const State& state, std::optional<int> goal, Day first, Day last) {
  Calendar c{first, last, goal, {}, std::nullopt};
  if (last < first) return c;
  c.days.resize(static_cast<std::size_t>((last - first).count() + 1));
  for (std::size_t i = 0; i < c.days.size(); ++i) {
    c.days[i].day = first + std::chrono::days{static_cast<int>(i)};
  }
  add_logs(state, c);
  add_skips(state, c);
  std::vector<int> minutes;
  minutes.reserve(c.days.size());
  for (const CalendarDay& d : c.days) minutes.push_back(d.minutes);
  c.thresholds = quartile_thresholds(std::move(minutes));
  for (CalendarDay& d : c.days) d.level = level_of(d.checkins, d.minutes, c.thresholds);
  return c;
}

CalendarSummary summarize_calendar(const Calendar& calendar) {
  CalendarSummary s;
  int run = 0;
  std::optional<Day> run_first;
  for (const CalendarDay& d : calendar.days) {
    s.minutes += d.minutes;
    if (d.checkins == 0) {
      if (!d.skipped) run = 0;  // a rest day bridges: the run neither breaks nor grows
      continue;
    }
    ++s.active_days;
    if (run++ == 0) run_first = d.day;
    if (run >= s.longest_run) {
      s.longest_run = run;
      s.run_first = run_first;
      s.run_last = d.day;
    }
  }
  return s;
}

}  // namespace momentum
