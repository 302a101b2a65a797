/*
 * Presenting tables on the command line: text aligned by display width
 * (Chinese characters take two columns), or RFC 4180 CSV through libcsv.
 * Text cells are made safe for a terminal (text_safe); CSV cells are
 * guarded against spreadsheet formulas (output_csv_guard).
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
	size_t *w = xcalloc(t->ncols, sizeof *w), r, c, cw, n;
	char **cells = xcalloc(t->nrows * t->ncols + 1, sizeof *cells);
	const char *cell;
	char buf[32];

	/* Whatever the source (a bank title, a name), no control or bidi
	 * character reaches the terminal: each cell is shown safe. */
	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncols; c++) {
			cell = output_cell(t, r, c, buf);
			n = r * t->ncols + c;
			cells[n] = text_safe(cell, strlen(cell), 1, NULL);
			cw = text_width(cells[n]);
			if (cw > w[c])
				w[c] = cw;
		}
	for (r = 0; r < t->nrows; r++) {
		size_t len = 0, keep = 0;	/* keep: up to the last non-space */
		char *line = NULL;
		FILE *row = open_memstream(&line, &len);

		if (row == NULL)
			row = fp;	/* no memory: padded as it comes */
		for (c = 0; c < t->ncols; c++) {
			cell = cells[r * t->ncols + c];
			cw = text_width(cell);
			if (c > 0)
				fputs("  ", row);
			if (t->numeric & (1ul << c)) {
				output_pad(row, w[c] - cw);
				fputs(cell, row);
			} else {
				fputs(cell, row);
				if (c + 1 < t->ncols)
					output_pad(row, w[c] - cw);
			}
		}
		if (row != fp) {
			/* No trailing spaces when the last cells are empty. */
			fclose(row);
			for (n = 0; n < len; n++)
				if (line[n] != ' ')
					keep = n + 1;
			fwrite(line, 1, keep, fp);
			free(line);
		}
		fputc('\n', fp);
	}
	for (n = 0; n < t->nrows * t->ncols; n++)
		free(cells[n]);
	free(cells);
	free(w);
}

/* Whether s is a plain decimal number ("-3", "12.5"): never a formula. */
static int
output_is_number(const char *s)
{
	int digits = 0, dot = 0;

	if (*s == '-')
		s++;
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (*s == '.' && !dot && digits > 0)
			dot = 1;
		else
			return 0;
	}
	return digits > 0 && s[-1] != '.';
}

/*
 * The OWASP rule against CSV injection: a cell that starts with = + - @,
 * a tab or a carriage return would be run as a formula by a spreadsheet,
 * so it gets a leading single quote, shown as text.  A cell that starts
 * with a quote gets one more, so the rule is reversible: a reader drops
 * one leading quote from every cell that starts with one.  Plain numbers
 * ("-3", "-0.25") are left alone.  Returns a new string or NULL when the
 * cell needs no guard.
 */
static char *
output_csv_guard(const char *cell)
{
	if (strchr("=+-@\t\r'", *cell) == NULL || *cell == '\0' ||
	    output_is_number(cell))
		return NULL;
	return xasprintf("'%s", cell);
}

static void
output_csv(const struct table *t, FILE *fp)
{
	size_t r, c;
	const char *cell;
	char *guarded;

	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			cell = table_cell(t, r, c);
			if ((guarded = output_csv_guard(cell)) != NULL)
				cell = guarded;
			if (c > 0)
				fputc(',', fp);
			if (strpbrk(cell, ",\"\r\n") != NULL ||
			    (*cell == ' ' || (*cell != '\0' &&
			    cell[strlen(cell) - 1] == ' ')))
				csv_fwrite(fp, cell, strlen(cell));
			else
				fputs(cell, fp);
			free(guarded);
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
