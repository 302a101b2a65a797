/*
 * Written-test attempts: login, opening (start or resume), answers, flags,
 * submission and expiry.  Every write is its own BEGIN IMMEDIATE transaction
 * that first re-checks the session token, the status and the deadline in the
 * database, so nothing is written to a closed attempt or by a client whose
 * sitting was taken over.
 */
#include "config.h"

#include "attempt.h"

#include <stdlib.h>
#include <string.h>

#include "attempt-int.h"
#include "auth.h"
#include "core.h"
#include "paper.h"
#include "rand.h"
#include "store.h"

static const char *const status_names[] = {
	"not-started", "in-progress", "submitted", "expired",
};

const char *
attempt_status_name(enum attempt_status st)
{
	return status_names[st];
}

static enum attempt_status
attempt_status_parse(const char *s)
{
	int i;

	for (i = 0; i < 4; i++)
		if (strcmp(s, status_names[i]) == 0)
			return (enum attempt_status)i;
	return ATTEMPT_SUBMITTED;
}

void
trainee_release(struct trainee *t)
{
	free(t->ticket);
	free(t->name);
	free(t->community);
	free(t->cohort);
	memset(t, 0, sizeof *t);
}

int
trainee_login(struct store *s, const char *ticket, const char *pin,
    struct trainee *t, int *wait_s, char **cause)
{
	return trainee_login_from(s, ticket, pin, auth_terminal_source(), t,
	    wait_s, cause);
}

int
trainee_login_from(struct store *s, const char *ticket, const char *pin,
    const char *source, struct trainee *t, int *wait_s, char **cause)
{
	sqlite3_stmt *st;
	struct auth_try try;
	sqlite3_int64 cohort_id = 0;
	char *hash = NULL;
	int ok = 0, withdrawn = 0, rc;

	memset(t, 0, sizeof *t);
	*wait_s = 0;
	st = store_prepare(s, "SELECT t.id, t.cohort_id, t.ticket, t.name,"
	    " t.community, c.cohort, t.pin_hash, t.withdrawn_at IS NOT NULL"
	    " FROM trainee t JOIN cohort c ON c.id = t.cohort_id"
	    " WHERE t.ticket = ?1");
	sqlite3_bind_text(st, 1, ticket, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		hash = xstrdup(store_text(st, 6));
		withdrawn = sqlite3_column_int(st, 7);
		cohort_id = sqlite3_column_int64(st, 1);
		t->id = sqlite3_column_int64(st, 0);
		t->cohort_id = cohort_id;
		t->ticket = xstrdup(store_text(st, 2));
		t->name = xstrdup(store_text(st, 3));
		t->community = xstrdup(store_text(st, 4));
		t->cohort = xstrdup(store_text(st, 5));
	}
	sqlite3_finalize(st);
	/*
	 * The try is counted before the PIN is checked, so logins started
	 * together are let through one by one and at most the allowed
	 * number of PINs is ever checked (doc/reliability.md section 7).
	 */
	if ((rc = auth_reserve(s, "ticket", ticket, source, cohort_id, &try,
	    cause)) != 0) {
		free(hash);
		trainee_release(t);
		if (rc < 0)
			return -1;
		*wait_s = try.wait_s;
		if ((*cause = auth_limit_text(&try, source)) == NULL)
			*cause = xasprintf(ngettext("too many wrong PINs for "
			    "this ticket; wait %d second", "too many wrong "
			    "PINs for this ticket; wait %d seconds",
			    (unsigned long)*wait_s), *wait_s);
		return -1;
	}
	/* An unknown ticket costs the same time as a known one. */
	ok = auth_verify(pin, hash != NULL ? hash : AUTH_DUMMY_HASH) &&
	    hash != NULL;
	free(hash);
	auth_settle(s, &try, ok, "ticket", ticket);
	if (!ok) {
		trainee_release(t);
		*wait_s = auth_wait(s, "ticket", ticket);
		*cause = xasprintf(_("wrong ticket or PIN"));
		return -1;
	}
	if (withdrawn) {
		trainee_release(t);
		*cause = xasprintf(_("this ticket was withdrawn from its "
		    "cohort; ask the organizer"));
		return -1;
	}
	return 0;
}

