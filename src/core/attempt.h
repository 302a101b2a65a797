/*
 * Written-test attempts: a trainee's sitting of the written paper.
 *
 * An attempt is created with its paper frozen (attempt_start): the questions
 * drawn from the exam blueprint, their texts and options in the order shown,
 * and the key, copied into the attempt so that later bank versions never
 * change it.  Every answer and flag is committed to the database before the
 * call returns; only then may a client confirm it on screen.  The deadline is
 * stored (not the time left), so a client that dies loses nothing and the
 * clock keeps running.  An attempt past its deadline is closed and graded by
 * whichever call touches it next (lazy expiry), with or without a client.
 *
 * One live sitting per ticket: attempt_open() issues a new session token and
 * every write checks it, so a second login takes the sitting over and the
 * first client is told so on its next action (ATTEMPT_TAKEN_OVER).
 */
#ifndef FIRSTLINE_ATTEMPT_H
#define FIRSTLINE_ATTEMPT_H

#include <sqlite3.h>
#include <stddef.h>
#include <time.h>

#include "content.h"

struct store;

enum attempt_status {
	ATTEMPT_NOT_STARTED,	/* a retake granted, not opened yet */
	ATTEMPT_IN_PROGRESS,
	ATTEMPT_SUBMITTED,
	ATTEMPT_EXPIRED,	/* submitted automatically at the deadline */
};

/* Results of the write calls besides 0 (done) and -1 (error, see cause). */
enum {
	ATTEMPT_CLOSED = 1,	/* already submitted or expired: nothing written */
	ATTEMPT_TAKEN_OVER = 2,	/* another login took this sitting over */
};

/* One option (or ordering step) as shown, in display order. */
struct paper_option {
	struct ltext	 text;
	int		 correct;	/* choice questions */
	int		 position;	/* ordering: 1-based correct place */
};

struct paper_item {
	char			*qid;
	char			*module;
	enum qtype		 type;
	int			 difficulty;
	struct ltext		 stem;
	struct ltext		 explanation;
	int			 answer;	/* truefalse key: 1 true */
	struct paper_option	*options;	/* display order */
	size_t			 noptions;
	/*
	 * The response, "" when unanswered.  single: "2" (display index);
	 * multiple: "0,2" (ascending display indices); truefalse: "1" or
	 * "0"; ordering: display indices in the order the trainee put them,
	 * "2,0,1" (complete when it names every step).
	 */
	char			*response;
	int			 flagged;
	unsigned		 untranslated;	/* QTEXT_*_COPY */
};

/* A trainee as found by login. */
struct trainee {
	sqlite3_int64	 id;
	sqlite3_int64	 cohort_id;
	char		*ticket;
	char		*name;
	char		*community;
	char		*cohort;	/* cohort id (text) */
};

struct attempt {
	sqlite3_int64		 id;
	sqlite3_int64		 trainee_id;
	char			*token;		/* this client's session */
	enum attempt_status	 status;
	time_t			 started;
	time_t			 deadline;
	int			 number;	/* 1, or 2 for a retake */
	struct ltext		 exam_title;
	int			 minutes;
	int			 show_result;
	int			 pass;		/* pass mark, percent */
	int			 partial_credit;	/* multiple choice */
	struct paper_item	*items;
	size_t			 nitems;
};

/* Per-module part of a result. */
struct grade_module {
	char	*module;
	int	 correct;
	int	 total;
	int	 tenths;	/* percentage in tenths, rounded half-up */
};

struct grade {
	int			 correct;
	int			 total;
	int			 tenths;	/* written percentage x 10 */
	int			 passed;
	struct grade_module	*modules;	/* in blueprint order */
	size_t			 nmodules;
};

/*
 * The clock every deadline is measured against, defined alone in clock.c so
 * that unit tests can replace it (-Wl,--wrap=attempt_now).
 */
time_t attempt_now(void);

/* "in-progress", "submitted", ... as in CSV output. */
const char *attempt_status_name(enum attempt_status st);

/*
 * Close every attempt of the cohort (or of all cohorts when cohort_id is
 * 0) whose deadline has passed: graded and marked expired.  Returns how many
 * were closed, or -1 with *cause.
 */
int attempt_expire_due(struct store *s, sqlite3_int64 cohort_id,
    char **cause);

