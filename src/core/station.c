/*
 * The stations of a cohort's exam and each trainee's latest entry per
 * station: the read side of scoring, for the instructor client.
 */
#include "config.h"

#include "station.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cohort.h"
#include "core.h"
#include "results.h"
#include "store.h"

static void
station_release(struct station *st)
{
	size_t i;

	for (i = 0; i < st->nitems; i++) {
		free(st->items[i].item);
		free(st->items[i].label_zh);
		free(st->items[i].label_en);
	}
	free(st->items);
	free(st->rubric);
	free(st->title_zh);
	free(st->title_en);
}

static void
station_items(struct store *s, sqlite3_int64 version, struct station *st)
{
	sqlite3_stmt *q;
	size_t cap = 0;

	q = store_prepare(s, "SELECT item, label_zh, label_en, max, critical"
	    " FROM rubric_item WHERE rubric_version_id = ?1 ORDER BY seq");
	sqlite3_bind_int64(q, 1, version);
	while (sqlite3_step(q) == SQLITE_ROW) {
		struct station_item *it;

		xgrow(&st->items, &cap, st->nitems + 1, sizeof *st->items);
		it = &st->items[st->nitems++];
		it->item = xstrdup(store_text(q, 0));
		it->label_zh = xstrdup(store_text(q, 1));
		it->label_en = xstrdup(store_text(q, 2));
		it->max = sqlite3_column_int(q, 3);
		it->critical = sqlite3_column_int(q, 4) != 0;
	}
	sqlite3_finalize(q);
}

int
station_set_load(struct store *s, const char *cohort, struct station_set *ss,
    char **cause)
{
	struct cohort c;
	sqlite3_stmt *q;
	size_t cap = 0;

	memset(ss, 0, sizeof *ss);
	if (cohort_find(s, cohort, &c, cause) != 0)
		return -1;
	ss->cohort = xstrdup(c.cohort);
	ss->exam = xstrdup(c.exam);
	ss->sealed = c.sealed;
	q = store_prepare(s, "SELECT simulation_require = 'one-of', retakes"
	    " FROM exam_version WHERE id = ?1");
	sqlite3_bind_int64(q, 1, c.exam_version_id);
	if (sqlite3_step(q) == SQLITE_ROW) {
		ss->sim_one_of = sqlite3_column_int(q, 0);
		ss->retakes = sqlite3_column_int(q, 1);
	}
	sqlite3_finalize(q);

	/* The rubric versions score_set() checks against: the current ones. */
	q = store_prepare(s, "SELECT x.rubric, x.component = 'simulation',"
	    " r.title_zh, r.title_en, r.max, r.pass, r.id"
	    " FROM exam_component x JOIN current_rubric r"
	    " ON r.rubric = x.rubric"
	    " WHERE x.exam_version_id = ?1"
	    " ORDER BY x.component = 'simulation', x.seq");
	sqlite3_bind_int64(q, 1, c.exam_version_id);
	while (sqlite3_step(q) == SQLITE_ROW) {
		struct station *st;

		xgrow(&ss->stations, &cap, ss->n + 1, sizeof *ss->stations);
		st = &ss->stations[ss->n++];
		memset(st, 0, sizeof *st);
		st->rubric = xstrdup(store_text(q, 0));
		st->simulation = sqlite3_column_int(q, 1);
		st->title_zh = xstrdup(store_text(q, 2));
		st->title_en = xstrdup(store_text(q, 3));
		st->max = sqlite3_column_int(q, 4);
		st->pass = sqlite3_column_int(q, 5);
		station_items(s, sqlite3_column_int64(q, 6), st);
	}
	sqlite3_finalize(q);
	cohort_release(&c);
	return 0;
}

void
station_set_release(struct station_set *ss)
{
	size_t i;

	for (i = 0; i < ss->n; i++)
		station_release(&ss->stations[i]);
	free(ss->stations);
	free(ss->cohort);
	free(ss->exam);
	memset(ss, 0, sizeof *ss);
}

