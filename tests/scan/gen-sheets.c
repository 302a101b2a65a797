/*
 * gen-sheets: fill real printed answer sheets as people do, scan them as
 * scanners do, and check afterwards what `firstline paper scan` made of
 * them.  The test of the reader (tests/scan/fill.sh, bench/scan.sh).
 *
 *   gen-sheets fill DB PRINTED.pdf OUTDIR KEY --count N [--seed S]
 *       [--skip K] [--clean P] [--dpi 150,200,300]
 *       [--formats jpeg,png,tiff,pdf] [--turn DEG] [--forge]
 *       [--messy STYLE] [--shuffle N] [--withhold K --held DIR]
 *       [--upside P] [--tick-pen WIDTH,GREY] [--shade LEVELS]
 *   gen-sheets check DB KEY [--max-clean-review PCT] [--with-held]
 *   gen-sheets codes PRINTED.pdf
 *   gen-sheets blank-pdf PAGES OUT.pdf
 *   gen-sheets png-bomb WIDTH HEIGHT ROWS OUT.png
 *   gen-sheets decode FILE...
 *
 * fill finds the answer sheet pages of the PDF that `paper print` wrote
 * (by the QR code in the sheet's QR box, read with ZBar), and for each
 * generated sheet takes one attempt's answer sheet, every page of it
 * (a long paper's sheet has several), renders each with poppler at 150,
 * 200 or 300 dpi, and has a "trainee" answer every item:
 * a random response (some left blank), marked by a full fill (dark pen or
 * pencil, a little off centre, not quite round, with gaps) on a clean
 * sheet; on a messy sheet some items instead get light pencil, a tick, a
 * wrong option filled and crossed out before the right one is filled, a
 * stray dot, a smudge.  The page is then turned (up to 10 degrees either
 * way, one in five upside down), scaled a little unevenly, darkened,
 * given noise, and written as JPEG (quality 55-92), PNG, TIFF, or several
 * to a PDF of JPEG pages like a scanner's.  KEY has one line per sheet
 * (per attempt), tab-separated: the file and page of its first page
 * scanned, the attempt, whether its marks were all clean (1/0), the dpi
 * and turn of its first page, what the trainee meant for every item
 * (";"-joined, "-" blank), the style of every item, and where each sheet
 * page went ("FILE#PAGE@DEG", ";"-joined in sheet page order).  --shuffle
 * N keeps up to N scanned pages back and writes them in random order, so
 * that the pages of one sheet arrive in different files and any order;
 * --withhold K holds one page (at random) of each of the first K sheets
 * of several pages back from OUTDIR: it is written to the --held
 * directory instead, its place in KEY marked "!" (a page not scanned with
 * the others).  --skip K leaves the first K answer
 * sheets of the PDF alone; --messy STYLE marks every item of a messy
 * sheet in that style (light, tick, crossed, dot, smudge) instead of a
 * quarter of them in any; --turn DEG turns every page DEG degrees more
 * (180: all upside down but the one in five turned already); --upside P
 * turns that share of pages upside down instead of one in five (1: all);
 * --forge replaces the QR code by one whose check value is altered, as a
 * home-made sheet would have (libqrencode); --tick-pen WIDTH,GREY draws
 * every tick WIDTH mm wide in grey GREY (0 black .. 1 white) instead of
 * 0.3-0.5 mm in grey 0.05-0.32; --shade LEVELS makes the scanner's light
 * uneven, the page darker from left to right by up to LEVELS grey levels.
 *
 * check compares the database with KEY: every answer stored must be what
 * the trainee meant (a difference is a silent error); on a sheet sent to
 * review, every question the reader did not doubt must be read as meant
 * too (else the same sheet without its doubtful marks would have been a
 * silent error); every sheet must be stored or in review (nothing lost);
 * under PCT percent (default 2) of the clean sheets may go to review; a
 * stored sheet must be graded on every question, and a sheet in review
 * must have every page of it in review (the person settling it sees them
 * all).  A sheet with a held-back page must not be stored at all (nor
 * counted as lost: it waits for its page), unless --with-held says the
 * held-back pages were scanned too; then it is checked as any other.  It
 * prints the figures and exits 1 when a rule is broken.
 *
 * codes lists the answer sheet pages of a printed PDF: PDF page, attempt,
 * sheet page and the text of its QR code, tab-separated.
 *
 * blank-pdf and png-bomb make hostile inputs for tests/cli/paper-scan.sh:
 * a PDF of many blank A4 pages, and a 1-bit PNG declaring WIDTH x HEIGHT
 * pixels whose first ROWS rows are there (all white: a decompression
 * bomb when ROWS = HEIGHT, a lying header when ROWS is small), streamed
 * through zlib so that nothing that size is ever in memory here.
 *
 * decode is the benchmark's reference (bench/scan.sh): Leptonica alone
 * reading each image and making it grey, nothing else.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>
#include <zlib.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <leptonica/allheaders.h>
#include <poppler.h>
#include <qrencode.h>
#include <zbar.h>

#include "core/attempt.h"
#include "core/paper-sitting.h"
#include "core/sheet.h"
#include "core/store.h"
#include "core/xalloc.h"

/* ------------------------------------------------------------ random */

static uint64_t rng_state = 88172645463325252ULL;

static uint64_t
rng_next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* Uniform in [a, b). */
static double
rng_uni(double a, double b)
{
	return a + (b - a) * (double)(rng_next() >> 11) / 9007199254740992.0;
}

static int
rng_int(int n)
{
	return (int)(rng_next() % (uint64_t)n);
}

static int
rng_chance(double p)
{
	return rng_uni(0, 1) < p;
}

/* ------------------------------------------------------------ the PDF */

struct sheet_page {
	int		 page;		/* in the printed PDF, 0-based */
	sqlite3_int64	 aid;
	int		 sheet_page;	/* 1-based */
	char		 text[SHEET_CODE_MAX + 1];	/* the code */
};

