#pragma once
// Turning state into text for a terminal: escaping, colour, relative days, tables.

#include <fmt/color.h>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/style.hpp"
#include "momentum/day.hpp"
#include "momentum/state.hpp"
#include "momentum/text.hpp"  // escape(): every renderer shows user text through it

namespace momentum::cli {

// `text` in `look` when `style` has colour, else unchanged.
std::string paint(const Style& style, std::string_view text, fmt::text_style look);

// Display columns of `text` (one per code point; good enough for the scripts users write).
std::size_t display_width(std::string_view text);

// `text` cut to `width` columns, ending in "…" (or "..." without UTF-8) when cut.
std::string truncate(std::string_view text, std::size_t width, bool utf8);

// A due day relative to `today`: "today", "tomorrow", "in 3d", "2d late" (late ones coloured).
std::string relative_due(const Style& style, Day due, Day today);

// The day's weekday: "Wednesday", or "Wed" when not `full`.
std::string weekday_name(Day day, bool full);

// A day for humans: "Wed 2026-11-25".
std::string weekday_day(Day day);

// Minutes as "1h30m", "0m", or "-" when not given.
std::string minutes_text(std::optional<int> minutes);

// "1 task", "2 tasks".
std::string plural(std::size_t n, std::string_view one, std::string_view many);

struct Column {
  std::string header;
  bool right = false;     // numbers align right
  bool flexible = false;  // may be cut (widest first) to make the table fit the width
};

// An aligned table that fits `style.width`; cells may hold colour codes (they take no width).
class Table {
 public:
  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}
  void add(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  bool empty() const { return rows_.empty(); }
  // Writes the table to `out`, the header dimmed when `style` has colour.
  void print(std::ostream& out, const Style& style) const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

// A task's status word, coloured: todo, doing, done, dropped.
std::string status_text(const Style& style, TaskStatus status);

// "1 Become an ML engineer": a goal's number and title, cut to `max_width`; "-" when none.
std::string goal_short(const Style& style, const State& state, std::optional<int> goal,
                       std::size_t max_width = 24);

}  // namespace momentum::cli
