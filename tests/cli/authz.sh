#!/bin/sh
# Authorization through the real binary: every --by command refuses the
# wrong role (an instructor cannot give extra time, grant a retake,
# withdraw, certify or set a written score) and changes nothing; a trainee's
# ticket and PIN are not an account; a wrong password is refused, throttled
# after three tries and recorded in the audit trail; the database and its
# -wal and -shm files are 0600, even under umask 000.
. "$(dirname "$0")/lib.sh"

umask 000
DB=$FIRSTLINE_DB

# modes: the permission bits of the database files that exist.
modes() {
	for f in "$DB" "$DB-wal" "$DB-shm"; do
		[ -e "$f" ] && printf '%s=%s ' "${f##*/}" "$(stat -c %a "$f")"
	done
}
# private DESC: every database file that exists is 0600.
private() {
	m=$(modes)
	case "$m" in
	*=[0-7][0-7][1-7]*|*=[0-7][1-7][0-7]*|*=[0-5][0-7][0-7]*)
		printf '# %s\n' "$m"; ok 1 "$1" ;;
	*) ok 0 "$1 ($m)" ;;
	esac
}

fl init
expect_rc 0 "init under umask 000"
[ "$(stat -c %a "$DB")" = 600 ]; ok $? "the new database is 0600"
private "after init"

fl bank load "$TESTDATA/good/mini-bank.xml" "$TESTDATA/good/mini-rubric.xml" \
    "$TESTDATA/good/mini-sim.xml" "$TESTDATA/good/mini-exam.xml"
fl cohort create "authz" --exam mini-exam --id c1
printf 'name,community\n张三,东关\n李四,西关\n' >"$TMP/r.csv"
fl roster import c1 "$TMP/r.csv"
expect_rc 0 "a roster of two"
T1=$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, 'NR == 2 { print $1 }')
P1=$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, 'NR == 2 { print $4 }')
T2=$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, 'NR == 3 { print $1 }')
printf 'instructor-pw\n' >"$TMP/ins.pw"
printf 'organizer-pw\n' >"$TMP/org.pw"
printf '%s\n' "$P1" >"$TMP/pin.pw"
printf 'not-the-password\n' >"$TMP/bad.pw"
fl user add teacher --role instructor --password-file "$TMP/ins.pw"
fl user add boss --role organizer --password-file "$TMP/org.pw"
private "after loading, enrolling and adding users"

INS="--by teacher --password-file $TMP/ins.pw"
ORG="--by boss --password-file $TMP/org.pw"
state() {
	sql "SELECT (SELECT count(*) FROM attempt) || '/' ||
	    (SELECT count(*) FROM score_entry) || '/' ||
	    (SELECT count(*) FROM trainee WHERE withdrawn_at IS NOT NULL) || '/' ||
	    (SELECT count(*) FROM cohort WHERE sealed_at IS NOT NULL) || '/' ||
	    (SELECT group_concat(deadline) FROM attempt)"
}

# denied DESC CMD...: exit 1, "permission denied", nothing changed.
denied() {
	d=$1
	shift
	before=$(state)
	fl "$@"
	expect_rc 1 "$d: refused"
	has "permission denied" "$ERR" "$d: says permission denied"
	[ "$(state)" = "$before" ]; ok $? "$d: nothing changed"
}

denied "instructor gives extra time" attempt extend c1 "$T1" 10 --reason r $INS
denied "instructor grants a retake" attempt retake c1 "$T1" $INS
denied "instructor withdraws a trainee" cohort withdraw c1 "$T2" --reason r $INS
denied "instructor certifies" cohort certify c1 $INS
denied "instructor sets a written score" score set c1 "$T1" written 80 --reason "paper sitting" $INS

# The instructor's own job still works: a station score.
fl score set c1 "$T1" mini-station safety=4 call=5 $INS
expect_rc 0 "an instructor scores a station"
# And an organizer may do what an instructor may.
fl score set c1 "$T2" mini-station safety=4 call=6 $ORG
expect_rc 0 "an organizer scores a station"

# A trainee's ticket and PIN are not an account.
fl score set c1 "$T2" mini-station safety=1 call=1 --reason x --by "$T1" --password-file "$TMP/pin.pw"
expect_rc 1 "a ticket with its PIN as --by: refused"
has "wrong user name or password" "$ERR" "and told so"

# Wrong passwords: refused, audited, throttled after three.
for i in 1 2 3; do
	fl attempt extend c1 "$T1" 5 --reason r --by boss --password-file "$TMP/bad.pw"
