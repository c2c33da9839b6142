// The daily commands read a recent State from a second cache (momentum/recent.hpp): they must
// answer exactly as a full replay does, whatever happened to the journal in between.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "checks.hpp"
#include "momentum/codec.hpp"
#include "random_journal.hpp"
#include "sandbox.hpp"

using namespace momentum;
using namespace momentum::test;
namespace fs = std::filesystem;

namespace {

std::string journal_text(const std::vector<Event>& events) {
  std::string text = header_line(events.front().stamp.ts);
  for (const Event& e : events) text += to_line(e);
  return text;
}

Day last_day() { return first_day + days{journal_days - 1}; }

// The same journal read through the caches (`cached`) and by a full replay every time
// (`plain`, which has none): every daily command must print the same.
class TwoReaders {
 public:
  TwoReaders() {
    cached.set_env("XDG_CACHE_HOME", (cached.dir() / "cache").string());
    plain.set_env_empty("HOME");  // no XDG_CACHE_HOME and no HOME: no cache at all
  }
  void at(Day day) {
    const std::string now = format_day(day) + "T19:30:00Z";
    cached.now(now);
    plain.now(now);
  }
  // Runs the write `args` in both, checks that they print the same, and gives `plain` the
  // journal `cached` wrote (the new event's id is random); with `compare`, checks that both
  // then answer every daily command alike. `code` is the exit code expected.
  void write(const std::vector<std::string>& args, bool compare = true, int code = 0) {
    const Result a = cached.run(args);
    const Result b = plain.run(args);
    INFO(joined(args) << ": " << a.err);
    if (code >= 0) CHECK(a.code == code);  // -1: whatever it is, as long as both agree
    CHECK(b.code == a.code);
    CHECK(b.out == a.out);
    CHECK(b.err == a.err);
    plain.write_journal(cached.journal_bytes());
    if (compare) same_answers();
  }
  void same_answers() {
    ++checks;
    compare({{"today"},
             {"today", "--json"},
             {"prompt"},
             {"prompt", "--json"},
             {"streak"},
             {"streak", "--json"},
             {"remind"},
             {"task", "next"},
             {"task", "next", "--explain"},
             {"remind", "--format", "json"},
             {"task", "next", "--json"},
             {"sprint", "status"},
             {"sprint", "list", "--json"},
             {"sprint", "show", "1", "--json"},
             {"log", "list"},
             {"goal", "list", "--all"},
             {"goal", "list", "--json", "--all"},
             {"goal", "show", "1"},
             {"goal", "show", "2", "--json"},
             {"task", "show", "1"},
             {"task", "show", "3", "--json"},
             {"task", "show", "400"},
             {"task", "show", "e00002"},
             {"log", "list", "--json", "--since", "2025-12-01"},
             {"log", "list", "--since", "-5d"}});
    // The reports and undo's list read more and are slower to run: every other time.
    if (checks % 2 == 0) return;
    compare({{"task", "list"},
             {"task", "list", "--status", "doing", "--json"},
             {"task", "list", "--status", "done"},
             {"stats"},
             {"stats", "--json"},
             {"stats", "--goal", "2"},
             {"stats", "--since", "-60d", "--goal", "1"},
             {"review"},
             {"review", "--since", "-20d", "--format", "text"},
             {"review", "--sprint", "1"},
             {"__complete", "goals"},
             {"__complete", "tasks"},
             {"__complete", "sprints"},
             {"undo", "--list"},
             {"undo", "--list", "--json"}});
  }
  void compare(const std::vector<std::vector<std::string>>& commands) {
    for (const auto& args : commands) {
      const Result a = cached.run(args);
      const Result b = plain.run(args);
      INFO(joined(args) << " (answers compared: " << checks << ")");
      CHECK(a.code == b.code);
      CHECK(a.out == b.out);
      CHECK(a.err == b.err);
    }
  }
  Sandbox cached;
  Sandbox plain;
  int checks = 0;
};

// Two readers of a random year's journal; the cached one has run a daily command, so both
// of its caches exist.
void start(TwoReaders& two, unsigned seed) {
  const RandomJournal journal(seed);
  two.cached.write_journal(journal_text(journal.events));
  two.plain.write_journal(two.cached.journal_bytes());
  two.at(last_day());
  two.write({"log", "25m", "practice", "--goal", "1"});
}

}  // namespace

TEST_CASE("the daily commands answer from the recent cache as a full replay does",
          "[e2e][recent][cache]") {
  TwoReaders two;
  start(two, 5);
  const fs::path caches = two.cached.dir() / "cache" / "momentum";
  REQUIRE(fs::exists(caches));
  std::set<std::string> kinds;  // the full and recent caches, and the prompt's memo
  for (const auto& entry : fs::directory_iterator(caches)) {
    kinds.insert(entry.path().extension().string());
  }
  CHECK(kinds == std::set<std::string>{".cache", ".prompt", ".recent"});
  // Weeks past the journal's end, writing as a user would: the recent State is kept current
  // by each write, and built again as the weeks pass.
  for (Day day = last_day(); day <= last_day() + days{150}; day += days{25}) {
    two.at(day);
    two.write({"log", "25m", "practice", "--goal", "1"}, false);
    two.write({"log", "skip", "--date", format_day(day + days{1})}, false);
    two.write({"task", "add", "Next step", "--due", format_day(day + days{2})});
    two.write({"undo"});
    two.write({"task", "add", "Next step", "--due", format_day(day + days{2})});
  }
}

