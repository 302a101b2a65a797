#!/bin/sh
# The instructor client (firstline score) in tmux at 80x24: login with a
# wrong password (not echoed; the core records it), the cohort, trainee and
# station menus, the CPR+AED rubric filled item by item with the running
# total, a mark above an item's maximum refused in the form, the save
# (entry in the database before the screen says "saved"), a correction that
# needs a reason, a refusal by the core shown as it is, the history, a
# resize, Chinese labels lined up by display width, NO_COLOR, the slow-down
# after wrong passwords, and a closed terminal.  "score set" and "score
# history" keep working beside the client.
. "$(dirname "$0")/lib.sh"

tui_db
ok $? "database with the shipped course and two cohorts"
printf 'teacher-pw\n' >"$TMP/teacher.pw"
"$FIRSTLINE" user add teacher --role instructor \
    --password-file "$TMP/teacher.pw" >/dev/null
ok $? "an instructor account"
T1=$(ticket c2 1)
BY="--by teacher --password-file $TMP/teacher.pw"

# score_start NAME [VAR=VALUE...]: the client at 80x24 in session NAME;
# its exit status goes to $TMP/NAME.rc (tmux may not tell it).
score_start() {
	_n=$1
	shift
	rm -f "$TMP/$_n.rc"
	tui_start_cmd "$_n" 80 24 "env $* '$FIRSTLINE' --db '$FIRSTLINE_DB' \
	    score; echo \$? >'$TMP/$_n.rc'"
}

# exit_status NAME: the client's exit status (waits up to 5 s), or "none".
exit_status() {
	_n=0
	while [ ! -s "$TMP/$1.rc" ] && [ "$_n" -lt 50 ]; do
		sleep 0.1
		_n=$((_n + 1))
	done
	cat "$TMP/$1.rc" 2>/dev/null || echo none
}

# col_of TEXT NEEDLE: the display column where NEEDLE starts in TEXT.
col_of() {
	_p=${1%%"$2"*}
	printf '%s\n' "$_p" | wc -L
}

# rows_from N: the screen's lines from line N (1-based) on.
rows_from() { printf '%s\n' "$SCREEN" | sed -n "$1,\$p"; }

# show: the screen as TAP comments (for the log).
show() { printf '%s\n' "$SCREEN" | sed 's/^/#|/'; }

# ---------------------------------------------------- the command line
fl score bogus
expect_rc 2 "'score bogus' is a usage error"
fl score --help
expect_rc 0 "'score --help'"
has "the instructor client" "$OUT" "the group's help names the client"
has "score set COHORT" "$OUT" "and still 'score set'"
fl score history c2 "$T1"
expect_rc 0 "'score history' still runs"

# ------------------------------------------------------------ login
score_start s
screen_has s "User name:" "login form first"
tui_text s teacher
tui_keys s Enter
tui_text s wrong-secret
tui_keys s Enter
screen_has s "Wrong user name or password" "a wrong password is refused"
screen_hasnt s "wrong-secret" "the password is not shown"
[ "$(sql "SELECT count(*) FROM auth_failure WHERE who = 'teacher'")" = 1 ]
ok $? "the core recorded the failure"
tui_text s teacher-pw
tui_keys s Enter
screen_has s "Choose the cohort to score" "logged in: the cohorts"
screen_has s "Logged in as teacher (instructor)" "the instructor is named"

# --------------------------------------------------------- the menus
tui_keys s Down Enter
screen_has s "Cohort c2, exam standard" "cohort c2 chosen"
screen_has s "P1 Adult CPR and AED" "the legend names the stations"
ROW1=$(printf '%s\n' "$SCREEN" | grep "$T1 ")
ROW2=$(printf '%s\n' "$SCREEN" | grep "John Smith")
HEAD=$(printf '%s\n' "$SCREEN" | grep "Ticket")
[ "$(col_of "$ROW1" "–")" = "$(col_of "$ROW2" "–")" ] &&
    [ "$(col_of "$HEAD" "P1")" -gt "$(col_of "$ROW1" "张三")" ]
ok $? "a Chinese and an English name line up in the trainee menu"
tui_keys s Enter
screen_has s "张三, ticket $T1" "trainee chosen: the stations"
screen_has s "P1  Adult CPR and AED" "the CPR+AED station first"
screen_has s "– not scored" "not scored yet"
tui_keys s Enter
screen_has s "Scoring: Adult CPR and AED (cpr-aed)" "the rubric form"
screen_has s "张三 $T1 (cohort c2)" "the form names the trainee"
screen_has s "Total 0/100 (pass 60)  marked 0/16" "an empty tally"
screen_has s " 1 ★ Looks around and says the scene is safe" \
    "critical items are marked"
