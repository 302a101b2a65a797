#!/bin/sh
# bank import-moodle / export-moodle: conversion of every supported type,
# HTML to text, skipped types counted, bad and hostile files refused with
# FILE:LINE and nothing written, and the round trip import -> load ->
# export -> import keeping every question, type, key, text and name.
. "$(dirname "$0")/lib.sh"

M="$TESTDATA/moodle"

fl bank import-moodle "$M/quiz.xml" --module firstaid --lang en -o "$TMP/quiz.xml"
expect_rc 0 "a Moodle quiz export converts"
has "5 questions converted into $TMP/quiz.xml, module firstaid" "$OUT" "and says how many questions"
has "1 question had no general feedback" "$ERR" "a question without general feedback is counted"

x() {	# x XPATH: the string value of XPATH in the converted bank
	xmllint --xpath "$1" "$TMP/quiz.xml" 2>/dev/null
}

fl bank check "$TMP/quiz.xml"
expect_rc 0 "the converted bank passes bank check"
has "bank firstaid, 5 questions: ok" "$OUT" "with its five questions"
has "warning: 23 texts are marked untranslated" "$ERR" "and a warning counts the untranslated copies"

# Types and keys.
[ "$(x 'count(/bank/single)')" = 2 ]; ok $? "two single-choice questions"
[ "$(x 'count(/bank/multiple)')" = 1 ]; ok $? "one multiple-choice question"
[ "$(x 'string(/bank/truefalse/@answer)')" = false ]; ok $? "true/false: the answer at 100% (false)"
[ "$(x 'string(/bank/single[1]/option[@correct="true"]/text[@xml:lang="en"])')" = 119 ]; ok $? "single choice: the answer at 100% is the correct option"
[ "$(x 'count(/bank/multiple/option[@correct="true"])')" = 3 ]; ok $? "multiple: the three options at 33.33333 are correct"
[ "$(x 'count(/bank/multiple/option[not(@correct)])')" = 2 ]; ok $? "multiple: the two negative options are not"
[ "$(x 'string(/bank/ordering/step[@position="1"]/text[@xml:lang="en"])')" = "Kneel beside the casualty" ]; ok $? "ordering: the fraction gives the position"
[ "$(x 'string(/bank/ordering/step[@position="4"]/text[@xml:lang="en"])')" = "Roll the casualty towards you" ]; ok $? "ordering: the last step"

# Ids, names, difficulty, tags, source.
[ "$(x 'string(/bank/single[1]/@id)')" = fire-number ]; ok $? "a valid idnumber becomes the id"
[ "$(x 'string(/bank/multiple/@id)')" = firstaid-m002 ]; ok $? "an empty idnumber gives MODULE-mNNN"
[ "$(x 'string(/bank/truefalse/@id)')" = firstaid-m003 ]; ok $? "an invalid idnumber gives MODULE-mNNN"
[ "$(x 'string(/bank/single[2]/@id)')" = firstaid-m005 ]; ok $? "an idnumber used twice is kept only once"
[ "$(x 'string(/bank/ordering/name)')" = "Recovery position steps" ]; ok $? "the question name is kept"
[ "$(x 'string(/bank/single[1]/@difficulty)')" = 1 ]; ok $? "a difficulty:1 tag sets the difficulty"
[ "$(x 'string(/bank/multiple/@difficulty)')" = 2 ]; ok $? "the difficulty is 2 by default"
[ "$(x 'string(/bank/single[1]/tag[1])')" = 'category:$course$/top/First aid' ]; ok $? "the category becomes a tag"
[ "$(x 'string(/bank/single[1]/tag[2])')" = numbers ]; ok $? "Moodle tags are kept"
[ "$(x 'string(/bank/truefalse/tag[1])')" = 'category:$course$/top/First aid/Scene safety; basics' ]; ok $? "a later category applies to the following questions (commas as semicolons)"
has 'Moodle import: quiz.xml, "Lift in a fire"' "$(x 'string(/bank/truefalse/source)')" "the source names the file and the question"

