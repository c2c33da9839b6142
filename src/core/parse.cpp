#include "momentum/parse.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "momentum/error.hpp"
#include "momentum/text.hpp"

namespace momentum {

namespace {

using std::chrono::days;
using std::chrono::minutes;

// Large enough to be out of every range, small enough that `* 60` cannot overflow.
constexpr long long saturated = 1'000'000'000'000LL;
constexpr long long max_offset_days = 3650;
constexpr long long max_duration_minutes = 24LL * 60;
constexpr std::size_t max_title_length = 200;
constexpr std::size_t max_note_length = 4000;
constexpr std::size_t max_tag_length = 50;

struct NamedWeekday {
  std::string_view name;
  std::chrono::weekday weekday;
};

constexpr std::array<NamedWeekday, 7> weekday_names{{
    {"monday", std::chrono::Monday},
    {"tuesday", std::chrono::Tuesday},
    {"wednesday", std::chrono::Wednesday},
    {"thursday", std::chrono::Thursday},
    {"friday", std::chrono::Friday},
    {"saturday", std::chrono::Saturday},
    {"sunday", std::chrono::Sunday},
}};

constexpr std::array<std::string_view, 12> date_words{"today",    "yesterday", "tomorrow", "monday",
                                                      "tuesday",  "wednesday", "thursday", "friday",
                                                      "saturday", "sunday",    "eow",      "eom"};

constexpr std::array<std::string_view, 3> cadence_words{"daily", "weekdays", "none"};
constexpr std::array<std::string_view, 2> kind_words{"learn", "do"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), to_lower);
  return out;
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
}

// `digits` (all decimal digits) as a number, `saturated` when it is larger.
long long to_count(std::string_view digits) {
  long long value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return ec == std::errc::result_out_of_range ? saturated : std::min(value, saturated);
}

// Splits off the leading run of digits from `rest`.
std::string_view take_digits(std::string_view& rest) {
  const auto end = std::find_if_not(rest.begin(), rest.end(), is_digit);
  const auto count = static_cast<std::size_t>(end - rest.begin());
  const std::string_view digits = rest.substr(0, count);
  rest.remove_prefix(count);
  return digits;
}

// " (did you mean 'x'?)" when `text` is a near miss of one of `candidates`, else "".
std::string suggestion(std::string_view text, std::span<const std::string_view> candidates) {
  const std::string best = did_you_mean(text, candidates);
  return best.empty() ? std::string{} : fmt::format(" (did you mean '{}'?)", best);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t replace = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({replace, row[j] + 1, row[j - 1] + 1});
    }
  }
  return row[b.size()];
}

// ---- dates

std::optional<Day> parse_iso_day(std::string_view text, std::string_view what) {
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                      all_digits(text.substr(0, 4)) && all_digits(text.substr(5, 2)) &&
                      all_digits(text.substr(8, 2));
  if (!shaped) return std::nullopt;
  const std::chrono::year_month_day ymd{
      std::chrono::year{static_cast<int>(to_count(text.substr(0, 4)))},
      std::chrono::month{static_cast<unsigned>(to_count(text.substr(5, 2)))},
      std::chrono::day{static_cast<unsigned>(to_count(text.substr(8, 2)))}};
  if (!ymd.ok()) throw UsageError(fmt::format("invalid date '{}' for {}; no such day", text, what));
  return Day{ymd};
}

// +3d, -2d, +1w, -1w: a signed count of days or weeks, at most 10 years either way.
std::optional<days> parse_relative(std::string_view lower) {
  if (lower.size() < 3 || (lower[0] != '+' && lower[0] != '-')) return std::nullopt;
  const char unit = lower.back();
  const std::string_view digits = lower.substr(1, lower.size() - 2);
  if ((unit != 'd' && unit != 'w') || !all_digits(digits)) return std::nullopt;
  const long long count = to_count(digits) * (unit == 'w' ? 7 : 1);
  if (count > max_offset_days) return std::nullopt;
  return days{lower[0] == '-' ? -count : count};
}

std::optional<std::chrono::weekday> parse_weekday(std::string_view lower) {
  for (const NamedWeekday& w : weekday_names) {
    if (lower == w.name || lower == w.name.substr(0, 3)) return w.weekday;
  }
  return std::nullopt;
}

Day nearest_weekday(std::chrono::weekday target, Day today, DateDirection direction) {
  const std::chrono::weekday now{today};
  // Strictly after (or before) today: a whole week away when today is that weekday.
  if (direction == DateDirection::forward) {
    const days ahead = target - now;
    return today + (ahead == days{0} ? days{7} : ahead);
  }
  const days behind = now - target;
  return today - (behind == days{0} ? days{7} : behind);
}

