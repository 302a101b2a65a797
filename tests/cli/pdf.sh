#!/bin/sh
# Printable PDFs: the cohort report (A4, Chinese names, the rates line and
# the verdict, the CJK font embedded, the table header on every page), the
# coverage list, and certificates, only for a certified cohort and only for
# the trainees who passed.  Read back with poppler (pdftotext, pdffonts,
# pdfinfo).
. "$(dirname "$0")/lib.sh"

if ! command -v pdftotext >/dev/null || ! command -v pdffonts >/dev/null; then
	echo "1..0 # SKIP poppler-utils (pdftotext, pdffonts) not installed"
	exit 0
fi

G="$TESTDATA/good"
fl init >/dev/null
fl bank load "$G/mini-bank.xml" "$G/mini-rubric.xml" "$G/mini-sim.xml" "$G/mini-exam.xml" >/dev/null
fl cohort create "第一批 莲池区" --exam mini-exam --id c1 >/dev/null

# 20 trainees: 6 excellent, 13 pass, 1 fail: 19/20 = 95.0%, 6/20 = 30.0%.
NAMES="王秀英 李建国 张伟 刘洋 陈静 杨帆 赵磊 黄丽 周强 吴敏 徐娜 孙杰 胡军 朱琳 高峰 林涛 何平 郭亮 马超 罗刚"
{
	echo "name,community,group"
	i=0
	for n in $NAMES; do
		i=$((i + 1))
		case $((i % 3)) in
		0) echo "$n,东关社区,staff" ;;
		1) echo "$n,西关社区,volunteer" ;;
		*) echo "$n,满城区大册营镇大册营村,veteran" ;;
		esac
	done
} > "$TMP/r.csv"
fl roster import c1 "$TMP/r.csv"
expect_rc 0 "a roster of 20"
roster=$(printf '%s\n' "$OUT" | tr -d '\r')
tk() { printf '%s\n' "$roster" | awk -F, -v n="$1" '$2 == n { print $1 }'; }
echo "organizer-pw" > "$TMP/org.pw"
fl user add boss --role organizer --password-file "$TMP/org.pw"
ORG="--by boss --password-file $TMP/org.pw"
s() { fl score set c1 "$@" $ORG; [ "$RC" -eq 0 ] || printf '# %s\n' "$ERR"; }

i=0
for n in $NAMES; do
	i=$((i + 1))
	t=$(tk "$n")
	if [ $i -le 6 ]; then		# 90 / 90 / 90: excellent
		s "$t" written 90 --reason "paper sitting"
		s "$t" mini-station safety=4 call=5
		s "$t" mini-drill safety=4 call=5
	elif [ $i -le 19 ]; then	# 70 / 60 / 60: pass
		s "$t" written 70 --reason "paper sitting"
		s "$t" mini-station safety=4 call=2
		s "$t" mini-drill safety=4 call=2
	else				# the written test failed
		s "$t" written 50 --reason "paper sitting"
		s "$t" mini-station safety=4 call=2
		s "$t" mini-drill safety=4 call=2
	fi
done
EXC=$(tk 王秀英) PASS=$(tk 何平) FAIL=$(tk 罗刚)
fl report cohort c1 --format csv
has "$FAIL,罗刚,满城区大册营镇大册营村,veteran,50.0,60.0,60.0,56.0,fail,no,\"written 50.0, below 60\"" \
    "$(printf '%s' "$OUT" | tr -d '\r')" "the note says why a trainee failed"

# Usage.
fl report cohort c1 --format pdf
expect_rc 2 "--format pdf without -o is a usage error"
has "-o FILE" "$ERR" "and says -o FILE is needed"
fl report cohort c1 --format pdf --summary -o "$TMP/x.pdf"
expect_rc 2 "--summary has no PDF form"
fl report certificates c1
expect_rc 2 "report certificates without -o is a usage error"
if command -v script >/dev/null; then
	script -qec "$FIRSTLINE report cohort c1 --format pdf -o /dev/tty" /dev/null > "$TMP/tty.out" 2>&1
	[ $? -ne 0 ]; ok $? "a PDF is not written to a terminal"
	has "terminal" "$(cat "$TMP/tty.out")" "and says why"
