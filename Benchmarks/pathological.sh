#!/usr/bin/env bash
# Times `journal check` (release build) on each pathological input of cmark 0.31's
# test/pathological_tests.py and the extra shapes of issue 5, one journal per case, and prints
# the median of RUNS runs with what journal did (parsed, or the guard's reason).
#
#     Benchmarks/pathological.sh            # RUNS=5 by default
#     RAW=1 Benchmarks/pathological.sh      # also time bare libcmark (Benchmarks/floor), no guard:
#                                           # several cases take minutes with libcmark 0.30.2
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
BIN=.build/release/journal
[ -x "$BIN" ] || swift build -c release --product journal >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/pathological_cases.py "$work/cases" >/dev/null
if [ "${RAW:-0}" = 1 ]; then make -s bench-floor >/dev/null; fi

printf '%-34s %10s %12s %12s  %s\n' case bytes "median (s)" "raw cmark" "outcome"
for file in "$work"/cases/*.md; do
    name=$(basename "$file" .md)
    journal="$work/journals/$name"
    mkdir -p "$journal"
    : >"$journal/journal.yml"
    cp "$file" "$journal/2026-11-27.md"
    outcome=$("$BIN" check --journal "$journal" 2>&1 | grep -o 'warning: not parsed: [^(]*\|warning: not text' | head -1 || true)
    outcome=${outcome#warning: }
    [ -n "$outcome" ] || outcome=parsed
    hyperfine -N -i --runs "$RUNS" --warmup 1 --export-json "$work/$name.json" \
        "$BIN check --journal $journal" >/dev/null 2>&1
    median=$(python3 -c "import json,sys; print('%.4f' % json.load(open(sys.argv[1]))['results'][0]['median'])" "$work/$name.json")
    raw=-
    if [ "${RAW:-0}" = 1 ]; then
        start=$(date +%s.%N)
        Benchmarks/floor/cmark-floor "$journal" >/dev/null
        raw=$(python3 -c "import sys; print('%.3f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$start" "$(date +%s.%N)")
    fi
    printf '%-34s %10d %12s %12s  %s\n' "$name" "$(stat -c %s "$file")" "$median" "$raw" "$outcome"
done
