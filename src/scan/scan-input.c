/*
 * Scan input: a scanner's PDF (rendered with poppler-glib into a cairo
 * image), PNG, JPEG or TIFF (decoded by Leptonica), each page made a grey
 * image.  Every size is checked from the file's headers before anything
 * is decoded: a decompression bomb or a header declaring 100,000 pixels a
 * side is refused, as is a PDF of more pages than a batch of sheets, and a
 * decoder that meets damaged data (a truncated JPEG) fails instead of
 * returning half a page.
 */
#include "config.h"

#include "scan-int.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo.h>
#include <poppler.h>
#include <zlib.h>

#include "core/i18n.h"
#include "core/xalloc.h"

enum scan_kind {
	KIND_PDF,
	KIND_PNG,
	KIND_JPEG,
	KIND_TIFF,
};

struct scan_source {
	enum scan_kind		 kind;
	unsigned char		*data;
	size_t			 size;
	int			 pages;
	PopplerDocument		*pdf;
	GBytes			*bytes;
};

static void
scan_quiet(const char *msg)
{
	(void)msg;
}

void
scan_init(void)
{
	/* Leptonica's messages would reach people as noise: we say why. */
	setMsgSeverity(L_SEVERITY_NONE);
	leptSetStderrHandler(scan_quiet);
}

