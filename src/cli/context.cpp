#include "cli/context.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <random>

#include "cli/config.hpp"
#include "momentum/codec.hpp"
#include "momentum/error.hpp"
#include "momentum/parse.hpp"
#include "momentum/store/cache.hpp"
#include "momentum/store/journal.hpp"
#include "momentum/text.hpp"

namespace momentum::cli {
namespace {

std::filesystem::path home_dir(const Env& env) {
  if (auto home = env.get("HOME")) return *home;
  throw UsageError(
      "cannot find the journal: HOME is not set; use --journal PATH or set "
      "MOMENTUM_JOURNAL");
}

// Puts `env`'s TZ (or its absence) in the process environment for its lifetime, then restores
// what was there: localtime_r() knows no other way to be told the zone.
class ScopedTz {
 public:
  explicit ScopedTz(const Env& env) {
    if (const char* old = std::getenv("TZ")) saved_ = old;
    set(env.vars.count("TZ") ? std::optional(env.vars.at("TZ")) : std::nullopt);
  }
  ~ScopedTz() { set(saved_); }
  ScopedTz(const ScopedTz&) = delete;
  ScopedTz& operator=(const ScopedTz&) = delete;

 private:
  static void set(const std::optional<std::string>& tz) {
    if (tz)
      setenv("TZ", tz->c_str(), 1);
    else
      unsetenv("TZ");
    tzset();  // localtime_r() need not read TZ again by itself
  }
  std::optional<std::string> saved_;
};

// The local UTC offset at `ts`, as `env`'s TZ says (the system's zone without one).
std::chrono::minutes local_offset(Timestamp ts, const Env& env) {
  const ScopedTz zone(env);
  const std::time_t t =
      std::chrono::system_clock::to_time_t(std::chrono::time_point_cast<std::chrono::seconds>(ts));
  std::tm local{};
  localtime_r(&t, &local);
  return std::chrono::duration_cast<std::chrono::minutes>(std::chrono::seconds{local.tm_gmtoff});
}

Clock read_clock(const Env& env) {
  Timestamp now =
      std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
  if (auto fixed = env.get("MOMENTUM_NOW")) {
    try {
      now = parse_timestamp(*fixed);
    } catch (const UsageError&) {
      throw UsageError(
          fmt::format("invalid MOMENTUM_NOW '{}'; expected an RFC 3339 time such as "
                      "2026-03-10T08:30:00+01:00",
                      *fixed));
    }
  }
  return Clock{now, local_offset(now, env)};
}

bool locale_is_utf8(const Env& env) {
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    if (auto value = env.get(name)) {
      std::string v = *value;
      for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return v.find("utf-8") != std::string::npos || v.find("utf8") != std::string::npos;
    }
  }
  return false;
}

int terminal_width(const Env& env, bool tty) {
  if (auto columns = env.get("COLUMNS")) {
    try {
      const int n = std::stoi(*columns);
      if (n >= 20 && n <= 1000) return n;
    } catch (const std::exception&) {
      // Not a number: fall through to the terminal.
    }
  }
  winsize size{};
  if (tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20) {
    return size.ws_col;
  }
  return 80;
}

// Replay's order: by ts, then id.
bool stamped_before(const Event& a, const Event& b) {
  return a.stamp.ts != b.stamp.ts ? a.stamp.ts < b.stamp.ts : a.stamp.id < b.stamp.id;
}

// True when `events`, in this order, fold onto `state` as a replay would: each after the one
// before and after the journal's latest, and none an undo.
bool folds_onto(const State& state, const std::vector<Event>& events) {
  if (!events.empty() && events.front().stamp.ts <= state.last_ts) return false;
  const auto out_of_order = [](const Event& a, const Event& b) { return !stamped_before(a, b); };
  return std::adjacent_find(events.begin(), events.end(), out_of_order) == events.end() &&
         std::none_of(events.begin(), events.end(),
                      [](const Event& e) { return needs_replay(e.op); });
}

std::array<std::uint64_t, 2> random_bits() {
  std::random_device device;
  const auto word = [&] {
    return (static_cast<std::uint64_t>(device()) << 32) | static_cast<std::uint64_t>(device());
  };
  return {word(), word()};
}

}  // namespace

