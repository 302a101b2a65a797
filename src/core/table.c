/*
 * Tables of strings handed from the core to the presenters.
 */
#include "config.h"

#include "table.h"

#include <stdlib.h>

#include "xalloc.h"

void
table_init(struct table *t, size_t ncols, const char *const *header)
{
	t->ncols = ncols;
	t->nrows = 0;
	t->cap = 0;
	t->cells = NULL;
	t->numeric = 0;
	table_add(t, header);
}

void
table_release(struct table *t)
{
	size_t i;

	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	t->cells = NULL;
	t->nrows = t->cap = 0;
}

void
table_add(struct table *t, const char *const *cells)
{
	size_t i, base = t->nrows * t->ncols;

	xgrow(&t->cells, &t->cap, base + t->ncols, sizeof *t->cells);
	for (i = 0; i < t->ncols; i++)
		t->cells[base + i] = xstrdup(cells[i] ? cells[i] : "");
	t->nrows++;
}

const char *
table_cell(const struct table *t, size_t r, size_t c)
{
	return t->cells[r * t->ncols + c];
}
