#!/bin/sh
# A bank converted from Moodle with --lang en has Chinese texts that are
# copies of the English (status="untranslated").  In the trainee client a
# trainee who chose Chinese is told so above every such question; one who
# chose English is not.
. "$(dirname "$0")/lib.sh"

G="$TESTDATA/good"
"$FIRSTLINE" bank import-moodle "$TESTDATA/moodle/quiz.xml" --module firstaid \
    --lang en -o "$TMP/quiz.xml" >/dev/null 2>&1
cat >"$TMP/exam.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<exam id="moodle-exam">
  <title xml:lang="zh-CN">导入题库测试</title>
  <title xml:lang="en">Imported bank test</title>
  <written minutes="10">
    <draw module="firstaid" difficulty="1" count="1"/>
    <draw module="firstaid" difficulty="2" count="4"/>
  </written>
  <practical>
    <station rubric="mini-station"/>
  </practical>
  <simulation>
    <scenario rubric="mini-drill"/>
  </simulation>
  <weights written="40" practical="40" simulation="20"/>
  <rules/>
</exam>
XML
"$FIRSTLINE" init >/dev/null &&
"$FIRSTLINE" bank load "$TMP/quiz.xml" "$G/mini-rubric.xml" "$G/mini-sim.xml" \
    "$TMP/exam.xml" >/dev/null 2>&1 &&
"$FIRSTLINE" cohort create "导入" --exam moodle-exam --id m1 >/dev/null &&
printf 'name,community\n张三,东关\nJohn Smith,Lianchi\n' >"$TMP/r.csv" &&
"$FIRSTLINE" roster import m1 "$TMP/r.csv" >"$TMP/m1.csv"
ok $? "a database with the imported bank and an exam drawing all of it"
ticket() { tr -d '\r' <"$TMP/m1.csv" | awk -F, -v n="$1" 'NR == n + 1 { print $1 }'; }
pin() { tr -d '\r' <"$TMP/m1.csv" | awk -F, -v n="$1" 'NR == n + 1 { print $4 }'; }

# In Chinese: the note, then the English text.
tui_start s 80 24
login s 1 "$(ticket 1)" "$(pin 1)"
screen_has s "笔试" "Chinese instructions"
tui_keys s Enter
screen_has s "本题尚无中文译文，以下为英文原文。" "the note above an untranslated question"
case "$SCREEN" in *[A-Za-z][a-z]*" "[a-z]*) r=0 ;; *) r=1 ;; esac
ok $r "and the question in English"
tui_keys s n
screen_has s "第 2/5 题" "the next question"
has "本题尚无中文译文" "$SCREEN" "is untranslated too"
tm kill-session -t s

# In English: no note.
tui_start e 80 24
login e 2 "$(ticket 2)" "$(pin 2)"
screen_has e "The written test has 5 questions" "English instructions"
tui_keys e Enter
screen_has e "Question 1/5" "the first question"
hasnt "Not yet translated" "$SCREEN" "no note in the language the bank was written in"
hasnt "本题尚无中文译文" "$SCREEN" "nor the Chinese one"
tm kill-session -t e

done_testing
