#!/bin/sh
# bank check: a multiple-choice stem that says it is multiple choice itself
# (（多选）, 【多选题】, 可多选, "(Select all that apply.)", "more than one
# answer"...) is a warning naming file, line and question, an error with
# --strict; the terminal, the browser and the printed booklet show the type
# above every stem.  "multiple rescuers" is not a marker, and a
# single-choice stem is not linted for it.  No shipped bank has one.
. "$(dirname "$0")/lib.sh"

F="$TESTDATA/lint/type-marker.xml"
fl bank check "$F"
expect_rc 0 "markers are warnings: exit 0"
has "type-marker.xml:10: warning: question mark-1: the zh-CN stem says it is multiple choice" \
    "$ERR" "（多选） in the Chinese: file, line, question"
has "type-marker.xml:20: warning: question mark-2: the en stem says it is multiple choice" \
    "$ERR" "(Select all that apply.) in the English"
has "type-marker.xml:30: warning: question mark-3: the zh-CN and en stem" \
    "$ERR" "【多选题】 and (choose ALL that are correct): both sides"
has "type-marker.xml:40: warning: question mark-4: the zh-CN stem" "$ERR" \
    "（可多选）"
has "type-marker.xml:50: warning: question mark-5: the en stem" "$ERR" \
    "\"More than one answer is right.\""
has "drop it from the stem" "$ERR" "the message says what to do"
hasnt "mark-6" "$ERR" "\"multiple rescuers\" is not a marker"
hasnt "mark-7" "$ERR" "a single-choice stem is not linted for it"
has "5 test-design warnings" "$ERR" "five findings"

fl bank check --strict "$F"
expect_rc 1 "--strict refuses them"
has "type-marker.xml:10: error: question mark-1:" "$ERR" "--strict: an error"
has "5 test-design problems found (--strict)" "$ERR" "--strict: the count"

fl bank check --stats "$F"
has "multiple-choice stems that say so themselves: 5" "$OUT" "--stats counts them"

run env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= "$FIRSTLINE" bank check "$F"
has "type-marker.xml:30: 警告：试题 mark-3：zh-CN 和 en 题干注明了是多选题" "$ERR" \
    "in Chinese"

# The shipped banks: no stem carries the marker (ids unchanged).
B="$FIRSTLINE_DATADIR/banks"
fl bank check --strict --stats "$B"/*.xml
expect_rc 0 "the shipped banks pass --strict"
has "multiple-choice stems that say so themselves: 0" "$OUT" \
    "no shipped stem says it is multiple choice"
hasnt "says it is multiple choice" "$ERR" "and none is reported"
n=$(cat "$B"/*.xml | grep -c '<multiple id=')
[ "$n" -ge 100 ]; ok $? "the shipped banks still have their $n multiple-choice questions"

done_testing
