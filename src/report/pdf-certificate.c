/*
 * A trainee's certificate as a PDF: one A4 landscape page with the
 * bilingual heading, the trainee's name, community and ticket, the cohort
 * and exam, the weighted total, the date the cohort was certified, an
 * "优秀 / Excellent" stamp for excellent trainees, and lines for the
 * organizer's signature and seal.  Only for a certified (sealed) cohort.
 */
#include "config.h"

#include "pdf-int.h"

#include <math.h>
#include <stdlib.h>

#include "core/core.h"

/* The heading is bilingual on every certificate, whatever the locale. */
#define CERT_HEADING_ZH	"应急响应第一人 培训合格证书"
#define CERT_HEADING_EN	"First Responder Training Certificate"

struct cert_doc {
	const struct cohort_result	*r;
	const struct trainee_result	*t;
};

static void
cert_red(struct pdf *p)
{
	cairo_set_source_rgb(p->cr, 0.62, 0.09, 0.09);
}

static void
cert_grey(struct pdf *p)
{
	cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
}

static void
cert_black(struct pdf *p)
{
	cairo_set_source_rgb(p->cr, 0, 0, 0);
}

/* A label over its value, at x, width w; returns the height used. */
static double
cert_field(struct pdf *p, double x, double y, double w, const char *label,
    const char *value)
{
	double h;

	cert_grey(p);
	h = pdf_text(p, x, y, w, 9, 0, label);
	cert_black(p);
	h += pdf_text(p, x, y + h, w, 13, PDF_BOLD | PDF_WRAP, value);
	return h;
}

/* The round "优秀 / Excellent" stamp centred at (cx, cy). */
static void
cert_stamp(struct pdf *p, double cx, double cy)
{
	double rad = 46, h;

	cert_red(p);
	cairo_set_line_width(p->cr, 2.5);
	cairo_new_path(p->cr);
	cairo_arc(p->cr, cx, cy, rad, 0, 2 * M_PI);
	cairo_stroke(p->cr);
	cairo_set_line_width(p->cr, 0.8);
	cairo_arc(p->cr, cx, cy, rad - 5, 0, 2 * M_PI);
	cairo_stroke(p->cr);
	pdf_measure(p, 24, PDF_BOLD | PDF_SERIF, "优秀", NULL, &h);
	pdf_text(p, cx - rad, cy - h / 2 - 8, 2 * rad, 24,
	    PDF_BOLD | PDF_SERIF | PDF_CENTER, "优秀");
	pdf_text(p, cx - rad, cy + h / 2 - 8, 2 * rad, 10,
	    PDF_BOLD | PDF_CENTER, "Excellent");
	cert_black(p);
}

