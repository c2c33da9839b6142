#include "cli/json_out.hpp"

#include "momentum/parse.hpp"
#include "momentum/views.hpp"

namespace momentum::cli {
namespace {

using nlohmann::ordered_json;

ordered_json day_or_null(std::optional<Day> day) {
  return day ? ordered_json(format_day(*day)) : ordered_json(nullptr);
}
template <class T>
ordered_json or_null(const std::optional<T>& value) {
  return value ? ordered_json(*value) : ordered_json(nullptr);
}

// A reference to another entity: its short number, or null.
template <class Entity>
ordered_json num_of(const std::vector<Entity>& items, std::optional<int> index) {
  return index ? ordered_json(items[static_cast<std::size_t>(*index)].num) : ordered_json(nullptr);
}

}  // namespace

ordered_json goal_json(const State& state, int goal, Day today) {
  const Goal& g = state.goals[static_cast<std::size_t>(goal)];
  const GoalView v = goal_view(state, goal, today);
  return {{"num", g.num},
          {"id", g.id},
          {"title", g.title},
          {"why", g.why},
          {"importance", g.importance},
          {"cadence", format_cadence(g.cadences.back().cadence)},
          {"target", day_or_null(g.target)},
          {"status", to_string(v.status)},
          {"paused_until", day_or_null(v.paused_until)},
          {"tags", g.tags},
          {"created", format_timestamp(g.created)},
          {"tasks_open", v.tasks_open},
          {"tasks_done", v.tasks_done}};
}

ordered_json task_json(const State& state, int task, Day today) {
  return task_json(state, task, task_view(state, task, today));
}

ordered_json task_json(const State& state, int task, const TaskView& v) {
  const Task& t = state.tasks[static_cast<std::size_t>(task)];
  ordered_json deferrals = ordered_json::array();
  for (const Deferral& d : t.deferrals) {
    deferrals.push_back({{"at", format_timestamp(d.ts)},
                         {"from", day_or_null(d.from)},
                         {"to", format_day(d.to)},
                         {"reason", d.reason}});
  }
  return {
      {"num", t.num},
      {"id", t.id},
      {"title", t.title},
      {"goal", num_of(state.goals, t.goal)},
      {"kind", to_string(t.kind)},
      {"importance", t.importance},
      {"estimate", or_null(t.estimate)},
      {"due", day_or_null(t.due)},
      {"overdue", v.overdue},
      {"tags", t.tags},
      {"status", to_string(t.status)},
      {"created", format_timestamp(t.created)},
      {"started", t.started ? ordered_json(format_timestamp(*t.started)) : ordered_json(nullptr)},
      {"finished",
       t.finished ? ordered_json(format_timestamp(*t.finished)) : ordered_json(nullptr)},
      {"deferrals", deferrals},
      {"minutes_logged", v.minutes_logged}};
}

ordered_json log_json(const State& state, int log) {
  const LogEntry& l = state.logs[static_cast<std::size_t>(log)];
  return {{"num", l.num},
          {"id", l.id},
          {"day", format_day(l.day)},
          {"minutes", or_null(l.minutes)},
          {"kind", to_string(l.kind)},
          {"goal", num_of(state.goals, l.goal)},
          {"task", num_of(state.tasks, l.task)},
          {"note", l.note},
          {"resistance", or_null(l.resistance)},
          {"tags", l.tags},
          {"logged_at", format_timestamp(l.ts)}};
}

ordered_json skip_json(const State& state, int skip) {
  const Skip& k = state.skips[static_cast<std::size_t>(skip)];
  return {{"num", k.num},
          {"id", k.id},
          {"day", format_day(k.day)},
          {"goal", num_of(state.goals, k.goal)},
          {"reason", k.reason}};
}

void print_json(const Context& ctx, const ordered_json& value) {
  ctx.out << value.dump(ctx.terminal.stdout_tty ? 2 : -1, ' ', false,
                        ordered_json::error_handler_t::replace)
          << '\n';
}

}  // namespace momentum::cli
