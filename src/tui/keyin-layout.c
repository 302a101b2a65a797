/*
 * The key-in form's geometry and screen, pure (keyin-layout.h): the form
 * in keyin-form.c puts its fields where ki_geom says and draws what
 * ki_layout computes.
 */
#include "config.h"

#include "keyin-layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "core/text.h"
#include "lang.h"

/* Rows of the focused question's stem in the detail area. */
#define KI_STEM_ROWS 2
/* Rows of the context (a review: the picture, the questions in doubt). */
#define KI_CONTEXT_ROWS 3

const char *
ki_type_label(enum qtype t)
{
	switch (t) {
	case QTYPE_SINGLE:
		return tr(N_("single"), "单选");
	case QTYPE_MULTIPLE:
		return tr(N_("multiple"), "多选");
	case QTYPE_TRUEFALSE:
		return tr(N_("true/false"), "判断");
	case QTYPE_ORDERING:
		return tr(N_("ordering"), "排序");
	default:
		return "?";
	}
}

char *
ki_help(const struct paper_item *it)
{
	int last = 'A' + (int)it->noptions - 1, n = (int)it->noptions;

	switch (it->type) {
	case QTYPE_SINGLE:
		return xasprintf(tr(N_("one letter A-%c; empty for no "
		    "answer or two marks"), "一个字母 A-%c；未答或涂了两个"
		    "则留空"), last);
	case QTYPE_MULTIPLE:
		return xasprintf(tr(N_("every letter filled, A-%c, e.g. "
		    "AC; empty for no answer"), "所有涂了的字母 A-%c，例如 "
		    "AC；未答留空"), last);
	case QTYPE_TRUEFALSE:
		return xstrdup(tr(N_("T (true) or F (false); empty for no "
		    "answer"), "T（对）或 F（错）；未答留空"));
	case QTYPE_ORDERING:
		return xasprintf(tr(N_("the place marked in each row A-%c "
		    "(1-%d); - if none"), "方格 A-%c 各行所涂的位置（1-%d），"
		    "未涂记 -"), last, n);
	default:
		return xstrdup("");
	}
}

void
ki_geom(struct ki_geom *g, int cols, int rows, const struct attempt *a,
    int has_context)
{
	int maxopt = 1, w, k;
	size_t i;

	memset(g, 0, sizeof *g);
	g->cols = cols;
	g->rows = rows;
	g->nitems = a->nitems;
	for (i = 0; i < a->nitems; i++)
		if (a->items[i].type != QTYPE_TRUEFALSE &&
		    (int)a->items[i].noptions > maxopt)
			maxopt = (int)a->items[i].noptions;
	g->first_row = has_context ? 2 + KI_CONTEXT_ROWS : 2;
	g->hints_row = rows - 1;
	g->message_row = rows - 2;
	g->detail_lines = 1 + KI_STEM_ROWS + maxopt;
	g->detail_row = g->message_row - g->detail_lines;
	g->per_page = g->detail_row - 1 - g->first_row;
	if (g->per_page < 1)
		g->per_page = 1;
	g->npages = a->nitems == 0 ? 1 :
	    (int)((a->nitems + (size_t)g->per_page - 1) / (size_t)g->per_page);
	g->num_col = LAY_MARGIN;
	g->type_col = g->num_col + 4;
	for (k = QTYPE_SINGLE; k <= QTYPE_ORDERING; k++) {
		w = (int)text_width(ki_type_label((enum qtype)k));
		if (w > g->type_width)
			g->type_width = w;
	}
	g->field_col = g->type_col + g->type_width + 2;
	g->stem_col = g->field_col + KI_FIELD_WIDTH + 2;
	g->stem_width = cols - LAY_MARGIN - g->stem_col;
}

int
ki_page(const struct ki_geom *g, size_t i)
{
	return (int)(i / (size_t)g->per_page);
}

int
ki_row(const struct ki_geom *g, size_t i)
{
	return g->first_row + (int)(i % (size_t)g->per_page);
}

/* Put s cut to width columns (an ellipsis marks a cut). */
static void
ki_put_cut(struct lay *l, int row, int col, int width, enum lay_role role,
    const char *s)
{
	size_t used, n;
	char *cut;

	if (width <= 0)
		return;
	if ((int)text_width(s) <= width) {
		lay_put(l, row, col, role, s);
		return;
	}
	n = text_fit(s, (size_t)(width - 1), &used);
	cut = xasprintf("%.*s…", (int)n, s);
	lay_put(l, row, col, role, cut);
	free(cut);
}

