/*
 * The instructor client's flow: login (score-login.c), then a MENU of
 * cohorts, of the chosen cohort's trainees with the state of each of their
 * components, and of the chosen trainee's stations; Enter on a station
 * opens the rubric form (score-form.c), h shows the trainee's history.
 * Also the list runner every menu goes through: the layout is drawn on the
 * standard screen and the menu's window over the rows of the list; a
 * resize or a language switch refills the rows and rebuilds the menu.
 */
#include "config.h"

#include "score-client.h"
#include "score-int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cohort.h"
#include "core/core.h"
#include "core/score.h"
#include "core/text.h"
#include "lang.h"
#include "score-layout.h"
#include "tui.h"

/* ---------------------------------------------------------- helpers */

void
sc_message(struct sc *sc, enum lay_role role, const char *fmt, ...)
{
	va_list ap;

	free(sc->msg);
	va_start(ap, fmt);
	sc->msg = xvasprintf(fmt, ap);
	va_end(ap);
	sc->msg_role = role;
}

void
sc_message_clear(struct sc *sc)
{
	free(sc->msg);
	sc->msg = NULL;
}

void
sc_toggle_lang(void)
{
	lang_set(!lang_zh());
}

int
sc_is_enter(int key)
{
	return key == '\n' || key == '\r' || key == KEY_ENTER;
}

int
sc_is_backspace(int key)
{
	return key == KEY_BACKSPACE || key == 127 || key == UI_CTRL('h');
}

int
sc_utf8_feed(struct sc_utf8 *u, int key, unsigned int *cp)
{
	if (key < 0 || key > 0xff) {
		u->n = u->need = 0;
		return 0;
	}
	if (key < 0x80) {
		u->n = u->need = 0;
		*cp = (unsigned int)key;
		return 1;
	}
	if (u->n == 0) {
		if ((key & 0xe0) == 0xc0)
			u->need = 2;
		else if ((key & 0xf0) == 0xe0)
			u->need = 3;
		else if ((key & 0xf8) == 0xf0)
			u->need = 4;
		else
			return 0;	/* a stray continuation byte */
	} else if ((key & 0xc0) != 0x80) {
		u->n = u->need = 0;
		return 0;
	}
	u->buf[u->n++] = (unsigned char)key;
	if (u->n < u->need)
		return 0;
	u->n = u->need = 0;
	text_decode((const char *)u->buf, sizeof u->buf, cp);
	return *cp != 0xfffd;
}

char *
sc_trim(const char *text)
{
	const char *end;

	if (text == NULL)
		return xstrdup("");
	while (*text == ' ')
		text++;
	end = text + strlen(text);
	while (end > text && end[-1] == ' ')
		end--;
	return xstrndup(text, (size_t)(end - text));
}

int
sc_board_reload(struct sc *sc)
{
	char *cause = NULL, *ticket = NULL;
	size_t i;

	/* Keep the chosen trainee by ticket: a roster may have grown. */
	if (sc->have_board && sc->trainee < sc->b.n)
		ticket = xstrdup(sc->b.rows[sc->trainee].ticket);
	if (sc->have_board)
		station_board_release(&sc->b);
	sc->have_board = 0;
	if (station_board_load(sc->s, &sc->ss, &sc->b, &cause) != 0) {
		free(sc->error);
		sc->error = cause;
		free(ticket);
		return -1;
	}
	sc->have_board = 1;
	for (i = 0; ticket != NULL && i < sc->b.n; i++)
		if (strcmp(sc->b.rows[i].ticket, ticket) == 0)
			sc->trainee = i;
	free(ticket);
	return 0;
}

char *
sc_who(const struct sc *sc)
{
	const struct station_row *r = &sc->b.rows[sc->trainee];

	return xasprintf(tr(N_("%s %s (cohort %s)"), "%s %s（培训批次 %s）"),
	    r->name, r->ticket, sc->ss.cohort);
}

/* ------------------------------------------------------ list runner */

