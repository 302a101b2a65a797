/*
 * Unit tests of the item analysis statistics on small fixed data sets whose
 * values are worked out by hand in the comments (variances divide by
 * n - 1, as Moodle's do): item-rest correlation, discriminative
 * efficiency, zero variance, negative discrimination, Cronbach's alpha,
 * error ratio and standard error, the flags and their thresholds, and the
 * printing of undefined values.
 */
#include "config.h"

#include "unit.h"

#include <math.h>

#include "core/items.h"

#define TOL 1e-9

static void
assert_close(double got, double want, const char *what)
{
	if (!(fabs(got - want) < TOL))
		fail_msg("%s: got %.12f, want %.12f", what, got, want);
}

/*
 * x = 1 1 1 0 0 0, rest = 3 2 1 0 2 2 (so total = 4 3 2 0 2 2).
 * mean x = 1/2, mean rest = 10/6 = 5/3.
 * x - mean: +-1/2; rest - mean: 4/3 1/3 -2/3 -5/3 1/3 1/3.
 * Sum (x-mx)^2 = 6/4 = 3/2; Sum (r-mr)^2 = (16+1+4+25+1+1)/9 = 16/3.
 * Sum (x-mx)(r-mr) = 1/2 (4/3 + 1/3 - 2/3) - 1/2 (-5/3 + 1/3 + 1/3) = 1.
 * facility 1/2; sd = sqrt((3/2)/5) = sqrt(0.3);
 * discrimination = 1 / sqrt(3/2 * 16/3) = 1 / sqrt(8);
 * sorted: x 0 0 0 1 1 1, rest 0 1 2 2 2 3 (devs -5/3 -2/3 1/3 1/3 1/3 4/3):
 * largest co-moment = -1/2 (-5/3 - 2/3 + 1/3) + 1/2 (1/3 + 1/3 + 4/3) = 2,
 * efficiency = 1 / 2.
 */
static const double rest6[] = { 3, 2, 1, 0, 2, 2 };

static void
totals(const double *x, const double *rest, size_t n, double *total)
{
	size_t i;

	for (i = 0; i < n; i++)
		total[i] = x[i] + rest[i];
}

/*
 * The case above (discrimination 1/sqrt(8) = 0.353553...), then the same
 * rest scores with the item reversed (x = 0 0 0 1 1 1): the co-moment is
 * -1, so discrimination -1/sqrt(8) and efficiency -1/2 (the largest
 * co-moment is still 2): a wrong key looks like this.
 */
static void
test_item_correlation(void **state)
{
	static const struct {
		double		 x[6];
		double		 disc, eff;
		unsigned	 flags;
	} cases[] = {
		{ { 1, 1, 1, 0, 0, 0 }, 0.35355339059327373, 0.5, ITEM_FEW },
		{ { 0, 0, 0, 1, 1, 1 }, -0.35355339059327373, -0.5,
		  ITEM_NEGATIVE | ITEM_FEW },
	};
	double total[6];
	struct item_stats st;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		totals(cases[i].x, rest6, 6, total);
		items_item_stats(cases[i].x, total, 6, 1.0, &st);
		assert_int_equal(st.n, 6);
		assert_close(st.facility, 0.5, "facility");
		assert_close(st.sd, sqrt(0.3), "sd");
		assert_close(st.discrimination, cases[i].disc,
		    "discrimination");
		assert_close(st.efficiency, cases[i].eff, "efficiency");
		assert_int_equal(st.flags, cases[i].flags);
	}
}

/*
 * Partial credit: x = 1 1/2 1/2 0 with max 1, rest = 1 1 0 0.
 * mean x = 1/2, mean rest = 1/2; Sum (x-mx)^2 = 1/2, Sum (r-mr)^2 = 1,
 * Sum (x-mx)(r-mr) = 1/4 + 0 + 0 + 1/4 = 1/2.  sd = sqrt((1/2)/3);
 * discrimination = (1/2) / sqrt(1/2 * 1) = 1/sqrt(2); sorted pairs give the
 * same co-moment, efficiency 1.  With max 2 (the same marks out of two
 * points) facility and sd halve, the correlations do not change.
 */
