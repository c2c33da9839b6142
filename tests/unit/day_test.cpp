#include "momentum/day.hpp"

#include <catch2/catch.hpp>

#include "momentum/error.hpp"

using namespace std::chrono;
using namespace momentum;

namespace {

// The instant at `h`:`m` UTC on `day`.
Timestamp at(Day day, hours h, minutes m = minutes{0}) { return Timestamp{day} + h + m; }

}  // namespace

TEST_CASE("a check-in before day_start counts for the day before", "[day]") {
  const Day tuesday = 2026y / March / 10;
  const minutes day_start = 4h;

  SECTION("01:30 counts for the day before") {
    CHECK(day_of(at(tuesday, 1h, 30min), 0min, day_start) == Day{2026y / March / 9});
  }
  SECTION("the last millisecond before 04:00 counts for the day before") {
    CHECK(day_of(at(tuesday, 4h) - 1ms, 0min, day_start) == Day{2026y / March / 9});
  }
  SECTION("04:00 starts the day") { CHECK(day_of(at(tuesday, 4h), 0min, day_start) == tuesday); }
  SECTION("23:59 still counts for the same day") {
    CHECK(day_of(at(tuesday, 23h, 59min), 0min, day_start) == tuesday);
  }
  SECTION("across a year end") {
    CHECK(day_of(at(2027y / January / 1, 2h), 0min, day_start) == Day{2026y / December / 31});
  }
}

TEST_CASE("day_of reads the instant at the writer's UTC offset", "[day]") {
  const Day tuesday = 2026y / March / 10;

  SECTION("a negative offset moves the local time back") {
    // 08:30Z at -05:00 is 03:30 local, before a 04:00 day start.
    CHECK(day_of(at(tuesday, 8h, 30min), -5h, 4h) == Day{2026y / March / 9});
    CHECK(day_of(at(tuesday, 9h), -5h, 4h) == tuesday);
    // 03:00Z at -05:00 is 22:00 the evening before.
    CHECK(day_of(at(tuesday, 3h), -5h, 0min) == Day{2026y / March / 9});
  }
  SECTION("a positive offset moves the local time forward") {
    CHECK(day_of(at(tuesday, 2h, 30min), 1h, 4h) == Day{2026y / March / 9});
    CHECK(day_of(at(tuesday, 3h), 1h, 4h) == tuesday);
    CHECK(day_of(at(tuesday, 23h), 5h + 30min, 0min) == Day{2026y / March / 11});
  }
  SECTION("instants before 1970 floor to the earlier day") {
    CHECK(day_of(at(1969y / December / 31, 12h), 0min, 0min) == Day{1969y / December / 31});
    CHECK(day_of(at(1970y / January / 1, 1h), 0min, 4h) == Day{1969y / December / 31});
  }
}

TEST_CASE("today is the day of the clock's instant under the config's day start", "[day]") {
  const Clock clock{at(2026y / March / 10, 2h), 1h};
  Config config;
  CHECK(today(clock, config) == Day{2026y / March / 9});
  config.day_start = 0min;
  CHECK(today(clock, config) == Day{2026y / March / 10});
}

TEST_CASE("week_begin finds the first day of the week for either week start", "[day]") {
  REQUIRE(weekday{Day{2026y / March / 9}} == Monday);

  SECTION("weeks starting on Monday") {
    CHECK(week_begin(2026y / March / 11, Monday) == Day{2026y / March / 9});
    CHECK(week_begin(2026y / March / 9, Monday) == Day{2026y / March / 9});
    CHECK(week_begin(2026y / March / 15, Monday) == Day{2026y / March / 9});
    CHECK(week_begin(2026y / March / 1, Monday) == Day{2026y / February / 23});
  }
  SECTION("weeks starting on Sunday") {
    CHECK(week_begin(2026y / March / 11, Sunday) == Day{2026y / March / 8});
    CHECK(week_begin(2026y / March / 15, Sunday) == Day{2026y / March / 15});
    CHECK(week_begin(2026y / March / 14, Sunday) == Day{2026y / March / 8});
  }
  SECTION("across a year end") {
    CHECK(week_begin(2027y / January / 1, Monday) == Day{2026y / December / 28});
  }
}

TEST_CASE("format_timestamp writes UTC with exactly three decimals and Z", "[day]") {
  CHECK(format_timestamp(at(2026y / March / 10, 8h, 30min)) == "2026-03-10T08:30:00.000Z");
  CHECK(format_timestamp(at(2026y / March / 10, 8h, 30min) + 7s + 123ms) ==
        "2026-03-10T08:30:07.123Z");
  CHECK(format_timestamp(Timestamp{} - 1ms) == "1969-12-31T23:59:59.999Z");
  CHECK(format_timestamp(at(2300y / January / 1, 0h)) == "2300-01-01T00:00:00.000Z");
}

