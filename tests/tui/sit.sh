#!/bin/sh
# The trainee client in tmux, in English: language choice, login, a wrong
# PIN (not echoed) and the slow-down after repeated failures, instructions,
# answering every question type (each answer in the database before the
# screen says "saved"), flagging, next/previous, the navigator, help,
# Ctrl-C and Ctrl-Z, the submit confirmation with its counts, the result,
# and a login after submission.
. "$(dirname "$0")/lib.sh"

tui_db
ok $? "database with the mini exam and two cohorts"
T1=$(ticket c1 1) P1=$(pin c1 1)
T2=$(ticket c1 2) P2=$(pin c1 2)

# ------------------------------------------------------------ login
T3=$(ticket c1 3) P3=$(pin c1 3)
tui_start s 80 24
screen_has s "Choose the language of your exam" "language choice first"
screen_has s "2  English" "both languages offered"
tui_keys s 2 Enter
screen_has s "Ticket number:" "login screen in English"

# Three wrong PINs: refused, recorded, then a wait.
tui_text s "$T3"
tui_keys s Enter
tui_text s "999999"
screen_has s "******" "the PIN shows as stars"
screen_hasnt s "999999" "the PIN is not echoed"
tui_keys s Enter
screen_has s "Wrong ticket number or PIN" "wrong PIN refused"
[ "$(sql "SELECT count(*) FROM auth_failure WHERE who = '$T3'")" = 1 ]
ok $? "the failure is recorded"
tui_text s "999998"
tui_keys s Enter
tui_wait_gone s "******"
tui_text s "999997"
tui_keys s Enter
screen_has s "Too many wrong tries" "third failure: the client says to wait"
[ "$(sql "SELECT count(*) FROM auth_failure WHERE who = '$T3'")" = 3 ]
ok $? "three failures recorded"
# Five more failures make the wait a minute: the right PIN is held back
# (not even checked) until it is over.
for i in 1 2 3 4 5; do
	sql "INSERT INTO auth_failure (kind, who, at)
	    VALUES ('ticket', '$T3', strftime('%s', 'now'))"
done
tui_keys s C-u
tui_text s "$P3"
tui_keys s Enter
screen_has s "Too many wrong tries. Please wait" \
    "the right PIN during the wait is held back"
[ "$(sql "SELECT count(*) FROM auth_failure WHERE who = '$T3'")" = 8 ]
ok $? "the held-back try is not checked"
hasnt "Question" "$SCREEN" "no exam during the wait"
has "then try again, or ask the" "$SCREEN" "the wait says the proctor can help"
# The proctor sees the wait and lets the trainee in at once.
printf 'organizer-pw\n' >"$TMP/org.pw"
"$FIRSTLINE" user add boss --role organizer --password-file "$TMP/org.pw"
wait_s=$("$FIRSTLINE" attempts c1 --format csv | tr -d '\r' |
    awk -F, -v t="$T3" '$1 == t { print $8 }')
[ "${wait_s:-0}" -gt 0 ]; ok $? "attempts shows the ticket's login wait ($wait_s s)"
"$FIRSTLINE" attempt unlock c1 "$T3" --by boss --password-file "$TMP/org.pw" \
    >"$TMP/unlock.out"
ok $? "attempt unlock"
has "$T3: 8 failed logins cleared" "$(cat "$TMP/unlock.out")" "says how many"
screen_has s "You can try again now." "the waiting screen notices the unlock by itself"
tui_keys s C-u
tui_text s "$P3"
tui_keys s Enter
screen_has s "The written test has" "unlocked: the right PIN logs in at once"

# Another trainee: a wrong PIN, then the right one.
tm kill-session -t s
tui_start_rc s 80 24
login s 2 "$T2" 123456
screen_has s "Wrong ticket number or PIN" "wrong PIN refused again"
tui_text s "$P2"
tui_keys s Enter
screen_has s "The written test has 4 questions and lasts 10 minutes" \
    "right PIN: instructions"
screen_has s "John Smith, ticket $T2, community Lianchi" \
    "instructions name the trainee"
tui_keys s Enter
screen_has s "Question 1/4" "question screen"
screen_has s "Answered 0/4" "answered count"
screen_has s "Time left 9 min" "time left"
screen_has s "Test exam (every type)" "exam title in the header"
screen_has s "John Smith  $T2" "trainee in the header"

# ------------------------------------------------- every question type
S=$(seq_of "$T2" single)
M=$(seq_of "$T2" multiple)
F=$(seq_of "$T2" truefalse)
O=$(seq_of "$T2" ordering)

goto s "$S" 4
ok $? "navigator opens the single-choice question"
screen_has s "Single choice: choose one answer." "single choice says so"
tui_keys s B
screen_has s "answer B saved" "single: B saved"
[ "$(item "$T2" "$S" response)" = 1 ]
ok $? "single: response 1 stored"
screen_has s "(*) B." "single: B marked"
screen_has s "Answered 1/4" "answered count follows"
tui_keys s 3
screen_has s "answer C saved" "single: 3 chooses C"
[ "$(item "$T2" "$S" response)" = 2 ]
ok $? "single: response 2 stored"

