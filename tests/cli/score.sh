#!/bin/sh
# Practical and simulation scores: every refusal exits 1 and says why;
# entries are append-only in the database; the history shows who and why.
. "$(dirname "$0")/lib.sh"

G="$TESTDATA/good"
fl init >/dev/null
fl bank load "$G/mini-bank.xml" "$G/mini-rubric.xml" "$G/mini-sim.xml" "$G/mini-exam.xml" >/dev/null
fl cohort create "第一批" --exam mini-exam --id c1 >/dev/null
printf 'name,community\n张三,东关\n李四,西关\n' > "$TMP/r.csv"
fl roster import c1 "$TMP/r.csv"
t1=$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, 'NR == 2 { print $1 }')
p1=$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, 'NR == 2 { print $4 }')
t2=$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, 'NR == 3 { print $1 }')
p2=$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, 'NR == 3 { print $4 }')
SIT="$(dirname "$FIRSTLINE")/tests/cli/items-sit"
echo "instructor-pw" > "$TMP/ins.pw"
echo "organizer-pw" > "$TMP/org.pw"
fl user add teacher --role instructor --password-file "$TMP/ins.pw"
fl user add boss --role organizer --password-file "$TMP/org.pw"
INS="--by teacher --password-file $TMP/ins.pw"
ORG="--by boss --password-file $TMP/org.pw"

fl score set c1 "$t1" mini-station safety=4 call=5 --by teacher --password-file "$TMP/org.pw"
expect_rc 1 "a wrong password is refused"
has "wrong user name or password" "$ERR" "and says so"
fl score set c1 "$t1" mini-station safety=4 nope=5 $INS
expect_rc 1 "an unknown item is refused"
has "rubric mini-station has no item 'nope'" "$ERR" "and named"
fl score set c1 "$t1" mini-station safety=5 call=5 $INS
expect_rc 1 "a mark out of range is refused"
has "item safety: mark 5 is outside 0..4" "$ERR" "and the range is given"
fl score set c1 "$t1" mini-station safety=4 $INS
expect_rc 1 "a station with a missing item is refused"
has "item call of rubric mini-station has no mark" "$ERR" "and the item named"
fl score set c1 "$t1" cpr-aed safety=4 $INS
expect_rc 1 "a rubric outside the exam is refused"
fl score set c1 "$t1" mini-station safety=4 call=x $INS
expect_rc 2 "a mark that is not a number is a usage error"
[ "$(sql 'SELECT count(*) FROM score_entry')" = 0 ]; ok $? "no entry was stored by the refusals"

fl score set c1 "$t1" mini-station safety=4 call=5 $INS
expect_rc 0 "an instructor scores a station"
has "mini-station 9/10, passed" "$OUT" "the total and verdict are confirmed"
fl score set c1 "$t1" mini-station safety=3 call=6 $INS
expect_rc 1 "a second entry without a reason is refused"
has "a correction needs --reason" "$ERR" "and says a reason is needed"
fl score set c1 "$t1" mini-station safety=0 call=6 $INS --reason "misread the sheet"
expect_rc 0 "a correction with a reason is stored"
has "a critical item was missed" "$OUT" "a missed critical item is reported"
fl score set c1 "$t1" mini-drill safety=4 call=6 $INS --retake
expect_rc 1 "a retake without a failed entry is refused"
fl score set c1 "$t1" mini-station safety=4 call=6 $INS --retake
expect_rc 0 "a retake of a failed station is stored"
fl score set c1 "$t1" mini-station safety=4 call=6 $INS --retake
expect_rc 1 "a second retake of a passed station is refused"

fl score set c1 "$t1" written 75.5 $INS --reason "paper sitting"
expect_rc 1 "an instructor cannot enter a written score"
has "permission denied" "$ERR" "and is told why"
fl score set c1 "$t1" written 75.5 $ORG
expect_rc 1 "a written score needs a reason"
fl score set c1 "$t1" written 101 $ORG --reason "paper sitting"
expect_rc 2 "a written score above 100 is a usage error"
fl score set c1 "$t1" written 75.5 $ORG --reason "paper sitting, room 3"
expect_rc 0 "an organizer enters a written score"
has "written 75.5%" "$OUT" "the written score is confirmed"

