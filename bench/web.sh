#!/bin/sh
# make bench, browser sittings: PHONES simulated phones on loopback, each
# on a kept-alive connection answering a question every INTERVAL seconds
# for SECONDS (the length of a short exam), through the real server;
# against the same phones fetching the style sheet (libmicrohttpd serving
# a static page) at the same concurrency, in the same run: half the static
# requests before the answers and half after, so that a load that rises
# or falls during the run weighs on both sides alike.  Then the disk's
# floor: bare one-row commits, synced as the store syncs, one at a time.
#
# Prints the summary lines in make bench's format ("NAME: ratio R (target
# <= T)", answers lost checked in the database, errors), a blank line, and
# the absolute figures with the load average at each step and the
# server's own timings (where an answer's time goes).  Exits 1 when a
# target is missed.
#
#   web.sh --out DIR --src SRCDIR --bin BUILDDIR
# Environment: BENCH_PHONES (2000), BENCH_WEB_SECONDS (60),
# BENCH_WEB_INTERVAL (2), BENCH_WEB_THREADS (server threads, 4: the
# server's default),
# BENCH_WEB_SYNC_SECONDS (10).
set -u
OUT=bench/out SRC=. BIN=.
while [ $# -gt 1 ]; do
	case $1 in
	--out) OUT=$2 ;; --src) SRC=$2 ;; --bin) BIN=$2 ;;
	*) echo "web.sh: unknown option $1" >&2; exit 2 ;;
	esac
	shift 2
