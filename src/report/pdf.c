/*
 * What the PDF documents share: rendering a document into a FILE (twice
 * when its pages are numbered "page N / M"), pages with a running header
 * and a footer, text set with pango in the CJK font, rules and fills, local
 * dates.  Tables are in pdf-table.c.
 */
#include "config.h"

#include "pdf-int.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/core.h"

/*
 * cairo 1.16 (Debian 12) loses 768 bytes per embedded font while finishing
 * a PDF surface, inside cairo_surface_finish (reproduced with a 20-line
 * program using cairo alone).  Nothing outside cairo can free them, so in
 * sanitizer builds the leak checker ignores what that one call allocates.
 */
#if defined(__SANITIZE_ADDRESS__)
#define PDF_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PDF_LSAN 1
#endif
#endif
#ifdef PDF_LSAN
#include <sanitizer/lsan_interface.h>
#define pdf_lsan_disable() __lsan_disable()
#define pdf_lsan_enable() __lsan_enable()
#else
#define pdf_lsan_disable() do { } while (0)
#define pdf_lsan_enable() do { } while (0)
#endif

/* Where the footer sits: its rule, then one line of small grey text. */
#define PDF_FOOTER_RULE	38.0
#define PDF_FOOTER_TEXT	32.0
#define PDF_FOOTER_SIZE	7.5