# Languages: the Moodle text in en, copied into zh-CN and marked.
[ "$(x 'string(/bank/truefalse/stem[@xml:lang="zh-CN"]/@status)')" = untranslated ]; ok $? "the copy is marked untranslated"
[ "$(x 'count(/bank/truefalse/stem[@xml:lang="en"]/@status)')" = 0 ]; ok $? "the original is not"

# HTML reduced to text.
[ "$(x 'string(/bank/single[1]/stem[@xml:lang="en"])')" = "Which number do you call for a fire?" ]; ok $? "tags removed from the question text"
[ "$(x 'string(/bank/single[1]/explanation[@xml:lang="en"])')" = "119 is the fire number; 120 the ambulance." ]; ok $? "general feedback becomes the explanation, &nbsp; a space"
nl='
'
[ "$(x 'string(/bank/multiple/stem[@xml:lang="en"])')" = "Which are signs of shock?${nl}Select all that apply." ]; ok $? "escaped HTML (no CDATA) reduced, <br> a line break"
[ "$(x 'string(/bank/multiple/explanation[@xml:lang="en"])')" = "Pale, cold & clammy skin${nl}Fast, weak pulse${nl}Thirst" ]; ok $? "list items become lines, &amp; decoded"
[ "$(x 'string(/bank/ordering/stem[@xml:lang="en"])')" = "Put the steps in order:${nl}中文 étape <1>" ]; ok $? "numeric and named entities decoded, <div> a line"
[ "$(x 'string(/bank/truefalse/stem[@xml:lang="en"])')" = "You may use the lift${nl}to leave a burning building." ]; ok $? "moodle_auto_format keeps its line breaks"
[ "$(x 'string(/bank/ordering/explanation[@xml:lang="en"])')" = "Kneel, arm, leg, roll <then> check." ]; ok $? "plain_text is taken as it is"
has "came without feedback" "$(x 'string(/bank/single[2]/explanation[@xml:lang="en"])')" "no general feedback: the explanation says so"

# Standard output without -o; --lang zh-CN by default.
fl bank import-moodle "$M/unsupported.xml" --module drill
expect_rc 0 "a file with unsupported types converts what it can"
has "skipped 5 questions: 2 essay, 1 shortanswer, 1 matching, 1 multianswer" "$ERR" "the skipped types are counted"
has "unsupported.xml:5: skipped essay question \"Describe a fire drill\"" "$ERR" "each skipped question is named with its line"
has "unsupported.xml:31: skipped multianswer question \"Cloze\"" "$ERR" "the cloze question too"
has '<truefalse id="drill-m001" difficulty="2" answer="true">' "$OUT" "without -o the bank goes to standard output"
has '<stem xml:lang="zh-CN">发现火情应立即拨打 119。</stem>' "$OUT" "the Chinese text is the original by default"
has '<stem xml:lang="en" status="untranslated">发现火情应立即拨打 119。</stem>' "$OUT" "and the English one the copy"

# Bad input: FILE:LINE, exit 1, nothing written (an old file stays).
echo "old" > "$TMP/keep.xml"
refused() {	# FILE TEXT DESC
	fl bank import-moodle "$M/$1" --module t -o "$TMP/keep.xml"
	expect_rc 1 "$3: exit 1"
	has "$2" "$ERR" "$3: the message names file, line and problem"
	[ "$(cat "$TMP/keep.xml")" = old ]; ok $? "$3: the output file is untouched"
}
refused not-xml.xml "not-xml.xml:1: Start tag expected" "not XML"
refused single-two-full.xml "single-two-full.xml:11: question \"Two keys\": a single-choice question needs exactly one answer at 100%, it has 2" "a single choice with two answers at 100"
refused xxe.xml "xxe.xml:2: DOCTYPE declarations are not allowed" "a DOCTYPE with an external entity"
hasnt "root:" "$ERR" "the external entity was not read"
refused bad-answers.xml "bad-answers.xml:9: question \"Partial single\": answer 2 gives partial credit" "partial credit in a single choice"
has "bad-answers.xml:11: question \"Nothing right\": no answer has a positive fraction" "$ERR" "a multiple choice without a correct answer"
has "bad-answers.xml:21: question \"Yes or no\": a true/false answer must read" "$ERR" "a true/false with other answers"
has "bad-answers.xml:28: question \"Same twice\": answers 1 and 2 read the same" "$ERR" "two answers that read the same once reduced"
has "bad-answers.xml:29: question \"Same twice\": answer 3: the fraction is not a number" "$ERR" "a fraction that is not a number"
has "bad-answers.xml:26: question \"Same twice\": the question text: 1 image dropped" "$ERR" "a dropped image is noted"
[ "$(ls "$TMP" | grep -c 'keep.xml.')" = 0 ]; ok $? "no temporary file is left behind"

