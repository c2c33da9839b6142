#pragma once
// The command table: each cmd_*.cpp binds its options on a CLI11 subcommand and, when that
// subcommand is chosen, leaves behind the action to run once all options are parsed.

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/context.hpp"
#include "momentum/parse.hpp"

namespace momentum::cli {

// What to run after parsing; returns the exit code.
using Action = std::function<int()>;

void setup_today(CLI::App& app, Context& ctx, Action& action);
void setup_goal(CLI::App& app, Context& ctx, Action& action);
void setup_task(CLI::App& app, Context& ctx, Action& action);
void setup_log(CLI::App& app, Context& ctx, Action& action);
void setup_calendar(CLI::App& app, Context& ctx, Action& action);
void setup_streak(CLI::App& app, Context& ctx, Action& action);
void setup_stats(CLI::App& app, Context& ctx, Action& action);
void setup_sprint(CLI::App& app, Context& ctx, Action& action);
void setup_review(CLI::App& app, Context& ctx, Action& action);
void setup_remind(CLI::App& app, Context& ctx, Action& action);
void setup_prompt(CLI::App& app, Context& ctx, Action& action);
void setup_config(CLI::App& app, Context& ctx, Action& action);
void setup_undo(CLI::App& app, Context& ctx, Action& action);
void setup_sync(CLI::App& app, Context& ctx, Action& action);
void setup_export(CLI::App& app, Context& ctx, Action& action);
void setup_import(CLI::App& app, Context& ctx, Action& action);
void setup_check(CLI::App& app, Context& ctx, Action& action);
// `app` is the whole command line: the scripts are generated from it.
void setup_completion(CLI::App& app, Context& ctx, Action& action);

// The dashboard; also what `momentum` alone runs.
int run_today(Context& ctx);

// `text` from option `what` as a day (see parse_date), relative to ctx.today.
Day date_option(const Context& ctx, const std::string& text, std::string_view what,
                DateDirection direction = DateDirection::forward);

// What a command about `day` reads: the recent State holds every check-in and rest day of
// the last 30 days (momentum/recent.hpp), the full State every other day's.
Reach reach_for(const Context& ctx, Day day);

// The same for the day option `date` gives (none: today); a date that is refused anyway
// reads the full State, so that the refusal is the full State's.
Reach reach_for(const Context& ctx, const std::optional<std::string>& date,
                DateDirection direction);

// `reach` without the recent State's tasks (Reach::habits) when `no_tasks` and it is recent.
Reach without_tasks(Reach reach, bool no_tasks = true);

// `reach` with only the tasks the recent State's check-ins and sprints name when it is recent.
Reach named_tasks(Reach reach);

// What a command that names the task `ref` and no other reads: the recent State with that
// task only when `ref` is a task number (Reach::habits and that number), else all of it.
struct TaskReach {
  Reach reach = Reach::recent;
  TaskPart tasks;
};
TaskReach reach_for_task(std::string_view ref);

// For a command that ranks the open tasks and shows a few of them whole: the recent State with
// the facts of every task (task_facts()) and whole only the tasks its check-ins and sprints
// name and those `shown` numbers in what `view` makes of it, and that view. The tasks are
// picked from the State as the snapshot holds it; when the lines appended since change the
// pick, all of them are read. `View` holds no reference into the State.
template <class View>
std::pair<State, View> read_shown(const Context& ctx, const std::function<View(const State&)>& view,
                                  const std::function<std::vector<int>(const View&)>& shown) {
  // The pick's last view (the store asks again after replaying the lines appended since the
  // snapshot) is the final one when the State has as many events: the tasks read after the
  // pick change none of the facts.
  std::optional<View> picked;
  std::size_t picked_events = 0;
  TaskPart part;
  part.facts = true;
  part.pick = [&](const State& s) {
    picked = view(s);
    picked_events = s.event_count;
    return shown(*picked);
  };
  State state = ctx.read(
                       Reach::named_tasks, [](const State&) {}, part)
                    .state;
  const bool in_part = state.history && state.history->without_tasks;
  View v =
      in_part && picked && state.event_count == picked_events ? std::move(*picked) : view(state);
  if (in_part && !holds_tasks(state, shown(v))) {
    state = ctx.read(Reach::recent).state;
    v = view(state);
  }
  return {std::move(state), std::move(v)};
}

// The tags given with --tag, each checked.
std::vector<std::string> tag_options(const std::vector<std::string>& tags);

// Accepts a whole number from `lo` to `hi`, in the house style of error messages.
CLI::Validator in_range(int lo, int hi);

// Accepts one of `words`: "unknown status 'x'; expected todo, doing or done".
CLI::Validator one_of(std::string_view what, std::vector<std::string> words);

// The words `option` accepts when a one_of (or a short in_range) checks it, else empty:
// what the completion scripts offer.
std::vector<std::string> choices(CLI::Option& option);

// Chooses `run` as the action when `sub` is the subcommand given.
void on_chosen(CLI::App* sub, Action& action, std::function<int()> run);

}  // namespace momentum::cli