else
	echo "ok $((T_N + 1)) # SKIP script(1) not installed"; T_N=$((T_N + 1))
	echo "ok $((T_N + 1)) # SKIP script(1) not installed"; T_N=$((T_N + 1))
fi

# The cohort report.
fl report cohort c1 --format pdf -o "$TMP/c1.pdf"
expect_rc 0 "report cohort --format pdf"
[ -z "$ERR" ]; ok $? "with no warning (every character has a glyph)"
info=$(pdfinfo "$TMP/c1.pdf")
has "Page size:       595.28 x 841.89 pts (A4)" "$info" "the report is A4 portrait"
text=$(pdftotext -layout "$TMP/c1.pdf" -)
has "Failed, and why" "$text" "a section on who failed"
printf '%s\n' "$text" | grep -q "$FAIL  *罗刚: *written 50.0, below 60"; ok $? "names the failed trainee and why"
missing=""
for n in $NAMES; do
	case "$text" in *"$n"*) ;; *) missing="$missing $n" ;; esac
done
[ -z "$missing" ]; ok $? "every Chinese name is in the text of the PDF${missing:+ (missing:$missing)}"
has "满城区大册营镇大册营村" "$text" "long community names are printed whole"
has "19/20 = 95.0% (rule >= 95%) meets" "$text" "the pass rate with its counts and the rule"
has "6/20 = 30.0% (rule >= 30%) meets" "$text" "the excellence rate with its counts"
has "Verdict: meets the rules" "$text" "the verdict"
has "not certified" "$text" "an open cohort says it is not certified"
has "Mean written score per module" "$text" "the module means section"
has "Distribution of totals" "$text" "the distribution chart"
has "Instructor" "$text" "a signature line for the instructor"
has "Organizer" "$text" "and for the organizer"
pages=$(printf '%s\n' "$info" | awk '/^Pages:/ { print $2 }')
has "page 1 / $pages" "$text" "page numbers"
fonts=$(pdffonts "$TMP/c1.pdf" | tail -n +3)
printf '%s\n' "$fonts" | grep -q 'NotoSansCJKsc'; ok $? "the font is Noto Sans CJK SC"
[ -n "$fonts" ] && [ -z "$(printf '%s\n' "$fonts" | awk '$(NF-4) != "yes"')" ]
ok $? "every font is embedded"

# Certificates are refused until the cohort is certified.
fl report certificates c1 -o "$TMP/certs"
expect_rc 1 "certificates of an uncertified cohort are refused"
has "not certified" "$ERR" "and the message says why"
[ ! -e "$TMP/certs" ] || [ -z "$(ls "$TMP/certs")" ]; ok $? "and no certificate is written"

fl cohort certify c1 $ORG
expect_rc 0 "19 of 20 passes and 6 excellents certify the cohort"

fl report certificates c1 -o "$TMP/certs"
expect_rc 0 "report certificates"
[ "$(ls "$TMP/certs" | wc -l)" -eq 19 ]; ok $? "one certificate per passing trainee (19)"
[ -f "$TMP/certs/$EXC.pdf" ] && [ -f "$TMP/certs/$PASS.pdf" ]; ok $? "named TICKET.pdf"
[ ! -e "$TMP/certs/$FAIL.pdf" ]; ok $? "none for the trainee who failed"
has "$TMP/certs/$EXC.pdf" "$OUT" "the files written are listed"
fl report certificates c1 -o "$TMP/certs2/"
has "$TMP/certs2/$EXC.pdf" "$OUT" "a directory given with a slash: paths without a double slash"
hasnt "//" "$OUT" "no double slash"
has "Page size:       841.89 x 595.28 pts (A4)" "$(pdfinfo "$TMP/certs/$EXC.pdf")" "a certificate is A4 landscape"
cert=$(pdftotext "$TMP/certs/$EXC.pdf" -)
has "应急响应第一人 培训合格证书" "$cert" "the Chinese heading"
has "First Responder Training Certificate" "$cert" "the English heading"
has "王秀英" "$cert" "the trainee's name"
has "$EXC" "$cert" "the ticket"
has "90.0" "$cert" "the total"
has "优秀" "$cert" "an excellent trainee's certificate is marked 优秀"
has "Excellent" "$cert" "and Excellent"
cert=$(pdftotext "$TMP/certs/$PASS.pdf" -)
has "何平" "$cert" "a passing trainee's certificate names them"
has "64.0" "$cert" "with their total"
hasnt "优秀" "$cert" "and is not marked excellent"
fonts=$(pdffonts "$TMP/certs/$PASS.pdf" | tail -n +3)
[ -n "$fonts" ] && [ -z "$(printf '%s\n' "$fonts" | awk '$(NF-4) != "yes"')" ]
ok $? "a certificate embeds its fonts"

