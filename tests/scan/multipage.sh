#!/bin/sh
# Answer sheets of several pages, end to end: an exam long enough (40
# ordering questions of the shipped banks and 18 others) that every
# trainee's answer sheet takes three pages; `paper print`, each page
# marked and scanned by tests/scan/gen-sheets, the pages of all sheets
# mixed across JPEG, PNG, TIFF and scanner-PDF files in any order, some
# upside down, one page of one sheet held back.  Then `paper scan`:
# nothing stored without all its pages (the sheet missing one is named,
# with the page, and nothing of it is stored), nothing lost, no answer
# stored that was not meant, every stored sheet graded on all its
# questions; the held-back page scanned later with the rest stores that
# sheet; a rescan changes nothing.  And the printed sheet itself: "Answer
# sheet 2 / 3" on every page, a QR code per page that says which page.
. "$(dirname "$0")/../cli/lib.sh"

BIN=$(dirname "$FIRSTLINE")
GEN="$BIN/tests/scan/gen-sheets"
B="$FIRSTLINE_DATADIR"
N=4

cat >"$TMP/long.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<exam id="long">
  <title xml:lang="zh-CN">长卷笔试</title>
  <title xml:lang="en">Long written paper</title>
  <written minutes="120" pass="60">
    <draw module="cpr" type="ordering" difficulty="2" count="8"/>
    <draw module="disaster" type="ordering" difficulty="2" count="8"/>
    <draw module="evacuation" type="ordering" difficulty="2" count="8"/>
    <draw module="firstaid" type="ordering" difficulty="2" count="8"/>
    <draw module="hazard" type="ordering" difficulty="2" count="8"/>
    <draw module="cpr" type="single" difficulty="1" count="10"/>
    <draw module="trauma" type="truefalse" difficulty="1" count="4"/>
    <draw module="home" type="multiple" difficulty="2" count="4"/>
  </written>
  <practical pass="60"><station rubric="cpr-aed"/></practical>
  <simulation pass="60" require="one-of">
    <scenario rubric="stairwell-arrest"/>
  </simulation>
  <weights written="40" practical="40" simulation="20"/>
  <rules excellent="90" cohort-pass-rate="95" cohort-excellence-rate="30"
         retakes="1"/>
</exam>
EOF
{ echo name,community; i=1; while [ $i -le $N ]; do
    echo "学员$i,东关"; i=$((i + 1)); done; } >"$TMP/roster.csv"
