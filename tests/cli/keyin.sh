#!/bin/sh
# paper enter --answers: the double entry of a paper answer sheet through
# the command line.  Printed papers (drawn through the core by
# tests/cli/keyin-helper, as paper print does) of the four-type mini exam;
# the first entry grades nothing; the same person twice never checks
# itself; a disagreeing entry lists the questions and exits 3; a third
# person's agreeing entry grades the sitting (paper-keyed, 100.0 for the
# key), shown in attempts, report cohort, score history and report items.
# Hostile keyed input is refused with the question named and nothing
# stored; entries can be neither changed nor deleted; two people storing at
# once grade the sheet once.
. "$(dirname "$0")/lib.sh"

H="$(dirname "$FIRSTLINE")/tests/cli/keyin-helper"
G="$TESTDATA/good"
fl init >/dev/null
fl bank load "$G/mini-bank.xml" "$G/mini-rubric.xml" "$G/mini-sim.xml" \
    "$(dirname "$0")/../tui/mini-all.xml" >/dev/null
fl cohort create "纸笔考试" --exam mini-all --id c1 >/dev/null
printf 'name,community\n张三,东关\n李四,西关\n王五,南关\n赵六,北关\n' > "$TMP/r.csv"
fl roster import c1 "$TMP/r.csv"
printf '%s\n' "$OUT" | tr -d '\r' > "$TMP/roster.csv"
tk() { awk -F, -v n="$1" '$2 == n { print $1 }' "$TMP/roster.csv"; }
T1=$(tk 张三) T2=$(tk 李四) T3=$(tk 王五) T4=$(tk 赵六)
for u in alice bob carol dave; do
	echo "$u-password" > "$TMP/$u.pw"
	fl user add $u --role instructor --password-file "$TMP/$u.pw"
done
echo "boss-password" > "$TMP/boss.pw"
fl user add boss --role organizer --password-file "$TMP/boss.pw"
as() { u=$1; shift; fl "$@" --by "$u" --password-file "$TMP/$u.pw"; }
entries() { sql "SELECT count(*) FROM paper_entry"; }

# ------------------------------------------------------------ refusals
fl paper enter c1 "$T1" --answers "T"
expect_rc 2 "--by is required"
fl paper enter c1 --by alice --answers "T"
expect_rc 2 "COHORT and TICKET are required"
fl paper enter c1 "$T1" --by alice --answers T --answers-file /dev/null
expect_rc 2 "--answers and --answers-file together are a usage error"
as alice paper enter c1 "$T1" --answers "T,A,A,123"
expect_rc 1 "no printed paper: refused"
has "has no printed paper" "$ERR" "and says so"
fl paper enter c1 "$T1" --by alice --password-file "$TMP/bob.pw" --answers "T"
expect_rc 1 "a wrong password is refused"
as alice paper enter c1 99999999 --answers "T"
expect_rc 1 "an unknown ticket is refused"

"$H" print "$FIRSTLINE_DB" c1 > "$TMP/printed"
ok $? "the cohort's papers are printed (drawn and frozen)"
fl attempts c1 --format csv
has "$T1,张三,printed,0,4,,1,," "$(printf '%s' "$OUT" | tr -d '\r')" \
    "attempts: a printed paper waits for its sheet, no mode yet"
RIGHT=$("$H" key "$FIRSTLINE_DB" "$T1" right)
printf '%s\n' "$RIGHT" | tr ',' '\n' | sort | tr '\n' ' ' |
    grep -qx '[0-9]* [A-D]* [A-D]* [TF] '
ok $? "the key of the printed paper in keyed form ($RIGHT)"

