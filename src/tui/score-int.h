/*
 * Inside the instructor client: the state its screens share (score.c: the
 * flow, menus and history; score-login.c: the login form; score-form.c:
 * the rubric form) and the helpers they share for putting a curses FORM
 * or MENU window over a layout.  No curses types here; the .c files get
 * curses through tui.h.
 */
#ifndef FIRSTLINE_TUI_SCORE_INT_H
#define FIRSTLINE_TUI_SCORE_INT_H

#include <stddef.h>

#include "core/auth.h"
#include "core/station.h"
#include "core/table.h"
#include "layout.h"

/* What a screen's run ends with. */
enum sc_outcome {
	SC_NEXT,	/* done: go on (a choice was made, a login succeeded) */
	SC_BACK,	/* Esc: the screen before */
	SC_QUIT,	/* leave the client */
	SC_HANGUP,	/* the terminal went away */
	SC_FAILED,	/* an error in sc->error */
};

struct sc {
	struct store		*s;
	struct user		 u;
	int			 logged_in;
	char			*error;		/* SC_FAILED */

	/* The cohorts listed, the chosen one's stations and trainees. */
	struct table		 cohorts;
	struct station_set	 ss;
	int			 have_ss;
	struct station_board	 b;
	int			 have_board;
	size_t			 trainee;	/* index into b.rows */
	size_t			 station;	/* index into ss.stations */
	int			 retake;	/* the form enters a retake */

	/* The message line of the current screen. */
	char			*msg;
	enum lay_role		 msg_role;
};

/* Set the message line (a copy of the formatted text) and its role. */
void sc_message(struct sc *sc, enum lay_role role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void sc_message_clear(struct sc *sc);

/* Switch between Chinese and English (F2 on every screen). */
void sc_toggle_lang(void);

/* A character typed as UTF-8 bytes (wgetch gives one byte at a time). */
struct sc_utf8 {
	unsigned char	 buf[4];
	size_t		 n;
	size_t		 need;
};

/*
 * Feed one key: returns 1 with *cp when it completes a character (an ASCII
 * key does at once), 0 while a character is incomplete or the key is not
 * a character (a curses KEY_* code).
 */
int sc_utf8_feed(struct sc_utf8 *u, int key, unsigned int *cp);
/* A copy of a field's text without the spaces around it. */
char *sc_trim(const char *text);

/* Keys every screen reads the same way. */
int sc_is_enter(int key);
int sc_is_backspace(int key);
#define SC_KEY_LANG	KEY_F(2)

/* Reload the trainee board of the chosen cohort; -1 and sc->error. */
int sc_board_reload(struct sc *sc);

/* "c2 · 250001 张三": the trainee being scored (new string). */
char *sc_who(const struct sc *sc);

/* The login form: SC_NEXT with sc->u set, or SC_QUIT / SC_HANGUP. */
enum sc_outcome sc_login(struct sc *sc);
/* The rubric form for sc->trainee and sc->station. */
enum sc_outcome sc_form(struct sc *sc);

#endif
