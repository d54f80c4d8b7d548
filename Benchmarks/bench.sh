#!/usr/bin/env bash
# Measures journal against the C floor on the generated corpora and writes BENCHMARKS.md.
#
#     Benchmarks/bench.sh [typical] [heavy] [lifetime] [realistic]      (default: all four)
#
# Expects `swift build -c release` and Benchmarks/floor/cmark-floor to be built (make bench does
# both). Environment: RUNS (default 5), AS_OF (default 2026-11-28, the day after every corpus
# ends), MICRO=0 to skip the micro-benchmarks, MICRO_SIZES (default 10000,100000,1000000),
# JRNL_SIZES (default heavy; jrnl 4.6 from PyPI in Benchmarks/.venv, `none` to skip), RSS_FIT=0 to
# skip the peak-RSS fit over 1k-36.5k entries of the lifetime corpus (RSS_ONLY=1 runs only it),
# HASHES=0 to skip checking
# the outputs against Benchmarks/output-hashes.txt.
#
# The index (issue 13, part 2): when the binary accepts `--no-index`, every journal row runs cold
# with it, and warm rows (review-warm, new-print-warm) run with the index primed by one run first.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
AS_OF=${AS_OF:-2026-11-28}
MICRO=${MICRO:-1}
MICRO_SIZES=${MICRO_SIZES:-10000,100000,1000000}
JOURNAL=$PWD/.build/release/journal
FLOOR=$PWD/Benchmarks/floor/cmark-floor
RESULTS=Benchmarks/results
JRNL_SIZES=${JRNL_SIZES:-heavy}
RSS_FIT=${RSS_FIT:-1}
HASHES=${HASHES:-1}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(typical heavy lifetime realistic)

for tool in hyperfine /usr/bin/time python3; do
    command -v "$tool" >/dev/null || { echo "bench.sh: $tool is missing (apt-get install hyperfine time python3)" >&2; exit 2; }
done
[ -x "$JOURNAL" ] || { echo "bench.sh: $JOURNAL is missing; run swift build -c release" >&2; exit 2; }
[ -x "$FLOOR" ] || { echo "bench.sh: $FLOOR is missing; run make bench-floor" >&2; exit 2; }
mkdir -p "$RESULTS"

# `journal new` is measured once it exists; until then its row says pending.
HAS_NEW=0
if "$JOURNAL" new --help >/dev/null 2>&1; then HAS_NEW=1; fi
# Cold rows pass --no-index once the binary has an index; warm rows are added then.
COLD=""
HAS_INDEX=0
if "$JOURNAL" review --help 2>/dev/null | grep -q -- '--no-index'; then
    COLD=" --no-index"
    HAS_INDEX=1
fi
# The index lives under XDG_CACHE_HOME: keep the bench's own, never the user's.
export XDG_CACHE_HOME=$PWD/$RESULTS/cache
JRNL=$PWD/Benchmarks/.venv/bin/jrnl
if [ "$JRNL_SIZES" != none ] && [ ! -x "$JRNL" ]; then
    python3 -m venv Benchmarks/.venv && Benchmarks/.venv/bin/pip install -q jrnl==4.6 ||
        { echo "bench.sh: could not install jrnl into Benchmarks/.venv; JRNL_SIZES=none skips it" >&2; exit 2; }
fi

if [ "$HASHES" = 1 ] && [ "${RSS_ONLY:-0}" != 1 ]; then
    # Every optimisation keeps the outputs byte-identical: check before timing anything.
    Benchmarks/output-hashes.sh "${SIZES[@]}"
fi