Day end_of_month(Day today) {
  const std::chrono::year_month_day ymd{today};
  return Day{ymd.year() / ymd.month() / std::chrono::last};
}

std::optional<Day> parse_date_word(std::string_view lower, Day today,
                                   std::chrono::weekday week_start, DateDirection direction) {
  if (lower == "today") return today;
  if (lower == "yesterday") return today - days{1};
  if (lower == "tomorrow") return today + days{1};
  if (lower == "eow") return week_begin(today, week_start) + days{6};
  if (lower == "eom") return end_of_month(today);
  if (const auto weekday = parse_weekday(lower)) return nearest_weekday(*weekday, today, direction);
  if (const auto offset = parse_relative(lower)) return today + *offset;
  return std::nullopt;
}

// ---- durations

// The minutes in an unsigned duration: 90, 45m, 2h, 1h30m, 1.5h; nullopt for any other form.
std::optional<long long> scan_unsigned_duration(std::string_view lower) {
  std::string_view rest = lower;
  const std::string_view whole = take_digits(rest);
  if (whole.empty()) return std::nullopt;
  const long long count = to_count(whole);
  if (rest.empty() || rest == "m") return count;
  if (rest == "h") return count * 60;
  if (rest.starts_with('h')) {
    rest.remove_prefix(1);
    const std::string_view extra = take_digits(rest);
    if (extra.empty() || rest != "m") return std::nullopt;
    return count * 60 + to_count(extra);
  }
  if (!rest.starts_with('.')) return std::nullopt;
  rest.remove_prefix(1);
  if (take_digits(rest).empty() || rest != "h") return std::nullopt;
  double hours = 0;
  std::from_chars(lower.data(), lower.data() + lower.size() - 1, hours);
  return std::llround(std::min(hours, 1e9) * 60);
}

// The minutes `lower` stands for (any sign or size) if it has a duration's form, else nullopt.
std::optional<long long> scan_duration(std::string_view lower) {
  if (!lower.starts_with('-')) return scan_unsigned_duration(lower);
  // A negative duration is still a duration, so that it gets the range error, not a note.
  const auto magnitude = scan_unsigned_duration(lower.substr(1));
  return magnitude ? std::optional{-*magnitude} : std::nullopt;
}

// The numbers of a duration as written: "1h30m" and "1:30" are "1 30", "1.5h" is "1.5".
std::string number_shape(std::string_view text) {
  std::string shape;
  for (const char c : text) {
    const bool number = std::isdigit(static_cast<unsigned char>(c)) || c == '.';
    if (number)
      shape += c;
    else if (!shape.empty() && shape.back() != ' ')
      shape += ' ';
  }
  while (!shape.empty() && shape.back() == ' ') shape.pop_back();
  return shape;
}

// A valid duration one slip away from `text` that keeps its numbers, or empty: a letter
// typed for a digit (1h3Om), a unit written out (45mins, 2hrs), a wrong, extra or missing
// unit letter (45x, 30mn, 1h30), a clock time (1:30). A guess never changes a number or
// turns minutes into hours: copying it must log what the user meant.
std::string duration_guess(std::string_view text) {
  const std::string lower = lowercase(text);
  // Letters that look like digits, next to a digit: "1h3Om", "l5m"; a decimal comma.
  std::string digits = lower;
  const auto is_digit = [&](std::size_t i) {
    return i < lower.size() && std::isdigit(static_cast<unsigned char>(lower[i]));
  };
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (!is_digit(i + 1) && !(i > 0 && is_digit(i - 1))) continue;
    char& c = digits[i];
    if (c == 'o') c = '0';
    if (c == 'l' || c == 'i') c = '1';
    if (c == ',') c = '.';
  }
  const std::string shape = number_shape(digits);
  const auto good = [&](const std::string& candidate) {
    const auto total = scan_duration(candidate);
    return candidate != lower && total && *total > 0 && *total <= max_duration_minutes &&
           number_shape(candidate) == shape;
  };
  std::vector<std::string> candidates{digits};
  std::string_view rest = lower;  // "45mins": the letters as typed
  const std::string_view count = take_digits(rest);
  const bool word =
      std::all_of(rest.begin(), rest.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (!count.empty() && !rest.empty() && word && (rest.front() == 'm' || rest.front() == 'h')) {
    candidates.push_back(std::string(count) + rest.front());
  }
  if (const auto colon = digits.find(':'); colon != std::string::npos) {
    candidates.push_back(digits.substr(0, colon) + 'h' + digits.substr(colon + 1) + 'm');
  }
  candidates.push_back(digits + 'm');
  candidates.push_back(digits + 'h');
  for (std::size_t i = digits.size(); i-- > 0;) {  // from the end, where the unit is
    const char c = digits[i];
    if (std::isdigit(static_cast<unsigned char>(c)) || c == 'm' || c == 'h') continue;
    for (const char unit : {'m', 'h'}) {
      candidates.push_back(digits.substr(0, i) + unit + digits.substr(i + 1));
    }
    candidates.push_back(digits.substr(0, i) + digits.substr(i + 1));
  }
  for (const std::string& candidate : candidates) {
    if (good(candidate)) return candidate;
  }
  return "";
}