void
attempt_free(struct attempt **ap)
{
	struct attempt *a = *ap;

	if (a == NULL)
		return;
	paper_items_free(a->items, a->nitems);
	free(a->token);
	ltext_free(&a->exam_title);
	free(a);
	*ap = NULL;
}

/* Load the attempt row and its exam settings (not the paper). */
int
attempt_read(struct store *s, sqlite3_int64 aid, struct attempt *a)
{
	sqlite3_stmt *st;
	int rc = -1;

	st = store_stmt(s, "SELECT a.trainee_id, a.token, a.status,"
	    " a.started_at, a.deadline, a.number, e.title_zh, e.title_en,"
	    " e.minutes, e.show_result, e.written_pass, e.partial_credit"
	    " FROM attempt a JOIN trainee t ON t.id = a.trainee_id"
	    " JOIN cohort c ON c.id = t.cohort_id"
	    " JOIN exam_version e ON e.id = c.exam_version_id"
	    " WHERE a.id = ?1");
	sqlite3_bind_int64(st, 1, aid);
	if (sqlite3_step(st) == SQLITE_ROW) {
		a->id = aid;
		a->trainee_id = sqlite3_column_int64(st, 0);
		free(a->token);
		a->token = xstrdup(store_text(st, 1));
		a->status = attempt_status_parse(store_text(st, 2));
		a->started = (time_t)sqlite3_column_int64(st, 3);
		a->deadline = (time_t)sqlite3_column_int64(st, 4);
		a->number = sqlite3_column_int(st, 5);
		ltext_free(&a->exam_title);
		a->exam_title.zh = xstrdup(store_text(st, 6));
		a->exam_title.en = xstrdup(store_text(st, 7));
		a->minutes = sqlite3_column_int(st, 8);
		a->show_result = sqlite3_column_int(st, 9);
		a->pass = sqlite3_column_int(st, 10);
		a->partial_credit = sqlite3_column_int(st, 11);
		rc = 0;
	}
	store_done(s, st);
	return rc;
}

/*
 * Close attempt aid as status (inside the caller's transaction): grade it
 * from its paper and store the result.
 */
int
attempt_close(struct store *s, sqlite3_int64 aid, enum attempt_status status,
    char **cause)
{
	struct attempt a;
	struct grade g;
	sqlite3_stmt *st;
	size_t i;
	int rc;

	memset(&a, 0, sizeof a);
	if (attempt_read(s, aid, &a) != 0 || paper_load(s, &a, cause) != 0) {
		if (*cause == NULL)
			*cause = xasprintf("attempt %lld vanished",
			    (long long)aid);
		paper_items_free(a.items, a.nitems);
		free(a.token);
		ltext_free(&a.exam_title);
		return -1;
	}
	attempt_grade(&a, &g);
	st = store_prepare(s, "UPDATE attempt SET status = ?2, closed_at = ?3,"
	    " correct = ?4, total = ?5, tenths = ?6"
	    " WHERE id = ?1 AND status = 'in-progress'");
	sqlite3_bind_int64(st, 1, aid);
	sqlite3_bind_text(st, 2, attempt_status_name(status), -1,
	    SQLITE_STATIC);
	/* An expired attempt closed at its deadline, whenever noticed. */
	sqlite3_bind_int64(st, 3, status == ATTEMPT_EXPIRED ?
	    (sqlite3_int64)a.deadline : (sqlite3_int64)attempt_now());
	sqlite3_bind_int(st, 4, g.correct);
	sqlite3_bind_int(st, 5, g.total);
	sqlite3_bind_int(st, 6, g.tenths);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	st = store_prepare(s, "INSERT INTO attempt_module (attempt_id, module,"
	    " correct, total, tenths) VALUES (?1, ?2, ?3, ?4, ?5)");
	for (i = 0; rc == 0 && i < g.nmodules; i++) {
		sqlite3_bind_int64(st, 1, aid);
		sqlite3_bind_text(st, 2, g.modules[i].module, -1,
		    SQLITE_STATIC);
		sqlite3_bind_int(st, 3, g.modules[i].correct);
		sqlite3_bind_int(st, 4, g.modules[i].total);
		sqlite3_bind_int(st, 5, g.modules[i].tenths);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc != 0)
		*cause = store_error(s, "cannot close the attempt");
	grade_release(&g);
	paper_items_free(a.items, a.nitems);
	free(a.token);
	ltext_free(&a.exam_title);
	return rc;
}

