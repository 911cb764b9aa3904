#!/usr/bin/env bash
# The Kamailio feed's cost (make bench-kamailio): sipp places calls through Kamailio (reference config) to a carrier
# that answers, at KAMAILIO_BENCH_CPS calls a second (200) for KAMAILIO_BENCH_SECONDS (60), each held 2 s, while
# `termdash feed kamailio` (refresh 1 s) feeds a fresh store. Prints the CPU seconds (utime + stime from
# /proc/PID/stat) of the feed and of all Kamailio's processes over the run, and whether the feed kept up: every
# acc_cdrs row stored, no call left in progress. Everything on 127.0.0.1, in a temporary folder, stopped by PID.
set -euo pipefail
termdash=${TERMDASH:-.build/release/termdash}
cps=${KAMAILIO_BENCH_CPS:-200}
seconds=${KAMAILIO_BENCH_SECONDS:-60}
here=$(cd "$(dirname "$0")/../integrations/kamailio" && pwd)
PATH="$PATH:/usr/sbin"
lab=$(mktemp -d "${TMPDIR:-/tmp}/termdash-kamailio-bench.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$lab"
}
trap cleanup EXIT
free_port() {
    python3 -c 'import socket,sys; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM if sys.argv[1]=="udp" else socket.SOCK_STREAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' "$1"
}
sip=$(free_port udp); http=$(free_port tcp); alpha=$(free_port udp); beta=$(free_port udp)
sqlite3 -batch "$lab/acc.db" ".read $here/acc.sql" >/dev/null
kamailio -f "$here/kamailio.cfg" -Y "$lab" -w "$lab" -DD -E -A "SIP_LISTEN=udp:127.0.0.1:$sip" \
    -A "HTTP_LISTEN=tcp:127.0.0.1:$http" -A "ACC_DB_URL=\"sqlite:///$lab/acc.db\"" -A "RPC_SOCKET=\"$lab/rpc.sock\"" \
    -A "CARRIER_A_URI=\"sip:127.0.0.1:$alpha\"" -A "CARRIER_B_URI=\"sip:127.0.0.1:$beta\"" >"$lab/kamailio.log" 2>&1 &
kamailio=$!; pids+=($kamailio)
sipp -sf "$here/sipp/uas-answer.xml" -i 127.0.0.1 -p "$alpha" -ci 127.0.0.1 -cp "$(free_port udp)" -mi 127.0.0.1 \
    -mp "$(free_port udp)" -pause_msg_ign -nostdin >"$lab/carrier.log" 2>&1 &
pids+=($!)
sleep 2
"$termdash" feed kamailio --db "$lab/termdash.db" --rpc "http://127.0.0.1:$http/RPC" --acc-db "$lab/acc.db" \
    >"$lab/feed.log" 2>&1 &
feed=$!; pids+=($feed)
sleep 1

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
kamailio_cpu() { local sum=0 pid; for pid in $kamailio $(pgrep -P "$kamailio"); do sum=$((sum + $(cpu "$pid"))); done; echo $sum; }
feed0=$(cpu $feed); kam0=$(kamailio_cpu); start=$(date +%s.%N)
sipp "127.0.0.1:$sip" -sf "$here/sipp/uac.xml" -s 1001 -key customer acme -key src 1000 -d 2000 -r "$cps" \
    -m $((cps * seconds)) -l $((cps * 10)) -i 127.0.0.1 -p "$(free_port udp)" -ci 127.0.0.1 -cp "$(free_port udp)" \
    -mi 127.0.0.1 -mp "$(free_port udp)" -pause_msg_ign -nostdin -timeout $((seconds + 60)) >"$lab/caller.log" 2>&1 || true
sleep 3
feed1=$(cpu $feed); kam1=$(kamailio_cpu); end=$(date +%s.%N)
rows=$(sqlite3 "$lab/acc.db" 'SELECT COUNT(*) FROM acc_cdrs')
stored=$(sqlite3 "$lab/termdash.db" 'SELECT COUNT(*) FROM cdrs')
live=$(sqlite3 "$lab/termdash.db" 'SELECT COUNT(*) FROM calls_in_progress')
awk -v f=$((feed1 - feed0)) -v k=$((kam1 - kam0)) -v t="$ticks" -v s="$start" -v e="$end" -v cps="$cps" \
    -v calls=$((cps * seconds)) -v rows="$rows" -v stored="$stored" -v live="$live" 'BEGIN {
    wall = e - s
    printf "%d calls at %d CPS (2 s each) over %.1f s wall\n", calls, cps, wall
    printf "CPU seconds: feed %.2f (%.1f%% of a core), Kamailio (all processes) %.2f (%.1f%% of a core), ratio %.2f\n",
        f / t, 100 * f / t / wall, k / t, 100 * k / t / wall, (k > 0 ? f / k : 0)
    printf "acc_cdrs rows %d, CDRs stored %d, calls left in progress %d: %s\n", rows, stored, live,
        (rows == stored && live == 0 ? "the feed kept up" : "the feed did NOT keep up")
}'
