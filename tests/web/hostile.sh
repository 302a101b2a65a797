#!/bin/sh
# firstline serve under attack: every hostile request is answered with a
# status and stores nothing.  Oversized and malformed bodies, invalid
# UTF-8, NUL bytes, path traversal, header injection, missing, stale and
# foreign CSRF tokens, forged cookies, a session of another trainee,
# escaping of names and echoed input, the throttles per ticket and per
# address, and slow clients (idle connections are cut off; the limit per
# address keeps one client from holding the server).
. "$(dirname "$0")/lib.sh"

WEBTOOL="$(dirname "$FIRSTLINE")/tests/web/webtool"
printf 'name,community\n张三,竞秀区\n"<b>Eve</b> ""q""",x\n李四,莲池区\n' >"$TMP/roster.csv"
web_db || { echo "Bail out! cannot build the test database"; exit 1; }
web_start --per-address 3 --timeout 6 ||
    { echo "Bail out! the server did not start"; exit 1; }
PORT=${URL##*:}
T1=$(ticket 1)

# Trainee 1 logs in and answers question 1.
login a 1
location /exam "trainee 1 logs in"
AID=$(aid_of 1)
get a /q/1
keep_csrf a
A_CSRF=$(csrf_of a)
answer_form
post a /q/1 "$FORM&go=flag"
code 303 "an answer and a flag"
# A body that reaches the server in two pieces, split inside a %-escape
# (go=%73ave is go=save): one field, not an empty one and then the rest.
A_SID=$(awk '$6 == "fl_sid" { print $7 }' "$TMP/a.jar")
B="csrf=$A_CSRF&$FORM&go=%73ave"
H=$(printf 'POST /q/1 HTTP/1.1\r\nHost: x\r\nCookie: fl_sid=%s\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\nConnection: close\r\n\r\n.' \
    "$A_SID" ${#B})
H=${H%.}
printf '%s%s' "$H" "$B" |
    "$WEBTOOL" split 127.0.0.1 "$PORT" $((${#H} + ${#B} - 5)) >"$TMP/raw"
head -n 1 "$TMP/raw" | grep -q '^HTTP/1.1 303'
ok $? "a form split inside a %-escape is read whole ($(head -n 1 "$TMP/raw" | tr -d '\r'))" ||
    tail -n 2 "$TMP/serve.err" | sed 's/^/# serve: /'
snapshot() {
	sql "SELECT group_concat(seq || ':' || response || ':' || flagged, ';')
	    FROM paper_item WHERE attempt_id = $AID"
}
SNAP=$(snapshot)
FAILS=$(sql "SELECT count(*) FROM auth_failure")
SESSIONS=$(sql "SELECT count(*) FROM web_session")
unchanged() {
	[ "$(snapshot)" = "$SNAP" ] &&
	[ "$(sql "SELECT count(*) FROM auth_failure")" = "$FAILS" ] &&
	[ "$(sql "SELECT count(*) FROM web_session")" = "$SESSIONS" ]
	ok $? "$1: nothing stored"
}

# ------------------------------------------------------- bodies
head -c 20000 /dev/zero | tr '\0' 'x' >"$TMP/big"
get p /
keep_csrf p
req p POST /login --data-binary "@$TMP/big"
code 413 "a 20 kB body is refused"
unchanged "oversized body"
req p POST /login -H 'Transfer-Encoding: chunked' --data-binary "@$TMP/big"
# The answer may come while curl is still sending: then the connection
# is closed on it (000).
[ "$CODE" = 413 ] || [ "$CODE" = 000 ]
ok $? "a 20 kB chunked body is refused ($CODE)"
unchanged "oversized chunked body"
long=$(head -c 300 /dev/zero | tr '\0' '1')
post p /login "lang=zh&ticket=$long&pin=1"
code 400 "a field of 300 bytes is refused"
unchanged "long field"
post p /login "lang=zh&ticket=%FF%FE&pin=1"
code 400 "a ticket that is not UTF-8 is refused"
unchanged "invalid UTF-8 ticket"
post p /login "lang=zh&ticket=1%00&pin=1"
code 400 "a NUL byte is refused"
unchanged "NUL byte"
post p /login "lang=zh&ticket=%C0%AF&pin=1"
code 400 "an overlong UTF-8 sequence is refused"
many=; k=0; while [ $k -lt 20 ]; do many="${many}f$k=1&"; k=$((k + 1)); done
post p /login "${many}ticket=1&pin=1"
code 400 "twenty fields are refused"
unchanged "too many fields"
req p POST /login -H 'Content-Type: application/json' --data-raw '{"ticket":"1"}'
code 415 "a body that is not a form is refused"
req p POST /login -F ticket=1 -F pin=1
code 415 "a multipart body is refused"
unchanged "wrong content types"
post a /q/1 "t=1&a=%C0%80&go=next"
code 400 "an answer that is not UTF-8 is refused"
post a /q/1 "t=1&a=7&go=next"
code 400 "an option that does not exist is refused"
post a /q/1 "t=1&a=0&go=drop-tables"
code 400 "a button that does not exist is refused"
unchanged "malformed answers"

# ------------------------------------------------------- CSRF
post p /login "csrf=&lang=zh&ticket=$T1&pin=$(pin 1)"
code 403 "a login without its CSRF token is refused"
post p /login "csrf=$A_CSRF$A_CSRF&lang=zh&ticket=$T1&pin=$(pin 1)"
code 403 "a login with a token of another form is refused"
unchanged "login CSRF"
post a /q/1 "csrf=&t=1&a=1&go=next"
code 403 "an answer without the CSRF token is refused"
post a /q/1 "csrf=0123456789abcdef0123456789abcdef&t=1&a=1&go=next"
code 403 "an answer with a wrong CSRF token is refused"
post a /submit "csrf="
code 403 "a submit without the CSRF token is refused"
unchanged "missing or wrong CSRF"

# A stale token: the CSRF token of this trainee's earlier session.
login a2 1
location /exam "trainee 1 logs in again (a new session, a new token)"
AID_TOKEN=$(sql "SELECT token FROM attempt WHERE id = $AID")
post a2 /q/1 "csrf=$A_CSRF&t=1&a=1&go=next"
code 403 "the old session's CSRF token does not work in the new one"
SNAP=$(snapshot); SESSIONS=$(sql "SELECT count(*) FROM web_session")
unchanged "stale CSRF"

# ------------------------------------------------------- another trainee
login b 3
location /exam "trainee 3 logs in"
SESSIONS=$(sql "SELECT count(*) FROM web_session")
B_AID=$(aid_of 3)
post b /q/1 "csrf=$A_CSRF&t=1&a=1&go=next"
code 403 "trainee 3's session with trainee 1's token is refused"
get b /q/1
keep_csrf b
post b /q/1 "t=1&go=clear"
code 303 "trainee 3 works on their own paper"
unchanged "another trainee's session"
[ "$(sql "SELECT count(*) FROM paper_item WHERE attempt_id = $AID")" -gt 0 ] &&
[ "$B_AID" != "$AID" ]
ok $? "the two papers are apart"

# ------------------------------------------------------- no session
STEM=$(sql "SELECT q.stem_zh FROM paper_item p JOIN question q
    ON q.id = p.question_id WHERE p.attempt_id = $AID AND p.seq = 0")
[ -n "$STEM" ]
ok $? "trainee 1's first question: $STEM"
for p in /q/1 /list /submit /result /exam; do
	get nobody "$p"
	location / "$p without a session goes to the login"
	hasnt "$STEM" "$BODY" "$p without a session shows no question"
done
printf '# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tfl_sid\t%s\n' \
    "$(printf '%064d' 7)" >"$TMP/forged.jar"
get forged /q/1
location / "a forged session id goes to the login"
post forged /q/1 "csrf=$A_CSRF&t=1&a=1&go=next"
code 403 "and cannot answer"
unchanged "forged cookie"

# ------------------------------------------------------- addresses
for p in '/../../../../etc/passwd' '/%2e%2e/%2e%2e/etc/passwd' \
    '/q/../../etc/passwd' '/style.css/../../firstline.db' \
    '/q/0' '/q/99' '/q/1abc' '/q/-1' '/q/01' '/.git/config' \
    '/q/%31'; do
	req nobody GET "$p" --path-as-is
	[ "$CODE" = 404 ] || [ "$CODE" = 303 ] || [ "$CODE" = 400 ]
	ok $? "$p: answered $CODE"
	hasnt "root:" "$BODY" "$p: no system file"
	hasnt "SQLite format" "$BODY" "$p: no database"
done
get a2 /q/99
code 404 "question 99 of a 4-question paper does not exist"
get a /q/%FF
code 400 "an address that is not UTF-8 is refused"
req a PUT /
code 405 "PUT is not allowed"
has "Allow: GET, HEAD, POST" "$HDR" "and the allowed methods are said"

# ------------------------------------------------------- headers
get p '/?lang=zh%0d%0aSet-Cookie:%20evil=1'
code 200 "CR LF in a query value"
hasnt "evil" "$HDR" "is not injected into the headers"
printf 'GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rSet-Cookie: evil=1\r\n\r\n' |
    "$WEBTOOL" raw 127.0.0.1 "$PORT" >"$TMP/raw"
hasnt "evil=1" "$(cat "$TMP/raw")" "a bare CR in a request header injects nothing"
{ printf 'GET / HTTP/1.1\r\nHost: x\r\nX-Big: '; head -c 40000 /dev/zero |
    tr '\0' 'a'; printf '\r\n\r\n'; } | "$WEBTOOL" raw 127.0.0.1 "$PORT" \
    >"$TMP/raw"
STATUS=$(head -n 1 "$TMP/raw" | cut -d' ' -f2)
[ -n "$STATUS" ] && [ "$STATUS" -ge 400 ] && [ "$STATUS" -lt 500 ]
ok $? "a 40 kB header is refused ($STATUS)"
get p /
code 200 "the server still answers"

# ------------------------------------------------------- escaping
login e 2
get e /exam
has "&lt;b&gt;Eve&lt;/b&gt; &quot;q&quot;" "$BODY" "a name with markup is escaped"
hasnt "<b>Eve" "$BODY" "and never written raw"
get p /
keep_csrf p
post p /login 'lang=zh&ticket=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&pin=1'
code 401 "a ticket with markup is refused"
has '&quot;&gt;&lt;script&gt;' "$BODY" "and echoed escaped"
hasnt '<script>alert' "$BODY" "never raw"

# ------------------------------------------------------- throttles
T3=$(ticket 3)
get t /
keep_csrf t
for k in 1 2 3; do post t /login "lang=zh&ticket=$T3&pin=000000"; done
post t /login "lang=zh&ticket=$T3&pin=000000"
code 429 "after three wrong PINs the ticket must wait (the core's rule)"
post t /login "lang=zh&ticket=$T3&pin=$(pin 3)"
code 429 "even with the right PIN, until the wait is over"
has "请等待" "$BODY" "and the page says how long"
# Wrong logins on many tickets from one address until the address is told
# to wait (at most sixty tries: each failure past the free ones doubles the
# wait, so even a slow machine meets it).  The wait is a few seconds from the last
# failure, so the test looks at the refusal itself, not at a later request
# that a busy machine may send after the wait is over.
k=0 held=1
while [ $k -lt 60 ]; do
	post t /login "lang=zh&ticket=9999$k&pin=000000"
	k=$((k + 1))
	case "$CODE $BODY" in
	"429 "*此网络*) held=0; break ;;
	esac
done
[ $held -eq 0 ]; ok $? "wrong logins on many tickets from one address: that address waits (after $k)"
has "此网络" "$BODY" "and is told why"
get t2 / --interface 127.0.0.2
keep_csrf t2
post t2 /login "lang=zh&ticket=$(ticket 2)&pin=$(pin 2)" --interface 127.0.0.2
location /exam "another address logs in meanwhile"

# ------------------------------------------------------- slow clients
"$WEBTOOL" idle 127.0.0.1 "$PORT" 3 40 >"$TMP/idle" &
IDLE=$!
i=0
while ! grep -q '^opened' "$TMP/idle" && [ $i -lt 300 ]; do
	sleep 0.1; i=$((i + 1))
done
CODE=$(curl -s -o /dev/null -w '%{http_code}' -m 10 "$URL/" 2>/dev/null)
[ "$CODE" != 200 ]
ok $? "three idle connections from an address: a fourth from it is refused"
CODE=$(curl -s -o /dev/null -w '%{http_code}' -m 10 --interface 127.0.0.3 \
    "$URL/")
[ "$CODE" = 200 ]
ok $? "another address is served meanwhile"
wait $IDLE
LINE=$(tail -n 1 "$TMP/idle")
has "closed 3" "$LINE" "the server cut the idle connections off ($LINE)"
CODE=$(curl -s -o /dev/null -w '%{http_code}' -m 10 "$URL/")
[ "$CODE" = 200 ]
ok $? "then the address is served again"

[ "$(snapshot)" = "$SNAP" ]
ok $? "after everything, trainee 1's sitting is as it was"
done_testing
