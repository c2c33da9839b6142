#include "momentum/parse.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <string>

#include "momentum/error.hpp"

using namespace std::chrono;
using namespace momentum;

namespace {

// A Tuesday.
constexpr Day tuesday = 2026y / March / 10;

Day parse_on(std::string_view text, Day today, weekday week_start = Monday) {
  return parse_date(text, today, week_start);
}

Day parse_back(std::string_view text, Day today) {
  return parse_date(text, today, Monday, DateDirection::backward);
}

std::string invalid_date(const std::string& text, const std::string& what = "date") {
  return "invalid date '" + text + "' for " + what +
         "; expected YYYY-MM-DD, today, yesterday, tomorrow, a weekday, +3d, -2d, +1w, eow or "
         "eom";
}

}  // namespace

// ---- dates

TEST_CASE("parse_date reads YYYY-MM-DD", "[parse]") {
  CHECK(parse_on("2026-03-10", tuesday) == Day{2026y / March / 10});
  CHECK(parse_on("1999-12-31", tuesday) == Day{1999y / December / 31});
  CHECK(parse_on("2028-02-29", tuesday) == Day{2028y / February / 29});
}

TEST_CASE("parse_date rejects a well-formed date that does not exist", "[parse]") {
  auto text = GENERATE(as<std::string>{}, "2026-02-30", "2027-02-29", "2026-13-01", "2026-00-10",
                       "2026-04-31", "2026-01-00");
  CHECK_THROWS_AS(parse_on(text, tuesday), UsageError);
  CHECK_THROWS_WITH(parse_date(text, tuesday, Monday, DateDirection::forward, "--due"),
                    "invalid date '" + text + "' for --due; no such day");
}

TEST_CASE("parse_date reads today, yesterday and tomorrow in any case", "[parse]") {
  CHECK(parse_on("today", tuesday) == tuesday);
  CHECK(parse_on("Today", tuesday) == tuesday);
  CHECK(parse_on("yesterday", tuesday) == Day{2026y / March / 9});
  CHECK(parse_on("TOMORROW", tuesday) == Day{2026y / March / 11});

  SECTION("across month and year ends") {
    CHECK(parse_on("tomorrow", 2026y / March / 31) == Day{2026y / April / 1});
    CHECK(parse_on("yesterday", 2026y / March / 1) == Day{2026y / February / 28});
    CHECK(parse_on("tomorrow", 2026y / December / 31) == Day{2027y / January / 1});
    CHECK(parse_on("yesterday", 2027y / January / 1) == Day{2026y / December / 31});
  }
  SECTION("around a leap day") {
    CHECK(parse_on("tomorrow", 2028y / February / 28) == Day{2028y / February / 29});
    CHECK(parse_on("tomorrow", 2028y / February / 29) == Day{2028y / March / 1});
    CHECK(parse_on("yesterday", 2028y / March / 1) == Day{2028y / February / 29});
  }
}

TEST_CASE("a weekday name points to the next one strictly after today", "[parse]") {
  REQUIRE(weekday{tuesday} == Tuesday);
  auto [text, expected] = GENERATE(table<std::string, Day>({
      {"wednesday", 2026y / March / 11},
      {"wed", 2026y / March / 11},
      {"Friday", 2026y / March / 13},
      {"SUN", 2026y / March / 15},
      {"monday", 2026y / March / 16},
      {"tuesday", 2026y / March / 17},
      {"tue", 2026y / March / 17},
      {"thu", 2026y / March / 12},
      {"sat", 2026y / March / 14},
  }));
  CAPTURE(text);
  CHECK(parse_on(text, tuesday) == expected);
}

TEST_CASE("a weekday name points back to the last one strictly before today", "[parse]") {
  auto [text, expected] = GENERATE(table<std::string, Day>({
      {"monday", 2026y / March / 9},
      {"mon", 2026y / March / 9},
      {"sunday", 2026y / March / 8},
      {"wednesday", 2026y / March / 4},
      {"tuesday", 2026y / March / 3},
      {"Fri", 2026y / March / 6},
  }));
  CAPTURE(text);
  CHECK(parse_back(text, tuesday) == expected);
}

