/*
 * Unit tests of the cohort rules' arithmetic: rates truncated, never
 * rounded up; the exact integer comparison; the shortfall named.
 */
#include "config.h"

#include "unit.h"

#include "core/results.h"

static void
test_rates_table(void **state)
{
	static const struct {
		int	 n, passes, excellents;
		int	 pass_tenths, exc_tenths;
		int	 meets_pass, meets_exc, need_pass, need_exc;
	} cases[] = {
		{ 20, 19, 6, 950, 300, 1, 1, 0, 0 },	/* 95.0%, 30.0% */
		{ 15, 14, 5, 933, 333, 0, 1, 1, 0 },	/* 93.3%: 1 more */
		{ 3, 2, 0, 666, 0, 0, 0, 1, 1 },	/* 66.6%, not 66.7 */
		{ 20, 20, 5, 1000, 250, 1, 0, 0, 1 },
		{ 20, 18, 4, 900, 200, 0, 0, 1, 2 },
		{ 40, 38, 12, 950, 300, 1, 1, 0, 0 },
		{ 41, 38, 12, 926, 292, 0, 0, 1, 1 },	/* 38.95 needed */
		{ 7, 7, 3, 1000, 428, 1, 1, 0, 0 },	/* 42.857 -> 42.8 */
		{ 1, 1, 0, 1000, 0, 1, 0, 0, 1 },
		{ 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	};
	struct cohort_result r;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&r, 0, sizeof r);
		r.n = cases[i].n;
		r.passes = cases[i].passes;
		r.excellents = cases[i].excellents;
		r.rule_pass = 95;
		r.rule_excellent = 30;
		results_rates(&r);
		if (r.pass_rate_tenths != cases[i].pass_tenths ||
		    r.excellence_rate_tenths != cases[i].exc_tenths ||
		    r.meets_pass != cases[i].meets_pass ||
		    r.meets_excellence != cases[i].meets_exc ||
		    r.need_passes != cases[i].need_pass ||
		    r.need_excellents != cases[i].need_exc)
			fail_msg("case %zu (%d/%d/%d): rates %d %d meets %d %d "
			    "need %d %d", i, cases[i].passes,
			    cases[i].excellents, cases[i].n,
			    r.pass_rate_tenths, r.excellence_rate_tenths,
			    r.meets_pass, r.meets_excellence, r.need_passes,
			    r.need_excellents);
	}
}

static void
test_tenths_format(void **state)
{
	char buf[16];

	results_tenths(950, buf);
	assert_string_equal(buf, "95.0");
	results_tenths(933, buf);
	assert_string_equal(buf, "93.3");
	results_tenths(1000, buf);
	assert_string_equal(buf, "100.0");
	results_tenths(5, buf);
	assert_string_equal(buf, "0.5");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rates_table),
		cmocka_unit_test(test_tenths_format),
	};

	return cmocka_run_group_tests_name("results", tests, NULL, NULL);
}
