#!/bin/sh
# The connection drops (issue #7): the trainee client runs on a
# pseudo-terminal of its own (tests/stress/ptyrun, no tmux), a trainee logs
# in and answers, then the master side is closed, as sshd does when the
# network goes.  With SIGHUP delivered and with SIGHUP ignored (nohup, or
# no SIGHUP sent), at the exam and at the login: the client ends promptly
# (within 10 s of wall time, generous for a busy machine), without spinning (its CPU time after the close stays small), with
# exit status 1, and the answer it confirmed is stored.
. "$(dirname "$0")/lib.sh"

if ! stress_db 8; then
	echo "Bail out! cannot make the test database"
	exit 1
fi
export TERM=xterm

# check DESC RESULT: the client ended within 10 s, exit 1, < 300 ms of CPU.
check() {
	_ms=$(echo "$2" | sed -n 's/.*ended_ms=\(-*[0-9]*\).*/\1/p')
	_cpu=$(echo "$2" | sed -n 's/.*cpu_ms=\(-*[0-9]*\).*/\1/p')
	_st=$(echo "$2" | sed -n 's/.*status=\(-*[0-9]*\).*/\1/p')
	echo "# $1: $2"
	[ -n "$_ms" ] && [ "$_ms" -ge 0 ] && [ "$_ms" -le 10000 ]
	ok $? "$1: ended promptly (${_ms:-?} ms; at most 10 s)"
	[ -n "$_cpu" ] && [ "$_cpu" -le 300 ]
	ok $? "$1: no spinning (${_cpu:-?} ms of CPU after the close)"
	[ "${_st:-}" = 1 ]
	ok $? "$1: exit status 1 (${_st:-none})"
	MAXMS=$(( ${_ms:-0} > MAXMS ? ${_ms:-0} : MAXMS ))
	MAXCPU=$(( ${_cpu:-0} > MAXCPU ? ${_cpu:-0} : MAXCPU ))
}
MAXMS=0
MAXCPU=0

# exam N [-i]: trainee N logs in, answers question 1 (B), then the line
# drops.
exam() {
	R=$("$STRESS_BIN/ptyrun" ${2:-} -e "Choose the language" -s '2\r' \
	    -e "Ticket number" -s "$(ticket "$1")\\r$(pin "$1")\\r" \
	    -e "Press Enter to begin" -s '\r' -e "Question 1/50" -s 'B' \
	    -e "saved" -- "$FIRSTLINE" --db "$FIRSTLINE_DB" sit)
}

# answered N: the first question of trainee N has a response.
answered() {
	[ -n "$(sql "SELECT p.response FROM paper_item p JOIN attempt a
	    ON a.id = p.attempt_id JOIN trainee t ON t.id = a.trainee_id
	    WHERE t.ticket = '$(ticket "$1")' AND p.seq = 0")" ]
}

for n in 1 2 3; do
	exam "$n"
	ok $? "trainee $n answered on screen"
	check "exam, SIGHUP delivered, #$n" "$R"
	answered "$n"
	ok $? "the confirmed answer of trainee $n is stored"
done
for n in 4 5 6; do
	exam "$n" -i
	ok $? "trainee $n answered on screen (SIGHUP ignored)"
	check "exam, SIGHUP ignored, #$n" "$R"
	answered "$n"
	ok $? "the confirmed answer of trainee $n is stored"
done

R=$("$STRESS_BIN/ptyrun" -i -e "Choose the language" -- \
    "$FIRSTLINE" --db "$FIRSTLINE_DB" sit)
ok $? "the language choice shown"
check "language choice, SIGHUP ignored" "$R"
R=$("$STRESS_BIN/ptyrun" -i -e "Choose the language" -s '2\r' \
    -e "Ticket number" -s "$(ticket 7)" -- "$FIRSTLINE" --db "$FIRSTLINE_DB" sit)
ok $? "the ticket half typed"
check "login, SIGHUP ignored" "$R"

sound "the database is sound"
figure "hangup slowest end after the close" "$MAXMS ms"
figure "hangup most CPU after the close" "$MAXCPU ms"
done_testing
