#pragma once
// Small whole files (config): read in one go, replaced atomically.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace momentum {

// Replaces `file` with `content` atomically: a temporary file beside it, fsync, rename.
void write_file_atomically(const std::filesystem::path& file, std::string_view content,
                           std::filesystem::perms perms = std::filesystem::perms::owner_read |
                                                          std::filesystem::perms::owner_write);

// The contents of a small text file (config), nullopt when it does not exist.
std::optional<std::string> read_text_file(const std::filesystem::path& file);

}  // namespace momentum