/* Returned by a list's key handler besides an enum sc_outcome. */
#define SC_STAY		(-1)
#define SC_REFILL	(-2)

struct sc_list {
	/* Filled by the screen for a width; freed by the runner. */
	char		**rows;
	size_t		  n;
	unsigned char	 *grey;		/* per row: not selectable */
	char		 *head[3];
	char		 *columns;
	const char	 *title;
	const char	 *empty;
	const char	 *hints;
	size_t		  cur;		/* the row chosen, kept over refills */
	int		  width;

	ITEM		**items;
	MENU		 *menu;
	WINDOW		 *win;
	int		  top;
	int		  nrows;
};

struct sc_list_screen {
	/* Fill rows, head, columns and texts for rows of width columns. */
	void	(*fill)(struct sc *, struct sc_list *, int);
	/* A key the menu does not take: SC_STAY, SC_REFILL or an outcome. */
	int	(*key)(struct sc *, struct sc_list *, int);
};

static void
sc_list_unbuild(struct sc_list *ls)
{
	size_t i;

	if (ls->menu != NULL) {
		unpost_menu(ls->menu);
		free_menu(ls->menu);
	}
	for (i = 0; ls->items != NULL && i < ls->n; i++)
		free_item(ls->items[i]);
	free(ls->items);
	if (ls->win != NULL)
		delwin(ls->win);
	ls->menu = NULL;
	ls->items = NULL;
	ls->win = NULL;
}

static void
sc_list_unfill(struct sc_list *ls)
{
	size_t i;

	sc_list_unbuild(ls);
	for (i = 0; i < ls->n; i++)
		free(ls->rows[i]);
	free(ls->rows);
	free(ls->grey);
	for (i = 0; i < 3; i++)
		free(ls->head[i]);
	free(ls->columns);
	ls->rows = NULL;
	ls->grey = NULL;
	ls->n = 0;
	memset(ls->head, 0, sizeof ls->head);
	ls->columns = NULL;
}

static int
sc_list_build(struct sc_list *ls, int cols)
{
	size_t i;

	if (ls->n == 0 || ls->nrows <= 0)
		return 0;
	ls->items = xcalloc(ls->n + 1, sizeof *ls->items);
	for (i = 0; i < ls->n; i++) {
		if ((ls->items[i] = new_item(ls->rows[i], "")) == NULL)
			return -1;
		if (ls->grey != NULL && ls->grey[i])
			item_opts_off(ls->items[i], O_SELECTABLE);
	}
	ls->menu = new_menu(ls->items);
	ls->win = newwin(ls->nrows, cols - 2 * LAY_MARGIN, ls->top,
	    LAY_MARGIN);
	if (ls->menu == NULL || ls->win == NULL)
		return -1;
	keypad(ls->win, TRUE);
	set_menu_mark(ls->menu, "> ");
	menu_opts_off(ls->menu, O_SHOWDESC);
	set_menu_format(ls->menu, ls->nrows, 1);
	set_menu_win(ls->menu, ls->win);
	set_menu_sub(ls->menu, ls->win);
	set_menu_fore(ls->menu, ui_attr(ROLE_CURSOR));
	set_menu_back(ls->menu, ui_attr(ROLE_NORMAL));
	set_menu_grey(ls->menu, ui_attr(ROLE_LABEL));
	if (post_menu(ls->menu) != E_OK)
		return -1;
	if (ls->cur >= ls->n)
		ls->cur = ls->n - 1;
	set_current_item(ls->menu, ls->items[ls->cur]);
	return 0;
}

