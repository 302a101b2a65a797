/*
 * The instructor client's screens as layouts and text: the tally of a
 * rubric form, the form's geometry, the menu rows, the history lines.
 * Pure, like layout.c: no curses, no clock, no database.  Every width is a
 * display width (text.h), so Chinese labels and names line up.
 */
#include "config.h"

#include "score-layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "lang.h"

/* ------------------------------------------------------------- marks */

enum sc_mark
sc_mark_parse(const char *text, int max, int *mark)
{
	const char *p = text, *end;
	long v = 0;

	*mark = -1;
	while (*p == ' ')
		p++;
	end = p + strlen(p);
	while (end > p && end[-1] == ' ')
		end--;
	if (end == p)
		return SC_MARK_EMPTY;
	if (end - p > 6)
		return SC_MARK_BAD;
	for (; p < end; p++) {
		if (*p < '0' || *p > '9')
			return SC_MARK_BAD;
		v = v * 10 + (*p - '0');
	}
	*mark = (int)v;
	return v > max ? SC_MARK_HIGH : SC_MARK_OK;
}

void
sc_tally(const struct station *st, const int *marks, struct sc_tally *t)
{
	size_t i;

	memset(t, 0, sizeof *t);
	t->max = st->max;
	t->pass = st->pass;
	t->nitems = st->nitems;
	t->first_high = -1;
	for (i = 0; i < st->nitems; i++) {
		const struct station_item *it = &st->items[i];

		if (marks[i] < 0)
			continue;
		if (marks[i] > it->max) {
			if (t->high++ == 0)
				t->first_high = (long)i;
			continue;
		}
		t->given++;
		t->total += marks[i];
		if (it->critical && marks[i] < it->max)
			t->critical_missed++;
	}
	if (t->critical_missed > 0)
		t->verdict = SC_FAIL;
	else if (t->given < t->nitems)
		t->verdict = SC_INCOMPLETE;
	else
		t->verdict = t->total >= t->pass ? SC_PASS : SC_FAIL;
}

/* ------------------------------------------------------ rubric form */

void
sc_form_geom(struct sc_form_geom *g, int cols, int rows, size_t nitems,
    int has_reason, int text_label_width, int detail_lines)
{
	size_t slots = nitems + 1 + (has_reason != 0);

	memset(g, 0, sizeof *g);
	g->cols = cols;
	g->rows = rows;
	g->nitems = nitems;
	g->has_reason = has_reason != 0;
	g->tally_row = 1;
	g->first_row = 2;
	g->hints_row = rows - 1;
	g->message_row = rows - 2;
	g->detail_lines = detail_lines < SC_DETAIL_MIN ? SC_DETAIL_MIN :
	    detail_lines;
	g->detail_row = rows - 2 - g->detail_lines;
	g->per_page = rows - SC_FORM_FIXED_ROWS - g->detail_lines;
	if (g->per_page < 1)
		g->per_page = 1;
	g->npages = (int)((slots + (size_t)g->per_page - 1) /
	    (size_t)g->per_page);

	/* " 1 ★ label ........ [ 6 ] 0–6": the range ends at the margin. */
	g->num_col = 1;
	g->star_col = 4;
	g->label_col = 6;
	g->range_col = cols - LAY_MARGIN - 5;
	g->field_col = g->range_col - SC_MARK_WIDTH - 2;
	g->label_width = g->field_col - 2 - g->label_col;
	g->text_label_col = g->label_col;
	g->text_col = g->text_label_col + text_label_width + 2;
	g->text_width = cols - LAY_MARGIN - 1 - g->text_col;
	if (g->text_width < 4)
		g->text_width = 4;
}

int
sc_form_slot_page(const struct sc_form_geom *g, size_t slot)
{
	return (int)(slot / (size_t)g->per_page);
}

int
sc_form_slot_row(const struct sc_form_geom *g, size_t slot)
{
	return g->first_row + (int)(slot % (size_t)g->per_page);
}

