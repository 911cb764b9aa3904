#!/usr/bin/env bash
# The Kamailio lab and the monitor on it (make demo-kamailio): Kamailio with the reference config, two sipp carriers
# (alpha answers, beta is busy), endpoints that register, callers for two customers (acme, bravo) — some calls to
# each carrier, some to no route, some with SIP INFO DTMF — and `termdash monitor` running the feed. Everything
# listens on 127.0.0.1 only, lives in a temporary folder, and is stopped by PID when the monitor quits.
#   integrations/kamailio/lab.sh [TERMDASH]    (default .build/release/termdash; LAB_KEEP=1 keeps the folder)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
termdash=${1:-.build/release/termdash}
for program in kamailio sipp sqlite3; do
    command -v "$program" >/dev/null || PATH="$PATH:/usr/sbin" command -v "$program" >/dev/null || {
        echo "$program is not installed: make test installs it (kamailio kamailio-sqlite-modules sip-tester sqlite3)" >&2
        exit 1
    }
done
PATH="$PATH:/usr/sbin"
lab=$(mktemp -d "${TMPDIR:-/tmp}/termdash-kamailio-lab.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [ -n "${LAB_KEEP:-}" ]; then echo "The lab is kept in $lab"; else rm -rf "$lab"; fi
}
trap cleanup EXIT

# Free loopback ports, as the kernel hands them out.
free_port() {
    python3 -c 'import socket,sys; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM if sys.argv[1]=="udp" else socket.SOCK_STREAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' "$1" 2>/dev/null \
        || echo $((20000 + RANDOM % 40000))
}
sip=$(free_port udp); http=$(free_port tcp); alpha=$(free_port udp); beta=$(free_port udp)

sqlite3 -batch "$lab/acc.db" ".read $here/acc.sql" >/dev/null
kamailio -f "$here/kamailio.cfg" -Y "$lab" -w "$lab" -DD -E -A "SIP_LISTEN=udp:127.0.0.1:$sip" \
    -A "HTTP_LISTEN=tcp:127.0.0.1:$http" -A "ACC_DB_URL=\"sqlite:///$lab/acc.db\"" -A "RPC_SOCKET=\"$lab/rpc.sock\"" \
    -A "CARRIER_A_URI=\"sip:127.0.0.1:$alpha\"" -A "CARRIER_B_URI=\"sip:127.0.0.1:$beta\"" >"$lab/kamailio.log" 2>&1 &
pids+=($!)

sipp_run() { # LOG ARGS...: sipp on loopback with its own control and media ports, in the background
    local log=$1; shift
    sipp "$@" -i 127.0.0.1 -p "$(free_port udp)" -ci 127.0.0.1 -cp "$(free_port udp)" -mi 127.0.0.1 \
        -mp "$(free_port udp)" -pause_msg_ign -nostdin >"$lab/$log.log" 2>&1 &
    pids+=($!)
}
sipp_run carrier-alpha -sf "$here/sipp/uas-answer.xml"
sipp_run carrier-beta -sf "$here/sipp/uas-busy.xml"
for _ in $(seq 50); do
    sleep 0.2
    if sqlite3 "$lab/acc.db" 'SELECT 1' >/dev/null 2>&1 && (exec 3<>"/dev/tcp/127.0.0.1/$http") 2>/dev/null; then break; fi
done

# Endpoints register (the registrations graph and count), then traffic: rates are calls per -rp milliseconds.
sipp_run register-acme 127.0.0.1:$sip -sf "$here/sipp/register.xml" -key customer acme -key src 10 -m 12 -r 4
sipp_run register-bravo 127.0.0.1:$sip -sf "$here/sipp/register.xml" -key customer bravo -key src 20 -m 7 -r 4
sipp_run acme-alpha-dtmf 127.0.0.1:$sip -sf "$here/sipp/uac-dtmf.xml" -s 1001 -key customer acme -key src 1000 -d 40000 -r 1 -rp 2000
sipp_run bravo-alpha 127.0.0.1:$sip -sf "$here/sipp/uac.xml" -s 1002 -key customer bravo -key src 2000 -d 90000 -r 1 -rp 3000
sipp_run acme-beta 127.0.0.1:$sip -sf "$here/sipp/uac.xml" -s 2001 -key customer acme -key src 1000 -r 1 -rp 5000
sipp_run bravo-noroute 127.0.0.1:$sip -sf "$here/sipp/uac.xml" -s 9001 -key customer bravo -key src 2000 -r 1 -rp 9000

cat >"$lab/config.toml" <<EOF
[sources.lab]
kind = "kamailio"
rpc = "http://127.0.0.1:$http/RPC"
acc_db = "$lab/acc.db"
EOF
echo "Kamailio on udp:127.0.0.1:$sip, JSON-RPC on http://127.0.0.1:$http/RPC, lab in $lab; q quits"
sleep 1
"$termdash" monitor --config "$lab/config.toml" --db "$lab/termdash.db"