/* Read the sheet code in the QR box of page pp (rendered at 150 dpi). */
static int
pdf_code(PopplerPage *pp, const struct sheet *blank, struct sheet_code *code,
    char text[SHEET_CODE_MAX + 1])
{
	const double dpi = 150, pad = 3;
	double x0 = blank->qr.x - pad, y0 = blank->qr.y - pad;
	int w = (int)((blank->qr.w + 2 * pad) / 25.4 * dpi);
	int h = (int)((blank->qr.h + 2 * pad) / 25.4 * dpi), x, y, rc = -1;
	cairo_surface_t *cs;
	cairo_t *cr;
	zbar_image_scanner_t *sc;
	zbar_image_t *zi;
	const zbar_symbol_t *sym;
	unsigned char *grey, *row;
	char *cause = NULL;

	cs = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cr = cairo_create(cs);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, dpi / 72, dpi / 72);
	cairo_translate(cr, -x0 / 25.4 * 72, -y0 / 25.4 * 72);
	poppler_page_render_for_printing(pp, cr);
	cairo_destroy(cr);
	cairo_surface_flush(cs);
	grey = xmalloc((size_t)w * (size_t)h);
	row = cairo_image_surface_get_data(cs);
	for (y = 0; y < h; y++, row += cairo_image_surface_get_stride(cs))
		for (x = 0; x < w; x++)
			grey[y * w + x] = row[4 * x + 1];
	cairo_surface_destroy(cs);
	sc = zbar_image_scanner_create();
	zbar_image_scanner_set_config(sc, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
	zbar_image_scanner_set_config(sc, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
	zi = zbar_image_create();
	zbar_image_set_format(zi, zbar_fourcc('Y', '8', '0', '0'));
	zbar_image_set_size(zi, (unsigned)w, (unsigned)h);
	zbar_image_set_data(zi, grey, (unsigned long)w * h, NULL);
	if (zbar_scan_image(sc, zi) > 0) {
		for (sym = zbar_image_first_symbol(zi); sym != NULL && rc != 0;
		    sym = zbar_symbol_next(sym)) {
			if (sheet_code_parse(zbar_symbol_get_data(sym),
			    zbar_symbol_get_data_length(sym), code,
			    &cause) == 0) {
				snprintf(text, SHEET_CODE_MAX + 1, "%s",
				    zbar_symbol_get_data(sym));
				rc = 0;
			}
			else {
				free(cause);
				cause = NULL;
			}
		}
	}
	zbar_image_destroy(zi);
	zbar_image_scanner_destroy(sc);
	free(grey);
	return rc;
}

/* ------------------------------------------------------------ marks */

enum style {
	STYLE_CLEAN,		/* full fills only */
	STYLE_LIGHT,		/* light pencil fill */
	STYLE_TICK,		/* a tick instead of a fill */
	STYLE_CROSSED,		/* a wrong one filled and crossed, then right */
	STYLE_DOT,		/* a stray dot near the item */
	STYLE_SMUDGE,		/* a grey smudge over the item */
	STYLE_COUNT,
};

static const char *const style_names[] = { "clean", "light", "tick",
    "crossed", "dot", "smudge" };

struct pen {
	double	 grey;		/* 0 black .. 1 white */
	double	 px;		/* pixels per mm */
};

/* A full fill as people make it. */
static void
mark_fill(cairo_t *cr, const struct pen *p, double x, double y, double r)
{
	double k = p->px, rx = r * rng_uni(0.82, 1.0), ry = r * rng_uni(0.82,
	    1.0);
	int i, gaps = rng_int(3);

	x += rng_uni(-0.22, 0.22);
	y += rng_uni(-0.22, 0.22);
	cairo_save(cr);
	cairo_translate(cr, x * k, y * k);
	cairo_rotate(cr, rng_uni(0, M_PI));
	cairo_scale(cr, rx * k, ry * k);
	cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
	cairo_restore(cr);
	cairo_set_source_rgb(cr, p->grey, p->grey, p->grey);
	cairo_fill(cr);
	/* Scribbling leaves thin gaps. */
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_set_line_width(cr, 0.12 * k);
	for (i = 0; i < gaps; i++) {
		double a = rng_uni(0, M_PI), o = rng_uni(-0.8, 0.8) * r;

		cairo_move_to(cr, (x + cos(a) * -r + sin(a) * o) * k,
		    (y + sin(a) * -r - cos(a) * o) * k);
		cairo_line_to(cr, (x + cos(a) * r + sin(a) * o) * k,
		    (y + sin(a) * r - cos(a) * o) * k);
		cairo_stroke(cr);
	}
}

static void
mark_line(cairo_t *cr, const struct pen *p, double w, const double *pts,
    int n)
{
	int i;

	cairo_set_source_rgb(cr, p->grey, p->grey, p->grey);
	cairo_set_line_width(cr, w * p->px);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	cairo_move_to(cr, pts[0] * p->px, pts[1] * p->px);
	for (i = 1; i < n; i++)
		cairo_line_to(cr, pts[2 * i] * p->px, pts[2 * i + 1] * p->px);
	cairo_stroke(cr);
}

/* --tick-pen: every tick this wide (mm) and grey; 0: at random. */
static double tick_width, tick_grey;

static void
mark_tick(cairo_t *cr, const struct pen *p, double x, double y, double r)
{
	double pts[6] = { x - 0.6 * r, y - 0.05 * r, x - 0.1 * r, y + 0.55 * r,
	    x + rng_uni(1.0, 1.6) * r, y - rng_uni(1.1, 1.7) * r };
	double w = rng_uni(0.3, 0.5);
	struct pen fixed = *p;

	if (tick_width > 0) {
		w = tick_width;
		fixed.grey = tick_grey;
	}
	mark_line(cr, &fixed, w, pts, 3);
}

static void
mark_cross(cairo_t *cr, const struct pen *p, double x, double y, double r)
{
	double e = rng_uni(1.5, 2.0) * r, w = rng_uni(0.35, 0.6);
	double a[4] = { x - e, y - e, x + e, y + e };
	double b[4] = { x - e, y + e, x + e, y - e };

	mark_line(cr, p, w, a, 2);
	mark_line(cr, p, w, b, 2);
}

static void
mark_dot(cairo_t *cr, const struct pen *p, double x, double y)
{
	cairo_set_source_rgb(cr, p->grey, p->grey, p->grey);
	cairo_arc(cr, x * p->px, y * p->px, rng_uni(0.25, 0.55) * p->px, 0,
	    2 * M_PI);
	cairo_fill(cr);
}

static void
mark_smudge(cairo_t *cr, const struct pen *p, double x, double y)
{
	double r = rng_uni(3, 7) * p->px, a = rng_uni(0.12, 0.35);
	cairo_pattern_t *g;

	g = cairo_pattern_create_radial(x * p->px, y * p->px, 0, x * p->px,
	    y * p->px, r);
	cairo_pattern_add_color_stop_rgba(g, 0, 0.3, 0.3, 0.3, a);
	cairo_pattern_add_color_stop_rgba(g, 1, 0.3, 0.3, 0.3, 0);
	cairo_set_source(cr, g);
	cairo_arc(cr, x * p->px, y * p->px, r, 0, 2 * M_PI);
	cairo_fill(cr);
	cairo_pattern_destroy(g);
}

/* ------------------------------------------------------------ answers */

/* A random response to it, as the trainee means it ("" blank). */
static char *
gen_response(const struct paper_item *it)
{
	int n = (int)it->noptions, perm[SHEET_MAX_OPTIONS], i, j, t, k;
	char buf[64], *p = buf;

	*buf = '\0';
	if (rng_chance(0.05))
		return xstrdup("");
	switch (it->type) {
	case QTYPE_TRUEFALSE:
		return xstrdup(rng_chance(0.5) ? "1" : "0");
	case QTYPE_SINGLE:
		return xasprintf("%d", rng_int(n));
	case QTYPE_MULTIPLE:
		do {
			p = buf;
			*buf = '\0';
			for (i = 0; i < n; i++)
				if (rng_chance(0.45))
					p += sprintf(p, "%s%d", p == buf ? "" :
					    ",", i);
		} while (*buf == '\0');
		return xstrdup(buf);
	case QTYPE_ORDERING:
	default:
		for (i = 0; i < n; i++)
			perm[i] = i;
		for (i = n - 1; i > 0; i--) {
			j = rng_int(i + 1);
			t = perm[i];
			perm[i] = perm[j];
			perm[j] = t;
		}
		for (k = 0; k < n; k++)
			p += sprintf(p, "%s%d", k ? "," : "", perm[k]);
		return xstrdup(buf);
	}
}

/* The bubble of item i at (row, col). */
static const struct sheet_bubble *
bubble_at(const struct sheet *sh, size_t i, int row, int col)
{
	const struct sheet_item *si = &sh->items[i];

	return &sh->bubbles[si->first + (size_t)row * (size_t)si->cols +
	    (size_t)col];
}

/*
 * Mark item i of the sheet page on cr, meaning response resp, in style.
 * Returns the style actually used (a crossed-out needs a free option).
 */
static enum style
gen_mark(cairo_t *cr, double px, const struct sheet *sh, size_t i,
    const struct paper_item *it, const char *resp, enum style style)
{
	const struct sheet_item *si = &sh->items[i];
	unsigned char filled[SHEET_MAX_OPTIONS * SHEET_MAX_OPTIONS];
	struct pen pen = { rng_uni(0.05, 0.32), px };
	int k, nb = si->rows * si->cols, free_k = -1, first = 1;

	if (sheet_fill(it, resp, filled) != 0)
		abort();
	if (style == STYLE_CROSSED) {
		/* A bubble the trainee does not mean, filled then crossed:
		 * not in a row or column of the answer (ordering). */
		for (k = 0; k < nb && free_k < 0; k++) {
			int kk = (k + rng_int(nb)) % nb, r = kk / si->cols,
			    c = kk % si->cols, j, clash = 0;

			if (filled[kk])
				continue;
			for (j = 0; j < si->cols && si->rows > 1; j++)
				clash |= filled[r * si->cols + j];
			for (j = 0; j < si->rows && si->rows > 1; j++)
				clash |= filled[j * si->cols + c];
			if (!clash)
				free_k = kk;
		}
		if (free_k < 0 || *resp == '\0')
			style = STYLE_CLEAN;
		else {
			const struct sheet_bubble *b = &sh->bubbles[si->first +
			    (size_t)free_k];

			mark_fill(cr, &pen, b->x, b->y, b->r);
			mark_cross(cr, &pen, b->x, b->y, b->r);
		}
	}
	for (k = 0; k < nb; k++) {
		const struct sheet_bubble *b;

		if (!filled[k])
			continue;
		b = bubble_at(sh, i, k / si->cols, k % si->cols);
		if (style == STYLE_LIGHT && first) {
			struct pen light = { rng_uni(0.55, 0.72), px };

			mark_fill(cr, &light, b->x, b->y, b->r);
		} else if (style == STYLE_TICK && first)
			mark_tick(cr, &pen, b->x, b->y, b->r);
		else
			mark_fill(cr, &pen, b->x, b->y, b->r);
		first = 0;
	}
	if ((style == STYLE_LIGHT || style == STYLE_TICK) && first)
		style = STYLE_CLEAN;	/* a blank: nothing was drawn */
	if (style == STYLE_DOT)
		mark_dot(cr, &pen, rng_uni(si->box.x + 10, si->box.x +
		    si->box.w), rng_uni(si->box.y, si->box.y + si->box.h));
	if (style == STYLE_SMUDGE)
		mark_smudge(cr, &pen, rng_uni(si->box.x + 10, si->box.x +
		    si->box.w - 10), rng_uni(si->box.y, si->box.y +
		    si->box.h));
	return style;
}

/*
 * Paint over the QR code a home-made one: the same code with the last
 * digit of its check value changed.
 */
static void
gen_forge(cairo_t *cr, double px, const struct sheet *sh, const char *code)
{
	char *text = xstrdup(code), *c = text;
	QRcode *q;
	double mod;
	int x, y, field = 0;

	/* The check is the fifth field: "FL1/inst/cohort/aid/check[/sN]". */
	while (*c != '\0' && field < 4)
		field += *c++ == '/';
	c += strcspn(c, "/");
	if (field == 4 && c > text && c[-1] != '/')
		c[-1] = c[-1] == '0' ? '1' : '0';
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_rectangle(cr, sh->qr.x * px, sh->qr.y * px, sh->qr.w * px,
	    sh->qr.h * px);
	cairo_fill(cr);
	q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (q == NULL)
		abort();
	mod = (sh->qr.w - 8) / q->width;
	cairo_set_source_rgb(cr, 0, 0, 0);
	for (y = 0; y < q->width; y++)
		for (x = 0; x < q->width; x++)
			if (q->data[y * q->width + x] & 1)
				cairo_rectangle(cr, (sh->qr.x + 4 + x * mod) *
				    px, (sh->qr.y + 4 + y * mod) * px,
				    mod * px + 0.5, mod * px + 0.5);
	cairo_fill(cr);
	QRcode_free(q);
	free(text);
}

/* ------------------------------------------------------------ scanning */

struct scanned {
	PIX	*pix;		/* 8 bpp grey */
	int	 dpi;
};

/*
 * Turn the marked page (cs, at dpi) by deg degrees on a canvas that holds
 * it, scale it a little unevenly, darken, add noise: a grey PIX.
 */
/* --shade: grey levels the scanner's light falls off across the page. */
static double shade_levels;

static PIX *
gen_scan(cairo_surface_t *cs, double deg)
{
	int w = cairo_image_surface_get_width(cs);
	int h = cairo_image_surface_get_height(cs);
	double t = deg * M_PI / 180, sx = rng_uni(0.985, 1.015),
	    sy = rng_uni(0.985, 1.015), paper = rng_uni(225, 252),
	    ink = rng_uni(5, 45), sigma = rng_uni(1.5, 7);
	int W, H, x, y, stride;
	cairo_surface_t *out;
	cairo_t *cr;
	cairo_pattern_t *pat;
	unsigned char *row;
	PIX *pix;
	l_uint32 *line;

	W = (int)((fabs(cos(t)) * w * sx + fabs(sin(t)) * h * sy) + 40);
	H = (int)((fabs(sin(t)) * w * sx + fabs(cos(t)) * h * sy) + 40);
	out = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
	cr = cairo_create(out);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_translate(cr, W / 2.0, H / 2.0);
	cairo_rotate(cr, t);
	cairo_scale(cr, sx, sy);
	cairo_translate(cr, -w / 2.0, -h / 2.0);
	pat = cairo_pattern_create_for_surface(cs);
	cairo_pattern_set_filter(pat, CAIRO_FILTER_BILINEAR);
	cairo_set_source(cr, pat);
	cairo_paint(cr);
	cairo_pattern_destroy(pat);
	cairo_destroy(cr);
	cairo_surface_flush(out);
	pix = pixCreate(W, H, 8);
	stride = cairo_image_surface_get_stride(out);
	row = cairo_image_surface_get_data(out);
	for (y = 0; y < H; y++, row += stride) {
		line = pixGetData(pix) + (size_t)y * pixGetWpl(pix);
		for (x = 0; x < W; x++) {
			double v = row[4 * x + 1] / 255.0, n;

			/* Sum of three uniforms: near enough Gaussian. */
			n = ((double)(rng_next() & 0xffff) +
			    (double)((rng_next() >> 16) & 0xffff) +
			    (double)((rng_next() >> 32) & 0xffff)) / 65536.0 -
			    1.5;
			v = ink + (paper - ink) * v + n * 2 * sigma;
			v *= 1 - shade_levels / 255.0 * x / W;
			SET_DATA_BYTE(line, x, v < 0 ? 0 : v > 255 ? 255 :
			    (int)v);
		}
	}
	cairo_surface_destroy(out);
	return pix;
}

/* ------------------------------------------------------------ fill */

struct fill_opts {
	int		 count;
	int		 skip;
	double		 turn;
	int		 forge;
	double		 clean;		/* share of clean sheets */
	int		 dpis[3];
	int		 ndpis;
	unsigned	 formats;	/* 1 jpeg, 2 png, 4 tiff, 8 pdf */
	int		 messy;		/* every item of a messy sheet in this
					   style; -1: a quarter, mixed */
	int		 shuffle;	/* pages held back to mix the order */
	int		 withhold;	/* sheets with a page held back */
	const char	*held;		/* where held-back pages go */
	double		 upside;	/* share of pages turned upside down */
};

enum { FMT_JPEG = 1, FMT_PNG = 2, FMT_TIFF = 4, FMT_PDF = 8 };

/* Choose an output format among those allowed, by weight. */
static int
pick_format(unsigned allowed)
{
	static const struct { int f; int weight; } w[] = {
		{ FMT_JPEG, 50 }, { FMT_PNG, 25 }, { FMT_TIFF, 10 },
		{ FMT_PDF, 15 } };
	int total = 0, r, i;

	for (i = 0; i < 4; i++)
		if (allowed & (unsigned)w[i].f)
			total += w[i].weight;
	r = rng_int(total);
	for (i = 0; i < 4; i++)
		if (allowed & (unsigned)w[i].f) {
			if (r < w[i].weight)
				return w[i].f;
			r -= w[i].weight;
		}
	return FMT_PNG;
}

/* Add pix (dpi) as a page of the scanner-like PDF being written. */
static int
pdf_add(cairo_surface_t **pdf, const char *path, PIX *pix, int dpi)
{
	double wpt = pixGetWidth(pix) * 72.0 / dpi;
	double hpt = pixGetHeight(pix) * 72.0 / dpi;
	cairo_surface_t *img;
	cairo_t *cr;
	l_uint8 *jpeg = NULL;
	size_t size = 0;
	int x, y, w = pixGetWidth(pix), h = pixGetHeight(pix), stride;
	unsigned char *row;

	if (*pdf == NULL)
		*pdf = cairo_pdf_surface_create(path, wpt, hpt);
	else
		cairo_pdf_surface_set_size(*pdf, wpt, hpt);
	img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	stride = cairo_image_surface_get_stride(img);
	row = cairo_image_surface_get_data(img);
	for (y = 0; y < h; y++, row += stride) {
		l_uint32 *line = pixGetData(pix) + (size_t)y * pixGetWpl(pix);

		for (x = 0; x < w; x++) {
			uint32_t v = GET_DATA_BYTE(line, x);

			((uint32_t *)(void *)row)[x] = v << 16 | v << 8 | v;
		}
	}
	cairo_surface_mark_dirty(img);
	/* Embedded as JPEG, as scanners do. */
	if (pixWriteMemJpeg(&jpeg, &size, pix, 75, 0) == 0)
		cairo_surface_set_mime_data(img, CAIRO_MIME_TYPE_JPEG, jpeg,
		    size, free, jpeg);
	cr = cairo_create(*pdf);
	cairo_scale(cr, 72.0 / dpi, 72.0 / dpi);
	cairo_set_source_surface(cr, img, 0, 0);
	cairo_paint(cr);
	cairo_show_page(cr);
	cairo_destroy(cr);
	cairo_surface_destroy(img);
	return 0;
}

/*
 * One attempt's answer sheet as generated: its KEY line.  where[p] is
 * where sheet page p went, "FILE#PAGE", with a "!" in front when it was
 * held back (--withhold: written to the --held directory instead);
 * deg_page[p] how far it was turned.
 */
struct fill_sheet {
	sqlite3_int64	 aid;
	int		 clean;
	int		 dpi;		/* of its first page */
	double		 deg;
	int		 npages;
	char		*where[SHEET_MAX_PAGES];
	double		 deg_page[SHEET_MAX_PAGES];
	char		*resp;		/* ";"-joined, "-" for blank */
	char		*styles;
};

/* A scanned page not yet written (--shuffle). */
struct fill_pending {
	PIX	*pix;
	int	 dpi;
	size_t	 sheet;		/* index in the sheets made */
	int	 page;		/* sheet page, 0-based */
};

/* The files being written. */
struct fill_out {
	const char		*outdir;
	const struct fill_opts	*o;
	cairo_surface_t		*pdf;	/* the scanner PDF being filled */
	char			*pdf_path;
	int			 pdf_pages;
	int			 pdf_no;
	int			 files;	/* single-image files written */
	int			 held;	/* pages held back written */
};

static void
fill_pdf_close(struct fill_out *out)
{
	if (out->pdf == NULL)
		return;
	cairo_surface_finish(out->pdf);
	cairo_surface_destroy(out->pdf);
	out->pdf = NULL;
	free(out->pdf_path);
	out->pdf_path = NULL;
}

/*
 * Write the scanned page pix (dpi) as a scanner would: a JPEG, PNG or
 * TIFF file, or the next page of a PDF; a held-back page as a PNG of its
 * own in the --held directory.  Returns "FILE#PAGE" ("!FILE#1" held), or
 * NULL when it cannot be written.
 */
static char *
fill_emit(struct fill_out *out, PIX *pix, int dpi, int held)
{
	char *path, *where;
	int fmt, k;

	if (held) {
		path = xasprintf("%s/held-%03d.png", out->o->held,
		    ++out->held);
		pixSetResolution(pix, dpi, dpi);
		if (pixWrite(path, pix, IFF_PNG) != 0) {
			fprintf(stderr, "gen-sheets: cannot write %s\n", path);
			free(path);
			return NULL;
		}
		where = xasprintf("!%s#1", path);
		free(path);
		return where;
	}
	fmt = pick_format(out->o->formats);
	if (fmt == FMT_PDF) {
		if (out->pdf == NULL) {
			out->pdf_path = xasprintf("%s/scan-%03d.pdf",
			    out->outdir, ++out->pdf_no);
			out->pdf_pages = 0;
		}
		pdf_add(&out->pdf, out->pdf_path, pix, dpi);
		where = xasprintf("%s#%d", out->pdf_path, ++out->pdf_pages);
	} else {
		path = xasprintf("%s/sheet-%04d.%s", out->outdir,
		    ++out->files, fmt == FMT_JPEG ? "jpg" : fmt == FMT_PNG ?
		    "png" : "tif");
		pixSetResolution(pix, dpi, dpi);
		if (fmt == FMT_JPEG)
			k = pixWriteJpeg(path, pix, 55 + rng_int(38), 0);
		else
			k = pixWrite(path, pix, fmt == FMT_PNG ? IFF_PNG :
			    IFF_TIFF_ZIP);
		if (k != 0) {
			fprintf(stderr, "gen-sheets: cannot write %s\n", path);
			free(path);
			return NULL;
		}
		where = xasprintf("%s#1", path);
		free(path);
	}
	if (out->pdf != NULL && (out->pdf_pages >= 3 || rng_chance(0.3)))
		fill_pdf_close(out);
	return where;
}

/* Write pending page k (taken out of the pool) and record where. */
static int
fill_flush_one(struct fill_out *out, struct fill_pending *pend, size_t *n,
    size_t k, struct fill_sheet *sheets)
{
	struct fill_pending pg = pend[k];
	char *where;

	pend[k] = pend[--*n];
	where = fill_emit(out, pg.pix, pg.dpi, 0);
	pixDestroy(&pg.pix);
	if (where == NULL)
		return -1;
	sheets[pg.sheet].where[pg.page] = where;
	return 0;
}

/* Write KEY: one line per attempt (see the top of the file). */
static int
fill_key(const char *keypath, const struct fill_sheet *sheets, size_t n)
{
	FILE *key;
	size_t i;
	int p;

	if ((key = fopen(keypath, "w")) == NULL) {
		fprintf(stderr, "gen-sheets: %s: %s\n", keypath,
		    strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++) {
		const struct fill_sheet *fs = &sheets[i];
		const char *first = NULL;

		/* The first page scanned with the others names the sheet. */
		for (p = 0; p < fs->npages && first == NULL; p++)
			if (*fs->where[p] != '!')
				first = fs->where[p];
		if (first == NULL)
			first = fs->where[0] + 1;
		fprintf(key, "%.*s\t%.*s\t%lld\t%d\t%d\t%.1f\t%s\t%s\t",
		    (int)strcspn(first, "#"), first,
		    (int)strcspn(strchr(first, '#') + 1, "@"),
		    strchr(first, '#') + 1,
		    (long long)fs->aid, fs->clean, fs->dpi, fs->deg, fs->resp,
		    fs->styles);
		for (p = 0; p < fs->npages; p++)
			fprintf(key, "%s%s@%.1f", p ? ";" : "", fs->where[p],
			    fs->deg_page[p]);
		fputc('\n', key);
	}
	return fclose(key) == 0 ? 0 : -1;
}

/* The PDF page of sheet page sheet_page of attempt aid, or -1. */
static int
fill_find(const struct sheet_page *pages, size_t npages, sqlite3_int64 aid,
    int sheet_page)
{
	size_t i;

	for (i = 0; i < npages; i++)
		if (pages[i].aid == aid && pages[i].sheet_page == sheet_page)
			return (int)i;
	return -1;
}

/* Render page pp of the printed PDF at dpi on a white surface. */
static cairo_surface_t *
fill_render(PopplerDocument *doc, int page, int dpi)
{
	PopplerPage *pp = poppler_document_get_page(doc, page);
	cairo_surface_t *cs;
	cairo_t *cr;
	double wpt, hpt;

	poppler_page_get_size(pp, &wpt, &hpt);
	cs = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    (int)(wpt * dpi / 72), (int)(hpt * dpi / 72));
	cr = cairo_create(cs);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, dpi / 72.0, dpi / 72.0);
	poppler_page_render_for_printing(pp, cr);
	cairo_destroy(cr);
	g_object_unref(pp);
	return cs;
}

