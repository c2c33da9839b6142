// momentum log [DURATION] [NOTE…] | log list | log skip | log edit | log rm
#include <fmt/format.h>

#include <map>

#include "cli/json_out.hpp"
#include "cli/options.hpp"
#include "cli/render.hpp"
#include "momentum/error.hpp"
#include "momentum/minutes.hpp"
#include "momentum/resolve.hpp"

namespace momentum::cli {
namespace {

struct LogOptions {
  std::vector<std::string> words;  // [DURATION] NOTE…
  std::string ref;
  std::optional<std::string> goal;
  std::optional<std::string> task;
  bool learn = false;
  bool doing = false;
  std::optional<int> resistance;
  std::optional<std::string> date;
  std::vector<std::string> tags;
  std::optional<std::string> duration;
  std::optional<std::string> note;
  bool clear_goal = false, clear_task = false, clear_duration = false, clear_resistance = false;
  bool clear_tags = false;
  std::optional<std::string> since;
  bool all = false;
  std::string reason;
};

void bind_fields(CLI::App* sub, LogOptions& o) {
  sub->add_option("--goal", o.goal, "The goal it counts for (number or a word of its title)")
      ->option_text("G");
  sub->add_option("--task", o.task, "The task worked on; its goal and kind are inherited")
      ->option_text("T");
  auto* learn = sub->add_flag("--learn", o.learn, "Learning: reading, courses");
  auto* doing = sub->add_flag("--do", o.doing, "Doing: building, competing, writing (default)");
  learn->excludes(doing);
  sub->add_option("--resistance", o.resistance, "How hard it was to start, 1-5")
      ->check(in_range(1, 5))
      ->option_text("N");
  sub->add_option("--date", o.date,
                  "The day it counts for (default today): yesterday, -2d, monday…")
      ->option_text("DATE");
  sub->add_option("--tag", o.tags, "A tag (repeatable)")->option_text("T");
}

LogFields fields_of(const Context& ctx, const State& state, const LogOptions& o) {
  LogFields f;
  if (o.date) f.day = date_option(ctx, *o.date, "--date", DateDirection::backward);
  if (o.goal) f.goal = std::optional<int>(resolve_goal(state, *o.goal));
  if (o.clear_goal) f.goal = std::optional<int>();
  if (o.task) f.task = std::optional<int>(resolve_task(state, *o.task));
  if (o.clear_task) f.task = std::optional<int>();
  if (o.learn) f.kind = Kind::learn;
  if (o.doing) f.kind = Kind::do_;
  if (o.resistance) f.resistance = std::optional<int>(*o.resistance);
  if (o.clear_resistance) f.resistance = std::optional<int>();
  if (!o.tags.empty()) f.tags = tag_options(o.tags);
  if (o.clear_tags) f.tags = std::vector<std::string>();
  return f;
}

// A first word that starts with a digit and holds no space is meant as a duration ("45x" is
// a typo of "45m"); a quoted "3 chapters read" is a note.
bool meant_as_duration(const std::string& word) {
  return !word.empty() && std::isdigit(static_cast<unsigned char>(word.front())) &&
         word.find_first_of(" \t") == std::string::npos;
}

// Splits the positionals: a first word that is a duration, then the note.
void split_words(const std::vector<std::string>& words, LogFields& f) {
  std::size_t first = 0;
  if (!words.empty()) {
    std::optional<std::chrono::minutes> minutes;
    try {
      minutes = try_parse_duration(words.front());
      if (!minutes && meant_as_duration(words.front())) parse_duration(words.front());  // throws
    } catch (const UsageError& e) {
      if (words.size() == 1) throw;
      throw UsageError(
          fmt::format("{}; to log a note that starts with a number, quote it: "
                      "momentum log \"{} …\"",
                      e.what(), words.front()));
    }
    if (minutes) {
      f.minutes = std::optional<int>(static_cast<int>(minutes->count()));
      first = 1;
    }
  }
  std::string note;
  for (std::size_t i = first; i < words.size(); ++i) note += (note.empty() ? "" : " ") + words[i];
  if (!note.empty()) f.note = parse_note(note);
}

std::string log_text(const Style& style, const State& state, const LogEntry& l, Day today) {
  std::string what = fmt::format("{} {}", minutes_text(l.minutes), to_string(l.kind));
  if (!l.minutes) what = fmt::format("a check-in ({})", to_string(l.kind));
  what += l.goal ? fmt::format(" on goal {}", goal_short(style, state, l.goal, 40)) : " on no goal";
  if (l.task) what += fmt::format(", task {}", state.task(*l.task).num);
  const std::string when = l.day == today ? "today" : weekday_day(l.day);
  return fmt::format("check-in {}: {} for {}", l.num, what, when);
}

// "Today: 1h15m (learn 30m, do 45m) in 2 check-ins".
std::string day_total(const State& state, Day day) {
  const Minutes m = minutes_in(state, {day, day, std::nullopt, std::nullopt});
  return fmt::format("{} (learn {}, do {}) in {}", minutes_text(m.total()), minutes_text(m.learn),
                     minutes_text(m.doing),
                     plural(static_cast<std::size_t>(m.checkins), "check-in", "check-ins"));
}

int run_add(Context& ctx, const LogOptions& o) {
  // A recent State with no task, or with the one numbered by --task.
  const Reach reach = reach_for(ctx, o.date, DateDirection::backward);
  const TaskReach task = o.task ? reach_for_task(*o.task) : TaskReach{Reach::habits, {}};
  const Written w = ctx.write(
      [&](const State& s, const Stamp& stamp) {
        LogFields f = fields_of(ctx, s, o);
        split_words(o.words, f);
        return add_log(s, f, stamp, ctx.today, ctx.config.default_goal);
      },
      reach == Reach::recent ? task.reach : reach, task.tasks);
  const int index = w.touched.index;
  if (ctx.global.json) {
    print_json(ctx, log_json(w.state, index));
    return 0;
  }
  if (ctx.global.quiet) return 0;
  const LogEntry& l = w.state.log(index);
  ctx.out << "Logged " << log_text(ctx.style, w.state, l, ctx.today) << '\n';
  ctx.out << (l.day == ctx.today ? "Today: " : weekday_day(l.day) + ": ")
          << day_total(w.state, l.day) << '\n';
  // How to give it a goal next time; a default_goal that did not apply was warned about.
  if (!l.goal && l.task) {
    ctx.out << fmt::format(
        "Counts for no goal: task {} has none ('momentum task edit {} --goal "
        "G')\n",
        w.state.task(*l.task).num, w.state.task(*l.task).num);
  } else if (!l.goal && ctx.config.default_goal.empty()) {
    ctx.out << "Counts for no goal: add --goal G, or once 'momentum config set default_goal G'\n";
  }
  return 0;
}

int run_edit(Context& ctx, const LogOptions& o) {
  const Written w = ctx.write([&](const State& s, const Stamp& stamp) {
    LogFields f = fields_of(ctx, s, o);
    if (o.duration)
      f.minutes =
          std::optional<int>(static_cast<int>(parse_duration(*o.duration, "--duration").count()));
    if (o.clear_duration) f.minutes = std::optional<int>();
    if (o.note) f.note = parse_note(*o.note);
    return edit_log(s, resolve_log(s, o.ref), f, stamp, ctx.today);
  });
  const int index = w.touched.index;
  if (ctx.global.json) {
    print_json(ctx, log_json(w.state, index));
    return 0;
  }
  if (!ctx.global.quiet)
    ctx.out << "Changed " << log_text(ctx.style, w.state, w.state.log(index), ctx.today) << '\n';
  return 0;
}

int run_rm(Context& ctx, const LogOptions& o) {
  const Written w = ctx.write([&](const State& s, const Stamp& stamp) {
    return remove_log(s, resolve_log(s, o.ref), stamp);
  });
  const int index = w.touched.index;
  if (ctx.global.json) {
    print_json(ctx, log_json(w.state, index));
    return 0;
  }
  if (!ctx.global.quiet)
    ctx.out << "Removed " << log_text(ctx.style, w.state, w.state.log(index), ctx.today) << '\n';
  return 0;
}

int run_skip(Context& ctx, const LogOptions& o) {
  const Day day = o.date ? date_option(ctx, *o.date, "--date") : ctx.today;
  const std::string reason = parse_note(o.reason, "--reason");
  const Reach reach = without_tasks(reach_for(ctx, day));
  const Written w = ctx.write(
      [&](const State& s, const Stamp& stamp) {
        std::optional<int> goal;
        if (o.goal) goal = resolve_goal(s, *o.goal);
        return add_skip(s, day, goal, reason, stamp);
      },
      reach);
  const int index = w.touched.index;
  if (ctx.global.json) {
    print_json(ctx, skip_json(w.state, index));
    return 0;
  }
  if (ctx.global.quiet) return 0;
  const Skip& k = w.state.skip(index);
  ctx.out << fmt::format(
      "Planned a rest day on {} for {}\n", weekday_day(k.day),
      k.goal ? "goal " + goal_short(ctx.style, w.state, k.goal, 40) : "all goals");
  return 0;
}

int run_list(Context& ctx, const LogOptions& o) {
  const State state =
      ctx.read(o.all ? Reach::full : named_tasks(reach_for(ctx, o.since, DateDirection::backward)))
          .state;
  const Day since = o.all     ? Day::min()
                    : o.since ? date_option(ctx, *o.since, "--since", DateDirection::backward)
                              : ctx.today - std::chrono::days{6};
  std::optional<int> goal;
  if (o.goal) goal = resolve_goal(state, *o.goal);
  const auto wanted = [&](Day day, std::optional<int> g, bool removed) {
    return !removed && day >= since && (!goal || g == goal);
  };
  if (ctx.global.json) {
    nlohmann::ordered_json logs = nlohmann::ordered_json::array(),
                           skips = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < state.logs.size(); ++i) {
      if (wanted(state.logs[i].day, state.logs[i].goal, state.logs[i].removed))
        logs.push_back(log_json(state, static_cast<int>(i)));
    }
    for (std::size_t i = 0; i < state.skips.size(); ++i) {
      const Skip& k = state.skips[i];
      if (wanted(k.day, k.goal ? k.goal : goal, k.removed))
        skips.push_back(skip_json(state, static_cast<int>(i)));
    }
    print_json(ctx, {{"logs", logs}, {"skips", skips}});
    return 0;
  }
  // Rows by day, then time written; skips show as rest days.
  std::multimap<std::pair<Day, Timestamp>, std::vector<std::string>> rows;
  for (const LogEntry& l : state.logs) {
    if (!wanted(l.day, l.goal, l.removed)) continue;
    std::string task =
        l.task ? "#" + std::to_string(state.tasks[static_cast<std::size_t>(*l.task)].num) : "";
    rows.emplace(std::pair{l.day, l.ts},
                 std::vector<std::string>{
                     std::to_string(l.num), weekday_day(l.day), minutes_text(l.minutes),
                     std::string(to_string(l.kind)), goal_short(ctx.style, state, l.goal, 20),
                     escape(task.empty() ? l.note : task + (l.note.empty() ? "" : " " + l.note))});
  }
  for (const Skip& k : state.skips) {
    if (!wanted(k.day, k.goal ? k.goal : goal, k.removed)) continue;
    rows.emplace(std::pair{k.day, k.ts},
                 std::vector<std::string>{"", weekday_day(k.day), "-", "rest",
                                          k.goal ? goal_short(ctx.style, state, k.goal, 20) : "all",
                                          escape(k.reason)});
  }
  if (rows.empty()) {
    ctx.out
        << (o.all || o.since
                ? "No check-ins in that range.\n"
                : "No check-ins in the last 7 days. Log one: momentum log 30m \"what you did\"\n");
    return 0;
  }
  Table table({{"#", true},
               {"Day"},
               {"Time", true},
               {"Kind"},
               {"Goal", false, true},
               {"Task / note", false, true}});
  for (auto& [key, cells] : rows) table.add(std::move(cells));
  table.print(ctx.out, ctx.style);
  return 0;
}

// `log`'s own positionals receive words CLI11 passes up from its subcommands
// ("log list extra"): a subcommand refuses them instead of ignoring them.
void refuse_stray_words(const LogOptions& o, std::string_view command) {
  if (o.words.empty()) return;
  throw UsageError(
      fmt::format("unexpected argument '{}' for 'momentum log {}'; see 'momentum "
                  "log {} --help'",
                  o.words.front(), command, command));
}

}  // namespace

