/*
 * Cohorts: creation, lookup and listing.
 */
#include "config.h"

#include "cohort.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "attempt.h"
#include "auth.h"
#include "core.h"
#include "store.h"

static int
cohort_id_ok(const char *id)
{
	size_t n = strlen(id), i;

	if (n == 0 || n > 32)
		return 0;
	for (i = 0; i < n; i++)
		if (!((id[i] >= 'a' && id[i] <= 'z') ||
		    (id[i] >= 'A' && id[i] <= 'Z') ||
		    (id[i] >= '0' && id[i] <= '9') || id[i] == '-' ||
		    id[i] == '_'))
			return 0;
	return 1;
}

int
cohort_create(struct store *s, const char *name, const char *exam,
    const char *id, char **out_id, char **cause)
{
	sqlite3_stmt *st;
	sqlite3_int64 evid = 0;
	char *made = NULL;
	time_t now = time(NULL);
	struct tm tm;
	int rc;

	*out_id = NULL;
	if (*name == '\0' || strlen(name) > 200) {
		*cause = xasprintf(_("a cohort name must have 1 to 200 "
		    "bytes"));
		return -1;
	}
	if (fl_name_check(_("cohort name"), name, cause) != 0)
		return -1;
	if (id != NULL && !cohort_id_ok(id)) {
		*cause = xasprintf(_("cohort id '%s' must be 1 to 32 letters, "
		    "digits, '-' or '_'"), id);
		return -1;
	}
	if (store_begin(s, cause) != 0)
		return -1;
	st = store_prepare(s, "SELECT id FROM current_exam WHERE exam = ?1");
	sqlite3_bind_text(st, 1, exam, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		evid = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (evid == 0) {
		*cause = xasprintf(_("no exam %s is loaded (see 'firstline "
		    "exam list')"), exam);
		goto fail;
	}
	if (id == NULL) {
		/* The year where the organizer is (a Beijing 1 January). */
		localtime_r(&now, &tm);
		st = store_prepare(s, "SELECT count(*) + 1 FROM cohort");
		sqlite3_step(st);
		made = xasprintf("%04d-%03lld", tm.tm_year + 1900,
		    (long long)sqlite3_column_int64(st, 0));
		sqlite3_finalize(st);
		id = made;
	}
	st = store_prepare(s, "INSERT INTO cohort (cohort, name,"
	    " exam_version_id) VALUES (?1, ?2, ?3)");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, evid);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		if (rc == SQLITE_CONSTRAINT_UNIQUE)
			*cause = xasprintf(_("cohort %s already exists"), id);
		else
			*cause = store_error(s, "cannot create the cohort");
		goto fail;
	}
	if (event_add(s, "server", "cohort create",
	    sqlite3_last_insert_rowid(s->db), 0, name, cause) != 0)
		goto fail;
	if (store_commit(s, cause) != 0)
		goto fail;
	*out_id = made != NULL ? made : xstrdup(id);
	return 0;
fail:
	store_rollback(s);
	free(made);
	return -1;
}

int
cohort_find(struct store *s, const char *cohort, struct cohort *c,
    char **cause)
{
	sqlite3_stmt *st;
	int rc = -1;

	memset(c, 0, sizeof *c);
	st = store_prepare(s, "SELECT c.id, c.cohort, c.name,"
	    " c.exam_version_id, e.exam, c.sealed_at IS NOT NULL"
	    " FROM cohort c JOIN exam_version e ON e.id = c.exam_version_id"
	    " WHERE c.cohort = ?1");
	sqlite3_bind_text(st, 1, cohort, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		c->id = sqlite3_column_int64(st, 0);
		c->cohort = xstrdup(store_text(st, 1));
		c->name = xstrdup(store_text(st, 2));
		c->exam_version_id = sqlite3_column_int64(st, 3);
		c->exam = xstrdup(store_text(st, 4));
		c->sealed = sqlite3_column_int(st, 5);
		rc = 0;
	} else
		*cause = xasprintf(_("no cohort %s (see 'firstline cohort "
		    "list')"), cohort);
	sqlite3_finalize(st);
	return rc;
}

