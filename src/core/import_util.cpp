#include "import_util.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "momentum/error.hpp"
#include "momentum/parse.hpp"
#include "momentum/text.hpp"

namespace momentum::import_util {
namespace {

constexpr std::size_t max_title = 200;
constexpr std::size_t max_note = 4000;

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// The first `n` code points of valid UTF-8 `text`.
std::string clip(std::string_view text, std::size_t n) {
  std::size_t at = 0;
  for (std::size_t count = 0; at < text.size() && count < n; ++count) {
    at += utf8_sequence_length(static_cast<unsigned char>(text[at]));
  }
  return std::string(trimmed(text.substr(0, std::min(at, text.size()))));
}

}  // namespace

std::string title(std::string_view text) {
  if (!is_valid_utf8(text)) return {};
  return clip(trimmed(text), max_title);
}

std::string note(std::string_view text) {
  if (!is_valid_utf8(text)) return {};
  return clip(trimmed(text), max_note);
}

std::vector<std::string> tags(const std::vector<std::string>& given, const std::string& owner,
                              std::vector<ImportSkipped>& skipped) {
  std::vector<std::string> out;
  for (const std::string& tag : given) {
    try {
      std::string t = parse_tag(tag);
      if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(std::move(t));
    } catch (const UsageError&) {
      skipped.push_back({fmt::format("tag '{}' on {}", tag, owner),
                         "not a momentum tag (1-50 characters, no spaces)"});
    }
  }
  return out;
}

std::string named(std::string_view what, std::string_view name) {
  return fmt::format("{} '{}'", what, name);
}

int line_at(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

JsonError json_error(std::string_view text, std::size_t start,
                     const nlohmann::json::parse_error& e) {
  if (text.empty()) return {1, e.what()};
  std::size_t at = std::min(start + (e.byte > 0 ? e.byte - 1 : 0), text.size() - 1);
  while (at > start && std::isspace(static_cast<unsigned char>(text[at]))) --at;
  std::string why = e.what();
  if (const auto colon = why.find(": "); colon != std::string::npos) why = why.substr(colon + 2);
  return {line_at(text, at), std::move(why)};
}

}  // namespace momentum::import_util