const char *
sc_comment_label(void)
{
	return tr(N_("Comment:"), "备注：");
}

const char *
sc_reason_label(void)
{
	return tr(N_("Reason (required):"), "更正原因（必填）：");
}

void
sc_range(int max, char *buf, size_t size)
{
	snprintf(buf, size, "0–%d", max);
}

char *
sc_tally_text(const struct sc_tally *t)
{
	const char *verdict;

	switch (t->verdict) {
	case SC_PASS:
		verdict = tr(N_("✓ pass"), "✓ 合格");
		break;
	case SC_FAIL:
		verdict = t->critical_missed > 0 ?
		    tr(N_("✗ fail: critical item missed"),
		    "✗ 不合格：关键项未得满分") :
		    tr(N_("✗ fail: below the pass mark"),
		    "✗ 不合格：低于及格线");
		break;
	default:
		verdict = tr(N_("not complete"), "尚未评完");
		break;
	}
	/* Short enough to leave room for "page 1/2" at 80 columns. */
	return xasprintf(tr(N_("Total %d/%d (pass %d)  marked %zu/%zu  %s"),
	    "总分 %d/%d（及格 %d）  已评 %zu/%zu  %s"),
	    t->total, t->max, t->pass, t->given, t->nitems, verdict);
}

static int
sc_max(int a, int b)
{
	return a > b ? a : b;
}

/* Put text cut to width columns, with "…" when it had to be cut. */
static void
sc_put_cut(struct lay *l, int row, int col, int width, enum lay_role role,
    const char *text)
{
	size_t used, n;
	char *cut;

	if (width <= 0)
		return;
	if ((int)text_width(text) <= width) {
		lay_put(l, row, col, role, text);
		return;
	}
	n = text_fit(text, (size_t)(width - 1), &used);
	cut = xasprintf("%.*s…", (int)n, text);
	lay_put(l, row, col, role, cut);
	free(cut);
}

/* Row 0: title at the left, who at the right; the title gives way. */
static void
sc_title(struct lay *l, const char *title, const char *who)
{
	int right = who != NULL ? (int)text_width(who) : 0;
	int room = l->cols - 2 - (right > 0 ? right + 3 : 0);

	lay_bar(l, 0, ROLE_TITLE);
	if (room < 20) {
		room = l->cols - 2;
		right = 0;
	}
	if (right > 0)
		lay_put_right(l, 0, l->cols - 1, ROLE_TITLE, who);
	sc_put_cut(l, 0, 1, room, ROLE_TITLE, title);
}

static void
sc_hints(struct lay *l, const char *hints)
{
	lay_bar(l, l->rows - 1, ROLE_HINT);
	sc_put_cut(l, l->rows - 1, 1, l->cols - 2, ROLE_HINT, hints);
}

/* What the detail area says of slot cur (an item, the comment, the reason). */
static char *
sc_detail_text(const struct station *st, size_t cur, long long correcting)
{
	char range[24];

	if (cur < st->nitems) {
		const struct station_item *it = &st->items[cur];

		sc_range(it->max, range, sizeof range);
		return xasprintf("%zu/%zu %s%s  (%s)", cur + 1, st->nitems,
		    it->critical ? tr(N_("★ critical, full marks or the "
		    "station fails: "), "★ 关键项，须得满分，否则本站"
		    "不合格：") :
		    "", lang_zh() ? it->label_zh : it->label_en, range);
	}
	if (cur == st->nitems)
		return xstrdup(tr(N_("Comment (optional): what the trainee "
		    "did well or should practise."),
		    "备注（可不填）：学员做得好的地方或需要加强的地方。"));
	return xasprintf(tr(N_("Reason (required): why entry %lld is "
	    "corrected. It is kept in the history with your name."),
	    "更正原因（必填）：为什么更正第 %lld 条记录。原因与你的姓名"
	    "一并记入历史。"), correcting);
}