static void
test_item_partial(void **state)
{
	static const double x[] = { 1, 0.5, 0.5, 0 }, rest[] = { 1, 1, 0, 0 };
	double total[4];
	struct item_stats st;

	totals(x, rest, 4, total);
	items_item_stats(x, total, 4, 1.0, &st);
	assert_close(st.facility, 0.5, "facility");
	assert_close(st.sd, sqrt(1.0 / 6), "sd");
	assert_close(st.discrimination, 1 / sqrt(2), "discrimination");
	assert_close(st.efficiency, 1, "efficiency");
	items_item_stats(x, total, 4, 2.0, &st);
	assert_close(st.facility, 0.25, "facility of 2");
	assert_close(st.sd, sqrt(1.0 / 6) / 2, "sd of 2");
	assert_close(st.discrimination, 1 / sqrt(2), "discrimination of 2");
}

/*
 * Zero variance: everyone right (facility 1, sd 0, no correlation: easy);
 * identical partial scores of 1/3 (rounding noise must not become a
 * correlation); a rest score that never varies; one attempt; none.
 */
static void
test_item_zero_variance(void **state)
{
	static const double ones[] = { 1, 1, 1, 1, 1, 1 };
	static const double thirds[] = { 1.0 / 3, 1.0 / 3, 1.0 / 3 };
	static const double third_totals[] = { 2.0 / 3 + 2, 1.0 / 3, 1 };
	static const double x4[] = { 1, 0, 1, 0 }, flat[] = { 2, 2, 2, 2 };
	double total[6];
	struct item_stats st;
	char buf[32];

	totals(ones, rest6, 6, total);
	items_item_stats(ones, total, 6, 1.0, &st);
	assert_close(st.facility, 1, "facility");
	assert_close(st.sd, 0, "sd");
	assert_true(isnan(st.discrimination));
	assert_true(isnan(st.efficiency));
	assert_int_equal(st.flags, ITEM_EASY | ITEM_FEW);

	items_item_stats(thirds, third_totals, 3, 1.0, &st);
	assert_close(st.facility, 1.0 / 3, "facility of thirds");
	items_format(st.sd, 3, "", buf);
	assert_string_equal(buf, "0.000");
	assert_true(isnan(st.discrimination));
	assert_true(isnan(st.efficiency));

	totals(x4, flat, 4, total);
	items_item_stats(x4, total, 4, 1.0, &st);
	assert_close(st.sd, sqrt(1.0 / 3), "sd, flat rest");
	assert_true(isnan(st.discrimination));
	assert_true(isnan(st.efficiency));
	assert_int_equal(st.flags, ITEM_FEW);

	items_item_stats(ones, total, 1, 1.0, &st);
	assert_close(st.facility, 1, "facility of one");
	assert_true(isnan(st.sd));
	assert_true(isnan(st.discrimination));

	items_item_stats(NULL, NULL, 0, 1.0, &st);
	assert_true(isnan(st.facility));
	assert_int_equal(st.flags, ITEM_FEW);
}

/*
 * The thresholds: facility exactly 0.95 (19 of 20) is not "easy", 20 of 20
 * is; 30 draws are enough, 29 are few.
 */
static void
test_item_thresholds(void **state)
{
	double x[30], total[30];
	struct item_stats st;
	size_t i;

	for (i = 0; i < 30; i++) {
		x[i] = i % 20 == 0 ? 0 : 1;	/* wrong at 0 and 20 */
		total[i] = x[i] + (double)(i % 7);
	}
	items_item_stats(x + 1, total + 1, 20, 1.0, &st);	/* 19 of 20 */
	assert_close(st.facility, 0.95, "19 of 20");
	assert_false(st.flags & ITEM_EASY);
	items_item_stats(x + 1, total + 1, 19, 1.0, &st);	/* 19 of 19 */
	assert_true(st.flags & ITEM_EASY);
	items_item_stats(x, total, 30, 1.0, &st);
	assert_false(st.flags & ITEM_FEW);
	items_item_stats(x, total, 29, 1.0, &st);
	assert_true(st.flags & ITEM_FEW);
}

/*
 * Six attempts, four slots:       totals
 *   1 1 1 1                         4
 *   1 1 1 0                         3
 *   1 1 0 0                         2
 *   1 0 1 0                         2
 *   0 1 0 0                         1
 *   0 0 0 0                         0
 * mean 2 (50%); deviations 2 1 0 0 -1 -2, Sum^2 = 10, var 10/5 = 2,
 * sd sqrt(2).  Slot variances (p ones of 6: 6 p (1 - p) / 5): 4/15, 4/15,
 * 3/10, 1/6, summing to 1.  alpha = 4/3 (1 - 1/2) = 2/3 (low: below 0.70);
 * error ratio sqrt(1/3); se = sqrt(2) sqrt(1/3) = sqrt(2/3).
 */
