// momentum config list | get KEY | set KEY VALUE | unset KEY: the config file, one key at a
// time. It must be able to repair a bad value, so it reads the file leniently itself (the
// callback sets ctx.output_only: resolve() does not load the config) and rewrites it
// atomically, keeping every other key as it was.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/config.hpp"
#include "cli/json_out.hpp"
#include "cli/options.hpp"
#include "cli/render.hpp"
#include "momentum/error.hpp"
#include "momentum/resolve.hpp"
#include "momentum/store/cache.hpp"
#include "momentum/store/files.hpp"

namespace momentum::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

struct ConfigOptions {
  std::string key;
  std::string value;
};

// The config file as found: no path without MOMENTUM_CONFIG, XDG_CONFIG_HOME and HOME.
struct ConfigFile {
  std::optional<fs::path> path;
  bool exists = false;
  ordered_json doc = ordered_json::object();  // key order kept as the user wrote it
};

// One key as the file sets it (or not).
struct Entry {
  const ConfigKey* key = nullptr;
  bool in_file = false;
  std::string value;  // canonical; the file's text when it is invalid
  std::string error;  // why the file's value is invalid; empty when it is fine
};

// Reads the file; one that is not a JSON object is an error (never overwritten).
ConfigFile read_config(const Context& ctx) {
  ConfigFile f;
  f.path = config_path(ctx.env);
  const auto text = f.path ? read_text_file(*f.path) : std::nullopt;
  if (!text) return f;
  f.exists = true;
  try {
    f.doc = ordered_json::parse(*text);
  } catch (const ordered_json::parse_error& e) {
    throw UsageError(fmt::format("config '{}' is not valid JSON: {}; fix or remove it by hand",
                                 f.path->string(), escape(e.what())));
  }
  if (!f.doc.is_object()) {
    throw UsageError(
        fmt::format("config '{}' must be a JSON object of settings; fix or remove it "
                    "by hand",
                    f.path->string()));
  }
  return f;
}

// " (did you mean 'color'?)" for a near miss, else empty.
std::string suggestion(std::string_view name) {
  std::vector<std::string_view> names;
  for (const ConfigKey& key : config_keys()) names.push_back(key.name);
  const std::string guess = did_you_mean(name, names);
  return guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess);
}

// The key called `name`; throws UsageError listing the keys when there is none.
const ConfigKey& known_key(std::string_view name) {
  if (const ConfigKey* key = find_config_key(name)) return *key;
  throw UsageError(fmt::format("unknown config key '{}'; expected {}{}", escape(name), key_names(),
                               suggestion(name)));
}

Entry entry_of(const ConfigFile& f, const ConfigKey& key) {
  Entry e;
  e.key = &key;
  Settings scratch;
  const auto it = f.doc.find(std::string(key.name));
  e.in_file = it != f.doc.end();
  std::string text(key.default_value);
  if (e.in_file) text = it->is_string() ? it->get<std::string>() : it->dump();
  try {
    key.apply(scratch, text);
    e.value = key.show(scratch);
  } catch (const UsageError& error) {
    e.value = text;
    e.error = error.what();
  }
  return e;
}

std::string default_text(const ConfigKey& key) {
  Settings scratch;
  key.apply(scratch, key.default_value);
  return key.show(scratch);
}

// As the file stores it: numbers as JSON numbers ("stale_days": 14), the rest as strings.
ordered_json stored(const std::string& canonical) {
  ordered_json number = ordered_json::parse(canonical, nullptr, false);
  return number.is_number() ? number : ordered_json(canonical);
}

ordered_json entry_json(const Entry& e) {
  return {{"key", e.key->name},
          {"value", e.error.empty() ? stored(e.value) : ordered_json(e.value)},
          {"default", stored(default_text(*e.key))},
          {"source", e.in_file ? "file" : "default"},
          {"error", e.error.empty() ? ordered_json(nullptr) : ordered_json(e.error)}};
}

