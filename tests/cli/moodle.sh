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
refused xxe.xml "xxe.xml:2: DOCTYPE declarations are not allowed" "a DOCTYPE with an external entity"
hasnt "root:" "$ERR" "the external entity was not read"
refused bad-answers.xml "bad-answers.xml: no multichoice, truefalse or ordering question to import" "a file whose every question is skipped"
has "bad-answers.xml:9: question \"Partial single\": answer 2 gives partial credit, which a single-choice question cannot have; the question is skipped" "$ERR" "partial credit in a single choice: skipped with its reason"
has "bad-answers.xml:11: question \"Nothing right\": no answer has a positive fraction" "$ERR" "a multiple choice without a correct answer"
has "bad-answers.xml:21: question \"Yes or no\": a true/false answer must read" "$ERR" "a true/false with other answers"
has "bad-answers.xml:28: question \"Same twice\": answers 1 and 2 read the same" "$ERR" "two answers that read the same once reduced"
has "bad-answers.xml:29: question \"Same twice\": answer 3: the fraction is not a number" "$ERR" "a fraction that is not a number"
has "bad-answers.xml:26: question \"Same twice\": the question text: 1 image dropped" "$ERR" "a dropped image is noted"
has "skipped 4 questions: 3 multichoice, 1 truefalse" "$ERR" "the skipped questions are counted by type"

# A question firstline cannot represent is skipped; the others convert.
fl bank import-moodle "$M/single-two-full.xml" --module t -o "$TMP/two.xml"
expect_rc 0 "a file with one question firstline cannot represent converts the rest"
has "single-two-full.xml:11: question \"Two keys\": a single-choice question needs exactly one answer at 100%, it has 2; the question is skipped" "$ERR" "the skipped question is named with FILE:LINE and its reason"
has "1 question converted" "$OUT" "the good question is converted"
[ "$(xmllint --xpath 'count(/bank/single)' "$TMP/two.xml")" = 1 ]; ok $? "and only it is in the bank"
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
[ "$(e 'string(/quiz/question[1]/category/text)')" = '$course$/top/firstline/firstaid/en' ]; ok $? "the module's category, one level per language"
[ "$(e 'count(/quiz/question[@type="category"]/category/text[.="$course$/top/First aid/en"])')" = 1 ]; ok $? "imported questions go back to their category"
[ "$(e 'string(/quiz/question[idnumber="fire-number.en"]/single)')" = true ]; ok $? "single choice: <single>true</single>"
[ "$(e 'string(/quiz/question[idnumber="firstaid-m002.en"]/single)')" = false ]; ok $? "multiple choice: <single>false</single>"
[ "$(e 'count(/quiz/question[idnumber="firstaid-m002.en"]/answer[@fraction="33.33333"])')" = 3 ]; ok $? "3 correct of 5: 33.33333 each"
[ "$(e 'count(/quiz/question[idnumber="firstaid-m002.en"]/answer[@fraction="-50"])')" = 2 ]; ok $? "2 wrong of 5: -50 each"
[ "$(e 'string(/quiz/question[idnumber="firstaid-m003.en"]/answer[text="false"]/@fraction)')" = 100 ]; ok $? "true/false: the answer false at 100"
[ "$(e 'string(/quiz/question[@type="ordering"]/answer[@fraction="1"]/text)')" = "Kneel beside the casualty" ]; ok $? "ordering: fraction 1 is the first step"
[ "$(e 'string(/quiz/question[@type="ordering"]/gradingtype)')" = ALL_OR_NOTHING ]; ok $? "ordering: graded all or nothing like firstline"
[ "$(e 'string(/quiz/question[@type="ordering"]/selecttype)')" = ALL ]; ok $? "ordering: every step shown"
[ "$(e 'string(/quiz/question[idnumber="firstaid-m002.en"]/questiontext/text)')" = "Which are signs of shock?<br>Select all that apply." ]; ok $? "line breaks exported as <br>"
has "<![CDATA[Pale, cold &amp; clammy skin<br>" "$(cat "$TMP/export.xml")" "text HTML-escaped inside CDATA"
has "<![CDATA[" "$(cat "$TMP/export.xml")" "texts in CDATA sections"
[ "$(e 'string(/quiz/question[idnumber="fire-number.en"]/tags/tag[1]/text)')" = difficulty:1 ]; ok $? "the difficulty as a tag"

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

