/*
 * The instructor client's screens computed without a terminal: the running
 * tally of a rubric form (total, marks given, critical items missed, the
 * station verdict), where every field and label of the form goes, the
 * rows of the cohort, trainee and station menus (padded and cut by display
 * width, so Chinese names line up), the history lines, and the layouts
 * (struct lay, layout.h) that ui.c draws.  No curses and no database here;
 * the unit tests call these directly.  score-layout.c has the tally, the
 * form and the screens; score-rows.c the menu rows and history lines.
 */
#ifndef FIRSTLINE_TUI_SCORE_LAYOUT_H
#define FIRSTLINE_TUI_SCORE_LAYOUT_H

#include <stddef.h>

#include "core/station.h"
#include "core/table.h"
#include "layout.h"

/* ------------------------------------------------------------- marks */

enum sc_mark {
	SC_MARK_EMPTY,	/* nothing typed */
	SC_MARK_OK,	/* a whole number within 0..max */
	SC_MARK_BAD,	/* not a whole number */
	SC_MARK_HIGH,	/* above the item's maximum */
};

/*
 * Parse the text of a mark field (spaces around it ignored) against max.
 * *mark is the number read (also when it is too high), else -1.
 */
enum sc_mark sc_mark_parse(const char *text, int max, int *mark);

enum sc_verdict {
	SC_INCOMPLETE,	/* items without a mark, no critical item missed */
	SC_PASS,
	SC_FAIL,	/* below the pass mark, or a critical item missed */
};

struct sc_tally {
	int		 total;		/* of the valid marks given */
	int		 max;		/* the rubric's maximum */
	int		 pass;		/* the station's pass mark */
	size_t		 given;		/* items with a valid mark */
	size_t		 nitems;
	int		 critical_missed; /* critical items below full marks */
	int		 high;		/* items above their maximum */
	long		 first_high;	/* index of the first, or -1 */
	enum sc_verdict	 verdict;
};

/*
 * The running tally of marks (one per item of st; -1 for none, values
 * above an item's maximum count as errors, not marks).  A critical item
 * given less than its maximum fails the station at once, as score_set()
 * will when it is saved.
 */
void sc_tally(const struct station *st, const int *marks, struct sc_tally *t);

/* ------------------------------------------------------ rubric form */

/* Rows taken outside the item and detail areas: title, tally, message,
 * hints. */
#define SC_FORM_FIXED_ROWS 4
/* Rows of the detail area, which shows the focused item in full. */
#define SC_DETAIL_MIN 2
#define SC_DETAIL_MAX 6
/* Columns of a mark field. */
#define SC_MARK_WIDTH 3

/* Where the parts of the rubric form go on a cols x rows screen. */
struct sc_form_geom {
	int	cols;
	int	rows;
	int	tally_row;
	int	first_row;	/* the first item row */
	int	per_page;	/* item, comment and reason rows per page */
	int	npages;
	int	num_col;	/* item number, right-aligned before star_col */
	int	star_col;	/* the critical mark */
	int	label_col;
	int	label_width;
	int	field_col;	/* mark fields */
	int	range_col;	/* "0–6" */
	int	text_label_col;	/* "Comment:" / "Reason:" */
	int	text_col;	/* their fields */
	int	text_width;
	int	detail_row;	/* the focused item in full, */
	int	detail_lines;	/* on this many rows */
	int	message_row;
	int	hints_row;
	size_t	nitems;
	int	has_reason;
};

/*
 * Compute the form's geometry for nitems items, a comment field and (for
 * a correction) a reason field; text_label_width is the widest label of
 * the comment and reason fields; detail_lines the rows the detail area
 * needs (sc_form_detail_lines).
 */
void sc_form_geom(struct sc_form_geom *g, int cols, int rows, size_t nitems,
    int has_reason, int text_label_width, int detail_lines);
/*
 * The rows the detail area needs at cols columns so that the longest
 * item label of st (in the chosen language), the comment's and (when
 * correcting) the reason's help show in full: SC_DETAIL_MIN to
 * SC_DETAIL_MAX, and no more than a small screen (rows) can spare.
 */
int sc_form_detail_lines(const struct station *st, int cols, int rows,
    long long correcting);
/*
 * Slot s (items 0..nitems-1, then the comment, then the reason): its page
 * and its screen row.
 */
int sc_form_slot_page(const struct sc_form_geom *g, size_t slot);
int sc_form_slot_row(const struct sc_form_geom *g, size_t slot);

