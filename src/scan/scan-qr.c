/*
 * The sheet's QR code, found and decoded by ZBar.  The working copy of the
 * page is tried first (fast, and enough at 150 dpi and above); when ZBar
 * finds nothing there, the full image.  Only QR codes are looked for.  The
 * text is returned as found: whether it names a sheet of this database is
 * for the caller (and the core) to say.
 */
#include "config.h"

#include "scan-int.h"

#include <stdlib.h>
#include <string.h>

#include <zbar.h>

#include "core/i18n.h"
#include "core/xalloc.h"

#define QR_MAX_TEXT	512	/* a sheet's payload is under 100 bytes */

/*
 * Scan the w x h grey raster buf; on finding a QR code whose text starts
 * "FL1/" (else any), 0 with *text and its centre in raster pixels.
 */
static int
qr_scan_raster(const uint8_t *buf, int w, int h, char **text, double *cx,
    double *cy)
{
	zbar_image_scanner_t *sc;
	zbar_image_t *zi;
	const zbar_symbol_t *sym, *best = NULL;
	unsigned i, n;
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
		double sx = 0, sy = 0;

		n = zbar_symbol_get_loc_size(best);
		for (i = 0; i < n; i++) {
			sx += zbar_symbol_get_loc_x(best, i);
			sy += zbar_symbol_get_loc_y(best, i);
		}
		*cx = n > 0 ? sx / n : w / 2.0;
		*cy = n > 0 ? sy / n : h / 2.0;
		*text = xstrndup(zbar_symbol_get_data(best),
		    zbar_symbol_get_data_length(best));
		found = 0;
	}
	zbar_image_destroy(zi);
	zbar_image_scanner_destroy(sc);
	return found;
}

int
scan_qr_find(const struct scan_image *img, char **text, double *cx,
    double *cy, char **cause)
{
	uint8_t *raster = NULL;
	size_t nbytes = 0;
	int w, h;

	if (qr_scan_raster(img->work, img->work_w, img->work_h, text, cx,
	    cy) == 0)
		return 0;
	if (img->work_scale > 1.01) {
		w = pixGetWidth(img->full);
		h = pixGetHeight(img->full);
		if (pixGetRasterData(img->full, &raster, &nbytes) == 0 &&
		    nbytes == (size_t)w * (size_t)h &&
		    qr_scan_raster(raster, w, h, text, cx, cy) == 0) {
			lept_free(raster);
			*cx /= img->work_scale;
			*cy /= img->work_scale;
			return 0;
		}
		lept_free(raster);
	}
	*cause = xasprintf(_("no answer sheet QR code found"));
	return -1;
}
