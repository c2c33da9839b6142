// docs/architecture.md is the map of the tree: every folder of code, every header and every
// command file is on it, so a file added without a line there fails here.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path root{MOMENTUM_SOURCE_DIR};

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The files the map must name: headers anywhere under include/ and src/, the command files
// and main.cpp.
std::vector<fs::path> mapped_files() {
  std::vector<fs::path> files;
  const std::regex command(R"(cmd_[a-z_]+\.cpp)");
  for (const char* dir : {"include", "src"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      if (!entry.is_regular_file()) continue;
      const std::string name = entry.path().filename().string();
      if (entry.path().extension() == ".hpp" || std::regex_match(name, command) ||
          name == "main.cpp") {
        files.push_back(entry.path());
      }
    }
  }
  return files;
}

// How often `name` appears in `text` as a whole file name (not as the tail of a longer one).
long mentions(const std::string& text, const std::string& name) {
  const std::regex whole("(^|[^A-Za-z0-9_])" +
                         std::regex_replace(name, std::regex(R"(\.)"), R"(\.)") +
                         "($|[^A-Za-z0-9_])");
  return std::distance(std::sregex_iterator(text.begin(), text.end(), whole),
                       std::sregex_iterator());
}

}  // namespace

TEST_CASE("docs/architecture.md names every header, command file and main.cpp", "[docs]") {
  const std::string map = read(root / "docs" / "architecture.md");
  const std::vector<fs::path> files = mapped_files();
  REQUIRE(files.size() > 40);
  for (const fs::path& file : files) {
    // Two headers may share a name (the core's nudge.hpp and the shell's): each needs a line.
    const std::string name = file.filename().string();
    const auto same_name = std::count_if(files.begin(), files.end(),
                                         [&](const fs::path& f) { return f.filename() == name; });
    INFO(fs::relative(file, root).string() << " is not in docs/architecture.md");
    CHECK(mentions(map, name) >= same_name);
  }
}

TEST_CASE("docs/architecture.md names every folder of code and tests", "[docs]") {
  const std::string map = read(root / "docs" / "architecture.md");
  for (const char* top : {"src", "tests"}) {
    for (const auto& entry : fs::directory_iterator(root / top)) {
      if (!entry.is_directory()) continue;
      const std::string folder = std::string(top) + "/" + entry.path().filename().string() + "/";
      INFO(folder << " is not in docs/architecture.md");
      CHECK(map.find(folder) != std::string::npos);
    }
  }
  CHECK(map.find("include/momentum/") != std::string::npos);
}

TEST_CASE("docs/architecture.md names only files that exist", "[docs]") {
  const std::string map = read(root / "docs" / "architecture.md");
  std::vector<std::string> known;
  for (const char* dir : {"include", "src", "tests", "bench", "completions", "docs"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      if (entry.is_regular_file()) known.push_back(entry.path().filename().string());
    }
  }
  const std::regex file_name(R"([A-Za-z0-9_-]+\.(hpp|cpp|py|md))");
  for (std::sregex_iterator it(map.begin(), map.end(), file_name), end; it != end; ++it) {
    INFO(it->str() << " is named in docs/architecture.md but is not in the tree");
    CHECK(std::find(known.begin(), known.end(), it->str()) != known.end());
  }
}
