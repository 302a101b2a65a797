/*
 * Reading scanned answer sheets: the image side of `firstline paper scan`.
 *
 * This library (libscan.a) is the only place that knows Leptonica (image
 * input, scaling, connected components, PNG output), ZBar (the QR code)
 * and poppler-glib with cairo (rendering a scanner's PDF); it is linked
 * into firstline-scan alone.  Arrows point down: it uses the core (the
 * sheet geometry of sheet.h, and in scan-run.h the paper core and the
 * review queue); the core never includes it.  Its interface is plain C:
 * images are opaque (struct scan_image), positions come from struct sheet
 * in millimetres, and what was read comes back as plain numbers.
 *
 * By hand, and pure (unit-tested without images): the registration maths
 * (scan-affine.c: an affine map fitted to the four corner marks) and the
 * fill decision (scan_baseline, scan_decide: filled / empty / doubtful per
 * bubble, against the sheet's own empty bubbles).  Everything else is the
 * libraries'.
 *
 * Hostile input is refused before anything big is decoded: file size,
 * page count, declared pixel size and page size are checked from the
 * headers first (limits below); PNG data is inflated and counted before
 * libpng sees it; decoders that meet damaged data fail.
 */
#ifndef FIRSTLINE_SCAN_H
#define FIRSTLINE_SCAN_H

#include <stddef.h>

/* Limits on what is decoded at all. */
#define SCAN_MAX_FILE_BYTES	(256L * 1024 * 1024)
#define SCAN_MAX_PAGES		500	/* pages of one PDF or TIFF */
#define SCAN_MAX_SIDE		10000	/* pixels, either side */
#define SCAN_MAX_PIXELS		(64L * 1000 * 1000)	/* legal at 600 dpi: 43 M */
#define SCAN_MIN_SIDE		400	/* below ~50 dpi there is nothing to read */
#define SCAN_MAX_PAGE_MM	450	/* a PDF page larger than A3 is not a sheet */
#define SCAN_MIN_PAGE_MM	100

/* ------------------------------------------------------------ input */

/* An input file: a PDF, PNG, JPEG or TIFF, opened and checked. */
struct scan_source;
/* One page as a grey image (8 bits, 0 black .. 255 white). */
struct scan_image;

/*
 * Open path: read it (at most SCAN_MAX_FILE_BYTES), tell its kind from its
 * first bytes and count its pages (a PDF or a multi-page TIFF; at most
 * SCAN_MAX_PAGES).  Nothing is decoded yet.  0 and *out (scan_source_free),
 * or -1 and *cause (without the file name: the caller says which file).
 */
int scan_source_open(const char *path, struct scan_source **out,
    char **cause);
void scan_source_free(struct scan_source **src);
int scan_source_pages(const struct scan_source *src);
/* "PDF", "PNG", "JPEG" or "TIFF". */
const char *scan_source_kind(const struct scan_source *src);

/*
 * Decode page (0-based) as a grey image.  The declared size is checked
 * against the limits before decoding; a PDF page is rendered at a
 * resolution chosen from its size (about 200 dpi for A4).  0 and *out
 * (scan_image_free), or -1 and *cause (without the file name: the caller
 * says which file and page).
 */
int scan_source_page(struct scan_source *src, int page,
    struct scan_image **out, char **cause);
void scan_image_free(struct scan_image **img);
void scan_image_size(const struct scan_image *img, int *w, int *h);

/* Silence the libraries' own messages (once, before any other call). */
void scan_init(void);

/* ------------------------------------------------------------ reading */

struct sheet;

/* An affine map from page millimetres to pixels. */
struct scan_affine {
	double	 a, b, c;	/* px = a*x + b*y + c */
	double	 d, e, f;	/* py = d*x + e*y + f */
};

struct scan_registration {
	struct scan_affine	 map;		/* sheet mm -> working px */
	double			 residual_mm;	/* worst corner mark misfit */
	int			 turn;		/* quarter turns found: 0, 2 = upside down */
	double			 paper, ink;	/* grey levels measured */
};

/*
 * Register img against the sheet: find the four corner marks, tell which
 * way up the page lies from the odd (bottom-right) mark, fit the map.
 * Only the marks of sh are used (the same on every sheet: a layout of no
 * items will do).  0 and *reg, or -1 and *cause.
 */
int scan_register(const struct scan_image *img, const struct sheet *sh,
    struct scan_registration *reg, char **cause);

/*
 * Find and decode the sheet's QR code: in its box of sh when the page is
 * registered (reg), else anywhere on the page (reg NULL).  0 and *text
 * (to free), or -1 and *cause.
 */
int scan_qr_read(const struct scan_image *img, const struct sheet *sh,
    const struct scan_registration *reg, char **text, char **cause);

