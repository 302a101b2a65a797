#!/bin/sh
# The key-in form (firstline paper enter) in tmux: at 80x24 in English, a
# printed paper's questions numbered as printed with their types, an
# answer the sheet cannot show refused when the field is left, Ctrl-S asked
# twice and the entry in the database only then; a second person at 80x24
# in Chinese (stems lined up by display width) whose entry differs: the
# questions listed, exit 3; a third person whose entry agrees: graded.  A
# 50-question paper runs over pages (PgDn) and a larger window shows more
# rows a page; Esc with changes asks first and stores nothing.
. "$(dirname "$0")/lib.sh"

H="$(dirname "$FIRSTLINE")/tests/cli/keyin-helper"
tui_db
ok $? "database with two cohorts"
for u in alice bob carol; do
	printf '%s-password\n' "$u" >"$TMP/$u.pw"
	"$FIRSTLINE" user add "$u" --role instructor \
	    --password-file "$TMP/$u.pw" >/dev/null
done
T1=$(ticket c1 1)
S1=$(ticket c2 1)
"$H" print "$FIRSTLINE_DB" c1 "$T1" >/dev/null &&
    "$H" print "$FIRSTLINE_DB" c2 "$S1" >/dev/null
ok $? "papers printed for a trainee of each cohort"
RIGHT=$("$H" key "$FIRSTLINE_DB" "$T1" right)
entries() { sql "SELECT count(*) FROM paper_entry"; }
show() { printf '%s\n' "$SCREEN" | sed 's/^/#|/'; }
qno() {	# qno TICKET TYPE: the booklet number of the question of TYPE
	sql "SELECT p.seq + 1 FROM paper_item p JOIN question q
	    ON q.id = p.question_id JOIN attempt a ON a.id = p.attempt_id
	    JOIN trainee t ON t.id = a.trainee_id WHERE t.ticket = '$1'
	    AND q.type = '$2' ORDER BY p.seq LIMIT 1"
}
# enter_start NAME W H USER COHORT TICKET [VAR=VALUE...]: the form (on
# the terminal); what it prints to $TMP/NAME.out, its exit status to
# $TMP/NAME.rc.
enter_start() {
	_n=$1 _w=$2 _h=$3 _u=$4 _c=$5 _t=$6
	shift 6
	rm -f "$TMP/$_n.rc"
	tui_start_cmd "$_n" "$_w" "$_h" "env $* '$FIRSTLINE' --db \
	    '$FIRSTLINE_DB' paper enter $_c $_t --by $_u --password-file \
	    '$TMP/$_u.pw' >'$TMP/$_n.out'; echo \$? >'$TMP/$_n.rc'"
}
# rc_of NAME: the form's exit status (waits up to 5 s), or "none".
rc_of() {
	_n=0
	while [ ! -s "$TMP/$1.rc" ] && [ "$_n" -lt 50 ]; do
		sleep 0.1
		_n=$((_n + 1))
	done
	cat "$TMP/$1.rc" 2>/dev/null || echo none
}
# key_all NAME ANSWERS: type each answer and Enter, question by question.
key_all() {
	printf '%s\n' "$2" | tr ',' '\n' | while IFS= read -r _a; do
		[ -n "$_a" ] && tui_text "$1" "$_a"
		tui_keys "$1" Enter
	done
}

# ------------------------------------------------ alice, 80x24, English
enter_start a 80 24 alice c1 "$T1"
screen_has a "Key in the answer sheet · c1 · $T1 张三" "the form opens at 80x24"
screen_has a "First entry of this sheet · 0 of 4 questions keyed" \
    "the status says it is the first entry"
S=$(qno "$T1" single) O=$(qno "$T1" ordering)
screen_has a "  $S single" "questions are numbered as printed, with their type"
screen_has a "  $O ordering" "the ordering question too"
screen_has a "Question 1 (" "the first question's detail"
# An answer the sheet cannot show: refused when the field is left.
i=1
while [ "$i" -lt "$S" ]; do
	tui_text a "$(echo "$RIGHT" | cut -d, -f"$i")"
	tui_keys a Enter
	i=$((i + 1))
done
screen_has a "Question $S (single): one letter A-" "the single-choice question, how to key it"
tui_text a Z
tui_keys a Enter
screen_has a "Question $S: Z is not an option" "a letter outside the question is refused"
screen_has a "Question $S (single)" "and the form stays on it"
tui_keys a BSpace
# The rest, from the single-choice question on.
printf '%s\n' "$RIGHT" | cut -d, -f"$S"- > "$TMP/rest"
key_all a "$(cat "$TMP/rest")"
screen_has a "4 of 4 questions keyed" "every question keyed"
tui_keys a C-s
screen_has a "4 answers, 0 empty. Check them against the sheet" \
    "Ctrl-S asks to check first"
[ "$(entries)" = 0 ]; ok $? "nothing stored yet"
tui_keys a C-s
screen_has a "Stored as entry 1. Nothing is graded until someone else keys" \
    "the second Ctrl-S stores the first entry"
[ "$(entries)" = 1 ]; ok $? "one entry in the database"
tui_keys a Enter
[ "$(rc_of a)" = 0 ]; ok $? "exit status 0"
has "$T1: entry 1 stored; nothing is graded" "$(cat "$TMP/a.out")" \
    "the command says so after the form"

