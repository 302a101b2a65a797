#!/bin/sh
# What the trainee client lets a trainee see and change: no key on any
# screen before submission (no explanation, no correct option marked);
# after submission no key press changes the stored answers; while the
# client runs the database and its -wal and -shm files are 0600, under
# umask 000 too.
. "$(dirname "$0")/lib.sh"

umask 000
tui_db
ok $? "database with the mini exam (umask 000)"
T=$(ticket c1 2) P=$(pin c1 2)
DB=$FIRSTLINE_DB

tui_start k 80 24
login k 2 "$T" "$P"
tui_wait k "Press Enter to begin"
tui_keys k Enter
screen_has k "Question 1/4" "the first question"

# Every database file exists while the client is in and is 0600.
for f in "$DB" "$DB-wal" "$DB-shm"; do
	m=$(stat -c %a "$f" 2>/dev/null)
	[ "$m" = 600 ]; ok $? "client running: ${f##*/} is 0600 (${m:-missing})"
done

# Every question, and the navigator, without a key.
: >"$TMP/screens"
i=1
while [ $i -le 4 ]; do
	tui_wait k "Question $i/4"
	tui_screen k >>"$TMP/screens"
	[ $i -lt 4 ] && tui_keys k n
	i=$((i + 1))
done
tui_keys k l
tui_wait k "F  "
tui_screen k >>"$TMP/screens"
tui_keys k Escape
for e in "119 is the fire number." "120 ambulance, 110 police." \
    "Never use the lift in a fire." "Switch on, attach pads" \
    "119是火警电话" "Explanation" "Correct answer"; do
	! grep -q "$e" "$TMP/screens"
	ok $? "before submission no screen shows \"$e\""
done

# Answer question 4 (whatever it is) and submit.
tui_keys k a
tui_wait k "Answered 1/4"
tui_keys k s
tui_wait k "Submit your answers?"
tui_keys k y
screen_has k "Your answers are submitted." "submitted"
before=$(sql "SELECT group_concat(seq || ':' || response || ':' || flagged)
    FROM paper_item WHERE attempt_id = $(attempt_of "$T")")
for key in a b 1 2 f g m l n p s y; do
	tui_keys k "$key"
done
# Enter ends the result screen: once it has gone (the client ended or
# moved on), every key before it has been read.
tui_keys k Enter
_n=0
while ! tui_dead k && tui_screen k | grep -q "Your answers are submitted." &&
    [ $_n -lt 300 ]; do
	sleep 0.1
	_n=$((_n + 1))
done
[ $_n -lt 300 ]; ok $? "the keys after submission were read (Enter ends the result screen)"
after=$(sql "SELECT group_concat(seq || ':' || response || ':' || flagged)
    FROM paper_item WHERE attempt_id = $(attempt_of "$T")")
[ "$before" = "$after" ]; ok $? "after submission no key changes an answer or flag"
[ "$(sql "SELECT status FROM attempt WHERE id = $(attempt_of "$T")")" = submitted ]
ok $? "the attempt stays submitted"

PID=$(tui_pid k)
kill -HUP "$PID" 2>/dev/null
pid_gone "$PID" 100
for f in "$DB" "$DB-wal" "$DB-shm"; do
	[ -e "$f" ] || continue
	m=$(stat -c %a "$f")
	[ "$m" = 600 ]; ok $? "client gone: ${f##*/} is 0600 ($m)"
done

done_testing
