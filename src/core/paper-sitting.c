/*
 * Paper sittings (paper-sitting.h): drawing and freezing the papers to
 * print, and storing a whole answer sheet in one transaction through the
 * attempt core's internals (attempt-int.h): the same response check, the
 * same statement that stores an answer, the same closing and grading.
 */
#include "config.h"

#include "paper-sitting.h"

#include <stdlib.h>
#include <string.h>

#include "attempt-int.h"
#include "auth.h"
#include "cohort.h"
#include "core.h"
#include "diag.h"
#include "paper.h"
#include "sheet.h"
#include "store.h"

/* Longest provenance text stored. */
#define PROVENANCE_MAX	500

void
paper_batch_release(struct paper_batch *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		free(b->p[i].ticket);
		free(b->p[i].name);
		free(b->p[i].community);
		free(b->p[i].code);
		attempt_free(&b->p[i].a);
	}
	free(b->p);
	free(b->cohort);
	free(b->cohort_name);
	memset(b, 0, sizeof *b);
}

/* A trainee to print for, and what their latest attempt is. */
struct pp_who {
	sqlite3_int64	 tid;
	char		*ticket;
	sqlite3_int64	 aid;		/* latest attempt, 0 if none */
	int		 number;
	char		*status;	/* of the latest attempt, "" if none */
	char		*mode;
	int		 papered;	/* the latest attempt has a paper */
	int		 print;		/* 1 drawn now, 2 found again */
};

static void
pp_who_release(struct pp_who *w)
{
	free(w->ticket);
	free(w->status);
	free(w->mode);
	memset(w, 0, sizeof *w);
}

/* The latest attempt of trainee w->tid into w. */
static void
pp_latest(struct store *s, struct pp_who *w)
{
	sqlite3_stmt *st;

	free(w->status);
	free(w->mode);
	st = store_prepare(s, "SELECT a.id, a.number, a.status, a.mode,"
	    " EXISTS (SELECT 1 FROM paper_item p WHERE p.attempt_id = a.id)"
	    " FROM attempt a WHERE a.trainee_id = ?1"
	    " ORDER BY a.number DESC LIMIT 1");
	sqlite3_bind_int64(st, 1, w->tid);
	if (sqlite3_step(st) == SQLITE_ROW) {
		w->aid = sqlite3_column_int64(st, 0);
		w->number = sqlite3_column_int(st, 1);
		w->status = xstrdup(store_text(st, 2));
		w->mode = xstrdup(store_text(st, 3));
		w->papered = sqlite3_column_int(st, 4);
	} else {
		w->aid = 0;
		w->number = 0;
		w->status = xstrdup("");
		w->mode = xstrdup("");
		w->papered = 0;
	}
	sqlite3_finalize(st);
}

/*
 * Make sure trainee w has a printed paper (inside the transaction): find
 * it, or draw one into a new attempt or a granted retake.  0 (reprint set
 * when found); 1 with *cause saying why this trainee cannot sit on paper;
 * -1 with *cause when the database fails.
 */
static int
pp_freeze(struct store *s, const struct cohort *c, struct pp_who *w,
    int *reprint, char **cause)
{
	struct attempt_draw dr = { NULL, 0, 0 };
	sqlite3_stmt *st;
	int rc;

	*reprint = 0;
	pp_latest(s, w);
	if (strcmp(w->status, "in-progress") == 0) {
		*cause = xasprintf(_("ticket %s is sitting the written test "
		    "(%s) now; no paper is printed for it"), w->ticket,
		    w->mode);
		return 1;
	}
	if (strcmp(w->status, "submitted") == 0 ||
	    strcmp(w->status, "expired") == 0) {
		*cause = xasprintf(_("ticket %s has already sat the written "
		    "test (attempt %d, %s); a new paper needs a retake "
		    "('firstline attempt retake')"), w->ticket, w->number,
		    w->mode);
		return 1;
	}
	if (attempt_paper_entered(s, w->tid)) {
		*cause = xasprintf(_("ticket %s: the written result was "
		    "entered by an organizer; there is no test to print"),
		    w->ticket);
		return 1;
	}
	if (w->aid != 0 && w->papered) {
		*reprint = 1;
		return 0;
	}
	if (w->aid == 0) {
		if ((w->aid = attempt_create(s, w->tid, 1, cause)) < 0)
			return -1;
		w->number = 1;
	}
	if (attempt_draw(s, c->exam_version_id, &dr, cause) != 0)
		return -1;
	rc = paper_store(s, w->aid, dr.d, dr.n, cause);
	paper_draws_free(dr.d, dr.n);
	if (rc != 0)
		return -1;
	st = store_prepare(s, "UPDATE attempt SET seed = ?2 WHERE id = ?1");
	sqlite3_bind_int64(st, 1, w->aid);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)dr.seed);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	if (rc != 0)
		*cause = store_error(s, "cannot store the paper");
	return rc;
}