goto s "$M" 4
ok $? "navigator opens the multiple-choice question"
tui_keys s A
screen_has s "answer A saved" "multiple: A"
tui_keys s C
screen_has s "answer A, C saved" "multiple: A and C"
[ "$(item "$T2" "$M" response)" = "0,2" ]
ok $? "multiple: response 0,2 stored"
tui_keys s A
screen_has s "answer C saved" "multiple: A again takes it back"
[ "$(item "$T2" "$M" response)" = "2" ]
ok $? "multiple: response 2 stored"
screen_has s "[x] C." "multiple: C ticked"

goto s "$F" 4
ok $? "navigator opens the true/false question"
screen_has s "B. False" "true/false offers True and False"
tui_keys s B
screen_has s "answer False saved" "true/false: False"
[ "$(item "$T2" "$F" response)" = 0 ]
ok $? "true/false: response 0 stored"

goto s "$O" 4
ok $? "navigator opens the ordering question"
tui_keys s C A
screen_has s "Your order: C, A" "ordering: the order pressed"
[ "$(item "$T2" "$O" response)" = "2,0" ]
ok $? "ordering: response 2,0 stored"
screen_has s "[1] C." "ordering: C is first"
tui_keys s BSpace
# "Your order: C" is also a prefix of the line before: wait for A to go.
tui_wait_gone s "Your order: C, A" 300
screen_has s "Your order: C" "Backspace takes back the last step"
[ "$(item "$T2" "$O" response)" = "2" ]
ok $? "ordering: response 2 stored"
tui_keys s A B
screen_has s "Your order: C, A, B" "ordering complete"
[ "$(item "$T2" "$O" response)" = "2,0,1" ]
ok $? "ordering: response 2,0,1 stored"

# ------------------------------------------------ flag and navigation
tui_keys s m
screen_has s "flagged for review" "m flags"
screen_has s "[flagged]" "the header shows the flag"
[ "$(item "$T2" "$O" flagged)" = 1 ]
ok $? "the flag is stored"
tui_keys s Home
screen_has s "Question 1/4" "Home: first question"
tui_keys s n
screen_has s "Question 2/4" "n: next"
tui_keys s Right
screen_has s "Question 3/4" "Right: next"
tui_keys s p
screen_has s "Question 2/4" "p: previous"
tui_keys s Left
screen_has s "Question 1/4" "Left: previous"
tui_keys s l
screen_has s "Answered 4   Empty 0   Flagged 1" "navigator counts"
screen_has s "$((O + 1))*F" "navigator marks answered and flagged"
tui_keys s Escape
screen_has s "Question 1/4" "Esc leaves the navigator"

tui_keys s '?'
screen_has s "flag or unflag for review" "help"
tui_keys s x
screen_has s "Question 1/4" "any key leaves help"

# Clearing an answer: Backspace on the true/false question.
goto s "$F" 4
tui_keys s BSpace
screen_has s "answer cleared and saved" "Backspace clears"
[ "$(item "$T2" "$F" response)" = "" ]
ok $? "the cleared answer is stored empty"

# ---------------------------------------- Ctrl-C and Ctrl-Z do nothing
PID=$(tui_pid s)
tui_keys s C-c
screen_has s "The exam goes on" "Ctrl-C does not leave the exam"
tui_keys s C-z
tui_keys s 'C-\'
# A key after them must still work (t: the time left): the client has read
# past them and is neither stopped nor gone.
tui_keys s t
tui_wait s "(the exam ends at" && kill -0 "$PID" 2>/dev/null && ! tui_dead s
ok $? "Ctrl-C, Ctrl-Z and Ctrl-\\ leave the client running"
kill -INT "$PID"
kill -TSTP "$PID"
kill -QUIT "$PID"

# ----------------------------------------------------------- submit
# (s answering after the signals shows they left the client running.)
tui_keys s s
screen_has s "Submit your answers?" "s asks to confirm"
[ "$(awk '{ print $3 }' "/proc/$PID/stat")" != T ] && kill -0 "$PID"
ok $? "SIGINT, SIGTSTP and SIGQUIT leave it running (not stopped)"
screen_has s "Answered: 3 of 4 questions." "confirmation: answered"
screen_has s "Empty: 1 (question $((F + 1)))." "confirmation: empty count"
screen_has s "Flagged for review: 1 (question $((O + 1)))." \
    "confirmation: flagged count"
tui_keys s n
screen_has s "Question $((F + 1))/4" "n goes back"
[ "$(sql "SELECT status FROM attempt WHERE id = $(attempt_of "$T2")")" = \
    in-progress ]
ok $? "not submitted"
tui_keys s s
tui_wait s "Submit your answers?"
tui_keys s y
screen_has s "Your answers are submitted." "y submits"
screen_has s "Score:" "result shows the score"
screen_has s "By module:" "result per module"
screen_has s "Test module" "the module is listed by its title"
[ "$(sql "SELECT status FROM attempt WHERE id = $(attempt_of "$T2")")" = \
    submitted ]
ok $? "the attempt is submitted in the database"
tui_keys s Enter
ended_with s 0 "Enter ends the client with status 0"

# A login after submission shows the result again, not the paper.
tm kill-session -t s
tui_start s 80 24
login s 2 "$T2" "$P2"
screen_has s "Your answers are submitted." "after submission: the result"
hasnt "Question 1/4" "$SCREEN" "after submission: no question"
tui_keys s Enter

# ----------------------------------------------- Esc leaves the login
tm kill-session -t s
tui_start_rc s 80 24
tui_wait s "Choose the language"
tui_keys s Enter
tui_wait s "Ticket number"
tui_keys s Escape
ended_with s 0 "Esc on the login screen ends the client"

done_testing
