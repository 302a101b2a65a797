/*
 * The exam itself: the question screen and its keys (SPEC section 3), the
 * navigator, help, and the submit confirmation with the empty and flagged
 * counts; the clock, its warnings, expiry and take-over.
 *
 * Every answer and flag goes to the core first (attempt_answer and
 * attempt_flag commit before they return); the screen says "saved" only
 * after that succeeded, and says what went wrong otherwise.
 */
#include "config.h"

#include "sit-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/attempt.h"
#include "core/core.h"
#include "core/text.h"
#include "lang.h"
#include "tui.h"

/* Options with a key: A-H, 1-8. */
#define SIT_KEYS 8
/* How often the attempt is re-read (extra time, take-over), seconds. */
#define SIT_REFRESH_S 30

/* ------------------------------------------------------- responses */

/*
 * Parse a response ("2", "0,2", "2,0,1") into idx (at most max numbers).
 * Returns how many; numbers out of range are dropped.
 */
static size_t
sit_parse(const char *r, size_t *idx, size_t max, size_t limit)
{
	size_t n = 0;
	char *end;
	long v;

	while (*r != '\0' && n < max) {
		v = strtol(r, &end, 10);
		if (end == r)
			break;
		if (v >= 0 && (size_t)v < limit)
			idx[n++] = (size_t)v;
		r = *end == ',' ? end + 1 : end;
	}
	return n;
}

/* Write idx as "a,b,c" into buf. */
static void
sit_format(const size_t *idx, size_t n, char *buf, size_t size)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < n && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%zu",
		    i > 0 ? "," : "", idx[i]);
}

/* Options as shown: truefalse has two, "True" and "False". */
static size_t
sit_noptions(const struct paper_item *it)
{
	return it->type == QTYPE_TRUEFALSE ? 2 : it->noptions;
}

/*
 * Per shown option, 0 or chosen (ordering: the 1-based place).  chosen
 * has room for sit_noptions(it) entries.
 */
static void
sit_chosen(const struct paper_item *it, int *chosen)
{
	size_t idx[64], n, i, nopt = sit_noptions(it);

	memset(chosen, 0, nopt * sizeof *chosen);
	if (it->type == QTYPE_TRUEFALSE) {
		if (strcmp(it->response, "1") == 0)
			chosen[0] = 1;
		else if (strcmp(it->response, "0") == 0)
			chosen[1] = 1;
		return;
	}
	n = sit_parse(it->response, idx, 64, nopt);
	for (i = 0; i < n; i++)
		chosen[idx[i]] = it->type == QTYPE_ORDERING ? (int)i + 1 : 1;
}

/* Letters of the chosen options, in order: "A, C" (the display says it). */
static void
sit_letters(const struct paper_item *it, char *buf, size_t size)
{
	size_t idx[64], n, i, len = 0;

	buf[0] = '\0';
	if (it->type == QTYPE_TRUEFALSE) {
		snprintf(buf, size, "%s", strcmp(it->response, "1") == 0 ?
		    tr(N_("True"), "正确") : tr(N_("False"), "错误"));
		return;
	}
	n = sit_parse(it->response, idx, 64, it->noptions);
	for (i = 0; i < n && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%c",
		    i > 0 ? ", " : "", 'A' + (int)idx[i]);
}

/* ------------------------------------------------------- core calls */

/*
 * What a write call's result means for the screen: SIT_STAY when it was
 * written; SIT_FAILED when it was not (the message line says why, the
 * trainee stays); SIT_CLOSED or SIT_TAKEN to leave the exam.
 */
static enum sit_outcome
sit_written(struct sit *st, int rc, char *cause)
{
	switch (rc) {
	case 0:
		free(cause);
		return SIT_STAY;
	case ATTEMPT_CLOSED:
		free(cause);
		/* Re-read the status to tell "time is up" from submitted. */
		cause = NULL;
		if (attempt_refresh(st->s, st->a, &cause) ==
		    ATTEMPT_TAKEN_OVER) {
			free(cause);
			return SIT_TAKEN;
		}
		free(cause);
		return SIT_CLOSED;
	case ATTEMPT_TAKEN_OVER:
		free(cause);
		return SIT_TAKEN;
	default:
		sit_message(st, ROLE_ERROR, tr(N_("Not saved: %s. Try again."),
		    "未保存：%s。请重试。"), cause != NULL ? cause : "");
		free(cause);
		return SIT_FAILED;
	}
}

