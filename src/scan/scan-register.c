/*
 * Registration: where the sheet's millimetres are on the scanned page.
 * The four corner marks are found as solid square blobs (Leptonica's
 * connected components on the thresholded working copy) near the four
 * corners of the image; the one with a white hole is the bottom-right
 * mark, which says which way up the page lies (upside down is a half
 * turn); an affine map is fitted to their centres (scan-affine.c).  Skew,
 * scale, an offset and a page turned any way round are all absorbed by
 * the map; nothing is rotated or resampled.
 */
#include "config.h"

#include "scan-int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/sheet.h"
#include "core/xalloc.h"

/* The share of the image, from each corner, searched for a mark. */
#define REG_SPAN_X	0.30
#define REG_SPAN_Y	0.22
/* The worst misfit of a mark, in mm. */
#define REG_MAX_MISFIT	0.8

struct reg_blob {
	double	 x, y;		/* centroid, working pixels */
	int	 found;
};

/* Grey levels of paper and ink: quantiles of a sample of the page. */
static void
reg_levels(const struct scan_image *img, int *paper, int *dark)
{
	size_t hist[256] = { 0 }, n = 0, acc = 0;
	int x, y, v;

	for (y = 0; y < img->work_h; y += 3)
		for (x = 0; x < img->work_w; x += 3, n++)
			hist[scan_work_at(img, x, y)]++;
	*dark = -1;
	*paper = 255;
	for (v = 0; v < 256; v++) {
		acc += hist[v];
		if (*dark < 0 && acc * 200 >= n)	/* 0.5 % */
			*dark = v;
		if (acc * 2 >= n) {			/* the median */
			*paper = v;
			break;
		}
	}
	if (*dark < 0)
		*dark = 0;
}

/*
 * The mark-like blob nearest to the image corner (cx, cy) inside the
 * region x0, y0, w, h: a square-ish solid component of about side px.
 */
static void
reg_find_mark(const struct scan_image *img, int x0, int y0, int w, int h,
    double cx, double cy, int thresh, double side, struct reg_blob *out)
{
	PIX *bin;
	PIXA *pixa = NULL;
	BOXA *boxa;
	l_uint32 *line;
	l_int32 i, n, bx, by, bw, bh, count;
	l_float32 gx, gy;
	double best = -1, d, ratio;
	int x, y;

	out->found = 0;
	bin = pixCreate(w, h, 1);
	for (y = 0; y < h; y++) {
		line = pixGetData(bin) + (size_t)y * pixGetWpl(bin);
		for (x = 0; x < w; x++)
			if (scan_work_at(img, x0 + x, y0 + y) < thresh)
				SET_DATA_BIT(line, x);
	}
	boxa = pixConnComp(bin, &pixa, 8);
	n = boxa != NULL ? boxaGetCount(boxa) : 0;
	for (i = 0; i < n; i++) {
		PIX *c;

		boxaGetBoxGeometry(boxa, i, &bx, &by, &bw, &bh);
		if (bw < 0.6 * side || bh < 0.6 * side || bw > 1.6 * side ||
		    bh > 1.6 * side)
			continue;
		if (abs(bw - bh) > 0.35 * (bw > bh ? bw : bh))
			continue;
		c = pixaGetPix(pixa, i, L_CLONE);
		pixCountPixels(c, &count, NULL);
		ratio = (double)count / ((double)bw * bh);
		if (ratio < 0.45) {
			pixDestroy(&c);
			continue;
		}
		pixCentroid(c, NULL, NULL, &gx, &gy);
		pixDestroy(&c);
		d = hypot(x0 + bx + gx - cx, y0 + by + gy - cy);
		if (best < 0 || d < best) {
			best = d;
			out->x = x0 + bx + gx;
			out->y = y0 + by + gy;
			out->found = 1;
		}
	}
	boxaDestroy(&boxa);
	pixaDestroy(&pixa);
	pixDestroy(&bin);
}

/* Mean grey of the working copy in a disc of radius r px around (x, y). */
static double
reg_disc_mean(const struct scan_image *img, double x, double y, double r)
{
	double sum = 0;
	long n = 0;
	int i, j, ir = (int)ceil(r);

	for (j = -ir; j <= ir; j++)
		for (i = -ir; i <= ir; i++) {
			if (i * i + j * j > r * r)
				continue;
			sum += scan_work_at(img, (int)lround(x) + i,
			    (int)lround(y) + j);
			n++;
		}
	return n > 0 ? sum / n : 255;
}

