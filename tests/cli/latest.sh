#!/bin/sh
# Which written result counts when a trainee sat the test (at a terminal,
# through the core's calls as items-sit makes them) and an organizer also
# entered a percentage: the latest event (firstline(1), score set).  An
# entry after a passed sitting is a correction with its reason; after a
# failed one a retake (--retake, using one); a sitting still in progress
# when the entry was made and finished after it counts over the entry.
# score history shows both, the one that counts marked.
. "$(dirname "$0")/lib.sh"

SIT="$(dirname "$FIRSTLINE")/tests/cli/items-sit"
G="$TESTDATA/good"
fl init >/dev/null
fl bank load "$G/mini-bank.xml" "$G/mini-rubric.xml" "$G/mini-sim.xml" "$G/mini-exam.xml" >/dev/null
fl cohort create "最新" --exam mini-exam --id c1 >/dev/null
printf 'name,community\n纠正,东关\n补考,西关\n在考,南关\n' > "$TMP/r.csv"
fl roster import c1 "$TMP/r.csv"
printf '%s\n' "$OUT" | tr -d '\r' > "$TMP/roster.csv"
tk() { awk -F, -v n="$1" '$2 == n { print $1 }' "$TMP/roster.csv"; }
pin() { awk -F, -v n="$1" '$2 == n { print $4 }' "$TMP/roster.csv"; }
T1=$(tk 纠正) T2=$(tk 补考) T3=$(tk 在考)
echo "organizer-pw" > "$TMP/org.pw"
fl user add boss --role organizer --password-file "$TMP/org.pw" >/dev/null
ORG="--by boss --password-file $TMP/org.pw"

# history TICKET: the CSV rows of score history, without the header.
history() {
	fl score history c1 "$1" --format csv
	printf '%s\n' "$OUT" | tr -d '\r' | sed 1d
}
# written TICKET: the written and mode columns of the cohort report.
written() {
	fl report cohort c1 --format csv
	printf '%s\n' "$OUT" | tr -d '\r' |
	    awk -F, -v t="$1" '$1 == t { print $5 "," $10 "," $NF }'
}

# 1. A passed sitting, then an entry: a correction, with its reason.
"$SIT" "$FIRSTLINE_DB" "$T1" "$(pin 纠正)" '*=right'
ok $? "a sitting at the terminal (core calls), passed"
[ "$(written "$T1")" = "100.0,no,terminal" ]; ok $? "the sitting counts"
fl score set c1 "$T1" written 70 $ORG
expect_rc 1 "an entry after a sitting without a reason is refused"
fl score set c1 "$T1" written 70 $ORG --retake --reason "again"
expect_rc 1 "a retake after a passed sitting is refused"
has "no failed written to retake" "$ERR" "the refusal says why"
fl score set c1 "$T1" written 70 $ORG --reason "question 2 key corrected"
expect_rc 0 "an entry after a passed sitting: a correction"
has "correction" "$OUT" "the confirmation says it is a correction"
h=$(history "$T1")
[ "$(printf '%s\n' "$h" | wc -l)" = 2 ]; ok $? "history: the sitting and the entry"
printf '%s\n' "$h" | sed -n 1p | grep -q '^,written,written,100\.0,100,no,,.*,no,,terminal$'
ok $? "history: the sitting first, no longer counting"
printf '%s\n' "$h" | sed -n 2p | grep -q '^[0-9][0-9]*,written,written,70\.0,100,no,boss,.*,question 2 key corrected,,yes,,external$'
ok $? "history: the correction with its reason, counting"
[ "$(written "$T1")" = "70.0,no,external" ]; ok $? "report: the correction counts, no retake"

# 2. A failed sitting, then an entry: a retake, which uses one.
"$SIT" "$FIRSTLINE_DB" "$T2" "$(pin 补考)" '*=wrong'
ok $? "a failed sitting at the terminal"
fl score set c1 "$T2" written 80 $ORG --reason "paper room 3"
expect_rc 1 "an entry after a failed sitting, not as a retake, is refused"
has "is a retake (--retake)" "$ERR" "the refusal names --retake"
fl score set c1 "$T2" written 80 $ORG --reason "paper room 3" --retake
expect_rc 0 "an entry after a failed sitting: a retake"
h=$(history "$T2")
printf '%s\n' "$h" | sed -n 1p | grep -q '^,written,written,0\.0,100,no,,.*,no,,terminal$'
ok $? "history: the failed sitting, not counting"
printf '%s\n' "$h" | sed -n 2p | grep -q '^[0-9][0-9]*,written,written,80\.0,100,yes,boss,.*,paper room 3,,yes,,external$'
ok $? "history: the retake entry, counting"
[ "$(written "$T2")" = "80.0,yes,external" ]; ok $? "report: the retake counts, marked as a retake"
fl score set c1 "$T2" written 90 $ORG --reason "paper room 4" --retake
expect_rc 1 "the exam's one retake is used: no second"

# 3. The reverse: an entry while a sitting is in progress; the sitting
# finishes after it and counts.
"$SIT" "$FIRSTLINE_DB" "$T3" "$(pin 在考)" --no-submit '*=right'
ok $? "a sitting begun and answered, not yet submitted"
[ "$(sql "SELECT status FROM attempt a JOIN trainee t ON t.id = a.trainee_id WHERE t.ticket = '$T3'")" = in-progress ]
ok $? "the sitting is in progress"
fl score set c1 "$T3" written 65 $ORG --reason "paper copy marked"
expect_rc 0 "an organizer's entry during the sitting"
[ "$(written "$T3")" = "65.0,no,external" ]; ok $? "the entry counts for now"
"$SIT" "$FIRSTLINE_DB" "$T3" "$(pin 在考)" '*=right'
ok $? "the trainee logs in again and submits"
h=$(history "$T3")
[ "$(printf '%s\n' "$h" | wc -l)" = 2 ]; ok $? "history: the entry and the sitting"
printf '%s\n' "$h" | sed -n 1p | grep -q '^[0-9][0-9]*,written,written,65\.0,100,no,boss,.*,paper copy marked,,no,,external$'
ok $? "history: the entry first, no longer counting"
printf '%s\n' "$h" | sed -n 2p | grep -q '^,written,written,100\.0,100,no,,.*,yes,,terminal$'
ok $? "history: then the sitting finished after it, counting"
[ "$(written "$T3")" = "100.0,no,terminal" ]; ok $? "report: the later sitting counts"
fl attempts c1 --format csv
printf '%s\n' "$OUT" | tr -d '\r' | grep -q "^$T3,在考,submitted,3,3,,1,,terminal$"
ok $? "attempts: the sitting's mode, not external"
fl report city --format csv
expect_rc 0 "city summary reads the same rule"
# And an entry after that sitting is again a correction that counts.
fl score set c1 "$T3" written 75 $ORG --reason "re-marked after the sitting"
expect_rc 0 "a correction of the later sitting"
[ "$(written "$T3")" = "75.0,no,external" ]; ok $? "report: the latest event, the correction"
h=$(history "$T3")
[ "$(printf '%s\n' "$h" | grep -c ',yes,,[a-z-]*$')" = 1 ]; ok $? "history: exactly one written row counts"

done_testing
