#!/bin/sh
# make test's test step: the XCTest bundle (built by `swift build --build-tests`) run as two processes at once.
# Most of the suite's time is spent waiting — on tmux screens, on servers, on child processes — so two lanes take
# about half the wall time on 2 cores. Lane 1: the suites that drive a terminal or a real switch; lane 2: the rest
# (each lane starts the test servers it needs itself; the suites that run servers or importers go there too). Each lane's log is printed whole when both are done, so the
# output reads as one run; the exit status is non-zero when either lane failed.
# Usage: Tests/run-in-two-lanes.sh [BUNDLE]
set -u
bundle=${1:-.build/debug/TermDashPackageTests.xctest}
logs=.build/test-lanes
mkdir -p "$logs"
list=$("$bundle" --list-tests) || { echo "run-in-two-lanes: cannot list the tests of $bundle" >&2; exit 1; }
suites=$(echo "$list" | sed -n 's|^\([A-Za-z]*\.[A-Za-z0-9_]*\)/.*|\1|p' | sort -u)
[ -n "$suites" ] || { echo "run-in-two-lanes: $bundle lists no tests" >&2; exit 1; }
lane1="" lane2=""
for suite in $suites; do
    case $suite in
    # The Kamailio labs one after the other (sipp and Kamailio take free ports as they start: two labs at once
    # could take the same one), the one on the servers too.
    *Kamailio*) lane1="$lane1,$suite" ;;
    *ServerStore*|*Import*|*Prometheus*) lane2="$lane2,$suite" ;;
    *EndToEnd*) lane1="$lane1,$suite" ;;
    *) lane2="$lane2,$suite" ;;
    esac
done
started=$(date +%s)
"$bundle" "${lane1#,}" > "$logs/lane1.log" 2>&1 &
first=$!
"$bundle" "${lane2#,}" > "$logs/lane2.log" 2>&1 &
second=$!
wait $first; status1=$?
wait $second; status2=$?
cat "$logs/lane1.log" "$logs/lane2.log"
echo "Two lanes: $(echo "$lane1" | tr ',' '\n' | grep -c .) suites (exit $status1) and $(echo "$lane2" | tr ',' '\n' | grep -c .) suites (exit $status2) in $(($(date +%s) - started)) s"
[ $status1 -eq 0 ] && [ $status2 -eq 0 ]