/* Read the whole of path, refusing what is not a regular file or too big. */
static int
scan_read(const char *path, unsigned char **data, size_t *size, char **cause)
{
	struct stat sb;
	unsigned char *buf;
	size_t got = 0;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		*cause = xasprintf(_("cannot open it: %s"), strerror(errno));
		return -1;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		*cause = xasprintf(_("not a regular file"));
		close(fd);
		return -1;
	}
	if (sb.st_size > SCAN_MAX_FILE_BYTES) {
		*cause = xasprintf(_("too large (%lld MB; a scan is at most "
		    "%ld MB)"), (long long)(sb.st_size >> 20),
		    SCAN_MAX_FILE_BYTES >> 20);
		close(fd);
		return -1;
	}
	buf = xmalloc((size_t)sb.st_size + 1);
	while (got < (size_t)sb.st_size) {
		n = read(fd, buf + got, (size_t)sb.st_size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	if (got == 0) {
		*cause = xasprintf(_("the file is empty"));
		free(buf);
		return -1;
	}
	*data = buf;
	*size = got;
	return 0;
}

/* The TIFF page count, read with Leptonica from the buffer. */
static int
scan_tiff_count(const unsigned char *data, size_t size)
{
	FILE *fp;
	l_int32 n = 0;

	if ((fp = fmemopen((void *)data, size, "rb")) == NULL)
		return -1;
	if (tiffGetCount(fp, &n) != 0)
		n = -1;
	fclose(fp);
	return n;
}

int
scan_source_open(const char *path, struct scan_source **out, char **cause)
{
	struct scan_source *src;
	GError *gerr = NULL;
	l_int32 format = IFF_UNKNOWN;

	src = xcalloc(1, sizeof *src);
	if (scan_read(path, &src->data, &src->size, cause) != 0) {
		free(src);
		return -1;
	}
	src->pages = 1;
	if (src->size >= 5 && memcmp(src->data, "%PDF-", 5) == 0) {
		src->kind = KIND_PDF;
		src->bytes = g_bytes_new_static(src->data, src->size);
		src->pdf = poppler_document_new_from_bytes(src->bytes, NULL,
		    &gerr);
		if (src->pdf == NULL) {
			*cause = xasprintf(_("not a readable PDF (%s)"),
			    gerr != NULL ? gerr->message : "?");
			g_clear_error(&gerr);
			goto fail;
		}
		src->pages = poppler_document_get_n_pages(src->pdf);
	} else {
		findFileFormatBuffer(src->data, &format);
		if (format == IFF_PNG)
			src->kind = KIND_PNG;
		else if (format == IFF_JFIF_JPEG)
			src->kind = KIND_JPEG;
		else if (L_FORMAT_IS_TIFF(format)) {
			src->kind = KIND_TIFF;
			src->pages = scan_tiff_count(src->data, src->size);
		} else {
			*cause = xasprintf(_("not a PDF, PNG, JPEG or TIFF "
			    "image"));
			goto fail;
		}
	}
	if (src->pages < 1) {
		*cause = xasprintf(_("no page can be read"));
		goto fail;
	}
	if (src->pages > SCAN_MAX_PAGES) {
		*cause = xasprintf(ngettext("the file has %d pages; scan at "
		    "most %d page per file", "the file has %d pages; scan at "
		    "most %d pages per file", SCAN_MAX_PAGES), src->pages,
		    SCAN_MAX_PAGES);
		goto fail;
	}
	*out = src;
	return 0;
fail:
	scan_source_free(&src);
	return -1;
}

void
scan_source_free(struct scan_source **srcp)
{
	struct scan_source *src = *srcp;

	if (src == NULL)
		return;
	if (src->pdf != NULL)
		g_object_unref(src->pdf);
	if (src->bytes != NULL)
		g_bytes_unref(src->bytes);
	free(src->data);
	free(src);
	*srcp = NULL;
}

int
scan_source_pages(const struct scan_source *src)
{
	return src->pages;
}

const char *
scan_source_kind(const struct scan_source *src)
{
	static const char *const names[] = { "PDF", "PNG", "JPEG", "TIFF" };

	return names[src->kind];
}

/* Refuse a declared size outside the limits, before decoding. */
static int
scan_check_size(l_int32 w, l_int32 h, char **cause)
{
	if (w <= 0 || h <= 0) {
		*cause = xasprintf(_("the image header gives no size"));
		return -1;
	}
	if (w > SCAN_MAX_SIDE || h > SCAN_MAX_SIDE ||
	    (long)w * (long)h > SCAN_MAX_PIXELS) {
		*cause = xasprintf(_("the image declares %d x %d pixels; a "
		    "sheet scanned at 600 dpi is about 5000 x 7000 (at most "
		    "%d a side and %ld million in all)"), (int)w, (int)h,
		    SCAN_MAX_SIDE, SCAN_MAX_PIXELS / 1000000);
		return -1;
	}
	if (w < SCAN_MIN_SIDE || h < SCAN_MIN_SIDE) {
		*cause = xasprintf(_("the image is only %d x %d pixels: scan "
		    "the sheet at 150 dpi or more"), (int)w, (int)h);
		return -1;
	}
	return 0;
}

/* Render PDF page as grey, at about 200 dpi for A4. */
static PIX *
scan_pdf_page(struct scan_source *src, int page, char **cause)
{
	PopplerPage *pp;
	cairo_surface_t *cs;
	cairo_t *cr;
	double wpt, hpt, wmm, hmm, dpi, area;
	int w, h, x, y, stride;
	const unsigned char *row;
	PIX *pix;
	l_uint32 *line;

	if ((pp = poppler_document_get_page(src->pdf, page)) == NULL) {
		*cause = xasprintf(_("the page cannot be read"));
		return NULL;
	}
	poppler_page_get_size(pp, &wpt, &hpt);
	wmm = wpt * 25.4 / 72.0;
	hmm = hpt * 25.4 / 72.0;
	if (!(wmm >= SCAN_MIN_PAGE_MM && hmm >= SCAN_MIN_PAGE_MM &&
	    wmm <= SCAN_MAX_PAGE_MM && hmm <= SCAN_MAX_PAGE_MM)) {
		*cause = xasprintf(_("the page is %.0f x %.0f mm; an answer "
		    "sheet is A4 (210 x 297 mm)"), wmm, hmm);
		g_object_unref(pp);
		return NULL;
	}
	/* 200 dpi for A4 and smaller; the same number of pixels above. */
	area = wmm * hmm;
	dpi = area <= 210.0 * 297.0 ? 200.0 : 200.0 * sqrt(210.0 * 297.0 /
	    area);
	w = (int)(wpt * dpi / 72.0 + 0.5);
	h = (int)(hpt * dpi / 72.0 + 0.5);
	cs = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	if (cairo_surface_status(cs) != CAIRO_STATUS_SUCCESS) {
		*cause = xasprintf(_("out of memory rendering the page"));
		cairo_surface_destroy(cs);
		g_object_unref(pp);
		return NULL;
	}
	cr = cairo_create(cs);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, dpi / 72.0, dpi / 72.0);
	poppler_page_render_for_printing(pp, cr);
	cairo_destroy(cr);
	g_object_unref(pp);
	cairo_surface_flush(cs);

	pix = pixCreate(w, h, 8);
	stride = cairo_image_surface_get_stride(cs);
	row = cairo_image_surface_get_data(cs);
	for (y = 0; y < h; y++, row += stride) {
		const uint32_t *px = (const uint32_t *)(const void *)row;

		line = pixGetData(pix) + (size_t)y * pixGetWpl(pix);
		for (x = 0; x < w; x++) {
			uint32_t v = px[x];
			unsigned r = (v >> 16) & 0xff, g = (v >> 8) & 0xff,
			    b = v & 0xff;

			SET_DATA_BYTE(line, x, (r * 77 + g * 151 + b * 28) >>
			    8);
		}
	}
	cairo_surface_destroy(cs);
	pixSetXRes(pix, (l_int32)dpi);
	pixSetYRes(pix, (l_int32)dpi);
	return pix;
}

