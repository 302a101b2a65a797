/*
 * Inside the PDF presenters: the document being drawn (cairo surface and
 * context, one pango context, the cursor, page numbering) and the helpers
 * the documents share in pdf.c: pages with a running header and a footer
 * "page N / M", text set in the CJK font, rules, tables that repeat their
 * header on every page.  Only src/report/pdf*.c include this file.
 *
 * Units are PDF points (1/72 inch); y grows downwards from the top of the
 * page.  A document with page numbers is drawn twice by pdf_render: once
 * into nothing to count its pages, then into the file.
 */
#ifndef FIRSTLINE_REPORT_PDF_INT_H
#define FIRSTLINE_REPORT_PDF_INT_H

#include <stdio.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "core/table.h"
#include "pdf.h"

/* Paper sizes in points (ISO 216). */
#define PDF_A4_SHORT	595.28
#define PDF_A4_LONG	841.89

/* Text styles for pdf_text (bits). */
#define PDF_BOLD	0x01
#define PDF_RIGHT	0x02
#define PDF_CENTER	0x04
#define PDF_WRAP	0x08	/* wrap at the box width, else one line, cut… */
#define PDF_SERIF	0x10	/* Noto Serif CJK SC (certificate headings) */
#define PDF_DIGITS	0x20	/* tabular figures, so numbers line up */

struct pdf {
	cairo_surface_t		*surface;
	cairo_t			*cr;
	PangoContext		*ctx;
	double			 width, height;	/* the page */
	double			 left, right;	/* the text area */
	double			 top, bottom;
	double			 y;		/* the cursor */
	int			 page;		/* 1-based; 0 before the first */
	int			 pages;		/* total; 0 while counting */
	int			 numbered;	/* footer with page N / M */
	const char		*footer;	/* left of the footer, or NULL */
	const char		*running;	/* heading of pages after the first */
	int			 unknown;	/* characters without a glyph */
};

/* What a document draws: every page, from pdf_page_new on. */
typedef void (*pdf_draw_fn)(struct pdf *, const void *);

/*
 * Draw a document of width x height points into fp: set up p, call draw
 * (twice when numbered, to learn the page count first), finish the last
 * page, check cairo and fp.  title goes into the PDF's metadata.  Returns
 * as the writers in pdf.h do.
 */
int pdf_render(FILE *fp, double width, double height, int numbered,
    const char *title, pdf_draw_fn draw, const void *arg, char **cause);

/* End the current page (footer) if any and start the next at p->top. */
void pdf_page_new(struct pdf *p);
/* Start a new page unless h more points fit below the cursor. */
void pdf_need(struct pdf *p, double h);

/*
 * Set text at (x, y) (top left of its box), size in points, style bits,
 * in the current colour.  w is the box width: the line is cut with "…"
 * past it (or wrapped with PDF_WRAP; 0 means no limit); PDF_RIGHT and
 * PDF_CENTER align inside it.  Returns the height of the text.
 */
double pdf_text(struct pdf *p, double x, double y, double w, double size,
    int style, const char *text);
/* Width and height text would take on one line. */
void pdf_measure(struct pdf *p, double size, int style, const char *text,
    double *w, double *h);
/* The height text takes in a box of width w (style as pdf_text). */
double pdf_text_height(struct pdf *p, double w, double size, int style,
    const char *text);
/* The height of one line of text of size (the font's line spacing). */
double pdf_line_height(struct pdf *p, double size);

/* A line from (x0, y0) to (x1, y1), width lw, grey level (0 black). */
void pdf_line(struct pdf *p, double x0, double y0, double x1, double y1,
    double lw, double grey);
/* A filled rectangle in grey level g. */
void pdf_fill(struct pdf *p, double x, double y, double w, double h,
    double grey);

/* A column of pdf_table. */
struct pdf_col {
	const char	*label;		/* already translated */
	int		 style;		/* PDF_RIGHT for numbers */
	int		 translate;	/* show _(cell) (status words) */
	int		 wrap;		/* may wrap to fit (names) */
	double		 width;		/* set by pdf_table */
};

/*
 * Draw the rows of t (row 0, t's own header, is not drawn: cols gives the
 * labels) from the cursor down, at size points, starting a new page with
 * the header repeated whenever a row does not fit.  Column widths fit the
 * widest cell; when the table is too wide, the widest of the columns that
 * may wrap give up what is missing, and their cells wrap onto more lines
 * (nothing of a name is ever cut).
 */
void pdf_table(struct pdf *p, const struct table *t, struct pdf_col *cols,
    double size);

/*
 * Fit n columns of natural widths nat into avail, in out.  When they fit,
 * every column gets an equal share of the rest.  When not, the flexible
 * ones (weight[i] > 0) share what the others leave in proportion to their
 * weights (not below min each), a column needing less than its share
 * keeping its natural width; if that is not enough, everything shrinks in
 * proportion.  Pure arithmetic.
 */
void pdf_fit_widths(const double *nat, const double *weight, size_t n,
    double avail, double min, double *out);

/*
 * The QR code of text in a white square of side size (quiet zone
 * included) at (x, y).  0, or -1 with *cause.
 */
int pdf_qr(struct pdf *p, double x, double y, double size, const char *text,
    char **cause);

/*
 * The answer sheet page(s) of paper i of b (pdf-sheet.c), from the current
 * page on; zh: true/false bubbles say 对/错, else T/F.  0, or -1 and *cause.
 */
struct paper_batch;
/*
 * Set text in the box (x, y, w, h) at the largest size from max down to
 * min on one line, else wrapped to fit the box (at min it may overflow);
 * returns the size used.  Nothing of the text is cut (names).
 */
double pdf_fit(struct pdf *p, double x, double y, double w, double h,
    double max, double min, int style, const char *text);
int pdf_sheet_draw(struct pdf *p, const struct paper_batch *b, size_t i,
    int zh, char **cause);

/* A UTC stamp "YYYY-MM-DDTHH:MM:SSZ" as a local date (and time). */
void pdf_local_date(const char *utc, int with_time, char buf[32]);
/* Now, local, "YYYY-MM-DD HH:MM". */
void pdf_now(char buf[32]);

#endif
