#!/usr/bin/env bash
# `journal lsp` under a real client: Debian's Neovim (0.7.2 in bookworm) runs scripts/e2e-lsp.lua
# headless against a fixture journal: diagnostics, a broken follow-up typed and fixed, completion
# of @ and [[, hover, go to definition and "Add a stable id". No file on disk may change.
# Usage: scripts/e2e-lsp.sh [path/to/journal]
set -euo pipefail

JOURNAL_BIN=$(readlink -f "${1:-.build/debug/journal}")
[ -x "$JOURNAL_BIN" ] || { echo "e2e-lsp: no journal binary at $JOURNAL_BIN" >&2; exit 2; }
if ! command -v nvim >/dev/null 2>&1; then
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq neovim >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
journal="$work/journal"
mkdir -p "$journal/entries/2026/11" "$journal/entries/2026/12" "$work/home" "$work/cache"
printf 'commitment-tag: commit\n' > "$journal/journal.yml"
cat > "$journal/entries/2026/11/2026-11-20.md" <<'MD'
# Friday

- [ ] Send @ana the pricing deck by Nov 27 #commit #sales ^deck
- [ ] Ask @li about the 日本 launch 🚀 #commit ^launch
- [ ] Review the hiring plan with @ana #commit
MD
cat > "$journal/entries/2026/11/2026-11-25.md" <<'MD'
- [>] [[2026-11-20#^deck]] pushed, Ana is travelling, by Dec 4
MD
cat > "$journal/entries/2026/12/2026-12-02.md" <<'MD'
# Wednesday

- [ ] Draft the offsite agenda by Firday #commit
- [x] 🚀 [[2026-11-20#^deck]] sent at last
MD
snapshot() { (cd "$journal" && find . -print0 | sort -z | xargs -0 stat -c '%n %s %Y' && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
before=$(snapshot)

# Never a real index or cache: the server reads the journal itself, in a scratch cache.
export JOURNAL_TODAY=2026-12-02 JOURNAL_NO_INDEX=1 XDG_CACHE_HOME="$work/cache" HOME="$work/home"
export JOURNAL_BIN JOURNAL_ROOT="$journal"
status=0
timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile $(dirname "$0")/e2e-lsp.lua" >"$work/out" 2>&1 || status=$?
cat "$work/out"
[ "$status" -eq 0 ] || { echo "e2e-lsp: neovim exited $status" >&2; exit 1; }
grep -q '^e2e-lsp: all checks passed' "$work/out" || { echo "e2e-lsp: the script did not finish" >&2; exit 1; }

after=$(snapshot)
if [ "$before" != "$after" ]; then
    echo "e2e-lsp: files on disk changed:" >&2
    diff <(echo "$before") <(echo "$after") >&2 || true
    exit 1
fi
echo "e2e-lsp: no file on disk changed"
