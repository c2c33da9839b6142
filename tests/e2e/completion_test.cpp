// momentum completion bash|zsh|fish and the hidden `momentum __complete KIND`: the scripts are
// checked by each shell's parser, then driven the way the shell drives them, calling the
// binary under test by its installed name through PATH.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "checks.hpp"
#include "sandbox.hpp"

using namespace momentum::test;

namespace {

const std::string bin_dir = std::filesystem::path(MOMENTUM_BIN).parent_path().string();

// The program's path when `name` is installed (`command -v`), else "".
std::string installed(const std::string& name) {
  for (const char* dir : {"/usr/bin", "/bin", "/usr/local/bin"}) {
    const std::filesystem::path file = std::filesystem::path(dir) / name;
    if (access(file.c_str(), X_OK) == 0) return file.string();
  }
  return "";
}

// Runs `argv` with a clean environment in which `momentum` is the binary under test; stdout
// and stderr go through files in the sandbox.
Result run_program(const Sandbox& box, const std::vector<std::string>& argv) {
  const std::string out = (box.dir() / "stdout").string(), err = (box.dir() / "stderr").string();
  const std::vector<std::string> env{"PATH=" + bin_dir + ":/usr/bin:/bin",
                                     "HOME=" + (box.dir() / "home").string(),
                                     "MOMENTUM_NOW=2026-03-10T09:00:00Z",
                                     "TZ=UTC",
                                     "LANG=C.UTF-8",
                                     "MOMENTUM_CONFIG=" + (box.dir() / "config.json").string()};
  const pid_t pid = fork();
  if (pid == 0) {
    const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int in = open("/dev/null", O_RDONLY);
    if (o < 0 || e < 0 || in < 0) _exit(126);
    dup2(in, 0), dup2(o, 1), dup2(e, 2);
    std::vector<char*> args, envp;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    for (const auto& v : env) envp.push_back(const_cast<char*>(v.c_str()));
    args.push_back(nullptr), envp.push_back(nullptr);
    execve(args[0], args.data(), envp.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), Sandbox::read_file(out),
          Sandbox::read_file(err)};
}

// The script for `shell`, saved in the sandbox; returns its path.
std::string save_script(const Sandbox& box, const std::string& shell) {
  const Result r = box.run_raw({"completion", shell});
  REQUIRE(r.code == 0);
  REQUIRE(r.err.empty());
  const std::string file = (box.dir() / ("momentum." + shell)).string();
  Sandbox::write_file(file, r.out);
  return file;
}

// COMPREPLY, one a line, from the bash function with the cursor at the end of `words` (the
// line as bash splits it into COMP_WORDS; an empty last word starts a new word).
std::string bash_complete(const Sandbox& box, const std::vector<std::string>& words) {
  std::string quoted;
  for (const std::string& w : words) quoted += " '" + w + "'";
  const std::string script =
      "source " + (box.dir() / "momentum.bash").string() + "\nCOMP_WORDS=(" + quoted +
      ")\n"
      "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
      "COMP_LINE=\"${COMP_WORDS[*]}\"\nCOMP_POINT=${#COMP_LINE}\n"
      "_momentum momentum \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
      "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
  INFO("bash completion of:" << quoted);
  const Result r = run_program(box, {"/bin/bash", "--norc", "-c", script});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  return r.out == "\n" ? "" : r.out;
}

// Two active goals, an achieved one, and tasks: one open, one done, one doing.
void some_records(const Sandbox& box) {
  run_ok(box, {"goal", "add", "Become an ML engineer", "-q"});
  run_ok(box, {"goal", "add", "Write blog posts", "-q"});
  run_ok(box, {"goal", "add", "Run a marathon", "-q"});
  run_ok(box, {"goal", "achieve", "3", "-q"});
  run_ok(box, {"task", "add", "Finish the Titanic tutorial", "-q"});
  run_ok(box, {"task", "add", "Read chapter 2", "-q"});
  run_ok(box, {"task", "add", "Post about it", "-q"});
  run_ok(box, {"task", "done", "2", "-q"});
  run_ok(box, {"task", "start", "3", "-q"});
}

// Every command path ("task add") the binary's --help lists, found by walking the help.
std::vector<std::string> commands_in_help(const Sandbox& box, const std::string& path = "") {
  std::vector<std::string> args;
  std::istringstream words(path);
  for (std::string w; words >> w;) args.push_back(w);
  args.push_back("--help");
  const Result r = box.run_raw(args);
  REQUIRE(r.code == 0);
  std::vector<std::string> found;
  const std::size_t at = r.out.find("\nSubcommands:\n");
  if (at == std::string::npos) return found;
  std::istringstream lines(r.out.substr(at + 14));
  for (std::string line; std::getline(lines, line) && line.starts_with("  ");) {
    if (line.starts_with("   ")) continue;  // a wrapped description goes on
    const std::string name = line.substr(2, line.find(' ', 2) - 2);
    const std::string sub = path.empty() ? name : path + " " + name;
    found.push_back(sub);
    for (const std::string& deeper : commands_in_help(box, sub)) found.push_back(deeper);
  }
  return found;
}

}  // namespace

