#!/bin/sh
# report items: twelve trainees sit papers drawn from a small blueprint
# (answers chosen through the core by tests/cli/items-sit), then the item
# analysis in text and CSV is checked against an independent awk
# computation over the responses and keys dumped with sqlite3: facility,
# SD, discrimination, efficiency per question, mean, SD and alpha of the
# paper.  A question with a wrong key gets negative discrimination and is
# flagged; a question everyone gets right is "easy" with no correlation; an
# empty cohort says so; a bad --cohort exits 1; bad usage exits 2.
. "$(dirname "$0")/lib.sh"

SIT="$(dirname "$FIRSTLINE")/tests/cli/items-sit"
G="$TESTDATA/good"
I="$TESTDATA/items"
fl init >/dev/null
fl bank load "$I/items-bank.xml" "$I/items-exam.xml" "$G/mini-rubric.xml" "$G/mini-sim.xml" >/dev/null
[ "$RC" -eq 0 ] || printf '# %s\n' "$ERR"

fl report items
expect_rc 0 "report items on a database without attempts"
has "no submitted or expired written attempts: nothing to analyse" "$ERR" "says there is nothing to analyse"
fl report items --format csv
[ "$(printf '%s' "$OUT" | tr -d '\r')" = "qid,module,type,difficulty,drawn,facility,sd,discrimination,efficiency,flags,bank_version,exam,exam_version" ]
ok $? "and the CSV is the header alone"

fl cohort create "分析批" --exam items-exam --id c1 >/dev/null
fl cohort create "空批" --exam items-exam --id c2 >/dev/null
{ echo "name,community"; for k in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "T$k,东关"; done; } > "$TMP/r1.csv"
printf 'name,community\n缺考,西关\n' > "$TMP/r2.csv"
fl roster import c1 "$TMP/r1.csv"
printf '%s\n' "$OUT" | tr -d '\r' > "$TMP/roster.csv"
fl roster import c2 "$TMP/r2.csv" >/dev/null

