/*
 * The cohort report as a PDF (SPEC section 7) on A4 portrait: a title
 * block (cohort, exam, dates, certification, site), every trainee's
 * components, total and class in a table whose header repeats on each
 * page, the two rates with their counts and the verdict, the mean written
 * score per module, the distribution of totals as a bar chart, and
 * signature lines for the instructor and the organizer.
 *
 * The signature lines follow the verdict they sign and are kept on its
 * page: when the rates, the verdict and the signatures do not fit in what
 * is left of a page, all of them start the next.  A module title wraps in
 * its cell, whole, and its row is never split across pages.
 */
#include "config.h"

#include "pdf-int.h"

#include <stdlib.h>
#include <string.h>

#include "core/core.h"

/* Status words shown translated in the table (marked for xgettext). */
static const char *const cohort_words[] __attribute__((unused)) = {
	N_("excellent"), N_("pass"), N_("fail"), N_("absent"),
	N_("withdrawn"), N_("yes"), N_("no"), N_("staff"), N_("property"),
	N_("veteran"), N_("volunteer"), N_("other"),
};

/*
 * How the written result arrived, as a short word for the narrow column:
 * the CSV's keywords (results_table) are longer than the page allows.
 */
static const char *
cohort_mode_word(const char *mode)
{
	static const char *const words[][2] = {
		{ "terminal", N_("terminal") }, { "browser", N_("browser") },
		{ "paper-scan", N_("scanned") }, { "paper-keyed", N_("keyed") },
		{ "external", N_("external") },
	};
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(mode, words[i][0]) == 0)
			return _(words[i][1]);
	return mode;
}

struct cohort_doc {
	const struct cohort_result	*r;
	char				*footer;
	char				*running;
	char				 printed[32];
};

#define SIZE_BODY	9.5
#define SIZE_TABLE	8.5
#define SIZE_HEADING	11.5

static void
cohort_heading(struct pdf *p, const char *text, double need)
{
	pdf_need(p, need);
	p->y += 14;
	p->y += pdf_text(p, p->left, p->y, 0, SIZE_HEADING, PDF_BOLD, text);
	p->y += 4;
}

/* "label   value" on one line of the title block, at x, width w. */
static double
cohort_field(struct pdf *p, double x, double y, double w, const char *label,
    const char *value)
{
	double lw = 78, h;

	cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
	pdf_text(p, x, y, lw - 4, SIZE_BODY, 0, label);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	h = pdf_text(p, x + lw, y, w - lw, SIZE_BODY, PDF_WRAP, value);
	return h;
}