TEST_CASE("completion prints a script each shell's parser accepts", "[e2e][completion]") {
  Sandbox box;
  for (const std::string shell : {"bash", "zsh", "fish"}) {
    INFO(shell);
    const std::string file = save_script(box, shell);
    const std::string program = installed(shell);
    if (program.empty()) {
      WARN(shell << " is not installed: its script's syntax is not checked");
      continue;
    }
    const Result r = run_program(box, {program, "-n", file});
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.err.empty());
  }
}

TEST_CASE("completion names the shells it knows", "[e2e][completion][errors]") {
  Sandbox box;
  check_rejects(box, {"completion", "powershell"},
                "SHELL: unknown shell 'powershell'; expected bash, zsh or fish");
  check_rejects(box, {"completion"}, "SHELL is required (see 'momentum completion --help')");
}

TEST_CASE("every command appears in every script, offered under its parent", "[e2e][completion]") {
  Sandbox box;
  const std::vector<std::string> commands = commands_in_help(box);
  REQUIRE(commands.size() > 30);
  CHECK(std::find(commands.begin(), commands.end(), "task add") != commands.end());
  const std::string bash = box.run_raw({"completion", "bash"}).out;
  const std::string zsh = box.run_raw({"completion", "zsh"}).out;
  const std::string fish = box.run_raw({"completion", "fish"}).out;
  for (const std::string& path : commands) {
    INFO(path);
    const std::size_t space = path.rfind(' ');
    const std::string parent = space == std::string::npos ? "" : path.substr(0, space);
    const std::string name = path.substr(space + 1);
    // bash: the parent's arm lists it in subs='…'
    const std::size_t arm = bash.find("    '" + parent + "') subs='");
    REQUIRE(arm != std::string::npos);
    const std::string subs = bash.substr(arm, bash.find('\'', bash.find("subs='", arm) + 6) - arm);
    CHECK((" " + subs.substr(subs.find("subs='") + 6) + " ").find(" " + name + " ") !=
          std::string::npos);
    // zsh: described as name:help in the parent's subs
    const std::size_t zarm = zsh.find("    '" + parent + "')\n      names=(");
    REQUIRE(zarm != std::string::npos);
    CHECK(
        zsh.substr(zarm, zsh.find('\n', zsh.find("subs=(", zarm)) - zarm).find("'" + name + ":") !=
        std::string::npos);
    // fish: offered when the path so far is the parent
    CHECK(fish.find("-n '__momentum_at \"" + parent + "\" 0 1' -a '" + name + "' -d '") !=
          std::string::npos);
  }
  for (const std::string* script : {&bash, &zsh, &fish}) {
    CHECK(script->find("__complete'") == std::string::npos);  // hidden: never offered
  }
}

