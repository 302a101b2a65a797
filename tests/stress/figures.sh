# The figures doc/reliability.md quotes (sourced; POSIX sh): one file per
# stress test, gathered with the wall time into stress-figures.txt by
# make check-stress.
STRESS_FIGURES=$(dirname "$FIRSTLINE")/tests/stress/$(basename "$0" .sh).figures
: >"$STRESS_FIGURES"

# figure NAME VALUE: a line of the figures file, and a TAP comment (the
# lines of a VALUE of several lines joined with " / ").
figure() {
	_v=$(printf '%s\n' "$2" | sed -e ':a' -e 'N' -e '$!ba' -e 's|\n| / |g')
	echo "$1: $_v" >>"$STRESS_FIGURES"
	echo "# $1: $_v"
}
