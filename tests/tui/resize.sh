#!/bin/sh
# The question screen of the shipped 50-question exam in Chinese, by
# display width: a capture at 80x24 (printed below as comments, to be
# looked at), then relayout on resize 80x24 -> 120x40 -> 60x20 (the plain
# "too small" message, keys ignored) -> 80x24; NO_COLOR and a monochrome
# terminal.
. "$(dirname "$0")/lib.sh"

tui_db
ok $? "database with the shipped course"
T1=$(ticket c2 1) P1=$(pin c2 1)
T2=$(ticket c2 2) P2=$(pin c2 2)

# width FILE: the widest line, in columns (wc -L counts display width).
width() { wc -L <"$1" | tr -d ' '; }
# show FILE: the capture as TAP comments.
show() { sed 's/^/# |/' "$1"; }

tui_start z 80 24
login z 1 "$T1" "$P1"
tui_wait z "按回车键开始答题"
tui_keys z Enter
screen_has z "第 1/50 题" "question 1 of the standard exam"
# The question with the most text (stem and longest option) on this paper.
AID=$(attempt_of "$T1")
Q=$(sql "SELECT p.seq FROM paper_item p JOIN question q ON q.id = p.question_id
    WHERE p.attempt_id = $AID ORDER BY length(q.stem_zh) +
    (SELECT max(length(o.text_zh)) FROM question_option o
    WHERE o.question_id = q.id) DESC LIMIT 1")
goto z "$Q" 50
ok $? "question $((Q + 1)), the one with the most text"
tui_screen z >"$TMP/80x24.txt"
show "$TMP/80x24.txt"

[ "$(width "$TMP/80x24.txt")" -le 80 ]
ok $? "80x24: nothing wider than 80 columns"
[ "$(sed -n 1p "$TMP/80x24.txt" | wc -L)" -eq 79 ]
ok $? "80x24: the trainee's name and ticket end at column 79"
sed -n 1p "$TMP/80x24.txt" | grep -q "张三  $T1\$"
ok $? "80x24: title bar with the trainee"
sed -n 2p "$TMP/80x24.txt" | grep -q '剩余时间 [0-9]* 分钟$'
ok $? "80x24: status line ends with the time left"
[ "$(sed -n 2p "$TMP/80x24.txt" | wc -L)" -eq 79 ]
ok $? "80x24: the clock ends at column 79"

# The stem: lines 6.. up to the blank line before the options.  Every line
# but the last is full to within two columns (Chinese breaks anywhere,
# except before closing punctuation), unless what starts the next line
# could not have fitted: a number or Latin word ("120") or a character,
# with the closing punctuation that may not start a line ("120，").
awk 'NR >= 6 { if ($0 == "") exit; print }' "$TMP/80x24.txt" >"$TMP/stem"
n=$(wc -l <"$TMP/stem")
short=$(i=0; while IFS= read -r l; do
	i=$((i + 1))
	[ $i -lt "$n" ] || break
	w=$(printf '%s\n' "$l" | wc -L)
	u=$(sed -n "$((i + 1))p" "$TMP/stem" | LC_ALL=C.UTF-8 sed -E \
	    's/^ *(([A-Za-z0-9.%+-]+|.)[，。、；：？！）》」』”’,.;:?!)]*).*/\1/' |
	    wc -L)
	[ "$w" -lt 76 ] && [ $((w + u)) -le 78 ] && echo short
done <"$TMP/stem" | grep -c short)
[ "$n" -ge 1 ] && [ "$short" -eq 0 ]
ok $? "80x24: the stem wrapped by display width ($n lines)"
grep -q '^  [[(][ *x1-9][])] A\. ' "$TMP/80x24.txt"
ok $? "80x24: options labelled"
# Continuation lines of options hang under the option text (9 columns).
awk '/^  [[(][ *x1-9][])] [A-H]\. / { inopt = 1; next }
    inopt && /^         [^ ]/ { ok++; next }
    inopt && /^$/ { inopt = 0 }
    inopt && /^ +[^ ]/ { bad++ }
    END { exit bad > 0 }' "$TMP/80x24.txt"
ok $? "80x24: options wrap with a hanging indent"
hasnt "..." "$(awk 'NR >= 3 && NR <= 22' "$TMP/80x24.txt")" \
    "80x24: no text cut off"

# ----------------------------------------------------------- 120x40
tui_resize z 120 40
_n=0
while [ "$(tui_screen z | sed -n 1p | wc -L)" -ne 119 ] && [ $_n -lt 300 ]; do
	sleep 0.1
	_n=$((_n + 1))
done
tui_screen z >"$TMP/120x40.txt"
[ "$(sed -n 1p "$TMP/120x40.txt" | wc -L)" -eq 119 ]
ok $? "120x40: relayout, the title bar spans 120 columns"
[ "$(wc -l <"$TMP/120x40.txt")" -eq 40 ] &&
    sed -n 40p "$TMP/120x40.txt" | grep -q "? 帮助"
ok $? "120x40: key hints on the last row"
grep -q "第 $((Q + 1))/50 题" "$TMP/120x40.txt"
ok $? "120x40: still the same question"
tui_keys z l
screen_has z "  1-    2-    3-    4-    5-    6-    7-    8-    9-   10-   11-   12-   13-   14-   15-" \
    "120x40: the navigator has rows of 15"
tui_keys z Escape

# ------------------------------------------------------------ 60x20
tui_resize z 60 20
screen_has z "至少需要 80x24" "60x20: says plainly it is too small"
screen_has z "60x20" "60x20: with the size"
tui_screen z >"$TMP/60x20.txt"
[ "$(width "$TMP/60x20.txt")" -le 60 ]
ok $? "60x20: the message fits"
hasnt "/50 题" "$SCREEN" "60x20: no question drawn"
tui_keys z A
tui_idle z
[ -z "$(item "$T1" "$Q" response)" ]
ok $? "60x20: keys are ignored"

# ------------------------------------------------------ back to 80x24
tui_resize z 80 24
screen_has z "第 $((Q + 1))/50 题   已答 0/50" \
    "80x24 again: the same question, nothing answered"
tui_wait_gone z "至少需要"
tui_screen z >"$TMP/again.txt"
sed -n '3,22p' "$TMP/80x24.txt" >"$TMP/a"
sed -n '3,22p' "$TMP/again.txt" >"$TMP/b"
cmp -s "$TMP/a" "$TMP/b"
ok $? "80x24 again: the same screen as before"
tui_keys z A
screen_has z "已保存" "keys work again"
PID=$(tui_pid z)
kill -9 "$PID"

# ------------------------------------------------- NO_COLOR, monochrome
colours() {	# colours FILE: SGR colour codes in a capture with -e
	grep -c "$(printf '\033')\[[0-9;]*\(3[0-7]\|4[0-7]\|38;\|48;\|9[0-7]\)[;m]" "$1"
}
tm capture-pane -e -p -t z >"$TMP/colour.txt"
[ "$(colours "$TMP/colour.txt")" -gt 0 ]
ok $? "with colours: the capture has colour codes"
tm kill-session -t z

tui_start n 80 24 NO_COLOR=1
login n 2 "$T2" "$P2"
tui_wait n "Press Enter to begin"
tui_keys n Enter
screen_has n "Question" "NO_COLOR: question screen"
tm capture-pane -e -p -t n >"$TMP/nocolor.txt"
[ "$(colours "$TMP/nocolor.txt")" -eq 0 ]
ok $? "NO_COLOR: no colour codes"
grep -q "$(printf '\033')\[7m" "$TMP/nocolor.txt"
ok $? "NO_COLOR: the bars in reverse video"
tui_keys n l
screen_has n "answered    -  empty" "NO_COLOR: navigator"
tm capture-pane -e -p -t n >"$TMP/nocolor-nav.txt"
grep -q "$(printf '\033')\[7m  1- $(printf '\033')" "$TMP/nocolor-nav.txt" ||
    grep -q "$(printf '\033')\[7m *1-" "$TMP/nocolor-nav.txt"
ok $? "NO_COLOR: the navigator's cursor in reverse video"
PID=$(tui_pid n)
kill -9 "$PID"
tm kill-session -t n

tui_start m 80 24 TERM=vt100
login m 2 "$T2" "$P2"
tui_wait m "Press Enter to begin"
tui_keys m Enter
screen_has m "Question" "monochrome terminal: question screen"
tm capture-pane -e -p -t m >"$TMP/mono.txt"
[ "$(colours "$TMP/mono.txt")" -eq 0 ]
ok $? "monochrome terminal: no colour codes"
tm kill-session -t m

done_testing
