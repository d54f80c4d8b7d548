#!/usr/bin/env bash
# make install into a scratch PREFIX installs exactly the five files, builds nothing, and
# make uninstall removes exactly those again. Usage: scripts/check-install.sh (after make release)
set -euo pipefail
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
before=$(stat -c %Y .build/release/journal)
make -s install PREFIX="$prefix" >/dev/null
[ "$(stat -c %Y .build/release/journal)" = "$before" ] || { echo "check-install: install rebuilt the binary" >&2; exit 1; }
installed=$(cd "$prefix" && find . -type f | sort)
expected=$(printf '%s\n' ./bin/journal ./share/bash-completion/completions/journal ./share/fish/vendor_completions.d/journal.fish \
    ./share/man/man1/journal.1 ./share/zsh/site-functions/_journal | sort)
[ "$installed" = "$expected" ] || { echo "check-install: installed files differ:" >&2; echo "$installed" >&2; exit 1; }
"$prefix/bin/journal" --version >/dev/null
make -s uninstall PREFIX="$prefix" >/dev/null
left=$(cd "$prefix" && find . -type f)
[ -z "$left" ] || { echo "check-install: uninstall left files: $left" >&2; exit 1; }
echo "check-install: ok (5 files installed, nothing rebuilt, all removed)"