/* Join n strings with ";", "-" for an empty one. */
static char *
fill_join(char *const *v, size_t n)
{
	size_t i, len = 1;
	char *s, *p;

	for (i = 0; i < n; i++)
		len += strlen(v[i]) + 2;
	s = p = xmalloc(len);
	*s = '\0';
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s%s", i ? ";" : "", *v[i] ? v[i] : "-");
	return s;
}

static int
cmd_fill(const char *db, const char *pdfpath, const char *outdir,
    const char *keypath, const struct fill_opts *o)
{
	struct store *s = NULL;
	struct sheet *blank = NULL;
	struct sheet_page *pages = NULL;
	struct fill_sheet *sheets = NULL;
	struct fill_pending *pend = NULL;
	struct fill_out out;
	size_t npages = 0, cap = 0, used = 0, nsheets = 0, scap = 0;
	size_t npend = 0, pcap = 0;
	PopplerDocument *doc;
	GError *gerr = NULL;
	char *cause = NULL, *uri, real[PATH_MAX];
	char pages_text[SHEET_CODE_MAX + 1];
	int n, i, made = 0, nheld = 0, rc = 0, skipped = 0;

	memset(&out, 0, sizeof out);
	out.outdir = outdir;
	out.o = o;
	if (store_open(db, STORE_OPEN, &s, &cause) != 0) {
		fprintf(stderr, "gen-sheets: %s\n", cause);
		return 1;
	}
	if (realpath(pdfpath, real) == NULL) {
		fprintf(stderr, "gen-sheets: %s: %s\n", pdfpath,
		    strerror(errno));
		return 1;
	}
	uri = g_filename_to_uri(real, NULL, NULL);
	if (uri == NULL || (doc = poppler_document_new_from_file(uri, NULL,
	    &gerr)) == NULL) {
		fprintf(stderr, "gen-sheets: %s: %s\n", pdfpath,
		    gerr ? gerr->message : "cannot open");
		return 1;
	}
	g_free(uri);
	sheet_layout(NULL, 0, &blank, &cause);
	n = poppler_document_get_n_pages(doc);
	for (i = 0; i < n; i++) {
		PopplerPage *pp = poppler_document_get_page(doc, i);
		struct sheet_code code;

		if (pdf_code(pp, blank, &code, pages_text) == 0 &&
		    code.part == SHEET_PART_ANSWERS) {
			xgrow(&pages, &cap, npages + 1, sizeof *pages);
			memcpy(pages[npages].text, pages_text,
			    sizeof pages_text);
			pages[npages].page = i;
			pages[npages].aid = code.attempt;
			pages[npages].sheet_page = code.page;
			npages++;
		}
		g_object_unref(pp);
	}
	if (npages == 0) {
		fprintf(stderr, "gen-sheets: %s: no answer sheet found\n",
		    pdfpath);
		return 1;
	}
	/* Every answer sheet of an attempt, each of its pages filled. */
	for (made = 0, used = 0; rc == 0 && made < o->count && used < npages;
	    used++) {
		const struct sheet_page *sp = &pages[used];
		struct attempt *a = NULL;
		struct sheet *sh = NULL;
		struct fill_sheet *fs;
		cairo_surface_t *cs;
		cairo_t *cr;
		PIX *pix;
		double px, deg;
		int dpi, held = -1, p, at;
		size_t it;
		char **resp;
		enum style *styles;

		if (sp->sheet_page != 1)
			continue;	/* reached from its page 1 */
		if (skipped < o->skip) {
			skipped++;
			continue;
		}
		dpi = o->dpis[rng_int(o->ndpis)];
		if (paper_sitting_load(s, sp->aid, &a, &cause) != 0 ||
		    sheet_layout(a->items, a->nitems, &sh, &cause) != 0) {
			fprintf(stderr, "gen-sheets: attempt %lld: %s\n",
			    (long long)sp->aid, cause);
			return 1;
		}
		xgrow(&sheets, &scap, nsheets + 1, sizeof *sheets);
		fs = &sheets[nsheets];
		memset(fs, 0, sizeof *fs);
		fs->aid = sp->aid;
		fs->npages = sh->npages;
		fs->clean = rng_chance(o->clean);
		if (nheld < o->withhold && sh->npages > 1) {
			held = rng_int(sh->npages);
			nheld++;
		}
		resp = xcalloc(a->nitems, sizeof *resp);
		styles = xcalloc(a->nitems, sizeof *styles);
		for (p = 0; rc == 0 && p < sh->npages; p++) {
			if (p > 0)
				dpi = o->dpis[rng_int(o->ndpis)];
			if ((at = fill_find(pages, npages, sp->aid, p + 1)) <
			    0) {
				fprintf(stderr, "gen-sheets: attempt %lld: "
				    "answer sheet page %d is not in %s\n",
				    (long long)sp->aid, p + 1, pdfpath);
				return 1;
			}
			cs = fill_render(doc, pages[at].page, dpi);
			cr = cairo_create(cs);
			px = dpi / 25.4;
			for (it = 0; it < a->nitems; it++) {
				enum style st = STYLE_CLEAN;

				if (sh->items[it].page != p)
					continue;
				if (!fs->clean && o->messy >= 0)
					st = (enum style)o->messy;
				else if (!fs->clean && rng_chance(0.25))
					st = (enum style)(1 +
					    rng_int(STYLE_COUNT - 1));
				resp[it] = gen_response(&a->items[it]);
				styles[it] = gen_mark(cr, px, sh, it,
				    &a->items[it], resp[it], st);
			}
			if (o->forge)
				gen_forge(cr, px, sh, pages[at].text);
			cairo_destroy(cr);
			cairo_surface_flush(cs);
			deg = rng_uni(-10, 10) + (rng_chance(o->upside) ? 180 :
			    0) + o->turn;
			pix = gen_scan(cs, deg);
			cairo_surface_destroy(cs);
			if (p == 0) {
				fs->dpi = dpi;
				fs->deg = deg;
			}
			fs->deg_page[p] = deg;
			if (p == held || o->shuffle <= 0) {
				fs->where[p] = fill_emit(&out, pix, dpi,
				    p == held);
				pixDestroy(&pix);
				if (fs->where[p] == NULL)
					rc = -1;
				continue;
			}
			xgrow(&pend, &pcap, npend + 1, sizeof *pend);
			pend[npend].pix = pix;
			pend[npend].dpi = dpi;
			pend[npend].sheet = nsheets;
			pend[npend].page = p;
			npend++;
			/* The pages of many sheets, mixed. */
			while (rc == 0 && npend > (size_t)o->shuffle)
				rc = fill_flush_one(&out, pend, &npend,
				    (size_t)rng_int((int)npend), sheets);
		}
		fs->resp = fill_join(resp, a->nitems);
		for (it = 0; it < a->nitems; it++) {
			free(resp[it]);
			resp[it] = (char *)style_names[styles[it]];
		}
		fs->styles = fill_join(resp, a->nitems);
		free(resp);
		free(styles);
		sheet_free(&sh);
		attempt_free(&a);
		nsheets++;
		made++;
	}
	while (rc == 0 && npend > 0)
		rc = fill_flush_one(&out, pend, &npend,
		    (size_t)rng_int((int)npend), sheets);
	fill_pdf_close(&out);
	if (rc == 0 && fill_key(keypath, sheets, nsheets) != 0)
		rc = -1;
	for (used = 0; used < nsheets; used++) {
		for (i = 0; i < sheets[used].npages; i++)
			free(sheets[used].where[i]);
		free(sheets[used].resp);
		free(sheets[used].styles);
	}
	free(sheets);
	free(pend);
	g_object_unref(doc);
	free(pages);
	sheet_free(&blank);
	store_free(&s);
	if (rc != 0)
		return 1;
	if (made < o->count) {
		fprintf(stderr, "gen-sheets: only %d answer sheets in %s (%d "
		    "asked)\n", made, pdfpath, o->count);
		return 1;
	}
	if (nheld < o->withhold) {
		fprintf(stderr, "gen-sheets: only %d sheets of several pages "
		    "to hold a page back from (%d asked)\n", nheld,
		    o->withhold);
		return 1;
	}
	return 0;
}

