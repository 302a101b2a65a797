/*
 * Printed papers (SPEC section 10): per trainee a question booklet (试题册)
 * and the answer sheet (pdf-sheet.c), on A4 portrait.  The booklet shows
 * the frozen paper in its display order -- the questions and their options
 * exactly as a terminal would -- with the trainee's name, ticket and a QR
 * code (the sheet code with "/p<page>") on every page and "page n / m" of
 * that trainee's booklet.  Question texts in one language (--lang), the
 * instructions in both.
 */
#include "config.h"

#include "pdf-int.h"

#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "core/paper-sitting.h"
#include "core/sheet.h"

#define BK_MARGIN	48.0
#define BK_QR		68.0	/* side of the code, 24 mm */
#define BK_TOP		(BK_MARGIN + BK_QR + 10)
#define BK_BOTTOM	(PDF_A4_LONG - 58.0)
#define BK_NUM_W	24.0	/* "12." */
#define BK_OPT_W	16.0	/* "A." */
#define BK_GAP		11.0	/* between questions */
#define BK_STEM		10.5
#define BK_OPT		10.0

struct bk_doc {
	const struct paper_batch	*b;
	int				 zh;
	char				*err;	/* the first failure */
};

static const char *
bk_pick(const struct ltext *t, int zh)
{
	return zh ? t->zh : t->en;
}

/* The kind of question, said before its stem. */
static const char *
bk_kind(enum qtype t, int zh)
{
	switch (t) {
	case QTYPE_SINGLE:
		return zh ? "【单选题】" : "[Single choice] ";
	case QTYPE_MULTIPLE:
		return zh ? "【多选题，选出所有正确项】" :
		    "[Multiple choice: every correct option] ";
	case QTYPE_TRUEFALSE:
		return zh ? "【判断题，对或错】" : "[True or false] ";
	case QTYPE_ORDERING:
		return zh ? "【排序题，在答题卡上为每个步骤涂它的位置】" :
		    "[Ordering: on the answer sheet, fill each step's place] ";
	}
	return "";
}

/* The label of option k of an item of type t, "A." */
static void
bk_option_label(enum qtype t, size_t k, char buf[8])
{
	(void)t;
	snprintf(buf, 8, "%c.", (int)('A' + k));
}

/* Height of item i (stem, options, gap below). */
static double
bk_item_height(struct pdf *p, const struct paper_item *it, int zh)
{
	double w = p->right - p->left - BK_NUM_W, h;
	char *stem;
	size_t k;

	stem = xasprintf("%s%s", bk_kind(it->type, zh), bk_pick(&it->stem,
	    zh));
	h = pdf_text_height(p, w, BK_STEM, PDF_WRAP, stem) + 3;
	free(stem);
	if (it->type == QTYPE_TRUEFALSE)
		return h + BK_GAP;
	for (k = 0; k < it->noptions; k++)
		h += pdf_text_height(p, w - BK_OPT_W, BK_OPT, PDF_WRAP,
		    bk_pick(&it->options[k].text, zh)) + 2;
	return h + BK_GAP;
}

static void
bk_item_draw(struct pdf *p, size_t i, const struct paper_item *it, int zh)
{
	double x = p->left + BK_NUM_W, w = p->right - x, h;
	char num[16], lab[8], *stem;
	size_t k;

	snprintf(num, sizeof num, "%zu.", i + 1);
	pdf_text(p, p->left, p->y, BK_NUM_W - 4, BK_STEM, PDF_BOLD |
	    PDF_DIGITS, num);
	stem = xasprintf("%s%s", bk_kind(it->type, zh), bk_pick(&it->stem,
	    zh));
	p->y += pdf_text(p, x, p->y, w, BK_STEM, PDF_WRAP, stem) + 3;
	free(stem);
	if (it->type != QTYPE_TRUEFALSE)
		for (k = 0; k < it->noptions; k++) {
			bk_option_label(it->type, k, lab);
			pdf_text(p, x, p->y, BK_OPT_W, BK_OPT, PDF_BOLD, lab);
			h = pdf_text(p, x + BK_OPT_W, p->y, w - BK_OPT_W,
			    BK_OPT, PDF_WRAP, bk_pick(&it->options[k].text,
			    zh));
			p->y += h + 2;
		}
	p->y += BK_GAP;
}

