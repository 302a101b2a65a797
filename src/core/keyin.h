/*
 * Keying in a paper answer sheet by double entry (SPEC section 10): a person
 * keys what the sheet shows, question by question in the booklet's
 * numbering; the entry is stored (paper_entry, append-only) and audited but
 * grades nothing.  When an entry by another person agrees with it answer for
 * answer, the sitting is graded through paper_sitting_store with mode
 * 'paper-keyed', in the same transaction as the entry.  An entry that
 * disagrees is kept too and the differences are handed back question by
 * question; nothing is graded until two entries by different people agree
 * (a third person's entry settles a disagreement).  A scanner's reading is
 * never an entry: both entries are keyed by people.  Grading a sitting
 * settles the scanned sheets of it waiting in the review queue
 * (review.h), in the same transaction.
 *
 * The keyed form of an answer, for a question of the printed paper (option
 * letters A..H in the printed order):
 *   single choice    one letter, "B"
 *   multiple choice  the letters filled, in any order, "BD"
 *   true/false       "T" or "F" (also 对 / 错)
 *   ordering         for each step row A, B, C... of the answer sheet's
 *                    grid, the place number filled in that row, "3142"
 *                    (A at place 3, B at 1, ...); "-" for a row left empty
 *   no answer        "" (empty)
 * Case and spaces do not matter.  Marks that are not one answer (two
 * options of a single-choice question, a place used twice) are refused:
 * such an answer scores nothing and is keyed as no answer.
 */
#ifndef FIRSTLINE_KEYIN_H
#define FIRSTLINE_KEYIN_H

#include <sqlite3.h>
#include <stddef.h>

#include "attempt.h"
#include "auth.h"
#include "table.h"

struct store;

/* Longest keyed answer of one question (ordering: a character a step). */
#define KEYIN_MAX_TEXT	16

/* An entry already stored for the sheet (never its answers: see above). */
struct keyin_prior {
	sqlite3_int64	 id;
	char		*by;		/* user name */
	char		*at;		/* UTC stamp */
};

/* A printed paper waiting for its answers, as the key-in form needs it. */
struct keyin_sheet {
	sqlite3_int64		 attempt_id;
	sqlite3_int64		 trainee_id;
	sqlite3_int64		 cohort_id;
	sqlite3_int64		 review_id;	/* set by the caller: the
						   paper_review settled, or 0 */
	char			*cohort;	/* public id */
	char			*ticket;
	char			*name;
	struct attempt		*a;	/* the frozen paper, in print order */
	struct keyin_prior	*prior;	/* entries so far, oldest first */
	size_t			 nprior;
};

enum keyin_outcome {
	KEYIN_FIRST,		/* no entry by anyone else yet: stored */
	KEYIN_AGREES,		/* agrees with another's entry: graded */
	KEYIN_DISAGREES,	/* differs from another's: stored, no grade */
};

struct keyin_result {
	sqlite3_int64		 entry_id;	/* paper_entry.id (audit) */
	int			 entry_no;	/* its place among the sheet's
						   entries, 1-based (people) */
	enum keyin_outcome	 outcome;
	int			 own_before;	/* the same person keyed it
						   before (does not count) */
	sqlite3_int64		 other_id;	/* agreed or compared with */
	int			 other_no;	/* its place, 1-based */
	char			*other_by;
	char			**other;	/* its answers (keyed form),
						   DISAGREES only */
	size_t			*diff;		/* questions that differ,
						   0-based */
	size_t			 ndiff;
	int			 tenths;	/* AGREES: the written result */
	int			 passed;
};

/*
 * The printed paper of ticket in cohort that waits for its answers.
 * Refused with *cause: an unknown cohort or ticket, a withdrawn trainee, a
 * sealed cohort, no printed paper, a paper already graded (saying how).
 * 0 and k (free with keyin_sheet_release), or -1.
 */
int keyin_sheet_open(struct store *s, const char *cohort, const char *ticket,
    struct keyin_sheet *k, char **cause);
/* The same for attempt aid (a review names its attempt). */
int keyin_sheet_open_attempt(struct store *s, sqlite3_int64 aid,
    struct keyin_sheet *k, char **cause);
void keyin_sheet_release(struct keyin_sheet *k);

/*
 * Read the keyed answer text to question it (see above) into *response
 * (paper_item.response form, to free; "" for no answer).  0, or -1 and
 * *cause saying what is wrong in words for the person keying (without the
 * question number: the caller names it).
 */
int keyin_parse(const struct paper_item *it, const char *text,
    char **response, char **cause);
/*
 * The keyed form of response to it, in buf ("" for no answer, "?" for a
 * response that is not one of it).
 */
void keyin_text(const struct paper_item *it, const char *response,
    char buf[KEYIN_MAX_TEXT + 1]);
/*
 * Read a whole sheet's keyed answers: fields separated by commas (or new
 * lines), one a question in booklet order, n of them.  0 and *responses
 * (n strings; free with keyin_responses_free), or -1 and *cause naming the
 * question.
 */
int keyin_parse_all(const struct attempt *a, const char *text,
    char ***responses, char **cause);
void keyin_responses_free(char **responses, size_t n);

/*
 * Store u's entry of the sheet (responses: one a question, paper_item
 * form), audited as "paper entry"; when it agrees with an entry by
 * someone else, grade the sitting (paper_sitting_store, mode
 * 'paper-keyed'), all in one transaction.  u must be an instructor or an
 * organizer.  0 and r (free with keyin_result_release), or -1 and *cause
 * with nothing stored (the sheet graded meanwhile, a sealed cohort, a
 * malformed response naming its question).
 */
int keyin_add(struct store *s, const struct user *u,
    const struct keyin_sheet *k, char *const *responses,
    struct keyin_result *r, char **cause);
void keyin_result_release(struct keyin_result *r);

/* ------------------------------------------------ scanned sheets in doubt */

struct review;

/*
 * The review queue of cohort (review.h) as people settle it: the open
 * entries (every entry when all): review,ticket,name,source,page,doubt,
 * seen,image,status,entries -- doubt the questions in doubt ("4 17"), seen
 * what the reader saw of them, entries how many keyed entries the sheet
 * has so far.  0, or -1 and *cause (an unknown cohort).
 */
int keyin_review_table(struct store *s, const char *cohort, int all,
    struct table *t, char **cause);
/*
 * What the form shows above the questions when settling review r: the
 * scanned file and page, the questions in doubt with what was seen, the
 * picture to look at (a new string, in the reader's language).  For an
 * answer sheet of several pages, the open entries of all its pages (the
 * latest of each): every question in doubt and every picture.
 */
char *keyin_review_context(struct store *s, const struct review *r);
/*
 * Close review id of cohort without storing answers (a duplicate scan, a
 * spoiled sheet), as u (an organizer), for reason.  0, or -1 and *cause.
 */
int keyin_review_dismiss(struct store *s, const struct user *u,
    const char *cohort, sqlite3_int64 id, const char *reason, char **cause);

#endif
