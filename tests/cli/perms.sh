#!/bin/sh
# Permissions: a database that other accounts may read or write is refused
# (or, with --allow-open-db, used with a warning); every file of names or
# scores firstline writes is 0600 whatever the umask; a database that is
# read-only for its owner is reported as such.
. "$(dirname "$0")/lib.sh"

umask 000
DB=$FIRSTLINE_DB
fl init
fl bank load "$TESTDATA/good/mini-bank.xml" "$TESTDATA/good/mini-rubric.xml" \
    "$TESTDATA/good/mini-sim.xml" "$TESTDATA/good/mini-exam.xml"
fl cohort create "perms" --exam mini-exam --id p1
printf 'name,community\n张三,东关\n' >"$TMP/r.csv"
fl roster import p1 "$TMP/r.csv" --slips "$TMP/slips.pdf" >"$TMP/tickets.csv"
expect_rc 0 "a roster with exam slips under umask 000"

# mode600 FILE DESC
mode600() {
	m=$(stat -c %a "$1" 2>/dev/null)
	[ "$m" = 600 ]; ok $? "$2 is 0600 (got ${m:-none})"
}
mode600 "$TMP/slips.pdf" "the exam slips"
fl report cohort p1 --format csv -o "$TMP/cohort.csv"
mode600 "$TMP/cohort.csv" "report cohort --format csv -o"
fl report cohort p1 -o "$TMP/cohort.txt"
mode600 "$TMP/cohort.txt" "report cohort -o (text)"
fl report cohort p1 --format pdf -o "$TMP/cohort.pdf"
expect_rc 0 "report cohort --format pdf"
mode600 "$TMP/cohort.pdf" "report cohort --format pdf -o"
fl report coverage --format pdf -o "$TMP/coverage.pdf"
mode600 "$TMP/coverage.pdf" "report coverage --format pdf -o"
fl report city -o "$TMP/city.txt"
mode600 "$TMP/city.txt" "report city -o"
# (A Moodle export holds questions, not people: it stays 0644 to share.)
fl backup "$TMP/copy.db"
mode600 "$TMP/copy.db" "backup"
# An existing report file open to others is made private when rewritten.
: >"$TMP/old.csv"; chmod 666 "$TMP/old.csv"
fl report cohort p1 --format csv -o "$TMP/old.csv"
mode600 "$TMP/old.csv" "a report written over a 0666 file"

# A database open to others is refused, whichever way it is open.
for m in 644 640 604 660 606 666; do
	chmod "$m" "$DB"
	fl cohort list
	expect_rc 1 "a database of mode $m is refused"
	has "mode $m" "$ERR" "mode $m: the message gives the mode"
	has "chmod 600" "$ERR" "mode $m: and the remedy"
	hasnt "perms" "$OUT" "mode $m: nothing is shown"
done
fl init
expect_rc 1 "init refuses to upgrade a database open to others"
fl --allow-open-db cohort list
expect_rc 0 "--allow-open-db uses it"
has "warning" "$ERR" "--allow-open-db warns"
has "mode 666" "$ERR" "the warning gives the mode"
has "perms" "$OUT" "and the cohort is listed"
chmod 600 "$DB"
fl --allow-open-db cohort list
hasnt "warning" "$ERR" "no warning when the database is private"

# Read-only for its owner (not root, who may write anyway): said so.
if command -v setpriv >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
	mkdir "$TMP/ro"
	cp "$DB" "$TMP/ro/ro.db"
	chown -R nobody "$TMP/ro"
	chmod 400 "$TMP/ro/ro.db"
	chmod 755 "$TMP"
	setpriv --reuid=nobody --regid=nogroup --clear-groups \
	    "$FIRSTLINE" --db "$TMP/ro/ro.db" cohort list >"$TMP/out" 2>"$TMP/err"
	err=$(cat "$TMP/err")
	has "read-only for its owner (mode 400)" "$err" "a read-only database is reported as read-only"
	hasnt "belong to the account" "$err" "not as another account's"
else
	T_N=$((T_N + 1)); echo "ok $T_N # SKIP needs root and setpriv"
fi

done_testing