/* The row of ticket (rows are sorted by ticket), or NULL. */
static struct station_row *
station_find_row(struct station_board *b, const char *ticket)
{
	size_t lo = 0, hi = b->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(b->rows[mid].ticket, ticket);

		if (c == 0)
			return &b->rows[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

int
station_board_load(struct store *s, const struct station_set *ss,
    struct station_board *b, char **cause)
{
	struct cohort_result r;
	sqlite3_stmt *q;
	size_t i, k;

	memset(b, 0, sizeof *b);
	if (results_compute(s, ss->cohort, &r, cause) != 0)
		return -1;
	b->nstations = ss->n;
	b->rows = xcalloc(r.ntrainees ? r.ntrainees : 1, sizeof *b->rows);
	for (i = 0; i < r.ntrainees; i++) {
		const struct trainee_result *t = &r.trainees[i];
		struct station_row *row = &b->rows[b->n++];

		row->ticket = xstrdup(t->ticket);
		row->name = xstrdup(t->name);
		row->community = xstrdup(t->community);
		row->withdrawn = t->cls == CLASS_WITHDRAWN;
		row->written = t->comp[COMP_WRITTEN].present;
		row->written_tenths = t->comp[COMP_WRITTEN].tenths;
		row->st = xcalloc(ss->n ? ss->n : 1, sizeof *row->st);
	}
	results_release(&r);

	q = store_prepare(s, "SELECT t.ticket, e.rubric, e.id, e.total, e.max,"
	    " e.passed, e.critical_missed, e.retake,"
	    " (SELECT count(*) FROM score_entry x WHERE x.trainee_id = t.id"
	    "   AND x.rubric = e.rubric),"
	    " (SELECT count(*) FROM score_entry x WHERE x.trainee_id = t.id"
	    "   AND x.rubric = e.rubric AND x.retake)"
	    " FROM trainee t JOIN cohort c ON c.id = t.cohort_id"
	    " JOIN score_entry e ON e.trainee_id = t.id"
	    " WHERE c.cohort = ?1 AND e.rubric <> 'written'"
	    " AND e.id = (SELECT max(id) FROM score_entry x"
	    "   WHERE x.trainee_id = t.id AND x.rubric = e.rubric)");
	sqlite3_bind_text(q, 1, ss->cohort, -1, SQLITE_STATIC);
	while (sqlite3_step(q) == SQLITE_ROW) {
		struct station_row *row = station_find_row(b,
		    store_text(q, 0));
		const char *rubric = store_text(q, 1);
		struct station_state *st;

		for (k = 0; k < ss->n; k++)
			if (strcmp(ss->stations[k].rubric, rubric) == 0)
				break;
		if (row == NULL || k == ss->n)
			continue;	/* a rubric the exam no longer names */
		st = &row->st[k];
		st->entry = sqlite3_column_int64(q, 2);
		st->total = sqlite3_column_int(q, 3);
		st->max = sqlite3_column_int(q, 4);
		st->passed = sqlite3_column_int(q, 5);
		st->critical_missed = sqlite3_column_int(q, 6);
		st->retake = sqlite3_column_int(q, 7);
		st->entries = sqlite3_column_int(q, 8);
		st->retakes = sqlite3_column_int(q, 9);
	}
	sqlite3_finalize(q);
	return 0;
}

void
station_board_release(struct station_board *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		free(b->rows[i].ticket);
		free(b->rows[i].name);
		free(b->rows[i].community);
		free(b->rows[i].st);
	}
	free(b->rows);
	memset(b, 0, sizeof *b);
}

void
station_entry_marks(struct store *s, sqlite3_int64 entry,
    const struct station *st, int *marks, char **comment)
{
	sqlite3_stmt *q;
	size_t i;

	for (i = 0; i < st->nitems; i++)
		marks[i] = -1;
	q = store_prepare(s, "SELECT item, mark FROM score_mark"
	    " WHERE entry_id = ?1");
	sqlite3_bind_int64(q, 1, entry);
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *item = store_text(q, 0);

		for (i = 0; i < st->nitems; i++)
			if (strcmp(st->items[i].item, item) == 0)
				marks[i] = sqlite3_column_int(q, 1);
	}
	sqlite3_finalize(q);
	if (comment == NULL)
		return;
	q = store_prepare(s, "SELECT comment FROM score_entry WHERE id = ?1");
	sqlite3_bind_int64(q, 1, entry);
	*comment = xstrdup(sqlite3_step(q) == SQLITE_ROW ?
	    store_text(q, 0) : "");
	sqlite3_finalize(q);
}

int
station_entry_when(struct store *s, sqlite3_int64 entry, char at[32],
    char **by)
{
	sqlite3_stmt *q;
	int rc = -1;

	at[0] = '\0';
	*by = NULL;
	q = store_prepare(s, "SELECT e.entered_at, u.name FROM score_entry e"
	    " JOIN app_user u ON u.id = e.entered_by WHERE e.id = ?1");
	sqlite3_bind_int64(q, 1, entry);
	if (sqlite3_step(q) == SQLITE_ROW) {
		if (fl_local_time(store_text(q, 0), 1, at) == NULL)
			snprintf(at, 32, "%s", store_text(q, 0));
		*by = xstrdup(store_text(q, 1));
		rc = 0;
	}
	sqlite3_finalize(q);
	if (*by == NULL)
		*by = xstrdup("");
	return rc;
}

int
station_percent(int total, int max)
{
	if (max <= 0)
		return 0;
	return (int)((200L * total + max) / (2L * max));
}