# RSS_ONLY=1 runs only the peak-RSS fit below.
[ "${RSS_ONLY:-0}" = 1 ] && SIZES=()
for size in "${SIZES[@]}"; do
    corpus=$PWD/Benchmarks/corpora/$size
    if [ ! -f "$corpus/journal.yml" ]; then
        rm -rf "$corpus"
        python3 Benchmarks/generate.py "$size"
    fi
    names=(floor floor-2t review check list version)
    commands=(
        "$FLOOR $corpus"
        "$FLOOR -j 2 $corpus"
        "$JOURNAL review --journal $corpus --format json --as-of $AS_OF$COLD"
        "$JOURNAL check --journal $corpus$COLD"
        "$JOURNAL list --journal $corpus --as-of $AS_OF$COLD"
        "$JOURNAL --version"
    )
    if [ "$HAS_NEW" = 1 ]; then
        names+=(new-print)
        commands+=("$JOURNAL new --print --journal $corpus --date $AS_OF$COLD")
    fi
    if [ "$HAS_INDEX" = 1 ]; then
        # Warm: nothing changed since the index was written (hyperfine's warm-up primes it).
        names+=(review-warm)
        commands+=("$JOURNAL review --journal $corpus --format json --as-of $AS_OF")
        if [ "$HAS_NEW" = 1 ]; then
            names+=(new-print-warm)
            commands+=("$JOURNAL new --print --journal $corpus --date $AS_OF")
        fi
    fi
    if [[ " $JRNL_SIZES " == *" $size "* ]]; then
        jrnl_dir=$PWD/$RESULTS/jrnl-$size
        [ -f "$jrnl_dir/jrnl.yaml" ] || python3 Benchmarks/jrnl_journal.py "$corpus" "$jrnl_dir"
        "$JRNL" --config-file "$jrnl_dir/jrnl.yaml" -n 1 >/dev/null 2>&1 || true # upgrades the config once
        names+=(jrnl-last jrnl-tags)
        commands+=("$JRNL --config-file $jrnl_dir/jrnl.yaml -n 1" "$JRNL --config-file $jrnl_dir/jrnl.yaml --tags")
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

if [ "$RSS_FIT" = 1 ]; then
    # Peak RSS against journal size: the first N entries of the lifetime corpus (hard links, so
    # they are regular files inside each journal), one warm run per command and size.
    lifetime=$PWD/Benchmarks/corpora/lifetime
    [ -f "$lifetime/journal.yml" ] || python3 Benchmarks/generate.py lifetime
    : >"$RESULTS/rss-fit.txt"
    for count in 1000 3650 10000 20000 36500; do
        journal=$PWD/$RESULTS/rss-$count
        if [ ! -f "$journal/journal.yml" ]; then
            rm -rf "$journal"
            mkdir -p "$journal"
            cp "$lifetime/journal.yml" "$journal/"
            # Listed to a file first: `sort | head` under pipefail fails with SIGPIPE.
            (cd "$lifetime" && find entries -name '*.md' | sort >"$journal.list")
            (cd "$lifetime" && head -n "$count" "$journal.list" | xargs cp -l --parents -t "$journal")
            rm -f "$journal.list"
        fi
        commitments=$("$JOURNAL" review --journal "$journal" --format json --as-of "$AS_OF"$COLD 2>/dev/null |
            python3 -c "import json,sys; print(json.load(sys.stdin)['totals']['made'])" || echo 0)
        for name in review check list new-print; do
            case $name in
                review) args=(review --format json --as-of "$AS_OF") ;;
                check) args=(check) ;;
                list) args=(list --as-of "$AS_OF") ;;
                new-print) args=(new --print --date "$AS_OF") ;;
            esac
            # shellcheck disable=SC2086
            /usr/bin/time -f "%M" -o "$RESULTS/rss.tmp" "$JOURNAL" "${args[@]}" --journal "$journal"$COLD \
                >/dev/null 2>&1 || true
            echo "$count $commitments $name $(tail -1 "$RESULTS/rss.tmp")" >>"$RESULTS/rss-fit.txt"
        done
    done
    rm -f "$RESULTS/rss.tmp"
    cat "$RESULTS/rss-fit.txt"
fi

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
