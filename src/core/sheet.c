/*
 * Answer sheet geometry (sheet.h): the corner marks, the header boxes and
 * the bubbles of every item of a frozen paper, flowed down three columns;
 * and the conversion between filled bubbles and responses.  The code
 * printed in the QR box is in sheet-code.c.
 */
#include "config.h"

#include "sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

/* The area the columns fill, and the columns. */
#define BODY_X		17.0
#define BODY_Y		57.0
#define BODY_W		176.0
#define BODY_H		222.0
#define NCOLS		3
#define COL_W		(BODY_W / NCOLS)
/* Inside a column: the number, the step letters, then the bubbles. */
#define NUM_W		7.0
#define STEP_W		4.5
/* Space above and below an ordering grid. */
#define GRID_PAD	1.5

static const struct sheet_mark sheet_marks[4] = {
	{ 12.0, 12.0, SHEET_MARK_SIDE, 0 },
	{ SHEET_W - 12.0, 12.0, SHEET_MARK_SIDE, 0 },
	{ 12.0, SHEET_H - 12.0, SHEET_MARK_SIDE, 0 },
	{ SHEET_W - 12.0, SHEET_H - 12.0, SHEET_MARK_SIDE, SHEET_MARK_HOLE },
};

/* Rows and columns of bubbles of an item; -1 and *cause if impossible. */
static int
sheet_shape(const struct paper_item *it, size_t i, int *rows, int *cols,
    char **cause)
{
	if (it->type == QTYPE_TRUEFALSE) {
		*rows = 1;
		*cols = 2;
		return 0;
	}
	if (it->noptions < 1 || it->noptions > SHEET_MAX_OPTIONS) {
		*cause = xasprintf("question %zu has %zu options; a sheet has "
		    "room for 1 to %d", i + 1, it->noptions,
		    SHEET_MAX_OPTIONS);
		return -1;
	}
	*cols = (int)it->noptions;
	*rows = it->type == QTYPE_ORDERING ? (int)it->noptions : 1;
	return 0;
}

int
sheet_layout(const struct paper_item *items, size_t n, struct sheet **out,
    char **cause)
{
	struct sheet *sh;
	size_t i, total = 0;
	int page = 0, col = 0, rows, cols, r, c;
	double y = BODY_Y, h, pad, x0;

	*out = NULL;
	for (i = 0; i < n; i++) {
		if (sheet_shape(&items[i], i, &rows, &cols, cause) != 0)
			return -1;
		total += (size_t)rows * (size_t)cols;
	}
	sh = xcalloc(1, sizeof *sh);
	memcpy(sh->marks, sheet_marks, sizeof sh->marks);
	sh->qr = (struct sheet_box){ SHEET_W - 47.0, 17.0, 30.0, 30.0 };
	sh->title = (struct sheet_box){ 18.0, 9.5, 140.0, 7.0 };
	sh->who = (struct sheet_box){ 18.0, 17.5, 140.0, 9.0 };
	sh->help = (struct sheet_box){ 18.0, 27.5, 140.0, 26.5 };
	sh->body = (struct sheet_box){ BODY_X, BODY_Y, BODY_W, BODY_H };
	sh->footer_y = SHEET_H - 12.0;
	sh->items = xcalloc(n ? n : 1, sizeof *sh->items);
	sh->bubbles = xcalloc(total ? total : 1, sizeof *sh->bubbles);
	sh->nitems = n;

	for (i = 0; i < n; i++) {
		struct sheet_item *si = &sh->items[i];

		sheet_shape(&items[i], i, &rows, &cols, cause);
		pad = items[i].type == QTYPE_ORDERING ? GRID_PAD : 0.0;
		h = rows * SHEET_PITCH_Y + 2 * pad;
		if (y + h > BODY_Y + BODY_H) {
			y = BODY_Y;
			if (++col == NCOLS) {
				col = 0;
				if (++page == SHEET_MAX_PAGES) {
					*cause = xasprintf("the paper needs "
					    "more than %d answer sheet pages",
					    SHEET_MAX_PAGES);
					sheet_free(&sh);
					return -1;
				}
			}
		}
		x0 = BODY_X + col * COL_W;
		si->item = i;
		si->type = items[i].type;
		si->page = page;
		si->box = (struct sheet_box){ x0, y, COL_W, h };
		si->num_x = x0 + NUM_W;
		si->num_y = y + pad + SHEET_PITCH_Y / 2;
		si->step_x = x0 + NUM_W + STEP_W / 2;
		si->rows = rows;
		si->cols = cols;
		si->first = sh->nbubbles;
		for (r = 0; r < rows; r++)
			for (c = 0; c < cols; c++) {
				struct sheet_bubble *b =
				    &sh->bubbles[sh->nbubbles++];

				b->item = i;
				b->page = page;
				b->row = r;
				b->col = c;
				b->x = x0 + NUM_W + STEP_W +
				    (c + 0.5) * SHEET_PITCH_X;
				b->y = y + pad + (r + 0.5) * SHEET_PITCH_Y;
				b->r = SHEET_BUBBLE_R;
			}
		y += h;
	}
	sh->npages = page + 1;
	*out = sh;
	return 0;
}