static void
cohort_title(struct pdf *p, const struct cohort_doc *d)
{
	const struct cohort_result *r = d->r;
	double half = (p->right - p->left) / 2, y, h1, h2, sw, sh;
	const char *stamp;
	char date[32], *s;

	cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
	pdf_text(p, p->left, p->y, half, 8.5, 0,
	    _("Community first responder training"));
	s = xasprintf(_("printed %s"), d->printed);
	pdf_text(p, p->left + half, p->y, half, 8.5, PDF_RIGHT, s);
	free(s);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	p->y += 14;

	/* The title, and a stamp saying whether the record is final. */
	stamp = r->sealed_at != NULL ? _("CERTIFIED") : _("NOT CERTIFIED");
	pdf_measure(p, 10, PDF_BOLD, stamp, &sw, &sh);
	s = xasprintf(_("Cohort results: %s"), r->name);
	p->y += pdf_text(p, p->left, p->y, p->right - p->left - sw - 30, 17,
	    PDF_BOLD | PDF_WRAP, s);
	free(s);
	if (r->sealed_at != NULL)
		cairo_set_source_rgb(p->cr, 0.05, 0.4, 0.15);
	else
		cairo_set_source_rgb(p->cr, 0.7, 0.1, 0.1);
	cairo_set_line_width(p->cr, 1.2);
	cairo_rectangle(p->cr, p->right - sw - 14, p->top + 14, sw + 14,
	    sh + 6);
	cairo_stroke(p->cr);
	pdf_text(p, p->right - sw - 7, p->top + 17, 0, 10, PDF_BOLD, stamp);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	p->y += 4;
	pdf_line(p, p->left, p->y, p->right, p->y, 1.2, 0);
	p->y += 8;

	y = p->y;
	s = xasprintf("%s  %s", r->cohort, r->name);
	h1 = cohort_field(p, p->left, y, half - 10, _("Cohort"), s);
	free(s);
	s = xasprintf("%s (%s)", r->exam_title, r->exam);
	h2 = cohort_field(p, p->left + half, y, half, _("Exam"), s);
	free(s);
	y += (h1 > h2 ? h1 : h2) + 3;
	pdf_local_date(r->created, 1, date);
	h1 = cohort_field(p, p->left, y, half - 10, _("Created"), date);
	if (r->sealed_at != NULL) {
		pdf_local_date(r->sealed_at, 1, date);
		s = xasprintf(_("%s by %s"), date, r->sealed_by);
	} else
		s = xstrdup(_("not certified"));
	h2 = cohort_field(p, p->left + half, y, half, _("Certified"), s);
	free(s);
	y += (h1 > h2 ? h1 : h2) + 3;
	s = xasprintf(_("pass: every component >= %d%% (written %d, "
	    "practical %d, simulation %d), no critical item missed; "
	    "excellent: weighted total (%d/%d/%d) >= %d, no retake; "
	    "cohort: pass rate >= %d%%, excellence rate >= %d%%"),
	    r->pass_marks[COMP_WRITTEN], r->pass_marks[COMP_WRITTEN],
	    r->pass_marks[COMP_PRACTICAL], r->pass_marks[COMP_SIMULATION],
	    r->weights[COMP_WRITTEN], r->weights[COMP_PRACTICAL],
	    r->weights[COMP_SIMULATION], r->excellent, r->rule_pass,
	    r->rule_excellent);
	y += cohort_field(p, p->left, y, p->right - p->left, _("Rules"), s) +
	    3;
	free(s);
	/* The site is written in by hand on the printed record. */
	h1 = cohort_field(p, p->left, y, half - 10, _("Site"), "");
	pdf_line(p, p->left + 78, y + h1 - 2, p->right, y + h1 - 2, 0.5, 0.3);
	y += h1 + 6;
	p->y = y;
	pdf_line(p, p->left, p->y, p->right, p->y, 0.5, 0.5);
}

static void
cohort_table(struct pdf *p, const struct cohort_result *r)
{
	struct pdf_col cols[] = {
		{ _("Ticket"), PDF_DIGITS, 0, 0, 0 },
		{ _("Name"), 0, 0, 1, 0 },
		{ _("Community"), 0, 0, 1, 0 },
		{ _("Group"), 0, 1, 0, 0 },
		{ _("Written"), PDF_RIGHT | PDF_DIGITS, 0, 0, 0 },
		{ _("Practical"), PDF_RIGHT | PDF_DIGITS, 0, 0, 0 },
		{ _("Simulation"), PDF_RIGHT | PDF_DIGITS, 0, 0, 0 },
		{ _("Total"), PDF_RIGHT | PDF_DIGITS | PDF_BOLD, 0, 0, 0 },
		{ _("Class"), 0, 1, 0, 0 },
		{ _("Retake"), 0, 1, 0, 0 },
		{ _("Via"), 0, 0, 0, 0 },
	};
	struct table t;
	size_t i;
	char **cell, *word;

	results_table(r, 0, &t);
	for (i = 1; i < t.nrows; i++) {
		cell = &t.cells[i * t.ncols + 10];
		word = xstrdup(cohort_mode_word(*cell));
		free(*cell);
		*cell = word;
	}
	cohort_heading(p, _("Trainees"), 80);
	if (r->ntrainees == 0) {
		p->y += pdf_text(p, p->left, p->y, 0, SIZE_BODY, 0,
		    _("No trainees enrolled."));
	} else
		pdf_table(p, &t, cols, SIZE_TABLE);
	table_release(&t);
}

/* Lines to sign and date, for the instructor and the organizer. */
#define SIGN_GAP	36	/* above the lines: room to sign */
#define SIGN_LINE	26

