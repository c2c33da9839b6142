// The journal cache: a fixed header, then the events' warnings and the encoded State.
//
// The header says which journal bytes the snapshot covers ([0, covered)), a hash of the
// last of those bytes, and the journal's FileStamp when the cache was last known to
// describe it. A writer that appends under the lock moves only the stamp forward (one small
// pwrite), so the next command replays just the lines appended since the snapshot; once
// those pass `rebuild_after` bytes, the whole cache is written again (temporary file and
// rename, so a reader sees either the old cache or the new one).
#include "momentum/store/cache.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "file_io.hpp"
#include "momentum/error.hpp"
#include "momentum/recent.hpp"
#include "momentum/snapshot.hpp"

namespace momentum {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t cache_magic = 0x31484341434d4f4dULL;  // "MOMCACH1"
constexpr std::uint64_t memo_magic = 0x314f4d454d4d4f4dULL;   // "MOMMEMO1"
constexpr std::size_t hashed_bytes = 4096;  // of the journal, just before the snapshot's end
constexpr std::size_t rebuild_after = 64 * 1024ul;  // bytes replayed on top of the snapshot

// The header's words, in file order.
struct W {
  enum : std::size_t {
    magic,
    covered,        // journal bytes the snapshot holds
    covered_lines,  // lines in them
    covered_hash,   // of the journal's last `hashed_bytes` before `covered`
    dev,            // the journal's FileStamp when the cache last described it
    ino,
    size,
    mtime,
    ctime,
    payload_size,
    header_hash,
    count
  };
};
using Header = std::array<std::uint64_t, W::count>;
constexpr std::size_t header_bytes = sizeof(Header);

std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return h;
}

std::uint64_t hash_words(const Header& h) {
  return fnv1a({reinterpret_cast<const char*>(h.data()), W::header_hash * sizeof(std::uint64_t)});
}

FileStamp stamp_of(const struct stat& st) {
  return {static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino),
          static_cast<std::uint64_t>(st.st_size),
          st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec,
          st.st_ctim.tv_sec * 1'000'000'000LL + st.st_ctim.tv_nsec};
}

void set_stamp(Header& h, const FileStamp& s) {
  h[W::dev] = s.dev, h[W::ino] = s.ino, h[W::size] = s.size;
  h[W::mtime] = static_cast<std::uint64_t>(s.mtime_ns),
  h[W::ctime] = static_cast<std::uint64_t>(s.ctime_ns);
  h[W::header_hash] = hash_words(h);
}

FileStamp stamp_in(const Header& h) {
  return {h[W::dev], h[W::ino], h[W::size], static_cast<std::int64_t>(h[W::mtime]),
          static_cast<std::int64_t>(h[W::ctime])};
}

// The hash of the journal's bytes just before `end`, or nullopt when they cannot be read.
std::optional<std::uint64_t> hash_before(int journal_fd, std::uint64_t end) {
  const std::uint64_t begin = end > hashed_bytes ? end - hashed_bytes : 0;
  std::string bytes(end - begin, '\0');
  if (read_at(journal_fd, bytes, static_cast<off_t>(begin)) != 0 || bytes.size() != end - begin) {
    return std::nullopt;
  }
  return fnv1a(bytes);
}

int count_lines(std::string_view bytes) {
  return static_cast<int>(std::count(bytes.begin(), bytes.end(), '\n'));
}

void put_word(std::string& out, std::uint64_t word) {
  out.append(reinterpret_cast<const char*>(&word), sizeof word);
}

std::optional<std::uint64_t> take_word(std::string_view& in) {
  std::uint64_t word = 0;
  if (in.size() < sizeof word) return std::nullopt;
  std::memcpy(&word, in.data(), sizeof word);
  in.remove_prefix(sizeof word);
  return word;
}

std::optional<std::vector<std::string>> take_warnings(std::string_view& in) {
  const auto count = take_word(in);
  if (!count || *count > in.size()) return std::nullopt;
  std::vector<std::string> warnings;
  for (std::uint64_t i = 0; i < *count; ++i) {
    const auto length = take_word(in);
    if (!length || *length > in.size()) return std::nullopt;
    warnings.emplace_back(in.substr(0, *length));
    in.remove_prefix(*length);
  }
  return warnings;
}

}  // namespace

