/*
 * One run of `firstline paper scan`: every page of every file read, and
 * each sheet stored, found already stored, sent to review or refused.
 *
 * A page is identified by its QR code (sheet_code_parse and
 * sheet_code_verify: this database, this cohort, a genuine check value),
 * registered by its corner marks, its bubbles measured and decided
 * (scan.h).  A sheet whose every item is clear is stored in one
 * transaction by paper_sitting_store (mode "paper-scan", provenance the
 * file and page) and graded; a sheet with any doubt stores nothing and
 * becomes a review entry (review.h) with a PNG of the registered page.
 * Storing is idempotent: a sheet already stored with the same answers is
 * reported as such; another reading of a stored sheet goes to review.
 * Nothing is guessed.
 */
#ifndef FIRSTLINE_SCAN_RUN_H
#define FIRSTLINE_SCAN_RUN_H

#include <sqlite3.h>

struct store;
struct scan_run;

enum scan_outcome {
	SCAN_STORED,		/* stored and graded */
	SCAN_SAME,		/* already stored with the same answers */
	SCAN_REVIEW,		/* sent to review */
	SCAN_REFUSED,		/* not stored, not queued: see message */
	SCAN_WAITING,		/* a page of a longer sheet: kept for the rest */
};

/* What happened to one scanned page, for the caller to print. */
struct scan_result {
	const char		*source;	/* the file as given */
	int			 page;		/* 1-based; 0: the whole file */
	int			 npages;	/* pages in the file */
	enum scan_outcome	 outcome;
	const char		*ticket;	/* NULL when not identified */
	const char		*name;
	const char		*message;	/* the grade, the doubt, the cause */
	sqlite3_int64		 review_id;	/* SCAN_REVIEW */
	const char		*image;		/* SCAN_REVIEW: the PNG */
};

struct scan_run_opts {
	const char	*cohort;	/* public cohort id */
	const char	*review_dir;	/* where PNGs go; NULL: beside the DB */
	const char	*actor;		/* audit: a user name or "server" */
	void		(*report)(void *arg, const struct scan_result *r);
	void		*arg;
};

/*
 * Start a run.  Refuses an unknown cohort and a review directory that
 * cannot be made.  0 and *out, or -1 and *cause.
 */
int scan_run_new(struct store *s, const struct scan_run_opts *o,
    struct scan_run **out, char **cause);
/* Read every page of path, reporting each. */
void scan_run_file(struct scan_run *r, const char *path);
/*
 * End the run: a sheet of several pages still missing some stores
 * nothing.  If its attempt is stored already, the pages read are compared
 * with the stored answers (the same, or to review); else it is refused,
 * naming the pages missing and where the others were read.  Counts by
 * outcome (may be NULL).
 */
void scan_run_finish(struct scan_run *r, int counts[SCAN_WAITING + 1]);
void scan_run_free(struct scan_run **r);

#endif
