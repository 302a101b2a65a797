/*
 * The proctor's view of a cohort's written test, and the organizer's extra
 * time, retakes, unlocking of a ticket kept out by failed logins and new
 * PINs for lost exam slips, each audited.
 */
#include "config.h"

#include "proctor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attempt.h"
#include "cohort.h"
#include "core.h"
#include "store.h"

int
proctor_attempts(struct store *s, const char *cohort, struct table *t,
    char **cause)
{
	static const char *const h[] = { "ticket", "name", "status",
	    "answered", "total", "remaining_s", "attempt", "login_wait_s",
	    "mode" };
	struct cohort c;
	sqlite3_stmt *st;
	const char *row[9];
	char wait[16];
	int i;

	table_init(t, 9, h);
	t->numeric = 0xf8;
	if (cohort_find_due(s, cohort, &c, cause) != 0)
		return -1;
	/* A response is complete when it names as many options as an
	 * ordering question has steps (other types: when not empty). */
	st = store_prepare(s, "SELECT t.ticket, t.name,"
	    " CASE WHEN t.withdrawn_at IS NOT NULL THEN 'withdrawn'"
	    /* A paper printed and waiting for its answer sheet. */
	    "   WHEN a.status = 'not-started' AND EXISTS (SELECT 1 FROM"
	    "   paper_item p WHERE p.attempt_id = a.id) THEN 'printed'"
	    "   ELSE coalesce(a.status, 'not-started') END,"
	    " (SELECT count(*) FROM paper_item p JOIN question q"
	    "   ON q.id = p.question_id WHERE p.attempt_id = a.id"
	    "   AND p.response <> '' AND (q.type <> 'ordering' OR"
	    "   length(p.response) - length(replace(p.response, ',', '')) ="
	    "   length(p.option_order) - length(replace(p.option_order, ',',"
	    "   '')))),"
	    " (SELECT count(*) FROM paper_item p WHERE p.attempt_id = a.id),"
	    " CASE WHEN a.status = 'in-progress' THEN max(0, a.deadline - ?2)"
	    "   ELSE '' END,"
	    " coalesce(a.number, ''),"
	    /* How the written result arrived: the rule of results_written. */
	    " CASE WHEN a.status = 'in-progress' THEN a.mode"
	    "   WHEN (SELECT entry_id FROM written_counts w WHERE"
	    "   w.trainee_id = t.id) IS NOT NULL THEN 'external'"
	    "   WHEN a.status IN ('submitted','expired')"
	    "   THEN a.mode ELSE '' END"
	    " FROM trainee t LEFT JOIN attempt a ON a.trainee_id = t.id"
	    "   AND a.number = (SELECT max(number) FROM attempt"
	    "   WHERE trainee_id = t.id)"
	    " WHERE t.cohort_id = ?1 ORDER BY t.ticket");
	sqlite3_bind_int64(st, 1, c.id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)attempt_now());
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (i = 0; i < 7; i++)
			row[i] = store_text(st, i);
		row[7] = auth_wait_text(s, "ticket", row[0], wait);
		row[8] = store_text(st, 7);
		table_add(t, row);
	}
	sqlite3_finalize(st);
	cohort_release(&c);
	return 0;
}

/*
 * Common start of an action on a sitting: role (at least min), cohort open,
 * trainee.
 */
static int
proctor_begin_as(struct store *s, const struct user *u, enum role min,
    const char *cohort, const char *ticket, struct cohort *c,
    sqlite3_int64 *tid, char **cause)
{
	/* A role value that is not one of ours grants nothing. */
	if ((u->role != ROLE_INSTRUCTOR && u->role != ROLE_ORGANIZER) ||
	    u->role < min) {
		*cause = xasprintf(_("permission denied: %s is an %s; this "
		    "needs an organizer"), u->name, role_label(u->role));
		return -1;
	}
	if (cohort_find_due(s, cohort, c, cause) != 0)
		return -1;
	if (c->sealed) {
		*cause = xasprintf(_("cohort %s is certified and sealed"),
		    cohort);
		cohort_release(c);
		return -1;
	}
	if (store_begin(s, cause) != 0) {
		cohort_release(c);
		return -1;
	}
	if ((*tid = cohort_trainee(s, c, ticket, 1, cause)) == 0) {
		store_rollback(s);
		cohort_release(c);
		return -1;
	}
	return 0;
}

