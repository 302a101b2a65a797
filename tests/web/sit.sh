#!/bin/sh
# firstline serve, the browser sitting, over real HTTP with curl: login
# (the core's check and slowdown), the strict headers and cookies, every
# question type answered and committed, flag, list, reload and the back
# button (POST-redirect-GET), a phone that slept, a second phone taking the
# sitting over, submit with the empty and flagged counts, the result,
# expiry with no page open, English, and a clean stop on SIGTERM.
. "$(dirname "$0")/lib.sh"

web_db || { echo "Bail out! cannot build the test database"; exit 1; }
web_start || { echo "Bail out! the server did not start"; exit 1; }
T1=$(ticket 1)

# ------------------------------------------------------------ login page
get a /
code 200 "the login page"
has "准考证号" "$BODY" "in Chinese by default"
has "English" "$BODY" "with the choice of English"
has "Content-Security-Policy: default-src 'self'" "$HDR" "a strict CSP"
has "Cache-Control: no-store" "$HDR" "not cached"
has "X-Content-Type-Options: nosniff" "$HDR" "nosniff"
has "HttpOnly; SameSite=Strict" "$HDR" "the pre-login cookie is HttpOnly, SameSite=Strict"
hasnt "<script>" "$BODY" "no inline script"
[ ${#BODY} -lt 4096 ]
ok $? "the login page is small (${#BODY} bytes)"
keep_csrf a

post a /login "lang=zh&ticket=$T1&pin=000000"
code 401 "a wrong PIN is refused"
has "准考证号或密码错误" "$BODY" "and said so"
[ "$(sql "SELECT count(*) FROM auth_failure WHERE who = '$T1'")" = 1 ]
ok $? "the failure is recorded by the core (the terminal client's rule)"
[ "$(sql "SELECT count(*) FROM web_session")" = 0 ]
ok $? "no session for a wrong PIN"

login a 1
location /exam "the right PIN logs in"
has "fl_sid=" "$HDR" "a session cookie"
SID=$(printf '%s\n' "$HDR" | sed -n 's/^Set-Cookie: fl_sid=\([0-9a-f]*\);.*/\1/p')
[ ${#SID} -eq 64 ]
ok $? "the session id is 256 random bits"
has "fl_sid=$SID; Path=/; HttpOnly; SameSite=Strict" "$HDR" "HttpOnly, SameSite=Strict"
hasnt "Secure" "$HDR" "no Secure flag without TLS"
[ "$(sql "SELECT count(*) FROM web_session WHERE sid_hash = '$SID'")" = 0 ] &&
[ "$(sql "SELECT count(*) FROM web_session")" = 1 ]
ok $? "the database keeps a hash of the session id, not the id"
AID=$(aid_of 1)
[ "$(sql "SELECT mode FROM attempt WHERE id = $AID")" = browser ]
ok $? "the attempt is marked as sat in a browser"

get a /exam
code 200 "the instructions"
has "张三" "$BODY" "name the trainee"
has "本次笔试共 4 题" "$BODY" "and the number of questions"
has 'id="clock" data-left="' "$BODY" "the server's clock"

# ------------------------------------------------------------ answering
N=$(sql "SELECT count(*) FROM paper_item WHERE attempt_id = $AID")
i=1
while [ $i -le "$N" ]; do
	get a "/q/$i"
	keep_csrf a
	answer_form
	form=$FORM; want=$WANT; type=$TYPE
	eval "SEEN_$type=$i"
	post a "/q/$i" "$form&go=next"
	if [ $i -lt "$N" ]; then
		location "/q/$((i + 1))?saved=1" "question $i ($type) saved, on to the next"
	else
		location /submit "question $i ($type) saved, on to submitting"
	fi
	got=$(sql "SELECT response FROM paper_item WHERE attempt_id = $AID AND seq = $((i - 1))")
	[ "$got" = "$want" ]
	ok $? "question $i ($type): \"$want\" is in the database (got \"$got\")"
	i=$((i + 1))
done
for type in single multiple truefalse ordering; do
	eval "v=\${SEEN_$type:-}"
	[ -n "$v" ]
	ok $? "the paper has a $type question"
done

get a "/q/2?saved=1"
has "答案已保存" "$BODY" "the next page says the answer was saved"

# Reload and the back button: a GET shows what is stored.
get a "/q/$SEEN_multiple"
has 'name="a" value="0" checked' "$BODY" "reload: the multiple-choice answer is shown (A)"
has 'name="a" value="2" checked' "$BODY" "reload: ... and C"
get a "/q/$SEEN_ordering"
has '<option selected>' "$BODY" "reload: the ordering places are shown"

# Flag (the single-choice question, its answer posted with the flag).
S=$SEEN_single
get a "/q/$S"
keep_csrf a
post a "/q/$S" "t=1&a=1&go=flag"
location "/q/$S?saved=flag" "flag question $S"
[ "$(sql "SELECT flagged FROM paper_item WHERE attempt_id = $AID AND seq = $((S - 1))")" = 1 ]
ok $? "the flag is in the database"
get a "/q/$S?saved=flag"
has "已标记待查" "$BODY" "the page says it is flagged"
has 'class="flagged">取消标记' "$BODY" "and offers to remove the flag"
get a /list
code 200 "the list of questions"
has "class=\"q done flag\" href=\"/q/$S\"" "$BODY" "shows question $S answered and flagged"

# Clear an answer (the true/false one).
TF=$SEEN_truefalse
get a "/q/$TF"
keep_csrf a
has "清除答案" "$BODY" "an answered question offers to clear it"
post a "/q/$TF" "t=1&go=clear"
location "/q/$TF?saved=1" "clear question $TF"
[ "$(sql "SELECT response FROM paper_item WHERE attempt_id = $AID AND seq = $((TF - 1))")" = "" ]
ok $? "cleared in the database"

# A single choice posted without a choice changes nothing.
post a "/q/$SEEN_single" "t=1&go=next"
[ "$(sql "SELECT response FROM paper_item WHERE attempt_id = $AID AND seq = $((SEEN_single - 1))")" = 1 ]
ok $? "no choice posted: the stored answer is kept"

# An ordering with a repeated place is refused and explained.
get a "/q/$SEEN_ordering"
keep_csrf a
post a "/q/$SEEN_ordering" "t=1&p0=1&p1=1&p2=&p3=&go=next"
code 422 "an ordering with a place given twice is refused"
has "未保存" "$BODY" "and the page says it was not saved"

# --------------------------------------------------- a phone that slept
sql "UPDATE web_session SET created_at = created_at - 3600"
get a /q/3
code 200 "an hour later the same session goes on"
sql "UPDATE web_session SET created_at = created_at - 13 * 3600"
get a /q/3
location / "after 13 hours the session has ended: log in again"
login a 1
location /exam "logged in again"
get a /exam
has "你正在继续考试" "$BODY" "the exam continues"
get a "/q/$SEEN_multiple"
has 'name="a" value="2" checked' "$BODY" "with the answers kept"

# ----------------------------------------------------------- take-over
get a /q/3
keep_csrf a	# the first phone shows question 3 ...
login b 1
location /exam "a second phone logs in with the same ticket"
get a /q/3
code 409 "the first phone's next request is refused"
has "另一台设备" "$BODY" "and says the exam continues on another device"
BEFORE=$(sql "SELECT group_concat(response, ';') FROM paper_item WHERE attempt_id = $AID")
post a /q/3 "t=1&go=clear"
code 409 "an answer from the first phone is refused"
[ "$(sql "SELECT group_concat(response, ';') FROM paper_item WHERE attempt_id = $AID")" = "$BEFORE" ]
ok $? "and not stored"
get b /list
has "已答：3/4 题" "$BODY" "the second phone has the answers so far"

# -------------------------------------------------------------- submit
get b /submit
code 200 "the submit page"
has "未答：1 题" "$BODY" "counts the empty questions"
has "标记待查：1 题" "$BODY" "and the flagged ones"
keep_csrf b
post b /submit ""
location /result "submit"
[ "$(sql "SELECT status FROM attempt WHERE id = $AID")" = submitted ]
ok $? "submitted in the database"
get b /result
code 200 "the result"
has "你的答案已提交" "$BODY" "says the answers are in"
has "成绩：" "$BODY" "with the score (the exam shows results)"
hasnt "clock.js" "$BODY" "no clock on the result"
get b /q/1
location /result "a question after submitting goes to the result"
post b "/q/$TF" "t=1&a=1&go=next"
location /result "an answer after submitting is not taken"
[ "$(sql "SELECT response FROM paper_item WHERE attempt_id = $AID AND seq = $((TF - 1))")" = "" ]
ok $? "and not stored"
fl attempts c1 --format csv
has "$T1,张三,submitted" "$OUT" "the proctor view shows the sitting submitted"

# --------------------------------------------------------------- expiry
T2=$(ticket 2)
login c 2 en
location /exam "trainee 2 logs in in English"
get c /exam
has "The written test has 4 questions" "$BODY" "the instructions are in English"
get c /q/1
has "Save and next" "$BODY" "so are the buttons"
keep_csrf c
answer_form
post c /q/1 "$FORM&go=next"
location "/q/2?saved=1" "an answer"
AID2=$(aid_of 2)
sql "UPDATE attempt SET deadline = strftime('%s', 'now') - 1 WHERE id = $AID2"
get c /q/2
location /result "past the deadline the next page is the result"
[ "$(sql "SELECT status FROM attempt WHERE id = $AID2")" = expired ]
ok $? "expired and graded in the database"
get c /result
has "Time is up" "$BODY" "the result says time was up"
[ "$(sql "SELECT response FROM paper_item WHERE attempt_id = $AID2 AND seq = 0")" = "$WANT" ]
ok $? "the answer given before the deadline is kept"

# Expiry with no page open: the next command closes it.
login d 3
location /exam "trainee 3 logs in"
AID3=$(aid_of 3)
sql "UPDATE attempt SET deadline = strftime('%s', 'now') - 1 WHERE id = $AID3"
fl attempts c1 --format csv
has "$(ticket 3),李四,expired" "$OUT" "with no page open, the proctor view closes it"
get d /exam
location /result "the phone then shows the result"
get d /result
has "考试时间到" "$BODY" "time is up"

# ------------------------------------------------------------------ stop
# SIGTERM with answers in flight: every answer the server confirmed (303)
# is in the database.
T4=$(ticket 4)
login f 4
location /exam "trainee 4 logs in"
AID4=$(aid_of 4)
forms=
i=1
while [ $i -le 4 ]; do
	get f "/q/$i"
	keep_csrf f
	answer_form
	printf '%s\n' "$WANT" >"$TMP/want$i"
	printf 'csrf=%s&%s&go=save' "$(csrf_of f)" "$FORM" >"$TMP/form$i"
	i=$((i + 1))
done
pids=
for i in 1 2 3 4; do
	curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -m 30 -b "$TMP/f.jar" \
	    --data-binary "@$TMP/form$i" "$URL/q/$i" >"$TMP/code$i" 2>/dev/null &
	pids="$pids $!"
done
# Stop as soon as one is answered: the others are then under way.
i=0
while ! grep -q "^303" "$TMP"/code? 2>/dev/null && [ $i -lt 300 ]; do
	sleep 0.02; i=$((i + 1))
done
kill -TERM "$WEB_PID"
wait $pids
wait "$WEB_PID"
RC=$?
WEB_PID=
confirmed=0 kept=0
for i in 1 2 3 4; do
	echo "# code $i: $(cat "$TMP/code$i")"
	case "$(cat "$TMP/code$i")" in 303*) ;; *) continue ;; esac
	confirmed=$((confirmed + 1))
	got=$(sql "SELECT response FROM paper_item WHERE attempt_id = $AID4 AND seq = $((i - 1))")
	if [ "$got" = "$(cat "$TMP/want$i")" ]; then
		kept=$((kept + 1))
	else
		echo "# question $i: confirmed $(cat "$TMP/want$i"), stored \"$got\""
	fi
done
[ $confirmed -ge 1 ] && [ $kept -eq $confirmed ]
ok $? "stopping with answers in flight: all $confirmed confirmed are stored"

[ $RC -eq 0 ]
ok $? "SIGTERM stops the server cleanly (exit $RC)"
has "stopping" "$(cat "$TMP/serve.err")" "and it says so"
has "stopped;" "$(cat "$TMP/serve.err")" "after the writer has committed what was queued"

done_testing
