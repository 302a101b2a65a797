/*
 * Measuring the bubbles of a registered page.  Inside each bubble, a disc
 * well clear of the printed outline; outside it, four patches of paper in
 * the diagonal gaps between neighbouring bubbles, where nothing is
 * printed but a cross or a tick drawn over the bubble runs.  Ink is on the
 * scale of this page: 0 is its paper, 1 the black of its corner marks;
 * the fill inside a bubble is then taken from the paper around it.
 */
#include "config.h"

#include "scan-int.h"

#include <math.h>
#include <stdlib.h>

#include "core/sheet.h"
#include "core/xalloc.h"

/* The inner disc, as a share of the bubble radius. */
#define MEASURE_INNER	0.60
/* The outside patches: half their side, in mm. */
#define MEASURE_PATCH	0.8
/* Points sampled around a bubble's printed outline. */
#define MEASURE_RIM	24
/* Bubbles with more ink than this inside do not tell where they are. */
#define MEASURE_OUTLINE_FILL 0.35
/*
 * The paper level around a bubble: the lower quartile of the outside
 * patches within this distance (mm), when there are at least LOCAL_MIN of
 * them, at most LOCAL_MAX from the page's paper.
 */
#define MEASURE_LOCAL_MM	30
#define MEASURE_LOCAL_MIN	12
#define MEASURE_LOCAL_MAX	0.05
/* The most ink an empty bubble of a printed sheet shows (its letter). */
#define MEASURE_BASE_MAX 0.25

/* Mean ink over the pixels in the box of half-size hw around (u, v),
 * keeping those within radius r of it when r > 0. */
static double
measure_area(const struct scan_image *img, const struct scan_registration *reg,
    double u, double v, double hw, double r)
{
	double span = reg->paper - reg->ink, sum = 0, d;
	int x, y, x0, x1, y0, y1;
	long n = 0;

	x0 = (int)floor(u - hw);
	x1 = (int)ceil(u + hw);
	y0 = (int)floor(v - hw);
	y1 = (int)ceil(v + hw);
	for (y = y0; y <= y1; y++)
		for (x = x0; x <= x1; x++) {
			if (r > 0 && (x - u) * (x - u) + (y - v) * (y - v) >
			    r * r)
				continue;
			d = (reg->paper - scan_work_at(img, x, y)) / span;
			sum += d < 0 ? 0 : d > 1 ? 1 : d;
			n++;
		}
	return n > 0 ? sum / n : 0;
}

static int
measure_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/*
 * The paper around bubble i: the lower quartile of the outside patches
 * (patch[], 4 a bubble, < 0 where none was measured) of the bubbles within
 * MEASURE_LOCAL_MM of it, at most MEASURE_LOCAL_MAX either way.  A
 * scanner's uneven light moves it as much as it moves the bubbles (30 grey
 * levels darker across the page put the empty bubbles of clean sheets
 * 0.07 above the others, in doubt: 23 of 25 clean sheets to review); the
 * crosses and ticks of a messy sheet do not, as most patches of any
 * neighbourhood are bare paper (the median was moved by the crosses of a
 * sheet crossed out everywhere).
 */
static double
measure_local_paper(const struct sheet *sh, int page, const double *patch,
    size_t i, double *buf)
{
	const struct sheet_bubble *b = &sh->bubbles[i];
	size_t j, n = 0;
	double med;
	int k;

	for (j = 0; j < sh->nbubbles; j++) {
		const struct sheet_bubble *o = &sh->bubbles[j];

		if (o->page != page || fabs(o->x - b->x) > MEASURE_LOCAL_MM ||
		    fabs(o->y - b->y) > MEASURE_LOCAL_MM)
			continue;
		for (k = 0; k < 4; k++)
			if (patch[4 * j + (size_t)k] >= 0)
				buf[n++] = patch[4 * j + (size_t)k];
	}
	if (n < MEASURE_LOCAL_MIN)
		return 0;
	qsort(buf, n, sizeof *buf, measure_cmp);
	med = buf[n / 4];
	return med > MEASURE_LOCAL_MAX ? MEASURE_LOCAL_MAX :
	    med < -MEASURE_LOCAL_MAX ? -MEASURE_LOCAL_MAX : med;
}

