/*
 * Tables in the PDFs: column widths fitted to the page (the widest cells,
 * wrapping the columns that may wrap when the page is too narrow), a
 * shaded header band repeated at the top of every page the table runs
 * onto, rows as tall as their most wrapped cell, zebra shading.
 */
#include "config.h"

#include "pdf-int.h"

#include <stdlib.h>

#include "core/core.h"

void
pdf_fit_widths(const double *nat, const double *weight, size_t n,
    double avail, double min, double *out)
{
	double sum = 0, fixed = 0, k = 0, rest, wsum;
	size_t i;
	int changed;
	char *done;

	if (n == 0)
		return;
	for (i = 0; i < n; i++)
		sum += nat[i];
	if (sum <= avail) {
		/* Room to spare: every column gets an equal share. */
		for (i = 0; i < n; i++)
			out[i] = nat[i] + (avail - sum) / (double)n;
		return;
	}
	/*
	 * Too wide: the flexible columns (weight > 0) share what the others
	 * leave in proportion to their weights, k per unit; one that needs
	 * less than its share keeps its natural width and leaves the rest.
	 */
	done = xcalloc(n, 1);
	for (i = 0; i < n; i++)
		if (weight[i] <= 0) {
			done[i] = 1;
			fixed += nat[i];
		}
	do {
		rest = avail - fixed;
		wsum = 0;
		for (i = 0; i < n; i++)
			if (!done[i])
				wsum += weight[i];
		if (wsum <= 0)
			break;
		k = rest / wsum;
		changed = 0;
		for (i = 0; i < n; i++)
			if (!done[i] && nat[i] <= k * weight[i]) {
				done[i] = 1;
				fixed += nat[i];
				changed = 1;
			}
	} while (changed);
	sum = 0;
	for (i = 0; i < n; i++) {
		out[i] = done[i] ? nat[i] : k * weight[i];
		if (!done[i] && out[i] < min)
			out[i] = min;
		sum += out[i];
	}
	free(done);
	if (sum > avail)	/* still too wide: everything shrinks */
		for (i = 0; i < n; i++)
			out[i] *= avail / sum;
}

static const char *
pdf_cell(const struct table *t, size_t r, size_t c,
    const struct pdf_col *cols)
{
	const char *s = table_cell(t, r, c);

	return cols[c].translate && *s != '\0' ? _(s) : s;
}

/* The header band of a table at the cursor. */
static void
pdf_table_header(struct pdf *p, size_t n, const struct pdf_col *cols,
    double size, double rowh, double pad)
{
	double x = p->left, lh = pdf_line_height(p, size);
	size_t c;

	pdf_fill(p, p->left, p->y, p->right - p->left, rowh, 0.86);
	for (c = 0; c < n; c++) {
		pdf_text(p, x + pad, p->y + (rowh - lh) / 2, cols[c].width -
		    2 * pad, size, PDF_BOLD | (cols[c].style & PDF_RIGHT),
		    cols[c].label);
		x += cols[c].width;
	}
	p->y += rowh;
	pdf_line(p, p->left, p->y, p->right, p->y, 0.8, 0.2);
}

/* The style a cell of column col is set in. */
static int
pdf_cell_style(const struct pdf_col *col)
{
	return col->style | (col->wrap ? PDF_WRAP : 0);
}

void
pdf_table(struct pdf *p, const struct table *t, struct pdf_col *cols,
    double size)
{
	size_t n = t->ncols, r, c;
	double *nat = xcalloc(n, sizeof *nat), *w = xcalloc(n, sizeof *w);
	double *mean = xcalloc(n, sizeof *mean);
	double pad = size * 0.3, vpad = size * 0.25;
	double lh = pdf_line_height(p, size), rowh, h, x, cw;

	/* Natural widths, and the weights of the columns that may wrap. */
	for (c = 0; c < n; c++) {
		pdf_measure(p, size, PDF_BOLD, cols[c].label, &nat[c], NULL);
		for (r = 1; r < t->nrows; r++) {
			pdf_measure(p, size, cols[c].style,
			    pdf_cell(t, r, c, cols), &cw, NULL);
			if (cw > nat[c])
				nat[c] = cw;
			mean[c] += cw;
		}
		nat[c] += 2 * pad + 0.5;
		/*
		 * Between the typical cell and the widest: long names wrap
		 * onto a second line, not a fifth.
		 */
		mean[c] = cols[c].wrap && t->nrows > 1 ? (nat[c] +
		    mean[c] / (double)(t->nrows - 1) + 2 * pad) / 2 : 0;
	}
	pdf_fit_widths(nat, mean, n, p->right - p->left, size * 4, w);
	for (c = 0; c < n; c++)
		cols[c].width = w[c];

	pdf_need(p, 2 * (lh + 2 * vpad));
	pdf_table_header(p, n, cols, size, lh + 2 * vpad, pad);
	for (r = 1; r < t->nrows; r++) {
		/* A row is as tall as its most wrapped cell. */
		rowh = lh;
		for (c = 0; c < n; c++)
			if (cols[c].wrap) {
				h = pdf_text_height(p, cols[c].width - 2 * pad,
				    size, pdf_cell_style(&cols[c]),
				    pdf_cell(t, r, c, cols));
				if (h > rowh)
					rowh = h;
			}
		rowh += 2 * vpad;
		if (p->y + rowh > p->bottom) {
			pdf_page_new(p);
			pdf_table_header(p, n, cols, size, lh + 2 * vpad, pad);
		}
		if (r % 2 == 0)
			pdf_fill(p, p->left, p->y, p->right - p->left, rowh,
			    0.95);
		x = p->left;
		for (c = 0; c < n; c++) {
			pdf_text(p, x + pad, p->y + vpad, cols[c].width -
			    2 * pad, size, pdf_cell_style(&cols[c]),
			    pdf_cell(t, r, c, cols));
			x += cols[c].width;
		}
		p->y += rowh;
	}
	pdf_line(p, p->left, p->y, p->right, p->y, 0.8, 0.2);
	free(mean);
	free(w);
	free(nat);
}
