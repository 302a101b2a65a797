#!/bin/sh
# The trainee client on odd terminals: TERM=dumb (no cursor addressing),
# an unknown TERM and no TERM at all are refused with a plain message and
# touch nothing; vt100 (no colour) and linux work; under LANG=C / LC_ALL=C
# the screens are still whole (the exam text is UTF-8 whatever the locale:
# nothing garbled, nothing wider than the terminal) and answers are saved.
. "$(dirname "$0")/../tui/lib.sh"
. "$(dirname "$0")/figures.sh"
. "$(dirname "$0")/tui-setup.sh"

mini_db
ok $? "database with the mini exam"

# refused NAME TERM TEXT: the client ends with exit 1 and says TEXT.
refused() {
	tui_start_cmd "$1" 80 24 "env $2 '$FIRSTLINE' --db '$FIRSTLINE_DB' sit \
	    2>'$TMP/$1.err'; echo \$? >'$TMP/$1.rc'"
	ended_with "$1" 1 "TERM '${2#*=}': the client ends with exit 1"
	has "$3" "$(cat "$TMP/$1.err")" "TERM '${2#*=}': says why"
	screen_hasnt "$1" "Choose the language" "TERM '${2#*=}': no screen drawn"
}
refused dumb TERM=dumb "the terminal type 'dumb' cannot place the cursor"
refused unknown TERM=nonexistent-xyz "cannot use the terminal type 'nonexistent-xyz'"
refused empty TERM= "cannot use the terminal type ''"
[ "$(sql 'SELECT count(*) FROM attempt')" = 0 ]
ok $? "refused terminals started no sitting"

# widths NAME DESC: no line of the screen wider than the window (80), no
# replacement characters or meta escapes.
widths() {
	tui_screen "$1" >"$TMP/$1.txt"
	w=$(wc -L <"$TMP/$1.txt" | tr -d ' ')
	! grep -q -e '�' -e 'M-' "$TMP/$1.txt" && [ "$w" -le 80 ]
	r=$?
	[ $r -eq 0 ] || sed 's/^/#|/' "$TMP/$1.txt"
	ok $r "$2 (widest line $w)"
}

# sit_one NAME ENV LANGKEY N QTEXT: log in trainee N, begin, answer the
# first question with A (true for true/false), check the screen and the database.
sit_one() {
	T=$(ticket c1 "$4") P=$(pin c1 "$4")
	tui_start "$1" 80 24 $2
	login "$1" "$3" "$T" "$P"
	if [ "$3" = 1 ]; then tui_wait "$1" "按回车键开始答题"; else
		tui_wait "$1" "Press Enter to begin"; fi
	tui_keys "$1" Enter
	screen_has "$1" "$5" "$2: the first question"
	widths "$1" "$2: the question screen is whole"
	tui_keys "$1" a
	_n=0
	while [ "$(sql "SELECT count(*) FROM paper_item WHERE attempt_id =
	    $(attempt_of "$T") AND response <> ''")" = 0 ] && [ $_n -lt 300 ]; do
		sleep 0.1
		_n=$((_n + 1))
	done
	[ $_n -lt 300 ]; ok $? "$2: the answer is saved"
	tui_keys "$1" g
	tui_wait "$1" "F  "
	widths "$1" "$2: the navigator is whole"
	tui_keys "$1" Escape
	PID=$(tui_pid "$1")
	kill -HUP "$PID"
	pid_gone "$PID" 100
	ok $? "$2: the client ends on hang-up"
}

sit_one c-en "LANG=C LC_ALL=C" 2 1 "Question 1/4"
sit_one c-zh "LANG=C LC_ALL=C" 1 2 "第 1/4 题"
sit_one posix "LANG=POSIX LC_ALL= LC_CTYPE=POSIX" 2 3 "Question 1/4"
sit_one vt100 "TERM=vt100 LC_ALL=C" 1 4 "第 1/4 题"
[ "$(sql 'SELECT count(*) FROM attempt')" = 4 ]
ok $? "four sittings, one per trainee"

done_testing
