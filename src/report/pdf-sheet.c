/*
 * The answer sheet (答题卡) of a printed paper, drawn exactly where the
 * core's sheet geometry (core/sheet.h) puts everything, so that the scanner
 * finds it there: the corner marks, the QR code with the sheet code, the
 * trainee, the instructions in both languages, and per question its number
 * and bubbles (letters inside; an ordering question a step x place grid
 * with the place numbers inside).  Black and white only: marks and the
 * code solid black, bubbles thin dark grey outlines that a photocopy
 * keeps, their letters light enough that a filled bubble stands out.
 */
#include "config.h"

#include "pdf-int.h"

#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "core/paper-sitting.h"
#include "core/sheet.h"

/* Millimetres to points. */
#define MM(v)	((v) * 72.0 / 25.4)

static const char sheet_help_zh[] =
    "用黑色或深蓝色笔、2B 铅笔把选中的圆圈完全涂满。单选题、判断题只涂一个；"
    "多选题涂所有正确选项；排序题每行是一个步骤，涂它所在的位置（1 为第一步），"
    "每个位置只涂一个步骤。改答案：在不要的圆圈上画一个大 ×，再涂新的圆圈"
    "（有疑问的答题卡由人工核对）。勿折叠，勿在四角方块和二维码上书写。";
static const char sheet_help_en[] =
    "Fill the chosen circle completely with a dark pen or a 2B pencil. "
    "Single choice and true/false: one circle; multiple choice: every "
    "correct option; ordering: each row is a step, fill the place it goes "
    "to (1 = first), one step per place. To change an answer, cross the "
    "unwanted circle out with a large X and fill the new one (a doubtful "
    "sheet is checked by a person). Do not fold; do not write on the "
    "corner squares or the QR code.";

static void
sheet_grey(struct pdf *p, double g)
{
	cairo_set_source_rgb(p->cr, g, g, g);
}

/* The four corner marks: solid squares, the odd one with a hole. */
static void
sheet_marks(struct pdf *p, const struct sheet *sh)
{
	int k;

	for (k = 0; k < 4; k++) {
		const struct sheet_mark *m = &sh->marks[k];

		sheet_grey(p, 0);
		cairo_rectangle(p->cr, MM(m->x - m->side / 2),
		    MM(m->y - m->side / 2), MM(m->side), MM(m->side));
		cairo_fill(p->cr);
		if (m->hole > 0) {
			sheet_grey(p, 1);
			cairo_rectangle(p->cr, MM(m->x - m->hole / 2),
			    MM(m->y - m->hole / 2), MM(m->hole),
			    MM(m->hole));
			cairo_fill(p->cr);
		}
	}
	sheet_grey(p, 0);
}

/* Text of size pt centred (both ways) on (x, y) mm. */
static void
sheet_label(struct pdf *p, double x, double y, double size, int style,
    const char *text)
{
	double w, h;

	pdf_measure(p, size, style, text, &w, &h);
	pdf_text(p, MM(x) - w / 2, MM(y) - h / 2, 0, size, style, text);
}

/* The text inside bubble b of an item of type t. */
static void
sheet_bubble_text(const struct sheet_bubble *b, enum qtype t, int zh,
    char buf[16])
{
	if (t == QTYPE_TRUEFALSE)
		strcpy(buf, b->col == 0 ? (zh ? "对" : "T") :
		    (zh ? "错" : "F"));
	else if (t == QTYPE_ORDERING)
		snprintf(buf, 16, "%d", b->col + 1);
	else
		snprintf(buf, 16, "%c", 'A' + b->col);
}

double
pdf_fit(struct pdf *p, double x, double y, double w, double h, double max,
    double min, int style, const char *text)
{
	double size, tw, th;

	/* One line if it fits, at the largest size. */
	for (size = max; size >= min; size -= 0.5) {
		pdf_measure(p, size, style, text, &tw, &th);
		if (tw <= w && th <= h) {
			pdf_text(p, x, y, w, size, style, text);
			return size;
		}
	}
	/* Else wrapped, at the largest size whose lines fit the box. */
	for (size = max; size > min; size -= 0.5)
		if (pdf_text_height(p, w, size, style | PDF_WRAP, text) <= h)
			break;
	pdf_text(p, x, y, w, size, style | PDF_WRAP, text);
	return size;
}