static void
sc_list_draw(struct sc *sc, struct sc_list *ls, int cols, int rows)
{
	struct sc_list_view v;
	struct lay l;
	const char *head[3];
	int top, nrows;
	size_t i;

	memset(&v, 0, sizeof v);
	for (i = 0; i < 3 && ls->head[i] != NULL; i++)
		head[i] = ls->head[i];
	v.title = ls->title;
	v.head = head;
	v.nhead = i;
	v.columns = ls->columns;
	v.empty = ls->empty;
	v.nitems = ls->n;
	v.message = sc->msg;
	v.message_role = sc->msg_role;
	v.hints = ls->hints;
	lay_init(&l, cols, rows);
	sc_list_layout(&l, &v, &top, &nrows);
	if (ls->menu != NULL && (top != ls->top || nrows != ls->nrows))
		sc_list_unbuild(ls);
	ls->top = top;
	ls->nrows = nrows;
	if (ls->menu == NULL && sc_list_build(ls, cols) != 0)
		sc_list_unbuild(ls);
	ui_paint(&l);
	lay_release(&l);
	if (ls->menu != NULL) {
		touchwin(ls->win);
		wnoutrefresh(ls->win);
	}
	doupdate();
}

/* Menu requests for the keys that move in a list; 0 for others. */
static int
sc_list_request(int key)
{
	switch (key) {
	case KEY_UP:
		return REQ_UP_ITEM;
	case KEY_DOWN:
		return REQ_DOWN_ITEM;
	case KEY_NPAGE:
		return REQ_SCR_DPAGE;
	case KEY_PPAGE:
		return REQ_SCR_UPAGE;
	case KEY_HOME:
		return REQ_FIRST_ITEM;
	case KEY_END:
		return REQ_LAST_ITEM;
	}
	return 0;
}

static enum sc_outcome
sc_list_run(struct sc *sc, const struct sc_list_screen *scr)
{
	struct sc_list ls;
	struct lay l;
	enum ui_event ev;
	int cols, rows, key, refill = 1, small, r = SC_QUIT, req;

	memset(&ls, 0, sizeof ls);
	for (;;) {
		ui_size(&cols, &rows);
		small = lay_too_small(cols, rows);
		if (small) {
			sc_list_unbuild(&ls);
			lay_init(&l, cols, rows);
			sc_too_small(&l);
			ui_draw(&l);
			lay_release(&l);
		} else {
			if (refill || ls.width != cols - 2 * LAY_MARGIN - 2) {
				sc_list_unfill(&ls);
				ls.width = cols - 2 * LAY_MARGIN - 2;
				scr->fill(sc, &ls, ls.width);
				refill = 0;
			}
			sc_list_draw(sc, &ls, cols, rows);
		}

		ev = ui_wait(1000, &key);
		if (ev == UI_HANGUP) {
			r = SC_HANGUP;
			break;
		}
		if (ev == UI_RESIZE)
			sc_list_unbuild(&ls);
		if (ev != UI_KEY || small)
			continue;
		if (ls.menu != NULL && (req = sc_list_request(key)) != 0) {
			menu_driver(ls.menu, req);
			ls.cur = (size_t)item_index(current_item(ls.menu));
			sc_message_clear(sc);
			continue;
		}
		if (key == SC_KEY_LANG) {
			sc_toggle_lang();
			refill = 1;
			continue;
		}
		/* Digits find a row by its beginning (a ticket, a cohort). */
		if (ls.menu != NULL && key >= '0' && key <= '9') {
			if (menu_driver(ls.menu, key) != E_OK)
				ui_beep();
			ls.cur = (size_t)item_index(current_item(ls.menu));
			continue;
		}
		if (ls.menu != NULL && sc_is_backspace(key)) {
			menu_driver(ls.menu, REQ_BACK_PATTERN);
			ls.cur = (size_t)item_index(current_item(ls.menu));
			continue;
		}
		if (ls.menu != NULL)
			ls.cur = (size_t)item_index(current_item(ls.menu));
		r = scr->key(sc, &ls, key);
		if (r == SC_REFILL)
			refill = 1;
		else if (r != SC_STAY)
			break;
	}
	sc_list_unfill(&ls);
	return (enum sc_outcome)r;
}

/* Keys every list reads the same way; SC_STAY when not one of them. */
static int
sc_list_common(struct sc *sc, int key)
{
	if (key == UI_ESC) {
		sc_message_clear(sc);
		return SC_BACK;
	}
	if (key == 'q' || key == 'Q' || key == UI_CTRL('c') ||
	    key == UI_CTRL('d'))
		return SC_QUIT;
	return SC_STAY;
}

