#pragma once
// Private to the store: the small POSIX file helpers the journal and its cache share.

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace momentum {

// Owns a file descriptor so that every early exit closes it.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(Fd&& other) noexcept : fd_(other.release()) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }
  explicit operator bool() const { return fd_ >= 0; }

 private:
  int fd_;
};

// Creates `dir` and its missing ancestors (0700), leaving existing ones alone; returns 0 or
// the errno of the step that failed. A non-directory in the way shows up later as ENOTDIR.
inline int make_dirs(const std::filesystem::path& dir) {
  if (dir.empty() || ::mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST) return 0;
  const int err = errno;
  const std::filesystem::path parent = dir.parent_path();
  if (err != ENOENT || parent == dir) return err;
  if (const int parent_err = make_dirs(parent); parent_err != 0) return parent_err;
  return ::mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST ? 0 : errno;
}

// Reads `fd` from `offset` until `out` is full or the file ends; returns 0 or errno.
inline int read_at(int fd, std::string& out, off_t offset) {
  std::size_t done = 0;
  while (done < out.size()) {
    const ssize_t n =
        ::pread(fd, out.data() + done, out.size() - done, offset + static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) break;  // The file shrank since fstat.
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
  return 0;
}

// The first `size` bytes of file `fd`, mapped read-only for as long as it lives; empty (and
// false) when they cannot be mapped. Pages are faulted in as they are read, not populated up
// front: a partial read of a recent snapshot skips most of its bytes, and the pages it never
// touches then count neither in time nor in peak RSS.
class Mapping {
 public:
  Mapping(int fd, std::size_t size) : size_(size) {
    void* at = size == 0 ? MAP_FAILED : ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (at != MAP_FAILED) data_ = static_cast<const char*>(at);
  }
  ~Mapping() {
    if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
  }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  explicit operator bool() const { return data_ != nullptr; }
  std::string_view bytes() const {
    return data_ ? std::string_view(data_, size_) : std::string_view();
  }

 private:
  const char* data_ = nullptr;
  std::size_t size_;
};

// A file open for reading, and what fstat said of it.
struct OpenFile {
  Fd fd;
  struct stat st {};
};

// `file` open for reading; nullopt when it does not exist. Any other failure, a directory
// included, throws StorageError "WHAT 'FILE': the system's reason" (defined in journal.cpp).
std::optional<OpenFile> open_to_read(const std::filesystem::path& file, std::string_view what);

}  // namespace momentum
