# TAP helpers for firstline's shell tests (sourced; POSIX sh).
# The harness sets FIRSTLINE (the binary), FIRSTLINE_DATADIR and TESTDATA.
set -u

: "${FIRSTLINE:?run through make check}"
T_N=0
T_FAILED=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/firstline-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export FIRSTLINE_DB="$TMP/test.db"

# The plan is printed at the end (TAP allows a trailing plan).
plan() { :; }

ok() {	# ok CONDITION-STATUS DESCRIPTION
	T_N=$((T_N + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $T_N - $2"
	else
		echo "not ok $T_N - $2"
		T_FAILED=$((T_FAILED + 1))
	fi
}

# run CMD...: run, capturing stdout, stderr and the exit status.
run() {
	"$@" >"$TMP/out" 2>"$TMP/err"
	RC=$?
	OUT=$(cat "$TMP/out")
	ERR=$(cat "$TMP/err")
}

fl() { run "$FIRSTLINE" "$@"; }

# expect_rc N DESC: the last run exited N.
expect_rc() {
	[ "$RC" -eq "$1" ]
	r=$?
	[ $r -eq 0 ] || printf '# expected exit %s, got %s\n# stderr: %s\n' \
	    "$1" "$RC" "$ERR"
	ok $r "$2"
}

# has TEXT HAYSTACK DESC: HAYSTACK contains TEXT (fixed string).
has() {
	case "$2" in
	*"$1"*) ok 0 "$3" ;;
	*) printf '# wanted: %s\n' "$1"; printf '%s\n' "$2" | sed 's/^/# in: /'
	   ok 1 "$3" ;;
	esac
}

hasnt() {
	case "$2" in
	*"$1"*) printf '# unwanted: %s\n' "$1"; ok 1 "$3" ;;
	*) ok 0 "$3" ;;
	esac
}

# sql QUERY: one value from the test database.
sql() { sqlite3 "$FIRSTLINE_DB" "$1"; }

done_testing() {
	echo "1..$T_N"
	[ "$T_FAILED" -eq 0 ]
}
