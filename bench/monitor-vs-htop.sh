#!/usr/bin/env bash
# The monitor-vs-htop cost bench of DESIGN.md ("Bars"):
#   "Monitor at 200×50, 1 s refresh, with traffic flowing: CPU at or below htop's, bytes written to the terminal
#    at most twice htop's, measured side by side in the same minute."
#
# What it does:
#   1. starts `termdash simulate` on a fresh store (1 day of history back-filled, then live traffic at the
#      default CPS) as a background process; it is a separate process and is not measured;
#   2. starts one private tmux server (its own socket, no config file) with two detached sessions of exactly
#      200×50 (status line off), one running `termdash monitor --db STORE` (1 s refresh, the default) and one
#      running `htop -d 10` (1 s), both with TERM=xterm-256color and the C.UTF-8 locale, and HOME /
#      XDG_CONFIG_HOME pointed at an empty directory so neither reads a user's config (htoprc, config.toml);
#   3. after a warm-up, samples both programs at the same instants at the start and end of one window:
#      - CPU seconds: utime + stime of the program's own process from /proc/PID/stat, in clock ticks / CLK_TCK.
#        These count every thread of the process (termdash's store-reading feed thread included), not children;
#      - bytes written to the terminal: every byte each program writes to its pty, as tmux reads it from the
#        pty's master side, is copied by `tmux pipe-pane -o 'cat >> FILE'` to a file; the bytes are the file's
#        growth over the window. This is fair because it is the same mechanism for both programs, it sits after
#        the program (so whatever the program's own buffering, every byte it wrote is counted exactly once), and
#        nothing is put between the program and its pty (a `script` wrapper would add a second pty and process);
#   4. prints a table and the two ratios against the bar.
#
# Usage: bench/monitor-vs-htop.sh [--strict] [--keep]
#   --strict  exit 2 when a bar is missed (by default a bench reports and exits 0 once it has measured)
#   --keep    keep the work directory (store, logs, the captured terminal output) and print where it is
# Environment:
#   TERMDASH               the termdash binary (default .build/release/termdash: build it with
#                          `swift build -c release --product termdash`; the bar is for release builds)
#   MONITOR_BENCH_SECONDS  the measured window in seconds (default 60)
#   MONITOR_BENCH_WARMUP   seconds both programs run before the window opens (default 15)
#   MONITOR_BENCH_CPS      the simulator's peak CPS (default: the simulator's own default)
# A quick run: MONITOR_BENCH_SECONDS=10 MONITOR_BENCH_WARMUP=5 bench/monitor-vs-htop.sh
#
# Exit status: 0 measured (and, with --strict, both bars met), 1 an error, 2 a bar missed with --strict.
set -euo pipefail

strict=0
keep=0
for argument in "$@"; do
    case $argument in
        --strict) strict=1 ;;
        --keep) keep=1 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "monitor-vs-htop: unknown argument $argument (see --help)" >&2; exit 1 ;;
    esac
done

termdash=${TERMDASH:-.build/release/termdash}
window=${MONITOR_BENCH_SECONDS:-60}
warmup=${MONITOR_BENCH_WARMUP:-15}
cps=${MONITOR_BENCH_CPS:-}
width=200
height=50
term=xterm-256color
locale=C.UTF-8

fail() { echo "monitor-vs-htop: $*" >&2; exit 1; }
[[ $window =~ ^[0-9]+$ && $window -ge 1 ]] || fail "MONITOR_BENCH_SECONDS must be a whole number of seconds ≥ 1"
[[ $warmup =~ ^[0-9]+$ ]] || fail "MONITOR_BENCH_WARMUP must be a whole number of seconds"
[[ -x $termdash ]] || fail "no termdash binary at $termdash (swift build -c release --product termdash, or set TERMDASH)"
termdash=$(cd "$(dirname "$termdash")" && pwd)/$(basename "$termdash")
for tool in tmux htop; do
    command -v $tool >/dev/null || fail "$tool is not installed (make bench-monitor installs it)"
done
[[ -r /proc/self/stat ]] || fail "needs /proc (Linux)"
ticks_per_second=$(getconf CLK_TCK)