static void
cert_draw(struct pdf *p, const void *arg)
{
	const struct cert_doc *d = arg;
	const struct cohort_result *r = d->r;
	const struct trainee_result *t = d->t;
	double w = p->width, h = p->height, cx = w / 2, y, colw, x1, x2;
	double h1, h2;
	char date[32], total[16], *s;

	/* A double frame. */
	cert_red(p);
	cairo_set_line_width(p->cr, 4);
	cairo_rectangle(p->cr, 22, 22, w - 44, h - 44);
	cairo_stroke(p->cr);
	cairo_set_line_width(p->cr, 0.8);
	cairo_rectangle(p->cr, 31, 31, w - 62, h - 62);
	cairo_stroke(p->cr);

	y = 62;
	y += pdf_text(p, 60, y, w - 120, 30, PDF_BOLD | PDF_SERIF |
	    PDF_CENTER, CERT_HEADING_ZH);
	y += pdf_text(p, 60, y, w - 120, 16, PDF_SERIF | PDF_CENTER,
	    CERT_HEADING_EN) + 8;
	pdf_line(p, cx - 120, y, cx + 120, y, 0.8, 0.5);
	y += 30;

	cert_grey(p);
	y += pdf_text(p, 60, y, w - 120, 12, PDF_CENTER,
	    _("This is to certify that")) + 4;
	cert_black(p);
	y += pdf_text(p, 60, y, w - 120, 32, PDF_BOLD | PDF_CENTER | PDF_WRAP,
	    t->name) + 8;
	y += pdf_text(p, 150, y, w - 300, 12.5, PDF_CENTER | PDF_WRAP,
	    _("has completed the community first responder training and "
	    "passed its assessment: the written test, the practical skills "
	    "stations and the simulated incident.")) + 34;

	/* The particulars in two columns, clear of the stamp. */
	colw = 230;
	x1 = cx - colw - 20;
	x2 = cx + 10;
	h1 = cert_field(p, x1, y, colw, _("Community"), t->community);
	h2 = cert_field(p, x2, y, colw, _("Ticket"), t->ticket);
	y += (h1 > h2 ? h1 : h2) + 16;
	s = xasprintf("%s  %s", r->cohort, r->name);
	h1 = cert_field(p, x1, y, colw, _("Cohort"), s);
	free(s);
	h2 = cert_field(p, x2, y, colw, _("Exam"), r->exam_title);
	y += (h1 > h2 ? h1 : h2) + 16;
	results_tenths(t->total_tenths, total);
	s = t->cls == CLASS_EXCELLENT ? xasprintf(_("%s (excellent)"), total) :
	    xasprintf(_("%s (pass)"), total);
	h1 = cert_field(p, x1, y, colw, _("Total score"), s);
	free(s);
	pdf_local_date(r->sealed_at, 0, date);
	h2 = cert_field(p, x2, y, colw, _("Certified on"), date);
	y += (h1 > h2 ? h1 : h2);

	if (t->cls == CLASS_EXCELLENT)
		cert_stamp(p, w - 125, h / 2 + 40);

	/* Signature and seal, and the certificate's number, below it all. */
	y = y + 34 > h - 105 ? y + 34 : h - 105;
	pdf_line(p, 90, y, 300, y, 0.6, 0);
	pdf_line(p, 330, y, 440, y, 0.6, 0);
	cert_grey(p);
	s = xasprintf(_("Organizer (%s), signature and seal"), r->sealed_by);
	pdf_text(p, 90, y + 3, 210, 9, 0, s);
	free(s);
	pdf_text(p, 330, y + 3, 110, 9, 0, _("Date"));
	s = xasprintf(_("Certificate no. %s-%s"), r->cohort, t->ticket);
	pdf_text(p, w - 330, y + 3, 240, 9, PDF_RIGHT | PDF_DIGITS, s);
	free(s);
	if (t->verify[0] != '\0') {
		/* From the record's hash chain: 'certificate verify CODE'. */
		s = xasprintf(_("Verification code %s (firstline certificate "
		    "verify)"), t->verify);
		pdf_text(p, w - 330, y + 16, 240, 9, PDF_RIGHT | PDF_DIGITS,
		    s);
		free(s);
	}
	cert_black(p);
}

int
pdf_certificate_due(const struct trainee_result *t)
{
	return t->cls == CLASS_PASS || t->cls == CLASS_EXCELLENT;
}

int
pdf_certificate_write(const struct cohort_result *r,
    const struct trainee_result *t, FILE *fp, char **cause)
{
	struct cert_doc d;
	char *title;
	int rc;

	if (r->sealed_at == NULL) {
		*cause = xasprintf(_("cohort %s is not certified: "
		    "certificates are issued only for a certified cohort"),
		    r->cohort);
		return -1;
	}
	if (!pdf_certificate_due(t) || !t->has_total) {
		*cause = xasprintf(_("%s (ticket %s) did not pass: no "
		    "certificate"), t->name, t->ticket);
		return -1;
	}
	d.r = r;
	d.t = t;
	title = xasprintf("%s / %s: %s (%s)", CERT_HEADING_ZH,
	    CERT_HEADING_EN, t->name, t->ticket);
	rc = pdf_render(fp, PDF_A4_LONG, PDF_A4_SHORT, 0, title, cert_draw,
	    &d, cause);
	free(title);
	return rc;
}
