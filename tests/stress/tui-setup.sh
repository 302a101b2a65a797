# Shared by the terminal stress tests (sourced after tests/tui/lib.sh): a
# database with the mini bank and the four-question exam mini-all, cohort
# c1 with four trainees; ticket/pin from $TMP/c1.csv as in tests/tui.
mini_db() {
	"$FIRSTLINE" init >/dev/null &&
	"$FIRSTLINE" bank load "$TESTDATA/good/mini-bank.xml" \
	    "$TESTDATA/good/mini-rubric.xml" "$TESTDATA/good/mini-sim.xml" \
	    "$TESTDATA/../tui/mini-all.xml" >/dev/null &&
	"$FIRSTLINE" cohort create "stress" --exam mini-all --id c1 \
	    >/dev/null &&
	printf 'name,community\n张三,竞秀区\nJohn Smith,Lianchi\n李四,莲池区\nAlice,Mancheng\n' \
	    >"$TMP/roster.csv" &&
	"$FIRSTLINE" roster import c1 "$TMP/roster.csv" >"$TMP/c1.csv"
}

# db_counts TICKET: "answered/flagged" of the ticket's attempt, as stored.
db_counts() {
	_a=$(attempt_of "$1")
	echo "$(sql "SELECT count(*) FROM paper_item WHERE attempt_id = $_a
	    AND response <> ''")/$(sql "SELECT count(*) FROM paper_item
	    WHERE attempt_id = $_a AND flagged")"
}
