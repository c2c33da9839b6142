#pragma once
// The state of a journal: goals, tasks, check-ins and skips, as folded from its events.
// Entities refer to each other by index into the State's vectors; an entity's short
// number is assigned in (ts, id) order, so it is the same on every machine. An undone
// creation keeps its number (it is never handed out again), so numbers can skip one and a
// number is not always its index + 1: find_by_num() looks one up.

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "momentum/day.hpp"

namespace momentum {

using Uuid = std::string;

// Hashes UUIDs given as strings or string_views alike, so lookups need no copy.
struct UuidHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
};

// UUID -> index into one of the State's vectors. A flat open-addressing table over one buffer
// of the ids, so that building it for a million entities (every command, from the cache) is
// a few allocations rather than two per id. Any string is a valid id; ids are unique.
class UuidIndex {
 public:
  // The index of `id`, or nullopt when it has none.
  std::optional<int> find(std::string_view id) const;
  bool contains(std::string_view id) const { return find(id).has_value(); }
  // Adds `id` -> `index`; false (and nothing changes) when `id` is in already.
  bool emplace(std::string_view id, int index);
  // Room for `count` ids without growing.
  void reserve(std::size_t count);
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::size_t hash = 0;
    std::size_t offset = 0;  // of the id in ids_
    std::size_t length = 0;
    int index = -1;  // -1: empty
  };
  // The slot holding `id`, or the empty slot where it would go; slots_ must not be full.
  std::size_t probe(std::string_view id, std::size_t hash) const;
  void grow(std::size_t capacity);

  std::vector<Slot> slots_;  // a power of two in size, at most 3/4 full
  std::string ids_;          // every id, back to back
  std::size_t size_ = 0;
};

// Which half of the loop: learning (reading, courses) or doing (building, competing, writing).
enum class Kind { learn, do_ };

enum class GoalStatus { active, paused, achieved, dropped };
enum class TaskStatus { todo, doing, done, dropped };

// What keeping a goal's habit means (docs/design.md §3).
struct Cadence {
  enum class Type { none, daily, weekdays, per_week, rolling };
  Type type = Type::daily;
  int n = 1;  // per_week: days a week; rolling: days in each window
  int d = 7;  // rolling: the window's length in days
  friend bool operator==(const Cadence&, const Cadence&) = default;
};

// A cadence in force from `from` (the day of the edit) until the next change.
struct CadenceChange {
  Day from;
  Cadence cadence;
};

// Paused from `from` through the day before `until`; an open pause has no `until`.
struct Pause {
  Day from;
  std::optional<Day> until;
};

struct Goal {
  Uuid id;
  int num = 0;
  std::string title;
  std::string why;
  int importance = 3;
  std::vector<CadenceChange> cadences;  // never empty; back() is in force now
  std::optional<Day> target;
  GoalStatus status = GoalStatus::active;  // as last set; see effective_status()
  std::vector<Pause> pauses;
  std::optional<Day> ended;  // the day it was achieved or dropped
  std::vector<std::string> tags;
  Timestamp created{};
  Day created_day{};
  Timestamp updated{};
};

// One deferral of a task: its due day moved from `from` (none if it had no due day) to `to`.
struct Deferral {
  Timestamp ts{};
  Day day{};  // the day the deferral was made
  std::optional<Day> from;
  Day to{};
  std::string reason;
};

struct Task {
  Uuid id;
  int num = 0;
  std::string title;
  std::optional<int> goal;  // index into State::goals
  Kind kind = Kind::do_;
  int importance = 3;
  std::optional<int> estimate;  // minutes
  std::optional<Day> due;
  std::vector<std::string> tags;
  TaskStatus status = TaskStatus::todo;
  Timestamp created{};
  Day created_day{};
  std::optional<Timestamp> started;
  std::optional<Day> started_day;
  std::optional<Timestamp> finished;  // done or dropped
  std::optional<Day> finished_day;
  std::vector<Deferral> deferrals;
  Timestamp last_activity{};  // the latest event that touched it, a log on it included
  Day last_activity_day{};
};

// A check-in: what was done on a day.
struct LogEntry {
  Uuid id;
  int num = 0;
  Day day{};
  std::optional<int> minutes;
  Kind kind = Kind::do_;
  std::optional<int> goal;  // index into State::goals
  std::optional<int> task;  // index into State::tasks
  std::string note;
  std::optional<int> resistance;  // 1-5
  std::vector<std::string> tags;
  Timestamp ts{};
  bool removed = false;  // `log rm`; kept so that short numbers never shift
};

// A planned rest day, for one goal or (no goal) for all.
struct Skip {
  Uuid id;
  int num = 0;
  Day day{};
  std::optional<int> goal;
  std::string reason;
  Timestamp ts{};
  bool removed = false;
};