/*
 * Whether a JPEG has its end marker (FF D9) near its end: a file cut short
 * by a scanner or a copy has not, and is refused before libjpeg pads it
 * out with grey (and says so on standard error).
 */
static int
scan_jpeg_complete(const unsigned char *d, size_t n)
{
	size_t i, from = n > 4096 ? n - 4096 : 0;

	for (i = n; i-- > from + 1;)
		if (d[i - 1] == 0xff && d[i] == 0xd9)
			return 1;
	return 0;
}

static uint32_t
scan_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/*
 * Walk a PNG's chunks and inflate its image data into a small buffer,
 * counting: refused when a chunk runs past the end of the file, the data
 * is corrupt, or it inflates to more or less than the declared size
 * needs.  Nothing is kept, so a bomb costs time bounded by the header
 * limits, not memory; and libpng never meets a broken file (it would
 * print its complaints on standard error).
 */
static int
scan_png_check(const unsigned char *d, size_t n, char **cause)
{
	unsigned char out[65536];
	size_t at = 8, got = 0, need = 0;
	uint32_t len, w = 0, h = 0;
	int depth, chans, interlace = 0, rc, end = 0, zdone = 0;
	z_stream z;

	memset(&z, 0, sizeof z);
	if (inflateInit(&z) != Z_OK) {
		*cause = xasprintf(_("out of memory"));
		return -1;
	}
	while (!end) {
		if (n - at < 12 || (len = scan_be32(d + at)) > n - at - 12)
			goto cut;
		if (memcmp(d + at + 4, "IHDR", 4) == 0 && len >= 13) {
			const unsigned char *p = d + at + 8;

			w = scan_be32(p);
			h = scan_be32(p + 4);
			depth = p[8];
			chans = p[9] == 0 ? 1 : p[9] == 2 ? 3 : p[9] == 3 ? 1 :
			    p[9] == 4 ? 2 : 4;
			interlace = p[12];
			need = (size_t)h * (1 + ((size_t)w * (size_t)depth *
			    (size_t)chans + 7) / 8);
		} else if (memcmp(d + at + 4, "IDAT", 4) == 0 && !zdone) {
			z.next_in = (unsigned char *)d + at + 8;
			z.avail_in = len;
			while (z.avail_in > 0 && !zdone) {
				z.next_out = out;
				z.avail_out = sizeof out;
				rc = inflate(&z, Z_NO_FLUSH);
				got += sizeof out - z.avail_out;
				if (rc == Z_STREAM_END)
					zdone = 1;
				else if (rc != Z_OK && rc != Z_BUF_ERROR)
					goto corrupt;
				if (need > 0 && got > need && !interlace)
					goto corrupt;
				if (rc == Z_BUF_ERROR && z.avail_out != 0)
					break;
			}
		} else if (memcmp(d + at + 4, "IEND", 4) == 0)
			end = 1;
		at += 12 + (size_t)len;
	}
	inflateEnd(&z);
	if (!zdone || (!interlace && got != need) || (interlace && got < need))
		goto cut_done;
	return 0;
corrupt:
	inflateEnd(&z);
	*cause = xasprintf(_("the PNG image data is corrupt or larger than "
	    "its header says"));
	return -1;
cut:
	inflateEnd(&z);
cut_done:
	*cause = xasprintf(_("the PNG data is damaged or cut short"));
	return -1;
}