int
attempt_expire_due(struct store *s, sqlite3_int64 cohort_id, char **cause)
{
	sqlite3_stmt *st;
	sqlite3_int64 *ids = NULL;
	size_t n = 0, cap = 0, i;
	int rc = 0;

	/*
	 * Usually nothing is due: find that out without the write lock, which
	 * a hall of trainees logging in at once would otherwise queue for.
	 */
	st = store_prepare(s, "SELECT EXISTS (SELECT 1 FROM attempt a"
	    " JOIN trainee t ON t.id = a.trainee_id"
	    " WHERE a.status = 'in-progress' AND a.deadline <= ?1"
	    " AND (?2 = 0 OR t.cohort_id = ?2))");
	sqlite3_bind_int64(st, 1, (sqlite3_int64)attempt_now());
	sqlite3_bind_int64(st, 2, cohort_id);
	rc = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (!rc)
		return 0;
	rc = 0;
	if (store_begin(s, cause) != 0)
		return -1;
	st = store_prepare(s, "SELECT a.id FROM attempt a"
	    " JOIN trainee t ON t.id = a.trainee_id"
	    " WHERE a.status = 'in-progress' AND a.deadline <= ?1"
	    " AND (?2 = 0 OR t.cohort_id = ?2)");
	sqlite3_bind_int64(st, 1, (sqlite3_int64)attempt_now());
	sqlite3_bind_int64(st, 2, cohort_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		xgrow(&ids, &cap, n + 1, sizeof *ids);
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	for (i = 0; i < n && rc == 0; i++)
		rc = attempt_close(s, ids[i], ATTEMPT_EXPIRED, cause);
	free(ids);
	if (rc == 0 && store_commit(s, cause) == 0)
		return (int)n;
	store_rollback(s);
	return -1;
}

/* Draw a paper for exam version evid with a new seed. */
int
attempt_draw(struct store *s, sqlite3_int64 evid, struct attempt_draw *dr,
    char **cause)
{
	rand_bytes(&dr->seed, sizeof dr->seed);
	dr->seed >>= 1;	/* fits SQLite's signed 64-bit integer */
	if ((dr->n = paper_draw(s, evid, dr->seed, &dr->d, cause)) < 0) {
		dr->d = NULL;
		dr->n = 0;
		return -1;
	}
	return 0;
}

/* Start attempt aid now: store the drawn paper, set the deadline. */
static int
attempt_start(struct store *s, sqlite3_int64 aid, int minutes,
    const struct attempt_draw *dr, char **cause)
{
	sqlite3_stmt *st;
	time_t now = attempt_now();
	int rc;

	if (paper_store(s, aid, dr->d, dr->n, cause) != 0)
		return -1;
	st = store_prepare(s, "UPDATE attempt SET status = 'in-progress',"
	    " seed = ?2, started_at = ?3, deadline = ?4 WHERE id = ?1");
	sqlite3_bind_int64(st, 1, aid);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)dr->seed);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)now + minutes * 60);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	if (rc != 0)
		*cause = store_error(s, "cannot start the attempt");
	sqlite3_finalize(st);
	return rc;
}