/* ---------------------------------------------------------- history */

static enum sc_outcome
sc_history(struct sc *sc)
{
	struct table t;
	struct lay l;
	enum ui_event ev;
	char *cause = NULL, **lines = NULL, *who, *title;
	size_t n = 0;
	int cols, rows, key, scroll = 0, page;
	enum sc_outcome o = SC_BACK;

	if (score_history(sc->s, sc->ss.cohort, sc->b.rows[sc->trainee].ticket,
	    &t, &cause) != 0) {
		sc_message(sc, ROLE_ERROR, "%s", cause);
		free(cause);
		table_release(&t);
		return SC_BACK;
	}
	for (;;) {
		ui_size(&cols, &rows);
		lay_init(&l, cols, rows);
		page = rows - 6 > 1 ? rows - 6 : 1;
		if (lay_too_small(cols, rows))
			sc_too_small(&l);
		else {
			n = sc_history_lines(&t, cols - 2 * LAY_MARGIN, &lines);
			if (scroll > (int)n - page)
				scroll = (int)n - page;
			if (scroll < 0)
				scroll = 0;
			who = sc_who(sc);
			title = xasprintf("%s", tr(N_("Score history"),
			    "评分记录"));
			sc_history_layout(&l, title, who, lines, n, scroll,
			    tr(N_("Up/Down/PgUp/PgDn scroll  F2 中文  "
			    "Esc back"), "上下键/翻页 滚动  F2 English  "
			    "Esc 返回"));
			free(who);
			free(title);
			sc_lines_free(lines, n);
		}
		ui_draw(&l);
		lay_release(&l);

		ev = ui_wait(1000, &key);
		if (ev == UI_HANGUP) {
			o = SC_HANGUP;
			break;
		}
		if (ev != UI_KEY)
			continue;
		if (key == KEY_UP)
			scroll--;
		else if (key == KEY_DOWN)
			scroll++;
		else if (key == KEY_PPAGE)
			scroll -= page;
		else if (key == KEY_NPAGE || key == ' ')
			scroll += page;
		else if (key == KEY_HOME)
			scroll = 0;
		else if (key == KEY_END)
			scroll = (int)n;
		else if (key == SC_KEY_LANG)
			sc_toggle_lang();
		else if (key == UI_ESC || key == 'q' || key == 'h' ||
		    sc_is_enter(key))
			break;
	}
	table_release(&t);
	return o;
}

/* --------------------------------------------------------- stations */

static void
sc_stations_fill(struct sc *sc, struct sc_list *ls, int width)
{
	const struct station_row *r = &sc->b.rows[sc->trainee];
	size_t k;

	ls->rows = xcalloc(sc->ss.n + 1, sizeof *ls->rows);
	for (k = 0; k < sc->ss.n; k++)
		ls->rows[k] = sc_station_row(&sc->ss, k, r, width);
	ls->n = sc->ss.n;
	ls->head[0] = xasprintf(tr(N_("%s, ticket %s, %s."),
	    "%s，准考证号 %s，%s。"), r->name, r->ticket, r->community);
	if (sc->ss.sealed)
		ls->head[1] = xstrdup(tr(N_("This cohort is certified and "
		    "sealed: its scores cannot change."),
		    "该培训批次已认证并封存，成绩不能再更改。"));
	else
		ls->head[1] = xstrdup(tr(N_("Enter opens the station's rubric; "
		    "a station scored already shows its saved entry, and an "
		    "edit there is a correction, which needs a reason."),
		    "回车打开考站评分表；已评分的考站显示已保存的成绩，修改即为"
		    "更正，更正须填写原因。"));
	ls->title = tr(N_("Scoring: choose a station"), "评分：选择考站");
	ls->empty = tr(N_("The exam of this cohort has no stations."),
	    "该培训批次的考试没有考站。");
	ls->hints = tr(N_("Enter score  r retake  h history  F2 中文  "
	    "Esc trainees  q quit"), "回车 评分  r 补考  h 记录  F2 English  "
	    "Esc 返回学员  q 退出");
}

