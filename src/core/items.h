/*
 * Item analysis of the written test (SPEC section 8), with the definitions
 * of Moodle's quiz statistics (question/classes/statistics/questions/
 * calculator.php and mod/quiz/report/statistics/classes/calculator.php):
 *
 * - per question, over the attempts that drew it: facility (mean score over
 *   the maximum), SD of the score, discrimination index (the correlation
 *   between the item's score and the rest of the test, the attempt's total
 *   minus that item) and discriminative efficiency (the covariance over the
 *   largest covariance the two sets of marks could have, pairing them in
 *   sorted order);
 * - per paper (an exam version): attempts, mean and SD of the totals,
 *   Cronbach's alpha (Moodle's coefficient of internal consistency) over the
 *   paper's slots, error ratio sqrt(1 - alpha) and standard error
 *   SD x sqrt(1 - alpha).
 *
 * Variances divide by n - 1, as Moodle does.  Floating point is fine here:
 * these are statistics, not the pass rules.  A statistic that is undefined
 * (one attempt, or a score that never varies) is NAN in the structures and
 * is shown as "-" in text and empty in CSV, never as "nan".
 *
 * The statistics are pure functions on arrays (items_item_stats,
 * items_paper_stats); items_compute fetches the attempts, scores every item
 * with grade_item (the same rule that graded the attempt) and calls them.
 */
#ifndef FIRSTLINE_ITEMS_H
#define FIRSTLINE_ITEMS_H

#include <sqlite3.h>
#include <stddef.h>

#include "content.h"
#include "table.h"

struct store;

/*
 * Thresholds of the flags, for a mastery test where most trainees are
 * expected to pass.  A question drawn fewer than ITEMS_MIN_DRAWN times, or
 * a paper sat fewer than ITEMS_MIN_ATTEMPTS times, is too small a sample to
 * judge (a correlation over 30 pairs still has a standard error near 0.18).
 */
#define ITEMS_MIN_DRAWN		30
#define ITEMS_MIN_ATTEMPTS	30
#define ITEMS_EASY		0.95	/* facility above: tells nothing */
#define ITEMS_LOW_ALPHA		0.70	/* alpha below: low consistency */

enum item_flag {
	ITEM_EASY = 1u << 0,		/* "easy": facility > ITEMS_EASY */
	ITEM_NEGATIVE = 1u << 1,	/* "negative": check the key */
	ITEM_FEW = 1u << 2,		/* "few": n < ITEMS_MIN_DRAWN */
};

enum paper_flag {
	PAPER_FEW = 1u << 0,		/* "few": n < ITEMS_MIN_ATTEMPTS */
	PAPER_LOW_ALPHA = 1u << 1,	/* "low-alpha": alpha < 0.70 */
};

struct item_stats {
	size_t		 n;		/* times drawn */
	double		 facility;	/* mean score / max, 0 to 1 */
	double		 sd;		/* SD of the score / max */
	double		 discrimination;	/* r(score, rest of test) */
	double		 efficiency;	/* covariance / largest covariance */
	unsigned	 flags;		/* enum item_flag */
};

struct paper_stats {
	size_t		 n;		/* attempts */
	size_t		 k;		/* slots (questions per paper) */
	double		 max;		/* the paper's maximum, in points */
	double		 mean;		/* of the totals, in points */
	double		 sd;		/* of the totals, in points */
	double		 alpha;		/* Cronbach's alpha, at most 1 */
	double		 error_ratio;	/* sqrt(1 - alpha) */
	double		 se;		/* sd * error_ratio, in points */
	unsigned	 flags;		/* enum paper_flag */
};

/*
 * Statistics of one question from n pairs: x[i] its score in attempt i (0
 * to max points) and total[i] that attempt's total (x[i] included).  Sets
 * the flags too.
 */
void items_item_stats(const double *x, const double *total, size_t n,
    double max, struct item_stats *st);
/*
 * Statistics of a paper from the n x k matrix m (row-major): m[i * k + j]
 * is the score (0 to 1 point) of attempt i in slot j.  Sets the flags too.
 */
void items_paper_stats(const double *m, size_t n, size_t k,
    struct paper_stats *st);

/* The flags as lowercase words separated by spaces ("easy few"). */
void items_item_flags(unsigned flags, char *buf, size_t size);
void items_paper_flags(unsigned flags, char *buf, size_t size);

/* A question as analysed: one version of it (bank_version) on one paper. */
struct items_question {
	char		*qid;
	char		*module;
	enum qtype	 type;
	int		 difficulty;
	int		 bank_version;
	size_t		 cell;		/* blueprint line, for the order */
	double		*score;		/* per draw, 0 to 1 point */
	double		*total;		/* the attempt's total, per draw */
	size_t		 n, cap;
	struct item_stats st;
};

/* A paper: the attempts on one exam version. */
struct items_paper {
	char			*exam;
	int			 version;
	char			*title;
	sqlite3_int64		 evid;
	char			**cell_module;	/* blueprint lines */
	int			*cell_difficulty;
	int			*cell_type;	/* enum qtype, -1: any */
	size_t			*cell_count;
	size_t			 ncells;
	size_t			 nslots;	/* sum of the counts */
	double			*m;		/* nattempts x nslots */
	size_t			 nattempts, mcap;
	int			 mismatch;	/* a paper off the blueprint */
	struct items_question	*q;		/* sorted by qid until done */
	size_t			 nq, qcap;
	struct paper_stats	 st;
};

struct items_report {
	char			*cohort;	/* NULL: every cohort */
	int			 first_only;	/* first sittings only */
	struct items_paper	*papers;
	size_t			 npapers;
};

/*
 * Analyse the submitted and expired written attempts of cohort (every
 * cohort when NULL), closing attempts past their deadline first; with
 * first_only, only first sittings (no retakes, which a trainee sits after
 * seeing a paper once).  Papers in exam and version order; questions in
 * blueprint order, then by qid.  Returns 0 and r (free with
 * items_release), or -1 and *cause (an unknown cohort is named).
 */
int items_compute(struct store *s, const char *cohort, int first_only,
    struct items_report *r, char **cause);
void items_release(struct items_report *r);

/*
 * The questions of every paper: qid,module,type,difficulty,drawn,facility,
 * sd,discrimination,efficiency,flags, and when all is set bank_version,
 * exam,exam_version.  undefined is what an undefined statistic shows ("-"
 * or "").
 */
void items_table(const struct items_report *r, const char *undefined,
    int all, struct table *t);
/*
 * One row per paper: exam,exam_version,attempts,questions,mean,sd,alpha,
 * error_ratio,se,flags (mean, sd, se and error_ratio in percent).
 */
void items_summary(const struct items_report *r, const char *undefined,
    struct table *t);
/*
 * One row per bank (module) of each paper, in blueprint order: module,
 * questions,drawn,facility,discrimination,easy,negative,few, and when all
 * is set exam,exam_version.  facility is the share of the marks obtained over every
 * draw of the module's questions; discrimination the mean of the defined
 * discrimination indices of its questions (undefined when none is); easy,
 * negative and few count the questions with that flag.
 */
void items_banks(const struct items_report *r, const char *undefined,
    int all, struct table *t);
/*
 * v with that many decimals and a decimal point whatever the locale;
 * undefined when NAN; never "-0.000".
 */
void items_format(double v, int decimals, const char *undefined,
    char buf[32]);

#endif