int
sc_form_detail_lines(const struct station *st, int cols, int rows,
    long long correcting)
{
	struct text_line *lines;
	size_t slot, slots = st->nitems + 1 + (correcting != 0);
	int need = SC_DETAIL_MIN, n, spare;
	char *text;

	for (slot = 0; slot < slots; slot++) {
		text = sc_detail_text(st, slot, correcting);
		n = (int)text_wrap(text, (size_t)(cols - 2 * LAY_MARGIN),
		    &lines);
		free(lines);
		free(text);
		if (n > need)
			need = n;
	}
	/* Keep at least ten rows of items on a screen of any size. */
	spare = rows - SC_FORM_FIXED_ROWS - 10;
	if (need > spare)
		need = spare;
	if (need > SC_DETAIL_MAX)
		need = SC_DETAIL_MAX;
	return need < SC_DETAIL_MIN ? SC_DETAIL_MIN : need;
}

/* The detail rows: what the focused slot is, in full. */
static void
sc_form_detail(struct lay *l, const struct sc_form_geom *g,
    const struct sc_form_view *v)
{
	char *text = sc_detail_text(v->st, v->cur, v->correcting);

	lay_wrap(l, g->detail_row, LAY_MARGIN, g->cols - 2 * LAY_MARGIN,
	    g->detail_lines, ROLE_LABEL, text);
	free(text);
}