# Bilingual Moodle text: multilang spans and {mlang} give both languages.
fl bank import-moodle "$M/multilang.xml" --module ml -o "$TMP/ml.xml"
expect_rc 0 "a bilingual Moodle file converts"
y() { xmllint --xpath "$1" "$TMP/ml.xml" 2>/dev/null; }
[ "$(y 'string(/bank/single[@id="ml-fire"]/stem[@xml:lang="zh-CN"])')" = "发现火情应拨打哪个号码？" ]; ok $? "span lang=zh_cn: the Chinese stem"
[ "$(y 'string(/bank/single[@id="ml-fire"]/stem[@xml:lang="en"])')" = "Which number do you call for a fire?" ]; ok $? "span lang=en (attributes in any order): the English stem"
[ "$(y 'count(/bank/single[@id="ml-fire"]//*[@status])')" = 0 ]; ok $? "a question written in both languages has no untranslated copy"
[ "$(y 'string(/bank/single[@id="ml-fire"]/option[@correct="true"]/text[@xml:lang="zh-CN"])')" = "119（火警）" ]; ok $? "options: span lang=zh"
[ "$(y 'string(/bank/single[@id="ml-fire"]/option[2]/text[@xml:lang="en"])')" = "120 (ambulance)" ]; ok $? "options: a plain span inside a multilang span is text"
[ "$(y 'string(/bank/single[@id="ml-fire"]/explanation[@xml:lang="zh-CN"])')" = "119 是火警电话。" ]; ok $? "feedback: span lang=zh-cn"
[ "$(y 'string(/bank/single[@id="ml-fire"]/explanation[@xml:lang="en"])')" = "119 is the fire number." ]; ok $? "feedback: the French part is not in the English text"
has "multilang.xml:26: question \"Fire number\": the general feedback: 1 part in another language than Chinese or English dropped" "$ERR" "the part in another language is reported"
[ "$(y 'string(/bank/truefalse[@id="ml-lift"]/stem[@xml:lang="zh-CN"])')" = "火灾时可以乘电梯逃生。" ]; ok $? "{mlang zh}: the Chinese stem"
[ "$(y 'string(/bank/truefalse[@id="ml-lift"]/stem[@xml:lang="en"])')" = "You may use the lift to leave a burning building." ]; ok $? "{mlang en}: the English stem"
[ "$(y 'string(/bank/truefalse[@id="ml-lift"]/explanation[@xml:lang="zh-CN"])')" = "不可以：电梯可能断电。" ]; ok $? "{mlang zh_cn}: the Chinese feedback"
[ "$(y 'string(/bank/multiple/stem[@xml:lang="zh-CN"]/@status)')" = untranslated ]; ok $? "a text only in English: the Chinese side is the copy"
[ "$(y 'string(/bank/multiple/option[1]/text[@xml:lang="en"]/@status)')" = untranslated ]; ok $? "a text without language marks goes to --lang (zh-CN) as before"
has "multilang.xml:100: question \"English only\": the question text: 2 sounds or videos (players or links) dropped" "$ERR" "audio players and links to videos are reported as dropped"
hasnt "shock.mp3" "$(y 'string(/bank/multiple/stem[@xml:lang="en"])')" "the player's fallback text is not in the stem"
has "multilang.xml:111: question \"English only\": the <image> field (Moodle 1.x) is dropped" "$ERR" "the old <image> field is reported"
has "multilang.xml:112: question \"English only\": the <image_base64> field (Moodle 1.x) is dropped" "$ERR" "the old <image_base64> field is reported"
has "multilang.xml:131: question \"Nine answers\": firstline needs 2 to 8 answers, this question has 9; the question is skipped" "$ERR" "more than 8 answers: skipped with its reason"
has "multilang.xml:162: question \"Partial single\": answer 2 gives partial credit, which a single-choice question cannot have; the question is skipped" "$ERR" "partial credit: skipped with its reason"
has "skipped 2 questions: 2 multichoice" "$ERR" "the skipped questions are counted"
has "multilang.xml:96: question \"English only\": idnumber \"ml fire\" is not a firstline id" "$ERR" "a replaced idnumber is reported"
has "multilang.xml:166: question \"Duplicate idnumber\": idnumber \"ml-lift\" is used by an earlier question; its id is ml-m004" "$ERR" "an idnumber used twice is reported with the new id"
hasnt "ml-fire\" is used" "$ERR" "the idnumber of a skipped question does not count as used"
fl bank check "$TMP/ml.xml"
expect_rc 0 "the bilingual conversion passes bank check"

