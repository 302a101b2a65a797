#!/bin/sh
# Blueprints by type: bank check refuses a typed blueprint that overlaps an
# untyped line, draws a cell twice, asks for more than the bank has or
# names an unknown type; the standard exam gives forty trainees (sat
# through the core by items-sit) papers of exactly the blueprint's
# make-up; report papers shows the spread of the papers' mean difficulty
# and the exposure of the most-drawn question, analytic and observed,
# checked against sqlite3; a paper off the blueprint widens the spread.
. "$(dirname "$0")/lib.sh"

SIT="$(dirname "$FIRSTLINE")/tests/cli/items-sit"
Q="$FIRSTLINE_DATADIR"
STD="$Q/exams/standard.xml"
BANKS="$Q/banks/*.xml"
RUBRICS="$Q/rubrics/*.xml"

# ------------------------------------------------- bank check of blueprints
typed() {	# typed NAME 'DRAW LINES': the standard exam with other draws
	awk -v lines="$2" '
	    /<draw / { if (!done) { print lines; done = 1 }; next }
	    { print }' "$STD" >"$TMP/$1.xml"
}
typed overlap '    <draw module="firstaid" difficulty="1" count="1"/>
    <draw module="firstaid" type="single" difficulty="1" count="1"/>'
# shellcheck disable=SC2086
fl bank check $BANKS $RUBRICS "$TMP/overlap.xml"
expect_rc 1 "an untyped and a typed line of one module and difficulty: refused"
L=$(grep -n '<draw ' "$TMP/overlap.xml" | head -1 | cut -d: -f1)
has "overlap.xml:$((L + 1)): exam standard: module firstaid difficulty 1 is drawn both for any type (line $L) and by type (line $((L + 1)))" "$ERR" "says which lines overlap"
typed twice '    <draw module="firstaid" type="single" difficulty="1" count="1"/>
    <draw module="firstaid" type="single" difficulty="1" count="2"/>'
# shellcheck disable=SC2086
fl bank check $BANKS $RUBRICS "$TMP/twice.xml"
expect_rc 1 "one cell twice: refused"
has "twice.xml:$((L + 1)): exam standard: module firstaid type single difficulty 1 is drawn twice" "$ERR" "names the cell"
typed many '    <draw module="firstaid" type="ordering" difficulty="3" count="400"/>'
# shellcheck disable=SC2086
fl bank check $BANKS $RUBRICS "$TMP/many.xml"
expect_rc 1 "a cell larger than the bank's: refused"
has "many.xml:$L: exam standard: the blueprint asks for 400 ordering questions of difficulty 3 from module firstaid, which has only" "$ERR" "says how many of that type there are"
typed badtype '    <draw module="firstaid" type="essay" difficulty="1" count="1"/>'
# shellcheck disable=SC2086
fl bank check $BANKS $RUBRICS "$TMP/badtype.xml"
expect_rc 1 "an unknown type: refused by the schema"
has "badtype.xml:$L: Element 'draw', attribute 'type'" "$ERR" "the schema names the line"

# ------------------------------------------------ the standard exam drawn
fl init
# shellcheck disable=SC2086
fl bank load $BANKS $RUBRICS "$STD"
expect_rc 0 "the shipped banks and the typed standard exam load"
fl report papers --format csv
expect_rc 0 "report papers without papers"
printf '%s\n' "$OUT" | tr -d '\r' >"$TMP/p0.csv"
[ "$(head -1 "$TMP/p0.csv")" = "exam,version,questions,difficulty,exposure,exposure_cell,papers,mean_min,mean_max,mean_sd,observed,most_drawn" ]
ok $? "report papers: the CSV header"
# The analytic exposure: the largest count / pool of a blueprint line.
want=$(sql "SELECT printf('%.1f', max(100.0 * d.count / (SELECT count(*)
    FROM question q JOIN current_module m ON m.id = q.module_version_id
    WHERE m.module = d.module AND q.difficulty = d.difficulty
    AND q.type = d.type))) FROM exam_draw d JOIN current_exam e
    ON e.id = d.exam_version_id WHERE e.exam = 'standard'")
got=$(awk -F, '$1 == "standard" { print $5 }' "$TMP/p0.csv")
[ -n "$want" ] && [ "$got" = "$want" ]
ok $? "analytic exposure $got% = max(count / cell size) from sqlite ($want%)"
awk -F, '$1 == "standard" && $3 == 50 && $4 == "1.84" && $7 == 0 { f = 1 }
    END { exit !f }' "$TMP/p0.csv"