int
scan_register(const struct scan_image *img, const struct sheet *sh,
    struct scan_registration *reg, char **cause)
{
	/* Image corners in turn order: top-left, top-right, bottom-right,
	 * bottom-left; the sheet's corners in the same order. */
	static const enum sheet_corner cyc[4] = { SHEET_TOP_LEFT,
	    SHEET_TOP_RIGHT, SHEET_BOTTOM_RIGHT, SHEET_BOTTOM_LEFT };
	struct reg_blob blob[4];
	double side, s, mx[4], my[4], mu[4], mv[4], worst, ink;
	int w = img->work_w, h = img->work_h, rw, rh, k, paper, dark, thresh;
	int holed = -1, nholes = 0, nink = 0;

	memset(reg, 0, sizeof *reg);
	reg_levels(img, &paper, &dark);
	if (paper - dark < 60) {
		*cause = xasprintf(_("the page has no contrast (blank, or "
		    "scanned too light or too dark)"));
		return -1;
	}
	thresh = (paper + dark) / 2;
	/* The page's short side is about 210 mm. */
	s = (w < h ? w : h) / SHEET_W;
	side = SHEET_MARK_SIDE * s;
	rw = (int)(w * REG_SPAN_X);
	rh = (int)(h * REG_SPAN_Y);
	if (w > h) {
		rw = (int)(w * REG_SPAN_Y);
		rh = (int)(h * REG_SPAN_X);
	}
	reg_find_mark(img, 0, 0, rw, rh, 0, 0, thresh, side, &blob[0]);
	reg_find_mark(img, w - rw, 0, rw, rh, w, 0, thresh, side, &blob[1]);
	reg_find_mark(img, w - rw, h - rh, rw, rh, w, h, thresh, side,
	    &blob[2]);
	reg_find_mark(img, 0, h - rh, rw, rh, 0, h, thresh, side, &blob[3]);
	for (k = 0; k < 4; k++) {
		if (!blob[k].found) {
			*cause = xasprintf(_("the corner marks are not all "
			    "on the page (one is missing near the %s corner)"),
			    k == 0 ? _("top left") : k == 1 ? _("top right") :
			    k == 2 ? _("bottom right") : _("bottom left"));
			return -1;
		}
		/* The odd mark has a white centre. */
		if (reg_disc_mean(img, blob[k].x, blob[k].y,
		    SHEET_MARK_HOLE * s / 4) > thresh) {
			holed = k;
			nholes++;
		}
	}
	if (nholes != 1) {
		*cause = xasprintf(_("the corner marks cannot be told apart "
		    "(the bottom-right mark with its white centre is not "
		    "found)"));
		return -1;
	}
	/* Image corner (k + turn) % 4 holds the sheet's corner cyc[k]. */
	reg->turn = (holed - 2 + 4) % 4;
	for (k = 0; k < 4; k++) {
		const struct sheet_mark *m = &sh->marks[cyc[k]];
		const struct reg_blob *b = &blob[(k + reg->turn) % 4];

		mx[k] = m->x;
		my[k] = m->y;
		mu[k] = b->x;
		mv[k] = b->y;
	}
	if (scan_affine_fit(mx, my, mu, mv, 4, &reg->map, &worst) != 0) {
		*cause = xasprintf(_("the corner marks are not where a "
		    "sheet's are"));
		return -1;
	}
	s = scan_affine_scale(&reg->map);
	reg->residual_mm = worst / s;
	if (s < 2.0 || s > 30.0 || reg->residual_mm > REG_MAX_MISFIT) {
		*cause = xasprintf(_("the corner marks are not where a "
		    "sheet's are (the page is folded, cut or not an answer "
		    "sheet)"));
		return -1;
	}
	/* Ink: the solid marks' centres. */
	ink = 0;
	for (k = 0; k < 4; k++) {
		if (k == holed)
			continue;
		ink += reg_disc_mean(img, blob[k].x, blob[k].y,
		    SHEET_MARK_SIDE * s / 4);
		nink++;
	}
	reg->ink = ink / nink;
	reg->paper = paper;
	if (reg->paper - reg->ink < 60) {
		*cause = xasprintf(_("the page has no contrast (blank, or "
		    "scanned too light or too dark)"));
		return -1;
	}
	return 0;
}
