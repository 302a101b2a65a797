/*
 * The exam screens as layouts: the header (title bar and status line), the
 * question screen with its scrolling body, and the navigator.  Pure, like
 * layout.c: no curses, no clock, no database.
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

/* ------------------------------------------------------------ header */

static void
lay_header(struct lay *l, const struct lay_header *h, int item_flagged)
{
	char buf[128], clock[32];
	int col, used, right, titlemax;

	/* Row 0: the exam title, the trainee at the right. */
	lay_bar(l, 0, ROLE_TITLE);
	right = (int)text_width(h->who);
	titlemax = l->cols - 2 * LAY_MARGIN - right - 2;
	if (titlemax < 10) {
		/* Narrow: the title wins, the name is cut. */
		right = 0;
		titlemax = l->cols - 2;
	} else
		lay_put_right(l, 0, l->cols - 1, ROLE_TITLE, h->who);
	if (titlemax > 0) {
		struct lay tmp;

		/* Cut the title to titlemax columns. */
		lay_init(&tmp, titlemax + 1, 1);
		lay_put(&tmp, 0, 0, ROLE_TITLE, h->title);
		if (tmp.nspans > 0)
			lay_put(l, 0, 1, ROLE_TITLE, tmp.spans[0].text);
		lay_release(&tmp);
	}

	/* Row 1: question n/N, answered, flagged; the clock at the right. */
	col = 1;
	snprintf(buf, sizeof buf, tr(N_("Question %zu/%zu"), "第 %zu/%zu 题"),
	    h->index + 1, h->count);
	used = lay_put(l, 1, col, ROLE_STATUS, buf);
	col += used;
	if (item_flagged) {
		used = lay_put(l, 1, col + 1, ROLE_FLAGGED,
		    tr(N_("[flagged]"), "[已标记]"));
		col += 1 + used;
	}
	snprintf(buf, sizeof buf, tr(N_("Answered %zu/%zu"), "已答 %zu/%zu"),
	    h->answered, h->count);
	col += 3;
	col += lay_put(l, 1, col, ROLE_STATUS, buf);
	snprintf(buf, sizeof buf, tr(N_("Flagged %zu"), "标记 %zu"),
	    h->flagged);
	col += 3;
	lay_put(l, 1, col, ROLE_STATUS, buf);
	lay_clock(h->remaining, clock, sizeof clock);
	snprintf(buf, sizeof buf, tr(N_("Time left %s"), "剩余时间 %s"),
	    clock);
	lay_put_right(l, 1, l->cols - 1,
	    h->remaining <= 300 ? ROLE_WARN : ROLE_STATUS, buf);
}

/* ---------------------------------------------------------- question */

/* A line of the question body before it is placed on screen. */
struct lay_bline {
	int		 col;
	enum lay_role	 role;
	char		*text;		/* NULL: blank */
};

struct lay_body {
	struct lay_bline	*lines;
	size_t			 n;
	size_t			 cap;
};

static void
lay_body_add(struct lay_body *b, int col, enum lay_role role,
    const char *text, size_t len)
{
	struct lay_bline *bl;

	xgrow(&b->lines, &b->cap, b->n + 1, sizeof *b->lines);
	bl = &b->lines[b->n++];
	bl->col = col;
	bl->role = role;
	bl->text = text != NULL ? xstrndup(text, len) : NULL;
}

/* Add s wrapped to width at col: the first line after a prefix. */
static void
lay_body_wrap(struct lay_body *b, int col, int width, enum lay_role role,
    const char *s)
{
	struct text_line *lines;
	size_t n, i;

	n = text_wrap(s, (size_t)(width < 2 ? 2 : width), &lines);
	for (i = 0; i < n; i++)
		lay_body_add(b, col, role, s + lines[i].start, lines[i].len);
	free(lines);
}

static const char *
lay_type_label(enum qtype type)
{
	switch (type) {
	case QTYPE_SINGLE:
		return tr(N_("Single choice: choose one answer."),
		    "单选题：选择一个答案。");
	case QTYPE_MULTIPLE:
		return tr(N_("Multiple choice: choose every correct answer."),
		    "多选题：选出所有正确答案。");
	case QTYPE_TRUEFALSE:
		return tr(N_("True or false."), "判断题：判断对错。");
	case QTYPE_ORDERING:
		return tr(N_("Ordering: press the steps in the right order; "
		    "Backspace takes back the last."),
		    "排序题：按正确顺序依次按下各步骤；退格键撤销最后一步。");
	}
	return "";
}