# Trainee k answers by ability: the better trainees get more right.  The
# key of items-bad is wrong, so the six best "miss" it and the six weakest
# "get it right"; everyone gets items-easy right.
how() {	# how K QID MIN: right when K >= MIN (or K in the extra list)
	k=$1 q=$2 min=$3; shift 3
	w=wrong
	[ "$k" -ge "$min" ] && w=right
	for e in "$@"; do [ "$k" -eq "$e" ] && w=right; done
	echo "$q=$w"
}
sat=0
while IFS=, read -r ticket name community pin; do
	[ "$ticket" = ticket ] && continue
	k=${name#T}
	bad=wrong; [ "$k" -le 6 ] && bad=right
	"$SIT" "$FIRSTLINE_DB" "$ticket" "$pin" items-easy=right \
	    "$(how "$k" items-a 3)" "$(how "$k" items-b 5)" \
	    "$(how "$k" items-c 7 2)" "$(how "$k" items-d 6)" \
	    "$(how "$k" items-f 9 1)" "items-bad=$bad" 2>"$TMP/sit.err" &&
	    sat=$((sat + 1))
done < "$TMP/roster.csv"
[ "$sat" -eq 12 ]; ok $? "twelve trainees sat the paper through the core"
[ "$sat" -eq 12 ] || sed 's/^/# /' "$TMP/sit.err"

# The independent computation: score each response from the stored key
# (true/false against the answer, single choice by mapping the shown index
# through the option order to the correct option), then the statistics.
sqlite3 -separator '|' "$FIRSTLINE_DB" "SELECT p.attempt_id, q.qid, q.type,
    q.difficulty, p.response, p.option_order, coalesce(q.answer, 0),
    coalesce((SELECT group_concat(o.seq) FROM question_option o
      WHERE o.question_id = q.id AND o.correct), '')
    FROM paper_item p JOIN question q ON q.id = p.question_id
    JOIN attempt a ON a.id = p.attempt_id
    WHERE a.status IN ('submitted', 'expired')
    ORDER BY p.attempt_id, p.seq" > "$TMP/dump"
[ "$(wc -l < "$TMP/dump")" -eq 72 ]; ok $? "seventy-two answered items in the database"

awk -F'|' '
function sort(v, n,    i, j, t) {
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && v[j - 1] > v[j]; j--) {
			t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
		}
}
function fmt(v) { return v == "" ? "" : sprintf("%.3f", v) }
{
	s = 0
	if ($5 != "" && $3 == "truefalse")
		s = (($5 + 0) != 0) == (($7 + 0) != 0)
	else if ($5 != "" && $3 == "single") {
		split($6, ord, ",")
		s = ord[$5 + 1] == $8
	}
	if (!($1 in tot)) { att[++na] = $1; tot[$1] = 0 }
	tot[$1] += s
	if (!($2 in n)) { qids[++nq] = $2; n[$2] = 0 }
	k = ++n[$2]; X[$2, k] = s; A[$2, k] = $1
	slot = $4 ":" (++rank[$1, $4])
	if (!(slot in seen)) { seen[slot] = 1; slots[++ns] = slot }
	M[$1, slot] = s
}
END {
	for (qi = 1; qi <= nq; qi++) {
		q = qids[qi]; m = n[q]; mx = 0; mr = 0
		for (i = 1; i <= m; i++) {
			x[i] = X[q, i]; r[i] = tot[A[q, i]] - x[i]
			mx += x[i]; mr += r[i]
		}
		mx /= m; mr /= m; vx = 0; vr = 0; c = 0; cm = 0
		for (i = 1; i <= m; i++) {
			vx += (x[i] - mx) ^ 2; vr += (r[i] - mr) ^ 2
			c += (x[i] - mx) * (r[i] - mr)
		}
		sort(x, m); sort(r, m)
		for (i = 1; i <= m; i++) cm += (x[i] - mx) * (r[i] - mr)
		d = vx > 1e-9 && vr > 1e-9 ? c / sqrt(vx * vr) : ""
		e = cm > 1e-9 ? c / cm : ""
		printf "%s,%d,%.3f,%.3f,%s,%s\n", q, m, mx,
		    sqrt(vx / (m - 1)), fmt(d), fmt(e)
	}
	mt = 0
	for (a = 1; a <= na; a++) mt += tot[att[a]]
	mt /= na; vt = 0
	for (a = 1; a <= na; a++) vt += (tot[att[a]] - mt) ^ 2
	vt /= na - 1; sv = 0
	for (j = 1; j <= ns; j++) {
		mc = 0; vc = 0
		for (a = 1; a <= na; a++) mc += M[att[a], slots[j]]
		mc /= na
		for (a = 1; a <= na; a++) vc += (M[att[a], slots[j]] - mc) ^ 2
		sv += vc / (na - 1)
	}
	al = ns / (ns - 1) * (1 - sv / vt)
	printf "paper,%d,%d,%.2f,%.2f,%.3f,%.2f,%.2f\n", na, ns,
	    100 * mt / ns, 100 * sqrt(vt) / ns, al, 100 * sqrt(1 - al),
	    100 * sqrt(vt) * sqrt(1 - al) / ns
}' "$TMP/dump" > "$TMP/awk"
sed 's/^/# awk: /' "$TMP/awk"

