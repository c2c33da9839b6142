// habit.hpp's pieces of a line: the day strip, its legend and the check-in streak, exact.
#include "cli/habit.hpp"

#include <catch2/catch.hpp>

namespace {

using momentum::DayMark;
using momentum::Streak;
using momentum::cli::Style;

const std::vector<DayMark> strip = {DayMark::logged, DayMark::skipped,      DayMark::paused,
                                    DayMark::missed, DayMark::not_required, DayMark::open,
                                    DayMark::future};

}  // namespace

TEST_CASE("the strip shows one glyph per day, ASCII outside UTF-8", "[habit]") {
  CHECK(momentum::cli::strip_text(Style{true, false, 80}, strip) == "■–‖×·□ ");
  CHECK(momentum::cli::strip_text(Style{false, false, 80}, strip) == "#-=x._ ");
  CHECK(momentum::cli::strip_text(Style{true, true, 80}, strip) ==
        "\x1b[32m■\x1b[0m–‖\x1b[31m×\x1b[0m·\x1b[33m□\x1b[0m ");
}

TEST_CASE("the strip's legend names each glyph", "[habit]") {
  CHECK(momentum::cli::strip_legend(Style{true, true, 80}) ==
        "■ logged  – rest day  ‖ paused  × missed  · not required  □ today, open");
  CHECK(momentum::cli::strip_legend(Style{false, false, 80}) ==
        "# logged  - rest day  = paused  x missed  . not required  _ today, open");
}

TEST_CASE("the check-in streak in words says when today is still open", "[habit]") {
  using momentum::cli::checkin_text;
  CHECK(checkin_text(Style{true, true, 80}, Streak{}) == "0 days; a check-in today starts one");
  Streak kept;
  kept.length = 1;
  CHECK(checkin_text(Style{true, true, 80}, kept) == "1 day");
  Streak open;
  open.length = 12;
  open.at_risk = true;
  CHECK(checkin_text(Style{true, false, 80}, open) == "12 days (no check-in today yet)");
  CHECK(checkin_text(Style{true, true, 80}, open) ==
        "12 days\x1b[33m (no check-in today yet)\x1b[0m");
}