fl report cohort c1 --format pdf -o "$TMP/c1.pdf"
text=$(pdftotext -layout "$TMP/c1.pdf" -)
has "by boss" "$text" "a certified cohort's report says when and by whom"

# A cohort of 80: the table runs over pages, its header on each of them.
fl cohort create "第二批" --exam mini-exam --id c2 >/dev/null
awk 'BEGIN { print "name,community"; for (i = 1; i <= 80; i++) printf "学员%d,南关社区\n", i }' > "$TMP/r2.csv"
fl roster import c2 "$TMP/r2.csv" >/dev/null
fl report cohort c2 --format pdf -o "$TMP/c2.pdf"
expect_rc 0 "a report of 80 trainees"
pages=$(pdfinfo "$TMP/c2.pdf" | awk '/^Pages:/ { print $2 }')
[ "${pages:-0}" -ge 3 ]; ok $? "runs over several pages ($pages)"
bad=0
p=1
while [ $p -le "${pages:-0}" ]; do
	pt=$(pdftotext -f $p -l $p -layout "$TMP/c2.pdf" -)
	case "$pt" in *"page $p / $pages"*) ;; *) bad=1 ;; esac
	[ $p -lt "$pages" ] || break	# the last page may hold only the summary
	case "$pt" in *Ticket*Name*Community*) ;; *) bad=1 ;; esac
	p=$((p + 1))
done
[ $bad -eq 0 ]; ok $? "every page is numbered N / M and repeats the table header"
text=$(pdftotext "$TMP/c2.pdf" -)
has "学员80" "$text" "the last trainee is printed"
has "0/80 = 0.0%" "$text" "the rates of an unscored cohort"

# A character no font has is printed as a box, with a warning.
fl cohort create "glyph" --exam mini-exam --id c3 >/dev/null
printf 'name,community\n张\356\200\200三,东关社区\n' > "$TMP/r3.csv"
fl roster import c3 "$TMP/r3.csv" >/dev/null
fl report cohort c3 --format pdf -o "$TMP/c3.pdf"
expect_rc 0 "a name with a private-use character is still printed"
has "1 character has no glyph" "$ERR" "with a warning"

# Without the CJK font no PDF is written.
printf '<?xml version="1.0"?>\n<fontconfig><dir>%s/nofonts</dir><cachedir>%s/fccache</cachedir></fontconfig>\n' "$TMP" "$TMP" > "$TMP/fonts.conf"
mkdir -p "$TMP/nofonts"
run env FONTCONFIG_FILE="$TMP/fonts.conf" "$FIRSTLINE" report cohort c1 --format pdf -o "$TMP/nofont.pdf"
expect_rc 1 "no PDF without the font"
has "Noto Sans CJK SC" "$ERR" "and the message names the font"
has "fonts-noto-cjk" "$ERR" "and the package"
[ ! -e "$TMP/nofont.pdf" ]; ok $? "and no half-written file is left"

# Coverage.
fl report coverage --format pdf
expect_rc 2 "report coverage --format pdf without -o is a usage error"
fl report coverage --format pdf -o "$TMP/cov.pdf"
expect_rc 0 "report coverage --format pdf"
has "Page size:       595.28 x 841.89 pts (A4)" "$(pdfinfo "$TMP/cov.pdf")" "the coverage list is A4"
text=$(pdftotext -layout "$TMP/cov.pdf" -)
has "南关社区" "$text" "it lists the communities short of responders"
has "满城区大册营镇大册营村" "$text" "with their Chinese names"
has "page 1 / 1" "$text" "and page numbers"
fl report coverage --format csv -o "$TMP/cov.csv"
expect_rc 0 "report coverage -o FILE writes CSV to a file"
has "南关社区,0,80,15" "$(tr -d '\r' < "$TMP/cov.csv")" "the CSV has the community"

done_testing
