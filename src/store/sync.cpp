// `momentum sync`: git does the transport and the merge; momentum keeps the journal out of
// harm's way while git rewrites it (the writer lock) and counts the events that moved.
#include "momentum/store/sync.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <set>
#include <vector>

#include "file_io.hpp"
#include "momentum/error.hpp"
#include "momentum/store/cache.hpp"
#include "momentum/store/files.hpp"
#include "momentum/store/git.hpp"
#include "momentum/store/journal.hpp"

namespace momentum {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view new_branch = "main";
constexpr std::string_view attributes_file = ".gitattributes";
constexpr std::string_view ignore_file = ".gitignore";

// The name as a POSIX shell reads it back: in single quotes.
std::string shell_quote(std::string_view text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Patterns in .gitattributes and .gitignore treat spaces, globs and a leading '!' or '#'
// specially; a plain name needs no quoting there.
void check_journal_name(const std::string& name) {
  const bool plain = !name.empty() && name.front() != '.' && name.front() != '-' &&
                     name.find_first_not_of(
                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                         "0123456789._-") == std::string::npos;
  if (!plain) {
    throw UsageError(fmt::format(
        "cannot sync journal '{}': sync needs a file name of letters, digits, '.', '_' and '-'",
        name));
  }
}

std::string host_name() {
  std::array<char, 256> name{};
  if (::gethostname(name.data(), name.size() - 1) != 0 || name[0] == '\0') return "a machine";
  return name.data();
}

// Adds each of `lines` that `file` lacks (the file is created when missing), so that a user's
// own entries stay.
void ensure_lines(const fs::path& file, std::string_view comment,
                  const std::vector<std::string>& lines) {
  const std::optional<std::string> old = read_text_file(file);
  std::string text = old.value_or("");
  std::set<std::string, std::less<>> have;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t nl = std::min(text.find('\n', pos), text.size());
    have.emplace(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  std::string added;
  for (const std::string& line : lines) {
    if (have.count(line) == 0) added += line + '\n';
  }
  if (added.empty()) return;
  if (!text.empty() && text.back() != '\n') text += '\n';
  if (!old) text += std::string(comment);
  write_file_atomically(file, text + added,
                        fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                            fs::perms::others_read);
}

void write_git_files(const fs::path& dir, const std::string& journal) {
  ensure_lines(dir / attributes_file,
               "# momentum sync: the journal is append-only, so a merge keeps the lines of both\n"
               "# sides; replay orders events by (ts, id) whatever order they end up in.\n",
               {journal + " merge=union"});
  ensure_lines(
      dir / ignore_file,
      "# momentum sync shares only the journal and these two files: the lock, caches,\n"
      "# indexes and the quarantine of `check --repair` stay on this machine.\n",
      {"*", "!" + std::string(attributes_file), "!" + std::string(ignore_file), "!" + journal});
}

// The journal's event lines (not headers, not blank), for counting what moved.
std::set<std::string> event_lines(const std::string& text) {
  std::set<std::string> lines;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t nl = std::min(text.find('\n', pos), text.size());
    const std::string line = text.substr(pos, nl - pos);
    pos = nl + 1;
    // A header opens with its "momentum" key (codec's header_line writes it first).
    if (line.find_first_not_of(" \t\r") == std::string::npos || line.rfind("{\"momentum\"", 0) == 0)
      continue;
    lines.insert(line);
  }
  return lines;
}

int count_missing(const std::set<std::string>& from, const std::set<std::string>& in) {
  int n = 0;
  for (const std::string& line : from) n += in.count(line) == 0 ? 1 : 0;
  return n;
}

// The data directory: where the journal is, made absolute (git runs with -C).
fs::path data_dir(const fs::path& journal) {
  std::error_code ec;
  fs::path abs = fs::absolute(journal, ec);
  if (ec) {
    throw StorageError(fmt::format("cannot find the journal's directory '{}': {}", journal.string(),
                                   ec.message()));
  }
  return abs.lexically_normal().parent_path();
}

void refuse_home(const fs::path& dir, const std::map<std::string, std::string>& env) {
  const auto home = env.find("HOME");
  if (home == env.end() || home->second.empty()) return;
  std::error_code ec;
  if (fs::equivalent(dir, home->second, ec)) {
    throw UsageError(fmt::format(
        "cannot sync the journal in '{}': it is the home directory, which would become a git "
        "repository; move the journal to a directory of its own (MOMENTUM_DIR)",
        dir.string()));
  }
}

// Makes `dir` a repository unless it is one; returns whether it did.
bool ensure_repository(const Git& git) {
  const fs::path& dir = git.dir();
  if (const int err = make_dirs(dir); err != 0) {
    throw StorageError(
        fmt::format("cannot create '{}': {}", dir.string(), std::generic_category().message(err)));
  }
  std::error_code ec;
  if (fs::exists(dir / ".git", ec)) return false;
  git.check({"init", "--quiet", "--initial-branch=" + std::string(new_branch)});
  return true;
}

void set_origin(const Git& git, const std::string& remote) {
  const bool exists = git.run({"remote", "get-url", "--", "origin"}).status == 0;
  git.check({"remote", exists ? "set-url" : "add", "--", "origin", remote});
}

std::string origin_url(const Git& git) {
  GitRun run = git.run({"remote", "get-url", "--", "origin"});
  if (run.status != 0) return "";
  while (!run.out.empty() && (run.out.back() == '\n' || run.out.back() == '\r')) run.out.pop_back();
  return run.out;
}

std::string current_branch(const Git& git) {
  GitRun run = git.run({"symbolic-ref", "--quiet", "--short", "HEAD"});
  if (run.status != 0) {
    throw StorageError(fmt::format(
        "'{}' has no branch checked out; check one out (git -C {} switch {}) and sync again",
        git.dir().string(), shell_quote(git.dir().string()), new_branch));
  }
  while (!run.out.empty() && run.out.back() == '\n') run.out.pop_back();
  return run.out;
}

// `-c user.name=… -c user.email=…` when git knows no identity to commit with, else nothing.
std::vector<std::string> identity(const Git& git) {
  if (git.run({"var", "GIT_AUTHOR_IDENT"}).status == 0 &&
      git.run({"var", "GIT_COMMITTER_IDENT"}).status == 0)
    return {};
  return {"-c", "user.name=momentum", "-c", "user.email=momentum@localhost"};
}

void refuse_unfinished_merge(const Git& git) {
  if (git.run({"rev-parse", "--quiet", "--verify", "MERGE_HEAD"}).status != 0) return;
  const std::string dir = shell_quote(git.dir().string());
  throw StorageError(fmt::format(
      "a merge is still unfinished in '{}'; finish it (git -C {} add -A && git -C {} commit "
      "--no-edit) or give it up (git -C {} merge --abort), then sync again",
      git.dir().string(), dir, dir, dir));
}

// What the journal holds at `rev`; empty when it is not there.
std::string journal_at(const Git& git, const std::string& rev, const std::string& journal) {
  GitRun run = git.run({"show", rev + ":" + journal});
  return run.status == 0 ? std::move(run.out) : std::string();
}

// A journal git is about to read or merge: readable, with no torn or unterminated last line
// (union merge works line by line).
void tidy_tail(const SyncRequest& request) {
  const auto read = load_journal(request.journal, request.journal.string(), request.cache);
  if (!read) return;
  if (read->loaded.torn_tail) append_journal(request.journal, read->loaded.valid_size, "");
  if (read->loaded.ends_without_newline)
    append_journal(request.journal, read->loaded.valid_size, "\n");
}

bool commit(const Git& git, const std::vector<std::string>& who, const std::string& journal) {
  std::vector<std::string> add{"add", "--force", "--", std::string(attributes_file),
                               std::string(ignore_file)};
  std::error_code ec;
  if (fs::exists(git.dir() / journal, ec)) add.push_back(journal);
  git.check(add);
  if (git.run({"diff", "--cached", "--quiet"}).status == 0) return false;
  std::vector<std::string> args = who;
  args.insert(args.end(), {"commit", "--quiet", "--no-verify", "-m",
                           fmt::format("momentum: journal from {}", host_name())});
  git.check(args);
  return true;
}

[[noreturn]] void conflicts(const Git& git, const std::string& names) {
  std::vector<std::string> files;
  std::string quoted;
  for (std::size_t pos = 0; pos < names.size();) {
    const std::size_t end = std::min(names.find('\0', pos), names.size());
    files.push_back(names.substr(pos, end - pos));
    quoted += " " + shell_quote(files.back());
    pos = end + 1;
  }
  const std::string dir = shell_quote(git.dir().string());
  throw StorageError(fmt::format(
      "the merge with origin left conflicts in {}, kept in '{}' for you to resolve: edit "
      "{}, then run git -C {} add --{} && git -C {} commit --no-edit && momentum sync (or give "
      "the merge up: git -C {} merge --abort)",
      fmt::join(files, ", "), git.dir().string(), files.size() == 1 ? "it" : "them", dir, quoted,
      dir, dir));
}

void merge(const Git& git, const std::vector<std::string>& who, const std::string& upstream,
           bool first) {
  std::vector<std::string> args = who;
  args.insert(args.end(), {"merge", "--quiet", "--no-edit", "--no-verify", "-m",
                           fmt::format("momentum: merge from origin on {}", host_name())});
  if (first) args.emplace_back("--allow-unrelated-histories");
  args.push_back(upstream);
  const GitRun run = git.run(args);
  if (run.status == 0) return;
  const GitRun unmerged = git.run({"diff", "--name-only", "--diff-filter=U", "-z"});
  if (unmerged.status == 0 && !unmerged.out.empty()) conflicts(git, unmerged.out);
  throw StorageError(
      fmt::format("git merge failed in '{}': {}", git.dir().string(), git_complaint(run.err)));
}

}  // namespace

void check_remote(std::string_view remote) {
  const auto refuse = [&](std::string_view why) {
    throw UsageError(
        fmt::format("refusing remote '{}': {}; expected a URL or path of a git "
                    "repository (ssh://host/path.git, host:path.git, /path.git)",
                    remote, why));
  };
  if (remote.empty()) refuse("it is empty");
  for (const char c : remote) {
    if (std::iscntrl(static_cast<unsigned char>(c)) != 0) refuse("it holds a control character");
  }
  if (remote.front() == '-') refuse("it starts with '-' and would be read as an option");
  std::string lower(remote.substr(0, remote.find("::")));
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (remote.find("::") != std::string_view::npos && (lower == "ext" || lower == "fd"))
    refuse(fmt::format("the {}:: transport runs commands", lower));
}

SyncReport sync_journal(const SyncRequest& request) {
  if (request.remote) check_remote(*request.remote);
  const std::string journal = request.journal.filename().string();
  check_journal_name(journal);
  const fs::path dir = data_dir(request.journal);
  const Git git(dir, request.env);
  refuse_home(dir, request.env);

  SyncReport report;
  report.dir = dir;
  report.created = ensure_repository(git);
  write_git_files(dir, journal);
  if (request.remote) set_origin(git, *request.remote);
  report.remote = origin_url(git);
  report.branch = current_branch(git);
  refuse_unfinished_merge(git);
  const std::vector<std::string> who = identity(git);
  const std::string upstream = "refs/remotes/origin/" + report.branch;
  // The first pull from this origin: before an upstream is set, or with --init, which may name
  // another remote. Unrelated histories are then expected (journals started apart).
  const bool first = request.remote ||
                     git.run({"config", "--get", "branch." + report.branch + ".merge"}).status != 0;
  bool fetched = false;
  if (!report.remote.empty()) {
    const GitRun run = git.run({"fetch", "--quiet", "--prune", "--", "origin"});
    if (run.status != 0) {
      throw StorageError(
          fmt::format("cannot fetch from origin '{}': {}", report.remote, git_complaint(run.err)));
    }
    fetched = git.run({"rev-parse", "--quiet", "--verify", upstream}).status == 0;
  }
  std::string before, after;
  {
    // git reads the journal to commit it and rewrites it to merge: no append in between.
    const JournalLock lock(request.journal, request.lock_timeout);
    tidy_tail(request);
    report.committed = commit(git, who, journal);
    before = read_journal(request.journal).value_or("");
    if (fetched) merge(git, who, upstream, first);
    after = read_journal(request.journal).value_or("");
  }
  if (report.remote.empty()) return report;
  const std::set<std::string> mine = event_lines(before), now = event_lines(after);
  report.received = count_missing(now, mine);
  report.sent = count_missing(now, event_lines(fetched ? journal_at(git, upstream, journal) : ""));
  std::vector<std::string> push{"push", "--quiet"};
  report.upstream_set = first;
  if (first) push.emplace_back("--set-upstream");
  push.insert(push.end(), {"--", "origin", report.branch});
  const GitRun run = git.run(push);
  if (run.status != 0) {
    throw StorageError(
        fmt::format("cannot push to origin '{}': {}", report.remote, git_complaint(run.err)));
  }
  return report;
}

}  // namespace momentum
