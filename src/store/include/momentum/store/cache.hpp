#pragma once
// The journal cache: an invisible file in the user's cache directory holding the replayed
// State as of some point in the journal, so a command replays only what was appended
// since. It validates itself against the journal on every use and is never a second source
// of truth: deleting it changes nothing but speed.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "momentum/event.hpp"
#include "momentum/snapshot.hpp"

namespace momentum {

// Which file the journal is, and whether it changed: any write, rename or restore moves
// its size, inode or change time (which no user can set).
struct FileStamp {
  std::uint64_t dev = 0;
  std::uint64_t ino = 0;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// A loaded journal and what a writer needs to keep the cache current after an append.
struct JournalRead {
  Loaded loaded;
  FileStamp stamp;              // the journal as it was read
  int lines = 0;                // lines in [0, loaded.valid_size)
  bool blank = true;            // no header yet: a missing, empty or all-blank journal
  bool from_cache = false;      // the snapshot was used (for tests and benchmarks)
  std::filesystem::path cache;  // the cache file used and kept current; none when empty
  std::filesystem::path other;  // the other cache (full or recent), kept current if it was
  struct Snapshot;              // the cache file the state came from, kept open
  std::shared_ptr<Snapshot> snapshot;
};

// The cache file for `journal` in `cache_dir`: the journal's name and a hash of its
// absolute path, so that each journal has its own.
std::filesystem::path cache_file(const std::filesystem::path& cache_dir,
                                 const std::filesystem::path& journal);

// The journal's state: from the cache when it still describes this very file (same device,
// inode, size, modification and change time, and the same bytes before the snapshot's end)
// plus the lines momentum appended since; else by replaying the whole journal, after which
// the cache is rewritten. The cache never makes a command fail: one that cannot be read or
// written is ignored; with an empty `cache` there is none. `source` names the journal in
// messages; nullopt when the journal does not exist.
// Throws StorageError like replay() for a journal that cannot be read or is malformed.
//
// With `recent`, the state is a recent State (recent.hpp) that serves that day, kept in a
// second cache file beside the full one and built from the full State when it cannot serve
// (missing, stale, too old, or an appended event names something it left out). Without a
// cache there is no recent State: the full one serves every day. With `tasks`, the recent
// State may hold only that part of its tasks (History::without_tasks), for a command that
// reads no others.
std::optional<JournalRead> load_journal(const std::filesystem::path& journal,
                                        std::string_view source, const std::filesystem::path& cache,
                                        std::optional<Day> recent = std::nullopt,
                                        const std::optional<TaskPart>& tasks = std::nullopt);

// The cache file of the recent State beside the full one, `cache`.
std::filesystem::path recent_cache_file(const std::filesystem::path& cache);

// A memo: a short answer computed from the whole journal and a key (a command's name and
// day, say), kept in the file `memo` beside the cache so that a command run at every shell
// prompt costs what it shows rather than what the journal holds. Like the cache it is
// invisible and self-validating: it holds only while the journal is the very file it was
// computed from (FileStamp and last bytes) and the key is the same.
//
// The memo in `memo` for `journal` as it is now and `key`; nullopt when there is none that
// holds. Never throws: a memo that cannot be read is none.
std::optional<std::string> read_memo(const std::filesystem::path& memo,
                                     const std::filesystem::path& journal, std::string_view key);

// Memoises `value` for `key` and the journal as `read` saw it, when that read's State
// describes the whole file and the file is still as it was. Failures are ignored.
void write_memo(const std::filesystem::path& memo, const std::filesystem::path& journal,
                const JournalRead& read, std::string_view key, std::string_view value);

// The memo file `name` beside the full cache `cache`.
std::filesystem::path memo_file(const std::filesystem::path& cache, std::string_view name);

// Called under the journal lock right after `bytes` (whole lines) were appended to the
// journal that `before` was read from, with `after` the state they lead to: keeps the cache
// describing the journal, cheaply when only a little was appended since its snapshot.
void record_append(const std::filesystem::path& journal, const JournalRead& before,
                   std::string_view bytes, const State& after);

// The same for lines that cannot be folded onto the state before them (an undo): the caches
// are kept describing the journal only by their stamps, so that the next read replays the
// lines on them, or replays the journal when that cannot be done (replay_appended()).
void record_unfolded_append(const std::filesystem::path& journal, const JournalRead& before,
                            std::string_view bytes);

}  // namespace momentum
