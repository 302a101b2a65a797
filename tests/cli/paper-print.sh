#!/bin/sh
# paper print (SPEC 10): per trainee a question booklet and an answer
# sheet in one private PDF; the paper drawn and frozen as for a terminal
# (printing again gives the identical paper, nothing drawn again); the QR
# code read back from a rendered page by zbarimg and verified by the core;
# hostile cases draw nothing: an unknown cohort or ticket, a withdrawn
# trainee, one who sat at a terminal, an output that cannot be written.
. "$(dirname "$0")/lib.sh"

for t in pdftotext pdfinfo pdftoppm zbarimg; do
	if ! command -v $t >/dev/null; then
		echo "1..0 # SKIP $t not installed (poppler-utils, zbar-tools)"
		exit 0
	fi
done

BIN=$(dirname "$FIRSTLINE")
SIT="$BIN/tests/cli/items-sit"
CODE="$BIN/tests/cli/sheet-code"
G="$TESTDATA/good"
B="$FIRSTLINE_DATADIR"
fl init >/dev/null
fl bank load "$G/mini-bank.xml" "$G/mini-rubric.xml" "$G/mini-sim.xml" "$G/mini-exam.xml" >/dev/null
fl bank load "$B"/banks/*.xml "$B"/rubrics/*.xml "$B/exams/standard.xml" >/dev/null
expect_rc 0 "the standard course loads"
fl cohort create "第一批 莲池区" --exam mini-exam --id c1 >/dev/null
fl cohort create "第二批" --exam standard --id c2 >/dev/null
printf 'name,community\n王秀英,东关\n李建国,西关\n张伟,南关\n刘洋,北关\n' > "$TMP/r1.csv"
printf 'name,community\n陈静,满城区大册营镇大册营村\nRobert Smith,莲池区\n' > "$TMP/r2.csv"
fl roster import c1 "$TMP/r1.csv"; R1=$(printf '%s\n' "$OUT" | tr -d '\r')
fl roster import c2 "$TMP/r2.csv"; R2=$(printf '%s\n' "$OUT" | tr -d '\r')
tk() { printf '%s\n' "$1" | awk -F, -v n="$2" 'NR == n + 1 { print $1 }'; }
pin() { printf '%s\n' "$1" | awk -F, -v n="$2" 'NR == n + 1 { print $4 }'; }
T1=$(tk "$R1" 1); T2=$(tk "$R1" 2); T3=$(tk "$R1" 3); T4=$(tk "$R1" 4)
attempts() { sql "SELECT count(*) FROM attempt"; }

# ---------------------------------------------------------------- usage
fl paper print c1
expect_rc 2 "-o is required"
has "-o FILE.pdf is required" "$ERR" "and said so"
fl paper print -o "$TMP/x.pdf"
expect_rc 2 "a cohort is required"
fl paper print c1 --lang fr -o "$TMP/x.pdf"
expect_rc 2 "an unknown language is a usage error"

# ---------------------------------------------------------------- hostile
fl paper print nope -o "$TMP/x.pdf"
expect_rc 1 "an unknown cohort is refused"
has "no cohort nope" "$ERR" "and named"
fl paper print c1 "$T1" 99999999 -o "$TMP/x.pdf"
expect_rc 1 "an unknown ticket is refused"
has "99999999" "$ERR" "and named"
[ "$(attempts)" = 0 ]; ok $? "nothing drawn for the others either"
fl paper print c1 -o "$TMP/no/such/dir/p.pdf"
expect_rc 1 "an output in a missing directory is refused"
has "cannot write the papers $TMP/no/such/dir/p.pdf" "$ERR" "and names the file"
[ "$(attempts)" = 0 ]; ok $? "and draws nothing"
mkdir "$TMP/dir.pdf"
fl paper print c1 -o "$TMP/dir.pdf"
expect_rc 1 "an output that is a directory is refused"
[ "$(attempts)" = 0 ]; ok $? "and draws nothing"
mkdir "$TMP/ro"; chmod 555 "$TMP/ro"
if [ "$(id -u)" != 0 ]; then
	fl paper print c1 -o "$TMP/ro/p.pdf"
	expect_rc 1 "an unwritable directory is refused"
	[ "$(attempts)" = 0 ]; ok $? "and draws nothing"
else
	ok 0 "an unwritable directory is refused # SKIP root writes anywhere"
	ok 0 "and draws nothing # SKIP root"
fi

# T3 sits at a terminal (and submits); T4 is withdrawn.
"$SIT" "$FIRSTLINE_DB" "$T3" "$(pin "$R1" 3)" '*=right' >/dev/null 2>"$TMP/sit.err"
ok $? "$T3 sits the test at a terminal"
echo "organizer-pw" > "$TMP/org.pw"
fl user add boss --role organizer --password-file "$TMP/org.pw"
fl cohort withdraw c1 "$T4" --by boss --reason "moved away" --password-file "$TMP/org.pw"
expect_rc 0 "$T4 is withdrawn"
n0=$(attempts)
fl paper print c1 "$T3" -o "$TMP/x.pdf"
expect_rc 1 "a trainee who sat at a terminal is refused"
has "ticket $T3 has already sat the written test" "$ERR" "and told why"
fl paper print c1 "$T4" -o "$TMP/x.pdf"
expect_rc 1 "a withdrawn trainee is refused"
has "$T4" "$ERR" "and named"
fl paper print c1 "$T1" "$T3" -o "$TMP/x.pdf"
expect_rc 1 "one refused ticket among several: all refused"
[ "$(attempts)" = "$n0" ]; ok $? "and nothing drawn"
[ ! -e "$TMP/x.pdf" ] && [ -z "$(find "$TMP" -name '.papers.*')" ]
ok $? "no file and no temporary file left"

# ---------------------------------------------------------------- print
umask 022
fl paper print c1 --lang en -o "$TMP/c1.pdf"
expect_rc 0 "paper print of the cohort"
has "2 papers in $TMP/c1.pdf (2 drawn now, 0 printed before" "$OUT" "says how many were drawn"
has "ticket $T3 has already sat" "$ERR" "warns about the trainee who sat"
has "ticket $T4 was withdrawn" "$ERR" "and the withdrawn one"
[ "$(stat -c %a "$TMP/c1.pdf")" = 600 ]; ok $? "the PDF is private (0600): it has names"
[ -z "$(find "$TMP" -name '.papers.*')" ]; ok $? "no temporary file left"
[ "$(sql "SELECT count(*) FROM attempt a JOIN trainee t ON t.id = a.trainee_id
    WHERE t.ticket IN ('$T1', '$T2') AND a.status = 'not-started'
    AND a.deadline = 0 AND (SELECT count(*) FROM paper_item p WHERE p.attempt_id = a.id) = 3")" = 2 ]
ok $? "each paper frozen, not started, no deadline (the sheets may take days)"
[ "$(sql "SELECT count(*) FROM event WHERE action = 'paper print'")" = 2 ]; ok $? "audited"
info=$(pdfinfo "$TMP/c1.pdf")
has "Pages:           4" "$info" "a booklet page and an answer sheet per trainee"
has "Page size:       595.28 x 841.89 pts (A4)" "$info" "A4 portrait"
text=$(pdftotext -layout "$TMP/c1.pdf" -)
for n in 王秀英 李建国 "$T1" "$T2" "Question booklet" "Answer sheet" "Test exam" \
    "第一批 莲池区" "Fill the chosen circle completely" "把选中的圆圈完全涂满" \
    "Page 1 / 1" "What is the fire emergency number?"; do
	has "$n" "$text" "the PDF says: $n"
done
hasnt "张伟" "$text" "nothing for the one who sat at a terminal"
hasnt "刘洋" "$text" "nor for the withdrawn one"
hasnt "119 is the fire number" "$text" "no explanation (no key) is printed"

# The booklet shows the frozen paper: stems in paper order, options in
# their frozen display order (A. ... B. ...).
expected=$(sql "SELECT p.question_id, p.option_order, q.type, q.stem_en
    FROM paper_item p JOIN question q ON q.id = p.question_id
    JOIN attempt a ON a.id = p.attempt_id JOIN trainee t ON t.id = a.trainee_id
    WHERE t.ticket = '$T1' ORDER BY p.seq" |
    while IFS='|' read -r qid order type stem; do
	printf '%s\n' "$stem"
	[ "$type" = truefalse ] && continue
	k=0
	for s in $(printf '%s' "$order" | tr ',' ' '); do
		printf '%s. %s\n' "$(echo ABCDEFGH | cut -c$((k + 1)))" \
		    "$(sql "SELECT text_en FROM question_option WHERE question_id = $qid AND seq = $s")"
		k=$((k + 1))
	done
    done)
[ "$(printf '%s\n' "$expected" | wc -l)" -ge 6 ]; ok $? "three questions with their options to look for"
page1=$(pdftotext -f 1 -l 1 "$TMP/c1.pdf" - | tr -s ' ')
printf '%s\n' "$expected" > "$TMP/expected"
printf '%s\n' "$page1" | awk -v f="$TMP/expected" '
    BEGIN { while ((getline l < f) > 0) want[n++] = l }
    { line = $0; gsub(/^ +| +$/, "", line)
      if (i < n && index(line, want[i]) > 0) i++ }
    END { if (i < n) { print "# not found in order: " want[i]; exit 1 } }'
ok $? "the booklet of $T1 shows its frozen questions and option order"

# The QR codes: read from the pages rendered at 150 dpi, genuine.
pdftoppm -png -r 150 "$TMP/c1.pdf" "$TMP/pg"
A1=$(sql "SELECT a.id FROM attempt a JOIN trainee t ON t.id = a.trainee_id WHERE t.ticket = '$T1'")
qr=$(zbarimg -q --raw "$TMP/pg-2.png" 2>/dev/null)
ok $? "zbarimg reads the answer sheet's QR code"
printf '%s\n' "$qr" | grep -qx "FL1/$(sql "SELECT uuid FROM instance")/c1/$A1/[0-9a-f]\{20\}"
ok $? "it is the sheet code of $T1's attempt ($qr)"
v=$("$CODE" "$FIRSTLINE_DB" c1 "$qr" 2>&1)
has "attempt $A1 trainee" "$v" "the core verifies it"
has "part answers page 1" "$v" "as page 1 of an answer sheet"
v=$("$CODE" "$FIRSTLINE_DB" c2 "$qr" 2>&1)
has "belongs to cohort c1, not c2" "$v" "scanned with the wrong cohort: refused"
case "$qr" in *0) forged="${qr%?}1" ;; *) forged="${qr%?}0" ;; esac
v=$("$CODE" "$FIRSTLINE_DB" c1 "$forged" 2>&1)
has "check value is wrong" "$v" "a forged check value is refused"
bq=$(zbarimg -q --raw "$TMP/pg-1.png" 2>/dev/null)
[ "$bq" = "$qr/p1" ]; ok $? "the booklet page carries the same code with /p1 ($bq)"
"$CODE" "$FIRSTLINE_DB" c1 "$bq" >/dev/null 2>&1; ok $? "and verifies"
pdftoppm -png -r 100 -f 4 -l 4 "$TMP/c1.pdf" "$TMP/lo"
qr2=$(zbarimg -q --raw "$TMP"/lo-4.png 2>/dev/null)
"$CODE" "$FIRSTLINE_DB" c1 "$qr2" >/dev/null 2>&1; ok $? "the second sheet's code read at 100 dpi verifies"
[ "$qr2" != "$qr" ]; ok $? "and differs from the first"

# The trainee cannot sit the printed paper at a terminal.
"$SIT" "$FIRSTLINE_DB" "$T1" "$(pin "$R1" 1)" '*=right' >/dev/null 2>"$TMP/sit.err"
[ $? -ne 0 ]; ok $? "a printed paper cannot be opened at a terminal"
has "printed on paper" "$(cat "$TMP/sit.err")" "and the trainee is told why"

# ---------------------------------------------------------------- reprint
papers=$(sql "SELECT group_concat(attempt_id || ':' || seq || ':' || question_id || ':' || option_order, ' ') FROM paper_item ORDER BY attempt_id, seq")
n0=$(attempts)
fl paper print c1 --lang en -o "$TMP/again.pdf"
expect_rc 0 "printing again"
has "(0 drawn now, 2 printed before and the same again)" "$OUT" "draws nothing"
[ "$(attempts)" = "$n0" ]; ok $? "no new attempt"
[ "$(sql "SELECT group_concat(attempt_id || ':' || seq || ':' || question_id || ':' || option_order, ' ') FROM paper_item ORDER BY attempt_id, seq")" = "$papers" ]
ok $? "the frozen papers are unchanged"
pdftotext -layout "$TMP/c1.pdf" "$TMP/a.txt"; pdftotext -layout "$TMP/again.pdf" "$TMP/b.txt"
cmp -s "$TMP/a.txt" "$TMP/b.txt"; ok $? "the reprint is the identical paper, word for word"
fl paper print c1 "$T2" --lang en -o "$TMP/one.pdf"
expect_rc 0 "one ticket alone"
has "Pages:           2" "$(pdfinfo "$TMP/one.pdf")" "its booklet and sheet"
[ "$(pdftotext -f 2 -l 2 "$TMP/one.pdf" - | md5sum)" = "$(pdftotext -f 4 -l 4 "$TMP/c1.pdf" - | md5sum)" ]
ok $? "the same answer sheet as in the cohort's print"

# ---------------------------------------------------------------- standard
fl paper print c2 --lang zh-CN -o "$TMP/c2.pdf"
expect_rc 0 "the standard exam's papers"
A=$(sql "SELECT min(a.id) FROM attempt a JOIN trainee t ON t.id = a.trainee_id JOIN cohort c ON c.id = t.cohort_id WHERE c.cohort = 'c2'")
[ "$(sql "SELECT count(*) FROM paper_item WHERE attempt_id = $A")" = 50 ]; ok $? "50 questions drawn"
pages=$(pdfinfo "$TMP/c2.pdf" | awk '/^Pages:/ { print $2 }')
sheets=0
i=1
while [ $i -le "$pages" ]; do
	pdftotext -layout -f $i -l $i "$TMP/c2.pdf" - | tr -s ' \n' '  ' |
	    grep -q "答题卡 Answer sheet 1 / 1" && sheets=$((sheets + 1))
	i=$((i + 1))
done
[ "$sheets" = 2 ]; ok $? "one answer sheet page per trainee ($sheets)"
[ "$pages" -gt 4 ]; ok $? "and booklets of several pages ($pages pages in all)"
c2text=$(pdftotext -layout "$TMP/c2.pdf" -)
has "陈静" "$c2text" "Chinese name"
has "【单选题】" "$c2text" "question kinds in Chinese"
has "第 1 / " "$c2text" "page numbers"
last=$(pdftotext -f "$pages" -l "$pages" -layout "$TMP/c2.pdf" -)
has "50" "$last" "the last sheet numbers question 50"
pdftoppm -png -r 150 -f "$pages" -l "$pages" "$TMP/c2.pdf" "$TMP/s2"
q=$(zbarimg -q --raw "$TMP"/s2-*.png 2>/dev/null)
"$CODE" "$FIRSTLINE_DB" c2 "$q" >/dev/null 2>&1; ok $? "its QR code verifies ($q)"

# ---------------------------------------------------------------- together
# Two prints of the same cohort at once: one paper each, the same papers.
fl cohort create "第四批" --exam mini-exam --id c4 >/dev/null
printf 'name,community\n甲,东关\n乙,西关\n丙,南关\n' > "$TMP/r4.csv"
fl roster import c4 "$TMP/r4.csv"
"$FIRSTLINE" paper print c4 --lang en -o "$TMP/c4a.pdf" >"$TMP/c4a.out" 2>&1 &
pa=$!
"$FIRSTLINE" paper print c4 --lang en -o "$TMP/c4b.pdf" >"$TMP/c4b.out" 2>&1
rb=$?
wait $pa; ra=$?
[ $ra -eq 0 ] && [ $rb -eq 0 ]; ok $? "two prints at once both succeed ($ra, $rb)"
[ "$(sql "SELECT count(*) FROM attempt a JOIN trainee t ON t.id = a.trainee_id
    JOIN cohort c ON c.id = t.cohort_id WHERE c.cohort = 'c4'")" = 3 ]
ok $? "one attempt per trainee"
cat "$TMP/c4a.out" "$TMP/c4b.out" | grep -q "(3 drawn now"; ok $? "one of them drew the papers"
cat "$TMP/c4a.out" "$TMP/c4b.out" | grep -q "(0 drawn now, 3 printed before"; ok $? "the other printed them again"
[ "$(pdftotext "$TMP/c4a.pdf" - | md5sum)" = "$(pdftotext "$TMP/c4b.pdf" - | md5sum)" ]
ok $? "and both files hold the same papers"
fl paper print c4 "' OR 1=1 --" -o "$TMP/inj.pdf"
expect_rc 1 "a ticket with SQL in it is an unknown ticket"
[ ! -e "$TMP/inj.pdf" ]; ok $? "and nothing is written"

# ---------------------------------------------------------------- long name
LONG="欧阳诸葛司马上官慕容东方皇甫尉迟公孙长孙宇文令狐端木司徒 Alexandra-Konstantinopolous"
fl cohort create "第三批" --exam mini-exam --id c3 >/dev/null
printf 'name,community\n%s,东关\n' "$LONG" > "$TMP/r3.csv"
fl roster import c3 "$TMP/r3.csv"
fl paper print c3 -o "$TMP/c3.pdf"
expect_rc 0 "a paper for a very long name"
t3=$(pdftotext -raw "$TMP/c3.pdf" - | tr -d '\n')
n3=$(printf '%s' "$t3" | grep -o "$LONG" | wc -l)
[ "$n3" -ge 3 ]; ok $? "the name is printed whole on the booklet and the sheet ($n3 times)"

done_testing