/* The trainees to print for: the tickets given, or the whole cohort. */
static int
pp_who_list(struct store *s, const struct cohort *c, char *const *tickets,
    size_t ntickets, struct pp_who **out, size_t *n, struct diag *skipped,
    char **cause)
{
	struct pp_who *w = NULL;
	sqlite3_stmt *st;
	size_t cap = 0, i, j;
	sqlite3_int64 tid;

	*n = 0;
	if (ntickets > 0) {
		for (i = 0; i < ntickets; i++) {
			for (j = 0; j < i; j++)
				if (strcmp(tickets[i], tickets[j]) == 0)
					break;
			if (j < i)
				continue;	/* named twice: once */
			tid = cohort_trainee(s, c, tickets[i], 0, cause);
			if (tid == 0)
				goto fail;
			xgrow(&w, &cap, *n + 1, sizeof *w);
			memset(&w[*n], 0, sizeof *w);
			w[*n].tid = tid;
			w[*n].ticket = xstrdup(tickets[i]);
			(*n)++;
		}
		*out = w;
		return 0;
	}
	st = store_prepare(s, "SELECT id, ticket, withdrawn_at IS NOT NULL"
	    " FROM trainee WHERE cohort_id = ?1 ORDER BY ticket");
	sqlite3_bind_int64(st, 1, c->id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (sqlite3_column_int(st, 2)) {
			diag_add(skipped, _("ticket %s was withdrawn from the "
			    "cohort; no paper"), store_text(st, 1));
			continue;
		}
		xgrow(&w, &cap, *n + 1, sizeof *w);
		memset(&w[*n], 0, sizeof *w);
		w[*n].tid = sqlite3_column_int64(st, 0);
		w[*n].ticket = xstrdup(store_text(st, 1));
		(*n)++;
	}
	sqlite3_finalize(st);
	*out = w;
	return 0;
fail:
	for (i = 0; i < *n; i++)
		pp_who_release(&w[i]);
	free(w);
	*n = 0;
	return -1;
}

/* Read the printed paper of w into p (after the commit). */
static int
pp_load(struct store *s, const char *cohort, const struct pp_who *w,
    struct paper_print *p, char **cause)
{
	sqlite3_stmt *st;

	st = store_prepare(s, "SELECT name, community FROM trainee"
	    " WHERE id = ?1");
	sqlite3_bind_int64(st, 1, w->tid);
	sqlite3_step(st);
	p->trainee_id = w->tid;
	p->ticket = xstrdup(w->ticket);
	p->name = xstrdup(store_text(st, 0));
	p->community = xstrdup(store_text(st, 1));
	sqlite3_finalize(st);
	if (paper_sitting_load(s, w->aid, &p->a, cause) != 0)
		return -1;
	p->code = sheet_code(s, cohort, w->aid, SHEET_PART_ANSWERS, 1, cause);
	return p->code != NULL ? 0 : -1;
}

int
paper_sitting_print(struct store *s, const char *cohort,
    char *const *tickets, size_t ntickets, struct paper_batch *b,
    struct diag *skipped, char **cause)
{
	struct cohort c;
	struct pp_who *w = NULL;
	size_t n = 0, i, kept = 0;
	char *why = NULL, *detail;
	int reprint, rc = -1;

