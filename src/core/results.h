/*
 * Results and the cohort rules (SPEC section 7): each trainee's components
 * (written, practical, simulation) as percentages in tenths, the weighted
 * total, the class (excellent, pass, fail, absent, withdrawn), and the
 * cohort's pass and excellence rates against the exam's rules.  Integer
 * arithmetic only: percentages round half-up to one decimal, rates are
 * truncated, and the comparison is passes * 100 >= rate * n.
 */
#ifndef FIRSTLINE_RESULTS_H
#define FIRSTLINE_RESULTS_H

#include <sqlite3.h>
#include <stddef.h>

#include "auth.h"
#include "table.h"

struct store;

enum component_kind { COMP_WRITTEN, COMP_PRACTICAL, COMP_SIMULATION };
#define COMP_COUNT 3

enum trainee_class {
	CLASS_EXCELLENT,
	CLASS_PASS,
	CLASS_FAIL,
	CLASS_ABSENT,
	CLASS_WITHDRAWN,
};

/*
 * A station (rubric) that failed on its own: below the rubric's pass mark
 * (in marks) or a critical item missed.
 */
struct station_fail {
	char	rubric[64];
	int	total, max, pass;	/* marks */
	int	critical_missed;
};
#define RESULT_MAX_FAILS 4

struct component_result {
	int	present;	/* every required part recorded */
	int	tenths;
	int	passed;
	int	retake;		/* a retake was needed */
	int	critical_missed;
	/*
	 * Written: how the result arrived, "terminal", "browser",
	 * "paper-scan", "paper-keyed" (attempt.mode) or "external" (an
	 * organizer's percentage); "" when not present.
	 */
	char	mode[16];
	/* Practical, simulation: the counted stations that failed. */
	struct station_fail	fails[RESULT_MAX_FAILS];
	int			nfails;
};

struct trainee_result {
	char			*ticket;
	char			*name;
	char			*community;
	char			*group;
	struct component_result	 comp[COMP_COUNT];
	int			 has_total;
	int			 total_tenths;	/* weighted */
	int			 retake;
	enum trainee_class	 cls;
	char			 verify[16];	/* certificate code, or "" */
};

struct module_mean {
	char	*module;
	char	*title;		/* the module's title in the reader's language */
	int	 tenths;		/* mean written score of the module */
	int	 attempts;
};

/* Bands of the total: <60, 60-69.9, 70-79.9, 80-89.9, >=90. */
#define RESULT_BANDS 5

struct cohort_result {
	char			*cohort;
	char			*name;
	char			*exam;
	char			*exam_title;
	char			*created;
	char			*sealed_at;	/* NULL when open */
	char			*sealed_by;
	int			 weights[COMP_COUNT];
	int			 pass_marks[COMP_COUNT];
	int			 excellent;	/* total threshold, percent */
	int			 rule_pass;	/* cohort pass rate, percent */
	int			 rule_excellent;
	struct trainee_result	*trainees;
	size_t			 ntrainees;
	int			 enrolled, withdrawn, n;
	int			 passes, excellents, absents, in_progress;
	int			 pass_rate_tenths;	/* truncated */
	int			 excellence_rate_tenths;
	int			 meets_pass, meets_excellence;
	int			 need_passes, need_excellents;
	struct module_mean	*means;
	size_t			 nmeans;
	int			 bands[RESULT_BANDS];
};

const char *class_name(enum trainee_class c);

/*
 * Why trainee t of r has its class, for the people who plan retraining:
 * for fail each component missing, with a critical item missed or below
 * its pass mark ("practical: a critical item missed; written below 60");
 * for absent "nothing recorded"; for pass what kept it from excellent; ""
 * otherwise.  The caller frees it.
 */
char *results_note(const struct cohort_result *r,
    const struct trainee_result *t);

/*
 * Compute the results of cohort (closing attempts past their deadline
 * first).  Returns 0 and r (free with results_release), or -1 and *cause.
 */
int results_compute(struct store *s, const char *cohort,
    struct cohort_result *r, char **cause);
void results_release(struct cohort_result *r);

/*
 * The verdict as a sentence, the same in text and PDF: "Verdict: meets the
 * rules", or "Verdict: below the rules: needs 2 more passes, needs 1 more
 * excellent" (in the reader's language).  The caller frees it.
 */
char *results_verdict(const struct cohort_result *r);

/* Half-up percentage in tenths of part over whole (0 when whole is 0). */
int results_half_up(long part, long whole);
/*
 * The class and total of t from its components, under r's weights and
 * excellence threshold; any_record is 0 for a trainee with nothing recorded
 * (absent).
 */
void results_classify(const struct cohort_result *r,
    struct trainee_result *t, int any_record);
/* The cohort verdict's arithmetic alone (exposed for tests). */
void results_rates(struct cohort_result *r);

/*
 * ticket,name,community,group,written,practical,simulation,total,class,
 * retake (percentages with one decimal, empty when missing), with with_note
 * the note (results_note), and last the mode (how the written result
 * arrived, component_result.mode).
 */
void results_table(const struct cohort_result *r, int with_note,
    struct table *t);
/*
 * cohort,enrolled,withdrawn,n,passes,pass_rate,excellents,excellence_rate,
 * verdict.
 */
void results_summary(const struct cohort_result *r, struct table *t);
/* The same in two steps: the header, then one row per cohort. */
void results_summary_header(struct table *t);
void results_summary_row(const struct cohort_result *r, struct table *t);
/* "95.0" from tenths. */
void results_tenths(int tenths, char buf[16]);

/*
 * Certify cohort as u (an organizer): refuse while any trainee is still
 * sitting, compute, and seal when both rules are met.  Returns 0 (sealed),
 * 1 (below the rules: r says by how much), or -1 with *cause.  r is filled
 * in the first two cases.
 */
int cohort_certify(struct store *s, const struct user *u, const char *cohort,
    struct cohort_result *r, char **cause);

/* Withdraw ticket from cohort (an organizer, with a reason). */
int cohort_withdraw(struct store *s, const struct user *u,
    const char *cohort, const char *ticket, const char *reason, char **cause);

/*
 * The summary row of every cohort (the columns of results_summary, cohorts
 * in id order), computed for the whole city at once: a few set-wide
 * queries instead of several per trainee, the same rules (results_classify,
 * results_rates).  Closes attempts past their deadline first.  Returns 0,
 * or -1 with *cause.  Unless NULL, *below gets the number of communities
 * with fewer than COVERAGE_MINIMUM certified responders and *communities
 * how many there are (each costs a pass over the trainees).
 */
int results_city(struct store *s, struct table *t, long *below,
    long *communities, char **cause);

/* Certified responders every community should have (SPEC section 1). */
#define COVERAGE_MINIMUM 15

/*
 * community,certified,enrolled,needed for every community (as named in the
 * rosters) with fewer than minimum trainees passed in certified cohorts.
 */
void results_coverage(struct store *s, int minimum, struct table *t);

#endif