/* The stem on one line: new lines as spaces. */
static char *
ki_one_line(const char *s)
{
	char *out = xstrdup(s), *p;

	for (p = out; *p != '\0'; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	return out;
}

/* The focused question in full: how to key it, its stem, its options. */
static void
ki_detail(struct lay *l, const struct ki_geom *g, const struct ki_view *v)
{
	const struct paper_item *it = &v->a->items[v->cur];
	int row = g->detail_row, width = g->cols - 2 * LAY_MARGIN, k;
	char *help = ki_help(it), *head, *opt;

	head = xasprintf(tr(N_("Question %zu (%s): %s"), "第 %zu 题（%s）：%s"),
	    v->cur + 1, ki_type_label(it->type), help);
	ki_put_cut(l, row++, LAY_MARGIN, width, ROLE_LABEL, head);
	free(head);
	free(help);
	lay_wrap(l, row, LAY_MARGIN, width, KI_STEM_ROWS, ROLE_NORMAL,
	    lang_text(&it->stem));
	row += KI_STEM_ROWS;
	if (it->type == QTYPE_TRUEFALSE) {
		lay_put(l, row, LAY_MARGIN, ROLE_NORMAL, tr(N_("T  true     "
		    "F  false"), "T  对     F  错"));
		return;
	}
	for (k = 0; k < (int)it->noptions; k++) {
		char *text = ki_one_line(lang_text(&it->options[k].text));

		opt = xasprintf("%c  %s", 'A' + k, text);
		ki_put_cut(l, row++, LAY_MARGIN, width, ROLE_NORMAL, opt);
		free(opt);
		free(text);
	}
}

void
ki_layout(struct lay *l, const struct ki_geom *g, const struct ki_view *v)
{
	char num[48], *title, *stem;
	size_t i;

	lay_bar(l, 0, ROLE_TITLE);
	title = xasprintf(tr(N_("Key in the answer sheet · %s"),
	    "录入答题卡 · %s"), v->who);
	ki_put_cut(l, 0, 1, g->cols - 2, ROLE_TITLE, title);
	free(title);
	if (v->status != NULL)
		ki_put_cut(l, 1, LAY_MARGIN, g->cols - 2 * LAY_MARGIN,
		    ROLE_STATUS, v->status);
	if (v->context != NULL && g->first_row > 2)
		lay_wrap(l, 2, LAY_MARGIN, g->cols - 2 * LAY_MARGIN,
		    KI_CONTEXT_ROWS, ROLE_WARN, v->context);
	for (i = 0; i < v->a->nitems; i++) {
		const struct paper_item *it = &v->a->items[i];
		int row = ki_row(g, i);

		if (ki_page(g, i) != v->page)
			continue;
		snprintf(num, sizeof num, "%3zu", i + 1);
		lay_put(l, row, g->num_col, i == v->cur ? ROLE_CURSOR :
		    ROLE_LABEL, num);
		lay_put(l, row, g->type_col, ROLE_LABEL,
		    ki_type_label(it->type));
		stem = ki_one_line(lang_text(&it->stem));
		ki_put_cut(l, row, g->stem_col, g->stem_width, ROLE_NORMAL,
		    stem);
		free(stem);
	}
	if (g->npages > 1) {
		snprintf(num, sizeof num, "%d/%d", v->page + 1, g->npages);
		lay_put_right(l, g->detail_row - 1, g->cols - LAY_MARGIN,
		    ROLE_LABEL, num);
	}
	if (v->a->nitems > 0)
		ki_detail(l, g, v);
	if (v->message != NULL && *v->message != '\0')
		ki_put_cut(l, g->message_row, LAY_MARGIN,
		    g->cols - 2 * LAY_MARGIN, v->message_role, v->message);
	lay_bar(l, g->hints_row, ROLE_HINT);
	ki_put_cut(l, g->hints_row, 1, g->cols - 2, ROLE_HINT,
	    v->hints != NULL ? v->hints : tr(N_("Tab/Enter next  Up back  "
	    "PgDn page  Ctrl-S store  F2 中文  Esc leave"),
	    "Tab/回车 下一题  ↑ 上一题  PgDn 翻页  Ctrl-S 保存  F2 English  "
	    "Esc 离开"));
}
