/*
 * The key-in form (firstline paper enter / paper review) computed without
 * a terminal: where the question rows, their fields and the detail of the
 * focused question go on a cols x rows screen, and the layout (struct lay)
 * that ui.c draws, with the questions numbered as printed and the options
 * lettered in the printed order.  Texts are cut and wrapped by display
 * width, so Chinese lines up.  No curses and no database: the unit tests
 * call these directly.
 */
#ifndef FIRSTLINE_TUI_KEYIN_LAYOUT_H
#define FIRSTLINE_TUI_KEYIN_LAYOUT_H

#include <stddef.h>

#include "core/attempt.h"
#include "layout.h"

/* Columns of an answer field (the longest answer: 8 ordering steps). */
#define KI_FIELD_WIDTH 8

struct ki_geom {
	int	cols;
	int	rows;
	int	first_row;	/* the first question row */
	int	per_page;	/* question rows on a page */
	int	npages;
	int	num_col;	/* "12" ends before type_col - 1 */
	int	type_col;
	int	type_width;
	int	field_col;
	int	stem_col;	/* the start of the stem, cut to the edge */
	int	stem_width;
	int	detail_row;	/* how to key the focused question, its stem */
	int	detail_lines;	/* and its options, on this many rows */
	int	message_row;
	int	hints_row;
	size_t	nitems;
};

/*
 * The geometry for the paper a (its questions and most options) on a
 * cols x rows screen (at least LAY_MIN_COLS x LAY_MIN_ROWS), with a
 * context line above the questions when has_context.
 */
void ki_geom(struct ki_geom *g, int cols, int rows, const struct attempt *a,
    int has_context);
/* The page and screen row of question i. */
int ki_page(const struct ki_geom *g, size_t i);
int ki_row(const struct ki_geom *g, size_t i);

/* "single", "单选": the type of a question, short, in the chosen language. */
const char *ki_type_label(enum qtype t);
/* How to key an answer to it, one line in the chosen language (new). */
char *ki_help(const struct paper_item *it);

struct ki_view {
	const char		*who;		/* "c1 · 10000001 张三" */
	const char		*status;	/* entries so far, ... */
	const char		*context;	/* NULL, or the line below */
	const struct attempt	*a;
	size_t			 cur;		/* the focused question */
	int			 page;
	const char		*message;	/* may be NULL */
	enum lay_role		 message_role;
	const char		*hints;		/* NULL: the form's keys */
};

/*
 * The form's screen: the title bar, the status line, the question rows of
 * the page (number, type, the field left blank for the form, the stem cut
 * to the edge), the focused question in full (how to key it, its stem,
 * its options lettered as printed), the message and the key hints.
 */
void ki_layout(struct lay *l, const struct ki_geom *g,
    const struct ki_view *v);

#endif
