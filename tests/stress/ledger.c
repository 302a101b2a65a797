/*
 * The ledger of what seats confirmed, and the checks of a database after a
 * crash or a crowd: every confirmed answer present with its response, no
 * duplicate paper items, integrity_check and foreign_key_check clean.
 * Also the roster CSV reader and percentiles the drivers share.
 */
#include "config.h"

#include "stress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

void
ledger_init(struct ledger *l, const char *ticket, size_t nitems)
{
	size_t i;

	memset(l, 0, sizeof *l);
	l->ticket = xstrdup(ticket);
	l->nitems = nitems;
	l->items = xcalloc(nitems ? nitems : 1, sizeof *l->items);
	for (i = 0; i < nitems; i++)
		l->items[i].acked = xstrdup("");
}

static void
ledger_item_forget(struct ledger_item *it)
{
	size_t i;

	for (i = 0; i < it->nmaybe; i++)
		free(it->maybe[i]);
	free(it->maybe);
	it->maybe = NULL;
	it->nmaybe = 0;
}

void
ledger_release(struct ledger *l)
{
	size_t i;

	for (i = 0; i < l->nitems; i++) {
		free(l->items[i].acked);
		ledger_item_forget(&l->items[i]);
	}
	free(l->items);
	free(l->ticket);
	free(l->pending);
	free(l->lat_us);
	free(l->first_error);
	memset(l, 0, sizeof *l);
}

/* "SEQ RESPONSE" into seq and response ("-" is ""); 0 or -1. */
static int
ledger_parse(const char *p, size_t n, size_t *seq, char *resp, size_t size)
{
	char r[64];
	unsigned long v;

	if (sscanf(p, "%lu %63s", &v, r) != 2 || v >= n)
		return -1;
	*seq = (size_t)v;
	snprintf(resp, size, "%s", strcmp(r, "-") == 0 ? "" : r);
	return 0;
}

void
ledger_line(struct ledger *l, const char *line)
{
	char resp[64];
	size_t seq;
	long long us;

	if (strncmp(line, "try ", 4) == 0) {
		l->tries++;
		free(l->pending);
		l->pending = xstrdup(line + 4);
	} else if (strncmp(line, "ack ", 4) == 0 &&
	    ledger_parse(line + 4, l->nitems, &seq, resp, sizeof resp) == 0) {
		l->acks++;
		free(l->items[seq].acked);
		l->items[seq].acked = xstrdup(resp);
		ledger_item_forget(&l->items[seq]);
		free(l->pending);
		l->pending = NULL;
		if (sscanf(line + 4, "%*u %*s %lld", &us) == 1) {
			xgrow(&l->lat_us, &l->caplat, l->nlat + 1,
			    sizeof *l->lat_us);
			l->lat_us[l->nlat++] = us;
		}
	} else if (strncmp(line, "err ", 4) == 0) {
		l->errors++;
		l->busy += stress_is_busy(line) != 0;
		if (l->first_error == NULL)
			l->first_error = xstrdup(line + 4);
		free(l->pending);	/* reported failed: not stored */
		l->pending = NULL;
	}
}

void
ledger_feed(struct ledger *l, const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len, *nl;
	char *line;

	while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		line = xstrndup(p, (size_t)(nl - p));
		ledger_line(l, line);
		free(line);
		p = nl + 1;
	}
	ledger_round_end(l);
}

void
ledger_round_end(struct ledger *l)
{
	struct ledger_item *it;
	char resp[64];
	size_t seq;

	/* Killed between try and ack: either value may be stored. */
	if (l->pending != NULL && ledger_parse(l->pending, l->nitems, &seq,
	    resp, sizeof resp) == 0) {
		l->inflight++;
		it = &l->items[seq];
		it->maybe = xreallocarray(it->maybe, it->nmaybe + 1,
		    sizeof *it->maybe);
		it->maybe[it->nmaybe++] = xstrdup(resp);
	}
	free(l->pending);
	l->pending = NULL;
}

