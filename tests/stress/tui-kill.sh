#!/bin/sh
# kill -9 of the real client (issue #7): the trainee client in tmux, ten
# rounds of one sitting.  Each round logs in (resuming), answers a few
# questions, reading each confirmation off the screen ("Question 7: answer
# B saved."), presses one more answer and kills the client with SIGKILL at
# once.  Every answer the screen confirmed must be stored with the
# response it named; the resume screen counts the answers stored; the
# database stays sound.
. "$(dirname "$0")/../tui/lib.sh"
. "$(dirname "$0")/lib.sh"

if ! stress_db 1; then
	echo "Bail out! cannot make the test database"
	exit 1
fi
T=$(ticket 1)
P=$(pin 1)

rnd() { echo $(( $(od -An -N2 -tu2 /dev/urandom) % $1 )); }

# expected LINE: the stored response a confirmation line names.
expected() {
	printf '%s\n' "$1" | sed -n \
	    -e 's/.*answer cleared and saved.*/-/p' \
	    -e 's/.*answer True saved.*/1/p' \
	    -e 's/.*answer False saved.*/0/p' \
	    -e 's/.*\(answer\|order so far\) \([A-H][A-H, ]*\) saved.*/\2/p' |
	    head -1 | sed -e 's/, /,/g' -e 'y/ABCDEFGH/01234567/' -e 's/^-$//'
}

# confirmed NAME Q: until the screen confirms an answer to question Q (an
# ordering step already placed is taken back with Backspace).
confirmed() {
	_n=0
	while [ $_n -lt 100 ]; do
		SCREEN=$(tui_screen "$1")
		case "$SCREEN" in
		*"Question $2: "*saved*) return 0 ;;
		*"already in your order"*) tui_keys "$1" BSpace ;;
		esac
		sleep 0.1
		_n=$((_n + 1))
	done
	return 1
}

# complete: the answers stored in full, as the resume screen counts them
# (an ordering only when every step is placed).
complete() {
	sql "SELECT count(*) FROM paper_item p JOIN question q
	    ON q.id = p.question_id WHERE p.response <> '' AND (q.type <>
	    'ordering' OR length(p.response) - length(replace(p.response, ',',
	    '')) + 1 = (SELECT count(*) FROM question_option o
	    WHERE o.question_id = q.id))"
}

# response SEQ: what the database holds for question SEQ (0-based).
response() {
	sql "SELECT p.response FROM paper_item p JOIN attempt a
	    ON a.id = p.attempt_id JOIN trainee t ON t.id = a.trainee_id
	    WHERE t.ticket = '$T' AND p.seq = $1"
}

CONFIRMED=0
for round in 1 2 3 4 5 6 7 8 9 10; do
	s=k$round
	tui_start_cmd "$s" 80 24 "exec '$FIRSTLINE' --db '$FIRSTLINE_DB' sit"
	login "$s" 2 "$T" "$P" && tui_wait "$s" "Press Enter to begin"
	r=$?
	if [ $round -gt 1 ] && [ $r -eq 0 ]; then
		n=$(complete)
		has "continuing your exam: $n of 50 answered" "$SCREEN" \
		    "round $round: the resume screen counts the $n answers stored"
	fi
	tui_keys "$s" Enter
	tui_wait "$s" "/50"
	ok $? "round $round: logged in, at a question"
	j=$((1 + $(rnd 4)))
	i=0
	bad=0
	while [ $i -lt $j ]; do
		q=$(printf '%s\n' "$SCREEN" |
		    sed -n 's/.*Question \([0-9]*\)\/50.*/\1/p' | head -1)
		[ -n "$q" ] || { bad=1; break; }
		if [ "$(rnd 2)" = 0 ]; then key=A; else key=B; fi
		tui_keys "$s" "$key"
		if ! confirmed "$s" "$q"; then
			printf '%s\n' "$SCREEN" | sed 's/^/#|/'
			bad=1
			break
		fi
		line=$(printf '%s\n' "$SCREEN" | grep "Question $q: " | head -1)
		eval "C_$q=\$(expected \"\$line\")"
		eval "U_$q="
		CONFIRMED=$((CONFIRMED + 1))
		tui_keys "$s" n
		tui_wait "$s" "Question $((q % 50 + 1))/50" || { bad=1; break; }
		i=$((i + 1))
	done
	ok $bad "round $round: $j answers confirmed on screen"
	# One more key, and the kill while it may be being saved.
	q=$(printf '%s\n' "$SCREEN" | sed -n 's/.*Question \([0-9]*\)\/50.*/\1/p' |
	    head -1)
	PID=$(tui_pid "$s")
	tui_keys "$s" A
	kill -9 "$PID"
	[ -n "$q" ] && eval "U_$q=1"
	pid_gone "$PID" 100
	ok $? "round $round: the client was killed"
	tm kill-session -t "$s"

	lost=""
	q=1
	while [ $q -le 50 ]; do
		eval "c=\${C_$q-unset} u=\${U_$q-}"
		if [ "$c" != unset ] && [ -z "$u" ] &&
		    [ "$(response $((q - 1)))" != "$c" ]; then
			lost="$lost $q:$c/$(response $((q - 1)))"
		fi
		q=$((q + 1))
	done
	[ -z "$lost" ]
	ok $? "round $round: every answer confirmed so far is stored${lost:+ (lost:$lost)}"
	sound "round $round: the database is sound"
done
figure "tui kill9 rounds" 10
figure "tui kill9 answers confirmed on screen" "$CONFIRMED"
done_testing
