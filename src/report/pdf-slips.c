/*
 * Exam slips (考试通知单) as a PDF: six to an A4 portrait page, two
 * columns of three, with dashed lines to cut along.  Each slip carries the
 * exam and cohort, the trainee's name and community, the ticket number and
 * the one-time PIN in large tabular figures, and how to log in, in Chinese
 * and English whatever the locale (the trainee chooses the language only
 * at the terminal), and, for sittings on a phone, the address of the
 * browser sitting with its QR code.  The PINs exist in clear only while the roster is
 * imported or a PIN reset, so this is written then, before the commit.
 */
#include "config.h"

#include "pdf-int.h"

#include <stdlib.h>

#include "core/core.h"

#define SLIP_COLS	2
#define SLIP_ROWS	3
#define SLIP_MARGIN	28.0	/* around the grid */
#define SLIP_PAD	12.0	/* inside each slip */

struct slip_doc {
	const struct cohort_slip	*h;
	const struct table		*t;	/* ticket,name,community,pin */
	const char			*url;	/* firstline serve, or NULL */
	char				*footer;
	int				 failed;	/* a QR code could not be made */
	char				*cause;
};

static void
slip_grey(struct pdf *p)
{
	cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
}

static void
slip_black(struct pdf *p)
{
	cairo_set_source_rgb(p->cr, 0, 0, 0);
}

/* A label over a large number, in a box at x, y of width w, height h. */
static void
slip_number(struct pdf *p, double x, double y, double w, double h,
    const char *label, const char *value)
{
	cairo_set_source_rgb(p->cr, 0.6, 0.6, 0.6);
	cairo_set_line_width(p->cr, 0.6);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_stroke(p->cr);
	slip_grey(p);
	pdf_text(p, x + 6, y + 4, w - 12, 7.5, 0, label);
	slip_black(p);
	pdf_text(p, x + 6, y + 16, w - 12, 21, PDF_BOLD | PDF_DIGITS |
	    PDF_CENTER, value);
}

/* Slip of row r of the table, with its top left corner at (x, y). */
static void
slip_draw_one(struct pdf *p, const struct slip_doc *d, size_t r, double x,
    double y, double w, double h)
{
	const struct cohort_slip *hd = d->h;
	const struct table *t = d->t;
	double ix = x + SLIP_PAD, iw = w - 2 * SLIP_PAD, cy = y + SLIP_PAD;
	double bw = (iw - 8) / 2, nw, size, qr = 0, tw, qy;
	char *s;

	pdf_text(p, ix, cy, iw * 0.62, 11, PDF_BOLD, "考试通知单  Exam slip");
	slip_grey(p);
	pdf_text(p, ix + iw * 0.62, cy + 2, iw * 0.38, 7.5,
	    PDF_RIGHT | PDF_DIGITS, table_cell(t, r, 0));
	cy += 16;
	pdf_text(p, ix, cy, iw, 8.5, 0, hd->title_zh);
	cy += pdf_line_height(p, 8.5);
	pdf_text(p, ix, cy, iw, 7.5, 0, hd->title_en);
	cy += pdf_line_height(p, 7.5);
	s = xasprintf("批次 Cohort  %s  %s", hd->cohort, hd->name);
	pdf_text(p, ix, cy, iw, 7.5, 0, s);
	free(s);
	cy += pdf_line_height(p, 7.5) + 4;
	/* A name is never cut: a long one is set smaller, wrapped. */
	slip_black(p);
	pdf_measure(p, 17, PDF_BOLD, table_cell(t, r, 1), &nw, NULL);
	size = nw <= iw ? 17 : 12;
	cy += pdf_text(p, ix, cy, iw, size, PDF_BOLD | PDF_WRAP,
	    table_cell(t, r, 1));
	slip_grey(p);
	cy += pdf_text(p, ix, cy, iw, 9, PDF_WRAP, table_cell(t, r, 2)) + 6;
	slip_number(p, ix, cy, bw, 48, "准考证号  Ticket number", table_cell(t, r, 0));
	slip_number(p, ix + bw + 8, cy, bw, 48, "密码  PIN", table_cell(t, r, 3));
	cy += 56;
	if (d->url != NULL) {
		/* The QR code right of the instructions (its white quiet
		 * zone overlaps nothing printed). */
		qr = 74;
		if (!d->failed && pdf_qr(p, ix + iw - qr + 4, cy - 6, qr,
		    d->url, &((struct slip_doc *)d)->cause) != 0)
			((struct slip_doc *)d)->failed = 1;
	}
	tw = iw - (qr > 0 ? qr - 2 : 0);
	qy = cy - 6 + qr - 7;	/* the bottom of the code, but its margin */
	slip_grey(p);
	if (d->url != NULL)
		s = xasprintf("笔试 %d 分钟。在考试终端或用手机扫码，选择语言，"
		    "输入准考证号和密码。密码只打印这一次，请勿告诉他人。",
		    hd->minutes);
	else
		s = xasprintf("笔试 %d 分钟。在考试终端选择语言，输入准考证号和"
		    "密码。密码只打印这一次，请勿告诉他人。", hd->minutes);
	cy += pdf_text(p, ix, cy, tw, 8, PDF_WRAP, s);
	free(s);
	if (d->url != NULL)
		s = xasprintf("Written test: %d %s.  At the terminal or "
		    "on a phone (scan the code), choose your language, type the "
		    "ticket number and PIN.  The PIN is printed once: keep it "
		    "to yourself.", hd->minutes,
		    hd->minutes == 1 ? "minute" : "minutes");
	else
		s = xasprintf("Written test: %d %s.  At the exam terminal "
		    "choose your language, then type the ticket number and the "
		    "PIN.  The PIN is printed only once: keep it to yourself.",
		    hd->minutes, hd->minutes == 1 ? "minute" : "minutes");
	cy += pdf_text(p, ix, cy + 1, tw, d->url != NULL ? 7 : 7.5, PDF_WRAP,
	    s) + 2;
	free(s);
	if (d->url != NULL) {
		slip_black(p);
		s = xasprintf("手机 Phone: %s", d->url);
		pdf_text(p, ix, cy > qy ? cy : qy, iw, 7, 0, s);
		free(s);
	}
	slip_black(p);
	(void)h;
}

