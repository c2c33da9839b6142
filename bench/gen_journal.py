#!/usr/bin/env python3
"""Writes a realistic momentum journal (default 100k events, ~10 years of heavy use).

Usage: bench/gen_journal.py OUT [EVENTS]         EVENTS events in all (the default mix)
       bench/gen_journal.py OUT --tasks N        a task-heavy journal holding exactly N tasks
       bench/gen_journal.py OUT --logs N         the default mix until it holds N check-ins

Deterministic (seeded), so runs compare like with like. The events span 2016-01-01 to
2025-12-29; the last one starts a sprint (its day to 2026-01-07) with the five newest tasks,
so with MOMENTUM_NOW=2026-01-01 (what bench/bench.py sets) a sprint is running.
bench/to_peers.py turns the same journal (through `momentum export`) into a Taskwarrior import
file and a Timewarrior database.
"""
import argparse
import json
import random
import uuid
from datetime import datetime, timedelta, timezone

START = datetime(2016, 1, 1, 8, 0, tzinfo=timezone.utc)
SPAN = timedelta(days=3650)
SPRINT_END = "2026-01-07"


def local_day(ts):
    """The day of `ts` at +01:00 with days starting at 04:00, as momentum reads it."""
    return (ts + timedelta(hours=1) - timedelta(hours=4)).date().isoformat()


def ops(rng, heavy, done):
    """Yields (id, op, data) with the day left to fill in; `done(counts)` ends the stream."""
    goals, tasks, logs = [], [], []
    counts = {"events": 0, "tasks": 0, "logs": 0}
    while not done(counts):
        eid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        r = rng.random()
        if heavy:  # 50% task.add, 20% task done, 6% deferrals, 4% check-in edits, 20% check-ins
            r = r * 0.3 if r < 0.5 else 0.15 + (r - 0.5) * 0.5 if r < 0.8 else r
        if not goals or (r < 0.002 and len(goals) < 40):
            op, data = "goal.add", {"title": f"Goal {len(goals) + 1}", "cadence": "daily",
                                    "importance": 3, "tags": []}
            goals.append(eid)
        elif r < 0.15 or not tasks:
            op, data = "task.add", {"title": f"Task {len(tasks) + 1}: practise feature engineering",
                                    "goal": rng.choice(goals), "kind": rng.choice(["learn", "do"]),
                                    "importance": rng.randint(1, 5), "tags": ["kaggle"]}
            tasks.append(eid)
        elif r < 0.25:
            op, data = "task.status", {"task": rng.choice(tasks[-50:]), "status": "done"}
        elif r < 0.28:
            op, data = "task.defer", {"task": rng.choice(tasks[-50:]), "from": None, "to": None,
                                      "reason": "busy"}
        elif r < 0.30 and logs:
            op, data = "log.edit", {"log": rng.choice(logs[-20:]), "minutes": rng.randint(5, 120)}
        else:
            op, data = "log.add", {"day": None, "minutes": rng.randint(5, 120),
                                   "kind": rng.choice(["learn", "do"]), "goal": rng.choice(goals),
                                   "task": rng.choice(tasks[-30:]),
                                   "note": "notebook",
                                   "tags": []}
            logs.append(eid)
        counts["events"] += 1
        counts["tasks"] += op == "task.add"
        counts["logs"] += op == "log.add"
        yield eid, op, data
    sprint = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    yield sprint, "sprint.start", {"title": "Ship the benchmark", "start": None, "end": None,
                                   "goal": goals[0], "tasks": tasks[-5:]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("events", nargs="?", type=int, default=100_000)
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--tasks", type=int, help="a task-heavy journal with exactly N tasks")
    group.add_argument("--logs", type=int, help="the default mix until it holds N check-ins")
    args = ap.parse_args()
    if args.tasks:
        events = list(ops(random.Random(42), True, lambda c: c["tasks"] >= args.tasks))
    elif args.logs:
        events = list(ops(random.Random(42), False, lambda c: c["logs"] >= args.logs))
    else:  # the last of EVENTS events is the sprint
        events = list(ops(random.Random(42), False, lambda c: c["events"] >= args.events - 1))

    step = SPAN / len(events)
    lines = [json.dumps({"momentum": "journal", "version": 1,
                         "created": START.strftime("%Y-%m-%dT%H:%M:%S.000Z")})]
    for i, (eid, op, data) in enumerate(events):
        ts = START + step * i
        day = local_day(ts)
        if op == "task.defer":
            data["to"] = day
        elif op == "sprint.start":
            data["start"] = day
            data["end"] = SPRINT_END
        if op != "log.edit":  # a log.edit's day would move the check-in
            data["day"] = day
        ts_text = ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond // 1000:03d}Z"
        lines.append(json.dumps({"id": eid, "ts": ts_text, "tz": "+01:00", "op": op, "data": data},
                                separators=(",", ":")))
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
