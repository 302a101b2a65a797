#!/bin/sh
# A resize storm while a trainee answers: 200 resizes of the window through
# sizes from 10x5 and 1x1 to 250x70, with keys (choose, next, previous,
# flag, navigator) sent all along.  The client survives, every answer and
# flag on screen is the one stored, and back at 80x24 the screen is whole
# and right: title bar, status line, question, hints on the last row.
. "$(dirname "$0")/../tui/lib.sh"
. "$(dirname "$0")/figures.sh"
. "$(dirname "$0")/tui-setup.sh"

mini_db
ok $? "database with the mini exam"
T=$(ticket c1 2) P=$(pin c1 2)

tui_start s 80 24
login s 2 "$T" "$P"
tui_wait s "Press Enter to begin"
tui_keys s Enter
screen_has s "Question 1/4" "question 1"
PID=$(tui_pid s)

# One answer known before the storm: question 1, the first option (true),
# or for an ordering question the steps in the order shown.
TYPE=$(sql "SELECT q.type FROM paper_item p JOIN question q ON q.id =
    p.question_id WHERE p.attempt_id = $(attempt_of "$T") AND p.seq = 0")
if [ "$TYPE" = ordering ]; then tui_keys s a b c; else tui_keys s a; fi
tui_wait s "Answered 1/4"
ok $? "question 1 answered before the storm"
R1=$(item "$T" 0 response)

sizes="10x5 250x70 1x1 80x24 40x12 200x60 79x23 81x25 20x100 300x10 120x40 60x20"
keys="n f p g Escape 2 n b Right Left t f"
i=0
while [ $i -lt 200 ]; do
	set -- $sizes
	shift $((i % 12))
	wh=$1
	tui_resize s "${wh%x*}" "${wh#*x}" 2>/dev/null
	set -- $keys
	shift $((i % 12))
	[ $((i % 3)) -eq 0 ] && tui_keys s "$1"
	i=$((i + 1))
done
pid_alive "$PID"
ok $? "the client survived 200 resizes"
figure "resize storm" "200 resizes from 1x1 to 300x10 and 250x70, client alive"

# settle: until the client has worked through the storm's backlog (its CPU
# time stops moving for half a second, at most 20 s).  Keys sent while it
# is still busy queue up, and Escape read together with the next key is an
# Alt-key the client ignores.
settle() {
	_a=$(cpu_ticks "$PID") _n=0
	while sleep 0.5; do
		_b=$(cpu_ticks "$PID")
		[ "$_a" = "$_b" ] || [ $_n -ge 40 ] && break
		_a=$_b _n=$((_n + 1))
	done
}
tui_resize s 80 24
settle
if tui_wait s "F  " 1; then
	tui_keys s Escape
	tui_wait_gone s "F  "
	settle
fi
# Back to question 1, and let the screen settle.
goto s 0 4
ok $? "the navigator still works"
sleep 0.5
tui_screen s >"$TMP/final.txt"
sed 's/^/# |/' "$TMP/final.txt"
[ "$(wc -l <"$TMP/final.txt")" -eq 24 ] &&
    [ "$(wc -L <"$TMP/final.txt" | tr -d ' ')" -le 80 ]
ok $? "80x24: 24 lines, none wider than 80"
sed -n 1p "$TMP/final.txt" | grep -q "John Smith  $T\$"
ok $? "80x24: the title bar ends with the trainee at column 79"
sed -n 2p "$TMP/final.txt" | grep -q '^ Question 1/4 .*Time left [0-9]* min$'
ok $? "80x24: the status line"
sed -n 24p "$TMP/final.txt" | grep -q '^ A[-/][A-H] choose .* ? help'
ok $? "80x24: key hints on the last row"
! grep -q -e "This window is" -e '�' "$TMP/final.txt"
ok $? "80x24: no leftover of the small-window message, nothing garbled"

[ "$(item "$T" 0 response)" = "$R1" ]
ok $? "the answer given before the storm is intact ($R1)"
on_screen=$(sed -n 2p "$TMP/final.txt" |
    sed 's/.*Answered \([0-9]*\)\/4 *Flagged \([0-9]*\).*/\1\/\2/')
stored=$(db_counts "$T")
# "Answered" counts complete answers only; with no partial orderings
# stored both agree, else the screen may count fewer.
[ "${on_screen#*/}" = "${stored#*/}" ] &&
    [ "${on_screen%/*}" -le "${stored%/*}" ]
ok $? "answered and flagged on screen ($on_screen) match the database ($stored)"
kill -HUP "$PID"
pid_gone "$PID" 100
ok $? "the client ends on hang-up"
[ "$(sql "SELECT count(*) FROM attempt")" = 1 ]
ok $? "still one sitting"

done_testing
