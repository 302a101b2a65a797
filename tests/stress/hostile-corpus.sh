#!/bin/sh
# The hostile corpus through the real binary: every XML file of
# tests/data/hostile and every CSV of tests/data/hostile-csv, plus large
# inputs made here (a 10 MB text node, a 12 MB attribute, 20,000 questions,
# a 1 MB CSV field, a 9 MB roster, 20,001 rows).  Each is refused with a
# message naming the file and line (XML) or the row (CSV), or accepted when
# it is legitimately valid; never a crash, always within a time limit, and a
# refusal loads or enrols nothing.  No network connection and no file named
# by the input is ever opened.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/figures.sh"

H="$TESTDATA/hostile"
HC="$TESTDATA/hostile-csv"
LIMIT=20	# seconds per input

fl init >/dev/null
fl bank load "$TESTDATA/good/mini-bank.xml" "$TESTDATA/good/mini-rubric.xml" \
    "$TESTDATA/good/mini-sim.xml" "$TESTDATA/good/mini-exam.xml"
expect_rc 0 "the mini course loads"
MODULES=$(sql 'SELECT count(*) FROM module_version')

# timed CMD...: run with a time limit; MS is the time taken.
timed() {
	_s=$(date +%s%N)
	run timeout "$LIMIT" "$@"
	MS=$(( ($(date +%s%N) - _s) / 1000000 ))
	NIN=$((NIN + 1))
	[ "$MS" -le "$SLOWEST" ] || SLOWEST=$MS
}
NIN=0 SLOWEST=0

# xml_refused FILE TEXT: bank load refuses FILE, says FILE:LINE: and TEXT.
xml_refused() {
	b=$(basename "$1")
	timed "$FIRSTLINE" bank load "$1"
	[ "$RC" -eq 1 ]; ok $? "$b: refused (exit $RC, ${MS} ms)"
	case "$ERR" in
	*"$b:"[0-9]*": "*"$2"*) ok 0 "$b: $2" ;;
	*) printf '# wanted: %s:LINE: ...%s\n' "$b" "$2"
	   printf '%s\n' "$ERR" | head -n 5 | sed 's/^/# in: /'; ok 1 "$b: $2" ;;
	esac
	[ "$(sql 'SELECT count(*) FROM module_version')" = "$MODULES" ]
	ok $? "$b: nothing loaded"
}

# xml_accepted FILE QUESTIONS: bank check accepts FILE, QUESTIONS questions.
xml_accepted() {
	b=$(basename "$1")
	timed "$FIRSTLINE" bank check "$1"
	[ "$RC" -eq 0 ]; ok $? "$b: accepted as valid (exit $RC, ${MS} ms)"
	if [ "$2" = 1 ]; then n="1 question"; else n="$2 questions"; fi
	has "$n" "$OUT" "$b: read as $n"
}

