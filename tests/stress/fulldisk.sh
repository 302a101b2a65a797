#!/bin/sh
# A full disk, made with a file size limit (RLIMIT_FSIZE, prlimit --fsize):
# writing commands fail with a clear message (the database file, "File
# too large" and the limit), exit status 1, and leave the database sound and
# unchanged; without the limit the same command then works.  firstline
# ignores SIGXFSZ itself (src/cli/main.c), so the test shell does not.
. "$(dirname "$0")/lib.sh"

if ! command -v prlimit >/dev/null 2>&1; then
	echo "1..0 # SKIP prlimit (util-linux) is not installed"
	exit 0
fi

# dump: the database's whole content, to compare before and after.
dump() { sqlite3 "$FIRSTLINE_DB" .dump | md5sum; }

# limited BYTES CMD...: run firstline CMD under a file size limit.
limited() {
	_lim=$1
	shift
	run prlimit --fsize="$_lim" "$FIRSTLINE" "$@"
}

# ----------------------------------------------- bank load, large write
"$FIRSTLINE" init >/dev/null
ok $? "an empty database"
BEFORE=$(dump)
set -- "$FIRSTLINE_DATADIR"/rubrics/*.xml "$FIRSTLINE_DATADIR"/banks/*.xml \
    "$FIRSTLINE_DATADIR"/exams/standard.xml
limited 65536 bank load "$@"
expect_rc 1 "bank load under a 64 KiB file size limit: exit status 1"
has "$FIRSTLINE_DB" "$ERR" "the message names the database file"
has "File too large" "$ERR" "the message says the file is too large"
has "65536 bytes" "$ERR" "the message gives the limit"
has "nothing was loaded" "$ERR" "and that nothing was loaded"
sound "the database is sound after the failed load"
[ "$(dump)" = "$BEFORE" ]
ok $? "the database is unchanged"
fl bank load "$@"
expect_rc 0 "without the limit the same load works"
[ "$(sql "SELECT count(*) FROM question")" -gt 100 ]
ok $? "and the questions are there"

# ------------------------------------------- roster import, after a load
"$FIRSTLINE" cohort create "Full disk" --exam standard --id f1 >/dev/null
awk 'BEGIN { print "name,community"
    for (i = 1; i <= 120; i++) printf "学员%d,社区%d\n", i, i }' >"$TMP/r.csv"
sqlite3 "$FIRSTLINE_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
BEFORE=$(dump)
limited 40000 roster import f1 "$TMP/r.csv"
expect_rc 1 "roster import of 120 under a 40,000-byte limit: exit status 1"
has "$FIRSTLINE_DB" "$ERR" "the message names the database file"
has "File too large" "$ERR" "the message says the file is too large"
hasnt "1000" "$OUT" "no ticket was printed as issued"
sound "the database is sound after the failed import"
[ "$(dump)" = "$BEFORE" ]
ok $? "the database is unchanged"
figure "fulldisk message" "$ERR"

done_testing
