#!/bin/sh
# bank load of many files at once: 250 banks (more than the 200 messages a
# diagnostic list keeps) load in one go, every module is counted, and the
# list of loaded modules ends with how many were not listed (it used to
# print past the end of that list and crash).
. "$(dirname "$0")/lib.sh"

mkdir "$TMP/banks"
i=1
while [ $i -le 250 ]; do
	sed -e "s/module=\"mini\"/module=\"many$i\"/" \
	    -e "s/id=\"mini-/id=\"many$i-/" \
	    "$TESTDATA/good/mini-bank.xml" >"$TMP/banks/b$i.xml"
	i=$((i + 1))
done
fl init
fl bank load "$TMP"/banks/*.xml
expect_rc 0 "250 bank files load in one go"
[ "$(sql 'SELECT count(*) FROM current_module')" = 250 ]; ok $? "as 250 modules"
[ "$(sql 'SELECT count(*) FROM question')" = 1000 ]; ok $? "with their 1000 questions"
[ "$(printf '%s\n' "$OUT" | grep -c '^module many')" = 200 ]; ok $? "200 modules listed"
has "... and 50 more" "$OUT" "and the 50 others counted"
hasnt "(null)" "$OUT" "no line printed from past the end of the list"

done_testing