# Usage errors.
fl bank import-moodle "$M/quiz.xml"
expect_rc 2 "--module is required"
fl bank import-moodle "$M/quiz.xml" --module Bad.Module
expect_rc 2 "a module that is not an id is a usage error"
fl bank import-moodle "$M/quiz.xml" --module t --lang fr
expect_rc 2 "an unknown language is a usage error"
fl bank export-moodle
expect_rc 2 "export needs a module"

# Load the converted bank, export it, import it again.
fl init
fl bank load "$TMP/quiz.xml"
expect_rc 0 "the converted bank loads"
has "warning: 23 texts are marked untranslated" "$ERR" "bank load warns about the untranslated copies too"
fl bank list --format csv
has "firstaid,Moodle import: quiz.xml,5,2,1,1,1,1,4,0,1,5" "$(printf '%s' "$OUT" | tr -d '\r')" "bank list counts its questions by type and difficulty, and the five untranslated"
[ "$(sql "SELECT count(*) FROM question WHERE untranslated = 'zh-CN'")" = 5 ]; ok $? "each question knows its Chinese texts are copies"
[ "$(sql "SELECT name FROM question WHERE qid = 'firstaid-m004'")" = "Recovery position steps" ]; ok $? "the name is stored"

fl bank export-moodle nosuch
expect_rc 1 "exporting a module that is not loaded is refused"
has "module nosuch is not loaded" "$ERR" "and says so"

fl bank export-moodle firstaid --lang en -o "$TMP/export.xml"
expect_rc 0 "export-moodle writes the module"
e() { xmllint --xpath "$1" "$TMP/export.xml" 2>/dev/null; }
[ "$(e 'string(/quiz/question[1]/@type)')" = category ]; ok $? "a category question comes first"
[ "$(e 'string(/quiz/question[1]/category/text)')" = '$course$/top/firstline/firstaid' ]; ok $? "the module's category"
[ "$(e 'count(/quiz/question[@type="category"]/category/text[.="$course$/top/First aid"])')" = 1 ]; ok $? "imported questions go back to their category"
[ "$(e 'string(/quiz/question[idnumber="fire-number"]/single)')" = true ]; ok $? "single choice: <single>true</single>"
[ "$(e 'string(/quiz/question[idnumber="firstaid-m002"]/single)')" = false ]; ok $? "multiple choice: <single>false</single>"
[ "$(e 'count(/quiz/question[idnumber="firstaid-m002"]/answer[@fraction="33.33333"])')" = 3 ]; ok $? "3 correct of 5: 33.33333 each"
[ "$(e 'count(/quiz/question[idnumber="firstaid-m002"]/answer[@fraction="-50"])')" = 2 ]; ok $? "2 wrong of 5: -50 each"
[ "$(e 'string(/quiz/question[idnumber="firstaid-m003"]/answer[text="false"]/@fraction)')" = 100 ]; ok $? "true/false: the answer false at 100"
[ "$(e 'string(/quiz/question[@type="ordering"]/answer[@fraction="1"]/text)')" = "Kneel beside the casualty" ]; ok $? "ordering: fraction 1 is the first step"
[ "$(e 'string(/quiz/question[@type="ordering"]/gradingtype)')" = ALL_OR_NOTHING ]; ok $? "ordering: graded all or nothing like firstline"
[ "$(e 'string(/quiz/question[@type="ordering"]/selecttype)')" = ALL ]; ok $? "ordering: every step shown"
[ "$(e 'string(/quiz/question[idnumber="firstaid-m002"]/questiontext/text)')" = "Which are signs of shock?<br>Select all that apply." ]; ok $? "line breaks exported as <br>"
has "<![CDATA[Pale, cold &amp; clammy skin<br>" "$(cat "$TMP/export.xml")" "text HTML-escaped inside CDATA"
has "<![CDATA[" "$(cat "$TMP/export.xml")" "texts in CDATA sections"
[ "$(e 'string(/quiz/question[idnumber="fire-number"]/tags/tag[1]/text)')" = difficulty:1 ]; ok $? "the difficulty as a tag"