/* What the reader measured in one bubble. */
struct scan_measure {
	double	 fill;		/* ink inside, 0 (paper) .. 1 (solid ink) */
	double	 ring;		/* most ink in a patch just outside, same scale */
};

/*
 * Measure the bubbles of sheet page `page' (0-based) on the registered
 * img: m[i] for each sh->bubbles[i] on that page (others untouched).
 */
void scan_measure_bubbles(const struct scan_image *img, const struct sheet *sh,
    int page, const struct scan_registration *reg, struct scan_measure *m);

/*
 * How well the printed outlines of the page's bubbles are where the
 * registration puts them: the mean ink along the outline of each bubble
 * that m (its measures) says is not filled, at the best of three radii;
 * 0 (paper: the map is wrong) .. 1, and 1 when every bubble is filled.
 * A registered sheet scores well above SCAN_OUTLINE_MIN; a map half a
 * millimetre off, below it.
 */
#define SCAN_OUTLINE_MIN	0.30
double scan_outline_score(const struct scan_image *img,
    const struct sheet *sh, int page, const struct scan_registration *reg,
    const struct scan_measure *m);

/*
 * Write the registered page (upright, as printed, at dpi) as a PNG to
 * path, with a box drawn around each item in doubt (doubt[item] non-zero;
 * NULL for none); with reg NULL, the page as scanned (sh and page
 * unused).  The file is created with mode 0600 and must not exist.
 * 0, or -1 and *cause.
 */
int scan_write_png(const struct scan_image *img, const struct sheet *sh,
    int page, const struct scan_registration *reg,
    const unsigned char *doubt, int dpi, const char *path, char **cause);

/* ------------------------------------------------------------ pure maths */

/*
 * Fit the affine map taking the n page points (x, y) to the image points
 * (u, v) in the least-squares sense (n >= 3).  0 and *m with the largest
 * residual in *worst (image units), or -1 when the points are degenerate.
 */
int scan_affine_fit(const double *x, const double *y, const double *u,
    const double *v, int n, struct scan_affine *m, double *worst);
void scan_affine_apply(const struct scan_affine *m, double x, double y,
    double *u, double *v);
/* The inverse map; -1 when m is singular. */
int scan_affine_invert(const struct scan_affine *m, struct scan_affine *inv);
/* Image units per millimetre. */
double scan_affine_scale(const struct scan_affine *m);

/* ------------------------------------------------------------ the decision */

/*
 * Thresholds, on the scale of scan_measure, after the sheet's own empty
 * level is taken off.  Between EMPTY_MAX and FILLED_MIN a bubble is
 * doubtful: a faint mark, a tick, an erasure, a smudge.  A filled bubble
 * with ink across the paper just outside it (a cross drawn over it) is
 * doubtful too.
 */
#define SCAN_FILLED_MIN	0.45
/*
 * Measured on generated sheets (tests/scan/gen-sheets; 150-300 dpi, JPEG
 * down to quality 55): the empty bubbles of clean sheets read -0.016 to
 * 0.035 (their printed letters differ: "B" is the darkest), over 30,000 of
 * them; a tick of a 0.3-0.5 mm pen, grey 0-0.32, reads 0.105 to 0.29, and
 * the thinnest and lightest of them 0.105 to 0.151 at 150 dpi.  0.12 read
 * one tick in five of those as nothing and sure of it: the option lost
 * even when the sheet went to review for other questions.  A thinner,
 * lighter tick (0.25 mm, grey 0.4) reads 0.073 to 0.119; at 0.05 every
 * such tick is in doubt, and no empty bubble of a clean sheet is.
 */
#define SCAN_EMPTY_MAX	0.05
/*
 * Measured on generated sheets (tests/scan/gen-sheets, 150-300 dpi, JPEG
 * down to quality 55): a clean fill leaves at most 0.04 in the patches
 * beside it; a thin light cross (0.35 mm, grey 0.3) through a patch leaves
 * 0.16 to 0.25 there, which 0.25 let through as a plain fill: a crossed-out
 * option of a multiple choice stored as chosen.
 */
#define SCAN_RING_MAX	0.10

enum scan_state {
	SCAN_EMPTY,
	SCAN_FILLED,
	SCAN_FAINT,		/* between empty and filled */
	SCAN_CROSSED,		/* filled, with ink across its outside */
};

/*
 * The sheet's own empty levels: a low quantile of the fills and rings of
 * the n measures (most bubbles of any sheet are empty).
 */
void scan_baseline(const struct scan_measure *m, size_t n, double *fill,
    double *ring);

/* The fill decision for one bubble, against the sheet's empty levels. */
enum scan_state scan_decide(const struct scan_measure *m, double base_fill,
    double base_ring);

#endif
