/*
 * The exam itself: the question screen and its keys (SPEC section 3); the
 * clock, its warnings, expiry and take-over; the dispatch to the other
 * views (navigator, help, submit confirmation: sit-nav.c).
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
#include "response.h"
#include "tui.h"

/*
 * Options with a key: A-H, a-h and 1-8.  No letter that can name an
 * option is a command on the question screen, so a trainee who presses
 * f on a six-option question chooses F: the flag is m (mark), the list
 * of questions l.
 */
#define SIT_KEYS 8
/*
 * How often the attempt is re-read (extra time, take-over), seconds: a
 * read without the write lock (attempt_refresh), so it may be often.
 */
#define SIT_REFRESH_S 5

/* ------------------------------------------------------- core calls */

/* What a write call's result means for the screen (see sit-int.h). */
enum sit_outcome
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
	resp_letters(it, letters, sizeof letters);
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
	char buf[RESP_SIZE];

	switch (resp_press(&st->a->items[st->cur], k, buf, sizeof buf)) {
	case RESP_CHANGED:
		return sit_answer(st, buf);
	case RESP_NO_OPTION:
		sit_message(st, ROLE_ERROR, tr(N_("There is no option %c."),
		    "没有选项 %c。"), 'A' + (int)k);
		break;
	case RESP_ALREADY:
		sit_message(st, ROLE_ERROR, tr(N_("%c is already in your order; "
		    "Backspace takes back the last step."),
		    "%c 已在顺序中；退格键撤销最后一步。"), 'A' + (int)k);
		break;
	}
	return SIT_STAY;
}

/* Backspace: ordering takes back the last step, others clear. */
static enum sit_outcome
sit_backspace(struct sit *st)
{
	const struct paper_item *it = &st->a->items[st->cur];
	char buf[RESP_SIZE];

	if (*it->response == '\0')
		return SIT_STAY;
	resp_backspace(it, buf, sizeof buf);
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

/* Which warnings are due with left seconds: 1 (10 min), 2 (5), 3 (1). */
static int
sit_warn_level(long left)
{
	return left <= 60 ? 3 : left <= 300 ? 2 : left <= 600 ? 1 : 0;
}

static enum sit_outcome
sit_exam_tick(struct sit *st)
{
	time_t now = attempt_now();
	long left = attempt_remaining(st->a, now);
	char *cause = NULL;
	int level, mins, rc;

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
	level = sit_warn_level(left);
	if (level < st->warned)
		st->warned = level;	/* extra time was granted */
	if (level > st->warned) {
		st->warned = level;
		mins = level == 1 ? 10 : level == 2 ? 5 : 1;
		sit_message(st, ROLE_WARN, trn("%d minute left. Your "
		    "answers are saved.", "%d minutes left. Your answers "
		    "are saved.", "还剩 %d 分钟。你的答案均已保存。",
		    (unsigned long)mins), mins);
		ui_beep();
	}
	return SIT_STAY;
}

/* ---------------------------------------------------------- layouts */

void
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
	size_t nopt = resp_options(it), i;
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
	resp_chosen(it, chosen);
	q.type = it->type;
	q.stem = lang_text(&it->stem);
	q.options = texts;
	q.noptions = nopt;
	q.chosen = chosen;
	q.item_flagged = it->flagged;
	q.untranslated = (it->untranslated & (lang_zh() ? QTEXT_ZH_COPY :
	    QTEXT_EN_COPY)) != 0;
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

void
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
	if (key >= 'a' && key < 'a' + SIT_KEYS)
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
			    "last question: press s to submit, or l for the "
			    "list."), "这是最后一题：按 s 交卷，或按 l 查看题目"
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
	case 'm':
		return sit_toggle_flag(st);
	case 'l':
		st->nav_cursor = st->cur;
		st->nav_typed[0] = st->nav_refused[0] = '\0';
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
	/* No "10 minutes left" at the start of a 10-minute exam. */
	st->warned = sit_warn_level((long)st->a->minutes * 60);
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