// The cache file a state came from, kept open so a writer updates that very file.
struct JournalRead::Snapshot {
  explicit Snapshot(int fd) : file(fd) {}
  Fd file;
  Header header{};
};

namespace {

// Writes `bytes` as the file `file` (mode 0600) through a temporary file and a rename, so a
// reader sees the old file or the new one; returns the new one still open, or an invalid Fd.
Fd replace_file(const fs::path& file, std::string_view bytes) {
  if (make_dirs(file.parent_path()) != 0) return Fd(-1);
  std::string temp =
      (file.parent_path() / fmt::format(".{}.XXXXXX", file.filename().string())).string();
  Fd fd(::mkostemp(temp.data(), O_CLOEXEC));
  if (!fd) return fd;
  // No fsync: after a crash the file may be lost or stale, and then it is made again.
  if (::pwrite(fd.get(), bytes.data(), bytes.size(), 0) != static_cast<ssize_t>(bytes.size()) ||
      ::fchmod(fd.get(), 0600) != 0 || ::rename(temp.c_str(), file.c_str()) != 0) {
    ::unlink(temp.c_str());
    return Fd(-1);
  }
  return fd;
}

// Writes a whole new cache describing journal bytes [0, end), which ended in `lines`
// lines and are now the file `stamp`, and returns it, still open, for a writer to move its
// stamp forward. Failures are ignored (nullptr): the cache is only a speed-up.
std::shared_ptr<JournalRead::Snapshot> write_cache(const fs::path& file, int journal_fd,
                                                   const State& state,
                                                   const std::vector<std::string>& warnings,
                                                   std::uint64_t end, int lines,
                                                   const FileStamp& stamp) {
  if (file.empty()) return nullptr;
  const auto hash = hash_before(journal_fd, end);
  if (!hash) return nullptr;
  // The header, then the payload: built in one string (tens of MiB at a million events).
  std::string bytes(header_bytes, '\0');
  put_word(bytes, warnings.size());
  for (const std::string& warning : warnings) {
    put_word(bytes, warning.size());
    bytes += warning;
  }
  bytes += encode_state(state);

  Header h{};
  h[W::magic] = cache_magic, h[W::covered] = end,
  h[W::covered_lines] = static_cast<std::uint64_t>(lines);
  h[W::covered_hash] = *hash, h[W::payload_size] = bytes.size() - header_bytes;
  set_stamp(h, stamp);
  std::memcpy(bytes.data(), h.data(), header_bytes);
  auto snapshot = std::make_shared<JournalRead::Snapshot>(replace_file(file, bytes).release());
  if (!snapshot->file) return nullptr;
  snapshot->header = h;
  return snapshot;
}

}  // namespace

fs::path cache_file(const fs::path& cache_dir, const fs::path& journal) {
  std::error_code ec;
  fs::path absolute = fs::absolute(journal, ec);
  if (ec) absolute = journal;
  return cache_dir / fmt::format("{}-{:016x}.cache", journal.filename().string(),
                                 fnv1a(absolute.lexically_normal().string()));
}