# Broken and hostile multilang text: skipped with the reason, never guessed.
fl bank import-moodle "$M/hostile-multilang.xml" --module hm -o "$TMP/hm.xml"
expect_rc 0 "a file with broken multilang converts its good question"
has "hostile-multilang.xml:10: question \"Nested spans\": the question text: a multilang <span> inside another one; the question is skipped" "$ERR" "nested multilang spans"
has "hostile-multilang.xml:22: question \"Unclosed span\": the question text: the multilang <span lang=\"zh_cn\"> is not closed; the question is skipped" "$ERR" "an unclosed multilang span"
has "hostile-multilang.xml:34: question \"Open mlang\": the question text: {mlang zh} has no closing {mlang}; the question is skipped" "$ERR" "a {mlang} without its end"
has "hostile-multilang.xml:58: question \"Stray end\": the question text: {mlang} closes nothing; the question is skipped" "$ERR" "a {mlang} that closes nothing"
[ "$(xmllint --xpath 'string(/bank/truefalse/stem[@xml:lang="zh-CN"])' "$TMP/hm.xml")" = "Check the scene first." ]; ok $? "a span in another language only: the text outside it is kept"
hasnt "Lage" "$(cat "$TMP/hm.xml")" "and the German part is dropped"
# Huge text: 300,000 characters of Chinese in a span, and 20,000 unclosed spans.
big=$(head -c 100000 /dev/zero | tr '\0' 'x')
{ printf '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n'
  printf '<question type="truefalse"><name><text>Huge</text></name><questiontext format="html"><text><![CDATA[<span lang="zh" class="multilang">%s%s%s</span><span lang="en" class="multilang">short</span>]]></text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>\n' "$big" "$big" "$big"
  printf '<question type="truefalse"><name><text>Spans</text></name><questiontext format="html"><text><![CDATA['
  i=0; while [ $i -lt 200 ]; do printf '<span lang="en" class="multilang">'; i=$((i + 1)); done | head -c 20000
  i=0; while [ $i -lt 100 ]; do printf '%s' '<span class="multilang" lang="zh"><span><span>'; i=$((i + 1)); done
  printf ']]></text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>\n'
  printf '<question type="truefalse"><name><text>Fine</text></name><questiontext format="html"><text>{mlang en}Fine.{mlang}{mlang zh}好。{mlang}</text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>\n</quiz>\n'
} > "$TMP/huge.xml"
fl bank import-moodle "$TMP/huge.xml" --module huge -o "$TMP/huge-out.xml"
expect_rc 0 "huge multilang texts: the good question converts"
has "question \"Huge\": the question text is longer than 4000 characters; the question is skipped" "$ERR" "a huge text in one language is skipped"
has "question \"Spans\": the question text: a multilang <span> inside another one; the question is skipped" "$ERR" "thousands of nested spans are refused"
[ "$(xmllint --xpath 'string(/bank/truefalse/stem[@xml:lang="zh-CN"])' "$TMP/huge-out.xml")" = "好。" ]; ok $? "and the good question has both languages"