ok $? "50 questions, mean difficulty 1.84, no papers yet"

fl cohort create "按题型" --exam standard --id c1 >/dev/null
{ echo "name,community"; i=1; while [ $i -le 40 ]; do echo "T$i,东关"; i=$((i + 1)); done; } >"$TMP/r.csv"
fl roster import c1 "$TMP/r.csv"
printf '%s\n' "$OUT" | tr -d '\r' >"$TMP/roster.csv"
sat=0
while IFS=, read -r ticket name community pin; do
	[ "$ticket" = ticket ] && continue
	"$SIT" "$FIRSTLINE_DB" "$ticket" "$pin" '*=right' 2>>"$TMP/sit.err" &&
	    sat=$((sat + 1))
done <"$TMP/roster.csv"
[ "$sat" -eq 40 ]; ok $? "forty trainees sat the standard paper"

# Every paper has each blueprint cell's count exactly.
off=$(sql "SELECT count(*) FROM (SELECT a.id AS aid, d.module, d.type,
    d.difficulty, d.count, (SELECT count(*) FROM paper_item p
    JOIN question q ON q.id = p.question_id WHERE p.attempt_id = a.id
    AND p.module = d.module AND q.type = d.type
    AND q.difficulty = d.difficulty) AS n FROM attempt a
    JOIN trainee t ON t.id = a.trainee_id JOIN cohort c
    ON c.id = t.cohort_id JOIN exam_draw d
    ON d.exam_version_id = c.exam_version_id WHERE c.cohort = 'c1')
    WHERE n <> count")
[ "$off" = 0 ]; ok $? "every paper holds every cell's count (off: $off)"
[ "$(sql "SELECT count(DISTINCT n) || ':' || min(n) FROM (SELECT count(*)
    AS n FROM paper_item GROUP BY attempt_id)")" = "1:50" ]
ok $? "every paper has 50 questions"

fl report papers --cohort c1 --format csv
expect_rc 0 "report papers --cohort"
printf '%s\n' "$OUT" | tr -d '\r' >"$TMP/p1.csv"
awk -F, 'NR == 2 && $7 == 40 && $8 == "1.84" && $9 == "1.84" && $10 == "0.000" { f = 1 }
    END { exit !f }' "$TMP/p1.csv"
ok $? "40 papers, every mean difficulty 1.84, spread 0"
want=$(sql "SELECT printf('%.1f', 100.0 * max(n) / 40) FROM (SELECT
    count(DISTINCT attempt_id) AS n FROM paper_item GROUP BY question_id)")
[ "$(awk -F, 'NR == 2 { print $11 }' "$TMP/p1.csv")" = "$want" ]
ok $? "observed exposure = most papers with one question / papers ($want%)"
most=$(awk -F, 'NR == 2 { print $12 }' "$TMP/p1.csv")
n=$(sql "SELECT count(DISTINCT p.attempt_id) FROM paper_item p
    JOIN question q ON q.id = p.question_id WHERE q.qid = '$most'")
[ "$(printf '%s' "$n" | awk '{ printf "%.1f", 100 * $1 / 40 }')" = "$want" ]
ok $? "the most drawn question ($most) is on that many papers"
fl report papers
has "standard" "$OUT" "text output"
has "exposure_cell" "$OUT" "text header"

# A paper off the blueprint (its hard questions removed by hand) shows.
aid=$(sql "SELECT min(attempt_id) FROM paper_item")
sql "DELETE FROM paper_item WHERE attempt_id = $aid AND question_id IN
    (SELECT id FROM question WHERE difficulty = 3)"
lo=$(sql "SELECT printf('%.2f', avg(q.difficulty)) FROM paper_item p
    JOIN question q ON q.id = p.question_id WHERE p.attempt_id = $aid")
fl report papers --cohort c1 --format csv
[ "$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, 'NR == 2 { print $8 "/" $9 }')" = "$lo/1.84" ]
ok $? "the spread shows the paper off the blueprint (min $lo)"

fl report papers --cohort nope
expect_rc 1 "an unknown cohort: exit 1"
fl report papers extra
expect_rc 2 "an extra argument: usage error"

done_testing
