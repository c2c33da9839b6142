#!/usr/bin/env python3
"""Times momentum's commands against two floors and against Taskwarrior and Timewarrior.

Usage: bench/bench.py [--sizes "1000 100000 1000000"] [--runs N] [--big-runs N]
       bench/bench.py peers [--runs N]
`make bench` and `make bench-peers` build what this needs first (the release binary, the floors
in build/bench/floors) and install hyperfine, GNU time, Taskwarrior and Timewarrior from Debian;
docs/performance.md says what each row measures. Python 3 standard library only.

Everything lives under build/bench: generated journals and the peers' data are cached there
(regenerated when bench/gen_journal.py or bench/to_peers.py changes), each run works on copies.
Every command runs with MOMENTUM_NOW=2026-01-01T10:00:00Z, TZ=UTC and HOME, XDG_* pointing into
build/bench/home, so no user file is read or written; Taskwarrior gets its own TASKRC and
TASKDATA there, Timewarrior its own TIMEWARRIORDB.
"""
import argparse
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
OUT = os.path.join(ROOT, "build", "bench")
MOMENTUM = os.path.join(ROOT, "build", "release", "momentum")
FLOOR = os.path.join(OUT, "floors", "floor")
PARSE_FLOOR = os.path.join(OUT, "floors", "parse_floor")
HOME = os.path.join(OUT, "home")
NOW = "2026-01-01T10:00:00Z"
FIRST_DAY = "2016-01-01"  # the generated journals' first day
BIG = 1_000_000  # from this size on, --big-runs


def env():
    e = {k: v for k, v in os.environ.items()
         if not k.startswith(("MOMENTUM_", "XDG_", "TASK", "TIMEWARRIOR"))}
    e.update(MOMENTUM_NOW=NOW, TZ="UTC", NO_COLOR="1", LC_ALL="C.UTF-8", HOME=HOME,
             XDG_CONFIG_HOME=os.path.join(HOME, "config"),
             XDG_CACHE_HOME=os.path.join(HOME, "cache"),
             XDG_DATA_HOME=os.path.join(HOME, "data"),
             TASKRC=os.path.join(HOME, "taskrc"), TASKDATA=os.path.join(HOME, "no-taskdata"))
    return e


ENV = None
CACHE = os.path.join(HOME, "cache", "momentum")


def say(*args):
    print(*args, file=sys.stderr, flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, env=kw.pop("env", ENV), check=True, **kw)


def fresh(target, *sources):
    """True when `target` exists and is newer than every source."""
    return os.path.exists(target) and all(
        os.path.getmtime(target) >= os.path.getmtime(s) for s in sources)


def journal(name, *gen_args):
    """A generated journal under build/bench/journals, made once (atomically) and cached."""
    path = os.path.join(OUT, "journals", name + ".jsonl")
    if not fresh(path, os.path.join(BENCH, "gen_journal.py")):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        say(f"generating {path} …")
        run([sys.executable, os.path.join(BENCH, "gen_journal.py"), path + ".tmp", *gen_args])
        os.replace(path + ".tmp", path)
    return path


def m(j, *args):
    return [MOMENTUM, "--journal", j, *args]


def restore_and_warm(base, work):
    """A --prepare command: put the journal copy back and rebuild momentum's cache for it,
    so the write that follows is timed on a warm cache, as after any earlier command."""
    script = 'cp "$1" "$2" && "$3" --journal "$2" -q prompt >/dev/null'
    return ["sh", "-c", script, "sh", base, work, MOMENTUM]


