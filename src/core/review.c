/*
 * The review queue of scanned sheets (review.h): adding entries, listing
 * them with their items, settling or dismissing them, in the audit trail.
 */
#include "config.h"

#include "review.h"

#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "core.h"
#include "store.h"

const char *
review_status_name(enum review_status st)
{
	switch (st) {
	case REVIEW_OPEN:
		return "open";
	case REVIEW_SETTLED:
		return "settled";
	case REVIEW_DISMISSED:
		return "dismissed";
	}
	return "?";
}

static enum review_status
review_status_parse(const char *s)
{
	if (strcmp(s, "settled") == 0)
		return REVIEW_SETTLED;
	if (strcmp(s, "dismissed") == 0)
		return REVIEW_DISMISSED;
	return REVIEW_OPEN;
}

/* Begin a transaction unless the caller has one open (*own says which). */
static int
review_begin(struct store *s, int *own, char **cause)
{
	*own = sqlite3_get_autocommit(s->db) != 0;
	return *own ? store_begin(s, cause) : 0;
}

/* End what review_begin began: commit on rc == 0, else roll back. */
static int
review_end(struct store *s, int own, int rc, char **cause)
{
	if (!own)
		return rc;
	if (rc == 0 && store_commit(s, cause) == 0)
		return 0;
	store_rollback(s);
	return -1;
}

/* The cohort and trainee of attempt aid; -1 if there is no such attempt. */
static int
review_who(struct store *s, sqlite3_int64 aid, sqlite3_int64 *cohort_id,
    sqlite3_int64 *trainee_id)
{
	sqlite3_stmt *st;
	int rc = -1;

	st = store_prepare(s, "SELECT t.cohort_id, t.id FROM attempt a"
	    " JOIN trainee t ON t.id = a.trainee_id WHERE a.id = ?1");
	sqlite3_bind_int64(st, 1, aid);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*cohort_id = sqlite3_column_int64(st, 0);
		*trainee_id = sqlite3_column_int64(st, 1);
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

int
review_add(struct store *s, sqlite3_int64 aid, const char *source, int page,
    int sheet_page, const char *reason, const struct review_item *items,
    size_t nitems, const char *image, const char *actor, sqlite3_int64 *id,
    char **cause)
{
	sqlite3_stmt *st;
	sqlite3_int64 cohort_id, trainee_id, rid;
	char *detail;
	size_t i, ndoubt = 0;
	int own, rc = 0;

	if (review_who(s, aid, &cohort_id, &trainee_id) != 0) {
		*cause = xasprintf(_("there is no attempt %lld"),
		    (long long)aid);
		return -1;
	}
	if (review_begin(s, &own, cause) != 0)
		return -1;
	st = store_prepare(s, "INSERT INTO paper_review (attempt_id, source,"
	    " page, sheet_page, reason, image) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	sqlite3_bind_int64(st, 1, aid);
	sqlite3_bind_text(st, 2, source, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, page);
	sqlite3_bind_int(st, 4, sheet_page);
	sqlite3_bind_text(st, 5, reason ? reason : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, image ? image : "", -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		*cause = store_error(s, "cannot add the review entry");
		rc = -1;
	}
	sqlite3_finalize(st);
	rid = sqlite3_last_insert_rowid(s->db);
	st = store_prepare(s, "INSERT INTO paper_review_item (review_id, item,"
	    " doubt, response, seen) VALUES (?1, ?2, ?3, ?4, ?5)");
	for (i = 0; rc == 0 && i < nitems; i++) {
		const struct review_item *it = &items[i];

		sqlite3_bind_int64(st, 1, rid);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)it->item);
		sqlite3_bind_int(st, 3, it->doubt ? 1 : 0);
		if (it->doubt || it->response == NULL)
			sqlite3_bind_null(st, 4);
		else
			sqlite3_bind_text(st, 4, it->response, -1,
			    SQLITE_STATIC);
		sqlite3_bind_text(st, 5, it->seen ? it->seen : "", -1,
		    SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			*cause = store_error(s, "cannot add the review entry");
			rc = -1;
		}
		sqlite3_reset(st);
		ndoubt += it->doubt != 0;
	}
	sqlite3_finalize(st);
	if (rc == 0) {
		detail = xasprintf("review %lld: %s page %d, %zu in doubt%s%s",
		    (long long)rid, source, page, ndoubt,
		    reason && *reason ? "; " : "", reason ? reason : "");
		rc = event_add(s, actor, "paper review opened", cohort_id,
		    trainee_id, detail, cause);
		free(detail);
	}
	if (review_end(s, own, rc, cause) != 0)
		return -1;
	if (id != NULL)
		*id = rid;
	return 0;
}

