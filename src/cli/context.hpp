#pragma once
// What every command runs with: the environment, the streams, the global options, and the
// journal, clock, config and terminal they resolve to.

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "cli/style.hpp"
#include "momentum/commands.hpp"
#include "momentum/day.hpp"
#include "momentum/event.hpp"
#include "momentum/snapshot.hpp"

namespace momentum::cli {

// How long a writer waits for another momentum process's journal lock.
inline constexpr std::chrono::seconds lock_timeout{10};

// The process environment, passed in so that tests can give their own.
struct Env {
  std::map<std::string, std::string> vars;
  // The variable's value; an empty variable counts as unset.
  std::optional<std::string> get(const std::string& name) const;
};

// The options every command takes, bound on the top-level app.
struct GlobalOptions {
  std::string journal;
  bool json = false;
  bool no_color = false;
  bool quiet = false;
};

// Facts about the output stream that main() knows and the tests can fake.
struct Terminal {
  bool stdout_tty = false;
  bool stdin_tty = false;
};

// The result of a write: the state after the event, the event itself and what it touched.
struct Written {
  State state;
  Event event;
  Touched touched;
};

// What a write of many events appends: the events, in this order, and the header line a new
// journal starts with (without '\n'; empty: momentum's own, created at the earliest event).
struct EventsToAppend {
  std::vector<Event> events;
  std::string header;
};

// How much of the journal a command reads: all of it, or the recent part that the daily
// commands need (momentum/recent.hpp), which costs what the last weeks hold rather than
// what the user has ever done; or that recent part without its tasks, for a command that
// reads only goals, check-ins, rest days and sprints (the open tasks are most of what a
// recent State of years of use holds); or that part with only the tasks its check-ins and
// sprints name, for a command that shows those.
enum class Reach { full, recent, habits, named_tasks };

class Context {
 public:
  Context(const Env& env_in, Terminal terminal_in, std::ostream& out_in, std::ostream& err_in)
      : env(env_in), terminal(terminal_in), out(out_in), err(err_in) {}

  // Resolves the clock, config, journal path and output style, once options are parsed.
  void resolve();

  // The journal as it is now, without a lock; a missing journal is empty. Prints warnings.
  // Reach::recent may give a recent State that serves `today`: a command that names no
  // entity and looks no further back than a week, or one that falls back on a full read.
  Loaded read(Reach reach = Reach::full) const;

  // The same, for a command that names an entity: `check` resolves what the input names
  // (throwing UsageError when it cannot), and a recent State it fails on gives way to the full
  // State, which decides. With Reach::habits or Reach::named_tasks, the recent State holds
  // the tasks of `tasks` too (the ones the input names).
  Loaded read(Reach reach, const std::function<void(const State&)>& check,
              const TaskPart& tasks = {}) const;

  // `answer` of the State read for `reach`, memoised in the cache directory under the memo
  // name `name` (".prompt") and `key`, which must hold everything besides the journal that
  // the answer depends on (the day, a format version): the next call for the same journal
  // bytes and key reads the memo and not the journal. Warnings are printed only when the
  // journal is read, so this is for commands that print none (`prompt`).
  // With Reach::habits or Reach::named_tasks, the recent State holds the tasks of `tasks` too.
  std::string memoised(std::string_view name, std::string_view key, Reach reach,
                       const std::function<std::string(const State&)>& answer,
                       const TaskPart& tasks = {}) const;

  // The journal's events in (ts, id) order, read afresh (under a writer's lock, the events as
  // they are now); none when there is no journal.
  std::vector<Event> events() const;
  // The journal's bytes as they are now; nullopt when it does not exist.
  std::optional<std::string> journal_text() const;

  // Under the journal lock: loads, lets `build` check the input and make the event, appends
  // it, prints the change's warnings, and returns the state with the event applied.
  // Reach::recent builds on a recent State first; when `build` refuses it (UsageError: the
  // input may name something the recent State left out), the full State decides. With
  // Reach::habits or Reach::named_tasks, the recent State holds the tasks of `tasks` too.
  Written write(const std::function<Change(const State&, const Stamp&)>& build,
                Reach reach = Reach::full, const TaskPart& tasks = {}) const;

  // Under the journal lock: loads, lets `build` make any number of events (import), appends
  // them all with one write and one fsync, or none on failure, and returns the state after
  // them (a replay's when they are not all after the journal's latest). No events: nothing is
  // written, not even a new journal's header.
  State write_events(const std::function<EventsToAppend(const State&)>& build) const;

  // The local UTC offset at `ts`, as the environment's TZ says: when an event was written.
  std::chrono::minutes utc_offset_at(Timestamp ts) const;

  // Prints "momentum: warning: …" on stderr.
  void warn(std::string_view message) const;

  // The day a load for `reach` serves: `today` for a recent one, else none (full).
  std::optional<Day> recent_day(Reach reach) const;

  const Env& env;
  Terminal terminal;
  std::ostream& out;
  std::ostream& err;
  GlobalOptions global;

  Clock clock;
  Config config;
  Day today{};
  std::filesystem::path journal;
  std::filesystem::path cache;    // the journal's cache file; none when empty
  Style style{false, false, 80};  // how text output looks; set by resolve()

  // Set while parsing, before resolve(), by commands that run differently:
  // `prompt` never fails loudly (failures exit 0 printing nothing; warnings are dropped);
  // `config` repairs the config file, so resolve() sets up only the output (no clock, config
  // or journal, which could fail on the very file it is about to fix).
  bool silent_failures = false;
  bool output_only = false;
};

// The journal path: --journal, MOMENTUM_JOURNAL, $MOMENTUM_DIR/journal.jsonl,
// $XDG_DATA_HOME/momentum/journal.jsonl, then ~/.local/share/momentum/journal.jsonl.
std::filesystem::path journal_path(const Env& env, const std::string& flag);

// Where the journal's cache lives: $XDG_CACHE_HOME/momentum or ~/.cache/momentum; none
// (an empty path) without either.
std::filesystem::path cache_dir(const Env& env);

// The config file: MOMENTUM_CONFIG, $XDG_CONFIG_HOME/momentum/config.json, ~/.config/…;
// none without HOME.
std::optional<std::filesystem::path> config_path(const Env& env);

}  // namespace momentum::cli
