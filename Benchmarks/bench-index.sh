#!/usr/bin/env bash
# Warm-index runs on one corpus (default heavy), kept apart from bench.sh so the two can change
# independently: the C floor, cold (--no-index) and warm review, check and new --print, and one
# changed entry against nothing changed. Prints hyperfine's table; CPU time (user + system) is
# the fairer figure on a busy machine.
#
#   swift build -c release && make bench-floor && Benchmarks/bench-index.sh [size] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-heavy}
RUNS=${2:-7}
AS_OF=${AS_OF:-2026-11-28}
JOURNAL=$PWD/.build/release/journal
FLOOR=$PWD/Benchmarks/floor/cmark-floor
[ -x "$JOURNAL" ] || { echo "bench-index.sh: run swift build -c release first" >&2; exit 2; }
[ -x "$FLOOR" ] || { echo "bench-index.sh: run make bench-floor first" >&2; exit 2; }
[ -f "Benchmarks/corpora/$SIZE/journal.yml" ] || python3 Benchmarks/generate.py "$SIZE"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A copy, so touching one entry never changes the shared corpus; its own index cache.
cp -a "Benchmarks/corpora/$SIZE" "$work/corpus"
export XDG_CACHE_HOME=$work/cache
corpus=$work/corpus
changed=$(find "$corpus" -name '*.md' | sort | awk 'NR <= 1800 { last = $0 } END { print last }')
sleep 3  # past the racy window of the copy's change times, so every record is stored
"$JOURNAL" check --journal "$corpus" 2>/dev/null || true

hyperfine -N -i --warmup 2 --runs "$RUNS" \
    -n floor "$FLOOR $corpus" \
    -n review-cold "$JOURNAL review --journal $corpus --format json --as-of $AS_OF --no-index" \
    -n review-warm "$JOURNAL review --journal $corpus --format json --as-of $AS_OF" \
    -n check-cold "$JOURNAL check --journal $corpus --no-index" \
    -n check-warm "$JOURNAL check --journal $corpus" \
    -n check-warm-one-changed --prepare "touch $changed" "$JOURNAL check --journal $corpus" \
    -n new-print-cold "$JOURNAL new --print --journal $corpus --date $AS_OF --no-index" \
    -n new-print-warm "$JOURNAL new --print --journal $corpus --date $AS_OF"

# The index never changes an answer.
"$JOURNAL" review --journal "$corpus" --format json --as-of "$AS_OF" >"$work/warm.json" || true
"$JOURNAL" review --journal "$corpus" --format json --as-of "$AS_OF" --no-index >"$work/cold.json" || true
cmp "$work/warm.json" "$work/cold.json" && echo "bench-index.sh: warm and cold reviews are byte-identical"
