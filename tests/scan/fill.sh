#!/bin/sh
# The reader on many sheets filled as people fill them (tests/scan/
# gen-sheets): papers printed by `paper print`, each answer sheet marked
# (clean full fills; or light pencil, ticks, a filled bubble crossed out
# before the right one is filled, stray dots, smudges), turned up to 10
# degrees and one in five upside down, at 150, 200 and 300 dpi, with
# noise, as JPEG, PNG, TIFF and scanner PDFs; then `paper scan` and
# gen-sheets check: no answer stored that the trainee did not mean (nor
# read without doubt on a sheet sent to review for other marks), no sheet
# lost, under 2% of the clean sheets sent to review.
#
# SCAN_SHEETS sheets in all (default 40 in make check; make check-stress
# runs 500 through tests/stress/scan-fill.sh), in rounds of up to 50 on a
# fresh copy of the printed database each.  With SCAN_FIGURES=FILE the
# totals are written there too.
. "$(dirname "$0")/../cli/lib.sh"

BIN=$(dirname "$FIRSTLINE")
GEN="$BIN/tests/scan/gen-sheets"
B="$FIRSTLINE_DATADIR"
DB="$FIRSTLINE_DB"
SHEETS=${SCAN_SHEETS:-40}
PER=50
[ "$SHEETS" -lt "$PER" ] && PER=$SHEETS

{ echo name,community; i=1; while [ $i -le "$PER" ]; do
    echo "学员$i,东关"; i=$((i + 1)); done; } >"$TMP/roster.csv"