TEST_CASE("writes that name what the recent State left out are decided on the full one",
          "[e2e][recent][cache]") {
  TwoReaders two;
  start(two, 6);
  two.write({"log", "10m", "an old task", "--task", "1"});  // done long ago
  two.write({"log", "15m", "backdated", "--goal", "2", "--date", "2025-03-01"});
  two.write({"task", "edit", "2", "--title", "Renamed"});
  two.write({"log", "rm", "1"});
  two.write({"undo"});
  two.write({"log", "5m", "--goal", "3", "--date", "yesterday"});
  // Writes on the open tasks, goals and sprints a recent State holds, and on old ones.
  two.write({"task", "add", "Fresh", "--goal", "2", "--due", "tomorrow"});
  two.write({"task", "start", "3"}, true, -1);
  two.write({"task", "reopen", "1"}, true, -1);
  two.write({"task", "done", "1"}, true, -1);
  two.write({"task", "defer", "4", "--to", "+3d", "--reason", "later"}, true, -1);
  two.write({"task", "done", "e0001"}, true, -1);  // a UUID prefix: ambiguous in the full State
  // Check-ins and rest days are written on a recent State without its tasks; the task events
  // appended above name tasks it did not read.
  two.write({"log", "20m", "--goal", "2"});
  two.write({"log", "10m", "on an open task", "--task", "3"}, true, -1);
  two.write({"task", "add", "After the check-ins", "--goal", "1"});
  two.write({"goal", "add", "Write", "--cadence", "3/week"});
  two.write({"goal", "edit", "1", "--cadence", "weekdays"});
  two.write({"sprint", "start", "Now", "--days", "7"}, true, -1);  // refused: one is open
  two.write({"sprint", "add", "5"}, true, -1);
  two.write({"sprint", "start", "Then", "--start", "2025-06-01", "--days", "14"}, true, -1);
  two.write({"log", "skip"}, true, -1);
  two.write({"log", "skip"}, true, -1);  // the second is refused
  // Writes that change which tasks `today`, `task next` and `remind` show, which they pick
  // before replaying them: the most urgent task done, a quiet one made urgent.
  const std::string next = two.cached.run({"task", "next"}).out;
  const auto at = next.find("task ");
  REQUIRE(at != std::string::npos);
  const std::string top = next.substr(at + 5, next.find(':', at) - at - 5);
  two.write({"task", "done", top});
  two.write({"task", "edit", "9", "--importance", "5", "--due", "yesterday"}, true, -1);
  // Undo reads only the journal's latest events, and leaves to the full State a change about
  // something the recent one left out: a backdated check-in, an old task's edit.
  two.write({"undo"});
  two.write({"log", "15m", "backdated", "--goal", "2", "--date", "2025-02-01"});
  two.write({"task", "edit", "2", "--title", "Renamed again"});
  two.write({"undo"});
  two.write({"undo"});
  two.write({"undo"});
}

TEST_CASE("the recent cache gives way to whatever changed the journal", "[e2e][recent][cache]") {
  TwoReaders two;
  start(two, 7);
  const fs::path caches = two.cached.dir() / "cache" / "momentum";
  SECTION("lines appended by another program") {
    const Day day = last_day() + days{1};
    two.at(day);
    LogAdd l;
    l.day = day;
    l.minutes = std::optional<int>(40);
    const Timestamp ts = time_point_cast<milliseconds>(sys_time<seconds>(day) + hours{20});
    const Event event{{"appended-by-hand", ts, minutes{0}}, l};
    two.cached.write_journal(two.cached.journal_bytes() + to_line(event));
    two.plain.write_journal(two.cached.journal_bytes());
    two.same_answers();
    two.write({"log", "5m", "after it", "--goal", "2"});
  }
  SECTION("an edit in the middle of the journal") {
    std::string text = two.cached.journal_bytes();
    const std::size_t at = text.find("\"minutes\":", text.size() / 3);
    REQUIRE(at != std::string::npos);
    text.insert(at + 10, "1");  // a check-in's minutes, months ago, grow by 100
    two.cached.write_journal(text);
    two.plain.write_journal(text);
    two.same_answers();
  }
  SECTION("a merge that inserted lines in the middle") {
    std::string text = two.cached.journal_bytes();
    SkipAdd rest{first_day + days{200}, std::nullopt, std::string("merged in")};
    const Timestamp ts =
        time_point_cast<milliseconds>(sys_time<seconds>(first_day + days{200}) + hours{23});
    const std::size_t at = text.find('\n', text.size() / 2) + 1;
    text.insert(at, to_line(Event{{"merged-from-elsewhere", ts, minutes{0}}, rest}));
    two.cached.write_journal(text);
    two.plain.write_journal(text);
    two.same_answers();
  }
  SECTION("a deleted or damaged cache") {
    for (const auto& file : fs::directory_iterator(caches)) {
      if (file.path().extension() == ".recent") {
        std::ofstream(file.path(), std::ios::trunc) << "not a cache";
      } else {
        fs::remove(file.path());
      }
    }
    two.same_answers();
    two.write({"log", "30m", "--goal", "1"});
  }
  SECTION("a clock that goes back before the recent State, then years ahead") {
    two.at(last_day() - days{40});
    two.same_answers();
    two.at(last_day() + days{400});
    two.same_answers();
  }
}
