#pragma once
// `momentum sync`: the journal's directory as a git repository, committed, merged with
// origin (the journal by union, being append-only) and pushed.

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace momentum {

// What a sync is asked to do.
struct SyncRequest {
  std::filesystem::path journal;
  std::filesystem::path cache;  // the journal's cache file; none when empty
  std::map<std::string, std::string> env;
  std::optional<std::string> remote;  // --init: the URL origin is set to
  std::chrono::milliseconds lock_timeout{10000};
};

// What a sync did.
struct SyncReport {
  std::filesystem::path dir;  // the data directory, the repository's top
  bool created = false;       // the directory became a repository now
  std::string remote;         // origin's URL; empty when there is none (nothing was pulled)
  std::string branch;
  bool committed = false;     // the journal had changes since the last sync
  bool upstream_set = false;  // the first push, to an empty remote or a new branch
  int received = 0;           // events that came in from origin
  int sent = 0;               // events origin did not have, now pushed
};

// Throws UsageError unless `remote` is a URL or path git may be given: not empty, no
// control characters, not option-like (a leading '-'), not the ext:: or fd:: transports
// (which run commands).
void check_remote(std::string_view remote);

// Makes the journal's directory a repository (when it is not one), marks the journal
// merge=union and ignores everything else, sets origin to `remote` when given, commits,
// fetches and merges origin (unrelated histories allowed with --init or before an upstream is set)
// under the journal lock, and pushes. Throws StorageError when git is missing or fails, and when a
// merge leaves conflicts (left in place, the message giving the git commands that finish it).
SyncReport sync_journal(const SyncRequest& request);

}  // namespace momentum