// A task planned in a sprint and the day it was added (after the start: a scope change).
struct PlannedTask {
  int task = 0;  // index into State::tasks
  Day added{};
};

// A sprint's answers on close.
struct Retrospective {
  std::string learned;
  std::string blocked;
  std::string next;
  std::optional<int> rating;  // 1-5
};

enum class SprintStatus { planned, active, closed };

// One turn of the loop: a time box around one problem, from `start` through `end`.
struct Sprint {
  Uuid id;
  int num = 0;
  std::string title;        // the problem
  std::optional<int> goal;  // index into State::goals
  Day start{};
  Day end{};
  std::vector<PlannedTask> planned;
  bool closed = false;
  std::optional<Day> closed_day;
  Retrospective retro;
  Timestamp created{};
};

// The minutes of some check-ins, split into learning and doing, and how many check-ins.
struct Minutes {
  int learn = 0;
  int doing = 0;
  int checkins = 0;  // check-ins counted, with or without a duration
  int total() const { return learn + doing; }
  Minutes& operator+=(const Minutes& other) {
    learn += other.learn, doing += other.doing, checkins += other.checkins;
    return *this;
  }
  friend bool operator==(const Minutes&, const Minutes&) = default;
};

// What ranking, the day's lists, reminders and nudges read of a task: few and fixed enough that
// a recent State read in part keeps them for every task it did not read (History::unread).
struct TaskFacts {
  int num = 0;
  std::optional<int> goal;
  TaskStatus status = TaskStatus::todo;
  int importance = 3;
  std::optional<int> estimate;
  std::optional<Day> due;
  Day created_day{};
  int deferrals = 0;  // how many times it was deferred
  int tags = 0;       // how many tags it has
  friend bool operator==(const TaskFacts&, const TaskFacts&) = default;
};

TaskFacts facts_of(const Task& task);

// What a recent State (recent_state()) leaves out: the check-ins and rest days from before
// `cutoff` and the tasks nothing recent refers to, folded into what the habit math, the
// check-in streak and the task views read of them. A full State has none.
// A run of kept periods as a GoalFold holds it (streak.hpp's Streak, which this header does
// not see).
struct FoldedRun {
  int length = 0;
  int unit = 0;           // a PeriodKind (streak.hpp)
  bool unit_set = false;  // false: still the unit a walk starts with (the cadence's on as-of)
  std::optional<Day> first;
  std::optional<Day> last;
  friend bool operator==(const FoldedRun&, const FoldedRun&) = default;
};

// A goal's periods walked once, when a recent State was built, up to a day well before its
// cutoff: the habit math resumes there instead of walking from the goal's first day
// (streak.cpp). It holds only while the goal's days, pauses and cadences before `at`, its
// first day and the week's first day are those it was made from (`fingerprint`).
struct GoalFold {
  Day at{};                       // the first day not folded: every folded period ends before it
  int week_start = 1;             // Config::week_start, c_encoding
  std::uint64_t fingerprint = 0;  // fold_fingerprint() of what it was made from
  FoldedRun current;              // the streaks after the folded periods
  FoldedRun longest;
  double strength = 0;  // S after the folded periods
  friend bool operator==(const GoalFold&, const GoalFold&) = default;
};

struct History {
  Day cutoff{};  // the State holds every check-in and rest day on or after this day
  std::vector<std::vector<Day>> logged;   // per goal, like State::goals: sorted, distinct days
  std::vector<std::vector<Day>> skipped;  // per goal: its own and every all-goals rest day
  std::vector<Day> any_logged;            // sorted, distinct days with any check-in
  std::vector<Day> rested;                // sorted, distinct rest days for all goals
  std::vector<int> task_minutes;          // per task, like State::tasks: minutes logged
  std::vector<Minutes> sprint_minutes;    // per sprint: check-ins from its start through its end
  std::vector<Minutes> goal_minutes;      // per goal: its check-ins
  std::vector<int> goal_tasks_done;       // per goal: its done tasks left out
  std::size_t logs = 0;                   // check-ins left out, removed ones included
  std::size_t skips = 0;
  std::size_t tasks = 0;                       // tasks left out
  std::vector<std::optional<GoalFold>> folds;  // per goal, where one was made
  // Set when the State was read without its tasks (decode_state): `tasks` then holds only
  // those added since, no check-in or sprint names a task, and `task_minutes` is empty. For
  // the commands that read only goals, check-ins, rest days and sprints; never written back.
  bool without_tasks = false;
  // With TaskPart::facts: the facts of the tasks not read, in number order (task_facts()).
  std::vector<TaskFacts> unread;
  friend bool operator==(const History&, const History&) = default;
};

