/*
 * Drawing papers from a blueprint with a seeded generator, storing them, and
 * loading a frozen paper with its texts in display order.
 */
#include "config.h"

#include "paper.h"

#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "rand.h"
#include "store.h"

void
paper_draws_free(struct paper_draw *d, long n)
{
	long i;

	for (i = 0; i < n; i++)
		free(d[i].module);
	free(d);
}

/* Shuffle the options of draw d (truefalse questions have none). */
static void
paper_shuffle_options(struct store *s, struct prng *p, struct paper_draw *d)
{
	sqlite3_stmt *st;
	const char *type = "";
	int i, sorted;

	st = store_prepare(s, "SELECT q.type, count(o.seq) FROM question q"
	    " LEFT JOIN question_option o ON o.question_id = q.id"
	    " WHERE q.id = ?1 GROUP BY q.id");
	sqlite3_bind_int64(st, 1, d->question_id);
	d->noptions = 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		d->noptions = sqlite3_column_int(st, 1);
		type = store_text(st, 0);
	}
	if (d->noptions > 8)
		d->noptions = 8;
	for (i = 0; i < d->noptions; i++)
		d->order[i] = i;
	prng_shuffle(p, d->order, (size_t)d->noptions, sizeof d->order[0]);
	/* An ordering question must not be shown already in order. */
	if (strcmp(type, "ordering") == 0 && d->noptions > 1) {
		sqlite3_stmt *pos = store_prepare(s, "SELECT position FROM"
		    " question_option WHERE question_id = ?1 AND seq = ?2");
		int prev = 0, cur;

		sorted = 1;
		for (i = 0; i < d->noptions && sorted; i++) {
			sqlite3_bind_int64(pos, 1, d->question_id);
			sqlite3_bind_int(pos, 2, d->order[i]);
			cur = sqlite3_step(pos) == SQLITE_ROW ?
			    sqlite3_column_int(pos, 0) : 0;
			sqlite3_reset(pos);
			if (cur < prev)
				sorted = 0;
			prev = cur;
		}
		sqlite3_finalize(pos);
		if (sorted) {
			int first = d->order[0];

			for (i = 0; i + 1 < d->noptions; i++)
				d->order[i] = d->order[i + 1];
			d->order[d->noptions - 1] = first;
		}
	}
	sqlite3_finalize(st);
}

long
paper_draw(struct store *s, sqlite3_int64 evid, uint64_t seed,
    struct paper_draw **out, char **cause)
{
	sqlite3_stmt *bp, *qs;
	struct prng p;
	struct paper_draw *d = NULL;
	sqlite3_int64 *ids = NULL;
	size_t cap = 0, idcap = 0, nids, i;
	long n = 0, module_start = 0;
	char *prev = NULL;

