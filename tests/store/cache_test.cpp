#include "momentum/store/cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "builders.hpp"
#include "momentum/recent.hpp"
#include "momentum/snapshot.hpp"
#include "momentum/store/journal.hpp"
#include "temp_files.hpp"

namespace fs = std::filesystem;
using namespace momentum;
using namespace momentum::test;

namespace {

// A journal in a temporary directory, and its cache file in a cache directory beside it.
struct Files {
  TempDir dir;
  fs::path journal = dir.path / "journal.jsonl";
  fs::path cache = cache_file(dir.path / "cache", journal);
  std::optional<JournalRead> load() const { return load_journal(journal, source, cache); }
};

// A journal with one of everything: goals, tasks with due days, tags and a deferral, logs,
// a removed log, a skip, a sprint, and an event from a newer momentum.
Book sample_book() {
  Book b(sys_days{2026y / March / 2});
  const int g = b.goal("Become an ML engineer");
  TaskFields t;
  t.goal = Clearable<int>::value_type(g);
  t.due = Clearable<Day>::value_type(sys_days{2026y / March / 6});
  t.tags = std::vector<std::string>{"kaggle", "tabular"};
  const int task = b.task("Titanic: first submission", t);
  b.today += days{1};
  LogFields l = log_on_task(task);
  l.minutes = Clearable<int>::value_type(45);
  l.note = std::string("feature engineering, a note longer than fifteen bytes");
  b.log(l);
  b.write(defer_task(b.state, task, sys_days{2026y / March / 9}, "a cold", b.stamp(), b.today));
  b.today += days{1};
  const int extra = b.log();
  b.write(remove_log(b.state, extra, b.stamp()));
  b.write(add_skip(b.state, b.today, g, "travel", b.stamp()));
  b.write(
      Change{event(uuid(900), noon(b.today, minutes{1}), "goal.frobnicate", {{"x", 1}}), {}, {}});
  b.goal_action(g, GoalAction::pause, sys_days{2026y / March / 20});
  return b;
}

State decoded(const State& s) {
  auto back = decode_state(encode_state(s));
  REQUIRE(back.has_value());
  return std::move(*back);
}

}  // namespace

TEST_CASE("a snapshot decodes to the state it was made from", "[cache]") {
  const Loaded full = replay_text(sample_book().text);
  const State back = decoded(full.state);
  CHECK(encode_state(back) == encode_state(full.state));
  REQUIRE(back.goals.size() == 1);
  CHECK(back.goals[0].title == "Become an ML engineer");
  CHECK(back.goals[0].pauses.size() == 1);
  REQUIRE(back.tasks.size() == 1);
  CHECK(back.tasks[0].tags == std::vector<std::string>{"kaggle", "tabular"});
  CHECK(back.tasks[0].deferrals.size() == 1);
  CHECK(back.tasks[0].due == sys_days{2026y / March / 9});
  REQUIRE(back.logs.size() == 2);
  CHECK(back.logs[0].minutes == 45);
  CHECK(back.logs[1].removed);
  CHECK(back.skips.size() == 1);
  CHECK(back.unknown_ops.at("goal.frobnicate") == 1);
  CHECK(back.last_ts == full.state.last_ts);
  CHECK(back.event_count == full.state.event_count);
  // The indexes are rebuilt: lookups by UUID work as after a replay.
  CHECK(back.task_ids().find(back.tasks[0].id) == 0);
  CHECK(back.log_index.find(back.logs[1].id) == 1);
}

TEST_CASE("a snapshot cut short or of another format decodes to nothing", "[cache]") {
  const std::string bytes = encode_state(replay_text(sample_book().text).state);
  for (std::size_t n = 0; n < bytes.size(); n += 7) {
    INFO("cut at " << n << " of " << bytes.size());
    CHECK_FALSE(decode_state(std::string_view(bytes).substr(0, n)).has_value());
  }
  std::string other = bytes;
  other[0] = static_cast<char>(other[0] + 1);  // the format number
  CHECK_FALSE(decode_state(other).has_value());
  CHECK_FALSE(decode_state(bytes + "x").has_value());
}

