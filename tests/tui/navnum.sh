#!/bin/sh
# The question list of the trainee client (l) on the 50-question standard
# exam: a number typed there is shown and moves the cursor, Enter opens
# that question; Backspace edits the number, Esc cancels it (a second Esc
# leaves the list), a number that names no question (0, 55, 375) is
# refused with a message.  Question 37 opened by typing 3 7 Enter is
# answered, and the database has the answer on question 37, and on no
# other.  At 80x24 and at 120x40.
. "$(dirname "$0")/lib.sh"

tui_db
ok $? "database with the shipped course (the 50-question standard exam)"

# answered TICKET: the 1-based numbers of the questions with an answer.
answered() {
	sql "SELECT group_concat(seq + 1) FROM (SELECT seq FROM paper_item
	    WHERE attempt_id = $(attempt_of "$1") AND response <> ''
	    ORDER BY seq)"
}

# scenario NAME W H N: trainee N of cohort c2 at W x H.
scenario() {
	_s=$1 _w=$2 _h=$3
	_t=$(ticket c2 "$4")
	tui_start "$_s" "$_w" "$_h"
	login "$_s" 2 "$_t" "$(pin c2 "$4")"
	screen_has "$_s" "The written test has 50 questions" \
	    "$_w x $_h: logged in to the 50-question exam"
	tui_keys "$_s" Enter
	screen_has "$_s" "Question 1/50" "$_w x $_h: question 1"

	# 3 7 Enter: question 37.
	tui_keys "$_s" l
	screen_has "$_s" "F  flagged" "$_w x $_h: the question list"
	screen_has "$_s" "digits go to a question" "$_w x $_h: the hint says so"
	tui_keys "$_s" 3
	screen_has "$_s" "Go to question: 3_" "$_w x $_h: the digit typed is shown"
	tui_keys "$_s" 7
	screen_has "$_s" "Go to question: 37_" "$_w x $_h: and the next"
	# The list's header follows its cursor: it is on 37, still the list.
	screen_has "$_s" "Question 37/50" "$_w x $_h: the cursor is on 37"
	screen_has "$_s" "Answered 0   Empty 50" "$_w x $_h: nothing opens before Enter"
	tui_keys "$_s" Enter
	tui_wait_gone "$_s" "Go to question"
	screen_has "$_s" "Question 37/50" "$_w x $_h: 3 7 Enter opens question 37"
	# A whole answer of any type: every option in turn for an ordering.
	_type=$(sql "SELECT q.type FROM paper_item p JOIN question q
	    ON q.id = p.question_id WHERE p.attempt_id = $(attempt_of "$_t")
	    AND p.seq = 36")
	if [ "$_type" = ordering ]; then
		_nopt=$(sql "SELECT length(option_order) -
		    length(replace(option_order, ',', '')) + 1 FROM paper_item
		    WHERE attempt_id = $(attempt_of "$_t") AND seq = 36")
		for _o in A B C D E F G H; do
			[ "$_nopt" -gt 0 ] || break
			tui_keys "$_s" "$_o"
			_nopt=$((_nopt - 1))
		done
	else
		tui_keys "$_s" A
	fi
	screen_has "$_s" "Answered 1/50" "$_w x $_h: question 37 ($_type) answered"
	[ "$(answered "$_t")" = 37 ]
	ok $? "$_w x $_h: the database has the answer on question 37 alone ($(answered "$_t"))"

	# Out of range: refused with a message, the number kept.
	tui_keys "$_s" l
	screen_has "$_s" "F  flagged" "$_w x $_h: the list again"
	tui_keys "$_s" 5
	tui_keys "$_s" 5
	screen_has "$_s" "There is no question 55: the questions are 1–50." \
	    "$_w x $_h: 55 is refused with a message"
	screen_has "$_s" "Go to question: 5_" "$_w x $_h: the 5 typed is kept"
	tui_keys "$_s" BSpace
	tui_wait_gone "$_s" "Go to question"
	screen_hasnt "$_s" "There is no question" \
	    "$_w x $_h: Backspace takes the 5 back and the message goes"
	tui_keys "$_s" 0
	screen_has "$_s" "There is no question 0:" "$_w x $_h: 0 is refused"
	# Backspace edits: 1 9, Backspace, 2: question 12.
	tui_keys "$_s" 1
	screen_has "$_s" "Go to question: 1_" "$_w x $_h: 1"
	tui_keys "$_s" 9
	screen_has "$_s" "Go to question: 19_" "$_w x $_h: 19"
	tui_keys "$_s" BSpace
	screen_has "$_s" "Go to question: 1_" "$_w x $_h: Backspace edits it: 1"
	tui_keys "$_s" 2
	screen_has "$_s" "Go to question: 12_" "$_w x $_h: 12"
	tui_keys "$_s" 5
	screen_has "$_s" "There is no question 125:" "$_w x $_h: 125 is refused"
	tui_keys "$_s" Enter
	screen_has "$_s" "Question 12/50" "$_w x $_h: Enter opens question 12"
	tui_wait_gone "$_s" "Go to question"

	# Esc cancels the number; a second Esc leaves the list.
	tui_keys "$_s" l
	screen_has "$_s" "F  flagged" "$_w x $_h: the list once more"
	tui_keys "$_s" 4
	screen_has "$_s" "Go to question: 4_" "$_w x $_h: 4 typed"
	tui_keys "$_s" Escape
	screen_has "$_s" "F  flagged" "$_w x $_h: Esc cancels the number"
	screen_hasnt "$_s" "Go to question" "$_w x $_h: the number is gone"
	screen_has "$_s" "Answered 1   Empty 49" "$_w x $_h: still the list"
	tui_keys "$_s" Escape
	screen_has "$_s" "Question 12/50" "$_w x $_h: a second Esc leaves the list"
	# Arrows after a number: the number is dropped, the arrow moves.
	tui_keys "$_s" l
	screen_has "$_s" "F  flagged" "$_w x $_h: the list"
	tui_keys "$_s" 2
	screen_has "$_s" "Go to question: 2_" "$_w x $_h: 2 typed"
	tui_keys "$_s" Right
	tui_wait_gone "$_s" "Go to question"
	tui_keys "$_s" Enter
	screen_has "$_s" "Question 3/50" "$_w x $_h: Right from 2, Enter: question 3"
	[ "$(answered "$_t")" = 37 ]
	ok $? "$_w x $_h: the answers are still on 37 alone"
	tm kill-session -t "$_s"
}

scenario small 80 24 1
scenario big 120 40 2

done_testing