namespace {

// The journal through a cache that still describes it, else nullopt. With `recent`, the
// cache must hold a recent State that serves that day; without, a full one. With `tasks`, a
// recent State may hold only the tasks so numbered (decode_state).
std::optional<JournalRead> read_through_cache(const fs::path& file, int journal_fd,
                                              const FileStamp& stamp, std::string_view source,
                                              std::optional<Day> recent,
                                              const std::optional<TaskPart>& tasks,
                                              bool rewrite = false) {
  if (file.empty()) return std::nullopt;
  int fd = ::open(file.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0 && errno == EACCES) fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  auto snapshot = std::make_shared<JournalRead::Snapshot>(fd);
  if (!snapshot->file) return std::nullopt;
  Header& h = snapshot->header;
  struct stat st {};
  if (::fstat(fd, &st) != 0 ||
      ::pread(fd, h.data(), header_bytes, 0) != static_cast<ssize_t>(header_bytes) ||
      h[W::magic] != cache_magic || h[W::header_hash] != hash_words(h) || stamp_in(h) != stamp ||
      h[W::payload_size] != static_cast<std::uint64_t>(st.st_size) - header_bytes ||
      h[W::covered] > stamp.size || hash_before(journal_fd, h[W::covered]) != h[W::covered_hash]) {
    return std::nullopt;
  }
  // Mapped, not read: a copy would fault in and fill as many fresh pages again.
  const Mapping file_bytes(fd, static_cast<std::size_t>(st.st_size));
  if (!file_bytes) return std::nullopt;
  std::string_view in = file_bytes.bytes().substr(header_bytes);
  auto warnings = take_warnings(in);
  if (!warnings) return std::nullopt;
  // A State without its tasks is never written as a cache, so it is read only while so
  // little was appended since the snapshot that neither this read nor the write that may
  // follow rewrites it (which they do past `rebuild_after`).
  const bool whole = !tasks || !recent || stamp.size - h[W::covered] > rebuild_after / 2;
  auto state = decode_state(in, whole ? std::nullopt : tasks);
  if (!state || state->history.has_value() != recent.has_value()) return std::nullopt;
  if (recent && (!serves(*state, *recent) || worth_rebuilding(*state, *recent))) {
    return std::nullopt;
  }

  JournalRead read;
  read.stamp = stamp;
  read.loaded.state = std::move(*state);
  read.loaded.valid_size = h[W::covered];
  for (const std::string& warning : *warnings) {
    read.loaded.warnings.push_back(fmt::format("{}: {}", source, warning));
  }
  read.loaded.event_warnings = std::move(*warnings);
  std::string tail(stamp.size - h[W::covered], '\0');
  if (read_at(journal_fd, tail, static_cast<off_t>(h[W::covered])) != 0 ||
      tail.size() != stamp.size - h[W::covered] || (!tail.empty() && tail.back() != '\n')) {
    return std::nullopt;
  }
  const int first_line = static_cast<int>(h[W::covered_lines]) + 1;
  const bool replayed = replay_appended(read.loaded, tail, source, first_line);
  // An appended event may name a task that was not read, or change which tasks the pick names
  // (it saw the snapshot only): the tasks decide, and the snapshot is written again with the
  // appended events in it, so that the reads after this one need not.
  const auto picked_all = [&] {
    return whole || tail.empty() || !tasks->pick ||
           holds_tasks(read.loaded.state, tasks->pick(read.loaded.state));
  };
  if (!replayed || !picked_all()) {
    if (!whole) {
      return read_through_cache(file, journal_fd, stamp, source, recent, std::nullopt, true);
    }
    return std::nullopt;
  }
  read.lines = first_line - 1 + count_lines(tail);
  read.from_cache = true;
  read.blank = false;
  read.cache = file;
  read.snapshot = rewrite || tail.size() > rebuild_after
                      ? write_cache(file, journal_fd, read.loaded.state, read.loaded.event_warnings,
                                    stamp.size, read.lines, stamp)
                      : std::move(snapshot);
  return read;
}

// The full State: through the full cache when it still describes the journal, else by
// replaying it all, after which the cache is written again.
JournalRead load_full(const fs::path& journal, const Fd& fd, const FileStamp& stamp,
                      std::string_view source, const fs::path& cache) {
  if (auto read = read_through_cache(cache, fd.get(), stamp, source, std::nullopt, std::nullopt)) {
    return std::move(*read);
  }
  std::string text;
  text.reserve(stamp.size + simdjson::SIMDJSON_PADDING);
  text.resize(stamp.size);
  if (const int err = read_at(fd.get(), text, 0); err != 0) {
    throw StorageError(fmt::format("cannot read journal '{}': {}", journal.string(),
                                   std::generic_category().message(err)));
  }
  JournalRead read;
  read.stamp = stamp;
  read.cache = cache;
  read.loaded = replay(text, source);
  read.lines = count_lines(std::string_view(text).substr(0, read.loaded.valid_size));
  read.blank = text.find_first_not_of(" \t\r\n") == std::string::npos;
  struct stat after {};
  // Cache only what is surely this file's content: nothing appended or torn meanwhile.
  if (::fstat(fd.get(), &after) == 0 && stamp_of(after) == stamp && text.size() == stamp.size &&
      read.loaded.valid_size == stamp.size && !read.loaded.ends_without_newline && !read.blank) {
    read.snapshot = write_cache(cache, fd.get(), read.loaded.state, read.loaded.event_warnings,
                                stamp.size, read.lines, stamp);
  }
  return read;
}

// Moves the stamp of the cache `file` from `was` to `now`, when it described the journal
// as it `was`: the bytes it covers are still the journal's first ones, and the lines
// appended since are replayed on its next use.
void keep_current(const fs::path& file, const FileStamp& was, const FileStamp& now) {
  if (file.empty()) return;
  const Fd fd(::open(file.c_str(), O_RDWR | O_CLOEXEC));
  Header h{};
  if (!fd || ::pread(fd.get(), h.data(), header_bytes, 0) != static_cast<ssize_t>(header_bytes) ||
      h[W::magic] != cache_magic || h[W::header_hash] != hash_words(h) || stamp_in(h) != was) {
    return;
  }
  set_stamp(h, now);
  // A failed write leaves a header whose hash is wrong: the cache is rebuilt.
  (void)::pwrite(fd.get(), h.data(), header_bytes, 0);
}

}  // namespace

