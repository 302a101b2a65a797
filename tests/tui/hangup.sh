#!/bin/sh
# The end of the terminal ends the client promptly (well under 2 s on an
# idle machine; the deadline is 10 s, as the machine may be busy) and never
# in a busy loop: the pane closed mid-exam with SIGHUP ignored (nohup, or
# an sshd that does not send it) and not ignored; SIGHUP and SIGTERM sent
# to it.  The keyboard signals are ignored, and the client idles without
# using the CPU.
. "$(dirname "$0")/lib.sh"

tui_db
ok $? "database with the mini exam"

# sit_in NAME N [SHELL-PREFIX]: trainee N of c1 logs in and opens the
# first question; the client runs in a shell after SHELL-PREFIX (e.g. a
# trap), its exit status going to $TMP/NAME.rc.
sit_in() {
	rm -f "$TMP/$1.rc"
	tui_start_cmd "$1" 80 24 "${3:-} '$FIRSTLINE' --db '$FIRSTLINE_DB' sit;
	    echo \$? >'$TMP/$1.rc'"
	login "$1" 2 "$(ticket c1 "$2")" "$(pin c1 "$2")" &&
	    tui_wait "$1" "Press Enter to begin" &&
	    tui_keys "$1" Enter &&
	    tui_wait "$1" "Question 1/4"
}

# ignores PID SIG: whether PID ignores signal number SIG (SigIgn mask).
ignores() {
	mask=$(awk '/^SigIgn:/ { print $2 }' "/proc/$1/status")
	[ $(( (0x$mask >> ($2 - 1)) & 1 )) -eq 1 ]
}

# ------------------------------------------------------ idle, signals
sit_in a 1
ok $? "trainee in the exam"
PID=$(tui_pid a)
ignores "$PID" 2 && ignores "$PID" 3 && ignores "$PID" 20
ok $? "SIGINT, SIGQUIT and SIGTSTP are ignored"
! ignores "$PID" 1 && ! ignores "$PID" 15
ok $? "SIGHUP and SIGTERM are caught"
C0=$(cpu_ticks "$PID")
sleep 3
C1=$(cpu_ticks "$PID")
[ $((C1 - C0)) -le 10 ]
ok $? "idle for 3 s: $((C1 - C0)) clock ticks of CPU (no busy loop)"
kill -HUP "$PID"
pid_gone "$PID" 100
ok $? "SIGHUP ends it promptly (within 10 s on a busy machine)"
ended_with a 1 "with exit status 1"
tm kill-session -t a

sit_in b 1
PID=$(tui_pid b)
kill -TERM "$PID"
pid_gone "$PID" 100
ok $? "SIGTERM ends it promptly (within 10 s on a busy machine)"
tm kill-session -t b

# ---------------------------------------------- the terminal goes away
sit_in c 1
PID=$(tui_pid c)
tm kill-session -t c
pid_gone "$PID" 100
ok $? "pane closed mid-exam: the client ends promptly (within 10 s on a busy machine)"

sit_in d 1 "trap '' HUP;"
ok $? "trainee in the exam with SIGHUP ignored"
PID=$(tui_pid d)
ignores "$PID" 1
ok $? "the client leaves an ignored SIGHUP ignored"
C0=$(cpu_ticks "$PID")
tm kill-session -t d
pid_gone "$PID" 100
r=$?
ok $r "pane closed, SIGHUP ignored: the client ends promptly (within 10 s on a busy machine)"
if [ $r -ne 0 ]; then
	C1=$(cpu_ticks "$PID")
	echo "# still running, $((C1 - C0)) clock ticks of CPU since the close"
	kill -9 "$PID"
fi

# At the login screen too.
tui_start_cmd e 80 24 "trap '' HUP; exec '$FIRSTLINE' --db '$FIRSTLINE_DB' sit"
tui_wait e "Choose the language"
PID=$(tui_pid e)
tm kill-session -t e
pid_gone "$PID" 100
ok $? "pane closed at the language choice, SIGHUP ignored: ends promptly (within 10 s on a busy machine)"

# The answers given before the terminal went away are there.
sit_in f 2
tui_keys f B
tui_wait f "saved"
PID=$(tui_pid f)
tm kill-session -t f
pid_gone "$PID" 100
[ -n "$(item "$(ticket c1 2)" 0 response)" ]
ok $? "an answer given before the hang-up is stored"

done_testing