fl score history c1 "$t1" --format csv
expect_rc 0 "score history"
h=$(printf '%s\n' "$OUT" | tr -d '\r')
[ "$(printf '%s\n' "$h" | head -1)" = "entry,component,rubric,total,max,retake,by,at,reason,marks,counts,comment,mode" ]; ok $? "history header"
printf '%s\n' "$h" | grep -q '^[0-9]*,written,written,75\.5,100,no,boss,[^,]*,"paper sitting, room 3",,yes,,external$'
ok $? "a paper sitting shows as 75.5 of 100, not in tenths"
[ "$(printf '%s\n' "$h" | grep -c ',mini-station,')" = 3 ]; ok $? "every entry of the station is kept"
has "misread the sheet,safety=0;call=6,no" "$h" "the correction keeps who and why, no longer counting"
has ",yes,teacher," "$h" "the retake is marked"

# The database itself refuses to change or delete an entry.
sqlite3 "$FIRSTLINE_DB" "UPDATE score_entry SET total = 10" 2>"$TMP/sqlerr"
has "never changed" "$(cat "$TMP/sqlerr")" "UPDATE of a score entry is refused by a trigger"
sqlite3 "$FIRSTLINE_DB" "DELETE FROM score_mark" 2>"$TMP/sqlerr"
has "never deleted" "$(cat "$TMP/sqlerr")" "DELETE of a mark is refused by a trigger"
sqlite3 "$FIRSTLINE_DB" "DELETE FROM event" 2>"$TMP/sqlerr"
has "append-only" "$(cat "$TMP/sqlerr")" "the audit trail cannot be deleted"
[ "$(sql "SELECT count(*) FROM event WHERE action = 'score set'")" = 4 ]; ok $? "every stored entry is in the audit trail"

# Paper and terminal sittings of the written test.  t1 has the organizer's
# entry: the terminal refuses to open a test for them.
"$SIT" "$FIRSTLINE_DB" "$t1" "$p1" '*=right' 2>"$TMP/sit.err"
[ $? -ne 0 ]; ok $? "after a paper sitting no test opens at a terminal"
has "recorded by an organizer (a paper sitting)" "$(cat "$TMP/sit.err")" "and says why"
[ "$(sql "SELECT count(*) FROM attempt a JOIN trainee t ON t.id = a.trainee_id WHERE t.ticket = '$t1'")" = 0 ]
ok $? "no attempt was made"
# t2 fails at a terminal: a paper sitting after it is a retake.
"$SIT" "$FIRSTLINE_DB" "$t2" "$p2" '*=wrong' 2>"$TMP/sit.err"; ok $? "t2 sits and fails at a terminal"
fl score set c1 "$t2" written 85 $ORG --reason "paper sitting"
expect_rc 1 "a paper score after a failed terminal sitting without --retake: refused"
has "failed the written test at a terminal (0.0%): a paper sitting after it is a retake (--retake)" "$ERR" "and says why"
fl score set c1 "$t2" written 85 $ORG --reason "paper sitting" --retake
expect_rc 0 "with --retake it is stored"
fl report cohort c1 --format csv
printf '%s\n' "$OUT" | tr -d '\r' | grep -q "^$t2,李四,西关,other,85.0,.*,fail,yes,"; r=$?
[ $r -eq 0 ] || printf '%s\n' "$OUT" | sed 's/^/# /'
ok $r "the report shows 85.0 and the retake (so never excellent)"
fl score set c1 "$t2" written 90 $ORG --reason "second paper" --retake
expect_rc 1 "a second retake is beyond the exam's one"
has "has no failed written to retake" "$ERR" "(the last sitting passed)"

done_testing