int
cohort_slip(struct store *s, const char *cohort, struct cohort_slip *h,
    char **cause)
{
	struct cohort c;
	sqlite3_stmt *st;

	memset(h, 0, sizeof *h);
	if (cohort_find(s, cohort, &c, cause) != 0)
		return -1;
	st = store_prepare(s, "SELECT title_zh, title_en, minutes"
	    " FROM exam_version WHERE id = ?1");
	sqlite3_bind_int64(st, 1, c.exam_version_id);
	sqlite3_step(st);
	h->title_zh = xstrdup(store_text(st, 0));
	h->title_en = xstrdup(store_text(st, 1));
	h->minutes = sqlite3_column_int(st, 2);
	sqlite3_finalize(st);
	h->cohort = c.cohort;
	h->name = c.name;
	free(c.exam);
	return 0;
}

void
cohort_slip_release(struct cohort_slip *h)
{
	free(h->cohort);
	free(h->name);
	free(h->title_zh);
	free(h->title_en);
	memset(h, 0, sizeof *h);
}

int
cohort_find_due(struct store *s, const char *cohort, struct cohort *c,
    char **cause)
{
	if (cohort_find(s, cohort, c, cause) != 0)
		return -1;
	if (attempt_expire_due(s, c->id, cause) < 0) {
		cohort_release(c);
		return -1;
	}
	return 0;
}

sqlite3_int64
cohort_trainee(struct store *s, const struct cohort *c, const char *ticket,
    int withdrawn_ok, char **cause)
{
	sqlite3_stmt *st;
	sqlite3_int64 id = 0;

	st = store_prepare(s, "SELECT id, withdrawn_at IS NOT NULL FROM"
	    " trainee WHERE cohort_id = ?1 AND ticket = ?2");
	sqlite3_bind_int64(st, 1, c->id);
	sqlite3_bind_text(st, 2, ticket, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW)
		*cause = xasprintf(_("no ticket %s in cohort %s"), ticket,
		    c->cohort);
	else if (sqlite3_column_int(st, 1) && !withdrawn_ok)
		*cause = xasprintf(_("ticket %s was withdrawn from cohort %s"),
		    ticket, c->cohort);
	else
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

void
cohort_release(struct cohort *c)
{
	free(c->cohort);
	free(c->name);
	free(c->exam);
	memset(c, 0, sizeof *c);
}

void
cohort_list(struct store *s, struct table *t)
{
	static const char *const h[] = { "cohort", "name", "exam",
	    "trainees", "withdrawn", "submitted", "status", "created" };
	sqlite3_stmt *st;
	const char *row[8];
	int i;

	table_init(t, 8, h);
	t->numeric = 0x38;
	st = store_prepare(s, "SELECT c.cohort, c.name, e.exam,"
	    " (SELECT count(*) FROM trainee WHERE cohort_id = c.id),"
	    " (SELECT count(*) FROM trainee WHERE cohort_id = c.id"
	    "   AND withdrawn_at IS NOT NULL),"
	    " (SELECT count(DISTINCT a.trainee_id) FROM attempt a"
	    "   JOIN trainee tr ON tr.id = a.trainee_id"
	    "   WHERE tr.cohort_id = c.id AND a.status <> 'in-progress'),"
	    " CASE WHEN c.sealed_at IS NULL THEN 'open' ELSE 'sealed' END,"
	    " c.created_at"
	    " FROM cohort c JOIN exam_version e ON e.id = c.exam_version_id"
	    " ORDER BY c.id");
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (i = 0; i < 8; i++)
			row[i] = store_text(st, i);
		table_add(t, row);
	}
	sqlite3_finalize(st);
}
