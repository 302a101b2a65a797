#!/bin/sh
# bank check's test-design lint on fixtures (tests/data/lint): the longest
# key over 35% of a bank's single-choice questions (ties do not count), a
# near-duplicate across two files rated at two difficulties, a look-alike
# pair declared with pair=, a pair naming no question, negative true/false
# statements (one only in Chinese, not reported); warnings by default,
# errors with --strict; the figures of --stats.
. "$(dirname "$0")/lib.sh"

L="$TESTDATA/lint"
ALL="$L/dup-a.xml $L/dup-b.xml $L/long-key.xml"

# shellcheck disable=SC2086
fl bank check $ALL
expect_rc 0 "lint findings are warnings: exit 0"
has "bank lintlong, 3 questions: ok" "$OUT" "the files are still good"
has "long-key.xml: warning: bank lintlong: the key is the longest option in 2 of 3 single-choice questions in zh-CN (66%; at most 35%)" "$ERR" "longest key: the share in zh-CN"
has "in 2 of 3 single-choice questions in en (66%" "$ERR" "longest key: the share in en"
has "long-key.xml:8: warning: question long-1: the key is the longest option (zh-CN, en)" "$ERR" "longest key: each question listed with FILE:LINE"
has "long-key.xml:18: warning: question long-2:" "$ERR" "longest key: the second question"
hasnt "question long-3" "$ERR" "a key that only ties for longest is not listed"
has "dup-b.xml:9: warning: question dupb-1: near-duplicate of dupa-1 (" "$ERR" "near-duplicate across files, FILE:LINE"
has "dup-a.xml:8), similarity 0." "$ERR" "the duplicate names where the other is"
has "dup-b.xml:9: warning: question dupb-1: difficulty 2, but its near-duplicate dupa-1 has difficulty 1" "$ERR" "difficulty disagreement"
hasnt "dupb-2: near-duplicate" "$ERR" "a pair declared with pair= is quiet"
hasnt "dupa-3" "$ERR" "an unlike question is not reported"
has "dup-a.xml:38: warning: question dupa-4: pair names nowhere-99, which is not another question" "$ERR" "pair naming no question"
has "dup-b.xml:29: warning: question dupb-3: a negative true/false statement; state it positively" "$ERR" "negative true/false (true)"
has "dup-b.xml:36: warning: question dupb-4: a negative true/false statement whose answer is false (a double negative)" "$ERR" "negative true/false (false): a double negative"
hasnt "dupb-5" "$ERR" "negative only in Chinese (a condition) is not reported"
has "9 test-design warnings" "$ERR" "the count"
[ "$(printf '%s\n' "$ERR" | grep -c ': warning: ')" -eq 9 ]
ok $? "nine findings, each one line"

# shellcheck disable=SC2086
fl bank check --strict $ALL
expect_rc 1 "--strict: findings are errors, exit 1"
has "dup-b.xml:9: error: question dupb-1: near-duplicate of dupa-1" "$ERR" "--strict says error"
has "9 test-design problems found (--strict)" "$ERR" "--strict count"

# Large sets compare only pairs sharing a rare feature (lint.c); forced
# here on the fixtures, that path finds the same.
# shellcheck disable=SC2086
run env FIRSTLINE_LINT_PAIRWISE_MAX=0 "$FIRSTLINE" bank check $ALL
has "dup-b.xml:9: warning: question dupb-1: near-duplicate of dupa-1 (" "$ERR" "indexed path: the same near-duplicate"
has "9 test-design warnings" "$ERR" "indexed path: the same count"

# The pair is what keeps dupa-2 / dupb-2 quiet: without it they are reported.
sed 's/ pair="dupb-2"//' "$L/dup-a.xml" >"$TMP/dup-a.xml"
fl bank check "$TMP/dup-a.xml" "$L/dup-b.xml"
has "question dupb-2: near-duplicate of dupa-2" "$ERR" "without pair= the look-alikes are reported"
has "question dupb-2: difficulty 3, but its near-duplicate dupa-2 has difficulty 2" "$ERR" "and their difficulties"