TEST_CASE("a weekday name crosses month and year ends", "[parse]") {
  REQUIRE(weekday{Day{2026y / December / 31}} == Thursday);
  CHECK(parse_on("monday", 2026y / December / 31) == Day{2027y / January / 4});
  CHECK(parse_back("friday", 2027y / January / 1) == Day{2026y / December / 25});
  CHECK(parse_back("sunday", 2026y / March / 2) == Day{2026y / March / 1});
  CHECK(parse_back("saturday", 2026y / March / 1) == Day{2026y / February / 28});
}

TEST_CASE("parse_date reads offsets in days and weeks", "[parse]") {
  auto [text, expected] = GENERATE(table<std::string, Day>({
      {"+3d", 2026y / March / 13},
      {"-2d", 2026y / March / 8},
      {"+1w", 2026y / March / 17},
      {"-1w", 2026y / March / 3},
      {"+0d", 2026y / March / 10},
      {"-0w", 2026y / March / 10},
      {"+3D", 2026y / March / 13},
      {"+22d", 2026y / April / 1},
      {"-10d", 2026y / February / 28},
      {"+300d", 2027y / January / 4},
      {"+3650d", 2036y / March / 7},
      {"-521w", 2016y / March / 15},
  }));
  CAPTURE(text);
  CHECK(parse_on(text, tuesday) == expected);
}

TEST_CASE("parse_date rejects offsets beyond ten years", "[parse]") {
  auto text = GENERATE(as<std::string>{}, "+3651d", "-3651d", "+522w", "+99999999999999999999d");
  CHECK_THROWS_WITH(parse_on(text, tuesday), invalid_date(text));
}

TEST_CASE("eow is the last day of the week holding today", "[parse]") {
  SECTION("weeks starting on Monday end on Sunday") {
    CHECK(parse_on("eow", tuesday, Monday) == Day{2026y / March / 15});
    CHECK(parse_on("eow", 2026y / March / 9, Monday) == Day{2026y / March / 15});
    CHECK(parse_on("EOW", 2026y / March / 15, Monday) == Day{2026y / March / 15});
    CHECK(parse_on("eow", 2026y / December / 30, Monday) == Day{2027y / January / 3});
  }
  SECTION("weeks starting on Sunday end on Saturday") {
    CHECK(parse_on("eow", tuesday, Sunday) == Day{2026y / March / 14});
    CHECK(parse_on("eow", 2026y / March / 14, Sunday) == Day{2026y / March / 14});
    CHECK(parse_on("eow", 2026y / March / 15, Sunday) == Day{2026y / March / 21});
  }
}

TEST_CASE("eom is the last day of today's month", "[parse]") {
  CHECK(parse_on("eom", tuesday) == Day{2026y / March / 31});
  CHECK(parse_on("eom", 2026y / March / 31) == Day{2026y / March / 31});
  CHECK(parse_on("eom", 2026y / April / 1) == Day{2026y / April / 30});
  CHECK(parse_on("eom", 2026y / February / 10) == Day{2026y / February / 28});
  CHECK(parse_on("eom", 2028y / February / 10) == Day{2028y / February / 29});
  CHECK(parse_on("Eom", 2026y / December / 5) == Day{2026y / December / 31});
}

TEST_CASE("parse_date names the bad text, the option and what is accepted", "[parse]") {
  SECTION("malformed text") {
    auto text = GENERATE(as<std::string>{}, "", "2026-3-10", "26-03-10", "2026/03/10", "20260310",
                         "2026-03-10x", "3d", "+d", "+3", "+3m", "next week", "someday", "+-3d");
    CHECK_THROWS_AS(parse_on(text, tuesday), UsageError);
    CHECK_THROWS_WITH(parse_on(text, tuesday), invalid_date(text));
  }
  SECTION("the option is named") {
    CHECK_THROWS_WITH(parse_date("soon", tuesday, Monday, DateDirection::forward, "--due"),
                      invalid_date("soon", "--due"));
  }
  SECTION("a near miss gets a suggestion") {
    CHECK_THROWS_WITH(parse_on("tomorow", tuesday),
                      invalid_date("tomorow") + " (did you mean 'tomorrow'?)");
    CHECK_THROWS_WITH(parse_on("Wensday", tuesday),
                      invalid_date("Wensday") + " (did you mean 'wednesday'?)");
    CHECK_THROWS_WITH(parse_on("yestrday", tuesday),
                      invalid_date("yestrday") + " (did you mean 'yesterday'?)");
  }
  SECTION("an equally near miss of two words gets none") {
    CHECK_THROWS_WITH(parse_on("eo", tuesday), invalid_date("eo"));
  }
}