void
sc_form_layout(struct lay *l, const struct sc_form_geom *g,
    const struct sc_form_view *v)
{
	const struct station *st = v->st;
	struct sc_tally t;
	char *title, *tally, buf[64], range[24];
	size_t i, slots = st->nitems + 1 + (size_t)g->has_reason;
	enum lay_role role;
	int right;

	/* Row 0: what kind of entry, the station; the trainee at the right. */
	if (v->correcting > 0)
		title = xasprintf(tr(N_("Correction of entry %lld: %s (%s)"),
		    "更正第 %lld 条：%s（%s）"), v->correcting,
		    sc_station_title(st), st->rubric);
	else if (v->saved > 0)
		title = xasprintf(tr(N_("Entry %lld saved %s: %s (%s)"),
		    "第 %lld 条 %s 已保存：%s（%s）"), v->saved,
		    v->saved_at != NULL ? v->saved_at : "",
		    sc_station_title(st), st->rubric);
	else if (v->retake)
		title = xasprintf(tr(N_("Retake: %s (%s)"), "补考：%s（%s）"),
		    sc_station_title(st), st->rubric);
	else
		title = xasprintf(tr(N_("Scoring: %s (%s)"), "评分：%s（%s）"),
		    sc_station_title(st), st->rubric);
	sc_title(l, title, v->who);
	free(title);

	/* Row 1: the running tally; the page at the right. */
	right = 0;
	if (g->npages > 1) {
		snprintf(buf, sizeof buf, tr(N_("page %d/%d"), "第 %d/%d 页"),
		    v->page + 1, g->npages);
		right = lay_put_right(l, g->tally_row, l->cols - 1, ROLE_WARN,
		    buf) + 2;
	}
	sc_tally(st, v->marks, &t);
	tally = sc_tally_text(&t);
	role = t.verdict == SC_PASS ? ROLE_OK : t.verdict == SC_FAIL ?
	    ROLE_ERROR : ROLE_STATUS;
	sc_put_cut(l, g->tally_row, 1, l->cols - 2 - right, role, tally);
	free(tally);

	for (i = 0; i < slots; i++) {
		int row = sc_form_slot_row(g, i), focused = i == v->cur;

		if (sc_form_slot_page(g, i) != v->page)
			continue;
		if (focused)
			lay_put(l, row, 0, ROLE_CURSOR, ">");
		if (i < st->nitems) {
			const struct station_item *it = &st->items[i];
			int high = v->marks[i] > it->max;

			snprintf(buf, sizeof buf, "%2zu", i + 1);
			lay_put(l, row, g->num_col, ROLE_NORMAL, buf);
			if (it->critical)
				lay_put(l, row, g->star_col, ROLE_WARN, "★");
			sc_put_cut(l, row, g->label_col, g->label_width,
			    focused ? ROLE_CURSOR : ROLE_NORMAL,
			    lang_zh() ? it->label_zh : it->label_en);
			lay_put(l, row, g->field_col - 1, ROLE_NORMAL, "[");
			lay_put(l, row, g->field_col + SC_MARK_WIDTH,
			    ROLE_NORMAL, "]");
			sc_range(it->max, range, sizeof range);
			lay_put(l, row, g->range_col, high ? ROLE_ERROR :
			    ROLE_LABEL, range);
			continue;
		}
		lay_put(l, row, g->text_label_col, focused ? ROLE_CURSOR :
		    ROLE_LABEL, i == st->nitems ? sc_comment_label() :
		    sc_reason_label());
		lay_put(l, row, g->text_col - 1, ROLE_NORMAL, "[");
		lay_put(l, row, g->text_col + g->text_width, ROLE_NORMAL, "]");
	}

	sc_form_detail(l, g, v);
	if (t.high > 0 && v->message == NULL) {
		const struct station_item *it = &st->items[t.first_high];
		char *m = xasprintf(tr(N_("Item %ld: %d is above its maximum "
		    "%d; marks are 0–%d."), "第 %ld 项：%d 超过满分 %d；"
		    "分值为 0–%d。"), t.first_high + 1,
		    v->marks[t.first_high], it->max, it->max);

		lay_put(l, g->message_row, LAY_MARGIN, ROLE_ERROR, m);
		free(m);
	} else if (v->message != NULL)
		sc_put_cut(l, g->message_row, LAY_MARGIN, g->cols - 2 *
		    LAY_MARGIN, v->message_role, v->message);
	if (v->saved > 0)
		sc_hints(l, tr(N_("Edit a mark or the comment to correct  Tab "
		    "next  Esc back  F2 中文"), "修改分数或备注即更正  Tab "
		    "下一项  Esc 返回  F2 English"));
	else
		sc_hints(l, g->npages > 1 ?
		    tr(N_("Tab next  Shift-Tab previous  PgDn/PgUp page  "
		    "Ctrl-S save  Esc back  F2 中文"), "Tab 下一项  Shift-Tab "
		    "上一项  PgDn/PgUp 翻页  Ctrl-S 保存  Esc 返回  F2 English") :
		    tr(N_("Tab/Enter next  Shift-Tab previous  Ctrl-S save  "
		    "Esc back  F2 中文"), "Tab/回车 下一项  Shift-Tab 上一项  "
		    "Ctrl-S 保存  Esc 返回  F2 English"));
}

/* ---------------------------------------------------------- screens */

void
sc_list_layout(struct lay *l, const struct sc_list_view *v, int *list_top,
    int *list_rows)
{
	int row = 2, bottom = l->rows - 2;
	size_t i;

	sc_title(l, v->title, NULL);
	for (i = 0; i < v->nhead && row < bottom; i++)
		row += lay_wrap(l, row, LAY_MARGIN, l->cols - 2 * LAY_MARGIN,
		    bottom - row, i == 0 ? ROLE_NORMAL : ROLE_LABEL,
		    v->head[i]);
	row++;
	if (v->columns != NULL) {
		/* The menu's mark "> " takes two columns before each row. */
		sc_put_cut(l, row, LAY_MARGIN + 2, l->cols - 2 * LAY_MARGIN - 2,
		    ROLE_LABEL, v->columns);
		row++;
	}
	*list_top = row;
	*list_rows = bottom - row > 0 ? bottom - row : 0;
	if (v->nitems == 0 && v->empty != NULL)
		lay_wrap(l, row, LAY_MARGIN, l->cols - 2 * LAY_MARGIN,
		    *list_rows, ROLE_WARN, v->empty);
	if (v->message != NULL)
		sc_put_cut(l, l->rows - 2, LAY_MARGIN, l->cols - 2 * LAY_MARGIN,
		    v->message_role, v->message);
	sc_hints(l, v->hints);
}

