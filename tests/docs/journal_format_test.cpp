// docs/journal-format.md describes the real bytes: its tables of ops and their data list
// exactly the ops and keys the codec writes and reads (codec.hpp's journal_ops()).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "momentum/codec.hpp"

namespace {

using Keys = std::map<std::string, std::set<std::string>>;

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The rows `| `op` | `key`, `key` | type | note |` of the "Ops and their data" section; a row
// with an empty first cell continues the op above it.
Keys documented_keys() {
  const std::string doc =
      read(std::filesystem::path(MOMENTUM_SOURCE_DIR) / "docs" / "journal-format.md");
  const std::size_t from = doc.find("## Ops and their data");
  const std::size_t to = doc.find("\n## ", from + 1);
  REQUIRE(from != std::string::npos);
  std::istringstream section(doc.substr(from, to - from));
  const std::regex row(R"(^\| *(`([a-z.]+)`)? *\| *([^|]*)\|)");
  const std::regex key("`([a-z_]+)`");
  Keys keys;
  std::string op;
  for (std::string line; std::getline(section, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, row)) continue;
    if (m[2].matched) op = m[2].str();
    if (op.empty()) continue;  // a table's header row
    const std::string cell = m[3].str();
    for (std::sregex_iterator it(cell.begin(), cell.end(), key), end; it != end; ++it) {
      keys[op].insert((*it)[1].str());
    }
  }
  return keys;
}

Keys codec_keys() {
  Keys keys;
  for (const momentum::OpKeys& op : momentum::journal_ops()) {
    for (std::string_view key : op.keys) keys[std::string(op.op)].insert(std::string(key));
  }
  return keys;
}

}  // namespace

TEST_CASE("journal-format.md lists every op and key the codec knows, and no other", "[docs]") {
  const Keys doc = documented_keys();
  const Keys codec = codec_keys();
  REQUIRE(codec.size() == 16);
  for (const auto& [op, keys] : codec) {
    INFO("op " << op << " in the codec");
    REQUIRE(doc.contains(op));
    for (const std::string& key : keys) {
      INFO("key " << key);
      CHECK(doc.at(op).contains(key));
    }
  }
  for (const auto& [op, keys] : doc) {
    INFO("op " << op << " in docs/journal-format.md");
    REQUIRE(codec.contains(op));
    for (const std::string& key : keys) {
      INFO("key " << key);
      CHECK(codec.at(op).contains(key));
    }
  }
}
