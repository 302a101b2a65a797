#!/bin/sh
# The helper programs: firstline runs 'serve' in firstline-serve and
# 'paper scan' in firstline-scan (exec, the same process), so that
# firstline itself, the trainee's client, loads neither libmicrohttpd and
# GnuTLS nor the image and PDF libraries at every start.  What firstline
# was given (the database, --allow-open-db, the command's options) reaches
# the helper; a helper run on its own says how to run it.
. "$(dirname "$0")/lib.sh"

BIN=$(dirname "$FIRSTLINE")

# 1. What firstline loads, and what the helpers do.
run ldd "$FIRSTLINE"
expect_rc 0 "ldd firstline"
LIBS=$OUT
for lib in libmicrohttpd libgnutls libcairo libpango libpoppler liblept \
    libzbar; do
	hasnt "$lib" "$LIBS" "firstline is not linked with $lib"
done
has libncursesw "$LIBS" "firstline is linked with ncursesw (the client)"
run ldd "$BIN/firstline-serve"
has libmicrohttpd "$OUT" "firstline-serve is linked with libmicrohttpd"
hasnt libncursesw "$OUT" "firstline-serve is not linked with ncursesw"
run ldd "$BIN/firstline-scan"
has libzbar "$OUT" "firstline-scan is linked with ZBar"

# 2. firstline serve runs the helper in its own process.
web_db
ok $? "a database with an exam and four trainees"
web_start
ok $? "firstline serve listens"
exe=$(readlink "/proc/$WEB_PID/exe")
case $exe in
*/firstline-serve) ok 0 "the process started as firstline is firstline-serve now" ;;
*) printf '# exe: %s\n' "$exe"; ok 1 "the process started as firstline is firstline-serve now" ;;
esac
get a /
code 200 "the server answers (the login page)"
has 'name="ticket"' "$BODY" "the login page"
kill -TERM "$WEB_PID"; wait "$WEB_PID"; rc=$?; WEB_PID=
[ $rc -eq 0 ]; ok $? "SIGTERM to the pid firstline had stops the server cleanly"
has "stopped" "$(cat "$TMP/serve.err")" "the server said it stopped"

# Options reach the helper and are checked there.
fl serve --threads 0
expect_rc 2 "serve --threads 0 is a usage error (from the helper)"
has "--threads" "$ERR" "which option is named"
fl serve --help
expect_rc 0 "serve --help"
has "usage: firstline serve" "$OUT" "the usage names firstline serve"

# 3. --allow-open-db is passed on (the helper opens the database).
chmod 644 "$FIRSTLINE_DB"
fl serve --listen 127.0.0.1:0
expect_rc 1 "serve refuses a database others may read"
has "may be read or written by other accounts" "$ERR" "and says why"
has "$FIRSTLINE_DB" "$ERR" "naming the file"
WEB_GLOBAL=--allow-open-db web_start
ok $? "with firstline --allow-open-db, serve listens"
get a /
code 200 "and answers"
web_kill
fl paper scan c1 "$TMP/none.pdf"
expect_rc 1 "paper scan refuses a database others may read"
has "may be read or written by other accounts" "$ERR" "and says why"
fl --allow-open-db paper scan c1 "$TMP/none.pdf"
hasnt "make it private" "$ERR" "with --allow-open-db, paper scan opens it"
has "none.pdf" "$ERR" "and names the missing scan instead"
chmod 600 "$FIRSTLINE_DB"

# 4. A helper on its own says how it is run.
run "$BIN/firstline-serve"
expect_rc 2 "firstline-serve alone: usage"
has "firstline-serve is run by firstline: use 'firstline serve'" "$ERR" \
    "it says to run firstline serve"
run "$BIN/firstline-serve" --db "$FIRSTLINE_DB" paper scan
expect_rc 2 "firstline-serve runs no other command"
run "$BIN/firstline-scan" --db "$FIRSTLINE_DB" serve
expect_rc 2 "firstline-scan runs no other command"
has "use 'firstline paper scan'" "$ERR" "it says to run firstline paper scan"

# 5. Terminal injection: the helper's messages are filtered as firstline's
# are (safeout), here a scan file name with an escape sequence.
if command -v script >/dev/null 2>&1; then
	bad=$(printf '%s/x\033]0;owned\007.pdf' "$TMP")
	FL_BAD=$bad script -qec '"$FIRSTLINE" paper scan c1 "$FL_BAD"' \
	    /dev/null >"$TMP/tty.out" 2>&1
	if grep -q "$(printf '\033]0;')" "$TMP/tty.out"; then
		ok 1 "a scan file name's escape sequence does not reach the terminal"
	else
		ok 0 "a scan file name's escape sequence does not reach the terminal"
	fi
	has "owned" "$(cat "$TMP/tty.out")" "the message still names the file"
fi

echo "1..$T_N"
[ "$T_FAILED" -eq 0 ]
