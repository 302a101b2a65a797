/*
 * The scan reader's own maths, without images: the affine registration
 * fitted to four corner marks (turned, scaled, upside down, a misplaced
 * mark caught by its misfit, degenerate points refused), its inverse, the
 * sheet's empty level, and the fill decision at its thresholds.
 */
#include "config.h"

#include "unit.h"

#include <math.h>

#include "scan/scan.h"

static const double mx[4] = { 12, 198, 198, 12 };
static const double my[4] = { 12, 12, 285, 285 };

/* Image points of the marks under a turn of deg, scale s px/mm, offset. */
static void
project(double deg, double s, double ox, double oy, double *u, double *v)
{
	double t = deg * M_PI / 180;
	int i;

	for (i = 0; i < 4; i++) {
		u[i] = s * (cos(t) * mx[i] - sin(t) * my[i]) + ox;
		v[i] = s * (sin(t) * mx[i] + cos(t) * my[i]) + oy;
	}
}

static void
test_affine_fit(void **state)
{
	static const double turns[] = { 0, 3.5, -10, 10, 180, 176, 90 };
	struct scan_affine m, inv;
	double u[4], v[4], worst, pu, pv, x, y;
	size_t k;
	int i;

	(void)state;
	for (k = 0; k < sizeof turns / sizeof turns[0]; k++) {
		project(turns[k], 5.9, 400, 120, u, v);
		assert_int_equal(scan_affine_fit(mx, my, u, v, 4, &m, &worst),
		    0);
		assert_true(worst < 1e-6);
		assert_true(fabs(scan_affine_scale(&m) - 5.9) < 1e-6);
		/* A bubble in the middle lands where the turn puts it. */
		scan_affine_apply(&m, 105, 150, &pu, &pv);
		assert_true(fabs(pu - (5.9 * (cos(turns[k] * M_PI / 180) * 105
		    - sin(turns[k] * M_PI / 180) * 150) + 400)) < 1e-6);
		assert_int_equal(scan_affine_invert(&m, &inv), 0);
		for (i = 0; i < 4; i++) {
			scan_affine_apply(&inv, u[i], v[i], &x, &y);
			assert_true(fabs(x - mx[i]) < 1e-6);
			assert_true(fabs(y - my[i]) < 1e-6);
		}
	}
}

/* One mark found in the wrong place shows in the misfit. */
static void
test_affine_misfit(void **state)
{
	struct scan_affine m;
	double u[4], v[4], worst;

	(void)state;
	project(4, 8.0, 50, 50, u, v);
	u[2] += 40;		/* 5 mm off: a quarter of it shows */
	assert_int_equal(scan_affine_fit(mx, my, u, v, 4, &m, &worst), 0);
	assert_true(worst / scan_affine_scale(&m) > 1.2);
	/* Slightly different x and y scales (a scanner's) fit exactly. */
	project(0, 8.0, 50, 50, u, v);
	for (int i = 0; i < 4; i++)
		v[i] *= 1.01;
	assert_int_equal(scan_affine_fit(mx, my, u, v, 4, &m, &worst), 0);
	assert_true(worst < 1e-6);
}

static void
test_affine_degenerate(void **state)
{
	static const double x[3] = { 0, 10, 20 }, y[3] = { 0, 10, 20 };
	struct scan_affine m;
	double worst;

	(void)state;
	assert_int_equal(scan_affine_fit(x, y, x, y, 3, &m, &worst), -1);
	assert_int_equal(scan_affine_fit(x, y, x, y, 2, &m, &worst), -1);
	memset(&m, 0, sizeof m);
	assert_int_equal(scan_affine_invert(&m, &m), -1);
}

static void
test_baseline(void **state)
{
	struct scan_measure m[8];
	double f, r;
	int i;

	(void)state;
	/* Six empty bubbles with a printed letter, two filled. */
	for (i = 0; i < 8; i++) {
		m[i].fill = i < 6 ? 0.06 + 0.002 * i : 0.9;
		m[i].ring = 0.01;
	}
	m[7].ring = 0.6;
	scan_baseline(m, 8, &f, &r);
	assert_true(f > 0.059 && f < 0.07);
	assert_true(r < 0.02);
	scan_baseline(m, 0, &f, &r);
	assert_true(f == 0 && r == 0);
	/* A sheet of nothing but filled bubbles: no more than empty. */
	for (i = 0; i < 8; i++)
		m[i].fill = m[i].ring = 0.9;
	scan_baseline(m, 8, &f, &r);
	assert_true(f <= 0.25 && r <= 0.25);
}

static void
test_decide(void **state)
{
	static const struct {
		double fill, ring;
		enum scan_state want;
	} cases[] = {
		{ 0.05, 0.0, SCAN_EMPTY },	/* the sheet's own empty */
		{ 0.085, 0.0, SCAN_EMPTY },	/* its darkest letter, "B" */
		{ 0.101, 0.0, SCAN_FAINT },	/* a thin light tick */
		{ 0.169, 0.0, SCAN_FAINT },	/* a tick once read as empty */
		{ 0.175, 0.0, SCAN_FAINT },
		{ 0.30, 0.0, SCAN_FAINT },	/* light pencil, a tick */
		{ 0.49, 0.0, SCAN_FAINT },
		{ 0.51, 0.0, SCAN_FILLED },
		{ 0.95, 0.12, SCAN_FILLED },	/* a sloppy fill */
		{ 0.95, 0.20, SCAN_CROSSED },	/* a thin light cross over it */
		{ 0.95, 0.40, SCAN_CROSSED },	/* a cross drawn over it */
		{ 0.05, 0.90, SCAN_EMPTY },	/* ink beside an empty one */
	};
	struct scan_measure m;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		m.fill = cases[i].fill;
		m.ring = cases[i].ring;
		assert_int_equal(scan_decide(&m, 0.05, 0.05), cases[i].want);
	}
	/*
	 * A tick on "true" as measured on a generated sheet (200 dpi JPEG),
	 * the sheet's empty levels 0.065 and 0.008: once read as a blank
	 * answer, without doubt, on a sheet in review for other questions.
	 */
	m.fill = 0.184;
	m.ring = 0.178;
	assert_int_equal(scan_decide(&m, 0.065, 0.008), SCAN_FAINT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_affine_fit),
		cmocka_unit_test(test_affine_misfit),
		cmocka_unit_test(test_affine_degenerate),
		cmocka_unit_test(test_baseline),
		cmocka_unit_test(test_decide),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
