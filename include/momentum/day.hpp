#pragma once
// Days, timestamps and the user's settings that decide which day an instant belongs to.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace momentum {

// A local calendar day (as counted from `day_start`), stored as days since 1970-01-01.
using Day = std::chrono::sys_days;
// An instant in UTC with millisecond precision, as stored in the journal's `ts`.
using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

// The user's settings; the shell loads them, the core only reads them.
struct Config {
  std::chrono::minutes day_start{4 * 60};
  std::chrono::weekday week_start = std::chrono::Monday;
  std::chrono::minutes remind_after{18 * 60};
  int stale_days = 14;
  double comfort_threshold = 0.70;
  std::string default_goal;  // the goal a check-in naming none counts for (a reference); "" = unset
};

// "Now" as the shell saw it: the instant and the local UTC offset at that instant.
struct Clock {
  Timestamp now;
  std::chrono::minutes utc_offset{0};
};

// The day that the instant `ts`, seen at `utc_offset`, counts for when days start at `day_start`.
Day day_of(Timestamp ts, std::chrono::minutes utc_offset, std::chrono::minutes day_start);

// The day that counts as today for `clock` under `config`.
Day today(const Clock& clock, const Config& config);

// The first day of the week holding `day`, weeks starting on `week_start`.
Day week_begin(Day day, std::chrono::weekday week_start);

// `ts` as RFC 3339 UTC with milliseconds: "2026-03-10T08:30:00.000Z".
std::string format_timestamp(Timestamp ts);

// Parses an RFC 3339 time with `Z` or a `±HH:MM` offset (seconds and fraction optional);
// throws UsageError naming `text` and the accepted form.
Timestamp parse_timestamp(std::string_view text);

// An offset as `±HH:MM`, e.g. "+01:00", "-05:30".
std::string format_offset(std::chrono::minutes offset);

// Parses `±HH:MM` (or `Z`); throws UsageError otherwise.
std::chrono::minutes parse_offset(std::string_view text);

// A day written exactly as YYYY-MM-DD (a real calendar day), else nullopt: the journal's form.
std::optional<Day> read_day(std::string_view text);

// `day` as YYYY-MM-DD.
std::string format_day(Day day);

}  // namespace momentum
