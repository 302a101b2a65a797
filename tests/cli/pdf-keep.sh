#!/bin/sh
# The cohort PDF at page ends.  A cohort grows one trainee at a time until
# the rates and verdict no longer fit on the page they were on: at every
# size the rates, the verdict and the signature lines are on one page
# (they move to the next page together, the table staying behind), and the
# module title of the means section, long enough to take three lines, is
# printed whole on one page wherever the growing table pushes it (read
# back with pdftotext, in English and in Chinese).
. "$(dirname "$0")/lib.sh"

if ! command -v pdftotext >/dev/null; then
	echo "1..0 # SKIP poppler-utils (pdftotext) not installed"
	exit 0
fi

SIT="$(dirname "$FIRSTLINE")/tests/cli/items-sit"
G="$TESTDATA/good"
I="$TESTDATA/items"
TITLE_EN="Recognising and reporting hazards in residential buildings, markets and schools before the rescue services arrive"
TITLE_ZH="社区与村庄的火灾、燃气泄漏、触电和电动自行车电池起火等隐患的识别、上报与初期处置"
sed -e "s|<title xml:lang=\"zh-CN\">题目分析测试</title>|<title xml:lang=\"zh-CN\">$TITLE_ZH</title>|" \
    -e "s|<title xml:lang=\"en\">Item analysis test</title>|<title xml:lang=\"en\">$TITLE_EN</title>|" \
    "$I/items-bank.xml" >"$TMP/long.xml"
grep -q "$TITLE_EN" "$TMP/long.xml"
ok $? "a bank whose module has a long title in both languages"

fl init
fl bank load "$TMP/long.xml" "$I/items-exam.xml" "$G/mini-rubric.xml" \
    "$G/mini-sim.xml"
expect_rc 0 "the bank and its exam load"
fl cohort create "长标题" --exam items-exam --id c1
printf 'name,community\nA,东关\nB,西关\n' >"$TMP/r.csv"
fl roster import c1 "$TMP/r.csv"
expect_rc 0 "two trainees"
printf '%s\n' "$OUT" | tr -d '\r' | tail -n +2 >"$TMP/roster.csv"
sat=0
while IFS=, read -r ticket name community pin; do
	"$SIT" "$FIRSTLINE_DB" "$ticket" "$pin" '*=right' 2>>"$TMP/sit.err" &&
	    sat=$((sat + 1))
done <"$TMP/roster.csv"
[ "$sat" -eq 2 ]
ok $? "both sat the written test (the means section has the module)"

# page_of FILE TEXT: the first page (1-based) of pdftotext output FILE
# with TEXT, else 0.  whole_on FILE TEXT: the first page with TEXT once
# spaces and line breaks are taken out of both (a title wrapped onto
# lines), else 0.
page_of() {
	awk -v RS='\f' -v w="$2" 'index($0, w) { print NR; f = 1; exit }
	    END { if (!f) print 0 }' "$1"
}
whole_on() {
	_w=$(printf '%s' "$2" | tr -d ' ')
	awk -v RS='\f' -v w="$_w" '{ gsub(/[ \t\n]+/, "") }
	    index($0, w) { print NR; f = 1; exit } END { if (!f) print 0 }' "$1"
}

# title_lines PDF HEADING: "N TEXT" for the module title of the means
# section (the words after the section's HEADING word, before the first
# percentage): the lines it takes and its text without spaces.  A title cut
# with an ellipsis keeps its whole text in the PDF (cairo maps the "…" to
# the text it stands for), so its lines are what tell.
title_lines() {
	pdftotext -bbox "$1" - | awk -F'"' -v h="$2" '/<word / {
		w = $0; sub(/^[^>]*>/, "", w); sub(/<\/word>.*$/, "", w)
		if (on && w ~ /%$/) exit
		if (on) {
			text = text w
			if (!($4 in ys)) { ys[$4] = 1; n++ }
		}
		if (w == h) on = 1
	} END { gsub(/ /, "", text); printf "%d %s\n", n, text }'
}

# squeezed PDF: words set in a box far narrower than their text (a run
# elided under an ellipsis), one a line.
squeezed() {
	pdftotext -bbox "$1" - | awk -F'"' '/<word / {
		w = $0; sub(/^[^>]*>/, "", w); sub(/<\/word>.*$/, "", w)
		gsub(/&lt;/, "<", w); gsub(/&gt;/, ">", w)
		gsub(/&quot;/, "\"", w); gsub(/&amp;/, "\\&", w)
		if (length(w) >= 3 && $6 - $2 < 1.2 * length(w)) print w
	}'
}

# block_pages PDF TEXT...: the pages (sorted, each followed by a space)
# where the five texts of the block are; "0" for one not found.
block_pages() {
	pdftotext -layout "$1" "$TMP/l.txt"
	for _t in "$2" "$3" "$4" "$5" "$6"; do
		page_of "$TMP/l.txt" "$_t"
	done | sort -u | tr '\n' ' '
}