	memset(b, 0, sizeof *b);
	*cause = NULL;
	if (cohort_find_due(s, cohort, &c, cause) != 0)
		return -1;
	if (c.sealed) {
		*cause = xasprintf(_("cohort %s is certified and sealed"),
		    c.cohort);
		cohort_release(&c);
		return -1;
	}
	if (store_begin(s, cause) != 0) {
		cohort_release(&c);
		return -1;
	}
	if (pp_who_list(s, &c, tickets, ntickets, &w, &n, skipped, cause) != 0)
		goto fail;
	for (i = 0; i < n; i++) {
		if ((rc = pp_freeze(s, &c, &w[i], &reprint, &why)) != 0) {
			if (ntickets > 0 || rc < 0) {
				*cause = why;
				rc = -1;
				goto fail;
			}
			diag_take(skipped, why);
			why = NULL;
			rc = -1;
			continue;
		}
		detail = xasprintf("ticket %s: written attempt %d: %s",
		    w[i].ticket, w[i].number, reprint ? "printed again" :
		    "drawn and printed");
		rc = event_add(s, "server", "paper print", c.id, w[i].tid,
		    detail, cause);
		free(detail);
		if (rc != 0)
			goto fail;
		rc = -1;
		w[i].print = reprint ? 2 : 1;
		kept++;
	}
	if (kept == 0) {
		*cause = xasprintf(_("cohort %s has no trainee to print a "
		    "paper for"), c.cohort);
		goto fail;
	}
	if (store_commit(s, cause) != 0)
		goto fail;
	b->cohort = xstrdup(c.cohort);
	b->cohort_name = xstrdup(c.name);
	b->p = xcalloc(kept, sizeof *b->p);
	for (i = 0; i < n; i++) {
		if (w[i].print == 0)
			continue;
		b->p[b->n].reprint = w[i].print == 2;
		if (pp_load(s, c.cohort, &w[i], &b->p[b->n++], cause) != 0) {
			paper_batch_release(b);
			goto out;
		}
	}
	rc = 0;
	goto out;
fail:
	store_rollback(s);
out:
	for (i = 0; i < n; i++)
		pp_who_release(&w[i]);
	free(w);
	cohort_release(&c);
	return rc;
}

int
paper_sitting_load(struct store *s, sqlite3_int64 aid, struct attempt **out,
    char **cause)
{
	struct attempt *a = xcalloc(1, sizeof *a);

	*out = NULL;
	if (attempt_read(s, aid, a) != 0) {
		*cause = xasprintf(_("no written attempt %lld"),
		    (long long)aid);
		attempt_free(&a);
		return -1;
	}
	if (paper_load(s, a, cause) != 0) {
		attempt_free(&a);
		return -1;
	}
	if (a->status == ATTEMPT_NOT_STARTED ||
	    a->status == ATTEMPT_IN_PROGRESS)
		attempt_keys_hide(a);
	*out = a;
	return 0;
}

/* Whether provenance is fit for the audit trail: short, no controls. */
static int
ps_provenance_ok(const char *p, char **cause)
{
	const unsigned char *u = (const unsigned char *)p;

	if (*p == '\0' || strlen(p) > PROVENANCE_MAX) {
		*cause = xasprintf("the provenance of a sheet must be 1 to %d "
		    "bytes", PROVENANCE_MAX);
		return 0;
	}
	for (; *u != '\0'; u++)
		if (*u < 0x20 || *u == 0x7f) {
			*cause = xasprintf("the provenance of a sheet has a "
			    "control character");
			return 0;
		}
	return 1;
}

/* The event text: provenance, then every answer ("1:2 2:0,1 3:-"). */
static char *
ps_detail(const struct attempt *a, const char *mode, const char *provenance,
    const char *const *responses)
{
	size_t i, len, cap;
	char *d;

	d = xasprintf("%s: attempt %d: %s: answers", mode, a->number,
	    provenance);
	len = strlen(d);
	cap = len + 1;
	for (i = 0; i < a->nitems; i++) {
		char item[64];
		int k;

		k = snprintf(item, sizeof item, " %zu:%s", i + 1,
		    *responses[i] ? responses[i] : "-");
		xgrow(&d, &cap, len + (size_t)k + 1, 1);
		memcpy(d + len, item, (size_t)k + 1);
		len += (size_t)k;
	}
	return d;
}

