#pragma once
// The settings a user can change, with their defaults and validators.

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "momentum/day.hpp"

namespace momentum::cli {

// Whether output is coloured: a terminal matter, so the shell's setting, not the core's.
enum class ColorMode { auto_, always, never };

// Everything the config file sets: the core's settings and the shell's own.
struct Settings {
  Config core;
  ColorMode color = ColorMode::auto_;
};

struct ConfigKey {
  std::string_view name;
  std::string_view default_value;
  std::string_view help;
  // Checks `value` and stores it in the settings; throws UsageError naming the accepted forms.
  std::function<void(Settings&, std::string_view)> apply;
  // The key's value in `settings`, in the canonical form `apply` accepts ("07:30", "0.7").
  std::function<std::string(const Settings&)> show;
};

// Every key, in the order `config list` shows them.
const std::vector<ConfigKey>& config_keys();

// Every key's name, in order: "day_start, week_start, … or color" (`last` before the last).
std::string key_names(std::string_view last = " or ");

// The key called `name`, or nullptr.
const ConfigKey* find_config_key(std::string_view name);

// The settings in the config file (defaults where it is missing); throws UsageError when a
// key or value is invalid.
Settings load_config(const std::filesystem::path& file);

}  // namespace momentum::cli