minutes checked_duration(std::string_view text, long long total) {
  if (total <= 0) throw UsageError(fmt::format("duration '{}' must be more than 0", text));
  if (total > max_duration_minutes) {
    throw UsageError(fmt::format("duration '{}' is longer than 24h", text));
  }
  return minutes{total};
}

// ---- cadences

[[noreturn]] void throw_cadence_range(std::string_view text, std::string_view rule) {
  throw UsageError(fmt::format("cadence '{}' is out of range; {}", text, rule));
}

std::optional<Cadence> parse_counted_cadence(std::string_view text, std::string_view lower) {
  const auto slash = lower.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view n_digits = lower.substr(0, slash);
  const std::string_view per = lower.substr(slash + 1);
  if (!all_digits(n_digits) || (per != "week" && !all_digits(per))) return std::nullopt;
  const long long n = to_count(n_digits);
  if (per == "week") {
    if (n < 1 || n > 7) throw_cadence_range(text, "N/week takes N from 1 to 7");
    return Cadence{Cadence::Type::per_week, static_cast<int>(n)};
  }
  const long long d = to_count(per);
  if (n < 1 || n > d || d > 365) throw_cadence_range(text, "N/D takes 1 <= N <= D <= 365");
  return Cadence{Cadence::Type::rolling, static_cast<int>(n), static_cast<int>(d)};
}

// ---- text

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool is_tag_char(char c) {
  return !is_space(c) && static_cast<unsigned char>(c) >= 0x20 && c != 0x7f;
}

}  // namespace

Day parse_date(std::string_view text, Day today, std::chrono::weekday week_start,
               DateDirection direction, std::string_view what) {
  if (const auto day = parse_iso_day(text, what)) return *day;
  if (const auto day = parse_date_word(lowercase(text), today, week_start, direction)) {
    return *day;
  }
  throw UsageError(fmt::format(
      "invalid date '{}' for {}; expected YYYY-MM-DD, today, yesterday, tomorrow, a weekday, "
      "+3d, -2d, +1w, eow or eom{}",
      text, what, suggestion(text, date_words)));
}

std::chrono::minutes parse_duration(std::string_view text, std::string_view /*what*/) {
  if (const auto m = try_parse_duration(text)) return *m;
  const std::string guess = duration_guess(text);
  throw UsageError(fmt::format("invalid duration '{}'; expected minutes (90), 45m, 1h30m or 1.5h{}",
                               text,
                               guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess)));
}

std::optional<std::chrono::minutes> try_parse_duration(std::string_view text) {
  const auto total = scan_duration(lowercase(text));
  if (!total) return std::nullopt;
  return checked_duration(text, *total);
}

std::string format_duration(std::chrono::minutes m) {
  const auto hours = m.count() / 60;
  const auto rest = m.count() % 60;
  if (hours == 0) return fmt::format("{}m", rest);
  if (rest == 0) return fmt::format("{}h", hours);
  return fmt::format("{}h{}m", hours, rest);
}

Cadence parse_cadence(std::string_view text) {
  const std::string lower = lowercase(text);
  if (lower == "daily") return Cadence{Cadence::Type::daily};
  if (lower == "weekdays") return Cadence{Cadence::Type::weekdays};
  if (lower == "none") return Cadence{Cadence::Type::none};
  if (const auto cadence = parse_counted_cadence(text, lower)) return *cadence;
  throw UsageError(
      fmt::format("unknown cadence '{}'; expected daily, weekdays, N/week, N/D or none{}", text,
                  suggestion(text, cadence_words)));
}