void
sc_history_layout(struct lay *l, const char *title, const char *who,
    char **lines, size_t n, int scroll, const char *hints)
{
	int row = 4, bottom = l->rows - 2;
	size_t i;
	char buf[64];

	sc_title(l, title, NULL);
	sc_put_cut(l, 2, LAY_MARGIN, l->cols - 2 * LAY_MARGIN, ROLE_STATUS,
	    who);
	if (n == 0)
		lay_put(l, row, LAY_MARGIN, ROLE_WARN, tr(N_("No entries yet."),
		    "还没有评分记录。"));
	for (i = (size_t)(scroll > 0 ? scroll : 0); i < n && row < bottom;
	    i++)
		sc_put_cut(l, row++, LAY_MARGIN, l->cols - 2 * LAY_MARGIN,
		    lines[i][0] == '#' ? ROLE_NORMAL : ROLE_LABEL, lines[i]);
	if (n > (size_t)(bottom - 4)) {
		snprintf(buf, sizeof buf, tr(N_("lines %d-%d of %zu"),
		    "第 %d-%d 行，共 %zu 行"), scroll + 1, scroll + (row - 4),
		    n);
		lay_put_right(l, 2, l->cols - LAY_MARGIN, ROLE_LABEL, buf);
	}
	sc_hints(l, hints);
}

void
sc_login_layout(struct lay *l, struct sc_login_geom *g, const char *message,
    enum lay_role message_role)
{
	const char *lu = tr(N_("User name:"), "用户名：");
	const char *lp = tr(N_("Password:"), "密码：");
	int w = sc_max((int)text_width(lu), (int)text_width(lp));
	int row;

	sc_title(l, tr(N_("firstline  practical and simulation scoring"),
	    "firstline  实操与模拟处置评分"), NULL);
	row = 2 + lay_wrap(l, 2, LAY_MARGIN, l->cols - 2 * LAY_MARGIN, 4,
	    ROLE_NORMAL, tr(N_("Log in with your instructor account. The "
	    "password is not shown as you type."),
	    "请用考评员账号登录。输入密码时不会显示。"));
	g->user_row = row + 1;
	g->pass_row = row + 2;
	g->field_col = LAY_MARGIN + w + 2;
	g->field_width = 32;
	lay_put(l, g->user_row, LAY_MARGIN, ROLE_LABEL, lu);
	lay_put(l, g->pass_row, LAY_MARGIN, ROLE_LABEL, lp);
	lay_put(l, g->user_row, g->field_col - 1, ROLE_NORMAL, "[");
	lay_put(l, g->user_row, g->field_col + g->field_width, ROLE_NORMAL,
	    "]");
	lay_put(l, g->pass_row, g->field_col - 1, ROLE_NORMAL, "[");
	lay_put(l, g->pass_row, g->field_col + g->field_width, ROLE_NORMAL,
	    "]");
	if (message != NULL)
		lay_wrap(l, g->pass_row + 2, LAY_MARGIN, l->cols - 2 *
		    LAY_MARGIN, 3, message_role, message);
	sc_hints(l, tr(N_("Enter confirm  Tab next field  F2 中文  Esc quit"),
	    "回车 确定  Tab 切换  F2 English  Esc 退出"));
}

void
sc_too_small(struct lay *l)
{
	char *msg = xasprintf(tr(N_("This window is %dx%d; the scoring client "
	    "needs at least %dx%d. Please make the window larger."),
	    "窗口大小为 %dx%d，评分程序至少需要 %dx%d。请把窗口调大。"),
	    l->cols, l->rows, LAY_MIN_COLS, LAY_MIN_ROWS);

	lay_wrap(l, 0, 0, l->cols, l->rows, ROLE_WARN, msg);
	free(msg);
}