struct State {
  std::vector<Goal> goals;
  std::vector<Task> tasks;
  std::vector<LogEntry> logs;
  std::vector<Skip> skips;
  std::vector<Sprint> sprints;
  UuidIndex goal_index;  // for replay and lookups
  // UUID -> index into `tasks`: through task_ids(), which builds it on first use after
  // decode_state left it pending (ranking 77k tasks never looks one up by UUID).
  mutable UuidIndex task_index;
  mutable bool task_index_pending = false;
  UuidIndex log_index;
  UuidIndex skip_index;
  UuidIndex sprint_index;
  // The short numbers handed out so far: undone creations count, so a number is never reused.
  int goal_nums = 0;
  int task_nums = 0;
  int log_nums = 0;
  int skip_nums = 0;
  int sprint_nums = 0;
  std::map<std::string, int> unknown_ops;  // ops from a newer version: kept, counted
  Timestamp last_ts{};  // the latest `ts` in the journal; a writer goes strictly later
  std::size_t event_count = 0;
  std::optional<History> history;  // set in a recent State only

  const UuidIndex& task_ids() const;
  UuidIndex& task_ids() { return const_cast<UuidIndex&>(std::as_const(*this).task_ids()); }

  // The entity at `index` (as entities refer to each other); `index` must be in range.
  const Goal& goal(int index) const { return goals[static_cast<std::size_t>(index)]; }
  const Task& task(int index) const {
    assert(index >= 0 && static_cast<std::size_t>(index) < tasks.size());
    return tasks[static_cast<std::size_t>(index)];
  }
  const LogEntry& log(int index) const { return logs[static_cast<std::size_t>(index)]; }
  const Skip& skip(int index) const { return skips[static_cast<std::size_t>(index)]; }
  const Sprint& sprint(int index) const { return sprints[static_cast<std::size_t>(index)]; }
};

// The index of the item numbered `num` in `items` (any of the State's vectors, whose numbers
// increase with the index), or nullopt when there is none (out of range, or undone).
template <class Entity>
std::optional<int> find_by_num(const std::vector<Entity>& items, int num) {
  const auto it = std::lower_bound(items.begin(), items.end(), num,
                                   [](const Entity& e, int n) { return e.num < n; });
  if (it == items.end() || it->num != num) return std::nullopt;
  return static_cast<int>(it - items.begin());
}

// The goal's status on `today`: a pause whose `until` has come is active again.
GoalStatus effective_status(const Goal& goal, Day today);

// True when `goal` was active on `day`: added by then, not yet achieved or dropped, not paused.
bool active_on(const Goal& goal, Day day);

// True when `goal` is paused on `day` (by any of its pauses).
bool is_paused_on(const Goal& goal, Day day);

// The cadence in force on `day` (the first one before the goal's first change).
const Cadence& cadence_on(const Goal& goal, Day day);

// planned before its start, closed once closed, else active (an ended, unclosed sprint too).
SprintStatus sprint_status(const Sprint& sprint, Day today);

// True for todo and doing.
bool is_open(TaskStatus status);

// True when `task` is open and its due day is before `today`.
bool is_overdue(const TaskFacts& task, Day today);
inline bool is_overdue(const Task& task, Day today) { return is_overdue(facts_of(task), today); }

// True when `task` is open and due on `today`.
bool is_due_on(const TaskFacts& task, Day today);
inline bool is_due_on(const Task& task, Day today) { return is_due_on(facts_of(task), today); }

// The facts of `tasks`, in their order.
std::vector<TaskFacts> facts_of(const std::vector<Task>& tasks);

// The facts of every task in number order: State::tasks', and those of the tasks a State read in
// part left unread (History::unread). Index i is State::tasks[i] only in a State read whole.
std::vector<TaskFacts> task_facts(const State& state);

// True when `state` holds every task numbered `nums` (a State read in part may not).
bool holds_tasks(const State& state, const std::vector<int>& nums);

// The index in State::tasks of the task of `facts`, which `state` must hold.
int task_index(const State& state, const TaskFacts& facts);

// True when `task` is done (not dropped) on a day from `first` through `last`.
bool done_between(const Task& task, Day first, Day last);

// True for active and paused: the goals that lists show unless asked for all.
bool is_ongoing(GoalStatus status);

// The day an open pause of `goal` ends by itself, when it is paused on `today` and has one.
std::optional<Day> paused_until(const Goal& goal, Day today);

// A goal or task whose short number is not the same in two states of a journal: short numbers
// follow (ts, id) order, so an earlier goal or task from elsewhere (a sync's merge, an import
// of a momentum export) shifts the later ones.
struct Renumbered {
  std::string_view kind;  // "goal" or "task"
  Uuid id;
  std::string title;
  int from = 0;
  int to = 0;
};

// The goals, then the tasks, of `before` whose number in `after` is another.
std::vector<Renumbered> renumbered(const State& before, const State& after);

}  // namespace momentum
