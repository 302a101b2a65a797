/*
 * Practical and simulation scores (and organizer-entered written scores for
 * paper sittings).  Entries are append-only, enforced by the database
 * (triggers RAISE on UPDATE and DELETE): a correction is a new entry with
 * who, when and why; the latest entry of a rubric counts.  A sealed
 * (certified) cohort refuses every change.
 */
#ifndef FIRSTLINE_SCORE_H
#define FIRSTLINE_SCORE_H

#include <sqlite3.h>

#include "auth.h"
#include "table.h"

struct store;

/* One item mark given by the instructor. */
struct score_mark {
	const char	*item;
	int		 mark;
};

struct score_request {
	const char		*cohort;
	const char		*ticket;
	const char		*rubric;	/* NULL or "written" */
	const struct score_mark	*marks;
	size_t			 nmarks;
	int			 written_tenths;	/* written */
	const char		*reason;	/* NULL when none */
	const char		*comment;	/* NULL when none */
	int			 retake;
};

/* What was stored, for the confirmation shown to the instructor. */
struct score_result {
	sqlite3_int64	entry_id;
	int		total;
	int		max;
	int		passed;		/* the station's own pass mark */
	int		critical_missed;
	int		correction;	/* an earlier entry exists */
};

/*
 * Store one entry: every item of the rubric given exactly once, each mark in
 * 0..item max; a second entry for the same rubric (not a retake) needs a
 * reason; a retake needs a failed latest entry and stays within the exam's
 * retake limit; "written" is for organizers only and needs a reason.
 * Returns 0 and r, or -1 and *cause naming the rule.
 */
int score_set(struct store *s, const struct user *u,
    const struct score_request *q, struct score_result *r, char **cause);

/*
 * The history of ticket in cohort, oldest first:
 * entry,component,rubric,total,max,retake,by,at,reason,marks,counts,comment,
 * mode (counts: yes for the entry that counts now; a written entry's total
 * is its percentage with one decimal, of max 100).  The finished sittings
 * of the written test are rows too, without an entry number or reason;
 * their by names the people who keyed a paper sitting in ("a+b", every
 * entry's author in order), else is empty; mode says how a written
 * result arrived: terminal, browser, paper-scan, paper-keyed (the
 * sitting's attempt.mode) or external (an organizer's percentage).  Of
 * the written rows the latest event counts: an organizer's entry over the
 * sittings finished before it, a sitting finished after the entry over it.
 */
int score_history(struct store *s, const char *cohort, const char *ticket,
    struct table *t, char **cause);

/*
 * Parse "ITEM=MARK"; returns 0, or -1 with *cause.  item points into arg,
 * which is modified.
 */
int score_parse_mark(char *arg, struct score_mark *m, char **cause);

#endif
