#include "cli/check_render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "cli/render.hpp"

namespace momentum::cli {
namespace {

constexpr std::size_t shown_findings = 20;  // the rest are in --json
constexpr std::size_t shown_lines = 10;     // of the moved lines' numbers

std::string file_name(const std::string& path) {
  return escape(std::filesystem::path(path).filename().string());
}

std::string severity_word(Severity severity) {
  return severity == Severity::problem ? "problem" : "warning";
}

// `text` broken at spaces into lines of at most `width` columns, the first indented by
// `first` spaces and the rest by `indent`; a word longer than a line stays whole.
std::string wrap(const std::string& text, std::size_t width, std::size_t first,
                 std::size_t indent) {
  std::string out;
  std::string line(first, ' ');
  bool empty = true;
  std::istringstream words(text);
  for (std::string word; words >> word;) {
    if (!empty && display_width(line) + 1 + display_width(word) > width) {
      out += line + "\n";
      line.assign(indent, ' ');
      empty = true;
    }
    if (!empty) line += ' ';
    line += word;
    empty = false;
  }
  return out + line + "\n";
}

// Rest days and sprints only when there are any: the line fits 80 columns more often.
std::string counts_text(const CheckReport& r) {
  std::string text = fmt::format("{}, {}, {}, {}", plural(r.events, "event", "events"),
                                 plural(r.goals, "goal", "goals"), plural(r.tasks, "task", "tasks"),
                                 plural(r.logs, "check-in", "check-ins"));
  if (r.skips > 0) text += ", " + plural(r.skips, "rest day", "rest days");
  if (r.sprints > 0) text += ", " + plural(r.sprints, "sprint", "sprints");
  return text;
}

std::string findings_heading(const CheckReport& r) {
  if (r.findings.empty()) return "No problems.";
  const std::string problems =
      r.problems() == 0 ? "No problems" : plural(r.problems(), "problem", "problems");
  if (r.warnings() == 0) return problems + ":";
  return fmt::format("{}, {}:", problems, plural(r.warnings(), "warning", "warnings"));
}

std::size_t unusable_lines(const CheckReport& r) {
  return static_cast<std::size_t>(std::count_if(r.findings.begin(), r.findings.end(),
                                                [](const Finding& f) { return f.unusable; }));
}

std::string line_numbers(const std::vector<int>& lines) {
  std::string text;
  for (std::size_t i = 0; i < lines.size() && i < shown_lines; ++i) {
    text += fmt::format("{}{}", i == 0 ? "" : ", ", lines[i]);
  }
  if (lines.size() > shown_lines) text += ", …";
  return text;
}

// What to do next, or what the repair did.
std::string advice(const CheckView& view) {
  const CheckReport& r = view.report;
  if (!r.repairable) return "This momentum can neither read nor repair it; use a newer one.";
  if (view.repaired) {
    const Repaired& done = *view.repaired;
    std::string text;
    if (!done.moved.empty()) {
      text =
          fmt::format("Repaired: moved {} ({}) to {}.", plural(done.moved.size(), "line", "lines"),
                      line_numbers(done.moved), escape(view.quarantine));
    }
    if (done.header_added) {
      text += text.empty() ? "Repaired: wrote the missing header line."
                           : " Wrote the missing header line.";
    }
    return text + " The journal loads again.";
  }
  if (view.repair) return "Nothing to repair.";
  if (!r.needs_repair()) return "";
  const std::size_t moved = unusable_lines(r);
  std::string what;
  if (moved > 0) {
    what = fmt::format("move {} to {}", plural(moved, "unusable line", "unusable lines"),
                       file_name(view.quarantine));
  }
  if (r.needs_header)
    what += (what.empty() ? "" : " and ") + std::string("write the missing header");
  return fmt::format("Run 'momentum check --repair' to {}.", what);
}

}  // namespace

void print_check(std::ostream& out, const Style& style, const CheckView& view) {
  const CheckReport& r = view.report;
  const auto width = static_cast<std::size_t>(style.width);
  if (r.repairable) {
    out << wrap(fmt::format("{}: {}", file_name(view.journal), counts_text(r)), width, 0, 2);
  } else {
    out << file_name(view.journal) << ": not readable by this momentum\n";
  }
  out << findings_heading(r) << '\n';
  for (std::size_t i = 0; i < r.findings.size() && i < shown_findings; ++i) {
    const Finding& f = r.findings[i];
    out << wrap(
        fmt::format("line {}: {}: {}", f.line, severity_word(f.severity), escape(f.message)), width,
        2, 4);
  }
  if (r.findings.size() > shown_findings) {
    out << fmt::format("  … and {} more (momentum check --json lists them all)\n",
                       r.findings.size() - shown_findings);
  }
  if (const std::string next = advice(view); !next.empty()) out << wrap(next, width, 0, 0);
}

nlohmann::ordered_json check_json(const CheckView& view) {
  const CheckReport& r = view.report;
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const Finding& f : r.findings) {
    findings.push_back({{"line", f.line},
                        {"severity", severity_word(f.severity)},
                        {"message", f.message},
                        {"unusable", f.unusable}});
  }
  nlohmann::ordered_json repaired = nullptr;
  if (view.repaired) {
    repaired = {{"moved", view.repaired->moved}, {"header_added", view.repaired->header_added}};
  }
  return {{"journal", view.journal},
          {"events", r.events},
          {"goals", r.goals},
          {"tasks", r.tasks},
          {"logs", r.logs},
          {"skips", r.skips},
          {"sprints", r.sprints},
          {"problems", r.problems()},
          {"warnings", r.warnings()},
          {"findings", findings},
          {"needs_header", r.needs_header},
          {"repairable", r.repairable},
          {"quarantine", view.quarantine},
          {"repaired", repaired}};
}

}  // namespace momentum::cli
