# Helpers of the stress tests (sourced; POSIX sh), on top of the TAP
# helpers of tests/cli/lib.sh (already sourced when tests/tui/lib.sh was).
# The programs they drive are built by make check (tests/stress/seat,
# faults, ptyrun).
[ -n "${T_N+set}" ] || . "$(dirname "$0")/../cli/lib.sh"

STRESS_BIN=$(dirname "$FIRSTLINE")/tests/stress
. "$(dirname "$0")/figures.sh"

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "1..0 # SKIP the sqlite3 shell is not installed"
	exit 0
fi

# stress_db N: a database with the shipped course (the 50-question
# standard exam), cohort s1 of N trainees (tickets and PINs in
# $TMP/s1.csv) and instructor "ins" (password in $TMP/ins.pw).
stress_db() {
	"$FIRSTLINE" init >/dev/null &&
	"$FIRSTLINE" bank load "$FIRSTLINE_DATADIR"/rubrics/*.xml \
	    "$FIRSTLINE_DATADIR"/banks/*.xml \
	    "$FIRSTLINE_DATADIR"/exams/standard.xml >/dev/null &&
	"$FIRSTLINE" cohort create "Stress" --exam standard --id s1 \
	    >/dev/null &&
	awk -v n="$1" 'BEGIN { print "name,community"
	    for (i = 1; i <= n; i++) printf "学员%d,社区%d\n", i, i % 37 }' \
	    >"$TMP/roster.csv" &&
	"$FIRSTLINE" roster import s1 "$TMP/roster.csv" >"$TMP/s1.csv" &&
	echo "instructor-pw-1" >"$TMP/ins.pw" &&
	"$FIRSTLINE" user add ins --role instructor \
	    --password-file "$TMP/ins.pw" >/dev/null
}

# ticket N / pin N: the Nth trainee's ticket and PIN (CRLF lines).
ticket() {
	tr -d '\r' <"$TMP/s1.csv" | awk -F, -v n="$1" 'NR == n + 1 { print $1 }'
}
pin() {
	tr -d '\r' <"$TMP/s1.csv" | awk -F, -v n="$1" 'NR == n + 1 { print $4 }'
}

# sound: integrity_check is ok and foreign_key_check empty (TAP result).
sound() {
	_ic=$(sqlite3 "$FIRSTLINE_DB" "PRAGMA integrity_check" 2>&1)
	_fk=$(sqlite3 "$FIRSTLINE_DB" "PRAGMA foreign_key_check" 2>&1)
	[ "$_ic" = ok ] && [ -z "$_fk" ]
	_r=$?
	[ $_r -eq 0 ] || printf '# integrity_check: %s\n# foreign_key_check: %s\n' \
	    "$_ic" "$_fk"
	ok $_r "$1"
}

