#!/bin/sh
# The message catalogue covers the program: every source file with
# translatable text is in po/POTFILES.in (and every file listed there
# exists), and every message xgettext finds in them, with the project's
# keywords (po/Makevars), has a Chinese translation in po/zh_CN.po, not
# fuzzy.  A new screen written without its entry in the catalogue falls
# back to English (or to a built-in Chinese the catalogue does not know).
. "$(dirname "$0")/lib.sh"

SRC=$(cd "$(dirname "$0")/../.." && pwd)
POT="$SRC/po/POTFILES.in"
command -v xgettext >/dev/null && command -v msgcmp >/dev/null ||
    { ok 1 "xgettext and msgcmp (gettext) are installed"; done_testing; }

listed=$(grep -v '^#' "$POT" | sed '/^$/d' | sort)
missing=
for f in $listed; do [ -f "$SRC/$f" ] || missing="$missing $f"; done
[ -z "$missing" ]; ok $? "every file in POTFILES.in exists${missing:+:$missing}"

unlisted=
for f in $(cd "$SRC" && grep -l -E '\b(_|N_|ngettext|trn|TN)\(' \
    src/*/*.c 2>/dev/null | sort); do
	printf '%s\n' "$listed" | grep -qx "$f" || unlisted="$unlisted $f"
done
[ -z "$unlisted" ]
ok $? "every source file with translatable text is in POTFILES.in${unlisted:+ (not:$unlisted)}"

KW=$(sed -n 's/^XGETTEXT_OPTIONS *= *//p' "$SRC/po/Makevars")
# shellcheck disable=SC2086
(cd "$SRC" && xgettext $KW -o "$TMP/all.pot" $listed) 2>"$TMP/xg.err"
ok $? "xgettext reads them $(head -c 200 "$TMP/xg.err")"
msgcmp "$SRC/po/zh_CN.po" "$TMP/all.pot" >"$TMP/cmp" 2>&1
ok $? "every message has its Chinese in zh_CN.po$(grep -v 'warning:' "$TMP/cmp" | head -5 | tr '\n' ' ' | sed 's/^/: /')"
fuzzy=$(grep -c '^#, .*fuzzy' "$SRC/po/zh_CN.po")
[ "$fuzzy" = 0 ]; ok $? "no fuzzy translation ($fuzzy)"

# The check sees a gap: a message the catalogue lacks is reported.
printf '#include <libintl.h>\nconst char *m(void) { return gettext("a message no catalogue has"); }\n' \
    >"$TMP/new.c"
(cd "$SRC" && xgettext $KW --keyword=gettext -o "$TMP/new.pot" \
    $listed "$TMP/new.c") 2>/dev/null
msgcmp "$SRC/po/zh_CN.po" "$TMP/new.pot" >"$TMP/cmp2" 2>&1
[ $? -ne 0 ] && grep -q "used but not defined" "$TMP/cmp2"
ok $? "a message missing from the catalogue is caught"

done_testing
