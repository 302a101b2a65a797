#!/bin/sh
# Hostile XML is refused quickly, reads no other file, loads nothing.
. "$(dirname "$0")/lib.sh"

H="$TESTDATA/hostile"
fl init >/dev/null

# refuse FILE TEXT DESC: refused with exit 1, in under 2 s, nothing loaded.
refuse() {
	start=$(date +%s%N)
	fl bank load "$1"
	end=$(date +%s%N)
	expect_rc 1 "$3: refused"
	has "$2" "$ERR" "$3: says why, with file and line"
	ms=$(( (end - start) / 1000000 ))
	[ "$ms" -lt 2000 ]; ok $? "$3: refused in ${ms} ms (< 2000)"
	[ "$(sql 'SELECT count(*) FROM module_version')" = 0 ]; ok $? "$3: nothing loaded"
}

refuse "$H/xxe-file.xml" "xxe-file.xml:2: DOCTYPE declarations are not allowed" "external entity to a local file"
refuse "$H/parameter-entity.xml" "parameter-entity.xml:2: DOCTYPE" "parameter entity"
refuse "$H/external-dtd.xml" "external-dtd.xml:2: DOCTYPE" "external DTD"
refuse "$H/billion-laughs.xml" "billion-laughs.xml:2: DOCTYPE" "billion laughs"
refuse "$H/xinclude.xml" "xinclude.xml:5: Element '{http://www.w3.org/2001/XInclude}include': This element is not expected" "XInclude"

# 100,000-deep nesting
awk 'BEGIN { printf "<bank module=\"deep\">"; for (i = 0; i < 100000; i++) printf "<a>"; for (i = 0; i < 100000; i++) printf "</a>"; print "</bank>" }' > "$TMP/deep.xml"
refuse "$TMP/deep.xml" "deep.xml:1: Excessive depth" "100,000-deep nesting"

# A file over the size limit is refused before it is read.
truncate -s 300M "$TMP/huge.xml"
refuse "$TMP/huge.xml" "huge.xml: file is too large" "a 300 MB file"

# No other file is opened while reading hostile input.
if command -v strace >/dev/null 2>&1; then
	strace -f -e trace=open,openat -o "$TMP/trace" "$FIRSTLINE" bank check \
	    "$H/xxe-file.xml" "$H/parameter-entity.xml" "$H/external-dtd.xml" \
	    "$H/xinclude.xml" >/dev/null 2>&1
	opened=$(grep -c -e /etc/hostname -e evil.dtd)
	[ "$opened" = 0 ]; ok $? "no file named by an entity, DTD or XInclude was opened"
else
	T_N=$((T_N + 1)); echo "ok $T_N # SKIP strace not installed"
fi

done_testing
