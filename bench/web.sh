#!/bin/sh
# make bench, browser sittings: PHONES simulated phones on loopback, each
# on a kept-alive connection answering a question every INTERVAL seconds
# for SECONDS (the length of a short exam), through the real server;
# against the same phones fetching the style sheet (libmicrohttpd serving
# a static page) at the same concurrency, in the same run.  Prints the
# answer line (ratio of the p99 latencies, target <= 2), answers lost
# (checked in the database, must be 0) and errors.  Exits 1 when a target
# is missed.
#
#   web.sh --out DIR --src SRCDIR --bin BUILDDIR
# Environment: BENCH_PHONES (2000), BENCH_WEB_SECONDS (60),
# BENCH_WEB_INTERVAL (2), BENCH_WEB_THREADS (server threads, 32).
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
THREADS=${BENCH_WEB_THREADS:-32}
FL=$BIN/firstline
PH=$BIN/bench/web-phones
DB=$OUT/web.db
LC_ALL=C.UTF-8; export LC_ALL
FIRSTLINE_DATADIR=$SRC/question-banks; export FIRSTLINE_DATADIR
unset FIRSTLINE_DB LANGUAGE 2>/dev/null
mkdir -p "$OUT" || exit 1
die() { echo "bench web: $*" >&2; exit 1; }

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

# Static first (it writes nothing), then the answers.
STATIC=$("$PH" run "$URL" "$OUT/phones.txt" "$SECONDS_" "$INTERVAL" \
    static /dev/null) || die "static run failed"
LOAD0=$(cut -d' ' -f1 /proc/loadavg)
ANSWER=$("$PH" run "$URL" "$OUT/phones.txt" "$SECONDS_" "$INTERVAL" \
    answer "$OUT/confirmed.txt") || die "answer run failed"
kill -TERM $SERVER; wait $SERVER; trap - EXIT
CHECK=$("$PH" check "$DB" "$OUT/confirmed.txt")

field() { printf '%s\n' "$1" | awk -v k="$2" '{ for (i = 1; i < NF; i++)
	if ($i == k) print $(i + 1) }'; }
P99_S=$(field "$STATIC" p99_ms)
P99_A=$(field "$ANSWER" p99_ms)
ERR_S=$(field "$STATIC" errors)
ERR_A=$(field "$ANSWER" errors)
LOST=$(field "$CHECK" lost)
R=$(awk -v a="$P99_A" -v b="$P99_S" 'BEGIN { printf "%.2f\n", (b > 0 ? a / b : 0) }')
fail=0
mark=""
awk -v r="$R" 'BEGIN { exit !(r <= 2) }' || { mark=" MISSED"; fail=1; }
echo "browser answers p99: ratio $R of a static page's p99 at $PHONES phones (target <= 2)$mark"
m=""; [ "$LOST" = 0 ] || { m=" MISSED"; fail=1; }
echo "browser answers lost: $LOST of $(field "$CHECK" checked) confirmed (target 0)$m"
m=""; [ "$ERR_A" = 0 ] && [ "$ERR_S" = 0 ] || { m=" MISSED"; fail=1; }
echo "browser errors: answers $ERR_A, static $ERR_S (target 0)$m"
echo "  answers: $ANSWER"
echo "  static:  $STATIC"
echo "  server: $THREADS threads, $(nproc) cores, load average $LOAD0 before the answers"
exit $fail