screen_has s "[   ] 0–12" "the ranges are shown"

# ------------------------------------------- a mark too high refused
tui_keys s 9
screen_has s "Item 1: 9 is above its maximum 6" "9 of 6 is flagged at once"
tui_keys s Tab
screen_has s "Item 1: 9 is not a mark for it" "the form will not leave it"
printf '%s\n' "$SCREEN" | grep -q '^> 1 ★'
ok $? "the focus stays on item 1"
tui_keys s BSpace
tui_wait_gone s "is not a mark"
ok $? "Backspace takes the 9 back"

# ------------------------------------ every item, the running total
"$FIRSTLINE" rubric show cpr-aed --format csv |
    awk -F, 'NR > 1 { print $(NF - 1) }' >"$TMP/maxes"
[ "$(wc -l <"$TMP/maxes")" = 16 ]
ok $? "cpr-aed has 16 items"
k=0
while read -r max; do
	k=$((k + 1))
	# Item 2 gets one mark less than its maximum.
	[ "$k" = 2 ] && max=$((max - 1))
	tui_text s "$max"
	tui_keys s Tab
	if [ "$k" = 3 ]; then
		screen_has s "Total 17/100 (pass 60)  marked 3/16" \
		    "the total runs as marks are typed"
	fi
done <"$TMP/maxes"
screen_has s "Total 99/100 (pass 60)  marked 16/16  ✓ pass" \
    "every item marked: the total and the verdict"
tui_text s "steady rhythm"
[ "$(sql "SELECT count(*) FROM score_entry")" = 0 ]
ok $? "nothing stored before the save"
tui_wait s "steady rhythm"
show
tui_keys s C-s
screen_has s "Saved (entry 1): 99/100, pass." "saved, with the entry number"
fl score history c2 "$T1" --format csv
has "1,practical,cpr-aed,99,100,no,teacher," "$OUT" \
    "score history shows the entry"
has "scene-safety=6;responsiveness=4;call-for-help=7" "$OUT" \
    "with every item's mark"
[ "$(sql "SELECT e.total || '/' || e.passed || '/' || e.comment || '/' ||
    u.name FROM score_entry e JOIN app_user u ON u.id = e.entered_by")" = \
    "99/1/steady rhythm/teacher" ]
ok $? "the database has the entry, the comment and the instructor"

# ------------------------------------------------------ a correction
screen_has s "Entry 1 saved" "the form shows the saved entry"
screen_hasnt s "Reason (required):" "not a correction yet"
# From the comment up to item 14 (clear-shock, critical).
tui_keys s Up Up Up
screen_has s "14/16 ★ critical" "item 14 focused"
tui_keys s 0
screen_has s "Correction of entry 1" "an edit starts a correction"
screen_has s "type the reason in its field" "which asks for a reason"
screen_has s "✗ fail: critical item missed" "a critical item missed fails"
tui_keys s C-s
screen_has s "This is a correction: type the reason before saving." \
    "no reason, no save"
[ "$(sql "SELECT count(*) FROM score_entry")" = 1 ]
ok $? "nothing stored without the reason"
tui_text s "misread the sheet"
tui_keys s C-s
screen_has s "Saved (entry 2): 93/100, fail, a critical item missed." \
    "the correction is saved"
fl score history c2 "$T1" --format csv
has "2,practical,cpr-aed,93,100,no,teacher," "$OUT" "history: the correction"
has ",misread the sheet,scene-safety=6;" "$OUT" "with its reason"
[ "$(sql "SELECT group_concat(id || ':' || reason, ',') FROM score_entry")" \
    = "1:,2:misread the sheet" ]
ok $? "the first entry is kept unchanged"

# ------------------------------------ a refusal of the core, shown
tui_keys s Escape
screen_has s "✗ 93/100 critical" "the station menu shows the state"
tui_keys s Down Enter
screen_has s "Scoring: Bleeding control and bandaging (bleeding)" \
    "the bleeding station"
# Meanwhile another instructor enters the station at the command line.
"$FIRSTLINE" rubric show bleeding --format csv |
    awk -F, 'NR > 1 { printf "%s=%s ", $1, $(NF - 1) }' >"$TMP/bleeding"
# shellcheck disable=SC2046
"$FIRSTLINE" score set c2 "$T1" bleeding $(cat "$TMP/bleeding") $BY \
    >/dev/null