def hyperfine(cmd, runs, warmup, prepare=None):
    """The median wall time of `cmd` in ms (hyperfine -N: no shell in between). `remind`
    exits 1 when it has something to say, so its exit code is not checked."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        args = ["hyperfine", "-N", "--style", "none", "--warmup", str(warmup),
                "--runs", str(runs), "--export-json", out.name]
        if "remind" in cmd:
            args.append("--ignore-failure")
        if prepare:
            args += ["--prepare", shlex.join(prepare)]
        proc = subprocess.run(args + [shlex.join(cmd)], env=ENV, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            say(f"FAILED: {shlex.join(cmd)}\n{proc.stderr}")
            return None
        return json.load(out)["results"][0]["median"] * 1000


def peak_rss(cmd, prepare=None, runs=3):
    """The median peak RSS in MiB of `cmd` over `runs` runs (/usr/bin/time -f %M, KiB)."""
    samples = []
    with tempfile.NamedTemporaryFile() as out:
        for _ in range(runs):
            if prepare:
                run(prepare, stdout=subprocess.DEVNULL)
            subprocess.run(["/usr/bin/time", "-f", "%M", "-o", out.name, *cmd], env=ENV,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with open(out.name) as f:
                samples.append(int(f.read().split()[-1]) / 1024)
    return statistics.median(samples)


SLOW = 10  # seconds


LIMIT = 60  # seconds: a single run is stopped after this long


def single_run(cmd, prepare=None):
    """One run's wall time in ms and peak RSS in MiB (/usr/bin/time -f "%e %M"); a run
    stopped after LIMIT seconds gives (None, None)."""
    if prepare:
        run(prepare, stdout=subprocess.DEVNULL)
    with tempfile.NamedTemporaryFile() as out:
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%e %M", "-o", out.name, *cmd], env=ENV,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        try:
            proc.wait(timeout=LIMIT)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 15)
            proc.wait()
            return None, None
        with open(out.name) as f:
            seconds, kib = f.read().split()[-2:]
    return float(seconds) * 1000, int(kib) / 1024


def open_task(j, skip):
    """An open task's number, not among `skip`, for the writes that need one. From the text
    table: `--json` adds each task's minutes logged, which scans every check-in per task."""
    out = run(m(j, "task", "list"), capture_output=True, text=True).stdout
    nums = [int(line.split()[0]) for line in out.splitlines()[1:] if line.split()[:1] != []
            and line.split()[0].isdigit()]
    return next(n for n in nums if n not in skip)


# (name, argv after the journal, ratio against: "floor"/"parse", target: (kind, limit))
#   kind "floor": ≤ limit × the floor at every size; "parse": ≤ limit × the parse floor at
#   100k and 1M; None: the issue sets no time target (peak RSS still counts).
def reads():
    return [
        ("prompt", ["prompt"], "floor", ("floor", 2)),
        ("today", ["today"], "floor", ("floor", 3)),
        ("remind", ["remind"], "floor", ("floor", 3)),
        ("task next", ["task", "next"], "floor", ("floor", 3)),
        ("task list", ["task", "list"], "floor", None),
        ("streak", ["streak"], "floor", ("floor", 3)),
        ("goal show 1", ["goal", "show", "1"], "floor", ("floor", 3)),
        ("task show 1", ["task", "show", "1"], "floor", ("floor", 3)),
        ("sprint status", ["sprint", "status"], "floor", ("floor", 3)),
        ("log list", ["log", "list"], "floor", ("floor", 3)),
        ("stats (28 days)", ["stats"], "floor", None),
        ("review (this week)", ["review"], "floor", None),
        (f"stats --since {FIRST_DAY} (all time)", ["stats", "--since", FIRST_DAY], "parse",
         ("parse", 2)),
        ("review --since 2025-01-01 (a year)", ["review", "--since", "2025-01-01"], "parse",
         ("parse", 2)),
        # 260 weeks (five years) is the most `calendar --weeks` accepts; the issue names 520.
        ("calendar --weeks 260", ["calendar", "--weeks", "260"], "parse", ("parse", 2)),
        ("export --format json", ["export", "--format", "json"], "parse", ("parse", 2)),
    ]


