#!/bin/sh
# A crowded exam centre (issue #7): 200 trainee processes, each making the
# trainee client's core calls, answer their 50 questions and change 10
# answers against one database, all starting at the same moment, while 4
# instructor processes store two rounds of station scores for all of them.
# Zero lost answers or scores, no busy or locked error reaching anyone, the
# database sound; the answer-commit latencies as the trainees felt them
# (p50, p99, max) go to the TAP output and the figures file.
. "$(dirname "$0")/lib.sh"

N=${STRESS_TRAINEES:-200}
if ! stress_db "$N"; then
	echo "Bail out! cannot make the test database"
	exit 1
fi
mkdir "$TMP/logs"
"$STRESS_BIN/seat" crowd "$FIRSTLINE_DB" "$TMP/s1.csv" "$N" 4 ins \
    "$(cat "$TMP/ins.pw")" s1 cpr-aed "$TMP/logs" "$STRESS_FIGURES"