// What still makes every other command refuse the file: bad values and unknown keys.
void warn_problems(const Context& ctx, const ConfigFile& f) {
  for (const auto& [name, value] : f.doc.items()) {
    const ConfigKey* key = find_config_key(name);
    const std::string problem =
        key ? entry_of(f, *key).error
            : fmt::format("unknown key '{}'{}; 'momentum config unset {}' removes it", escape(name),
                          suggestion(name), escape(name));
    if (problem.empty()) continue;
    ctx.warn(fmt::format("config '{}': {}", f.path->string(), escape(problem)));
  }
}

std::string file_line(const ConfigFile& f) {
  if (!f.path) return "Config file: none (set MOMENTUM_CONFIG, XDG_CONFIG_HOME or HOME)";
  return fmt::format("Config file: {}{}", escape(f.path->string()),
                     f.exists ? "" : " (not created yet)");
}

int run_list(Context& ctx) {
  const ConfigFile f = read_config(ctx);
  std::vector<Entry> entries;
  for (const ConfigKey& key : config_keys()) entries.push_back(entry_of(f, key));
  warn_problems(ctx, f);
  if (ctx.global.json) {
    ordered_json keys = ordered_json::array();
    for (const Entry& e : entries) keys.push_back(entry_json(e));
    print_json(ctx, {{"file", f.path ? ordered_json(f.path->string()) : ordered_json(nullptr)},
                     {"exists", f.exists},
                     {"keys", keys}});
    return 0;
  }
  ctx.style.color = false;  // a listing of settings has nothing to highlight
  ctx.out << file_line(f) << "\n\n";
  Table table({{"Key"}, {"Value", false, true}, {"From"}, {"Meaning", false, true}});
  for (const Entry& e : entries) {
    const char* from = !e.in_file ? "default" : e.error.empty() ? "file" : "invalid";
    table.add({std::string(e.key->name), e.value.empty() ? "-" : escape(e.value), from,
               std::string(e.key->help)});
  }
  table.print(ctx.out, ctx.style);
  return 0;
}

int run_get(Context& ctx, const ConfigOptions& o) {
  const ConfigKey& key = known_key(o.key);
  const ConfigFile f = read_config(ctx);
  const Entry e = entry_of(f, key);
  if (!e.error.empty()) {
    throw UsageError(fmt::format("config '{}': {}", f.path->string(), escape(e.error)));
  }
  if (ctx.global.json)
    print_json(ctx, entry_json(e));
  else
    ctx.out << escape(e.value) << '\n';
  return 0;
}

// Replaces the file, through a symbolic link (dotfiles) and keeping its permissions.
void save(const ConfigFile& f) {
  std::error_code ec;
  fs::path target = *f.path;
  if (fs::is_symlink(target, ec)) target = fs::weakly_canonical(target, ec);
  if (ec) target = *f.path;  // write_file_atomically names the file and the reason, if it fails
  const fs::file_status status = fs::status(target, ec);
  const fs::perms perms =
      f.exists && !ec ? status.permissions() : fs::perms::owner_read | fs::perms::owner_write;
  write_file_atomically(target, f.doc.dump(2) + "\n", perms);
}

// Prints what a change did: the entry as JSON, or one line (none with -q).
void report_change(const Context& ctx, const Entry& e, const std::string& line) {
  if (ctx.global.json)
    print_json(ctx, entry_json(e));
  else if (!ctx.global.quiet)
    ctx.out << line << '\n';
}

// default_goal names a goal of the journal: stored as its UUID, which no sync renumbers and
// no later goal makes ambiguous. Returns the UUID and the goal's words for the message.
std::pair<std::string, std::string> goal_of_journal(const Context& ctx, std::string_view ref) {
  if (ref.empty()) {
    throw UsageError(
        "default_goal must not be empty; 'momentum config unset default_goal' removes it");
  }
  const auto path = journal_path(ctx.env, ctx.global.journal);
  const auto read = load_journal(path, path.string(), {});
  const State state = read ? read->loaded.state : State{};
  const Goal& g = state.goals[static_cast<std::size_t>(resolve_goal(state, ref))];
  return {g.id, fmt::format("goal {}: {}", g.num, escape(g.title))};
}

