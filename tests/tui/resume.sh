#!/bin/sh
# Losing nothing, in Chinese: kill -9 mid-exam, then log in again (same
# paper, same answers and flags, the clock kept running); expiry with no
# client running (the next command closes the attempt); the time running
# out while the trainee sits; a second login taking the sitting over.
. "$(dirname "$0")/lib.sh"

tui_db
ok $? "database with the mini exam"
T1=$(ticket c1 1) P1=$(pin c1 1)
T2=$(ticket c1 2) P2=$(pin c1 2)
T3=$(ticket c1 3) P3=$(pin c1 3)

# body NAME: the screen between the status line and the message line.
body() { tui_screen "$1" | sed -n '3,22p'; }
# left NAME: seconds left, read from the clock on demand ("t").
left() {
	tui_keys "$1" t
	tui_wait "$1" "剩余时间：" || return 1
	printf '%s\n' "$SCREEN" | sed -n 's/.*剩余时间：\([0-9]*\):\([0-9]*\).*/\1 \2/p' |
	    awk '{ print $1 * 60 + $2 }'
}

# ------------------------------------------------------ kill -9, resume
tui_start a 80 24
login a 1 "$T1" "$P1"
screen_has a "本次笔试共 4 题，限时 10 分钟" "instructions in Chinese"
tui_keys a Enter
screen_has a "第 1/4 题" "first question"
S=$(seq_of "$T1" single)
M=$(seq_of "$T1" multiple)
goto a "$S" 4
ok $? "the single-choice question"
tui_keys a B
screen_has a "已保存" "answer saved"
R1=$(item "$T1" "$S" response)
[ "$R1" = 1 ]
ok $? "the answer is in the database"
goto a "$M" 4
tui_keys a m
screen_has a "[已标记]" "flagged"
goto a "$S" 4
tui_keys a t
tui_wait a "剩余时间："
BEFORE=$(body a | sed '$d')
LEFT1=$(left a)
AID=$(attempt_of "$T1")
DEADLINE=$(sql "SELECT deadline FROM attempt WHERE id = $AID")

PID=$(tui_pid a)
kill -9 "$PID"
pid_gone "$PID" 100
ok $? "kill -9 ends the client"
[ "$(item "$T1" "$S" response)" = "$R1" ] &&
    [ "$(item "$T1" "$M" flagged)" = 1 ]
ok $? "answer and flag survive the kill"
tm kill-session -t a
sleep 2	# the clock must run while no client is there (checked below)
# As if begun on another device: the terminal that resumes it says so.
sql "UPDATE attempt SET mode = 'browser' WHERE id = $AID"

tui_start a 80 24
login a 1 "$T1" "$P1"
screen_has a "你正在继续考试：已答 1/4 题，标记 1 题。" \
    "instructions say the exam continues"
[ "$(sql "SELECT mode FROM attempt WHERE id = $AID")" = terminal ]
ok $? "the sitting is marked as sat at a terminal"
tui_keys a Enter
FIRST=$(sql "SELECT min(seq) FROM paper_item WHERE attempt_id = $AID
    AND seq <> $S")
screen_has a "第 $((FIRST + 1))/4 题" \
    "resumes at the first unanswered question"
goto a "$M" 4
screen_has a "第 $((M + 1))/4 题 [已标记]" "the flag is back"
goto a "$S" 4
tui_keys a t
tui_wait a "剩余时间："
AFTER=$(body a | sed '$d')
[ "$BEFORE" = "$AFTER" ]
r=$?
[ $r -eq 0 ] || printf '# before:\n%s\n# after:\n%s\n' "$BEFORE" "$AFTER" |
    sed 's/^/#|/'
ok $r "same paper, same options in the same order, same answer"
[ "$(attempt_of "$T1")" = "$AID" ]
ok $? "the same attempt"
[ "$(sql "SELECT count(*) FROM attempt a JOIN trainee t
    ON t.id = a.trainee_id WHERE t.ticket = '$T1'")" = 1 ]
ok $? "no second attempt"
[ "$(sql "SELECT deadline FROM attempt WHERE id = $AID")" = "$DEADLINE" ]
ok $? "the deadline is unchanged"
LEFT2=$(left a)
[ -n "$LEFT1" ] && [ -n "$LEFT2" ] && [ "$LEFT2" -le $((LEFT1 - 2)) ]
ok $? "the clock kept running ($LEFT1 s left before, $LEFT2 s after)"

# ---------------------------------------------- expiry with no client
PID=$(tui_pid a)
kill -9 "$PID"
pid_gone "$PID" 100
tm kill-session -t a
sql "UPDATE attempt SET deadline = strftime('%s', 'now') - 1 WHERE id = $AID"
[ "$(sql "SELECT status FROM attempt WHERE id = $AID")" = in-progress ]
ok $? "past the deadline, nothing has touched the attempt yet"
fl attempts c1 --format csv
expect_rc 0 "the proctor view runs"
has "$T1,张三,expired" "$OUT" "the next command closes it as expired"
[ "$(sql "SELECT status FROM attempt WHERE id = $AID")" = expired ]
ok $? "expired in the database"
[ "$(item "$T1" "$S" response)" = "$R1" ]
ok $? "the answer given counts"
tui_start a 80 24
login a 1 "$T1" "$P1"
screen_has a "考试时间到，你的答案已自动提交。" "login after expiry: time is up"
screen_has a "成绩：" "and the score"
tui_keys a Enter
tm kill-session -t a

# ------------------------------------------ time running out while sitting
tui_start b 80 24
login b 2 "$T2" "$P2"
screen_has b "The written test has 4 questions" "second trainee in"
PID=$(tui_pid b)
kill -9 "$PID"
pid_gone "$PID" 100
tm kill-session -t b
B=$(attempt_of "$T2")
sql "UPDATE attempt SET deadline = strftime('%s', 'now') + 8 WHERE id = $B"
tui_start b 80 24
login b 2 "$T2" "$P2"
tui_wait b "Press Enter to begin"
tui_keys b Enter
tui_wait b "Question 1/4"
tui_keys b A
screen_has b "1 minute left" "the one-minute warning"
screen_has b "Time left 0:0" "seconds shown at the end"
screen_has b "Time is up: your answers were submitted automatically." \
    "time is up while sitting" 
[ "$(sql "SELECT status FROM attempt WHERE id = $B")" = expired ]
ok $? "expired in the database"
[ -n "$(item "$T2" 0 response)" ]
ok $? "the answer given before the end is kept"
tm kill-session -t b

# -------------------------------------------------------- take-over
tui_start c 80 24
login c 2 "$T3" "$P3"
tui_wait c "Press Enter to begin"
tui_keys c Enter
screen_has c "Question 1/4" "first terminal sits"
tui_start d 80 24
login d 2 "$T3" "$P3"
screen_has d "The written test has 4 questions" "second terminal logs in"
tui_keys c A
screen_has c "This ticket was opened on another terminal" \
    "the first terminal is told"
[ -z "$(item "$T3" 0 response)" ]
ok $? "the first terminal's key was not stored"
tui_keys c Enter
tui_wait_dead c
ok $? "and it ends"
tui_keys d Enter
tui_keys d A
screen_has d "saved" "the second terminal goes on"

done_testing
