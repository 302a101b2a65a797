#!/bin/sh
# paper review: the scanned sheets in doubt (put in the review queue the way
# paper scan does, by tests/cli/keyin-helper) listed with the questions in
# doubt, what was seen and the picture; settled by two people's keyed
# entries (the scan's reading is neither), which grade the sitting
# (paper-keyed) and close the review in the same transaction; refusals
# (a review of another cohort, a closed one, usage); a duplicate dismissed
# by an organizer with a reason, audited; paper enter settles a sheet in
# review too.
. "$(dirname "$0")/lib.sh"

H="$(dirname "$FIRSTLINE")/tests/cli/keyin-helper"
G="$TESTDATA/good"
fl init >/dev/null
fl bank load "$G/mini-bank.xml" "$G/mini-rubric.xml" "$G/mini-sim.xml" \
    "$(dirname "$0")/../tui/mini-all.xml" >/dev/null
fl cohort create "复核" --exam mini-all --id c1 >/dev/null
fl cohort create "其他" --exam mini-all --id c2 >/dev/null
printf 'name,community\n张三,东关\n李四,西关\n王五,南关\n' > "$TMP/r.csv"
fl roster import c1 "$TMP/r.csv"
printf '%s\n' "$OUT" | tr -d '\r' > "$TMP/roster.csv"
tk() { awk -F, -v n="$1" '$2 == n { print $1 }' "$TMP/roster.csv"; }
T1=$(tk 张三) T2=$(tk 李四) T3=$(tk 王五)
for u in alice bob; do
	echo "$u-password" > "$TMP/$u.pw"
	fl user add $u --role instructor --password-file "$TMP/$u.pw"
done
echo "boss-password" > "$TMP/boss.pw"
fl user add boss --role organizer --password-file "$TMP/boss.pw"
as() { u=$1; shift; fl "$@" --by "$u" --password-file "$TMP/$u.pw"; }

fl paper review c1
expect_rc 0 "an empty queue lists"
has "cohort c1: no scanned sheet waits for review" "$OUT" "and says it is empty"
fl paper review c1 --format csv
[ "$(printf '%s\n' "$OUT" | wc -l)" = 1 ]; ok $? "CSV: only the header"
fl paper review nope
expect_rc 1 "an unknown cohort is refused"

"$H" print "$FIRSTLINE_DB" c1 >/dev/null
R1=$("$H" review "$FIRSTLINE_DB" "$T1" "scan 1.pdf" "$TMP/r1.png" 2 4)
R2=$("$H" review "$FIRSTLINE_DB" "$T2" scan.pdf "$TMP/r2.png" 1)
R3=$("$H" review "$FIRSTLINE_DB" "$T2" scan-again.pdf "$TMP/r3.png" 1)
[ -n "$R1" ] && [ -n "$R3" ]; ok $? "three sheets in doubt (one of them scanned twice)"

fl paper review c1 --format csv
expect_rc 0 "paper review lists the queue"
csv=$(printf '%s\n' "$OUT" | tr -d '\r')
[ "$(printf '%s\n' "$csv" | head -1)" = "review,ticket,name,source,page,doubt,seen,image,status,entries" ]
ok $? "the columns"
has "$R1,$T1,张三,scan 1.pdf,1,2 4,2: B filled; D faint; 4: B filled; D faint,$TMP/r1.png,open,0" \
    "$csv" "the questions in doubt, what was seen, the picture"
fl paper review c1
has "review $R1: $T1 张三, scan 1.pdf page 1, open, 0 keyed entries" "$OUT" "the text list: the sheet"
has "  in doubt: 2 4" "$OUT" "the questions in doubt"
has "  seen: 2: B filled; D faint; 4: B filled; D faint" "$OUT" "what was seen"
has "  picture: $TMP/r2.png" "$OUT" "the picture on a line of its own"

# Usage and refusals.
fl paper review c1 "$R1" --answers "T"
expect_rc 2 "keying needs --by"
as alice paper review c1 --answers "T"
expect_rc 2 "--answers needs the REVIEW number"
as alice paper review c1 x1
expect_rc 2 "a REVIEW number that is not a number"
as alice paper review c2 "$R1" --answers "T,A,A,123"
expect_rc 1 "a review of another cohort is refused"
has "is not of cohort c2" "$ERR" "and says so"
as alice paper review c1 999 --answers "T,A,A,123"
expect_rc 1 "an unknown review is refused"
as alice paper review c1 "$R1" --reason x
expect_rc 2 "--reason without --dismiss"

