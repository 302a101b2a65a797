/*
 * The trainee client's flow: language choice, login (ticket and hidden
 * PIN, slowed down after failures), opening the attempt, the instructions,
 * the exam (sit-exam.c), and the end: result, "time is up", or "opened
 * elsewhere".  Also the screen runner every screen goes through.
 */
#include "config.h"

#include "sit.h"
#include "sit-int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attempt.h"
#include "core/catalog.h"
#include "core/core.h"
#include "core/store.h"
#include "core/text.h"
#include "lang.h"
#include "tui.h"

/* ---------------------------------------------------------- helpers */

void
sit_message(struct sit *st, enum lay_role role, const char *fmt, ...)
{
	va_list ap;

	free(st->msg);
	va_start(ap, fmt);
	st->msg = xvasprintf(fmt, ap);
	va_end(ap);
	st->msg_role = role;
}

void
sit_message_clear(struct sit *st)
{
	free(st->msg);
	st->msg = NULL;
}

enum sit_outcome
sit_show(struct sit *st, const struct sit_screen *scr)
{
	enum sit_outcome o;
	enum ui_event ev;
	struct lay l;
	int cols, rows, key, small;
	time_t now, last_tick = 0;

	for (;;) {
		ui_size(&cols, &rows);
		lay_init(&l, cols, rows);
		small = lay_too_small(cols, rows);
		if (small)
			lay_too_small_screen(&l);
		else
			scr->layout(st, &l);
		ui_draw(&l);
		lay_release(&l);

		ev = ui_wait(1000, &key);
		o = SIT_STAY;
		switch (ev) {
		case UI_HANGUP:
			return SIT_HANGUP;
		case UI_RESIZE:
		case UI_TICK:
			break;
		case UI_KEY:
			if (!small)
				o = scr->key(st, key);
			break;
		}
		if (o != SIT_STAY)
			return o;
		/* Ticks run once a second, also while keys keep coming. */
		now = time(NULL);
		if (scr->tick != NULL && now != last_tick) {
			last_tick = now;
			if ((o = scr->tick(st)) != SIT_STAY)
				return o;
		}
	}
}

/* "label" padded with spaces to width columns (a new string). */
char *
sit_pad(const char *label, size_t width)
{
	size_t w = text_width(label);

	return xasprintf("%s%*s", label, (int)(width > w ? width - w : 0), "");
}

int
sit_is_enter(int key)
{
	return key == '\n' || key == '\r' || key == KEY_ENTER;
}

int
sit_is_backspace(int key)
{
	return key == KEY_BACKSPACE || key == 127 || key == UI_CTRL('h');
}

/* ----------------------------------------------------- instructions */

static void
sit_instructions_layout(struct sit *st, struct lay *l)
{
	const struct attempt *a = st->a;
	char clock[32];
	char *who, *what, *nq, *nm, *resume = NULL;
	struct lay_para p[12];
	size_t n = 0;

	lay_clock_exact(attempt_remaining(a, attempt_now()), clock,
	    sizeof clock);
	memset(p, 0, sizeof p);
	who = xasprintf(tr(N_("%s, ticket %s, community %s."),
	    "%s，准考证号 %s，%s。"), st->t.name, st->t.ticket,
	    st->t.community);
	nq = xasprintf(trn("%zu question", "%zu questions",
	    "%zu 题", a->nitems), a->nitems);
	nm = xasprintf(trn("%d minute", "%d minutes", "%d 分钟",
	    (unsigned long)a->minutes), a->minutes);
	/* TRANSLATORS: "%zu question(s)", "%d minute(s)", the time left. */
	what = xasprintf(tr(N_("The written test has %s and lasts %s. The "
	    "clock has started and does not stop: if the connection is lost, "
	    "log in again and you continue where you were. Time left: %s."),
	    "本次笔试共 %s，限时 %s。计时已经开始且不会暂停；"
	    "如果连接中断，重新登录即可从中断处继续。剩余时间：%s。"),
	    nq, nm, clock);
	free(nq);
	free(nm);
	p[n++].text = who;
	p[n++].text = "";
	p[n++].text = what;
	if (st->resumed) {
		p[n++].text = "";
		resume = xasprintf(tr(N_("You are continuing your exam: %zu of "
		    "%zu answered, %zu flagged."),
		    "你正在继续考试：已答 %zu/%zu 题，标记 %zu 题。"),
		    attempt_answered(a), a->nitems, attempt_flagged(a));
		p[n].role = ROLE_WARN;
		p[n++].text = resume;
	}
	p[n++].text = "";
	p[n++].text = tr(N_("Each answer is saved the moment you choose it."),
	    "每次作答都会立即保存。");
	p[n++].text = "";
	p[n++].text = tr(N_("Keys: A-H or 1-8 choose; n or Right next; p or "
	    "Left previous; m flag for review; l list of questions; "
	    "s submit; t time left; ? help."),
	    "按键：A-H 或 1-8 选择；n 或右方向键 下一题；p 或左方向键 上一题；"
	    "m 标记待查；l 题目列表；s 交卷；t 剩余时间；? 帮助。");
	p[n++].text = "";
	p[n].role = ROLE_LABEL;
	p[n++].text = tr(N_("Press Enter to begin."), "按回车键开始答题。");
	lay_page(l, lang_text(&a->exam_title), p, n,
	    tr(N_("Enter begin"), "回车 开始"));
	free(who);
	free(what);
	free(resume);
}

