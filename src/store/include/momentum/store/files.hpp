#pragma once
// Whole files: small ones (config) read in one go and replaced atomically; larger output
// (export) streamed into a temporary file and put in place whole.

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace momentum {

// Replaces `file` with `content` atomically: a temporary file beside it, fsync, rename.
void write_file_atomically(const std::filesystem::path& file, std::string_view content,
                           std::filesystem::perms perms = std::filesystem::perms::owner_read |
                                                          std::filesystem::perms::owner_write);

// The contents of a small text file (config), nullopt when it does not exist.
std::optional<std::string> read_text_file(const std::filesystem::path& file);

// A file written through a stream and put in place whole by commit(): a temporary file beside
// it, fsync, rename, fsync of the directory. Until commit() `file` is untouched; destroyed
// without a commit (an error on the way), the temporary file is removed. The directory must
// exist: none is created.
class AtomicFile {
 public:
  // Creates the temporary file; throws StorageError "cannot write 'FILE': …" when it cannot.
  explicit AtomicFile(std::filesystem::path file,
                      std::filesystem::perms perms = std::filesystem::perms::owner_read |
                                                     std::filesystem::perms::owner_write);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Where the content goes (buffered).
  std::ostream& stream();

  // Flushes, syncs and renames over the file; throws StorageError naming the file and the
  // system's reason for the first write that failed, leaving the file as it was.
  void commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True when `a` and `b` both exist and are the same file (links followed); false when either
// is missing or cannot be looked at.
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

}  // namespace momentum