/* ------------------------------------------------------------ check */

/* The most items a KEY line records (far more than a paper has). */
#define CHECK_MAX_ITEMS	1024

/* Split a KEY field of ";"-separated values into at most max of them. */
static size_t
check_split(char *field, char **v, size_t max)
{
	size_t n = 0;
	char *one;

	while (n < max && (one = strsep(&field, ";")) != NULL)
		v[n++] = strcmp(one, "-") == 0 ? (char *)"" : one;
	return n;
}

/*
 * The items the reader was sure of on a sheet it sent to review: each must
 * be what the trainee meant, or the same reading on a sheet with nothing
 * else in doubt would have been stored wrong.  Returns the misreads.
 */
static int
check_review_items(struct store *s, sqlite3_int64 aid, char **f,
    char **want, char **styles, size_t n)
{
	sqlite3_stmt *st;
	int bad = 0;

	st = store_prepare(s, "SELECT i.item, i.response FROM paper_review_item"
	    " i JOIN paper_review r ON r.id = i.review_id WHERE r.attempt_id"
	    " = ?1 AND r.status = 'open' AND i.doubt = 0");
	sqlite3_bind_int64(st, 1, aid);
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t item = (size_t)sqlite3_column_int(st, 0);
		const char *got = (const char *)sqlite3_column_text(st, 1);

		if (item < n && strcmp(got ? got : "", want[item]) == 0)
			continue;
		bad++;
		printf("MISREAD WITHOUT DOUBT: %s page %s attempt %lld "
		    "question %zu: meant \"%s\" (%s), read \"%s\" (the sheet "
		    "is in review for other questions)\n", f[0], f[1],
		    (long long)aid, item + 1, item < n ? want[item] : "?",
		    item < n ? styles[item] : "?", got ? got : "");
	}
	sqlite3_finalize(st);
	return bad;
}