def writes(task, other):
    return [
        ("log 5m bench --goal 1", ["log", "5m", "bench", "--goal", "1"]),
        ("log skip --goal 1", ["log", "skip", "--goal", "1"]),
        ("task add", ["task", "add", "Bench task", "--goal", "1"]),
        (f"task done {task}", ["task", "done", str(task)]),
        (f"task defer {task}", ["task", "defer", str(task), "--to", "2026-01-20"]),
        (f"task edit {task}", ["task", "edit", str(task), "--title", "Renamed"]),
        ("goal add", ["goal", "add", "Bench goal"]),
        ("goal edit 1", ["goal", "edit", "1", "--importance", "4"]),
        ("sprint start", ["sprint", "start", "Bench sprint", "--start", "2026-01-10"]),
        (f"sprint add {other}", ["sprint", "add", str(other)]),
    ]


def verdict(target, ratio, size):
    if target is None:
        return "—", "no target"
    kind, limit = target
    text = f"≤ {limit}× {'floor' if kind == 'floor' else 'parse floor'}"
    if kind == "parse" and size < 100_000:
        return text + " (at 100k, 1M)", "—"
    if ratio is None:
        return text, "FAIL (error)"
    return text, "PASS" if ratio <= limit else "FAIL"


def bench_size(size, runs, warmup):
    base = journal(f"events-{size}", str(size))
    work_dir = os.path.join(OUT, f"run-{size}")
    os.makedirs(work_dir, exist_ok=True)
    work = os.path.join(work_dir, "journal.jsonl")
    shutil.copyfile(base, work)
    shutil.rmtree(CACHE, ignore_errors=True)
    run(m(work, "-q", "prompt"), stdout=subprocess.DEVNULL)  # builds the cache
    mib = os.path.getsize(base) / 2**20
    say(f"== {size} events ({mib:.0f} MiB): {runs} runs, {warmup} warm-up(s) each")

    rows = []  # (name, ms, ratio, against, rss, target, result)
    floor = hyperfine([FLOOR, "task", "next"], runs, warmup)
    parse = hyperfine([PARSE_FLOOR, work], runs, warmup)
    rows.append(("floor (CLI11 + fmt: parse, print a line)", floor, None, "",
                 peak_rss([FLOOR, "task", "next"]), "—", ""))
    rows.append(("parse floor (simdjson, every line)", parse, None, "",
                 peak_rss([PARSE_FLOOR, work]), "—", ""))

    def add(name, cmd, against, target, prepare=None):
        say(f"   {name}")
        # A command that takes over SLOW seconds once is timed by that one run (wall time and
        # peak RSS from /usr/bin/time), so that 1M events stay affordable.
        probe = single_run(cmd, prepare)
        if probe[0] is None:
            ms, rss, name = None, None, name + f" (stopped after {LIMIT} s)"
        elif probe[0] > SLOW * 1000:
            ms, rss, name = probe[0], probe[1], name + " (1 run)"
        else:
            ms = hyperfine(cmd, runs, max(0, warmup - 1), prepare)
            rss = peak_rss(cmd, prepare, 1 if size >= BIG else 3)
        ref = floor if against == "floor" else parse
        ratio = ms / ref if ms is not None and ref else None
        text, result = verdict(target, ratio, size)
        if size >= BIG:
            ok = rss is not None and rss <= 40
            result = (result + ", " if result not in ("", "—") else "") + \
                f"RSS {'PASS' if ok else 'FAIL'}"
        rows.append((name, ms, ratio, "floor" if against == "floor" else "parse floor", rss,
                     text, result))
        say(f"   {name}: {fmt_ms(ms)} ms, {fmt_rss(rss)} MiB")

    for name, args, against, target in reads():
        add(name, m(work, *args), against, target)
    # prompt on a new day or after the journal changed: its memo does not hold, so it reads
    # the recent State (the row "prompt" above answers from the memo).
    add("prompt, memo removed", m(work, "prompt"), "floor", None,
        prepare=["sh", "-c", f'rm -f "{CACHE}"/*.prompt'])
    # The first command after the cache is deleted: a whole rebuild.
    add("today, cache deleted", m(work, "today"), "parse", ("parse", 2),
        prepare=["rm", "-rf", CACHE])
    run(m(work, "-q", "prompt"), stdout=subprocess.DEVNULL)
    # The two oldest open tasks: the sprint plans the five newest (bench/gen_journal.py).
    task = open_task(work, set())
    other = open_task(work, {task})
    for name, args in writes(task, other):
        add(name, m(work, *args), "floor", ("floor", 3), prepare=restore_and_warm(base, work))
    shutil.copyfile(base, work)
    return mib, rows