TEST_CASE("bash completes commands, options and their values", "[e2e][completion][bash]") {
  Sandbox box;
  save_script(box, "bash");
  CHECK(bash_complete(box, {"momentum", "go"}) == "goal\n");
  CHECK(bash_complete(box, {"momentum", "s"}) == "streak\nstats\nsprint\nsync\n");
  CHECK(bash_complete(box, {"momentum", "sync", "--i"}) == "--init\n");
  CHECK(bash_complete(box, {"momentum", "task", "a"}) == "add\n");
  CHECK(bash_complete(box, {"momentum", "--json", "task", "d"}) == "done\ndrop\ndefer\n");
  CHECK(bash_complete(box, {"momentum", "task", "add", "--k"}) == "--kind\n");
  // Global options work after the command too.
  CHECK(bash_complete(box, {"momentum", "task", "list", "--j"}) == "--journal\n--json\n");
  CHECK(bash_complete(box, {"momentum", "task", "add", "Read", "--kind", ""}) == "learn\ndo\n");
  SECTION("--opt=value, split at '=' by COMP_WORDBREAKS or not") {
    CHECK(bash_complete(box, {"momentum", "task", "add", "--kind", "=", ""}) == "learn\ndo\n");
    CHECK(bash_complete(box, {"momentum", "task", "add", "--kind", "=", "l"}) == "learn\n");
    CHECK(bash_complete(box, {"momentum", "task", "add", "--kind=l"}) == "--kind=learn\n");
  }
  SECTION("value lists come from the validators") {
    CHECK(bash_complete(box, {"momentum", "task", "list", "--status", "do"}) == "doing\ndone\n");
    CHECK(bash_complete(box, {"momentum", "calendar", "--format", ""}) == "text\nsvg\n");
    CHECK(bash_complete(box, {"momentum", "export", "--format", ""}) == "json\ncsv\nmd\nics\n");
    CHECK(bash_complete(box, {"momentum", "goal", "add", "G", "--importance", ""}) ==
          "1\n2\n3\n4\n5\n");
    CHECK(bash_complete(box, {"momentum", "completion", ""}) == "bash\nzsh\nfish\n");
    CHECK(bash_complete(box, {"momentum", "completion", "bash", ""}).empty());
  }
  SECTION("suggestions for cadences and dates") {
    CHECK(bash_complete(box, {"momentum", "goal", "add", "G", "--cadence", ""}) ==
          "daily\nweekdays\n3/week\n5/week\n3/7\nnone\n");
    CHECK(bash_complete(box, {"momentum", "task", "add", "T", "--due", "t"}) ==
          "today\ntomorrow\ntuesday\nthursday\n");
  }
  SECTION("an option's value is not taken for a command") {
    CHECK(bash_complete(box, {"momentum", "--journal", "task", "a"}).empty());
    CHECK(bash_complete(box, {"momentum", "task", "add", "--why", "x", "--i"}) == "--importance\n");
  }
  SECTION("free text completes nothing; files complete for --output") {
    CHECK(bash_complete(box, {"momentum", "task", "add", ""}).empty());
    Sandbox::write_file(box.dir() / "heatmap.svg", "");
    CHECK(bash_complete(box, {"momentum", "calendar", "--output", (box.dir() / "heat").string()}) ==
          (box.dir() / "heatmap.svg").string() + "\n");
  }
}

TEST_CASE("bash completes goals by title and tasks by number from the journal",
          "[e2e][completion][bash]") {
  Sandbox box;
  some_records(box);
  save_script(box, "bash");
  const std::string journal = box.journal().string();
  // The journal named on the line being completed is the one asked.
  CHECK(bash_complete(box, {"momentum", "--journal", journal, "log", "--goal", "Be"}) ==
        "Become\\ an\\ ML\\ engineer\n");
  CHECK(bash_complete(box, {"momentum", "log", "--journal=" + journal, "--goal", "w"}) ==
        "Write\\ blog\\ posts\n");
  CHECK(bash_complete(box, {"momentum", "--journal", journal, "goal", "show", ""}) ==
        "1 -- Become an ML engineer\n2 -- Write blog posts\n");
  CHECK(bash_complete(box, {"momentum", "--journal", journal, "goal", "show", "2"}) == "2\n");
  CHECK(bash_complete(box, {"momentum", "--journal", journal, "task", "done", ""}) ==
        "1 -- Finish the Titanic tutorial\n3 -- Post about it\n");
  CHECK(bash_complete(box, {"momentum", "--journal", journal, "sprint", "add", "1", ""}) ==
        "1 -- Finish the Titanic tutorial\n3 -- Post about it\n");
  // No --journal: the default journal (in the sandbox's empty HOME) has nothing.
  CHECK(bash_complete(box, {"momentum", "log", "--goal", ""}).empty());
}