static void
test_paper_alpha(void **state)
{
	static const double m[] = {
		1, 1, 1, 1,
		1, 1, 1, 0,
		1, 1, 0, 0,
		1, 0, 1, 0,
		0, 1, 0, 0,
		0, 0, 0, 0,
	};
	struct paper_stats st;
	char buf[64];

	items_paper_stats(m, 6, 4, &st);
	assert_int_equal(st.n, 6);
	assert_int_equal(st.k, 4);
	assert_close(st.max, 4, "max");
	assert_close(st.mean, 2, "mean");
	assert_close(st.sd, sqrt(2), "sd");
	assert_close(st.alpha, 2.0 / 3, "alpha");
	assert_close(st.error_ratio, sqrt(1.0 / 3), "error ratio");
	assert_close(st.se, sqrt(2.0 / 3), "se");
	assert_int_equal(st.flags, PAPER_FEW | PAPER_LOW_ALPHA);
	items_paper_flags(st.flags, buf, sizeof buf);
	assert_string_equal(buf, "few low-alpha");
}

/*
 * Partial credit, two slots:  1 1 | 1/2 1 | 1/2 0 | 0 0, totals 2 3/2 1/2 0.
 * mean 1; Sum dev^2 = 1 + 1/4 + 1/4 + 1 = 5/2, var 5/6.  Slot variances
 * (1/2)/3 = 1/6 and 1/3, sum 1/2.  alpha = 2 (1 - (1/2)/(5/6)) = 4/5;
 * error ratio sqrt(1/5); se = sqrt(5/6) sqrt(1/5) = sqrt(1/6).
 */
static void
test_paper_partial(void **state)
{
	static const double m[] = { 1, 1, 0.5, 1, 0.5, 0, 0, 0 };
	struct paper_stats st;

	items_paper_stats(m, 4, 2, &st);
	assert_close(st.mean, 1, "mean");
	assert_close(st.sd, sqrt(5.0 / 6), "sd");
	assert_close(st.alpha, 0.8, "alpha");
	assert_close(st.error_ratio, sqrt(0.2), "error ratio");
	assert_close(st.se, sqrt(1.0 / 6), "se");
	assert_int_equal(st.flags, PAPER_FEW);
}

/* Undefined alpha: one slot, two attempts, totals that never vary. */
static void
test_paper_undefined(void **state)
{
	static const double same[] = { 1, 0, 1, 0, 1, 0 };	/* 3 x 2 */
	static const double one[] = { 1, 0, 1 };		/* 3 x 1 */
	struct paper_stats st;

	items_paper_stats(same, 3, 2, &st);
	assert_close(st.sd, 0, "sd of equal totals");
	assert_true(isnan(st.alpha));
	assert_true(isnan(st.se));
	assert_false(st.flags & PAPER_LOW_ALPHA);
	items_paper_stats(one, 3, 1, &st);
	assert_true(isnan(st.alpha));
	items_paper_stats(same, 2, 3, &st);
	assert_false(isnan(st.sd));
	assert_true(isnan(st.alpha));
	items_paper_stats(NULL, 0, 3, &st);
	assert_true(isnan(st.mean));
	assert_int_equal(st.flags, PAPER_FEW);
}

static void
test_format(void **state)
{
	char buf[32], flags[64];

	items_format(NAN, 3, "-", buf);
	assert_string_equal(buf, "-");
	items_format(NAN, 3, "", buf);
	assert_string_equal(buf, "");
	items_format(-0.0001, 3, "", buf);
	assert_string_equal(buf, "0.000");
	items_format(-0.5, 3, "", buf);
	assert_string_equal(buf, "-0.500");
	items_format(1 / sqrt(8), 3, "", buf);
	assert_string_equal(buf, "0.354");
	items_format(200.0 / 3, 2, "", buf);
	assert_string_equal(buf, "66.67");
	items_item_flags(0, flags, sizeof flags);
	assert_string_equal(flags, "");
	items_item_flags(ITEM_EASY | ITEM_NEGATIVE | ITEM_FEW, flags,
	    sizeof flags);
	assert_string_equal(flags, "easy negative few");
	items_item_flags(ITEM_NEGATIVE, flags, 5);
	assert_string_equal(flags, "");	/* does not fit: nothing cut */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_item_correlation),
		cmocka_unit_test(test_item_partial),
		cmocka_unit_test(test_item_zero_variance),
		cmocka_unit_test(test_item_thresholds),
		cmocka_unit_test(test_paper_alpha),
		cmocka_unit_test(test_paper_partial),
		cmocka_unit_test(test_paper_undefined),
		cmocka_unit_test(test_format),
	};

	return cmocka_run_group_tests_name("items", tests, NULL, NULL);
}