xml_refused "$H/xxe-file.xml" "DOCTYPE declarations are not allowed"
xml_refused "$H/parameter-entity.xml" "DOCTYPE declarations are not allowed"
xml_refused "$H/external-dtd.xml" "DOCTYPE declarations are not allowed"
xml_refused "$H/billion-laughs.xml" "DOCTYPE declarations are not allowed"
xml_refused "$H/internal-entity.xml" "DOCTYPE declarations are not allowed"
xml_refused "$H/undeclared-entity.xml" "Entity 'nbsp' not defined"
xml_refused "$H/xinclude.xml" "XInclude}include': This element is not expected"
xml_refused "$H/xinclude-network.xml" "XInclude}include': This element is not expected"
xml_refused "$H/invalid-utf8.xml" "Input is not proper UTF-8"
xml_refused "$H/overlong-utf8.xml" "Input is not proper UTF-8"
xml_refused "$H/surrogate-utf8.xml" "out of allowed range"
xml_refused "$H/nul-byte.xml" "Char 0x0 out of allowed range"
xml_refused "$H/char-ref-nul.xml" "invalid xmlChar value 0"
xml_refused "$H/control-char.xml" "PCDATA invalid Char value 7"
xml_refused "$H/utf16-bom.xml" "UTF-16 encoding; firstline files are UTF-8"
xml_refused "$H/utf16-no-decl-lie.xml" "Start tag expected"
xml_refused "$H/encoding-lie.xml" "ISO-8859-1 encoding; firstline files are UTF-8"
xml_refused "$H/encoding-unknown.xml" "Unsupported encoding X-EVIL-42"
xml_refused "$H/empty.xml" "Document is empty"
xml_refused "$H/only-bom.xml" "Start tag expected"
xml_refused "$H/trailing-garbage.xml" "Extra content at the end of the document"
xml_refused "$H/attr-dup.xml" "Attribute answer redefined"
xml_refused "$H/id-control.xml" "invalid character in attribute value"
xml_refused "$H/id-tab.xml" "is not accepted by the pattern"
xml_refused "$H/long-id.xml" "is not accepted by the pattern"
xml_refused "$H/long-stem.xml" "exceeds the allowed maximum length of '4000'"
xml_refused "$H/cdata-in-id.xml" "Character content other than whitespace is not allowed"
xml_refused "$H/namespace-default.xml" "<bank> must not have an XML namespace"
xml_refused "$H/namespace-prefixed.xml" "<bank> must not have an XML namespace"
xml_refused "$H/namespace-child.xml" "Element '{urn:other}source': This element is not expected"
xml_refused "$H/xml-lang-ns-trick.xml" "xml namespace URI mapped to wrong prefix"
xml_refused "$H/huge-difficulty.xml" "is greater than the maximum value allowed ('3')"
xml_refused "$H/negative-count.xml" "is not a valid value"
xml_refused "$H/int-overflow-minutes.xml" "is greater than the maximum value allowed ('600')"
xml_refused "$H/rubric-overflow.xml" "is greater than the maximum value allowed ('1000')"
# Legitimately valid: markup inside CDATA is text; processing instructions
# and schema location hints are ignored (and never fetched, see below).
xml_accepted "$H/cdata.xml" 1
xml_accepted "$H/pi.xml" 1
xml_accepted "$H/schema-location-network.xml" 1
xml_accepted "$H/schema-location-file.xml" 1
xml_accepted "$H/two-roots-comment.xml" 1
xml_accepted "$H/bom-utf8.xml" 4

# Large inputs, made here.
q='<truefalse id="h-ID" difficulty="1" answer="true"><stem xml:lang="zh-CN">题</stem><stem xml:lang="en">S</stem><explanation xml:lang="zh-CN">解</explanation><explanation xml:lang="en">E</explanation><source>S</source></truefalse>'
head_xml='<?xml version="1.0" encoding="UTF-8"?>
<bank module="big"><title xml:lang="zh-CN">x</title><title xml:lang="en">x</title>'
{ printf '%s' "$head_xml"
  printf '<truefalse id="h-1" difficulty="1" answer="true"><stem xml:lang="zh-CN">'
  head -c 10485760 /dev/zero | tr '\0' 'x'
  printf '</stem></truefalse></bank>\n'; } >"$TMP/text-10mb.xml"
xml_refused "$TMP/text-10mb.xml" "exceeds the allowed maximum length of '4000'"
{ printf '%s' "$head_xml"
  printf '<truefalse id="'; head -c 12582912 /dev/zero | tr '\0' 'a'
  printf '" difficulty="1" answer="true"/></bank>\n'; } >"$TMP/attr-12mb.xml"
xml_refused "$TMP/attr-12mb.xml" "AttValue length too long"
{ printf '%s\n' "$head_xml"
  awk -v q="$q" 'BEGIN { for (i = 0; i < 20000; i++) { s = q; sub("ID", i, s); print s } }'
  printf '</bank>\n'; } >"$TMP/questions-20000.xml"
