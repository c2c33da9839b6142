// render.hpp's helpers: exact text for a given Style, with and without colour and UTF-8.
#include "cli/render.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>

namespace {

using namespace std::chrono;
using momentum::Day;
using momentum::cli::Column;
using momentum::cli::Style;
using momentum::cli::Table;

constexpr Style plain{false, false, 80};
constexpr Style fancy{true, true, 80};

const Day today = sys_days{2026y / March / 10};

}  // namespace

TEST_CASE("paint adds colour codes only when the style has colour", "[render]") {
  const auto red = fmt::fg(fmt::terminal_color::red);
  CHECK(momentum::cli::paint(plain, "late", red) == "late");
  CHECK(momentum::cli::paint(fancy, "late", red) == "\x1b[31mlate\x1b[0m");
}

TEST_CASE("truncate cuts to the width with an ellipsis that matches the locale", "[render]") {
  CHECK(momentum::cli::truncate("Become an ML engineer", 10, true) == "Become an…");
  CHECK(momentum::cli::truncate("Become an ML engineer", 10, false) == "Become ...");
  CHECK(momentum::cli::truncate("short", 10, false) == "short");
  CHECK(momentum::cli::truncate("\x1b[31mred text\x1b[0m here", 6, false) == "red...");
}

TEST_CASE("relative_due phrases a due day against today, late ones in red", "[render]") {
  using momentum::cli::relative_due;
  CHECK(relative_due(plain, today, today) == "today");
  CHECK(relative_due(fancy, today, today) == "\x1b[33mtoday\x1b[0m");
  CHECK(relative_due(fancy, today + days{1}, today) == "tomorrow");
  CHECK(relative_due(plain, today + days{3}, today) == "in 3d");
  CHECK(relative_due(plain, today + days{14}, today) == "2026-03-24");
  CHECK(relative_due(plain, today - days{2}, today) == "2d late");
  CHECK(relative_due(fancy, today - days{2}, today) == "\x1b[31m2d late\x1b[0m");
}

TEST_CASE("status_text colours a task's status word", "[render]") {
  using momentum::TaskStatus;
  using momentum::cli::status_text;
  CHECK(status_text(plain, TaskStatus::doing) == "doing");
  CHECK(status_text(fancy, TaskStatus::todo) == "todo");
  CHECK(status_text(fancy, TaskStatus::doing) == "\x1b[36mdoing\x1b[0m");
  CHECK(status_text(fancy, TaskStatus::done) == "\x1b[32mdone\x1b[0m");
  CHECK(status_text(fancy, TaskStatus::dropped) == "\x1b[2mdropped\x1b[0m");
}

TEST_CASE("goal_short shows a goal's number and escaped title, cut to the width", "[render]") {
  momentum::State state;
  momentum::Goal goal;
  goal.num = 1;
  goal.title = "Become an ML engineer\x1b[2J";
  state.goals.push_back(goal);
  using momentum::cli::goal_short;
  CHECK(goal_short(plain, state, std::nullopt) == "-");
  CHECK(goal_short(plain, state, 0, 60) == "1 Become an ML engineer\\x1b[2J");
  CHECK(goal_short(fancy, state, 0, 12) == "1 Become an…");
  CHECK(goal_short(plain, state, 0, 12) == "1 Become ...");
}

TEST_CASE("a table aligns its columns and cuts the flexible one to the width", "[render]") {
  Table table({{"#", true}, {"Title", false, true}, {"Due"}});
  table.add({"1", "Finish the Titanic tutorial", "today"});
  table.add({"12", "Submit", "-"});
  SECTION("wide enough: nothing is cut") {
    std::ostringstream out;
    table.print(out, plain);
    CHECK(out.str() ==
          " #  Title                        Due\n"
          " 1  Finish the Titanic tutorial  today\n"
          "12  Submit                       -\n");
  }
  SECTION("narrow: the flexible column gives way, with an ellipsis") {
    std::ostringstream out;
    table.print(out, Style{true, false, 24});
    CHECK(out.str() ==
          " #  Title          Due\n"
          " 1  Finish the T…  today\n"
          "12  Submit         -\n");
  }
  SECTION("colour dims the header only") {
    std::ostringstream out;
    table.print(out, Style{false, true, 80});
    CHECK(out.str() ==
          "\x1b[2m #  Title                        Due\x1b[0m\n"
          " 1  Finish the Titanic tutorial  today\n"
          "12  Submit                       -\n");
  }
}
