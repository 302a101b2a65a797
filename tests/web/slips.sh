#!/bin/sh
# Exam slips with the QR code of the browser sitting: roster import
# --slips FILE.pdf --url URL prints the address and its QR code on every
# slip (read back with zbarimg), and refuses an address it should not
# print; so does roster reset-pin for a reissued slip; the proctor view
# says the sitting is in a browser.
. "$(dirname "$0")/lib.sh"

command -v pdftotext >/dev/null 2>&1 ||
    { echo "1..0 # SKIP pdftotext (poppler-utils) is not installed"; exit 0; }
web_db || { echo "Bail out! cannot build the test database"; exit 1; }
"$FIRSTLINE" cohort create "Phones" --exam mini-all --id c2 >/dev/null
printf 'name,community\n王小明,竞秀区东风街道\nJohn Smith,Lianchi\n' >"$TMP/r2.csv"

fl roster import c2 "$TMP/r2.csv" --url http://10.0.0.5:8080/
expect_rc 2 "--url without --slips is a usage error"
for bad in 'javascript:alert(1)' 'http://a b/' 'ftp://10.0.0.5/' \
    "http://$(head -c 300 /dev/zero | tr '\0' a)/"; do
	fl roster import c2 "$TMP/r2.csv" --slips "$TMP/bad.pdf" --url "$bad"
	expect_rc 2 "--url $(printf '%.40s' "$bad"): refused"
done
[ ! -e "$TMP/bad.pdf" ] &&
[ "$(sql "SELECT count(*) FROM trainee t JOIN cohort c ON c.id = t.cohort_id WHERE c.cohort = 'c2'")" = 0 ]
ok $? "nothing enrolled, no slips written"

U=https://exam.baoding.example.cn/
fl roster import c2 "$TMP/r2.csv" --slips "$TMP/slips.pdf" --url "$U"
expect_rc 0 "roster import with --slips and --url"
pdftotext -layout "$TMP/slips.pdf" "$TMP/slips.txt"
TXT=$(cat "$TMP/slips.txt")
has "Phone: $U" "$TXT" "the address is printed on the slip"
has "手机扫码" "$TXT" "and the way to use it, in Chinese"
[ "$(grep -o "$U" "$TMP/slips.txt" | wc -l)" -eq 2 ]
ok $? "on each of the two slips"
if command -v zbarimg >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1
then
	pdftoppm -r 100 -png -f 1 -l 1 "$TMP/slips.pdf" "$TMP/slip"
	zbarimg -q --raw "$TMP/slip-1.png" 2>/dev/null | sort >"$TMP/qr"
	[ "$(grep -c "^$U\$" "$TMP/qr")" -eq 2 ]
	ok $? "each slip's QR code reads the address at 100 dpi ($(wc -l <"$TMP/qr") codes)"
else
	echo "# zbarimg or pdftoppm missing: QR codes not read back"
fi

# A reissued slip (roster reset-pin) carries the same QR code.
printf 'organizer-pw-1\n' >"$TMP/org.pw"
fl user add boss --role organizer --password-file "$TMP/org.pw"
expect_rc 0 "an organizer"
T2=$(sql "SELECT t.ticket FROM trainee t JOIN cohort c ON c.id = t.cohort_id WHERE c.cohort = 'c2' ORDER BY t.id LIMIT 1")
fl roster reset-pin c2 "$T2" --by boss --password-file "$TMP/org.pw" --url "$U"
expect_rc 2 "reset-pin: --url without --slips is a usage error"
fl roster reset-pin c2 "$T2" --by boss --password-file "$TMP/org.pw" \
    --slips "$TMP/bad.pdf" --url 'javascript:alert(1)'
expect_rc 2 "reset-pin: a bad --url is refused"
[ ! -e "$TMP/bad.pdf" ] &&
[ "$(sql "SELECT count(*) FROM event WHERE action = 'pin reset'")" = 0 ]
ok $? "no PIN reset, no slip written"
fl roster reset-pin c2 "$T2" --by boss --password-file "$TMP/org.pw" \
    --slips "$TMP/again.pdf" --url "$U"
expect_rc 0 "roster reset-pin --slips --url"
NEW=$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, 'NR == 2 { print $4 }')
AGAIN=$(pdftotext -layout "$TMP/again.pdf" -)
has "Phone: $U" "$AGAIN" "the reissued slip prints the address"
printf '%s\n' "$AGAIN" | grep -q "$T2 .*$NEW"
ok $? "with the ticket and the new PIN"
if command -v zbarimg >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1
then
	pdftoppm -r 100 -png -f 1 -l 1 "$TMP/again.pdf" "$TMP/again"
	[ "$(zbarimg -q --raw "$TMP/again-1.png" 2>/dev/null)" = "$U" ]
	ok $? "and its QR code reads the address at 100 dpi"
fi

# The device, in the proctor view.
web_start || { echo "Bail out! the server did not start"; exit 1; }
login a 1
location /exam "a trainee logs in on a phone"
fl attempts c1 --format csv
has "$(ticket 1),张三,in-progress" "$OUT" "attempts shows the sitting"
printf '%s\n' "$OUT" | tr -d '\r' | grep "^$(ticket 1)," | grep -q ',browser$'
ok $? "with the device: browser"
done_testing
