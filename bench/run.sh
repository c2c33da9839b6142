#!/usr/bin/env bash
# Measures momentum against the simdjson parse floor on generated journals.
# Usage: bench/run.sh [EVENTS...]   (default: 1000 100000); needs hyperfine (apt-get install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
make release >/dev/null
g++ -O2 -std=c++20 bench/parse_floor.cpp -lsimdjson -o build/release/parse_floor
export MOMENTUM_NOW=2026-01-01T10:00:00Z TZ=UTC
export XDG_CACHE_HOME="$(mktemp -d)"  # the journal cache, fresh for this run
bin=build/release/momentum
for n in "${@:-1000 100000}"; do
  for events in $n; do
    j=$(mktemp -d)/journal.jsonl
    python3 bench/gen_journal.py "$j" "$events"
    echo "== $events events, $(du -h "$j" | cut -f1)"
    "$bin" --journal "$j" today >/dev/null  # builds the cache
    hyperfine -N --warmup 3 --export-markdown - \
      "build/release/parse_floor $j" \
      "env XDG_CACHE_HOME=/dev/null $bin --journal $j today" \
      "$bin --journal $j today" \
      "$bin --journal $j prompt" \
      "$bin --journal $j task list" \
      "$bin --journal $j streak"
    cp "$j" "$j.w"
    hyperfine -N --warmup 3 --runs 30 "$bin --journal $j.w -q log 5m bench"
    /usr/bin/time -f "peak RSS today: %M KiB" "$bin" --journal "$j" today >/dev/null
  done
done
