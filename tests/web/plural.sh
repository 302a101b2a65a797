#!/bin/sh
# The browser sitting counts in English plurals through ngettext: a test of
# one question in one minute reads "1 question", "1 minute", one of four
# "4 questions", "10 minutes"; the Chinese pages keep their one form.
. "$(dirname "$0")/lib.sh"

web_db && "$FIRSTLINE" bank load "$TESTDATA/good/one-exam.xml" >/dev/null &&
    "$FIRSTLINE" cohort create "one" --exam one-exam --id c3 >/dev/null &&
    "$FIRSTLINE" roster import c3 "$TMP/roster.csv" >"$TMP/c3.csv"
ok $? "a database with a one-question, one-minute exam"
web_start || { echo "Bail out! the server did not start"; exit 1; }

# login3 JAR N LANG: trainee N of cohort c3.
login3() {
	row=$(tr -d '\r' <"$TMP/c3.csv" | awk -F, -v n="$2" 'NR == n + 1')
	get "$1" "/?lang=$3" && keep_csrf "$1" &&
	post "$1" /login "lang=$3&ticket=${row%%,*}&pin=${row##*,}"
}

login3 a 1 en
location /exam "English, one question: logged in"
get a /exam
has "The written test has 1 question and lasts 1 minute." "$BODY" \
    "instructions: 1 question, 1 minute"
get a /submit
has "Answered: 0 of 1 question." "$BODY" "submit: 0 of 1 question"

login b 2 en
location /exam "English, four questions: logged in"
get b /exam
has "The written test has 4 questions and lasts 10 minutes." "$BODY" \
    "instructions: 4 questions, 10 minutes"
get b /submit
has "Answered: 0 of 4 questions." "$BODY" "submit: 0 of 4 questions"

login3 c 3 zh
location /exam "Chinese, one question: logged in"
get c /exam
has "本次笔试共 1 题，限时 1 分钟。" "$BODY" "Chinese: 1 题，1 分钟"
get c /submit
has "已答：0/1 题。" "$BODY" "Chinese submit: 已答 0/1 题"

done_testing
