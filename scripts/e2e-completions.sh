#!/usr/bin/env bash
# Shell completion as a person uses it: tmux gives each shell a terminal, the generated script is
# sourced, and Tab is pressed after a partial command. Checks references of open commitments,
# people, tags and template names in bash, zsh (compinit -u) and fish.
# Usage: scripts/e2e-completions.sh [path/to/journal]
set -euo pipefail

JOURNAL_BIN=$(readlink -f "${1:-.build/debug/journal}")
[ -x "$JOURNAL_BIN" ] || { echo "e2e-completions: no journal binary at $JOURNAL_BIN" >&2; exit 2; }
missing=()
for tool in tmux zsh fish; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
    echo "e2e-completions: installing ${missing[*]} with apt-get"
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
session="journal-completions-$$"
cleanup() { tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/bin"
ln -s "$JOURNAL_BIN" "$work/bin/journal"
cp -R "$(dirname "$0")/../journal-example" "$work/journal"
for shell in bash zsh fish; do "$JOURNAL_BIN" --generate-completion-script "$shell" > "$work/completion.$shell"; done

wait_for() {  # wait_for TEXT SECONDS
    local deadline=$((SECONDS + $2))
    while [ $SECONDS -lt $deadline ]; do
        tmux capture-pane -p -t "$session" 2>/dev/null | grep -qF -- "$1" && return 0
        sleep 0.2
    done
    echo "e2e-completions: timed out waiting for '$1'; the pane shows:" >&2
    tmux capture-pane -p -t "$session" >&2 || true
    exit 1
}

# try SHELL PARTIAL EXPECTED: type PARTIAL, press Tab (twice, for listings), expect EXPECTED on screen.
try() {
    local shell=$1 partial=$2 expected=$3
    tmux send-keys -t "$session" C-u
    tmux send-keys -t "$session" -l -- "$partial"
    tmux send-keys -t "$session" Tab
    sleep 0.5
    tmux send-keys -t "$session" Tab
    wait_for "$expected" 10
    tmux send-keys -t "$session" C-c
    sleep 0.3
    tmux send-keys -t "$session" clear Enter
    sleep 0.3
    echo "e2e-completions: $shell: '$partial' + Tab shows '$expected'"
}

start() {  # start SHELL COMMAND
    tmux kill-session -t "$session" 2>/dev/null || true
    tmux new-session -d -s "$session" -x 200 -y 50 -c "$work/journal" \
        "env -i HOME=$work XDG_CACHE_HOME=$work/cache PATH=$work/bin:/usr/bin:/bin TERM=xterm JOURNAL_TODAY=2026-11-27 $2"
    sleep 1
}

start bash "bash --norc --noprofile"
tmux send-keys -t "$session" "source $work/completion.bash; PS1='ready\$ '; clear" Enter
wait_for 'ready$' 10
try bash "journal done 2026-11-19-one" "2026-11-19-one-on-one-ana#decide-with-ana-whether-she"
try bash "journal review --person da" "dana"
try bash "journal new weekly-m" "journal new weekly-mirror"
try bash "journal export ics --person da" "dana"

start zsh "zsh -f"
tmux send-keys -t "$session" "autoload -U compinit; compinit -u; source $work/completion.zsh; PS1='ready%# '; clear" Enter
wait_for 'ready#' 10
try zsh "journal show 2026-11-23" "weekly-mirror\\#write-each-rep-a-short"
try zsh "journal list --tag recog" "recognition"

start fish "fish --no-config"
tmux send-keys -t "$session" "source $work/completion.fish; function fish_prompt; echo 'ready> '; end; clear" Enter
wait_for 'ready>' 10
try fish "journal move 2026-11-18-one" "2026-11-18-one-on-one-li#get-li-shadowing-two-enterprise"
try fish "journal review --person mar" "maria"
try fish "journal export ics --tag recog" "recognition"

echo "e2e-completions: ok (bash, zsh and fish complete references, people, tags and templates)"