	prng_seed(&p, seed);
	bp = store_prepare(s, "SELECT module, difficulty, count, type"
	    " FROM exam_draw WHERE exam_version_id = ?1 ORDER BY seq");
	qs = store_prepare(s, "SELECT q.id FROM question q"
	    " JOIN current_module m ON m.id = q.module_version_id"
	    " WHERE m.module = ?1 AND q.difficulty = ?2"
	    " AND (?3 = '' OR q.type = ?3) ORDER BY q.id");
	sqlite3_bind_int64(bp, 1, evid);
	for (;;) {
		int more = sqlite3_step(bp) == SQLITE_ROW;
		const char *module = more ? store_text(bp, 0) : "";
		int diff = more ? sqlite3_column_int(bp, 1) : 0;
		int count = more ? sqlite3_column_int(bp, 2) : 0;
		const char *type = more ? store_text(bp, 3) : "";

		/* A module ends: shuffle its questions among themselves. */
		if (prev != NULL && (!more || strcmp(prev, module) != 0)) {
			prng_shuffle(&p, d + module_start,
			    (size_t)(n - module_start), sizeof *d);
			module_start = n;
		}
		if (!more)
			break;
		free(prev);
		prev = xstrdup(module);

		nids = 0;
		sqlite3_bind_text(qs, 1, module, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(qs, 2, diff);
		sqlite3_bind_text(qs, 3, type, -1, SQLITE_TRANSIENT);
		while (sqlite3_step(qs) == SQLITE_ROW) {
			xgrow(&ids, &idcap, nids + 1, sizeof *ids);
			ids[nids++] = sqlite3_column_int64(qs, 0);
		}
		sqlite3_reset(qs);
		if (nids < (size_t)count) {
			if (*type == '\0')
				*cause = xasprintf(ngettext("module %s has "
				    "%zu question of difficulty %d, the "
				    "blueprint needs %d", "module %s has %zu "
				    "questions of difficulty %d, the blueprint "
				    "needs %d", nids), module, nids, diff,
				    count);
			else
				*cause = xasprintf(ngettext("module %s has "
				    "%zu %s question of difficulty %d, the "
				    "blueprint needs %d", "module %s has %zu "
				    "%s questions of difficulty %d, the "
				    "blueprint needs %d", nids), module, nids,
				    type, diff, count);
			paper_draws_free(d, n);
			d = NULL;
			n = -1;
			break;
		}
		/* Partial Fisher-Yates: the first count of a shuffle. */
		for (i = 0; i < (size_t)count; i++) {
			size_t j = i + prng_below(&p, (uint32_t)(nids - i));
			sqlite3_int64 t = ids[i];

			ids[i] = ids[j];
			ids[j] = t;
			xgrow(&d, &cap, (size_t)n + 1, sizeof *d);
			memset(&d[n], 0, sizeof d[n]);
			d[n].question_id = ids[i];
			d[n].module = xstrdup(module);
			n++;
		}
	}
	if (n > 0)
		for (i = 0; i < (size_t)n; i++)
			paper_shuffle_options(s, &p, &d[i]);
	sqlite3_finalize(bp);
	sqlite3_finalize(qs);
	free(ids);
	free(prev);
	*out = d;
	return n;
}

int
paper_store(struct store *s, sqlite3_int64 aid, const struct paper_draw *d,
    long n, char **cause)
{
	sqlite3_stmt *st;
	char order[64];
	long i;
	int j, rc = 0;
	size_t off;

	st = store_prepare(s, "INSERT INTO paper_item (attempt_id, seq,"
	    " question_id, module, option_order) VALUES (?1, ?2, ?3, ?4, ?5)");
	for (i = 0; i < n && rc == 0; i++) {
		order[0] = '\0';
		for (j = 0, off = 0; j < d[i].noptions; j++)
			off += (size_t)snprintf(order + off, sizeof order - off,
			    j ? ",%d" : "%d", d[i].order[j]);
		sqlite3_bind_int64(st, 1, aid);
		sqlite3_bind_int64(st, 2, i);
		sqlite3_bind_int64(st, 3, d[i].question_id);
		sqlite3_bind_text(st, 4, d[i].module, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, order, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE) {
			*cause = store_error(s, "cannot store the paper");
			rc = -1;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

void
paper_items_free(struct paper_item *items, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		free(items[i].qid);
		free(items[i].module);
		ltext_free(&items[i].stem);
		ltext_free(&items[i].explanation);
		for (j = 0; j < items[i].noptions; j++)
			ltext_free(&items[i].options[j].text);
		free(items[i].options);
		free(items[i].response);
	}
	free(items);
}

int
paper_load(struct store *s, struct attempt *a, char **cause)
{
	sqlite3_stmt *st, *os;
	size_t cap = 0;
	const char *order, *p;
	char *end;
	int k;

	st = store_stmt(s, "SELECT q.qid, p.module, q.type, q.difficulty,"
	    " q.stem_zh, q.stem_en, q.explanation_zh, q.explanation_en,"
	    " coalesce(q.answer, 0), p.option_order, p.response, p.flagged,"
	    " q.id, q.untranslated FROM paper_item p"
	    " JOIN question q ON q.id = p.question_id"
	    " WHERE p.attempt_id = ?1 ORDER BY p.seq");
	os = store_stmt(s, "SELECT text_zh, text_en, correct,"
	    " coalesce(position, 0) FROM question_option"
	    " WHERE question_id = ?1 AND seq = ?2");
	sqlite3_bind_int64(st, 1, a->id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct paper_item *it;
		const char *type = store_text(st, 2);

		xgrow(&a->items, &cap, a->nitems + 1, sizeof *a->items);
		it = &a->items[a->nitems++];
		memset(it, 0, sizeof *it);
		it->qid = xstrdup(store_text(st, 0));
		it->module = xstrdup(store_text(st, 1));
		for (k = 0; k < QTYPE_COUNT; k++)
			if (strcmp(type, qtype_name((enum qtype)k)) == 0)
				it->type = (enum qtype)k;
		it->difficulty = sqlite3_column_int(st, 3);
		it->stem.zh = xstrdup(store_text(st, 4));
		it->stem.en = xstrdup(store_text(st, 5));
		it->explanation.zh = xstrdup(store_text(st, 6));
		it->explanation.en = xstrdup(store_text(st, 7));
		it->answer = sqlite3_column_int(st, 8);
		it->response = xstrdup(store_text(st, 10));
		it->flagged = sqlite3_column_int(st, 11);
		it->untranslated = qtext_copies_parse(store_text(st, 13));
		order = store_text(st, 9);
		it->options = xcalloc(8, sizeof *it->options);
		for (p = order; *p != '\0' && it->noptions < 8; p = end) {
			long seq = strtol(p, &end, 10);
			struct paper_option *o = &it->options[it->noptions];

			if (end == p)
				break;
			if (*end == ',')
				end++;
			sqlite3_bind_int64(os, 1, sqlite3_column_int64(st, 12));
			sqlite3_bind_int64(os, 2, seq);
			if (sqlite3_step(os) == SQLITE_ROW) {
				o->text.zh = xstrdup(store_text(os, 0));
				o->text.en = xstrdup(store_text(os, 1));
				o->correct = sqlite3_column_int(os, 2);
				o->position = sqlite3_column_int(os, 3);
				it->noptions++;
			}
			sqlite3_reset(os);
		}
	}
	store_done(s, st);
	store_done(s, os);
	if (a->nitems == 0) {
		*cause = xasprintf(_("attempt %lld has no paper"),
		    (long long)a->id);
		return -1;
	}
	return 0;
}
