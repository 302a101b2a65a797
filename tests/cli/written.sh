#!/bin/sh
# Cohorts, rosters (every refusal names its row), the proctor view, extra
# time and retakes through the command line, with roles enforced.
. "$(dirname "$0")/lib.sh"

G="$TESTDATA/good"
fl init >/dev/null
fl bank load "$G/mini-bank.xml" "$G/mini-rubric.xml" "$G/mini-sim.xml" "$G/mini-exam.xml" >/dev/null

fl cohort create "第一批" --exam nope
expect_rc 1 "a cohort for an unknown exam is refused"
fl cohort create "第一批"
expect_rc 2 "cohort create without --exam is a usage error"
fl cohort create "第一批" --exam mini-exam --id c1
expect_rc 0 "cohort create"
[ "$OUT" = c1 ]; ok $? "cohort create prints the id"
fl cohort create "again" --exam mini-exam --id c1
expect_rc 1 "a duplicate cohort id is refused"
fl cohort create "made-up id" --exam mini-exam
has "$(date -u +%Y)-" "$OUT" "a cohort id is made up when not given"

# Every roster problem is reported with its row; nothing is enrolled.
bad_roster() {	# DESC TEXT CONTENT
	printf '%b' "$3" > "$TMP/r.csv"
	fl roster import c1 "$TMP/r.csv"
	expect_rc 1 "$1: refused"
	has "$2" "$ERR" "$1: the message names the row"
	[ "$(sql 'SELECT count(*) FROM trainee')" = 0 ]; ok $? "$1: nobody enrolled"
}
bad_roster "missing required column" "r.csv: row 1: missing required column 'community'" 'name,group\n张三,staff\n'
bad_roster "unknown column" "row 1: unknown column 'grp'" 'name,community,grp\n张三,东关,staff\n'
bad_roster "empty name" "r.csv: row 3: the name is empty" 'name,community\n张三,东关\n  ,西关\n'
bad_roster "unknown group" "r.csv: row 2: unknown group 'cadre'" 'name,community,group\n张三,东关,cadre\n'
bad_roster "invalid UTF-8" "r.csv: row 2: column name is not valid UTF-8" 'name,community\n\xd5\xc5\xc8\xfd,东关\n'
bad_roster "duplicate row" "r.csv: row 4: duplicate of row 2" 'name,community,phone\n张三,东关,1\n李四,东关,2\n张三,东关,1\n'
long=$(awk 'BEGIN { for (i = 0; i < 300; i++) printf "x" }')
bad_roster "oversized field" "r.csv: row 2: column community is longer than 200 bytes" "name,community\n张三,$long\n"
bad_roster "wrong field count" "r.csv: row 2: 3 fields, the header has 2" 'name,community\n张三,东关,x\n'
bad_roster "malformed quotes" "malformed CSV: a quote is not closed" 'name,community\n"张三,东关\n'
bad_roster "header only" "no trainees below the header" 'name,community\n'

printf '\357\273\277name,community,group,phone,external_id\n张三,东关社区,staff,138,A1\n"Li, Si",西关社区,volunteer,,A2\n' > "$TMP/r.csv"
fl roster import c1 "$TMP/r.csv"
expect_rc 0 "a good roster (with a byte order mark) imports"
csv=$(printf '%s\n' "$OUT" | tr -d '\r')
[ "$(printf '%s\n' "$csv" | head -1)" = "ticket,name,community,pin" ]; ok $? "roster import prints ticket,name,community,pin"
has '"Li, Si",西关社区' "$csv" "names with commas are quoted"
pin=$(printf '%s\n' "$csv" | awk -F, 'NR == 2 { print $4 }')
ticket=$(printf '%s\n' "$csv" | awk -F, 'NR == 2 { print $1 }')
printf '%s\n' "$pin" | grep -qx '[0-9]\{6\}'; ok $? "PINs have six digits"
[ "$(sql "SELECT count(*) FROM trainee WHERE pin_hash LIKE '\$y\$%' AND pin_hash NOT LIKE '%$pin%'")" = 2 ]; ok $? "PINs are stored as yescrypt hashes only"
fl roster import c1 "$TMP/r.csv"
expect_rc 1 "importing the same people again is refused"
has "already enrolled in cohort c1 as ticket $ticket" "$ERR" "and names the ticket"