void setup_log(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<LogOptions>();
  CLI::App* log =
      app.add_subcommand("log", "Check in: what you did today (or list, skip, edit, rm)");
  log->require_subcommand(0, 1);
  log->add_option("DURATION NOTE", o->words,
                  "45m, 1h30m, 1.5h or minutes, then what you did (both optional)");
  bind_fields(log, *o);
  // A footer callback: the global options line that app.cpp sets comes after it.
  log->footer([] {
    return std::string(
        "Without --goal or --task a check-in counts for the running sprint's goal, else\n"
        "the only active goal, else config default_goal, else no goal.\n");
  });
  on_chosen(log, action, [&ctx, o] { return run_add(ctx, *o); });

  CLI::App* list = log->add_subcommand("list", "List check-ins (the last 7 days by default)");
  list->add_option("--since", o->since, "From this day on")->option_text("DATE");
  list->add_option("--goal", o->goal, "Only this goal's check-ins")->option_text("G");
  list->add_flag("--all", o->all, "Every check-in");
  on_chosen(list, action, [&ctx, o] {
    refuse_stray_words(*o, "list");
    return run_list(ctx, *o);
  });

  CLI::App* skip =
      log->add_subcommand("skip", "Plan a rest day: it neither breaks nor lengthens a streak");
  skip->add_option("--goal", o->goal, "Only for this goal (default: all goals)")->option_text("G");
  skip->add_option("--date", o->date, "The rest day (default today): tomorrow, saturday…")
      ->option_text("DATE");
  skip->add_option("--reason", o->reason, "Why")->option_text("TEXT");
  on_chosen(skip, action, [&ctx, o] {
    refuse_stray_words(*o, "skip");
    return run_skip(ctx, *o);
  });

  CLI::App* edit = log->add_subcommand("edit", "Change a check-in");
  edit->add_option("LOG", o->ref, "Check-in number (see 'log list') or UUID prefix")->required();
  bind_fields(edit, *o);
  edit->add_option("--duration", o->duration, "45m, 1h30m, 1.5h or minutes")->option_text("DUR");
  edit->add_option("--note", o->note, "What you did")->option_text("TEXT");
  edit->add_flag("--clear-goal", o->clear_goal, "Detach it from its goal");
  edit->add_flag("--clear-task", o->clear_task, "Detach it from its task");
  edit->add_flag("--clear-duration", o->clear_duration, "Remove the duration");
  edit->add_flag("--clear-resistance", o->clear_resistance, "Remove the resistance");
  edit->add_flag("--clear-tags", o->clear_tags, "Remove all tags");
  on_chosen(edit, action, [&ctx, o] {
    refuse_stray_words(*o, "edit");
    return run_edit(ctx, *o);
  });

  CLI::App* rm = log->add_subcommand("rm", "Remove a check-in");
  rm->add_option("LOG", o->ref, "Check-in number or UUID prefix")->required();
  on_chosen(rm, action, [&ctx, o] {
    refuse_stray_words(*o, "rm");
    return run_rm(ctx, *o);
  });
}

}  // namespace momentum::cli
