#!/bin/sh
# kill -9 at random moments (issue #7): 200 rounds of one sitting, each
# seat killed with SIGKILL after a random number of answers plus a random
# few microseconds (or during login and opening), then checked: every
# answer whose call had returned (the screen's confirmation) is stored with
# its response, no duplicate paper items, integrity_check and
# foreign_key_check clean.  Each round resumes the sitting of the last.
# The seed changes every run and is printed; STRESS_SEED repeats a run.
. "$(dirname "$0")/lib.sh"

SEED=${STRESS_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
if ! stress_db 2; then
	echo "Bail out! cannot make the test database"
	exit 1
fi
"$STRESS_BIN/seat" kill "$FIRSTLINE_DB" "$TMP/s1.csv" \
    "${STRESS_KILL_ROUNDS:-200}" "$SEED" "$STRESS_FIGURES"
