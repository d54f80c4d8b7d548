#!/usr/bin/env bash
# Times `journal check` (release build) on each pathological input of cmark 0.31's
# test/pathological_tests.py, the extra shapes of issue 5 and journal's own worst shapes of
# issue 10 at the 2 MiB cap (the j-* cases), one journal per case, and prints the median of RUNS
# runs with what journal did (parsed, or the guard's reason). Then the shapes read by other
# commands: `show` with a 120 KB unknown reference, `templates` with sections nested at the
# 256 KiB template cap, and `check` with a billion-laughs journal.yml. Every row should be
# under 1 s. Not part of `make test`.
#
#     Benchmarks/pathological.sh            # RUNS=5 by default; LIMIT=10 s before a case times out
#     ONLY='j-identical*' Benchmarks/pathological.sh   # only the cases whose name matches a glob
#     RAW=1 Benchmarks/pathological.sh      # also time bare libcmark (Benchmarks/floor), no guard:
#                                           # several cases take minutes with libcmark 0.30.2
set -euo pipefail
cd "$(dirname "$0")/.."
# Every run parses: with the entry index the repeated runs of a case would read its cached record.
export JOURNAL_NO_INDEX=1
RUNS=${RUNS:-5}
LIMIT=${LIMIT:-10}
BIN=.build/release/journal
[ -x "$BIN" ] || swift build -c release --product journal >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/pathological_cases.py "$work/cases" >/dev/null
if [ "${RAW:-0}" = 1 ]; then make -s bench-floor >/dev/null; fi

printf '%-34s %10s %12s %12s  %s\n' case bytes "median (s)" "raw cmark" "outcome"
for file in "$work"/cases/*.md; do
    name=$(basename "$file" .md)
    # shellcheck disable=SC2053
    [[ -z "${ONLY:-}" || $name == $ONLY ]] || continue
    journal="$work/journals/$name"
    mkdir -p "$journal"
    : >"$journal/journal.yml"
    cp "$file" "$journal/2026-11-27.md"
    # A shape that is still super-linear would take hours: give up after LIMIT seconds.
    status=0
    timeout "$LIMIT" "$BIN" check --journal "$journal" >/dev/null 2>&1 || status=$?
    if [ "$status" -eq 124 ]; then
        printf '%-34s %10d %12s %12s  %s\n' "$name" "$(stat -c %s "$file")" ">$LIMIT" - "timed out"
        continue
    fi
    outcome=$("$BIN" check --journal "$journal" 2>&1 | grep -o 'warning: not parsed: [^(]*\|warning: not text\|warning: front matter not read: [^;]*\|more unknown references' | head -1 || true)
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

# Shapes other commands read (skipped when ONLY picks cases).
[ -z "${ONLY:-}" ] || exit 0
extra() {
    local name=$1 bytes=$2 outcome=$3
    shift 3
    hyperfine -N -i --runs "$RUNS" --warmup 1 --export-json "$work/$name.json" "$*" >/dev/null 2>&1
    median=$(python3 -c "import json,sys; print('%.4f' % json.load(open(sys.argv[1]))['results'][0]['median'])" "$work/$name.json")
    printf '%-34s %10d %12s %12s  %s\n' "$name" "$bytes" "$median" - "$outcome"
}
journal="$work/journals/j-show-unknown"
mkdir -p "$journal"
: >"$journal/journal.yml"
python3 -c "print('- [ ] Call ana #commit')" >"$journal/2026-11-27.md"
reference=$(python3 -c "print('2026-11-27#' + 'x' * 120000)")
extra j-show-unknown-reference 120011 "unknown, closest listed" "$BIN show $reference --journal $journal"

journal="$work/journals/j-template-nesting"
mkdir -p "$journal/templates"
: >"$journal/journal.yml"
python3 -c "n = (256 * 1024 - 16) // 12; print('{{#a}}' * n + '{{/a}}' * n)" >"$journal/templates/deep.md"
extra j-template-nesting "$(stat -c %s "$journal/templates/deep.md")" "nested more than 64 deep" \
    "$BIN templates --journal $journal"

journal="$work/journals/j-journal-yml-alias-key"
mkdir -p "$journal"
python3 - "$journal/journal.yml" <<'PY'
import sys
names = "abcdefghij"
yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
for previous, name in zip(names, names[1:]):
    yaml += "%s: &%s [%s]\n" % (name, name, ", ".join(["*" + previous] * 10))
open(sys.argv[1], "w").write(yaml + "? *j\n: boom\n")
PY
extra j-journal-yml-alias-key "$(stat -c %s "$journal/journal.yml")" "aliases refused" "$BIN check --journal $journal"
