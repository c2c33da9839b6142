#include <catch2/catch.hpp>
#include <string>
#include <unordered_map>

#include "momentum/state.hpp"

using namespace momentum;

TEST_CASE("UuidIndex finds what was added, refuses a second add of an id", "[state]") {
  UuidIndex index;
  CHECK(index.size() == 0);
  CHECK_FALSE(index.find("a"));
  CHECK(index.emplace("1b4e28ba-2fa1-11d2-883f-0016d3cca427", 0));
  CHECK(index.emplace("", 1));  // any string is an id, the empty one too
  CHECK(index.emplace(std::string("n\0ul", 4), 2));
  CHECK_FALSE(index.emplace("1b4e28ba-2fa1-11d2-883f-0016d3cca427", 7));
  CHECK(index.size() == 3);
  CHECK(index.find("1b4e28ba-2fa1-11d2-883f-0016d3cca427") == 0);
  CHECK(index.find("") == 1);
  CHECK(index.find(std::string("n\0ul", 4)) == 2);
  CHECK_FALSE(index.find("n"));
  CHECK_FALSE(index.contains("1b4e28ba-2fa1-11d2-883f-0016d3cca42"));  // a prefix
}

TEST_CASE("UuidIndex agrees with a map over many ids, through growth and copies", "[state]") {
  UuidIndex index;
  std::unordered_map<std::string, int> expected;
  SECTION("grown one id at a time") {}
  SECTION("reserved first") { index.reserve(5000); }
  for (int i = 0; i < 5000; ++i) {
    // Ids of many lengths that share long prefixes, as UUIDs from one clock do.
    const std::string id = "0000000-" + std::to_string(i * 7919 % 5003) +
                           std::string(static_cast<std::size_t>(i % 40), 'x');
    const bool fresh = expected.emplace(id, i).second;
    CHECK(index.emplace(id, i) == fresh);
  }
  const UuidIndex copy = index;
  CHECK(copy.size() == expected.size());
  for (const auto& [id, i] : expected) {
    CHECK(index.find(id) == i);
    CHECK(copy.find(id) == i);
    CHECK_FALSE(index.contains(id + "?"));
  }
}
