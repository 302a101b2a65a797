#!/bin/sh
# Chinese out of the box: with LANG=zh_CN.UTF-8 the program speaks Chinese
# from the build tree (the catalogue beside the binary, main.c) and the
# locale exists on a machine set up by ./quickstart; FIRSTLINE_LOCALEDIR
# overrides where the catalogue is looked for.
. "$(dirname "$0")/lib.sh"

if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
	ok 0 "the zh_CN.UTF-8 locale exists"
else
	ok 1 "the zh_CN.UTF-8 locale exists (./quickstart generates it)"
fi
fl init
run env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= "$FIRSTLINE" report cohort nope
has "没有培训批次 nope" "$ERR" "LANG=zh_CN.UTF-8: report cohort speaks Chinese"
run env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= "$FIRSTLINE" --help
has "用法：firstline" "$OUT" "LANG=zh_CN.UTF-8: --help speaks Chinese"
run env LANG=C.UTF-8 LC_ALL= LANGUAGE= "$FIRSTLINE" --help
has "usage: firstline" "$OUT" "LANG=C.UTF-8: --help speaks English"
run env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= FIRSTLINE_LOCALEDIR="$TMP/none" \
    "$FIRSTLINE" --help
has "usage: firstline" "$OUT" "FIRSTLINE_LOCALEDIR points gettext elsewhere"

done_testing
