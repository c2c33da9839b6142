// undo_render.hpp: each kind of change in words, exact, as undo and undo --list say it.
#include "cli/undo_render.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>

#include "../unit/builders.hpp"
#include "momentum/sprint.hpp"

namespace {

using namespace std::chrono;
using namespace momentum;
using namespace momentum::test;
using momentum::cli::Style;
using momentum::cli::UndoLine;

const Day march_10 = sys_days{2026y / March / 10};

// The words for each change `undoable` gives, newest first, all made "today 09:00".
std::vector<std::string> texts(const Book& b, const Style& style = {}) {
  std::vector<std::string> out;
  for (Undoable& u : undoable(b.state, b.events, 100)) {
    out.push_back(cli::undo_text(style, b.state, UndoLine{std::move(u), "today 09:00", b.today}));
  }
  return out;
}

}  // namespace

TEST_CASE("undo_text says each kind of change in words", "[cli][undo]") {
  Book b(march_10);
  const int g = b.goal("Become an ML engineer, a title longer than thirty columns");
  const int t = b.task("Titanic");
  const int t2 = b.task("Read");
  SprintFields f;
  f.title = "Ship it";
  f.start = march_10;
  f.end = march_10 + days{6};
  f.tasks = {t};
  b.write(start_sprint(b.state, f, b.stamp(), b.today));
  b.write(add_to_sprint(b.state, {t2}, b.stamp(), b.today));
  b.write(remove_from_sprint(b.state, {t2}, b.stamp(), b.today));
  b.task_action(t, TaskAction::done);
  b.task_action(t2, TaskAction::drop);
  b.task_action(t2, TaskAction::reopen);
  b.write(close_sprint(b.state, Retrospective{}, b.stamp(), b.today));
  LogFields l;
  l.goal = std::optional<int>(g);
  l.task = std::optional<int>(t2);
  l.day = march_10 - days{1};
  b.log(l);
  b.write(add_skip(b.state, march_10 + days{2}, g, "", b.stamp()));
  b.goal_action(g, GoalAction::pause, march_10 + days{7});
  b.goal_action(g, GoalAction::achieve);
  CHECK(texts(b) ==
        std::vector<std::string>{
            "goal 1 (Become an ML engineer, a titl…), marked achieved today 09:00",
            "goal 1 (Become an ML engineer, a titl…), paused today 09:00 (until Tue 2026-03-17)",
            "rest day on Thu 2026-03-12 for goal 1, planned today 09:00",
            "check-in 1: on goal 1, task 2 for Mon 2026-03-09, logged today 09:00",
            "sprint 1 (Ship it), closed today 09:00",
            "task 2 (Read), reopened today 09:00",
            "task 2 (Read), dropped today 09:00",
            "task 1 (Titanic), marked done today 09:00",
            "sprint 1 (Ship it), task taken out today 09:00 (2)",
            "sprint 1 (Ship it), task added today 09:00 (2)",
            "sprint 1 (Ship it), started today 09:00 (Tue 2026-03-10 to Mon 2026-03-16)",
            "task 2 (Read), added today 09:00",
            "task 1 (Titanic), added today 09:00",
            "goal 1 (Become an ML engineer, a titl…), added today 09:00",
        });
  // Without UTF-8 the cut ends in "...".
  CHECK(texts(b, Style{false, false, 80}).back() ==
        "goal 1 (Become an ML engineer, a ti...), added today 09:00");
}

TEST_CASE("print_undo_list lists newest first, or says there is nothing", "[cli][undo]") {
  Book b(march_10);
  std::ostringstream empty;
  cli::print_undo_list(empty, Style{}, {b.state, {}});
  CHECK(empty.str() == "Nothing to undo.\n");
  b.goal("Run");
  std::ostringstream out;
  std::vector<UndoLine> lines;
  for (Undoable& u : undoable(b.state, b.events, 10)) {
    lines.push_back({std::move(u), "yesterday 21:40", b.today});
  }
  cli::print_undo_list(out, Style{}, {b.state, std::move(lines)});
  CHECK(out.str() ==
        "Newest first; 'momentum undo' reverts the first:\n"
        "  goal 1 (Run), added yesterday 21:40\n");
}
