// momentum config list | get | set | unset: the config file, changed one checked key at a time.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "checks.hpp"
#include "sandbox.hpp"

using namespace momentum::test;
namespace fs = std::filesystem;

namespace {

fs::path config_file(const Sandbox& box) { return box.dir() / "config.json"; }

std::string config_bytes(const Sandbox& box) { return Sandbox::read_file(config_file(box)); }

// Runs `args` and checks that it fails with exit 2 and exactly `message`, printing nothing
// and leaving the config file as it was (or absent).
void check_config_rejects(const Sandbox& box, const std::vector<std::string>& args,
                          const std::string& message) {
  INFO("momentum " << joined(args));
  const bool existed = fs::exists(config_file(box));
  const std::string before = config_bytes(box);
  const Result r = box.run(args);
  CHECK(r.code == 2);
  CHECK(r.err == "momentum: error: " + message + "\n");
  CHECK(r.out.empty());
  CHECK(fs::exists(config_file(box)) == existed);
  CHECK(config_bytes(box) == before);
}

const std::string keys_expected =
    "expected day_start, week_start, remind_after, stale_days, comfort_threshold, color or "
    "default_goal";

}  // namespace

TEST_CASE("config list shows every key, its value and where it comes from", "[e2e][config]") {
  Sandbox box;
  box.set_env("COLUMNS", "80");
  const std::string path = config_file(box).string();
  SECTION("no file: every default") {
    CHECK(run_ok(box, {"config", "list"}) ==
          "Config file: " + path +
              " (not created yet)\n\n"
              "Key                Value   From     Meaning\n"
              "day_start          04:00   default  when a new day starts (HH:MM)\n"
              "week_start         monday  default  the first day of a week: monday or sunday\n"
              "remind_after       18:00   default  from when 'remind' warns of streaks at risk\n"
              "stale_days         14      default  days idle before an open task is stale\n"
              "comfort_threshold  0.7     default  learn share above which 'stats' warns\n"
              "color              auto    default  colour: auto (on a terminal), always, never\n"
              "default_goal       -       default  the goal of a check-in that names none\n");
    CHECK(run_ok(box, {"config"}) == run_ok(box, {"config", "list"}));
    CHECK_FALSE(fs::exists(config_file(box)));
  }
  SECTION("set keys come from the file") {
    Sandbox::write_file(config_file(box), R"({"week_start": "sunday", "stale_days": "30"})");
    const std::string out = run_ok(box, {"config", "list"});
    CHECK(out.find("Config file: " + path + "\n") == 0);
    CHECK(out.find("week_start         sunday  file     ") != std::string::npos);
    CHECK(out.find("stale_days         30      file     ") != std::string::npos);
    CHECK(out.find("day_start          04:00   default  ") != std::string::npos);
  }
  SECTION("--json") {
    Sandbox::write_file(config_file(box), R"({"stale_days": "30", "color": "never"})");
    const auto j = run_json(box, {"config", "list"});
    CHECK(j["file"] == path);
    CHECK(j["exists"] == true);
    REQUIRE(j["keys"].size() == 7);
    CHECK(j["keys"][0] == nlohmann::json::parse(R"({"key": "day_start", "value": "04:00",
        "default": "04:00", "source": "default", "error": null})"));
    CHECK(j["keys"][3] == nlohmann::json::parse(R"({"key": "stale_days", "value": 30,
        "default": 14, "source": "file", "error": null})"));
    CHECK(j["keys"][4]["value"] == 0.7);
    CHECK(j["keys"][5]["value"] == "never");
  }
}