xml_accepted "$TMP/questions-20000.xml" 20000
awk 'BEGIN { printf "<bank module=\"deep\">"; for (i = 0; i < 300; i++) printf "<a>"; for (i = 0; i < 300; i++) printf "</a>"; print "</bank>" }' >"$TMP/deep-300.xml"
xml_refused "$TMP/deep-300.xml" "Excessive depth"
{ printf '%s\n' "$head_xml"
  printf '<single id="h-1" difficulty="1"><stem xml:lang="zh-CN">题</stem><stem xml:lang="en">S</stem>\n'
  awk 'BEGIN { for (i = 0; i < 3000; i++) printf "<option%s><text xml:lang=\"zh-CN\">%d</text><text xml:lang=\"en\">%d</text></option>\n", i ? "" : " correct=\"true\"", i, i }'
  printf '<explanation xml:lang="zh-CN">解</explanation><explanation xml:lang="en">E</explanation><source>S</source></single></bank>\n'; } >"$TMP/options-3000.xml"
xml_refused "$TMP/options-3000.xml" "Element 'option': This element is not expected"

# Nothing named by the input is fetched: no socket, no other file.
if command -v strace >/dev/null 2>&1; then
	strace -f -e trace=network,open,openat -o "$TMP/trace" "$FIRSTLINE" \
	    bank check "$H/schema-location-network.xml" \
	    "$H/schema-location-file.xml" "$H/xinclude-network.xml" \
	    "$H/pi.xml" >/dev/null 2>&1
	! grep -q -e 'connect(' -e 'socket(' -e /etc/passwd -e evil "$TMP/trace"
	ok $? "schema locations, XInclude and stylesheet PIs: no socket, no file opened"
else
	T_N=$((T_N + 1)); echo "ok $T_N # SKIP strace not installed"
fi

# ------------------------------------------------------------------ CSV
N=0
# csv FILE: import FILE into a new cohort; COHORT is its id.
csv() {
	N=$((N + 1))
	COHORT=h$N
	"$FIRSTLINE" cohort create "hostile $N" --exam mini-exam --id "$COHORT" \
	    >/dev/null
	timed "$FIRSTLINE" roster import "$COHORT" "$1"
}
enrolled() {
	sql "SELECT count(*) FROM trainee t JOIN cohort c ON c.id = t.cohort_id
	    WHERE c.cohort = '$COHORT'"
}

# csv_refused FILE TEXT: refused, the message names the file and TEXT
# (with the row), nobody enrolled.
csv_refused() {
	b=$(basename "$1")
	csv "$1"
	[ "$RC" -eq 1 ]; ok $? "$b: refused (exit $RC, ${MS} ms)"
	has "$b: $2" "$ERR" "$b: $2"
	[ "$(enrolled)" = 0 ]; ok $? "$b: nobody enrolled"
}