/* The dashed lines to cut along, around and between the slips on a page. */
static void
slip_cut_lines(struct pdf *p, size_t n, double w, double h)
{
	static const double dash[] = { 4, 3 };
	size_t i;

	cairo_save(p->cr);
	cairo_set_source_rgb(p->cr, 0.55, 0.55, 0.55);
	cairo_set_line_width(p->cr, 0.5);
	cairo_set_dash(p->cr, dash, 2, 0);
	for (i = 0; i < n; i++) {
		double x = SLIP_MARGIN + (double)(i % SLIP_COLS) * w;
		double y = SLIP_MARGIN + (double)(i / SLIP_COLS) * h;

		cairo_rectangle(p->cr, x, y, w, h);
	}
	cairo_stroke(p->cr);
	cairo_restore(p->cr);
}

static void
slip_draw(struct pdf *p, const void *arg)
{
	const struct slip_doc *d = arg;
	size_t per = SLIP_COLS * SLIP_ROWS, n = d->t->nrows - 1, i, k;
	double w = (p->width - 2 * SLIP_MARGIN) / SLIP_COLS;
	double h = (p->height - 50 - SLIP_MARGIN) / SLIP_ROWS;

	p->footer = d->footer;
	for (i = 0; i < n; i++) {
		k = i % per;
		if (k == 0 && i > 0)
			pdf_page_new(p);
		if (k == 0)
			slip_cut_lines(p, n - i < per ? n - i : per, w, h);
		slip_draw_one(p, d, i + 1,
		    SLIP_MARGIN + (double)(k % SLIP_COLS) * w,
		    SLIP_MARGIN + (double)(k / SLIP_COLS) * h, w, h);
	}
}

int
pdf_slips_write(const struct cohort_slip *h, const struct table *t,
    const char *url, FILE *fp, char **cause)
{
	struct slip_doc d;
	char *title;
	int rc;

	if (t->ncols != 4 || t->nrows < 2) {
		*cause = xasprintf(_("no trainees to print exam slips for"));
		return -1;
	}
	d.h = h;
	d.t = t;
	d.url = url;
	d.failed = 0;
	d.cause = NULL;
	d.footer = xasprintf("firstline: %s %s, 考试通知单 exam slips; "
	    "沿虚线剪开 cut along the dashed lines", h->cohort, h->name);
	title = xasprintf("考试通知单 Exam slips: %s", h->cohort);
	rc = pdf_render(fp, PDF_A4_SHORT, PDF_A4_LONG, 1, title, slip_draw,
	    &d, cause);
	free(title);
	free(d.footer);
	if (d.failed && rc >= 0) {
		free(*cause);
		*cause = d.cause;
		return -1;
	}
	free(d.cause);
	return rc;
}
