#!/usr/bin/env bash
# The first-frame bar of issue 11: `termdash monitor` on a 10 M-CDR store draws its first full frame within 300 ms
# of starting; the median of RUNS runs is reported.
#
# Each run starts one private tmux server (its own socket, no config file) and in it a detached 200×50 session
# running `termdash monitor --db STORE` (TERM=xterm-256color, C.UTF-8, an empty HOME). The clock starts just before
# tmux is asked to start the session, so the time counts tmux starting the program too (it can only be longer than
# the program's own). The screen is read with `tmux capture-pane` in a tight loop; the frame is full when the tab
# line is drawn and no pane shows "loading" (what a pane shows until the first snapshot). The page cache is warm:
# the store was read by the run before (the first run is a warm-up and not counted).
#
# Usage: bench/first-frame.sh STORE
# Environment:
#   TERMDASH           the termdash binary (default .build/release/termdash)
#   FIRST_FRAME_RUNS   runs counted (default 5)
#   FIRST_FRAME_BAR    the bar in ms (default 300)
# Exit status: 0 measured (whether or not the bar is met), 1 an error.
set -euo pipefail

store=${1:-}
termdash=${TERMDASH:-.build/release/termdash}
runs=${FIRST_FRAME_RUNS:-5}
bar=${FIRST_FRAME_BAR:-300}
fail() { echo "first-frame: $*" >&2; exit 1; }
[[ -n $store && -f $store ]] || fail "usage: bench/first-frame.sh STORE (no store at '${store}')"
[[ -x $termdash ]] || fail "no termdash binary at $termdash (swift build -c release --product termdash)"
[[ $runs =~ ^[0-9]+$ && $runs -ge 1 ]] || fail "FIRST_FRAME_RUNS must be a whole number ≥ 1"
command -v tmux >/dev/null || fail "tmux is not installed"
termdash=$(cd "$(dirname "$termdash")" && pwd)/$(basename "$termdash")
store=$(cd "$(dirname "$store")" && pwd)/$(basename "$store")

work=$(mktemp -d "${TMPDIR:-/tmp}/termdash-first-frame.XXXXXX")
socket="termdash-first-frame-$$"
tmux_() { tmux -L "$socket" -f /dev/null "$@"; }
cleanup() {
    tmux_ kill-server 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/home/.config"
command_line=$(printf '%q ' exec env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 "HOME=$work/home" \
    "XDG_CONFIG_HOME=$work/home/.config" "$termdash" monitor --db "$store")

# One run: milliseconds from asking tmux to start the monitor to the first full frame on its screen.
measure() {
    local start end screen
    start=$(date +%s%N)
    tmux_ start-server \; set-option -g status off \; new-session -d -s monitor -x 200 -y 50 "$command_line"
    while true; do
        screen=$(tmux_ capture-pane -p -t monitor 2>/dev/null || true)
        if [[ $screen == *Overview* && $screen != *loading* ]]; then
            end=$(date +%s%N)
            break
        fi
        (( ($(date +%s%N) - start) < 10000000000 )) || fail "no full frame within 10 s: $screen"
    done
    tmux_ kill-server 2>/dev/null || true
    sleep 0.3
    echo $(( (end - start) / 1000000 ))
}

measure >/dev/null  # warm-up: the store's pages into the page cache
times=()
for ((run = 0; run < runs; run++)); do times+=("$(measure)"); done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
count=${#sorted[@]}
if ((count % 2)); then median=${sorted[count / 2]}; else median=$(( (sorted[count / 2 - 1] + sorted[count / 2]) / 2 )); fi
verdict=FAIL
((median <= bar)) && verdict=PASS
echo "first frame  termdash monitor --db $store at 200x50: median ${median} ms of ${count} runs (${times[*]} ms; 1 warm-up run not counted)"
echo "bar          first full frame <= ${bar} ms: ${median} ms  ${verdict}"
