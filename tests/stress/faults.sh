#!/bin/sh
# Fault injection while saving an answer and a score (issue #7), as SQLite
# tests itself: the Nth allocation (SQLITE_CONFIG_MALLOC) or the Nth write
# (I/O error or disk full) or sync (a VFS shim over "unix") fails, once or
# from then on, for every N until the save runs without reaching it; and
# a power cut at every write and sync (unsynced writes lost).  Never a
# crash, never success reported without the row, a message for every
# failure, the database sound, and saving again works once the fault is
# gone (tests/stress/faults.c, shim.c).
. "$(dirname "$0")/lib.sh"

if ! stress_db 1 ||
    ! "$STRESS_BIN/seat" sit "$FIRSTLINE_DB" "$(ticket 1)" "$(pin 1)" 0; then
	echo "Bail out! cannot make the test database"
	exit 1
fi
"$STRESS_BIN/faults" "$FIRSTLINE_DB" "$TMP/s1.csv" "$STRESS_FIGURES"
