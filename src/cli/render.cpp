#include "cli/render.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>

#include "momentum/parse.hpp"
#include "momentum/text.hpp"

namespace momentum::cli {
namespace {

// Skips an ANSI colour sequence starting at `i`; returns its length, 0 when none starts there.
std::size_t ansi_length(std::string_view text, std::size_t i) {
  if (text[i] != '\x1b' || i + 1 >= text.size() || text[i + 1] != '[') return 0;
  const std::size_t end = text.find('m', i);
  return end == std::string_view::npos ? 0 : end - i + 1;
}

}  // namespace

std::string paint(const Style& style, std::string_view text, fmt::text_style look) {
  if (!style.color) return std::string(text);
  return fmt::format(look, "{}", text);
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t skip = ansi_length(text, i)) {
      i += skip;
      continue;
    }
    i += utf8_sequence_length(static_cast<unsigned char>(text[i]));
    ++width;
  }
  return width;
}

std::string truncate(std::string_view text, std::size_t width, bool utf8) {
  if (display_width(text) <= width) return std::string(text);
  const std::string_view ellipsis = utf8 ? "…" : "...";
  const std::size_t keep = width > display_width(ellipsis) ? width - display_width(ellipsis) : 0;
  std::string out;
  std::size_t used = 0;
  for (std::size_t i = 0; i < text.size() && used < keep;) {
    const std::size_t n = std::max<std::size_t>(ansi_length(text, i), 0);
    if (n) {
      i += n;  // colour inside a cut cell is dropped, never left open
      continue;
    }
    const std::size_t len = utf8_sequence_length(static_cast<unsigned char>(text[i]));
    out.append(text.substr(i, len));
    i += len;
    ++used;
  }
  return out + std::string(ellipsis);
}

std::string relative_due(const Style& style, Day due, Day today) {
  const auto diff = (due - today).count();
  if (diff == 0) return paint(style, "today", fmt::fg(fmt::terminal_color::yellow));
  if (diff == 1) return "tomorrow";
  if (diff > 1) return diff < 14 ? fmt::format("in {}d", diff) : format_day(due);
  return paint(style, fmt::format("{}d late", -diff), fmt::fg(fmt::terminal_color::red));
}

std::string weekday_name(Day day, bool full) {
  static constexpr std::string_view names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                               "Thursday", "Friday", "Saturday"};
  const std::string_view name = names[std::chrono::weekday{day}.c_encoding()];
  return std::string(full ? name : name.substr(0, 3));
}

std::string weekday_day(Day day) { return weekday_name(day, false) + " " + format_day(day); }

std::string minutes_text(std::optional<int> minutes) {
  if (!minutes) return "-";
  if (*minutes <= 0) return "0m";
  return format_duration(std::chrono::minutes{*minutes});
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

void Table::print(std::ostream& out, const Style& style) const {
  std::vector<std::size_t> widths(columns_.size());
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    widths[c] = display_width(columns_[c].header);
    for (const auto& row : rows_) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  std::size_t total = 0;
  for (std::size_t w : widths) total += w;
  total += 2 * (columns_.size() - 1);
  // Shrink the widest flexible column, one column at a time, until the table fits.
  while (total > static_cast<std::size_t>(style.width)) {
    std::size_t widest = columns_.size();
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      if (columns_[c].flexible && widths[c] > 8 &&
          (widest == columns_.size() || widths[c] > widths[widest])) {
        widest = c;
      }
    }
    if (widest == columns_.size()) break;
    --widths[widest];
    --total;
  }
  const auto line = [&](const std::vector<std::string>& cells, bool header) {
    std::string text;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      std::string cell = truncate(cells[c], widths[c], style.utf8);
      const std::size_t pad = widths[c] - display_width(cell);
      const bool last = c + 1 == cells.size();
      if (columns_[c].right)
        text += std::string(pad, ' ') + cell;
      else
        text += cell + (last ? "" : std::string(pad, ' '));
      if (!last) text += "  ";
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << (header ? paint(style, text, fmt::emphasis::faint) : text) << '\n';
  };
  std::vector<std::string> header;
  for (const Column& c : columns_) header.push_back(c.header);
  line(header, true);
  for (const auto& row : rows_) line(row, false);
}

std::string status_text(const Style& style, TaskStatus status) {
  std::string word(to_string(status));
  switch (status) {
    case TaskStatus::doing:
      return paint(style, word, fmt::fg(fmt::terminal_color::cyan));
    case TaskStatus::done:
      return paint(style, word, fmt::fg(fmt::terminal_color::green));
    case TaskStatus::dropped:
      return paint(style, word, fmt::emphasis::faint);
    case TaskStatus::todo:
      break;
  }
  return word;
}

std::string goal_short(const Style& style, const State& state, std::optional<int> goal,
                       std::size_t max_width) {
  if (!goal) return "-";
  const Goal& g = state.goals[static_cast<std::size_t>(*goal)];
  return truncate(fmt::format("{} {}", g.num, escape(g.title)), max_width, style.utf8);
}

}  // namespace momentum::cli
