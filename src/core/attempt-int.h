/*
 * The attempt core's internals, shared with the other ways of sitting that
 * live in the core (paper-sitting.c), so that answers are checked, papers
 * drawn and attempts graded and closed by one implementation.  Not for
 * clients: they use attempt.h.  Every function here runs inside the
 * caller's transaction unless said otherwise.
 */
#ifndef FIRSTLINE_ATTEMPT_INT_H
#define FIRSTLINE_ATTEMPT_INT_H

#include <stdint.h>

#include "attempt.h"

struct paper_draw;

/* A paper drawn for a new attempt, with the seed it came from. */
struct attempt_draw {
	struct paper_draw	*d;
	long			 n;
	uint64_t		 seed;
};

/* Load the attempt row and its exam settings (not the paper): 0 or -1. */
int attempt_read(struct store *s, sqlite3_int64 aid, struct attempt *a);
/*
 * Close the in-progress attempt aid as status: grade it from its paper and
 * store the result (attempt and attempt_module).  0, or -1 and *cause.
 */
int attempt_close(struct store *s, sqlite3_int64 aid,
    enum attempt_status status, char **cause);
/*
 * Draw a paper for exam version evid with a new seed (reads only; outside
 * a transaction too).  Free dr->d with paper_draws_free(dr->d, dr->n).
 */
int attempt_draw(struct store *s, sqlite3_int64 evid, struct attempt_draw *dr,
    char **cause);
/* Create attempt number of trainee tid, not started; its id or -1. */
sqlite3_int64 attempt_create(struct store *s, sqlite3_int64 tid, int number,
    char **cause);
/* Remove the keys from a loaded paper (a live attempt's client view). */
void attempt_keys_hide(struct attempt *a);
/* Whether response is well formed for item it (attempt_answer's rule). */
int attempt_response_ok(const struct paper_item *it, const char *response);
/*
 * Store the response of item i of attempt aid (attempt_answer's statement,
 * without its session checks; response already checked).  0, or -1.
 */
int attempt_put_response(struct store *s, sqlite3_int64 aid, size_t i,
    const char *response, char **cause);
/* Whether attempt aid is a paper printed and not yet answered. */
int attempt_printed(struct store *s, sqlite3_int64 aid);
/* Whether an organizer entered a bare written score for trainee tid. */
int attempt_paper_entered(struct store *s, sqlite3_int64 tid);

#endif