std::optional<std::string> Env::get(const std::string& name) const {
  const auto it = vars.find(name);
  if (it == vars.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::filesystem::path journal_path(const Env& env, const std::string& flag) {
  if (!flag.empty()) return flag;
  if (auto file = env.get("MOMENTUM_JOURNAL")) return *file;
  if (auto dir = env.get("MOMENTUM_DIR")) return std::filesystem::path(*dir) / "journal.jsonl";
  if (auto data = env.get("XDG_DATA_HOME")) {
    return std::filesystem::path(*data) / "momentum" / "journal.jsonl";
  }
  return home_dir(env) / ".local" / "share" / "momentum" / "journal.jsonl";
}

std::filesystem::path cache_dir(const Env& env) {
  if (auto dir = env.get("XDG_CACHE_HOME")) return std::filesystem::path(*dir) / "momentum";
  if (auto home = env.get("HOME")) return std::filesystem::path(*home) / ".cache" / "momentum";
  return {};
}

std::optional<std::filesystem::path> config_path(const Env& env) {
  if (auto file = env.get("MOMENTUM_CONFIG")) return *file;
  if (auto dir = env.get("XDG_CONFIG_HOME")) {
    return std::filesystem::path(*dir) / "momentum" / "config.json";
  }
  if (auto home = env.get("HOME"))
    return std::filesystem::path(*home) / ".config" / "momentum" / "config.json";
  return std::nullopt;  // cron without HOME: the defaults
}

void Context::resolve() {
  Settings settings;
  if (!output_only) {
    clock = read_clock(env);
    if (const auto file = config_path(env)) {
      settings = load_config(*file);
      config = settings.core;
    }
    today = momentum::today(clock, config);
    journal = journal_path(env, global.journal);
    if (const auto dir = cache_dir(env); !dir.empty()) cache = cache_file(dir, journal);
  }
  style.utf8 = locale_is_utf8(env);
  style.width = terminal_width(env, terminal.stdout_tty);
  const bool no_color = global.no_color || env.get("NO_COLOR").has_value();
  style.color = !no_color && (settings.color == ColorMode::always ||
                              (settings.color == ColorMode::auto_ && terminal.stdout_tty));
}

std::optional<Day> Context::recent_day(Reach reach) const {
  return reach == Reach::full ? std::nullopt : std::optional(today);
}

namespace {

std::optional<JournalRead> load(const Context& ctx, Reach reach, const TaskPart& tasks = {}) {
  std::optional<TaskPart> part;
  if (reach == Reach::habits || reach == Reach::named_tasks) {
    part = tasks;
    part->named = reach == Reach::named_tasks;
  }
  return load_journal(ctx.journal, ctx.journal.string(), ctx.cache, ctx.recent_day(reach), part);
}

}  // namespace

Loaded Context::read(Reach reach) const {
  return read(reach, [](const State&) {});
}

Loaded Context::read(Reach reach, const std::function<void(const State&)>& check,
                     const TaskPart& tasks) const {
  auto read = load(*this, reach, tasks);
  if (read && read->loaded.state.history) {
    try {
      check(read->loaded.state);
    } catch (const UsageError&) {
      read = load_journal(journal, journal.string(), cache);
    }
  }
  if (!read) return Loaded{};
  for (const std::string& warning : read->loaded.warnings) warn(warning);
  return std::move(read->loaded);
}

std::string Context::memoised(std::string_view name, std::string_view key, Reach reach,
                              const std::function<std::string(const State&)>& answer,
                              const TaskPart& tasks) const {
  const std::filesystem::path file = cache.empty() ? cache : memo_file(cache, name);
  if (auto value = read_memo(file, journal, key)) return std::move(*value);
  auto read = load(*this, reach, tasks);
  if (!read) return answer(State{});
  for (const std::string& warning : read->loaded.warnings) warn(warning);
  std::string value = answer(read->loaded.state);
  write_memo(file, journal, *read, key, value);
  return value;
}

std::optional<std::string> Context::journal_text() const { return read_journal(journal); }

std::vector<Event> Context::events() const {
  const auto text = read_journal(journal);
  return text ? read_events(*text, journal.string()) : std::vector<Event>{};
}

Written Context::write(const std::function<Change(const State&, const Stamp&)>& build, Reach reach,
                       const TaskPart& tasks) const {
  // A first write that is refused must not leave a directory or lock file behind either.
  if (!journal_exists(journal)) build(State{}, next_stamp(State{}, clock, random_bits()));
  JournalLock lock(journal, lock_timeout);
  const auto load_for = [&](Reach r) {
    auto read = load(*this, r, tasks);
    return read ? std::move(*read) : JournalRead{};
  };
  JournalRead before = load_for(reach);
  Stamp stamp = next_stamp(before.loaded.state, clock, random_bits());
  std::optional<Change> built;
  if (before.loaded.state.history) {
    try {
      built = build(before.loaded.state, stamp);
    } catch (const UsageError&) {
      before = load_for(Reach::full);
      stamp = next_stamp(before.loaded.state, clock, random_bits());
    }
  }
  Loaded& loaded = before.loaded;
  for (const std::string& warning : loaded.warnings) warn(warning);
  Change change = built ? std::move(*built) : build(loaded.state, stamp);
  std::string bytes;
  if (before.blank) {
    bytes = header_line(stamp.ts);
    loaded.valid_size = 0;
  } else if (loaded.ends_without_newline) {
    bytes = "\n";
  }
  bytes += to_line(change.event);
  append_journal(journal, loaded.valid_size, bytes);
  for (const std::string& warning : change.warnings) warn(warning);
  if (needs_replay(change.event.op)) {
    // An undo cannot be folded onto the state before it: the state after it is read again,
    // through the caches when the change it reverts came after their snapshots
    // (replay_appended), else by a replay (which also writes them again).
    record_unfolded_append(journal, before, bytes);
    auto after = load(*this, before.loaded.state.history ? reach : Reach::full, tasks);
    return {after ? std::move(after->loaded.state) : State{}, std::move(change.event),
            change.touched};
  }
  apply(loaded.state, change.event);
  record_append(journal, before, bytes, loaded.state);
  return {std::move(loaded.state), std::move(change.event), change.touched};
}

State Context::write_events(const std::function<EventsToAppend(const State&)>& build) const {
  // Nothing to write to a missing journal: leave no directory or lock file behind.
  if (!journal_exists(journal) && build(State{}).events.empty()) return State{};
  JournalLock lock(journal, lock_timeout);
  auto read = load_journal(journal, journal.string(), cache);
  JournalRead before = read ? std::move(*read) : JournalRead{};
  Loaded& loaded = before.loaded;
  for (const std::string& warning : loaded.warnings) warn(warning);
  const EventsToAppend batch = build(loaded.state);
  const std::vector<Event>& events = batch.events;
  if (events.empty()) return std::move(loaded.state);
  std::string bytes;
  if (before.blank) {
    const auto earliest = std::min_element(events.begin(), events.end(), stamped_before);
    bytes = batch.header.empty() ? header_line(earliest->stamp.ts) : batch.header + '\n';
    loaded.valid_size = 0;
  } else if (loaded.ends_without_newline) {
    bytes = "\n";
  }
  for (const Event& event : events) bytes += to_line(event);
  append_journal(journal, loaded.valid_size, bytes);
  if (!folds_onto(loaded.state, events)) {
    // Events from before the journal's latest (a momentum export) take their place in
    // (ts, id) order, and an undo reverts one folded already: only a replay is right.
    auto after = load_journal(journal, journal.string(), cache);
    return after ? std::move(after->loaded.state) : State{};
  }
  for (const Event& event : events) apply(loaded.state, event);
  record_append(journal, before, bytes, loaded.state);
  return std::move(loaded.state);
}

std::chrono::minutes Context::utc_offset_at(Timestamp ts) const { return local_offset(ts, env); }

void Context::warn(std::string_view message) const {
  if (silent_failures) return;
  err << "momentum: warning: " << escape(message) << '\n';  // a quoted value may be raw
}

}  // namespace momentum::cli
