#!/bin/sh
# The package test (make package-test): packaging/test-package.sh TERMDASH.deb STAGE
# In a clean debootstrapped bookworm root (cached under .build/pkgtest, copied fresh for every run): an older-versioned
# package installed, the store the previous release wrote put in /var/lib/termdash, the new package installed over
# it, then what an operator would check — the binary runs, man page, completions, units, user and folders — and the
# upgraded store reporting exactly the previous release's figures. Needs root (chroot) and, for the first run, the
# Debian mirror (DEBIAN_MIRROR).
set -eu
deb=$1 stage=$(cd "$2" && pwd)
repo=$(cd "$(dirname "$0")/.." && pwd)
cache=$repo/.build/pkgtest
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
fixture=$repo/packaging/fixtures/previous-release
failures=0
started=$(date +%s)
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
phase() { echo "== $* ($(($(date +%s) - started)) s)"; }
[ "$(id -u)" -eq 0 ] || { echo "test-package: needs root (chroot, debootstrap)" >&2; exit 1; }

phase "the binary needs only Debian libraries"
binary=$stage/usr/bin/termdash
libs=$(ldd "$binary" | awk '/=>/ { print $3 } /^\t\/lib/ { print $1 }')
if ldd "$binary" | grep -q 'not found'; then fail "ldd: a library is missing"; fi
for lib in $libs; do
    owner=$(dpkg -S "$(readlink -f "$lib")" 2>/dev/null || dpkg -S "$lib" 2>/dev/null || true)
    case $owner in
    "") fail "$lib belongs to no Debian package (not linked statically?)" ;;
    *) echo "  $lib  ${owner%%:*}" ;;
    esac
done
depends=$(dpkg-deb -f "$deb" Depends)
echo "  Depends: $depends"

phase "a clean bookworm root"
# The root holds the package's Depends (read from the .deb: what dpkg -i will check) and man-db.
include=$(echo "$depends" | tr ',' '\n' | sed 's/(.*)//; s/|.*//; s/ //g' | grep -v '^$' | sort -u | tr '\n' ',')man-db
base=$cache/base-$(echo "$include" | md5sum | cut -c1-12)
if [ ! -f "$base/.complete" ]; then
    rm -rf "$base"
    mkdir -p "$cache"
    debootstrap --variant=minbase --include="$include" bookworm "$base" "$mirror" > "$cache/debootstrap.log" 2>&1 ||
        { tail -20 "$cache/debootstrap.log" >&2; exit 1; }
    touch "$base/.complete"
fi
root=$cache/root
rm -rf "$root"
cp -a "$base" "$root"
rm -f "$root/.complete"
mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2>/dev/null || true' EXIT
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root "$@"; }
as_termdash() { chroot --userspec=termdash:termdash "$root" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=/var/lib/termdash "$@"; }

phase "an older-versioned package, and the previous release's store under it"
version=$(dpkg-deb -f "$deb" Version)
older=$cache/termdash_${version}~previous.deb
# Uncompressed: xz costs a minute here and proves nothing the new package does not.
DEB_COMPRESSION=none "$repo/packaging/build-deb.sh" "$stage" "${version}~previous" "$older" > /dev/null
cp "$older" "$deb" "$root/tmp/"
in_root dpkg -i "/tmp/$(basename "$older")" > "$cache/dpkg-older.log" 2>&1 || { cat "$cache/dpkg-older.log" >&2; fail "dpkg -i older"; }
[ "$(in_root getent passwd termdash | cut -d: -f7)" = /usr/sbin/nologin ] && pass "system user termdash" || fail "no user termdash"
for folder in /var/lib/termdash /var/spool/termdash; do
    owner=$(in_root stat -c %U:%G "$folder" 2>/dev/null || true)
    [ "$owner" = termdash:termdash ] && pass "$folder owned by termdash" || fail "$folder: owner '$owner'"
done
gzip -dc "$fixture/store.db.gz" > "$root/var/lib/termdash/termdash.db"
in_root chown termdash:termdash /var/lib/termdash/termdash.db
before=$(sha256sum < "$root/var/lib/termdash/termdash.db")

phase "the new package over it"
in_root dpkg -i "/tmp/$(basename "$deb")" > "$cache/dpkg.log" 2>&1 || { cat "$cache/dpkg.log" >&2; fail "dpkg -i"; }
[ "$(in_root dpkg-query -W -f '${Version} ${db:Status-Status}' termdash)" = "$version installed" ] &&
    pass "upgraded to $version" || fail "not upgraded: $(in_root dpkg-query -W termdash)"
[ "$(sha256sum < "$root/var/lib/termdash/termdash.db")" = "$before" ] && pass "the store is kept as it was" ||
    fail "the upgrade changed the store"

phase "the binary, its help and its man page"
in_root ldd /usr/bin/termdash | grep -q 'not found' && fail "ldd in the root: a library is missing"
out=$(in_root termdash version 2>&1) && echo "$out" | grep -q "^Version $version+" && pass "termdash version: $(echo "$out" | head -1)" ||
    fail "termdash version: $out"
out=$(in_root termdash demo --help 2>&1) && echo "$out" | grep -q "USAGE: termdash demo" && pass "termdash demo --help" ||
    fail "termdash demo --help: $out"
