/*
 * Unit tests of the PDF presenters: the column fitting of tables (pure
 * arithmetic, table-driven), local dates, and every writer run on results
 * built in memory (no database): a PDF comes out, certificates are refused
 * for an open cohort or a trainee who did not pass.  What the pages look
 * like is checked by tests/cli/pdf.sh with poppler.
 */
#include "config.h"

#include "unit.h"

#include <math.h>
#include <time.h>

#include "report/pdf-int.h"

static void
test_fit_widths(void **state)
{
	static const struct {
		double	nat[4];
		double	weight[4];
		double	avail;
		double	want[4];
	} cases[] = {
		/* Room to spare: shared equally. */
		{ { 10, 20, 30, 40 }, { 1, 1, 0, 0 }, 140,
		  { 20, 30, 40, 50 } },
		/* Exactly fits. */
		{ { 10, 20, 30, 40 }, { 1, 1, 0, 0 }, 100,
		  { 10, 20, 30, 40 } },
		/* Too wide: the flexible columns share what is left. */
		{ { 100, 100, 30, 40 }, { 1, 1, 0, 0 }, 150,
		  { 40, 40, 30, 40 } },
		/* In proportion to their weights. */
		{ { 100, 100, 30, 40 }, { 1, 3, 0, 0 }, 150,
		  { 20, 60, 30, 40 } },
		/* A narrow flexible column keeps its width. */
		{ { 10, 200, 30, 40 }, { 1, 1, 0, 0 }, 150,
		  { 10, 70, 30, 40 } },
		/* Nothing flexible: everything shrinks in proportion. */
		{ { 50, 50, 50, 50 }, { 0, 0, 0, 0 }, 100,
		  { 25, 25, 25, 25 } },
	};
	double out[4];
	size_t i, c;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		pdf_fit_widths(cases[i].nat, cases[i].weight, 4,
		    cases[i].avail, 5, out);
		for (c = 0; c < 4; c++)
			if (fabs(out[c] - cases[i].want[c]) > 1e-9)
				fail_msg("case %zu column %zu: got %g, want %g",
				    i, c, out[c], cases[i].want[c]);
	}
}

static void
test_fit_widths_minimum(void **state)
{
	double nat[3] = { 100, 100, 100 }, weight[3] = { 1, 1, 0 }, out[3];

	/* The flexible columns stop at the minimum; all then shrink. */
	pdf_fit_widths(nat, weight, 3, 120, 20, out);
	assert_true(fabs(out[0] + out[1] + out[2] - 120) < 1e-9);
	assert_true(fabs(out[0] - out[1]) < 1e-9);
	assert_true(out[2] > out[0]);
}

static void
test_local_date(void **state)
{
	char buf[32];

	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	/* 17:30 UTC is already the next day in Baoding. */
	pdf_local_date("2026-11-28T17:30:00Z", 0, buf);
	assert_string_equal(buf, "2026-11-29");
	pdf_local_date("2026-11-28T01:05:00Z", 1, buf);
	assert_string_equal(buf, "2026-11-28 09:05");
	pdf_local_date("not a date", 0, buf);
	assert_string_equal(buf, "not a date");
	unsetenv("TZ");
	tzset();
}

