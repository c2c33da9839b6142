#include "momentum/resolve.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "momentum/error.hpp"

using namespace momentum;

namespace {

// (id, title) pairs; the title is ignored for tasks and check-ins.
using Rows = std::vector<std::pair<std::string, std::string>>;

template <class Entity>
std::vector<Entity> entities(const Rows& rows) {
  std::vector<Entity> out;
  for (const auto& [id, title] : rows) {
    Entity e;
    e.id = id;
    e.num = static_cast<int>(out.size()) + 1;
    if constexpr (requires { e.title; }) e.title = title;
    out.push_back(std::move(e));
  }
  return out;
}

State goals(const Rows& rows) {
  State s;
  s.goals = entities<Goal>(rows);
  return s;
}

State tasks(const Rows& rows) {
  State s;
  s.tasks = entities<Task>(rows);
  return s;
}

State logs(const Rows& rows) {
  State s;
  s.logs = entities<LogEntry>(rows);
  return s;
}

const Rows three_ids{
    {"3f2a9c10-5b7e-4c1d-9a2b-0c4d5e6f7a8b", ""},
    {"a1b2c3d4-0000-4000-8000-000000000002", ""},
    {"12345678-0000-4000-8000-000000000003", ""},
};

}  // namespace

TEST_CASE("a short number names an entity, with or without '#'", "[resolve]") {
  const State t = tasks(three_ids);
  CHECK(resolve_task(t, "1") == 0);
  CHECK(resolve_task(t, "2") == 1);
  CHECK(resolve_task(t, "#3") == 2);
  const State g = goals({{"aaaa0000-0000-4000-8000-000000000001", "Kaggle"},
                         {"bbbb0000-0000-4000-8000-000000000002", "Rust"}});
  CHECK(resolve_goal(g, "2") == 1);
  CHECK(resolve_goal(g, "#1") == 0);
  const State l = logs(three_ids);
  CHECK(resolve_log(l, "#2") == 1);
  CHECK(resolve_log(l, "3") == 2);
}

TEST_CASE("a unique UUID prefix of 4 or more characters names an entity", "[resolve]") {
  const State t = tasks(three_ids);
  CHECK(resolve_task(t, "3f2a") == 0);
  CHECK(resolve_task(t, "3F2A9C") == 0);
  CHECK(resolve_task(t, "a1b2c3d4-0") == 1);
  CHECK(resolve_task(t, "3f2a9c10-5b7e-4c1d-9a2b-0c4d5e6f7a8b") == 0);
  CHECK(resolve_goal(goals(three_ids), "a1b2") == 1);
  CHECK(resolve_log(logs(three_ids), "a1b2c") == 1);
}

TEST_CASE("a UUID prefix shorter than 4 characters is not accepted", "[resolve]") {
  const State t = tasks(three_ids);
  CHECK_THROWS_AS(resolve_task(t, "3f2"), UsageError);
  CHECK_THROWS_WITH(resolve_task(t, "a1b"),
                    "unknown task 'a1b'; expected a task number (1 to 3) or a UUID "
                    "prefix");
}

TEST_CASE("a number beyond the count is tried as a UUID prefix", "[resolve]") {
  CHECK(resolve_task(tasks(three_ids), "1234") == 2);
  CHECK(resolve_task(tasks(three_ids), "3") == 2);  // a number first
}

TEST_CASE("an ambiguous UUID prefix lists what it matches", "[resolve]") {
  const Rows ids{
      {"abcd1111-0000-4000-8000-000000000001", "one"},
      {"ffff0000-0000-4000-8000-000000000002", "two"},
      {"abcd2222-0000-4000-8000-000000000003", "three"},
  };
  CHECK_THROWS_AS(resolve_task(tasks(ids), "abcd"), UsageError);
  CHECK_THROWS_WITH(resolve_task(tasks(ids), "abcd"),
                    "task 'abcd' is ambiguous: it matches tasks 1 (one), 3 (three); "
                    "type more of it or use the number");
  CHECK_THROWS_WITH(resolve_goal(goals(ids), "ABCD"),
                    "goal 'ABCD' is ambiguous: it matches goals 1 (one), 3 (three); "
                    "type more of it or use the number");
  CHECK_THROWS_WITH(resolve_log(logs(ids), "abcd"),
                    "check-in 'abcd' is ambiguous: it matches check-ins 1 (1970-01-01), 3 "
                    "(1970-01-01); type more of it or use the number");
  CHECK(resolve_task(tasks(ids), "abcd2") == 2);
}