work=$(mktemp -d "${TMPDIR:-/tmp}/termdash-monitor-bench.XXXXXX")
socket="termdash-monitor-bench-$$"
simulator_pid=""
tmux_() { tmux -L "$socket" -f /dev/null "$@"; }
cleanup() {
    tmux_ kill-server 2>/dev/null || true
    if [[ -n $simulator_pid ]] && kill -0 "$simulator_pid" 2>/dev/null; then
        kill -TERM "$simulator_pid" 2>/dev/null || true
        wait "$simulator_pid" 2>/dev/null || true
    fi
    if ((keep)); then echo "Work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The same environment for both programs: terminal type, locale, and an empty home with no config files.
mkdir -p "$work/home/.config" "$work/home/.local/share"
environment=(env "TERM=$term" "LANG=$locale" "LC_ALL=$locale" "HOME=$work/home"
    "XDG_CONFIG_HOME=$work/home/.config" "XDG_DATA_HOME=$work/home/.local/share")
unset NO_COLOR COLORTERM

# 1. Traffic: back-fill one day, then live calls until the end of the bench.
store=$work/store.db
simulate=("$termdash" simulate --db "$store" --history-days 1)
[[ -n $cps ]] && simulate+=(--cps "$cps")
echo "Back-filling one day of simulated traffic into $store…"
# stdbuf: the simulator's lines go to a file, where stdout is block-buffered; line buffering lets the wait below
# see "Simulating …", printed once the back-fill is done and live traffic starts.
"${environment[@]}" stdbuf -oL "${simulate[@]}" </dev/null >"$work/simulate.log" 2>&1 &
simulator_pid=$!
for ((waited = 0; ; waited++)); do
    grep -q '^Simulating' "$work/simulate.log" 2>/dev/null && break
    kill -0 "$simulator_pid" 2>/dev/null || { cat "$work/simulate.log" >&2; fail "the simulator stopped"; }
    ((waited < 1200)) || fail "the simulator did not start live traffic within 10 minutes: $(cat "$work/simulate.log")"
    sleep 0.5
done

# 2. The two programs side by side, each in a detached 200×50 session of one private tmux server. `exec` makes
#    the pane's process the program itself, so #{pane_pid} is the process to measure.
command_line() { printf '%q ' exec "${environment[@]}" "$@"; }
tmux_ start-server \; set-option -g status off \; \
    new-session -d -s termdash -x $width -y $height "$(command_line "$termdash" monitor --db "$store")" \; \
    pipe-pane -o -t termdash "cat >> $(printf %q "$work/termdash.pty")" \; \
    new-session -d -s htop -x $width -y $height "$(command_line htop -d 10)" \; \
    pipe-pane -o -t htop "cat >> $(printf %q "$work/htop.pty")"
pid_of() { tmux_ display-message -p -t "$1" '#{pane_pid}'; }
termdash_pid=$(pid_of termdash)
htop_pid=$(pid_of htop)
for session in termdash htop; do
    size=$(tmux_ display-message -p -t $session '#{pane_width}x#{pane_height}')
    [[ $size == "${width}x$height" ]] || fail "the $session pane is $size, not ${width}x$height"
done

# 3. Warm-up, then one window, sampling both programs back to back at each end.
cpu_ticks() {  # utime + stime of process $1; the fields after "(comm)" start at field 3, so 14 and 15 are 12, 13.
    local stat
    stat=$(<"/proc/$1/stat") || fail "process $1 is gone"
    stat=${stat##*) }
    local fields
    read -r -a fields <<<"$stat"
    echo $((fields[11] + fields[12]))
}
bytes_of() { stat -c %s "$1" 2>/dev/null || echo 0; }
alive() {
    for pair in "termdash:$termdash_pid" "htop:$htop_pid"; do
        kill -0 "${pair#*:}" 2>/dev/null || fail "${pair%%:*} exited early; see the pane output in $work (--keep)"
    done
}
echo "Warming up for ${warmup} s, then measuring for ${window} s…"
sleep "$warmup"
alive
start=$(date +%s.%N)
termdash_cpu0=$(cpu_ticks "$termdash_pid"); htop_cpu0=$(cpu_ticks "$htop_pid")
termdash_bytes0=$(bytes_of "$work/termdash.pty"); htop_bytes0=$(bytes_of "$work/htop.pty")
sleep "$window"
alive
termdash_cpu1=$(cpu_ticks "$termdash_pid"); htop_cpu1=$(cpu_ticks "$htop_pid")
termdash_bytes1=$(bytes_of "$work/termdash.pty"); htop_bytes1=$(bytes_of "$work/htop.pty")
end=$(date +%s.%N)
live_calls=$(tail -n 1 "$work/simulate.log")

# 4. The table and the verdict.
set +e
awk -v hz="$ticks_per_second" -v start="$start" -v end="$end" -v warmup="$warmup" \
    -v tc="$((termdash_cpu1 - termdash_cpu0))" -v hc="$((htop_cpu1 - htop_cpu0))" \
    -v tb="$((termdash_bytes1 - termdash_bytes0))" -v hb="$((htop_bytes1 - htop_bytes0))" \
    -v geometry="${width}x$height" -v term="$term" -v locale="$locale" -v version="$("$termdash" version | head -n 1)" '
    function row(name, ticks, bytes) {
        printf "%-10s %8.2f %7.3f%% %10d %9.1f\n", name, ticks / hz, 100 * ticks / hz / elapsed, bytes, bytes / elapsed
    }
    function ratio(a, b) { return b > 0 ? sprintf("%.2f", a / b) : (a > 0 ? "inf" : "n/a") }
    BEGIN {
        elapsed = end - start
        printf "termdash monitor vs htop -d 10: %s, %s, %s, %.1f s window after %d s warm-up (%s)\n",
            geometry, term, locale, elapsed, warmup, version
        printf "%-10s %8s %8s %10s %9s\n", "program", "CPU s", "CPU %", "bytes", "bytes/s"
        row("termdash", tc, tb)
        row("htop", hc, hb)
        # CPU is counted in ticks of 1/CLK_TCK s: the ratio of two zero counts is met, not undefined.
        cpuPass = tc <= hc
        bytePass = tb <= 2 * hb
        printf "CPU    termdash/htop = %s  (bar: at most 1)  %s\n", ratio(tc, hc), (cpuPass ? "PASS" : "FAIL")
        printf "bytes  termdash/htop = %s  (bar: at most 2)  %s\n", ratio(tb, hb), (bytePass ? "PASS" : "FAIL")
        exit (cpuPass && bytePass) ? 0 : 2
    }'
verdict=$?
set -e
echo "simulator log: $live_calls"
if ((strict && verdict != 0)); then exit 2; fi
exit 0
