/*
 * Proctoring and organizer actions on written attempts: the live view of a
 * cohort's sittings, extra time, and retakes.  Each action checks the
 * acting user's role here, in the core, and is written to the audit trail.
 */
#ifndef FIRSTLINE_PROCTOR_H
#define FIRSTLINE_PROCTOR_H

#include "auth.h"
#include "cohort.h"
#include "table.h"

struct store;

/*
 * ticket,name,status,answered,total,remaining_s,attempt,login_wait_s,mode
 * for every trainee of cohort (after closing attempts past their deadline;
 * status printed: a paper printed, its answer sheet not stored yet);
 * login_wait_s is how long failed logins keep the ticket out (empty when
 * it may log in); mode is how the written result arrives (attempt.mode:
 * terminal, browser, paper-scan, paper-keyed; external when an organizer
 * entered the percentage, which then counts; empty before a sitting).  -1 and *cause when the cohort is unknown.
 */
int proctor_attempts(struct store *s, const char *cohort, struct table *t,
    char **cause);

/*
 * Give the live attempt of ticket in cohort minutes more (1..240), as u (an
 * organizer), for reason.  Returns 0 with the new deadline in *deadline,
 * or -1 and *cause.
 */
int proctor_extend(struct store *s, const struct user *u, const char *cohort,
    const char *ticket, int minutes, const char *reason, long *deadline,
    char **cause);

/*
 * Allow a retake of a failed written test: a new attempt, drawn when the
 * trainee opens it.  u must be an organizer; the exam's retake limit
 * applies.  Returns 0 and the new attempt number in *number, or -1.
 */
int proctor_retake(struct store *s, const struct user *u, const char *cohort,
    const char *ticket, int *number, char **cause);

/*
 * Let ticket in cohort log in again at once: clear its failed logins, as u
 * (an instructor or organizer: the staff in the exam room; it gives no one
 * a way in, the PIN is still needed), audited.  Returns 0 and how many were cleared in
 * *cleared (0 is not an error), or -1 and *cause.
 */
int proctor_unlock(struct store *s, const struct user *u, const char *cohort,
    const char *ticket, int *cleared, char **cause);

/*
 * Issue ticket in cohort a new one-time PIN, as u (an organizer), audited:
 * the old PIN stops working and the ticket's failed logins are cleared (a
 * lost exam slip).  t gets ticket,name,community,pin; before_commit (may be
 * NULL) sees it first and may refuse, as in roster_import_with.  Returns 0,
 * or -1 and *cause with nothing changed.
 */
int proctor_reset_pin(struct store *s, const struct user *u,
    const char *cohort, const char *ticket, struct table *t,
    roster_hook before_commit, void *arg, char **cause);

#endif
