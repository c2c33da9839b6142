// run() in-process: it takes the time zone from the environment it is given, not the process's.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli/app.hpp"

namespace {

using momentum::cli::Env;

// The day `momentum today --json` reports under `env`, on an empty journal.
std::string today_in(const Env& env) {
  std::ostringstream out;
  std::ostringstream err;
  const int code =
      momentum::cli::run({"--journal", "/nonexistent/momentum/journal.jsonl", "today", "--json"},
                         env, momentum::cli::Terminal{}, out, err);
  CHECK(code == 0);
  CHECK(err.str() == "");
  return nlohmann::json::parse(out.str()).at("day").get<std::string>();
}

Env at_23_utc(const std::string& tz) {
  return Env{{{"MOMENTUM_NOW", "2026-03-10T23:00:00Z"}, {"TZ", tz}}};
}

}  // namespace

TEST_CASE("run() takes TZ from its environment map", "[run]") {
  CHECK(today_in(at_23_utc("UTC0")) == "2026-03-10");
  // 04:30 on the 11th in India: past the 04:00 day start, so already the 11th.
  CHECK(today_in(at_23_utc("IST-5:30")) == "2026-03-11");
  CHECK(today_in(at_23_utc("EST5")) == "2026-03-10");
}

TEST_CASE("run() leaves the process's own TZ as it found it", "[run]") {
  const char* before = std::getenv("TZ");
  const std::string saved = before ? before : "";
  setenv("TZ", "XYZ-3", 1);
  CHECK(today_in(at_23_utc("IST-5:30")) == "2026-03-11");
  CHECK(std::string(std::getenv("TZ")) == "XYZ-3");
  unsetenv("TZ");
  CHECK(today_in(at_23_utc("IST-5:30")) == "2026-03-11");
  CHECK(std::getenv("TZ") == nullptr);
  if (before) setenv("TZ", saved.c_str(), 1);
}

TEST_CASE("run() ignores the process's TZ for the one in its map", "[run]") {
  setenv("TZ", "IST-5:30", 1);
  const Env utc{{{"MOMENTUM_NOW", "2026-03-10T23:00:00Z"}, {"TZ", "UTC0"}}};
  CHECK(today_in(utc) == "2026-03-10");
  unsetenv("TZ");
}
