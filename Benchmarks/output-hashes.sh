#!/usr/bin/env bash
# The benchmark corpora's outputs must stay byte-identical across every optimisation (issue 13,
# part 3). This runs the release binary's `review --format json`, `review` (text), `check`,
# `new --print` and `list` (text at 80 columns, and JSON) at the bench's fixed --as-of on each
# corpus and compares the SHA-256 of each stdout, stderr and exit status with
# Benchmarks/output-hashes.txt.
#
#     Benchmarks/output-hashes.sh [--update] [typical] [heavy] [lifetime] [realistic]
#
# Without --update it verifies (exit 1 on any difference, naming each one); with --update it
# rewrites the lines of the sizes given (all four by default) and leaves the others. Changing
# what a report says on purpose (a new JSON key, another period grouping) is one command:
# `make bench-hashes-update`. Generates a missing corpus with generate.py first.
set -euo pipefail
cd "$(dirname "$0")/.."
AS_OF=${AS_OF:-2026-11-28}
JOURNAL=${JOURNAL:-$PWD/.build/release/journal}
HASHES=Benchmarks/output-hashes.txt
UPDATE=0
SIZES=()
for arg in "$@"; do
    case $arg in
        --update) UPDATE=1 ;;
        *) SIZES+=("$arg") ;;
    esac
done
[ ${#SIZES[@]} -gt 0 ] || SIZES=(typical heavy lifetime realistic)
[ -x "$JOURNAL" ] || { echo "output-hashes.sh: $JOURNAL is missing; run swift build -c release" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
touch "$HASHES"

# name, then the arguments after the binary; the corpus path is appended by run().
cases=(
    "review-json|review --format json --as-of $AS_OF"
    "review-text|review --as-of $AS_OF"
    "check|check"
    "new-print|new --print --date $AS_OF"
    "list|list --as-of $AS_OF"
    "list-json|list --format json --as-of $AS_OF"
)

fresh="$work/fresh.txt"
: >"$fresh"
for size in "${SIZES[@]}"; do
    corpus=$PWD/Benchmarks/corpora/$size
    if [ ! -f "$corpus/journal.yml" ]; then
        rm -rf "$corpus"
        python3 Benchmarks/generate.py "$size" >&2
    fi
    for entry in "${cases[@]}"; do
        name=${entry%%|*}
        read -r -a args <<<"${entry#*|}"
        status=0
        # The corpus path would appear in the output; run from inside it with a relative path.
        (cd "$corpus" && JOURNAL_NO_INDEX=1 NO_COLOR=1 COLUMNS=80 "$JOURNAL" "${args[@]}" --journal . \
            >"$work/out" 2>"$work/err") || status=$?
        printf '%s %s stdout %s\n' "$size" "$name" "$(sha256sum <"$work/out" | cut -d' ' -f1)" >>"$fresh"
        printf '%s %s stderr %s\n' "$size" "$name" "$(sha256sum <"$work/err" | cut -d' ' -f1)" >>"$fresh"
        printf '%s %s status %s\n' "$size" "$name" "$status" >>"$fresh"
    done
done

if [ "$UPDATE" = 1 ]; then
    pattern=$(printf '%s\n' "${SIZES[@]}" | sed 's/^/^/; s/$/ /')
    { grep -v -f <(echo "$pattern") "$HASHES" | grep -v '^#' || true; cat "$fresh"; } | sort -k1,1 -k2,2 -s >"$work/all"
    {
        echo "# SHA-256 of each corpus's outputs at --as-of $AS_OF (Benchmarks/output-hashes.sh --update)."
        cat "$work/all"
    } >"$HASHES"
    echo "output-hashes.sh: updated $HASHES for ${SIZES[*]}"
    exit 0
fi

failed=0
while read -r size name stream value; do
    expected=$(awk -v s="$size" -v n="$name" -v t="$stream" '$1 == s && $2 == n && $3 == t { print $4 }' "$HASHES")
    if [ -z "$expected" ]; then
        echo "output-hashes.sh: $size $name $stream has no committed hash (run with --update)" >&2
        failed=1
    elif [ "$expected" != "$value" ]; then
        echo "output-hashes.sh: $size $name $stream differs (expected $expected, got $value)" >&2
        failed=1
    fi
done <"$fresh"
if [ "$failed" = 0 ]; then echo "output-hashes.sh: ${SIZES[*]}: every output is byte-identical"; fi
exit "$failed"