static void
lay_question_body(struct lay_body *b, int cols, const struct lay_question *q)
{
	int textw = cols - 2 * LAY_MARGIN, prefw, i, n;
	char prefix[32], order[128];
	size_t k;

	lay_body_wrap(b, LAY_MARGIN, textw, ROLE_LABEL,
	    lay_type_label(q->type));
	if (q->untranslated)
		lay_body_wrap(b, LAY_MARGIN, textw, ROLE_WARN,
		    tr(N_("Not yet translated into English: the question is "
		    "shown in Chinese."), "本题尚无中文译文，以下为英文原文。"));
	lay_body_add(b, 0, ROLE_NORMAL, NULL, 0);
	lay_body_wrap(b, LAY_MARGIN, textw, ROLE_NORMAL, q->stem);
	lay_body_add(b, 0, ROLE_NORMAL, NULL, 0);

	/* "(*) A. " / "[x] A. " / "[2] A. ": a hanging indent after it. */
	prefw = 7;
	for (k = 0; k < q->noptions && k < 26; k++) {
		struct text_line *lines;
		size_t nl, j;
		int c = q->chosen != NULL ? q->chosen[k] : 0;
		enum lay_role role = c ? ROLE_CHOSEN : ROLE_NORMAL;

		switch (q->type) {
		case QTYPE_MULTIPLE:
			snprintf(prefix, sizeof prefix, "[%c] %c.",
			    c ? 'x' : ' ', 'A' + (int)k);
			break;
		case QTYPE_ORDERING:
			if (c > 0 && c < 10)
				snprintf(prefix, sizeof prefix, "[%d] %c.", c,
				    'A' + (int)k);
			else
				snprintf(prefix, sizeof prefix, "[ ] %c.",
				    'A' + (int)k);
			break;
		default:
			snprintf(prefix, sizeof prefix, "(%c) %c.",
			    c ? '*' : ' ', 'A' + (int)k);
			break;
		}
		nl = text_wrap(q->options[k], (size_t)(textw - prefw), &lines);
		for (j = 0; j < nl; j++) {
			char *line;

			if (j == 0)
				line = xasprintf("%-*s%.*s", prefw, prefix,
				    (int)lines[j].len,
				    q->options[k] + lines[j].start);
			else
				line = xasprintf("%*s%.*s", prefw, "",
				    (int)lines[j].len,
				    q->options[k] + lines[j].start);
			lay_body_add(b, LAY_MARGIN, role, line, strlen(line));
			free(line);
		}
		free(lines);
	}

	if (q->type == QTYPE_ORDERING) {
		/* The order pressed so far: "C, A, B". */
		n = 0;
		order[0] = '\0';
		for (i = 1; i <= (int)q->noptions; i++)
			for (k = 0; k < q->noptions; k++)
				if (q->chosen != NULL && q->chosen[k] == i) {
					size_t len = strlen(order);

					snprintf(order + len, sizeof order - len,
					    "%s%c", n > 0 ?
					    tr(N_(", "), "、") : "",
					    'A' + (int)k);
					n++;
				}
		lay_body_add(b, 0, ROLE_NORMAL, NULL, 0);
		{
			char *line = xasprintf(tr(N_("Your order: %s"),
			    "你的顺序：%s"), n > 0 ? order :
			    tr(N_("(none yet)"), "（尚未排序）"));

			lay_body_wrap(b, LAY_MARGIN, textw, ROLE_LABEL, line);
			free(line);
		}
	}
}

static const char *
lay_question_hints(const struct lay_question *q, char *buf, size_t size)
{
	char range[16];

	if (q->type == QTYPE_TRUEFALSE || q->noptions <= 1)
		snprintf(range, sizeof range, "A/B");
	else
		snprintf(range, sizeof range, "A-%c",
		    'A' + (int)(q->noptions > 8 ? 7 : q->noptions - 1));
	snprintf(buf, size, tr(N_("%s choose  n next  p previous  m flag  "
	    "l list  s submit  ? help"),
	    "%s 选择  n 下一题  p 上一题  m 标记  l 题目列表  s 交卷  ? 帮助"),
	    range);
	return buf;
}

void
lay_question(struct lay *l, const struct lay_question *q)
{
	struct lay_body b = { NULL, 0, 0 };
	int top = 3, bottom = l->rows - 3, i;	/* body rows top..bottom */
	char hints[256];
	size_t k;

	lay_header(l, &q->h, q->item_flagged);
	lay_question_body(&b, l->cols, q);

	l->body_lines = (int)b.n;
	l->body_rows = bottom - top + 1;
	l->scroll = q->scroll;
	if (l->scroll > l->body_lines - l->body_rows)
		l->scroll = l->body_lines - l->body_rows;
	if (l->scroll < 0)
		l->scroll = 0;
	for (i = 0; i < l->body_rows && l->scroll + i < l->body_lines; i++) {
		const struct lay_bline *bl = &b.lines[l->scroll + i];

		if (bl->text != NULL)
			lay_put(l, top + i, bl->col, bl->role, bl->text);
	}
	for (k = 0; k < b.n; k++)
		free(b.lines[k].text);
	free(b.lines);

	/* The message row: the message, and whether there is more. */
	if (q->message != NULL)
		lay_put(l, l->rows - 2, LAY_MARGIN, q->message_role,
		    q->message);
	if (l->body_lines > l->body_rows) {
		const char *more;

		if (l->scroll + l->body_rows < l->body_lines)
			more = l->scroll > 0 ?
			    tr(N_("(more above and below: Up/Down)"),
			    "（上下还有内容：上/下方向键）") :
			    tr(N_("(more below: Down)"),
			    "（下面还有内容：下方向键）");
		else
			more = tr(N_("(more above: Up)"),
			    "（上面还有内容：上方向键）");
		lay_put_right(l, l->rows - 2, l->cols - 1, ROLE_HINT, more);
	}
	lay_bar(l, l->rows - 1, ROLE_HINT);
	lay_put(l, l->rows - 1, 1, ROLE_HINT,
	    lay_question_hints(q, hints, sizeof hints));
}

