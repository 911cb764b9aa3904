#!/usr/bin/env bash
# The memory bar of issue 11: the monitor's resident set stays at most 60 MB, and flat, over 30 minutes of
# simulated traffic at 200 CPS, sampled every 10 s; first, last and maximum are reported.
#
# What it does: back-fills one day of simulated traffic into a fresh store and keeps `termdash simulate` writing
# live calls at MEMORY_BENCH_CPS (a separate process, not measured); runs `termdash monitor --db STORE` in a
# detached 200×50 session of a private tmux server (TERM=xterm-256color, C.UTF-8, an empty HOME); after a warm-up
# samples VmRSS from /proc/PID/status every MEMORY_BENCH_INTERVAL seconds. "Flat": the last sample is at most
# MEMORY_BENCH_GROWTH_MB (default 5) above the first; the bar is the maximum at most MEMORY_BENCH_BAR_MB (60).
#
# Usage: bench/monitor-memory.sh [--strict]   (--strict: exit 2 when a bar is missed)
# Environment: TERMDASH (default .build/release/termdash), MEMORY_BENCH_SECONDS (1800), MEMORY_BENCH_INTERVAL (10),
#   MEMORY_BENCH_WARMUP (15), MEMORY_BENCH_CPS (200), MEMORY_BENCH_BAR_MB (60), MEMORY_BENCH_GROWTH_MB (5).
# Exit status: 0 measured (and, with --strict, the bars met), 1 an error, 2 a bar missed with --strict.
set -euo pipefail

strict=0
[[ ${1:-} == --strict ]] && strict=1
termdash=${TERMDASH:-.build/release/termdash}
duration=${MEMORY_BENCH_SECONDS:-1800}
interval=${MEMORY_BENCH_INTERVAL:-10}
warmup=${MEMORY_BENCH_WARMUP:-15}
cps=${MEMORY_BENCH_CPS:-200}
bar=${MEMORY_BENCH_BAR_MB:-60}
growth=${MEMORY_BENCH_GROWTH_MB:-5}
fail() { echo "monitor-memory: $*" >&2; exit 1; }
for number in "$duration" "$interval" "$warmup" "$cps" "$bar" "$growth"; do
    [[ $number =~ ^[0-9]+$ ]] || fail "the MEMORY_BENCH_* settings are whole numbers, not '$number'"
done
((interval >= 1 && duration >= interval)) || fail "MEMORY_BENCH_SECONDS must be at least MEMORY_BENCH_INTERVAL ≥ 1"
[[ -x $termdash ]] || fail "no termdash binary at $termdash (swift build -c release --product termdash)"
command -v tmux >/dev/null || fail "tmux is not installed"
termdash=$(cd "$(dirname "$termdash")" && pwd)/$(basename "$termdash")

work=$(mktemp -d "${TMPDIR:-/tmp}/termdash-monitor-memory.XXXXXX")
socket="termdash-monitor-memory-$$"
simulator_pid=""
tmux_() { tmux -L "$socket" -f /dev/null "$@"; }
cleanup() {
    tmux_ kill-server 2>/dev/null || true
    if [[ -n $simulator_pid ]] && kill -0 "$simulator_pid" 2>/dev/null; then
        kill -TERM "$simulator_pid" 2>/dev/null || true
        wait "$simulator_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$work/home/.config" "$work/home/.local/share"
environment=(env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 "HOME=$work/home"
    "XDG_CONFIG_HOME=$work/home/.config" "XDG_DATA_HOME=$work/home/.local/share")

store=$work/store.db
echo "Back-filling one day of simulated traffic into $store…"
"${environment[@]}" stdbuf -oL "$termdash" simulate --db "$store" --history-days 1 --cps "$cps" \
    </dev/null >"$work/simulate.log" 2>&1 &
simulator_pid=$!
for ((waited = 0; ; waited++)); do
    grep -q '^Simulating' "$work/simulate.log" 2>/dev/null && break
    kill -0 "$simulator_pid" 2>/dev/null || { cat "$work/simulate.log" >&2; fail "the simulator stopped"; }
    ((waited < 2400)) || fail "the simulator did not start live traffic within 20 minutes"
    sleep 0.5
done

tmux_ start-server \; set-option -g status off \; new-session -d -s monitor -x 200 -y 50 \
    "$(printf '%q ' exec "${environment[@]}" "$termdash" monitor --db "$store")"
pid=$(tmux_ display-message -p -t monitor '#{pane_pid}')
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || fail "the monitor exited"; }

echo "Warming up for ${warmup} s, then sampling the monitor's RSS every ${interval} s for ${duration} s at ${cps} CPS…"
sleep "$warmup"
samples=()
for ((elapsed = 0; elapsed <= duration; elapsed += interval)); do
    kill -0 "$pid" 2>/dev/null || fail "the monitor exited"
    samples+=("$(rss_kb)")
    ((elapsed + interval <= duration)) && sleep "$interval"
done

printf '%s\n' "${samples[@]}" >"$work/rss.txt"
awk -v bar="$bar" -v growth="$growth" -v interval="$interval" -v cps="$cps" -v live="$(tail -n 1 "$work/simulate.log")" '
    { kb[NR] = $1; if ($1 > max) max = $1 }
    END {
        first = kb[1] / 1024; last = kb[NR] / 1024; peak = max / 1024
        printf "monitor RSS  %d samples every %d s at %d CPS: first %.1f MB, last %.1f MB, max %.1f MB\n",
            NR, interval, cps, first, last, peak
        printf "simulator    %s\n", live
        maxPass = peak <= bar; flatPass = last - first <= growth
        printf "bar          RSS <= %d MB: max %.1f MB  %s\n", bar, peak, maxPass ? "PASS" : "FAIL"
        printf "bar          flat (last - first <= %d MB): %+.1f MB  %s\n", growth, last - first, flatPass ? "PASS" : "FAIL"
        exit (maxPass && flatPass) ? 0 : 2
    }' "$work/rss.txt" && verdict=0 || verdict=$?
((verdict == 1)) && fail "could not summarise the samples"
if ((strict && verdict != 0)); then exit 2; fi
exit 0