TEST_CASE("parse_timestamp accepts RFC 3339 with Z or an offset", "[day]") {
  const Timestamp expected = at(2026y / March / 10, 8h, 30min);
  auto [text, offset_ms] = GENERATE(table<std::string, long long>({
      {"2026-03-10T08:30:00Z", 0},
      {"2026-03-10t08:30:00z", 0},
      {"2026-03-10T08:30:00.000Z", 0},
      {"2026-03-10T08:30:00.123Z", 123},
      {"2026-03-10T08:30:00.1Z", 100},
      {"2026-03-10T08:30:00.123456789Z", 123},
      {"2026-03-10T09:30:00+01:00", 0},
      {"2026-03-10T03:00:00-05:30", 0},
      {"2026-03-10T08:30:00+00:00", 0},
      {"2026-03-10T08:30:00-00:00", 0},
      {"2026-03-10T08:30Z", 0},
      {"2026-03-11T00:30:00.5+16:00", 500},
  }));
  CAPTURE(text);
  CHECK(parse_timestamp(text) == expected + milliseconds{offset_ms});
}

TEST_CASE("parse_timestamp rejects anything else naming the text", "[day]") {
  auto text = GENERATE(as<std::string>{}, "", "2026-03-10", "2026-03-10T08:30:00",
                       "2026-03-10 08:30:00Z", "2026-03-10T8:30:00Z", "2026-03-10T24:00:00Z",
                       "2026-03-10T08:60:00Z", "2026-03-10T08:30:60Z", "2026-02-30T08:30:00Z",
                       "2026-03-10T08:30:00.Z", "2026-03-10T08:30:00.1234567890Z",
                       "2026-03-10T08:30:00+1:00", "2026-03-10T08:30:00+0100",
                       "2026-03-10T08:30:00+24:00", "2026-03-10T08:30:00Zjunk", "now");
  CHECK_THROWS_AS(parse_timestamp(text), UsageError);
  CHECK_THROWS_WITH(
      parse_timestamp(text),
      "invalid time '" + text + "'; expected RFC 3339 such as 2026-03-10T08:30:00+01:00");
}

TEST_CASE("timestamps round trip through format and parse", "[day]") {
  const Timestamp ts =
      GENERATE(at(2026y / March / 10, 8h, 30min) + 123ms, Timestamp{},
               at(2028y / February / 29, 23h, 59min) + 59s + 999ms, Timestamp{} - 1ms);
  CHECK(parse_timestamp(format_timestamp(ts)) == ts);
}

TEST_CASE("format_offset writes a signed HH:MM", "[day]") {
  CHECK(format_offset(60min) == "+01:00");
  CHECK(format_offset(-(5h + 30min)) == "-05:30");
  CHECK(format_offset(0min) == "+00:00");
  CHECK(format_offset(14h) == "+14:00");
  CHECK(format_offset(-45min) == "-00:45");
}

TEST_CASE("parse_offset reads a signed HH:MM or Z", "[day]") {
  CHECK(parse_offset("+01:00") == 60min);
  CHECK(parse_offset("-05:30") == -(5h + 30min));
  CHECK(parse_offset("Z") == 0min);
  CHECK(parse_offset("z") == 0min);
  CHECK(parse_offset("+00:00") == 0min);
  CHECK(parse_offset("-00:45") == -45min);

  SECTION("offsets round trip") {
    const minutes offset = GENERATE(0min, 60min, -300min, 330min, -45min, 23h + 59min);
    CHECK(parse_offset(format_offset(offset)) == offset);
  }
  SECTION("anything else is rejected") {
    auto text = GENERATE(as<std::string>{}, "", "01:00", "+1:00", "+0100", "+01:60", "+24:00",
                         "UTC", "+01:00 ");
    CHECK_THROWS_WITH(parse_offset(text),
                      "invalid UTC offset '" + text + "'; expected +HH:MM, -HH:MM or Z");
  }
}

TEST_CASE("format_day writes YYYY-MM-DD for any year", "[day]") {
  CHECK(format_day(2026y / March / 10) == "2026-03-10");
  CHECK(format_day(2028y / February / 29) == "2028-02-29");
  CHECK(format_day(1969y / December / 31) == "1969-12-31");
  CHECK(format_day(2300y / January / 1) == "2300-01-01");
  CHECK(format_day(1000y / January / 1) == "1000-01-01");
}

TEST_CASE("read_day takes exactly YYYY-MM-DD of a real day", "[day]") {
  using namespace std::chrono;
  CHECK(momentum::read_day("2028-02-29") == 2028y / February / 29);
  CHECK_FALSE(momentum::read_day("2027-02-29"));
  CHECK_FALSE(momentum::read_day("2026-3-10"));
  CHECK_FALSE(momentum::read_day("2026-03-10x"));
  CHECK_FALSE(momentum::read_day(""));
}
