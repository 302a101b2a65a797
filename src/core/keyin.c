/*
 * Double entry of paper answer sheets (keyin.h): the keyed form of an
 * answer read into the attempt's response form through the sheet's own
 * rule (sheet_response: the bubbles a keyed answer names must be one
 * answer, as for the scanner), the entries stored append-only, compared,
 * and the sitting graded through paper_sitting_store when two people
 * agree.
 */
#include "config.h"

#include "keyin.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cohort.h"
#include "core.h"
#include "paper-sitting.h"
#include "paper.h"
#include "review.h"
#include "sheet.h"
#include "store.h"
#include "text.h"

/* Longest keyed text of a whole sheet accepted (--answers, a file). */
#define KEYIN_MAX_SHEET	(64u * 1024u)

/* ---------------------------------------------------- keyed answers */

/* text without spaces, ASCII letters upper-cased, in buf; -1 if too long. */
static int
keyin_normalise(const char *text, char *buf, size_t size)
{
	size_t n = 0;

	for (; *text != '\0'; text++) {
		if (*text == ' ' || *text == '\t' || *text == '\r')
			continue;
		if (n + 1 >= size)
			return -1;
		buf[n++] = (char)toupper((unsigned char)*text);
	}
	buf[n] = '\0';
	return 0;
}

int
keyin_parse(const struct paper_item *it, const char *text, char **response,
    char **cause)
{
	unsigned char filled[SHEET_MAX_OPTIONS * SHEET_MAX_OPTIONS];
	char buf[4 * KEYIN_MAX_TEXT], *why = NULL;
	int n = (int)it->noptions, last = 'A' + n - 1, r, k;
	size_t len;

	*response = NULL;
	/* What is refused is echoed in the message: only if printable. */
	if (!text_valid_utf8(text, strlen(text)) || text_has_control(text)) {
		*cause = xasprintf(_("the answer has a character that is not "
		    "a letter, a digit or -"));
		return -1;
	}
	if (keyin_normalise(text, buf, sizeof buf) != 0 ||
	    strlen(buf) > KEYIN_MAX_TEXT) {
		*cause = xasprintf(_("the answer is too long"));
		return -1;
	}
	len = strlen(buf);
	memset(filled, 0, sizeof filled);
	if (len == 0) {
		*response = xstrdup("");
		return 0;
	}
	if (it->type == QTYPE_TRUEFALSE) {
		if (strcmp(buf, "T") == 0 || strcmp(buf, "对") == 0)
			*response = xstrdup("1");
		else if (strcmp(buf, "F") == 0 || strcmp(buf, "错") == 0)
			*response = xstrdup("0");
		else
			*cause = xasprintf(_("true/false: key T or F, not %s"),
			    text);
		return *response != NULL ? 0 : -1;
	}
	if (n < 1 || n > SHEET_MAX_OPTIONS) {
		*cause = xasprintf("a question with %d options", n);
		return -1;
	}
	if (it->type != QTYPE_ORDERING) {
		for (k = 0; buf[k] != '\0'; k++) {
			if (buf[k] < 'A' || buf[k] > last) {
				*cause = xasprintf(_("%s is not an option: the "
				    "options are A-%c"), text, last);
				return -1;
			}
			if (filled[buf[k] - 'A']) {
				*cause = xasprintf(_("%c is keyed twice"),
				    buf[k]);
				return -1;
			}
			filled[buf[k] - 'A'] = 1;
		}
		if (it->type == QTYPE_SINGLE && len > 1) {
			*cause = xasprintf(_("single choice: key one letter "
			    "(two marks on the sheet are no answer: leave it "
			    "empty)"));
			return -1;
		}
	} else {
		if ((int)len != n) {
			char ex[SHEET_MAX_OPTIONS + 1];

			/* A valid example: neighbouring places swapped. */
			for (r = 0; r < n; r++)
				ex[r] = (char)('1' + (r % 2 == 0 && r + 1 < n ?
				    r + 1 : r % 2 == 1 ? r - 1 : r));
			ex[n] = '\0';
			*cause = xasprintf(_("ordering: key %d places (rows "
			    "A-%c), e.g. %s; - for an empty row"), n, last,
			    ex);
			return -1;
		}
		for (r = 0; r < n; r++) {
			if (buf[r] == '-')
				continue;
			if (buf[r] < '1' || buf[r] > '0' + n) {
				*cause = xasprintf(_("ordering: %c is not a "
				    "place: the places are 1-%d"), buf[r], n);
				return -1;
			}
			filled[r * n + (buf[r] - '1')] = 1;
		}
	}
	if ((*response = sheet_response(it, filled, &why)) == NULL) {
		*cause = why;
		return -1;
	}
	return 0;
}

