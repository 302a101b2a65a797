#!/bin/sh
# make bench: firstline at city scale against the libraries underneath.
# Each comparison runs both sides alternately in this one run and compares
# medians, so a busy machine slows both alike.  Prints one line per
# comparison, "NAME: ratio R (target <= T)", then the absolute figures.
# Exits 1 when a target is missed (after printing everything).
#
#   run.sh --scale S --out DIR --src SRCDIR --bin BUILDDIR
#          [--dialog PATH] [--sqlite3 PATH] [--xmllint PATH] [--only bank]
# --only bank: the bank load lines alone (make bench-bank).
# Environment: BENCH_ROUNDS (bank and summary rounds, default 5),
# BENCH_CLIENT_RUNS (default 20), BENCH_PROCS (default 200).
set -u
SCALE=1 OUT=bench/out SRC=. BIN=. DIALOG= SQLITE3= XMLLINT= ONLY=
while [ $# -gt 1 ]; do
	case $1 in
	--scale) SCALE=$2 ;; --out) OUT=$2 ;; --src) SRC=$2 ;; --bin) BIN=$2 ;;
	--dialog) DIALOG=$2 ;; --sqlite3) SQLITE3=$2 ;; --xmllint) XMLLINT=$2 ;;
	--only) ONLY=$2 ;;
	*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
	esac
	shift 2
done
: "${DIALOG:=dialog}" "${SQLITE3:=sqlite3}" "${XMLLINT:=xmllint}"
ROUNDS=${BENCH_ROUNDS:-5}
RUNS=${BENCH_CLIENT_RUNS:-20}
PROCS=${BENCH_PROCS:-200}
COMMIT_ROUNDS=3
FL=$BIN/firstline
TOOL=$BIN/bench/bench-tool
XSD=$SRC/question-banks/schema/bank.xsd
FIRSTLINE_DATADIR=$SRC/question-banks; export FIRSTLINE_DATADIR
LC_ALL=C.UTF-8; export LC_ALL
TERM=xterm; export TERM
unset FIRSTLINE_DB NO_COLOR LANGUAGE 2>/dev/null
mkdir -p "$OUT" || exit 1

die() { echo "bench: $*" >&2; exit 1; }
# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2];
	else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", a / b }'; }
within() { awk -v r="$1" -v t="$2" 'BEGIN { exit !(r <= t) }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f\n", s * 1000 }'; }

# ---------------------------------------------------------------- data
BANKDIR=$OUT/bank-$SCALE
QUESTIONS=$(awk -v s="$SCALE" 'BEGIN { printf "%d\n", 100000 * s + 0.5 }')
if [ ! -f "$BANKDIR/done" ]; then
	echo "bench: generating the $QUESTIONS-question bank ..." >&2
	rm -rf "$BANKDIR" && mkdir -p "$BANKDIR" &&
	"$BIN/bench/gen-bank" --questions "$QUESTIONS" --seed 1 "$BANKDIR" \
	    >/dev/null && : > "$BANKDIR/done" || die "gen-bank failed"
fi
BANKS=$(ls "$BANKDIR"/bench-m*.xml)
# The same number of questions split into 400 files (issue #17: the
# per-file cost, and the memory kept while all files are read).
BANKDIR400=$OUT/bank400-$SCALE
if [ ! -f "$BANKDIR400/done" ]; then
	rm -rf "$BANKDIR400" && mkdir -p "$BANKDIR400" &&
	"$BIN/bench/gen-bank" --questions "$QUESTIONS" --modules 400 --seed 1 \
	    "$BANKDIR400" >/dev/null && : > "$BANKDIR400/done" ||
	    die "gen-bank failed"
fi
BANKS400=$(ls "$BANKDIR400"/bench-m*.xml)
SEATS=$((PROCS * COMMIT_ROUNDS + 10))
CITY=$OUT/city-$SCALE.db
if [ "$ONLY" = bank ]; then
	:
elif [ ! -f "$CITY.done" ]; then
	echo "bench: generating the city at scale $SCALE ..." >&2
	rm -f "$CITY" "$CITY-wal" "$CITY-shm"
	"$FL" --db "$CITY" init >/dev/null &&
	"$FL" --db "$CITY" bank load "$SRC"/question-banks/rubrics/*.xml \
	    "$SRC"/question-banks/banks/*.xml \
	    "$SRC"/question-banks/exams/standard.xml >/dev/null &&
	"$BIN/bench/gen-city" --db "$CITY" --scale "$SCALE" --seed 1 \
	    --seats "$SEATS" >&2 && : > "$CITY.done" || die "gen-city failed"
fi
# A city made by an older firstline is upgraded, as an exam server would be.
[ "$ONLY" = bank ] || "$FL" --db "$CITY" init >/dev/null ||
    die "cannot upgrade $CITY"

# ---------------------------------------------------------- 1. bank load
FRESH=$OUT/fresh.db
: > "$OUT/bank-fl" ; : > "$OUT/bank-xl"
i=0
while [ $i -lt "$ROUNDS" ]; do
	rm -f "$FRESH" "$FRESH-wal" "$FRESH-shm"
	"$FL" --db "$FRESH" init >/dev/null || die "init failed"
	if [ $((i % 2)) = 0 ]; then
		"$TOOL" time "$FL" --db "$FRESH" bank load $BANKS >> "$OUT/bank-fl" || die "bank load failed"
		"$TOOL" time "$XMLLINT" --noout --schema "$XSD" $BANKS >> "$OUT/bank-xl" || die "xmllint failed"
	else
		"$TOOL" time "$XMLLINT" --noout --schema "$XSD" $BANKS >> "$OUT/bank-xl" || die "xmllint failed"
		"$TOOL" time "$FL" --db "$FRESH" bank load $BANKS >> "$OUT/bank-fl" || die "bank load failed"
	fi
	i=$((i + 1))
done
[ "$("$SQLITE3" "$FRESH" 'SELECT count(*) FROM question')" = "$QUESTIONS" ] ||
    die "the bank did not load every question"
BANK_FL=$(median < "$OUT/bank-fl") BANK_XL=$(median < "$OUT/bank-xl")
BANK_R=$(ratio "$BANK_FL" "$BANK_XL")

# 400 files: time and peak memory (VmHWM), both sides alternately.
: > "$OUT/bank4-fl" ; : > "$OUT/bank4-xl"
i=0
while [ $i -lt "$ROUNDS" ]; do
	rm -f "$FRESH" "$FRESH-wal" "$FRESH-shm"
	"$FL" --db "$FRESH" init >/dev/null || die "init failed"
	if [ $((i % 2)) = 0 ]; then
		"$TOOL" peak "$FL" --db "$FRESH" bank load $BANKS400 >> "$OUT/bank4-fl" || die "bank load (400 files) failed"
		"$TOOL" peak "$XMLLINT" --noout --schema "$XSD" $BANKS400 >> "$OUT/bank4-xl" || die "xmllint failed"
	else
		"$TOOL" peak "$XMLLINT" --noout --schema "$XSD" $BANKS400 >> "$OUT/bank4-xl" || die "xmllint failed"
		"$TOOL" peak "$FL" --db "$FRESH" bank load $BANKS400 >> "$OUT/bank4-fl" || die "bank load (400 files) failed"
	fi
	i=$((i + 1))
done
[ "$("$SQLITE3" "$FRESH" 'SELECT count(*) FROM question')" = "$QUESTIONS" ] ||
    die "the 400-file bank did not load every question"
BANK4_FL=$(cut -d' ' -f1 < "$OUT/bank4-fl" | median)
BANK4_XL=$(cut -d' ' -f1 < "$OUT/bank4-xl" | median)
BANK4_R=$(ratio "$BANK4_FL" "$BANK4_XL")
MEM4_FL=$(cut -d' ' -f2 < "$OUT/bank4-fl" | median)
MEM4_XL=$(cut -d' ' -f2 < "$OUT/bank4-xl" | median)
MEM4_R=$(ratio "$MEM4_FL" "$MEM4_XL")

rc=0
line() {	# NAME RATIO TARGET
	if within "$2" "$3"; then mark=""; else mark="  MISSED"; rc=1; fi
	echo "$1: ratio $2 (target <= $3)$mark"
}
bank_figures() {
	echo "  bank load, $QUESTIONS questions in $(echo $BANKS | wc -w) files ($ROUNDS rounds):"
	echo "    firstline bank load        $BANK_FL s"
	echo "    xmllint --noout --schema   $BANK_XL s"
	echo "  bank load, the same questions in 400 files ($ROUNDS rounds):"
	echo "    firstline bank load        $BANK4_FL s, peak $MEM4_FL KiB"
	echo "    xmllint --noout --schema   $BANK4_XL s, peak $MEM4_XL KiB"
}
if [ "$ONLY" = bank ]; then
	echo
	echo "firstline bench, bank load only: scale $SCALE ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg))"
	line "bank load" "$BANK_R" 1.5
	line "bank load, 400 files" "$BANK4_R" 1.5
	line "bank load peak memory, 400 files" "$MEM4_R" 2
	echo
	echo "absolute figures (medians):"
	bank_figures
	exit $rc
fi

# ------------------------------------------------------- 2. city summary
SQL=$SRC/bench/city-summary.sql
"$FL" --db "$CITY" report city --format csv > "$OUT/summary-fl.csv" &&
"$FL" --db "$CITY" report coverage --format csv >> "$OUT/summary-fl.csv" &&
"$SQLITE3" "$CITY" < "$SQL" > "$OUT/summary-sql.csv" || die "summary failed"
# sqlite3 quotes non-ASCII text in CSV; firstline quotes only what needs it
tr -d '"' < "$OUT/summary-fl.csv" > "$OUT/summary-fl.unq"
tr -d '"' < "$OUT/summary-sql.csv" > "$OUT/summary-sql.unq"
if cmp -s "$OUT/summary-fl.unq" "$OUT/summary-sql.unq"; then SAME=yes; else SAME=NO; fi
COHORTS=$(($("$FL" --db "$CITY" report city --format csv | grep -c '^') - 1))
: > "$OUT/sum-fl" ; : > "$OUT/sum-sql"
FLCMD="'$FL' --db '$CITY' report city --format csv && '$FL' --db '$CITY' report coverage --format csv"
SQLCMD="'$SQLITE3' '$CITY' < '$SQL'"
i=0
while [ $i -lt "$ROUNDS" ]; do
	if [ $((i % 2)) = 0 ]; then
		"$TOOL" time sh -c "$FLCMD" >> "$OUT/sum-fl" || die "report city failed"
		"$TOOL" time sh -c "$SQLCMD" >> "$OUT/sum-sql" || die "sqlite3 failed"
	else
		"$TOOL" time sh -c "$SQLCMD" >> "$OUT/sum-sql" || die "sqlite3 failed"
		"$TOOL" time sh -c "$FLCMD" >> "$OUT/sum-fl" || die "report city failed"
	fi
	i=$((i + 1))
done
SUM_FL=$(median < "$OUT/sum-fl") SUM_SQL=$(median < "$OUT/sum-sql")
SUM_R=$(ratio "$SUM_FL" "$SUM_SQL")

# ------------------------------------------------------ 3. answer commit
# Both sides on one copy of the city: the engine's trainees answer their
# papers; the bare side inserts into a table of its own.
COMMITDB=$OUT/commit.db
rm -f "$COMMITDB" "$COMMITDB-wal" "$COMMITDB-shm"
cp "$CITY" "$COMMITDB" || die "cannot copy the city"
"$SQLITE3" "$COMMITDB" "CREATE TABLE bench_bare (id INTEGER PRIMARY KEY,
    seat INTEGER NOT NULL, seq INTEGER NOT NULL, response TEXT NOT NULL,
    at INTEGER NOT NULL)" || die "cannot create bench_bare"
: > "$OUT/commit-fl" ; : > "$OUT/commit-bare"
i=0
while [ $i -lt $COMMIT_ROUNDS ]; do
	"$TOOL" commit --db "$COMMITDB" --mode engine --procs "$PROCS" \
	    --first $((i * PROCS)) >> "$OUT/commit-fl" || die "engine commits failed"
	"$TOOL" commit --db "$COMMITDB" --mode bare --procs "$PROCS" \
	    --count 50 >> "$OUT/commit-bare" || die "bare commits failed"
	i=$((i + 1))
done
COMMIT_FL=$(awk '{ print $2 }' "$OUT/commit-fl" | median)
COMMIT_BARE=$(awk '{ print $2 }' "$OUT/commit-bare" | median)
COMMIT_FL50=$(awk '{ print $1 }' "$OUT/commit-fl" | median)
COMMIT_BARE50=$(awk '{ print $1 }' "$OUT/commit-bare" | median)
COMMIT_N=$(awk '{ n += $4 } END { print n }' "$OUT/commit-fl")
COMMIT_R=$(ratio "$COMMIT_FL" "$COMMIT_BARE")

# ------------------------------------------------------- 4. client start
: > "$OUT/start-fl" ; : > "$OUT/start-dialog"
i=0
while [ $i -lt "$RUNS" ]; do
	"$TOOL" screen --until "Choose the language" -- \
	    "$FL" --db "$COMMITDB" sit >> "$OUT/start-fl" || die "sit never drew"
	"$TOOL" screen --until hello -- \
	    "$DIALOG" --msgbox hello 6 20 >> "$OUT/start-dialog" || die "dialog never drew"
	i=$((i + 1))
done
START_FL=$(median < "$OUT/start-fl") START_DL=$(median < "$OUT/start-dialog")
START_R=$(ratio "$START_FL" "$START_DL")
SEAT=$(printf '%08d' $((90000001 + PROCS * COMMIT_ROUNDS)))
RSS=$("$TOOL" rss --ticket "$SEAT" --pin 246810 -- "$FL" --db "$COMMITDB" sit) ||
    die "the client did not reach the question screen"

# --------------------------------------------------- 5. roster import
# Importing a roster hashes every PIN with yescrypt: rows per second of
# `roster import` against bare crypt_r on every core, alternately.
ROSTER_ROWS=${BENCH_ROSTER_ROWS:-400}
ROSTERDB=$OUT/roster.db
awk -v n="$ROSTER_ROWS" 'BEGIN { print "name,community";
	for (i = 1; i <= n; i++) printf "Trainee %d,Community %d\n", i, i % 50 }' \
    > "$OUT/roster.csv"
rm -f "$ROSTERDB" "$ROSTERDB-wal" "$ROSTERDB-shm"
"$FL" --db "$ROSTERDB" init >/dev/null &&
"$FL" --db "$ROSTERDB" bank load "$SRC"/question-banks/rubrics/*.xml \
    "$SRC"/question-banks/banks/*.xml "$SRC"/question-banks/exams/standard.xml \
    >/dev/null || die "roster database failed"
: > "$OUT/roster-fl"; : > "$OUT/roster-ref"
i=0
while [ $i -lt 3 ]; do
	"$FL" --db "$ROSTERDB" cohort create "r$i" --exam standard --id "r$i" \
	    >/dev/null || die "cohort create failed"
	"$TOOL" time "$FL" --db "$ROSTERDB" roster import "r$i" "$OUT/roster.csv" \
	    >> "$OUT/roster-fl" || die "roster import failed"
	"$BIN/bench/crypt-ref" "$ROSTER_ROWS" >> "$OUT/roster-ref" ||
	    die "crypt-ref failed"
	i=$((i + 1))
done
ROSTER_FL=$(median < "$OUT/roster-fl") ROSTER_REF=$(median < "$OUT/roster-ref")
# rows/s of firstline over hashes/s of crypt_r = reference time / ours
ROSTER_R=$(ratio "$ROSTER_REF" "$ROSTER_FL")
ROSTER_1=$("$BIN/bench/crypt-ref" "$ROSTER_ROWS" 1)

# ------------------------------------------------- 6. browser sittings
# Phones on loopback against firstline serve (bench/web.sh): its summary
# lines go with the others, its figures with the absolute ones.
sh "$SRC/bench/web.sh" --out "$OUT" --src "$SRC" --bin "$BIN" > "$OUT/web.txt"
WEB_RC=$?
[ -s "$OUT/web.txt" ] || die "bench/web.sh failed"

# ---------------------------------------------------------------- report
[ $WEB_RC = 0 ] || rc=1
echo
echo "firstline bench: scale $SCALE ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg))"
line "bank load" "$BANK_R" 1.5
line "bank load, 400 files" "$BANK4_R" 1.5
line "bank load peak memory, 400 files" "$MEM4_R" 2
line "city summary" "$SUM_R" 1.3
line "answer commit p99" "$COMMIT_R" 2
line "client start" "$START_R" 2
if awk -v r="$ROSTER_R" 'BEGIN { exit !(r >= 0.8) }'; then mark=""; else mark="  MISSED"; rc=1; fi
echo "roster import: ratio $ROSTER_R of bare crypt_r's rate on $(nproc) cores (target >= 0.8)$mark"
if [ "$RSS" -le 8192 ]; then mark=""; else mark="  MISSED"; rc=1; fi
echo "client RSS: $RSS KiB (target <= 8192)$mark"
sed '/^$/q' "$OUT/web.txt" | sed '/^$/d'
if within "$SUM_FL" 1; then mark=""; else mark="  MISSED"; rc=1; fi
[ "$SAME" = yes ] || { mark="  DIFFERENT NUMBERS"; rc=1; }
echo
echo "absolute figures (medians):"
bank_figures
echo "  city summary, $COHORTS cohorts ($ROUNDS rounds; same numbers: $SAME):"
echo "    firstline report city + coverage   $SUM_FL s (target < 1 s)$mark"
echo "    sqlite3 hand-written SQL           $SUM_SQL s"
echo "  answer commit, $PROCS processes at once, $COMMIT_N answers ($COMMIT_ROUNDS rounds):"
echo "    attempt_answer        p99 $COMMIT_FL ms, p50 $COMMIT_FL50 ms"
echo "    bare INSERT commit    p99 $COMMIT_BARE ms, p50 $COMMIT_BARE50 ms"
echo "  client start to first screen, 80x24 pty, TERM=$TERM ($RUNS runs):"
echo "    firstline sit          $(ms "$START_FL") ms"
echo "    dialog --msgbox        $(ms "$START_DL") ms"
echo "  client peak RSS (VmHWM) at the question screen: $RSS KiB"
echo "  roster import, $ROSTER_ROWS rows (3 rounds):"
echo "    firstline roster import            $ROSTER_FL s ($(awk -v n="$ROSTER_ROWS" -v t="$ROSTER_FL" 'BEGIN { printf "%.0f", n / t }') rows/s)"
echo "    crypt_r on $(nproc) threads              $ROSTER_REF s"
echo "    crypt_r on 1 thread (the old way)   $ROSTER_1 s"
sed '1,/^$/d' "$OUT/web.txt"
exit $rc