def fmt_rss(rss):
    return "—" if rss is None else f"{rss:.1f}"


def fmt_ms(ms):
    return "error" if ms is None else f"{ms:.1f}" if ms < 100 else f"{ms:.0f}"


def table(size, mib, rows, runs, warmup):
    lines = [f"### {size:,} events ({mib:.0f} MiB journal; hyperfine -N, {warmup} warm-up(s), "
             f"median of {runs} runs; peak RSS: {'1 run' if size >= BIG else 'median of 3'})",
             "",
             "| command | median ms | ratio | to | peak RSS MiB | target | result |",
             "|---|---:|---:|---|---:|---|---|"]
    for name, ms, ratio, against, rss, target, result in rows:
        r = "" if ratio is None else f"{ratio:.1f}×"
        lines.append(f"| `{name}` | {fmt_ms(ms)} | {r} | {against} | {fmt_rss(rss)} | {target} | "
                     f"{result} |")
    return "\n".join(lines) + "\n"


def header(title):
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "src", "include"],
                           capture_output=True, text=True).stdout.strip()
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.machine())
    load = open("/proc/loadavg").read().split()[:3]
    return (f"## {title}\n\n{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, commit {commit}"
            f"{' (src/include modified)' if dirty else ''}, {os.cpu_count()} × {cpu}, "
            f"load average at the start {' '.join(load)}.\n")


def setup():
    global ENV
    ENV = env()
    for d in ("config", "cache", "data"):
        os.makedirs(os.path.join(HOME, d), exist_ok=True)
    for exe in (MOMENTUM, FLOOR, PARSE_FLOOR):
        if not os.access(exe, os.X_OK):
            sys.exit(f"bench.py: {exe} is missing; run `make bench` (it builds it)")


def main_bench(args):
    setup()
    sizes = [int(s) for s in args.sizes.split()]
    report = [header("momentum against its floors")]
    for size in sizes:
        runs, warmup = (args.big_runs, 1) if size >= BIG else (args.runs, 3)
        mib, rows = bench_size(size, runs, warmup)
        report.append(table(size, mib, rows, runs, warmup))
        print(report[-1], flush=True)
    save("bench", "\n".join(report))


def save(name, text):
    path = os.path.join(OUT, time.strftime(f"{name}-%Y%m%dT%H%M%SZ.md", time.gmtime()))
    with open(path, "w") as f:
        f.write(text)
    say(f"written to {path}")


# ---- peers ---------------------------------------------------------------------------------

TASKRC = """# bench/bench.py: Taskwarrior for benchmarks only; never ~/.task (TASKDATA is set too).
data.location={data}
confirmation=off
verbose=nothing
hooks=off
color=off
detection=off
defaultwidth=120
news.version=2.6.0
"""