bad() {	# DESC ANSWERS MESSAGE
	as alice paper enter c1 "$T1" --answers "$2"
	expect_rc 1 "$1: refused"
	has "$3" "$ERR" "$1: says why"
	[ "$(entries)" = 0 ]; ok $? "$1: nothing stored"
}
# Each paper has its own order: find the questions by type.
qno() {	# qno TICKET TYPE: the booklet number of the question of TYPE
	sql "SELECT p.seq + 1 FROM paper_item p JOIN question q
	    ON q.id = p.question_id JOIN attempt a ON a.id = p.attempt_id
	    JOIN trainee t ON t.id = a.trainee_id WHERE t.ticket = '$1'
	    AND q.type = '$2' ORDER BY p.seq LIMIT 1"
}
with() {	# with N VALUE: RIGHT with answer N replaced
	printf '%s\n' "$RIGHT" | awk -F, -v OFS=, -v n="$1" -v v="$2" \
	    '{ $n = v; print }'
}
S=$(qno "$T1" single) M=$(qno "$T1" multiple) TF=$(qno "$T1" truefalse)
O=$(qno "$T1" ordering)
WRONG2=$("$H" key "$FIRSTLINE_DB" "$T1" right "$M=wrong" "$O=blank")
DIFF=$(printf '%s\n%s\n' "$M" "$O" | sort -n | paste -sd, - | sed 's/,/, /')
bad "too few answers" "T,A" "2 answers keyed, but the paper has 4 questions"
bad "too many answers" "$RIGHT," "5 answers keyed"
bad "a letter outside the question" "$(with "$S" Z)" "question $S: Z is not an option"
bad "two letters for a single choice" "$(with "$S" AB)" "question $S: single choice"
bad "a letter twice" "$(with "$M" AA)" "question $M: A is keyed twice"
bad "true/false keyed as a letter" "$(with "$TF" A)" "question $TF: true/false"
bad "an ordering a row short" "$(with "$O" 12)" "question $O: ordering: key 3 places"
bad "an ordering with a place twice" "$(with "$O" 113)" "question $O: two steps are put at place 1"
bad "an ordering with a gap" "$(with "$O" 3-1)" "question $O: place 2 is empty"
esc=$(with "$S" "$(printf 'A\033[2J\033]0;pwned\007')")
bad "an escape sequence" "$esc" "question $S: the answer has a character"
printf '%s\n' "$ERR" | grep -q "$(printf '\033')"
[ $? -ne 0 ]; ok $? "an escape sequence is never echoed"
long=$(awk 'BEGIN { for (i = 0; i < 70000; i++) printf "," }')
bad "70,000 commas" "$long" "the answers are longer than"
awk 'BEGIN { for (i = 0; i < 70000; i++) printf "T\n" }' > "$TMP/big.txt"
as alice paper enter c1 "$T1" --answers-file "$TMP/big.txt"
expect_rc 1 "an answers file over 64 KiB is refused"
has "longer than 65536 bytes" "$ERR" "and says so"
printf 'T\000,A,A,123\n' > "$TMP/nul.txt"
as alice paper enter c1 "$T1" --answers-file "$TMP/nul.txt"
expect_rc 1 "an answers file with a zero byte is refused"
as alice paper enter c1 "$T1" --answers-file "$TMP/none.txt"
expect_rc 1 "a missing answers file is refused"
[ "$(entries)" = 0 ]; ok $? "no entry after all the refusals"

# ------------------------------------------------------ double entry
# From a file: one answer a line (CR LF), as a script would write it.
printf '%s\n' "$RIGHT" | tr ',' '\n' | sed 's/$/\r/' > "$TMP/right.txt"
as alice paper enter c1 "$T1" --answers-file "$TMP/right.txt"
expect_rc 0 "the first entry (from a file)"
has "entry 1 stored; nothing is graded until someone else keys" "$OUT" \
    "it grades nothing"
[ "$(sql "SELECT status FROM attempt a JOIN trainee t ON t.id = a.trainee_id WHERE t.ticket = '$T1'")" = not-started ]
ok $? "the sitting is not graded"
as alice paper enter c1 "$T1" --answers "$RIGHT"
expect_rc 0 "the same person keys it again"
has "your own entries never check each other" "$OUT" "and is told it does not count"
[ "$(sql "SELECT count(*) FROM attempt WHERE status = 'submitted'")" = 0 ]
ok $? "still nothing graded"
as bob paper enter c1 "$T1" --answers "$WRONG2"
expect_rc 3 "a second person's entry that differs exits 3"
has "differs from entry 2 by alice at 2 questions; nothing is graded" "$OUT" \
    "it names the entry and how many questions"
has "question $M: alice keyed $(echo "$RIGHT" | cut -d, -f"$M"), this entry $(echo "$WRONG2" | cut -d, -f"$M")" \
    "$OUT" "the multiple-choice question: both answers"
has "question $O: alice keyed $(echo "$RIGHT" | cut -d, -f"$O"), this entry (empty)" \
    "$OUT" "the ordering question: an empty answer said as such"
hasnt "question $S:" "$OUT" "questions that agree are not listed"
[ "$(sql "SELECT count(*) FROM attempt WHERE status = 'submitted'")" = 0 ]
ok $? "a disagreement grades nothing"
as carol paper enter c1 "$T1" --answers "$(echo "$RIGHT" | tr 'A-Z' 'a-z')"
expect_rc 0 "a third person's entry agreeing with alice's"
has "agrees with entry 2 by alice: graded, written 100.0%, pass (paper-keyed)" \
    "$OUT" "grades the sitting"
