#!/bin/sh
# Exam slips (考试通知单): roster import --slips prints every new trainee's
# ticket and one-time PIN on A4 pages of six slips, read back with
# poppler; the file is private (0600); a slip file that cannot be written
# enrols nobody and leaves nothing behind.  roster reset-pin gives one
# trainee a new PIN (the old one stops working, failed logins are
# cleared), audited, organizers only, with its own slip.
. "$(dirname "$0")/lib.sh"

if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
	echo "1..0 # SKIP poppler-utils (pdftotext, pdfinfo) not installed"
	exit 0
fi

SIT="$(dirname "$FIRSTLINE")/tests/cli/items-sit"
G="$TESTDATA/good"
fl init >/dev/null
fl bank load "$G/mini-bank.xml" "$G/mini-rubric.xml" "$G/mini-sim.xml" "$G/mini-exam.xml" >/dev/null
fl cohort create "第一批 莲池区" --exam mini-exam --id c1 >/dev/null
NAMES="王秀英 李建国 张伟 刘洋 陈静 杨帆 赵磊 黄丽 周强 吴敏 徐娜 孙杰 胡军 朱琳 高峰 林涛 何平 郭亮 马超 Robert-Smith"
{
	echo "name,community"
	for n in $NAMES; do echo "$n,满城区大册营镇大册营村"; done
} > "$TMP/r.csv"
trainees() { sql "SELECT count(*) FROM trainee"; }

# A slip file that cannot be written: nobody is enrolled.
fl roster import c1 "$TMP/r.csv" --slips "$TMP/no/such/dir/slips.pdf"
expect_rc 1 "slips into a missing directory: refused"
has "cannot write the exam slips $TMP/no/such/dir/slips.pdf" "$ERR" "names the file"
has "nobody was enrolled" "$ERR" "and says nobody was enrolled"
[ "$(trainees)" = 0 ]; ok $? "no trainee stored"
[ -z "$OUT" ]; ok $? "no PINs printed"

umask 022
fl roster import c1 "$TMP/r.csv" --slips "$TMP/slips.pdf"
expect_rc 0 "roster import --slips"
roster=$(printf '%s\n' "$OUT" | tr -d '\r')
[ "$(printf '%s\n' "$roster" | wc -l)" -eq 21 ]; ok $? "the CSV of tickets and PINs as before"
[ -f "$TMP/slips.pdf" ]; ok $? "the slips are written"
[ "$(stat -c %a "$TMP/slips.pdf")" = 600 ]; ok $? "only the owner may read them (they hold the PINs)"
[ -z "$(find "$TMP" -name '.slips.*')" ]; ok $? "no temporary file left"
info=$(pdfinfo "$TMP/slips.pdf")
has "Pages:           4" "$info" "twenty slips on four pages of six"
has "Page size:       595.28 x 841.89 pts (A4)" "$info" "A4 portrait"
text=$(pdftotext -layout "$TMP/slips.pdf" -)
has "考试通知单" "$text" "the Chinese heading"
has "Exam slip" "$text" "the English heading"
has "Test exam" "$text" "the exam's English title"
has "测试考试" "$text" "and its Chinese title"
has "Written test: 10 minutes" "$text" "the time of the written test"
has "第一批 莲池区" "$text" "the cohort's name"
has "满城区大册营镇大册营村" "$text" "the community"
missing=0
for n in $NAMES; do
	case "$text" in *"$n"*) ;; *) missing=$((missing + 1)) ;; esac
done
[ $missing -eq 0 ]; ok $? "every trainee's name ($missing missing)"
# Every ticket with its own PIN: in the layout text the first six-digit
# number after a ticket on its line is that ticket's PIN.
bad=$(printf '%s\n' "$roster" | awk -F, 'NR > 1 { print $1, $4 }' |
    while read -r t p; do
	printf '%s\n' "$text" | awk -v t="$t" -v p="$p" '
	    { for (i = 1; i < NF; i++) if ($i == t) {
		for (j = i + 1; j <= NF; j++) if ($j ~ /^[0-9][0-9][0-9][0-9][0-9][0-9]$/) break
		if ($j == p) found = 1 } }
	    END { exit !found }' || echo "$t"
    done)
[ -z "$bad" ]; ok $? "every ticket is printed with its own PIN${bad:+ (not: $bad)}"
has "沿虚线剪开" "$text" "the footer says where to cut"