fl attempts c1 --format csv
expect_rc 0 "attempts"
has "$ticket,张三,not-started,0,0,," "$(printf '%s' "$OUT" | tr -d '\r')" "attempts shows a trainee who has not started"

# Accounts and roles.
echo "organizer-pw" > "$TMP/org.pw"
echo "instructor-pw" > "$TMP/ins.pw"
echo "short" > "$TMP/short.pw"
fl user add boss --role organizer --password-file "$TMP/org.pw"
expect_rc 0 "user add organizer"
fl user add teacher --role instructor --password-file "$TMP/ins.pw"
expect_rc 0 "user add instructor"
fl user add tiny --role instructor --password-file "$TMP/short.pw"
expect_rc 1 "a short password is refused"
fl user add boss --role organizer --password-file "$TMP/org.pw"
expect_rc 1 "a duplicate user is refused"
fl user add x --role admin --password-file "$TMP/org.pw"
expect_rc 2 "an unknown role is a usage error"
[ "$(sql "SELECT count(*) FROM app_user WHERE hash LIKE '\$y\$%'")" = 2 ]; ok $? "passwords are stored as yescrypt hashes"
fl user list --format csv
expect_rc 0 "user list"
users=$(printf '%s\n' "$OUT" | tr -d '\r')
[ "$(printf '%s\n' "$users" | head -1)" = "user,role,created,login_wait_s" ]; ok $? "user list columns"
printf '%s\n' "$users" | grep -q '^boss,organizer,20[0-9-]*T[0-9:]*Z,$'; ok $? "the organizer, created, no wait"
printf '%s\n' "$users" | grep -q '^teacher,instructor,'; ok $? "the instructor"
hasnt '$y$' "$users" "no hash in the list"

# A forgotten password: the server account sets a new one.
for i in 1 2 3 4; do
	sql "INSERT INTO auth_failure (kind, who, at) VALUES ('user', 'teacher', strftime('%s', 'now'))"
done
fl user list --format csv
w=$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, '$1 == "teacher" { print $4 }')
[ "${w:-0}" -gt 0 ]; ok $? "user list shows the wait after failed logins ($w s)"
echo "new-instructor-pw" > "$TMP/ins2.pw"
fl user passwd teacher --password-file "$TMP/short.pw"
expect_rc 1 "a short new password is refused"
fl user passwd nobody --password-file "$TMP/ins2.pw"
expect_rc 1 "an unknown user is refused"
has "no user nobody" "$ERR" "and named"
fl user passwd teacher --password-file "$TMP/ins2.pw"
expect_rc 0 "user passwd"
has "teacher: new password set; failed logins cleared" "$OUT" "says what it did"
[ "$(sql "SELECT count(*) FROM auth_failure WHERE who = 'teacher'")" = 0 ]; ok $? "the failed logins are gone"
[ "$(sql "SELECT count(*) FROM event WHERE action = 'user password' AND detail = 'teacher'")" = 1 ]; ok $? "audited"
fl attempt extend c1 "$ticket" 10 --by teacher --reason "power cut" --password-file "$TMP/ins.pw"
expect_rc 1 "the old password no longer works"
has "wrong user name or password" "$ERR" "wrong password"
fl attempt extend c1 "$ticket" 10 --by teacher --reason "power cut" --password-file "$TMP/ins2.pw"
expect_rc 1 "the new one logs in (and the role still decides)"
has "permission denied" "$ERR" "refused for the role, not the password"
fl user passwd teacher --password-file "$TMP/ins.pw"
expect_rc 0 "the old password back for the rest of the test"
sql "DELETE FROM auth_failure"

fl attempt extend c1 "$ticket" 10 --by teacher --reason "power cut" --password-file "$TMP/ins.pw"
expect_rc 1 "an instructor cannot give extra time"
has "permission denied" "$ERR" "and is told why"
fl attempt extend c1 "$ticket" 10 --by boss --reason "power cut" --password-file "$TMP/ins.pw"
expect_rc 1 "a wrong password is refused"
has "wrong user name or password" "$ERR" "and is told so"
fl attempt extend c1 "$ticket" 10 --by boss --password-file "$TMP/org.pw"
expect_rc 2 "extra time without a reason is a usage error"
fl attempt extend c1 "$ticket" 10 --by boss --reason "power cut" --password-file "$TMP/org.pw"
expect_rc 1 "no extra time before the sitting starts"
has "no written test in progress" "$ERR" "and says why"
fl attempt retake c1 "$ticket" --by boss --password-file "$TMP/org.pw"
expect_rc 1 "no retake without a finished test"
fl attempt retake c1 99999999 --by boss --password-file "$TMP/org.pw"
expect_rc 1 "an unknown ticket is refused"
has "no ticket 99999999 in cohort c1" "$ERR" "and named"
fl attempts nope
expect_rc 1 "attempts of an unknown cohort is refused"