fl report items --cohort c1 --format csv
expect_rc 0 "report items --cohort c1 --format csv"
csv=$(printf '%s\n' "$OUT" | tr -d '\r')
[ "$(printf '%s\n' "$csv" | head -1)" = "qid,module,type,difficulty,drawn,facility,sd,discrimination,efficiency,flags,bank_version,exam,exam_version" ]
ok $? "the CSV columns, lowercase, in order"
[ "$(printf '%s\n' "$csv" | wc -l)" -eq 8 ]; ok $? "one row per question drawn"
printf '%s\n' "$csv" | awk -F, 'NR > 1 { print $1 "," $5 "," $6 "," $7 "," $8 "," $9 }' | LC_ALL=C sort > "$TMP/got"
grep -v '^paper,' "$TMP/awk" | LC_ALL=C sort > "$TMP/want"
# same FILE1 FILE2: the same rows, the first field equal, every other field
# empty in both or within a rounding step (the two computations add in
# different orders, so a value on a half can print either way).
same() {
	[ "$(wc -l < "$1")" -eq "$(wc -l < "$2")" ] &&
	paste -d'|' "$1" "$2" | awk -F'|' '{
		n = split($1, a, ","); m = split($2, b, ",")
		if (n != m || a[1] != b[1]) exit 1
		for (i = 2; i <= n; i++) {
			if ((a[i] == "") != (b[i] == "")) exit 1
			d = a[i] - b[i]
			if (d > 0.0101 || d < -0.0101 || (a[i] ~ /\.[0-9][0-9][0-9]$/ &&
			    (d > 0.00101 || d < -0.00101))) exit 1
		}
	}'
}
same "$TMP/got" "$TMP/want"; r=$?
[ $r -eq 0 ] || diff "$TMP/want" "$TMP/got" | sed 's/^/# /'
ok $r "drawn, facility, sd, discrimination and efficiency agree with awk"
# field QID N: column N of question QID's CSV row.
field() { printf '%s\n' "$csv" | awk -F, -v q="$1" -v n="$2" '$1 == q { print $n }'; }
below0() { awk -v v="$1" 'BEGIN { exit !(v != "" && v + 0 < 0) }'; }
[ "$(field items-bad 2),$(field items-bad 3)" = "items,single" ]; ok $? "the wrong key's question is listed"
below0 "$(field items-bad 8)"; ok $? "a wrong key gives negative discrimination"
case " $(field items-bad 10) " in *" negative "*) r=0 ;; *) r=1 ;; esac
ok $r "and is flagged negative"
d=$(field items-d 8)
[ -n "$d" ] && ! below0 "$d"; ok $? "a good question discriminates positively"
case " $(field items-d 10) " in *" negative "*) r=1 ;; *) r=0 ;; esac
ok $r "and is not flagged negative"
[ "$(field items-easy 6),$(field items-easy 7),$(field items-easy 8),$(field items-easy 9),$(field items-easy 10)" = "1.000,0.000,,,easy few" ]
ok $? "everyone right: easy, sd 0, no correlation (empty, never NaN)"
hasnt "nan" "$csv" "no NaN in the CSV"

fl report items --cohort c1 --format csv --summary
expect_rc 0 "report items --summary --format csv"
sum=$(printf '%s\n' "$OUT" | tr -d '\r')
[ "$(printf '%s\n' "$sum" | head -1)" = "exam,exam_version,attempts,questions,mean,sd,alpha,error_ratio,se,flags" ]
ok $? "the summary columns"
want=$(grep '^paper,' "$TMP/awk" | sed 's/^paper,//')
got=$(printf '%s\n' "$sum" | awk -F, 'NR == 2 { print $3 "," $4 "," $5 "," $6 "," $7 "," $8 "," $9 }')
printf '%s\n' "$got" > "$TMP/got"; printf '%s\n' "$want" > "$TMP/want"
same "$TMP/got" "$TMP/want"; r=$?
[ $r -eq 0 ] || printf '# want %s\n# got  %s\n' "$want" "$got"
ok $r "attempts, mean, SD, alpha, error ratio and SE agree with awk"
has "items-exam,1,12,6," "$sum" "twelve attempts of six questions"
has ",few" "$sum" "twelve attempts are too few to judge the paper"

# Per bank: the questions' figures gathered, checked against the awk
# rows (facility weighted by draws, discrimination the mean of the defined
# ones, flags counted).
fl report items --cohort c1 --format csv --banks
expect_rc 0 "report items --banks --format csv"
banks=$(printf '%s\n' "$OUT" | tr -d '\r')
[ "$(printf '%s\n' "$banks" | head -1)" = "module,questions,drawn,facility,discrimination,easy,negative,few,exam,exam_version" ]
ok $? "the bank columns"
[ "$(printf '%s\n' "$banks" | wc -l)" -eq 2 ]; ok $? "one bank on this paper"
grep -v '^paper,' "$TMP/awk" | awk -F, '
	{ q++; d += $2; m += $2 * $3; if ($5 != "") { nd++; s += $5 }
	  if ($3 > 0.95) e++; if ($5 != "" && $5 < 0) ng++; if ($2 < 30) f++ }
	END { printf "items,%d,%d,%.3f,%.3f,%d,%d,%d,items-exam,1\n",
	    q, d, m / d, s / nd, e, ng, f }' > "$TMP/want"
