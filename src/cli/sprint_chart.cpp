// The burndown chart: open planned tasks per day as bars, the ideal line as dots, scope
// changes marked under the axis. Unicode, or ASCII when the locale is not UTF-8.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cli/render.hpp"
#include "cli/sprint_view.hpp"
#include "momentum/sprint.hpp"

namespace momentum::cli {
namespace {

struct Glyphs {
  std::string_view bar, ideal, axis, corner, added;
};

constexpr Glyphs unicode{"█", "·", "─", "└", "+"};
constexpr Glyphs ascii{"#", ".", "-", "+", "+"};

// The chart's scale: rows of the chart and the value each row stands for.
struct Scale {
  int rows = 1;
  double per_row = 1;
  int level(double value) const { return static_cast<int>(std::lround(value / per_row)); }
};

Scale scale_for(const std::vector<BurndownDay>& days) {
  double top = 1;
  for (const BurndownDay& b : days)
    top = std::max({top, b.ideal, static_cast<double>(b.open.value_or(0))});
  Scale s;
  s.rows = std::min(10, static_cast<int>(std::ceil(top)));
  s.per_row = top / s.rows;
  return s;
}

std::string cell(const Glyphs& g, const BurndownDay& b, const Scale& s, int row,
                 std::size_t width) {
  std::string_view mark = " ";
  if (b.open && s.level(*b.open) >= row) {
    mark = g.bar;
  } else if (s.level(b.ideal) == row) {
    mark = g.ideal;
  }
  // A gap between days when there is room; one column a day is all mark.
  std::string out;
  for (std::size_t i = 0; i < std::max<std::size_t>(width - 1, 1); ++i) out += mark;
  return width > 1 ? out + " " : out;
}

}  // namespace

void print_burndown(std::ostream& out, const Style& style, std::vector<BurndownDay> days) {
  const auto room = static_cast<std::size_t>(std::max(10, style.width - 6));
  if (days.size() > room) days.erase(days.begin(), days.end() - static_cast<long>(room));
  const std::size_t width = std::clamp<std::size_t>(room / days.size(), 1, 4);
  const Glyphs& g = style.utf8 ? unicode : ascii;
  const Scale s = scale_for(days);
  for (int row = s.rows; row >= 1; --row) {
    std::string line = fmt::format(
        "{:>4} ", row == s.rows || row == 1 ? fmt::format("{:.0f}", row * s.per_row) : "");
    for (const BurndownDay& b : days) line += cell(g, b, s, row, width);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  }
  std::string axis = fmt::format("{:>4} {}", 0, g.corner);
  std::string marks = "     ";
  for (std::size_t i = 0; i < days.size(); ++i) {
    for (std::size_t k = 0; k < width - (i == 0 ? 1 : 0); ++k) axis += g.axis;
    marks += days[i].added > 0 ? std::string(g.added) + std::string(width - 1, ' ')
                               : std::string(width, ' ');
  }
  out << axis << '\n';
  while (!marks.empty() && marks.back() == ' ') marks.pop_back();
  if (marks.size() > 5) out << marks << '\n';
  out << fmt::format("     {} open tasks  {} ideal{}\n", g.bar, g.ideal,
                     marks.size() > 5 ? fmt::format("  {} tasks added that day", g.added) : "");
}

}  // namespace momentum::cli