// ---- durations

TEST_CASE("parse_duration reads every duration form", "[parse]") {
  auto [text, expected] = GENERATE(table<std::string, int>({
      {"90", 90},       {"1", 1},       {"1440", 1440}, {"45m", 45},   {"45M", 45},
      {"2h", 120},      {"2H", 120},    {"24h", 1440},  {"1h30m", 90}, {"1H30M", 90},
      {"23h59m", 1439}, {"0h5m", 5},    {"1h0m", 60},   {"1.5h", 90},  {"0.25h", 15},
      {"0.1h", 6},      {"2.75H", 165}, {"0.01h", 1},   {"1.0h", 60},  {"007m", 7},
  }));
  CAPTURE(text);
  CHECK(parse_duration(text) == minutes{expected});
  CHECK(try_parse_duration(text) == minutes{expected});
}

TEST_CASE("parse_duration rejects what is not a duration, with a near miss", "[parse]") {
  // A guess keeps the numbers and never turns minutes into hours (copying it must log what
  // was meant): "1:30" is not 130, ".5h" is not 5h, "1.5m" is not 1.5h.
  const auto [text, guess] = GENERATE(table<std::string, std::string>({
      {"", ""},          {"h", ""},           {"m", ""},          {"read", ""},
      {"chapter 3", ""}, {"3rd", ""},         {"--5m", ""},       {"1m30s", ""},
      {"30x", "30m"},    {"45x", "45m"},      {"1h3Om", "1h30m"}, {"1h3om", "1h30m"},
      {"l5m", "15m"},    {"1,5h", "1.5h"},    {"1.5", "1.5h"},    {"1.5m", ""},
      {".5h", ""},       {"1.h", ""},         {"1h30", "1h30m"},  {"1h30h", ""},
      {"1 h", "1h"},     {"1h 30m", "1h30m"}, {" 45m", "45m"},    {"45m ", "45m"},
      {"+5m", "5m"},     {"45mins", "45m"},   {"2hrs", "2h"},     {"30mn", "30m"},
      {"1.5hr", "1.5h"}, {"1e2h", ""},        {"1:30", "1h30m"},  {"0:45", "0h45m"},
  }));
  CAPTURE(text);
  CHECK_THROWS_AS(parse_duration(text), UsageError);
  CHECK_THROWS_WITH(parse_duration(text),
                    "invalid duration '" + text + "'; expected minutes (90), 45m, 1h30m or 1.5h" +
                        (guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
}

TEST_CASE("parse_duration rejects durations of zero or less", "[parse]") {
  auto text =
      GENERATE(as<std::string>{}, "0", "0m", "0h", "0h0m", "0.0h", "0.001h", "-5", "-5m", "-1h30m");
  CHECK_THROWS_WITH(parse_duration(text), "duration '" + text + "' must be more than 0");
}

TEST_CASE("parse_duration rejects durations longer than 24h", "[parse]") {
  auto text = GENERATE(as<std::string>{}, "1441", "25h", "24h1m", "24.1h", "23h61m",
                       "99999999999999999999", "99999999999999999999h", "99999999999999999999.5h");
  CHECK_THROWS_WITH(parse_duration(text), "duration '" + text + "' is longer than 24h");
}

TEST_CASE("try_parse_duration tells a duration from a note", "[parse]") {
  SECTION("text that is not duration-shaped is a note") {
    auto text = GENERATE(as<std::string>{}, "read", "chapter 3", "3rd", "", "1.5", "h", "45 min",
                         "solved it");
    CHECK_FALSE(try_parse_duration(text).has_value());
  }
  SECTION("a duration is read") {
    CHECK(try_parse_duration("45m") == 45min);
    CHECK(try_parse_duration("1.5h") == 90min);
  }
  SECTION("a duration out of range still throws") {
    CHECK_THROWS_WITH(try_parse_duration("0"), "duration '0' must be more than 0");
    CHECK_THROWS_WITH(try_parse_duration("-5m"), "duration '-5m' must be more than 0");
    CHECK_THROWS_WITH(try_parse_duration("25h"), "duration '25h' is longer than 24h");
  }
}

TEST_CASE("format_duration writes minutes, hours or both", "[parse]") {
  CHECK(format_duration(45min) == "45m");
  CHECK(format_duration(0min) == "0m");
  CHECK(format_duration(60min) == "1h");
  CHECK(format_duration(90min) == "1h30m");
  CHECK(format_duration(120min) == "2h");
  CHECK(format_duration(1439min) == "23h59m");
  CHECK(format_duration(1440min) == "24h");

  SECTION("what it writes parses back") {
    const int m = GENERATE(1, 59, 60, 61, 90, 1439, 1440);
    CHECK(parse_duration(format_duration(minutes{m})) == minutes{m});
  }
}

// ---- cadences

TEST_CASE("parse_cadence reads every cadence form in any case", "[parse]") {
  using Type = Cadence::Type;
  auto [text, expected, written] = GENERATE(table<std::string, Cadence, std::string>({
      {"daily", Cadence{Type::daily, 1, 7}, "daily"},
      {"Daily", Cadence{Type::daily, 1, 7}, "daily"},
      {"weekdays", Cadence{Type::weekdays, 1, 7}, "weekdays"},
      {"WEEKDAYS", Cadence{Type::weekdays, 1, 7}, "weekdays"},
      {"none", Cadence{Type::none, 1, 7}, "none"},
      {"1/week", Cadence{Type::per_week, 1, 7}, "1/week"},
      {"3/week", Cadence{Type::per_week, 3, 7}, "3/week"},
      {"7/Week", Cadence{Type::per_week, 7, 7}, "7/week"},
      {"3/7", Cadence{Type::rolling, 3, 7}, "3/7"},
      {"1/1", Cadence{Type::rolling, 1, 1}, "1/1"},
      {"10/30", Cadence{Type::rolling, 10, 30}, "10/30"},
      {"365/365", Cadence{Type::rolling, 365, 365}, "365/365"},
      {"03/07", Cadence{Type::rolling, 3, 7}, "3/7"},
  }));
  CAPTURE(text);
  const Cadence cadence = parse_cadence(text);
  CHECK(cadence == expected);
  CHECK(format_cadence(cadence) == written);
  CHECK(parse_cadence(format_cadence(cadence)) == cadence);
}

TEST_CASE("parse_cadence rejects unknown cadences", "[parse]") {
  const std::string accepted = "; expected daily, weekdays, N/week, N/D or none";
  SECTION("with no near miss") {
    auto text = GENERATE(as<std::string>{}, "3/wk", "", "weekly", "/week", "3/", "/7", "a/7",
                         "3/7d", "-1/7", "3 / 7", "3/week/2", "3/-7");
    CHECK_THROWS_AS(parse_cadence(text), UsageError);
    CHECK_THROWS_WITH(parse_cadence(text), "unknown cadence '" + text + "'" + accepted);
  }
  SECTION("a near miss gets a suggestion") {
    CHECK_THROWS_WITH(parse_cadence("daly"),
                      "unknown cadence 'daly'" + accepted + " (did you mean 'daily'?)");
    CHECK_THROWS_WITH(parse_cadence("Weekday"),
                      "unknown cadence 'Weekday'" + accepted + " (did you mean 'weekdays'?)");
    CHECK_THROWS_WITH(parse_cadence("non"),
                      "unknown cadence 'non'" + accepted + " (did you mean 'none'?)");
  }
}

TEST_CASE("parse_cadence rejects counts out of range", "[parse]") {
  SECTION("N/week takes N from 1 to 7") {
    auto text = GENERATE(as<std::string>{}, "0/week", "8/week", "99999999999999999999/week");
    CHECK_THROWS_WITH(parse_cadence(text),
                      "cadence '" + text + "' is out of range; N/week takes N from 1 to 7");
  }
  SECTION("N/D takes 1 <= N <= D <= 365") {
    auto text = GENERATE(as<std::string>{}, "0/7", "8/7", "3/0", "3/366", "366/366",
                         "99999999999999999999/7");
    CHECK_THROWS_WITH(parse_cadence(text),
                      "cadence '" + text + "' is out of range; N/D takes 1 <= N <= D <= 365");
  }
}

// ---- kinds and times of day

TEST_CASE("parse_kind reads learn or do in any case", "[parse]") {
  CHECK(parse_kind("learn") == Kind::learn);
  CHECK(parse_kind("LEARN") == Kind::learn);
  CHECK(parse_kind("do") == Kind::do_);
  CHECK(parse_kind("Do") == Kind::do_);
  CHECK_THROWS_WITH(parse_kind("build"), "unknown kind 'build'; expected learn or do");
  CHECK_THROWS_WITH(parse_kind(""), "unknown kind ''; expected learn or do");
  CHECK_THROWS_WITH(parse_kind("lern"),
                    "unknown kind 'lern'; expected learn or do (did you mean 'learn'?)");
}

TEST_CASE("parse_time_of_day reads HH:MM as minutes after midnight", "[parse]") {
  CHECK(parse_time_of_day("00:00", "day_start") == 0min);
  CHECK(parse_time_of_day("04:00", "day_start") == 4h);
  CHECK(parse_time_of_day("18:30", "remind_after") == 18h + 30min);
  CHECK(parse_time_of_day("23:59", "day_start") == 23h + 59min);

  SECTION("anything else is rejected naming the setting") {
    auto text = GENERATE(as<std::string>{}, "24:00", "12:60", "4:00", "0400", "04:00:00", "",
                         "aa:bb", "12:5", "-1:00", "+4:00");
    CHECK_THROWS_WITH(
        parse_time_of_day(text, "day_start"),
        "invalid time '" + text + "' for day_start; expected HH:MM from 00:00 to 23:59");
  }
}

// ---- text

TEST_CASE("parse_title trims and checks a title", "[parse]") {
  CHECK(parse_title("Read SICP") == "Read SICP");
  CHECK(parse_title("  \tRead SICP \r\n") == "Read SICP");
  CHECK(parse_title("Über Kaggle 🚀") == "Über Kaggle 🚀");

  SECTION("an empty title is rejected") {
    auto text = GENERATE(as<std::string>{}, "", " ", "\t\n ");
    CHECK_THROWS_AS(parse_title(text), UsageError);
    CHECK_THROWS_WITH(parse_title(text), "title must not be empty");
    CHECK_THROWS_WITH(parse_title(text, "problem"), "problem must not be empty");
  }
  SECTION("at most 200 characters, counted as code points after trimming") {
    CHECK(parse_title(std::string(200, 'a')) == std::string(200, 'a'));
    std::string accented;
    for (int i = 0; i < 200; ++i) accented += "é";
    CHECK(parse_title(accented) == accented);
    CHECK(parse_title("  " + std::string(200, 'a') + "  ") == std::string(200, 'a'));
    CHECK_THROWS_WITH(parse_title(std::string(201, 'a')),
                      "title is too long (201 characters); at most 200");
    CHECK_THROWS_WITH(parse_title(accented + "é", "problem"),
                      "problem is too long (201 characters); at most 200");
  }
  SECTION("invalid UTF-8 is rejected") {
    CHECK_THROWS_WITH(parse_title("bad \xff byte"), "title is not valid UTF-8");
    CHECK_THROWS_WITH(parse_title("\xc3"), "title is not valid UTF-8");
  }
}

TEST_CASE("parse_note trims and checks a note", "[parse]") {
  CHECK(parse_note("") == "");
  CHECK(parse_note("  finished chapter 3\n") == "finished chapter 3");
  CHECK(parse_note(std::string(4000, 'x')) == std::string(4000, 'x'));
  CHECK_THROWS_WITH(parse_note(std::string(4001, 'x')),
                    "note is too long (4001 characters); at most 4000");
  CHECK_THROWS_WITH(parse_note("\xff"), "note is not valid UTF-8");
}

TEST_CASE("parse_tag checks a tag and drops a leading # or +", "[parse]") {
  CHECK(parse_tag("ml") == "ml");
  CHECK(parse_tag("#ml") == "ml");
  CHECK(parse_tag("+ml") == "ml");
  CHECK(parse_tag("kaggle-2026") == "kaggle-2026");
  CHECK(parse_tag("日本語") == "日本語");
  CHECK(parse_tag(std::string(50, 't')) == std::string(50, 't'));
  CHECK(parse_tag("#" + std::string(50, 't')) == std::string(50, 't'));

  SECTION("an empty, long or spaced tag is rejected") {
    auto text = GENERATE(as<std::string>{}, "", "#", "+", std::string(51, 't'), "two words", " ml",
                         "ml\t", "a\nb", "x\xc2\x9b", "\xe2\x80\xaeml", "bell\x07");
    CHECK_THROWS_WITH(parse_tag(text),
                      "invalid tag '" + text +
                          "'; expected 1-50 characters without spaces or control characters");
  }
  SECTION("invalid UTF-8 is rejected") {
    CHECK_THROWS_WITH(parse_tag("\xff"), "tag is not valid UTF-8");
  }
}

TEST_CASE("is_valid_utf8 accepts well-formed UTF-8 only", "[parse]") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain ascii"));
  CHECK(is_valid_utf8("é 日本語 🙂"));
  CHECK_FALSE(is_valid_utf8("\xff"));
  CHECK_FALSE(is_valid_utf8("\xc3"));          // truncated sequence
  CHECK_FALSE(is_valid_utf8("\xc0\xaf"));      // overlong encoding
  CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));  // UTF-16 surrogate
}

