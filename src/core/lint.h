/*
 * Test-design lint of question banks (bank check): what lets a trainee who
 * knows nothing beat chance, or lets one question give another away.
 *
 *   longest key   in more than LINT_LONGEST_MAX percent of a bank's
 *                 single-choice questions the key is strictly the longest
 *                 option (display width, per language); the same for the
 *                 shortest; and, as a warning even when strict, the key
 *                 the longest in fewer than LINT_LONGEST_MIN percent
 *                 ("never the longest" is a cue too);
 *   near-duplicates  two questions of the course whose similarity (below)
 *                 is at least LINT_DUP_THRESHOLD, unless either declares
 *                 the other in pair="...";
 *   difficulty    such a pair rated at different difficulties;
 *   negative true/false  a true/false stem that is negative in both
 *                 languages (a double negative when the answer is false);
 *   type marker   a multiple-choice stem that says so itself ("（多选）",
 *                 "(Select all that apply.)"): the terminal, the browser
 *                 and the printed booklet show the type above every stem.
 *
 * Similarity of two questions: for each language, the cosine of their
 * feature sets weighted by inverse document frequency over all the
 * questions given (so "which of these is correct" counts for little and a
 * rare phrase for much); features are character bigrams of the Chinese
 * text (letters and digits only) and words of the English text (lower
 * case, a plural s dropped).  It is computed on the stem alone and on the
 * stem with the correct options; the score is the mean of those four
 * cosines.  doc/question-banks.md says how the threshold was chosen.
 */
#ifndef FIRSTLINE_LINT_H
#define FIRSTLINE_LINT_H

#include <stddef.h>

#include "content.h"
#include "diag.h"

#define LINT_LONGEST_MAX	35	/* percent of single-choice questions */
#define LINT_LONGEST_MIN	10	/* below: a warning, never an error */
#define LINT_MIN_SAMPLE		20	/* single-choice questions for that */
/*
 * Whether a shortest-key share over LINT_LONGEST_MAX is an error with
 * --strict (1, since the shipped banks meet it) or a warning only (0).
 */
#define LINT_SHORTEST_STRICT	1
#define LINT_DUP_THRESHOLD	0.40
/*
 * Up to this many questions every pair is compared; above it, only pairs
 * that share a feature held by at most 1 in 20 questions (lint.c).
 */
#define LINT_PAIRWISE_MAX	3000

/* Per bank: how often the key is the longest option. */
struct lint_bank {
	const struct bank	*bank;
	size_t			 nsingle;
	size_t			 longest_zh;
	size_t			 longest_en;
	size_t			 shortest_zh;
	size_t			 shortest_en;
};

struct lint_stats {
	struct lint_bank	*banks;		/* one per bank of the set */
	size_t			 nbanks;
	size_t			 duplicates;	/* near-duplicate pairs found */
	size_t			 declared;	/* alike pairs declared (pair=) */
	size_t			 difficulty;	/* of the duplicates, rated apart */
	size_t			 negative;	/* negative true/false stems */
	size_t			 ntruefalse;
	size_t			 markers;	/* stems saying it's multiple */
	size_t			 findings;	/* messages added (errors if strict) */
	size_t			 advisories;	/* warnings even when strict */
};

/*
 * Lint every bank of set; each finding goes to d as "FILE:LINE: warning:
 * question ID: ..." (or "error:" when strict), each advisory as a
 * warning.  stats (may be NULL) gets the figures; release it with
 * lint_stats_release.  Returns the number of findings (not advisories).
 */
size_t lint_content(const struct content_set *set, int strict,
    struct diag *d, struct lint_stats *stats);
void lint_stats_release(struct lint_stats *stats);

/*
 * Whether a true/false statement reads as negative: a negation in the
 * Chinese (不 没 无需 无须 禁止 严禁 勿 未 别) and one in the English (not,
 * no, never, none, nothing, cannot, without, neither, nor, -n't).
 */
int lint_negative(const struct ltext *stem);

/*
 * Which sides of a stem say the question is multiple choice (1 the
 * Chinese, 2 the English, 3 both, 0 none): in the Chinese
 * （多选）, (多选), 【多选】, 多选题, 可多选, 多项选择, 不定项; in the English
 * (any case) "all that apply", "all that are correct", "multiple choice",
 * "multiple answers", "more than one answer", "one or more options" and
 * the like.
 */
int lint_type_marker(const struct ltext *stem);

#endif
