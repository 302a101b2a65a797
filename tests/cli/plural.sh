#!/bin/sh
# English plurals through ngettext: a count of one reads "1 question",
# "1 minute", "1 retake", a count of two or more the plural; the Chinese
# (one form, Plural-Forms nplurals=1) still reads right from the catalogue
# beside the uninstalled binary.
. "$(dirname "$0")/lib.sh"

G="$TESTDATA/good"
SIT="$(dirname "$FIRSTLINE")/tests/cli/items-sit"
en() { run env LANG=C.UTF-8 LC_ALL= LANGUAGE= "$FIRSTLINE" "$@"; }
zh() { run env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= "$FIRSTLINE" "$@"; }

# A bank of one question and an exam of one question in one minute.
sed -e '/<multiple id="mini-002"/,$d' -e 's/module="mini"/module="one"/' \
    -e 's/id="mini-001"/id="one-001"/' "$G/mini-bank.xml" >"$TMP/one.xml"
echo '</bank>' >>"$TMP/one.xml"
sed -e 's/id="mini-exam"/id="one-exam"/' -e 's/minutes="10"/minutes="1"/' \
    -e '/difficulty="2"/d' \
    -e 's/module="mini" difficulty="1" count="2"/module="one" difficulty="1" count="1"/' \
    "$G/mini-exam.xml" >"$TMP/one-exam.xml"

en bank check "$TMP/one.xml" "$G/mini-bank.xml"
expect_rc 0 "bank check"
has "one.xml: bank one, 1 question: ok" "$OUT" "one question: singular"
has "mini-bank.xml: bank mini, 4 questions: ok" "$OUT" "four questions: plural"
zh bank check "$TMP/one.xml"
has "题库 one，1 道试题：检查通过" "$OUT" "Chinese: one form"

en init
en bank load "$TMP/one.xml" "$G/mini-bank.xml" "$G/mini-rubric.xml" \
    "$G/mini-sim.xml" "$G/mini-exam.xml" "$TMP/one-exam.xml"
expect_rc 0 "bank load"
has "exam one-exam: version 1, 1 question in 1 minute" "$OUT$ERR" \
    "the load note: 1 question in 1 minute"
has "exam mini-exam: version 1, 3 questions in 10 minutes" "$OUT$ERR" \
    "the load note: 3 questions in 10 minutes"
has "module one: version 1, 1 question" "$OUT$ERR" "module: 1 question"
sed -e 's/id="one-exam"/id="one-exam-zh"/' "$TMP/one-exam.xml" \
    >"$TMP/one-exam-zh.xml"
zh bank load "$TMP/one-exam-zh.xml"
has "考试 one-exam-zh：版本 1，1 道试题，限时 1 分钟" "$OUT$ERR" \
    "Chinese load note"

en cohort create "one" --exam one-exam --id c1
printf 'name,community\n张三,东关\n' >"$TMP/r.csv"
en roster import c1 "$TMP/r.csv"
expect_rc 0 "roster import"
row=$(printf '%s\n' "$OUT" | tr -d '\r' | sed -n 2p)
ticket=${row%%,*}
pin=${row##*,}
"$SIT" "$FIRSTLINE_DB" "$ticket" "$pin" --no-submit >/dev/null
ok $? "the trainee starts the written test"

printf 'organizer-pw-1\n' >"$TMP/org.pw"
en user add boss --role organizer --password-file "$TMP/org.pw"
en cohort certify c1 --by boss --password-file "$TMP/org.pw"
expect_rc 1 "no certifying while a trainee sits"
has "1 trainee of cohort c1 is still sitting the written test" "$ERR" \
    "one trainee: singular"
en attempt extend c1 "$ticket" 1 --by boss --reason "power cut" \
    --password-file "$TMP/org.pw"
expect_rc 0 "attempt extend 1"
has "$ticket: 1 minute added" "$OUT" "1 minute added"
en attempt extend c1 "$ticket" 2 --by boss --reason "power cut" \
    --password-file "$TMP/org.pw"
has "$ticket: 2 minutes added" "$OUT" "2 minutes added"
zh attempt extend c1 "$ticket" 1 --by boss --reason "停电" \
    --password-file "$TMP/org.pw"
has "$ticket：已延长 1 分钟" "$OUT" "Chinese: 已延长 1 分钟"

# A failed test, its one retake, failed again: the one retake is used.
"$SIT" "$FIRSTLINE_DB" "$ticket" "$pin" '*=wrong' >/dev/null
ok $? "the trainee submits a failed test"
en attempt retake c1 "$ticket" --by boss --password-file "$TMP/org.pw"
expect_rc 0 "the retake"
"$SIT" "$FIRSTLINE_DB" "$ticket" "$pin" '*=wrong' >/dev/null
ok $? "the retake failed too"
en attempt retake c1 "$ticket" --by boss --password-file "$TMP/org.pw"
expect_rc 1 "no second retake"
has "ticket $ticket has used the 1 retake the exam allows" "$ERR" \
    "1 retake: singular"
zh attempt retake c1 "$ticket" --by boss --password-file "$TMP/org.pw"
has "准考证号 $ticket 已用完本考试允许的 1 次补考" "$ERR" "Chinese retake"

# A roster row with one field where the header has two.
printf 'name,community\n张三\n' >"$TMP/bad.csv"
en roster import c1 "$TMP/bad.csv"
has "bad.csv: row 2: 1 field, the header has 2" "$ERR" "1 field: singular"
printf 'name,community\n张三,东关,x,y\n' >"$TMP/bad.csv"
en roster import c1 "$TMP/bad.csv"
has "bad.csv: row 2: 4 fields, the header has 2" "$ERR" "4 fields: plural"

done_testing
