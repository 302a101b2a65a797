#!/bin/sh
# Every option key chooses its option and does nothing else: on
# single-choice questions with 2 to 8 options, a multiple-choice and an
# ordering question with 8, and a true/false question, each of A-H, a-h
# and 1-8 that names an option is pressed and the database must hold that
# option; no press flags the question, opens the list or moves on.  A
# letter past the last option says there is no such option (f and g on a
# two-option question too) and changes nothing.
. "$(dirname "$0")/lib.sh"

# A bank of its own, written here: single-choice k2..k8 with 2..8
# options, a multiple-choice and an ordering question with 8, a true/false.
opts() {	# opts N: N options, the first correct
	_i=1
	while [ "$_i" -le "$1" ]; do
		printf '    <option%s><text xml:lang="zh-CN">选项%s</text><text xml:lang="en">Choice %s</text></option>\n' \
		    "$([ "$_i" = 1 ] && echo ' correct="true"')" "$_i" "$_i"
		_i=$((_i + 1))
	done
}
tail_xml() {
	cat <<'EOF'
    <explanation xml:lang="zh-CN">测试。</explanation>
    <explanation xml:lang="en">A test.</explanation>
    <source>firstline tests</source>
EOF
}
{
	echo '<?xml version="1.0" encoding="UTF-8"?>'
	echo '<bank module="keys">'
	echo '  <title xml:lang="zh-CN">按键</title><title xml:lang="en">Keys</title>'
	for n in 2 3 4 5 6 7 8; do
		echo "  <single id=\"k$n\" difficulty=\"1\">"
		echo "    <stem xml:lang=\"zh-CN\">有 $n 个选项的题</stem>"
		echo "    <stem xml:lang=\"en\">Single choice with $n options</stem>"
		opts "$n"
		tail_xml
		echo '  </single>'
	done
	echo '  <multiple id="km" difficulty="2">'
	echo '    <stem xml:lang="zh-CN">八个选项的多选题</stem>'
	echo '    <stem xml:lang="en">Multiple choice with eight options</stem>'
	opts 8
	tail_xml
	echo '  </multiple>'
	echo '  <ordering id="ko" difficulty="3">'
	echo '    <stem xml:lang="zh-CN">八个步骤的排序题</stem>'
	echo '    <stem xml:lang="en">Ordering with eight steps</stem>'
	for i in 1 2 3 4 5 6 7 8; do
		echo "    <step position=\"$i\"><text xml:lang=\"zh-CN\">步骤$i</text><text xml:lang=\"en\">Step $i</text></step>"
	done
	tail_xml
	echo '  </ordering>'
	echo '  <truefalse id="kt" difficulty="3" answer="true">'
	echo '    <stem xml:lang="zh-CN">判断题</stem>'
	echo '    <stem xml:lang="en">A true/false question</stem>'
	tail_xml
	echo '  </truefalse>'
	echo '</bank>'
} >"$TMP/keys-bank.xml"
cat >"$TMP/keys-exam.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<exam id="keys">
  <title xml:lang="zh-CN">按键测试</title>
  <title xml:lang="en">Keys test</title>
  <written minutes="30">
    <draw module="keys" difficulty="1" count="7"/>
    <draw module="keys" difficulty="2" count="1"/>
    <draw module="keys" difficulty="3" count="2"/>
  </written>
  <practical><station rubric="mini-station"/></practical>
  <simulation><scenario rubric="mini-drill"/></simulation>
  <weights written="40" practical="40" simulation="20"/>
  <rules/>
</exam>
EOF
"$FIRSTLINE" init >/dev/null &&
"$FIRSTLINE" bank load "$TMP/keys-bank.xml" "$TMP/keys-exam.xml" \
    "$TESTDATA/good/mini-rubric.xml" "$TESTDATA/good/mini-sim.xml" \
    >/dev/null &&
"$FIRSTLINE" cohort create "Keys" --exam keys --id ck >/dev/null &&
printf 'name,community\nKey Tester,Lianchi\n' >"$TMP/roster.csv" &&
"$FIRSTLINE" roster import ck "$TMP/roster.csv" >"$TMP/ck.csv"
ok $? "a bank with 2 to 8 options and its exam"
T=$(ticket ck 1) P=$(pin ck 1)
N=10

tui_start s 100 40
login s 2 "$T" "$P"
tui_wait s "Press Enter to begin" && tui_keys s Enter
screen_has s "Question 1/$N" "the paper is open"