static int
sc_stations_key(struct sc *sc, struct sc_list *ls, int key)
{
	const struct station_state *state;
	enum sc_outcome o;

	if (key == 'h' || key == 'H') {
		o = sc_history(sc);
		return o == SC_BACK ? SC_REFILL : (int)o;
	}
	if (!sc_is_enter(key) && key != 'r' && key != 'R')
		return sc_list_common(sc, key);
	if (ls->n == 0)
		return SC_STAY;
	sc->station = ls->cur;
	state = &sc->b.rows[sc->trainee].st[sc->station];
	sc->retake = key == 'r' || key == 'R';
	if (sc->retake && (state->entry == 0 || state->passed)) {
		sc_message(sc, ROLE_ERROR, "%s", tr(N_("Only a failed station "
		    "can be retaken; Enter enters or corrects a score."),
		    "只有不合格的考站才能补考；回车键录入或更正成绩。"));
		return SC_STAY;
	}
	o = sc_form(sc);
	if (o != SC_BACK)
		return (int)o;
	/* Others may have scored meanwhile (another instructor, the CLI). */
	return sc_board_reload(sc) == 0 ? SC_REFILL : SC_FAILED;
}

static const struct sc_list_screen sc_stations_screen = {
	sc_stations_fill, sc_stations_key
};

/* --------------------------------------------------------- trainees */

static void
sc_trainees_fill(struct sc *sc, struct sc_list *ls, int width)
{
	struct sc_board_cols c;
	size_t i;

	sc_board_cols(&sc->ss, &sc->b, width, &c);
	ls->rows = xcalloc(sc->b.n + 1, sizeof *ls->rows);
	ls->grey = xcalloc(sc->b.n + 1, 1);
	for (i = 0; i < sc->b.n; i++) {
		ls->rows[i] = sc_board_row(&sc->ss, &sc->b.rows[i], &c);
		ls->grey[i] = (unsigned char)sc->b.rows[i].withdrawn;
	}
	ls->n = sc->b.n;
	ls->columns = sc_board_header(&sc->ss, &c);
	ls->head[0] = xasprintf(tr(N_("Cohort %s, exam %s%s. Choose a "
	    "trainee."), "培训批次 %s，考试 %s%s。请选择学员。"), sc->ss.cohort,
	    sc->ss.exam, sc->ss.sealed ? tr(N_(" (certified)"), "（已认证）") :
	    "");
	ls->head[1] = sc_board_legend(&sc->ss);
	ls->title = tr(N_("Scoring: choose a trainee"), "评分：选择学员");
	ls->empty = tr(N_("This cohort has no trainees yet (firstline roster "
	    "import)."), "该培训批次还没有学员（firstline roster import）。");
	ls->hints = tr(N_("Enter stations  h history  digits find a ticket  "
	    "F2 中文  Esc cohorts  q quit"), "回车 考站  h 记录  数字 查找"
	    "准考证  F2 English  Esc 返回批次  q 退出");
}

static int
sc_trainees_key(struct sc *sc, struct sc_list *ls, int key)
{
	enum sc_outcome o;

	if (!sc_is_enter(key) && key != 'h' && key != 'H')
		return sc_list_common(sc, key);
	if (ls->n == 0)
		return SC_STAY;
	sc->trainee = ls->cur;
	if (key == 'h' || key == 'H')
		o = sc_history(sc);
	else if (sc->b.rows[sc->trainee].withdrawn) {
		sc_message(sc, ROLE_ERROR, "%s", tr(N_("This trainee was "
		    "withdrawn from the cohort and is not scored."),
		    "该学员已退出本培训批次，不再评分。"));
		return SC_STAY;
	} else {
		sc_message_clear(sc);
		o = sc_list_run(sc, &sc_stations_screen);
	}
	if (o != SC_BACK)
		return (int)o;
	return sc_board_reload(sc) == 0 ? SC_REFILL : SC_FAILED;
}

