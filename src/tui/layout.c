/*
 * The trainee client's screens as layouts: spans of text at rows and
 * columns, in roles, wrapped and clipped by display width.  Pure: no
 * curses, no clock, no database; the unit tests call these directly.
 */
#include "config.h"

#include "layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "lang.h"

void
lay_init(struct lay *l, int cols, int rows)
{
	memset(l, 0, sizeof *l);
	l->cols = cols;
	l->rows = rows;
	l->cursor_row = -1;
	l->cursor_col = -1;
}

void
lay_release(struct lay *l)
{
	size_t i;

	for (i = 0; i < l->nspans; i++)
		free(l->spans[i].text);
	free(l->spans);
	l->spans = NULL;
	l->nspans = l->cap = 0;
}

int
lay_too_small(int cols, int rows)
{
	return cols < LAY_MIN_COLS || rows < LAY_MIN_ROWS;
}

static struct lay_span *
lay_add(struct lay *l)
{
	struct lay_span *sp;

	xgrow(&l->spans, &l->cap, l->nspans + 1, sizeof *l->spans);
	sp = &l->spans[l->nspans++];
	memset(sp, 0, sizeof *sp);
	return sp;
}

int
lay_put(struct lay *l, int row, int col, enum lay_role role,
    const char *text)
{
	struct lay_span *sp;
	size_t len, used;
	char *copy, *safe;

	if (row < 0 || row >= l->rows || col < 0 || col >= l->cols ||
	    text == NULL || *text == '\0')
		return 0;
	/* Control and bidi characters would move the cursor or disguise
	 * the text: shown as U+FFFD (the core's one rule). */
	copy = xstrdup(text);
	for (len = 0; copy[len] != '\0'; len++)
		if (copy[len] == '\t')
			copy[len] = ' ';
	safe = text_safe(copy, len, 1, NULL);
	free(copy);
	copy = safe;
	len = text_fit(copy, (size_t)(l->cols - col), &used);
	if (len == 0) {
		free(copy);
		return 0;
	}
	copy[len] = '\0';
	sp = lay_add(l);
	sp->row = row;
	sp->col = col;
	sp->width = (int)used;
	sp->role = role;
	sp->text = copy;
	return (int)used;
}

int
lay_put_right(struct lay *l, int row, int end, enum lay_role role,
    const char *text)
{
	int w = (int)text_width(text);
	int col = end - w;

	if (col < 0)
		col = 0;
	return lay_put(l, row, col, role, text);
}

void
lay_bar(struct lay *l, int row, enum lay_role role)
{
	struct lay_span *sp;

	if (row < 0 || row >= l->rows)
		return;
	sp = lay_add(l);
	sp->row = row;
	sp->width = l->cols;
	sp->role = role;
	sp->bar = 1;
}

int
lay_wrap(struct lay *l, int row, int col, int width, int maxrows,
    enum lay_role role, const char *s)
{
	struct text_line *lines;
	size_t n, i;
	char *part;

	if (width < 2)
		width = 2;
	n = text_wrap(s, (size_t)width, &lines);
	for (i = 0; i < n; i++) {
		if (maxrows > 0 && (int)i >= maxrows)
			break;
		part = xstrndup(s + lines[i].start, lines[i].len);
		lay_put(l, row + (int)i, col, role, part);
		free(part);
	}
	free(lines);
	return (int)n;
}

static int
lay_span_cmp(const void *a, const void *b)
{
	const struct lay_span *x = *(const struct lay_span *const *)a;
	const struct lay_span *y = *(const struct lay_span *const *)b;

	return (x->col > y->col) - (x->col < y->col);
}

