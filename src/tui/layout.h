/*
 * Layout of the trainee client's screens, computed without a terminal.
 *
 * Every screen is computed first (this file: pure functions, no curses)
 * and drawn afterwards (ui.c).  A layout is a list of spans: a piece of
 * text at a row and column, in a role (what it is, not what colour it
 * has).  Texts are measured and wrapped by display width (text.h), so a
 * Chinese character takes two columns, and every span is clipped to the
 * screen.  The unit tests render layouts to plain rows (lay_render) and
 * compare them.
 */
#ifndef FIRSTLINE_TUI_LAYOUT_H
#define FIRSTLINE_TUI_LAYOUT_H

#include <stddef.h>

#include "core/content.h"

/* The smallest screen the client lays out; below it, a plain message. */
#define LAY_MIN_COLS 80
#define LAY_MIN_ROWS 24
/* Left and right margins of the text area. */
#define LAY_MARGIN 2

/* What a piece of the screen is; ui.c maps roles to colours/attributes. */
enum lay_role {
	ROLE_NORMAL,
	ROLE_TITLE,	/* the title bar */
	ROLE_STATUS,	/* the status line: counts and clock */
	ROLE_HINT,	/* key hints */
	ROLE_LABEL,	/* option labels, field labels */
	ROLE_CHOSEN,	/* a chosen option */
	ROLE_CURSOR,	/* the navigator's cursor, the focused field */
	ROLE_ANSWERED,	/* navigator: answered */
	ROLE_FLAGGED,	/* flagged for review */
	ROLE_EMPTY,	/* navigator: not answered */
	ROLE_OK,	/* "saved" */
	ROLE_WARN,	/* time warnings */
	ROLE_ERROR,	/* errors, refusals */
	ROLE_INPUT,	/* the text of an input field */
};
#define ROLE_COUNT (ROLE_INPUT + 1)

struct lay_span {
	int		 row;
	int		 col;
	int		 width;		/* columns */
	enum lay_role	 role;
	int		 bar;		/* fill the whole row in role (no text) */
	char		*text;
};

struct lay {
	int		 cols;
	int		 rows;
	struct lay_span	*spans;
	size_t		 nspans;
	size_t		 cap;
	int		 cursor_row;	/* -1: cursor hidden */
	int		 cursor_col;
	/* Question screen: lines of the body, rows shown, first line shown
	 * (the scroll asked for, clamped). */
	int		 body_lines;
	int		 body_rows;
	int		 scroll;
	/* Navigator: cells per row. */
	int		 nav_per_row;
};

/* An empty layout for a screen of cols x rows. */
void lay_init(struct lay *l, int cols, int rows);
/* Free the spans; l can be reused after lay_init. */
void lay_release(struct lay *l);

/* Whether cols x rows is below LAY_MIN_COLS x LAY_MIN_ROWS. */
int lay_too_small(int cols, int rows);

/*
 * Put text (copied) at row, col in role, cut to what fits before the
 * right edge; nothing outside the screen.  Returns the columns used.
 */
int lay_put(struct lay *l, int row, int col, enum lay_role role,
    const char *text);
/* Put text right-aligned so it ends at column end (exclusive). */
int lay_put_right(struct lay *l, int row, int end, enum lay_role role,
    const char *text);
/* Fill row in role (a bar behind the spans of the row). */
void lay_bar(struct lay *l, int row, enum lay_role role);

/*
 * Put s wrapped to width columns at rows row, row+1, ... (at most maxrows
 * lines when maxrows > 0).  Returns the number of lines it takes (also
 * those not put).
 */
int lay_wrap(struct lay *l, int row, int col, int width, int maxrows,
    enum lay_role role, const char *s);

/*
 * The screen as plain text: rows strings (no trailing spaces), the caller
 * frees them with lay_render_free().  Roles and bars are not shown.
 */
char **lay_render(const struct lay *l);
void lay_render_free(char **rows, int n);

/* Remaining time as shown: "42 min" above 5 minutes, else "4:59". */
void lay_clock(long seconds, char *buf, size_t size);
/* The exact time "mm:ss" (or "h:mm:ss"), for the clock on demand. */
void lay_clock_exact(long seconds, char *buf, size_t size);

/* ------------------------------------------------------------ screens */

/* The title bar and status line shared by the exam screens (rows 0-1). */
struct lay_header {
	const char	*title;		/* exam title */
	const char	*who;		/* trainee name and ticket */
	size_t		 index;		/* current question, 0-based */
	size_t		 count;
	size_t		 answered;
	size_t		 flagged;
	long		 remaining;	/* seconds */
};

struct lay_question {
	struct lay_header	 h;
	enum qtype		 type;
	const char		*stem;
	const char *const	*options;	/* display order */
	size_t			 noptions;
	/*
	 * Per option: 0 not chosen, else chosen (ordering: the 1-based place
	 * the trainee gave it).
	 */
	const int		*chosen;
	int			 item_flagged;
	int			 untranslated;	/* the texts shown are a copy */
	const char		*message;	/* may be NULL */
	enum lay_role		 message_role;
	int			 scroll;	/* first body line wanted */
};

/* The question screen (at least LAY_MIN_COLS x LAY_MIN_ROWS). */
void lay_question(struct lay *l, const struct lay_question *q);

/* The state of one question in the navigator. */
struct lay_nav_item {
	int	answered;
	int	flagged;
};

struct lay_navigator {
	struct lay_header		 h;
	const struct lay_nav_item	*items;
	size_t				 cursor;
	const char			*typed;	  /* a number being typed */
	const char			*refused; /* one out of range */
};

/*
 * The navigator: all questions in a grid; sets l->nav_per_row.  The line
 * above the hints shows the number being typed (typed, digits; NULL or
 * "" for none) and a number refused as out of range (refused), else the
 * legend of the marks.
 */
void lay_navigator(struct lay *l, const struct lay_navigator *n);
/* Cells per navigator row at cols columns. */
int lay_nav_per_row(int cols);

/* A paragraph of a text page. */
struct lay_para {
	const char	*text;
	enum lay_role	 role;
	int		 indent;	/* extra columns of indent */
	int		 cursor;	/* put the cursor at the end of it */
	/*
	 * A two-column row (help): key in ROLE_LABEL at the indent, text
	 * after hang columns, its continuation lines under itself.
	 */
	const char	*key;
	int		 hang;
};

/*
 * A page of text (language choice, login, instructions, help, submit
 * confirmation, result): a title bar, the paragraphs wrapped to the width
 * (each starts on a new line; an empty text is a blank line), and the key
 * hints on the last row.  What does not fit is cut.
 */
void lay_page(struct lay *l, const char *title, const struct lay_para *p,
    size_t n, const char *hints);

/* The plain message shown below the minimum size. */
void lay_too_small_screen(struct lay *l);

#endif
