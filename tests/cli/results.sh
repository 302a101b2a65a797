#!/bin/sh
# From roster to certified: classes (excellent at exactly 90, a retake that
# passes but is not excellent, absent counting against the cohort, withdrawn
# not counting), the report in text and CSV, certify refusing with the
# shortfall (exit 3), then sealing.
. "$(dirname "$0")/lib.sh"

G="$TESTDATA/good"
fl init >/dev/null
fl bank load "$G/mini-bank.xml" "$G/mini-rubric.xml" "$G/mini-sim.xml" "$G/mini-exam.xml" >/dev/null
fl cohort create "第一批" --exam mini-exam --id c1 >/dev/null
printf 'name,community,group\n优秀生,东关社区,staff\n及格生,西关社区,volunteer\n补考生,南关,veteran\n缺考生,北关,other\n退出者,北关,other\n' > "$TMP/r.csv"
fl roster import c1 "$TMP/r.csv"
roster=$(printf '%s\n' "$OUT" | tr -d '\r')
tk() { printf '%s\n' "$roster" | awk -F, -v n="$1" '$2 == n { print $1 }'; }
A=$(tk 优秀生) B=$(tk 及格生) C=$(tk 补考生) D=$(tk 缺考生) E=$(tk 退出者)
echo "organizer-pw" > "$TMP/org.pw"
fl user add boss --role organizer --password-file "$TMP/org.pw"
ORG="--by boss --password-file $TMP/org.pw"

s() { fl score set c1 "$@" $ORG; [ "$RC" -eq 0 ] || printf '# %s\n' "$ERR"; }
# A: 90 / 90 / 90 -> total exactly 90.0: excellent.
s "$A" written 90 --reason "paper sitting"
s "$A" mini-station safety=4 call=5
s "$A" mini-drill safety=4 call=5
# B: 60 / 60 / 60 -> pass.
s "$B" written 60 --reason "paper sitting"
s "$B" mini-station safety=4 call=2
s "$B" mini-drill safety=4 call=2
# C: fails the station (critical item missed), passes its retake with full
# marks: a pass, never excellent.
s "$C" written 100 --reason "paper sitting"
s "$C" mini-station safety=0 call=6
s "$C" mini-station safety=4 call=6 --retake
s "$C" mini-drill safety=4 call=6
# D: absent.  E: will be withdrawn.

fl report cohort c1 --format csv
expect_rc 0 "report cohort --format csv"
csv=$(printf '%s\n' "$OUT" | tr -d '\r')
[ "$(printf '%s\n' "$csv" | head -1)" = "ticket,name,community,group,written,practical,simulation,total,class,retake,note,mode" ]; ok $? "the CSV columns of SPEC 7, then a note and the mode"
has "$A,优秀生,东关社区,staff,90.0,90.0,90.0,90.0,excellent,no," "$csv" "a total of exactly 90 is excellent"
has "$B,及格生,西关社区,volunteer,60.0,60.0,60.0,60.0,pass,no,total below 90" "$csv" "60 in every component is a pass (the note says why not excellent)"
has "$C,补考生,南关,veteran,100.0,100.0,100.0,100.0,pass,yes,after a retake" "$csv" "a retake passes but is not excellent"
has "$D,缺考生,北关,other,,,,,absent,no,nothing recorded" "$csv" "nothing recorded is absent"

fl report cohort c1 --summary --format csv
has "c1,5,0,5,3,60.0,1,20.0,below" "$(printf '%s' "$OUT" | tr -d '\r')" "summary: absent and not-yet-withdrawn count against the cohort"

fl cohort certify c1 $ORG
expect_rc 3 "certify below the rules exits 3"
has "needs 2 more passes" "$ERR" "and names the passes needed"
has "needs 1 more excellent" "$ERR" "and the excellents needed"

fl cohort withdraw c1 "$E" $ORG
expect_rc 2 "a withdrawal without a reason is a usage error"
fl cohort withdraw c1 "$E" $ORG --reason "moved away"
expect_rc 0 "withdraw with a reason"
fl cohort withdraw c1 "$D" $ORG --reason "hospitalised"
expect_rc 0 "withdraw the absent trainee"

fl report cohort c1
expect_rc 0 "report cohort as text"
has "3/3 = 100.0%" "$OUT" "the pass rate is printed with its counts"
has "1/3 = 33.3%" "$OUT" "the excellence rate is truncated"
has "Verdict: meets the rules" "$OUT" "the verdict"
has "退出者" "$OUT" "withdrawn trainees are listed"
has "withdrawn" "$OUT" "as withdrawn"

fl cohort certify c1 $ORG
expect_rc 0 "certify at the rules seals the cohort"
has "certified and sealed" "$OUT" "and says so"
fl cohort certify c1 $ORG
expect_rc 1 "a sealed cohort cannot be certified again"
fl score set c1 "$B" mini-drill safety=4 call=6 $ORG --reason late
expect_rc 1 "a sealed cohort refuses score changes"
has "sealed" "$ERR" "and says why"
fl cohort withdraw c1 "$B" $ORG --reason x
expect_rc 1 "a sealed cohort refuses withdrawals"
[ "$(sql "SELECT count(*) FROM event WHERE action = 'cohort certify'")" = 1 ]; ok $? "certification is audited"
fl report cohort c1 --summary --format csv
has "c1,5,2,3,3,100.0,1,33.3,meets" "$(printf '%s' "$OUT" | tr -d '\r')" "summary after certification"

fl report coverage --format csv
cov=$(printf '%s\n' "$OUT" | tr -d '\r')
[ "$(printf '%s\n' "$cov" | head -1)" = "community,certified,enrolled,needed" ]; ok $? "coverage CSV header"
has "东关社区,1,1,14" "$cov" "a community with one certified responder needs 14 more"
has "北关,0,2,15" "$cov" "withdrawn and absent trainees are not certified responders"

done_testing