# Each file alone: no cross-file duplicate, the single-file findings stay.
fl bank check --strict "$L/dup-a.xml"
expect_rc 1 "--strict on one file: its own findings"
has "pair names nowhere-99" "$ERR" "a pair outside the files given is reported"

# --stats prints the figures.
# shellcheck disable=SC2086
fl bank check --stats $ALL
expect_rc 0 "--stats"
has "lintlong           3       2   66.7%          2   66.7%         0    0.0%           0    0.0%" "$OUT" "--stats: the longest- and shortest-key shares per bank"
has "near-duplicate pairs: 1 (rated at different difficulties: 1); declared alike (pair=): 1" "$OUT" "--stats: duplicates"
has "negative true/false statements: 2 of 3" "$OUT" "--stats: negative statements"

# The mirror cue: the key the shortest option in 15 of 20 (over 35%: like
# the longest, an error with --strict), and never the longest (under 10%
# of 20 or more questions: a warning only, even with --strict).
{
	echo '<?xml version="1.0" encoding="UTF-8"?>'
	echo '<bank module="lintshort"><title xml:lang="zh-CN">短</title><title xml:lang="en">Short</title>'
	i=1
	while [ $i -le 20 ]; do
		key="甲$i"; ken="K$i"
		[ $i -gt 15 ] && { key="乙乙乙乙$i"; ken="Equal $i"; }
		echo "<single id=\"short-$i\" difficulty=\"1\"><stem xml:lang=\"zh-CN\">第$i题</stem><stem xml:lang=\"en\">Question $i</stem>"
		echo "<option correct=\"true\"><text xml:lang=\"zh-CN\">$key</text><text xml:lang=\"en\">$ken</text></option>"
		echo "<option><text xml:lang=\"zh-CN\">丙丙丙丙$i</text><text xml:lang=\"en\">Other $i</text></option>"
		echo "<option><text xml:lang=\"zh-CN\">丁丁丁丁$i</text><text xml:lang=\"en\">Third $i</text></option>"
		echo "<explanation xml:lang=\"zh-CN\">解</explanation><explanation xml:lang=\"en\">E</explanation><source>S</source></single>"
		i=$((i + 1))
	done
	echo '</bank>'
} >"$TMP/short.xml"
fl bank check --strict --stats "$TMP/short.xml"
expect_rc 1 "shortest over 35%: an error with --strict"
has "short.xml: error: bank lintshort: the key is the shortest option in 15 of 20 single-choice questions in zh-CN (75%; at most 35%)" "$ERR" "the shortest-key share"
has "short.xml: warning: bank lintshort: the key is the longest option in only 0 of 20 single-choice questions in zh-CN (0%" "$ERR" "never the longest: a warning even with --strict"
has "short.xml:3: error: question short-1: the key is the shortest option (zh-CN, en)" "$ERR" "each shortest-key question listed"
has "17 test-design problems found (--strict)" "$ERR" "2 for the bank, 15 questions"
has "2 advisory warnings (never errors)" "$ERR" "never the longest counted apart"
hasnt "short-16: the key is the shortest" "$ERR" "a key that ties is not listed"
has "lintshort         20       0    0.0%          0    0.0%        15   75.0%          15   75.0%" "$OUT" "--stats: the shortest-key share"
fl bank check "$TMP/short.xml"
expect_rc 0 "without --strict: warnings"

# A clean bank passes --strict.
fl bank check --strict "$TESTDATA/good/mini-bank.xml"
expect_rc 0 "a clean bank passes --strict"
hasnt "warning" "$ERR" "and says nothing"

# pair= is validated by the schema.
sed 's/ pair="dupb-2"/ pair="Not An Id"/' "$L/dup-a.xml" >"$TMP/bad-pair.xml"
fl bank check "$TMP/bad-pair.xml"
expect_rc 1 "pair with a malformed id: refused"
has "bad-pair.xml:18: Element 'single', attribute 'pair'" "$ERR" "the schema names the line"
sed 's/ pair="dupb-2"/ pair="a b c d e f g h i j k l m n o p q"/' "$L/dup-a.xml" >"$TMP/long-pair.xml"
fl bank check "$TMP/long-pair.xml"
expect_rc 1 "pair naming 17 questions: refused"

done_testing
