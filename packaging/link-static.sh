#!/bin/sh
# packaging/link-static.sh OUT: links the termdash that `swift build` last compiled in .build (the objects the tests
# ran) once more, with the Swift runtime and Foundation linked in, as `swift build --static-swift-stdlib` links the
# release build. `make test` packages this binary, so the suite compiles the code once, not twice (a second, static
# build of every module took a third of its time). `make deb` and `make install` package the release build.
set -eu
out=$1
cd "$(dirname "$0")/.."
# SwiftPM's own link command for the product, read from its build plan: the objects, libraries and flags it used.
plan=.build/debug.yaml
bin=$(readlink -f .build/debug)
[ -f "$plan" ] || { echo "link-static: no build plan at $plan: run swift build first" >&2; exit 1; }
arguments=$(python3 - "$plan" "$bin/termdash" <<'PLAN'
import json, re, sys
plan, product = sys.argv[1], sys.argv[2]
for line in open(plan):
    line = line.strip()
    if not line.startswith("args: ["):
        continue
    arguments = json.loads(line[len("args: "):])
    if "-emit-executable" in arguments and "-o" in arguments and arguments[arguments.index("-o") + 1] == product:
        print("\n".join(arguments))
        sys.exit(0)
sys.exit("link-static: no link command for " + product + " in " + plan)
PLAN
)
swiftc=$(echo "$arguments" | head -1)
static=$(dirname "$(dirname "$swiftc")")/lib/swift_static/linux
[ -d "$static" ] || { echo "link-static: no static Swift runtime at $static" >&2; exit 1; }
# -static-stdlib links the runtime (static-stdlib-args.lnk). Objects compiled for the shared runtime name Foundation's
# shared libraries in their autolink entries, not its static ones' own dependencies (ICU, CoreFoundation, the
# collections), so every static archive is offered in one group: the linker takes only the members it needs.
group=""
for archive in "$static"/*.a; do group="$group -Xlinker $archive"; done
mkdir -p "$(dirname "$out")"
rm -f "$out"
# The plan's arguments, the output renamed; one per line, so paths with spaces would survive (none are expected).
echo "$arguments" | tail -n +2 | sed "s|^$bin/termdash\$|$out|" > "$out.arguments"
# shellcheck disable=SC2086
"$swiftc" @"$out.arguments" -static-stdlib -Xlinker --start-group $group -Xlinker --end-group 2>&1 |
    grep -v "warning: Using '.*' in statically linked\|is dangerous, better use" || true
rm -f "$out.arguments"
[ -x "$out" ] && "$out" version > /dev/null || { echo "link-static: $out was not linked" >&2; exit 1; }
