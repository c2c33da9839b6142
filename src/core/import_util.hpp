#pragma once
// Private to the importers: fitting a peer's text into momentum's limits.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "momentum/import.hpp"

namespace momentum::import_util {

// `text` trimmed and cut to 200 characters (a title's limit); empty when it is empty or not
// valid UTF-8.
std::string title(std::string_view text);

// `text` trimmed and cut to 4,000 characters (a note's limit); empty when not valid UTF-8.
std::string note(std::string_view text);

// The tags momentum accepts, each once; the others are reported as skipped for `owner`.
std::vector<std::string> tags(const std::vector<std::string>& given, const std::string& owner,
                              std::vector<ImportSkipped>& skipped);

// The line of byte `offset` in `text`, 1-based.
int line_at(std::string_view text, std::size_t offset);

// Where the JSON value that starts at byte `start` of `text` is malformed, as nlohmann's
// error `e` says: the line of the byte it stopped at (at the end of the input, of the last
// one before it), and its reason without the "[json.exception…] … at line …: " prefix.
struct JsonError {
  int line = 1;
  std::string why;
};
JsonError json_error(std::string_view text, std::size_t start,
                     const nlohmann::json::parse_error& e);

// `what` quoted for a report: "task 'Pay rent'".
std::string named(std::string_view what, std::string_view name);

}  // namespace momentum::import_util
