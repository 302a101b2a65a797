/*
 * Paper sittings (SPEC section 10): the written test drawn, frozen and
 * printed per trainee, and the answers of a whole sheet stored when they
 * come back, scanned or keyed in.
 *
 * The clock: a printed paper is an attempt in status 'not-started' with its
 * frozen paper (paper_item rows and seed) and no deadline, so lazy expiry
 * never closes it while the sheets travel; printing again finds it and
 * prints the identical paper.  The trainee cannot open it at a terminal
 * (attempt_open refuses a printed paper).  When the answers arrive, one
 * transaction starts the attempt, stores every response, submits and
 * grades it through the attempt core (attempt-int.h), and audits it.
 */
#ifndef FIRSTLINE_PAPER_SITTING_H
#define FIRSTLINE_PAPER_SITTING_H

#include <sqlite3.h>
#include <stddef.h>

#include "attempt.h"

struct store;
struct diag;

/* One trainee's printed paper. */
struct paper_print {
	sqlite3_int64	 trainee_id;
	char		*ticket;
	char		*name;
	char		*community;
	struct attempt	*a;	/* the frozen paper, keys hidden */
	char		*code;	/* answer sheet code (sheet.h), page 1 */
	int		 reprint;	/* printed before: the same paper */
};

struct paper_batch {
	char			*cohort;	/* public id */
	char			*cohort_name;
	struct paper_print	*p;		/* in ticket order */
	size_t			 n;
};

/*
 * Draw and freeze (or find again) the paper of each trainee of cohort to
 * print: the tickets given (ntickets > 0; each must be the cohort's,
 * enrolled, and free to sit on paper, or nothing is drawn), or every
 * enrolled trainee of the cohort (ntickets 0; those who cannot sit on
 * paper are left out, each with the reason in skipped).  Refused: a
 * trainee who is sitting or has sat the written test (at a terminal or on
 * paper), whose written result an organizer entered, a withdrawn trainee,
 * a sealed cohort.  All drawn in one transaction, each audited ("paper
 * print").  0 and *b (free with paper_batch_release), or -1 and *cause.
 */
int paper_sitting_print(struct store *s, const char *cohort,
    char *const *tickets, size_t ntickets, struct paper_batch *b,
    struct diag *skipped, char **cause);
void paper_batch_release(struct paper_batch *b);

/*
 * Store a whole answer sheet of the printed paper attempt_id: responses[i]
 * is item i's response in paper_item.response form ("" unanswered), n the
 * paper's item count; mode "paper-scan" or "paper-keyed"; provenance says
 * where the answers came from ("scan.pdf page 3", "keyed by a and b");
 * actor who stores them (a user name, or "server").  In one transaction:
 * the attempt started, every response stored, submitted, graded, and the
 * event "paper store" written with the provenance and the answers.
 * It joins a transaction the caller has open (then the caller commits,
 * or rolls back after an error), so that what the caller records with
 * the answers (a keyed entry, a settled review) commits with them.
 * Returns 0; ATTEMPT_CLOSED when the attempt was already submitted
 * (nothing written: compare with paper_sitting_load); or -1 and *cause (no
 * printed paper, a withdrawn trainee, a sealed cohort, a wrong count, a
 * malformed response, which names its question).
 */
int paper_sitting_store(struct store *s, sqlite3_int64 attempt_id,
    const char *const *responses, size_t n, const char *mode,
    const char *provenance, const char *actor, char **cause);

/*
 * Attempt attempt_id with its frozen paper and stored responses; the keys
 * are hidden unless it is closed.  0 and *out (attempt_free), or -1.
 */
int paper_sitting_load(struct store *s, sqlite3_int64 attempt_id,
    struct attempt **out, char **cause);

#endif
