#!/usr/bin/env bash
# The example journal's HTML review in a real browser: headless Chromium at 1280 and 390 px, light
# and dark, checked through the DevTools protocol (scripts/e2e-browser.py), then printed to PDF.
# Installs Debian's chromium, its CJK and emoji fonts and poppler-utils when missing, and
# websocket-client into a virtualenv under .build/. Screenshots go to .build/e2e-browser/.
# Usage: scripts/e2e-browser.sh [path/to/journal] [--screenshot docs/review.png]
set -euo pipefail
cd "$(dirname "$0")/.."

JOURNAL_BIN=$(readlink -f "${1:-.build/debug/journal}")
[ -x "$JOURNAL_BIN" ] || { echo "e2e-browser: no journal binary at $JOURNAL_BIN" >&2; exit 2; }
shift || true
AS_OF=${EXAMPLE_AS_OF:-2026-11-27}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
for font in fonts-noto-cjk fonts-noto-color-emoji; do
    dpkg-query -W -f='${Status}' "$font" 2>/dev/null | grep -q 'install ok installed' || missing+=("$font")
done
if [ "${1:-}" = --screenshot ] && ! command -v pngquant >/dev/null 2>&1; then missing+=(pngquant); fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "e2e-browser: installing ${missing[*]} with apt-get"
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

venv=.build/e2e-browser-venv
if ! "$venv/bin/python" -c 'import websocket' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q 'websocket-client>=1.6,<2'
fi

out=.build/e2e-browser
mkdir -p "$out"
"$JOURNAL_BIN" review --journal journal-example --as-of "$AS_OF" --format html > "$out/review.html"

if [ "${1:-}" = --screenshot ]; then
    png=${2:?--screenshot needs a PNG path}
    "$venv/bin/python" scripts/e2e-browser.py "$out/review.html" "$out" --screenshot "$out/readme.png"
    pngquant --force --quality 60-85 --strip --output "$png" "$out/readme.png"
    size=$(stat -c %s "$png")
    [ "$size" -lt 204800 ] || { echo "e2e-browser: $png is $size bytes, over 200 KB" >&2; exit 1; }
    echo "e2e-browser: $png, $size bytes"
    exit 0
fi
"$venv/bin/python" scripts/e2e-browser.py "$out/review.html" "$out"
