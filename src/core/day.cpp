#include "momentum/day.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <charconv>
#include <optional>

#include "momentum/error.hpp"

namespace momentum {

namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

// A cursor over the text being parsed; every take_* fails (nullopt/false) without throwing.
struct Scanner {
  std::string_view text;
  std::size_t pos = 0;

  bool done() const { return pos == text.size(); }
  bool at(char c) const { return !done() && text[pos] == c; }
  bool take(char c) {
    if (!at(c)) return false;
    ++pos;
    return true;
  }
  bool take_either(char a, char b) { return take(a) || take(b); }
  // The run of decimal digits here, possibly empty.
  std::string_view take_digits() {
    const std::size_t start = pos;
    while (!done() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    return text.substr(start, pos - start);
  }
  // Exactly `width` decimal digits.
  std::optional<int> take_number(std::size_t width) {
    if (text.size() - pos < width) return std::nullopt;
    int value = 0;
    const char* first = text.data() + pos;
    const auto [end, ec] = std::from_chars(first, first + width, value);
    if (ec != std::errc{} || end != first + width || *first == '-') return std::nullopt;
    pos += width;
    return value;
  }
};

std::optional<Day> scan_day(Scanner& s) {
  const auto y = s.take_number(4);
  if (!y || !s.take('-')) return std::nullopt;
  const auto m = s.take_number(2);
  if (!m || !s.take('-')) return std::nullopt;
  const auto d = s.take_number(2);
  if (!d) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{*y},
                                        std::chrono::month{static_cast<unsigned>(*m)},
                                        std::chrono::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return Day{ymd};
}

// HH:MM[:SS[.fraction]], the fraction truncated to milliseconds.
std::optional<milliseconds> scan_time(Scanner& s) {
  const auto h = s.take_number(2);
  if (!h || *h > 23 || !s.take(':')) return std::nullopt;
  const auto m = s.take_number(2);
  if (!m || *m > 59) return std::nullopt;
  milliseconds t = hours{*h} + minutes{*m};
  if (!s.take(':')) return t;
  const auto sec = s.take_number(2);
  if (!sec || *sec > 59) return std::nullopt;
  t += seconds{*sec};
  if (!s.take('.')) return t;
  const std::string_view fraction = s.take_digits();
  if (fraction.empty() || fraction.size() > 9) return std::nullopt;
  std::string millis{fraction.substr(0, 3)};
  millis.resize(3, '0');
  return t + milliseconds{std::stoi(millis)};
}

// Z, or ±HH:MM with HH up to 23.
std::optional<minutes> scan_offset(Scanner& s) {
  if (s.take_either('Z', 'z')) return minutes{0};
  const bool negative = s.at('-');
  if (!s.take_either('+', '-')) return std::nullopt;
  const auto h = s.take_number(2);
  if (!h || *h > 23 || !s.take(':')) return std::nullopt;
  const auto m = s.take_number(2);
  if (!m || *m > 59) return std::nullopt;
  const minutes offset = hours{*h} + minutes{*m};
  return negative ? -offset : offset;
}

}  // namespace

Day day_of(Timestamp ts, std::chrono::minutes utc_offset, std::chrono::minutes day_start) {
  return std::chrono::floor<days>(ts + utc_offset - day_start);
}

Day today(const Clock& clock, const Config& config) {
  return day_of(clock.now, clock.utc_offset, config.day_start);
}

Day week_begin(Day day, std::chrono::weekday week_start) {
  return day - (std::chrono::weekday{day} - week_start);
}

std::string format_timestamp(Timestamp ts) {
  const Day day = std::chrono::floor<days>(ts);
  return fmt::format("{}T{:%T}Z", format_day(day), ts - day);
}

namespace {

// The form every writer produces, "2026-03-10T08:30:00.000Z", read without the scanner:
// replay reads one per event.
std::optional<Timestamp> canonical_timestamp(std::string_view t) {
  constexpr std::string_view shape = "dddd-dd-ddTdd:dd:dd.dddZ";
  if (t.size() != shape.size()) return std::nullopt;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    const bool digit = t[i] >= '0' && t[i] <= '9';
    if (shape[i] == 'd' ? !digit : t[i] != shape[i]) return std::nullopt;
  }
  const auto num = [&](std::size_t at, std::size_t len) {
    int n = 0;
    for (std::size_t i = at; i < at + len; ++i) n = n * 10 + (t[i] - '0');
    return n;
  };
  const std::chrono::year_month_day ymd{std::chrono::year{num(0, 4)},
                                        std::chrono::month{static_cast<unsigned>(num(5, 2))},
                                        std::chrono::day{static_cast<unsigned>(num(8, 2))}};
  const int h = num(11, 2), m = num(14, 2), sec = num(17, 2);
  if (!ymd.ok() || h > 23 || m > 59 || sec > 59) return std::nullopt;
  return Timestamp{std::chrono::sys_days{ymd}} + std::chrono::hours{h} + std::chrono::minutes{m} +
         std::chrono::seconds{sec} + std::chrono::milliseconds{num(20, 3)};
}

}  // namespace

Timestamp parse_timestamp(std::string_view text) {
  if (auto fast = canonical_timestamp(text)) return *fast;
  Scanner s{text};
  const auto day = scan_day(s);
  const bool has_t = day && s.take_either('T', 't');
  const auto time = has_t ? scan_time(s) : std::nullopt;
  const auto offset = time ? scan_offset(s) : std::nullopt;
  if (!offset || !s.done()) {
    throw UsageError(fmt::format(
        "invalid time '{}'; expected RFC 3339 such as 2026-03-10T08:30:00+01:00", text));
  }
  return Timestamp{*day} + *time - *offset;
}

std::string format_offset(std::chrono::minutes offset) {
  const char sign = offset < minutes{0} ? '-' : '+';
  const auto total = offset < minutes{0} ? -offset.count() : offset.count();
  return fmt::format("{}{:02}:{:02}", sign, total / 60, total % 60);
}

std::chrono::minutes parse_offset(std::string_view text) {
  Scanner s{text};
  const auto offset = scan_offset(s);
  if (!offset || !s.done()) {
    throw UsageError(fmt::format("invalid UTC offset '{}'; expected +HH:MM, -HH:MM or Z", text));
  }
  return *offset;
}

std::optional<Day> read_day(std::string_view text) {
  Scanner s{text};
  const auto day = scan_day(s);
  return s.done() ? day : std::nullopt;
}

std::string format_day(Day day) {
  // Not fmt's {:%F}: fmt 9 goes through system_clock (nanoseconds), which overflows
  // outside the years 1678-2262.
  const std::chrono::year_month_day ymd{day};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

}  // namespace momentum