/*
 * Common end of an organizer action: with ok, record action and detail
 * (freed here) in the audit trail and commit; otherwise, or when that
 * fails, roll back.  Releases c.  Returns 0 when committed.
 */
static int
proctor_end(struct store *s, const struct user *u, int ok, const char *action,
    struct cohort *c, sqlite3_int64 tid, char *detail, char **cause)
{
	int rc = -1;

	if (ok && event_add(s, u->name, action, c->id, tid, detail,
	    cause) == 0 && store_commit(s, cause) == 0)
		rc = 0;
	else
		store_rollback(s);
	free(detail);
	cohort_release(c);
	return rc;
}

/* The same for an organizer's action. */
static int
proctor_begin(struct store *s, const struct user *u, const char *cohort,
    const char *ticket, struct cohort *c, sqlite3_int64 *tid, char **cause)
{
	return proctor_begin_as(s, u, ROLE_ORGANIZER, cohort, ticket, c, tid,
	    cause);
}

int
proctor_extend(struct store *s, const struct user *u, const char *cohort,
    const char *ticket, int minutes, const char *reason, long *deadline,
    char **cause)
{
	struct cohort c;
	sqlite3_stmt *st;
	sqlite3_int64 tid, aid = 0;
	int rc;

	if (minutes < 1 || minutes > 240) {
		*cause = xasprintf(_("extra time must be 1 to 240 minutes"));
		return -1;
	}
	if (reason == NULL || *reason == '\0') {
		*cause = xasprintf(_("extra time needs a reason (--reason)"));
		return -1;
	}
	if (fl_name_check(_("reason"), reason, cause) != 0)
		return -1;
	if (proctor_begin(s, u, cohort, ticket, &c, &tid, cause) != 0)
		return -1;
	st = store_prepare(s, "SELECT id, deadline FROM attempt"
	    " WHERE trainee_id = ?1 AND status = 'in-progress'");
	sqlite3_bind_int64(st, 1, tid);
	if (sqlite3_step(st) == SQLITE_ROW) {
		aid = sqlite3_column_int64(st, 0);
		*deadline = (long)sqlite3_column_int64(st, 1) + minutes * 60;
	}
	sqlite3_finalize(st);
	if (aid == 0) {
		*cause = xasprintf(_("ticket %s has no written test in "
		    "progress (extra time is given during the sitting)"),
		    ticket);
		goto fail;
	}
	st = store_prepare(s, "UPDATE attempt SET deadline = ?2 WHERE id = ?1");
	sqlite3_bind_int64(st, 1, aid);
	sqlite3_bind_int64(st, 2, *deadline);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		*cause = store_error(s, "cannot extend");
	return proctor_end(s, u, rc == SQLITE_DONE, "attempt extend", &c, tid,
	    xasprintf("ticket %s: +%d min: %s", ticket, minutes, reason),
	    cause);
fail:
	return proctor_end(s, u, 0, NULL, &c, tid, NULL, cause);
}

