#!/bin/sh
# The shipped course: every file validates and loads, and each of the eight
# modules meets the counts of the content issues (at least 75 questions
# per module since issue 15).
. "$(dirname "$0")/lib.sh"

Q="$FIRSTLINE_DATADIR"
set -- "$Q"/banks/*.xml "$Q"/rubrics/*.xml "$Q"/exams/*.xml

fl bank check "$@"
expect_rc 0 "every shipped file passes bank check"
fl init >/dev/null
fl bank load "$@"
expect_rc 0 "every shipped file loads"

fl bank list --format csv
csv=$(printf '%s\n' "$OUT" | tr -d '\r' | tail -n +2)
n=$(printf '%s\n' "$csv" | grep -c .)
[ "$n" = 8 ]; ok $? "eight modules are loaded (got $n)"
for m in firstaid cpr trauma hazard disaster evacuation reporting home; do
	row=$(printf '%s\n' "$csv" | grep "^$m,")
	# module,title,questions,single,multiple,truefalse,ordering,d1,d2,d3,
	# version,untranslated (counted from the end: a title may hold commas)
	echo "$row" | awk -F, '{
		q = $(NF-9); mu = $(NF-7); tf = $(NF-6); or = $(NF-5);
		d1 = $(NF-4); d2 = $(NF-3); d3 = $(NF-2); un = $NF;
		bad = (q < 75) || (mu < 5) || (tf < 5) || (or < 2) ||
		    (d1 * 5 < q) || (d2 * 5 < q) || (d3 * 5 < q) || (un != 0);
		if (bad) print "# " $0;
		exit bad }'
	ok $? "module $m: >= 75 questions, >= 5 multiple, >= 5 true/false, >= 2 ordering, each difficulty >= 20%, all translated"
done

[ "$(sql "SELECT count(*) FROM question WHERE trim(source) = '' OR trim(explanation_zh) = '' OR trim(explanation_en) = '' OR trim(stem_zh) = '' OR trim(stem_en) = ''")" = 0 ]
ok $? "every question has a stem, an explanation in both languages and a source"

fl rubric list --format csv
p=$(printf '%s\n' "$OUT" | grep -c ',practical,')
s=$(printf '%s\n' "$OUT" | grep -c ',simulation,')
[ "$p" -ge 3 ] && [ "$s" -ge 3 ]; ok $? "at least three practical ($p) and three simulation ($s) rubrics"

fl exam list --format csv
has "standard," "$OUT" "the standard exam is loaded"
q=$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, '$1 == "standard" { print $(NF-2) }')
[ "$q" = 50 ]; ok $? "the standard written paper has 50 questions (got $q)"

done_testing