ok $? "another entry for the station at the command line"
"$FIRSTLINE" rubric show bleeding --format csv |
    awk -F, 'NR > 1 { print $(NF - 1) }' >"$TMP/maxes"
while read -r max; do
	tui_text s "$max"
	tui_keys s Tab
done <"$TMP/maxes"
screen_has s "✓ pass" "the bleeding station filled"
tui_keys s C-s
screen_has s "already has a score for bleeding" "the core's refusal is shown"
[ "$(sql "SELECT count(*) FROM score_entry WHERE rubric = 'bleeding'")" = 1 ]
ok $? "and nothing was stored"
tui_keys s Escape
screen_has s "Not saved. Esc again" "leaving unsaved marks asks first"
tui_keys s Escape
screen_has s "P2  Bleeding control" "back to the stations"

# ---------------------------------------------------------- history
tui_keys s h
screen_has s "Score history" "the history screen"
screen_has s "#2  cpr-aed  93/100  by teacher" "the correction listed"
screen_has s "reason: misread the sheet" "with its reason"
screen_has s "#3  bleeding" "and the entry from the command line"
tui_keys s Escape
screen_has s "Scoring: choose a station" "back from the history"

# ------------------------------------------------ resize, language
tui_keys s Up Enter
screen_has s "Entry 2 saved" "a scored station opens its saved entry"
screen_has s "saved" "with its time and author"
tui_keys s 5
screen_has s "Correction of entry 2" "an edit starts a correction"
screen_has s "Total 92/100" "an unsaved change"
tui_resize s 100 30
screen_has s "as soon as it arrives and follows its prompts" \
    "wider: longer labels"
screen_has s "Total 92/100" "the change survives the resize"
tui_resize s 70 20
screen_has s "needs at least 80x24" "too small: it says so"
tui_resize s 80 24
screen_has s "Total 92/100" "80x24 again"
tui_keys s F2
screen_has s "判断意识：轻拍双肩并大声呼喊" "F2: Chinese labels"
screen_has s "总分 92/100" "the tally in Chinese"
show
# Every field bracket in one display column, Chinese labels or not.
cols=$(rows_from 3 | head -16 | while IFS= read -r line; do
	col_of "$line" "["; done | sort -u)
[ "$cols" = 67 ]
ok $? "the Chinese rows line up (fields at column 67): $cols"
tui_keys s F2
screen_has s "Checks responsiveness" "F2 again: English"
tui_keys s Escape
# The first Esc warns (read before the second is sent: two Esc in one read
# would be Alt-Esc).
screen_has s "Esc again leaves without saving" "Esc with changes warns first"
tui_keys s Escape
screen_has s "Scoring: choose a station" "changes left unsaved"
[ "$(sql "SELECT count(*) FROM score_entry")" = 3 ]
ok $? "leaving without saving stores nothing"
tui_keys s Escape
screen_has s "Choose a trainee" "back to the trainees"
ROW1=$(printf '%s\n' "$SCREEN" | grep "$T1 ")
has "✗93   ✓100" "$ROW1" "the trainee's row shows both stations"
tui_keys s Escape
screen_has s "Choose the cohort" "back to the cohorts"
tui_keys s q
[ "$(exit_status s)" = 0 ]
ok $? "q ends the client with status 0"

# -------------------------------------------------------- NO_COLOR
score_start m NO_COLOR=1
screen_has m "User name:" "the client starts with NO_COLOR"
tui_keys m Escape
[ "$(exit_status m)" = 0 ]
ok $? "Esc at the login leaves"

# ------------------------------------------- wrong passwords slow down
score_start w
screen_has w "User name:" "a new login"
tui_text w teacher
tui_keys w Enter
tui_text w wrong-1
tui_keys w Enter
screen_has w "Wrong user name or password" "second failure"
tui_text w wrong-2
tui_keys w Enter
screen_has w "Too many wrong tries: wait" "third failure: wait"
tui_text w teacher-pw
tui_keys w Enter
# "wait 1 second" (ngettext) on a busy machine, where the wait runs out.
screen_has w "then try again" "even the right one waits"
[ "$(sql "SELECT count(*) FROM auth_failure WHERE who = 'teacher'")" = 3 ]
ok $? "three failures recorded"

# ------------------------------------------------- a closed terminal
tui_start_cmd h 80 24 "exec '$FIRSTLINE' --db '$FIRSTLINE_DB' score"
screen_has h "User name:" "a client to close"
P=$(tui_pid h)
tm kill-session -t h
pid_gone "$P" 100
ok $? "a closed terminal ends the client"

done_testing
