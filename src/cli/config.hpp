#pragma once
// The settings a user can change, with their defaults and validators.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "momentum/day.hpp"

namespace momentum::cli {

struct ConfigKey {
  std::string_view name;
  std::string_view default_value;
  std::string_view help;
  // Checks `value` and stores it in the config; throws UsageError naming the accepted forms.
  std::function<void(Config&, std::string_view)> apply;
  // The key's value in `config`, in the canonical form `apply` accepts ("07:30", "0.7").
  std::function<std::string(const Config&)> show;
};

// Every key, in the order `config list` shows them.
const std::vector<ConfigKey>& config_keys();

// Every key's name, in order: "day_start, week_start, … or color" (`last` before the last).
std::string key_names(std::string_view last = " or ");

// The key called `name`, or nullptr.
const ConfigKey* find_config_key(std::string_view name);

}  // namespace momentum::cli