# Every shipped bank: load, export (both languages, the default), import,
# load again and compare every question.
RT="$TMP/rt"
mkdir "$RT" "$RT/banks"
FIRSTLINE_DB="$RT/a.db" fl init
FIRSTLINE_DB="$RT/a.db" fl bank load "$FIRSTLINE_DATADIR"/banks/*.xml
expect_rc 0 "every shipped bank loads"
nbanks=0
for f in "$FIRSTLINE_DATADIR"/banks/*.xml; do
	m=$(basename "$f" .xml)
	FIRSTLINE_DB="$RT/a.db" fl bank export-moodle "$m" -o "$RT/$m-moodle.xml"
	expect_rc 0 "$m: exported"
	fl bank import-moodle "$RT/$m-moodle.xml" --module "$m" -o "$RT/banks/$m.xml"
	expect_rc 0 "$m: imported again"
	hasnt "skipped" "$ERR" "$m: no question skipped"
	nbanks=$((nbanks + 1))
done
[ "$nbanks" -ge 8 ]; ok $? "the eight shipped banks went round"
has '<span lang="zh_cn" class="multilang">' "$(cat "$RT/cpr-moodle.xml")" "the export carries Chinese multilang spans"
has '<span lang="en" class="multilang">' "$(cat "$RT/cpr-moodle.xml")" "and English ones"
has '<p class="firstline-source">' "$(cat "$RT/cpr-moodle.xml")" "the source travels in the general feedback"
FIRSTLINE_DB="$RT/b.db" fl init
FIRSTLINE_DB="$RT/b.db" fl bank load "$RT"/banks/*.xml
expect_rc 0 "the re-imported banks load"
full() {	# full DB: every question of every module, both languages
	# (ordering steps by their position: Moodle keeps them in the correct
	# order and shuffles them itself)
	sqlite3 "$1" "SELECT m.module, q.qid, q.type, q.difficulty, q.name,
	    q.stem_zh, q.stem_en, q.explanation_zh, q.explanation_en,
	    q.source, q.tags, q.untranslated, coalesce(q.answer, ''),
	    (SELECT group_concat(t, ' ## ') FROM (SELECT o.text_zh || '|' ||
	      o.text_en || '=' || o.correct || '/' ||
	      coalesce(o.position, '') AS t FROM question_option o
	      WHERE o.question_id = q.id ORDER BY coalesce(o.position, o.seq)))
	    FROM question q JOIN current_module m ON m.id = q.module_version_id
	    ORDER BY m.module, q.id"
}
full "$RT/a.db" > "$RT/a.txt"
full "$RT/b.db" > "$RT/b.txt"
n=$(wc -l < "$RT/a.txt"); [ "$n" -ge 600 ]; ok $? "600 questions or more to compare ($n)"
diff "$RT/a.txt" "$RT/b.txt" >"$RT/diff" 2>&1
r=$?; [ $r -eq 0 ] || sed 's/^/# /' "$RT/diff" | head -20
ok $r "round trip of every shipped bank: ids, types, keys, order, both languages, source, tags"

# One language per file: distinct idnumbers and categories, both in one course.
FIRSTLINE_DB="$RT/a.db" fl bank export-moodle cpr --lang zh-CN -o "$RT/cpr-zh.xml"
expect_rc 0 "export in Chinese only"
FIRSTLINE_DB="$RT/a.db" fl bank export-moodle cpr --lang en -o "$RT/cpr-en.xml"
expect_rc 0 "export in English only"
[ "$(xmllint --xpath 'string(/quiz/question[2]/idnumber)' "$RT/cpr-zh.xml")" = cpr-001.zh-CN ]; ok $? "the Chinese file's idnumbers end in .zh-CN"
[ "$(xmllint --xpath 'string(/quiz/question[2]/idnumber)' "$RT/cpr-en.xml")" = cpr-001.en ]; ok $? "the English file's in .en"
[ "$(xmllint --xpath 'string(/quiz/question[1]/category/text)' "$RT/cpr-en.xml")" = '$course$/top/firstline/cpr/en' ]; ok $? "each language its own category"
hasnt 'multilang' "$(cat "$RT/cpr-en.xml")" "a one-language file has no multilang spans"
fl bank import-moodle "$RT/cpr-en.xml" --module cpr --lang en -o "$RT/cpr-en-bank.xml"
expect_rc 0 "the English file imports"
hasnt "idnumber" "$ERR" "the language suffix is no replaced idnumber"
[ "$(xmllint --xpath 'string(/bank/*[@id][1]/@id)' "$RT/cpr-en-bank.xml")" = cpr-001 ]; ok $? "and gives the ids back"
[ "$(xmllint --xpath 'count(/bank/*/tag[starts-with(., "category:")])' "$RT/cpr-en-bank.xml")" = 0 ]; ok $? "the module's own category is no tag"

done_testing
