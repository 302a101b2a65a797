#!/bin/sh
# user add at a real terminal (the password is asked on /dev/tty): the
# password rule is checked on the first entry, before the password is asked
# a second time; a good password is asked twice and the account made.
. "$(dirname "$0")/lib.sh"

"$FIRSTLINE" init >/dev/null
ok $? "a database"

# A short password: refused at once, no second prompt, nothing made.
tui_start_cmd u 80 24 "LC_ALL=C.UTF-8 '$FIRSTLINE' --db '$FIRSTLINE_DB' user add amy --role instructor; echo rc=\$?"
screen_has u "new password:" "the first prompt"
tui_text u "short"
tui_keys u Enter
screen_has u "rc=" "the command ends after one entry"
has "the password must have at least 8 characters" "$SCREEN" "the rule is named after the first entry"
hasnt "the same password again" "$SCREEN" "it does not ask for the password a second time"
has "rc=1" "$SCREEN" "exit status 1"
[ "$(sql "SELECT count(*) FROM app_user WHERE name = 'amy'")" = 0 ]
ok $? "no account made"

# In Chinese too.
tui_start_cmd z 80 24 "LC_ALL=C.UTF-8 LANGUAGE=zh_CN '$FIRSTLINE' --db '$FIRSTLINE_DB' user add amy --role instructor; echo rc=\$?"
tui_wait z ":" 100
tui_text z "1234567"
tui_keys z Enter
screen_has z "rc=1" "Chinese: refused after one entry"
case "$SCREEN" in *"again"*|*"再次"*|*"再输入"*) r=1 ;; *) r=0 ;; esac
ok $r "Chinese: no second prompt"

# A good password: asked twice, the account made.
tui_start_cmd g 80 24 "LC_ALL=C.UTF-8 '$FIRSTLINE' --db '$FIRSTLINE_DB' user add amy --role instructor; echo rc=\$?"
screen_has g "new password:" "the first prompt"
tui_text g "long enough 1"
tui_keys g Enter
screen_has g "the same password again:" "a good password is asked again"
tui_text g "long enough 1"
tui_keys g Enter
screen_has g "rc=0" "the account is made"
has "amy: instructor added" "$SCREEN" "the confirmation"
hasnt "long enough" "$SCREEN" "the password was not echoed"

done_testing