fs::path recent_cache_file(const fs::path& cache) {
  fs::path file = cache;
  return file.replace_extension(".recent");
}

std::optional<JournalRead> load_journal(const fs::path& journal, std::string_view source,
                                        const fs::path& cache, std::optional<Day> recent,
                                        const std::optional<TaskPart>& tasks) {
  const auto open = open_to_read(journal, "cannot read journal");
  if (!open) return std::nullopt;
  const Fd& fd = open->fd;
  const FileStamp stamp = stamp_of(open->st);
  const fs::path recent_file = cache.empty() ? fs::path{} : recent_cache_file(cache);
  if (recent && !cache.empty()) {
    if (auto read = read_through_cache(recent_file, fd.get(), stamp, source, recent, tasks)) {
      read->other = cache;
      return read;
    }
  }
  JournalRead read = load_full(journal, fd, stamp, source, cache);
  read.other = recent_file;
  // A recent State is built only from a full one that surely describes the whole file.
  if (!recent || cache.empty() || !(read.from_cache || read.snapshot) ||
      read.loaded.valid_size != stamp.size || read.loaded.ends_without_newline || read.blank) {
    return read;
  }
  State part = recent_state(read.loaded.state, *recent - std::chrono::days{recent_days});
  auto snapshot = write_cache(recent_file, fd.get(), part, read.loaded.event_warnings, stamp.size,
                              read.lines, stamp);
  if (!snapshot) return read;
  read.loaded.state = std::move(part);
  read.snapshot = std::move(snapshot);
  read.cache = recent_file;
  read.other = cache;
  return read;
}

fs::path memo_file(const fs::path& cache, std::string_view name) {
  fs::path file = cache;
  return file.replace_extension(name);
}

namespace {

// A memo file: these words, then the key and the value; the last word hashes all before it.
struct M {
  enum : std::size_t { magic, dev, ino, size, mtime, ctime, journal_hash, key_size, value_size };
  static constexpr std::size_t count = value_size + 1;
};

std::string memo_bytes(const FileStamp& stamp, std::uint64_t journal_hash, std::string_view key,
                       std::string_view value) {
  std::string bytes;
  for (const std::uint64_t word :
       {memo_magic, stamp.dev, stamp.ino, stamp.size, static_cast<std::uint64_t>(stamp.mtime_ns),
        static_cast<std::uint64_t>(stamp.ctime_ns), journal_hash,
        static_cast<std::uint64_t>(key.size()), static_cast<std::uint64_t>(value.size())}) {
    put_word(bytes, word);
  }
  bytes += key;
  bytes += value;
  put_word(bytes, fnv1a(bytes));
  return bytes;
}

}  // namespace

