/*
 * The statistics of the item analysis, as pure functions on arrays: what
 * Moodle's question and quiz statistics calculators compute, with their
 * n - 1 variances (see items.h for the sources), plus the mastery-test
 * flags.  No database here, so the unit tests call these on fixed data.
 */
#include "config.h"

#include "items.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

/*
 * Below this (relative to max squared) a variance or covariance is zero:
 * identical partial-credit scores such as 1/3 may leave rounding noise that
 * must not turn into a correlation.
 */
#define ITEMS_EPSILON	1e-12

static int
items_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
items_mean(const double *v, size_t n)
{
	double sum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		sum += v[i];
	return sum / (double)n;
}

/* Sum of (a[i] - ma) * (b[i] - mb). */
static double
items_comoment(const double *a, double ma, const double *b, double mb,
    size_t n)
{
	double sum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		sum += (a[i] - ma) * (b[i] - mb);
	return sum;
}

/*
 * Moodle's covariancemax: the covariance of the two sets of marks paired
 * in sorted order (lowest item score with lowest rest score, and so on),
 * the largest any pairing of the same marks can reach.
 */
static double
items_covariance_max(const double *x, double mx, const double *rest,
    double mr, size_t n)
{
	double *sx = xcalloc(n, sizeof *sx), *sr = xcalloc(n, sizeof *sr);
	double c;

	memcpy(sx, x, n * sizeof *sx);
	memcpy(sr, rest, n * sizeof *sr);
	qsort(sx, n, sizeof *sx, items_cmp_double);
	qsort(sr, n, sizeof *sr, items_cmp_double);
	c = items_comoment(sx, mx, sr, mr, n) / (double)(n - 1);
	free(sx);
	free(sr);
	return c;
}

void
items_item_stats(const double *x, const double *total, size_t n, double max,
    struct item_stats *st)
{
	double *rest, mx, mr, vx, vr, cov, cmax, eps = ITEMS_EPSILON * max * max;
	size_t i;

	st->n = n;
	st->facility = st->sd = st->discrimination = st->efficiency = NAN;
	st->flags = n < ITEMS_MIN_DRAWN ? ITEM_FEW : 0;
	if (n == 0 || max <= 0)
		return;
	mx = items_mean(x, n);
	st->facility = mx / max;
	if (st->facility > ITEMS_EASY)
		st->flags |= ITEM_EASY;
	if (n < 2)
		return;
	rest = xcalloc(n, sizeof *rest);
	for (i = 0; i < n; i++)
		rest[i] = total[i] - x[i];
	mr = items_mean(rest, n);
	vx = items_comoment(x, mx, x, mx, n) / (double)(n - 1);
	vr = items_comoment(rest, mr, rest, mr, n) / (double)(n - 1);
	cov = items_comoment(x, mx, rest, mr, n) / (double)(n - 1);
	if (vx <= eps)
		vx = cov = 0;
	st->sd = sqrt(vx) / max;
	if (vx > eps && vr > eps)
		st->discrimination = cov / sqrt(vx * vr);
	cmax = items_covariance_max(x, mx, rest, mr, n);
	if (cmax > eps)
		st->efficiency = cov / cmax;
	if (st->discrimination < 0)
		st->flags |= ITEM_NEGATIVE;
	free(rest);
}

/* Cronbach's alpha from the slot variances; NAN when undefined. */
static double
items_alpha(const double *m, size_t n, size_t k, double var_total)
{
	double *col, sum_var = 0, mc;
	size_t i, j;

	if (k < 2 || n < 3 || var_total <= ITEMS_EPSILON * (double)(k * k))
		return NAN;
	col = xcalloc(n, sizeof *col);
	for (j = 0; j < k; j++) {
		for (i = 0; i < n; i++)
			col[i] = m[i * k + j];
		mc = items_mean(col, n);
		sum_var += items_comoment(col, mc, col, mc, n) /
		    (double)(n - 1);
	}
	free(col);
	return (double)k / (double)(k - 1) * (1 - sum_var / var_total);
}

void
items_paper_stats(const double *m, size_t n, size_t k,
    struct paper_stats *st)
{
	double *t, var;
	size_t i, j;

	memset(st, 0, sizeof *st);
	st->n = n;
	st->k = k;
	st->max = (double)k;
	st->mean = st->sd = st->alpha = st->error_ratio = st->se = NAN;
	st->flags = n < ITEMS_MIN_ATTEMPTS ? PAPER_FEW : 0;
	if (n == 0)
		return;
	t = xcalloc(n, sizeof *t);
	for (i = 0; i < n; i++)
		for (j = 0; j < k; j++)
			t[i] += m[i * k + j];
	st->mean = items_mean(t, n);
	if (n > 1) {
		var = items_comoment(t, st->mean, t, st->mean, n) /
		    (double)(n - 1);
		st->sd = sqrt(var);
		st->alpha = items_alpha(m, n, k, var);
	}
	free(t);
	if (isnan(st->alpha))
		return;
	st->error_ratio = sqrt(1 - st->alpha);
	st->se = st->sd * st->error_ratio;
	if (st->alpha < ITEMS_LOW_ALPHA)
		st->flags |= PAPER_LOW_ALPHA;
}

/* Append the words of the bits set in flags to buf. */
static void
items_flag_words(unsigned flags, const char *const *words, size_t nwords,
    char *buf, size_t size)
{
	size_t i, off = 0;
	int w;

	if (size == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < nwords; i++) {
		if (!(flags & (1u << i)))
			continue;
		w = snprintf(buf + off, size - off, off ? " %s" : "%s",
		    words[i]);
		if (w < 0 || (size_t)w >= size - off) {
			buf[off] = '\0';	/* a word fits whole or not at all */
			return;
		}
		off += (size_t)w;
	}
}

void
items_item_flags(unsigned flags, char *buf, size_t size)
{
	static const char *const words[] = { "easy", "negative", "few" };

	items_flag_words(flags, words, sizeof words / sizeof words[0], buf,
	    size);
}

void
items_paper_flags(unsigned flags, char *buf, size_t size)
{
	static const char *const words[] = { "few", "low-alpha" };

	items_flag_words(flags, words, sizeof words / sizeof words[0], buf,
	    size);
}

void
items_format(double v, int decimals, const char *undefined, char buf[32])
{
	const char *dp;
	char *p;

	if (isnan(v) || isinf(v)) {
		snprintf(buf, 32, "%s", undefined);
		return;
	}
	snprintf(buf, 32, "%.*f", decimals, v);
	/* A point whatever the locale: CSV readers and scripts expect it. */
	dp = localeconv()->decimal_point;
	if (strcmp(dp, ".") != 0 && *dp != '\0' &&
	    (p = strstr(buf, dp)) != NULL) {
		*p = '.';
		memmove(p + 1, p + strlen(dp), strlen(p + strlen(dp)) + 1);
	}
	/* "-0.000" is 0 rounded: print it without the sign. */
	if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
		memmove(buf, buf + 1, strlen(buf));
}