/* What the rubric form shows besides the fields' contents. */
struct sc_form_view {
	const struct station	*st;
	const char		*who;		/* trainee, ticket, cohort */
	const int		*marks;		/* as typed, -1 none */
	size_t			 cur;		/* focused slot */
	int			 page;
	long long		 correcting;	/* the entry corrected, or 0 */
	long long		 saved;		/* a stored entry shown, or 0 */
	const char		*saved_at;	/* its time ("13:05") */
	int			 retake;
	const char		*message;	/* NULL for none */
	enum lay_role		 message_role;
};

/* The labels of the comment and reason fields, in the chosen language. */
const char *sc_comment_label(void);
const char *sc_reason_label(void);
/* "0–6" */
void sc_range(int max, char *buf, size_t size);
/* The tally line: "Total 85/100 · pass 60 · 16/16 marked · ✓ pass". */
char *sc_tally_text(const struct sc_tally *t);

/* The rubric form around its fields (brackets drawn, contents not). */
void sc_form_layout(struct lay *l, const struct sc_form_geom *g,
    const struct sc_form_view *v);

/* ------------------------------------------------------------ menus */

/* text cut or padded with spaces to exactly width columns (new string). */
char *sc_cell(const char *text, int width);
/* text right-aligned in width columns (new string). */
char *sc_cell_right(const char *text, int width);

/* A station's title in the chosen language; its short name "P1" / "S2". */
const char *sc_station_title(const struct station *st);
void sc_station_tag(const struct station_set *ss, size_t k, char *buf,
    size_t size);
/* A state as a menu cell: "✓85", "✗40" (percent), or "–" (none). */
void sc_state_cell(const struct station_state *st, char *buf, size_t size);

/* The columns of the trainee menu at a width. */
struct sc_board_cols {
	int	ticket;
	int	name;
	int	written;
	int	station;	/* each station column */
	int	sim_one;	/* one simulation column (one-of) */
};

void sc_board_cols(const struct station_set *ss,
    const struct station_board *b, int width, struct sc_board_cols *c);
/* The header row and a trainee's row (new strings, width columns). */
char *sc_board_header(const struct station_set *ss,
    const struct sc_board_cols *c);
char *sc_board_row(const struct station_set *ss, const struct station_row *r,
    const struct sc_board_cols *c);
/* "P1 成人心肺复苏与AED  P2 ..." : what the station columns are. */
char *sc_board_legend(const struct station_set *ss);

/* Columns the state takes in a station menu row. */
#define SC_STATE_WIDTH 20
/* A station menu row for station k of row r, width columns (new string). */
char *sc_station_row(const struct station_set *ss, size_t k,
    const struct station_row *r, int width);

/* A cohort menu row from cohort_list()'s row i (new string). */
char *sc_cohort_row(const struct table *t, size_t i, int width);

/*
 * The history of score_history() as lines of at most width columns: two
 * or three per entry.  Returns the number of lines and *lines (free with
 * sc_lines_free).
 */
size_t sc_history_lines(const struct table *t, int width, char ***lines);
void sc_lines_free(char **lines, size_t n);

/* ---------------------------------------------------------- screens */

/*
 * A list screen: title bar, the header paragraphs from row 2, a column
 * header on header_row (when not NULL), the message and the key hints.
 * The list itself is drawn by the menu (rows list_top .. list_bottom).
 */
struct sc_list_view {
	const char		*title;
	const char *const	*head;		/* paragraphs above the list */
	size_t			 nhead;
	const char		*columns;	/* column header, may be NULL */
	const char		*empty;		/* shown for an empty list */
	size_t			 nitems;
	const char		*message;
	enum lay_role		 message_role;
	const char		*hints;
};

/* Lay out a list screen; sets *list_top and *list_rows for the menu. */
void sc_list_layout(struct lay *l, const struct sc_list_view *v,
    int *list_top, int *list_rows);

/* The history screen: lines from scroll on. */
void sc_history_layout(struct lay *l, const char *title, const char *who,
    char **lines, size_t n, int scroll, const char *hints);

/* Where the login form's two fields go. */
struct sc_login_geom {
	int	user_row;
	int	pass_row;
	int	field_col;
	int	field_width;
};

/* The login screen around its fields; fills g. */
void sc_login_layout(struct lay *l, struct sc_login_geom *g,
    const char *message, enum lay_role message_role);

/* The message shown below the minimum size. */
void sc_too_small(struct lay *l);

#endif