TEST_CASE("config set then get, for every key", "[e2e][config]") {
  Sandbox box;
  const auto [key, value, canonical] = GENERATE(table<std::string, std::string, std::string>({
      {"day_start", "05:30", "05:30"},
      {"week_start", "sunday", "sunday"},
      {"remind_after", "20:15", "20:15"},
      {"stale_days", "007", "7"},
      {"comfort_threshold", "0.50", "0.5"},
      {"color", "never", "never"},
  }));
  INFO(key);
  CHECK(run_ok(box, {"config", "get", key}) != canonical + "\n");
  CHECK(run_ok(box, {"config", "set", key, value}) ==
        key + " = " + canonical + " (in " + config_file(box).string() + ")\n");
  CHECK(run_ok(box, {"config", "get", key}) == canonical + "\n");
  const auto j = nlohmann::json::parse(config_bytes(box));
  CHECK(j.size() == 1);
  if (key == "stale_days")
    CHECK(j[key] == 7);
  else if (key == "comfort_threshold")
    CHECK(j[key] == 0.5);
  else
    CHECK(j[key] == canonical);
  CHECK(run_ok(box, {"config", "set", key, value, "-q"}).empty());
  CHECK(run_json(box, {"config", "get", key})["source"] == "file");
}

TEST_CASE("config set keeps the other keys and writes the file atomically", "[e2e][config]") {
  Sandbox box;
  Sandbox::write_file(config_file(box), R"({"color":"never","stale_days":21})");
  run_ok(box, {"config", "set", "day_start", "06:00", "-q"});
  CHECK(config_bytes(box) ==
        "{\n  \"color\": \"never\",\n  \"stale_days\": 21,\n  \"day_start\": \"06:00\"\n}\n");
  run_ok(box, {"config", "set", "color", "auto", "-q"});
  CHECK(config_bytes(box) ==
        "{\n  \"color\": \"auto\",\n  \"stale_days\": 21,\n  \"day_start\": \"06:00\"\n}\n");
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(box.dir())) {
    names.push_back(entry.path().filename().string());
  }
  CHECK(std::count(names.begin(), names.end(), "config.json") == 1);
  for (const std::string& name : names) CHECK(name.find(".tmp") == std::string::npos);
}

TEST_CASE("config set creates missing directories and a private file", "[e2e][config]") {
  Sandbox box;
  const fs::path file = box.dir() / "xdg" / "momentum" / "config.json";
  box.set_env("MOMENTUM_CONFIG", "");
  box.set_env("XDG_CONFIG_HOME", (box.dir() / "xdg").string());
  run_ok(box, {"config", "set", "week_start", "sunday", "-q"});
  CHECK(Sandbox::read_file(file) == "{\n  \"week_start\": \"sunday\"\n}\n");
  CHECK((fs::status(file).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));
  CHECK((fs::status(file.parent_path()).permissions() & fs::perms::all) == fs::perms::owner_all);
  SECTION("an existing file keeps its permissions") {
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                              fs::perms::others_read);
    run_ok(box, {"config", "set", "week_start", "monday", "-q"});
    CHECK((fs::status(file).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
           fs::perms::others_read));
  }
  SECTION("a symbolic link (dotfiles) stays a link; its target changes") {
    const fs::path real = box.dir() / "dotfiles.json";
    fs::rename(file, real);
    fs::create_symlink(real, file);
    run_ok(box, {"config", "set", "color", "never", "-q"});
    CHECK(fs::is_symlink(file));
    CHECK(Sandbox::read_file(real) ==
          "{\n  \"week_start\": \"sunday\",\n  \"color\": \"never\"\n}\n");
  }
}

TEST_CASE("config set changes what the other commands do", "[e2e][config]") {
  Sandbox box;
  box.now("2026-03-10T04:30:00Z");  // a Tuesday, after the default day start
  CHECK(run_json(box, {"prompt"})["day"] == "2026-03-10");
  run_ok(box, {"config", "set", "day_start", "05:00", "-q"});
  CHECK(run_json(box, {"prompt"})["day"] == "2026-03-09");
  run_ok(box, {"log", "30m", "-q"});
  CHECK(run_json(box, {"log", "list"})["logs"][0]["day"] == "2026-03-09");

  CHECK(run_json(box, {"task", "add", "Ship it", "--due", "eow"})["due"] == "2026-03-15");
  run_ok(box, {"config", "set", "week_start", "sunday", "-q"});
  CHECK(run_json(box, {"task", "add", "Ship it", "--due", "eow"})["due"] == "2026-03-14");
  run_ok(box, {"config", "unset", "week_start", "-q"});
  CHECK(run_json(box, {"task", "add", "Ship it", "--due", "eow"})["due"] == "2026-03-15");
}

