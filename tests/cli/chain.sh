#!/bin/sh
# The record is append-only and tamper-evident: INSERT OR REPLACE on the
# audit trail, score entries, marks and certified results fails, and so
# does unsealing a certified cohort; a row edited, deleted or inserted
# with sqlite3 and the triggers dropped (as an attacker with the file
# would) makes 'audit verify' name it; a certificate's verification code
# says whose it is and whether it still stands.
. "$(dirname "$0")/lib.sh"

G="$TESTDATA/good"
fl init
fl bank load "$G/mini-bank.xml" "$G/mini-rubric.xml" "$G/mini-sim.xml" "$G/mini-exam.xml"
fl cohort create "链" --exam mini-exam --id c1
printf 'name,community\n甲,东关\n乙,西关\n' >"$TMP/r.csv"
fl roster import c1 "$TMP/r.csv"
roster=$(printf '%s\n' "$OUT" | tr -d '\r')
A=$(printf '%s\n' "$roster" | awk -F, 'NR == 2 { print $1 }')
B=$(printf '%s\n' "$roster" | awk -F, 'NR == 3 { print $1 }')
echo "organizer-pw" >"$TMP/org.pw"
fl user add boss --role organizer --password-file "$TMP/org.pw"
ORG="--by boss --password-file $TMP/org.pw"
for t in "$A" "$B"; do
	fl score set c1 "$t" written 95 --reason "paper sitting" $ORG
	fl score set c1 "$t" mini-station safety=4 call=6 $ORG
	fl score set c1 "$t" mini-drill safety=4 call=6 $ORG
done
fl cohort certify c1 $ORG
expect_rc 0 "a cohort scored and certified"

fl audit verify
expect_rc 0 "audit verify: the record matches"
has "the record matches its chain" "$OUT" "and says so"
n=$(sql "SELECT count(*) FROM chain")
want=$(sql "SELECT (SELECT count(*) FROM event) + (SELECT count(*) FROM score_entry) + (SELECT count(*) FROM score_mark) + (SELECT count(*) FROM certified_result)")
[ "$n" = "$want" ] && [ "$n" -gt 10 ]; ok $? "every row is chained ($n of $want)"

# The sqlite3 shell has no fl_chain: it cannot add to the record at all.
sql "INSERT INTO event (actor, action) VALUES ('eve', 'x')" 2>"$TMP/e"
[ "$(sql "SELECT count(*) FROM event WHERE actor = 'eve'")" = 0 ]; ok $? "an insert from the sqlite3 shell fails"

# REPLACE and unseal fail, whoever runs them: here on a copy whose chain
# triggers are dropped, so that the shell (without fl_chain) reaches the
# append-only triggers themselves.
sqlite3 "$FIRSTLINE_DB" ".backup '$TMP/r.db'"
sqlite3 "$TMP/r.db" "DROP TRIGGER event_chain; DROP TRIGGER score_entry_chain;
    DROP TRIGGER score_mark_chain; DROP TRIGGER certified_result_chain"
eid=$(sql "SELECT max(id) FROM event")
sid=$(sql "SELECT max(id) FROM score_entry")
tid=$(sql "SELECT min(trainee_id) FROM certified_result")
for stmt in \
    "INSERT OR REPLACE INTO event (id, actor, action) VALUES ($eid, 'eve', 'nothing happened')" \
    "REPLACE INTO score_entry (id, trainee_id, component, rubric, total, max, passed, entered_by) SELECT $sid, trainee_id, component, rubric, 0, max, 0, entered_by FROM score_entry WHERE id = $sid" \
    "INSERT OR REPLACE INTO score_mark (entry_id, seq, item, mark) VALUES ($sid, 0, 'safety', 0)" \
    "INSERT OR REPLACE INTO certified_result (trainee_id, cohort_id, class, total_tenths, retake) VALUES ($tid, 1, 'fail', 0, 0)" \
    "UPDATE cohort SET sealed_at = NULL" \
    "UPDATE cohort SET sealed_at = '2000-01-01T00:00:00Z'" \
    "DELETE FROM cohort WHERE cohort = 'c1'"; do
	sqlite3 "$TMP/r.db" "PRAGMA foreign_keys = OFF; $stmt" >/dev/null 2>"$TMP/e"
	[ $? -ne 0 ]; ok $? "fails: $(printf '%s' "$stmt" | cut -c1-60)"
	grep -q -e "append-only" -e "never changed" -e "are final" -e "stays sealed" "$TMP/e"
	ok $? "  refused by the schema ($(head -c 60 "$TMP/e"))"
