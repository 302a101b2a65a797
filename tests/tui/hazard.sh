#!/bin/sh
# The module-4 hazard-patrol station (rubrics/hazard-patrol.xml) in the
# standard exam: rubric show lists its ten items with the e-bike charging
# critical; the instructor client opens it as the fourth practical station
# and saves a full score; score set stores another trainee's, and a missed
# e-bike finding fails the station whatever the total.
. "$(dirname "$0")/lib.sh"

tui_db
ok $? "database with the shipped course (standard exam) and two cohorts"
printf 'teacher-pw\n' >"$TMP/teacher.pw"
"$FIRSTLINE" user add teacher --role instructor \
    --password-file "$TMP/teacher.pw" >/dev/null
BY="--by teacher --password-file $TMP/teacher.pw"

fl exam show standard --format csv
has "practical,hazard-patrol,yes" "$(printf '%s' "$OUT" | tr -d '\r')" \
    "the standard exam requires the hazard patrol"
fl rubric show hazard-patrol --format csv
expect_rc 0 "rubric show hazard-patrol"
printf '%s\n' "$OUT" | tr -d '\r' >"$TMP/items.csv"
[ "$(tail -n +2 "$TMP/items.csv" | wc -l)" -eq 10 ]; ok $? "ten items"
grep -q '^ebike-charging,.*,15,yes$' "$TMP/items.csv"
ok $? "the e-bike charging is critical, 15 marks"
[ "$(awk -F, 'NR > 1 && $NF == "yes"' "$TMP/items.csv" | wc -l)" -eq 1 ]
ok $? "and the only critical item"
[ "$(awk -F, 'NR > 1 { s += $(NF - 1) } END { print s }' "$TMP/items.csv")" -eq 100 ]
ok $? "the marks add up to 100"

# ----------------------------------------- the instructor client, P4
tui_start_cmd s 80 24 "'$FIRSTLINE' --db '$FIRSTLINE_DB' score"
screen_has s "User name:" "the instructor client"
tui_text s teacher
tui_keys s Enter
tui_text s teacher-pw
tui_keys s Enter
screen_has s "Choose the cohort to score" "logged in"
tui_keys s Down Enter
screen_has s "Cohort c2, exam standard" "cohort c2 (standard)"
tui_keys s Enter
screen_has s "P4  Hazard patrol" "the hazard patrol is the fourth station"
tui_keys s Down Down Down Enter
screen_has s "(hazard-patrol)" "its rubric form"
screen_has s "Total 0/100 (pass 60)  marked 0/10" "ten items to mark"
screen_has s "★ Finds the e-bike charging" "the e-bike item marked critical"
tail -n +2 "$TMP/items.csv" | awk -F, '{ print $(NF - 1) }' >"$TMP/maxes"
while read -r max; do
	tui_text s "$max"
	tui_keys s Tab
done <"$TMP/maxes"
screen_has s "Total 100/100 (pass 60)  marked 10/10  ✓ pass" "all marked: pass"
tui_keys s C-s
screen_has s "Saved (entry 1): 100/100, pass." "saved"
T1=$(ticket c2 1)
[ "$(sql "SELECT e.total || '/' || e.passed FROM score_entry e
    JOIN trainee t ON t.id = e.trainee_id
    WHERE e.rubric = 'hazard-patrol' AND t.ticket = '$T1'")" = "100/1" ]
ok $? "the database has the full score"

# ------------------------------------------------------- score set
full=$(tail -n +2 "$TMP/items.csv" | awk -F, '{ printf "%s=%s ", $1, $(NF - 1) }')
T2=$(ticket c2 2)
# shellcheck disable=SC2086
fl score set c2 "$T2" hazard-patrol $full $BY
expect_rc 0 "score set hazard-patrol, every item at its maximum"
T3=$(ticket c2 3)
nocrit=$(printf '%s' "$full" | sed 's/ebike-charging=15/ebike-charging=0/')
# shellcheck disable=SC2086
fl score set c2 "$T3" hazard-patrol $nocrit $BY
expect_rc 0 "score set with the e-bike finding missed"
[ "$(sql "SELECT e.total || '/' || e.passed FROM score_entry e
    JOIN trainee t ON t.id = e.trainee_id
    WHERE e.rubric = 'hazard-patrol' AND t.ticket = '$T3'")" = "85/0" ]
ok $? "85 of 100 but failed: the critical item was missed"

done_testing