TEST_CASE("__complete lists records for the scripts and never fails", "[e2e][completion]") {
  Sandbox box;
  const auto check_silent = [&](const std::vector<std::string>& args, const std::string& out) {
    INFO(joined(args));
    const Result r = box.run(args);
    CHECK(r.code == 0);
    CHECK(r.out == out);
    CHECK(r.err.empty());
  };
  check_silent({"__complete", "goals"}, "");  // no journal yet
  CHECK_FALSE(box.journal_exists());
  some_records(box);
  check_silent({"__complete", "goals"}, "1\tBecome an ML engineer\n2\tWrite blog posts\n");
  check_silent({"__complete", "tasks"}, "1\tFinish the Titanic tutorial\n3\tPost about it\n");
  check_silent({"__complete", "sprints"}, "");
  check_silent({"__complete", "frobs"}, "");
  check_silent({"__complete"}, "");
  box.write_journal(
      header_line() + "{not json\n" +
      goal_line("0b9ad3a0-0000-4000-8000-000000000001", "2026-03-02T09:00:00.000Z", "Kaggle"));
  check_silent({"__complete", "goals"}, "");
}

TEST_CASE("the hidden __complete is not offered as a command", "[e2e][completion]") {
  Sandbox box;
  const Result help = box.run_raw({"--help"});
  CHECK(help.out.find("completion") != std::string::npos);
  CHECK(help.out.find("__complete") == std::string::npos);
  const Result r = box.run({"frob"});
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::EndsWith(" or completion\n"));  // the last of the list
  // A near miss of the hidden name gets the same list and no "did you mean".
  const std::string expected = r.err.substr(r.err.find("expected "));
  check_rejects(
      box, {"__complet"},
      "unknown command '__complet' for 'momentum'; " + expected.substr(0, expected.size() - 1));
}

// Drives an interactive zsh in a pseudo-terminal (zsh/zpty): it loads the script from $fpath
// (argument 1 "fpath") or by sourcing it ("source"), types argument 2 and a TAB, and prints
// each match compadd receives ("match -- description"). After zsh-capture-completion.
constexpr const char* zsh_capture = R"ZSH(
zmodload zsh/zpty
zpty z zsh -f -i
init=$HOME/capture-init.zsh
{
  print -r -- 'PROMPT='
  # Only the completion system's own functions: compinit then starts fast.
  print -r -- 'fpath=(${(M)fpath:#*/Completion(|/Base|/Zsh|/Unix)})'
  [[ $1 == fpath ]] && print -r -- "fpath=($DIR \$fpath)"
  print -r -- "autoload -U compinit; compinit -u -d $HOME/zcompdump-$1"
  [[ $1 == source ]] && print -r -- "source $DIR/_momentum"
  print -r -- 'bindkey "^I" complete-word'
  print -r -- 'null-line() { echo -E - $'"'"'\0'"'"' }'
  print -r -- 'compprefuncs=(null-line); comppostfuncs=(null-line exit)'
  print -r -- 'zstyle ":completion:*" list-grouped false'
  print -r -- 'compadd() {
    [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]] && { builtin compadd "$@"; return }
    local -a hits dscr; local t i
    if (( $@[(I)-d] )); then
      t=${@[$[${@[(i)-d]}+1]]}
      if [[ $t == \(* ]]; then eval "dscr=$t"; else dscr=("${(@P)t}"); fi
    fi
    builtin compadd -A hits -D dscr "$@"
    for i in {1..$#hits}; do echo -E - $IPREFIX$hits[$i]${dscr[$i]:+ -- $dscr[$i]}; done
  }'
  print -r -- 'echo ok'
} > $init
zpty -w z "source $init"
repeat 8; do zpty -r z line; [[ $line == ok* ]] && break; done
zpty -w z "$2"$'\t'
integer seen=0
while zpty -r z; do :; done | while IFS= read -r line; do
  if [[ $line == *$'\0\r' ]]; then (( seen++ )) && exit 0 || continue; fi
  (( seen )) && print -r -- ${line%$'\r'}
