#!/bin/sh
# A roster import while others write: the slow part of an import (one
# yescrypt hash per PIN, some 25 ms each, and the exam slips) happens before
# it takes the write lock, so other writers are not held up for the whole
# import.  400 trainees are imported in the background; while their PINs
# are being hashed, another command writes (a cohort is created) and must
# be done while the import is still running.  Both succeed; the tickets
# follow on without a gap.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/figures.sh"

G="$TESTDATA/good"
"$FIRSTLINE" init >/dev/null &&
"$FIRSTLINE" bank load "$G/mini-bank.xml" "$G/mini-rubric.xml" \
    "$G/mini-sim.xml" "$G/mini-exam.xml" >/dev/null &&
"$FIRSTLINE" cohort create big --exam mini-exam --id big >/dev/null
ok $? "a database with a cohort"
{ echo name,community; i=1; while [ $i -le 400 ]; do echo "T$i,东关"; i=$((i + 1)); done; } >"$TMP/big.csv"

t0=$(date +%s%N)
"$FIRSTLINE" roster import big "$TMP/big.csv" >"$TMP/big.out" 2>"$TMP/big.err" &
import=$!
# Until the import is hashing: 0.2 s of CPU used (reading 400 rows takes a
# few ms), at most 30 s.
_n=0
while [ "$(awk '{ print $14 + $15 }' "/proc/$import/stat" 2>/dev/null || echo 999)" -lt 20 ] &&
    [ $_n -lt 300 ]; do
	sleep 0.1
	_n=$((_n + 1))
done
t1=$(date +%s%N)
"$FIRSTLINE" cohort create other --exam mini-exam --id other >/dev/null 2>"$TMP/other.err"
rc=$?
t2=$(date +%s%N)
kill -0 "$import" 2>/dev/null; running=$?
wait "$import"; irc=$?
t3=$(date +%s%N)
[ $rc -eq 0 ]; ok $? "a cohort is created during the import"
[ $running -eq 0 ]; ok $? "while the import is still hashing PINs (not after it)"
[ $irc -eq 0 ]; ok $? "the import succeeds"
[ "$(sql "SELECT count(*) FROM trainee")" = 400 ]; ok $? "with its 400 trainees"
[ "$(sql "SELECT min(ticket) || '-' || max(ticket) FROM trainee")" = "10000001-10000400" ]
ok $? "tickets 10000001 to 10000400"
figure "roster import of 400, wall ms" $(( (t3 - t0) / 1000000 ))
figure "cohort create during it, ms" $(( (t2 - t1) / 1000000 ))

# Two imports at once: one is told to run again, nobody is half enrolled.
"$FIRSTLINE" cohort create a2 --exam mini-exam --id a2 >/dev/null
{ echo name,community; i=1; while [ $i -le 60 ]; do echo "A$i,西关"; i=$((i + 1)); done; } >"$TMP/a.csv"
{ echo name,community; i=1; while [ $i -le 60 ]; do echo "B$i,南关"; i=$((i + 1)); done; } >"$TMP/b.csv"
"$FIRSTLINE" roster import a2 "$TMP/a.csv" >/dev/null 2>"$TMP/a.err" &
pa=$!
"$FIRSTLINE" roster import other "$TMP/b.csv" >/dev/null 2>"$TMP/b.err" &
pb=$!
wait "$pa"; ra=$?
wait "$pb"; rb=$?
n=$(sql "SELECT count(*) FROM trainee WHERE cohort_id <> (SELECT id FROM cohort WHERE cohort = 'big')")
case "$ra$rb" in
00) [ "$n" = 120 ]; ok $? "both imports went through one after the other (120)" ;;
01|10) [ "$n" = 60 ]; ok $? "one import went through, the other enrolled nobody (60)"
	has "another roster was imported at the same time" "$(cat "$TMP/a.err" "$TMP/b.err")" "and was told to run again" ;;
*) ok 1 "both imports failed ($ra $rb)" ;;
esac
[ "$(sql "SELECT count(DISTINCT ticket) = count(*) FROM trainee")" = 1 ]; ok $? "no ticket issued twice"
sound "the database is sound"

done_testing