TEST_CASE("config set rejects bad values and leaves the file alone", "[e2e][config]") {
  Sandbox box;
  SECTION("without a file") {
    check_config_rejects(box, {"config", "set", "day_start", "25:00"},
                         "invalid time '25:00' for day_start; expected HH:MM from 00:00 to 23:59");
  }
  Sandbox::write_file(config_file(box), "{\"color\": \"never\"}  \n");
  check_config_rejects(box, {"config", "set", "day_start", "7:30"},
                       "invalid time '7:30' for day_start; expected HH:MM from 00:00 to 23:59");
  check_config_rejects(box, {"config", "set", "week_start", "Tuesday"},
                       "invalid week_start 'Tuesday'; expected monday or sunday");
  check_config_rejects(box, {"config", "set", "remind_after", "18"},
                       "invalid time '18' for remind_after; expected HH:MM from 00:00 to 23:59");
  check_config_rejects(box, {"config", "set", "stale_days", "0"},
                       "invalid stale_days '0'; expected a whole number of days from 1 to 365");
  check_config_rejects(box, {"config", "set", "stale_days", "2w"},
                       "invalid stale_days '2w'; expected a whole number of days from 1 to 365");
  check_config_rejects(box, {"config", "set", "comfort_threshold", "1.5"},
                       "invalid comfort_threshold '1.5'; expected a number from 0 to 1");
  check_config_rejects(box, {"config", "set", "comfort_threshold", "-0.1"},
                       "invalid comfort_threshold '-0.1'; expected a number from 0 to 1");
  check_config_rejects(box, {"config", "set", "color", "blue"},
                       "invalid color 'blue'; expected auto, always or never");
  check_config_rejects(box, {"config", "set", "color"},
                       "VALUE is required (see 'momentum config set --help')");
}

TEST_CASE("config rejects unknown keys, with a suggestion when close", "[e2e][config]") {
  Sandbox box;
  Sandbox::write_file(config_file(box), R"({"color":"never"})");
  check_config_rejects(
      box, {"config", "set", "colour", "never"},
      "unknown config key 'colour'; " + keys_expected + " (did you mean 'color'?)");
  check_config_rejects(
      box, {"config", "get", "day-start"},
      "unknown config key 'day-start'; " + keys_expected + " (did you mean 'day_start'?)");
  check_config_rejects(box, {"config", "unset", "theme"},
                       "unknown config key 'theme'; " + keys_expected);
  check_config_rejects(box, {"config", "edit"},
                       "unknown command 'edit' for 'momentum config'; expected list, get, set or "
                       "unset");
}

TEST_CASE("config refuses to overwrite a file that is not a JSON object", "[e2e][config]") {
  Sandbox box;
  const std::string path = config_file(box).string();
  SECTION("not JSON") {
    Sandbox::write_file(config_file(box), "day_start = 05:00\n");
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"config", "set", "day_start", "05:00"},
                                               {"config", "unset", "day_start"},
                                               {"config", "get", "color"},
                                               {"config", "list"}}) {
      INFO(joined(args));
      const Result r = box.run(args);
      CHECK(r.code == 2);
      CHECK(r.err.rfind("momentum: error: config '" + path + "' is not valid JSON: ", 0) == 0);
      CHECK(r.err.find("; fix or remove it by hand\n") != std::string::npos);
      CHECK(r.out.empty());
      CHECK(config_bytes(box) == "day_start = 05:00\n");
    }
  }
  SECTION("an array") {
    Sandbox::write_file(config_file(box), "[]");
    check_config_rejects(box, {"config", "set", "color", "never"},
                         "config '" + path +
                             "' must be a JSON object of settings; fix or remove "
                             "it by hand");
  }
}