printf '%s\n' "$banks" | sed -n 2p > "$TMP/got"
same "$TMP/got" "$TMP/want"; r=$?
[ $r -eq 0 ] || printf '# want %s\n# got  %s\n' "$(cat "$TMP/want")" "$(cat "$TMP/got")"
ok $r "questions, draws, facility, discrimination and flag counts agree with awk"
has "items,7,72," "$banks" "seven questions drawn 72 times"
# Who draws items-a and items-f depends on the draw: at least one easy
# (items-easy) and one negative (items-bad); the awk check above has the
# exact counts.
[ "$(printf '%s\n' "$banks" | awk -F, 'NR == 2 { print ($6 >= 1) "," ($7 >= 1) "," $8 }')" = "1,1,7" ]
ok $? "at least one easy and one negative, seven too few"
fl report items --cohort c1 --banks
expect_rc 0 "report items --banks as text"
printf '%s\n' "$OUT" | grep -q '^items  *7  *72  .*  [1-7]  *[1-7]  *7$'; ok $? "the bank's row"
has "Banks: facility over every draw" "$OUT" "with its legend"
hasnt "items-bad" "$OUT" "and no question rows"
fl report items --summary --banks
expect_rc 2 "--summary with --banks is a usage error"
has "exclude each other" "$ERR" "and says why"

fl report items --cohort c1
expect_rc 0 "report items as text"
printf '%s\n' "$OUT" | grep -q '^items  *7  *72 '; ok $? "the text report shows the bank's row"
has "Paper: Item analysis test exam (exam items-exam, version 1)" "$OUT" "the paper's header block"
has "Attempts          12   (few: too few attempts to judge the paper)" "$OUT" "attempts with the warning"
alpha=$(printf '%s\n' "$got" | cut -d, -f5)
has "Alpha             $alpha" "$OUT" "alpha in the header block (as in the CSV)"
printf '%s\n' "$OUT" | grep -q '^items-easy .* 1\.000  0\.000  *-  *-  easy few$'
ok $? "undefined statistics are '-' in text"
printf '%s\n' "$OUT" | grep -q '^items-bad .*negative few$'
ok $? "the wrong key is flagged in text"
has "check the key" "$OUT" "the legend says what a negative flag asks for"
hasnt "nan" "$OUT" "no NaN in the text"

fl report items --format csv
[ "$(printf '%s\n' "$OUT" | tr -d '\r')" = "$csv" ]
ok $? "every cohort: the same analysis (the other cohort has no attempts)"

# A retake is a second sitting: --first leaves it out.  T1 scored 50%
# (easy, items-f and items-bad right) and failed.
T1=$(awk -F, '$2 == "T1" { print $1 }' "$TMP/roster.csv")
P1=$(awk -F, '$2 == "T1" { print $4 }' "$TMP/roster.csv")
echo "organizer-pw" > "$TMP/org.pw"
fl user add boss --role organizer --password-file "$TMP/org.pw" >/dev/null
fl attempt retake c1 "$T1" --by boss --password-file "$TMP/org.pw"
expect_rc 0 "a retake for the weakest trainee"
"$SIT" "$FIRSTLINE_DB" "$T1" "$P1" '*=right' 2>"$TMP/sit.err"
ok $? "who sits it"
fl report items --cohort c1 --format csv --summary
has "items-exam,1,13,6," "$(printf '%s' "$OUT" | tr -d '\r')" "all sittings: thirteen attempts"
fl report items --cohort c1 --format csv --summary --first
has "items-exam,1,12,6," "$(printf '%s' "$OUT" | tr -d '\r')" "--first: the twelve first sittings"
fl report items --cohort c1 --format csv --first
[ "$(printf '%s\n' "$OUT" | tr -d '\r')" = "$csv" ]; ok $? "--first: the same questions as before the retake"
fl report items --cohort c1 --first --summary
has "Sittings          first sittings only" "$OUT" "the text says which sittings count"
fl report items --cohort c1 --summary
has "Sittings          all, retakes included" "$OUT" "and by default all of them"

