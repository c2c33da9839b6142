// Helpers shared by the cmd_*.cpp files.
#include "cli/options.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <ranges>

#include "momentum/error.hpp"
#include "momentum/recent.hpp"
#include "momentum/resolve.hpp"

namespace momentum::cli {
namespace {

// A validator whose name starts with this lists the words it accepts after it, space-separated,
// so that the completion scripts offer exactly what the parser accepts (see choices()).
constexpr std::string_view choices_prefix = "choices:";

std::string choices_name(int lo, int hi) {
  std::vector<int> numbers;
  for (int n = lo; n <= hi; ++n) numbers.push_back(n);
  return fmt::format("{}{}", choices_prefix, fmt::join(numbers, " "));
}

}  // namespace

Reach reach_for(const Context& ctx, Day day) {
  return day >= ctx.today - std::chrono::days{recent_margin} ? Reach::recent : Reach::full;
}

Reach without_tasks(Reach reach, bool no_tasks) {
  return reach == Reach::recent && no_tasks ? Reach::habits : reach;
}

Reach named_tasks(Reach reach) { return reach == Reach::recent ? Reach::named_tasks : reach; }

TaskReach reach_for_task(std::string_view ref) {
  TaskReach out;
  if (const auto num = short_number(ref)) {
    out.reach = Reach::habits;
    out.tasks.nums = {*num};
  }
  return out;
}

Reach reach_for(const Context& ctx, const std::optional<std::string>& date,
                DateDirection direction) {
  if (!date) return Reach::recent;
  try {
    return reach_for(ctx, date_option(ctx, *date, "", direction));
  } catch (const UsageError&) {
    return Reach::full;
  }
}

Day date_option(const Context& ctx, const std::string& text, std::string_view what,
                DateDirection direction) {
  return parse_date(text, ctx.today, ctx.config.week_start, direction, what);
}

std::vector<std::string> tag_options(const std::vector<std::string>& tags) {
  std::vector<std::string> out;
  for (const std::string& tag : tags) {
    std::string t = parse_tag(tag);
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(std::move(t));
  }
  return out;
}

CLI::Validator in_range(int lo, int hi) {
  return CLI::Validator(
      [lo, hi](std::string& text) -> std::string {
        int n = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (ec == std::errc{} && end == text.data() + text.size() && n >= lo && n <= hi) return {};
        return fmt::format("'{}' is not a whole number from {} to {}", text, lo, hi);
      },
      fmt::format("{}-{}", lo, hi), hi - lo < 10 ? choices_name(lo, hi) : "");
}

CLI::Validator one_of(std::string_view what, std::vector<std::string> words) {
  const std::string expected =
      fmt::format("{} or {}", fmt::join(words.begin(), words.end() - 1, ", "), words.back());
  return CLI::Validator(
      [what = std::string(what), words, expected](std::string& text) -> std::string {
        if (std::find(words.begin(), words.end(), text) != words.end()) return {};
        return fmt::format("unknown {} '{}'; expected {}", what, text, expected);
      },
      expected, fmt::format("{}{}", choices_prefix, fmt::join(words, " ")));
}

std::vector<std::string> choices(CLI::Option& option) {
  for (int i = 0;; ++i) {
    const CLI::Validator* validator = nullptr;
    try {
      validator = option.get_validator(i);
    } catch (const CLI::OptionNotFound&) {
      return {};  // CLI11 2.1 has no validator count: running off the end ends the loop
    }
    const std::string_view name = validator->get_name();
    if (!name.starts_with(choices_prefix)) continue;
    std::vector<std::string> words;
    for (const auto word : std::views::split(name.substr(choices_prefix.size()), ' ')) {
      words.emplace_back(word.begin(), word.end());
    }
    return words;
  }
}

void on_chosen(CLI::App* sub, Action& action, std::function<int()> run) {
  // CLI11 runs the deepest subcommand's callback first: the first one to claim wins.
  sub->callback([&action, run = std::move(run)] {
    if (!action) action = run;
  });
}

}  // namespace momentum::cli