done
[ "$(sqlite3 "$TMP/r.db" "SELECT count(*) FROM cohort WHERE sealed_at IS NOT NULL")" = 1 ]; ok $? "the cohort is still sealed"
[ "$(sqlite3 "$TMP/r.db" "SELECT count(*) FROM event WHERE actor = 'eve'")" = 0 ]; ok $? "no event was replaced"
fl audit verify
expect_rc 0 "the record still matches"

# A certificate's code, on the PDF and through 'certificate verify'.
if [ -x "$(dirname "$FIRSTLINE")/firstline-pdf" ] && command -v pdftotext >/dev/null 2>&1; then
	fl report certificates c1 -o "$TMP/certs"
	expect_rc 0 "certificates written"
	pdftotext "$TMP/certs/$A.pdf" "$TMP/a.txt"
	code=$(grep -o '[0-9A-F]\{4\}-[0-9A-F]\{4\}-[0-9A-F]\{4\}' "$TMP/a.txt" | head -1)
	[ -n "$code" ]; ok $? "the certificate carries a verification code ($code)"
else
	code=""
fi
if [ -z "$code" ]; then
	code=$(sql "SELECT upper(substr(digest,1,4) || '-' || substr(digest,5,4) || '-' || substr(digest,9,4)) FROM chain c JOIN trainee t ON c.tbl = 'certified_result' AND c.rid = CAST(t.id AS TEXT) WHERE t.ticket = '$A'")
fi
fl certificate verify "$code"
expect_rc 0 "certificate verify: it stands"
has "甲" "$OUT" "it names the trainee"
has "$A" "$OUT" "and the ticket"
has "it stands" "$OUT" "and says it stands"
fl certificate verify "$(printf '%s' "$code" | tr 'A-F' 'a-f' | tr -d -)"
expect_rc 0 "the code works in lower case without dashes"
fl certificate verify 0000-0000-0000
expect_rc 1 "an unknown code is refused"
has "no certificate" "$ERR" "and says so"

# An attacker with the file: drop the triggers, change a score.
sqlite3 "$FIRSTLINE_DB" ".backup '$TMP/pristine.db'"
sqlite3 "$FIRSTLINE_DB" "DROP TRIGGER score_entry_no_update;
    UPDATE score_entry SET total = 0, passed = 0 WHERE id = 2" 2>"$TMP/e"
ok $? "the attacker's UPDATE (triggers dropped) went through"
fl audit verify
expect_rc 1 "audit verify fails"
has "score_entry 2" "$ERR" "and names the changed score entry"
has "does not match its digest" "$ERR" "and what is wrong"
fl certificate verify "$code"
expect_rc 1 "a certificate after the changed score no longer stands"
has "does NOT stand" "$OUT" "and says so"

# A deleted mark and an inserted event (triggers dropped) are named too.
DB2="$TMP/d.db"
for sqltext in \
    "DROP TRIGGER score_mark_no_delete; DELETE FROM score_mark WHERE entry_id = 3 AND seq = 1" \
    "DROP TRIGGER event_chain; INSERT INTO event (actor, action) VALUES ('eve', 'invented')" \
    "DROP TRIGGER chain_no_delete; DELETE FROM chain WHERE seq = 5" \
    "DROP TRIGGER certified_result_no_update; UPDATE certified_result SET class = 'fail'"; do
	rm -f "$DB2" "$DB2-wal" "$DB2-shm"
	cp "$TMP/pristine.db" "$DB2"
	chmod 600 "$DB2"
	sqlite3 "$DB2" "$sqltext"
	run "$FIRSTLINE" --db "$DB2" audit verify
	[ "$RC" = 1 ]; ok $? "audit verify fails after: $(printf '%s' "$sqltext" | cut -c1-50)"
	case "$sqltext" in
	*score_mark*) has "score_mark 3/1" "$ERR" "  names the deleted mark" ;;
	*invented*) has "event" "$ERR" "  names an event" ;;
	*"FROM chain"*) has "chain entry" "$ERR" "  says a chain entry is missing or wrong" ;;
	*certified_result*) has "certified_result" "$ERR" "  names the certified result" ;;
	esac
done

done_testing
