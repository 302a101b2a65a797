/*
 * Papers: drawing a trainee's written paper from the exam blueprint, and
 * reading a frozen paper back.
 *
 * A paper has, for every blueprint line (module, type or any type,
 * difficulty, count), count questions of that type and difficulty chosen
 * from the module's current version; questions are grouped
 * by module in blueprint order and shuffled within their module, and each
 * question's options (or ordering steps) are shuffled.  Everything follows
 * from the seed, so the same seed on the same bank versions draws the same
 * paper.  The draw is stored as paper_item rows (question id and display
 * order); question rows never change, so the paper is frozen.
 */
#ifndef FIRSTLINE_PAPER_H
#define FIRSTLINE_PAPER_H

#include <sqlite3.h>
#include <stdint.h>

#include "attempt.h"

struct store;

/* One drawn question: which, and the order its options are shown in. */
struct paper_draw {
	sqlite3_int64	 question_id;
	char		*module;
	int		 order[8];	/* display position -> option seq */
	int		 noptions;
};

/*
 * Draw a paper for exam version evid with seed.  Returns the number of
 * questions and *out (free with paper_draws_free), or -1 and *cause when a
 * module cannot satisfy the blueprint.
 */
long paper_draw(struct store *s, sqlite3_int64 evid, uint64_t seed,
    struct paper_draw **out, char **cause);
void paper_draws_free(struct paper_draw *d, long n);

/* Store draws as the paper of attempt aid (inside a transaction). */
int paper_store(struct store *s, sqlite3_int64 aid,
    const struct paper_draw *d, long n, char **cause);

/* Load the frozen paper of a (a->id set) into a->items. */
int paper_load(struct store *s, struct attempt *a, char **cause);
/* Free the items of a paper. */
void paper_items_free(struct paper_item *items, size_t n);

#endif
