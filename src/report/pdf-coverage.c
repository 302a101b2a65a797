/*
 * The coverage list as a PDF on A4 portrait: every community with fewer
 * than the minimum of certified responders, how many it has, how many are
 * enrolled and how many more it needs, with the header repeated on every
 * page and "page N / M".
 */
#include "config.h"

#include "pdf-int.h"

#include <stdlib.h>

#include "core/core.h"

struct coverage_doc {
	const struct table	*t;
	int			 minimum;
	char			*footer;
	char			*running;
	char			 printed[32];
};

static void
coverage_draw(struct pdf *p, const void *arg)
{
	const struct coverage_doc *d = arg;
	struct pdf_col cols[] = {
		{ _("Community"), 0, 0, 1, 0 },
		{ _("Certified"), PDF_RIGHT | PDF_DIGITS, 0, 0, 0 },
		{ _("Enrolled"), PDF_RIGHT | PDF_DIGITS, 0, 0, 0 },
		{ _("Needed"), PDF_RIGHT | PDF_DIGITS | PDF_BOLD, 0, 0, 0 },
	};
	size_t n = d->t->nrows > 0 ? d->t->nrows - 1 : 0;
	double half = (p->right - p->left) / 2;
	char *s;

	p->footer = d->footer;
	p->running = d->running;
	cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
	pdf_text(p, p->left, p->y, half, 8.5, 0,
	    _("Community first responder training"));
	s = xasprintf(_("printed %s"), d->printed);
	pdf_text(p, p->left + half, p->y, half, 8.5, PDF_RIGHT, s);
	free(s);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	p->y += 14;
	s = xasprintf(ngettext("Coverage: communities with fewer than %d "
	    "certified responder", "Coverage: communities with fewer than %d "
	    "certified responders", (unsigned long)d->minimum), d->minimum);
	p->y += pdf_text(p, p->left, p->y, p->right - p->left, 17,
	    PDF_BOLD | PDF_WRAP, s) + 4;
	free(s);
	pdf_line(p, p->left, p->y, p->right, p->y, 1.2, 0);
	p->y += 8;
	s = xasprintf(_("Certified responders are trainees who passed in a "
	    "certified cohort.  Every community should have at least %d."),
	    d->minimum);
	p->y += pdf_text(p, p->left, p->y, p->right - p->left, 9.5, PDF_WRAP,
	    s) + 2;
	free(s);
	s = xasprintf(ngettext("%zu community below the minimum",
	    "%zu communities below the minimum", n), n);
	p->y += pdf_text(p, p->left, p->y, 0, 9.5, PDF_BOLD, s) + 12;
	free(s);
	if (n == 0)
		p->y += pdf_text(p, p->left, p->y, 0, 9.5, 0,
		    _("Every community has enough certified responders."));
	else
		pdf_table(p, d->t, cols, 9);
}

int
pdf_coverage_write(const struct table *t, int minimum, FILE *fp,
    char **cause)
{
	struct coverage_doc d;
	char *title;
	int rc;

	d.t = t;
	d.minimum = minimum;
	pdf_now(d.printed);
	d.footer = xasprintf(_("firstline: coverage, printed %s"), d.printed);
	d.running = xasprintf(ngettext("Coverage: communities with fewer than "
	    "%d certified responder (continued)", "Coverage: communities with "
	    "fewer than %d certified responders (continued)",
	    (unsigned long)minimum), minimum);
	title = xasprintf(ngettext("Coverage: communities with fewer than %d "
	    "certified responder", "Coverage: communities with fewer than %d "
	    "certified responders", (unsigned long)minimum), minimum);
	rc = pdf_render(fp, PDF_A4_SHORT, PDF_A4_LONG, 1, title, coverage_draw,
	    &d, cause);
	free(title);
	free(d.running);
	free(d.footer);
	return rc;
}
