#pragma once
// Scratch files for the core's file tests: a temporary directory, and whole-file reads and
// writes.

#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace momentum::test {

// A fresh directory under /tmp, removed with everything in it.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string name = "/tmp/momentum-unit-XXXXXX";
    REQUIRE(::mkdtemp(name.data()) != nullptr);
    path = name;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

inline std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Writes `content` to `file`, replacing it (or, with std::ios::app, appending).
inline void spit(const std::filesystem::path& file, const std::string& content,
                 std::ios::openmode mode = {}) {
  std::ofstream(file, std::ios::binary | std::ios::out | mode) << content;
}

}  // namespace momentum::test