/* A certified cohort of three, built in memory. */
static void
sample_cohort(struct cohort_result *r)
{
	static const char *const names[3] = { "王秀英", "李建国", "张伟" };
	static const enum trainee_class cls[3] = {
	    CLASS_EXCELLENT, CLASS_PASS, CLASS_FAIL };
	static const int totals[3] = { 925, 640, 512 };
	size_t i;
	int k;

	memset(r, 0, sizeof *r);
	r->cohort = xstrdup("c1");
	r->name = xstrdup("第一批");
	r->exam = xstrdup("standard");
	r->exam_title = xstrdup("应急响应第一人 考核");
	r->created = xstrdup("2026-11-01T02:00:00Z");
	r->sealed_at = xstrdup("2026-11-28T08:00:00Z");
	r->sealed_by = xstrdup("boss");
	for (k = 0; k < COMP_COUNT; k++) {
		r->weights[k] = k == COMP_SIMULATION ? 20 : 40;
		r->pass_marks[k] = 60;
	}
	r->excellent = 90;
	r->rule_pass = 95;
	r->rule_excellent = 30;
	r->ntrainees = 3;
	r->trainees = xcalloc(3, sizeof *r->trainees);
	for (i = 0; i < 3; i++) {
		struct trainee_result *t = &r->trainees[i];

		t->ticket = xasprintf("1000000%zu", i + 1);
		t->name = xstrdup(names[i]);
		t->community = xstrdup("东关社区");
		t->group = xstrdup("staff");
		for (k = 0; k < COMP_COUNT; k++) {
			t->comp[k].present = 1;
			t->comp[k].tenths = totals[i];
			t->comp[k].passed = cls[i] != CLASS_FAIL;
		}
		t->has_total = 1;
		t->total_tenths = totals[i];
		t->cls = cls[i];
		r->bands[totals[i] >= 900 ? 4 : totals[i] < 600 ? 0 :
		    (totals[i] - 600) / 100 + 1]++;
	}
	r->enrolled = r->n = 3;
	r->passes = 2;
	r->excellents = 1;
	r->nmeans = 1;
	r->means = xcalloc(1, sizeof *r->means);
	r->means[0].module = xstrdup("cpr");
	r->means[0].tenths = 733;
	r->means[0].attempts = 3;
	results_rates(r);
}

/* Run a writer into a temporary file; returns its rc, checks the file. */
static int
write_pdf(int (*fn)(const void *, FILE *, char **), const void *arg)
{
	char head[8] = "", *cause = NULL;
	FILE *fp = tmpfile();
	int rc;

	assert_non_null(fp);
	rc = fn(arg, fp, &cause);
	if (rc >= 0) {
		rewind(fp);
		assert_int_equal(fread(head, 1, 5, fp), 5);
		assert_memory_equal(head, "%PDF-", 5);
	}
	free(cause);
	fclose(fp);
	return rc;
}

static int
write_cohort(const void *arg, FILE *fp, char **cause)
{
	return pdf_cohort_write(arg, fp, cause);
}

static int
write_coverage(const void *arg, FILE *fp, char **cause)
{
	return pdf_coverage_write(arg, 15, fp, cause);
}

static const struct trainee_result *cert_trainee;

static int
write_certificate(const void *arg, FILE *fp, char **cause)
{
	return pdf_certificate_write(arg, cert_trainee, fp, cause);
}

static void
test_writers(void **state)
{
	static const char *const h[] = { "community", "certified",
	    "enrolled", "needed" };
	static const char *const row[] = { "东关社区", "1", "3", "14" };
	struct cohort_result r;
	struct table t;
	size_t i;

	sample_cohort(&r);
	assert_int_equal(write_pdf(write_cohort, &r), 0);
	table_init(&t, 4, h);
	for (i = 0; i < 100; i++)	/* several pages */
		table_add(&t, row);
	assert_int_equal(write_pdf(write_coverage, &t), 0);
	table_release(&t);
	for (i = 0; i < r.ntrainees; i++) {
		cert_trainee = &r.trainees[i];
		assert_int_equal(write_pdf(write_certificate, &r),
		    pdf_certificate_due(cert_trainee) ? 0 : -1);
	}
	assert_true(pdf_certificate_due(&r.trainees[0]));
	assert_false(pdf_certificate_due(&r.trainees[2]));

	/* An open cohort has no certificates. */
	free(r.sealed_at);
	r.sealed_at = NULL;
	cert_trainee = &r.trainees[0];
	assert_int_equal(write_pdf(write_certificate, &r), -1);
	results_release(&r);
	pdf_shutdown();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fit_widths),
		cmocka_unit_test(test_fit_widths_minimum),
		cmocka_unit_test(test_local_date),
		cmocka_unit_test(test_writers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
