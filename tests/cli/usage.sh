#!/bin/sh
# The command line contract: help, version, exit statuses 0/1/2, the
# database file's mode and its schema version checks.
. "$(dirname "$0")/lib.sh"

fl --version;		expect_rc 0 "--version exits 0"
has "firstline " "$OUT"	"--version names the program"
fl --help;		expect_rc 0 "--help exits 0"
has "bank check" "$OUT"	"--help lists the commands"
fl;			expect_rc 2 "no command is a usage error"
fl frobnicate;		expect_rc 2 "an unknown command is a usage error"
has "unknown command" "$ERR" "and says so"
fl bank;		expect_rc 2 "a group without a command is a usage error"
fl bank --help;		expect_rc 0 "bank --help exits 0"
fl bank check --help;	expect_rc 0 "bank check --help exits 0"
fl bank list --format xml; expect_rc 2 "an unknown format is a usage error"
fl bank check;		expect_rc 2 "bank check without files is a usage error"

fl bank list;		expect_rc 1 "a missing database is refused"
has "firstline init" "$ERR" "and the message says how to create it"

fl init;		expect_rc 0 "init creates the database"
mode=$(stat -c %a "$FIRSTLINE_DB")
[ "$mode" = 600 ]; ok $? "the database file is 0600 (got $mode)"
[ "$(sql 'PRAGMA journal_mode')" = wal ]; ok $? "the database is in WAL mode"
fl init;		expect_rc 0 "init again is harmless"

fl backup "$TMP/backup.db"
expect_rc 0 "backup writes a copy"
[ "$(stat -c %a "$TMP/backup.db")" = 600 ]; ok $? "the backup is 0600"
[ "$(sqlite3 "$TMP/backup.db" 'PRAGMA integrity_check')" = ok ]; ok $? "the backup passes integrity_check"
fl backup "$TMP/backup.db"
expect_rc 1 "backup refuses to overwrite a file"

sqlite3 "$FIRSTLINE_DB" 'PRAGMA user_version = 99'
fl bank list;		expect_rc 1 "a database from a newer firstline is refused"
has "newer" "$ERR"	"and the message says it is newer"

sqlite3 "$FIRSTLINE_DB" 'PRAGMA user_version = 0'
fl bank list;		expect_rc 1 "an older schema is refused by other commands"
has "upgrade" "$ERR"	"and the message says to upgrade"

done_testing
