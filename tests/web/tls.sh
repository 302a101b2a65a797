#!/bin/sh
# firstline serve over HTTPS (--cert, --key; libmicrohttpd's TLS): the
# login works, cookies are Secure, plain HTTP is not answered, and bad
# certificate options are refused clearly.
. "$(dirname "$0")/lib.sh"

if ! command -v openssl >/dev/null 2>&1; then
	echo "1..0 # SKIP openssl is not installed (to make a test certificate)"
	exit 0
fi
web_db || { echo "Bail out! cannot build the test database"; exit 1; }
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 2 \
    -keyout "$TMP/key.pem" -out "$TMP/cert.pem" >/dev/null 2>&1
ok $? "a self-signed test certificate"

fl serve --cert "$TMP/cert.pem"
expect_rc 2 "--cert without --key is a usage error"
has "--key" "$ERR" "and says so"
fl serve --listen 127.0.0.1:0 --cert "$TMP/none.pem" --key "$TMP/key.pem"
expect_rc 1 "a missing certificate is refused"
has "none.pem" "$ERR" "naming the file"
printf 'not a certificate\n' >"$TMP/bad.pem"
fl serve --listen 127.0.0.1:0 --cert "$TMP/bad.pem" --key "$TMP/key.pem"
expect_rc 1 "a file that is no certificate is refused"
fl serve --listen nowhere
expect_rc 1 "a --listen that is no address is refused"
has "ADDRESS:PORT" "$ERR" "and the form is said"

web_start --cert "$TMP/cert.pem" --key "$TMP/key.pem" ||
    { echo "Bail out! the server did not start"; exit 1; }
has "https://127.0.0.1:" "$URL" "it listens for HTTPS ($URL)"
get a / -k
code 200 "the login page over TLS"
has "Secure" "$(printf '%s\n' "$HDR" | grep '^Set-Cookie')" "cookies are Secure"
keep_csrf a
post a /login "lang=zh&ticket=$(ticket 1)&pin=$(pin 1)" -k
location /exam "log in over TLS"
has "HttpOnly; SameSite=Strict; Secure" "$HDR" "the session cookie is HttpOnly, SameSite=Strict, Secure"
get a /exam -k
code 200 "the exam over TLS"
PLAIN=$(printf '%s' "$URL" | sed 's/^https/http/')
CODE=$(curl -s -o /dev/null -w '%{http_code}' -m 10 "$PLAIN/" 2>/dev/null)
[ "$CODE" != 200 ]
ok $? "plain HTTP to the TLS port gets no page ($CODE)"
done_testing
