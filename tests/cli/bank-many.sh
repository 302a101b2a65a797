#!/bin/sh
# bank load of many files at once: 250 banks (more than the 200 messages a
# diagnostic list keeps) load in one go, every module is counted, and the
# list of loaded modules ends with how many were not listed (it used to
# print past the end of that list and crash).  Then 400 files, stored one
# after another as they are read (issue #17): a bad 400th file, or a 400th
# file reusing the first one's id, leaves the database exactly as it was.
. "$(dirname "$0")/lib.sh"

# banks PREFIX FROM TO: the mini bank as modules manyFROM .. manyTO, in
# $TMP/banks/PREFIXn.xml.
banks() {
	i=$2
	while [ $i -le "$3" ]; do
		sed -e "s/module=\"mini\"/module=\"many$i\"/" \
		    -e "s/id=\"mini-/id=\"many$i-/" \
		    "$TESTDATA/good/mini-bank.xml" >"$TMP/banks/$1$i.xml"
		i=$((i + 1))
	done
}
mkdir "$TMP/banks"
banks b 1 250
fl init
fl bank load "$TMP"/banks/*.xml
expect_rc 0 "250 bank files load in one go"
[ "$(sql 'SELECT count(*) FROM current_module')" = 250 ]; ok $? "as 250 modules"
[ "$(sql 'SELECT count(*) FROM question')" = 1000 ]; ok $? "with their 1000 questions"
[ "$(printf '%s\n' "$OUT" | grep -c '^module many')" = 200 ]; ok $? "200 modules listed"
has "... and 50 more" "$OUT" "and the 50 others counted"
hasnt "(null)" "$OUT" "no line printed from past the end of the list"

# The whole database as text, to compare before and after a refused load.
snapshot() { sqlite3 "$FIRSTLINE_DB" .dump; }

banks c 251 650
# c251 .. c650 in the order named; the last one gets a bad key.
set -- $(i=251; while [ $i -le 650 ]; do echo "$TMP/banks/c$i.xml"; i=$((i + 1)); done)
last=$TMP/banks/c650.xml
sed -e '0,/<option correct="true">/s//<option>/' "$last" >"$TMP/bad.xml" &&
    mv "$TMP/bad.xml" "$last"
L=$(grep -n '<single id=' "$last" | head -1 | cut -d: -f1)
snapshot >"$TMP/before.sql"
fl bank load "$@"
expect_rc 1 "400 files, the 400th bad: refused"
has "c650.xml:$L: question many650-001: a single-choice question needs exactly one correct option, it has 0" "$ERR" \
    "the message names the 400th file, its line and the problem"
has "nothing was loaded" "$ERR" "and says nothing was loaded"
snapshot >"$TMP/after.sql"
cmp -s "$TMP/before.sql" "$TMP/after.sql"; ok $? "the database is unchanged"
[ "$(sql 'SELECT count(*) FROM current_module')" = 250 ]; ok $? "still 250 modules"

# The same 400th file good again but reusing the first file's id: found by
# the checks across files at the end, after 399 banks were stored.
sed -e "s/module=\"mini\"/module=\"many650\"/" -e "s/id=\"mini-/id=\"many650-/" \
    -e 's/id="many650-003"/id="many251-001"/' \
    "$TESTDATA/good/mini-bank.xml" >"$last"
L=$(grep -n 'id="many251-001"' "$last" | cut -d: -f1)
L1=$(grep -n 'id="many251-001"' "$TMP/banks/c251.xml" | cut -d: -f1)
fl bank load "$@"
expect_rc 1 "the 400th file reusing the first one's id: refused"
has "c650.xml:$L: question many251-001: id also used in $TMP/banks/c251.xml:$L1" "$ERR" \
    "both places are named"
snapshot >"$TMP/after.sql"
cmp -s "$TMP/before.sql" "$TMP/after.sql"; ok $? "the database is unchanged"

# And an id of a module loaded before (many1, not in this load).
sed -i -e 's/id="many251-001"/id="many1-001"/' "$last"
fl bank load "$@"
expect_rc 1 "an id of a module loaded earlier: refused"
has "c650.xml:$L: question many1-001: id already used by loaded module many1" "$ERR" \
    "the module is named"
snapshot >"$TMP/after.sql"
cmp -s "$TMP/before.sql" "$TMP/after.sql"; ok $? "the database is unchanged"

# Fixed, the 400 load in one go, each once.
sed -i -e 's/id="many1-001"/id="many650-003"/' "$last"
fl bank load "$@"
expect_rc 0 "the 400 files load"
[ "$(sql 'SELECT count(*) FROM current_module')" = 650 ]; ok $? "650 modules in all"
[ "$(sql 'SELECT count(*) FROM question')" = 2600 ]; ok $? "with their 2600 questions"
fl bank load "$@"
expect_rc 0 "loading them again"
[ "$(printf '%s\n' "$OUT" | grep -c 'unchanged, version 1 kept')" = 200 ]; ok $? "keeps every version"
[ "$(sql 'SELECT count(*) FROM question')" = 2600 ]; ok $? "and stores nothing twice"

# Each file's digest (taken on the storing thread while the reader goes
# on) is the one a load in a single thread takes.
FIRSTLINE_LOAD_THREADS=0 "$FIRSTLINE" --db "$TMP/one.db" init >/dev/null &&
FIRSTLINE_LOAD_THREADS=0 "$FIRSTLINE" --db "$TMP/one.db" bank load "$@" \
    >/dev/null
[ "$(sqlite3 "$TMP/one.db" "ATTACH '$FIRSTLINE_DB' AS t;
    SELECT count(*), sum(o.digest = x.digest AND length(x.digest) = 16)
    FROM module_version o JOIN t.module_version x USING (module)")" = 400\|400 ]
ok $? "every digest is the one a load in one thread takes"
# One file changed among the 400: only that one gets a new version.
sed -i -e '0,/<text xml:lang="en">/s//<text xml:lang="en">Changed: /' \
    "$TMP/banks/c649.xml"
fl bank load "$@"
expect_rc 0 "loading them again, one changed"
[ "$(sql 'SELECT group_concat(module) FROM module_version
    WHERE version > 1')" = many649 ]
ok $? "only the changed one gets a new version"

done_testing
