// Code comments cite documents that are in the repository: every `docs/NAME.md` named in
// src/, include/ or tests/ exists, and nothing cites the design notes outside it.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path root{MOMENTUM_SOURCE_DIR};

std::vector<fs::path> code_files() {
  std::vector<fs::path> files;
  for (const char* dir : {"src", "include", "tests"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      const auto ext = entry.path().extension();
      if (entry.is_regular_file() && (ext == ".cpp" || ext == ".hpp")) {
        files.push_back(entry.path());
      }
    }
  }
  return files;
}

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("every document a source file cites is in docs/", "[docs]") {
  const std::regex cited(R"(docs/([a-z0-9_-]+\.md))");
  const std::vector<fs::path> files = code_files();
  REQUIRE(files.size() > 50);
  for (const fs::path& file : files) {
    const std::string text = read(file);
    for (std::sregex_iterator it(text.begin(), text.end(), cited), end; it != end; ++it) {
      INFO(fs::relative(file, root).string() << " cites " << it->str());
      CHECK(fs::exists(root / "docs" / (*it)[1].str()));
    }
    // The product notes outside the repository are not something a reader can open.
    INFO(fs::relative(file, root).string());
    // (Spelled in two parts so that this file does not cite them itself.)
    CHECK(text.find(std::string("ALGORITHMS") + ".md") == std::string::npos);
    CHECK(text.find(std::string("DESIGN") + " §") == std::string::npos);
  }
}