static const struct sc_list_screen sc_trainees_screen = {
	sc_trainees_fill, sc_trainees_key
};

/* ---------------------------------------------------------- cohorts */

static void
sc_cohorts_fill(struct sc *sc, struct sc_list *ls, int width)
{
	size_t i;

	table_release(&sc->cohorts);
	cohort_list(sc->s, &sc->cohorts);
	ls->n = sc->cohorts.nrows - 1;
	ls->rows = xcalloc(ls->n + 1, sizeof *ls->rows);
	for (i = 0; i < ls->n; i++)
		ls->rows[i] = sc_cohort_row(&sc->cohorts, i + 1, width);
	ls->head[0] = xasprintf(tr(N_("Logged in as %s (%s). Choose the "
	    "cohort to score."), "已登录：%s（%s）。请选择要评分的培训批次。"),
	    sc->u.name, sc->u.role == ROLE_ORGANIZER ? tr(N_("organizer"),
	    "组织者") : tr(N_("instructor"), "考评员"));
	ls->title = tr(N_("Scoring: choose a cohort"), "评分：选择培训批次");
	ls->empty = tr(N_("There are no cohorts yet (firstline cohort "
	    "create)."), "还没有培训批次（firstline cohort create）。");
	ls->hints = tr(N_("Enter trainees  digits find a cohort  F2 中文  "
	    "q quit"), "回车 学员  数字 查找批次  F2 English  q 退出");
}

static int
sc_cohorts_key(struct sc *sc, struct sc_list *ls, int key)
{
	enum sc_outcome o;
	char *cause = NULL;

	if (key == UI_ESC)
		return SC_QUIT;
	if (!sc_is_enter(key))
		return sc_list_common(sc, key);
	if (ls->n == 0)
		return SC_STAY;
	if (sc->have_board)
		station_board_release(&sc->b);
	if (sc->have_ss)
		station_set_release(&sc->ss);
	sc->have_board = sc->have_ss = 0;
	sc->trainee = sc->station = 0;
	if (station_set_load(sc->s, table_cell(&sc->cohorts, ls->cur + 1, 0),
	    &sc->ss, &cause) != 0) {
		sc_message(sc, ROLE_ERROR, "%s", cause);
		free(cause);
		return SC_STAY;
	}
	sc->have_ss = 1;
	if (sc_board_reload(sc) != 0)
		return SC_FAILED;
	sc_message_clear(sc);
	o = sc_list_run(sc, &sc_trainees_screen);
	if (o == SC_BACK)
		return SC_REFILL;
	return (int)o;
}

static const struct sc_list_screen sc_cohorts_screen = {
	sc_cohorts_fill, sc_cohorts_key
};

/* ---------------------------------------------------------- the run */

int
score_client_run(struct store *s, char **cause)
{
	struct sc sc;
	enum sc_outcome o;
	int rc = 0;

	memset(&sc, 0, sizeof sc);
	sc.s = s;
	lang_set(fl_lang_zh());
	if (ui_start(cause) != 0)
		return -1;
	o = sc_login(&sc);
	if (o == SC_NEXT)
		o = sc_list_run(&sc, &sc_cohorts_screen);
	ui_end();

	if (o == SC_FAILED) {
		*cause = sc.error != NULL ? sc.error :
		    xstrdup(_("the scoring client failed"));
		sc.error = NULL;
		rc = -1;
	} else if (o == SC_HANGUP) {
		*cause = xstrdup(_("the terminal was closed or the client was "
		    "told to end; the scores saved are kept"));
		rc = -1;
	}
	free(sc.error);
	free(sc.msg);
	table_release(&sc.cohorts);
	if (sc.have_board)
		station_board_release(&sc.b);
	if (sc.have_ss)
		station_set_release(&sc.ss);
	if (sc.logged_in)
		user_release(&sc.u);
	return rc;
}
