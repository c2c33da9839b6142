#!/usr/bin/env python3
"""Converts a momentum journal's export into the same data for Taskwarrior and Timewarrior.

Usage: bench/to_peers.py EXPORT.json [--taskwarrior FILE] [--timewarrior DIR]
EXPORT.json is `momentum --journal J export --format json` of a generated journal, so both
peers get what momentum's own replay made of it (not a second reading of the journal):
- FILE: one Taskwarrior task per line, for `task import`: every task with its uuid, title
  (description), status (todo/doing: pending, with `start` when doing; done: completed;
  dropped: deleted), entry, end, due (the day, 00:00 UTC), project (the goal's title), tags and
  priority (importance 4-5: H, 3: M, 1-2: L).
- DIR: a Timewarrior database (timewarrior.cfg, empty; data/YYYY-MM.data; data/tags.data):
  every check-in with a duration as an interval that ends when it was logged and lasts its
  minutes, tagged with its goal's title, its kind and its tags. Check-ins without minutes have
  no interval (counted).
Prints the counts of both sides.
"""
import argparse
import json
import os
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone


def instant(text):
    """An RFC 3339 instant as Taskwarrior and Timewarrior write it: 20260101T100000Z."""
    t = datetime.strptime(text[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc)
    return t


def compact(t):
    return t.strftime("%Y%m%dT%H%M%SZ")


def tw_tag(tag):
    return '"' + tag.replace('"', '\\"') + '"' if " " in tag or '"' in tag else tag


def taskwarrior(state, path):
    goals = {g["num"]: g["title"] for g in state["goals"]}
    status = {"todo": "pending", "doing": "pending", "done": "completed", "dropped": "deleted"}
    priority = {5: "H", 4: "H", 3: "M", 2: "L", 1: "L"}
    counts = Counter()
    with open(path, "w") as f:
        for t in state["tasks"]:
            entry = compact(instant(t["created"]))
            task = {"uuid": t["id"], "description": t["title"], "status": status[t["status"]],
                    "entry": entry, "modified": entry, "priority": priority[t["importance"]]}
            if t.get("goal") is not None:
                task["project"] = goals[t["goal"]]
            if t.get("tags"):
                task["tags"] = t["tags"]
            if t.get("due"):
                task["due"] = t["due"].replace("-", "") + "T000000Z"
            if t["status"] == "doing" and t.get("started"):
                task["start"] = compact(instant(t["started"]))
            if t["status"] in ("done", "dropped") and t.get("finished"):
                task["end"] = task["modified"] = compact(instant(t["finished"]))
            counts[task["status"]] += 1
            f.write(json.dumps(task, separators=(",", ":")) + "\n")
    return counts


def timewarrior(state, root):
    goals = {g["num"]: g["title"] for g in state["goals"]}
    months = defaultdict(list)
    tags = Counter()
    untimed = 0
    for log in state["logs"]:
        if not log.get("minutes"):
            untimed += 1
            continue
        end = instant(log["logged_at"])
        start = end - timedelta(minutes=log["minutes"])
        names = ([goals[log["goal"]]] if log.get("goal") is not None else []) + [log["kind"]]
        names += [t for t in log.get("tags", []) if t not in names]
        tags.update(names)
        # Timewarrior files an interval under the month it starts in, sorted by start.
        months[start.strftime("%Y-%m")].append(
            (start, f"inc {compact(start)} - {compact(end)} # {' '.join(map(tw_tag, names))}"))
    os.makedirs(os.path.join(root, "data"), exist_ok=True)
    open(os.path.join(root, "timewarrior.cfg"), "w").close()
    for month, lines in months.items():
        lines.sort(key=lambda x: x[0])
        with open(os.path.join(root, "data", month + ".data"), "w") as f:
            f.writelines(line + "\n" for _, line in lines)
    with open(os.path.join(root, "data", "tags.data"), "w") as f:
        json.dump({tag: {"count": n} for tag, n in sorted(tags.items())}, f, indent=2)
    return sum(len(v) for v in months.values()), untimed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("export")
    ap.add_argument("--taskwarrior", metavar="FILE")
    ap.add_argument("--timewarrior", metavar="DIR")
    args = ap.parse_args()
    with open(args.export) as f:
        state = json.load(f)["state"]
    counts = Counter(t["status"] for t in state["tasks"])
    print(f"momentum: {len(state['tasks'])} tasks ({dict(sorted(counts.items()))}), "
          f"{len(state['logs'])} check-ins")
    if args.taskwarrior:
        tw = taskwarrior(state, args.taskwarrior)
        print(f"taskwarrior import: {sum(tw.values())} tasks ({dict(sorted(tw.items()))})")
    if args.timewarrior:
        intervals, untimed = timewarrior(state, args.timewarrior)
        print(f"timewarrior database: {intervals} intervals ({untimed} check-ins without minutes)")


if __name__ == "__main__":
    main()
