#!/bin/sh
# No trailing spaces: every command's --help and usage line, and the text
# tables of the list and report commands (a table whose last cells are
# empty must not end its rows in padding).
. "$(dirname "$0")/lib.sh"

G="$TESTDATA/good"
# trail DESC TEXT: no line of TEXT ends with a space.
trail() {
	bad=$(printf '%s\n' "$2" | grep -n ' $' | head -3)
	[ -z "$bad" ]; r=$?
	[ $r -eq 0 ] || printf '# %s\n' "$bad" | cat -A
	ok $r "$1: no trailing spaces"
}

fl --help
trail "firstline --help" "$OUT"
printf '%s\n' "$OUT" | awk '/^  [a-z]/ { print $1, $2 }' |
    sed 's/ [A-Z[].*//; s/ [A-Z]*$//' | sort -u > "$TMP/cmds"
[ "$(wc -l < "$TMP/cmds")" -ge 30 ]; ok $? "the command list is read from --help"
while read -r cmd; do
	# shellcheck disable=SC2086
	fl $cmd --help
	trail "$cmd --help" "$OUT"
done < "$TMP/cmds"
fl init --bogus
trail "a usage error (init)" "$ERR"

fl init >/dev/null
fl bank load "$G/mini-bank.xml" "$G/mini-rubric.xml" "$G/mini-sim.xml" "$G/mini-exam.xml" >/dev/null
fl cohort create "尾" --exam mini-exam --id c1 >/dev/null
printf 'name,community\n张三,东关\nJohn,Lianchi\n' > "$TMP/r.csv"
fl roster import c1 "$TMP/r.csv"
T1=$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, 'NR == 2 { print $1 }')
echo "organizer-pw" > "$TMP/org.pw"
fl user add boss --role organizer --password-file "$TMP/org.pw" >/dev/null
fl score set c1 "$T1" written 75 --by boss --password-file "$TMP/org.pw" --reason "paper" >/dev/null
for cmd in "bank list" "rubric list" "exam list" "exam show mini-exam" \
    "cohort list" "user list" "attempts c1" "score history c1 $T1" \
    "report cohort c1" "report coverage" "report city"; do
	# shellcheck disable=SC2086
	fl $cmd
	[ -n "$OUT" ] || ok 1 "$cmd printed something"
	trail "$cmd" "$OUT"
done

done_testing
