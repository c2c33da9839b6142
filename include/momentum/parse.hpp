#pragma once
// Parsing what users type: dates, durations, cadences, kinds, times of day, text.
// Every parse_* throws UsageError naming the bad value and listing what is accepted.

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "momentum/day.hpp"
#include "momentum/state.hpp"

namespace momentum {

// Which way a bare weekday name points: the next one (due dates) or the last one (check-ins).
enum class DateDirection { forward, backward };

// Parses YYYY-MM-DD, today, yesterday, tomorrow, a weekday name or its 3-letter form
// (the next one after `today`, or the last one before it with `backward`), +3d, -2d, +1w,
// eow (the last day of the week holding `today`) and eom (the last day of its month).
// `what` names the option in the error ("--due").
Day parse_date(std::string_view text, Day today, std::chrono::weekday week_start,
               DateDirection direction = DateDirection::forward, std::string_view what = "date");

// Parses 45m, 1h30m, 1.5h, 2h or a bare positive integer of minutes; > 0 and <= 24h.
std::chrono::minutes parse_duration(std::string_view text, std::string_view what = "duration");

// The duration in `text` if it has a duration's form (whatever its range), else nullopt:
// how `log` tells a duration from a note. A duration-shaped text out of range still throws.
std::optional<std::chrono::minutes> try_parse_duration(std::string_view text);

// Formats minutes as "45m", "1h30m", "2h".
std::string format_duration(std::chrono::minutes m);

// Parses daily, weekdays, N/week (1-7), N/D (1 <= N <= D <= 365) or none.
Cadence parse_cadence(std::string_view text);

// The cadence as the user writes it: "daily", "3/week", "3/7".
std::string format_cadence(const Cadence& cadence);

// Parses learn or do.
Kind parse_kind(std::string_view text);

// Parses HH:MM (00:00-23:59) as minutes after midnight; `what` names the setting.
std::chrono::minutes parse_time_of_day(std::string_view text, std::string_view what);

// Checks a title: valid UTF-8, 1-200 characters after trimming; returns it trimmed.
std::string parse_title(std::string_view text, std::string_view what = "title");

// Checks a note: valid UTF-8, at most 4,000 characters; returns it trimmed. `what` names
// it in errors ("--why").
std::string parse_note(std::string_view text, std::string_view what = "note");

// Checks a tag: valid UTF-8, 1-50 characters, no whitespace; a leading '#' or '+' is dropped.
std::string parse_tag(std::string_view text);

// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

// Number of Unicode code points in valid UTF-8 `text`.
std::size_t utf8_length(std::string_view text);

// The candidate closest to `text` by edit distance when it is a plausible typo, else empty.
std::string did_you_mean(std::string_view text, std::span<const std::string_view> candidates);

// The name of `kind` / a status as written in the journal and on screen.
std::string_view to_string(Kind kind);
std::string_view to_string(GoalStatus status);
std::string_view to_string(TaskStatus status);

}  // namespace momentum