TEST_CASE("utf8_length counts code points", "[parse]") {
  CHECK(utf8_length("") == 0);
  CHECK(utf8_length("abc") == 3);
  CHECK(utf8_length("é") == 1);
  CHECK(utf8_length("日本語") == 3);
  CHECK(utf8_length("🙂!") == 2);
}

TEST_CASE("did_you_mean suggests the one clearly closest candidate", "[parse]") {
  constexpr std::array<std::string_view, 4> words{"daily", "weekdays", "eow", "eom"};
  CHECK(did_you_mean("daly", words) == "daily");
  CHECK(did_you_mean("DAILYY", words) == "daily");
  CHECK(did_you_mean("weekday", words) == "weekdays");
  CHECK(did_you_mean("wekdys", words) == "weekdays");
  CHECK(did_you_mean("daily", words) == "daily");

  SECTION("nothing when too far") {
    CHECK(did_you_mean("dialy", words).empty());  // two edits in five letters
    CHECK(did_you_mean("monthly", words).empty());
    CHECK(did_you_mean("", words).empty());
  }
  SECTION("nothing when two candidates tie") { CHECK(did_you_mean("eo", words).empty()); }
  SECTION("nothing without candidates") { CHECK(did_you_mean("daily", {}).empty()); }
}

TEST_CASE("to_string names kinds and statuses as in the journal", "[parse]") {
  CHECK(to_string(Kind::learn) == "learn");
  CHECK(to_string(Kind::do_) == "do");
  CHECK(to_string(GoalStatus::active) == "active");
  CHECK(to_string(GoalStatus::paused) == "paused");
  CHECK(to_string(GoalStatus::achieved) == "achieved");
  CHECK(to_string(GoalStatus::dropped) == "dropped");
  CHECK(to_string(TaskStatus::todo) == "todo");
  CHECK(to_string(TaskStatus::doing) == "doing");
  CHECK(to_string(TaskStatus::done) == "done");
  CHECK(to_string(TaskStatus::dropped) == "dropped");
}