TEST_CASE("config set and unset repair a bad value that stops every command", "[e2e][config]") {
  Sandbox box;
  const std::string path = config_file(box).string();
  const std::string bad_time = "config '" + path +
                               "': invalid time '25:00' for day_start; "
                               "expected HH:MM from 00:00 to 23:59";
  Sandbox::write_file(config_file(box), R"({"day_start": "25:00", "colour": "never"})");
  CHECK(box.run({"today"}).code == 2);
  SECTION("list shows it, and warns") {
    const Result r = box.run({"config", "list"});
    CHECK(r.code == 0);
    CHECK(r.out.find("day_start          25:00   invalid  ") != std::string::npos);
    CHECK(r.err == "momentum: warning: " + bad_time + "\n" + "momentum: warning: config '" + path +
                       "': unknown key 'colour' (did you mean 'color'?); 'momentum "
                       "config unset colour' removes it\n");
    check_config_rejects(box, {"config", "get", "day_start"}, bad_time);
    CHECK(run_json(box, {"config", "get", "color"})["value"] == "auto");
  }
  SECTION("set replaces the value; unset removes the unknown key") {
    const Result set = box.run({"config", "set", "day_start", "05:00"});
    CHECK(set.code == 0);
    CHECK(set.out == "day_start = 05:00 (in " + path + ")\n");
    CHECK(set.err == "momentum: warning: config '" + path +
                         "': unknown key 'colour' (did you "
                         "mean 'color'?); 'momentum config unset colour' removes it\n");
    CHECK(run_ok(box, {"config", "unset", "colour"}) == "Removed 'colour'\n");
    CHECK(config_bytes(box) == "{\n  \"day_start\": \"05:00\"\n}\n");
    run_ok(box, {"today"});
  }
  SECTION("every other command still refuses the file") {
    const Result r = box.run({"config", "unset", "colour", "-q"});
    CHECK(r.code == 0);
    CHECK(r.err == "momentum: warning: " + bad_time + "\n");  // what is left to fix
    check_rejects(box, {"today"}, bad_time);
  }
  SECTION("unset puts the default back") {
    const Result r = box.run({"config", "unset", "day_start"});
    CHECK(r.code == 0);
    CHECK(r.out == "day_start = 04:00 (the default)\n");
    CHECK(config_bytes(box) == "{\n  \"colour\": \"never\"\n}\n");
  }
}

TEST_CASE("config unset removes one key and keeps the rest", "[e2e][config]") {
  Sandbox box;
  Sandbox::write_file(config_file(box), R"({"color":"never","stale_days":21})");
  CHECK(run_ok(box, {"config", "unset", "color"}) == "color = auto (the default)\n");
  CHECK(config_bytes(box) == "{\n  \"stale_days\": 21\n}\n");
  const std::string before = config_bytes(box);
  CHECK(run_ok(box, {"config", "unset", "color"}) ==
        "color = auto (the default; it was not set)\n");
  CHECK(config_bytes(box) == before);
  CHECK(
      run_json(box, {"config", "unset", "stale_days"}) ==
      nlohmann::json::parse(
          R"({"key": "stale_days", "value": 14, "default": 14, "source": "default", "error": null})"));
  CHECK(config_bytes(box) == "{}\n");
  Sandbox::write_file(config_file(box), R"({"theme": "dark"})");
  CHECK(run_json(box, {"config", "unset", "theme"}) ==
        nlohmann::json::parse(R"({"key": "theme", "removed": true})"));
  CHECK(config_bytes(box) == "{}\n");
}

TEST_CASE("config without a config path: defaults, and set explains", "[e2e][config]") {
  Sandbox box;
  box.set_env("MOMENTUM_CONFIG", "");
  box.set_env("HOME", "");
  box.set_env("MOMENTUM_NOW", "not a time");  // config needs no clock either
  const std::string out = run_ok(box, {"config", "list"});
  CHECK(out.find("Config file: none (set MOMENTUM_CONFIG, XDG_CONFIG_HOME or HOME)\n\n") == 0);
  CHECK(out.find("day_start          04:00   default") != std::string::npos);
  CHECK(run_ok(box, {"config", "get", "week_start"}) == "monday\n");
  CHECK(run_json(box, {"config", "list"})["file"] == nullptr);
  check_config_rejects(box, {"config", "set", "color", "never"},
                       "cannot save the config: no config file; set MOMENTUM_CONFIG, "
                       "XDG_CONFIG_HOME or HOME");
}