TEST_CASE("an ambiguous UUID prefix lists four matches, then how many more", "[resolve]") {
  Rows ids;
  for (char c = '1'; c <= '6'; ++c) {
    ids.emplace_back(std::string("beef000") + c + "-0000-4000-8000-000000000000", "");
  }
  CHECK_THROWS_WITH(resolve_task(tasks(ids), "beef"),
                    "task 'beef' is ambiguous: it matches tasks 1, 2, 3, 4 and 2 more; type "
                    "more of it or use the number");
}

TEST_CASE("a goal is found by a unique case-insensitive title prefix", "[resolve]") {
  const State g = goals({{"10000000-0000-4000-8000-000000000001", "Kaggle competitions"},
                         {"20000000-0000-4000-8000-000000000002", "Machine learning"},
                         {"30000000-0000-4000-8000-000000000003", "Deadlift 200 kg"},
                         {"40000000-0000-4000-8000-000000000004", "2026 reading plan"}});
  CHECK(resolve_goal(g, "kag") == 0);
  CHECK(resolve_goal(g, "KAGGLE C") == 0);
  CHECK(resolve_goal(g, "machine LEARNING") == 1);
  // Shaped like a UUID prefix or a number, but matching only a title.
  CHECK(resolve_goal(g, "dead") == 2);
  CHECK(resolve_goal(g, "2026") == 3);
}

TEST_CASE("an exact goal title beats the longer titles it prefixes", "[resolve]") {
  const State g = goals({{"10000000-0000-4000-8000-000000000001", "Rust async"},
                         {"20000000-0000-4000-8000-000000000002", "Rust"},
                         {"30000000-0000-4000-8000-000000000003", "Rust embedded"}});
  CHECK(resolve_goal(g, "rust") == 1);
  CHECK(resolve_goal(g, "RUST") == 1);
  CHECK(resolve_goal(g, "rust a") == 0);
  CHECK_THROWS_AS(resolve_goal(g, "ru"), UsageError);
  CHECK_THROWS_WITH(resolve_goal(g, "ru"),
                    "goal 'ru' is ambiguous: it matches goals 1 (Rust async), 2 (Rust), 3 "
                    "(Rust embedded); type more of it or use the number");
}

TEST_CASE("an unknown goal names what is accepted and a near miss", "[resolve]") {
  const State g = goals({{"10000000-0000-4000-8000-000000000001", "kaggle"},
                         {"20000000-0000-4000-8000-000000000002", "rust"}});
  CHECK_THROWS_AS(resolve_goal(g, "kagle"), UsageError);
  CHECK_THROWS_WITH(resolve_goal(g, "kagle"),
                    "unknown goal 'kagle'; expected a goal number (1 to 2), a UUID "
                    "prefix or the start of a title word (did you mean 'kaggle'?)");
  CHECK_THROWS_WITH(resolve_goal(g, "python"),
                    "unknown goal 'python'; expected a goal number (1 to 2), a UUID "
                    "prefix or the start of a title word");
  CHECK_THROWS_WITH(resolve_goal(g, "3"),
                    "unknown goal '3'; expected a goal number (1 to 2), a UUID prefix "
                    "or the start of a title word");
  CHECK_THROWS_WITH(resolve_goal(State{}, "kaggle"),
                    "unknown goal 'kaggle'; there are no goals yet (add one with 'momentum goal "
                    "add TITLE')");
}

TEST_CASE("an unknown task names the numbers there are", "[resolve]") {
  CHECK_THROWS_AS(resolve_task(tasks(three_ids), "4"), UsageError);
  CHECK_THROWS_WITH(resolve_task(tasks(three_ids), "4"),
                    "unknown task '4'; expected a task number (1 to 3) or a UUID prefix");
  CHECK_THROWS_WITH(resolve_task(tasks(three_ids), "#0"),
                    "unknown task '#0'; expected a task number (1 to 3) or a UUID prefix");
  CHECK_THROWS_WITH(resolve_task(tasks(three_ids), "-1"),
                    "unknown task '-1'; expected a task number (1 to 3) or a UUID prefix");
  CHECK_THROWS_WITH(resolve_task(tasks(three_ids), "ffff"),
                    "unknown task 'ffff'; expected a task number (1 to 3) or a UUID "
                    "prefix");
  CHECK_THROWS_WITH(resolve_task(tasks({three_ids[0]}), "2"),
                    "unknown task '2'; expected a task number (1) or a UUID prefix");
  CHECK_THROWS_WITH(resolve_task(State{}, "1"),
                    "unknown task '1'; there are no tasks yet (add one with 'momentum task add "
                    "TITLE')");
}

TEST_CASE("an unknown check-in points to 'log list'", "[resolve]") {
  CHECK_THROWS_AS(resolve_log(logs(three_ids), "9"), UsageError);
  CHECK_THROWS_WITH(resolve_log(logs(three_ids), "9"),
                    "unknown check-in '9'; expected a check-in number (1 to 3, see "
                    "'momentum log list') or a UUID prefix");
}

