/*
 * The exam's other views: the navigator of all questions (answered,
 * flagged, empty), help, and the submit confirmation with the empty and
 * flagged counts.
 */
#include "config.h"

#include "sit-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attempt.h"
#include "core/core.h"
#include "core/text.h"
#include "lang.h"
#include "tui.h"

/* ---------------------------------------------------------- layouts */

void
sit_navigator_layout(struct sit *st, struct lay *l)
{
	struct lay_nav_item *items = xcalloc(st->a->nitems + 1,
	    sizeof *items);
	struct lay_navigator nv;
	char *who;
	size_t i;

	memset(&nv, 0, sizeof nv);
	sit_header(st, &nv.h, &who);
	nv.h.index = st->nav_cursor;
	for (i = 0; i < st->a->nitems; i++) {
		items[i].answered = paper_item_answered(&st->a->items[i]);
		items[i].flagged = st->a->items[i].flagged;
	}
	nv.items = items;
	nv.cursor = st->nav_cursor;
	nv.typed = st->nav_typed;
	nv.refused = st->nav_refused;
	lay_navigator(l, &nv);
	free(items);
	free(who);
}

void
sit_help_layout(struct sit *st, struct lay *l)
{
	static const struct {
		const char *key_en, *key_zh, *en, *zh;
	} keys[] = {
		{ N_("A-H, a-h, 1-8"), "A-H、a-h、1-8",
		    N_("choose an option (multiple choice: press again to "
		    "take it back)"), "选择选项（多选题：再按一次取消）" },
		{ N_("Ordering"), "排序题",
		    N_("press the steps in order; Backspace takes back the "
		    "last"), "按顺序依次按下各步骤；退格键撤销最后一步" },
		{ N_("Backspace"), "退格键", N_("clear the answer"),
		    "清除本题答案" },
		{ N_("n, Right"), "n、右方向键", N_("next question"),
		    "下一题" },
		{ N_("p, Left"), "p、左方向键", N_("previous question"),
		    "上一题" },
		{ N_("Up, Down"), "上、下方向键",
		    N_("scroll a long question"), "滚动较长的题目" },
		{ "m", "m", N_("flag or unflag for review"),
		    "标记或取消标记待查" },
		{ "l", "l", N_("list of all questions (answered, flagged, "
		    "empty); there, type a number and Enter to go to that "
		    "question"), "题目列表（已答、已标记、未答）；在列表中输入"
		    "题号并按回车即跳到该题" },
		{ "t", "t", N_("time left"), "剩余时间" },
		{ "s", "s", N_("submit (then y to confirm)"),
		    "交卷（再按 y 确认）" },
	};
	struct lay_para p[16];
	size_t i, n = 0, w, hang = 0;

	memset(p, 0, sizeof p);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		w = text_width(tr(keys[i].key_en, keys[i].key_zh));
		if (w > hang)
			hang = w;
	}
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		p[n].key = tr(keys[i].key_en, keys[i].key_zh);
		p[n].hang = (int)hang + 3;
		p[n++].text = tr(keys[i].en, keys[i].zh);
	}
	p[n++].text = "";
	p[n++].text = tr(N_("Every answer is saved as soon as you choose it. "
	    "The clock does not stop; at the end of the time the answers are "
	    "submitted automatically."),
	    "每次作答都会立即保存。计时不会暂停，时间到时答案自动提交。");
	p[n++].text = "";
	p[n].role = ROLE_LABEL;
	p[n++].text = tr(N_("Press any key to go back to the question."),
	    "按任意键返回题目。");
	lay_page(l, tr(N_("Help"), "帮助"), p, n,
	    tr(N_("any key  back"), "任意键 返回"));
}

/* "3, 7, 12" for the items matching, at most max numbers then "...". */
static char *
sit_list(const struct attempt *a, int flagged, size_t *count)
{
	char buf[512];
	size_t i, len = 0, shown = 0;

	buf[0] = '\0';
	*count = 0;
	for (i = 0; i < a->nitems; i++) {
		int match = flagged ? a->items[i].flagged :
		    !paper_item_answered(&a->items[i]);

		if (!match)
			continue;
		(*count)++;
		if (shown == 20) {
			if (len + 5 < sizeof buf)
				len += (size_t)snprintf(buf + len,
				    sizeof buf - len, "%s...",
				    tr(N_(", "), "、"));
			shown++;
		} else if (shown < 20 && len + 16 < sizeof buf) {
			len += (size_t)snprintf(buf + len, sizeof buf - len,
			    "%s%zu", shown > 0 ?
			    tr(N_(", "), "、") : "", i + 1);
			shown++;
		}
	}
	return xstrdup(buf);
}

