/*
 * Paper answer sheets: where everything is on the sheet, and the code that
 * identifies it.
 *
 * The geometry is the one place that knows coordinates: the printer draws
 * from it and the scanner reads from it.  Everything is in millimetres on
 * A4 portrait (210 x 297), origin at the top left corner of the paper, y
 * growing downwards; a point is a centre unless said otherwise.  Pure C:
 * no cairo, no image library.
 *
 * Every sheet page has four corner marks (solid squares; the bottom-right
 * one has a white square hole, so the page's orientation is known from the
 * marks alone) and a QR code box in the top right corner.  The items of a
 * frozen paper flow down three columns in paper order; an item never
 * splits.  A choice item is one row of bubbles (A..H, display order); a
 * true/false item is two bubbles (column 0 true, column 1 false); an
 * ordering item with n steps is an n x n grid: row = step (display index,
 * letter A..H), column = place (1..n), so a filled bubble at (row s,
 * column p) says "step s goes at place p".  When a paper does not fit one
 * page (only papers with many long ordering items), the flow continues on
 * further sheet pages with the same marks and header.
 *
 * The code in the QR box: "FL1/<instance id>/<cohort>/<attempt id>/<check>"
 * where check is the first SHEET_CHECK_BYTES bytes of
 * instance_mac("FL1/<instance id>/<cohort>/<attempt id>") in lower-case
 * hex; page n >= 2 of an answer sheet appends "/s<n>", page n of a
 * question booklet "/p<n>" (outside the check: they only say which page).
 */
#ifndef FIRSTLINE_SHEET_H
#define FIRSTLINE_SHEET_H

#include <sqlite3.h>
#include <stddef.h>

#include "attempt.h"
#include "instance.h"

struct store;

/* The paper. */
#define SHEET_W			210.0
#define SHEET_H			297.0
/* Nothing is drawn closer than this to an edge of the paper. */
#define SHEET_MARGIN		6.0
/* Most bubbles (options) an item may have, and ordering steps. */
#define SHEET_MAX_OPTIONS	8
/* Most sheet pages one paper may need. */
#define SHEET_MAX_PAGES		8
/* Corner mark side; the hole of the odd (bottom-right) mark. */
#define SHEET_MARK_SIDE		7.0
#define SHEET_MARK_HOLE		3.0
/* Bubble radius, and the distance between neighbouring bubble centres. */
#define SHEET_BUBBLE_R		2.4
#define SHEET_PITCH_X		5.8
#define SHEET_PITCH_Y		6.2

enum sheet_corner {
	SHEET_TOP_LEFT,
	SHEET_TOP_RIGHT,
	SHEET_BOTTOM_LEFT,
	SHEET_BOTTOM_RIGHT,	/* the odd one: a square with a hole */
};

/* A corner mark: a solid square of side side centred at (x, y). */
struct sheet_mark {
	double	x, y;
	double	side;
	double	hole;		/* side of the white centre, 0 if solid */
};

/* An axis-aligned box: top left corner and size. */
struct sheet_box {
	double	x, y, w, h;
};

struct sheet_bubble {
	size_t	item;		/* 0-based paper position */
	int	page;		/* 0-based sheet page */
	int	row;		/* ordering: step (display index); else 0 */
	int	col;		/* option display index / 0 true 1 false /
				   ordering place, 0-based */
	double	x, y, r;
};

struct sheet_item {
	size_t	 item;
	enum qtype type;
	int	 page;
	struct sheet_box box;	/* around number and bubbles */
	double	 num_x, num_y;	/* question number: right end, centre */
	double	 step_x;	/* ordering: centre of the step letters */
	int	 rows, cols;	/* bubbles: rows x cols */
	size_t	 first;		/* its bubbles: first .. first+rows*cols-1 */
};

struct sheet {
	int			 npages;
	struct sheet_mark	 marks[4];	/* enum sheet_corner, every page */
	struct sheet_box	 qr;		/* the code, quiet zone inside */
	struct sheet_box	 title;		/* exam title line */
	struct sheet_box	 who;		/* name, ticket, cohort */
	struct sheet_box	 help;		/* instructions, both languages */
	struct sheet_box	 body;		/* where the columns are */
	double			 footer_y;	/* centre of the page line */
	struct sheet_item	*items;		/* paper order */
	size_t			 nitems;
	struct sheet_bubble	*bubbles;	/* items' bubbles, row-major */
	size_t			 nbubbles;
};

/*
 * Lay out the answer sheet of a frozen paper (only type and noptions of
 * each item are read).  Returns 0 and *out (free with sheet_free), or -1
 * and *cause: an item with no or more than SHEET_MAX_OPTIONS options, a
 * true/false item without two, a paper that needs more than
 * SHEET_MAX_PAGES pages.
 */
int sheet_layout(const struct paper_item *items, size_t n,
    struct sheet **out, char **cause);
void sheet_free(struct sheet **sh);

/*
 * The response (paper_item.response format, to free) said by the filled
 * bubbles of item it: filled[row * cols + col] non-zero for each filled
 * bubble of its sheet_item (rows x cols as laid out).  No bubble is "".
 * Returns NULL and *cause when the marks say no single answer: two bubbles
 * of a single-choice or true/false item, a step at two places, two steps
 * at one place, or an ordering with a place left empty before a filled one.
 */
char *sheet_response(const struct paper_item *it, const unsigned char *filled,
    char **cause);
/*
 * The reverse: which bubbles a response fills (rows * cols entries of
 * filled, as sheet_response reads them).  -1 if the response is malformed
 * for the item.
 */
int sheet_fill(const struct paper_item *it, const char *response,
    unsigned char *filled);

/* What a sheet's code says. */
#define SHEET_CHECK_BYTES	10
#define SHEET_CODE_MAX		160	/* longest code text accepted */

enum sheet_part {
	SHEET_PART_ANSWERS,	/* answer sheet page (1: no suffix, n: /s<n>) */
	SHEET_PART_BOOKLET,	/* question booklet page /p<n> */
};

struct sheet_code {
	char		 instance[INSTANCE_ID_LEN + 1];
	char		 cohort[33];
	sqlite3_int64	 attempt;
	char		 check[2 * SHEET_CHECK_BYTES + 1];
	enum sheet_part	 part;
	int		 page;		/* 1-based */
};

/*
 * The code for page page (1-based) of part of attempt aid of cohort (its
 * public id), to free; NULL and *cause if the database identity cannot be
 * read or cohort is not a valid cohort id.
 */
char *sheet_code(struct store *s, const char *cohort, sqlite3_int64 aid,
    enum sheet_part part, int page, char **cause);

/*
 * The code of page page of part, from code (an answer sheet page 1 code as
 * sheet_code makes it; no store needed), to free.
 */
char *sheet_code_page(const char *code, enum sheet_part part, int page);

/*
 * Read a code's text (from a QR code: anything) strictly: every field's
 * form and length, nothing before or after.  0 and *out, or -1 and *cause.
 * Says nothing about whether the code is genuine: see sheet_code_verify.
 */
int sheet_code_parse(const char *text, size_t len, struct sheet_code *out,
    char **cause);

/*
 * Whether c was made by this database for cohort (its public id) and names
 * an attempt of that cohort's trainees.  Refuses, each with its own
 * message: a code of another database, a wrong check value (a home-made
 * or altered sheet), a genuine code of another cohort, an attempt that is
 * not there or not the cohort's.  0 and *trainee_id (may be NULL), or -1
 * and *cause.
 */
int sheet_code_verify(struct store *s, const struct sheet_code *c,
    const char *cohort, sqlite3_int64 *trainee_id, char **cause);

#endif