/* The height cohort_signatures takes. */
static double
cohort_signatures_height(struct pdf *p)
{
	return SIGN_GAP + SIGN_LINE + 3 + pdf_line_height(p, SIZE_TABLE);
}

static void
cohort_signatures(struct pdf *p)
{
	const char *who[2] = { _("Instructor"), _("Organizer") };
	double half = (p->right - p->left) / 2, x, y, lh;
	int i;

	pdf_need(p, cohort_signatures_height(p));
	p->y += SIGN_GAP;
	y = p->y + SIGN_LINE;
	lh = pdf_line_height(p, SIZE_TABLE);
	for (i = 0; i < 2; i++) {
		x = p->left + half * i;
		pdf_line(p, x, y, x + half * 0.58, y, 0.6, 0);
		pdf_line(p, x + half * 0.64, y, x + half - 14, y, 0.6, 0);
		cairo_set_source_rgb(p->cr, 0.3, 0.3, 0.3);
		pdf_text(p, x, y + 3, half * 0.58, SIZE_TABLE, 0, who[i]);
		pdf_text(p, x + half * 0.64, y + 3, half * 0.36 - 14,
		    SIZE_TABLE, 0, _("Date"));
		cairo_set_source_rgb(p->cr, 0, 0, 0);
	}
	p->y = y + 3 + lh;
}

/* "19/20 = 95.0% (rule >= 95%) meets" */
static char *
cohort_rate(int count, int n, int tenths, int rule, int meets)
{
	char pct[16];

	results_tenths(tenths, pct);
	return xasprintf("%d/%d = %s%% (%s %d%%) %s", count, n, pct,
	    _("rule >="), rule, meets ? _("meets") : _("below"));
}

/*
 * The rates, the verdict and the signature lines under it, kept together
 * on one page: the texts are measured first, and the block starts a new
 * page unless all of it fits below the cursor.
 */
static void
cohort_rates(struct pdf *p, const struct cohort_result *r)
{
	double lw = 110, h, need;
	char *enrolled, *pass, *excellence, *verdict;
	int ok = r->meets_pass && r->meets_excellence;

	enrolled = xasprintf(_("Enrolled %d, withdrawn %d, counted %d "
	    "(absent %d)"), r->enrolled, r->withdrawn, r->n, r->absents);
	pass = cohort_rate(r->passes, r->n, r->pass_rate_tenths, r->rule_pass,
	    r->meets_pass);
	excellence = cohort_rate(r->excellents, r->n,
	    r->excellence_rate_tenths, r->rule_excellent, r->meets_excellence);
	verdict = results_verdict(r);
	/* As cohort_heading and the lines below advance the cursor. */
	need = 14 + pdf_text_height(p, 0, SIZE_HEADING, PDF_BOLD,
	    _("Rates and verdict")) + 4 +
	    pdf_text_height(p, 0, SIZE_BODY, 0, enrolled) + 3 +
	    pdf_text_height(p, 0, SIZE_BODY, PDF_DIGITS, pass) + 2 +
	    pdf_text_height(p, 0, SIZE_BODY, PDF_DIGITS, excellence) + 6 +
	    pdf_text_height(p, p->right - p->left, 10.5, PDF_BOLD | PDF_WRAP,
	    verdict) + cohort_signatures_height(p);

	cohort_heading(p, _("Rates and verdict"), need);
	p->y += pdf_text(p, p->left, p->y, 0, SIZE_BODY, 0, enrolled) + 3;
	pdf_text(p, p->left, p->y, lw, SIZE_BODY, PDF_BOLD, _("Pass rate"));
	p->y += pdf_text(p, p->left + lw, p->y, 0, SIZE_BODY, PDF_DIGITS,
	    pass) + 2;
	pdf_text(p, p->left, p->y, lw, SIZE_BODY, PDF_BOLD,
	    _("Excellence rate"));
	p->y += pdf_text(p, p->left + lw, p->y, 0, SIZE_BODY, PDF_DIGITS,
	    excellence) + 6;

	if (ok)
		cairo_set_source_rgb(p->cr, 0.05, 0.4, 0.15);
	else
		cairo_set_source_rgb(p->cr, 0.7, 0.1, 0.1);
	h = pdf_text(p, p->left, p->y, p->right - p->left, 10.5,
	    PDF_BOLD | PDF_WRAP, verdict);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	p->y += h;
	cohort_signatures(p);
	free(enrolled);
	free(pass);
	free(excellence);
	free(verdict);
}

