#!/bin/sh
# firstline serve behind a reverse proxy (--trusted-proxy): only when the
# peer is a trusted proxy is the client's address taken from the last
# X-Forwarded-For entry; a forged header from anyone else is ignored, and
# a malformed one is said on stderr and the proxy's address used.  The
# limit on failed logins per address then counts per forwarded address.
# The trusted proxy here is 127.0.0.2 (curl --interface), anyone else
# 127.0.0.1.
. "$(dirname "$0")/lib.sh"

web_db || { echo "Bail out! cannot build the test database"; exit 1; }

# Bad --trusted-proxy values are refused before listening.
"$FIRSTLINE" serve --listen 127.0.0.1:0 --trusted-proxy 127.0.0.2,nginx \
    >/dev/null 2>"$TMP/err"
[ $? -ne 0 ]; ok $? "--trusted-proxy with a name is refused"
has "--trusted-proxy nginx: expected a numeric IP address" "$(cat "$TMP/err")" \
    "and the value is named"

web_start --trusted-proxy 10.255.0.1 --trusted-proxy 127.0.0.2,::1 ||
    { echo "Bail out! the server did not start"; exit 1; }

# source_of TICKET: the address the core counted the last failure against.
source_of() {
	sql "SELECT source FROM auth_failure WHERE who = '$1' ORDER BY id DESC LIMIT 1"
}
# wrong J [curl args]: a wrong PIN with jar J, for a ticket of its own
# (a ticket's own lockout is not what is tested here): sets WT.
NT=0
wrong() {
	j=$1; shift
	NT=$((NT + 1)) WT=5000$NT
	get "$j" / "$@" && keep_csrf "$j" &&
	post "$j" /login "lang=zh&ticket=$WT&pin=000000" "$@"
}
P="--interface 127.0.0.2"

wrong u -H 'X-Forwarded-For: 10.1.1.1'
code 401 "a wrong PIN from an untrusted peer with X-Forwarded-For"
[ "$(source_of "$WT")" = 127.0.0.1 ]
ok $? "its forged X-Forwarded-For is ignored (counted against $(source_of "$WT"))"

wrong p $P -H 'X-Forwarded-For: 10.9.9.9, 10.1.1.1'
code 401 "a wrong PIN through the trusted proxy"
[ "$(source_of "$WT")" = 10.1.1.1 ]
ok $? "counted against the last forwarded address ($(source_of "$WT")), not the client's own claim"

wrong p $P -H 'X-Forwarded-For: 10.5.5.5' -H 'X-Forwarded-For: 10.9.9.9,10.1.1.2 '
[ "$(source_of "$WT")" = 10.1.1.2 ]
ok $? "two headers: the last entry of the last one ($(source_of "$WT"))"

wrong p $P -H 'X-Forwarded-For: 10.1.1.1, 2001:DB8:0::1'
[ "$(source_of "$WT")" = 2001:db8::1 ]
ok $? "an IPv6 address, written canonically ($(source_of "$WT"))"

wrong p $P
[ "$(source_of "$WT")" = 127.0.0.2 ]
ok $? "no header: the proxy's own address"

for bad in '10.1.1.1, not-an-ip' '10.1.1.1,' '10.1.1.1, 10.1.1.1:8080' \
    '999.1.1.1' "10.1.1.1, $(printf 'a%.0s' $(seq 1 80))"; do
	n0=$(grep -c 'ends in no address' "$TMP/serve.err")
	wrong p $P -H "X-Forwarded-For: $bad"
	[ "$CODE" = 401 ] && [ "$(source_of "$WT")" = 127.0.0.2 ]
	ok $? "malformed '$(printf '%.24s' "$bad")': the proxy's address ($(source_of "$WT"))"
	[ "$(grep -c 'ends in no address' "$TMP/serve.err")" -gt "$n0" ]
	ok $? "and the server says so"
done
has 'X-Forwarded-For "10.1.1.1, not-an-ip" from the trusted proxy 127.0.0.2' \
    "$(cat "$TMP/serve.err")" "the log names the header and the proxy"

# A session made through the proxy records the forwarded address.
get s / $P -H 'X-Forwarded-For: 10.7.7.7'
keep_csrf s
post s /login "lang=zh&ticket=$(ticket 2)&pin=$(pin 2)" $P -H 'X-Forwarded-For: 10.7.7.7'
location /exam "trainee 2 logs in through the proxy"
[ "$(sql "SELECT address FROM web_session ORDER BY id DESC LIMIT 1")" = 10.7.7.7 ]
ok $? "the session records the forwarded address"

# held J [curl args]: wrong PINs on many tickets with jar J until the
# address is told to wait (at most sixty: see hostile.sh); sets K.
held() {
	j=$1; shift
	get "$j" / "$@" && keep_csrf "$j"
	K=0
	while [ $K -lt 60 ]; do
		post "$j" /login "lang=zh&ticket=8888$K&pin=000000" "$@"
		K=$((K + 1))
		case "$CODE $BODY" in
		"429 "*此网络*) return 0 ;;
		esac
	done
	return 1
}
# Throttling counts per forwarded address: one address through the proxy
# is held, another through the same proxy is not.
held h1 $P -H 'X-Forwarded-For: 10.2.2.2'
ok $? "failed logins from one forwarded address: that address waits (after $K)"
wrong h2 $P -H 'X-Forwarded-For: 10.3.3.3'
code 401 "another address through the same proxy is not held"
# Held while its short wait lasts (2 s after the 30th failure); on a busy
# machine that wait may be over, and then the try counts against it.
wrong h3 $P -H 'X-Forwarded-For: 10.3.3.3, 10.2.2.2'
case "$CODE" in
429) true ;;
401) [ "$(source_of "$WT")" = 10.2.2.2 ] ;;
*) false ;;
esac
ok $? "the held one is, whatever the client prepends (HTTP $CODE)"
# An untrusted client cannot escape its limit with a new header each try.
get f /
keep_csrf f
K=0 out=1
while [ $K -lt 60 ]; do
	post f /login "lang=zh&ticket=7777$K&pin=000000" -H "X-Forwarded-For: 10.4.$K.1"
	K=$((K + 1))
	case "$CODE $BODY" in
	"429 "*此网络*) out=0; break ;;
	esac
done
ok $out "forged X-Forwarded-For from an untrusted peer: still held as 127.0.0.1 (after $K)"
[ "$(sql "SELECT count(*) FROM auth_failure WHERE source LIKE '10.4.%'")" = 0 ]
ok $? "and no failure was counted against a forged address"
done_testing
