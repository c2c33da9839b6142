#pragma once
// The journal on disk: reading it, appending to it, and the lock that serialises writers.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace momentum {

// The whole journal file, read without a lock, with spare capacity for the JSON parser;
// nullopt when the file does not exist. Throws StorageError when it cannot be read.
std::optional<std::string> read_journal(const std::filesystem::path& file);

// Whether `file` exists; false too when a directory on its way is missing or not a
// directory. Throws StorageError when the system cannot tell (no permission, a name too long).
bool journal_exists(const std::filesystem::path& file);

// How a lock waits for another process: the time now, and a pause before the next try.
// Tests pass a fake clock whose pause only moves its time, so a timeout costs no real time.
struct LockWait {
  std::function<std::chrono::steady_clock::time_point()> now;
  std::function<void(std::chrono::milliseconds)> pause;
};

// The steady clock and a real sleep.
LockWait real_lock_wait();

// An exclusive flock on `<journal>.lock`, held for the object's life. The lock file is
// created (0600, its directory 0700) and never deleted.
class JournalLock {
 public:
  // Tries until `timeout` has passed on `wait`'s clock, then throws StorageError.
  JournalLock(const std::filesystem::path& journal, std::chrono::milliseconds timeout,
              const LockWait& wait = real_lock_wait());
  ~JournalLock();
  JournalLock(const JournalLock&) = delete;
  JournalLock& operator=(const JournalLock&) = delete;

 private:
  int fd_ = -1;
};

// The lock file beside `journal`.
std::filesystem::path lock_path(const std::filesystem::path& journal);

// Writes `bytes` (whole lines) at `offset`, the end of the journal's last complete line,
// with one write and an fsync, dropping any torn tail past `offset`. Creates the file
// (0600) and missing directories (0700). On any failure the file is restored exactly as it
// was and StorageError names the file and the system's reason.
void append_journal(const std::filesystem::path& file, std::uint64_t offset,
                    std::string_view bytes);

// The quarantine file beside `journal`: journal.jsonl -> journal.quarantine.jsonl.
std::filesystem::path quarantine_path(const std::filesystem::path& journal);

// Repair's rewrite; the caller holds the journal lock. Appends `quarantined` to `quarantine`
// (created 0600) and syncs it, then replaces `journal` with `kept` through a temporary file
// beside it (fsync, rename, directory fsync), keeping the journal's mode. On any failure the
// journal is left as it was, the quarantine is put back to its old length, and StorageError
// names the file and the system's reason.
void rewrite_journal(const std::filesystem::path& journal, std::string_view kept,
                     const std::filesystem::path& quarantine, std::string_view quarantined);

}  // namespace momentum
