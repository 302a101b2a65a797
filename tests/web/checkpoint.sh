#!/bin/sh
# firstline serve keeps its WAL small: the checkpointer thread copies the
# WAL back beside the writer and then has the next group reuse it from its
# start (a WAL that only grows makes every commit's sync also write the
# file's new size).  Thousands of answers from four trainees at once, each
# on a kept-alive connection, then: every one was confirmed, the WAL file never outgrew about 1,000
# pages (it would pass 2,000 without the checkpointer), the server says so
# on stopping, and the last confirmed answer is the stored one.
. "$(dirname "$0")/lib.sh"

web_db || { echo "Bail out! cannot build the test database"; exit 1; }
web_start || { echo "Bail out! the server did not start"; exit 1; }

# Four trainees at once (so that groups form and commit beside the
# checkpoints), each answering, clearing, answering ... question 1: each
# one a write of its own.
N=${CHECKPOINT_WRITES:-600}
for tk in 1 2 3 4; do
	login a$tk $tk
	location /exam "trainee $tk logs in"
	get a$tk /q/1
	code 200 "trainee $tk sees question 1"
	keep_csrf a$tk
	[ -n "$(csrf_of a$tk)" ]
	ok $? "with a CSRF token"
	answer_form
	printf 'csrf=%s&%s&go=save' "$(csrf_of a$tk)" "$FORM" >"$TMP/save$tk"
	printf 'csrf=%s&t=1&go=clear' "$(csrf_of a$tk)" >"$TMP/clear$tk"
done
# writes K: trainee K's N writes on one kept-alive connection.
writes() {
	w=$1 i=0
	set --
	while [ $i -lt "$N" ]; do
		[ $((i % 2)) = 0 ] && f=save$w || f=clear$w
		[ $i = 0 ] || set -- "$@" --next
		set -- "$@" -b "$TMP/a$w.jar" --data-binary "@$TMP/$f" \
		    -o /dev/null -w '%{http_code}\n' "$URL/q/1"
		i=$((i + 1))
	done
	curl -s -S -m 600 "$@"
}
# The WAL's size while they run (the WAL pages are 4 KiB).
WAL=$FIRSTLINE_DB-wal
(
	most=0
	while [ ! -f "$TMP/done" ]; do
		s=$(stat -c %s "$WAL" 2>/dev/null || echo 0)
		[ "$s" -gt "$most" ] && most=$s && echo "$most" >"$TMP/most"
		sleep 0.05
	done
) &
WATCH=$!
pids=
for tk in 1 2 3 4; do
	writes $tk >"$TMP/codes$tk" 2>"$TMP/curl$tk.err" &
	pids="$pids $!"
done
wait $pids
: >"$TMP/done"
wait $WATCH
for tk in 1 2 3 4; do
	grep -q '^303$' "$TMP/codes$tk" || { echo "# trainee $tk's jar and form:"
	    sed 's/^/# /' "$TMP/a$tk.jar" "$TMP/save$tk"; echo; }
	echo "# trainee $tk: $(sort "$TMP/codes$tk" | uniq -c | tr '\n' ' ') $(head -c 200 "$TMP/curl$tk.err")"
done
cat "$TMP"/codes? >"$TMP/codes"
[ "$(grep -c '^303$' "$TMP/codes")" = $((4 * N)) ]
ok $? "$((4 * N)) writes confirmed ($(grep -vc '^303$' "$TMP/codes") other answers)" ||
    grep -v ': checkpoint\|: stopp\|timings' "$TMP/serve.err" | head -5 | sed 's/^/# serve: /' 
MOST=$(cat "$TMP/most" 2>/dev/null || echo 0)
echo "# the WAL file at most $MOST bytes"
[ "$MOST" -gt 0 ] && [ "$MOST" -lt $((1500 * 4120)) ]
ok $? "the WAL file stays under 1,500 pages (at most $((MOST / 4120)))"
kill -TERM "$WEB_PID"
wait "$WEB_PID"
RC=$?
WEB_PID=
ok $RC "the server stops cleanly"
line=$(grep 'checkpoints:' "$TMP/serve.err")
echo "# $line"
n=$(printf '%s\n' "$line" | sed -n 's/.*restart (\([0-9]*\) complete).*/\1/p')
[ "${n:-0}" -ge 1 ]
ok $? "the checkpointer restarted the WAL (${n:-0} times)"
pages=$(printf '%s\n' "$line" | sed -n 's/.*at most \([0-9]*\) pages.*/\1/p')
[ "${pages:-99999}" -lt 1500 ]
ok $? "the server saw the WAL at most ${pages:-?} pages"
has "answer (request in to response queued): n $((4 * N))," "$(cat "$TMP/serve.err")" \
    "the server's timings count every answer"
# N is even: the last writes were clears.
[ "$(sql "SELECT count(*) FROM paper_item WHERE seq = 0 AND response <> ''")" = 0 ]
ok $? "the last confirmed writes are the stored ones"
[ "$(sql "PRAGMA integrity_check")" = ok ]
ok $? "the database is intact"
done_testing