static cairo_status_t
pdf_write_discard(void *closure, const unsigned char *data,
    unsigned int length)
{
	(void)closure;
	(void)data;
	(void)length;
	return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
pdf_write_file(void *closure, const unsigned char *data, unsigned int length)
{
	FILE *fp = closure;

	if (fwrite(data, 1, length, fp) != length)
		return CAIRO_STATUS_WRITE_ERROR;
	return CAIRO_STATUS_SUCCESS;
}

static PangoFontDescription *
pdf_font(double size, int style)
{
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, (style & PDF_SERIF) ?
	    "Noto Serif CJK SC" : PDF_FONT_FAMILY);
	pango_font_description_set_weight(fd, (style & PDF_BOLD) ?
	    PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	return fd;
}

/* A layout of text in the box width w (0: unlimited); the caller unrefs. */
static PangoLayout *
pdf_layout(struct pdf *p, double w, double size, int style,
    const char *text)
{
	PangoLayout *l = pango_layout_new(p->ctx);
	PangoFontDescription *fd = pdf_font(size, style);
	PangoAttrList *attrs;

	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (style & PDF_DIGITS) {
		attrs = pango_attr_list_new();
		pango_attr_list_insert(attrs,
		    pango_attr_font_features_new("tnum"));
		pango_layout_set_attributes(l, attrs);
		pango_attr_list_unref(attrs);
	}
	pango_layout_set_text(l, text, -1);
	if (w > 0) {
		pango_layout_set_width(l, (int)(w * PANGO_SCALE));
		if (style & PDF_WRAP)
			pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
		else
			pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
		if (style & PDF_RIGHT)
			pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
		else if (style & PDF_CENTER)
			pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	}
	return l;
}

double
pdf_text(struct pdf *p, double x, double y, double w, double size,
    int style, const char *text)
{
	PangoLayout *l = pdf_layout(p, w, size, style, text);
	int lw, lh;

	p->unknown += pango_layout_get_unknown_glyphs_count(l);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
	cairo_new_path(p->cr);	/* no current point left behind */
	pango_layout_get_size(l, &lw, &lh);
	g_object_unref(l);
	return (double)lh / PANGO_SCALE;
}

void
pdf_measure(struct pdf *p, double size, int style, const char *text,
    double *w, double *h)
{
	PangoLayout *l = pdf_layout(p, 0, size, style, text);
	int lw, lh;

	pango_layout_get_size(l, &lw, &lh);
	g_object_unref(l);
	if (w != NULL)
		*w = (double)lw / PANGO_SCALE;
	if (h != NULL)
		*h = (double)lh / PANGO_SCALE;
}

double
pdf_text_height(struct pdf *p, double w, double size, int style,
    const char *text)
{
	PangoLayout *l = pdf_layout(p, w, size, style, text);
	int lw, lh;

	pango_layout_get_size(l, &lw, &lh);
	g_object_unref(l);
	return (double)lh / PANGO_SCALE;
}

double
pdf_line_height(struct pdf *p, double size)
{
	double h;

	pdf_measure(p, size, 0, "Ag中", NULL, &h);
	return h;
}

void
pdf_line(struct pdf *p, double x0, double y0, double x1, double y1,
    double lw, double grey)
{
	cairo_save(p->cr);
	cairo_set_source_rgb(p->cr, grey, grey, grey);
	cairo_set_line_width(p->cr, lw);
	cairo_move_to(p->cr, x0, y0);
	cairo_line_to(p->cr, x1, y1);
	cairo_stroke(p->cr);
	cairo_restore(p->cr);
}

void
pdf_fill(struct pdf *p, double x, double y, double w, double h, double grey)
{
	cairo_save(p->cr);
	cairo_set_source_rgb(p->cr, grey, grey, grey);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_fill(p->cr);
	cairo_restore(p->cr);
}

/* The footer of the current page, then the page goes out. */
static void
pdf_page_end(struct pdf *p)
{
	double y = p->height - PDF_FOOTER_TEXT;
	char *num;

	if (p->footer != NULL || p->numbered)
		pdf_line(p, p->left, p->height - PDF_FOOTER_RULE, p->right,
		    p->height - PDF_FOOTER_RULE, 0.4, 0.6);
	cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
	if (p->footer != NULL)
		pdf_text(p, p->left, y, (p->right - p->left) * 0.75,
		    PDF_FOOTER_SIZE, 0, p->footer);
	if (p->numbered) {
		/* While counting, the total is not known yet. */
		num = xasprintf(_("page %d / %d"), p->page,
		    p->pages > 0 ? p->pages : p->page);
		pdf_text(p, p->left, y, p->right - p->left, PDF_FOOTER_SIZE,
		    PDF_RIGHT | PDF_DIGITS, num);
		free(num);
	}
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_show_page(p->cr);
}

void
pdf_page_new(struct pdf *p)
{
	double h;

	if (p->page > 0)
		pdf_page_end(p);
	p->page++;
	p->y = p->top;
	if (p->page > 1 && p->running != NULL) {
		cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
		h = pdf_text(p, p->left, p->y, p->right - p->left, 8, 0,
		    p->running);
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		p->y += h + 3;
		pdf_line(p, p->left, p->y, p->right, p->y, 0.4, 0.6);
		p->y += 10;
	}
}

void
pdf_need(struct pdf *p, double h)
{
	if (p->y + h > p->bottom)
		pdf_page_new(p);
}

void
pdf_local_date(const char *utc, int with_time, char buf[32])
{
	if (fl_local_time(utc, with_time, buf) == NULL)
		snprintf(buf, 32, "%s", utc != NULL ? utc : "");
}

void
pdf_now(char buf[32])
{
	time_t t = time(NULL);
	struct tm lt;

	localtime_r(&t, &lt);
	strftime(buf, 32, "%Y-%m-%d %H:%M", &lt);
}

/*
 * Whether the font map gives PDF_FONT_FAMILY itself rather than a fallback
 * (fontconfig always finds something, often without Chinese glyphs).
 */
static int
pdf_font_check(PangoContext *ctx, char **cause)
{
	PangoFontDescription *fd = pdf_font(10, 0), *got;
	PangoFont *font;
	const char *family;
	int ok = 0;

	font = pango_context_load_font(ctx, fd);
	if (font != NULL) {
		got = pango_font_describe(font);
		family = pango_font_description_get_family(got);
		ok = family != NULL && strcasecmp(family, PDF_FONT_FAMILY) == 0;
		pango_font_description_free(got);
		g_object_unref(font);
	}
	pango_font_description_free(fd);
	if (!ok)
		*cause = xasprintf(_("font \"%s\" not found: Chinese text "
		    "cannot be printed (Debian: install fonts-noto-cjk)"),
		    PDF_FONT_FAMILY);
	return ok ? 0 : -1;
}

/* One pass: draw the whole document onto surface (then destroyed). */
static int
pdf_pass(struct pdf *p, cairo_surface_t *surface, pdf_draw_fn draw,
    const void *arg, char **cause)
{
	cairo_status_t st;
	int rc = -1;

	p->surface = surface;
	p->cr = cairo_create(surface);
	p->ctx = pango_cairo_create_context(p->cr);
	p->page = 0;
	p->unknown = 0;
	st = cairo_status(p->cr);
	if (st == CAIRO_STATUS_SUCCESS &&
	    (rc = pdf_font_check(p->ctx, cause)) == 0) {
		pdf_page_new(p);
		draw(p, arg);
		pdf_page_end(p);
		st = cairo_status(p->cr);
	}
	g_object_unref(p->ctx);
	cairo_destroy(p->cr);
	p->ctx = NULL;
	p->cr = NULL;
	pdf_lsan_disable();
	cairo_surface_finish(surface);
	pdf_lsan_enable();
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	p->surface = NULL;
	if (st != CAIRO_STATUS_SUCCESS) {
		free(*cause);
		*cause = xasprintf(_("cannot draw the PDF: %s"),
		    cairo_status_to_string(st));
		return -1;
	}
	return rc;
}

int
pdf_render(FILE *fp, double width, double height, int numbered,
    const char *title, pdf_draw_fn draw, const void *arg, char **cause)
{
	struct pdf p;
	cairo_surface_t *surface;
	char *creator;

	*cause = NULL;
	memset(&p, 0, sizeof p);
	p.width = width;
	p.height = height;
	p.left = 45;
	p.right = width - 45;
	p.top = 45;
	p.bottom = height - PDF_FOOTER_RULE - 12;
	p.numbered = numbered;
	if (numbered) {
		surface = cairo_pdf_surface_create_for_stream(
		    pdf_write_discard, NULL, width, height);
		if (pdf_pass(&p, surface, draw, arg, cause) != 0)
			return -1;
		p.pages = p.page;
	}
	surface = cairo_pdf_surface_create_for_stream(pdf_write_file, fp,
	    width, height);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
	    title);
	creator = xasprintf("firstline %s", PACKAGE_VERSION);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
	    creator);
	free(creator);
	if (pdf_pass(&p, surface, draw, arg, cause) != 0)
		return -1;
	if (fflush(fp) != 0 || ferror(fp)) {
		*cause = xasprintf(_("cannot write the PDF: %s"),
		    strerror(errno));
		return -1;
	}
	if (p.unknown > 0) {
		*cause = xasprintf(ngettext("%d character has no glyph in "
		    "\"%s\" and prints as a box", "%d characters have no "
		    "glyph in \"%s\" and print as boxes", p.unknown),
		    p.unknown, PDF_FONT_FAMILY);
		return 1;
	}
	return 0;
}

void
pdf_shutdown(void)
{
	pango_cairo_font_map_set_default(NULL);
#ifdef PDF_LSAN
	/*
	 * Only for the leak checker: cairo's reset asserts (and aborts a run
	 * whose PDF is written) when a font is still alive, which pango's
	 * fontconfig thread can cause on a busy machine by holding the font
	 * map a moment longer.  An ordinary build just exits.
	 */
	cairo_debug_reset_static_data();
	FcFini();
#endif
}
