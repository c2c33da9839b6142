// The config file: a flat JSON object of known keys, each value checked as it is read.
#include "cli/config.hpp"

#include <fmt/format.h>

#include <charconv>
#include <nlohmann/json.hpp>

#include "cli/context.hpp"
#include "momentum/error.hpp"
#include "momentum/parse.hpp"
#include "momentum/store/files.hpp"

namespace momentum::cli {
namespace {

std::string text_of(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

std::chrono::weekday parse_week_start(std::string_view text) {
  if (text == "monday") return std::chrono::Monday;
  if (text == "sunday") return std::chrono::Sunday;
  throw UsageError(fmt::format("invalid week_start '{}'; expected monday or sunday", text));
}

ColorMode parse_color(std::string_view text) {
  if (text == "auto") return ColorMode::auto_;
  if (text == "always") return ColorMode::always;
  if (text == "never") return ColorMode::never;
  throw UsageError(fmt::format("invalid color '{}'; expected auto, always or never", text));
}

int parse_stale_days(std::string_view text) {
  int n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size() || n < 1 || n > 365) {
    throw UsageError(
        fmt::format("invalid stale_days '{}'; expected a whole number of days from 1 "
                    "to 365",
                    text));
  }
  return n;
}

double parse_threshold(std::string_view text) {
  double x = -1;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (ec != std::errc{} || end != text.data() + text.size() || !(x >= 0.0 && x <= 1.0)) {
    throw UsageError(
        fmt::format("invalid comfort_threshold '{}'; expected a number from 0 to 1", text));
  }
  return x;
}

std::string clock_text(std::chrono::minutes time) {
  return fmt::format("{:02}:{:02}", time.count() / 60, time.count() % 60);
}

std::string color_text(ColorMode mode) {
  switch (mode) {
    case ColorMode::always:
      return "always";
    case ColorMode::never:
      return "never";
    case ColorMode::auto_:
      return "auto";
  }
  return "auto";
}

}  // namespace

const std::vector<ConfigKey>& config_keys() {
  static const std::vector<ConfigKey> keys = {
      {"day_start", "04:00", "when a new day starts (HH:MM)",
       [](Settings& s, std::string_view v) {
         s.core.day_start = parse_time_of_day(v, "day_start");
       },
       [](const Settings& s) { return clock_text(s.core.day_start); }},
      {"week_start", "monday", "the first day of a week: monday or sunday",
       [](Settings& s, std::string_view v) { s.core.week_start = parse_week_start(v); },
       [](const Settings& s) {
         return std::string(s.core.week_start == std::chrono::Sunday ? "sunday" : "monday");
       }},
      {"remind_after", "18:00", "from when 'remind' warns of streaks at risk",
       [](Settings& s, std::string_view v) {
         s.core.remind_after = parse_time_of_day(v, "remind_after");
       },
       [](const Settings& s) { return clock_text(s.core.remind_after); }},
      {"stale_days", "14", "days idle before an open task is stale",
       [](Settings& s, std::string_view v) { s.core.stale_days = parse_stale_days(v); },
       [](const Settings& s) { return std::to_string(s.core.stale_days); }},
      {"comfort_threshold", "0.7", "learn share above which 'stats' warns",
       [](Settings& s, std::string_view v) { s.core.comfort_threshold = parse_threshold(v); },
       // + 0.0 turns "-0" into 0; {} is the shortest text that reads back the same.
       [](const Settings& s) { return fmt::format("{}", s.core.comfort_threshold + 0.0); }},
      {"color", "auto", "colour: auto (on a terminal), always, never",
       [](Settings& s, std::string_view v) { s.color = parse_color(v); },
       [](const Settings& s) { return color_text(s.color); }},
      {"default_goal", "", "the goal of a check-in that names none",
       [](Settings& s, std::string_view v) {
         s.core.default_goal = v.empty() ? std::string() : parse_title(v, "default_goal");
       },
       [](const Settings& s) { return s.core.default_goal; }},
  };
  return keys;
}

std::string key_names(std::string_view last) {
  const auto& keys = config_keys();
  std::string names;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    names += fmt::format("{}{}", i == 0 ? "" : i + 1 == keys.size() ? last : ", ", keys[i].name);
  }
  return names;
}

const ConfigKey* find_config_key(std::string_view name) {
  for (const ConfigKey& key : config_keys()) {
    if (key.name == name) return &key;
  }
  return nullptr;
}

Settings load_config(const std::filesystem::path& file) {
  Settings config;
  const auto text = read_text_file(file);
  if (!text) return config;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(*text);
  } catch (const nlohmann::json::parse_error& e) {
    throw UsageError(fmt::format("config '{}' is not valid JSON: {}", file.string(), e.what()));
  }
  if (!doc.is_object()) {
    throw UsageError(fmt::format("config '{}' must be a JSON object of settings", file.string()));
  }
  for (const auto& [name, value] : doc.items()) {
    const ConfigKey* key = find_config_key(name);
    if (!key) {
      throw UsageError(fmt::format("config '{}': unknown key '{}'; expected one of {}",
                                   file.string(), name, key_names(", ")));
    }
    try {
      key->apply(config, text_of(value));
    } catch (const UsageError& e) {
      throw UsageError(fmt::format("config '{}': {}", file.string(), e.what()));
    }
  }
  return config;
}

}  // namespace momentum::cli
