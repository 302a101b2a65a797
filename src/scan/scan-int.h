/*
 * Inside the scan library: the image type and the helpers its files share.
 * Only src/scan includes this header (and so Leptonica's).
 */
#ifndef FIRSTLINE_SCAN_INT_H
#define FIRSTLINE_SCAN_INT_H

#include <math.h>
#include <stdint.h>

#include <leptonica/allheaders.h>

#include "scan.h"

/*
 * A page: the decoded grey image, and a working copy reduced to about
 * 150-220 dpi (A4 no wider than SCAN_WORK_MAX_W pixels) as a plain byte
 * raster, on which marks are found and bubbles measured.  The QR code is
 * read from the working copy first, from the full image if that fails.
 */
#define SCAN_WORK_MAX_W	1800

struct scan_image {
	PIX		*full;		/* 8 bpp grey */
	uint8_t		*work;		/* work_w * work_h bytes, row by row */
	int		 work_w, work_h;
	double		 work_scale;	/* full pixels per working pixel */
};

/* Make a scan_image from an 8-bpp grey pix (taken over). */
struct scan_image *scan_image_make(PIX *grey);

/* The grey level at (x, y) of the working copy, 255 (white) outside. */
static inline int
scan_work_at(const struct scan_image *img, int x, int y)
{
	if (x < 0 || y < 0 || x >= img->work_w || y >= img->work_h)
		return 255;
	return img->work[(size_t)y * (size_t)img->work_w + (size_t)x];
}

/* The grey level at (u, v) of the working copy, bilinear. */
static inline double
scan_work_bilinear(const struct scan_image *img, double u, double v)
{
	int x = (int)floor(u), y = (int)floor(v);
	double fx = u - x, fy = v - y, top, bot;

	top = scan_work_at(img, x, y) * (1 - fx) +
	    scan_work_at(img, x + 1, y) * fx;
	bot = scan_work_at(img, x, y + 1) * (1 - fx) +
	    scan_work_at(img, x + 1, y + 1) * fx;
	return top * (1 - fy) + bot * fy;
}

#endif
