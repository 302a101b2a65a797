/*
 * The instructor client's login: a FORM of two fields, the user name and
 * the password (not public: nothing of it is shown), checked by the core
 * (user_login: the password, the instructor role, and the slow-down after
 * repeated failures, all recorded there).
 */
#include "config.h"

#include "score-int.h"

#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "lang.h"
#include "score-layout.h"
#include "tui.h"

struct sc_login {
	FIELD			*fields[3];
	FORM			*form;
	WINDOW			*win;
	struct sc_login_geom	 g;
	int			 cols;
	int			 rows;
	struct sc_utf8		 utf8;
};

static void
sc_login_free(struct sc_login *lg, char *keep[2])
{
	int i;

	if (lg->form == NULL)
		return;
	if (keep != NULL) {
		form_driver(lg->form, REQ_VALIDATION);
		for (i = 0; i < 2; i++)
			keep[i] = sc_trim(field_buffer(lg->fields[i], 0));
	}
	unpost_form(lg->form);
	free_form(lg->form);
	for (i = 0; i < 2; i++)
		free_field(lg->fields[i]);
	delwin(lg->win);
	lg->form = NULL;
	lg->win = NULL;
}

/* Forget the texts kept over a rebuild (the password wiped). */
static void
sc_keep_free(char *keep[2])
{
	int i;

	for (i = 0; i < 2; i++) {
		if (keep[i] != NULL)
			explicit_bzero(keep[i], strlen(keep[i]));
		free(keep[i]);
		keep[i] = NULL;
	}
}

/* Build the form at g (from the layout), with the texts of keep. */
static int
sc_login_build(struct sc_login *lg, char *keep[2], int cur)
{
	int i;

	for (i = 0; i < 2; i++) {
		lg->fields[i] = new_field(1, lg->g.field_width, i, 0, 0, 0);
		if (lg->fields[i] == NULL)
			return -1;
		field_opts_off(lg->fields[i], O_AUTOSKIP | O_STATIC);
		set_max_field(lg->fields[i], 64);
		set_field_back(lg->fields[i], ui_attr(ROLE_INPUT));
		if (keep != NULL && keep[i] != NULL)
			set_field_buffer(lg->fields[i], 0, keep[i]);
	}
	field_opts_off(lg->fields[1], O_PUBLIC);
	lg->fields[2] = NULL;
	lg->form = new_form(lg->fields);
	lg->win = newwin(2, lg->g.field_width, lg->g.user_row, lg->g.field_col);
	if (lg->form == NULL || lg->win == NULL)
		return -1;
	keypad(lg->win, TRUE);
	set_form_win(lg->form, lg->win);
	set_form_sub(lg->form, lg->win);
	if (post_form(lg->form) != E_OK)
		return -1;
	set_current_field(lg->form, lg->fields[cur]);
	form_driver(lg->form, REQ_END_LINE);
	return 0;
}

/* Try the name and password; SC_NEXT when logged in. */
static enum sc_outcome
sc_login_try(struct sc *sc, struct sc_login *lg)
{
	char *name, *pass, *cause = NULL, *wrong;
	enum sc_outcome o = SC_BACK;
	int wait;

	form_driver(lg->form, REQ_VALIDATION);
	name = sc_trim(field_buffer(lg->fields[0], 0));
	pass = sc_trim(field_buffer(lg->fields[1], 0));
	if (*name == '\0') {
		set_current_field(lg->form, lg->fields[0]);
		sc_message(sc, ROLE_ERROR, "%s", tr(N_("Type your user name."),
		    "请输入用户名。"));
	} else if (*pass == '\0') {
		set_current_field(lg->form, lg->fields[1]);
		sc_message(sc, ROLE_ERROR, "%s", tr(N_("Type your password."),
		    "请输入密码。"));
	} else if (user_login(sc->s, name, pass, ROLE_INSTRUCTOR, &sc->u,
	    &cause) == 0) {
		sc->logged_in = 1;
		sc_message_clear(sc);
		o = SC_NEXT;
	} else {
		/* The core refused and recorded it; say why in our words. */
		wrong = xasprintf(_("wrong user name or password for %s"),
		    name);
		wait = auth_wait(sc->s, "user", name);
		if (strcmp(cause, wrong) == 0 && wait > 0)
			sc_message(sc, ROLE_ERROR, trn("Wrong user name "
			    "or password. Too many wrong tries: wait %d "
			    "second before the next one.", "Wrong user "
			    "name or password. Too many wrong tries: wait %d "
			    "seconds before the next one.", "用户名或密码"
			    "错误。错误次数过多：请等待 %d 秒后再试。",
			    (unsigned long)wait), wait);
		else if (strcmp(cause, wrong) == 0)
			sc_message(sc, ROLE_ERROR, "%s", tr(N_("Wrong user "
			    "name or password."), "用户名或密码错误。"));
		else if (wait > 0)
			sc_message(sc, ROLE_ERROR, trn("Too many wrong "
			    "tries: wait %d second, then try again.",
			    "Too many wrong tries: wait %d seconds, then try "
			    "again.", "错误次数过多：请等待 %d 秒后再试。",
			    (unsigned long)wait), wait);
		else
			sc_message(sc, ROLE_ERROR, "%s", cause);
		free(wrong);
		free(cause);
		set_current_field(lg->form, lg->fields[1]);
		form_driver(lg->form, REQ_CLR_FIELD);
	}
	explicit_bzero(pass, strlen(pass));
	free(pass);
	free(name);
	return o;
}

