#!/bin/sh
# make check-stress: the scan reader on 500 generated sheets (the test of
# tests/scan/fill.sh at full size: 0 silent errors, under 2% of the clean
# sheets to review), its totals in the figures.
SCAN_SHEETS=${SCAN_SHEETS:-500}
SCAN_FIGURES=$(dirname "$FIRSTLINE")/tests/stress/scan-fill.figures
export SCAN_SHEETS SCAN_FIGURES
exec sh "$(dirname "$0")/../scan/fill.sh"