/* Who failed, and why: what to retrain (the absent are plain in the table). */
static void
cohort_notes(struct pdf *p, const struct cohort_result *r)
{
	double lh = pdf_line_height(p, SIZE_BODY);
	size_t i, n = 0;
	char *note, *s;

	for (i = 0; i < r->ntrainees; i++)
		n += r->trainees[i].cls == CLASS_FAIL;
	if (n == 0)
		return;
	cohort_heading(p, _("Failed, and why"), 30 + lh);
	for (i = 0; i < r->ntrainees; i++) {
		const struct trainee_result *t = &r->trainees[i];

		if (t->cls != CLASS_FAIL)
			continue;
		note = results_note(r, t);
		s = xasprintf("%s  %s: %s", t->ticket, t->name, note);
		pdf_need(p, 2 * lh);
		p->y += pdf_text(p, p->left, p->y, p->right - p->left,
		    SIZE_BODY, PDF_WRAP, s) + 2;
		free(s);
		free(note);
	}
}

/* The height of a module title wrapped in its cell of width w. */
static double
cohort_title_height(struct pdf *p, double w, const char *title)
{
	double th = pdf_text_height(p, w - 6, SIZE_BODY, PDF_WRAP, title);
	double lh = pdf_line_height(p, SIZE_BODY);

	return th > lh ? th : lh;
}

/* Each module's mean written score as a bar on a 0-100 scale. */
static void
cohort_means(struct pdf *p, const struct cohort_result *r)
{
	double lh = pdf_line_height(p, SIZE_BODY), x0, bw, mark, th, need;
	double namew = 200, valw = 48;	/* titles, then the bars */
	char pct[16], *s;
	size_t i;

	/* The heading goes with its first rows (titles wrapped). */
	need = 40;
	for (i = 0; i < r->nmeans && i < 4; i++)
		need += cohort_title_height(p, namew, r->means[i].title) + 4;
	cohort_heading(p, _("Mean written score per module"), need);
	if (r->nmeans == 0) {
		p->y += pdf_text(p, p->left, p->y, 0, SIZE_BODY, 0,
		    _("No written papers sat in the client (scores entered "
		    "by hand have no modules)."));
		return;
	}
	x0 = p->left + namew + valw + 8;
	bw = p->right - x0 - 70;
	mark = x0 + bw * r->pass_marks[COMP_WRITTEN] / 100.0;
	for (i = 0; i < r->nmeans; i++) {
		const struct module_mean *m = &r->means[i];

		/* The title wraps in its cell; the row stays on one page. */
		th = cohort_title_height(p, namew, m->title);
		pdf_need(p, th + 4);
		pdf_text(p, p->left, p->y, namew - 6, SIZE_BODY, PDF_WRAP,
		    m->title);
		results_tenths(m->tenths, pct);
		s = xasprintf("%s%%", pct);
		pdf_text(p, p->left + namew, p->y, valw, SIZE_BODY,
		    PDF_RIGHT | PDF_DIGITS, s);
		free(s);
		pdf_fill(p, x0, p->y + 2, bw, lh - 4, 0.93);
		pdf_fill(p, x0, p->y + 2, bw * m->tenths / 1000.0, lh - 4,
		    m->tenths < r->pass_marks[COMP_WRITTEN] * 10 ? 0.7 : 0.45);
		pdf_line(p, mark, p->y, mark, p->y + lh, 0.8, 0);
		s = xasprintf(ngettext("%d paper", "%d papers", m->attempts),
		    m->attempts);
		cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
		pdf_text(p, x0 + bw + 6, p->y, 64, SIZE_TABLE, 0, s);
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		free(s);
		p->y += th + 4;
	}
	s = xasprintf(_("the vertical line is the pass mark (%d%%)"),
	    r->pass_marks[COMP_WRITTEN]);
	cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
	p->y += pdf_text(p, x0, p->y, bw, SIZE_TABLE, 0, s);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	free(s);
}

