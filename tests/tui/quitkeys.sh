#!/bin/sh
# At the language and login screens Ctrl-C, Ctrl-D, Ctrl-Z and Ctrl-\ do
# nothing (doc/deployment.md): a kiosk's client never ends on a stray
# signal key.  Esc is the one way out (status 0).  Each key is followed by
# one whose effect shows, so the test waits for that, not for a time.
. "$(dirname "$0")/lib.sh"

tui_db
ok $? "database"
T=$(ticket c1 1)

tui_start_rc q 80 24 LANG=C.UTF-8
tui_wait q "Choose the language"
ok $? "the language screen"
# At the language screen: the signal keys, then 2 (English) and Enter.
for k in C-c C-d C-z 'C-\'; do
	tui_keys q "$k"
done
tui_keys q 2 Enter
screen_has q "Ticket number" "Ctrl-C, Ctrl-D, Ctrl-Z, Ctrl-\\ did nothing at the language screen"
[ ! -e "$TMP/q.rc" ]; ok $? "the client still runs"
# At the login screen: the same keys between the ticket's digits.
tui_text q "$(printf '%s' "$T" | cut -c1-3)"
for k in C-c C-d C-z 'C-\'; do
	tui_keys q "$k"
done
tui_text q "$(printf '%s' "$T" | cut -c4-)"
screen_has q "$T" "Ctrl-C, Ctrl-D, Ctrl-Z, Ctrl-\\ did nothing at the login screen (the ticket is whole)"
[ ! -e "$TMP/q.rc" ]; ok $? "the client still runs"
tui_keys q Escape
ended_with q 0 "Esc at the login screen ends the client with status 0"

# Esc at the language screen too.
tui_start_rc e 80 24 LANG=C.UTF-8
tui_wait e "Choose the language"
tui_keys e C-c C-d
tui_keys e Escape
ended_with e 0 "Esc at the language screen ends the client with status 0"

done_testing
