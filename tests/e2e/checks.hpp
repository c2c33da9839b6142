#pragma once
// Checks shared by the e2e tests: failed commands, JSON output, hand-made journals.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sandbox.hpp"

namespace momentum::test {

inline std::string joined(const std::vector<std::string>& args) {
  std::string text;
  for (const std::string& a : args) text += (text.empty() ? "" : " ") + a;
  return text;
}

// Runs `args` (with --journal) and checks that it fails with `code`, prints exactly
// "momentum: error: MESSAGE" on stderr and nothing on stdout, and changes no journal byte.
inline void check_fails(const Sandbox& box, const std::vector<std::string>& args, int code,
                        const std::string& message) {
  INFO("momentum " << joined(args));
  const bool existed = box.journal_exists();
  const std::string before = box.journal_bytes();
  const Result r = box.run(args);
  CHECK(r.code == code);
  CHECK(r.err == "momentum: error: " + message + "\n");
  CHECK(r.out.empty());
  CHECK(box.journal_exists() == existed);
  CHECK(box.journal_bytes() == before);
}

// A usage error (exit 2).
inline void check_rejects(const Sandbox& box, const std::vector<std::string>& args,
                          const std::string& message) {
  check_fails(box, args, 2, message);
}

// Runs `args` (with --json) and parses stdout; the run must succeed without warnings.
inline nlohmann::json run_json(const Sandbox& box, std::vector<std::string> args) {
  INFO("momentum --json " << joined(args));
  args.insert(args.begin(), "--json");
  const Result r = box.run(args);
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  return nlohmann::json::parse(r.out);
}

// Runs `args` and requires success with an empty stderr; returns stdout.
inline std::string run_ok(const Sandbox& box, const std::vector<std::string>& args) {
  INFO("momentum " << joined(args));
  const Result r = box.run(args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  return r.out;
}

// A hand-written journal header line (with its newline).
inline std::string header_line(const std::string& created = "2026-03-01T09:00:00.000Z",
                               int version = 1) {
  return R"({"momentum":"journal","version":)" + std::to_string(version) + R"(,"created":")" +
         created + "\"}\n";
}

// A hand-written event line (with its newline); `data` is a JSON object's text.
inline std::string event_line(const std::string& id, const std::string& ts, const std::string& op,
                              const std::string& data) {
  return R"({"id":")" + id + R"(","ts":")" + ts + R"(","tz":"+00:00","op":")" + op +
         R"(","data":)" + data + "}\n";
}

// A goal.add event with a fixed UUID.
inline std::string goal_line(const std::string& id, const std::string& ts,
                             const std::string& title) {
  return event_line(id, ts, "goal.add",
                    R"({"title":")" + title +
                        R"(","cadence":"daily","importance":3,"tags":[],"day":")" +
                        ts.substr(0, 10) + "\"}");
}

// A task.add event with a fixed UUID and no goal.
inline std::string task_line(const std::string& id, const std::string& ts,
                             const std::string& title) {
  return event_line(id, ts, "task.add",
                    R"({"title":")" + title + R"(","kind":"do","importance":3,"tags":[],"day":")" +
                        ts.substr(0, 10) + "\"}");
}

// A journal written through the real commands: goals, tasks, check-ins, an edit, a removal,
// a deferral, a rest day, a pause and a closed sprint.
inline void fill_journal(const Sandbox& box) {
  const std::vector<std::vector<std::string>> commands = {
      {"goal", "add", "Become an ML engineer", "--why", "a job, I love"},
      {"goal", "add", "Run"},
      {"task", "add", "Read ISLR, chapter 3", "--goal", "1", "--kind", "learn", "--due",
       "2026-03-12"},
      {"task", "add", "Titanic \"baseline\"", "--due", "2026-03-13", "--tag", "kaggle"},
      {"log", "45m", "linear regression", "--task", "1"},
      {"log", "20m", "a mistake"},
      {"log", "edit", "1", "--duration", "50m"},
      {"log", "rm", "2"},
      {"task", "defer", "2", "--to", "2026-03-16", "--reason", "need a GPU"},
      {"log", "skip", "--date", "2026-03-14", "--reason", "family visit"},
      {"sprint", "start", "Finish chapter 3", "--goal", "1", "--task", "1"},
      {"task", "done", "1"},
      {"sprint", "close", "--learned", "read daily", "--blocked", "none", "--next", "ch. 4",
       "--rating", "4"},
      {"goal", "pause", "2", "--until", "2026-03-20"}};
  for (std::vector<std::string> args : commands) {
    args.insert(args.begin(), "-q");
    run_ok(box, args);
  }
}

// What a reader makes of a journal: every list and figure the commands print as JSON.
inline nlohmann::ordered_json views_of(const Sandbox& box) {
  nlohmann::ordered_json all;
  for (const auto& args : std::vector<std::vector<std::string>>{{"goal", "list", "--all"},
                                                                {"task", "list", "--all"},
                                                                {"log", "list", "--all"},
                                                                {"sprint", "list"},
                                                                {"streak"},
                                                                {"stats"}}) {
    all[joined(args)] = run_json(box, args);
  }
  return all;
}

}  // namespace momentum::test
