/*
 * The picture kept for a person: the registered page, upright and as
 * printed (whatever way it lay on the scanner), at a modest resolution,
 * with a red box around every question in doubt.  Resampled through the
 * registration map (bilinear), drawn and written by Leptonica.
 */
#include "config.h"

#include "scan-int.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/sheet.h"
#include "core/xalloc.h"

int
scan_write_png(const struct scan_image *img, const struct sheet *sh, int page,
    const struct scan_registration *reg, const unsigned char *doubt, int dpi,
    const char *path, char **cause)
{
	double mm = 25.4 / dpi, u, v;
	int w = (int)lround(SHEET_W / mm), h = (int)lround(SHEET_H / mm);
	int x, y, fd;
	l_uint8 *data = NULL;
	size_t size = 0, i, done = 0;
	ssize_t n;
	PIX *grey, *colour;
	l_uint32 *line;

	if (reg == NULL) {
		/* Not registered: the page as scanned. */
		w = img->work_w;
		h = img->work_h;
	}
	grey = pixCreate(w, h, 8);
	for (y = 0; reg == NULL && y < h; y++) {
		line = pixGetData(grey) + (size_t)y * pixGetWpl(grey);
		for (x = 0; x < w; x++)
			SET_DATA_BYTE(line, x, scan_work_at(img, x, y));
	}
	for (y = 0; reg != NULL && y < h; y++) {
		line = pixGetData(grey) + (size_t)y * pixGetWpl(grey);
		for (x = 0; x < w; x++) {
			scan_affine_apply(&reg->map, (x + 0.5) * mm,
			    (y + 0.5) * mm, &u, &v);
			SET_DATA_BYTE(line, x,
			    (int)lround(scan_work_bilinear(img, u, v)));
		}
	}
	colour = pixConvert8To32(grey);
	pixDestroy(&grey);
	for (i = 0; reg != NULL && doubt != NULL && i < sh->nitems; i++) {
		const struct sheet_item *it = &sh->items[i];
		BOX *box;

		if (!doubt[i] || it->page != page)
			continue;
		box = boxCreate((l_int32)lround(it->box.x / mm),
		    (l_int32)lround(it->box.y / mm),
		    (l_int32)lround(it->box.w / mm),
		    (l_int32)lround(it->box.h / mm));
		pixRenderBoxArb(colour, box, 2, 230, 0, 0);
		boxDestroy(&box);
	}
	if (pixWriteMemPng(&data, &size, colour, 0) != 0) {
		pixDestroy(&colour);
		*cause = xasprintf(_("cannot make the picture of the sheet"));
		return -1;
	}
	pixDestroy(&colour);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		*cause = xasprintf(_("cannot create %s: %s"), path,
		    strerror(errno));
		lept_free(data);
		return -1;
	}
	while (done < size) {
		n = write(fd, data + done, size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	lept_free(data);
	if (close(fd) != 0)
		done = 0;
	if (done < size) {
		*cause = xasprintf(_("cannot write %s: %s"), path,
		    strerror(errno));
		unlink(path);
		return -1;
	}
	return 0;
}
