#!/usr/bin/env bash
# The everyday loop as a person runs it, at 80x24 under tmux with a real vi and JOURNAL_TODAY
# set: add two commitments, mark one done yesterday, move the other, open today's log in vi and
# add a note, then review. No captured line may wrap, and no file but the day's log may change.
# Usage: scripts/e2e-everyday.sh [path/to/journal]
set -euo pipefail

JOURNAL_BIN=$(readlink -f "${1:-.build/debug/journal}")
[ -x "$JOURNAL_BIN" ] || { echo "e2e-everyday: no journal binary at $JOURNAL_BIN" >&2; exit 2; }
missing=()
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v vi >/dev/null 2>&1 || missing+=(vim-tiny)
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
session="journal-everyday-$$"
cleanup() { tmux kill-session -t "$session" 2>/dev/null || true; sleep 0.3; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/bin"
ln -s "$JOURNAL_BIN" "$work/bin/journal"
cp -R "$(dirname "$0")/../journal-example" "$work/journal"
log="entries/2026/11/2026-11-30-log.md"
snapshot() { (cd "$work/journal" && find . -type f ! -path "./$log" -print0 | sort -z | xargs -0 sha256sum); }
before=$(snapshot)

fail() { echo "e2e-everyday: $1; the pane shows:" >&2; tmux capture-pane -p -t "$session" >&2 || true; exit 1; }
wait_for() {  # wait_for TEXT SECONDS
    local deadline=$((SECONDS + $2))
    while [ $SECONDS -lt $deadline ]; do
        tmux capture-pane -p -t "$session" 2>/dev/null | grep -qF -- "$1" && return 0
        sleep 0.2
    done
    fail "timed out waiting for '$1'"
}
# run COMMAND EXPECTED: type a command at the prompt, wait for its output and the next prompt.
step=0
run() {
    step=$((step + 1))
    tmux send-keys -t "$session" "clear" Enter
    sleep 0.3
    tmux clear-history -t "$session"
    # The marker is computed by the shell, so the typed command line never matches it.
    tmux send-keys -t "$session" "$1; echo \"end \$((100+$step)) \$?\"" Enter
    wait_for "end $((100 + step)) " 20
    tmux capture-pane -p -S - -t "$session" | grep -qF -- "$2" || fail "'$1' did not print '$2'"
    # A wrapped line shows as two lines in the plain capture and one in the joined capture. The
    # command line itself, echoed at the prompt, is left out: it is what was typed.
    local typed="\$ $1; echo \"end \$((100+$step)) \$?\""
    local typed_lines=$(( (${#typed} + 79) / 80 ))
    plain=$(tmux capture-pane -p -S - -t "$session" | sed -e 's/[[:space:]]*$//' | grep -c . || true)
    joined=$(tmux capture-pane -p -J -S - -t "$session" | sed -e 's/[[:space:]]*$//' | grep -c . || true)
    [ $((plain - typed_lines)) = $((joined - 1)) ] || fail "'$1' printed a line wider than 80 columns"
    echo "e2e-everyday: ok: $1"
}

tmux new-session -d -s "$session" -x 80 -y 24 -c "$work/journal" \
    "env -i HOME=$work XDG_CACHE_HOME=$work/cache PATH=$work/bin:/usr/bin:/bin TERM=xterm JOURNAL_TODAY=2026-11-30 \
     EDITOR='vi -u NONE -i NONE' bash --norc --noprofile"
sleep 1
tmux send-keys -t "$session" "PS1='$ '" Enter

run "journal add 'Send @ana the renewal playbook by Wednesday #pipeline'" "due Wed 2 Dec"
run "journal add 'Book the Q1 kickoff room for @tom #resources'" "no due date"
run "journal done ana playbook --on yesterday --note 'sent it Sunday night'" "kept, done Mon 30 Nov"
run "journal move kickoff room --to 'dec 11' --note 'Dana moved the kickoff'" "moved to Fri 11 Dec"

# Open today's log in vi, add a note at the end, save and quit.
tmux send-keys -t "$session" "clear; journal edit; echo \"edit \$((1+1)) \$?\"" Enter
wait_for "template: log" 20
tmux send-keys -t "$session" 'G' 'o'
tmux send-keys -t "$session" -l -- "Tom asked for the room on the 11th; booked the big one."
tmux send-keys -t "$session" Escape
tmux send-keys -t "$session" ':wq' Enter
wait_for "edit 2 0" 20

run "journal review --as-of 2026-11-30" "Review as of 2026-11-30"
run "journal show ana playbook --as-of 2026-11-30" "kept on time as of 2026-11-30, done 2026-11-30"
run "journal show kickoff room --as-of 2026-11-30" "open as of 2026-11-30"
run "journal list --status open --as-of 2026-11-30 --match kickoff" "book-the-q1-kickoff-room"

grep -qF "Tom asked for the room on the 11th; booked the big one." "$work/journal/$log" || fail "vi's note is not in the log"
[ "$(snapshot)" = "$before" ] || { echo "e2e-everyday: files other than the day's log changed" >&2; diff <(echo "$before") <(snapshot) >&2; exit 1; }
echo "e2e-everyday: ok (add, done, move, edit in vi and review at 80x24; only the day's log changed)"