# A lost slip: a new PIN for one trainee.
T=$(printf '%s\n' "$roster" | awk -F, 'NR == 2 { print $1 }')
OLD=$(printf '%s\n' "$roster" | awk -F, 'NR == 2 { print $4 }')
echo "organizer-pw" > "$TMP/org.pw"
echo "instructor-pw" > "$TMP/ins.pw"
fl user add boss --role organizer --password-file "$TMP/org.pw"
fl user add teacher --role instructor --password-file "$TMP/ins.pw"
fl roster reset-pin c1 "$T" --by teacher --password-file "$TMP/ins.pw"
expect_rc 1 "an instructor cannot reset a PIN"
has "permission denied" "$ERR" "and is told why"
fl roster reset-pin c1 99999999 --by boss --password-file "$TMP/org.pw"
expect_rc 1 "an unknown ticket is refused"
has "no ticket 99999999 in cohort c1" "$ERR" "and named"
hash=$(sql "SELECT pin_hash FROM trainee WHERE ticket = '$T'")
fl roster reset-pin c1 "$T" --by boss --password-file "$TMP/org.pw" --slips "$TMP/none/x.pdf"
expect_rc 1 "a slip that cannot be written: refused"
[ "$(sql "SELECT pin_hash FROM trainee WHERE ticket = '$T'")" = "$hash" ]
ok $? "and the old PIN is kept"
[ "$(sql "SELECT count(*) FROM event WHERE action = 'pin reset'")" = 0 ]; ok $? "nothing audited"
for i in 1 2 3; do
	sql "INSERT INTO auth_failure (kind, who, at) VALUES ('ticket', '$T', strftime('%s', 'now'))"
done
fl roster reset-pin c1 "$T" --by boss --password-file "$TMP/org.pw" --slips "$TMP/one.pdf"
expect_rc 0 "roster reset-pin --slips"
row=$(printf '%s\n' "$OUT" | tr -d '\r')
[ "$(printf '%s\n' "$row" | head -1)" = "ticket,name,community,pin" ]; ok $? "prints the CSV header"
NEW=$(printf '%s\n' "$row" | awk -F, 'NR == 2 { print $4 }')
has "$T,王秀英,满城区大册营镇大册营村,$NEW" "$row" "and the trainee with the new PIN"
printf '%s\n' "$NEW" | grep -qx '[0-9]\{6\}'; ok $? "a six-digit PIN"
[ "$(sql "SELECT count(*) FROM auth_failure WHERE who = '$T'")" = 0 ]; ok $? "failed logins cleared"
[ "$(sql "SELECT count(*) FROM event WHERE action = 'pin reset' AND actor = 'boss' AND detail = 'ticket $T: new PIN issued'")" = 1 ]
ok $? "audited (without the PIN)"
[ "$(sql "SELECT count(*) FROM event WHERE detail LIKE '%$NEW%'")" = 0 ]; ok $? "the PIN is in no event"
has "Pages:           1" "$(pdfinfo "$TMP/one.pdf")" "one slip, one page"
one=$(pdftotext -layout "$TMP/one.pdf" -)
printf '%s\n' "$one" | grep -q "$T .*$NEW"; ok $? "the slip shows the ticket and the new PIN"
if [ "$NEW" != "$OLD" ]; then
	"$SIT" "$FIRSTLINE_DB" "$T" "$OLD" 2>/dev/null >/dev/null
	[ $? -ne 0 ]; ok $? "the old PIN no longer works"
else
	ok 0 "the old PIN no longer works # SKIP the new PIN is the old one (1 in a million)"
fi
"$SIT" "$FIRSTLINE_DB" "$T" "$NEW" 2>"$TMP/sit.err" >/dev/null; r=$?
[ $r -eq 0 ] || sed 's/^/# /' "$TMP/sit.err"
ok $r "the new PIN logs in"
fl roster reset-pin c1 "$T" --by boss --password-file "$TMP/org.pw"
expect_rc 0 "reset-pin without slips"
fl attempt extend c1 "$T" 5 --reason r --by boss --password-file "$TMP/org.pw" --slips "$TMP/x.pdf"
expect_rc 2 "--slips on a command that prints none is a usage error"
has "prints no exam slips" "$ERR" "and says so"
fl roster import c1 "$TMP/r.csv" --slips "$TMP/again.pdf"
expect_rc 1 "importing the same people again is refused"
[ ! -e "$TMP/again.pdf" ]; ok $? "and no slips are left"

# Slips are never written over: the PINs on them exist nowhere else.
before=$(cksum < "$TMP/slips.pdf")
n=$(trainees)
printf 'name,community\n新人,东关\n' > "$TMP/new.csv"
fl roster import c1 "$TMP/new.csv" --slips "$TMP/slips.pdf"
expect_rc 1 "slips onto an existing file: refused"
has "$TMP/slips.pdf exists: exam slips are never written over" "$ERR" "and says why"
[ "$(trainees)" = "$n" ]; ok $? "nobody enrolled"
[ "$(cksum < "$TMP/slips.pdf")" = "$before" ]; ok $? "the earlier slips are untouched"
fl roster reset-pin c1 "$T" --by boss --password-file "$TMP/org.pw" --slips "$TMP/slips.pdf"
expect_rc 1 "a reset's slip onto an existing file: refused"
[ "$(cksum < "$TMP/slips.pdf")" = "$before" ]; ok $? "still untouched"

done_testing