fl init && fl bank load "$B"/banks/*.xml "$B"/rubrics/*.xml \
    "$TMP/long.xml" && fl cohort create 长卷 --exam long --id L1 &&
    fl roster import L1 "$TMP/roster.csv" &&
    fl paper print L1 -o "$TMP/printed.pdf"
expect_rc 0 "$N papers of a 58-question exam printed"

# The printed sheets: three pages each, numbered, a code per page.
run "$GEN" codes "$TMP/printed.pdf"
printf '%s\n' "$OUT" >"$TMP/codes"
[ "$RC" = 0 ] && [ "$(wc -l <"$TMP/codes")" = $((3 * N)) ] &&
    [ "$(cut -f2 "$TMP/codes" | sort -u | wc -l)" = $N ] &&
    [ "$(cut -f2,3 "$TMP/codes" | sort -u | wc -l)" = $((3 * N)) ]
ok $? "every answer sheet has three pages, each its own QR code"
[ "$(cut -f4 "$TMP/codes" | sort -u | wc -l)" = $((3 * N)) ] &&
    [ "$(awk -F '\t' '$3 > 1 && $4 !~ ("/s" $3 "$")' "$TMP/codes" |
    wc -l)" = 0 ]
ok $? "no two pages share a QR code; pages 2 and 3 say so in theirs"
pg=$(sed -n 2p "$TMP/codes" | cut -f1)
run pdftotext -f "$pg" -l "$pg" "$TMP/printed.pdf" -
has "Answer sheet 2 / 3" "$OUT" "page 2 of a sheet reads 'Answer sheet 2 / 3'"
has "10000001" "$OUT" "and names the trainee's ticket"

# Filled and scanned: three sheets filled cleanly, their pages mixed
# across files, one page of the first held back; the fourth marked in
# light pencil throughout (for review), its pages upside down, in files
# of their own.
mkdir "$TMP/scan" "$TMP/scan2" "$TMP/held"
run "$GEN" fill "$FIRSTLINE_DB" "$TMP/printed.pdf" "$TMP/scan" "$TMP/key1" \
    --count $((N - 1)) --seed 7 --clean 1 --dpi 150,200 --shuffle 9 \
    --withhold 1 --held "$TMP/held"
expect_rc 0 "$((N - 1)) three-page sheets filled, one page held back"
run "$GEN" fill "$FIRSTLINE_DB" "$TMP/printed.pdf" "$TMP/scan2" \
    "$TMP/key2" --skip $((N - 1)) --count 1 --seed 8 --clean 0 \
    --messy light --dpi 150,200 --shuffle 3 --formats jpeg,png,tiff \
    --upside 1
expect_rc 0 "a three-page sheet marked in light pencil"
cat "$TMP/key1" "$TMP/key2" >"$TMP/key"
cut -f9 "$TMP/key" | tr ';' '\n' >"$TMP/where"
[ "$(grep -c . "$TMP/where")" = $((3 * N)) ] &&
    [ "$(grep -c '^!' "$TMP/where")" = 1 ]
ok $? "the key names where every page went"
[ "$(grep -c '@1[789][0-9]\.' "$TMP/where")" -ge 3 ]
ok $? "some pages are upside down"

held=$(awk -F '\t' '$9 ~ /!/ { print $3 }' "$TMP/key")
held_page=$(cut -f9 "$TMP/key" | awk -F ';' '/!/ { for (i = 1; i <= NF;
    i++) if ($i ~ /^!/) print i }')
held_ticket=$(sql "SELECT t.ticket FROM attempt a JOIN trainee t
    ON t.id = a.trainee_id WHERE a.id = $held")

# The scan without the held-back page.
fl paper scan L1 "$TMP"/scan/* "$TMP"/scan2/*
expect_rc 1 "paper scan exits 1: a sheet misses a page"
has "$held_ticket" "$ERR" "the refusal names the sheet's trainee"
has "answer sheet page $held_page of 3 was not among the scans" "$ERR" \
    "and the page missing"
has "nothing of this sheet is stored" "$ERR" "and says nothing of it is stored"
has "firstline paper enter L1 $held_ticket" "$ERR" \
    "and how to key it in if the page is lost"
has "waiting for the others" "$OUT" "pages are kept until their sheet is whole"
# In the order paper scan reads them, the pages of the sheets are mixed:
# more runs of one sheet's pages than sheets, or a sheet whose first page
# read is not its page 1.
runs=$(for f in "$TMP"/scan/* "$TMP"/scan2/*; do grep -n -F "$f#" \
    "$TMP/where"; done | awk -F: '{ print int(($1 - 1) / 3) }' | uniq |
    wc -l)
late=$(printf '%s\n' "$OUT" | sed -n 's/.*: \([0-9]*\) [^:]*: answer sheet page \([0-9]\) of 3 read.*/\1 \2/p' |
    awk '!seen[$1]++ && $2 != 1' | wc -l)
[ "$runs" -gt $N ] || [ "$late" -gt 0 ]
ok $? "the pages arrive mixed ($runs runs of a sheet's pages; $late sheets begun past page 1)"
[ "$(printf '%s\n' "$ERR" | grep -c .)" = 1 ]
ok $? "nothing else refused"
run "$GEN" check "$FIRSTLINE_DB" "$TMP/key" --max-clean-review 1
printf '%s\n' "$OUT" | sed 's/^/# /'
expect_rc 0 "check: no silent error, nothing lost, clean sheets stored, all graded"
has "1 with a page not scanned, of them stored 0" "$OUT" \
    "the sheet missing a page is not stored"