# --------------------------------------------- bob, 80x24, Chinese
M=$(qno "$T1" multiple)
BOB=$("$H" key "$FIRSTLINE_DB" "$T1" right "$M=wrong")
enter_start b 80 24 bob c1 "$T1" LANGUAGE=zh_CN
screen_has b "录入答题卡 · c1 · $T1 张三" "Chinese form at 80x24"
screen_has b "本答题卡的第 2 次录入（之前：alice）" "it says who keyed before, never what"
# Stems line up at one display column, whatever the type's width.
rows=$(printf '%s\n' "$SCREEN" | sed -n '3,6p')
# (The Chinese stems have no spaces: the last word is the stem.)
cols=$(printf '%s\n' "$rows" | while IFS= read -r r; do
	printf '%s\n' "$r" | sed 's/[^ ]*$//' | wc -L
done | sort -u | wc -l)
[ "$cols" = 1 ]; ok $? "the four stems start at one display column"
[ "$cols" = 1 ] || show
key_all b "$BOB"
tui_keys b C-s
screen_has b "共 4 题，0 题留空" "the check, in Chinese"
tui_keys b C-s
screen_has b "与第 1 条（alice 录入）有 1 题不一致" "the entry differs from alice's"
screen_has b "第 $M 题：alice 录入 $(echo "$RIGHT" | cut -d, -f"$M")，你录入 $(echo "$BOB" | cut -d, -f"$M")" \
    "the question, with both answers"
tui_keys b Enter
[ "$(rc_of b)" = 3 ]; ok $? "exit status 3: stored, not graded"
[ "$(sql "SELECT status FROM attempt a JOIN trainee t ON t.id = a.trainee_id WHERE t.ticket = '$T1'")" = not-started ]
ok $? "nothing graded"

# --------------------------------------------- carol agrees: graded
enter_start c 100 30 carol c1 "$T1"
screen_has c "Entry 3 of this sheet (before: alice, bob)" "a larger window"
key_all c "$RIGHT"
tui_keys c C-s C-s
screen_has c "it agrees with entry 1 by alice. The sitting is graded: written 100.0%, pass." \
    "the agreeing entry grades the sitting"
[ "$(sql "SELECT mode || ' ' || tenths FROM attempt a JOIN trainee t ON t.id = a.trainee_id WHERE t.ticket = '$T1'")" = "paper-keyed 1000" ]
ok $? "graded in the database, paper-keyed"
tui_keys c Enter

# ------------------------------------ a 50-question paper, pages, Esc
enter_start d 80 24 alice c2 "$S1"
screen_has d "0 of 50 questions keyed" "the standard paper"
pages=$(printf '%s\n' "$SCREEN" | grep -o ' 1/[0-9]*' | head -1)
[ -n "$pages" ]; ok $? "it runs over pages ($pages)"
tui_keys d NPage
screen_has d " 2/" "PgDn turns the page"
tui_resize d 100 40
screen_has d "Question" "a resize lays the form out again"
pages40=$(tui_screen d | grep -o ' [0-9]/[0-9]*$' | head -1)
[ "${pages40#*/}" -lt "${pages#*/}" ]; ok $? "a taller window needs fewer pages ($pages40)"
tui_text d T
tui_keys d Escape
screen_has d "Not stored. Esc again leaves without storing" "Esc with a change asks first"
tui_keys d Escape
[ "$(rc_of d)" = 0 ]; ok $? "Esc again leaves"
has "$S1: nothing stored" "$(cat "$TMP/d.out")" "storing nothing"
[ "$(sql "SELECT count(*) FROM paper_entry e JOIN attempt a ON a.id = e.attempt_id JOIN trainee t ON t.id = a.trainee_id WHERE t.ticket = '$S1'")" = 0 ]
ok $? "no entry for the standard paper"

# ------------------------- paper review: the sheets in doubt, in turn
T2=$(ticket c1 2) T3=$(ticket c1 3)
"$H" print "$FIRSTLINE_DB" c1 "$T2" "$T3" >/dev/null
R2=$("$H" review "$FIRSTLINE_DB" "$T2" scan.pdf "$TMP/review/sheet-2.png" 2)
R3=$("$H" review "$FIRSTLINE_DB" "$T3" scan.pdf "$TMP/review/sheet-3.png" 1 3)
rm -f "$TMP/r.rc"
tui_start_cmd r 80 24 "'$FIRSTLINE' --db '$FIRSTLINE_DB' paper review c1 \
    --by alice --password-file '$TMP/alice.pw' >'$TMP/r.out'; echo \$? >'$TMP/r.rc'"
screen_has r "Picture $TMP/review/sheet-2.png" "review: the picture of the first sheet in doubt"
screen_has r "in doubt: 2 (2: B filled; D faint)" "and the question in doubt with what was seen"
screen_has r "$T2 John Smith" "the trainee of that sheet"
key_all r "$("$H" key "$FIRSTLINE_DB" "$T2" right)"
tui_keys r C-s C-s
screen_has r "Stored as entry" "the entry is stored"
[ "$(sql "SELECT review_id FROM paper_entry WHERE review_id IS NOT NULL")" = "$R2" ]
ok $? "the entry names its review"
tui_keys r Enter
screen_has r "Picture $TMP/review/sheet-3.png" "then the next sheet in doubt"
screen_has r "in doubt: 1 3" "with its questions"
tui_keys r Escape
[ "$(rc_of r)" = 0 ]; ok $? "Esc leaves the queue: exit status 0"
has "$T3: nothing stored" "$(cat "$TMP/r.out")" "storing nothing for that sheet"
[ "$(sql "SELECT group_concat(status) FROM paper_review ORDER BY id")" = "open,open" ]
ok $? "both reviews stay open until a second person agrees"

done_testing