char **
lay_render(const struct lay *l)
{
	char **rows = xcalloc((size_t)l->rows, sizeof *rows);
	const struct lay_span **in = xcalloc(l->nspans + 1, sizeof *in);
	size_t i, n, len, cap;
	int r, at;
	char *buf;

	for (r = 0; r < l->rows; r++) {
		n = 0;
		for (i = 0; i < l->nspans; i++)
			if (l->spans[i].row == r && !l->spans[i].bar)
				in[n++] = &l->spans[i];
		qsort(in, n, sizeof *in, lay_span_cmp);
		cap = (size_t)l->cols * 4 + 1;
		buf = xmalloc(cap);
		len = 0;
		at = 0;
		for (i = 0; i < n; i++) {
			size_t tl = strlen(in[i]->text);

			while (at < in[i]->col) {
				xgrow(&buf, &cap, len + 2, 1);
				buf[len++] = ' ';
				at++;
			}
			xgrow(&buf, &cap, len + tl + 1, 1);
			memcpy(buf + len, in[i]->text, tl);
			len += tl;
			at += in[i]->width;
		}
		while (len > 0 && buf[len - 1] == ' ')
			len--;
		buf[len] = '\0';
		rows[r] = buf;
	}
	free(in);
	return rows;
}

void
lay_render_free(char **rows, int n)
{
	int i;

	if (rows == NULL)
		return;
	for (i = 0; i < n; i++)
		free(rows[i]);
	free(rows);
}

void
lay_clock(long seconds, char *buf, size_t size)
{
	if (seconds < 0)
		seconds = 0;
	if (seconds > 300)
		snprintf(buf, size, tr(N_("%ld min"), "%ld 分钟"),
		    seconds / 60);
	else
		snprintf(buf, size, "%ld:%02ld", seconds / 60, seconds % 60);
}

void
lay_clock_exact(long seconds, char *buf, size_t size)
{
	if (seconds < 0)
		seconds = 0;
	if (seconds >= 3600)
		snprintf(buf, size, "%ld:%02ld:%02ld", seconds / 3600,
		    seconds / 60 % 60, seconds % 60);
	else
		snprintf(buf, size, "%ld:%02ld", seconds / 60, seconds % 60);
}

/* -------------------------------------------------------------- page */

void
lay_page(struct lay *l, const char *title, const struct lay_para *p,
    size_t n, const char *hints)
{
	int row = 2, bottom = l->rows - 2, width, lines;
	size_t i;

	lay_bar(l, 0, ROLE_TITLE);
	lay_put(l, 0, 1, ROLE_TITLE, title);
	for (i = 0; i < n && row < bottom; i++) {
		const char *t = p[i].text != NULL ? p[i].text : "";
		int col = LAY_MARGIN + p[i].indent;

		if (p[i].key != NULL) {
			lay_put(l, row, col, ROLE_LABEL, p[i].key);
			col += p[i].hang;
		}
		width = l->cols - col - LAY_MARGIN;
		lines = lay_wrap(l, row, col, width, bottom - row, p[i].role,
		    t);
		if (p[i].cursor) {
			struct text_line *tl;
			size_t nl = text_wrap(t, (size_t)(width < 2 ? 2 :
			    width), &tl);
			int last = row + (int)nl - 1;

			if (last < bottom) {
				l->cursor_row = last;
				l->cursor_col = col + (int)tl[nl - 1].width;
				if (l->cursor_col >= l->cols)
					l->cursor_col = l->cols - 1;
			}
			free(tl);
		}
		row += lines;
	}
	if (hints != NULL) {
		lay_bar(l, l->rows - 1, ROLE_HINT);
		lay_put(l, l->rows - 1, 1, ROLE_HINT, hints);
	}
}

void
lay_too_small_screen(struct lay *l)
{
	char *msg;

	msg = xasprintf(tr(N_("This window is %dx%d; firstline needs at "
	    "least %dx%d. Please make the window larger (the exam clock keeps "
	    "running)."),
	    "窗口大小为 %dx%d，至少需要 %dx%d。请把窗口调大（考试计时照常进行）。"),
	    l->cols, l->rows, LAY_MIN_COLS, LAY_MIN_ROWS);
	lay_wrap(l, 0, 0, l->cols, l->rows, ROLE_WARN, msg);
	free(msg);
}
