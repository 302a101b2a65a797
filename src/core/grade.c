/*
 * Grading a written paper from its frozen key: single, multiple
 * (all-or-nothing, or partial credit when the exam allows it), true/false
 * and ordering (exact order).  Percentages are kept in tenths and rounded
 * half-up with integer arithmetic (SPEC section 7).
 */
#include "config.h"

#include "attempt.h"

#include <stdlib.h>
#include <string.h>

#include "core.h"

/* Parse "2,0,1" into idx (at most max); returns the count, -1 if bad. */
static int
grade_indices(const char *r, int *idx, int max)
{
	int n = 0;
	long v;
	char *end;

	while (*r != '\0') {
		v = strtol(r, &end, 10);
		if (end == r || v < 0 || v >= max || n >= max)
			return -1;
		idx[n++] = (int)v;
		r = end;
		if (*r == ',')
			r++;
		else if (*r != '\0')
			return -1;
	}
	return n;
}

int
paper_item_answered(const struct paper_item *it)
{
	int idx[8], n;

	if (it->response == NULL || *it->response == '\0')
		return 0;
	if (it->type != QTYPE_ORDERING)
		return 1;
	n = grade_indices(it->response, idx, 8);
	return n == (int)it->noptions;
}

/*
 * Score of one item in thousandths of a point.  Partial credit for
 * multiple choice: (right picks - wrong picks) / correct options, at least 0.
 */
int
grade_item(const struct paper_item *it, int partial)
{
	int idx[8], n, i, right = 0, wrong = 0, ncorrect = 0;
	long v;

	if (!paper_item_answered(it))
		return 0;
	switch (it->type) {
	case QTYPE_TRUEFALSE:
		v = strtol(it->response, NULL, 10);
		return (v != 0) == (it->answer != 0) ? 1000 : 0;
	case QTYPE_SINGLE:
		n = grade_indices(it->response, idx, (int)it->noptions);
		return n == 1 && it->options[idx[0]].correct ? 1000 : 0;
	case QTYPE_MULTIPLE:
		n = grade_indices(it->response, idx, (int)it->noptions);
		if (n < 0)
			return 0;
		for (i = 0; i < (int)it->noptions; i++)
			ncorrect += it->options[i].correct != 0;
		for (i = 0; i < n; i++) {
			if (it->options[idx[i]].correct)
				right++;
			else
				wrong++;
		}
		if (!partial)
			return right == ncorrect && wrong == 0 ? 1000 : 0;
		if (right <= wrong || ncorrect == 0)
			return 0;
		return (right - wrong) * 1000 / ncorrect;
	case QTYPE_ORDERING:
		n = grade_indices(it->response, idx, (int)it->noptions);
		if (n != (int)it->noptions)
			return 0;
		for (i = 0; i < n; i++)
			if (it->options[idx[i]].position != i + 1)
				return 0;
		return 1000;
	}
	return 0;
}

/* Percentage of milli points over total items, in tenths, half-up. */
static int
grade_tenths(long milli, long total)
{
	if (total <= 0)
		return 0;
	/* milli / total is in permille = tenths of a percent. */
	return (int)((2 * milli + total) / (2 * total));
}

void
attempt_grade(const struct attempt *a, struct grade *g)
{
	long milli = 0, *mm;
	size_t i, m;
	int score;

	memset(g, 0, sizeof *g);
	g->modules = xcalloc(a->nitems ? a->nitems : 1, sizeof *g->modules);
	mm = xcalloc(a->nitems ? a->nitems : 1, sizeof *mm);
	for (i = 0; i < a->nitems; i++) {
		const struct paper_item *it = &a->items[i];

		score = grade_item(it, a->partial_credit);
		milli += score;
		g->total++;
		g->correct += score == 1000;
		for (m = 0; m < g->nmodules; m++)
			if (strcmp(g->modules[m].module, it->module) == 0)
				break;
		if (m == g->nmodules) {
			g->modules[m].module = xstrdup(it->module);
			g->nmodules++;
		}
		g->modules[m].total++;
		g->modules[m].correct += score == 1000;
		mm[m] += score;
	}
	for (m = 0; m < g->nmodules; m++)
		g->modules[m].tenths = grade_tenths(mm[m], g->modules[m].total);
	g->tenths = grade_tenths(milli, g->total);
	g->passed = g->tenths >= a->pass * 10;
	free(mm);
}

void
grade_release(struct grade *g)
{
	size_t m;

	for (m = 0; m < g->nmodules; m++)
		free(g->modules[m].module);
	free(g->modules);
	memset(g, 0, sizeof *g);
}