std::string format_cadence(const Cadence& cadence) {
  switch (cadence.type) {
    case Cadence::Type::none:
      return "none";
    case Cadence::Type::daily:
      return "daily";
    case Cadence::Type::weekdays:
      return "weekdays";
    case Cadence::Type::per_week:
      return fmt::format("{}/week", cadence.n);
    case Cadence::Type::rolling:
      return fmt::format("{}/{}", cadence.n, cadence.d);
  }
  return "daily";  // unreachable: every Type is handled above
}

Kind parse_kind(std::string_view text) {
  const std::string lower = lowercase(text);
  if (lower == "learn") return Kind::learn;
  if (lower == "do") return Kind::do_;
  throw UsageError(
      fmt::format("unknown kind '{}'; expected learn or do{}", text, suggestion(text, kind_words)));
}

std::chrono::minutes parse_time_of_day(std::string_view text, std::string_view what) {
  const bool shaped = text.size() == 5 && text[2] == ':' && all_digits(text.substr(0, 2)) &&
                      all_digits(text.substr(3, 2));
  const long long h = shaped ? to_count(text.substr(0, 2)) : -1;
  const long long m = shaped ? to_count(text.substr(3, 2)) : -1;
  if (h < 0 || h > 23 || m < 0 || m > 59) {
    throw UsageError(
        fmt::format("invalid time '{}' for {}; expected HH:MM from 00:00 to 23:59", text, what));
  }
  return std::chrono::hours{h} + minutes{m};
}

std::string parse_title(std::string_view text, std::string_view what) {
  if (!is_valid_utf8(text)) throw UsageError(fmt::format("{} is not valid UTF-8", what));
  const std::string_view title = trim(text);
  if (title.empty()) throw UsageError(fmt::format("{} must not be empty", what));
  const std::size_t length = utf8_length(title);
  if (length > max_title_length) {
    throw UsageError(
        fmt::format("{} is too long ({} characters); at most {}", what, length, max_title_length));
  }
  return std::string(title);
}

std::string parse_note(std::string_view text, std::string_view what) {
  if (!is_valid_utf8(text)) throw UsageError(fmt::format("{} is not valid UTF-8", what));
  const std::string_view note = trim(text);
  const std::size_t length = utf8_length(note);
  if (length > max_note_length) {
    throw UsageError(
        fmt::format("{} is too long ({} characters); at most {}", what, length, max_note_length));
  }
  return std::string(note);
}

std::string parse_tag(std::string_view text) {
  if (!is_valid_utf8(text)) throw UsageError("tag is not valid UTF-8");
  std::string_view tag = text;
  if (tag.starts_with('#') || tag.starts_with('+')) tag.remove_prefix(1);
  const std::size_t length = utf8_length(tag);
  // escape() changes a tag only for a control character (C1 and bidi ones too).
  if (length < 1 || length > max_tag_length || !std::all_of(tag.begin(), tag.end(), is_tag_char) ||
      escape(tag) != tag) {
    throw UsageError(fmt::format(
        "invalid tag '{}'; expected 1-50 characters without spaces or control characters", text));
  }
  return std::string(tag);
}

bool is_valid_utf8(std::string_view text) {
  return simdjson::validate_utf8(text.data(), text.size());
}

std::size_t utf8_length(std::string_view text) {
  // Count every byte that is not a continuation byte (10xxxxxx).
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string did_you_mean(std::string_view text, std::span<const std::string_view> candidates) {
  const std::string lower = lowercase(text);
  const std::size_t allowed = std::max<std::size_t>(1, lower.size() / 3);
  std::string_view best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  bool tied = false;
  for (const std::string_view candidate : candidates) {
    const std::size_t distance = edit_distance(lower, lowercase(candidate));
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
      tied = false;
    } else if (distance == best_distance && lowercase(candidate) != lowercase(best)) {
      tied = true;  // the same word twice (a title and its word) is no tie
    }
  }
  return best_distance <= allowed && !tied ? std::string(best) : std::string{};
}

std::string_view to_string(Kind kind) { return kind == Kind::learn ? "learn" : "do"; }

std::string_view to_string(GoalStatus status) {
  constexpr std::array<std::string_view, 4> names{"active", "paused", "achieved", "dropped"};
  return names.at(static_cast<std::size_t>(status));
}

std::string_view to_string(TaskStatus status) {
  constexpr std::array<std::string_view, 4> names{"todo", "doing", "done", "dropped"};
  return names.at(static_cast<std::size_t>(status));
}

}  // namespace momentum