/* The top of booklet page page of n: code, exam, trainee. */
static int
bk_heading(struct pdf *p, const struct bk_doc *d, const struct paper_print *pp,
    int page, int n, char **cause)
{
	const struct attempt *a = pp->a;
	double qx = p->width - BK_MARGIN - BK_QR, tw = qx - BK_MARGIN - 10;
	char *code, *s;
	int rc;

	code = sheet_code_page(pp->code, SHEET_PART_BOOKLET, page);
	rc = pdf_qr(p, qx, BK_MARGIN - 8, BK_QR, code, cause);
	free(code);
	if (rc != 0)
		return -1;
	s = xasprintf("试题册 Question booklet   %s", bk_pick(&a->exam_title,
	    d->zh));
	pdf_text(p, BK_MARGIN, BK_MARGIN - 6, tw, 12, PDF_BOLD, s);
	free(s);
	pdf_fit(p, BK_MARGIN, BK_MARGIN + 12, tw, 16, 11, 5, PDF_BOLD,
	    pp->name);
	s = xasprintf("准考证号 Ticket %s    批次 Cohort %s    第 %d / %d 页 "
	    "Page %d / %d", pp->ticket, d->b->cohort, page, n, page, n);
	pdf_text(p, BK_MARGIN, BK_MARGIN + 30, tw, 9, PDF_DIGITS, s);
	free(s);
	cairo_set_source_rgb(p->cr, 0.25, 0.25, 0.25);
	/* Both languages on every paper, so English by hand, not gettext. */
	s = xasprintf("笔试 %d 分钟 Written test, %d %s.  答案涂在答题卡上，"
	    "试题册上的记号不计分。 Mark your answers on the answer sheet: "
	    "marks in this booklet do not count.", a->minutes, a->minutes,
	    a->minutes == 1 ? "minute" : "minutes");
	pdf_text(p, BK_MARGIN, BK_MARGIN + 45, tw, 7.5, PDF_WRAP | PDF_DIGITS,
	    s);
	free(s);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	pdf_line(p, BK_MARGIN, BK_TOP - 6, p->width - BK_MARGIN, BK_TOP - 6,
	    0.6, 0.3);
	return 0;
}

static void
bk_footer(struct pdf *p, const struct paper_print *pp, int page, int n)
{
	char *s;

	pdf_line(p, BK_MARGIN, BK_BOTTOM + 14, p->width - BK_MARGIN,
	    BK_BOTTOM + 14, 0.4, 0.5);
	cairo_set_source_rgb(p->cr, 0.3, 0.3, 0.3);
	s = xasprintf("%s  %s  ·  试题册 Question booklet  ·  第 %d / %d 页 "
	    "Page %d / %d", pp->ticket, pp->name, page, n, page, n);
	pdf_text(p, BK_MARGIN, BK_BOTTOM + 20, p->width - 2 * BK_MARGIN, 8,
	    PDF_CENTER | PDF_DIGITS, s);
	free(s);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
}

/* Booklet then answer sheet of trainee i. */
static int
bk_trainee(struct pdf *p, struct bk_doc *d, size_t i, char **cause)
{
	const struct paper_print *pp = &d->b->p[i];
	const struct attempt *a = pp->a;
	int *page_of = xcalloc(a->nitems ? a->nitems : 1, sizeof *page_of);
	int npages = 1, page = 0, rc = 0;
	double y = BK_TOP, h;
	size_t k;

	p->left = BK_MARGIN;
	p->right = p->width - BK_MARGIN;
	/* Where each question goes: never split, never over the footer. */
	for (k = 0; k < a->nitems; k++) {
		h = bk_item_height(p, &a->items[k], d->zh);
		if (y + h - BK_GAP > BK_BOTTOM && y > BK_TOP) {
			npages++;
			y = BK_TOP;
		}
		page_of[k] = npages;
		y += h;
	}
	for (k = 0; k <= a->nitems && rc == 0; k++) {
		/* An empty paper still gets its one (empty) page. */
		int want = k < a->nitems ? page_of[k] : page > 0 ? page : 1;

		if (want != page) {
			if (page > 0)
				bk_footer(p, pp, page, npages);
			if (i > 0 || page > 0)
				pdf_page_new(p);
			page = want;
			if (bk_heading(p, d, pp, page, npages, cause) != 0)
				rc = -1;
			p->y = BK_TOP;
		}
		if (k < a->nitems && rc == 0)
			bk_item_draw(p, k, &a->items[k], d->zh);
	}
	if (rc == 0) {
		bk_footer(p, pp, page, npages);
		pdf_page_new(p);
		rc = pdf_sheet_draw(p, d->b, i, d->zh, cause);
	}
	free(page_of);
	return rc;
}

static void
bk_draw(struct pdf *p, const void *arg)
{
	struct bk_doc *d = (struct bk_doc *)arg;
	size_t i;

	for (i = 0; i < d->b->n && d->err == NULL; i++)
		if (bk_trainee(p, d, i, &d->err) != 0 && d->err == NULL)
			d->err = xstrdup("cannot draw the paper");
}

int
pdf_papers_write(const struct paper_batch *b, int zh, FILE *fp, char **cause)
{
	struct bk_doc d;
	char *title;
	int rc;

	if (b->n == 0) {
		*cause = xasprintf(_("no papers to print"));
		return -1;
	}
	memset(&d, 0, sizeof d);
	d.b = b;
	d.zh = zh;
	title = xasprintf("试卷 Papers: %s", b->cohort);
	rc = pdf_render(fp, PDF_A4_SHORT, PDF_A4_LONG, 0, title, bk_draw, &d,
	    cause);
	free(title);
	if (d.err != NULL) {
		free(*cause);
		*cause = d.err;
		return -1;
	}
	return rc;
}