std::optional<std::string> read_memo(const fs::path& memo, const fs::path& journal,
                                     std::string_view key) {
  if (memo.empty()) return std::nullopt;
  const Fd journal_fd(::open(journal.c_str(), O_RDONLY | O_CLOEXEC));
  const Fd memo_fd(::open(memo.c_str(), O_RDONLY | O_CLOEXEC));
  struct stat st {};
  if (!journal_fd || !memo_fd || ::fstat(journal_fd.get(), &st) != 0) return std::nullopt;
  std::string bytes(4096, '\0');  // a memo is small; one that is not is none
  if (read_at(memo_fd.get(), bytes, 0) != 0 || bytes.size() == 4096) return std::nullopt;
  std::string_view in = bytes;
  std::array<std::uint64_t, M::count> w{};
  for (std::uint64_t& word : w) {
    const auto taken = take_word(in);
    if (!taken) return std::nullopt;
    word = *taken;
  }
  const FileStamp stamp = stamp_of(st);
  if (w[M::magic] != memo_magic ||
      FileStamp{w[M::dev], w[M::ino], w[M::size], static_cast<std::int64_t>(w[M::mtime]),
                static_cast<std::int64_t>(w[M::ctime])} != stamp ||
      in.size() != w[M::key_size] + w[M::value_size] + sizeof(std::uint64_t) ||
      in.substr(0, w[M::key_size]) != key) {
    return std::nullopt;
  }
  const std::string value(in.substr(w[M::key_size], w[M::value_size]));
  if (memo_bytes(stamp, w[M::journal_hash], key, value) != bytes ||
      hash_before(journal_fd.get(), stamp.size) != w[M::journal_hash]) {
    return std::nullopt;
  }
  return value;
}

void write_memo(const fs::path& memo, const fs::path& journal, const JournalRead& read,
                std::string_view key, std::string_view value) {
  if (memo.empty() || read.blank || read.loaded.valid_size != read.stamp.size ||
      read.loaded.ends_without_newline) {
    return;
  }
  const Fd fd(::open(journal.c_str(), O_RDONLY | O_CLOEXEC));
  struct stat st {};
  if (!fd || ::fstat(fd.get(), &st) != 0 || stamp_of(st) != read.stamp) return;
  if (const auto hash = hash_before(fd.get(), read.stamp.size)) {
    (void)replace_file(memo, memo_bytes(read.stamp, *hash, key, value));
  }
}

namespace {

// record_append(), which writes the cache again from `after` when its stamp cannot simply move
// forward, unless `after` is null.
void record(const fs::path& journal, const JournalRead& before, std::string_view bytes,
            const State* after) {
  if (before.cache.empty()) return;
  const Fd fd(::open(journal.c_str(), O_RDONLY | O_CLOEXEC));
  struct stat st {};
  if (!fd || ::fstat(fd.get(), &st) != 0) return;
  const FileStamp now = stamp_of(st);
  // The journal must be exactly what was read, up to its last whole line, plus `bytes`.
  if (now.size != before.loaded.valid_size + bytes.size() || now.ino != before.stamp.ino) return;
  const int lines = before.lines + count_lines(bytes);
  if (before.loaded.valid_size == before.stamp.size) keep_current(before.other, before.stamp, now);
  if (before.snapshot && before.loaded.valid_size == before.stamp.size &&
      now.size - before.snapshot->header[W::covered] <= rebuild_after) {
    Header h = before.snapshot->header;
    set_stamp(h, now);
    if (::pwrite(before.snapshot->file.get(), h.data(), header_bytes, 0) ==
        static_cast<ssize_t>(header_bytes)) {
      return;
    }
  }
  // A State read without all its tasks is not a whole one: the cache that no longer describes
  // the journal is left to be built again by the next read.
  if (!after || (after->history && after->history->without_tasks)) return;
  write_cache(before.cache, fd.get(), *after, before.loaded.event_warnings, now.size, lines, now);
}

}  // namespace

void record_append(const fs::path& journal, const JournalRead& before, std::string_view bytes,
                   const State& after) {
  record(journal, before, bytes, &after);
}

void record_unfolded_append(const fs::path& journal, const JournalRead& before,
                            std::string_view bytes) {
  record(journal, before, bytes, nullptr);
}

}  // namespace momentum