void
keyin_text(const struct paper_item *it, const char *response,
    char buf[KEYIN_MAX_TEXT + 1])
{
	unsigned char filled[SHEET_MAX_OPTIONS * SHEET_MAX_OPTIONS];
	int n = (int)it->noptions, r, c, any = 0;
	char *p = buf;

	*buf = '\0';
	if (*response == '\0')
		return;
	if (sheet_fill(it, response, filled) != 0) {
		snprintf(buf, KEYIN_MAX_TEXT + 1, "?");
		return;
	}
	if (it->type == QTYPE_TRUEFALSE) {
		snprintf(buf, KEYIN_MAX_TEXT + 1, "%s", filled[0] ? "T" :
		    filled[1] ? "F" : "");
		return;
	}
	if (it->type != QTYPE_ORDERING) {
		for (c = 0; c < n; c++)
			if (filled[c])
				*p++ = (char)('A' + c);
		*p = '\0';
		return;
	}
	for (r = 0; r < n; r++) {
		*p = '-';
		for (c = 0; c < n; c++)
			if (filled[r * n + c]) {
				*p = (char)('1' + c);
				any = 1;
			}
		p++;
	}
	*p = '\0';
	if (!any)
		*buf = '\0';
}

void
keyin_responses_free(char **responses, size_t n)
{
	size_t i;

	if (responses == NULL)
		return;
	for (i = 0; i < n; i++)
		free(responses[i]);
	free(responses);
}

int
keyin_parse_all(const struct attempt *a, const char *text, char ***out,
    char **cause)
{
	char **resp, *copy, *field, *p, *why = NULL;
	size_t len = strlen(text), n = 1, i;

	*out = NULL;
	if (len > KEYIN_MAX_SHEET) {
		*cause = xasprintf(_("the answers are longer than %u bytes"),
		    KEYIN_MAX_SHEET);
		return -1;
	}
	copy = xstrdup(text);
	/* CR LF line ends as LF. */
	for (p = field = copy; *p != '\0'; p++)
		if (*p != '\r' || p[1] != '\n')
			*field++ = *p;
	*field = '\0';
	len = strlen(copy);
	/* A file's last line ends in a new line: not a further field. */
	if (len > 0 && copy[len - 1] == '\n')
		copy[--len] = '\0';
	for (p = copy; *p != '\0'; p++)
		if (*p == ',' || *p == '\n')
			n++;
	if (n != a->nitems) {
		char *k = xasprintf(ngettext("%zu answer", "%zu answers", n),
		    n);
		char *q = xasprintf(ngettext("%zu question", "%zu questions",
		    a->nitems), a->nitems);

		/* TRANSLATORS: "%zu answer(s)", "%zu question(s)". */
		*cause = xasprintf(_("%s keyed, but the paper has %s (one "
		    "answer a question, separated by commas; an empty one for "
		    "no answer)"), k, q);
		free(k);
		free(q);
		free(copy);
		return -1;
	}
	resp = xcalloc(n, sizeof *resp);
	field = copy;
	for (i = 0; i < n; i++) {
		p = field + strcspn(field, ",\n");
		if (*p != '\0')
			*p++ = '\0';
		if (keyin_parse(&a->items[i], field, &resp[i], &why) != 0) {
			*cause = xasprintf(_("question %zu: %s"), i + 1, why);
			free(why);
			keyin_responses_free(resp, n);
			free(copy);
			return -1;
		}
		field = p;
	}
	free(copy);
	*out = resp;
	return 0;
}

