#!/bin/sh
# The instructor form after Ctrl-S, at 80x24 and at 120x40: the form shows
# the entry just stored (read back from the screen: every mark typed is in
# its field, the title says "Entry N saved" with its time), Ctrl-S again
# stores nothing, Esc leaves without asking; the first edit starts a
# correction (the reason is asked for, nothing is stored without it), and
# the correction is a second entry beside the first, unchanged: nothing
# lost, nothing doubled, in the database and in "score history".
. "$(dirname "$0")/lib.sh"

tui_db
ok $? "database with the shipped course and two cohorts"
printf 'teacher-pw\n' >"$TMP/teacher.pw"
"$FIRSTLINE" user add teacher --role instructor \
    --password-file "$TMP/teacher.pw" >/dev/null
ok $? "an instructor account"

# The CPR+AED rubric: item,max,critical per line.
"$FIRSTLINE" rubric show cpr-aed --format csv | tr -d '\r' |
    awk -F, 'NR > 1 { print $1 "," $(NF - 1) "," $NF }' >"$TMP/items"
NITEMS=$(wc -l <"$TMP/items")
[ "$NITEMS" -ge 10 ]
ok $? "the rubric has $NITEMS items"

# marks_on_screen: the marks shown in the fields of the screen's item rows, one
# per line ("[12 ]" -> 12), in screen order.
marks_on_screen() {
	printf '%s\n' "$SCREEN" | grep -E '^.{0,4}[0-9]+ ' |
	    grep -oE '\[[ 0-9]{3}\]' | tr -d '[] '
}

