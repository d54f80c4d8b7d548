#!/usr/bin/env bash
# End-to-end test of `journal new` as a person uses it: tmux gives it a real terminal, a real
# vi opens the new entry, keystrokes type a commitment and save, and `journal review` then
# shows that commitment. A second `journal new` is quit with `:q!`: that entry, never written
# in, is removed with the month folder it needed. Usage: scripts/e2e-editor.sh [path/to/journal]
set -euo pipefail

JOURNAL_BIN=$(readlink -f "${1:-.build/debug/journal}")
[ -x "$JOURNAL_BIN" ] || { echo "e2e-editor: no journal binary at $JOURNAL_BIN; run swift build" >&2; exit 2; }

# vim-tiny provides vi and tmux the terminal; install them when missing.
missing=()
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v vi >/dev/null 2>&1 || missing+=(vim-tiny)
if [ ${#missing[@]} -gt 0 ]; then
    echo "e2e-editor: installing ${missing[*]} with apt-get"
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
session="journal-e2e-$$"
cleanup() {
    tmux kill-session -t "$session" 2>/dev/null || true
    tmux kill-session -t "$session-quit" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

journal="$work/journal"
"$JOURNAL_BIN" init "$journal" >/dev/null
commitment='- [ ] Ride along with @tom on his Brightline call by Friday #commit'

# wait_for TEXT SECONDS [SESSION]: poll the pane until TEXT shows, or fail with what it shows.
wait_for() {
    local pane=${3:-$session}
    local deadline=$((SECONDS + $2))
    while [ $SECONDS -lt $deadline ]; do
        if tmux capture-pane -p -t "$pane" 2>/dev/null | grep -qF -- "$1"; then return 0; fi
        sleep 0.2
    done
    echo "e2e-editor: timed out waiting for '$1'; the pane shows:" >&2
    tmux capture-pane -p -t "$pane" >&2 || true
    exit 1
}

# start_new SESSION DATE: `journal new --date DATE` in a new tmux session. A plain vi without
# the user's settings: `-u NONE` also puts the editor through the `sh -c '<editor> "$@"'`
# path, since the value has spaces. The trailing `read` keeps the pane open so the lines
# printed after the editor closes can be read.
start_new() {
    tmux new-session -d -s "$1" -x 120 -y 40 \
        "env -u VISUAL HOME='$work' XDG_CACHE_HOME='$work/cache' TERM=xterm EDITOR='vi -u NONE -i NONE' \
         '$JOURNAL_BIN' new --date $2 --journal '$journal'; echo \"new exited \$?\"; read -r _"
}

start_new "$session" 2026-11-23
wait_for 'template: daily' 20

# To the end of the file, open a line, type the commitment, leave insert mode, save and quit.
tmux send-keys -t "$session" 'G' 'o'
tmux send-keys -t "$session" -l -- "$commitment"
tmux send-keys -t "$session" Escape
tmux send-keys -t "$session" ':wq' Enter
wait_for 'new exited' 20

pane=$(tmux capture-pane -p -t "$session")
grep -qF 'new exited 0' <<<"$pane" || { echo "e2e-editor: journal new failed:" >&2; echo "$pane" >&2; exit 1; }
grep -qF '1 commitment made, 0 follow-ups recorded' <<<"$pane" || {
    echo "e2e-editor: no summary line after the editor closed:" >&2; echo "$pane" >&2; exit 1; }

entry="$journal/entries/2026/11/2026-11-23.md"
grep -qxF -- "$commitment" "$entry" || { echo "e2e-editor: the commitment is not in $entry" >&2; exit 1; }

review=$(XDG_CACHE_HOME="$work/cache" "$JOURNAL_BIN" review --journal "$journal" --as-of 2026-11-23 --format json)
grep -qF '"text": "Ride along with @tom on his Brightline call by Friday #commit"' <<<"$review" || {
    echo "e2e-editor: journal review does not show the commitment:" >&2; echo "$review" >&2; exit 1; }

# A second entry, in a month with no folder yet, quit without saving: nothing is kept.
start_new "$session-quit" 2026-12-01
wait_for 'template: daily' 20 "$session-quit"
tmux send-keys -t "$session-quit" Escape
tmux send-keys -t "$session-quit" ':q!' Enter
wait_for 'new exited' 20 "$session-quit"

pane=$(tmux capture-pane -p -t "$session-quit")
grep -qF 'new exited 0' <<<"$pane" || { echo "e2e-editor: journal new after :q! failed:" >&2; echo "$pane" >&2; exit 1; }
grep -qF 'entries/2026/12/2026-12-01.md left unchanged; not kept (use --keep to keep it)' <<<"$pane" || {
    echo "e2e-editor: no 'left unchanged' line after :q!:" >&2; echo "$pane" >&2; exit 1; }
if grep -qF 'commitments made' <<<"$pane"; then
    echo "e2e-editor: a summary was printed for an entry that was not kept:" >&2; echo "$pane" >&2; exit 1
fi
[ ! -e "$journal/entries/2026/12/2026-12-01.md" ] || { echo "e2e-editor: the :q! entry was kept" >&2; exit 1; }
[ ! -e "$journal/entries/2026/12" ] || { echo "e2e-editor: the month folder made for it was kept" >&2; exit 1; }
[ -f "$entry" ] || { echo "e2e-editor: the first entry is gone" >&2; exit 1; }
echo "e2e-editor: ok (vi typed a commitment; journal review shows it; an entry quit with :q! is not kept)"