fl bank import-moodle "$TMP/export.xml" --module firstaid --lang en -o "$TMP/again.xml"
expect_rc 0 "the export imports again"
has "1 question had no general feedback" "$ERR" "our own no-feedback explanation is recognised as no feedback"

# Compare the two banks loaded in two databases, question by question.
dump() {	# dump DB: every question with its key and texts, sorted
	sqlite3 "$1" "SELECT q.qid, q.type, q.difficulty, q.name, q.stem_en,
	    q.explanation_en, coalesce(q.answer, ''),
	    (SELECT group_concat(t, '|') FROM (SELECT o.text_en || '=' ||
	      o.correct || '/' || coalesce(o.position, '') AS t
	      FROM question_option o WHERE o.question_id = q.id ORDER BY t))
	    FROM question q JOIN current_module m ON m.id = q.module_version_id
	    ORDER BY q.qid"
}
FIRSTLINE_DB="$TMP/again.db" fl init
FIRSTLINE_DB="$TMP/again.db" fl bank load "$TMP/again.xml"
expect_rc 0 "the re-imported bank loads"
dump "$FIRSTLINE_DB" > "$TMP/first.txt"
dump "$TMP/again.db" > "$TMP/second.txt"
[ "$(sql 'SELECT count(*) FROM question')" = 5 ] && [ -s "$TMP/first.txt" ]; ok $? "five questions to compare"
diff "$TMP/first.txt" "$TMP/second.txt" >"$TMP/diff" 2>&1
r=$?; [ $r -eq 0 ] || sed 's/^/# /' "$TMP/diff"
ok $r "round trip: every id, type, difficulty, name, text and key is kept"

# Our own bank: export, re-import, same questions (ids as names).
fl bank load "$FIRSTLINE_DATADIR/banks/cpr.xml"
fl bank export-moodle cpr -o "$TMP/cpr-zh.xml"
expect_rc 0 "a shipped bank exports"
[ "$(xmllint --xpath 'string(/quiz/question[2]/name/text)' "$TMP/cpr-zh.xml")" = "$(xmllint --xpath 'string(/quiz/question[2]/idnumber)' "$TMP/cpr-zh.xml")" ]; ok $? "our questions have their id as name"
fl bank import-moodle "$TMP/cpr-zh.xml" --module cpr -o "$TMP/cpr-again.xml"
expect_rc 0 "and imports again"
n=$(grep -c '<single\|<multiple\|<truefalse\|<ordering' "$FIRSTLINE_DATADIR/banks/cpr.xml")
has "$n questions converted" "$OUT" "with all of its questions"
FIRSTLINE_DB="$TMP/cpr.db" fl init
FIRSTLINE_DB="$TMP/cpr.db" fl bank load "$TMP/cpr-again.xml"
zdump() {	# zdump DB: the Chinese texts and keys of module cpr
	sqlite3 "$1" "SELECT q.qid, q.type, q.difficulty, q.stem_zh,
	    q.explanation_zh, coalesce(q.answer, ''),
	    (SELECT group_concat(t, '|') FROM (SELECT o.text_zh || '=' ||
	      o.correct || '/' || coalesce(o.position, '') AS t
	      FROM question_option o WHERE o.question_id = q.id ORDER BY t))
	    FROM question q JOIN current_module m ON m.id = q.module_version_id
	    WHERE m.module = 'cpr' ORDER BY q.qid"
}
zdump "$FIRSTLINE_DB" > "$TMP/cpr1.txt"
zdump "$TMP/cpr.db" > "$TMP/cpr2.txt"
diff "$TMP/cpr1.txt" "$TMP/cpr2.txt" >"$TMP/diff" 2>&1
r=$?; [ $r -eq 0 ] || sed 's/^/# /' "$TMP/diff" | head -20
ok $r "the shipped bank survives the round trip in Chinese"

done_testing
