#!/bin/sh
# How tests/deb/firstline-v5.db.gz was made: run from a build of commit
# a9be41d (schema version 5, the last release before the package), e.g.
#   git worktree add --detach /tmp/old a9be41d && cd /tmp/old &&
#   autoreconf -fi && ./configure && make firstline tests/cli/items-sit &&
#   sh /path/to/make-old-db.sh OUT.db
# A certified cohort of two (written tests sat through the core, every
# station and a simulation scored, one correction) and an open cohort with
# a submitted sitting and a withdrawal: every table the upgrade must keep.
set -eu
out=$1
rm -f "$out" "$out-wal" "$out-shm"
export FIRSTLINE_DATADIR="$PWD/question-banks" FIRSTLINE_DB="$out" LANG=C.UTF-8
fl=./firstline
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'organizer-pass-1\n' > "$tmp/org.pw"
printf 'instructor-pass-1\n' > "$tmp/ins.pw"
$fl init
$fl bank load question-banks/rubrics/*.xml question-banks/banks/*.xml \
    question-banks/exams/standard.xml
$fl user add wang --role organizer --password-file "$tmp/org.pw"
$fl user add li --role instructor --password-file "$tmp/ins.pw"
$fl cohort create "莲池区第一批" --exam standard --id 2026-001
$fl cohort create "竞秀区第二批" --exam standard --id 2026-002
printf 'name,community,group\n张伟,五四路社区,staff\nAlice Li,东风街道,volunteer\n' > "$tmp/r1.csv"
printf 'name,community\n王芳,裕华路社区\n刘洋,裕华路社区\n陈静,东关社区\n' > "$tmp/r2.csv"
$fl roster import 2026-001 "$tmp/r1.csv" | tr -d '\r' > "$tmp/t1.csv"
$fl roster import 2026-002 "$tmp/r2.csv" | tr -d '\r' > "$tmp/t2.csv"
full() {	# all items of rubric $1 at their maximum
	$fl rubric show "$1" --format csv | tail -n +2 |
	    awk -F, '{ printf "%s=%s ", $1, $(NF-1) }'
}
tail -n +2 "$tmp/t1.csv" | while IFS=, read -r ticket name community pin; do
	tests/cli/items-sit "$out" "$ticket" "$pin" '*=right'
	for r in cpr-aed bleeding extinguisher stairwell-arrest; do
		# shellcheck disable=SC2046
		$fl score set 2026-001 "$ticket" "$r" $(full "$r") \
		    --by li --password-file "$tmp/ins.pw"
	done
done
t=$(sed -n 2p "$tmp/t1.csv" | cut -d, -f1)
# shellcheck disable=SC2046
$fl score set 2026-001 "$t" bleeding $(full bleeding) --by li \
    --password-file "$tmp/ins.pw" --reason "entered twice by mistake"
$fl cohort certify 2026-001 --by wang --password-file "$tmp/org.pw"
set -- $(sed -n 2p "$tmp/t2.csv" | tr , ' ')
tests/cli/items-sit "$out" "$1" "$4" '*=right' >/dev/null
w=$(sed -n 3p "$tmp/t2.csv" | cut -d, -f1)
$fl cohort withdraw 2026-002 "$w" --by wang --password-file "$tmp/org.pw" \
    --reason "moved away"
sqlite3 "$out" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
