/*
 * QR codes in the PDFs, encoded by libqrencode and drawn as vector squares:
 * one path of the dark modules (runs along each row joined), filled at
 * once so that no seam shows between neighbours, on a white square that
 * includes the four-module quiet zone.
 */
#include "config.h"

#include "pdf-int.h"

#include <errno.h>
#include <qrencode.h>
#include <string.h>

#include "core/core.h"

int
pdf_qr(struct pdf *p, double x, double y, double size, const char *text,
    char **cause)
{
	QRcode *qr;
	double m;
	int r, c, run;

	/* Level M: 15% of the code may be lost to a smudge or a fold. */
	qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (qr == NULL) {
		*cause = xasprintf("cannot make the QR code of \"%s\": %s",
		    text, strerror(errno));
		return -1;
	}
	m = size / (qr->width + 8);
	cairo_save(p->cr);
	cairo_set_source_rgb(p->cr, 1, 1, 1);
	cairo_rectangle(p->cr, x, y, size, size);
	cairo_fill(p->cr);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_set_fill_rule(p->cr, CAIRO_FILL_RULE_WINDING);
	for (r = 0; r < qr->width; r++)
		for (c = 0; c < qr->width; c += run > 0 ? run : 1) {
			run = 0;
			while (c + run < qr->width &&
			    (qr->data[r * qr->width + c + run] & 1))
				run++;
			if (run > 0)
				cairo_rectangle(p->cr, x + (c + 4) * m,
				    y + (r + 4) * m, run * m, m);
		}
	cairo_fill(p->cr);
	cairo_restore(p->cr);
	QRcode_free(qr);
	return 0;
}
