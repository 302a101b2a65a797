#!/bin/sh
# bank check / bank load: the semantic checks with FILE:LINE, all-or-nothing
# loading, versions, and the list and show commands.
. "$(dirname "$0")/lib.sh"

G="$TESTDATA/good"
B="$TESTDATA/bad"

fl bank check "$G/mini-bank.xml" "$G/mini-rubric.xml" "$G/mini-sim.xml" "$G/mini-exam.xml"
expect_rc 0 "good files check"
has "bank mini, 4 questions: ok" "$OUT" "check reports what each file is"

check_bad() {	# FILE EXPECTED-TEXT DESC [more files]
	f=$1 text=$2 desc=$3
	shift 3
	fl bank check "$B/$f" "$@"
	expect_rc 1 "$desc: exit 1"
	has "$text" "$ERR" "$desc: message names file, line and problem"
}

check_bad single-two-correct.xml "single-two-correct.xml:6: question mini-001: a single-choice question needs exactly one correct option, it has 2" "single choice with two correct"
check_bad single-none-correct.xml "single-none-correct.xml:6: question mini-001: a single-choice question needs exactly one correct option, it has 0" "single choice with none correct"
check_bad ordering-not-permutation.xml "ordering-not-permutation.xml:34: question mini-004: the step positions are not a permutation" "ordering not a permutation"
check_bad duplicate-id.xml "duplicate-id.xml:27: question mini-001: duplicate id (first at line 6)" "duplicate id in one bank"
check_bad missing-english.xml "missing-english.xml:31: question mini-003: <explanation> appears twice in zh-CN" "a text without English"
check_bad rubric-sum.xml "rubric-sum.xml:2: rubric mini-station: the item marks add up to 9, but max is 10" "rubric marks not adding up"
check_bad schema-violation.xml "schema-violation.xml:6: Element 'single', attribute 'difficulty'" "schema violation"
check_bad truncated.xml "truncated.xml:21: Premature end of data" "truncated file"
check_bad not-xml.xml "not-xml.xml:1: Start tag expected" "not XML at all"
check_bad exam-too-many.xml "exam-too-many.xml:7: exam mini-exam: the blueprint asks for 3 questions of difficulty 2 from module mini, which has only 1" "blueprint larger than the module" "$G/mini-bank.xml"

fl bank check "$G/mini-bank.xml" "$G/mini-bank-dup.xml"
expect_rc 1 "an id used in two banks is refused"
has "question mini-001: id also used in" "$ERR" "and both places are named"

fl init >/dev/null
# All or nothing: a good bank and a bad one load nothing.
fl bank load "$G/mini-rubric.xml" "$G/mini-bank.xml" "$B/rubric-sum.xml"
expect_rc 1 "a load with one bad file fails"
has "nothing was loaded" "$ERR" "and says nothing was loaded"
[ "$(sql 'SELECT count(*) FROM question')" = 0 ]; ok $? "no question was stored"
[ "$(sql 'SELECT count(*) FROM rubric_version')" = 0 ]; ok $? "no rubric was stored"

fl bank load "$G/mini-bank.xml" "$G/mini-rubric.xml" "$G/mini-sim.xml" "$G/mini-exam.xml"
expect_rc 0 "good files load"
has "module mini: version 1, 4 questions" "$OUT" "load reports the version"
fl bank load "$G/mini-bank.xml"
has "unchanged, version 1 kept" "$OUT" "an unchanged file keeps its version"

# A changed bank becomes version 2; version 1 stays.
sed 's/Test module/Test module, revised/' "$G/mini-bank.xml" > "$TMP/mini-v2.xml"
fl bank load "$TMP/mini-v2.xml"
has "module mini: version 2" "$OUT" "a changed bank gets a new version"
[ "$(sql "SELECT count(*) FROM module_version WHERE module='mini'")" = 2 ]; ok $? "the old version is kept"

fl bank load "$G/mini-bank-dup.xml"
expect_rc 1 "an id used by a loaded module is refused"
has "id already used by loaded module mini" "$ERR" "and the module is named"

fl bank list --format csv
expect_rc 0 "bank list --format csv"
first=$(printf '%s\n' "$OUT" | head -1 | tr -d '\r')
[ "$first" = "module,title,questions,single,multiple,truefalse,ordering,d1,d2,d3,version,untranslated" ]; ok $? "bank list CSV header"
has "mini,\"Test module, revised\",4,1,1,1,1,2,1,1,2" "$(printf '%s' "$OUT" | tr -d '\r')" "bank list CSV row, quoted as RFC 4180"

fl rubric list --format csv
has "mini-station,practical,Test station,10,6,2,1" "$(printf '%s' "$OUT" | tr -d '\r')" "rubric list CSV"
fl rubric show mini-station --format csv
has "safety,Checks the scene is safe,4,yes" "$(printf '%s' "$OUT" | tr -d '\r')" "rubric show CSV"
fl rubric show nope
expect_rc 1 "an unknown rubric is refused"
fl exam show mini-exam --format csv
has "simulation,mini-drill,one-of" "$(printf '%s' "$OUT" | tr -d '\r')" "exam show CSV"
fl exam list
has "mini-exam" "$OUT" "exam list"

LANGUAGE=zh_CN fl bank list
has "测试模块" "$OUT" "titles follow the reader's language"

# A question text must hold more than blanks (the schema's pattern, written
# so that a matcher goes one way only): the verdicts wanted, from firstline and
# from xmllint over the same schema, and the message quotes the schema's
# pattern.  Each case replaces one option's English text.
XSD=$FIRSTLINE_DATADIR/schema/bank.xsd
right=0 cases=0
verdict() {	# TEXT 0|1: firstline and xmllint both accept (0) or refuse (1)
	r=$(printf '%s' "$1" | sed 's/&/\\\&/g')	# & in a sed replacement
	sed "s|<text xml:lang=\"en\">119</text>|<text xml:lang=\"en\">$r</text>|" \
	    "$G/mini-bank.xml" >"$TMP/pattern.xml"
	"$FIRSTLINE" bank check "$TMP/pattern.xml" >/dev/null 2>&1; a=$?
	xmllint --noout --schema "$XSD" "$TMP/pattern.xml" >/dev/null 2>&1
	b=$([ $? = 0 ] && echo 0 || echo 1)
	cases=$((cases + 1))
	if [ $a = "$2" ] && [ $b = "$2" ]; then right=$((right + 1));
	else echo "# text '$1': firstline $a, xmllint $b, wanted $2"; fi
}
for t in 'x' '  x' 'x  ' '&#10;&#10;  x' 'x&#10;&#10;' \
    '&#13;&#10;a&#13;&#10;b&#13;&#10;' '&#9; &#10;&#9;.&#10;' '一' '&#10;&#160;'; do
	verdict "$t" 0
done
for t in ' ' '&#10;' '&#9;&#13;&#10; &#10;' '&#13;'; do
	verdict "$t" 1
done
[ $right = $cases ]; ok $? "blank and non-blank texts: the verdicts of xmllint ($right of $cases)"
sed 's|<text xml:lang="en">119</text>|<text xml:lang="en"> \n\t</text>|' \
    "$G/mini-bank.xml" >"$TMP/pattern.xml"
fl bank check "$TMP/pattern.xml"
has "is not accepted by the pattern '\\s*\\S[^\\n]*(\\n[^\\n]*)*'" "$ERR" \
    "a blank text: the message quotes the schema's pattern"

done_testing
