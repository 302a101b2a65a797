/*
 * The terminal, for the clients in src/tui: the one header that includes
 * curses (ncursesw, wide characters).  ui.c owns terminal set-up, signals,
 * colours and the event loop; the screens compute a layout (layout.h, no
 * curses) and hand it to ui_draw().
 */
#ifndef FIRSTLINE_TUI_H
#define FIRSTLINE_TUI_H

#include <curses.h>
/* The instructor client builds on ncurses' form and menu libraries. */
#include <form.h>
#include <menu.h>

#include "layout.h"

/* What ui_wait() returns. */
enum ui_event {
	UI_KEY,		/* a key, in *key (curses KEY_* or a character) */
	UI_TICK,	/* the time asked for has passed */
	UI_RESIZE,	/* the terminal changed size: lay out again */
	UI_HANGUP,	/* the terminal is gone, or SIGHUP/SIGTERM: end now */
};

/* Control keys as they arrive in raw mode. */
#define UI_CTRL(c) ((c) & 0x1f)
#define UI_ESC 27

/*
 * Start curses with newterm() on the terminal (standard input and output
 * when both are one, else /dev/tty), in raw mode: Ctrl-C, Ctrl-Z and
 * Ctrl-\ arrive as keys and SIGINT, SIGQUIT and SIGTSTP are ignored, so
 * nothing drops a trainee out of an exam.  SIGHUP and SIGTERM end the
 * event loop (a SIGHUP ignored when we start stays ignored; a closed
 * terminal is noticed anyway).  Colours by role, or a monochrome scheme
 * when the terminal has no colours or NO_COLOR is set.  Returns 0, or -1
 * and *cause (nothing to undo then).
 */
int ui_start(char **cause);
/* End curses and restore the terminal and the signals; safe to repeat. */
void ui_end(void);

/*
 * Wait up to ms milliseconds for a key.  Never spins: it sleeps in poll()
 * on the terminal, and reports UI_HANGUP when the terminal is closed (also
 * with SIGHUP ignored) or a SIGHUP/SIGTERM arrived.  Resizes arrive here
 * only, as UI_RESIZE.
 */
enum ui_event ui_wait(int ms, int *key);
/* Whether the client must end (hang-up or termination signal seen). */
int ui_ended(void);

/* The screen size in columns and rows. */
void ui_size(int *cols, int *rows);
/* Draw a layout: erase, the spans in their roles' attributes, cursor. */
void ui_draw(const struct lay *l);
/*
 * ui_draw() without updating the terminal, for screens that put windows
 * of their own (forms, menus) over the layout before doupdate().
 */
void ui_paint(const struct lay *l);
/* The attributes of a role (colour or monochrome), for such windows. */
attr_t ui_attr(enum lay_role role);
/* Ring the terminal's bell (time warnings). */
void ui_beep(void);

#endif