done
)ZSH";

TEST_CASE("zsh completes from $fpath and when sourced", "[e2e][completion][zsh]") {
  Sandbox box;
  const std::string zsh = installed("zsh");
  if (zsh.empty()) {
    WARN("zsh is not installed: its completions are not exercised");
    return;
  }
  some_records(box);
  const Result made = box.run_raw({"completion", "zsh"});
  REQUIRE(made.code == 0);
  Sandbox::write_file(box.dir() / "_momentum", made.out);
  std::filesystem::create_directories(box.dir() / "home");
  Sandbox::write_file(box.dir() / "capture.zsh", zsh_capture);
  const auto complete = [&](const std::string& how, const std::string& line) {
    INFO("zsh (" << how << "): " << line);
    const Result r = run_program(
        box, {"/usr/bin/timeout", "60", zsh, "-f", "-c",
              "DIR=" + box.dir().string() + " source " + (box.dir() / "capture.zsh").string() +
                  " " + how + " '" + line + "'"});
    CHECK(r.code == 0);
    return r.out;
  };
  CHECK(complete("fpath", "momentum go") ==
        "goal -- goal        -- Long-term aims: add, list, show, edit, pause…\n");
  CHECK(complete("source", "momentum task add --kind ") == "learn\ndo\n");
  CHECK(complete("fpath", "momentum task list --status=dr") == "--status=dropped\n");
  const std::string journal = " --journal " + box.journal().string();
  CHECK(complete("source", "momentum" + journal + " log --goal Wr") == "Write\\ blog\\ posts\n");
  CHECK(complete("fpath", "momentum" + journal + " task done ") ==
        "1 -- 1  -- Finish the Titanic tutorial\n3 -- 3  -- Post about it\n");
}

TEST_CASE("fish completes commands, values and goals", "[e2e][completion][fish]") {
  Sandbox box;
  const std::string fish = installed("fish");
  if (fish.empty()) {
    WARN("fish is not installed: its completions are not exercised");
    return;
  }
  some_records(box);
  const std::string file = save_script(box, "fish");
  const auto complete = [&](const std::string& line) {
    INFO("fish: complete -C '" << line << "'");
    const Result r = run_program(
        box, {fish, "--no-config", "-c", "source " + file + "; complete -C '" + line + "'"});
    INFO(r.err);
    CHECK(r.code == 0);
    return r.out;
  };
  CHECK(complete("momentum go") == "goal\tLong-term aims: add, list, show, edit, pause…\n");
  CHECK(complete("momentum task add --ki") == "--kind\tlearn or do (default do)\n");
  // Values keep their order and show the option's help.
  CHECK(complete("momentum task add x --kind ") ==
        "learn\tlearn or do (default do)\ndo\tlearn or do (default do)\n");
  CHECK(complete("momentum completion ") == "bash\nzsh\nfish\n");
  const std::string journal = box.journal().string();
  CHECK(complete("momentum --journal " + journal + " log --goal ") ==
        "1\tBecome an ML engineer\n2\tWrite blog posts\n");
  CHECK(complete("momentum log --journal=" + journal + " --goal Wr") ==
        "Write blog posts\tgoal 2\n");
  CHECK(complete("momentum --journal " + journal + " task done ") ==
        "1\tFinish the Titanic tutorial\n3\tPost about it\n");
}