TEST_CASE("a removed check-in cannot be named", "[resolve]") {
  State l = logs(three_ids);
  l.logs[1].removed = true;
  CHECK_THROWS_AS(resolve_log(l, "2"), UsageError);
  CHECK_THROWS_WITH(resolve_log(l, "2"), "check-in '2' was removed");
  CHECK_THROWS_WITH(resolve_log(l, "a1b2"), "check-in 'a1b2' was removed");
  CHECK(resolve_log(l, "3") == 2);  // the others keep their numbers
}

TEST_CASE("a goal is found by the start of any word of its title", "[resolve]") {
  const State g = goals({{"10000000-0000-4000-8000-000000000001", "Become an ML engineer"},
                         {"20000000-0000-4000-8000-000000000002", "Win a Kaggle medal"},
                         {"30000000-0000-4000-8000-000000000003", "Blog: write-ups (weekly)"}});
  CHECK(resolve_goal(g, "ml") == 0);
  CHECK(resolve_goal(g, "ML eng") == 0);
  CHECK(resolve_goal(g, "engineer") == 0);
  CHECK(resolve_goal(g, "kaggle") == 1);
  CHECK(resolve_goal(g, "MED") == 1);
  CHECK(resolve_goal(g, "ups") == 2);     // after a hyphen
  CHECK(resolve_goal(g, "weekly") == 2);  // after a parenthesis
  CHECK_THROWS_WITH(resolve_goal(g, "gle"),
                    "unknown goal 'gle'; expected a goal number (1 to 3), a UUID prefix or the "
                    "start of a title word");
  // Several goals share the word: their numbers and titles, not UUIDs.
  CHECK_THROWS_WITH(resolve_goal(g, "a"),
                    "goal 'a' is ambiguous: it matches goals 1 (Become an ML engineer), 2 (Win a "
                    "Kaggle medal); type more of it or use the number");
}

TEST_CASE("a word is unique among titles and words alike", "[resolve]") {
  const State g = goals({{"10000000-0000-4000-8000-000000000001", "Become an ML engineer"},
                         {"20000000-0000-4000-8000-000000000002", "ML basics"}});
  CHECK_THROWS_WITH(resolve_goal(g, "ml"),
                    "goal 'ml' is ambiguous: it matches goals 1 (Become an ML engineer), 2 (ML "
                    "basics); type more of it or use the number");
  CHECK(resolve_goal(g, "ml e") == 0);
  CHECK(resolve_goal(g, "ml b") == 1);
}

TEST_CASE("words split at any punctuation and match without regard to case", "[resolve]") {
  const State g =
      goals({{"10000000-0000-4000-8000-000000000001", "Win a \u201cKaggle\u201d medal"},
             {"20000000-0000-4000-8000-000000000002", "Lire \u00abÉducation\u00bb en français"},
             {"30000000-0000-4000-8000-000000000003", "Étudier l'Économie — ŁÓDŹ"}});
  CHECK(resolve_goal(g, "kaggle") == 0);
  CHECK(resolve_goal(g, "éduc") == 1);
  CHECK(resolve_goal(g, "ÉDUC") == 1);
  CHECK(resolve_goal(g, "franç") == 1);
  CHECK(resolve_goal(g, "étud") == 2);
  CHECK(resolve_goal(g, "économie") == 2);
  CHECK(resolve_goal(g, "łódź") == 2);
}

TEST_CASE("a mistyped word of a title gets a did-you-mean", "[resolve]") {
  const State g = goals({{"10000000-0000-4000-8000-000000000001", "Win a Kaggle medal"},
                         {"20000000-0000-4000-8000-000000000002", "Become an ML engineer"}});
  CHECK_THROWS_WITH(resolve_goal(g, "kagle"),
                    "unknown goal 'kagle'; expected a goal number (1 to 2), a UUID prefix or the "
                    "start of a title word (did you mean 'Kaggle'?)");
  CHECK_THROWS_WITH(
      resolve_goal(g, "engeneer"),
      "unknown goal 'engeneer'; expected a goal number (1 to 2), a UUID prefix or the "
      "start of a title word (did you mean 'engineer'?)");
}

TEST_CASE("an ambiguous reference escapes and shortens the titles it lists", "[resolve]") {
  const State g =
      goals({{"10000000-0000-4000-8000-000000000001", "Kaggle \x1b[2J house prices and more"},
             {"20000000-0000-4000-8000-000000000002", "Kaggle titanic"}});
  CHECK_THROWS_WITH(resolve_goal(g, "kag"),
                    "goal 'kag' is ambiguous: it matches goals 1 (Kaggle \\x1b[2J house prices "
                    "and …), 2 (Kaggle titanic); type more of it or use the number");
}