/* The heading: title, trainee, instructions, code. */
static int
sheet_heading(struct pdf *p, const struct sheet *sh,
    const struct paper_batch *b, const struct paper_print *pp, int page,
    char **cause)
{
	const struct attempt *a = pp->a;
	double size, y;
	char *s, *code;
	int rc;

	code = sheet_code_page(pp->code, SHEET_PART_ANSWERS, page);
	rc = pdf_qr(p, MM(sh->qr.x), MM(sh->qr.y), MM(sh->qr.w), code,
	    cause);
	free(code);
	if (rc != 0)
		return -1;
	sheet_grey(p, 0);
	s = sh->npages > 1 ? xasprintf("答题卡 Answer sheet  %d / %d   %s",
	    page, sh->npages, a->exam_title.zh) :
	    xasprintf("答题卡 Answer sheet   %s", a->exam_title.zh);
	pdf_text(p, MM(sh->title.x), MM(sh->title.y), MM(sh->title.w), 12,
	    PDF_BOLD, s);
	free(s);
	/* The name is never cut: set smaller, then wrapped, when long. */
	y = MM(sh->who.y);
	pdf_fit(p, MM(sh->who.x), y, MM(sh->who.w) * 0.5, MM(sh->who.h), 14,
	    4.5, PDF_BOLD, pp->name);
	s = xasprintf("准考证号 Ticket  %s\n批次 Cohort  %s  %s", pp->ticket,
	    b->cohort, b->cohort_name);
	pdf_text(p, MM(sh->who.x) + MM(sh->who.w) * 0.52, y,
	    MM(sh->who.w) * 0.48, 8, PDF_DIGITS, s);
	free(s);
	/* Both languages, the largest size that fits the box. */
	s = xasprintf("%s\n%s", sheet_help_zh, sheet_help_en);
	for (size = 8; size > 5; size -= 0.25)
		if (pdf_text_height(p, MM(sh->help.w), size, PDF_WRAP, s) <=
		    MM(sh->help.h))
			break;
	sheet_grey(p, 0.1);
	pdf_text(p, MM(sh->help.x), MM(sh->help.y), MM(sh->help.w), size,
	    PDF_WRAP, s);
	free(s);
	sheet_grey(p, 0);
	return 0;
}

/* The questions of page page (0-based) of the sheet. */
static void
sheet_items(struct pdf *p, const struct sheet *sh, const struct attempt *a,
    int page, int zh)
{
	size_t i;
	int k, n;
	char buf[16], num[32];

	for (i = 0; i < sh->nitems; i++) {
		const struct sheet_item *si = &sh->items[i];

		if (si->page != page)
			continue;
		snprintf(num, sizeof num, "%zu", i + 1);
		sheet_grey(p, 0);
		{
			double w, h;

			pdf_measure(p, 9, PDF_BOLD | PDF_DIGITS, num, &w, &h);
			pdf_text(p, MM(si->num_x) - w - MM(0.6),
			    MM(si->num_y) - h / 2, 0, 9,
			    PDF_BOLD | PDF_DIGITS, num);
		}
		if (si->type == QTYPE_ORDERING) {
			/* A light frame tells the grid from its neighbours. */
			cairo_set_line_width(p->cr, MM(0.15));
			sheet_grey(p, 0.55);
			cairo_rectangle(p->cr, MM(si->box.x + 0.5),
			    MM(si->box.y + 0.4), MM(si->box.w - 1.0),
			    MM(si->box.h - 0.8));
			cairo_stroke(p->cr);
			for (k = 0; k < si->rows; k++) {
				snprintf(buf, sizeof buf, "%c", 'A' + k);
				sheet_grey(p, 0);
				sheet_label(p, si->step_x,
				    sh->bubbles[si->first +
				    (size_t)(k * si->cols)].y, 8, PDF_BOLD,
				    buf);
			}
		}
		n = si->rows * si->cols;
		for (k = 0; k < n; k++) {
			const struct sheet_bubble *bb =
			    &sh->bubbles[si->first + (size_t)k];

			cairo_new_path(p->cr);
			cairo_arc(p->cr, MM(bb->x), MM(bb->y), MM(bb->r), 0,
			    2 * 3.14159265358979323846);
			cairo_set_line_width(p->cr, MM(0.25));
			sheet_grey(p, 0.2);
			cairo_stroke(p->cr);
			sheet_bubble_text(bb, si->type, zh, buf);
			sheet_grey(p, 0.5);
			sheet_label(p, bb->x, bb->y, si->type ==
			    QTYPE_TRUEFALSE && zh ? 6.5 : 7, 0, buf);
		}
	}
	(void)a;
	sheet_grey(p, 0);
}

int
pdf_sheet_draw(struct pdf *p, const struct paper_batch *b, size_t i, int zh,
    char **cause)
{
	const struct paper_print *pp = &b->p[i];
	struct sheet *sh = NULL;
	char *s;
	int page;

	if (sheet_layout(pp->a->items, pp->a->nitems, &sh, cause) != 0)
		return -1;
	for (page = 0; page < sh->npages; page++) {
		if (page > 0)
			pdf_page_new(p);
		sheet_marks(p, sh);
		if (sheet_heading(p, sh, b, pp, page + 1, cause) != 0) {
			sheet_free(&sh);
			return -1;
		}
		sheet_items(p, sh, pp->a, page, zh);
		sheet_grey(p, 0.3);
		s = xasprintf("%s  %s  ·  答题卡 Answer sheet %d / %d  ·  "
		    "请勿折叠 Do not fold", pp->ticket, pp->name, page + 1,
		    sh->npages);
		pdf_text(p, MM(20), MM(sh->footer_y) - 5, MM(SHEET_W - 40),
		    7.5, PDF_CENTER | PDF_DIGITS, s);
		free(s);
		sheet_grey(p, 0);
	}
	sheet_free(&sh);
	return 0;
}
