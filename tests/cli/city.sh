#!/bin/sh
# report city: one summary row per cohort, the same numbers as each cohort's
# 'report cohort --summary' (excellent, pass, a retake, absent, withdrawn,
# an empty cohort, a certified one), CSV and text with the coverage line,
# and its usage errors.
. "$(dirname "$0")/lib.sh"

G="$TESTDATA/good"
fl init >/dev/null
fl bank load "$G/mini-bank.xml" "$G/mini-rubric.xml" "$G/mini-sim.xml" "$G/mini-exam.xml" >/dev/null
echo "organizer-pw" > "$TMP/org.pw"
fl user add boss --role organizer --password-file "$TMP/org.pw"
ORG="--by boss --password-file $TMP/org.pw"
fl report city --format csv
expect_rc 0 "report city on a database without cohorts"
[ "$(printf '%s\n' "$OUT" | tr -d '\r')" = "cohort,enrolled,withdrawn,n,passes,pass_rate,excellents,excellence_rate,verdict" ]
ok $? "only the header"

for c in c1 c2 c3; do fl cohort create "批次 $c" --exam mini-exam --id $c >/dev/null; done
printf 'name,community\n甲,东关社区\n乙,西关社区\n丙,南关\n丁,北关\n戊,北关\n' > "$TMP/r.csv"
fl roster import c1 "$TMP/r.csv"
r1=$(printf '%s\n' "$OUT" | tr -d '\r')
printf 'name,community\n己,东关社区\n庚,东关社区\n' > "$TMP/r2.csv"
fl roster import c2 "$TMP/r2.csv"
r2=$(printf '%s\n' "$OUT" | tr -d '\r')
tk() { printf '%s\n' "$1" | awk -F, -v n="$2" '$2 == n { print $1 }'; }
s() { fl score set "$@" $ORG; [ "$RC" -eq 0 ] || printf '# %s\n' "$ERR"; }
A=$(tk "$r1" 甲) B=$(tk "$r1" 乙) C=$(tk "$r1" 丙) E=$(tk "$r1" 戊)
s c1 "$A" written 90 --reason "paper sitting"
s c1 "$A" mini-station safety=4 call=5
s c1 "$A" mini-drill safety=4 call=5
s c1 "$B" written 60 --reason "paper sitting"
s c1 "$B" mini-station safety=4 call=2
s c1 "$B" mini-drill safety=4 call=2
s c1 "$C" written 100 --reason "paper sitting"
s c1 "$C" mini-station safety=0 call=6
s c1 "$C" mini-station safety=4 call=6 --retake
s c1 "$C" mini-drill safety=4 call=6
fl cohort withdraw c1 "$E" $ORG --reason moved
F=$(tk "$r2" 己) H=$(tk "$r2" 庚)
s c2 "$F" written 95 --reason "paper sitting"
s c2 "$F" mini-station safety=4 call=6
s c2 "$F" mini-drill safety=4 call=6
s c2 "$H" written 60 --reason "paper sitting"
s c2 "$H" mini-station safety=4 call=6
s c2 "$H" mini-drill safety=4 call=2
fl cohort certify c2 $ORG
expect_rc 0 "c2 certified"

fl report city --format csv
expect_rc 0 "report city --format csv"
city=$(printf '%s\n' "$OUT" | tr -d '\r')
[ "$(printf '%s\n' "$city" | wc -l)" = 4 ]; ok $? "a header and one row per cohort"
for c in c1 c2 c3; do
	fl report cohort $c --summary --format csv
	row=$(printf '%s\n' "$OUT" | tr -d '\r' | tail -1)
	[ "$(printf '%s\n' "$city" | grep "^$c,")" = "$row" ]
	ok $? "cohort $c: the same row as report cohort --summary ($row)"
done
has "c1,5,1,4,3,75.0,1,25.0,below" "$city" "absent counts against c1, withdrawn does not"
has "c2,2,0,2,2,100.0,1,50.0,meets" "$city" "a certified cohort"
has "c3,0,0,0,0,0.0,0,0.0,below" "$city" "an empty cohort"

fl report city
expect_rc 0 "report city as text"
has "pass_rate" "$OUT" "a table"
has "4 of 4 communities have fewer than 15 certified responders" "$OUT" \
    "the coverage line"

fl report city -o "$TMP/city.csv" --format csv
expect_rc 0 "report city -o FILE"
[ "$(tr -d '\r' < "$TMP/city.csv")" = "$city" ]; ok $? "the same CSV in the file"
fl report city --format pdf
expect_rc 2 "no PDF for the city summary"
fl report city c1
expect_rc 2 "no arguments"

done_testing