#define REVIEW_COLUMNS \
	"r.id, r.attempt_id, t.id, c.cohort, t.ticket, t.name, r.source," \
	" r.page, r.sheet_page, r.reason, r.image, r.status, r.created_at," \
	" coalesce(r.closed_at, ''), coalesce(r.closed_by, ''), r.note" \
	" FROM paper_review r JOIN attempt a ON a.id = r.attempt_id" \
	" JOIN trainee t ON t.id = a.trainee_id" \
	" JOIN cohort c ON c.id = t.cohort_id"

/* Fill r from a row of REVIEW_COLUMNS and load its items. */
static void
review_row(struct store *s, sqlite3_stmt *st, struct review *r)
{
	sqlite3_stmt *is;
	size_t cap = 0;

	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->attempt_id = sqlite3_column_int64(st, 1);
	r->trainee_id = sqlite3_column_int64(st, 2);
	r->cohort = xstrdup(store_text(st, 3));
	r->ticket = xstrdup(store_text(st, 4));
	r->name = xstrdup(store_text(st, 5));
	r->source = xstrdup(store_text(st, 6));
	r->page = sqlite3_column_int(st, 7);
	r->sheet_page = sqlite3_column_int(st, 8);
	r->reason = xstrdup(store_text(st, 9));
	r->image = xstrdup(store_text(st, 10));
	r->status = review_status_parse(store_text(st, 11));
	r->created_at = xstrdup(store_text(st, 12));
	r->closed_at = xstrdup(store_text(st, 13));
	r->closed_by = xstrdup(store_text(st, 14));
	r->note = xstrdup(store_text(st, 15));
	is = store_prepare(s, "SELECT item, doubt, response, seen"
	    " FROM paper_review_item WHERE review_id = ?1 ORDER BY item");
	sqlite3_bind_int64(is, 1, r->id);
	while (sqlite3_step(is) == SQLITE_ROW) {
		struct review_item *it;

		xgrow(&r->items, &cap, r->nitems + 1, sizeof *r->items);
		it = &r->items[r->nitems++];
		it->item = (size_t)sqlite3_column_int64(is, 0);
		it->doubt = sqlite3_column_int(is, 1);
		it->response = sqlite3_column_type(is, 2) == SQLITE_NULL ?
		    NULL : xstrdup(store_text(is, 2));
		it->seen = xstrdup(store_text(is, 3));
	}
	sqlite3_finalize(is);
}