static enum sit_outcome
sit_instructions_key(struct sit *st, int key)
{
	return sit_is_enter(key) ? SIT_NEXT : SIT_STAY;
}

static const struct sit_screen sit_instructions_screen = {
	sit_instructions_layout, sit_instructions_key, NULL
};

/* ------------------------------------------------------------- ends */

/* The module's title in the trainee's language, else its id. */
static const char *
sit_module_title(const struct sit *st, const char *module)
{
	size_t r;

	for (r = 1; r < st->modules.nrows; r++)
		if (strcmp(table_cell(&st->modules, r, 0), module) == 0)
			return table_cell(&st->modules, r, 1);
	return module;
}

/* A result line per module: "心肺复苏与AED      7/7    100.0%". */
static char *
sit_module_line(const struct sit *st, const struct grade_module *m,
    size_t width)
{
	char *title = sit_pad(sit_module_title(st, m->module), width), *line;

	line = xasprintf("%s  %3d/%-3d  %3d.%d%%", title, m->correct,
	    m->total, m->tenths / 10, m->tenths % 10);
	free(title);
	return line;
}

static void
sit_result_layout(struct sit *st, struct lay *l)
{
	const struct attempt *a = st->a;
	struct lay_para p[48];
	char *lines[48];
	size_t n = 0, nl = 0, i, w, width = 0;
	struct grade g;

	memset(p, 0, sizeof p);
	memset(&g, 0, sizeof g);
	if (a->status == ATTEMPT_EXPIRED) {
		p[n].role = ROLE_WARN;
		p[n++].text = tr(N_("Time is up: your answers were submitted "
		    "automatically."), "考试时间到，你的答案已自动提交。");
	} else
		p[n++].text = tr(N_("Your answers are submitted."),
		    "你的答案已提交。");
	p[n++].text = "";
	if (a->show_result) {
		attempt_grade(a, &g);
		lines[nl] = xasprintf(tr(N_("Score: %d.%d%% (%d of %d correct; "
		    "pass mark %d%%)."), "成绩：%d.%d%%（答对 %d/%d 题；"
		    "及格线 %d%%）。"), g.tenths / 10, g.tenths % 10,
		    g.correct, g.total, a->pass);
		p[n++].text = lines[nl++];
		p[n].role = g.passed ? ROLE_OK : ROLE_ERROR;
		p[n++].text = g.passed ? tr(N_("Passed."), "合格。") :
		    tr(N_("Not passed."), "不合格。");
		p[n++].text = "";
		p[n].role = ROLE_LABEL;
		p[n++].text = tr(N_("By module:"), "各模块成绩：");
		for (i = 0; i < g.nmodules; i++) {
			w = text_width(sit_module_title(st,
			    g.modules[i].module));
			if (w > width)
				width = w;
		}
		for (i = 0; i < g.nmodules && n < 46; i++) {
			lines[nl] = sit_module_line(st, &g.modules[i], width);
			p[n].indent = 2;
			p[n++].text = lines[nl++];
		}
	} else
		p[n++].text = tr(N_("Your instructor will tell you the result."),
		    "成绩将由考评员公布。");
	lay_page(l, lang_text(&a->exam_title), p, n,
	    tr(N_("Enter end"), "回车 结束"));
	for (i = 0; i < nl; i++)
		free(lines[i]);
	grade_release(&g);
}

static enum sit_outcome
sit_end_key(struct sit *st, int key)
{
	return sit_is_enter(key) || key == 'q' || key == UI_ESC ? SIT_NEXT :
	    SIT_STAY;
}

static const struct sit_screen sit_result_screen = {
	sit_result_layout, sit_end_key, NULL
};