/* Store response r for the current item; "saved" only once it is. */
static enum sit_outcome
sit_answer(struct sit *st, const char *r)
{
	struct paper_item *it = &st->a->items[st->cur];
	char *cause = NULL, letters[128];
	enum sit_outcome o;
	int rc;

	rc = attempt_answer(st->s, st->a, st->cur, r, &cause);
	o = sit_written(st, rc, cause);
	if (o == SIT_FAILED)
		return SIT_STAY;	/* the message says it was not saved */
	if (o != SIT_STAY)
		return o;
	if (strcmp(it->response, r) != 0) {
		free(it->response);
		it->response = xstrdup(r);
	}
	if (*r == '\0') {
		sit_message(st, ROLE_OK, tr(N_("Question %zu: answer cleared "
		    "and saved."), "第 %zu 题：已清除答案并保存。"),
		    st->cur + 1);
		return SIT_STAY;
	}
	sit_letters(it, letters, sizeof letters);
	if (it->type == QTYPE_ORDERING && !paper_item_answered(it))
		sit_message(st, ROLE_OK, tr(N_("Question %zu: order so far %s "
		    "saved; go on with the next step."),
		    "第 %zu 题：已保存当前顺序 %s，请继续选择下一步。"),
		    st->cur + 1, letters);
	else
		sit_message(st, ROLE_OK, tr(N_("Question %zu: answer %s saved."),
		    "第 %zu 题：答案 %s 已保存。"), st->cur + 1, letters);
	return SIT_STAY;
}

/* Option k (0-based, as shown) pressed. */
static enum sit_outcome
sit_choose(struct sit *st, size_t k)
{
	const struct paper_item *it = &st->a->items[st->cur];
	size_t idx[64], n, i, nopt = sit_noptions(it);
	char buf[256];
	int found = 0;

	if (k >= nopt) {
		sit_message(st, ROLE_ERROR, tr(N_("There is no option %c."),
		    "没有选项 %c。"), 'A' + (int)k);
		return SIT_STAY;
	}
	switch (it->type) {
	case QTYPE_TRUEFALSE:
		return sit_answer(st, k == 0 ? "1" : "0");
	case QTYPE_SINGLE:
		snprintf(buf, sizeof buf, "%zu", k);
		return sit_answer(st, buf);
	case QTYPE_MULTIPLE: {
		int chosen[64];

		sit_chosen(it, chosen);
		chosen[k] = !chosen[k];
		for (n = 0, i = 0; i < nopt; i++)
			if (chosen[i])
				idx[n++] = i;
		sit_format(idx, n, buf, sizeof buf);
		return sit_answer(st, buf);
	}
	case QTYPE_ORDERING:
		n = sit_parse(it->response, idx, 64, nopt);
		for (i = 0; i < n; i++)
			if (idx[i] == k)
				found = 1;
		if (found) {
			sit_message(st, ROLE_ERROR, tr(N_("%c is already in "
			    "your order; Backspace takes back the last step."),
			    "%c 已在顺序中；退格键撤销最后一步。"), 'A' + (int)k);
			return SIT_STAY;
		}
		idx[n++] = k;
		sit_format(idx, n, buf, sizeof buf);
		return sit_answer(st, buf);
	}
	return SIT_STAY;
}

/* Backspace: ordering takes back the last step, others clear. */
static enum sit_outcome
sit_backspace(struct sit *st)
{
	const struct paper_item *it = &st->a->items[st->cur];
	size_t idx[64], n;
	char buf[256];

	if (*it->response == '\0')
		return SIT_STAY;
	if (it->type != QTYPE_ORDERING)
		return sit_answer(st, "");
	n = sit_parse(it->response, idx, 64, it->noptions);
	sit_format(idx, n > 0 ? n - 1 : 0, buf, sizeof buf);
	return sit_answer(st, buf);
}

