#!/bin/sh
# Small refusals an attacker found missing: a --password-file that is a
# directory or empty is a mistake in the command, not a failed login;
# marks with a sign or a space; names and comments that start with spaces
# then a formula; names of only invisible characters.
. "$(dirname "$0")/lib.sh"

fl init
fl bank load "$TESTDATA/good/mini-bank.xml" "$TESTDATA/good/mini-rubric.xml" \
    "$TESTDATA/good/mini-sim.xml" "$TESTDATA/good/mini-exam.xml"
fl cohort create "refuse" --exam mini-exam --id r1
printf 'name,community\n张三,东关\n' >"$TMP/r.csv"
fl roster import r1 "$TMP/r.csv"
T1=$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, 'NR == 2 { print $1 }')
printf 'instructor-pw\n' >"$TMP/ins.pw"
fl user add teacher --role instructor --password-file "$TMP/ins.pw"
INS="--by teacher --password-file $TMP/ins.pw"
failures() { sql "SELECT count(*) FROM auth_failure"; }

# --password-file: a directory, /dev/null, an empty file.
mkdir "$TMP/dir"
: >"$TMP/empty.pw"
for f in "$TMP/dir" /dev/null "$TMP/empty.pw"; do
	fl score set r1 "$T1" mini-station safety=4 call=5 --by teacher --password-file "$f"
	expect_rc 1 "--password-file $f: refused"
	has "$f: the password file is" "$ERR" "--password-file $f: says what is wrong with the file"
	hasnt "wrong user name or password" "$ERR" "--password-file $f: not a wrong password"
done
[ "$(failures)" = 0 ]; ok $? "none counted as a failed login"
[ "$(sql "SELECT count(*) FROM event WHERE action = 'login failed'")" = 0 ]
ok $? "none in the audit trail as a failed login"

# Marks: digits only.
for m in "+4" " 4" "4 " "-0" "0x4" "" "4.0"; do
	fl score set r1 "$T1" mini-station "safety=$m" call=5 $INS
	expect_rc 2 "the mark '$m' is refused (a usage error)"
done
[ "$(sql "SELECT count(*) FROM score_entry")" = 0 ]; ok $? "no score entered"
fl score set r1 "$T1" mini-station safety=4 call=5 $INS
expect_rc 0 "the mark 4 is taken"
fl score set r1 "$T1" written " 72" --reason paper --by teacher --password-file "$TMP/ins.pw"
expect_rc 2 "a written percent ' 72' is refused (a usage error)"

# Spaces (or invisible characters) then a formula.
ZW=$(printf '\342\200\213')	# U+200B zero-width space
for lead in "  =" " +" "${ZW}@" "$(printf '\343\200\200')-"; do
	fl cohort create "${lead}HYPERLINK(1)" --exam mini-exam
	expect_rc 1 "a cohort name '${lead}...' is refused"
	has "spreadsheets take for a formula" "$ERR" "cohort name '${lead}...': says why"
	fl score set r1 "$T1" mini-station safety=3 call=5 --reason fix --comment "${lead}1+1" $INS
	expect_rc 1 "a comment '${lead}1+1' is refused"
done
printf 'name,community\n"  =1+1",东关\n' >"$TMP/f.csv"
fl roster import r1 "$TMP/f.csv"
expect_rc 1 "a roster name '  =1+1' is refused (as before)"

# Names that show nothing.
for n in "${ZW}${ZW}${ZW}" "$(printf '\342\201\240\342\200\215')" "$(printf '\343\200\200 ')"; do
	fl cohort create "$n" --exam mini-exam
	expect_rc 1 "a cohort name of invisible characters is refused"
	has "shows nothing" "$ERR" "and says so"
	fl user add "$n" --role instructor --password-file "$TMP/ins.pw"
	expect_rc 1 "a user name of invisible characters is refused"
	printf 'name,community\n%s,东关\n' "$n" >"$TMP/z.csv"
	fl roster import r1 "$TMP/z.csv"
	expect_rc 1 "a roster name of invisible characters is refused"
done
[ "$(sql "SELECT count(*) FROM cohort")" = 1 ]; ok $? "no cohort was created"
[ "$(sql "SELECT count(*) FROM trainee")" = 1 ]; ok $? "nobody was enrolled"

done_testing