# Grow the cohort until the verdict has moved to the next page, and two
# sizes more.
n=2 prev=0 moved=0 tprev=0 tmoved=0 split="" cut="" behind="" squeeze=""
TSTRIP=$(printf '%s' "$TITLE_EN" | tr -d ' ')
while [ "$n" -le 150 ]; do
	fl report cohort c1 --format pdf -o "$TMP/c.pdf"
	if [ "$RC" -ne 0 ]; then
		printf '# %s\n' "$ERR"
		break
	fi
	pages=$(block_pages "$TMP/c.pdf" "Rates and verdict" "Pass rate" \
	    "Verdict:" "Instructor" "Organizer")
	case $pages in
	0*|*" "?*" ") split="$split $n:[$pages]" ;;
	esac
	v=${pages%% *}
	pdftotext -raw "$TMP/c.pdf" "$TMP/r.txt"
	t=$(whole_on "$TMP/r.txt" "$TITLE_EN")
	tl=$(title_lines "$TMP/c.pdf" module)
	[ "$t" -gt 0 ] && [ "${tl%% *}" -ge 2 ] && [ "${tl#* }" = "$TSTRIP" ] ||
	    cut="$cut $n:[${tl%% *} lines, page $t]"
	[ -z "$(squeezed "$TMP/c.pdf")" ] || squeeze="$squeeze $n"
	[ "$tprev" -gt 0 ] && [ "$t" -ne "$tprev" ] && tmoved=$n
	tprev=$t
	if [ "$prev" -gt 0 ] && [ "$v" -ne "$prev" ] && [ "$moved" -eq 0 ]; then
		moved=$n
		# The block moved whole: the table's last row stays behind.
		last=$(page_of "$TMP/l.txt" "$(printf 'Trainee%03d' "$n")")
		[ "$last" -eq $((v - 1)) ] || behind="$n: table ends on $last"
		cp "$TMP/c.pdf" "$TMP/moved.pdf"
	fi
	prev=$v
	[ "$moved" -gt 0 ] && [ "$n" -ge $((moved + 2)) ] && break
	n=$((n + 1))
	printf 'name,community\nTrainee%03d,南关\n' "$n" >"$TMP/one.csv"
	fl roster import c1 "$TMP/one.csv"
	[ "$RC" -eq 0 ] || { printf '# %s\n' "$ERR"; break; }
done
[ "$moved" -gt 0 ]
ok $? "a cohort size puts the verdict at a page's end (the block moved at $moved trainees)"
[ -z "$split" ]
ok $? "at every size from 2 to $n the rates, the verdict and the signatures share a page${split:+ (split at:$split)}"
[ -z "$behind" ]
ok $? "when the block moves, it moves whole and the table stays${behind:+ ($behind)}"
[ -z "$cut" ]
ok $? "the long module title wraps in its cell, whole, on one page at every size${cut:+ (cut at:$cut)}"
[ "$tmoved" -gt 0 ]
ok $? "including when its row went to the next page (at $tmoved trainees)"
[ -z "$squeeze" ]
ok $? "no text of the report is elided at any size${squeeze:+ (at:$squeeze)}"

# The same in Chinese, at the last size.
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
	run env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= "$FIRSTLINE" report cohort \
	    c1 --format pdf -o "$TMP/zh.pdf"
	expect_rc 0 "the report in Chinese"
	pdftotext -raw "$TMP/zh.pdf" "$TMP/zr.txt"
	tl=$(title_lines "$TMP/zh.pdf" 各模块笔试平均分)
	[ "$(whole_on "$TMP/zr.txt" "$TITLE_ZH")" -gt 0 ] &&
	    [ "${tl%% *}" -ge 2 ] && [ "${tl#* }" = "$TITLE_ZH" ]
	ok $? "the long Chinese module title wraps in its cell, whole, on one page (${tl%% *} lines)"
	has "结论" "$(cat "$TMP/zr.txt")" "the Chinese report has its verdict"
	pages=$(block_pages "$TMP/zh.pdf" "合格率、优秀率与结论" "结论：" \
	    "考评员" "组织者" "结论：")
	case $pages in
	0*|*" "?*" ") ok 1 "Chinese: the verdict and the signatures share a page ($pages)" ;;
	*) ok 0 "Chinese: the verdict and the signatures share a page" ;;
	esac
else
	echo "ok $((T_N + 1)) # SKIP no zh_CN.UTF-8 locale"; T_N=$((T_N + 1))
	echo "ok $((T_N + 1)) # SKIP no zh_CN.UTF-8 locale"; T_N=$((T_N + 1))
	echo "ok $((T_N + 1)) # SKIP no zh_CN.UTF-8 locale"; T_N=$((T_N + 1))
	echo "ok $((T_N + 1)) # SKIP no zh_CN.UTF-8 locale"; T_N=$((T_N + 1))
fi

done_testing
