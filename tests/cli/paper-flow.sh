#!/bin/sh
# A paper sitting from print to report, as issue 13 asks: the standard
# exam printed for a cohort; two answer sheets filled clean and one messy
# (tests/scan/gen-sheets), scanned in one PDF-less batch; the clean ones
# stored question by question and graded, shown as paper-scan in
# `attempts` and `report cohort` and counted by `report items`; the messy
# one in `paper review`, settled there by two people keying what the
# trainee meant, then graded as paper-keyed.
. "$(dirname "$0")/lib.sh"

BIN=$(dirname "$FIRSTLINE")
GEN="$BIN/tests/scan/gen-sheets"
B="$FIRSTLINE_DATADIR"
fl init && fl bank load "$B"/banks/*.xml "$B"/rubrics/*.xml \
    "$B/exams/standard.xml" && fl cohort create "纸笔" --exam standard \
    --id p1
printf 'name,community\n王秀英,东关\n李建国,西关\n张伟,南关\n' >"$TMP/r.csv"
fl roster import p1 "$TMP/r.csv"
expect_rc 0 "a cohort of three"
fl paper print p1 -o "$TMP/p1.pdf"
expect_rc 0 "their papers printed"
mkdir "$TMP/scans"
"$GEN" fill "$FIRSTLINE_DB" "$TMP/p1.pdf" "$TMP/scans" "$TMP/k1" --count 2 \
    --clean 1 --formats jpeg,png --seed 21 >/dev/null
ok $? "two sheets filled cleanly"
mkdir "$TMP/m"
"$GEN" fill "$FIRSTLINE_DB" "$TMP/p1.pdf" "$TMP/m" "$TMP/k2" --skip 2 \
    --count 1 --clean 0 --formats png --seed 22 >/dev/null
ok $? "and one with messy marks"
cp "$TMP/m/sheet-0001.png" "$TMP/scans/messy.png"

fl paper scan p1 "$TMP"/scans/*
expect_rc 0 "paper scan"
has "2 stored, 0 already stored, 1 to review, 0 refused" "$OUT" \
    "two stored, one to review"
"$GEN" check "$FIRSTLINE_DB" "$TMP/k1" >"$TMP/check" 2>&1
ok $? "the stored answers are the ones meant"

fl attempts p1 --format csv
has ",submitted," "$OUT" "attempts: submitted"
has "paper-scan" "$OUT" "attempts: the mode paper-scan"
fl report cohort p1 --format csv
has "paper-scan" "$OUT" "report cohort: the written result came by paper-scan"
fl report items --cohort p1 --format csv
expect_rc 0 "report items"
n=$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, 'NR > 1 && $0 != "" { s += 1 } END { print s + 0 }')
[ "$n" -gt 0 ]; ok $? "report items counts the scanned papers ($n rows)"

# The messy sheet: listed for review, keyed by two people, graded.
fl paper review p1 --format csv
expect_rc 0 "paper review lists it"
rid=$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, 'NR == 2 { print $1 }')
[ -n "$rid" ]; ok $? "review $rid"
has "messy.png" "$OUT" "naming the file scanned"
# What the trainee meant, keyed as the sheet shows it (paper enter's form).
answers=$(cut -f7 "$TMP/k2" | tr ';' '\n' | awk -v types="$(sqlite3 \
    "$FIRSTLINE_DB" "SELECT group_concat(q.type) FROM paper_item p JOIN
    question q ON q.id = p.question_id WHERE p.attempt_id = $(cut -f3 \
    "$TMP/k2") ORDER BY p.seq")" '
BEGIN { n = split(types, t, ",") }
{
	i = NR; r = $0; out = ""
	if (r == "-") r = ""
	if (t[i] == "truefalse") out = r == "1" ? "T" : r == "0" ? "F" : ""
	else if (t[i] == "ordering") {
		m = split(r, s, ",")
		delete place
		for (k = 1; k <= m; k++) place[s[k]] = k
		for (row = 0; row < m; row++) out = out (row in place ? place[row] : "-")
	} else {
		m = split(r, s, ",")
		for (k = 1; k <= m; k++) out = out sprintf("%c", 65 + s[k])
	}
	printf "%s%s", (NR > 1 ? "," : ""), out
}')
for u in alice bob; do
	echo "$u-password" >"$TMP/$u.pw"
	fl user add $u --role instructor --password-file "$TMP/$u.pw"
done
fl paper review p1 "$rid" --answers "$answers" --by alice \
    --password-file "$TMP/alice.pw"
expect_rc 0 "alice keys the sheet in review"
fl paper review p1 "$rid" --answers "$answers" --by bob \
    --password-file "$TMP/bob.pw"
expect_rc 0 "bob keys it too, and they agree"
[ "$(sql "SELECT status FROM paper_review WHERE id = $rid")" = settled ]
ok $? "the review is settled"
[ "$(sql "SELECT mode || ' ' || status FROM attempt WHERE id = $(cut -f3 \
    "$TMP/k2")")" = "paper-keyed submitted" ]
ok $? "and the sitting graded as paper-keyed"
[ "$(sql "SELECT group_concat(r, ';') FROM (SELECT CASE response WHEN ''
    THEN '-' ELSE response END AS r FROM paper_item WHERE attempt_id =
    $(cut -f3 "$TMP/k2") ORDER BY seq)")" = "$(cut -f7 "$TMP/k2")" ]
ok $? "with the answers the trainee meant"

done_testing