static int
cmd_check(const char *db, const char *keypath, double max_clean_review,
    int with_held)
{
	struct store *s = NULL;
	char *cause = NULL, line[65536];
	char *want[CHECK_MAX_ITEMS], *styles[CHECK_MAX_ITEMS];
	char *where[SHEET_MAX_PAGES];
	FILE *key;
	int sheets = 0, stored = 0, review = 0, lost = 0, silent = 0;
	int clean = 0, clean_review = 0, answers = 0, unflagged = 0, rc = 0;
	int multi = 0, multi_pages = 0, held_back = 0, held_stored = 0;
	int ungraded = 0, review_short = 0;

	if (store_open(db, STORE_OPEN, &s, &cause) != 0) {
		fprintf(stderr, "gen-sheets: %s\n", cause);
		return 1;
	}
	if ((key = fopen(keypath, "r")) == NULL) {
		fprintf(stderr, "gen-sheets: %s: %s\n", keypath,
		    strerror(errno));
		return 1;
	}
	while (fgets(line, sizeof line, key) != NULL) {
		char *f[9], *p = line;
		sqlite3_stmt *st;
		sqlite3_int64 aid;
		size_t nw, i, np = 1;
		int nf = 0, is_clean, status = 0, closed = 0, total = -1;
		int held = 0;

		line[strcspn(line, "\n")] = '\0';
		while (nf < 9 && (f[nf] = strsep(&p, "\t")) != NULL)
			nf++;
		if (nf < 8)
			continue;
		aid = strtoll(f[2], NULL, 10);
		if (nf == 9) {
			np = check_split(f[8], where, SHEET_MAX_PAGES);
			for (i = 0; i < np; i++)
				held += *where[i] == '!';
		}
		st = store_prepare(s, "SELECT status = 'submitted' AND"
		    " mode = 'paper-scan', status IN ('submitted', 'expired'),"
		    " coalesce(total, -1) FROM attempt WHERE id = ?1");
		sqlite3_bind_int64(st, 1, aid);
		if (sqlite3_step(st) == SQLITE_ROW) {
			status = sqlite3_column_int(st, 0);
			closed = sqlite3_column_int(st, 1);
			total = sqlite3_column_int(st, 2);
		}
		sqlite3_finalize(st);
		if (held > 0 && !with_held) {
			/* A page was not scanned: nothing may be stored. */
			held_back++;
			if (closed) {
				held_stored++;
				printf("STORED WITHOUT ALL ITS PAGES: %s page "
				    "%s attempt %lld (a page of its %zu was "
				    "not scanned)\n", f[0], f[1],
				    (long long)aid, np);
			}
			continue;
		}
		sheets++;
		if (np > 1) {
			multi++;
			multi_pages += (int)np;
		}
		is_clean = atoi(f[3]);
		clean += is_clean;
		nw = check_split(f[6], want, CHECK_MAX_ITEMS);
		for (i = 0; i < nw; i++)
			styles[i] = (char *)"?";
		check_split(f[7], styles, nw);
		if (status) {
			stored++;
			if (total != (int)nw) {
				ungraded++;
				printf("NOT GRADED ON EVERY QUESTION: %s page "
				    "%s attempt %lld: %d graded of %zu\n",
				    f[0], f[1], (long long)aid, total, nw);
			}
			st = store_prepare(s, "SELECT response FROM paper_item"
			    " WHERE attempt_id = ?1 ORDER BY seq");
			sqlite3_bind_int64(st, 1, aid);
			for (i = 0; i < nw; i++) {
				const char *got = "";

				if (sqlite3_step(st) == SQLITE_ROW)
					got = (const char *)
					    sqlite3_column_text(st, 0);
				answers++;
				if (strcmp(got ? got : "", want[i]) != 0) {
					silent++;
					printf("SILENT ERROR: %s page %s "
					    "attempt %lld question %zu: meant "
					    "\"%s\" (%s), stored \"%s\"\n",
					    f[0], f[1], (long long)aid, i + 1,
					    want[i], styles[i], got ? got : "");
				}
			}
			sqlite3_finalize(st);
			continue;
		}
		unflagged += check_review_items(s, aid, f, want, styles, nw);
		st = store_prepare(s, "SELECT count(*), count(DISTINCT"
		    " sheet_page) FROM paper_review WHERE attempt_id = ?1 AND"
		    " status = 'open'");
		sqlite3_bind_int64(st, 1, aid);
		if (sqlite3_step(st) == SQLITE_ROW &&
		    sqlite3_column_int(st, 0) > 0) {
			review++;
			if (is_clean) {
				clean_review++;
				printf("clean sheet to review: %s page %s "
				    "(%s dpi, %s deg)\n", f[0], f[1], f[4],
				    f[5]);
			}
			/* The person settling it sees every page. */
			if (sqlite3_column_int(st, 1) != (int)np) {
				review_short++;
				printf("IN REVIEW WITHOUT ALL ITS PAGES: %s "
				    "page %s attempt %lld: %d of %zu pages\n",
				    f[0], f[1], (long long)aid,
				    sqlite3_column_int(st, 1), np);
			}
		} else {
			lost++;
			printf("LOST: %s page %s attempt %lld neither stored "
			    "nor in review\n", f[0], f[1], (long long)aid);
		}
		sqlite3_finalize(st);
	}
	fclose(key);
	store_free(&s);
	printf("sheets %d: stored %d (%d answers), review %d, lost %d; "
	    "silent errors %d; clean sheets %d, of them to review %d "
	    "(%.2f%%); misread without doubt in review %d\n", sheets, stored,
	    answers, review, lost, silent, clean, clean_review,
	    clean ? 100.0 * clean_review / clean : 0.0, unflagged);
	if (multi > 0 || held_back > 0 || ungraded > 0 || review_short > 0)
		printf("pages: %d sheets of several pages (%d pages); %d with "
		    "a page not scanned, of them stored %d; stored but not "
		    "graded on every question %d; in review without all "
		    "their pages %d\n", multi, multi_pages, held_back,
		    held_stored, ungraded, review_short);
	if (silent > 0 || lost > 0 || unflagged > 0 || sheets + held_back == 0)
		rc = 1;
	if (held_stored > 0 || ungraded > 0 || review_short > 0)
		rc = 1;
	if (clean > 0 && 100.0 * clean_review / clean >= max_clean_review)
		rc = 1;
	return rc;
}

