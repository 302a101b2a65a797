/*
 * Cohorts (training batches) and their rosters.  A cohort is bound to the
 * exam definition version current when it was created.  Rosters come from
 * CSV (libcsv): header-driven, all rows or none, every problem reported with
 * its row number; the engine issues tickets and one-time PINs (stored only
 * as yescrypt hashes).
 */
#ifndef FIRSTLINE_COHORT_H
#define FIRSTLINE_COHORT_H

#include <sqlite3.h>

#include "diag.h"
#include "table.h"

struct store;

/* Largest roster accepted, and the longest field. */
#define ROSTER_MAX_ROWS		20000
#define ROSTER_MAX_FIELD	200
/* Fields of a row kept; a wider row is refused (its width still counted). */
#define ROSTER_MAX_COLUMNS	64
#define ROSTER_MAX_BYTES	(8u * 1024u * 1024u)

struct cohort {
	sqlite3_int64	 id;
	char		*cohort;	/* public id */
	char		*name;
	sqlite3_int64	 exam_version_id;
	char		*exam;
	int		 sealed;
};

/*
 * Create a cohort for the current version of exam.  id may be NULL: one is
 * made up (YEAR-NNN).  Returns 0 with *out_id (to free), or -1 and *cause.
 */
int cohort_create(struct store *s, const char *name, const char *exam,
    const char *id, char **out_id, char **cause);
/* Find cohort by public id; -1 and *cause when unknown. */
int cohort_find(struct store *s, const char *cohort, struct cohort *c,
    char **cause);
void cohort_release(struct cohort *c);
/*
 * cohort_find, then close the cohort's attempts past their deadline, so
 * that what follows sees every sitting as it really is.
 */
int cohort_find_due(struct store *s, const char *cohort, struct cohort *c,
    char **cause);
/*
 * The id of ticket in cohort c, or 0 with *cause (unknown; or withdrawn,
 * unless withdrawn_ok).
 */
sqlite3_int64 cohort_trainee(struct store *s, const struct cohort *c,
    const char *ticket, int withdrawn_ok, char **cause);
/* cohort,name,exam,trainees,withdrawn,submitted,status,created */
void cohort_list(struct store *s, struct table *t);

/*
 * Import the roster CSV at path into cohort: all rows or none.  On success
 * returns 0 and t holds ticket,name,community,pin for every new trainee
 * (the only time the PINs exist in clear).  On failure returns -1 with
 * every problem in d as "FILE: row N: message".
 */
int roster_import(struct store *s, const char *cohort, const char *path,
    struct table *t, struct diag *d);
/* The same for len bytes at buf (not copied), named path in messages. */
int roster_import_buffer(struct store *s, const char *cohort,
    const char *path, const char *buf, size_t len, struct table *t,
    struct diag *d);

/*
 * Called with the new trainees (t as above) once they are checked and
 * before the import takes the write lock (it may be slow: it is not
 * holding up anyone sitting a test): returning -1 with *cause enrolls
 * nobody, so what the PINs are printed on (exam slips) can be put in
 * place exactly when the trainees are stored.
 */
typedef int (*roster_hook)(const struct table *t, void *arg, char **cause);
/* roster_import with before_commit (may be NULL) and its arg. */
int roster_import_with(struct store *s, const char *cohort, const char *path,
    struct table *t, struct diag *d, roster_hook before_commit, void *arg);

/* A new one-time PIN: six random digits. */
void roster_new_pin(char pin[7]);

/* What an exam slip says besides the trainee: cohort, exam, time. */
struct cohort_slip {
	char	*cohort;	/* public id */
	char	*name;
	char	*title_zh, *title_en;
	int	 minutes;	/* of the written test */
};
/* The slip heading of cohort; -1 and *cause when it is unknown. */
int cohort_slip(struct store *s, const char *cohort, struct cohort_slip *h,
    char **cause);
void cohort_slip_release(struct cohort_slip *h);

#endif
