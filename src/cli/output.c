/*
 * Presenting tables on the command line: text aligned by display width
 * (Chinese characters take two columns), or RFC 4180 CSV through libcsv.
 */
#include "config.h"

#include "cli.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

static void
output_pad(FILE *fp, size_t n)
{
	while (n-- > 0)
		fputc(' ', fp);
}

/*
 * A cell as people read it: a stored UTC stamp in local time (CSV keeps
 * the stamp, for machines).
 */
static const char *
output_cell(const struct table *t, size_t r, size_t c, char buf[32])
{
	const char *cell = table_cell(t, r, c), *local;

	local = r > 0 ? fl_local_time(cell, 1, buf) : NULL;
	return local != NULL ? local : cell;
}

static void
output_text(const struct table *t, FILE *fp)
{
	size_t *w = xcalloc(t->ncols, sizeof *w), r, c, cw;
	const char *cell;
	char buf[32];

	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncols; c++) {
			cw = text_width(output_cell(t, r, c, buf));
			if (cw > w[c])
				w[c] = cw;
		}
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			cell = output_cell(t, r, c, buf);
			cw = text_width(cell);
			if (c > 0)
				fputs("  ", fp);
			if (t->numeric & (1ul << c)) {
				output_pad(fp, w[c] - cw);
				fputs(cell, fp);
			} else {
				fputs(cell, fp);
				if (c + 1 < t->ncols)
					output_pad(fp, w[c] - cw);
			}
		}
		fputc('\n', fp);
	}
	free(w);
}

static void
output_csv(const struct table *t, FILE *fp)
{
	size_t r, c;
	const char *cell;

	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			cell = table_cell(t, r, c);
			if (c > 0)
				fputc(',', fp);
			if (strpbrk(cell, ",\"\r\n") != NULL ||
			    (*cell == ' ' || (*cell != '\0' &&
			    cell[strlen(cell) - 1] == ' ')))
				csv_fwrite(fp, cell, strlen(cell));
			else
				fputs(cell, fp);
		}
		fputs("\r\n", fp);
	}
}

void
output_table(const struct table *t, enum format f, FILE *fp)
{
	if (f == FORMAT_CSV)
		output_csv(t, fp);
	else
		output_text(t, fp);
}
