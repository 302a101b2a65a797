#!/bin/sh
# The README's first command, ./quickstart demo, runs 'firstline demo': it
# builds a database from the shipped course, prints three tickets with
# their PINs, waits for Enter and opens the trainee client.  Here in tmux
# at 80x24: the tickets are read off the screen and one of them logs in
# and reaches the first of the standard exam's 50 questions.  A second run
# makes a fresh demo; a database that is not a demo is never touched.
. "$(dirname "$0")/lib.sh"

DEMO="$TMP/demo.db"
tui_start_cmd d 80 24 "'$FIRSTLINE' --db '$DEMO' demo; echo \"exit=\$?\"; sleep 60"
screen_has d "Press Enter to open the trainee client" "the demo prints its tickets, then waits"
screen_has d "Demo database: $DEMO" "names the database"
screen_has d "the standard exam: 50 questions, 60 minutes." "and the exam"
# The terminal wraps what is too wide: a line continued on the next would
# leave a fragment such as the ")" of the old first line.
[ -z "$(printf '%s\n' "$SCREEN" | grep -x '[)）.][)）.]*')" ]
ok $? "no line wrapped at 80 columns"
row=$(printf '%s\n' "$SCREEN" | awk '$1 ~ /^1000000[0-9]$/ && $NF ~ /^[0-9][0-9][0-9][0-9][0-9][0-9]$/ { print; exit }')
T=$(printf '%s\n' "$row" | awk '{ print $1 }')
P=$(printf '%s\n' "$row" | awk '{ print $NF }')
[ -n "$T" ] && [ -n "$P" ]; ok $? "a ticket and its PIN on the screen ($T)"
[ "$(printf '%s\n' "$SCREEN" | grep -c '^1000000[0-9] ')" -eq 3 ]; ok $? "three demo trainees"
[ "$(stat -c %a "$DEMO")" = 600 ]; ok $? "the demo database is private"
tui_keys d Enter
login d 2 "$T" "$P"
screen_has d "The written test has 50 questions and lasts 60 minutes" "the printed ticket and PIN log in"
tui_keys d Enter
screen_has d "Question 1/50" "the first of fifty questions"
tui_keys d Escape
tm kill-session -t d

# Again on the demo file: a fresh demo (new PINs).  On a real database:
# refused, nothing touched.
tui_start_cmd e 80 24 "'$FIRSTLINE' --db '$DEMO' demo </dev/null; echo \"exit=\$?\"; sleep 60"
screen_has e "exit=0" "the demo runs again on its own file"
has "Log in with one of these tickets" "$SCREEN" "with its tickets"
tm kill-session -t e
REAL="$TMP/real.db"
"$FIRSTLINE" --db "$REAL" init >/dev/null
sum=$(cksum < "$REAL")
tui_start_cmd f 80 24 "'$FIRSTLINE' --db '$REAL' demo; echo \"exit=\$?\"; sleep 60"
screen_has f "exit=1" "a database that is not a demo is refused"
has "is not a demo database" "$SCREEN" "and says why"
[ "$(cksum < "$REAL")" = "$sum" ]; ok $? "and it is untouched"
tm kill-session -t f

done_testing
