#!/bin/sh
# Builds the Debian package from a staged install: packaging/build-deb.sh STAGE VERSION OUT.deb
# STAGE is `make install DESTDIR=STAGE PREFIX=/usr ...` (make deb does both); it is copied, not changed. Depends: is what dpkg-shlibdeps reads
# from the binary's ELF needs against this (bookworm) system's shlibs and symbols files: the Debian library packages
# and the lowest versions with the symbols it uses.
set -eu
stage=$1 version=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
arch=$(dpkg --print-architecture)

# dpkg-shlibdeps wants a debian/control beside it; a scratch one is enough.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/debian"
printf 'Source: termdash\n\nPackage: termdash\nArchitecture: any\n' > "$work/debian/control"
cp -a "$stage" "$work/root"
stage=$work/root
binary=$stage/usr/bin/termdash
depends=$(cd "$work" && dpkg-shlibdeps -O -e"$binary" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "build-deb: dpkg-shlibdeps found no dependencies for $binary" >&2; exit 1; }

# Debian keeps man pages and changelogs gzipped, without timestamps.
find "$stage/usr/share/man" -type f -name '*.[0-9]' -exec gzip -9nf {} +
mkdir -p "$stage/DEBIAN"
install -m 0755 "$here/debian/postinst" "$here/debian/postrm" "$here/debian/prerm" "$stage/DEBIAN/"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<CONTROL
Package: termdash
Version: $version
Architecture: $arch
Maintainer: TermDash authors <termdash@localhost>
Installed-Size: $size
Depends: $depends, passwd
Section: net
Priority: optional
Homepage: https://example.invalid/termdash
Description: terminal live monitor for VoIP switches and CDR billing
 TermDash shows a switch's calls, ASR, ACD, CPS and spend per customer and carrier
 live in the terminal, imports and rates CDR files from Asterisk, FreeSWITCH and
 Kamailio, and issues invoices. Services (disabled until enabled) keep its store
 current: termdash-import@.service, termdash-feed@.service and
 termdash-exporter.service for Prometheus.
CONTROL
( cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum ) > "$stage/DEBIAN/md5sums"
dpkg-deb --build --root-owner-group -Z"${DEB_COMPRESSION:-xz}" "$stage" "$out"
