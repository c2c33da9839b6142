#include "momentum/store/journal.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <system_error>
#include <thread>
#include <utility>

#include "file_io.hpp"
#include "momentum/error.hpp"
#include "momentum/store/files.hpp"

namespace momentum {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// simdjson may read this far past the end of its input.
constexpr std::size_t json_padding = 64;

constexpr std::string_view read_journal_failed = "cannot read journal";
constexpr std::string_view write_journal_failed = "cannot write journal";
constexpr std::string_view write_quarantine_failed = "cannot write quarantine file";
constexpr std::string_view lock_failed = "cannot lock journal";
constexpr std::string_view read_failed = "cannot read";
constexpr std::string_view write_failed = "cannot write";

[[noreturn]] void fail(std::string_view what, const fs::path& path, int err) {
  throw StorageError(
      fmt::format("{} '{}': {}", what, path.string(), std::generic_category().message(err)));
}

// Makes a new or renamed entry in `dir` survive a crash; returns 0 or errno.
int fsync_dir(const fs::path& dir) {
  const Fd fd(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd) return errno;
  return ::fsync(fd.get()) == 0 ? 0 : errno;
}

// The whole of `file` with `padding` spare capacity, or nullopt when it does not exist.
std::optional<std::string> read_whole(const fs::path& file, std::size_t padding,
                                      std::string_view what) {
  const auto open = open_to_read(file, what);
  if (!open) return std::nullopt;
  // Only the size seen now: bytes appended meanwhile belong to the next read.
  const auto size = static_cast<std::size_t>(open->st.st_size);
  std::string content;
  content.reserve(size + padding);
  content.resize(size);
  if (const int err = read_at(open->fd.get(), content, 0); err != 0) fail(what, file, err);
  return content;
}

std::string format_timeout(std::chrono::milliseconds timeout) {
  if (timeout < 1s) return fmt::format("{}ms", timeout.count());
  return fmt::format("{}s", std::chrono::duration<double>(timeout).count());
}

// Polls rather than blocking in flock, which could only be timed out with a signal.
void wait_for_lock(int fd, const fs::path& journal, std::chrono::milliseconds timeout,
                   const LockWait& wait) {
  const auto deadline = wait.now() + timeout;
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) fail(lock_failed, journal, errno);
    if (wait.now() >= deadline) {
      throw StorageError(
          fmt::format("journal '{}' is locked by another momentum process; gave up after {}",
                      journal.string(), format_timeout(timeout)));
    }
    wait.pause(5ms);
  }
}

// Opens the journal read-write, creating it and its directories when missing; sets
// `created` so a failed first append can remove the file again.
int open_for_append(const fs::path& file, bool& created) {
  const int fd = ::open(file.c_str(), O_RDWR | O_CLOEXEC);
  if (fd >= 0 || errno != ENOENT) return fd;
  if (const int err = make_dirs(file.parent_path()); err != 0) {
    errno = err;
    return -1;
  }
  const int new_fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  created = new_fd >= 0;
  if (new_fd < 0 && errno == EEXIST) return ::open(file.c_str(), O_RDWR | O_CLOEXEC);
  return new_fd;
}

// One write of all `bytes`, as the design asks; a short write (a full disk, RLIMIT_FSIZE)
// is a failure. The kernel gives the reason only for the next call, so write the rest once
// to learn it. Returns 0 or errno.
int write_once(int fd, std::string_view bytes, off_t offset) {
  ssize_t n = 0;
  do n = ::pwrite(fd, bytes.data(), bytes.size(), offset);
  while (n < 0 && errno == EINTR);
  if (n < 0) return errno;
  const auto written = static_cast<std::size_t>(n);
  if (written == bytes.size()) return 0;
  const std::string_view rest = bytes.substr(written);
  do n = ::pwrite(fd, rest.data(), rest.size(), offset + static_cast<off_t>(written));
  while (n < 0 && errno == EINTR);
  return n < 0 ? errno : EIO;
}