fl init && fl bank load "$B"/banks/*.xml "$B"/rubrics/*.xml \
    "$B/exams/standard.xml" && fl cohort create 抽样 --exam standard \
    --id s1 && fl roster import s1 "$TMP/roster.csv" &&
    fl paper print s1 -o "$TMP/printed.pdf"
expect_rc 0 "$PER papers of the standard exam printed"
cp "$DB" "$TMP/printed.db"

# scan_round N SEED [gen-sheets fill options]: N sheets filled, scanned
# and checked on a fresh copy of the printed database; adds its figures
# to the totals.
scan_round() {
	n=$1 seed=$2
	shift 2
	round=$((round + 1))
	R="$TMP/round"
	rm -rf "$R" "$R.db" "$R.db-wal" "$R.db-shm" "$R.db-review"
	mkdir "$R" && cp "$TMP/printed.db" "$R.db"
	if ! "$GEN" fill "$R.db" "$TMP/printed.pdf" "$R" "$R.key" --count "$n" \
	    --seed "$seed" "$@" >"$TMP/gen.out" 2>&1; then
		sed 's/^/# /' "$TMP/gen.out"; bad=1; return 1
	fi
	FIRSTLINE_DB="$R.db" "$FIRSTLINE" paper scan s1 "$R"/* \
	    >"$TMP/scan.out" 2>"$TMP/scan.err"
	rc=$?
	if [ $rc != 0 ]; then
		echo "# round $round: paper scan exit $rc"
		sed 's/^/# /' "$TMP/scan.err"
		bad=1
	fi
	"$GEN" check "$R.db" "$R.key" --max-clean-review 101 \
	    >"$TMP/check.out" 2>&1 || bad=1
	grep -v '^sheets ' "$TMP/check.out" | sed "s/^/# round $round: /"
	set -- $(sed -n 's/^sheets \([0-9]*\): stored \([0-9]*\) (\([0-9]*\) answers), review \([0-9]*\), lost \([0-9]*\); silent errors \([0-9]*\); clean sheets \([0-9]*\), of them to review \([0-9]*\) ([0-9.]*%); misread without doubt in review \([0-9]*\)$/\1 \2 \3 \4 \5 \6 \7 \8 \9/p' "$TMP/check.out")
	[ $# = 9 ] || { echo "# round $round: no figures"; bad=1; return 1; }
	done_n=$((done_n + $1)) stored=$((stored + $2)) answers=$((answers + $3))
	review=$((review + $4)) lost=$((lost + $5)) silent=$((silent + $6))
	clean=$((clean + $7)) clean_rev=$((clean_rev + $8))
	unflagged=$((unflagged + $9))
}

t0=$(date +%s)
done_n=0 round=0 silent=0 lost=0 stored=0 review=0 clean=0 clean_rev=0
answers=0 bad=0 unflagged=0
while [ "$done_n" -lt "$SHEETS" ]; do
	n=$((SHEETS - done_n)); [ "$n" -gt "$PER" ] && n=$PER
	scan_round "$n" $((round + 1)) || break
done
secs=$(($(date +%s) - t0))
pct=$(awk -v a="$clean_rev" -v b="$clean" 'BEGIN { printf "%.2f", b ? 100 * a / b : 0 }')
summary="paper scan on $done_n generated sheets ($round rounds, $secs s): stored $stored ($answers answers), to review $review, lost $lost; silent errors $silent; clean sheets $clean, to review $clean_rev ($pct%); misread without doubt on sheets in review $unflagged"
echo "# $summary"
[ -n "${SCAN_FIGURES:-}" ] && echo "$summary" >"$SCAN_FIGURES"

[ "$bad" = 0 ] && [ "$done_n" = "$SHEETS" ]
ok $? "$SHEETS sheets filled, scanned and checked"
[ "$silent" = 0 ]; ok $? "no answer stored that the trainee did not mean ($answers stored)"
[ "$unflagged" = 0 ]
ok $? "on the sheets in review, every question read without doubt read as meant"
[ "$lost" = 0 ]; ok $? "every sheet stored or in review"
awk -v a="$clean_rev" -v b="$clean" 'BEGIN { exit !(b > 0 && 100 * a / b < 2) }'
ok $? "under 2% of the $clean clean sheets sent to review ($pct%)"
[ "$review" -gt 0 ]; ok $? "messy sheets do go to review ($review)"

# Crossed-out choices, the mark most easily taken for a fill: 10 sheets on
# which every answered item has a wrong option filled and crossed out
# (thin light pen, the cross ending in the gaps between bubbles) before the
# right ones are filled.  Each sheet goes to review, and not one crossed
# option is read as chosen without doubt.
done_n=0 stored=0 silent=0 unflagged=0 review=0 lost=0 bad=0
scan_round 10 1000 --clean 0 --messy crossed
[ "$bad" = 0 ] && [ "$done_n" = 10 ] && [ "$silent" = 0 ] &&
    [ "$unflagged" = 0 ] && [ "$review" = 10 ]
ok $? "crossed-out options: 10 sheets to review, none read as chosen ($unflagged misread)"

# Ticks instead of fills, every one drawn with the thinnest, lightest pen
# of the generator's range (0.3 mm, grey 0.32) at 150 dpi in JPEG: the
# tick once read as a blank without doubt (1 in 5 of these).  Each sheet
# goes to review, and not one tick is read as blank without doubt.
done_n=0 stored=0 silent=0 unflagged=0 review=0 lost=0 bad=0
scan_round 10 2000 --clean 0 --messy tick --tick-pen 0.3,0.32 --dpi 150 \
    --formats jpeg
[ "$bad" = 0 ] && [ "$done_n" = 10 ] && [ "$silent" = 0 ] &&
    [ "$unflagged" = 0 ] && [ "$review" = 10 ]
ok $? "thin light ticks: 10 sheets to review, none read as blank ($unflagged misread)"

# A scanner whose light falls off across the page: 10 clean sheets, each
# 24 grey levels darker on one side than the other.  The empty bubbles of
# the dark side are as empty as the others: no sheet goes to review
# (without the paper level taken around each bubble, half of them did).
done_n=0 stored=0 silent=0 unflagged=0 review=0 lost=0 bad=0
scan_round 10 3000 --clean 1 --shade 24
[ "$bad" = 0 ] && [ "$done_n" = 10 ] && [ "$silent" = 0 ] &&
    [ "$review" = 0 ] && [ "$stored" = 10 ]
ok $? "uneven light: 10 clean sheets stored, none to review ($review)"

done_testing
