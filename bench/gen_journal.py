#!/usr/bin/env python3
"""Writes a realistic momentum journal of N events (default 100k, ~10 years of heavy use).

Usage: bench/gen_journal.py OUT [EVENTS]
Deterministic (seeded), so runs compare like with like.
"""
import json
import random
import sys
import uuid
from datetime import datetime, timedelta, timezone

def main():
    out = sys.argv[1]
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    rng = random.Random(42)
    start = datetime(2016, 1, 1, 8, 0, tzinfo=timezone.utc)
    step = timedelta(days=3650) / total
    goals, tasks, logs = [], [], []
    lines = [json.dumps({"momentum": "journal", "version": 1,
                         "created": start.strftime("%Y-%m-%dT%H:%M:%S.000Z")})]
    for i in range(total):
        ts = start + step * i
        day = (ts + timedelta(hours=1) - timedelta(hours=4)).date().isoformat()
        eid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        r = rng.random()
        if not goals or (r < 0.002 and len(goals) < 40):
            op, data = "goal.add", {"title": f"Goal {len(goals) + 1}", "cadence": "daily",
                                    "importance": 3, "tags": [], "day": day}
            goals.append(eid)
        elif r < 0.15 or not tasks:
            op, data = "task.add", {"title": f"Task {len(tasks) + 1}: practise feature engineering",
                                    "goal": rng.choice(goals), "kind": rng.choice(["learn", "do"]),
                                    "importance": rng.randint(1, 5), "tags": ["kaggle"], "day": day}
            tasks.append(eid)
        elif r < 0.25:
            op, data = "task.status", {"task": rng.choice(tasks[-50:]), "status": "done", "day": day}
        elif r < 0.28:
            op, data = "task.defer", {"task": rng.choice(tasks[-50:]), "from": None, "to": day,
                                      "reason": "busy", "day": day}
        elif r < 0.30 and logs:
            op, data = "log.edit", {"log": rng.choice(logs[-20:]), "minutes": rng.randint(5, 120)}
        else:
            op, data = "log.add", {"day": day, "minutes": rng.randint(5, 120),
                                   "kind": rng.choice(["learn", "do"]), "goal": rng.choice(goals),
                                   "task": rng.choice(tasks[-30:]),
                                   "note": "notebook",
                                   "tags": []}
            logs.append(eid)
        ts_text = ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond // 1000:03d}Z"
        lines.append(json.dumps({"id": eid, "ts": ts_text, "tz": "+01:00", "op": op, "data": data},
                                separators=(",", ":")))
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")

if __name__ == "__main__":
    main()
