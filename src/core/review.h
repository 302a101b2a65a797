/*
 * The review queue of scanned answer sheets: what `paper scan` was not
 * sure of, waiting for a person (`paper review`).
 *
 * A scanned sheet page with any doubt (a faint or double mark, a cross
 * over a filled bubble, a second reading that differs from the answers
 * already stored) stores no answer: it becomes a review entry instead,
 * naming the attempt, the scanned file and its page, what was read of
 * every item on that page (clear readings too, so that a key-in form can
 * start from them), the questions in doubt with what was seen, and the
 * path of a PNG of the registered sheet with those questions boxed.
 * Entries are open until a person settles them: keying the attempt's
 * answers (paper-keyed's double entry, which stores them through the
 * paper core) settles every open entry of the attempt; an entry may also
 * be dismissed with a reason (a duplicate, a blank test sheet).  Entries
 * are never deleted; adding and settling are in the audit trail.
 *
 * Calls that write run inside the caller's transaction when one is open
 * (so that storing the answers and settling the entries commit together),
 * else in their own.
 */
#ifndef FIRSTLINE_REVIEW_H
#define FIRSTLINE_REVIEW_H

#include <sqlite3.h>
#include <stddef.h>

struct store;

/* What the reader made of one item of the page. */
struct review_item {
	size_t	 item;		/* 0-based paper position (question n-1) */
	int	 doubt;		/* non-zero: a person must decide */
	char	*response;	/* clear reading (paper_item format, "" for
				   blank); NULL when in doubt */
	char	*seen;		/* what was seen, for people ("" if nothing
				   to say) */
};

enum review_status {
	REVIEW_OPEN,
	REVIEW_SETTLED,		/* answers keyed (or rescanned) and stored */
	REVIEW_DISMISSED,	/* closed without storing, with a reason */
};

struct review {
	sqlite3_int64		 id;
	sqlite3_int64		 attempt_id;
	sqlite3_int64		 trainee_id;
	char			*cohort;	/* public cohort id */
	char			*ticket;
	char			*name;
	char			*source;	/* the scanned file, as given */
	int			 page;		/* its page, 1-based */
	int			 sheet_page;	/* the answer sheet's page, 1-based */
	char			*reason;	/* sheet-level reason, "" if none */
	char			*image;		/* PNG of the registered page */
	enum review_status	 status;
	char			*created_at;	/* UTC stamps */
	char			*closed_at;	/* "" while open */
	char			*closed_by;
	char			*note;
	struct review_item	*items;		/* the page's items, in order */
	size_t			 nitems;
};

/* "open", "settled", "dismissed" (CSV words). */
const char *review_status_name(enum review_status st);

/*
 * Add an open entry for attempt aid: the scanned file source and its page
 * (1-based), the sheet page, a sheet-level reason ("" if the items say it
 * all), the items read, the PNG path.  actor is who ran the scan (audit).
 * 0 and *id (may be NULL), or -1 and *cause.
 */
int review_add(struct store *s, sqlite3_int64 aid, const char *source,
    int page, int sheet_page, const char *reason,
    const struct review_item *items, size_t nitems, const char *image,
    const char *actor, sqlite3_int64 *id, char **cause);

/*
 * The entries of cohort (public id), oldest first: all of them, or only
 * the open ones.  Items are loaded.  0 and *out, *n (reviews_free), or -1
 * and *cause (an unknown cohort).
 */
int review_list(struct store *s, const char *cohort, int open_only,
    struct review **out, size_t *n, char **cause);
/* One entry by id.  0 and *out (review_release), or -1 and *cause. */
int review_get(struct store *s, sqlite3_int64 id, struct review *out,
    char **cause);
void review_release(struct review *r);
void reviews_free(struct review *r, size_t n);

/* How many open entries attempt aid has (0 on error). */
int review_open_count(struct store *s, sqlite3_int64 aid);

/*
 * Settle every open entry of attempt aid: its answers have been stored
 * (keyed by people, or a clean rescan).  by names who (a user, or
 * "paper scan"); note says how.  Returns how many were settled (0 is not
 * an error), or -1 and *cause.
 */
int review_settle_attempt(struct store *s, sqlite3_int64 aid, const char *by,
    const char *note, char **cause);
/*
 * Close one open entry without storing anything (a duplicate scan, a
 * spoiled sheet): reason is required.  0, or -1 and *cause (not found,
 * already closed, no reason).
 */
int review_dismiss(struct store *s, sqlite3_int64 id, const char *by,
    const char *reason, char **cause);

#endif