void
scan_measure_bubbles(const struct scan_image *img, const struct sheet *sh,
    int page, const struct scan_registration *reg, struct scan_measure *m)
{
	double s = scan_affine_scale(&reg->map), u, v, best, got, local;
	double dx = SHEET_PITCH_X / 2, dy = SHEET_PITCH_Y / 2, *patch, *buf;
	size_t i;
	int k;

	patch = xmalloc((sh->nbubbles ? sh->nbubbles : 1) * 4 * sizeof *patch);
	buf = xmalloc((sh->nbubbles ? sh->nbubbles : 1) * 4 * sizeof *buf);
	for (i = 0; i < sh->nbubbles; i++) {
		const struct sheet_bubble *b = &sh->bubbles[i];
		const struct sheet_item *it = &sh->items[b->item];

		for (k = 0; k < 4; k++)
			patch[4 * i + (size_t)k] = -1;
		if (b->page != page)
			continue;
		scan_affine_apply(&reg->map, b->x, b->y, &u, &v);
		m[i].fill = measure_area(img, reg, u, v, b->r * MEASURE_INNER *
		    s, b->r * MEASURE_INNER * s);
		best = 0;
		for (k = 0; k < 4; k++) {
			double px = b->x + (k & 1 ? dx : -dx);
			double py = b->y + (k & 2 ? dy : -dy);

			/* Left of an ordering grid are its step letters. */
			if (!(k & 1) && b->col == 0 &&
			    it->type == QTYPE_ORDERING)
				continue;
			scan_affine_apply(&reg->map, px, py, &u, &v);
			got = measure_area(img, reg, u, v, MEASURE_PATCH * s,
			    0);
			patch[4 * i + (size_t)k] = got;
			if (got > best)
				best = got;
		}
		m[i].ring = best;
	}
	/*
	 * Each fill on the scale of the paper around it.  Not the ring: ink
	 * beside a filled bubble is a cross wherever the page lies.
	 */
	for (i = 0; i < sh->nbubbles; i++) {
		if (sh->bubbles[i].page != page)
			continue;
		local = measure_local_paper(sh, page, patch, i, buf);
		m[i].fill -= local;
	}
	free(buf);
	free(patch);
}

double
scan_outline_score(const struct scan_image *img, const struct sheet *sh,
    int page, const struct scan_registration *reg,
    const struct scan_measure *m)
{
	static const double dr[3] = { -0.12, 0, 0.12 };
	double span = reg->paper - reg->ink, total = 0, u, v, best, sum, d;
	size_t i, n = 0;
	int k, j;

	for (i = 0; i < sh->nbubbles; i++) {
		const struct sheet_bubble *b = &sh->bubbles[i];

		/* A filled bubble is dark wherever it is looked at. */
		if (b->page != page || m[i].fill > MEASURE_OUTLINE_FILL)
			continue;
		best = 0;
		for (j = 0; j < 3; j++) {
			sum = 0;
			for (k = 0; k < MEASURE_RIM; k++) {
				double t = 2 * M_PI * k / MEASURE_RIM;

				scan_affine_apply(&reg->map, b->x + (b->r +
				    dr[j]) * cos(t), b->y + (b->r + dr[j]) *
				    sin(t), &u, &v);
				d = (reg->paper - scan_work_bilinear(img, u,
				    v)) / span;
				sum += d < 0 ? 0 : d > 1 ? 1 : d;
			}
			if (sum / MEASURE_RIM > best)
				best = sum / MEASURE_RIM;
		}
		total += best;
		n++;
	}
	return n > 0 ? total / n : 1;
}

void
scan_baseline(const struct scan_measure *m, size_t n, double *fill,
    double *ring)
{
	double *f, *r;
	size_t i, q;

	*fill = *ring = 0;
	if (n == 0)
		return;
	f = xmalloc(n * sizeof *f);
	r = xmalloc(n * sizeof *r);
	for (i = 0; i < n; i++) {
		f[i] = m[i].fill;
		r[i] = m[i].ring;
	}
	qsort(f, n, sizeof *f, measure_cmp);
	qsort(r, n, sizeof *r, measure_cmp);
	/*
	 * The lower quartile: at least a quarter of any sheet is empty.  On
	 * a sheet so full that it is not (a few items, every option of a
	 * multiple choice filled), no more than an empty bubble can be.
	 */
	q = n / 4;
	*fill = f[q] < MEASURE_BASE_MAX ? f[q] : MEASURE_BASE_MAX;
	*ring = r[q] < MEASURE_BASE_MAX ? r[q] : MEASURE_BASE_MAX;
	free(f);
	free(r);
}

enum scan_state
scan_decide(const struct scan_measure *m, double base_fill, double base_ring)
{
	double fill = m->fill - base_fill, ring = m->ring - base_ring;

	if (fill <= SCAN_EMPTY_MAX)
		return SCAN_EMPTY;
	if (fill < SCAN_FILLED_MIN)
		return SCAN_FAINT;
	return ring > SCAN_RING_MAX ? SCAN_CROSSED : SCAN_FILLED;
}