/* ------------------------------------------------------------ hostile */

static int
cmd_blank_pdf(int pages, const char *out)
{
	cairo_surface_t *pdf = cairo_pdf_surface_create(out, 595.0, 842.0);
	cairo_t *cr = cairo_create(pdf);
	int i;

	for (i = 0; i < pages; i++)
		cairo_show_page(cr);
	cairo_destroy(cr);
	cairo_surface_finish(pdf);
	i = cairo_surface_status(pdf) == CAIRO_STATUS_SUCCESS ? 0 : 1;
	cairo_surface_destroy(pdf);
	return i;
}

/* Write one PNG chunk. */
static void
png_chunk(FILE *fp, const char *type, const unsigned char *data, uint32_t n)
{
	uint32_t len = htonl(n), crc;

	fwrite(&len, 4, 1, fp);
	fwrite(type, 1, 4, fp);
	if (n > 0)
		fwrite(data, 1, n, fp);
	crc = (uint32_t)crc32(0, (const unsigned char *)type, 4);
	crc = (uint32_t)crc32(crc, data, n);
	crc = htonl(crc);
	fwrite(&crc, 4, 1, fp);
}

static int
cmd_png_bomb(uint32_t w, uint32_t h, uint32_t rows, const char *out)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r',
	    '\n', 0x1a, '\n' };
	unsigned char ihdr[13], *row, *buf;
	size_t rowlen = 1 + (w + 7) / 8, cap = 1 << 20;
	z_stream z;
	uint32_t v, y;
	FILE *fp;

	if ((fp = fopen(out, "wb")) == NULL)
		return 1;
	fwrite(sig, 1, 8, fp);
	v = htonl(w);
	memcpy(ihdr, &v, 4);
	v = htonl(h);
	memcpy(ihdr + 4, &v, 4);
	ihdr[8] = 1;		/* bit depth */
	ihdr[9] = 0;		/* greyscale */
	ihdr[10] = ihdr[11] = ihdr[12] = 0;
	png_chunk(fp, "IHDR", ihdr, 13);
	row = xcalloc(rowlen, 1);
	memset(row + 1, 0xff, rowlen - 1);
	buf = xmalloc(cap);
	memset(&z, 0, sizeof z);
	deflateInit(&z, 9);
	for (y = 0; y < rows; y++) {
		z.next_in = row;
		z.avail_in = (uInt)rowlen;
		while (z.avail_in > 0) {
			z.next_out = buf;
			z.avail_out = (uInt)cap;
			deflate(&z, Z_NO_FLUSH);
			if (cap - z.avail_out > 0)
				png_chunk(fp, "IDAT", buf,
				    (uint32_t)(cap - z.avail_out));
		}
	}
	do {
		z.next_out = buf;
		z.avail_out = (uInt)cap;
		v = (uint32_t)deflate(&z, Z_FINISH);
		if (cap - z.avail_out > 0)
			png_chunk(fp, "IDAT", buf, (uint32_t)(cap -
			    z.avail_out));
	} while (v != Z_STREAM_END);
	deflateEnd(&z);
	png_chunk(fp, "IEND", NULL, 0);
	free(row);
	free(buf);
	return fclose(fp) == 0 ? 0 : 1;
}