/* Create the trainee's first attempt (not started); returns its id. */
sqlite3_int64
attempt_create(struct store *s, sqlite3_int64 trainee_id, int number,
    char **cause)
{
	sqlite3_stmt *st;
	sqlite3_int64 id = -1;

	st = store_prepare(s, "INSERT INTO attempt (trainee_id, number, seed,"
	    " status, started_at, deadline) VALUES (?1, ?2, 0, 'not-started',"
	    " 0, 0)");
	sqlite3_bind_int64(st, 1, trainee_id);
	sqlite3_bind_int(st, 2, number);
	if (sqlite3_step(st) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(s->db);
	else
		*cause = store_error(s, "cannot create the attempt");
	sqlite3_finalize(st);
	return id;
}

/*
 * A live attempt as handed to a client carries no key: no correct options,
 * no correct order, no true/false answer, no explanation.  They come back
 * (attempt_keys_load) only once the attempt is closed, for the result.
 */
void
attempt_keys_hide(struct attempt *a)
{
	size_t i, k;

	for (i = 0; i < a->nitems; i++) {
		struct paper_item *it = &a->items[i];

		it->answer = 0;
		ltext_free(&it->explanation);
		it->explanation.zh = xstrdup("");
		it->explanation.en = xstrdup("");
		for (k = 0; k < it->noptions; k++) {
			it->options[k].correct = 0;
			it->options[k].position = 0;
		}
	}
}

/* Re-read the paper of a closed attempt, keys included. */
static void
attempt_keys_load(struct store *s, struct attempt *a)
{
	struct paper_item *items = a->items;
	size_t n = a->nitems;
	char *cause = NULL;

	a->items = NULL;
	a->nitems = 0;
	if (paper_load(s, a, &cause) != 0) {
		/* Keep the paper without keys rather than none. */
		paper_items_free(a->items, a->nitems);
		a->items = items;
		a->nitems = n;
		free(cause);
		return;
	}
	paper_items_free(items, n);
}

/* The trainee's latest attempt, its exam and whether the cohort is sealed. */
static char *
attempt_latest(struct store *s, sqlite3_int64 tid, sqlite3_int64 *aid,
    sqlite3_int64 *evid, int *minutes, int *sealed)
{
	sqlite3_stmt *st;
	char *status;

	*aid = *evid = 0;
	*minutes = *sealed = 0;
	st = store_prepare(s, "SELECT a.id, a.status, c.exam_version_id,"
	    " e.minutes, c.sealed_at IS NOT NULL FROM trainee t"
	    " JOIN cohort c ON c.id = t.cohort_id"
	    " JOIN exam_version e ON e.id = c.exam_version_id"
	    " LEFT JOIN attempt a ON a.trainee_id = t.id"
	    " WHERE t.id = ?1 ORDER BY a.number DESC LIMIT 1");
	sqlite3_bind_int64(st, 1, tid);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*aid = sqlite3_column_int64(st, 0);
		*evid = sqlite3_column_int64(st, 2);
		*minutes = sqlite3_column_int(st, 3);
		*sealed = sqlite3_column_int(st, 4);
	}
	status = xstrdup(*evid != 0 && sqlite3_column_type(st, 1) !=
	    SQLITE_NULL ? store_text(st, 1) : "");
	sqlite3_finalize(st);
	return status;
}

