#!/bin/sh
# The trainee client counts in English plurals through ngettext: a test of
# one question in one minute reads "1 question", "1 minute", a test of
# four "4 questions" (the "1 minute left" warning: resume.sh); the Chinese
# screens keep their one form.
. "$(dirname "$0")/lib.sh"

tui_db && "$FIRSTLINE" bank load "$TESTDATA/good/one-exam.xml" >/dev/null &&
    "$FIRSTLINE" cohort create "one" --exam one-exam --id c3 >/dev/null &&
    "$FIRSTLINE" roster import c3 "$TMP/roster.csv" >"$TMP/c3.csv"
ok $? "a database with a one-question, one-minute exam"

# ------------------------------------------------ one question, English
tui_start a 80 24
login a 2 "$(ticket c3 1)" "$(pin c3 1)"
screen_has a "The written test has 1 question and lasts 1 minute." \
    "instructions: 1 question, 1 minute"
# More time, so that a busy machine does not end the test under us.
sql "UPDATE attempt SET deadline = deadline + 3600"
tui_keys a Enter
tui_wait a "Question 1/1"
tui_keys a s
screen_has a "Answered: 0 of 1 question." "submit: 0 of 1 question"
screen_has a "Empty: 1 (question 1)." "submit: 1 empty (question 1)"
tm kill-session -t a

# ------------------------------------------------ four questions, English
tui_start b 80 24
login b 2 "$(ticket c1 2)" "$(pin c1 2)"
screen_has b "The written test has 4 questions and lasts 10 minutes." \
    "instructions: 4 questions, 10 minutes"
tui_keys b Enter
tui_wait b "Question 1/4"
tui_keys b s
screen_has b "Answered: 0 of 4 questions." "submit: 0 of 4 questions"
screen_has b "Empty: 4 (questions 1, 2, 3, 4)." "submit: 4 empty (questions)"
tm kill-session -t b

# ------------------------------------------------ Chinese, one form
tui_start c 80 24
login c 1 "$(ticket c3 3)" "$(pin c3 3)"
screen_has c "本次笔试共 1 题，限时 1 分钟。" "Chinese: 1 题，1 分钟"
sql "UPDATE attempt SET deadline = deadline + 3600"
tui_keys c Enter
tui_wait c "第 1/1 题"
tui_keys c s
screen_has c "已答：0/1 题。" "Chinese submit: 已答 0/1 题"
screen_has c "未答：1 题（第 1 题）。" "Chinese submit: 未答 1 题"
tm kill-session -t c
tui_start d 80 24
login d 1 "$(ticket c1 3)" "$(pin c1 3)"
screen_has d "本次笔试共 4 题，限时 10 分钟。" "Chinese: 4 题，10 分钟"
tm kill-session -t d

done_testing