void
sit_confirm_layout(struct sit *st, struct lay *l)
{
	const struct attempt *a = st->a;
	size_t nempty, nflag;
	char *empty = sit_list(a, 0, &nempty), *flag = sit_list(a, 1, &nflag);
	char *answered, *e, *f;
	struct lay_para p[10];
	size_t n = 0;

	memset(p, 0, sizeof p);
	answered = xasprintf(trn("Answered: %zu of %zu question.",
	    "Answered: %zu of %zu questions.", "已答：%zu/%zu 题。",
	    a->nitems), attempt_answered(a), a->nitems);
	e = nempty > 0 ? xasprintf(trn("Empty: %zu (question %s).",
	    "Empty: %zu (questions %s).", "未答：%zu 题（第 %s 题）。",
	    nempty), nempty, empty) :
	    xasprintf(tr(N_("Empty: %zu."), "未答：%zu 题。"), nempty);
	f = nflag > 0 ? xasprintf(trn("Flagged for review: %zu (question "
	    "%s).", "Flagged for review: %zu (questions %s).",
	    "标记待查：%zu 题（第 %s 题）。", nflag), nflag, flag) :
	    xasprintf(tr(N_("Flagged for review: %zu."), "标记待查：%zu 题。"),
	    nflag);
	p[n++].text = answered;
	p[n].role = nempty > 0 ? ROLE_WARN : ROLE_NORMAL;
	p[n++].text = e;
	p[n].role = nflag > 0 ? ROLE_FLAGGED : ROLE_NORMAL;
	p[n++].text = f;
	p[n++].text = "";
	p[n++].text = tr(N_("After submitting you cannot change any answer."),
	    "交卷后不能再修改答案。");
	p[n++].text = "";
	p[n].role = ROLE_LABEL;
	p[n++].text = tr(N_("Press y to submit now, or n to go back to the "
	    "questions."), "按 y 立即交卷，按 n 返回答题。");
	lay_page(l, tr(N_("Submit your answers?"), "确认交卷？"), p, n,
	    tr(N_("y submit  n back"), "y 交卷  n 返回"));
	free(empty);
	free(flag);
	free(answered);
	free(e);
	free(f);
}

/* ------------------------------------------------------------- keys */

/* Forget the number typed in the navigator (and a refusal shown). */
static void
sit_nav_clear(struct sit *st)
{
	st->nav_typed[0] = '\0';
	st->nav_refused[0] = '\0';
}

/* The number typed so far, or 0. */
static size_t
sit_nav_number(const struct sit *st)
{
	return (size_t)strtoul(st->nav_typed, NULL, 10);
}

/*
 * A digit typed in the navigator: the number grows while it names a
 * question, and the cursor follows it; a digit that would name none is
 * refused with a message.  Enter opens the question: never at once, as
 * an Enter typed after the number would then move on to the next one.
 */
static void
sit_nav_digit(struct sit *st, int digit)
{
	size_t n = st->a->nitems, len = strlen(st->nav_typed);
	size_t v = sit_nav_number(st) * 10 + (size_t)digit;

	if (v == 0 || v > n || len + 1 >= sizeof st->nav_typed) {
		snprintf(st->nav_refused, sizeof st->nav_refused, "%s%d",
		    st->nav_typed, digit);
		ui_beep();
		return;
	}
	st->nav_refused[0] = '\0';
	st->nav_typed[len] = (char)('0' + digit);
	st->nav_typed[len + 1] = '\0';
	st->nav_cursor = v - 1;
}

enum sit_outcome
sit_navigator_key(struct sit *st, int key)
{
	size_t n = st->a->nitems, c = st->nav_cursor, len;
	int cols, rows;
	size_t per;

	if (key >= '0' && key <= '9') {
		sit_nav_digit(st, key - '0');
		return SIT_STAY;
	}
	len = strlen(st->nav_typed);
	if (sit_is_backspace(key)) {
		st->nav_refused[0] = '\0';
		if (len > 0)
			st->nav_typed[len - 1] = '\0';
		if (len > 1)
			st->nav_cursor = sit_nav_number(st) - 1;
		return SIT_STAY;
	}
	if (key == UI_ESC && (len > 0 || st->nav_refused[0] != '\0')) {
		/* Esc cancels the number first; again, it leaves. */
		sit_nav_clear(st);
		return SIT_STAY;
	}
	if (sit_is_enter(key) && len > 0) {
		/* The number typed is a question's (digits are checked). */
		c = sit_nav_number(st) - 1;
		sit_nav_clear(st);
		sit_goto(st, c);
		return SIT_STAY;
	}
	sit_nav_clear(st);
	ui_size(&cols, &rows);
	per = (size_t)lay_nav_per_row(cols);
	switch (key) {
	case KEY_LEFT:
	case 'p':
		if (c > 0)
			c--;
		break;
	case KEY_RIGHT:
	case 'n':
		if (c + 1 < n)
			c++;
		break;
	case KEY_UP:
		if (c >= per)
			c -= per;
		break;
	case KEY_DOWN:
		if (c + per < n)
			c += per;
		break;
	case KEY_HOME:
		c = 0;
		break;
	case KEY_END:
		c = n - 1;
		break;
	case '\n':
	case '\r':
	case KEY_ENTER:
		sit_goto(st, c);
		return SIT_STAY;
	case 'l':
	case 'q':
	case UI_ESC:
		st->view = VIEW_QUESTION;
		return SIT_STAY;
	case 's':
		st->view = VIEW_CONFIRM;
		return SIT_STAY;
	case '?':
		st->view = VIEW_HELP;
		return SIT_STAY;
	}
	st->nav_cursor = c;
	return SIT_STAY;
}

enum sit_outcome
sit_confirm_key(struct sit *st, int key)
{
	char *cause = NULL;
	enum sit_outcome o;

	switch (key) {
	case 'y':
	case 'Y':
		o = sit_written(st, attempt_submit(st->s, st->a, &cause),
		    cause);
		if (o == SIT_STAY)
			return SIT_CLOSED;
		if (o == SIT_FAILED) {
			st->view = VIEW_QUESTION;
			return SIT_STAY;
		}
		return o;
	case 'n':
	case 'N':
	case 'q':
	case 'l':
	case UI_ESC:
		st->view = VIEW_QUESTION;
		break;
	}
	return SIT_STAY;
}
