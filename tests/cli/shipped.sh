#!/bin/sh
# The shipped course passes its own test-design lint: bank check --strict
# on every bank, rubric and exam under question-banks/ (no longest-key
# share over 35%, no undeclared near-duplicate, no negative true/false),
# and the standard exam's cells are big enough that no question appears
# on more than 12.5% of the papers (at least 8 questions per cell).
. "$(dirname "$0")/lib.sh"

Q="$FIRSTLINE_DATADIR"
# shellcheck disable=SC2086
fl bank check --strict --stats $Q/banks/*.xml $Q/rubrics/*.xml $Q/exams/*.xml
expect_rc 0 "bank check --strict passes on the shipped course"
hasnt ": error: " "$ERR" "and reports no error"
has "near-duplicate pairs: 0 " "$OUT" "no undeclared near-duplicate"
has "negative true/false statements: 0 of" "$OUT" "no negative true/false statement"
printf '%s\n' "$OUT" | awk '$4 ~ /%$/ && $6 ~ /%$/ && NF == 10 {
    if ($4 + 0 > 35 || $6 + 0 > 35) bad = 1; n++ }
    END { exit bad || n != 8 }'
ok $? "the eight banks' longest-key shares are at most 35% in both languages"

fl init
# shellcheck disable=SC2086
fl bank load $Q/banks/*.xml $Q/rubrics/*.xml $Q/exams/standard.xml
expect_rc 0 "the shipped course loads"
fl report papers --format csv
exposure=$(printf '%s\n' "$OUT" | tr -d '\r' |
    awk -F, '$1 == "standard" { print $5 }')
awk -v e="$exposure" 'BEGIN { exit !(e != "" && e + 0 <= 12.5) }'
ok $? "standard exam: the most exposed question is on $exposure% of papers (at most 12.5%)"

done_testing