# A ticket kept out by wrong PINs: the proctor sees the wait and clears it.
fl attempt unlock c1 "$ticket" --by boss --password-file "$TMP/org.pw"
expect_rc 0 "unlocking a ticket without failed logins"
has "$ticket: no failed logins to clear" "$OUT" "says there was nothing to clear"
for i in 1 2 3 4; do
	sql "INSERT INTO auth_failure (kind, who, at) VALUES ('ticket', '$ticket', strftime('%s', 'now'))"
done
sql "INSERT INTO auth_failure (kind, who, at) VALUES ('ticket', 'other', strftime('%s', 'now'))"
fl attempts c1 --format csv
[ "$(printf '%s\n' "$OUT" | tr -d '\r' | head -1)" = "ticket,name,status,answered,total,remaining_s,attempt,login_wait_s,mode" ]
ok $? "attempts has a login_wait_s column"
w=$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, -v t="$ticket" '$1 == t { print $8 }')
[ "${w:-0}" -gt 0 ] && [ "$w" -le 4 ]; ok $? "four failures: a wait of up to 4 s ($w)"
fl attempt unlock c1 "$ticket" --by teacher --password-file "$TMP/ins.pw"
expect_rc 0 "an instructor in the exam room may unlock (the PIN is still needed)"
has "$ticket: 4 failed logins cleared" "$OUT" "and it is done"
for i in 1 2 3 4; do
	sql "INSERT INTO auth_failure (kind, who, at) VALUES ('ticket', '$ticket', strftime('%s', 'now'))"
done
fl attempt unlock c1 99999999 --by boss --password-file "$TMP/org.pw"
expect_rc 1 "unlocking an unknown ticket is refused"
has "no ticket 99999999 in cohort c1" "$ERR" "and named"
fl attempt unlock c1 --by boss --password-file "$TMP/org.pw"
expect_rc 2 "unlock without a ticket is a usage error"
fl attempt unlock c1 "$ticket" --by boss --password-file "$TMP/org.pw"
expect_rc 0 "attempt unlock"
has "$ticket: 4 failed logins cleared; it may log in now" "$OUT" "says how many were cleared"
[ "$(sql "SELECT count(*) FROM auth_failure WHERE who = '$ticket'")" = 0 ]; ok $? "the ticket's failures are gone"
[ "$(sql "SELECT count(*) FROM auth_failure WHERE who = 'other'")" = 1 ]; ok $? "another ticket's are kept"
[ "$(sql "SELECT count(*) FROM event WHERE action = 'login unlock' AND actor = 'boss' AND detail = 'ticket $ticket: 4 failed logins cleared'")" = 1 ]
ok $? "the unlock is in the audit trail"
fl attempts c1 --format csv
has "$ticket,张三,not-started,0,0,,," "$(printf '%s' "$OUT" | tr -d '\r')" "no wait after the unlock"

fl cohort list --format csv
has "c1,第一批,mini-exam,2,0,0,open," "$(printf '%s' "$OUT" | tr -d '\r')" "cohort list"
# Times: UTC stamps in CSV, local time in text (here UTC+8, Beijing).
utc=$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, '$1 == "c1" { print $8 }')
printf '%s\n' "$utc" | grep -qx '20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
ok $? "CSV: the UTC stamp ($utc)"
local8=$(date -u -d "$(printf '%s' "$utc" | tr T ' ' | tr -d Z) 8 hours" '+%Y-%m-%d %H:%M')
export TZ=CST-8
fl cohort list
unset TZ
has "$local8" "$OUT" "text: the same moment in local time ($local8)"
hasnt "$utc" "$OUT" "and not the stamp"

done_testing