seq_id() {	# seq_id QUESTION-ID: its 0-based place on the paper
	sql "SELECT p.seq FROM paper_item p JOIN question q
	    ON q.id = p.question_id WHERE p.attempt_id = $(attempt_of "$T")
	    AND q.qid = '$1'"
}
# stored SEQ WANT: until paper item SEQ's response is WANT (at most 10 s).
stored() {
	_n=0
	while [ "$(item "$T" "$1" response)" != "$2" ]; do
		[ "$_n" -ge 100 ] && return 1
		sleep 0.1
		_n=$((_n + 1))
	done
}
# press SEQ KEY WANT DESC: press KEY; the response must become WANT, the
# question stays open and unflagged.
press() {
	tui_keys s "$2"
	stored "$1" "$3"
	_r=$?
	if [ $_r -ne 0 ]; then
		printf '# %s: response %s, wanted %s\n' "$2" \
		    "$(item "$T" "$1" response)" "$3"
		tui_screen s | sed 's/^/#|/'
	fi
	ok $_r "$4"
}
# still SEQ DESC: the question is open (not the list), not flagged.
still() {
	[ "$(item "$T" "$1" flagged)" = 0 ] &&
	    tui_wait s "Question $(($1 + 1))/$N" &&
	    ! tui_screen s | grep -q "Arrows move"
	ok $? "$2"
}

UPPER="A B C D E F G H"
LOWER="a b c d e f g h"
DIGIT="1 2 3 4 5 6 7 8"
# nth LIST K: the Kth (0-based) word of LIST.
nth() { echo "$1" | cut -d' ' -f$(($2 + 1)); }

# ---------------------------------------------- single choice, 2..8
# (tui_keys sets n: the loops use other names)
for nopt in 2 3 4 5 6 7 8; do
	q=$(seq_id "k$nopt")
	goto s "$q" "$N"
	ok $? "k$nopt: open the question with $nopt options"
	for form in "$UPPER" "$LOWER" "$DIGIT"; do
		k=0
		while [ "$k" -lt "$nopt" ]; do
			key=$(nth "$form" "$k")
			press "$q" "$key" "$k" "k$nopt: $key chooses option $k"
			k=$((k + 1))
		done
	done
	still "$q" "k$nopt: every option key left the question open, unflagged"
done

# Letters past the last option: no such option, nothing else.
q=$(seq_id k2)
goto s "$q" "$N"
for key in f F g G h 8; do
	tui_keys s "$key"
	up=$(echo "$key" | tr 'a-h1-8' 'A-HA-H')
	screen_has s "There is no option $up." "k2: $key says there is no option $up"
	[ "$(item "$T" "$q" response)" = 1 ] && [ "$(item "$T" "$q" flagged)" = 0 ]
	ok $? "k2: $key changed nothing"
done
still "$q" "k2: f and g neither flag nor open the list"

# ------------------------------------------ multiple choice, 8 options
q=$(seq_id km)
goto s "$q" "$N"
want=""
for k in 0 1 2 3 4 5 6 7; do
	want="${want:+$want,}$k"
	press "$q" "$(nth "$UPPER" "$k")" "$want" "km: $(nth "$UPPER" "$k") ticks option $k"
done
for k in 0 1 2 3 4 5 6 7; do
	want=$(echo "0,1,2,3,4,5,6,7" | cut -d, -f$((k + 2))-)
	[ "$k" = 7 ] && want=""
	press "$q" "$(nth "$LOWER" "$k")" "$want" "km: $(nth "$LOWER" "$k") takes option $k back"
done
want=""
for k in 0 1 2 3 4 5 6 7; do
	want="${want:+$want,}$k"
	press "$q" "$(nth "$DIGIT" "$k")" "$want" "km: $(nth "$DIGIT" "$k") ticks option $k"
done
still "$q" "km: the multiple-choice question stayed open, unflagged"

# ------------------------------------------------ ordering, 8 steps
q=$(seq_id ko)
goto s "$q" "$N"
for form in "$UPPER" "$LOWER" "$DIGIT"; do
	want=""
	for k in 7 6 5 4 3 2 1 0; do
		want="${want:+$want,}$k"
		press "$q" "$(nth "$form" "$k")" "$want" "ko: $(nth "$form" "$k") adds step $k"
	done
	for k in 1 2 3 4 5 6 7 8; do
		tui_keys s BSpace
	done
	stored "$q" ""
	ok $? "ko: Backspace takes the steps back"
done
still "$q" "ko: the ordering question stayed open, unflagged"

# ---------------------------------------------------------- true/false
q=$(seq_id kt)
goto s "$q" "$N"
press "$q" A 1 "kt: A is True"
press "$q" b 0 "kt: b is False"
press "$q" 1 1 "kt: 1 is True"
press "$q" B 0 "kt: B is False"
press "$q" a 1 "kt: a is True"
press "$q" 2 0 "kt: 2 is False"
still "$q" "kt: the true/false question stayed open, unflagged"

# The commands are on keys that name no option.
tui_keys s m
screen_has s "flagged for review" "m flags"
[ "$(item "$T" "$q" flagged)" = 1 ]; ok $? "the flag is stored"
tui_keys s l
screen_has s "Arrows move" "l opens the list of questions"
tui_keys s l
screen_has s "Question $((q + 1))/$N" "l closes it"
[ "$(sql "SELECT count(*) FROM paper_item WHERE attempt_id = $(attempt_of "$T")
    AND flagged = 1")" = 1 ]
ok $? "only the question flagged with m is flagged"

done_testing