/* Decode an image page with Leptonica, after checking its header. */
static PIX *
scan_image_page(struct scan_source *src, int page, char **cause)
{
	l_int32 format, w = 0, h = 0, bps = 0, spp = 0, cmap = 0, res = 0;
	l_int32 nwarn = 0;
	PIX *pix = NULL, *grey;
	int rc;

	if (src->kind == KIND_TIFF)
		rc = readHeaderMemTiff(src->data, src->size, page, &w, &h,
		    &bps, &spp, &res, &cmap, &format);
	else
		rc = pixReadHeaderMem(src->data, src->size, &format, &w, &h,
		    &bps, &spp, &cmap);
	if (rc != 0) {
		*cause = xasprintf(_("the image header cannot be read"));
		return NULL;
	}
	if (scan_check_size(w, h, cause) != 0)
		return NULL;
	switch (src->kind) {
	case KIND_PNG:
		if (scan_png_check(src->data, src->size, cause) != 0)
			return NULL;
		pix = pixReadMemPng(src->data, src->size);
		break;
	case KIND_JPEG:
		if (!scan_jpeg_complete(src->data, src->size)) {
			*cause = xasprintf(_("the JPEG data is cut short (no "
			    "end marker)"));
			return NULL;
		}
		/* Leptonica fails on corrupt data unless told otherwise. */
		pix = pixReadMemJpeg(src->data, src->size, 0, 1, &nwarn,
		    L_JPEG_READ_LUMINANCE);
		if (pix != NULL && nwarn > 0) {
			pixDestroy(&pix);
			*cause = xasprintf(_("the JPEG data is damaged or cut "
			    "short"));
			return NULL;
		}
		break;
	case KIND_TIFF:
		pix = pixReadMemTiff(src->data, src->size, page);
		break;
	default:
		break;
	}
	if (pix == NULL) {
		*cause = xasprintf(_("the %s data is damaged or cut short"),
		    scan_source_kind(src));
		return NULL;
	}
	if (pixGetWidth(pix) != w || pixGetHeight(pix) != h) {
		pixDestroy(&pix);
		*cause = xasprintf(_("the image is not the size its header "
		    "declares"));
		return NULL;
	}
	if (pixGetDepth(pix) == 8 && pixGetColormap(pix) == NULL)
		return pix;
	grey = pixConvertTo8(pix, 0);
	pixDestroy(&pix);
	if (grey == NULL)
		*cause = xasprintf(_("the image cannot be made grey"));
	return grey;
}

int
scan_source_page(struct scan_source *src, int page, struct scan_image **out,
    char **cause)
{
	PIX *pix;

	if (page < 0 || page >= src->pages) {
		*cause = xasprintf(_("there is no page %d"), page + 1);
		return -1;
	}
	pix = src->kind == KIND_PDF ? scan_pdf_page(src, page, cause) :
	    scan_image_page(src, page, cause);
	if (pix == NULL)
		return -1;
	if (pixGetWidth(pix) < SCAN_MIN_SIDE || pixGetHeight(pix) <
	    SCAN_MIN_SIDE) {
		*cause = xasprintf(_("the image is only %d x %d pixels: scan "
		    "the sheet at 150 dpi or more"), pixGetWidth(pix),
		    pixGetHeight(pix));
		pixDestroy(&pix);
		return -1;
	}
	*out = scan_image_make(pix);
	return 0;
}

struct scan_image *
scan_image_make(PIX *grey)
{
	struct scan_image *img = xcalloc(1, sizeof *img);
	PIX *work = pixClone(grey), *half;
	l_uint32 *line;
	int x, y;

	img->full = grey;
	while (pixGetWidth(work) > SCAN_WORK_MAX_W &&
	    pixGetHeight(work) > SCAN_WORK_MAX_W) {
		half = pixScaleAreaMap2(work);
		pixDestroy(&work);
		work = half;
	}
	img->work_w = pixGetWidth(work);
	img->work_h = pixGetHeight(work);
	img->work_scale = (double)pixGetWidth(grey) / img->work_w;
	img->work = xmalloc((size_t)img->work_w * (size_t)img->work_h);
	for (y = 0; y < img->work_h; y++) {
		uint8_t *dst = img->work + (size_t)y * (size_t)img->work_w;

		line = pixGetData(work) + (size_t)y * pixGetWpl(work);
		for (x = 0; x < img->work_w; x++)
			dst[x] = (uint8_t)GET_DATA_BYTE(line, x);
	}
	pixDestroy(&work);
	return img;
}

void
scan_image_free(struct scan_image **imgp)
{
	struct scan_image *img = *imgp;

	if (img == NULL)
		return;
	pixDestroy(&img->full);
	free(img->work);
	free(img);
	*imgp = NULL;
}

void
scan_image_size(const struct scan_image *img, int *w, int *h)
{
	*w = pixGetWidth(img->full);
	*h = pixGetHeight(img->full);
}
