#!/usr/bin/env bash
# `journal lsp` under Emacs 28 with eglot 1.9 (Debian's emacs-nox and elpa-eglot), in batch:
# diagnostics, go to definition and completion after @. Run by hand (it is not in .ci/run):
# Usage: scripts/e2e-lsp-emacs.sh [path/to/journal]
set -euo pipefail

JOURNAL_BIN=$(readlink -f "${1:-.build/debug/journal}")
[ -x "$JOURNAL_BIN" ] || { echo "e2e-lsp-emacs: no journal binary at $JOURNAL_BIN" >&2; exit 2; }
if ! command -v emacs >/dev/null 2>&1 || [ ! -d /usr/share/emacs/site-lisp/elpa-src ] \
    || ! ls /usr/share/emacs/site-lisp/elpa-src | grep -q '^eglot-'; then
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq emacs-nox elpa-eglot >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
journal="$work/journal"
mkdir -p "$journal/entries/2026/11" "$journal/entries/2026/12" "$work/home" "$work/cache"
printf 'commitment-tag: commit\n' > "$journal/journal.yml"
printf -- '- [ ] Send @ana the deck #commit ^deck\n' > "$journal/entries/2026/11/2026-11-20.md"
printf -- '- [x] [[2026-11-20#^dek]] sent\n- [/] [[2026-11-20#^deck]] drafting\n' > "$journal/entries/2026/12/2026-12-02.md"
git -C "$journal" init -q .  # eglot takes its project from version control
snapshot() { (cd "$journal" && find . -path ./.git -prune -o -type f -print0 | sort -z | xargs -0 sha256sum); }
before=$(snapshot)

export JOURNAL_TODAY=2026-12-02 JOURNAL_NO_INDEX=1 XDG_CACHE_HOME="$work/cache" HOME="$work/home"
export JOURNAL_BIN JOURNAL_ROOT="$journal"
out=$(timeout 120 emacs --batch -q -l "$(dirname "$0")/e2e-lsp-emacs.el" 2>&1)
echo "$out"
for expected in "diagnostic: line 1: journal: follow-up to unknown commitment 2026-11-20#dek; did you mean 2026-11-20#deck?" \
    "xrefs: (\"$journal/entries/2026/11/2026-11-20.md\")" 'completion: (#("@ana"' "e2e-lsp-emacs: done"; do
    grep -qF -- "$expected" <<<"$out" || { echo "e2e-lsp-emacs: missing: $expected" >&2; exit 1; }
done
[ "$before" = "$(snapshot)" ] || { echo "e2e-lsp-emacs: files on disk changed" >&2; exit 1; }
echo "e2e-lsp-emacs: all checks passed; no file on disk changed"