int
proctor_retake(struct store *s, const struct user *u, const char *cohort,
    const char *ticket, int *number, char **cause)
{
	struct cohort c;
	sqlite3_stmt *st;
	sqlite3_int64 tid;
	const char *status = NULL;
	int last = 0, tenths = 0, pass = 60, retakes = 1, rc;

	if (proctor_begin(s, u, cohort, ticket, &c, &tid, cause) != 0)
		return -1;
	st = store_prepare(s, "SELECT a.number, a.status, coalesce(a.tenths, 0),"
	    " e.written_pass, e.retakes FROM attempt a"
	    " JOIN trainee t ON t.id = a.trainee_id"
	    " JOIN cohort c ON c.id = t.cohort_id"
	    " JOIN exam_version e ON e.id = c.exam_version_id"
	    " WHERE a.trainee_id = ?1 ORDER BY a.number DESC LIMIT 1");
	sqlite3_bind_int64(st, 1, tid);
	if (sqlite3_step(st) == SQLITE_ROW) {
		last = sqlite3_column_int(st, 0);
		status = xstrdup(store_text(st, 1));
		tenths = sqlite3_column_int(st, 2);
		pass = sqlite3_column_int(st, 3);
		retakes = sqlite3_column_int(st, 4);
	}
	sqlite3_finalize(st);
	if (status == NULL || strcmp(status, "in-progress") == 0 ||
	    strcmp(status, "not-started") == 0) {
		*cause = xasprintf(_("ticket %s has no finished written test "
		    "to retake"), ticket);
		goto fail;
	}
	if (tenths >= pass * 10) {
		*cause = xasprintf(_("ticket %s passed the written test "
		    "(%d.%d%%); a retake is only for a failed test"), ticket,
		    tenths / 10, tenths % 10);
		goto fail;
	}
	if (last - 1 >= retakes) {
		*cause = xasprintf(ngettext("ticket %s has used the %d retake "
		    "the exam allows", "ticket %s has used the %d retakes the "
		    "exam allows", (unsigned long)retakes), ticket, retakes);
		goto fail;
	}
	st = store_prepare(s, "INSERT INTO attempt (trainee_id, number, seed,"
	    " status, started_at, deadline) VALUES (?1, ?2, 0, 'not-started',"
	    " 0, 0)");
	sqlite3_bind_int64(st, 1, tid);
	sqlite3_bind_int(st, 2, last + 1);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		*cause = store_error(s, "cannot create the retake");
	free((char *)status);
	if (proctor_end(s, u, rc == SQLITE_DONE, "attempt retake", &c, tid,
	    xasprintf("ticket %s: written attempt %d", ticket, last + 1),
	    cause) != 0)
		return -1;
	*number = last + 1;
	return 0;
fail:
	free((char *)status);
	return proctor_end(s, u, 0, NULL, &c, tid, NULL, cause);
}

int
proctor_unlock(struct store *s, const struct user *u, const char *cohort,
    const char *ticket, int *cleared, char **cause)
{
	struct cohort c;
	sqlite3_int64 tid;
	int rc;

	*cleared = 0;
	if (proctor_begin_as(s, u, ROLE_INSTRUCTOR, cohort, ticket, &c, &tid,
	    cause) != 0)
		return -1;
	rc = auth_clear(s, "ticket", ticket, cause);
	*cleared = rc > 0 ? rc : 0;
	return proctor_end(s, u, rc >= 0, "login unlock", &c, tid,
	    xasprintf("ticket %s: %d failed logins cleared", ticket,
	    *cleared), cause);
}

int
proctor_reset_pin(struct store *s, const struct user *u, const char *cohort,
    const char *ticket, struct table *t, roster_hook before_commit,
    void *arg, char **cause)
{
	static const char *const h[] = { "ticket", "name", "community",
	    "pin" };
	struct cohort c;
	sqlite3_stmt *st;
	sqlite3_int64 tid;
	const char *row[4];
	char pin[7], *hash = NULL;
	int rc, ok = 0;

	table_init(t, 4, h);
	/* Hashing takes a while: before the write lock, not under it. */
	roster_new_pin(pin);
	if ((hash = auth_hash(pin)) == NULL) {
		explicit_bzero(pin, sizeof pin);
		*cause = xasprintf(_("cannot hash the PIN"));
		return -1;
	}
	if (proctor_begin(s, u, cohort, ticket, &c, &tid, cause) != 0) {
		explicit_bzero(pin, sizeof pin);
		free(hash);
		return -1;
	}
	st = store_prepare(s, "UPDATE trainee SET pin_hash = ?2 WHERE id = ?1"
	    " RETURNING ticket, name, community");
	sqlite3_bind_int64(st, 1, tid);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row[0] = store_text(st, 0);
		row[1] = store_text(st, 1);
		row[2] = store_text(st, 2);
		row[3] = pin;
		table_add(t, row);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		*cause = store_error(s, "cannot store the new PIN");
	else if (auth_clear(s, "ticket", ticket, cause) >= 0)
		ok = before_commit == NULL || before_commit(t, arg, cause) == 0;
	explicit_bzero(pin, sizeof pin);
	free(hash);
	rc = proctor_end(s, u, ok, "pin reset", &c, tid,
	    xasprintf("ticket %s: new PIN issued", ticket), cause);
	if (rc != 0) {
		table_release(t);
		table_init(t, 4, h);
	}
	return rc;
}