[ "$(sql "SELECT a.status || ' ' || count(r.id) FROM attempt a LEFT JOIN
    paper_review r ON r.attempt_id = a.id WHERE a.id = $held")" = \
    "not-started 0" ] &&
    [ "$(sql "SELECT count(*) FROM paper_item WHERE attempt_id = $held
    AND response != ''")" = 0 ]
ok $? "no answer of it stored, no blank stored for its missing page"
stored=$(sql "SELECT count(*) FROM attempt WHERE mode = 'paper-scan' AND
    status = 'submitted' AND total = 58 AND correct IS NOT NULL")
[ "$stored" -ge 1 ]
ok $? "sheets stored and graded on all 58 questions ($stored)"
has "review 1," "$OUT" "the sheet in light pencil goes to review, every page"

# The held-back page found: scanned with the others, the sheet is whole.
fl paper scan L1 "$TMP"/held/* "$TMP"/scan/* "$TMP"/scan2/*
expect_rc 0 "scanned again with the missing page: nothing refused"
run "$GEN" check "$FIRSTLINE_DB" "$TMP/key" --max-clean-review 1 \
    --with-held
printf '%s\n' "$OUT" | sed 's/^/# /'
expect_rc 0 "check: the sheet is now stored as meant (or in review), nothing lost"
[ "$(sql "SELECT count(*) FROM attempt WHERE id = $held AND (status =
    'submitted' AND total = 58 OR id IN (SELECT attempt_id FROM paper_review
    WHERE status = 'open'))")" = 1 ]
ok $? "the sheet that missed a page is stored or in review now"

# A rescan is idempotent.
stored=$(sql "SELECT count(*) FROM attempt WHERE mode = 'paper-scan' AND
    status = 'submitted'")
state() { sql "SELECT a.id, a.status, a.mode, a.correct, a.total, a.tenths,
    group_concat(p.response, '|') FROM attempt a JOIN paper_item p ON
    p.attempt_id = a.id GROUP BY a.id ORDER BY a.id"; }
state >"$TMP/before"
fl paper scan L1 "$TMP"/scan/* "$TMP"/scan2/* "$TMP"/held/*
expect_rc 0 "a rescan of every page exits 0"
state >"$TMP/after"
cmp -s "$TMP/before" "$TMP/after"
ok $? "a rescan changes no attempt, answer or grade"
has "0 stored, $stored already stored" "$OUT" \
    "a rescan stores nothing again"

# One page of a stored sheet scanned again on its own (a page fed twice,
# a page rescanned to check it): compared with what is stored, as a whole
# sheet would be.
lone=$(awk -F '\t' -v held="$held" '$3 != held { n = split($9, w, ";");
    for (i = 1; i <= n; i++) if (w[i] !~ /\.pdf#/ && w[i] !~ /^!/) {
    sub(/#.*/, "", w[i]); print $3 "\t" i "\t" w[i]; exit } }' "$TMP/key1")
lone_aid=$(echo "$lone" | cut -f1) lone_page=$(echo "$lone" | cut -f2)
fl paper scan L1 "$(echo "$lone" | cut -f3)"
expect_rc 0 "page $lone_page of a stored sheet scanned alone: nothing refused"
has "already stored with the same answers (answer sheet page $lone_page of 3 scanned again)" \
    "$OUT" "it is found already stored, the same"
state >"$TMP/after"
cmp -s "$TMP/before" "$TMP/after"
ok $? "and nothing changes"

# One page of the sheet in review scanned alone: it already waits.
rev=$(cut -f9 "$TMP/key2" | tr ';' '\n' | grep -v '\.pdf#' | head -1 |
    sed 's/#.*//')
fl paper scan L1 "$rev"
expect_rc 1 "a lone page of the sheet in review is refused"
has "already waits in review (firstline paper review L1)" "$ERR" \
    "saying the sheet waits in review"

done_testing