int
attempt_printed(struct store *s, sqlite3_int64 aid)
{
	sqlite3_stmt *st;
	int found;

	st = store_prepare(s, "SELECT 1 FROM attempt a WHERE a.id = ?1"
	    " AND a.status = 'not-started' AND EXISTS (SELECT 1 FROM"
	    " paper_item p WHERE p.attempt_id = a.id)");
	sqlite3_bind_int64(st, 1, aid);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* Whether an organizer entered a written score for trainee tid. */
int
attempt_paper_entered(struct store *s, sqlite3_int64 tid)
{
	sqlite3_stmt *st;
	int found;

	st = store_prepare(s, "SELECT 1 FROM score_entry"
	    " WHERE trainee_id = ?1 AND rubric = 'written'");
	sqlite3_bind_int64(st, 1, tid);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

int
attempt_open(struct store *s, const struct trainee *t, struct attempt **out,
    char **cause)
{
	struct attempt_draw dr = { NULL, 0, 0 };
	struct attempt *a;
	sqlite3_stmt *st;
	sqlite3_int64 aid = 0, evid = 0;
	char *token = NULL, *status;
	int minutes = 0, sealed = 0, drawn = 0;

	*out = NULL;
	*cause = NULL;
	if (attempt_expire_due(s, t->cohort_id, cause) < 0)
		return -1;
	/*
	 * A new paper is drawn (reads only) before the write lock is taken,
	 * so that trainees logging in together hold it only to store theirs.
	 * The transaction below looks again and draws there if it must.
	 */
	status = attempt_latest(s, t->id, &aid, &evid, &minutes, &sealed);
	if (evid != 0 && !sealed && (aid == 0 ||
	    strcmp(status, "not-started") == 0)) {
		if (attempt_draw(s, evid, &dr, cause) != 0) {
			free(status);
			return -1;
		}
		drawn = 1;
	}
	free(status);
	if (store_begin(s, cause) != 0) {
		paper_draws_free(dr.d, dr.n);
		return -1;
	}
	status = attempt_latest(s, t->id, &aid, &evid, &minutes, &sealed);
	if (evid == 0) {
		*cause = xasprintf(_("ticket %s has no cohort"), t->ticket);
		goto fail;
	}
	if (aid == 0 || strcmp(status, "not-started") == 0) {
		if (sealed) {
			*cause = xasprintf(_("cohort %s is certified and "
			    "sealed"), t->cohort);
			goto fail;
		}
		/* An organizer's entry (a paper sitting) is the last word. */
		if (attempt_paper_entered(s, t->id)) {
			*cause = xasprintf(_("ticket %s: the written test was "
			    "recorded by an organizer (a paper sitting); there "
			    "is no test to sit here: ask the organizer"),
			    t->ticket);
			goto fail;
		}
		/* A paper printed for the ticket is sat on paper only. */
		if (aid != 0 && attempt_printed(s, aid)) {
			*cause = xasprintf(_("ticket %s: the written test was "
			    "printed on paper for this ticket; it is sat on "
			    "paper: ask the organizer"), t->ticket);
			goto fail;
		}
		if (aid == 0 && (aid = attempt_create(s, t->id, 1, cause)) < 0)
			goto fail;
		if (!drawn && attempt_draw(s, evid, &dr, cause) != 0)
			goto fail;
		if (attempt_start(s, aid, minutes, &dr, cause) != 0)
			goto fail;
		free(status);
		status = xstrdup("in-progress");
	}
	if (strcmp(status, "in-progress") == 0) {
		token = rand_hex(16);
		st = store_prepare(s, "UPDATE attempt SET token = ?2"
		    " WHERE id = ?1");
		sqlite3_bind_int64(st, 1, aid);
		sqlite3_bind_text(st, 2, token, -1, SQLITE_STATIC);
		sqlite3_step(st);
		sqlite3_finalize(st);
	}
	if (store_commit(s, cause) != 0)
		goto fail;
	free(status);
	free(token);
	paper_draws_free(dr.d, dr.n);

	a = xcalloc(1, sizeof *a);
	if (attempt_read(s, aid, a) != 0 || paper_load(s, a, cause) != 0) {
		if (*cause == NULL)
			*cause = xasprintf("attempt %lld vanished",
			    (long long)aid);
		attempt_free(&a);
		return -1;
	}
	if (a->status == ATTEMPT_IN_PROGRESS)
		attempt_keys_hide(a);
	*out = a;
	return 0;
fail:
	free(status);
	free(token);
	paper_draws_free(dr.d, dr.n);
	store_rollback(s);
	return -1;
}

int
attempt_resume(struct store *s, sqlite3_int64 aid, sqlite3_int64 tid,
    const char *token, struct attempt **out, char **cause)
{
	struct attempt *a;
	int rc;

	*out = NULL;
	*cause = NULL;
	a = xcalloc(1, sizeof *a);
	if (attempt_read(s, aid, a) != 0 || a->trainee_id != tid) {
		attempt_free(&a);
		*cause = xasprintf(_("no such attempt"));
		return -1;
	}
	if (paper_load(s, a, cause) != 0) {
		attempt_free(&a);
		return -1;
	}
	if (a->status != ATTEMPT_IN_PROGRESS) {
		*out = a;
		return 0;	/* closed: with its key, for the result */
	}
	attempt_keys_hide(a);
	/* Write as the client that holds token, whatever the row says now. */
	free(a->token);
	a->token = xstrdup(token);
	rc = attempt_refresh(s, a, cause);
	if (rc != 0 && rc != ATTEMPT_TAKEN_OVER) {
		attempt_free(&a);
		return -1;
	}
	*out = a;
	return rc;
}

/*
 * Begin a write to a: check in the database that a is still this client's
 * live attempt.  Returns 0 inside a transaction, or ATTEMPT_CLOSED /
 * ATTEMPT_TAKEN_OVER / -1 outside one (expiring a due attempt on the way).
 */
static int
attempt_write_begin(struct store *s, struct attempt *a, char **cause)
{
	sqlite3_stmt *st;
	enum attempt_status status = ATTEMPT_SUBMITTED;
	const unsigned char *text;
	time_t deadline = 0;
	int same = 0, owner = 0, rc, live = a->status == ATTEMPT_IN_PROGRESS;

	*cause = NULL;
	if (store_begin(s, cause) != 0)
		return -1;
	st = store_stmt(s, "SELECT status, deadline, token = ?2,"
	    " trainee_id = ?3 FROM attempt WHERE id = ?1");
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_text(st, 2, a->token, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, a->trainee_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && (text = sqlite3_column_text(st, 0)) != NULL) {
		status = attempt_status_parse((const char *)text);
		deadline = (time_t)sqlite3_column_int64(st, 1);
		same = sqlite3_column_int(st, 2);
		owner = sqlite3_column_int(st, 3);
	} else if (rc != SQLITE_DONE) {
		/* Not read (out of memory, I/O): not "closed" either. */
		*cause = store_error(s, "cannot read the attempt");
		store_done(s, st);
		store_rollback(s);
		return -1;
	}
	store_done(s, st);
	a->deadline = deadline;
	if (status == ATTEMPT_IN_PROGRESS && deadline <= attempt_now()) {
		if (attempt_close(s, a->id, ATTEMPT_EXPIRED, cause) != 0 ||
		    store_commit(s, cause) != 0) {
			store_rollback(s);
			return -1;
		}
		a->status = ATTEMPT_EXPIRED;
		if (owner && live)
			attempt_keys_load(s, a);
		return ATTEMPT_CLOSED;
	}
	if (status == ATTEMPT_IN_PROGRESS && same)
		return 0;	/* still inside the transaction */
	store_rollback(s);
	if (status != ATTEMPT_IN_PROGRESS) {
		/* The trainee's own closed attempt: its key, for the result. */
		if (owner && live)
			attempt_keys_load(s, a);
		a->status = status;
		return ATTEMPT_CLOSED;
	}
	return ATTEMPT_TAKEN_OVER;
}

/* Whether response is well formed for item it. */
int
attempt_response_ok(const struct paper_item *it, const char *r)
{
	int seen[8] = { 0 }, n = 0;
	long v;
	char *end;

	if (*r == '\0')
		return 1;
	if (it->type == QTYPE_TRUEFALSE)
		return strcmp(r, "0") == 0 || strcmp(r, "1") == 0;
	while (*r != '\0') {
		v = strtol(r, &end, 10);
		if (end == r || v < 0 || v >= (long)it->noptions ||
		    v >= (long)(sizeof seen / sizeof seen[0]) || seen[v])
			return 0;
		seen[v] = 1;
		n++;
		r = end;
		if (*r == ',' && r[1] != '\0')
			r++;
		else if (*r != '\0')
			return 0;
	}
	return it->type != QTYPE_SINGLE || n == 1;
}

static int
attempt_update_item(struct store *s, struct attempt *a, size_t i,
    const char *sql, const char *text, int value, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if (i >= a->nitems) {
		*cause = xasprintf("no question %zu", i + 1);
		return -1;
	}
	if ((rc = attempt_write_begin(s, a, cause)) != 0)
		return rc;
	st = store_stmt(s, sql);
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
	if (text != NULL)
		sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int(st, 3, value);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)attempt_now());
	rc = sqlite3_step(st) == SQLITE_DONE && sqlite3_changes(s->db) == 1 ?
	    0 : -1;
	store_done(s, st);
	if (rc != 0) {
		*cause = store_error(s, "cannot save");
		store_rollback(s);
		return -1;
	}
	if (store_commit(s, cause) != 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

/* How a response is stored: the one statement for every way of sitting. */
#define ATTEMPT_ANSWER_SQL "UPDATE paper_item SET response = ?3," \
	" answered_at = ?4 WHERE attempt_id = ?1 AND seq = ?2"

int
attempt_put_response(struct store *s, sqlite3_int64 aid, size_t i,
    const char *response, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	st = store_stmt(s, ATTEMPT_ANSWER_SQL);
	sqlite3_bind_int64(st, 1, aid);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
	sqlite3_bind_text(st, 3, response, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)attempt_now());
	rc = sqlite3_step(st) == SQLITE_DONE && sqlite3_changes(s->db) == 1 ?
	    0 : -1;
	store_done(s, st);
	if (rc != 0)
		*cause = store_error(s, "cannot save");
	return rc;
}

int
attempt_answer(struct store *s, struct attempt *a, size_t i,
    const char *response, char **cause)
{
	int rc;

	if (i < a->nitems && !attempt_response_ok(&a->items[i], response)) {
		*cause = xasprintf("invalid response \"%s\" to question %zu",
		    response, i + 1);
		return -1;
	}
	rc = attempt_update_item(s, a, i, ATTEMPT_ANSWER_SQL, response, 0,
	    cause);
	if (rc == 0) {
		free(a->items[i].response);
		a->items[i].response = xstrdup(response);
	}
	return rc;
}

int
attempt_flag(struct store *s, struct attempt *a, size_t i, int flagged,
    char **cause)
{
	int rc;

	rc = attempt_update_item(s, a, i, "UPDATE paper_item SET flagged = ?3"
	    " WHERE attempt_id = ?1 AND seq = ?2 AND ?4 IS NOT NULL", NULL,
	    flagged != 0, cause);
	if (rc == 0)
		a->items[i].flagged = flagged != 0;
	return rc;
}

int
attempt_set_mode(struct store *s, struct attempt *a, const char *mode,
    char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = attempt_write_begin(s, a, cause)) != 0)
		return rc;
	st = store_prepare(s, "UPDATE attempt SET mode = ?2 WHERE id = ?1");
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_text(st, 2, mode, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	if (rc != 0)
		*cause = store_error(s, "cannot record how the attempt is sat");
	sqlite3_finalize(st);
	if (rc != 0 || store_commit(s, cause) != 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
attempt_submit(struct store *s, struct attempt *a, char **cause)
{
	int rc;

	if ((rc = attempt_write_begin(s, a, cause)) != 0)
		return rc;
	if (attempt_close(s, a->id, ATTEMPT_SUBMITTED, cause) != 0 ||
	    store_commit(s, cause) != 0) {
		store_rollback(s);
		return -1;
	}
	a->status = ATTEMPT_SUBMITTED;
	attempt_keys_load(s, a);
	return 0;
}

/*
 * Whether a is still live and ours, read without the write lock (so that
 * clients may look often): its deadline then taken into a (extra time).
 */
static int
attempt_peek(struct store *s, struct attempt *a)
{
	sqlite3_stmt *st;
	int live = 0;

	if (a->status != ATTEMPT_IN_PROGRESS)
		return 0;
	st = store_stmt(s, "SELECT deadline FROM attempt WHERE id = ?1"
	    " AND status = 'in-progress' AND token = ?2 AND deadline > ?3");
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_text(st, 2, a->token, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)attempt_now());
	if (sqlite3_step(st) == SQLITE_ROW) {
		a->deadline = (time_t)sqlite3_column_int64(st, 0);
		live = 1;
	}
	store_done(s, st);
	return live;
}

int
attempt_refresh(struct store *s, struct attempt *a, char **cause)
{
	int rc;

	/* The usual case, a live sitting of ours, needs no lock. */
	if (attempt_peek(s, a))
		return 0;
	rc = attempt_write_begin(s, a, cause);

	if (rc == 0) {
		store_rollback(s);
		return 0;
	}
	return rc == ATTEMPT_CLOSED ? 0 : rc;
}

long
attempt_remaining(const struct attempt *a, time_t now)
{
	return a->deadline > now ? (long)(a->deadline - now) : 0;
}

size_t
attempt_answered(const struct attempt *a)
{
	size_t i, n = 0;

	for (i = 0; i < a->nitems; i++)
		n += paper_item_answered(&a->items[i]) != 0;
	return n;
}

size_t
attempt_flagged(const struct attempt *a)
{
	size_t i, n = 0;

	for (i = 0; i < a->nitems; i++)
		n += a->items[i].flagged != 0;
	return n;
}
