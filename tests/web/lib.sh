# Helpers for the HTTP tests of firstline serve (sourced; POSIX sh): a
# database with the four-type exam, the real server on a free loopback
# port, and curl.  TAP output through tests/cli/lib.sh.
. "$(dirname "$0")/../cli/lib.sh"

WEB_DIR=$(cd "$(dirname "$0")" && pwd)

for tool in curl sqlite3; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool is not installed"
		exit 0
	fi
done

WEB_PID=
trap 'web_kill; rm -rf "$TMP"' EXIT

web_kill() {
	[ -n "$WEB_PID" ] && kill -TERM "$WEB_PID" 2>/dev/null &&
	    wait "$WEB_PID" 2>/dev/null
	WEB_PID=
}

# web_db: the mini bank, the four-type exam (mini-all) in cohort c1 and
# the roster of $TMP/roster.csv (or four trainees); tickets in $TMP/c1.csv.
web_db() {
	[ -f "$TMP/roster.csv" ] ||
	    printf 'name,community\n张三,竞秀区东风街道\nJohn Smith,Lianchi\n李四,莲池区\nAlice,Mancheng\n' \
	    >"$TMP/roster.csv"
	"$FIRSTLINE" init >/dev/null &&
	"$FIRSTLINE" bank load "$TESTDATA/good/mini-bank.xml" \
	    "$TESTDATA/good/mini-rubric.xml" "$TESTDATA/good/mini-sim.xml" \
	    "$WEB_DIR/../tui/mini-all.xml" >/dev/null &&
	"$FIRSTLINE" cohort create "Web test" --exam mini-all --id c1 \
	    >/dev/null &&
	"$FIRSTLINE" roster import c1 "$TMP/roster.csv" >"$TMP/c1.csv"
}

# ticket N / pin N: the Nth trainee's (the CSV has CRLF line ends).
ticket() {
	tr -d '\r' <"$TMP/c1.csv" | awk -F, -v n="$1" 'NR == n + 1 { print $1 }'
}
pin() {
	tr -d '\r' <"$TMP/c1.csv" | awk -F, -v n="$1" 'NR == n + 1 { print $4 }'
}

# web_start [OPTIONS...]: the server on 127.0.0.1, a port the kernel
# picks; waits until it says where it listens (no fixed sleep), sets URL.
# WEB_GLOBAL: firstline's own options before "serve" (word-split).
web_start() {
	: >"$TMP/serve.out"
	"$FIRSTLINE" ${WEB_GLOBAL:-} serve --listen 127.0.0.1:0 "$@" >"$TMP/serve.out" \
	    2>"$TMP/serve.err" &
	WEB_PID=$!
	i=0 URL=
	while [ -z "$URL" ]; do
		if ! kill -0 "$WEB_PID" 2>/dev/null || [ $i -ge 600 ]; then
			echo "# the server did not start:"
			sed 's/^/# /' "$TMP/serve.err"
			WEB_PID=
			return 1
		fi
		i=$((i + 1))
		sleep 0.1
		URL=$(sed -n 's/.*listening on \(http[^ ]*\)\/$/\1/p' \
		    "$TMP/serve.out")
	done
}

# req JAR METHOD PATH [curl args...]: one request with cookie jar JAR
# ($TMP/JAR.jar); sets CODE, HDR (headers) and BODY.
req() {
	jar="$TMP/$1.jar"; method=$2; path=$3; shift 3
	CODE=$(curl -s -S -m 30 -o "$TMP/body" -D "$TMP/hdr" -w '%{http_code}' \
	    -c "$jar" -b "$jar" -X "$method" "$@" "$URL$path" 2>"$TMP/curl.err")
	HDR=$(tr -d '\r' <"$TMP/hdr")
	BODY=$(cat "$TMP/body")
}
get() { j=$1; p=$2; shift 2; req "$j" GET "$p" "$@"; }
# post JAR PATH FIELDS [curl args...]: url-encoded fields ("a=1&b=2"), the CSRF token of
# the jar's last page added unless FIELDS has one.
post() {
	j=$1; p=$2
	case "$3" in
	*csrf=*) d=$3 ;;
	*) d="csrf=$(csrf_of "$1")&$3" ;;
	esac
	shift 3
	req "$j" POST "$p" --data-raw "$d" "$@"
}
# The CSRF token of the page last fetched with jar J.
csrf_of() { cat "$TMP/$1.csrf" 2>/dev/null; }
# Remember the CSRF token of the page just fetched for jar J.
keep_csrf() {
	printf '%s' "$BODY" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' |
	    head -n 1 >"$TMP/$1.csrf"
}

# web_why: after an unexpected answer, what the request was and what the
# server said (its page and the end of its stderr), to find the cause.
web_why() {
	printf '# request: %s %s %s\n' "$method" "$path" "${d:-}"
	printf '%s\n' "$BODY" | sed -n 's/.*<p[^>]*>\([^<]*\)<.*/# page: \1/p' |
	    head -n 3
	tail -n 3 "$TMP/serve.err" 2>/dev/null | sed 's/^/# serve: /'
}

# code N DESC: the last request answered status N.
code() {
	[ "$CODE" = "$1" ]
	r=$?
	[ $r -eq 0 ] || { printf '# expected HTTP %s, got %s\n' "$1" "$CODE"
	    web_why; }
	ok $r "$2"
}
# location PATH DESC: the last request redirected to PATH.
location() {
	l=$(printf '%s\n' "$HDR" | sed -n 's/^Location: //p')
	[ "$CODE" = 303 ] && [ "$l" = "$1" ]
	r=$?
	[ $r -eq 0 ] || { printf '# expected 303 to %s, got %s to %s\n' "$1" \
	    "$CODE" "$l"; web_why; }
	ok $r "$2"
}

# login JAR N [LANG]: log trainee N in with jar JAR; ends at /exam.
login() {
	get "$1" "/?lang=${3:-zh}" && keep_csrf "$1" &&
	post "$1" /login "lang=${3:-zh}&ticket=$(ticket "$2")&pin=$(pin "$2")"
}

# The attempt id of trainee N.
aid_of() {
	sql "SELECT a.id FROM attempt a JOIN trainee t ON t.id = a.trainee_id
	    WHERE t.ticket = '$(ticket "$1")' ORDER BY a.number DESC LIMIT 1"
}

# answer_form: from the question page in BODY, a form answering it
# (FORM), the response the core should store (WANT) and the TYPE.
answer_form() {
	case "$BODY" in
	*'type="checkbox"'*)
		FORM="t=1&a=0&a=2"; WANT="0,2"; TYPE=multiple ;;
	*'<select name="p0"'*)
		n=$(printf '%s' "$BODY" | grep -o '<select name="p' | wc -l)
		FORM="t=1"; WANT=; k=0
		while [ $k -lt "$n" ]; do
			FORM="$FORM&p$k=$((n - k))"
			WANT="$WANT${WANT:+,}$((n - 1 - k))"
			k=$((k + 1))
		done
		TYPE=ordering ;;
	*'value="1"> 正确'*|*'value="1"> True'*)
		FORM="t=1&a=0"; WANT="0"; TYPE=truefalse ;;
	*)
		FORM="t=1&a=1"; WANT="1"; TYPE=single ;;
	esac
}