int run_set(Context& ctx, const ConfigOptions& o) {
  const ConfigKey& key = known_key(o.key);
  Settings scratch;
  key.apply(scratch, o.value);
  std::string canonical = key.show(scratch);
  std::string meaning;
  if (key.name == "default_goal") std::tie(canonical, meaning) = goal_of_journal(ctx, canonical);
  ConfigFile f = read_config(ctx);
  if (!f.path) {
    throw UsageError(
        "cannot save the config: no config file; set MOMENTUM_CONFIG, "
        "XDG_CONFIG_HOME or HOME");
  }
  f.doc[std::string(key.name)] = stored(canonical);
  save(f);
  f.exists = true;
  report_change(ctx, entry_of(f, key),
                fmt::format("{} = {} ({}in {})", key.name, canonical,
                            meaning.empty() ? "" : meaning + "; ", escape(f.path->string())));
  warn_problems(ctx, f);
  return 0;
}

int run_unset(Context& ctx, const ConfigOptions& o) {
  ConfigFile f = read_config(ctx);
  const ConfigKey* key = find_config_key(o.key);
  const bool in_file = f.doc.contains(o.key);
  if (!key && !in_file) known_key(o.key);  // throws: unknown, and not in the file either
  if (in_file) {
    f.doc.erase(o.key);
    save(f);
  }
  if (!key) {  // a key momentum does not know, removed from the file
    if (ctx.global.json)
      print_json(ctx, {{"key", o.key}, {"removed", true}});
    else if (!ctx.global.quiet)
      ctx.out << "Removed '" << escape(o.key) << "'\n";
  } else {
    const Entry e = entry_of(f, *key);
    report_change(ctx, e,
                  fmt::format("{} = {} (the default{})", key->name, e.value.empty() ? "-" : e.value,
                              in_file ? "" : "; it was not set"));
  }
  warn_problems(ctx, f);
  return 0;
}

// Like on_chosen, and before resolve(): the config may be the very thing to repair.
void chosen(CLI::App* sub, Context& ctx, Action& action, std::function<int()> run) {
  sub->callback([&ctx, &action, run = std::move(run)] {
    ctx.output_only = true;
    if (!action) action = run;
  });
}

}  // namespace

void setup_config(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<ConfigOptions>();
  CLI::App* config = app.add_subcommand("config", "Show or change settings: list, get, set, unset");
  config->require_subcommand(0, 1);
  config->footer([] {
    std::string keys, line;
    for (const ConfigKey& key : config_keys()) {
      const std::string word = std::string(key.name) + (&key == &config_keys().back() ? "" : ",");
      if (!line.empty() && 2 + line.size() + 1 + word.size() > 80) {
        keys += "  " + line + "\n";
        line.clear();
      }
      line += (line.empty() ? "" : " ") + word;
    }
    return fmt::format(
        "Keys (their values and meanings: 'momentum config list'):\n{}  {}\n"
        "See docs/usage.md#config-file.\n",
        keys, line);
  });
  chosen(config, ctx, action, [&ctx] { return run_list(ctx); });
  chosen(config->add_subcommand("list", "Every key, its value and where it comes from"), ctx,
         action, [&ctx] { return run_list(ctx); });
  CLI::App* get = config->add_subcommand("get", "Print a key's value (its default when unset)");
  get->add_option("KEY", o->key, "A key that 'config list' shows")->required();
  chosen(get, ctx, action, [&ctx, o] { return run_get(ctx, *o); });
  CLI::App* set = config->add_subcommand("set", "Check a value and save it in the config file");
  set->add_option("KEY", o->key, "A key that 'config list' shows")->required();
  set->add_option("VALUE", o->value, "Its new value, written as 'config list' shows them")
      ->required();
  chosen(set, ctx, action, [&ctx, o] { return run_set(ctx, *o); });
  CLI::App* unset =
      config->add_subcommand("unset", "Remove a key from the file: back to its default");
  unset->add_option("KEY", o->key, "A key that 'config list' shows")->required();
  chosen(unset, ctx, action, [&ctx, o] { return run_unset(ctx, *o); });
}

}  // namespace momentum::cli
