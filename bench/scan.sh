#!/bin/sh
# make bench, paper scan: a 60-sheet cohort scanned at 300 dpi, against
# Leptonica alone decoding the same images (gen-sheets decode: pixRead and
# grey, nothing else).  Both sides run alternately in this one run and the
# medians are compared, so a busy machine slows both alike.  Then the
# wall time of the same scan split over two processes (two scanners'
# batches at once, as on a 2-core exam server).  Prints
# "paper scan: ratio R (target <= 3)" and the absolute figures; exits 1
# when the target is missed.
#
#   scan.sh --out DIR --src SRCDIR --bin BUILDDIR
# Environment: BENCH_SCAN_SHEETS (default 60), BENCH_SCAN_ROUNDS (3).
set -u
OUT=bench/out SRC=. BIN=.
while [ $# -gt 1 ]; do
	case $1 in
	--out) OUT=$2 ;; --src) SRC=$2 ;; --bin) BIN=$2 ;;
	*) echo "scan.sh: unknown option $1" >&2; exit 2 ;;
	esac
	shift 2
done
SHEETS=${BENCH_SCAN_SHEETS:-60}
ROUNDS=${BENCH_SCAN_ROUNDS:-3}
FL=$BIN/firstline
GEN=$BIN/tests/scan/gen-sheets
TOOL=$BIN/bench/bench-tool
B=$SRC/question-banks
FIRSTLINE_DATADIR=$B; export FIRSTLINE_DATADIR
LC_ALL=C.UTF-8; export LC_ALL
unset FIRSTLINE_DB LANGUAGE 2>/dev/null
die() { echo "bench: $*" >&2; exit 1; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2];
	else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", a / b }'; }
within() { awk -v r="$1" -v t="$2" 'BEGIN { exit !(r <= t) }'; }

D=$OUT/scan
DB=$D/printed.db
if [ ! -f "$D/done-$SHEETS" ]; then
	echo "bench: printing and filling $SHEETS answer sheets at 300 dpi ..." >&2
	rm -rf "$D" && mkdir -p "$D/sheets" || die "cannot make $D"
	{ echo name,community; i=1; while [ $i -le "$SHEETS" ]; do
	    echo "学员$i,东关"; i=$((i + 1)); done; } >"$D/roster.csv"
	"$FL" --db "$DB" init >/dev/null &&
	"$FL" --db "$DB" bank load "$B"/banks/*.xml "$B"/rubrics/*.xml \
	    "$B/exams/standard.xml" >/dev/null &&
	"$FL" --db "$DB" cohort create bench --exam standard --id b1 \
	    >/dev/null &&
	"$FL" --db "$DB" roster import b1 "$D/roster.csv" >/dev/null &&
	"$FL" --db "$DB" paper print b1 -o "$D/printed.pdf" >/dev/null &&
	"$GEN" fill "$DB" "$D/printed.pdf" "$D/sheets" "$D/key" \
	    --count "$SHEETS" --clean 1 --dpi 300 --formats jpeg,png,tiff \
	    --seed 1 >/dev/null && : >"$D/done-$SHEETS" ||
	    die "cannot print and fill the sheets"
fi
FILES=$(ls "$D"/sheets/*)

# Each round scans into a fresh copy of the printed database.
scan_once() {	# scan_once OUTFILE
	rm -rf "$D/r.db" "$D/r.db-wal" "$D/r.db-shm" "$D/r.db-review"
	cp "$DB" "$D/r.db" || die "cannot copy $DB"
	"$TOOL" time "$FL" --db "$D/r.db" paper scan b1 $FILES >>"$1" ||
	    die "paper scan failed"
}
: >"$D/t-scan"; : >"$D/t-lept"
i=0
while [ $i -lt "$ROUNDS" ]; do
	if [ $((i % 2)) = 0 ]; then
		scan_once "$D/t-scan"
		"$TOOL" time "$GEN" decode $FILES >>"$D/t-lept" || die "decode"
	else
		"$TOOL" time "$GEN" decode $FILES >>"$D/t-lept" || die "decode"
		scan_once "$D/t-scan"
	fi
	i=$((i + 1))
done
"$GEN" check "$D/r.db" "$D/key" >"$D/check" 2>&1 ||
    die "the scanned answers are not the ones meant: $(tail -n 1 "$D/check")"
SCAN=$(median <"$D/t-scan") LEPT=$(median <"$D/t-lept")
R=$(ratio "$SCAN" "$LEPT")

# Two processes at once, each half of the sheets.
rm -rf "$D/r.db" "$D/r.db-wal" "$D/r.db-shm" "$D/r.db-review"
cp "$DB" "$D/r.db"
half=$(( $(echo $FILES | wc -w) / 2 ))
A=$(echo $FILES | tr ' ' '\n' | head -n "$half")
Z=$(echo $FILES | tr ' ' '\n' | tail -n +"$((half + 1))")
t0=$(date +%s.%N)
"$FL" --db "$D/r.db" paper scan b1 $A >/dev/null 2>"$D/err-a" & pa=$!
"$FL" --db "$D/r.db" paper scan b1 $Z >/dev/null 2>"$D/err-b" & pb=$!
wait $pa; ra=$?; wait $pb; rb=$?
t1=$(date +%s.%N)
[ $ra = 0 ] && [ $rb = 0 ] || die "the parallel scan failed: $(cat "$D/err-a" "$D/err-b")"
WALL2=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f\n", b - a }')
"$GEN" check "$D/r.db" "$D/key" >"$D/check2" 2>&1 ||
    die "the parallel scan stored other answers: $(tail -n 1 "$D/check2")"

rc=0
if within "$R" 3; then mark=""; else mark="  MISSED"; rc=1; fi
echo
echo "paper scan: ratio $R (target <= 3)$mark"
echo "  $SHEETS answer sheets at 300 dpi (JPEG, PNG, TIFF), $ROUNDS rounds, medians:"
echo "    firstline paper scan (read, store, grade)   $SCAN s"
echo "    Leptonica pixRead + grey alone             $LEPT s"
echo "    per sheet: $(awk -v s="$SCAN" -v n="$SHEETS" 'BEGIN { printf "%.0f", 1000 * s / n }') ms"
echo "  two paper scan processes at once, half each ($(nproc) cores): $WALL2 s wall"
exit $rc