/* --------------------------------------------------------- navigator */

/* A cell: "%3zu" and two marks, and a gap: six columns. */
#define LAY_NAV_CELL 6

int
lay_nav_per_row(int cols)
{
	int n = (cols - 2 * LAY_MARGIN) / LAY_NAV_CELL;

	/* Rows of 5, 10, 15...: question numbers easy to find. */
	if (n >= 5)
		n -= n % 5;
	return n < 1 ? 1 : n;
}

void
lay_navigator(struct lay *l, const struct lay_navigator *nv)
{
	int per = lay_nav_per_row(l->cols);
	int top = 5, bottom = l->rows - 3, grid_rows, first, r, col;
	const char *hint;
	size_t i, empty;
	char buf[128];

	l->nav_per_row = per;
	lay_header(l, &nv->h, 0);
	empty = nv->h.count - nv->h.answered;
	snprintf(buf, sizeof buf, tr(N_("Answered %zu   Empty %zu   "
	    "Flagged %zu"), "已答 %zu   未答 %zu   已标记 %zu"),
	    nv->h.answered, empty, nv->h.flagged);
	lay_put(l, 3, LAY_MARGIN, ROLE_LABEL, buf);

	/* Scroll the grid by rows so the cursor stays visible. */
	grid_rows = bottom - top + 1;
	if (grid_rows < 1)
		grid_rows = 1;
	first = 0;
	if ((int)(nv->cursor / (size_t)per) >= grid_rows)
		first = (int)(nv->cursor / (size_t)per) - grid_rows + 1;
	for (i = 0; i < nv->h.count; i++) {
		const struct lay_nav_item *it = &nv->items[i];
		enum lay_role role;

		r = (int)(i / (size_t)per) - first;
		if (r < 0 || r >= grid_rows)
			continue;
		snprintf(buf, sizeof buf, "%3zu%c%c", i + 1,
		    it->answered ? '*' : '-', it->flagged ? 'F' : ' ');
		if (i == nv->cursor)
			role = ROLE_CURSOR;
		else if (it->flagged)
			role = ROLE_FLAGGED;
		else if (it->answered)
			role = ROLE_ANSWERED;
		else
			role = ROLE_EMPTY;
		lay_put(l, top + r, LAY_MARGIN +
		    (int)(i % (size_t)per) * LAY_NAV_CELL, role, buf);
	}
	col = LAY_MARGIN;
	if (nv->refused != NULL && *nv->refused != '\0') {
		snprintf(buf, sizeof buf, tr(N_("There is no question %s: "
		    "the questions are 1–%zu."), "没有第 %s 题：题号为 1–%zu。"),
		    nv->refused, nv->h.count);
		col += lay_put(l, l->rows - 2, col, ROLE_ERROR, buf) + 2;
	}
	if (nv->typed != NULL && *nv->typed != '\0') {
		snprintf(buf, sizeof buf, tr(N_("Go to question: %s_"),
		    "跳到第几题：%s_"), nv->typed);
		col += lay_put(l, l->rows - 2, col, ROLE_STATUS, buf) + 2;
		hint = tr(N_("Enter opens it  Backspace edits  Esc cancels"),
		    "回车打开  退格修改  Esc 取消");
		if (col + (int)text_width(hint) <= l->cols - LAY_MARGIN)
			lay_put(l, l->rows - 2, col, ROLE_LABEL, hint);
	} else if (col == LAY_MARGIN)
		lay_put(l, l->rows - 2, LAY_MARGIN, ROLE_LABEL,
		    tr(N_("*  answered    -  empty    F  flagged"),
		    "*  已答    -  未答    F  已标记"));
	lay_bar(l, l->rows - 1, ROLE_HINT);
	lay_put(l, l->rows - 1, 1, ROLE_HINT,
	    tr(N_("Arrows move  Enter open  digits go to a question  l or "
	    "Esc back"), "方向键移动  回车打开该题  输入题号跳转  l 或 Esc "
	    "返回"));
}