static enum sit_outcome
sit_toggle_flag(struct sit *st)
{
	struct paper_item *it = &st->a->items[st->cur];
	char *cause = NULL;
	enum sit_outcome o;
	int want = !it->flagged;

	o = sit_written(st, attempt_flag(st->s, st->a, st->cur, want, &cause),
	    cause);
	if (o == SIT_FAILED)
		return SIT_STAY;
	if (o != SIT_STAY)
		return o;
	it->flagged = want;
	if (want)
		sit_message(st, ROLE_FLAGGED, tr(N_("Question %zu flagged for "
		    "review."), "第 %zu 题已标记待查。"), st->cur + 1);
	else
		sit_message(st, ROLE_OK, tr(N_("Question %zu: flag removed."),
		    "第 %zu 题：已取消标记。"), st->cur + 1);
	return SIT_STAY;
}

/* -------------------------------------------------------- the clock */

static void
sit_time_message(struct sit *st)
{
	long left = attempt_remaining(st->a, attempt_now());
	char clock[32], at[16];
	struct tm tm;
	time_t end = st->a->deadline;

	lay_clock_exact(left, clock, sizeof clock);
	localtime_r(&end, &tm);
	strftime(at, sizeof at, "%H:%M", &tm);
	sit_message(st, left <= 300 ? ROLE_WARN : ROLE_NORMAL,
	    tr(N_("Time left: %s (the exam ends at %s)."),
	    "剩余时间：%s（考试于 %s 结束）。"), clock, at);
}

static enum sit_outcome
sit_exam_tick(struct sit *st)
{
	time_t now = attempt_now();
	long left = attempt_remaining(st->a, now);
	char *cause = NULL;
	int level, rc;

	if (left <= 0 || now - st->last_refresh >= SIT_REFRESH_S) {
		st->last_refresh = now;
		rc = attempt_refresh(st->s, st->a, &cause);
		if (rc == ATTEMPT_TAKEN_OVER) {
			free(cause);
			return SIT_TAKEN;
		}
		if (rc != 0) {
			sit_message(st, ROLE_ERROR, "%s", cause != NULL ? cause :
			    "");
			free(cause);
		}
		if (st->a->status != ATTEMPT_IN_PROGRESS)
			return SIT_CLOSED;
		left = attempt_remaining(st->a, now);
	}

	/* Warnings at 10, 5 and 1 minutes left (once each). */
	level = left <= 60 ? 3 : left <= 300 ? 2 : left <= 600 ? 1 : 0;
	if (level < st->warned)
		st->warned = level;	/* extra time was granted */
	if (level > st->warned) {
		static const long mins[] = { 0, 10, 5, 1 };

		st->warned = level;
		sit_message(st, ROLE_WARN, tr(N_("Warning: %ld minute(s) left. "
		    "Answers are saved; unanswered questions score nothing."),
		    "注意：还剩 %ld 分钟。答案均已保存，未答的题不得分。"),
		    mins[level]);
		ui_beep();
	}
	return SIT_STAY;
}

/* ---------------------------------------------------------- layouts */

static void
sit_header(struct sit *st, struct lay_header *h, char **who)
{
	*who = xasprintf("%s  %s", st->t.name, st->t.ticket);
	h->title = lang_text(&st->a->exam_title);
	h->who = *who;
	h->index = st->cur;
	h->count = st->a->nitems;
	h->answered = attempt_answered(st->a);
	h->flagged = attempt_flagged(st->a);
	h->remaining = attempt_remaining(st->a, attempt_now());
}

