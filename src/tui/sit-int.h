/*
 * Inside the trainee client: the state shared by its screens and the
 * screen runner.  sit.c: the flow, instructions, result; sit-login.c:
 * language and login; sit-exam.c: the question screen, the clock;
 * sit-nav.c: navigator, help and submit confirmation.
 * No curses here; key codes come through tui.h in the .c files.
 */
#ifndef FIRSTLINE_TUI_SIT_INT_H
#define FIRSTLINE_TUI_SIT_INT_H

#include <stddef.h>
#include <time.h>

#include "core/attempt.h"
#include "core/table.h"
#include "layout.h"

/* What a screen's key or tick handler decides. */
enum sit_outcome {
	SIT_STAY,	/* stay on this screen */
	SIT_NEXT,	/* this screen is done */
	SIT_QUIT,	/* the trainee left (before the exam) */
	SIT_HANGUP,	/* the terminal went away: end at once */
	SIT_CLOSED,	/* the attempt is submitted or expired */
	SIT_TAKEN,	/* another login took the sitting over */
	SIT_FAILED,	/* an error in sit->error */
};

/* The exam's sub-screens. */
enum sit_view {
	VIEW_QUESTION,
	VIEW_NAVIGATOR,
	VIEW_HELP,
	VIEW_CONFIRM,
};

struct sit {
	struct store	*s;
	struct trainee	 t;
	int		 logged_in;
	struct attempt	*a;
	char		*error;		/* SIT_FAILED: the message */

	/* Language choice: 0 Chinese, 1 English. */
	int		 lang_choice;

	/* Login. */
	char		 ticket[33];
	char		 pin[33];
	int		 field;		/* 0 ticket, 1 PIN */
	time_t		 wait_until;	/* slowed down until then */

	/* The exam. */
	enum sit_view	 view;
	size_t		 cur;		/* current item */
	size_t		 nav_cursor;
	char		 nav_typed[8];	/* digits typed in the navigator */
	char		 nav_refused[24]; /* a number refused there, shown */
	int		 scroll;
	int		 resumed;	/* the attempt had answers already */
	int		 warned;	/* time warnings given: 1 10 min, 2 5, 3 1 */
	time_t		 last_refresh;
	char		*msg;		/* the message line, NULL for none */
	enum lay_role	 msg_role;

	/* The result: module titles (catalog_banks: module, title, ...). */
	struct table	 modules;
};

/* A screen: its layout, its keys, and (optionally) what a tick does. */
struct sit_screen {
	void			(*layout)(struct sit *, struct lay *);
	enum sit_outcome	(*key)(struct sit *, int);
	enum sit_outcome	(*tick)(struct sit *);
};

/*
 * Show a screen until a handler returns something other than SIT_STAY
 * (or the terminal goes away: SIT_HANGUP).  Below the minimum size it
 * shows the plain message instead and ignores keys; ticks still run.
 */
enum sit_outcome sit_show(struct sit *st, const struct sit_screen *scr);

/* Set the message line (a copy of the formatted text) and its role. */
void sit_message(struct sit *st, enum lay_role role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Clear the message line. */
void sit_message_clear(struct sit *st);

/* The exam: the question screen and its sub-screens, until it ends. */
enum sit_outcome sit_exam(struct sit *st);

/* sit.c: small helpers of the screens. */
/* label padded with spaces to width columns (a new string to free). */
char *sit_pad(const char *label, size_t width);
/* Whether a key is Enter, or Backspace. */
int sit_is_enter(int key);
int sit_is_backspace(int key);

/* sit-login.c: the first screens. */
extern const struct sit_screen sit_language_screen;
extern const struct sit_screen sit_login_screen;

/* sit-exam.c, for the other views of the exam. */
/* The header of the exam screens; *who is a string to free. */
void sit_header(struct sit *st, struct lay_header *h, char **who);
/* Open question i (0-based) on the question screen. */
void sit_goto(struct sit *st, size_t i);
/*
 * What a write call's result means for the screen: SIT_STAY when it was
 * written; SIT_FAILED when it was not (the message line says why, the
 * trainee stays); SIT_CLOSED or SIT_TAKEN to leave the exam.  Frees cause.
 */
enum sit_outcome sit_written(struct sit *st, int rc, char *cause);

/* sit-nav.c: the navigator, help and the submit confirmation. */
void sit_navigator_layout(struct sit *st, struct lay *l);
enum sit_outcome sit_navigator_key(struct sit *st, int key);
void sit_help_layout(struct sit *st, struct lay *l);
void sit_confirm_layout(struct sit *st, struct lay *l);
enum sit_outcome sit_confirm_key(struct sit *st, int key);

#endif