[ "$(sql "SELECT status || ' ' || mode || ' ' || tenths FROM attempt a JOIN trainee t ON t.id = a.trainee_id WHERE t.ticket = '$T1'")" = "submitted paper-keyed 1000" ]
ok $? "submitted, paper-keyed, 100.0 in the database"
[ "$(sql "SELECT count(*) FROM paper_item p JOIN attempt a ON a.id = p.attempt_id JOIN trainee t ON t.id = a.trainee_id WHERE t.ticket = '$T1' AND p.response <> ''")" = 4 ]
ok $? "every answer stored in the attempt"
[ "$(sql "SELECT count(*) FROM event WHERE action = 'paper entry'")" = 4 ]
ok $? "every entry is in the audit trail"
sql "SELECT detail FROM event WHERE action = 'paper entry' ORDER BY id" > "$TMP/ev"
grep -q "entry 3 differs from entry 2 by alice at questions $DIFF; answers " "$TMP/ev"
ok $? "the audit trail says where entries differ"
[ "$(sql "SELECT detail LIKE '%keyed by alice (entry 2), checked by carol (entry 4)%' FROM event WHERE action = 'paper store'")" = 1 ]
ok $? "the stored sheet names both people"
as dave paper enter c1 "$T1" --answers "$RIGHT"
expect_rc 1 "a graded sheet takes no more entries"
has "graded already (paper-keyed, 100.0%)" "$ERR" "and says how it was graded"

# The views.
fl attempts c1 --format csv
has "$T1,张三,submitted,4,4,,1,,paper-keyed" "$(printf '%s' "$OUT" | tr -d '\r')" \
    "attempts: paper-keyed"
fl report cohort c1 --format csv
printf '%s\n' "$OUT" | tr -d '\r' | grep -q "^$T1,张三,东关,other,100.0,.*,paper-keyed$"
ok $? "report cohort: 100.0, paper-keyed"
fl score history c1 "$T1" --format csv
printf '%s\n' "$OUT" | tr -d '\r' | grep -q '^,written,written,100\.0,100,no,alice+bob+carol,.*,yes,,paper-keyed$'
ok $? "score history: the keyed sitting, by everyone who keyed it"

# A wrong sheet fails; report items counts paper sittings.
W=$("$H" key "$FIRSTLINE_DB" "$T2" wrong)
as alice paper enter c1 "$T2" --answers "$W" >/dev/null
as boss paper enter c1 "$T2" --answers "$W"
expect_rc 0 "an organizer may key too"
has "graded, written 0.0%, fail (paper-keyed)" "$OUT" "all wrong: 0.0, fail"
fl report items --cohort c1 --format csv
expect_rc 0 "report items"
drawn=$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, 'NR > 1 { n += $5 } END { print n + 0 }')
[ "$drawn" = 8 ]; ok $? "report items counts the two paper sittings' 8 questions ($drawn)"

# Entries are never changed or deleted.
sqlite3 "$FIRSTLINE_DB" "UPDATE paper_entry SET responses = ''" 2>"$TMP/sqlerr"
has "keyed entries are never changed" "$(cat "$TMP/sqlerr")" "UPDATE of an entry is refused"
sqlite3 "$FIRSTLINE_DB" "DELETE FROM paper_entry" 2>"$TMP/sqlerr"
has "keyed entries are never deleted" "$(cat "$TMP/sqlerr")" "DELETE of an entry is refused"

# A withdrawn trainee's sheet is not keyed.
as boss cohort withdraw c1 "$T4" --reason "moved away" >/dev/null
as alice paper enter c1 "$T4" --answers "$("$H" key "$FIRSTLINE_DB" "$T4" right)"
expect_rc 1 "a withdrawn trainee's sheet is refused"

# Two people store agreeing entries at once: the sheet is graded once.
R3=$("$H" key "$FIRSTLINE_DB" "$T3" right)
as alice paper enter c1 "$T3" --answers "$R3" >/dev/null
( as bob paper enter c1 "$T3" --answers "$R3"; echo "$RC" > "$TMP/rc.bob" ) &
( as carol paper enter c1 "$T3" --answers "$R3"; echo "$RC" > "$TMP/rc.carol" ) &
wait
[ "$(sql "SELECT count(*) FROM event e JOIN trainee t ON t.id = e.trainee_id WHERE e.action = 'paper store' AND t.ticket = '$T3'")" = 1 ]
ok $? "two agreeing entries at once: graded once"
rcs="$(cat "$TMP/rc.bob") $(cat "$TMP/rc.carol")"
[ "$rcs" = "0 1" ] || [ "$rcs" = "1 0" ]; ok $? "one was stored, the other refused ($rcs)"

done_testing