in_root env MANPAGER=cat MANWIDTH=200 man termdash > "$cache/man.txt" 2>&1 || fail "man termdash: $(head -5 "$cache/man.txt")"
# Every command and every option of the command tree is in the page (listed from the binary's own dump).
if command -v python3 > /dev/null; then
    missing=$("$binary" --experimental-dump-help | python3 -c '
import json, re, sys
page = open(sys.argv[1]).read()
def walk(command, path):
    for argument in command.get("arguments") or []:
        for name in argument.get("names") or []:
            if name["kind"] == "long" and "--" + name["name"] not in page:
                yield " ".join(path) + ": --" + name["name"]
    for sub in command.get("subcommands") or []:
        # The page nests each subcommand under its parent as an item of its own name.
        if not re.search(r"^ +" + re.escape(sub["commandName"]) + r"( |$)", page, re.M):
            yield " ".join(path + [sub["commandName"]])
        yield from walk(sub, path + [sub["commandName"]])
for gap in walk(json.load(sys.stdin)["command"], ["termdash"]):
    print(gap)
' "$cache/man.txt")
    [ -z "$missing" ] && pass "man termdash lists every command and option" || fail "man termdash lacks: $missing"
else
    grep -q "termdash exporter" "$cache/man.txt" && pass "man termdash (no python3: spot check only)" || fail "man termdash"
fi

phase "completions and units where they belong, the units disabled"
for file in /usr/share/bash-completion/completions/termdash /usr/share/zsh/vendor-completions/_termdash \
    /usr/share/fish/vendor_completions.d/termdash.fish /lib/systemd/system/termdash-import@.service \
    /lib/systemd/system/termdash-feed@.service /lib/systemd/system/termdash-exporter.service \
    /usr/share/doc/termdash/config.example.toml /usr/share/doc/termdash/copyright /usr/share/doc/termdash/install.md; do
    [ -s "$root$file" ] && pass "$file" || fail "missing $file"
done
words=$(in_root bash -c '. /usr/share/bash-completion/completions/termdash
    COMP_WORDS=(termdash imp); COMP_CWORD=1; COMP_LINE="termdash imp"; COMP_POINT=12; _termdash termdash imp termdash
    echo "${COMPREPLY[*]}"' 2>&1)
[ "$words" = import ] && pass "bash completes 'termdash imp' to import" || fail "bash completion of 'termdash imp': '$words'"
enabled=$(find "$root/etc/systemd" -name 'termdash*' 2>/dev/null)
[ -z "$enabled" ] && pass "no unit enabled" || fail "enabled after install: $enabled"
# systemd-analyze verify on this machine (the root has no systemd): the units as installed, ExecStart= pointing at the
# staged binary, instances named as an operator would.
if command -v systemd-analyze > /dev/null; then
    units=$cache/units
    rm -rf "$units" && mkdir -p "$units"
    for unit in termdash-exporter.service termdash-import@.service termdash-feed@.service; do
        sed "s|/usr/bin/termdash|$binary|" "$root/lib/systemd/system/$unit" > "$units/$unit"
    done
    cp "$units/termdash-import@.service" "$units/termdash-import@asterisk.service"
    cp "$units/termdash-feed@.service" "$units/termdash-feed@edge.service"
    out=$(systemd-analyze verify --man=no "$units/termdash-exporter.service" "$units/termdash-import@asterisk.service" \
        "$units/termdash-feed@edge.service" 2>&1) && [ -z "$out" ] && pass "systemd-analyze verify" ||
        fail "systemd-analyze verify: $out"
fi

phase "the previous release's store: migrated on first open, the same figures"
# The first writer to open it migrates it, as the import or feed service does when it starts.
mkdir -p "$root/var/spool/termdash/empty"
in_root chown termdash:termdash /var/spool/termdash/empty
out=$(as_termdash termdash import --db /var/lib/termdash/termdash.db --watch /var/spool/termdash/empty --once 2>&1) ||
    fail "first open (import --watch --once): $out"
period="--from 2026-12-01 --to 2026-12-08 --format csv --db /var/lib/termdash/termdash.db"
for report in customers carriers "summary --period daily"; do
    file=$(echo "$report" | sed 's/summary --period daily/summary-daily/').csv
    # shellcheck disable=SC2086
    as_termdash termdash report $report $period > "$cache/$file" 2>&1 || true
    if cmp -s "$cache/$file" "$fixture/$file"; then
        pass "report $report: $(($(wc -l < "$fixture/$file") - 1)) rows as the previous release printed them"
    else
        fail "report $report differs from $fixture/$file:"; diff "$fixture/$file" "$cache/$file" | head -10 >&2
    fi
done

phase "purge removes the user, the store and the spool"
in_root dpkg --purge termdash > "$cache/dpkg-purge.log" 2>&1 || fail "dpkg --purge: $(cat "$cache/dpkg-purge.log")"
for gone in /var/lib/termdash /var/spool/termdash /usr/bin/termdash; do
    [ ! -e "$root$gone" ] && pass "$gone removed" || fail "$gone left after purge"
done
in_root getent passwd termdash > /dev/null && fail "user termdash left after purge" || pass "user termdash removed"

phase "done: $failures failure(s)"
[ "$failures" -eq 0 ]
