/*
 * The sheet's QR code, found and decoded by ZBar: in its box on a
 * registered page (a small crop: fast, and a code pasted elsewhere is not
 * read), anywhere on a page whose marks were not found.  The working copy
 * is tried first (enough at 150 dpi and above), then the full image.  Only
 * QR codes are looked for.  The text is returned as found: whether it
 * names a sheet of this database is for the caller (and the core) to say.
 */
#include "config.h"

#include "scan-int.h"

#include <stdlib.h>
#include <string.h>

#include <zbar.h>

#include "core/i18n.h"
#include "core/sheet.h"
#include "core/xalloc.h"

#define QR_MAX_TEXT	512	/* a sheet's payload is under 100 bytes */

/*
 * Scan the w x h grey raster buf; on finding a QR code whose text starts
 * "FL1/" (else any), 0 with *text.
 */
static int
qr_scan_raster(const uint8_t *buf, int w, int h, char **text)
{
	zbar_image_scanner_t *sc;
	zbar_image_t *zi;
	const zbar_symbol_t *sym, *best = NULL;
	int found = -1;

	sc = zbar_image_scanner_create();
	zbar_image_scanner_set_config(sc, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
	zbar_image_scanner_set_config(sc, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
	zi = zbar_image_create();
	zbar_image_set_format(zi, zbar_fourcc('Y', '8', '0', '0'));
	zbar_image_set_size(zi, (unsigned)w, (unsigned)h);
	zbar_image_set_data(zi, buf, (unsigned long)w * (unsigned long)h,
	    NULL);
	if (zbar_scan_image(sc, zi) > 0) {
		for (sym = zbar_image_first_symbol(zi); sym != NULL;
		    sym = zbar_symbol_next(sym)) {
			if (zbar_symbol_get_type(sym) != ZBAR_QRCODE)
				continue;
			if (best == NULL || strncmp(zbar_symbol_get_data(sym),
			    "FL1/", 4) == 0)
				best = sym;
		}
	}
	if (best != NULL && zbar_symbol_get_data_length(best) < QR_MAX_TEXT) {
		*text = xstrndup(zbar_symbol_get_data(best),
		    zbar_symbol_get_data_length(best));
		found = 0;
	}
	zbar_image_destroy(zi);
	zbar_image_scanner_destroy(sc);
	return found;
}

/*
 * Scan the box x0..x1, y0..y1 (working pixels, clipped to the page) of
 * the working copy, or of the full image (scaled).
 */
static int
qr_scan_box(const struct scan_image *img, int full, double x0, double y0,
    double x1, double y1, char **text)
{
	double k = full ? img->work_scale : 1.0;
	int w = full ? (int)pixGetWidth(img->full) : img->work_w;
	int h = full ? (int)pixGetHeight(img->full) : img->work_h;
	int bx0, by0, bx1, by1, x, y, rc;
	uint8_t *buf;
	l_uint32 *line;

	bx0 = (int)(x0 * k);
	by0 = (int)(y0 * k);
	bx1 = (int)(x1 * k);
	by1 = (int)(y1 * k);
	bx0 = bx0 < 0 ? 0 : bx0;
	by0 = by0 < 0 ? 0 : by0;
	bx1 = bx1 > w ? w : bx1;
	by1 = by1 > h ? h : by1;
	if (bx1 - bx0 < 16 || by1 - by0 < 16)
		return -1;
	buf = xmalloc((size_t)(bx1 - bx0) * (size_t)(by1 - by0));
	for (y = by0; y < by1; y++) {
		uint8_t *dst = buf + (size_t)(y - by0) * (size_t)(bx1 - bx0);

		if (full) {
			line = pixGetData(img->full) + (size_t)y *
			    pixGetWpl(img->full);
			for (x = bx0; x < bx1; x++)
				dst[x - bx0] = (uint8_t)GET_DATA_BYTE(line, x);
		} else
			memcpy(dst, img->work + (size_t)y * (size_t)img->work_w
			    + bx0, (size_t)(bx1 - bx0));
	}
	rc = qr_scan_raster(buf, bx1 - bx0, by1 - by0, text);
	free(buf);
	return rc;
}

int
scan_qr_read(const struct scan_image *img, const struct sheet *sh,
    const struct scan_registration *reg, char **text, char **cause)
{
	double x0 = 0, y0 = 0, x1 = img->work_w, y1 = img->work_h, u, v;
	double pad = 4.0;
	int k;

	if (reg != NULL) {
		/* The box as it lies on the page, with a margin. */
		x0 = y0 = 1e9;
		x1 = y1 = -1e9;
		for (k = 0; k < 4; k++) {
			scan_affine_apply(&reg->map, sh->qr.x - pad + (k & 1 ?
			    sh->qr.w + 2 * pad : 0), sh->qr.y - pad + (k & 2 ?
			    sh->qr.h + 2 * pad : 0), &u, &v);
			x0 = u < x0 ? u : x0;
			x1 = u > x1 ? u : x1;
			y0 = v < y0 ? v : y0;
			y1 = v > y1 ? v : y1;
		}
	}
	if (qr_scan_box(img, 0, x0, y0, x1, y1, text) == 0)
		return 0;
	if (img->work_scale > 1.01 &&
	    qr_scan_box(img, 1, x0, y0, x1, y1, text) == 0)
		return 0;
	*cause = xasprintf(reg != NULL ? _("the answer sheet QR code cannot "
	    "be read") : _("no answer sheet QR code found"));
	return -1;
}