// Writes all of `bytes`, in as many calls as it takes; returns 0 or errno.
int write_all(int fd, std::string_view bytes, off_t offset) {
  while (!bytes.empty()) {
    const ssize_t n = ::pwrite(fd, bytes.data(), bytes.size(), offset);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : EIO;
    bytes.remove_prefix(static_cast<std::size_t>(n));
    offset += n;
  }
  return 0;
}

// Writes `bytes` over everything from `offset` on, durably; returns 0 or errno.
int write_and_sync(int fd, off_t offset, std::string_view bytes, off_t old_size,
                   const fs::path* new_entry_dir) {
  if (const int err = write_once(fd, bytes, offset); err != 0) return err;
  const off_t end = offset + static_cast<off_t>(bytes.size());
  if (end < old_size && ::ftruncate(fd, end) != 0) return errno;
  if (::fdatasync(fd) != 0) return errno;
  return new_entry_dir != nullptr ? fsync_dir(*new_entry_dir) : 0;
}

// Puts `tail` back at `offset` and the size back to `old_size`; returns whether it all
// worked. Every step runs even when an earlier one failed: each still undoes some damage.
bool restore(int fd, off_t offset, const std::string& tail, off_t old_size) {
  const bool cut = ::ftruncate(fd, offset) == 0;
  const bool rewritten = write_all(fd, tail, offset) == 0;
  const bool sized = ::ftruncate(fd, old_size) == 0;
  return cut && rewritten && sized && ::fdatasync(fd) == 0;
}

// The append proper, on an open journal; restores the file and throws on failure.
void append_to(int fd, const fs::path& file, std::uint64_t offset, std::string_view bytes,
               bool created) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) fail(write_journal_failed, file, errno);
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size < offset) {
    throw StorageError(fmt::format("{} '{}': it shrank to {} bytes while in use (expected {})",
                                   write_journal_failed, file.string(), size, offset));
  }
  // Usually empty: a torn line left by a crash, which this append replaces.
  std::string tail(size - offset, '\0');
  const auto at = static_cast<off_t>(offset);
  if (const int err = read_at(fd, tail, at); err != 0) fail(write_journal_failed, file, err);
  const fs::path dir = file.parent_path();
  const int err = write_and_sync(fd, at, bytes, st.st_size, created ? &dir : nullptr);
  if (err == 0) return;
  if (restore(fd, at, tail, st.st_size)) fail(write_journal_failed, file, err);
  throw StorageError(fmt::format("{} '{}': {} (and it could not be restored)", write_journal_failed,
                                 file.string(), std::generic_category().message(err)));
}

// Fills, syncs and renames the temporary file over `file`; returns 0 or errno.
int commit(Fd& fd, const std::string& temp, const fs::path& file, std::string_view content,
           fs::perms perms) {
  if (const int err = write_all(fd.get(), content, 0); err != 0) return err;
  if (::fchmod(fd.get(), static_cast<mode_t>(perms & fs::perms::mask)) != 0) return errno;
  if (::fsync(fd.get()) != 0) return errno;
  if (::close(fd.release()) != 0) return errno;
  if (::rename(temp.c_str(), file.c_str()) != 0) return errno;
  return fsync_dir(file.parent_path());
}

// Opens the quarantine file for writing, creating it (0600) when missing; sets `created`.
int open_quarantine(const fs::path& file, bool& created) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  created = fd >= 0;
  if (fd >= 0 || errno != EEXIST) return fd;
  return ::open(file.c_str(), O_WRONLY | O_CLOEXEC);
}

}  // namespace

std::optional<OpenFile> open_to_read(const fs::path& file, std::string_view what) {
  OpenFile open{Fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC))};
  if (!open.fd && errno == ENOENT) return std::nullopt;
  if (!open.fd) fail(what, file, errno);
  if (::fstat(open.fd.get(), &open.st) != 0) fail(what, file, errno);
  if (S_ISDIR(open.st.st_mode)) fail(what, file, EISDIR);
  return open;
}