/*
 * Check ticket and PIN, the try coming from source (a client's address,
 * "ssh:ADDRESS", "local").  Every try is counted before the PIN is checked
 * (auth_reserve), so tries started together are let through one by one:
 * after the third failure in 15 minutes for a ticket, or the
 * AUTH_SOURCE_FREE_TRIES-th from one source, or the AUTH_COHORT_FREE_TRIES-th
 * on one cohort's tickets, each further try is refused without checking its
 * PIN until a growing wait has passed, reported in *wait_s.  Returns 0 and
 * fills t, or -1 with *cause ("wrong ticket or PIN", or the wait).
 */
int trainee_login_from(struct store *s, const char *ticket, const char *pin,
    const char *source, struct trainee *t, int *wait_s, char **cause);
/* trainee_login_from for the terminal client: the source is
 * auth_terminal_source() (SSH_CLIENT's address, else "local"). */
int trainee_login(struct store *s, const char *ticket, const char *pin,
    struct trainee *t, int *wait_s, char **cause);
void trainee_release(struct trainee *t);

/*
 * Open the trainee's current written attempt for a client: resume the live
 * one (same paper, answers, flags, deadline), or start the first one with a
 * new paper.  A submitted or expired attempt is returned as it is (the
 * client shows the result).  Issues a new session token (taking the sitting
 * over from any other client).  Returns 0 and *out (free with
 * attempt_free), or -1 and *cause.  A live attempt comes without its key
 * (no correct options or order, no answer, empty explanations); the write
 * calls that find it closed, and attempt_submit, load the key into it then,
 * for the result.
 */
int attempt_open(struct store *s, const struct trainee *t,
    struct attempt **out, char **cause);
void attempt_free(struct attempt **a);
/*
 * Load attempt aid of trainee tid again for the client that holds token
 * (a browser keeps it between requests), without issuing a new one: the
 * paper, answers, flags and deadline as attempt_open gives them, the
 * deadline checked (a due attempt is closed here).  Returns 0 and *out, or
 * ATTEMPT_TAKEN_OVER and *out when a later attempt_open took the sitting
 * over (writes through *out then answer ATTEMPT_TAKEN_OVER), or -1 and
 * *cause (no such attempt of that trainee).
 */
int attempt_resume(struct store *s, sqlite3_int64 aid, sqlite3_int64 tid,
    const char *token, struct attempt **out, char **cause);

/* Record the response of item i ("" clears it).  0, -1, ATTEMPT_*. */
int attempt_answer(struct store *s, struct attempt *a, size_t i,
    const char *response, char **cause);
/* Set or clear the flag of item i.  0, -1, ATTEMPT_*. */
int attempt_flag(struct store *s, struct attempt *a, size_t i, int flagged,
    char **cause);
/*
 * Record how the live attempt is being sat: "terminal" (the default),
 * "browser", "paper-scan" or "paper-keyed" (attempt.mode).  A client calls
 * it after attempt_open; the last way in counts.  0, -1, ATTEMPT_*.
 */
int attempt_set_mode(struct store *s, struct attempt *a, const char *mode,
    char **cause);
/* Submit now.  0, -1, ATTEMPT_*. */
int attempt_submit(struct store *s, struct attempt *a, char **cause);
/*
 * Re-read status and deadline (an organizer may have extended the time; the
 * deadline may have passed: then the attempt is closed here).  0, -1,
 * ATTEMPT_TAKEN_OVER.
 */
int attempt_refresh(struct store *s, struct attempt *a, char **cause);

/* Seconds left (0 when past the deadline). */
long attempt_remaining(const struct attempt *a, time_t now);
/* Number of items answered completely, and flagged. */
size_t attempt_answered(const struct attempt *a);
size_t attempt_flagged(const struct attempt *a);
/* Whether the response of item i is complete (ordering: every step). */
int paper_item_answered(const struct paper_item *it);

/*
 * Score of one item from its frozen key, in thousandths of a point (0 to
 * 1000); partial is the exam's partial-credit policy for multiple choice.
 * The one scoring rule: attempt_grade and the item analysis both use it.
 */
int grade_item(const struct paper_item *it, int partial);

/* Grade a (any status) from its frozen paper.  Free with grade_release. */
void attempt_grade(const struct attempt *a, struct grade *g);
void grade_release(struct grade *g);

#endif
