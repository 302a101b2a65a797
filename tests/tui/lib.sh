# tmux helpers for the end-to-end tests of the clients (sourced; POSIX
# sh).  Each test script gets its own tmux server (a socket of its own, our
# configuration only), killed when the script ends; the client
# runs in a window of the size asked for, and the tests read the screen
# with capture-pane.  TAP output through tests/cli/lib.sh.
. "$(dirname "$0")/../cli/lib.sh"

TUI_DIR=$(cd "$(dirname "$0")" && pwd)

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed"
	exit 0
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "1..0 # SKIP the sqlite3 shell is not installed"
	exit 0
fi

# The server's socket lives in the test's directory, removed at the end.
TUI_SOCK="$TMP/tmux.sock"
TUI_CONF="$TMP/tmux.conf"
# Keep a dead pane (to read its screen), and the server between sessions.
cat >"$TUI_CONF" <<'EOF'
set -s exit-empty off
set -g remain-on-exit on
set -g history-limit 100
set -g status off
EOF
trap 'tmux -S "$TUI_SOCK" kill-server >/dev/null 2>&1; rm -rf "$TMP"' EXIT

tm() { tmux -S "$TUI_SOCK" -f "$TUI_CONF" "$@"; }

# tui_db: a database with the mini bank and the four-type exam (mini-all)
# and the shipped course (exam standard); cohorts c1 (mini-all) and c2
# (standard); tickets in $TMP/c1.csv and $TMP/c2.csv (ticket,name,
# community,pin).
tui_db() {
	"$FIRSTLINE" init >/dev/null &&
	"$FIRSTLINE" bank load "$TESTDATA/good/mini-bank.xml" \
	    "$TESTDATA/good/mini-rubric.xml" "$TESTDATA/good/mini-sim.xml" \
	    "$TUI_DIR/mini-all.xml" \
	    "$FIRSTLINE_DATADIR"/rubrics/*.xml \
	    "$FIRSTLINE_DATADIR"/banks/*.xml \
	    "$FIRSTLINE_DATADIR"/exams/standard.xml >/dev/null &&
	"$FIRSTLINE" cohort create "TUI test" --exam mini-all --id c1 \
	    >/dev/null &&
	"$FIRSTLINE" cohort create "TUI test standard" --exam standard \
	    --id c2 >/dev/null &&
	printf 'name,community\n张三,竞秀区东风街道\nJohn Smith,Lianchi\n李四,莲池区\nAlice,Mancheng\n' \
	    >"$TMP/roster.csv" &&
	"$FIRSTLINE" roster import c1 "$TMP/roster.csv" >"$TMP/c1.csv" &&
	"$FIRSTLINE" roster import c2 "$TMP/roster.csv" >"$TMP/c2.csv"
}

# ticket COHORT N / pin COHORT N: the Nth trainee's ticket and PIN (the
# CSV has CRLF line ends).
ticket() {
	tr -d '\r' <"$TMP/$1.csv" | awk -F, -v n="$2" 'NR == n + 1 { print $1 }'
}
pin() {
	tr -d '\r' <"$TMP/$1.csv" | awk -F, -v n="$2" 'NR == n + 1 { print $4 }'
}

# tui_start NAME W H [VAR=VALUE...]: start the client in window NAME of a
# new session, W x H, with the environment given.  The pane runs the
# client itself (exec), so its pid is the client's.
tui_start() {
	name=$1 w=$2 h=$3
	shift 3
	tm new-session -d -s "$name" -x "$w" -y "$h" \
	    "exec env $* '$FIRSTLINE' --db '$FIRSTLINE_DB' sit"
}

# tui_start_rc NAME W H [VAR=VALUE...]: the same, the client's exit status
# going to $TMP/NAME.rc (tmux can be slow to reap a pane's process, so its
# pane_dead_status is not relied on).
tui_start_rc() {
	name=$1 w=$2 h=$3
	shift 3
	rm -f "$TMP/$name.rc"
	tm new-session -d -s "$name" -x "$w" -y "$h" \
	    "env $* '$FIRSTLINE' --db '$FIRSTLINE_DB' sit; echo \$? >'$TMP/$name.rc'"
}

# tui_start_cmd NAME W H COMMAND: the same with a shell command of our own.
tui_start_cmd() {
	tm new-session -d -s "$1" -x "$2" -y "$3" "$4"
}

# tui_pid NAME: the client's pid: the pane's process, or its child when
# the pane runs a shell around the client (waits up to 30 s for the
# child).  The child is read from /proc/PID/task/*/children, not by
# scanning /proc/*/stat: mawk gives up at the first file it cannot open,
# and on a busy machine some process in the list has always ended by then
# (the shell's pid came back instead, and the signal tests failed).
tui_pid() {
	_p=$(tm display-message -p -t "$1" '#{pane_pid}')
	_n=0
	while :; do
		case $(cat "/proc/$_p/comm" 2>/dev/null) in
		sh|dash|bash) ;;
		*) echo "$_p"; return 0 ;;
		esac
		_c=$(cat /proc/"$_p"/task/*/children 2>/dev/null)
		_c=${_c%% *}
		if [ -n "$_c" ]; then
			echo "$_c"
			return 0
		fi
		if [ "$_n" -ge 300 ]; then
			echo "$_p"
			return 1
		fi
		sleep 0.1
		_n=$((_n + 1))
	done
}
tui_dead() { [ "$(tm display-message -p -t "$1" '#{pane_dead}')" = 1 ]; }
# tui_wait_dead NAME [TENTHS]: until the pane's process has ended and tmux
# has noticed (default 30 s: the machine may be busy).
tui_wait_dead() {
	_n=0
	until tui_dead "$1"; do
		[ "$_n" -ge "${2:-300}" ] && return 1
		sleep 0.1
		_n=$((_n + 1))
	done
}
tui_status() { tm display-message -p -t "$1" '#{pane_dead_status}'; }
tui_keys() { n=$1; shift; tm send-keys -t "$n" "$@"; }
tui_text() { n=$1; shift; tm send-keys -t "$n" -l "$@"; }
tui_screen() { tm capture-pane -p -t "$1"; }
tui_resize() { tm resize-window -t "$1" -x "$2" -y "$3"; }

# tui_wait NAME TEXT [TENTHS]: until the screen shows TEXT (fixed
# string), at most TENTHS tenths of a second (default 300: a generous
# deadline, as the machine may be busy; a pass returns at once); leaves
# the screen in SCREEN.
tui_wait() {
	_n=0
	_max=${3:-300}
	while :; do
		SCREEN=$(tui_screen "$1" 2>/dev/null)
		case "$SCREEN" in
		*"$2"*) return 0 ;;
		esac
		[ "$_n" -ge "$_max" ] && return 1
		sleep 0.1
		_n=$((_n + 1))
	done
}

# tui_wait_gone NAME TEXT [TENTHS]: until the screen no longer shows TEXT
# (default 30 s).
tui_wait_gone() {
	_n=0
	_max=${3:-300}
	while :; do
		SCREEN=$(tui_screen "$1" 2>/dev/null)
		case "$SCREEN" in
		*"$2"*) ;;
		*) return 0 ;;
		esac
		[ "$_n" -ge "$_max" ] && return 1
		sleep 0.1
		_n=$((_n + 1))
	done
}

# screen_has NAME TEXT DESC: a TAP result; the screen is shown on failure.
screen_has() {
	if tui_wait "$1" "$2"; then
		ok 0 "$3"
	else
		printf '# wanted on screen: %s\n' "$2"
		printf '%s\n' "$SCREEN" | sed 's/^/#|/'
		ok 1 "$3"
	fi
}

screen_hasnt() {
	SCREEN=$(tui_screen "$1")
	case "$SCREEN" in
	*"$2"*)
		printf '# unwanted on screen: %s\n' "$2"
		printf '%s\n' "$SCREEN" | sed 's/^/#|/'
		ok 1 "$3" ;;
	*) ok 0 "$3" ;;
	esac
}

# pid_alive PID: PID runs (a zombie has ended: its parent reaps it later).
pid_alive() {
	kill -0 "$1" 2>/dev/null &&
	    [ "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" != Z ]
}

# pid_gone PID TENTHS: wait until process PID has ended.
pid_gone() {
	_n=0
	while pid_alive "$1"; do
		[ "$_n" -ge "$2" ] && return 1
		sleep 0.1
		_n=$((_n + 1))
	done
	return 0
}

# tui_idle NAME: until the client has read every key sent to it: asleep
# (state S: a key waiting in its terminal would wake it) in five samples
# running over half a second with no CPU used between them, at most 30 s.
# For checks that a key did nothing, where no screen change can be
# awaited.
tui_idle() {
	_pid=$(tui_pid "$1")
	_n=0 _quiet=0
	_a=$(cpu_ticks "$_pid" 2>/dev/null)
	while [ "$_quiet" -lt 5 ]; do
		[ "$_n" -ge 300 ] && return 1
		sleep 0.1
		_n=$((_n + 1))
		_b=$(cpu_ticks "$_pid" 2>/dev/null) || return 0
		if [ "$_a" = "$_b" ] &&
		    [ "$(awk '{ print $3 }' "/proc/$_pid/stat" 2>/dev/null)" = S ]
		then
			_quiet=$((_quiet + 1))
		else
			_quiet=0
		fi
		_a=$_b
	done
}

# login NAME LANG TICKET PIN: choose the language (1 中文, 2 English) and
# log in; waits for the instructions screen.
login() {
	tui_wait "$1" "Choose the language" || return 1
	tui_keys "$1" "$2" Enter
	tui_wait "$1" "$(if [ "$2" = 1 ]; then echo 准考证号; else
	    echo 'Ticket number'; fi)" || return 1
	tui_text "$1" "$3"
	tui_keys "$1" Enter
	tui_text "$1" "$4"
	tui_keys "$1" Enter
}

# attempt_of TICKET: the id of the ticket's latest attempt.
attempt_of() {
	sql "SELECT a.id FROM attempt a JOIN trainee t ON t.id = a.trainee_id
	    WHERE t.ticket = '$1' ORDER BY a.number DESC LIMIT 1"
}

# item SEQ-FIELD: a column of a paper item, by ticket and 0-based seq.
item() {	# item TICKET SEQ COLUMN
	sql "SELECT $3 FROM paper_item WHERE attempt_id = $(attempt_of "$1")
	    AND seq = $2"
}

# seq_of TICKET TYPE: the 0-based place of the first question of TYPE.
seq_of() {
	sql "SELECT p.seq FROM paper_item p JOIN question q
	    ON q.id = p.question_id WHERE p.attempt_id = $(attempt_of "$1")
	    AND q.type = '$2' ORDER BY p.seq LIMIT 1"
}

# cpu_ticks PID: user + system time of PID so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# goto NAME SEQ COUNT: open question SEQ (0-based) of COUNT through the
# navigator; the status line is English or Chinese.
goto() {
	tui_keys "$1" l
	tui_wait "$1" "F  " || return 1
	tui_keys "$1" Home
	_i=0
	while [ "$_i" -lt "$2" ]; do
		tui_keys "$1" Right
		_i=$((_i + 1))
	done
	tui_keys "$1" Enter
	tui_wait "$1" " $(($2 + 1))/$3" || return 1
	tui_wait_gone "$1" "F  "
}

# ended_with NAME STATUS DESC: a TAP result: the client started with
# tui_start_rc ended with STATUS (waits up to 30 s).
ended_with() {
	_n=0
	while [ ! -s "$TMP/$1.rc" ] && [ "$_n" -lt 300 ]; do
		sleep 0.1
		_n=$((_n + 1))
	done
	_st=$(cat "$TMP/$1.rc" 2>/dev/null)
	[ "$_st" = "$2" ]
	_r=$?
	if [ $_r -ne 0 ]; then
		printf '# exit status: %s\n' "$_st"
		tui_screen "$1" | sed 's/^/#|/'
	fi
	ok $_r "$3"
}