void
sheet_free(struct sheet **shp)
{
	struct sheet *sh = *shp;

	if (sh == NULL)
		return;
	free(sh->items);
	free(sh->bubbles);
	free(sh);
	*shp = NULL;
}

char *
sheet_response(const struct paper_item *it, const unsigned char *filled,
    char **cause)
{
	char buf[4 * SHEET_MAX_OPTIONS + 1], *p = buf;
	int n = (int)it->noptions, r, c, count = 0, at[SHEET_MAX_OPTIONS];
	int rows_used[SHEET_MAX_OPTIONS] = { 0 }, last = -1;

	*buf = '\0';
	if (it->type == QTYPE_TRUEFALSE) {
		if (filled[0] && filled[1]) {
			*cause = xasprintf(_("both true and false are "
			    "filled"));
			return NULL;
		}
		return xstrdup(filled[0] ? "1" : filled[1] ? "0" : "");
	}
	if (n < 1 || n > SHEET_MAX_OPTIONS) {
		*cause = xasprintf("an item with %d options", n);
		return NULL;
	}
	if (it->type != QTYPE_ORDERING) {
		for (c = 0; c < n; c++) {
			if (!filled[c])
				continue;
			if (++count > 1 && it->type == QTYPE_SINGLE) {
				*cause = xasprintf(_("more than one option is "
				    "filled"));
				return NULL;
			}
			p += sprintf(p, "%s%d", p == buf ? "" : ",", c);
		}
		return xstrdup(buf);
	}
	/* Ordering: at[place] = the step put there. */
	for (c = 0; c < n; c++) {
		at[c] = -1;
		for (r = 0; r < n; r++) {
			if (!filled[r * n + c])
				continue;
			if (at[c] >= 0) {
				*cause = xasprintf(_("two steps are put at "
				    "place %d"), c + 1);
				return NULL;
			}
			if (rows_used[r]++) {
				*cause = xasprintf(_("step %c is put at two "
				    "places"), 'A' + r);
				return NULL;
			}
			at[c] = r;
		}
		if (at[c] >= 0)
			last = c;
	}
	for (c = 0; c <= last; c++) {
		if (at[c] < 0) {
			*cause = xasprintf(_("place %d is empty but a later "
			    "place is filled"), c + 1);
			return NULL;
		}
		p += sprintf(p, "%s%d", c ? "," : "", at[c]);
	}
	return xstrdup(buf);
}

int
sheet_fill(const struct paper_item *it, const char *response,
    unsigned char *filled)
{
	int n = (int)it->noptions, rows, cols, k = 0, seen = 0;
	long v;
	char *end;
	const char *r = response;

	if (it->type == QTYPE_TRUEFALSE) {
		filled[0] = filled[1] = 0;
		if (*r == '\0')
			return 0;
		if (strcmp(r, "1") != 0 && strcmp(r, "0") != 0)
			return -1;
		filled[*r == '1' ? 0 : 1] = 1;
		return 0;
	}
	if (n < 1 || n > SHEET_MAX_OPTIONS)
		return -1;
	rows = it->type == QTYPE_ORDERING ? n : 1;
	cols = n;
	memset(filled, 0, (size_t)(rows * cols));
	while (*r != '\0') {
		v = strtol(r, &end, 10);
		if (end == r || v < 0 || v >= n || (seen & (1 << v)) || k >= n)
			return -1;
		seen |= 1 << v;
		if (it->type == QTYPE_ORDERING)
			filled[v * cols + k] = 1;
		else
			filled[v] = 1;
		k++;
		r = end;
		if (*r == ',' && r[1] != '\0')
			r++;
		else if (*r != '\0')
			return -1;
	}
	if (it->type == QTYPE_SINGLE && k > 1)
		return -1;
	return 0;
}