# The cohort report's mean per module names the module by its title and
# agrees with the items answered right in the counted (latest) sittings.
want=$(sql "SELECT printf('%.1f', 100.0 * sum(m.correct) / sum(m.total))
    FROM attempt_module m JOIN attempt a ON a.id = m.attempt_id
    WHERE a.number = (SELECT max(number) FROM attempt x
      WHERE x.trainee_id = a.trainee_id AND x.status IN ('submitted', 'expired'))")
fl report cohort c1
printf '%s\n' "$OUT" | grep -q "^  items  *$want%  Item analysis test\$"
ok $? "report cohort: the module's mean ($want%) with its title"

# Partial credit: the exam's policy decides the item score.  Four trainees
# pick one of the two correct options of mini-002 and get the rest right.
fl bank load "$G/mini-bank.xml" "$I/items-partial.xml" >/dev/null
fl cohort create "部分得分" --exam items-partial --id c3 >/dev/null
{ echo "name,community"; for k in 1 2 3 4; do echo "P$k,南关"; done; } > "$TMP/r3.csv"
fl roster import c3 "$TMP/r3.csv"
printf '%s\n' "$OUT" | tr -d '\r' | while IFS=, read -r ticket name community pin; do
	[ "$ticket" = ticket ] && continue
	"$SIT" "$FIRSTLINE_DB" "$ticket" "$pin" mini-002=half '*=right' ||
	    echo "# cannot sit $ticket"
done
fl report items --cohort c3 --format csv
csv=$(printf '%s\n' "$OUT" | tr -d '\r')
[ "$(field mini-002 3),$(field mini-002 5),$(field mini-002 6),$(field mini-002 7),$(field mini-002 8)" = "multiple,4,0.500,0.000," ]
ok $? "with partial credit one correct option of two scores half a point"
fl report items --format csv --banks
[ "$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, 'NR > 1 { print $1 "," $9 }' | tr '\n' ' ')" = "items,items-exam mini,items-partial " ]
ok $? "every cohort: a bank row for each paper, in exam order"
fl report items --format csv --summary
sum=$(printf '%s\n' "$OUT" | tr -d '\r')
[ "$(printf '%s\n' "$sum" | wc -l)" -eq 3 ]; ok $? "every cohort: one summary row per exam"
has "items-partial,1,4,3,83.33,0.00,,,,few" "$sum" "totals that never vary: mean 2.5 of 3, alpha, error ratio and SE undefined"

fl report items --cohort c2
expect_rc 0 "an empty cohort is not an error"
has "cohort c2 has no submitted or expired written attempts" "$ERR" "an empty cohort says so"
[ -z "$OUT" ]; ok $? "and prints no table"
fl report items --cohort c2 --format csv --summary
[ "$(printf '%s' "$OUT" | tr -d '\r')" = "exam,exam_version,attempts,questions,mean,sd,alpha,error_ratio,se,flags" ]
ok $? "an empty cohort's CSV summary is the header alone"

fl report items --cohort nope
expect_rc 1 "an unknown cohort is refused"
has "no cohort nope" "$ERR" "and named"
fl report items extra
expect_rc 2 "an operand is a usage error"
fl report items --format pdf
expect_rc 2 "--format pdf is a usage error"
has "unknown format 'pdf'" "$ERR" "and says which format"
fl report items --bogus
expect_rc 2 "an unknown option is a usage error"
fl report items --help
expect_rc 0 "report items --help"
has "report items [--cohort COHORT]" "$OUT" "the help shows the usage"

done_testing