static int
cmd_decode(int n, char **files)
{
	int i;

	for (i = 0; i < n; i++) {
		PIX *pix = pixRead(files[i]), *grey;

		if (pix == NULL) {
			fprintf(stderr, "gen-sheets: cannot decode %s\n",
			    files[i]);
			return 1;
		}
		if (pixGetDepth(pix) != 8 || pixGetColormap(pix) != NULL) {
			grey = pixConvertTo8(pix, 0);
			pixDestroy(&pix);
			pix = grey;
		}
		pixDestroy(&pix);
	}
	return 0;
}

/* The code of every answer sheet page of a printed PDF, one a line. */
static int
cmd_codes(const char *pdfpath)
{
	struct sheet *blank = NULL;
	struct sheet_code code;
	PopplerDocument *doc;
	GError *gerr = NULL;
	char *cause = NULL, *uri, real[PATH_MAX], text[SHEET_CODE_MAX + 1];
	int i, n;

	if (realpath(pdfpath, real) == NULL ||
	    (uri = g_filename_to_uri(real, NULL, NULL)) == NULL ||
	    (doc = poppler_document_new_from_file(uri, NULL, &gerr)) == NULL) {
		fprintf(stderr, "gen-sheets: %s: %s\n", pdfpath,
		    gerr ? gerr->message : strerror(errno));
		return 1;
	}
	g_free(uri);
	if (sheet_layout(NULL, 0, &blank, &cause) != 0)
		return 1;
	n = poppler_document_get_n_pages(doc);
	for (i = 0; i < n; i++) {
		PopplerPage *pp = poppler_document_get_page(doc, i);

		if (pdf_code(pp, blank, &code, text) == 0 &&
		    code.part == SHEET_PART_ANSWERS)
			printf("%d\t%lld\t%d\t%s\n", i + 1,
			    (long long)code.attempt, code.page, text);
		g_object_unref(pp);
	}
	sheet_free(&blank);
	g_object_unref(doc);
	return 0;
}

