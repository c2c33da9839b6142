// The floor a read command is measured against: simdjson On-Demand merely parsing every
// journal line (the id and ts of each), without building any state.
#include <simdjson.h>

#include <cstdio>
#include <string_view>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: parse_floor JOURNAL\n");
    return 2;
  }
  simdjson::padded_string text;
  if (simdjson::padded_string::load(argv[1]).get(text)) return 3;
  simdjson::ondemand::parser parser;
  std::size_t events = 0;
  const std::string_view all(text.data(), text.size());
  for (std::size_t pos = 0; pos < all.size();) {
    std::size_t nl = all.find('\n', pos);
    if (nl == std::string_view::npos) nl = all.size();
    simdjson::ondemand::document doc;
    if (!parser.iterate(text.data() + pos, nl - pos, text.size() + simdjson::SIMDJSON_PADDING - pos)
             .get(doc)) {
      std::string_view ts;
      if (!doc["ts"].get_string().get(ts)) ++events;
    }
    pos = nl + 1;
  }
  std::printf("%zu events\n", events);
  return 0;
}