static void
sit_notice_layout(struct sit *st, struct lay *l)
{
	struct lay_para p[3];

	memset(p, 0, sizeof p);
	p[0].role = ROLE_ERROR;
	p[0].text = st->msg != NULL ? st->msg : "";
	p[1].text = "";
	p[2].text = tr(N_("Press Enter to end."), "按回车键结束。");
	lay_page(l, "firstline", p, 3, tr(N_("Enter end"), "回车 结束"));
}

static const struct sit_screen sit_notice_screen = {
	sit_notice_layout, sit_end_key, NULL
};

/* ---------------------------------------------------------- the run */

static enum sit_outcome
sit_open(struct sit *st)
{
	char *cause = NULL;
	size_t i;
	int rc;

	if (attempt_open(st->s, &st->t, &st->a, &cause) != 0) {
		st->error = cause;
		return SIT_FAILED;
	}
	if (st->a->status != ATTEMPT_IN_PROGRESS)
		return SIT_CLOSED;
	/* Sat here from now on (a paper drawn for print may be sat here). */
	if ((rc = attempt_set_mode(st->s, st->a, "terminal", &cause)) != 0) {
		if (rc < 0) {
			st->error = cause;
			return SIT_FAILED;
		}
		free(cause);
		return rc == ATTEMPT_TAKEN_OVER ? SIT_TAKEN : SIT_CLOSED;
	}
	for (i = 0; i < st->a->nitems; i++)
		if (*st->a->items[i].response != '\0' ||
		    st->a->items[i].flagged)
			st->resumed = 1;
	return SIT_NEXT;
}

/*
 * A seat reads one paper and writes one row at a time: a 256 KiB page
 * cache (SQLite's default is 2 MiB) is plenty and keeps the seat small.
 */
static int
sit_cache(struct store *s, char **cause)
{
	return store_exec(s, "PRAGMA cache_size = -256", cause);
}

static int
sit_main(struct store *s, const char *path, char **cause)
{
	struct sit st;
	enum sit_outcome o;
	int rc = 0;

	memset(&st, 0, sizeof st);
	st.s = s;
	if (s != NULL && sit_cache(s, cause) != 0)
		return -1;
	st.lang_choice = fl_lang_zh() ? 0 : 1;
	lang_set(st.lang_choice == 0);
	if (ui_start(cause) != 0)
		return -1;

	o = sit_show(&st, &sit_language_screen);
	/*
	 * Opening the database (SQLite reads the whole schema) waits until
	 * the first screen is up: the trainee reads it meanwhile.
	 */
	if (o == SIT_NEXT && st.s == NULL &&
	    (store_open(path, STORE_OPEN, &st.s, &st.error) != 0 ||
	    sit_cache(st.s, &st.error) != 0))
		o = SIT_FAILED;
	if (o == SIT_NEXT)
		o = sit_show(&st, &sit_login_screen);
	if (o == SIT_NEXT)
		o = sit_open(&st);
	if (o == SIT_NEXT)
		o = sit_show(&st, &sit_instructions_screen);
	if (o == SIT_NEXT)
		o = sit_exam(&st);

	switch (o) {
	case SIT_CLOSED:
		/* Module titles for the breakdown, in the trainee's language. */
		catalog_banks(st.s, &st.modules);
		o = sit_show(&st, &sit_result_screen);
		break;
	case SIT_TAKEN:
		sit_message(&st, ROLE_ERROR, "%s", tr(N_("This ticket was "
		    "opened on another terminal, so this one is closed. Your "
		    "answers are saved."), "该准考证已在另一台终端登录，"
		    "本终端已关闭。你的答案已保存。"));
		o = sit_show(&st, &sit_notice_screen);
		break;
	case SIT_FAILED:
		sit_message(&st, ROLE_ERROR, "%s", st.error);
		if (sit_show(&st, &sit_notice_screen) == SIT_HANGUP)
			o = SIT_HANGUP;
		break;
	default:
		break;
	}
	ui_end();

	if (o == SIT_FAILED) {
		*cause = st.error;
		st.error = NULL;
		rc = -1;
	} else if (o == SIT_HANGUP) {
		*cause = xstrdup(_("the terminal was closed or the client was "
		    "told to end; the answers given are saved"));
		rc = -1;
	}
	explicit_bzero(st.pin, sizeof st.pin);
	free(st.msg);
	free(st.error);
	table_release(&st.modules);
	attempt_free(&st.a);
	if (st.logged_in)
		trainee_release(&st.t);
	if (s == NULL)
		store_free(&st.s);
	return rc;
}

int
sit_run(struct store *s, char **cause)
{
	return sit_main(s, NULL, cause);
}

int
sit_run_path(const char *path, char **cause)
{
	return sit_main(NULL, path, cause);
}