static void
usage(void)
{
	fprintf(stderr, "usage: gen-sheets fill DB PRINTED.pdf OUTDIR KEY "
	    "--count N [--seed S] [--skip K] [--clean P] [--dpi LIST] "
	    "[--formats LIST] [--turn DEG] [--forge] [--messy STYLE] "
	    "[--shuffle N] [--withhold K --held DIR] [--upside P] "
	    "[--tick-pen WIDTH,GREY] [--shade LEVELS]\n"
	    "       gen-sheets check DB KEY [--max-clean-review "
	    "PCT] [--with-held]\n"
	    "       gen-sheets codes PRINTED.pdf\n"
	    "       gen-sheets blank-pdf PAGES OUT.pdf\n"
	    "       gen-sheets png-bomb WIDTH HEIGHT ROWS OUT.png\n"
	    "       gen-sheets decode FILE...\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct fill_opts o = { 10, 0, 0, 0, 0.6, { 150, 200, 300 }, 3,
	    FMT_JPEG | FMT_PNG | FMT_TIFF | FMT_PDF, -1, 0, 0, NULL, 0.2 };
	double maxpct = 2.0;
	int i, nargs = 0, with_held = 0;
	char *args[5];

	setMsgSeverity(L_SEVERITY_NONE);
	if (argc < 2)
		usage();
	if (strcmp(argv[1], "decode") == 0)
		return cmd_decode(argc - 2, argv + 2);
	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--count") == 0 && i + 1 < argc)
			o.count = atoi(argv[++i]);
		else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
			rng_state = strtoull(argv[++i], NULL, 10) * 2654435761u
			    + 88172645463325252ULL;
		else if (strcmp(argv[i], "--clean") == 0 && i + 1 < argc)
			o.clean = atof(argv[++i]);
		else if (strcmp(argv[i], "--skip") == 0 && i + 1 < argc)
			o.skip = atoi(argv[++i]);
		else if (strcmp(argv[i], "--turn") == 0 && i + 1 < argc)
			o.turn = atof(argv[++i]);
		else if (strcmp(argv[i], "--upside") == 0 && i + 1 < argc)
			o.upside = atof(argv[++i]);
		else if (strcmp(argv[i], "--forge") == 0)
			o.forge = 1;
		else if (strcmp(argv[i], "--shuffle") == 0 && i + 1 < argc)
			o.shuffle = atoi(argv[++i]);
		else if (strcmp(argv[i], "--withhold") == 0 && i + 1 < argc)
			o.withhold = atoi(argv[++i]);
		else if (strcmp(argv[i], "--held") == 0 && i + 1 < argc)
			o.held = argv[++i];
		else if (strcmp(argv[i], "--with-held") == 0)
			with_held = 1;
		else if (strcmp(argv[i], "--max-clean-review") == 0 &&
		    i + 1 < argc)
			maxpct = atof(argv[++i]);
		else if (strcmp(argv[i], "--dpi") == 0 && i + 1 < argc) {
			char *p = argv[++i], *t;

			o.ndpis = 0;
			while ((t = strsep(&p, ",")) != NULL && o.ndpis < 3)
				o.dpis[o.ndpis++] = atoi(t);
		} else if (strcmp(argv[i], "--formats") == 0 && i + 1 < argc) {
			char *p = argv[++i], *t;

			o.formats = 0;
			while ((t = strsep(&p, ",")) != NULL)
				o.formats |= strcmp(t, "jpeg") == 0 ? FMT_JPEG :
				    strcmp(t, "png") == 0 ? FMT_PNG :
				    strcmp(t, "tiff") == 0 ? FMT_TIFF :
				    strcmp(t, "pdf") == 0 ? FMT_PDF : 0;
		} else if (strcmp(argv[i], "--shade") == 0 && i + 1 < argc) {
			shade_levels = atof(argv[++i]);
			if (shade_levels < 0 || shade_levels > 100)
				usage();
		} else if (strcmp(argv[i], "--tick-pen") == 0 && i + 1 < argc) {
			if (sscanf(argv[++i], "%lf,%lf", &tick_width,
			    &tick_grey) != 2 || tick_width <= 0 ||
			    tick_grey < 0 || tick_grey > 1)
				usage();
		} else if (strcmp(argv[i], "--messy") == 0 && i + 1 < argc) {
			const char *name = argv[++i];

			for (o.messy = STYLE_LIGHT; o.messy < STYLE_COUNT;
			    o.messy++)
				if (strcmp(style_names[o.messy], name) == 0)
					break;
			if (o.messy == STYLE_COUNT)
				usage();
		} else if (nargs < 5)
			args[nargs++] = argv[i];
		else
			usage();
	}
	if (strcmp(argv[1], "fill") == 0 && nargs == 4 && o.ndpis > 0 &&
	    o.formats != 0 && (o.withhold == 0 || o.held != NULL))
		return cmd_fill(args[0], args[1], args[2], args[3], &o);
	if (strcmp(argv[1], "check") == 0 && nargs == 2)
		return cmd_check(args[0], args[1], maxpct, with_held);
	if (strcmp(argv[1], "codes") == 0 && nargs == 1)
		return cmd_codes(args[0]);
	if (strcmp(argv[1], "blank-pdf") == 0 && nargs == 2)
		return cmd_blank_pdf(atoi(args[0]), args[1]);
	if (strcmp(argv[1], "png-bomb") == 0 && nargs == 4)
		return cmd_png_bomb((uint32_t)strtoul(args[0], NULL, 10),
		    (uint32_t)strtoul(args[1], NULL, 10),
		    (uint32_t)strtoul(args[2], NULL, 10), args[3]);
	usage();
	return 2;
}