def peer_data(name, gen_args, taskwarrior):
    """The journal, its export and the peer's data under build/bench/peers, cached."""
    j = journal(name, *gen_args)
    peers = os.path.join(OUT, "peers")
    os.makedirs(peers, exist_ok=True)
    export = os.path.join(peers, name + ".export.json")
    if not fresh(export, j):
        run(m(j, "export", "--format", "json", "--output", export))
    convert = [sys.executable, os.path.join(BENCH, "to_peers.py"), export]
    if taskwarrior:
        data = os.path.join(peers, name + ".taskdata")
        done = os.path.join(data, "imported")
        if not fresh(done, export, os.path.join(BENCH, "to_peers.py")):
            shutil.rmtree(data, ignore_errors=True)
            os.makedirs(data)
            file = os.path.join(peers, name + ".task.json")
            run(convert + ["--taskwarrior", file])
            say(f"task import of {file} …")
            start = time.monotonic()
            run(["task", f"rc.data.location={data}", "import", file], env=task_env(data),
                stdout=subprocess.DEVNULL)
            run(["task", "list"], env=task_env(data), stdout=subprocess.DEVNULL)  # gc once
            say(f"task import took {time.monotonic() - start:.0f} s")
            open(done, "w").close()
        return j, data
    db = os.path.join(peers, name + ".timewarriordb")
    if not fresh(os.path.join(db, "timewarrior.cfg"), export, os.path.join(BENCH, "to_peers.py")):
        shutil.rmtree(db, ignore_errors=True)
        run(convert + ["--timewarrior", db])
    return j, db


def task_env(data):
    rc = os.path.join(HOME, "taskrc")
    with open(rc, "w") as f:
        f.write(TASKRC.format(data=data))
    e = dict(ENV)
    e.update(TASKRC=rc, TASKDATA=data)
    return e


def counts(j, data, kind):
    """Both sides' counts: what momentum holds and what the peer holds."""
    state = json.loads(run(m(j, "--json", "task", "list", "--all"),
                           capture_output=True).stdout) if kind == "task" else None
    if kind == "task":
        ours = {s: sum(t["status"] == s for t in state) for s in ("todo", "doing", "done",
                                                                    "dropped")}
        e = task_env(data)
        theirs = {s: int(run(["task", "count", f"status:{s}"], env=e, capture_output=True,
                             text=True).stdout) for s in ("pending", "completed", "deleted")}
        def text(c):
            return ", ".join(f"{k} {v}" for k, v in c.items())
        return (f"momentum {len(state)} tasks ({text(ours)}); Taskwarrior "
                f"{sum(theirs.values())} tasks ({text(theirs)})")
    intervals = 0
    for f in os.listdir(os.path.join(data, "data")):
        if f.endswith(".data") and f[:4].isdigit():
            with open(os.path.join(data, "data", f)) as fh:
                intervals += sum(line.startswith("inc ") for line in fh)
    logs = json.loads(run(m(j, "--json", "log", "list", "--all"), capture_output=True).stdout)
    n = len(logs["logs"]) if isinstance(logs, dict) else len(logs)
    return f"momentum {n} check-ins; Timewarrior {intervals} intervals"


