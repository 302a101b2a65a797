/*
 * A table of strings: what the core hands to presenters (text, CSV, PDF) for
 * lists and reports.  The first row is the header; every row has ncols cells.
 */
#ifndef FIRSTLINE_TABLE_H
#define FIRSTLINE_TABLE_H

#include <stddef.h>

struct table {
	size_t	  ncols;
	size_t	  nrows;	/* including the header */
	size_t	  cap;
	char	**cells;	/* nrows * ncols, row-major */
	/* Bit i set: column i is numeric (right-aligned in text). */
	unsigned long numeric;
};

/* Start a table with the given header cells (ncols of them). */
void table_init(struct table *t, size_t ncols, const char *const *header);
/* Free every cell; the table is empty afterwards. */
void table_release(struct table *t);
/* Append a row of ncols cells; the strings are copied, NULL becomes "". */
void table_add(struct table *t, const char *const *cells);
/* Cell at row r (0 is the header), column c. */
const char *table_cell(const struct table *t, size_t r, size_t c);

#endif
