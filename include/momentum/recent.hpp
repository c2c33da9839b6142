#pragma once
// A recent State: the part of a journal's State that the daily commands read. It keeps every
// goal and sprint, the open tasks and those anything recent refers to, and the check-ins and
// rest days from the cutoff on; what it leaves out is folded into its History, so that the
// habit math, the check-in streak and the task views give what the full State gives.

#include "momentum/day.hpp"
#include "momentum/error.hpp"
#include "momentum/state.hpp"

namespace momentum {

// A recent State is built holding this many days of check-ins before the day it is built on,
inline constexpr int recent_days = 35;
// serves commands while it holds at least the 30 days before their day (`goal show` sums the
// last 30; the others look back a week at most),
inline constexpr int recent_margin = 30;
// and is built again once it holds more than this many days.
inline constexpr int recent_max_days = 120;

// Thrown where a recent State cannot answer for sure what the full one would (a UUID prefix
// that a task it left out may share): the command then runs on the full State. A UsageError,
// which is what a writer on a recent State already falls back on.
struct NeedsFullState : UsageError {
  NeedsFullState() : UsageError("the recent state cannot tell; the full state decides") {}
};

// The recent part of the full State `full` (which has no History), holding every check-in
// and rest day on or after `cutoff`.
State recent_state(const State& full, Day cutoff);

// True when `state` (full or recent) answers for `today` what the full State would: a
// recent one must hold at least the `recent_margin` days before it.
bool serves(const State& state, Day today);

// True when `state` holds every check-in, rest day and task active on or after `day`, as the
// full State does: what a report of a period from `day` on reads (a full State always does).
bool holds_since(const State& state, Day day);

// True when a recent `state` holds so many days before `today` that building it again
// (from a cutoff `recent_days` before today) makes it smaller; false for a full State.
bool worth_rebuilding(const State& state, Day today);

}  // namespace momentum