done
PHONES=${BENCH_PHONES:-2000}
SECONDS_=${BENCH_WEB_SECONDS:-60}
INTERVAL=${BENCH_WEB_INTERVAL:-2}
THREADS=${BENCH_WEB_THREADS:-4}
SYNC_S=${BENCH_WEB_SYNC_SECONDS:-10}
HALF=$(awk -v s="$SECONDS_" 'BEGIN { print s / 2 }')
FL=$BIN/firstline
PH=$BIN/bench/web-phones
DB=$OUT/web.db
LC_ALL=C.UTF-8; export LC_ALL
FIRSTLINE_DATADIR=$SRC/question-banks; export FIRSTLINE_DATADIR
unset FIRSTLINE_DB LANGUAGE 2>/dev/null
mkdir -p "$OUT" || exit 1
die() { echo "bench web: $*" >&2; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# p50/p99/max (ms) of the numbers in a file: "P50 P99 MAX"
pct() { sort -g "$1" | awk '{ v[NR] = $1 } END { if (NR == 0) { print "0 0 0"; exit }
	i = int(NR * 0.99) + 1; if (i > NR) i = NR
	printf "%.2f %.2f %.2f\n", v[int(NR / 2) + 1], v[i], v[NR] }'; }
field() { printf '%s\n' "$1" | awk -v k="$2" '{ for (i = 1; i < NF; i++)
	if ($i == k) print $(i + 1) }'; }

echo "bench: $PHONES phones on loopback for ${SECONDS_} s ..." >&2
rm -f "$DB" "$DB-wal" "$DB-shm"
"$FL" --db "$DB" init >/dev/null &&
"$FL" --db "$DB" bank load "$SRC/tests/data/good/mini-bank.xml" \
    "$SRC/tests/data/good/mini-rubric.xml" "$SRC/tests/data/good/mini-sim.xml" \
    "$SRC/tests/tui/mini-all.xml" >/dev/null &&
"$FL" --db "$DB" cohort create "bench phones" --exam mini-all --id phones \
    >/dev/null || die "cannot make the database"
"$PH" setup "$DB" phones "$PHONES" "$OUT/phones.txt" || die "setup failed"

"$FL" --db "$DB" serve --listen 127.0.0.1:0 --threads "$THREADS" \
    --per-address 0 --max-connections $((PHONES + 100)) \
    >"$OUT/serve.out" 2>"$OUT/serve.err" &
SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null' EXIT
i=0 URL=
while [ -z "$URL" ]; do
	kill -0 $SERVER 2>/dev/null && [ $i -lt 300 ] ||
	    die "the server did not start: $(cat "$OUT/serve.err")"
	i=$((i + 1)); sleep 0.1
	URL=$(sed -n 's/.*listening on \(http[^ ]*\)\/$/\1/p' "$OUT/serve.out")
done

rm -f "$OUT/static.lat" "$OUT/answer.lat"
LOAD0=$(load)
STATIC1=$("$PH" run "$URL" "$OUT/phones.txt" "$HALF" "$INTERVAL" \
    static /dev/null "$OUT/static.lat") || die "static run failed"
LOAD1=$(load)
ANSWER=$("$PH" run "$URL" "$OUT/phones.txt" "$SECONDS_" "$INTERVAL" \
    answer "$OUT/confirmed.txt" "$OUT/answer.lat") || die "answer run failed"
LOAD2=$(load)
STATIC2=$("$PH" run "$URL" "$OUT/phones.txt" "$HALF" "$INTERVAL" \
    static /dev/null "$OUT/static.lat") || die "static run failed"
LOAD3=$(load)
kill -TERM $SERVER; wait $SERVER; trap - EXIT
CHECK=$("$PH" check "$DB" "$OUT/confirmed.txt")
rm -f "$OUT/floor.db" "$OUT/floor.db-wal" "$OUT/floor.db-shm"
FLOOR=$("$PH" sync "$OUT/floor.db" "$SYNC_S") || die "sync floor failed"
LOAD4=$(load)
rm -f "$OUT/floor.db" "$OUT/floor.db-wal" "$OUT/floor.db-shm"

set -- $(pct "$OUT/answer.lat"); A50=$1 A99=$2 AMAX=$3
set -- $(pct "$OUT/static.lat"); S50=$1 S99=$2 SMAX=$3
N_A=$(field "$ANSWER" requests)
N_S=$(($(field "$STATIC1" requests) + $(field "$STATIC2" requests)))
ERR_A=$(field "$ANSWER" errors)
ERR_S=$(($(field "$STATIC1" errors) + $(field "$STATIC2" errors)))
LOST=$(field "$CHECK" lost)
F99=$(field "$FLOOR" p99_ms)
R=$(awk -v a="$A99" -v b="$S99" 'BEGIN { printf "%.2f\n", (b > 0 ? a / b : 0) }')
RF=$(awk -v a="$F99" -v b="$S99" 'BEGIN { printf "%.2f\n", (b > 0 ? a / b : 0) }')
fail=0
mark=""
awk -v r="$R" 'BEGIN { exit !(r <= 2) }' || { mark="  MISSED"; fail=1; }
echo "browser answers p99: ratio $R (target <= 2)$mark"
m=""; [ "$LOST" = 0 ] || { m="  MISSED"; fail=1; }
echo "browser answers lost: $LOST of $(field "$CHECK" checked) confirmed (target 0)$m"
m=""; [ "$ERR_A" = 0 ] && [ "$ERR_S" = 0 ] || { m="  MISSED"; fail=1; }
echo "browser errors: $ERR_A of $N_A answers, $ERR_S of $N_S static (target 0)$m"
# A request answered only after a second waited for something else than
# its own work (a connection left in the kernel's queue, a held thread).
SLOW_A=$(awk '$1 > 1000' "$OUT/answer.lat" | wc -l)
SLOW_S=$(awk '$1 > 1000' "$OUT/static.lat" | wc -l)
m=""; [ "$SLOW_A" = 0 ] && [ "$SLOW_S" = 0 ] || { m="  MISSED"; fail=1; }
echo "browser requests over 1 s: $SLOW_A answers, $SLOW_S static (target 0)$m"
echo
echo "  browser sittings, $PHONES phones on loopback, one request every ${INTERVAL} s each"
echo "  (server: $THREADS threads, $(nproc) cores; load average $LOAD0 at the start,"
echo "  $LOAD1 / $LOAD2 / $LOAD3 after each part, $LOAD4 after the floor):"
echo "    POST /q/K, committed first ($SECONDS_ s)    p50 $A50 ms, p99 $A99 ms, max $AMAX ms ($N_A answers)"
echo "    GET /style.css, static page (2 x $HALF s)   p50 $S50 ms, p99 $S99 ms, max $SMAX ms ($N_S requests)"
echo "    bare synced commit, one at a time ($SYNC_S s)  p50 $(field "$FLOOR" p50_ms) ms, p99 $F99 ms, max $(field "$FLOOR" max_ms) ms ($(field "$FLOOR" commits) commits)"
C99=$(sed -n 's/.*group: COMMIT.* p99 \([0-9.]*\),.*/\1/p' "$OUT/serve.err")
RC=$(awk -v a="${C99:-0}" -v b="$S99" 'BEGIN { printf "%.2f\n", (b > 0 ? a / b : 0) }')
echo "    an answer's own group commit in this run (COMMIT, its sync): p99 ${C99:-?} ms,"
echo "      alone $RC x the static p99: the floor of the answers' ratio, every answer"
echo "      waiting for one; the bare commit, the disk alone: $RF x"
echo "  where an answer's time goes (firstline serve's own timings):"
sed -n 's/^firstline serve: \(.*\(n [0-9]\|groups,\|checkpoints:\).*\)/    \1/p' "$OUT/serve.err"
exit $fail