static void
sit_question_layout(struct sit *st, struct lay *l)
{
	const struct paper_item *it = &st->a->items[st->cur];
	size_t nopt = sit_noptions(it), i;
	const char **texts = xcalloc(nopt + 1, sizeof *texts);
	int *chosen = xcalloc(nopt + 1, sizeof *chosen);
	struct lay_question q;
	char *who;

	memset(&q, 0, sizeof q);
	sit_header(st, &q.h, &who);
	if (it->type == QTYPE_TRUEFALSE) {
		texts[0] = tr(N_("True"), "正确");
		texts[1] = tr(N_("False"), "错误");
	} else
		for (i = 0; i < nopt; i++)
			texts[i] = lang_text(&it->options[i].text);
	sit_chosen(it, chosen);
	q.type = it->type;
	q.stem = lang_text(&it->stem);
	q.options = texts;
	q.noptions = nopt;
	q.chosen = chosen;
	q.item_flagged = it->flagged;
	q.saved = *it->response != '\0';
	q.message = st->msg;
	q.message_role = st->msg_role;
	q.scroll = st->scroll;
	lay_question(l, &q);
	st->scroll = l->scroll;
	free(texts);
	free(chosen);
	free(who);
}

static void
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
	lay_navigator(l, &nv);
	free(items);
	free(who);
}

static void
sit_help_layout(struct sit *st, struct lay *l)
{
	static const struct {
		const char *key_en, *key_zh, *en, *zh;
	} keys[] = {
		{ N_("A-H, 1-8"), "A-H、1-8",
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
		{ "f", "f", N_("flag or unflag for review"),
		    "标记或取消标记待查" },
		{ "g", "g", N_("list of all questions (answered, flagged, "
		    "empty)"), "题目列表（已答、已标记、未答）" },
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
				    sizeof buf - len, ", ...");
			shown++;
		} else if (shown < 20 && len + 16 < sizeof buf) {
			len += (size_t)snprintf(buf + len, sizeof buf - len,
			    "%s%zu", shown > 0 ? ", " : "", i + 1);
			shown++;
		}
	}
	return xstrdup(buf);
}

