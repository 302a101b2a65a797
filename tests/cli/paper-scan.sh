#!/bin/sh
# paper scan (SPEC 10): answer sheets printed by `paper print`, filled and
# scanned by tests/scan/gen-sheets, read back.  Clean sheets are stored
# answer by answer (mode paper-scan) and graded; the same sheets again are
# reported, not stored twice; another reading of a stored sheet, and a
# messy sheet, go to review with a picture and store nothing; a page of a
# question booklet, a sheet of another cohort or database, a home-made QR
# code, a decompression bomb, a header declaring 100,000 x 100,000 pixels,
# a truncated JPEG or PNG, a 1,000-page PDF and a file that is no image are
# refused, naming the file (and page), and store nothing.
. "$(dirname "$0")/lib.sh"

BIN=$(dirname "$FIRSTLINE")
GEN="$BIN/tests/scan/gen-sheets"
B="$FIRSTLINE_DATADIR"
DB="$FIRSTLINE_DB"

setup_db() {	# setup_db DB COHORT N: the standard course, N trainees
	FIRSTLINE_DB=$1 "$FIRSTLINE" init >/dev/null &&
	FIRSTLINE_DB=$1 "$FIRSTLINE" bank load "$B"/banks/*.xml \
	    "$B"/rubrics/*.xml "$B/exams/standard.xml" >/dev/null &&
	FIRSTLINE_DB=$1 "$FIRSTLINE" cohort create "第一批" --exam standard \
	    --id "$2" >/dev/null &&
	{ echo name,community; i=1; while [ $i -le "$3" ]; do
	    echo "学员$i,东关"; i=$((i + 1)); done; } >"$TMP/r-$2.csv" &&
	FIRSTLINE_DB=$1 "$FIRSTLINE" roster import "$2" "$TMP/r-$2.csv" \
	    >/dev/null
}
setup_db "$DB" c1 9
ok $? "a cohort of nine with the standard paper"
FIRSTLINE_DB=$DB "$FIRSTLINE" cohort create "第二批" --exam standard \
    --id c2 >/dev/null
printf 'name,community\n陈静,南关\n' >"$TMP/r2.csv"
fl roster import c2 "$TMP/r2.csv"
fl paper print c1 -o "$TMP/c1.pdf"
expect_rc 0 "paper print c1"
fl paper print c2 -o "$TMP/c2.pdf"
expect_rc 0 "paper print c2"
setup_db "$TMP/other.db" c1 1 &&
    FIRSTLINE_DB="$TMP/other.db" "$FIRSTLINE" paper print c1 \
    -o "$TMP/other.pdf" >/dev/null
ok $? "another database prints a cohort c1 too"

stored() { sql "SELECT count(*) FROM attempt WHERE mode = 'paper-scan'"; }
reviews() { sql "SELECT count(*) FROM paper_review WHERE status = 'open'"; }
answers() { sql "SELECT group_concat(response, '|') FROM (SELECT response
    FROM paper_item ORDER BY attempt_id, seq)"; }

# ---------------------------------------------------------------- usage
fl paper scan
expect_rc 2 "a cohort and files are required"
fl paper scan c1
expect_rc 2 "at least one file is required"
has "FILE" "$ERR" "and said so"
fl paper scan nope "$TMP/c1.pdf"
expect_rc 1 "an unknown cohort is refused"
has "nope" "$ERR" "and named"
fl paper scan --help
expect_rc 0 "--help"
has "review" "$OUT" "and it speaks of review"

# ---------------------------------------------------------------- clean
# Four clean sheets of c1 (JPEG, PNG, TIFF, a scanner's PDF), one upside
# down among them at least (--turn 180 on the first).
"$GEN" fill "$DB" "$TMP/c1.pdf" "$TMP" "$TMP/k0" --count 1 --clean 1 \
    --turn 180 --formats png --seed 11 >/dev/null &&
mkdir "$TMP/clean" && mv "$TMP/sheet-0001.png" "$TMP/clean/upside.png" &&
sed "s|$TMP/sheet-0001.png|$TMP/clean/upside.png|" "$TMP/k0" >"$TMP/k1" &&
"$GEN" fill "$DB" "$TMP/c1.pdf" "$TMP/clean" "$TMP/k1b" --skip 1 \
    --count 3 --clean 1 --formats jpeg,png,tiff,pdf --seed 12 >/dev/null &&
cat "$TMP/k1b" >>"$TMP/k1"
ok $? "four clean sheets filled and scanned"
fl paper scan c1 "$TMP"/clean/*
expect_rc 0 "paper scan stores them"
has "4 stored, 0 already stored, 0 to review, 0 refused" "$OUT" \
    "all four stored"
has "stored and graded:" "$OUT" "each with its grade"
[ "$(stored)" = 4 ]; ok $? "four attempts are paper-scan"
"$GEN" check "$DB" "$TMP/k1" >"$TMP/check" 2>&1
ok $? "every answer stored is what the trainee meant"
[ "$(sql "SELECT count(*) FROM attempt WHERE mode = 'paper-scan' AND
    status = 'submitted' AND tenths IS NOT NULL")" = 4 ]
ok $? "and graded"
[ "$(sql "SELECT count(*) FROM event WHERE action = 'paper store'")" = 4 ]
ok $? "four stores in the audit trail"
has "upside.png" "$(sql "SELECT group_concat(detail) FROM event WHERE
    action = 'paper store'")" "the audit names the file scanned"

# ---------------------------------------------------------------- again
before=$(answers)
fl paper scan c1 "$TMP"/clean/*
expect_rc 0 "the same sheets again"
has "0 stored, 4 already stored, 0 to review, 0 refused" "$OUT" \
    "are reported as already stored"
has "already stored with the same answers" "$OUT" "in those words"
[ "$(answers)" = "$before" ]; ok $? "nothing changed"
[ "$(sql "SELECT count(*) FROM event WHERE action = 'paper store'")" = 4 ]
ok $? "nothing stored twice"

# Another reading of a stored sheet (other marks on the same paper).
mkdir "$TMP/other-reading"
"$GEN" fill "$DB" "$TMP/c1.pdf" "$TMP/other-reading" "$TMP/k2" --count 1 \
    --clean 1 --formats png --seed 99 >/dev/null
fl paper scan c1 --review-dir "$TMP/rev" "$TMP"/other-reading/*
expect_rc 0 "a different reading of a stored sheet"
has "to review" "$OUT" "goes to review"
has "already stored with other answers" "$OUT" "and says why"
[ "$(answers)" = "$before" ]; ok $? "the stored answers are kept"
[ "$(reviews)" = 1 ]; ok $? "one review entry"
png=$(sql "SELECT image FROM paper_review")
case "$png" in "$TMP/rev/"*.png) ok 0 "the picture is in --review-dir" ;;
*) ok 1 "the picture is in --review-dir ($png)" ;; esac
[ -s "$png" ] && [ "$(head -c 4 "$png" | od -An -c | tr -d ' ')" = \
    "211PNG" ]
ok $? "and is a PNG"
[ "$(stat -c %a "$png")" = 600 ]; ok $? "readable by the owner only"

# ---------------------------------------------------------------- messy
mkdir "$TMP/messy"
"$GEN" fill "$DB" "$TMP/c1.pdf" "$TMP/messy" "$TMP/k3" --skip 4 --count 3 \
    --clean 0 --formats jpeg,png --seed 7 >/dev/null
ok $? "three messy sheets"
echo "instructor-pw-1" >"$TMP/ins.pw"
echo "wrong-password" >"$TMP/bad.pw"
fl user add ins --role instructor --password-file "$TMP/ins.pw"
n_ev=$(sql "SELECT count(*) FROM paper_review")
fl paper scan c1 --by ins --password-file "$TMP/bad.pw" "$TMP"/messy/*
expect_rc 1 "--by with a wrong password is refused"
[ "$(sql "SELECT count(*) FROM paper_review")" = "$n_ev" ]
ok $? "and reads nothing"
fl paper scan c1 --by ins --password-file "$TMP/ins.pw" "$TMP"/messy/*
expect_rc 0 "paper scan reads them (as the instructor ins)"
[ "$(sql "SELECT count(*) FROM event WHERE action = 'paper review opened'
    AND actor = 'ins'")" -gt 0 ]
ok $? "the audit trail names who scanned"
has "to review" "$OUT" "doubtful sheets go to review"
has "in doubt" "$OUT" "naming the questions in doubt"
has "picture: " "$OUT" "and the picture"
"$GEN" check "$DB" "$TMP/k3" >"$TMP/check" 2>&1
ok $? "no answer stored that was not meant, no sheet lost"
[ "$(sql "SELECT count(*) FROM paper_review r JOIN attempt a ON a.id =
    r.attempt_id WHERE r.status = 'open' AND a.status <> 'not-started'
    AND r.reason = ''")" = 0 ]
ok $? "a sheet in review stores nothing"
[ "$(sql "SELECT count(*) FROM paper_review_item WHERE doubt = 1 AND
    seen = ''")" = 0 ]
ok $? "every question in doubt says what was seen"

# ---------------------------------------------------------------- hostile
n_att=$(sql "SELECT group_concat(status || mode) FROM attempt")
n_rev=$(sql "SELECT count(*) FROM paper_review")
n_ev=$(sql "SELECT count(*) FROM event")
nothing_stored() {
	[ "$(sql "SELECT group_concat(status || mode) FROM attempt")" = \
	    "$n_att" ] && [ "$(sql "SELECT count(*) FROM paper_review")" = \
	    "$n_rev" ] && [ "$(sql "SELECT count(*) FROM event")" = "$n_ev" ]
}
refused() {	# refused FILE TEXT DESC
	fl paper scan c1 "$1"
	expect_rc 1 "$3: refused"
	has "$1" "$ERR" "$3: the file is named"
	has "$2" "$ERR" "$3: and why"
	nothing_stored; ok $? "$3: nothing stored"
}
"$GEN" png-bomb 30000 30000 30000 "$TMP/bomb.png"
refused "$TMP/bomb.png" "30000 x 30000" "a decompression bomb"
"$GEN" png-bomb 100000 100000 4 "$TMP/huge.png"
refused "$TMP/huge.png" "100000 x 100000" "a header of 100k x 100k pixels"
"$GEN" png-bomb 2000 2800 100 "$TMP/short.png"
refused "$TMP/short.png" "cut short" "a PNG with rows missing"
# A JPEG of its own: the clean sheets' formats are drawn at random, and a
# draw without a JPEG left this case cutting an empty file.
mkdir -p "$TMP/jpeg"
"$GEN" fill "$DB" "$TMP/c1.pdf" "$TMP/jpeg" "$TMP/kj" --skip 1 --count 1 \
    --clean 1 --formats jpeg --seed 13 >/dev/null
f=$(ls "$TMP"/jpeg/*.jpg | head -n 1)
head -c 40000 "$f" >"$TMP/cut.jpg"
refused "$TMP/cut.jpg" "cut short" "a truncated JPEG"
"$GEN" blank-pdf 1000 "$TMP/thousand.pdf"
refused "$TMP/thousand.pdf" "1000 pages" "a 1,000-page PDF"
printf 'name,community\n' >"$TMP/not-an-image.png"
refused "$TMP/not-an-image.png" "not a PDF, PNG, JPEG or TIFF" \
    "a file that is no image"
"$GEN" blank-pdf 1 "$TMP/blank.pdf"
refused "$TMP/blank.pdf" "no answer sheet QR code" "a blank page"
mkdir "$TMP/odb" "$TMP/oc" "$TMP/forged"
"$GEN" fill "$TMP/other.db" "$TMP/other.pdf" "$TMP/odb" "$TMP/k4" \
    --count 1 --clean 1 --formats png --seed 3 >/dev/null
refused "$TMP/odb/sheet-0001.png" "another firstline database" \
    "a sheet of another database"
"$GEN" fill "$DB" "$TMP/c2.pdf" "$TMP/oc" "$TMP/k5" --count 1 --clean 1 \
    --formats png --seed 4 >/dev/null
refused "$TMP/oc/sheet-0001.png" "c2" "a sheet of another cohort"
"$GEN" fill "$DB" "$TMP/c1.pdf" "$TMP/forged" "$TMP/k6" --skip 7 \
    --count 1 --clean 1 --formats png --forge --seed 5 >/dev/null
refused "$TMP/forged/sheet-0001.png" "check value" \
    "a home-made QR code with a forged check value"
# The printed PDF itself: its booklet pages are refused by name and page.
cp "$DB" "$TMP/copy.db"
FIRSTLINE_DB="$TMP/copy.db" run "$FIRSTLINE" paper scan c1 "$TMP/c1.pdf"
expect_rc 1 "the printed booklets are not answer sheets"
has "$TMP/c1.pdf page 1: " "$ERR" "the page is named"
has "question booklet" "$ERR" "and what it is"
fl paper scan c1 --review-dir "$TMP/no/such/dir" "$TMP/bomb.png"
expect_rc 1 "a review directory that cannot be made is refused"
has "$TMP/no/such/dir" "$ERR" "and named"

done_testing