def main_peers(args):
    global ENV
    setup()
    runs, warmup = args.runs, 2
    rows = []  # (comparison, data, peer ms, momentum ms, target ratio)
    notes = []
    for n in (10_000, 50_000):
        j, base = peer_data(f"tasks-{n}", ["--tasks", str(n)], True)
        notes.append(f"- {n // 1000}k tasks: {counts(j, base, 'task')}")
        work = os.path.join(OUT, "peers", f"work-tasks-{n}")
        data = work + ".taskdata"
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(base, data)
        shutil.copyfile(j, work + ".jsonl")
        saved, ENV = ENV, task_env(data)
        run(m(work + ".jsonl", "-q", "prompt"), stdout=subprocess.DEVNULL)
        say(f"== peers: {n} tasks")
        for name, ours, theirs, target in (
                ("task next", ["task", "next"], ["task", "next"], 20),
                ("task list", ["task", "list"], ["task", "list"], 20)):
            rows.append((name, f"{n // 1000}k tasks", hyperfine(theirs, runs, warmup),
                         hyperfine(m(work + ".jsonl", *ours), runs, warmup), target))
        restore = ["sh", "-c", 'rm -rf "$2" && cp -a "$1" "$2"', "sh", base, data]
        rows.append(("task add", f"{n // 1000}k tasks",
                     hyperfine(["task", "add", "Bench task", "project:Goal 1"], runs, warmup,
                               restore),
                     hyperfine(m(work + ".jsonl", "task", "add", "Bench task", "--goal", "1"),
                               runs, warmup, restore_and_warm(j, work + ".jsonl")),
                     50 if n == 50_000 else None))
        ENV = saved
        shutil.rmtree(data, ignore_errors=True)

    j, base = peer_data("logs-100000", ["--logs", "100000"], False)
    notes.append(f"- 100k check-ins: {counts(j, base, 'time')}")
    work = os.path.join(OUT, "peers", "work-logs-100000")
    db = work + ".timewarriordb"
    shutil.rmtree(db, ignore_errors=True)
    shutil.copytree(base, db)
    shutil.copyfile(j, work + ".jsonl")
    ENV = dict(ENV, TIMEWARRIORDB=db)
    run(m(work + ".jsonl", "-q", "prompt"), stdout=subprocess.DEVNULL)
    say("== peers: 100k intervals")
    rows.append((f"`timew summary :all` vs `stats --since {FIRST_DAY}`", "100k intervals",
                 hyperfine(["timew", "summary", ":all"], max(3, runs // 3), 1),
                 hyperfine(m(work + ".jsonl", "stats", "--since", FIRST_DAY), runs, warmup),
                 100))
    restore = ["sh", "-c", 'rm -rf "$2" && cp -a "$1" "$2"', "sh", base, db]
    rows.append(("`timew track` vs `log 5m`", "100k intervals",
                 hyperfine(["timew", "track", "2026-01-01T09:00:00Z", "-", "2026-01-01T09:05:00Z",
                            "bench"], runs, warmup, restore),
                 hyperfine(m(work + ".jsonl", "log", "5m", "bench", "--goal", "1"), runs, warmup,
                           restore_and_warm(j, work + ".jsonl")),
                 1))
    shutil.rmtree(db, ignore_errors=True)

    lines = [header("momentum against Taskwarrior and Timewarrior"),
             "Same data on both sides (counts):", "", *notes, "",
             f"hyperfine -N, {warmup} warm-ups, median of {runs} runs "
             f"(`timew summary :all`: 1 warm-up, {max(3, runs // 3)} runs).", "",
             "| command | data | peer ms | momentum ms | momentum is | target | result |",
             "|---|---|---:|---:|---:|---|---|"]
    for name, data, theirs, ours, target in rows:
        name = name if name.startswith("`") else f"`{name}`"
        speedup = theirs / ours if theirs and ours else None
        s = ("error" if speedup is None else f"{speedup:.1f}× faster" if speedup >= 1
             else f"{1 / speedup:.1f}× slower")
        t = "—" if target is None else ("no slower" if target == 1 else f"≥ {target}× faster")
        result = ("" if target is None else "FAIL (error)" if speedup is None
                  else "PASS" if speedup >= target else "FAIL")
        lines.append(f"| {name} | {data} | {fmt_ms(theirs)} | {fmt_ms(ours)} | {s} | {t} | "
                     f"{result} |")
    text = "\n".join(lines) + "\n"
    print(text, flush=True)
    save("bench-peers", text)


def main():
    global MOMENTUM
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", nargs="?", choices=["bench", "peers"], default="bench")
    ap.add_argument("--momentum", default=MOMENTUM,
                    help="the binary to time (default build/release/momentum)")
    ap.add_argument("--sizes", default="1000 100000 1000000", help="journal sizes in events")
    ap.add_argument("--runs", type=int, default=15, help="timed runs per command (default 15)")
    ap.add_argument("--big-runs", type=int, default=5,
                    help=f"timed runs per command at {BIG:,} events and more (default 5)")
    args = ap.parse_args()
    MOMENTUM = os.path.abspath(args.momentum)
    main_peers(args) if args.what == "peers" else main_bench(args)


if __name__ == "__main__":
    main()