enum sc_outcome
sc_login(struct sc *sc)
{
	struct sc_login lg;
	struct lay l;
	enum ui_event ev;
	enum sc_outcome o;
	char *keep[2] = { NULL, NULL };
	int key, cur = 0, small = 0;
	unsigned int cp;

	memset(&lg, 0, sizeof lg);
	for (;;) {
		ui_size(&lg.cols, &lg.rows);
		lay_init(&l, lg.cols, lg.rows);
		small = lay_too_small(lg.cols, lg.rows);
		if (small) {
			sc_login_free(&lg, keep);
			sc_too_small(&l);
			ui_draw(&l);
		} else {
			sc_login_layout(&l, &lg.g, sc->msg, sc->msg_role);
			if (lg.form == NULL && sc_login_build(&lg, keep, cur)) {
				lay_release(&l);
				sc->error = xstrdup(_("cannot make the login "
				    "form"));
				o = SC_FAILED;
				break;
			}
			sc_keep_free(keep);
			ui_paint(&l);
			pos_form_cursor(lg.form);
			touchwin(lg.win);
			wnoutrefresh(lg.win);
			curs_set(1);
			doupdate();
		}
		lay_release(&l);

		ev = ui_wait(1000, &key);
		if (ev == UI_HANGUP) {
			o = SC_HANGUP;
			break;
		}
		if (ev == UI_RESIZE) {
			if (lg.form != NULL) {
				cur = field_index(current_field(lg.form));
				sc_login_free(&lg, keep);
			}
			continue;
		}
		if (ev != UI_KEY || small)
			continue;
		cur = field_index(current_field(lg.form));
		if (key == UI_ESC || key == UI_CTRL('c') ||
		    key == UI_CTRL('d')) {
			o = SC_QUIT;
			break;
		}
		if (key == SC_KEY_LANG) {
			sc_toggle_lang();
			sc_message_clear(sc);
			sc_login_free(&lg, keep);
			continue;
		}
		if (sc_is_enter(key)) {
			if (cur == 0) {
				form_driver(lg.form, REQ_NEXT_FIELD);
				form_driver(lg.form, REQ_END_LINE);
				continue;
			}
			if ((o = sc_login_try(sc, &lg)) == SC_NEXT)
				break;
			continue;
		}
		if (sc_is_backspace(key)) {
			form_driver(lg.form, REQ_DEL_PREV);
			continue;
		}
		switch (key) {
		case '\t':
		case KEY_BTAB:
		case KEY_UP:
		case KEY_DOWN:
			form_driver(lg.form, REQ_NEXT_FIELD);
			form_driver(lg.form, REQ_END_LINE);
			continue;
		case KEY_LEFT:
			form_driver(lg.form, REQ_LEFT_CHAR);
			continue;
		case KEY_RIGHT:
			form_driver(lg.form, REQ_RIGHT_CHAR);
			continue;
		case KEY_DC:
			form_driver(lg.form, REQ_DEL_CHAR);
			continue;
		case UI_CTRL('u'):
			form_driver(lg.form, REQ_CLR_FIELD);
			continue;
		}
		if (sc_utf8_feed(&lg.utf8, key, &cp) && cp >= ' ' &&
		    cp != 0x7f)
			form_driver_w(lg.form, OK, (wchar_t)cp);
	}
	sc_keep_free(keep);
	sc_login_free(&lg, NULL);
	return o;
}
