/*
 * The terminal: curses set-up with newterm(), signals, colours by role and
 * the event loop.  The only file that starts or ends curses or installs
 * signal handlers.
 *
 * The event loop sleeps in poll() on the terminal with a timeout, so the
 * clock can be updated and a signal noticed without a busy loop.  A closed
 * terminal (the SSH connection dropped, the window closed, the pty master
 * gone) shows as POLLHUP, or as input that is readable yet yields nothing;
 * either ends the loop, whether or not SIGHUP reached us.
 */
#include "config.h"

#include "tui.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/xalloc.h"

/* How a role looks: colours, and the attributes with and without them. */
struct ui_role_style {
	short	fg;
	short	bg;		/* -1: the terminal's default */
	attr_t	colour_attr;
	attr_t	mono_attr;
};

static const struct ui_role_style ui_styles[ROLE_COUNT] = {
	[ROLE_NORMAL] =   { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_TITLE] =    { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
	[ROLE_STATUS] =   { -1, -1, A_BOLD, A_BOLD },
	[ROLE_HINT] =     { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[ROLE_LABEL] =    { COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
	[ROLE_CHOSEN] =   { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[ROLE_CURSOR] =   { COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE },
	[ROLE_ANSWERED] = { COLOR_GREEN, -1, A_NORMAL, A_BOLD },
	[ROLE_FLAGGED] =  { COLOR_YELLOW, -1, A_BOLD, A_UNDERLINE },
	[ROLE_EMPTY] =    { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_OK] =       { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[ROLE_WARN] =     { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[ROLE_ERROR] =    { COLOR_RED, -1, A_BOLD, A_BOLD | A_REVERSE },
	[ROLE_INPUT] =    { -1, -1, A_UNDERLINE, A_UNDERLINE },
};

static struct {
	SCREEN			*screen;
	FILE			*tty;		/* /dev/tty when we opened it */
	int			 fd;		/* input, for poll() */
	attr_t			 attrs[ROLE_COUNT];
	struct sigaction	 old[6];
} ui;

static volatile sig_atomic_t ui_signalled;

static const int ui_signals[6] = {
	SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGTSTP, SIGPIPE
};

static void
ui_on_signal(int sig)
{
	(void)sig;
	ui_signalled = 1;
}

/*
 * Before curses starts (so that ncurses leaves them alone): SIGHUP and
 * SIGTERM end the loop, the keyboard signals are ignored.
 */
static void
ui_signals_set(void)
{
	struct sigaction sa, cur;
	size_t i;

	for (i = 0; i < sizeof ui_signals / sizeof ui_signals[0]; i++) {
		int sig = ui_signals[i];

		memset(&sa, 0, sizeof sa);
		sigemptyset(&sa.sa_mask);
		if (sig == SIGHUP || sig == SIGTERM) {
			sigaction(sig, NULL, &cur);
			/* nohup: an ignored SIGHUP stays ignored. */
			sa.sa_handler = cur.sa_handler == SIG_IGN ? SIG_IGN :
			    ui_on_signal;
		} else
			sa.sa_handler = SIG_IGN;
		sigaction(sig, &sa, &ui.old[i]);
	}
}

static void
ui_signals_restore(void)
{
	size_t i;

	for (i = 0; i < sizeof ui_signals / sizeof ui_signals[0]; i++)
		sigaction(ui_signals[i], &ui.old[i], NULL);
}

static void
ui_colours(void)
{
	const char *nc = getenv("NO_COLOR");
	int colour = has_colors() && (nc == NULL || *nc == '\0');
	short i, bg;

	if (colour && start_color() == ERR)
		colour = 0;
	if (colour && COLOR_PAIRS < ROLE_COUNT + 1)
		colour = 0;
	if (colour && use_default_colors() == ERR)
		bg = COLOR_BLACK;
	else
		bg = -1;
	for (i = 0; i < ROLE_COUNT; i++) {
		const struct ui_role_style *st = &ui_styles[i];

		if (!colour) {
			ui.attrs[i] = st->mono_attr;
			continue;
		}
		if (st->fg == -1 && st->bg == -1) {
			ui.attrs[i] = st->colour_attr;
			continue;
		}
		init_pair((short)(i + 1), st->fg == -1 && bg != -1 ?
		    COLOR_WHITE : st->fg, st->bg == -1 ? bg : st->bg);
		ui.attrs[i] = st->colour_attr | COLOR_PAIR(i + 1);
	}
}

/* Undo what ui_start() did before the screen: signals, /dev/tty. */
static int
ui_start_undo(void)
{
	ui_signals_restore();
	if (ui.tty != NULL)
		fclose(ui.tty);
	ui.tty = NULL;
	return -1;
}

int
ui_start(char **cause)
{
	const char *term = getenv("TERM");
	FILE *in = stdin, *out = stdout;

	/* Exam text is UTF-8: a terminal in a non-UTF-8 locale would show
	 * it garbled, so use the C library's UTF-8 character handling. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	/* stdout may be a filtering stream (no descriptor): use the tty. */
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) ||
	    fileno(stdout) < 0) {
		int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);

		if (fd == -1 || (ui.tty = fdopen(fd, "r+")) == NULL) {
			if (fd != -1)
				close(fd);
			*cause = xasprintf(_("the client needs a "
			    "terminal: %s"), strerror(errno));
			return -1;
		}
		in = out = ui.tty;
	}
	ui.fd = fileno(in);
	ui_signalled = 0;
	ui_signals_set();
	ui.screen = newterm(NULL, out, in);
	if (ui.screen == NULL) {
		*cause = xasprintf(_("cannot use the terminal type '%s'"),
		    term != NULL ? term : "");
		return ui_start_undo();
	}
	set_term(ui.screen);
	/* A terminal that cannot place the cursor (TERM=dumb, a printing
	 * terminal) would show a screenful of nonsense: refuse it plainly. */
	if (tigetstr("cup") == NULL || tigetstr("cup") == (char *)-1) {
		*cause = xasprintf(_("the terminal type '%s' cannot place the "
		    "cursor; the client needs a full-screen terminal (such as "
		    "xterm or linux)"), term != NULL ? term : "");
		endwin();
		delscreen(ui.screen);
		ui.screen = NULL;
		return ui_start_undo();
	}
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(100);
	ui_colours();
	curs_set(0);
	erase();
	refresh();
	/* Out of memory ends the program: put the terminal back first, so
	 * the message is readable and the shell usable. */
	xalloc_on_die(ui_end);
	return 0;
}

void
ui_end(void)
{
	if (ui.screen == NULL)
		return;
	xalloc_on_die(NULL);
	curs_set(1);
	endwin();
	delscreen(ui.screen);
	ui.screen = NULL;
	if (ui.tty != NULL)
		fclose(ui.tty);
	ui.tty = NULL;
	ui_signals_restore();
}

int
ui_ended(void)
{
	return ui_signalled != 0;
}

static long
ui_ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000L +
	    (t.tv_nsec - t0->tv_nsec) / 1000000L;
}

enum ui_event
ui_wait(int ms, int *key)
{
	struct timespec t0;
	struct pollfd pfd;
	int ch, r, empty = 0;
	long left;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		if (ui_signalled)
			return UI_HANGUP;
		/* Non-blocking: what curses has buffered, or is readable. */
		errno = 0;
		ch = wgetch(stdscr);
		if (ch == KEY_RESIZE)
			return UI_RESIZE;
		if (ch != ERR) {
			*key = ch;
			return UI_KEY;
		}
		if (empty > 0 && errno == EIO)
			return UI_HANGUP;
		left = ms - ui_ms_since(&t0);
		if (left <= 0)
			return UI_TICK;
		pfd.fd = ui.fd;
		pfd.events = POLLIN;
		pfd.revents = 0;
		r = poll(&pfd, 1, (int)left);
		if (r == -1) {
			if (errno == EINTR)
				continue;	/* a signal: resize, or the end */
			return UI_HANGUP;
		}
		if (r == 0)
			return UI_TICK;
		if (pfd.revents & (POLLHUP | POLLERR | POLLNVAL))
			return UI_HANGUP;
		/*
		 * Readable, yet curses gets nothing a few times in a row:
		 * end of file on the terminal.  (A lone Escape is not this:
		 * curses returns it after ESCDELAY.)
		 */
		if (++empty > 3)
			return UI_HANGUP;
	}
}

void
ui_size(int *cols, int *rows)
{
	int y, x;

	getmaxyx(stdscr, y, x);
	*cols = x;
	*rows = y;
}

void
ui_paint(const struct lay *l)
{
	size_t i;

	erase();
	/* Bars first: the text of their row is drawn over them. */
	for (i = 0; i < l->nspans; i++) {
		const struct lay_span *sp = &l->spans[i];

		if (sp->bar)
			mvhline(sp->row, 0, ' ' | ui.attrs[sp->role], l->cols);
	}
	for (i = 0; i < l->nspans; i++) {
		const struct lay_span *sp = &l->spans[i];

		if (sp->bar || sp->text == NULL)
			continue;
		attrset(ui.attrs[sp->role]);
		mvaddstr(sp->row, sp->col, sp->text);
	}
	attrset(A_NORMAL);
	if (l->cursor_row >= 0) {
		move(l->cursor_row, l->cursor_col);
		curs_set(1);
	} else {
		/* Park the cursor where it disturbs nothing. */
		move(l->rows - 1, l->cols - 1);
		curs_set(0);
	}
	wnoutrefresh(stdscr);
}

void
ui_draw(const struct lay *l)
{
	ui_paint(l);
	doupdate();
}

attr_t
ui_attr(enum lay_role role)
{
	return ui.attrs[role];
}

void
ui_beep(void)
{
	beep();
}
