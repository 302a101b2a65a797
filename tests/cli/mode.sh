#!/bin/sh
# How each written result arrived (SPEC section 10): a sitting's
# attempt.mode (terminal, browser; the paper modes are tested with paper
# enter) or external, an organizer's bare percentage, which counts before a
# sitting.  Shown in 'attempts' (proctor view), 'report cohort' (text, CSV,
# PDF) and 'score history', each as a last column.
. "$(dirname "$0")/lib.sh"

SIT="$(dirname "$FIRSTLINE")/tests/cli/items-sit"
G="$TESTDATA/good"
fl init >/dev/null
fl bank load "$G/mini-bank.xml" "$G/mini-rubric.xml" "$G/mini-sim.xml" "$G/mini-exam.xml" >/dev/null
fl cohort create "方式" --exam mini-exam --id c1 >/dev/null
printf 'name,community\n终端,东关\n浏览,西关\n外部,南关\n缺考,北关\n未考,中关\n' > "$TMP/r.csv"
fl roster import c1 "$TMP/r.csv"
printf '%s\n' "$OUT" | tr -d '\r' > "$TMP/roster.csv"
tk() { awk -F, -v n="$1" '$2 == n { print $1 }' "$TMP/roster.csv"; }
pin() { awk -F, -v n="$1" '$2 == n { print $4 }' "$TMP/roster.csv"; }
T1=$(tk 终端) T2=$(tk 浏览) T3=$(tk 外部) T4=$(tk 缺考) T5=$(tk 未考)
echo "organizer-pw" > "$TMP/org.pw"
fl user add boss --role organizer --password-file "$TMP/org.pw" >/dev/null
ORG="--by boss --password-file $TMP/org.pw"

"$SIT" "$FIRSTLINE_DB" "$T1" "$(pin 终端)" '*=right'
ok $? "one trainee sits through the core (the terminal's calls)"
"$SIT" "$FIRSTLINE_DB" "$T2" "$(pin 浏览)" --mode=browser '*=right'
ok $? "another sits as a browser would (attempt_set_mode)"
"$SIT" "$FIRSTLINE_DB" "$T4" "$(pin 缺考)" --mode=fax 2>"$TMP/sit.err"
[ $? -ne 0 ]; ok $? "a mode that is not one of ours is refused by the database"
[ "$(sql "SELECT count(*) FROM attempt WHERE mode NOT IN ('terminal','browser')")" = 0 ]
ok $? "and nothing of it was stored"
fl score set c1 "$T3" written 75 $ORG --reason "paper sitting elsewhere"
expect_rc 0 "an organizer's bare written percentage"

# attempts: the proctor view.
fl attempts c1 --format csv
expect_rc 0 "attempts"
csv=$(printf '%s\n' "$OUT" | tr -d '\r')
[ "$(printf '%s\n' "$csv" | head -1)" = "ticket,name,status,answered,total,remaining_s,attempt,login_wait_s,mode" ]
ok $? "attempts: the mode is the last column"
has "$T1,终端,submitted,3,3,,1,,terminal" "$csv" "attempts: a terminal sitting"
has "$T2,浏览,submitted,3,3,,1,,browser" "$csv" "attempts: a browser sitting"
has "$T3,外部,not-started,0,0,,,,external" "$csv" "attempts: an organizer's percentage is external"
printf '%s\n' "$csv" | grep -qx "$T4,缺考,in-progress,0,3,[0-9]*,1,,terminal"
ok $? "attempts: a live sitting shows where it is sat"
printf '%s\n' "$csv" | grep -qx "$T5,未考,not-started,0,0,,,,"
ok $? "attempts: no mode before a sitting"
fl attempts c1
has "terminal" "$OUT" "attempts as text shows the mode"

# report cohort: CSV, text, PDF.
fl report cohort c1 --format csv
expect_rc 0 "report cohort --format csv"
csv=$(printf '%s\n' "$OUT" | tr -d '\r')
[ "$(printf '%s\n' "$csv" | head -1)" = "ticket,name,community,group,written,practical,simulation,total,class,retake,note,mode" ]
ok $? "report cohort: the mode after the note"
printf '%s\n' "$csv" | grep -q "^$T1,终端,东关,other,100.0,.*,terminal$"; ok $? "report: terminal"
printf '%s\n' "$csv" | grep -q "^$T2,浏览,西关,other,100.0,.*,browser$"; ok $? "report: browser"
printf '%s\n' "$csv" | grep -q "^$T3,外部,南关,other,75.0,.*,external$"; ok $? "report: external"
printf '%s\n' "$csv" | grep -q "^$T5,未考,中关,.*,absent,no,nothing recorded,$"; ok $? "report: absent, no mode"
fl report cohort c1
expect_rc 0 "report cohort as text"
printf '%s\n' "$OUT" | grep -q "^$T2 .*  browser *$"; ok $? "report text: the mode last"
if command -v pdftotext >/dev/null; then
	fl report cohort c1 --format pdf -o "$TMP/c1.pdf"
	expect_rc 0 "report cohort --format pdf"
	text=$(pdftotext -layout "$TMP/c1.pdf" -)
	has "Via" "$text" "PDF: the column"
	printf '%s\n' "$text" | grep -q "$T2 .*浏览.* browser"; ok $? "PDF: browser"
	printf '%s\n' "$text" | grep -q "$T3 .*外部.* external"; ok $? "PDF: external"
else
	for k in 1 2 3 4; do echo "ok $((T_N + 1)) # SKIP pdftotext"; T_N=$((T_N + 1)); done
fi

# score history: the sittings are rows too.
fl score history c1 "$T1" --format csv
expect_rc 0 "score history"
h=$(printf '%s\n' "$OUT" | tr -d '\r')
[ "$(printf '%s\n' "$h" | head -1)" = "entry,component,rubric,total,max,retake,by,at,reason,marks,counts,comment,mode" ]
ok $? "history: the mode is the last column"
printf '%s\n' "$h" | grep -q '^,written,written,100\.0,100,no,,20[0-9-]*T[0-9:]*Z,,,yes,,terminal$'
ok $? "history: the terminal sitting, counting"
# A correction by an organizer replaces the sitting's result: external.
fl score set c1 "$T2" written 80 $ORG --reason "re-marked"
expect_rc 0 "an organizer's percentage after a browser sitting"
fl score history c1 "$T2" --format csv
h=$(printf '%s\n' "$OUT" | tr -d '\r')
printf '%s\n' "$h" | sed -n 2p | grep -q '^,written,written,100\.0,100,no,,.*,no,,browser$'
ok $? "history: the browser sitting first, no longer counting"
printf '%s\n' "$h" | sed -n 3p | grep -q '^[0-9][0-9]*,written,written,80\.0,100,no,boss,.*,re-marked,,yes,,external$'
ok $? "history: then the organizer's entry, counting, external"
fl report cohort c1 --format csv
printf '%s\n' "$OUT" | tr -d '\r' | grep -q "^$T2,浏览,西关,other,80.0,.*,external$"
ok $? "report: the organizer's percentage counts, external"
fl attempts c1 --format csv
has "$T2,浏览,submitted,3,3,,1,,external" "$(printf '%s' "$OUT" | tr -d '\r')" "attempts: external too"
fl score history c1 "$T3" --format csv
[ "$(printf '%s\n' "$OUT" | tr -d '\r' | grep -c ',external$')" = 1 ]
ok $? "history: an external entry without a sitting"

done_testing