static void
sit_confirm_layout(struct sit *st, struct lay *l)
{
	const struct attempt *a = st->a;
	size_t nempty, nflag;
	char *empty = sit_list(a, 0, &nempty), *flag = sit_list(a, 1, &nflag);
	char *answered, *e, *f;
	struct lay_para p[10];
	size_t n = 0;

	memset(p, 0, sizeof p);
	answered = xasprintf(tr(N_("Answered: %zu of %zu questions."),
	    "已答：%zu/%zu 题。"), attempt_answered(a), a->nitems);
	e = nempty > 0 ? xasprintf(tr(N_("Empty: %zu (questions %s)."),
	    "未答：%zu 题（第 %s 题）。"), nempty, empty) :
	    xasprintf(tr(N_("Empty: %zu."), "未答：%zu 题。"), nempty);
	f = nflag > 0 ? xasprintf(tr(N_("Flagged for review: %zu (questions "
	    "%s)."), "标记待查：%zu 题（第 %s 题）。"), nflag, flag) :
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

static void
sit_exam_layout(struct sit *st, struct lay *l)
{
	switch (st->view) {
	case VIEW_QUESTION:
		sit_question_layout(st, l);
		break;
	case VIEW_NAVIGATOR:
		sit_navigator_layout(st, l);
		break;
	case VIEW_HELP:
		sit_help_layout(st, l);
		break;
	case VIEW_CONFIRM:
		sit_confirm_layout(st, l);
		break;
	}
}

/* ------------------------------------------------------------- keys */

static void
sit_goto(struct sit *st, size_t i)
{
	if (i != st->cur)
		sit_message_clear(st);
	st->cur = i;
	st->scroll = 0;
	st->view = VIEW_QUESTION;
}

static enum sit_outcome
sit_question_key(struct sit *st, int key)
{
	size_t n = st->a->nitems;
	int rows, cols;

	if (key >= 'A' && key < 'A' + SIT_KEYS)
		return sit_choose(st, (size_t)(key - 'A'));
	if (key >= '1' && key < '1' + SIT_KEYS)
		return sit_choose(st, (size_t)(key - '1'));
	/* Lower case a-e and h are no command: take them as options too. */
	if ((key >= 'a' && key <= 'e') || key == 'h')
		return sit_choose(st, (size_t)(key - 'a'));
	if (key == KEY_BACKSPACE || key == 127 || key == UI_CTRL('h') ||
	    key == KEY_DC)
		return sit_backspace(st);
	switch (key) {
	case 'n':
	case KEY_RIGHT:
	case '\n':
	case '\r':
	case KEY_ENTER:
		if (st->cur + 1 < n)
			sit_goto(st, st->cur + 1);
		else
			sit_message(st, ROLE_NORMAL, "%s", tr(N_("This is the "
			    "last question: press s to submit, or g for the "
			    "list."), "这是最后一题：按 s 交卷，或按 g 查看题目"
			    "列表。"));
		break;
	case 'p':
	case KEY_LEFT:
		if (st->cur > 0)
			sit_goto(st, st->cur - 1);
		else
			sit_message(st, ROLE_NORMAL, "%s", tr(N_("This is the "
			    "first question."), "这是第一题。"));
		break;
	case KEY_HOME:
		sit_goto(st, 0);
		break;
	case KEY_END:
		sit_goto(st, n - 1);
		break;
	case KEY_UP:
		st->scroll--;
		break;
	case KEY_DOWN:
		st->scroll++;
		break;
	case KEY_PPAGE:
	case KEY_NPAGE:
		ui_size(&cols, &rows);
		st->scroll += (key == KEY_NPAGE ? 1 : -1) * (rows - 6);
		break;
	case 'f':
		return sit_toggle_flag(st);
	case 'g':
		st->nav_cursor = st->cur;
		st->view = VIEW_NAVIGATOR;
		break;
	case 's':
		st->view = VIEW_CONFIRM;
		break;
	case '?':
		st->view = VIEW_HELP;
		break;
	case 't':
		sit_time_message(st);
		break;
	case UI_CTRL('c'):
	case UI_CTRL('z'):
	case UI_CTRL('\\'):
	case UI_CTRL('d'):
		sit_message(st, ROLE_WARN, "%s", tr(N_("The exam goes on: your "
		    "answers are saved as you go. To finish, press s."),
		    "考试仍在进行：答案随时保存。要结束考试请按 s 交卷。"));
		break;
	}
	if (st->scroll < 0)
		st->scroll = 0;
	return SIT_STAY;
}

static enum sit_outcome
sit_navigator_key(struct sit *st, int key)
{
	size_t n = st->a->nitems, c = st->nav_cursor;
	int cols, rows;
	size_t per;

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
	case 'g':
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

static enum sit_outcome
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
	case 'g':
	case UI_ESC:
		st->view = VIEW_QUESTION;
		break;
	}
	return SIT_STAY;
}

static enum sit_outcome
sit_exam_key(struct sit *st, int key)
{
	switch (st->view) {
	case VIEW_QUESTION:
		return sit_question_key(st, key);
	case VIEW_NAVIGATOR:
		return sit_navigator_key(st, key);
	case VIEW_HELP:
		if (key != UI_CTRL('c') && key != UI_CTRL('z') &&
		    key != UI_CTRL('\\'))
			st->view = VIEW_QUESTION;
		return SIT_STAY;
	case VIEW_CONFIRM:
		return sit_confirm_key(st, key);
	}
	return SIT_STAY;
}

static const struct sit_screen sit_exam_screen = {
	sit_exam_layout, sit_exam_key, sit_exam_tick
};

enum sit_outcome
sit_exam(struct sit *st)
{
	size_t i;

	st->view = VIEW_QUESTION;
	st->last_refresh = attempt_now();
	/* Resume at the first question without an answer. */
	st->cur = 0;
	for (i = 0; i < st->a->nitems; i++)
		if (!paper_item_answered(&st->a->items[i])) {
			st->cur = i;
			break;
		}
	if (st->a->nitems == 0)
		return SIT_CLOSED;
	return sit_show(st, &sit_exam_screen);
}