/* One integer from a query with one ?1 text parameter; -1 on error. */
static long long
ledger_int(sqlite3 *db, const char *sql, const char *arg)
{
	sqlite3_stmt *st;
	long long v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

int
ledger_check(const struct ledger *l, sqlite3 *db, char **why)
{
	sqlite3_stmt *st;
	const struct ledger_item *it;
	long long n, aid;
	size_t seq, k;
	const char *got;
	int ok;

	*why = NULL;
	n = ledger_int(db, "SELECT count(*) FROM attempt a JOIN trainee t"
	    " ON t.id = a.trainee_id WHERE t.ticket = ?1", l->ticket);
	if (n == 0 && l->acks == 0)
		return 0;	/* killed before the attempt was started */
	if (n != 1) {
		*why = xasprintf("ticket %s has %lld attempts", l->ticket, n);
		return -1;
	}
	aid = ledger_int(db, "SELECT a.id FROM attempt a JOIN trainee t"
	    " ON t.id = a.trainee_id WHERE t.ticket = ?1", l->ticket);
	if (sqlite3_prepare_v2(db, "SELECT seq, response, count(*) OVER"
	    " (PARTITION BY seq) FROM paper_item WHERE attempt_id = ?1"
	    " ORDER BY seq", -1, &st, NULL) != SQLITE_OK) {
		*why = xasprintf("%s", sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_int64(st, 1, aid);
	for (n = 0; sqlite3_step(st) == SQLITE_ROW; n++) {
		seq = (size_t)sqlite3_column_int64(st, 0);
		got = (const char *)sqlite3_column_text(st, 1);
		if (seq != (size_t)n || sqlite3_column_int(st, 2) != 1) {
			*why = xasprintf("ticket %s: paper item %zu duplicated "
			    "or out of place", l->ticket, seq);
			break;
		}
		if (seq >= l->nitems)
			continue;
		it = &l->items[seq];
		ok = strcmp(got, it->acked) == 0;
		for (k = 0; !ok && k < it->nmaybe; k++)
			ok = strcmp(got, it->maybe[k]) == 0;
		if (!ok) {
			*why = xasprintf("ticket %s: question %zu holds \"%s\", "
			    "the screen confirmed \"%s\"", l->ticket, seq,
			    got, it->acked);
			break;
		}
	}
	sqlite3_finalize(st);
	if (*why == NULL && (size_t)n != l->nitems)
		*why = xasprintf("ticket %s: %lld paper items, expected %zu",
		    l->ticket, n, l->nitems);
	return *why == NULL ? 0 : -1;
}

size_t
stress_paper_size(sqlite3 *db, const char *ticket)
{
	long long n = ledger_int(db, "SELECT sum(d.count) FROM exam_draw d"
	    " JOIN cohort c ON c.exam_version_id = d.exam_version_id"
	    " JOIN trainee t ON t.cohort_id = c.id WHERE t.ticket = ?1",
	    ticket);

	return n > 0 ? (size_t)n : 0;
}

sqlite3 *
stress_db_open(const char *path)
{
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 10000);
	return db;
}

int
stress_db_sound(sqlite3 *db, char **why)
{
	sqlite3_stmt *st;
	const char *v;

	*why = NULL;
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) !=
	    SQLITE_OK) {
		*why = xasprintf("integrity_check: %s", sqlite3_errmsg(db));
		return -1;
	}
	if (sqlite3_step(st) != SQLITE_ROW ||
	    (v = (const char *)sqlite3_column_text(st, 0)) == NULL ||
	    strcmp(v, "ok") != 0)
		*why = xasprintf("integrity_check: %s",
		    sqlite3_column_text(st, 0) ? (const char *)
		    sqlite3_column_text(st, 0) : sqlite3_errmsg(db));
	sqlite3_finalize(st);
	if (*why != NULL)
		return -1;
	if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st,
	    NULL) != SQLITE_OK) {
		*why = xasprintf("foreign_key_check: %s", sqlite3_errmsg(db));
		return -1;
	}
	switch (sqlite3_step(st)) {
	case SQLITE_DONE:
		break;
	case SQLITE_ROW:
		*why = xasprintf("foreign_key_check: table %s row %lld",
		    sqlite3_column_text(st, 0),
		    (long long)sqlite3_column_int64(st, 1));
		break;
	default:
		*why = xasprintf("foreign_key_check: %s", sqlite3_errmsg(db));
	}
	sqlite3_finalize(st);
	return *why == NULL ? 0 : -1;
}

int
roster_read(const char *path, struct roster *r)
{
	FILE *fp = fopen(path, "r");
	char line[512], t[64], p[64];

	memset(r, 0, sizeof *r);
	if (fp == NULL)
		return -1;
	while (fgets(line, sizeof line, fp) != NULL) {
		/* ticket,name,community,pin (CRLF) */
		if (sscanf(line, "%63[0-9],%*[^,],%*[^,],%63[0-9]", t, p) != 2)
			continue;
		r->tickets = xreallocarray(r->tickets, r->n + 1,
		    sizeof *r->tickets);
		r->pins = xreallocarray(r->pins, r->n + 1, sizeof *r->pins);
		r->tickets[r->n] = xstrdup(t);
		r->pins[r->n++] = xstrdup(p);
	}
	fclose(fp);
	return r->n > 0 ? 0 : -1;
}

void
roster_release(struct roster *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->tickets[i]);
		free(r->pins[i]);
	}
	free(r->tickets);
	free(r->pins);
	memset(r, 0, sizeof *r);
}

int64_t
stress_percentile(const int64_t *sorted, size_t n, double p)
{
	size_t i;

	if (n == 0)
		return 0;
	/* Nearest rank. */
	i = (size_t)(p / 100.0 * (double)n + 0.999999);
	if (i < 1)
		i = 1;
	return sorted[i > n ? n - 1 : i - 1];
}