int
review_list(struct store *s, const char *cohort, int open_only,
    struct review **out, size_t *n, char **cause)
{
	sqlite3_stmt *st;
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	st = store_prepare(s, "SELECT 1 FROM cohort WHERE cohort = ?1");
	sqlite3_bind_text(st, 1, cohort, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		*cause = xasprintf(_("no cohort %s"), cohort);
		return -1;
	}
	sqlite3_finalize(st);
	st = store_prepare(s, "SELECT " REVIEW_COLUMNS
	    " WHERE c.cohort = ?1 AND (?2 = 0 OR r.status = 'open')"
	    " ORDER BY r.id");
	sqlite3_bind_text(st, 1, cohort, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, open_only);
	while (sqlite3_step(st) == SQLITE_ROW) {
		xgrow(out, &cap, *n + 1, sizeof **out);
		review_row(s, st, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	return 0;
}

int
review_get(struct store *s, sqlite3_int64 id, struct review *out,
    char **cause)
{
	sqlite3_stmt *st;
	int rc = -1;

	st = store_prepare(s, "SELECT " REVIEW_COLUMNS " WHERE r.id = ?1");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		review_row(s, st, out);
		rc = 0;
	} else
		*cause = xasprintf(_("there is no review entry %lld"),
		    (long long)id);
	sqlite3_finalize(st);
	return rc;
}

void
review_release(struct review *r)
{
	size_t i;

	if (r == NULL)
		return;
	free(r->cohort);
	free(r->ticket);
	free(r->name);
	free(r->source);
	free(r->reason);
	free(r->image);
	free(r->created_at);
	free(r->closed_at);
	free(r->closed_by);
	free(r->note);
	for (i = 0; i < r->nitems; i++) {
		free(r->items[i].response);
		free(r->items[i].seen);
	}
	free(r->items);
	memset(r, 0, sizeof *r);
}

void
reviews_free(struct review *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		review_release(&r[i]);
	free(r);
}

int
review_open_count(struct store *s, sqlite3_int64 aid)
{
	sqlite3_stmt *st;
	int n = 0;

	st = store_prepare(s, "SELECT count(*) FROM paper_review"
	    " WHERE attempt_id = ?1 AND status = 'open'");
	sqlite3_bind_int64(st, 1, aid);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Close the open entries of attempt aid (id 0) or entry id, as status. */
static int
review_close(struct store *s, sqlite3_int64 aid, sqlite3_int64 id,
    const char *status, const char *by, const char *note, char **cause)
{
	sqlite3_stmt *st;
	sqlite3_int64 cohort_id = 0, trainee_id = 0;
	char *detail;
	int own, rc = 0, n = 0;

	if (review_begin(s, &own, cause) != 0)
		return -1;
	if (id != 0) {
		st = store_prepare(s, "SELECT attempt_id, status FROM"
		    " paper_review WHERE id = ?1");
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) != SQLITE_ROW) {
			*cause = xasprintf(_("there is no review entry %lld"),
			    (long long)id);
			rc = -1;
		} else if (strcmp(store_text(st, 1), "open") != 0) {
			*cause = xasprintf(_("review entry %lld is already "
			    "%s"), (long long)id, store_text(st, 1));
			rc = -1;
		} else
			aid = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (rc == 0 && review_who(s, aid, &cohort_id, &trainee_id) != 0) {
		*cause = xasprintf(_("there is no attempt %lld"),
		    (long long)aid);
		rc = -1;
	}
	if (rc == 0) {
		st = store_prepare(s, "UPDATE paper_review SET status = ?1,"
		    " closed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now'),"
		    " closed_by = ?2, note = ?3"
		    " WHERE status = 'open' AND (?4 = 0 AND attempt_id = ?5"
		    "   OR id = ?4)");
		sqlite3_bind_text(st, 1, status, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, by, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, note ? note : "", -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, id);
		sqlite3_bind_int64(st, 5, aid);
		if (sqlite3_step(st) != SQLITE_DONE) {
			*cause = store_error(s, "cannot close the review "
			    "entry");
			rc = -1;
		}
		sqlite3_finalize(st);
		n = sqlite3_changes(s->db);
	}
	if (rc == 0 && n > 0) {
		detail = id != 0 ? xasprintf("review %lld %s: %s",
		    (long long)id, status, note ? note : "") :
		    xasprintf("%d review entr%s %s: %s", n, n == 1 ? "y" :
		    "ies", status, note ? note : "");
		rc = event_add(s, by, "paper review closed", cohort_id,
		    trainee_id, detail, cause);
		free(detail);
	}
	if (review_end(s, own, rc, cause) != 0)
		return -1;
	return n;
}

int
review_settle_attempt(struct store *s, sqlite3_int64 aid, const char *by,
    const char *note, char **cause)
{
	return review_close(s, aid, 0, "settled", by, note, cause);
}

int
review_dismiss(struct store *s, sqlite3_int64 id, const char *by,
    const char *reason, char **cause)
{
	if (reason == NULL || *reason == '\0') {
		*cause = xasprintf(_("say why the review entry is dismissed "
		    "(--reason)"));
		return -1;
	}
	if (id <= 0) {
		*cause = xasprintf(_("there is no review entry %lld"),
		    (long long)id);
		return -1;
	}
	return review_close(s, 0, id, "dismissed", by, reason, cause) < 0 ?
	    -1 : 0;
}