# scenario NAME W H N: trainee N of cohort c2 scored at W x H.
scenario() {
	_s=$1 _w=$2 _h=$3 _k=$4
	_t=$(ticket c2 "$_k")
	tui_start_cmd "$_s" "$_w" "$_h" \
	    "exec '$FIRSTLINE' --db '$FIRSTLINE_DB' score"
	tui_wait "$_s" "User name:"
	tui_text "$_s" teacher
	tui_keys "$_s" Enter
	tui_text "$_s" teacher-pw
	tui_keys "$_s" Enter
	tui_wait "$_s" "Choose the cohort to score"
	tui_keys "$_s" Down Enter
	tui_wait "$_s" "Cohort c2, exam standard"
	# The trainee by ticket (digits find a row), then the first station.
	tui_text "$_s" "$_t"
	tui_keys "$_s" Enter
	screen_has "$_s" "ticket $_t" "$_w x $_h: trainee $_k chosen"
	tui_keys "$_s" Enter
	screen_has "$_s" "Scoring: Adult CPR and AED (cpr-aed)" \
	    "$_w x $_h: an empty rubric form"

	# Marks: full for a critical item, else one below (0 stays 0); the
	# trainee's number varies them so that the two sizes differ.
	: >"$TMP/$_s.typed"
	_i=0
	while IFS=, read -r _item _max _crit; do
		_i=$((_i + 1))
		_m=$_max
		if [ "$_crit" != yes ] && [ "$_max" -gt 0 ] &&
		    [ $(((_i + _k) % 3)) -ne 0 ]; then
			_m=$((_max - 1))
		fi
		echo "$_m" >>"$TMP/$_s.typed"
		tui_text "$_s" "$_m"
		tui_keys "$_s" Tab
	done <"$TMP/items"
	_total=$(awk '{ s += $1 } END { print s }' "$TMP/$_s.typed")
	screen_has "$_s" "Total $_total/100" "$_w x $_h: the marks typed, total $_total"
	_before=$(sql "SELECT count(*) FROM score_entry")
	tui_keys "$_s" C-s
	screen_has "$_s" "Entry $((_before + 1)) saved" \
	    "$_w x $_h: after Ctrl-S the form shows the saved entry"
	_e=$((_before + 1))
	screen_hasnt "$_s" "Correction of entry" \
	    "$_w x $_h: not an empty correction form"
	screen_hasnt "$_s" "Reason (required)" "$_w x $_h: no reason asked yet"
	# The time of the entry, as stored, is in the title.
	_at=$(sql "SELECT strftime('%H:%M', entered_at, 'localtime')
	    FROM score_entry WHERE id = $_e")
	screen_has "$_s" "Entry $_e saved $_at:" "$_w x $_h: with its time $_at"
	# Every mark stored is on the screen, in its field (page by page).
	sql "SELECT mark FROM score_mark WHERE entry_id = $_e ORDER BY seq" \
	    >"$TMP/$_s.stored"
	cmp -s "$TMP/$_s.typed" "$TMP/$_s.stored"
	ok $? "$_w x $_h: the database has the marks typed"
	# Up from the comment (focused when Ctrl-S was pressed) to item 1.
	_n=0
	while [ "$_n" -lt "$NITEMS" ]; do
		tui_keys "$_s" Up
		_n=$((_n + 1))
	done
	screen_has "$_s" "  1/$NITEMS " "$_w x $_h: item 1 focused"
	marks_on_screen >"$TMP/$_s.shown"
	_shown=$(wc -l <"$TMP/$_s.shown")
	if [ "$_shown" -lt "$NITEMS" ]; then
		tui_keys "$_s" NPage
		tui_wait "$_s" "page 2/"
		marks_on_screen >>"$TMP/$_s.shown"
		tui_keys "$_s" PPage
		tui_wait "$_s" "page 1/"
	fi
	cmp -s "$TMP/$_s.stored" "$TMP/$_s.shown"
	_r=$?
	[ $_r -eq 0 ] || { paste "$TMP/$_s.stored" "$TMP/$_s.shown" |
	    sed 's/^/# stored, shown: /'; printf '%s\n' "$SCREEN" |
	    sed 's/^/#|/'; }
	ok $_r "$_w x $_h: the screen shows every saved mark ($_shown on page 1)"

	# Ctrl-S on the saved entry stores nothing.
	tui_keys "$_s" C-s
	screen_has "$_s" "Entry $_e is saved and unchanged" \
	    "$_w x $_h: Ctrl-S again says nothing changed"
	[ "$(sql "SELECT count(*) FROM score_entry")" = "$_e" ]
	ok $? "$_w x $_h: and stores nothing"

	# The first edit starts a correction: item 1 (focused) to 0.
	tui_keys "$_s" 0
	screen_has "$_s" "Correction of entry $_e" \
	    "$_w x $_h: an edit starts a correction"
	screen_has "$_s" "type the reason in its field" \
	    "$_w x $_h: the reason is asked for"
	tui_keys "$_s" C-s
	screen_has "$_s" "This is a correction: type the reason before saving." \
	    "$_w x $_h: no save without the reason"
	screen_has "$_s" "Reason (required):" "$_w x $_h: the reason field shown"
	[ "$(sql "SELECT count(*) FROM score_entry")" = "$_e" ]
	ok $? "$_w x $_h: nothing stored without a reason"
	tui_text "$_s" "item 1 was misread"
	tui_keys "$_s" C-s
	screen_has "$_s" "Entry $((_e + 1)) saved" \
	    "$_w x $_h: the correction saved and shown"
	screen_hasnt "$_s" "Reason (required)" \
	    "$_w x $_h: the reason field goes with the saved correction"
	# Leaving a saved entry asks nothing.
	tui_keys "$_s" Escape
	screen_has "$_s" "Scoring: choose a station" \
	    "$_w x $_h: Esc on a saved entry leaves at once"
	_corr=$((_total - $(head -1 "$TMP/$_s.typed")))
	screen_has "$_s" " $_corr/100" \
	    "$_w x $_h: the station menu shows the correction ($_corr)"

	# Nothing lost, nothing doubled.
	[ "$(sql "SELECT count(*) FROM score_entry e JOIN trainee t
	    ON t.id = e.trainee_id WHERE t.ticket = '$_t'")" = 2 ]
	ok $? "$_w x $_h: two entries for the trainee, no more"
	sql "SELECT mark FROM score_mark WHERE entry_id = $_e ORDER BY seq" |
	    cmp -s - "$TMP/$_s.typed"
	ok $? "$_w x $_h: the first entry is unchanged"
	{ echo 0; tail -n +2 "$TMP/$_s.typed"; } >"$TMP/$_s.corrected"
	sql "SELECT mark FROM score_mark WHERE entry_id = $((_e + 1))
	    ORDER BY seq" | cmp -s - "$TMP/$_s.corrected"
	ok $? "$_w x $_h: the correction has item 1 at 0 and the rest kept"
	fl score history c2 "$_t" --format csv
	_hist=$(printf '%s\n' "$OUT" | tr -d '\r')
	[ "$(printf '%s\n' "$_hist" | grep -c ',cpr-aed,')" = 2 ]
	ok $? "$_w x $_h: score history lists the two entries"
	has "$_e,practical,cpr-aed,$_total,100,no,teacher," "$_hist" \
	    "$_w x $_h: the first, as typed"
	printf '%s\n' "$_hist" | grep "^$((_e + 1)),practical,cpr-aed," |
	    grep -q ",item 1 was misread,.*,yes"
	ok $? "$_w x $_h: the correction with its reason counts"
	tm kill-session -t "$_s" 2>/dev/null
}

scenario small 80 24 1
scenario big 120 40 2

done_testing