int
paper_sitting_store(struct store *s, sqlite3_int64 aid,
    const char *const *responses, size_t n, const char *mode,
    const char *provenance, const char *actor, char **cause)
{
	struct attempt a;
	sqlite3_stmt *st;
	sqlite3_int64 cid = 0;
	time_t now;
	size_t i;
	char *detail;
	int withdrawn = 0, sealed = 0, rc, own = sqlite3_get_autocommit(s->db);

	*cause = NULL;
	memset(&a, 0, sizeof a);
	if (strcmp(mode, "paper-scan") != 0 &&
	    strcmp(mode, "paper-keyed") != 0) {
		*cause = xasprintf("a sheet is stored as paper-scan or "
		    "paper-keyed, not %s", mode);
		return -1;
	}
	if (!ps_provenance_ok(provenance, cause))
		return -1;
	if (own && store_begin(s, cause) != 0)
		return -1;
	if (attempt_read(s, aid, &a) != 0) {
		*cause = xasprintf(_("no written attempt %lld"),
		    (long long)aid);
		goto fail;
	}
	if (a.status == ATTEMPT_SUBMITTED || a.status == ATTEMPT_EXPIRED) {
		if (own)
			store_rollback(s);
		paper_items_free(a.items, a.nitems);
		free(a.token);
		ltext_free(&a.exam_title);
		return ATTEMPT_CLOSED;
	}
	if (a.status == ATTEMPT_IN_PROGRESS || !attempt_printed(s, aid)) {
		*cause = xasprintf(_("written attempt %lld is not a printed "
		    "paper waiting for its answers"), (long long)aid);
		goto fail;
	}
	st = store_prepare(s, "SELECT t.withdrawn_at IS NOT NULL,"
	    " c.sealed_at IS NOT NULL, c.id FROM trainee t"
	    " JOIN cohort c ON c.id = t.cohort_id WHERE t.id = ?1");
	sqlite3_bind_int64(st, 1, a.trainee_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		withdrawn = sqlite3_column_int(st, 0);
		sealed = sqlite3_column_int(st, 1);
		cid = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (withdrawn || sealed) {
		*cause = xasprintf(withdrawn ? _("the trainee of written "
		    "attempt %lld was withdrawn from the cohort") :
		    _("the cohort of written attempt %lld is certified and "
		    "sealed"), (long long)aid);
		goto fail;
	}
	if (paper_load(s, &a, cause) != 0)
		goto fail;
	if (n != a.nitems) {
		*cause = xasprintf("written attempt %lld has %zu questions, "
		    "not %zu", (long long)aid, a.nitems, n);
		goto fail;
	}
	for (i = 0; i < n; i++)
		if (responses[i] == NULL ||
		    !attempt_response_ok(&a.items[i], responses[i])) {
			*cause = xasprintf(_("question %zu: \"%s\" is not an "
			    "answer to it"), i + 1,
			    responses[i] ? responses[i] : "(null)");
			goto fail;
		}
	now = attempt_now();
	st = store_prepare(s, "UPDATE attempt SET status = 'in-progress',"
	    " started_at = ?2, deadline = ?2 + 60 * ?3, mode = ?4, token = ''"
	    " WHERE id = ?1 AND status = 'not-started'");
	sqlite3_bind_int64(st, 1, aid);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
	sqlite3_bind_int(st, 3, a.minutes);
	sqlite3_bind_text(st, 4, mode, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE && sqlite3_changes(s->db) == 1 ?
	    0 : -1;
	sqlite3_finalize(st);
	if (rc != 0) {
		*cause = store_error(s, "cannot open the paper attempt");
		goto fail;
	}
	for (i = 0; i < n; i++)
		if (*responses[i] != '\0' &&
		    attempt_put_response(s, aid, i, responses[i], cause) != 0)
			goto fail;
	if (attempt_close(s, aid, ATTEMPT_SUBMITTED, cause) != 0)
		goto fail;
	detail = ps_detail(&a, mode, provenance, responses);
	rc = event_add(s, actor, "paper store", cid, a.trainee_id, detail,
	    cause);
	free(detail);
	if (rc != 0 || (own && store_commit(s, cause) != 0))
		goto fail;
	paper_items_free(a.items, a.nitems);
	free(a.token);
	ltext_free(&a.exam_title);
	return 0;
fail:
	if (own)
		store_rollback(s);
	paper_items_free(a.items, a.nitems);
	free(a.token);
	ltext_free(&a.exam_title);
	return -1;
}
