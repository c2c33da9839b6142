#include "period.hpp"

#include <cmath>

namespace momentum::detail {
namespace {

constexpr std::chrono::days one_day{1};

// A hand-edited journal must not make the math divide by zero or scan a million days.
Cadence sane(Cadence cadence) {
  if (cadence.type == Cadence::Type::per_week) cadence.n = std::clamp(cadence.n, 1, 7);
  if (cadence.type == Cadence::Type::rolling) {
    cadence.d = std::clamp(cadence.d, 1, 366);
    cadence.n = std::clamp(cadence.n, 1, cadence.d);
  }
  return cadence;
}

// The furthest any period or window reaches from one of its days.
int reach(const GoalDays& days) {
  int longest = 7;
  for (const CadenceChange& change : days.cadences) {
    const Cadence cadence = sane(change.cadence);
    if (cadence.type == Cadence::Type::rolling) longest = std::max(longest, cadence.d);
  }
  return longest;
}

// The last day that anything already planned (a skip, a pause's end) can change.
Day last_planned(const GoalDays& days, Day today) {
  Day last = std::max(today, days.first);
  if (!days.skipped.empty()) last = std::max(last, days.skipped.back());
  for (const Pause& pause : days.pauses) last = std::max(last, pause.until.value_or(pause.from));
  return last;
}

int day_count(Day from, Day to) { return static_cast<int>((to - from).count()) + 1; }

// m = 0.5^(√(P·N)/13): Loop's half-lives; for N/D, Loop's daily rate 0.5^(√(N/D)/13).
double decay_of(const Cadence& cadence) {
  double periods_per_half_life = 1.0;
  if (cadence.type == Cadence::Type::per_week) periods_per_half_life = std::sqrt(7.0 * cadence.n);
  if (cadence.type == Cadence::Type::rolling) {
    periods_per_half_life = std::sqrt(static_cast<double>(cadence.n) / cadence.d);
  }
  return std::pow(0.5, periods_per_half_life / 13.0);
}

Period day_period(const Timeline& timeline, Day day, PeriodKind kind) {
  Period p{kind, day, day, day};
  p.logged = timeline.logged(day) ? 1 : 0;
  p.excused = timeline.excused(day) ? 1 : 0;
  return p;
}

// The calendar week holding `day`, started at `day`: its earlier days belong to periods
// before it (or precede the goal), so they count as excused.
Period week_period(const Timeline& timeline, Day day, int n, std::chrono::weekday week_start) {
  const Day begin = week_begin(day, week_start);
  Period p{PeriodKind::week, day, begin + 6 * one_day, day, n};
  p.logged = timeline.logged_in(day, p.last);
  p.excused = timeline.excused_in(day, p.last) + static_cast<int>((day - begin).count());
  return p;
}

// The day `day` of an N/D goal, counting the D calendar days ending on it.
Period window_period(const Timeline& timeline, Day day, const Cadence& cadence) {
  Period p{PeriodKind::window, day, day, day - (cadence.d - 1) * one_day, cadence.n};
  p.logged = timeline.logged_in(p.counted_from, day);
  p.excused = timeline.excused_in(p.counted_from, day);
  p.rest = timeline.excused(day);
  return p;
}

}  // namespace

bool paused_on(const GoalDays& days, Day day) {
  return std::any_of(days.pauses.begin(), days.pauses.end(), [day](const Pause& p) {
    return p.from <= day && (!p.until || day < *p.until);
  });
}

bool has(const std::vector<Day>& days, Day day) {
  return std::binary_search(days.begin(), days.end(), day);
}

int Period::required() const { return std::max(std::min(logged, n), n - excused); }

int Period::weighed() const {
  // A window's excused days stand in only for missing check-ins: the days before the goal's
  // first day would otherwise excuse its first windows, and their check-ins count for nothing.
  return kind == PeriodKind::window ? required() : std::max(0, n - excused);
}

Timeline::Timeline(const GoalDays& days, Day today) : Timeline(days, today, days.first) {}

Timeline::Timeline(const GoalDays& days, Day today, Day read_from)
    : days_(days), as_of_(days.end ? std::min(today, *days.end) : today) {
  const std::chrono::days span{reach(days) + 7};
  begin_ = std::max(read_from, days.first) - span;
  horizon_ = last_planned(days, today) + 2 * span;
  const auto size = static_cast<std::size_t>(day_count(begin_, horizon_));
  std::vector<int> logged(size, 0);
  std::vector<int> excused(size, 0);
  const auto mark = [this](std::vector<int>& flags, Day from, Day to) {
    for (Day day = std::max(from, begin_); day <= std::min(to, horizon_); day += one_day) {
      flags[static_cast<std::size_t>((day - begin_).count())] = 1;
    }
  };
  mark(excused, begin_, days.first - one_day);
  const auto from_begin = [this](const std::vector<Day>& sorted) {
    return std::lower_bound(sorted.begin(), sorted.end(), begin_);
  };
  for (auto it = from_begin(days.skipped); it != days.skipped.end(); ++it) mark(excused, *it, *it);
  for (const Pause& p : days.pauses) mark(excused, p.from, p.until ? *p.until - one_day : horizon_);
  // A log after as-of has not happened yet as far as this view goes.
  for (auto it = from_begin(days.logged); it != days.logged.end(); ++it) {
    mark(logged, *it, std::min(*it, as_of_));
  }
  logged_sum_.assign(size + 1, 0);
  excused_sum_.assign(size + 1, 0);
  for (std::size_t i = 0; i < size; ++i) {
    logged_sum_[i + 1] = logged_sum_[i] + logged[i];
    excused_sum_[i + 1] = excused_sum_[i] + (logged[i] == 0 ? excused[i] : 0);
  }
}

int Timeline::count(const std::vector<int>& sums, Day from, Day to) const {
  from = std::max(from, begin_);
  to = std::min(to, horizon_);
  if (to < from) return 0;
  const auto offset = [this](Day day) { return static_cast<std::size_t>((day - begin_).count()); };
  return sums[offset(to) + 1] - sums[offset(from)];
}

int Timeline::open_in(Day from, Day to) const {
  if (to < from) return 0;
  return day_count(from, to) - logged_in(from, to) - excused_in(from, to);
}

Cadence Timeline::cadence(Day day) const {
  if (days_.cadences.empty()) return Cadence{};
  // Changes are kept in the order made, so `from` never decreases.
  const CadenceChange* in_force = &days_.cadences.front();
  for (const CadenceChange& change : days_.cadences) {
    if (change.from > day) break;
    in_force = &change;
  }
  return sane(in_force->cadence);
}

PeriodKind kind_of(const Cadence& cadence) {
  switch (cadence.type) {
    case Cadence::Type::none:
      return PeriodKind::none;
    case Cadence::Type::daily:
      return PeriodKind::day;
    case Cadence::Type::weekdays:
      return PeriodKind::weekday;
    case Cadence::Type::per_week:
      return PeriodKind::week;
    case Cadence::Type::rolling:
      return PeriodKind::window;
  }
  return PeriodKind::none;
}

PeriodWalker::PeriodWalker(const Timeline& timeline, const Config& config)
    : PeriodWalker(timeline, config, timeline.days().first) {}

// next() applies every cadence change up to day_ before it starts a period, so a walker
// resumed on `from` is in the state one walking from the first day is in on reaching it.
PeriodWalker::PeriodWalker(const Timeline& timeline, const Config& config, Day from)
    : timeline_(timeline),
      week_start_(config.week_start),
      day_(from),
      cadence_(timeline.cadence(day_)),
      decay_(decay_of(cadence_)) {}

namespace {

// A word at a time (a multiply and a shift each; a byte at a time was a tenth of a daily
// read of ten years' days).
struct Fingerprint {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  void add(std::int64_t word) {
    h = (h ^ static_cast<std::uint64_t>(word)) * 0x9e3779b97f4a7c15ULL;
    h ^= h >> 29;
  }
  void add(Day day) { add(static_cast<std::int64_t>(day.time_since_epoch().count())); }
  void add_before(const std::vector<Day>& days, Day at) {
    for (Day day : days) {
      if (day >= at) break;  // sorted
      add(day);
    }
    add(-1);
  }
};

}  // namespace

std::uint64_t fold_fingerprint(const GoalDays& days, Day at, std::chrono::weekday week_start) {
  Fingerprint f;
  f.add(at);
  f.add(static_cast<std::int64_t>(week_start.c_encoding()));
  f.add(days.first);
  f.add_before(days.logged, at);
  f.add_before(days.skipped, at);
  for (const Pause& p : days.pauses) {
    if (p.from >= at) continue;
    f.add(p.from);
    f.add(p.until && *p.until < at ? *p.until : at);
  }
  f.add(-2);
  for (const CadenceChange& c : days.cadences) {
    if (c.from > at) continue;
    f.add(c.from);
    f.add(static_cast<std::int64_t>(c.cadence.type));
    f.add(c.cadence.n);
    f.add(c.cadence.d);
  }
  return f.h;
}

const GoalFold* usable_fold(const Timeline& timeline, const Config& config) {
  return usable_fold(timeline.days(), timeline.as_of(), config);
}

const GoalFold* usable_fold(const GoalDays& days, Day as_of, const Config& config) {
  if (!days.fold || days.end) return nullptr;
  const GoalFold& fold = *days.fold;
  // The completion rates read periods ending in the 90 days up to as-of; the strip, slack and
  // what is needed read later ones still.
  if (fold.at <= days.first || fold.at + 90 * one_day > as_of ||
      fold.week_start != static_cast<int>(config.week_start.c_encoding()) ||
      fold.fingerprint != fold_fingerprint(days, fold.at, config.week_start)) {
    return nullptr;
  }
  return &fold;
}

Day walk_from(const Timeline& timeline, const Config& config) {
  const GoalFold* fold = usable_fold(timeline, config);
  return fold ? fold->at : timeline.days().first;
}

Timeline walked_timeline(const GoalDays& days, Day today, const Config& config) {
  const GoalFold* fold = usable_fold(days, today, config);
  return {days, today, fold ? fold->at : days.first};
}

std::optional<Period> PeriodWalker::next(Day until) {
  const std::vector<CadenceChange>& changes = timeline_.days().cadences;
  for (; day_ <= until; day_ += one_day) {
    // Each period takes the cadence in force on its first day, so edits never rewrite history.
    for (; next_change_ < changes.size() && changes[next_change_].from <= day_; ++next_change_) {
      cadence_ = sane(changes[next_change_].cadence);
      decay_ = decay_of(cadence_);
    }
    const PeriodKind kind = kind_of(cadence_);
    const bool weekend = std::chrono::weekday{day_}.iso_encoding() >= 6;
    // No cadence, or a weekend for weekdays: not a period.
    if (kind == PeriodKind::none || (kind == PeriodKind::weekday && weekend)) continue;
    std::optional<Period> p{starting(day_, kind)};
    day_ = p->last + one_day;
    return p;
  }
  return std::nullopt;
}

WalkedPeriods::WalkedPeriods(const Timeline& timeline, const Config& config, Day from)
    : walk_(timeline, config, from) {
  // Most readers go as far as as-of: at most a period a day until then, one allocation.
  const Day first = from;
  if (timeline.as_of() >= first) {
    periods_.reserve(static_cast<std::size_t>((timeline.as_of() - first).count()) + 1);
  }
}

Period PeriodWalker::starting(Day day, PeriodKind kind) const {
  Period p = kind == PeriodKind::week     ? week_period(timeline_, day, cadence_.n, week_start_)
             : kind == PeriodKind::window ? window_period(timeline_, day, cadence_)
                                          : day_period(timeline_, day, kind);
  p.decay = decay_;
  return p;
}

}  // namespace momentum::detail