/* ------------------------------------------------------- the sheet */

void
keyin_sheet_release(struct keyin_sheet *k)
{
	size_t i;

	free(k->cohort);
	free(k->ticket);
	free(k->name);
	attempt_free(&k->a);
	for (i = 0; i < k->nprior; i++) {
		free(k->prior[i].by);
		free(k->prior[i].at);
	}
	free(k->prior);
	memset(k, 0, sizeof *k);
}

/*
 * Whether attempt aid waits for keyed answers: -1 and *cause saying why
 * not (graded, being sat, not printed, withdrawn, sealed), else 0.
 */
static int
keyin_waiting(struct store *s, sqlite3_int64 aid, char **cause)
{
	sqlite3_stmt *st;
	int rc = -1;

	st = store_prepare(s, "SELECT t.ticket, a.status, a.mode,"
	    " coalesce(a.tenths, 0), EXISTS (SELECT 1 FROM paper_item p"
	    "   WHERE p.attempt_id = a.id),"
	    " t.withdrawn_at IS NOT NULL, c.sealed_at IS NOT NULL, c.cohort"
	    " FROM attempt a JOIN trainee t ON t.id = a.trainee_id"
	    " JOIN cohort c ON c.id = t.cohort_id WHERE a.id = ?1");
	sqlite3_bind_int64(st, 1, aid);
	if (sqlite3_step(st) != SQLITE_ROW)
		*cause = xasprintf(_("no written attempt %lld"),
		    (long long)aid);
	else {
		const char *ticket = store_text(st, 0);
		const char *status = store_text(st, 1);
		int tenths = sqlite3_column_int(st, 3);

		if (sqlite3_column_int(st, 6))
			*cause = xasprintf(_("cohort %s is certified and "
			    "sealed: its scores cannot change"),
			    store_text(st, 7));
		else if (sqlite3_column_int(st, 5))
			*cause = xasprintf(_("ticket %s was withdrawn"),
			    ticket);
		else if (strcmp(status, "submitted") == 0 ||
		    strcmp(status, "expired") == 0)
			*cause = xasprintf(_("ticket %s: the written test is "
			    "graded already (%s, %d.%d%%): nothing to key in"),
			    ticket, store_text(st, 2), tenths / 10,
			    tenths % 10);
		else if (strcmp(status, "in-progress") == 0)
			*cause = xasprintf(_("ticket %s is sitting the written "
			    "test (%s), not on paper"), ticket,
			    store_text(st, 2));
		else if (!sqlite3_column_int(st, 4))
			*cause = xasprintf(_("ticket %s has no printed paper "
			    "(paper print)"), ticket);
		else
			rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

int
keyin_sheet_open_attempt(struct store *s, sqlite3_int64 aid,
    struct keyin_sheet *k, char **cause)
{
	sqlite3_stmt *st;
	size_t cap = 0;

	memset(k, 0, sizeof *k);
	if (keyin_waiting(s, aid, cause) != 0)
		return -1;
	st = store_prepare(s, "SELECT a.trainee_id, t.cohort_id, c.cohort,"
	    " t.ticket, t.name FROM attempt a"
	    " JOIN trainee t ON t.id = a.trainee_id"
	    " JOIN cohort c ON c.id = t.cohort_id WHERE a.id = ?1");
	sqlite3_bind_int64(st, 1, aid);
	if (sqlite3_step(st) == SQLITE_ROW) {
		k->attempt_id = aid;
		k->trainee_id = sqlite3_column_int64(st, 0);
		k->cohort_id = sqlite3_column_int64(st, 1);
		k->cohort = xstrdup(store_text(st, 2));
		k->ticket = xstrdup(store_text(st, 3));
		k->name = xstrdup(store_text(st, 4));
	}
	sqlite3_finalize(st);
	if (paper_sitting_load(s, aid, &k->a, cause) != 0) {
		keyin_sheet_release(k);
		return -1;
	}
	st = store_prepare(s, "SELECT e.id, u.name, e.entered_at"
	    " FROM paper_entry e JOIN app_user u ON u.id = e.entered_by"
	    " WHERE e.attempt_id = ?1 ORDER BY e.id");
	sqlite3_bind_int64(st, 1, aid);
	while (sqlite3_step(st) == SQLITE_ROW) {
		xgrow(&k->prior, &cap, k->nprior + 1, sizeof *k->prior);
		k->prior[k->nprior].id = sqlite3_column_int64(st, 0);
		k->prior[k->nprior].by = xstrdup(store_text(st, 1));
		k->prior[k->nprior].at = xstrdup(store_text(st, 2));
		k->nprior++;
	}
	sqlite3_finalize(st);
	return 0;
}

int
keyin_sheet_open(struct store *s, const char *cohort, const char *ticket,
    struct keyin_sheet *k, char **cause)
{
	struct cohort c;
	sqlite3_stmt *st;
	sqlite3_int64 tid, aid = 0;

	memset(k, 0, sizeof *k);
	if (cohort_find(s, cohort, &c, cause) != 0)
		return -1;
	tid = cohort_trainee(s, &c, ticket, 1, cause);
	cohort_release(&c);
	if (tid == 0)
		return -1;
	st = store_prepare(s, "SELECT id FROM attempt WHERE trainee_id = ?1"
	    " ORDER BY number DESC LIMIT 1");
	sqlite3_bind_int64(st, 1, tid);
	if (sqlite3_step(st) == SQLITE_ROW)
		aid = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (aid == 0) {
		*cause = xasprintf(_("ticket %s has no printed paper "
		    "(paper print)"), ticket);
		return -1;
	}
	return keyin_sheet_open_attempt(s, aid, k, cause);
}

/* ------------------------------------------------------- the entry */

void
keyin_result_release(struct keyin_result *r)
{
	free(r->other_by);
	free(r->diff);
	/* other has one string a question; ndiff does not say how many. */
	if (r->other != NULL) {
		size_t i;

		for (i = 0; r->other[i] != NULL; i++)
			free(r->other[i]);
		free(r->other);
	}
	memset(r, 0, sizeof *r);
}

/* responses joined by ';' (a response is digits and commas only). */
static char *
keyin_join(char *const *responses, size_t n)
{
	size_t len = 1, i;
	char *out, *p;

	for (i = 0; i < n; i++)
		len += strlen(responses[i]) + 1;
	p = out = xmalloc(len);
	*p = '\0';
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s%s", i ? ";" : "", responses[i]);
	return out;
}

/* The n responses of a stored entry (NULL-terminated), to free. */
static char **
keyin_split(const char *joined, size_t n)
{
	char **out = xcalloc(n + 1, sizeof *out);
	const char *p = joined, *end;
	size_t i;

	for (i = 0; i < n; i++) {
		end = strchr(p, ';');
		if (end == NULL)
			end = p + strlen(p);
		out[i] = xstrndup(p, (size_t)(end - p));
		p = *end == ';' ? end + 1 : end;
	}
	return out;
}

/* The differences of r->other from responses, in r (keyed form). */
static void
keyin_compare(const struct attempt *a, char *const *responses,
    struct keyin_result *r)
{
	char text[KEYIN_MAX_TEXT + 1];
	size_t i;

	r->diff = xcalloc(a->nitems ? a->nitems : 1, sizeof *r->diff);
	for (i = 0; i < a->nitems; i++) {
		if (strcmp(r->other[i], responses[i]) != 0)
			r->diff[r->ndiff++] = i;
		keyin_text(&a->items[i], r->other[i], text);
		free(r->other[i]);
		r->other[i] = xstrdup(text);
	}
}

/* "3, 7, 12" (1-based question numbers), to free. */
static char *
keyin_numbers(const size_t *v, size_t n)
{
	char *out = xmalloc(n * 12 + 1), *p = out;
	size_t i;

	*p = '\0';
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s%zu", i ? ", " : "", v[i] + 1);
	return out;
}

int
keyin_add(struct store *s, const struct user *u, const struct keyin_sheet *k,
    char *const *responses, struct keyin_result *r, char **cause)
{
	const struct attempt *a = k->a;
	unsigned char filled[SHEET_MAX_OPTIONS * SHEET_MAX_OPTIONS];
	sqlite3_stmt *st;
	char *joined = NULL, *detail = NULL, *prov = NULL, *nums = NULL;
	char *agreed_by = NULL;
	sqlite3_int64 agreed = 0;
	size_t i;
	int rc;

	memset(r, 0, sizeof *r);
	if (u->role != ROLE_INSTRUCTOR && u->role != ROLE_ORGANIZER) {
		*cause = xasprintf(_("permission denied: %s may not key in "
		    "answer sheets"), u->name);
		return -1;
	}
	for (i = 0; i < a->nitems; i++)
		if (responses[i] == NULL || sheet_fill(&a->items[i],
		    responses[i], filled) != 0) {
			*cause = xasprintf(_("question %zu: \"%s\" is not an "
			    "answer to it"), i + 1,
			    responses[i] ? responses[i] : "(null)");
			return -1;
		}
	joined = keyin_join(responses, a->nitems);
	if (store_begin(s, cause) != 0) {
		free(joined);
		return -1;
	}
	/* The sheet may have been graded since the form was opened. */
	if (keyin_waiting(s, k->attempt_id, cause) != 0)
		goto fail;
	st = store_prepare(s, "INSERT INTO paper_entry (attempt_id,"
	    " entered_by, responses, review_id) VALUES (?1, ?2, ?3, ?4)");
	sqlite3_bind_int64(st, 1, k->attempt_id);
	sqlite3_bind_int64(st, 2, u->id);
	sqlite3_bind_text(st, 3, joined, -1, SQLITE_STATIC);
	if (k->review_id != 0)
		sqlite3_bind_int64(st, 4, k->review_id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*cause = store_error(s, "cannot store the entry");
		goto fail;
	}
	r->entry_id = sqlite3_last_insert_rowid(s->db);

	/*
	 * Earlier entries, newest first: one by someone else that agrees
	 * grades the sitting; else the newest by someone else is compared.
	 */
	st = store_prepare(s, "SELECT e.id, u.name, e.entered_by = ?3,"
	    " e.responses = ?4, e.responses FROM paper_entry e"
	    " JOIN app_user u ON u.id = e.entered_by"
	    " WHERE e.attempt_id = ?1 AND e.id < ?2 ORDER BY e.id DESC");
	sqlite3_bind_int64(st, 1, k->attempt_id);
	sqlite3_bind_int64(st, 2, r->entry_id);
	sqlite3_bind_int64(st, 3, u->id);
	sqlite3_bind_text(st, 4, joined, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (sqlite3_column_int(st, 2)) {
			r->own_before = 1;
			continue;
		}
		if (sqlite3_column_int(st, 3) && agreed == 0) {
			agreed = sqlite3_column_int64(st, 0);
			agreed_by = xstrdup(store_text(st, 1));
		}
		if (r->other_id == 0) {
			r->other_id = sqlite3_column_int64(st, 0);
			r->other_by = xstrdup(store_text(st, 1));
			r->other = keyin_split(store_text(st, 4), a->nitems);
		}
	}
	sqlite3_finalize(st);
	if (agreed != 0) {
		r->outcome = KEYIN_AGREES;
		r->other_id = agreed;
		free(r->other_by);
		r->other_by = agreed_by;
		agreed_by = NULL;
		keyin_responses_free(r->other, a->nitems);
		r->other = NULL;
	} else if (r->other_id != 0) {
		r->outcome = KEYIN_DISAGREES;
		keyin_compare(a, responses, r);
	} else
		r->outcome = KEYIN_FIRST;

	if (r->outcome == KEYIN_DISAGREES)
		nums = keyin_numbers(r->diff, r->ndiff);
	if (r->outcome == KEYIN_FIRST)
		detail = xasprintf("ticket %s: entry %lld, %s; answers %s",
		    k->ticket, (long long)r->entry_id, r->own_before ?
		    "none by anyone else yet (the same person keyed it"
		    " before)" : "the first", joined);
	else
		detail = xasprintf("ticket %s: entry %lld %s entry %lld by %s"
		    "%s%s; answers %s", k->ticket, (long long)r->entry_id,
		    r->outcome == KEYIN_AGREES ? "agrees with" :
		    "differs from", (long long)r->other_id, r->other_by,
		    nums != NULL ? " at questions " : "",
		    nums != NULL ? nums : "", joined);
	if (event_add(s, u->name, "paper entry", k->cohort_id, k->trainee_id,
	    detail, cause) != 0)
		goto fail;
	/* The entries' places among the sheet's, for people. */
	st = store_prepare(s, "SELECT count(*) FROM paper_entry"
	    " WHERE attempt_id = ?1 AND id <= ?2");
	sqlite3_bind_int64(st, 1, k->attempt_id);
	sqlite3_bind_int64(st, 2, r->entry_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		r->entry_no = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 2, r->other_id);
	if (r->other_id != 0 && sqlite3_step(st) == SQLITE_ROW)
		r->other_no = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (r->outcome == KEYIN_AGREES) {
		prov = xasprintf("keyed by %s (entry %lld), checked by %s"
		    " (entry %lld)", r->other_by, (long long)r->other_id,
		    u->name, (long long)r->entry_id);
		rc = paper_sitting_store(s, k->attempt_id,
		    (const char *const *)responses, a->nitems, "paper-keyed",
		    prov, u->name, cause);
		if (rc == ATTEMPT_CLOSED) {
			*cause = xasprintf(_("ticket %s: the written test was "
			    "graded meanwhile"), k->ticket);
			goto fail;
		}
		if (rc != 0)
			goto fail;
		/* Scanned sheets of it waiting for people: settled. */
		free(prov);
		prov = xasprintf("keyed by %s and %s", r->other_by, u->name);
		if (review_settle_attempt(s, k->attempt_id, u->name, prov,
		    cause) < 0)
			goto fail;
		st = store_prepare(s, "SELECT coalesce(a.tenths, 0),"
		    " coalesce(a.tenths, 0) >= 10 * e.written_pass"
		    " FROM attempt a JOIN trainee t ON t.id = a.trainee_id"
		    " JOIN cohort c ON c.id = t.cohort_id"
		    " JOIN exam_version e ON e.id = c.exam_version_id"
		    " WHERE a.id = ?1");
		sqlite3_bind_int64(st, 1, k->attempt_id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			r->tenths = sqlite3_column_int(st, 0);
			r->passed = sqlite3_column_int(st, 1);
		}
		sqlite3_finalize(st);
	}
	if (store_commit(s, cause) != 0)
		goto fail;
	free(prov);
	free(detail);
	free(nums);
	free(joined);
	return 0;
fail:
	store_rollback(s);
	free(agreed_by);
	free(prov);
	free(detail);
	free(nums);
	free(joined);
	keyin_result_release(r);
	return -1;
}