std::optional<std::string> read_journal(const fs::path& file) {
  return read_whole(file, json_padding, read_journal_failed);
}

bool journal_exists(const fs::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) == 0) return true;
  if (errno == ENOENT || errno == ENOTDIR) return false;
  fail(read_journal_failed, file, errno);
}

LockWait real_lock_wait() {
  return {[] { return std::chrono::steady_clock::now(); },
          [](std::chrono::milliseconds pause) { std::this_thread::sleep_for(pause); }};
}

JournalLock::JournalLock(const fs::path& journal, std::chrono::milliseconds timeout,
                         const LockWait& wait) {
  const fs::path lock = lock_path(journal);
  if (const int err = make_dirs(lock.parent_path()); err != 0) fail(lock_failed, journal, err);
  Fd fd(::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
  if (!fd) fail(lock_failed, journal, errno);
  wait_for_lock(fd.get(), journal, timeout, wait);
  fd_ = fd.release();
}

JournalLock::~JournalLock() {
  if (fd_ < 0) return;
  ::flock(fd_, LOCK_UN);
  ::close(fd_);
}

fs::path lock_path(const fs::path& journal) {
  fs::path lock = journal;
  lock += ".lock";
  return lock;
}

void append_journal(const fs::path& file, std::uint64_t offset, std::string_view bytes) {
  bool created = false;
  const Fd fd(open_for_append(file, created));
  if (!fd) fail(write_journal_failed, file, errno);
  try {
    append_to(fd.get(), file, offset, bytes, created);
  } catch (const StorageError&) {
    // The journal did not exist before; exactly as it was means not at all.
    if (created) ::unlink(file.c_str());
    throw;
  }
}

void write_file_atomically(const fs::path& file, std::string_view content, fs::perms perms) {
  const fs::path dir = file.parent_path();
  if (const int err = make_dirs(dir); err != 0) fail(write_failed, file, err);
  std::string temp = (dir / ("." + file.filename().string() + ".tmp.XXXXXX")).string();
  Fd fd(::mkostemp(temp.data(), O_CLOEXEC));
  if (!fd) fail(write_failed, file, errno);
  if (const int err = commit(fd, temp, file, content, perms); err != 0) {
    ::unlink(temp.c_str());
    fail(write_failed, file, err);
  }
}

fs::path quarantine_path(const fs::path& journal) {
  return journal.parent_path() / (journal.stem().string() + ".quarantine.jsonl");
}

void rewrite_journal(const fs::path& journal, std::string_view kept, const fs::path& quarantine,
                     std::string_view quarantined) {
  struct stat st {};
  if (::stat(journal.c_str(), &st) != 0) fail(write_journal_failed, journal, errno);
  const auto mode = static_cast<fs::perms>(st.st_mode) & fs::perms::mask;
  // The quarantine first: a crash in between leaves a line in both files, never in neither.
  bool created = false;
  const Fd fd(open_quarantine(quarantine, created));
  if (!fd) fail(write_quarantine_failed, quarantine, errno);
  struct stat qst {};
  if (::fstat(fd.get(), &qst) != 0) fail(write_quarantine_failed, quarantine, errno);
  const auto put_back = [&] {
    if (created) {
      ::unlink(quarantine.c_str());
    } else if (::ftruncate(fd.get(), qst.st_size) == 0) {
      ::fdatasync(fd.get());
    }
  };
  int err = write_all(fd.get(), quarantined, qst.st_size);
  if (err == 0 && ::fdatasync(fd.get()) != 0) err = errno;
  if (err == 0 && created) err = fsync_dir(quarantine.parent_path());
  if (err != 0) {
    put_back();
    fail(write_quarantine_failed, quarantine, err);
  }
  try {
    write_file_atomically(journal, kept, mode);
  } catch (const StorageError&) {
    put_back();
    throw;
  }
}

std::optional<std::string> read_text_file(const fs::path& file) {
  return read_whole(file, 0, read_failed);
}

}  // namespace momentum