# csv_accepted FILE NAME...: imported, exactly these names in order.
csv_accepted() {
	b=$(basename "$1")
	csv "$1"
	shift
	[ "$RC" -eq 0 ]; ok $? "$b: accepted (exit $RC, ${MS} ms)"
	want=$(printf '%s\n' "$@")
	got=$(sql "SELECT t.name FROM trainee t JOIN cohort c ON c.id = t.cohort_id
	    WHERE c.cohort = '$COHORT' ORDER BY t.id")
	[ "$got" = "$want" ]; r=$?
	[ $r -eq 0 ] || printf '# got: %s\n# wanted: %s\n' "$got" "$want"
	ok $r "$b: the names as written ($#)"
}

csv_refused "$HC/quotes-unterminated.csv" "row 3: malformed CSV"
csv_refused "$HC/quote-in-field.csv" "row 2: malformed CSV"
csv_refused "$HC/embedded-newline.csv" "row 2: column name holds a control character"
csv_refused "$HC/embedded-cr.csv" "row 2: column name holds a control character"
csv_refused "$HC/tab-in-name.csv" "row 2: column name holds a control character"
csv_refused "$HC/escape-sequence.csv" "row 2: column name holds a control character"
csv_refused "$HC/c1-control.csv" "row 2: column name holds a control character"
csv_refused "$HC/bidi-override.csv" "row 2: column name holds a control character"
csv_refused "$HC/nul-in-field.csv" "row 3: a field holds a NUL byte"
csv_refused "$HC/nul-in-header.csv" "row 1: the header is not UTF-8 text"
csv_refused "$HC/invalid-utf8.csv" "row 3: column name is not valid UTF-8"
csv_refused "$HC/overlong-utf8.csv" "row 2: column name is not valid UTF-8"
csv_refused "$HC/surrogate-utf8.csv" "row 2: column name is not valid UTF-8"
csv_refused "$HC/invalid-utf8-header.csv" "row 1: the header is not UTF-8 text"
csv_refused "$HC/utf16-bom.csv" "row 1: the header is not UTF-8 text"
csv_refused "$HC/formula-equals.csv" "row 2: column name starts with '='"
csv_refused "$HC/formula-plus.csv" "row 2: column community starts with '+'"
csv_refused "$HC/formula-minus.csv" "row 2: column name starts with '-'"
csv_refused "$HC/formula-at.csv" "row 2: column name starts with '@'"
csv_refused "$HC/formula-quoted-space.csv" "row 2: column name starts with '='"
csv_refused "$HC/formula-external-id.csv" "row 2: column external_id starts with '='"
csv_refused "$HC/formula-phone.csv" "row 2: the phone number may hold only"
csv_refused "$HC/duplicate-column.csv" "row 1: column 'Name' appears twice"
csv_refused "$HC/duplicate-rows.csv" "row 3: duplicate of row 2"
csv_refused "$HC/trailing-comma.csv" "row 2: 3 fields, the header has 2"
csv_refused "$HC/empty.csv" "the file is empty"
csv_refused "$HC/only-bom.csv" "the file is empty"
csv_refused "$HC/only-newlines.csv" "the file is empty"
csv_refused "$HC/header-only-crlf.csv" "no trainees below the header"
csv_accepted "$HC/bom-mixed-eol.csv" 张三 李四 王五
csv_accepted "$HC/cr-only.csv" 张三 李四
csv_accepted "$HC/blank-row.csv" 张三 李四
csv_accepted "$HC/spaces-trimmed.csv" 张三
csv_accepted "$HC/phone-plus-ok.csv" 张三
csv_accepted "$HC/unicode-names.csv" "欧阳·娜娜" "Zoë O'Brien" "Wang, Jr."

# Large rosters, made here.
{ printf 'name,community\n张三,竞秀区\n'; awk 'BEGIN { for (i = 1; i < 10000; i++) printf "x,"; print "x" }'; } >"$TMP/wide-row.csv"
csv_refused "$TMP/wide-row.csv" "row 3: 10000 fields, the header has 2"
{ awk 'BEGIN { for (i = 0; i < 9999; i++) printf "c%d,", i; print "c9999" }'
  awk 'BEGIN { for (i = 1; i < 10000; i++) printf "x,"; print "x" }'; } >"$TMP/wide-header.csv"
csv_refused "$TMP/wide-header.csv" "row 1: unknown column 'c0'"
{ printf 'name,community\n张三,'; head -c 1048576 /dev/zero | tr '\0' 'x'; printf '\n'; } >"$TMP/field-1mb.csv"
csv_refused "$TMP/field-1mb.csv" "row 2: column community is longer than 200 bytes"
{ printf 'name,community\n'; awk 'BEGIN { for (i = 0; i < 20001; i++) printf "t%d,c\n", i }'; } >"$TMP/rows-20001.csv"
csv_refused "$TMP/rows-20001.csv" "more than 20000 rows"
head -c 9437184 /dev/zero | tr '\0' ',' >"$TMP/commas-9mb.csv"
csv_refused "$TMP/commas-9mb.csv" "not a regular file of at most"
{ printf 'name,community\n'; head -c 8000000 /dev/zero | tr '\0' ','; printf '\n'; } >"$TMP/commas-8mb.csv"
csv_refused "$TMP/commas-8mb.csv" "row 2: 8000001 fields, the header has 2"

[ "$(sql 'SELECT count(*) FROM trainee')" = 12 ]
ok $? "only the accepted rosters enrolled anyone (12 trainees)"

figure "hostile inputs through the binary" "$NIN (XML and CSV)"
figure "hostile input slowest" "$SLOWEST ms"

done_testing