/* The distribution of totals: one bar per band, counts on top. */
static void
cohort_chart(struct pdf *p, const struct cohort_result *r)
{
	static const char *const bands[RESULT_BANDS] = {
	    "< 60", "60 – 69.9", "70 – 79.9", "80 – 89.9", "≥ 90" };
	static const double shade[RESULT_BANDS] = {
	    0.72, 0.55, 0.55, 0.55, 0.3 };
	double ch = 120, axis = 28, x0, y0, slot, bw, h, lh;
	int max = 0, step, b, k, shown = 0;
	char num[16], *s;

	cohort_heading(p, _("Distribution of totals"), ch + 70);
	lh = pdf_line_height(p, SIZE_TABLE);
	for (b = 0; b < RESULT_BANDS; b++) {
		if (r->bands[b] > max)
			max = r->bands[b];
		shown += r->bands[b];
	}
	/* A scale of whole trainees with at most about 5 gridlines. */
	step = max <= 5 ? 1 : (max + 4) / 5;
	max = max == 0 ? 1 : ((max + step - 1) / step) * step;
	x0 = p->left + axis;
	y0 = p->y + 8 + ch;		/* the baseline of the bars */
	slot = (p->right - x0) / RESULT_BANDS;
	bw = slot * 0.6;

	cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
	for (k = 0; k <= max; k += step) {
		h = ch * k / max;
		pdf_line(p, x0, y0 - h, p->right, y0 - h, 0.3,
		    k == 0 ? 0 : 0.8);
		snprintf(num, sizeof num, "%d", k);
		pdf_text(p, p->left, y0 - h - lh / 2, axis - 5, SIZE_TABLE,
		    PDF_RIGHT | PDF_DIGITS, num);
	}
	pdf_line(p, x0, y0 - ch, x0, y0, 0.6, 0);
	for (b = 0; b < RESULT_BANDS; b++) {
		double x = x0 + slot * b + (slot - bw) / 2;

		h = ch * r->bands[b] / max;
		if (r->bands[b] > 0)
			pdf_fill(p, x, y0 - h, bw, h, shade[b]);
		snprintf(num, sizeof num, "%d", r->bands[b]);
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		pdf_text(p, x, y0 - h - lh - 1, bw, SIZE_TABLE,
		    PDF_CENTER | PDF_BOLD | PDF_DIGITS, num);
		cairo_set_source_rgb(p->cr, 0.2, 0.2, 0.2);
		pdf_text(p, x0 + slot * b, y0 + 3, slot, SIZE_TABLE,
		    PDF_CENTER | PDF_DIGITS, bands[b]);
	}
	cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
	p->y = y0 + 4 + lh;
	s = xasprintf(ngettext("weighted total, percent: %d trainee with "
	    "every component", "weighted total, percent: %d trainees with "
	    "every component", shown), shown);
	p->y += pdf_text(p, x0, p->y, p->right - x0, SIZE_TABLE, PDF_CENTER,
	    s);
	free(s);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
}

static void
cohort_draw(struct pdf *p, const void *arg)
{
	const struct cohort_doc *d = arg;

	p->footer = d->footer;
	p->running = d->running;
	cohort_title(p, d);
	cohort_table(p, d->r);
	cohort_rates(p, d->r);
	cohort_notes(p, d->r);
	cohort_means(p, d->r);
	cohort_chart(p, d->r);
}

int
pdf_cohort_write(const struct cohort_result *r, FILE *fp, char **cause)
{
	struct cohort_doc d;
	char *title;
	int rc;

	d.r = r;
	pdf_now(d.printed);
	d.footer = xasprintf(_("firstline: cohort %s, %s, printed %s"),
	    r->cohort, r->sealed_at != NULL ? _("certified") :
	    _("not certified"), d.printed);
	d.running = xasprintf(_("Cohort results: %s %s (continued)"),
	    r->cohort, r->name);
	title = xasprintf(_("Cohort results: %s %s"), r->cohort, r->name);
	rc = pdf_render(fp, PDF_A4_SHORT, PDF_A4_LONG, 1, title, cohort_draw,
	    &d, cause);
	free(title);
	free(d.running);
	free(d.footer);
	return rc;
}