TEST_CASE("the journal is read through its cache once the cache exists", "[cache]") {
  Files f;
  const fs::path& journal = f.journal;
  const Book b = sample_book();
  spit(journal, b.text);
  const Loaded full = replay_text(b.text);

  const auto first = f.load();
  REQUIRE(first);
  CHECK_FALSE(first->from_cache);
  REQUIRE(fs::exists(f.cache));
  struct stat st {};
  REQUIRE(::stat(f.cache.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);

  const auto second = f.load();
  REQUIRE(second);
  CHECK(second->from_cache);
  CHECK(encode_state(second->loaded.state) == encode_state(full.state));
  CHECK(second->loaded.warnings == full.warnings);
  CHECK(second->loaded.valid_size == b.text.size());
  CHECK_FALSE(second->blank);
}

TEST_CASE("a missing journal loads as nothing and makes no cache", "[cache]") {
  Files f;
  CHECK_FALSE(f.load().has_value());
  CHECK_FALSE(fs::exists(f.dir.path / "cache"));
}

TEST_CASE("without a cache file the journal is replayed every time", "[cache]") {
  Files f;
  spit(f.journal, sample_book().text);
  for (int i = 0; i < 2; ++i) {
    const auto read = load_journal(f.journal, source, {});
    REQUIRE(read);
    CHECK_FALSE(read->from_cache);
  }
  CHECK_FALSE(fs::exists(f.dir.path / "cache"));
}

TEST_CASE("each journal has its own cache file", "[cache]") {
  const fs::path dir = "/tmp/c";
  CHECK(cache_file(dir, "/a/journal.jsonl") != cache_file(dir, "/b/journal.jsonl"));
  CHECK(cache_file(dir, "/a/journal.jsonl") == cache_file(dir, "/a/./journal.jsonl"));
  CHECK(cache_file(dir, "/a/journal.jsonl").parent_path() == dir);
  CHECK(cache_file(dir, "/a/journal.jsonl").filename().string().starts_with("journal.jsonl-"));
}

TEST_CASE("appends recorded by the writer are replayed on top of the snapshot", "[cache]") {
  Files f;
  const fs::path& journal = f.journal;
  Book b = sample_book();
  spit(journal, b.text);
  REQUIRE(f.load());  // makes the cache

  // Enough writes to pass the point where the cache is rewritten whole.
  for (int i = 0; i < 400; ++i) {
    const auto before = f.load();
    REQUIRE(before);
    REQUIRE(before->from_cache);
    LogFields l;
    l.minutes = Clearable<int>::value_type(1 + i % 90);
    l.note = std::string(100, 'n');
    const std::size_t old_size = b.text.size();
    b.log(l);
    const std::string bytes = b.text.substr(old_size);
    append_journal(journal, before->loaded.valid_size, bytes);
    State after = before->loaded.state;
    apply(after, b.events.back());
    record_append(journal, *before, bytes, after);
  }
  const auto last = f.load();
  REQUIRE(last);
  CHECK(last->from_cache);
  CHECK(slurp(journal) == b.text);
  const Loaded full = replay_text(b.text);
  CHECK(encode_state(last->loaded.state) == encode_state(full.state));
  CHECK(last->loaded.warnings == full.warnings);
  CHECK(last->lines == static_cast<int>(std::count(b.text.begin(), b.text.end(), '\n')));
}

TEST_CASE("a journal changed behind the cache's back is replayed again", "[cache]") {
  Files f;
  const fs::path& journal = f.journal;
  const TempDir& dir = f.dir;
  Book b = sample_book();
  for (int i = 0; i < 100; ++i) b.log();  // the first lines lie well before the hashed end
  REQUIRE(b.text.size() > 3 * 4096);
  spit(journal, b.text);
  REQUIRE(f.load());

  SECTION("lines appended by another program (a git merge)") {
    const std::size_t old_size = b.text.size();
    b.goal("Write every week");
    spit(journal, b.text.substr(old_size), std::ios::app);
  }
  SECTION("a same-size edit in the middle, with the old modification time put back") {
    struct stat st {};
    REQUIRE(::stat(journal.c_str(), &st) == 0);
    const std::size_t at = b.text.find("Become an ML");
    b.text.replace(at, 6, "BECOME");
    spit(journal, b.text);
    const timespec times[2] = {st.st_atim, st.st_mtim};
    REQUIRE(::utimensat(AT_FDCWD, journal.c_str(), times, 0) == 0);
  }
  SECTION("the journal replaced by a restored copy of the same size") {
    const std::size_t at = b.text.find("Become an ML");
    b.text.replace(at, 6, "Becomm");
    spit(dir.path / "restored", b.text);
    fs::rename(dir.path / "restored", journal);
  }
  const auto again = f.load();
  REQUIRE(again);
  CHECK_FALSE(again->from_cache);
  CHECK(encode_state(again->loaded.state) == encode_state(replay_text(b.text).state));
  const auto cached = f.load();
  REQUIRE(cached);
  CHECK(cached->from_cache);
}

TEST_CASE("a damaged cache is ignored and rebuilt", "[cache]") {
  Files f;
  const fs::path& journal = f.journal;
  const Book b = sample_book();
  spit(journal, b.text);
  REQUIRE(f.load());
  std::string bytes = slurp(f.cache);

  SECTION("garbage") { bytes = "not a cache at all"; }
  SECTION("cut short") { bytes.resize(bytes.size() / 2); }
  SECTION("a flipped byte in the header") { bytes[20] = static_cast<char>(bytes[20] ^ 1); }
  SECTION("empty") { bytes.clear(); }
  spit(f.cache, bytes);
  const auto read = f.load();
  REQUIRE(read);
  CHECK_FALSE(read->from_cache);
  CHECK(encode_state(read->loaded.state) == encode_state(replay_text(b.text).state));
  CHECK(f.load()->from_cache);
}

TEST_CASE("a journal with a torn or unterminated last line is never cached", "[cache]") {
  Files f;
  const fs::path& journal = f.journal;
  Book b = sample_book();
  SECTION("torn") { b.text += R"({"id":"0000)"; }
  SECTION("a whole event without its newline") { b.text.pop_back(); }
  spit(journal, b.text);
  const auto read = f.load();
  REQUIRE(read);
  CHECK(read->loaded.torn_tail != read->loaded.ends_without_newline);
  CHECK_FALSE(fs::exists(f.cache));
}

TEST_CASE("a blank journal is blank, and a journal with its header is not", "[cache]") {
  Files f;
  const fs::path& journal = f.journal;
  spit(journal, "\n \n");
  CHECK(f.load()->blank);
  spit(journal, header_line(noon(sys_days{2026y / March / 1})));
  CHECK_FALSE(f.load()->blank);
  CHECK_FALSE(f.load()->blank);  // from the cache now
}

TEST_CASE("the write after a full replay moves the fresh cache's stamp, not a new cache",
          "[cache]") {
  Files f;
  Book b = sample_book();
  spit(f.journal, b.text);
  const auto before = f.load();  // a full replay, which writes the cache
  REQUIRE(before);
  REQUIRE_FALSE(before->from_cache);
  struct stat cached {};
  REQUIRE(::stat(f.cache.c_str(), &cached) == 0);

  const std::size_t old_size = b.text.size();
  b.log();
  const std::string bytes = b.text.substr(old_size);
  append_journal(f.journal, before->loaded.valid_size, bytes);
  State after = before->loaded.state;
  apply(after, b.events.back());
  record_append(f.journal, *before, bytes, after);

  struct stat updated {};
  REQUIRE(::stat(f.cache.c_str(), &updated) == 0);
  CHECK(updated.st_ino == cached.st_ino);  // the same file: only its header was written
  CHECK(updated.st_size == cached.st_size);
  const auto next = f.load();
  REQUIRE(next);
  CHECK(next->from_cache);
  CHECK(encode_state(next->loaded.state) == encode_state(replay_text(b.text).state));
}

TEST_CASE(
    "an undo appended after the snapshot gives a full replay's state, from the cache "
    "when it reverts an event appended too",
    "[cache][undo]") {
  Files f;
  Book b = sample_book();
  spit(f.journal, b.text);
  REQUIRE(f.load());  // writes the cache
  // A check-in and its undo, appended as a writer appends: the snapshot's stamp moved forward
  // after each (the undo's `after` state left as the fold makes it, which cannot revert).
  for (int i = 0; i < 2; ++i) {
    const auto before = f.load();
    REQUIRE(before);
    Change change = i == 0 ? add_log(b.state, {}, b.stamp(), b.today)
                           : Change{Event{b.stamp(), Undo{b.events.back().stamp.id}}, {}, {}};
    const std::string line = to_line(change.event);
    append_journal(f.journal, before->loaded.valid_size, line);
    b.write(std::move(change));
    record_append(f.journal, *before, line, b.state);
  }
  const auto read = f.load();
  REQUIRE(read);
  const Loaded fresh = replay_text(b.text);
  CHECK(read->from_cache);  // the check-in it reverts was appended after the snapshot too
  CHECK(encode_state(read->loaded.state) == encode_state(fresh.state));
  CHECK(read->loaded.state.logs.size() == b.state.logs.size() - 1);
  CHECK(read->loaded.state.log_nums == 3);
  // An undo of an event the snapshot holds: a replay, which writes the cache again.
  const Uuid old_log = b.state.logs.front().id;
  const std::string line = to_line(Event{b.stamp(), Undo{old_log}});
  append_journal(f.journal, read->loaded.valid_size, line);
  b.text += line;
  const auto replayed = f.load();
  REQUIRE(replayed);
  const Loaded after = replay_text(b.text);
  CHECK_FALSE(replayed->from_cache);
  CHECK(encode_state(replayed->loaded.state) == encode_state(after.state));
  CHECK(replayed->loaded.state.logs.size() == b.state.logs.size() - 2);
  // The cache rewritten by that replay gives the same state next time.
  const auto again = f.load();
  REQUIRE(again);
  CHECK(again->from_cache);
  CHECK(encode_state(again->loaded.state) == encode_state(after.state));
}

TEST_CASE("a write through either cache keeps the other one usable", "[cache][recent]") {
  Files f;
  Book b = sample_book();
  spit(f.journal, b.text);
  const Day today = b.today + days{recent_margin};
  const auto first = load_journal(f.journal, source, f.cache, today);
  REQUIRE(first);
  CHECK(first->loaded.state.history);  // built from a full replay, which wrote both caches
  CHECK(fs::exists(recent_cache_file(f.cache)));
  REQUIRE(f.load()->from_cache);

  for (const bool recent : {true, false, true}) {
    const auto before = recent ? load_journal(f.journal, source, f.cache, today) : f.load();
    REQUIRE(before);
    REQUIRE(before->from_cache);
    const std::size_t old_size = b.text.size();
    b.log();
    const std::string bytes = b.text.substr(old_size);
    append_journal(f.journal, before->loaded.valid_size, bytes);
    State after = before->loaded.state;
    apply(after, b.events.back());
    record_append(f.journal, *before, bytes, after);

    // Both caches still describe the journal: each replays just the new line.
    const auto full = f.load();
    REQUIRE(full);
    CHECK(full->from_cache);
    CHECK_FALSE(full->loaded.state.history);
    CHECK(encode_state(full->loaded.state) == encode_state(replay_text(b.text).state));
    const auto part = load_journal(f.journal, source, f.cache, today);
    REQUIRE(part);
    CHECK(part->from_cache);
    REQUIRE(part->loaded.state.history);
    CHECK(part->loaded.state.logs.size() == b.state.logs.size());
  }
}

TEST_CASE("a recent cache that cannot serve the day is built again", "[cache][recent]") {
  Files f;
  Book b = sample_book();
  spit(f.journal, b.text);
  const Day today = b.today + days{recent_margin};
  REQUIRE(load_journal(f.journal, source, f.cache, today));
  CHECK(load_journal(f.journal, source, f.cache, today)->from_cache);
  // A clock gone back before its cutoff, and one so far ahead that it holds too much.
  const Day early = today - days{recent_days};
  const auto back = load_journal(f.journal, source, f.cache, early);
  REQUIRE(back);
  CHECK(back->loaded.state.history->cutoff == early - days{recent_days});
  const auto ahead = load_journal(f.journal, source, f.cache, today + days{400});
  REQUIRE(ahead);
  CHECK(ahead->loaded.state.history->cutoff == today + days{400} - days{recent_days});
  // Without a cache there is no recent State: the full one serves every day.
  const auto none = load_journal(f.journal, source, {}, today);
  REQUIRE(none);
  CHECK_FALSE(none->loaded.state.history);
}

TEST_CASE("a memo holds for the journal it was computed from and its key only", "[cache][memo]") {
  Files f;
  Book b = sample_book();
  for (int i = 0; i < 100; ++i) b.log();  // the first lines lie well before the hashed end
  spit(f.journal, b.text);
  const fs::path memo = memo_file(f.cache, ".prompt");
  CHECK(memo.parent_path() == f.cache.parent_path());
  CHECK(memo != f.cache);
  CHECK_FALSE(read_memo(memo, f.journal, "day 1"));  // none yet

  const auto read = f.load();
  REQUIRE(read);
  write_memo(memo, f.journal, *read, "day 1", "12 facts");
  struct stat st {};
  REQUIRE(::stat(memo.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(read_memo(memo, f.journal, "day 1") == "12 facts");
  CHECK(read_memo(memo, f.journal, "day 1") == "12 facts");  // reading keeps it
  CHECK_FALSE(read_memo(memo, f.journal, "day 2"));
  CHECK_FALSE(read_memo(memo, f.journal, "day"));
  CHECK_FALSE(read_memo(memo, f.journal, ""));
  CHECK_FALSE(read_memo({}, f.journal, "day 1"));  // no cache directory: no memo
  CHECK_FALSE(read_memo(memo, f.dir.path / "other.jsonl", "day 1"));

  SECTION("a line appended by another program") {
    spit(f.journal, "\n", std::ios::app);
    CHECK_FALSE(read_memo(memo, f.journal, "day 1"));
  }
  SECTION("a same-size edit in the middle, with the old modification time put back") {
    struct stat was {};
    REQUIRE(::stat(f.journal.c_str(), &was) == 0);
    const std::size_t at = b.text.find("Become an ML");
    b.text.replace(at, 6, "BECOME");
    spit(f.journal, b.text);
    const timespec times[2] = {was.st_atim, was.st_mtim};
    REQUIRE(::utimensat(AT_FDCWD, f.journal.c_str(), times, 0) == 0);
    CHECK_FALSE(read_memo(memo, f.journal, "day 1"));
  }
  SECTION("the journal replaced by a restored copy of the same size") {
    spit(f.dir.path / "restored", b.text);
    fs::rename(f.dir.path / "restored", f.journal);
    CHECK_FALSE(read_memo(memo, f.journal, "day 1"));
  }
  SECTION("a damaged memo") {
    std::string bytes = slurp(memo);
    REQUIRE(bytes.size() > 80);
    SECTION("a flipped byte in the value") { bytes[bytes.size() - 9] ^= 1; }
    SECTION("a flipped byte in the stamp") { bytes[20] ^= 1; }
    SECTION("cut short") { bytes.resize(bytes.size() - 1); }
    SECTION("a byte more") { bytes += 'x'; }
    SECTION("empty") { bytes.clear(); }
    SECTION("garbage") { bytes = std::string(5000, 'x'); }
    spit(memo, bytes);
    CHECK_FALSE(read_memo(memo, f.journal, "day 1"));
  }
  SECTION("a new memo replaces the old one") {
    write_memo(memo, f.journal, *read, "day 2", "13 facts");
    CHECK(read_memo(memo, f.journal, "day 2") == "13 facts");
    CHECK_FALSE(read_memo(memo, f.journal, "day 1"));
  }
}

TEST_CASE("a memo is made only of a read that describes the whole journal as it still is",
          "[cache][memo]") {
  Files f;
  Book b = sample_book();
  const fs::path memo = memo_file(f.cache, ".prompt");
  SECTION("the journal changed since the read") {
    spit(f.journal, b.text);
    const auto read = f.load();
    REQUIRE(read);
    b.log();
    spit(f.journal, b.text);
    write_memo(memo, f.journal, *read, "k", "v");
  }
  SECTION("a torn last line") {
    spit(f.journal, b.text + R"({"id":"0000)");
    const auto read = f.load();
    REQUIRE(read);
    write_memo(memo, f.journal, *read, "k", "v");
  }
  SECTION("a last line without its newline") {
    b.text.pop_back();
    spit(f.journal, b.text);
    const auto read = f.load();
    REQUIRE(read);
    write_memo(memo, f.journal, *read, "k", "v");
  }
  CHECK_FALSE(fs::exists(memo));
  CHECK_FALSE(read_memo(memo, f.journal, "k"));
}

TEST_CASE("a recent State is read without its tasks until an appended event names one",
          "[cache][recent]") {
  Files f;
  Book b = sample_book();
  spit(f.journal, b.text);
  const Day today = b.today + days{recent_margin};
  const auto habits = [&] { return load_journal(f.journal, source, f.cache, today, TaskPart{}); };
  const auto whole = [&] { return load_journal(f.journal, source, f.cache, today); };
  REQUIRE(whole());  // builds the recent cache
  // Writes the check-in `l` as a writer that read `before` would.
  const auto write = [&](const JournalRead& before, const LogFields& l) {
    const std::size_t old_size = b.text.size();
    b.log(l);
    const std::string bytes = b.text.substr(old_size);
    append_journal(f.journal, before.loaded.valid_size, bytes);
    State after = before.loaded.state;
    apply(after, b.events.back());
    record_append(f.journal, before, bytes, after);
  };
  // Check-ins written on a State without tasks keep the cache current.
  for (int i = 0; i < 3; ++i) {
    const auto before = habits();
    REQUIRE(before);
    REQUIRE(before->from_cache);
    REQUIRE(before->loaded.state.history);
    CHECK(before->loaded.state.history->without_tasks);
    CHECK(before->loaded.state.tasks.empty());
    write(*before, {});
  }
  const auto read = habits();
  REQUIRE(read);
  CHECK(read->from_cache);
  CHECK(read->loaded.state.logs.size() == b.state.logs.size());
  const auto with_tasks = whole();
  REQUIRE(with_tasks);
  CHECK(read->loaded.warnings == with_tasks->loaded.warnings);  // the op from a newer version
  CHECK(with_tasks->from_cache);
  CHECK_FALSE(with_tasks->loaded.state.history->without_tasks);
  CHECK(with_tasks->loaded.state.tasks.size() == b.state.tasks.size());

  SECTION("an appended event on a task it did not read: the tasks are read") {
    const auto before = whole();
    REQUIRE(before);
    write(*before, log_on_task(0));
    const auto after = habits();
    REQUIRE(after);
    CHECK(after->from_cache);
    CHECK(after->loaded.warnings == before->loaded.warnings);
    CHECK_FALSE(after->loaded.state.history->without_tasks);
    CHECK(after->loaded.state.logs.back().task == 0);
    // ... and the snapshot is written again with that event in it: the next read needs no task.
    const auto next = habits();
    REQUIRE(next);
    CHECK(next->from_cache);
    CHECK(next->loaded.state.history->without_tasks);
    CHECK(next->loaded.state.logs.size() == b.state.logs.size());
    const auto then = whole();
    REQUIRE(then);
    CHECK(encode_state(then->loaded.state) ==
          encode_state(recent_state(replay_text(b.text).state, today - days{recent_days})));
  }
  SECTION("so much appended that the cache is about to be rewritten: the tasks are read") {
    const auto before = whole();
    REQUIRE(before);
    LogFields l;
    l.note = std::string(40 * 1024, 'n');
    write(*before, l);
    const auto after = habits();
    REQUIRE(after);
    CHECK(after->from_cache);
    CHECK_FALSE(after->loaded.state.history->without_tasks);
    CHECK(after->loaded.state.tasks.size() == b.state.tasks.size());
  }
  SECTION("a write on a State without tasks that would rewrite the cache leaves it stale") {
    const auto before = habits();
    REQUIRE(before);
    REQUIRE(before->loaded.state.history->without_tasks);
    LogFields l;
    l.note = std::string(80 * 1024, 'n');
    write(*before, l);
    // Not rewritten from a State without tasks: built again from the full one.
    const auto after = whole();
    REQUIRE(after);
    CHECK(after->loaded.state.tasks.size() == b.state.tasks.size());
    CHECK(after->loaded.state.logs.size() == b.state.logs.size());
    CHECK(encode_state(after->loaded.state) ==
          encode_state(recent_state(replay_text(b.text).state, today - days{recent_days})));
  }
}