# Two people key the sheet; the second entry grades and settles it.
K1=$("$H" key "$FIRSTLINE_DB" "$T1" right)
as alice paper review c1 "$R1" --answers "$K1"
expect_rc 0 "the first entry"
has "entry 1 stored; nothing is graded" "$OUT" "grades nothing"
[ "$(sql "SELECT status FROM paper_review WHERE id = $R1")" = open ]
ok $? "the review stays open"
[ "$(sql "SELECT review_id FROM paper_entry")" = "$R1" ]
ok $? "the entry names the review it settles"
fl paper review c1 --format csv
has "$R1,$T1,张三,scan 1.pdf,1,2 4,2: B filled; D faint; 4: B filled; D faint,$TMP/r1.png,open,1" \
    "$(printf '%s' "$OUT" | tr -d '\r')" "the list counts the entry"
as bob paper review c1 "$R1" --answers "$K1"
expect_rc 0 "the second, agreeing entry"
has "graded, written 100.0%, pass (paper-keyed)" "$OUT" "grades the sitting"
[ "$(sql "SELECT status || ' ' || closed_by FROM paper_review WHERE id = $R1")" = "settled bob" ]
ok $? "the review is settled, by the second person"
[ "$(sql "SELECT mode FROM attempt a JOIN trainee t ON t.id = a.trainee_id WHERE t.ticket = '$T1'")" = paper-keyed ]
ok $? "the sitting is paper-keyed"
as alice paper review c1 "$R1" --answers "$K1"
expect_rc 1 "a settled review takes no more entries"
has "is settled already" "$ERR" "and says so"
fl paper review c1 --format csv
hasnt "$R1,$T1" "$OUT" "a settled review leaves the open list"
fl paper review c1 --all --format csv
has "$R1,$T1,张三,scan 1.pdf,1,2 4," "$OUT" "--all lists it, settled"

# A rescan of a graded sheet that reads differently: the stored answers
# stand; it is dismissed, not keyed.
R5=$("$H" review "$FIRSTLINE_DB" "$T1" rescan.pdf "$TMP/r5.png" 1)
as alice paper review c1 "$R5" --answers "$K1"
expect_rc 1 "a review of a graded sheet takes no entry"
has "graded already" "$ERR" "it says the sheet is graded"
has "paper review c1 $R5 --dismiss --reason" "$ERR" "and how to close it"
as boss paper review c1 "$R5" --dismiss --reason "rescan of a graded sheet" >/dev/null
[ "$(sql "SELECT status FROM paper_review WHERE id = $R5")" = dismissed ]
ok $? "dismissed"

# A sheet scanned twice: keying the sitting settles both entries.
K2=$("$H" key "$FIRSTLINE_DB" "$T2" right)
as alice paper review c1 "$R2" --answers "$K2" >/dev/null
as boss paper enter c1 "$T2" --answers "$K2"
expect_rc 0 "paper enter by someone else agrees"
has "entry 2 agrees with entry 1 by alice" "$OUT" "entries are numbered within the sheet"
[ "$(sql "SELECT group_concat(status) FROM paper_review WHERE id IN ($R2, $R3)")" = "settled,settled" ]
ok $? "both reviews of the sitting are settled"

# Dismissing: organizers only, with a reason, audited.
R4=$("$H" review "$FIRSTLINE_DB" "$T3" blank.pdf "$TMP/r4.png" 3)
as alice paper review c1 "$R4" --dismiss --reason "a duplicate"
expect_rc 1 "an instructor cannot dismiss"
as boss paper review c1 "$R4" --dismiss
expect_rc 1 "dismissing needs a reason"
as boss paper review c1 "$R4" --dismiss --reason "=cmd|' /C calc'!A0"
expect_rc 1 "a reason that looks like a formula is refused"
as boss paper review c1 "$R4" --dismiss --reason "扫描了空白页"
expect_rc 0 "an organizer dismisses with a reason"
[ "$(sql "SELECT status FROM paper_review WHERE id = $R4")" = dismissed ]
ok $? "dismissed in the database"
[ "$(sql "SELECT count(*) FROM attempt a JOIN trainee t ON t.id = a.trainee_id WHERE t.ticket = '$T3' AND a.status = 'not-started'")" = 1 ]
ok $? "nothing stored for the sitting"
[ "$(sql "SELECT count(*) FROM event WHERE action LIKE 'paper review%'")" -ge 5 ]
ok $? "opening and closing reviews are in the audit trail"

done_testing
