#!/bin/sh
# Extra time reaches a sitting trainee's screen within seconds: the client
# re-reads its attempt every 5 s without taking the write lock.  A second
# login with the same ticket takes the sitting over, and the first screen
# says so just as soon.
. "$(dirname "$0")/lib.sh"

tui_db
ok $? "database with the mini exam"
T=$(ticket c1 1) P=$(pin c1 1)
printf 'organizer-pw\n' >"$TMP/org.pw"
"$FIRSTLINE" user add boss --role organizer --password-file "$TMP/org.pw" >/dev/null

tui_start a 80 24
login a 2 "$T" "$P"
screen_has a "The written test has 4 questions and lasts 10 minutes" "logged in"
tui_keys a Enter
screen_has a "Time left 9 min" "ten minutes, the clock running"
"$FIRSTLINE" attempt extend c1 "$T" 15 --by boss --password-file "$TMP/org.pw" \
    --reason "power cut in room 2" >/dev/null
ok $? "the organizer gives 15 minutes more"
if tui_wait a "Time left 24 min"; then ok 0 "the screen shows them soon (within 30 s on a busy machine)"
else printf '%s\n' "$SCREEN" | sed 's/^/#|/'; ok 1 "the screen shows them soon (within 30 s on a busy machine)"; fi

# The same ticket logs in elsewhere: the first client is told, soon.
tui_start b 80 24
login b 2 "$T" "$P"
screen_has b "Time left: 24:" "a second login takes the sitting over, with the extra time"
if tui_wait a "another"; then ok 0 "the first screen says so soon (within 30 s on a busy machine)"
else printf '%s\n' "$SCREEN" | sed 's/^/#|/'; ok 1 "the first screen says so soon (within 30 s on a busy machine)"; fi
tm kill-session -t a
tm kill-session -t b

done_testing
