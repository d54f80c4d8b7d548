#!/usr/bin/env bash
# Measures journal against the C floor on the generated corpora and writes BENCHMARKS.md.
#
#     Benchmarks/bench.sh [typical] [heavy] [lifetime]      (default: all three)
#
# Expects `swift build -c release` and Benchmarks/floor/cmark-floor to be built (make bench does
# both). Environment: RUNS (default 5), AS_OF (default 2026-11-28, the day after every corpus
# ends), MICRO=0 to skip the micro-benchmarks, MICRO_SIZES (default 10000,100000,1000000).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
AS_OF=${AS_OF:-2026-11-28}
MICRO=${MICRO:-1}
MICRO_SIZES=${MICRO_SIZES:-10000,100000,1000000}
JOURNAL=$PWD/.build/release/journal
FLOOR=$PWD/Benchmarks/floor/cmark-floor
RESULTS=Benchmarks/results
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(typical heavy lifetime)

for tool in hyperfine /usr/bin/time python3; do
    command -v "$tool" >/dev/null || { echo "bench.sh: $tool is missing (apt-get install hyperfine time python3)" >&2; exit 2; }
done
[ -x "$JOURNAL" ] || { echo "bench.sh: $JOURNAL is missing; run swift build -c release" >&2; exit 2; }
[ -x "$FLOOR" ] || { echo "bench.sh: $FLOOR is missing; run make bench-floor" >&2; exit 2; }
mkdir -p "$RESULTS"

# `journal new` is measured once it exists; until then its row says pending.
HAS_NEW=0
if "$JOURNAL" new --help >/dev/null 2>&1; then HAS_NEW=1; fi

for size in "${SIZES[@]}"; do
    corpus=$PWD/Benchmarks/corpora/$size
    if [ ! -f "$corpus/journal.yml" ]; then
        rm -rf "$corpus"
        python3 Benchmarks/generate.py "$size"
    fi
    names=(floor review check version)
    commands=(
        "$FLOOR $corpus"
        "$JOURNAL review --journal $corpus --format json --as-of $AS_OF"
        "$JOURNAL check --journal $corpus"
        "$JOURNAL --version"
    )
    if [ "$HAS_NEW" = 1 ]; then
        names+=(new-print)
        commands+=("$JOURNAL new --print --journal $corpus --date $AS_OF")
    fi
    args=()
    for i in "${!names[@]}"; do args+=(-n "${names[$i]}" "${commands[$i]}"); done
    echo "== $size: hyperfine, $RUNS runs each"
    # -i: review and check exit 1 when the generated journal has errors; the work is the same.
    hyperfine -N -i --warmup 1 --runs "$RUNS" --export-json "$RESULTS/$size.json" "${args[@]}"

    # Peak RSS, one warm run each (the page cache is hot after hyperfine).
    : >"$RESULTS/$size-rss.txt"
    for i in "${!names[@]}"; do
        # shellcheck disable=SC2086
        /usr/bin/time -f "%M" -o "$RESULTS/rss.tmp" ${commands[$i]} >/dev/null 2>&1 || true
        echo "${names[$i]} $(tail -1 "$RESULTS/rss.tmp")" >>"$RESULTS/$size-rss.txt"
    done
    rm -f "$RESULTS/rss.tmp"
    "$JOURNAL" check --journal "$corpus" 2>&1 >/dev/null | tail -1 >"$RESULTS/$size-check.txt" || true
    cat "$RESULTS/$size-rss.txt" "$RESULTS/$size-check.txt"
done

if [ "$MICRO" = 1 ]; then
    echo "== micro-benchmarks"
    entries=()
    for size in typical heavy; do
        file=$(find "Benchmarks/corpora/$size/entries" -name '*.md' 2>/dev/null | sort | sed -n 1000p)
        [ -n "$file" ] && entries+=(--entry "$PWD/$file")
    done
    (cd Benchmarks/Micro && swift build -c release --product Micro >&2 &&
        .build/release/Micro "${entries[@]}" --sizes "$MICRO_SIZES") | tee "$RESULTS/micro.md"
fi

python3 Benchmarks/report.py --results "$RESULTS" --output BENCHMARKS.md --as-of "$AS_OF" --runs "$RUNS" \
    --command "make bench${BENCH_SIZES_NOTE:-}"
echo "wrote BENCHMARKS.md"
