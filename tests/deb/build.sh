#!/bin/sh
# Build the Debian binary package from this source tree into OUTDIR:
#   tests/deb/build.sh OUTDIR      (make deb does this into ./deb)
# The tree is copied first (tracked and untracked files, as git sees them,
# or the whole directory outside git), because dpkg-buildpackage cleans
# the tree it builds in and writes its results beside it.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: build.sh OUTDIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/firstline-deb-build.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/firstline"
if git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
	(cd "$top" && git ls-files -z -co --exclude-standard |
	    tar --null -T - -cf -) | tar -xf - -C "$work/firstline"
else
	(cd "$top" && tar --exclude=./deb -cf - .) | tar -xf - -C "$work/firstline"
	[ ! -f "$work/firstline/Makefile" ] ||
	    (cd "$work/firstline" && make -s distclean >/dev/null 2>&1) || true
fi
if ! (cd "$work/firstline" &&
    dpkg-buildpackage -us -uc -b -j"$(nproc)") >"$work/build.log" 2>&1; then
	tail -n 40 "$work/build.log" >&2
	echo "build.sh: dpkg-buildpackage failed (log above)" >&2
	exit 1
fi
rm -f "$out"/firstline_*.deb "$out"/firstline-dbgsym_*.deb
cp "$work"/firstline_*.deb "$work"/firstline-dbgsym_*.deb "$out"/
cp "$work/build.log" "$out/build.log"
ls "$out"/firstline_*.deb