done
expect_rc 1 "a wrong password is refused"
has "wrong user name or password for boss" "$ERR" "and told so"
fl attempt extend c1 "$T1" 5 --reason r $ORG
expect_rc 1 "after three failures even the right password waits"
has "too many failed logins for boss" "$ERR" "and says how long"
[ "$(sql "SELECT count(*) FROM event WHERE action = 'login failed' AND actor = 'boss'")" = 3 ]
ok $? "each failure is in the audit trail"
[ "$(sql "SELECT count(*) FROM event WHERE detail LIKE '%not-the-password%'")" = 0 ]
ok $? "the password tried is not"
fl cohort certify c1 --by nobody --password-file "$TMP/org.pw"
expect_rc 1 "an unknown user is refused"
has "wrong user name or password for nobody" "$ERR" "with the same message"

# Names staff type go to the screens and to CSV reports: a formula, a line
# break or an escape sequence is refused with what is wrong, nothing stored.
users=$(sql "SELECT count(*) FROM app_user")
fl user add "=HYPERLINK(\"http://x\")" --role instructor --password-file "$TMP/ins.pw"
expect_rc 1 "a user name that starts like a formula is refused"
has "the user name '=HYPERLINK" "$ERR" "and named"
has "spreadsheets take for a formula" "$ERR" "with the reason"
fl user add "$(printf 'evil\033[2Jname')" --role instructor --password-file "$TMP/ins.pw"
expect_rc 1 "a user name with an escape sequence is refused"
has "the user name holds a control character" "$ERR" "and says so"
[ "$(sql "SELECT count(*) FROM app_user")" = "$users" ]; ok $? "no user was added"
cohorts=$(sql "SELECT count(*) FROM cohort")
fl cohort create "@cmd" --exam mini-exam
expect_rc 1 "a cohort name that starts like a formula is refused"
has "the cohort name '@cmd' starts with '@'" "$ERR" "and named"
fl cohort create "$(printf 'two\nlines')" --exam mini-exam
expect_rc 1 "a cohort name with a line break is refused"
has "the cohort name holds a control character" "$ERR" "and says so"
fl cohort create "$(printf 'bad\377utf8')" --exam mini-exam
expect_rc 1 "a cohort name that is not UTF-8 is refused"
has "the cohort name is not valid UTF-8" "$ERR" "and says so"
[ "$(sql "SELECT count(*) FROM cohort")" = "$cohorts" ]; ok $? "no cohort was created"
entries=$(sql "SELECT count(*) FROM score_entry")
fl score set c1 "$T1" mini-station safety=4 call=6 --reason "@SUM(1)" $INS
expect_rc 1 "a reason that starts like a formula is refused"
has "the reason '@SUM(1)' starts with '@'" "$ERR" "and named"
fl score set c1 "$T1" mini-station safety=4 call=6 --reason "$(printf 'a\tb')" $INS
expect_rc 1 "a reason with a tab is refused"
fl score set c1 "$T1" mini-station safety=4 call=6 --reason "recount" --comment "=2+3" $INS
expect_rc 1 "a comment that starts like a formula is refused"
has "the comment '=2+3' starts with '='" "$ERR" "and named"
[ "$(sql "SELECT count(*) FROM score_entry")" = "$entries" ]; ok $? "no score was entered"
fl cohort create "2027 第一批 (A-1)" --exam mini-exam --id c9
expect_rc 0 "an ordinary name with digits, spaces and a hyphen inside is fine"

private "after the commands ran"

# Another Unix account cannot use the database, and is told whose it is.
if [ "$(id -u)" = 0 ] && command -v runuser >/dev/null &&
    runuser -u nobody -- "$FIRSTLINE" --version >/dev/null 2>&1; then
	chmod 711 "$TMP"
	runuser -u nobody -- "$FIRSTLINE" --db "$DB" bank list >/dev/null 2>"$TMP/other.err"
	[ $? -eq 1 ]; ok $? "another account: refused"
	has "permission denied: the database and its directory belong to the account root" \
	    "$(cat "$TMP/other.err")" "and told whose the database is"
	chmod 700 "$TMP"
	runuser -u nobody -- "$FIRSTLINE" --db "$DB" bank list >/dev/null 2>"$TMP/other.err"
	has "permission denied: run firstline as the account that owns the database" \
	    "$(cat "$TMP/other.err")" "a directory it cannot enter: the same advice"
else
	ok 0 "another account: refused # SKIP not root, or nobody cannot run the build"
	ok 0 "and told whose the database is # SKIP"
	ok 0 "a directory it cannot enter: the same advice # SKIP"
fi
done_testing
