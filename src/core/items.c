/*
 * The item analysis over the database: every submitted or expired written
 * attempt of a cohort (or of all cohorts), grouped by the exam version its
 * paper was drawn from, each item scored from the frozen key by grade_item
 * under the exam's partial-credit policy; then the statistics of
 * items-stats.c per question and per paper, and the tables presenters print.
 *
 * Alpha is computed over slots, not questions.  Papers differ per trainee,
 * so no question is on every paper, but the blueprint gives every paper the
 * same cells: line L (module, difficulty, count) of the blueprint fills
 * count slots.  Slot j of a paper is the k-th question of its cell, k
 * counted in display order; every attempt has a score in every slot, and
 * questions in one slot are drawn from the same module and difficulty, so
 * a slot plays the part of Moodle's quiz position (Moodle also computes its
 * coefficient of internal consistency over slots when questions are random).
 */
#include "config.h"

#include "items.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "attempt.h"
#include "cohort.h"
#include "core.h"
#include "store.h"

/* The paper of exam version evid, created with its blueprint if new. */
static struct items_paper *
items_paper_get(struct store *s, struct items_report *r, size_t *cap,
    sqlite3_stmt *row)
{
	sqlite3_int64 evid = sqlite3_column_int64(row, 1);
	struct items_paper *p;
	sqlite3_stmt *st;
	size_t i, ccap = 0;

	for (i = 0; i < r->npapers; i++)
		if (r->papers[i].evid == evid)
			return &r->papers[i];
	xgrow(&r->papers, cap, r->npapers + 1, sizeof *r->papers);
	p = &r->papers[r->npapers++];
	memset(p, 0, sizeof *p);
	p->evid = evid;
	p->exam = xstrdup(store_text(row, 2));
	p->version = sqlite3_column_int(row, 3);
	p->title = xstrdup(store_text(row, 4));
	st = store_prepare(s, "SELECT module, difficulty, count, type"
	    " FROM exam_draw WHERE exam_version_id = ?1 ORDER BY seq");
	sqlite3_bind_int64(st, 1, evid);
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t c = p->ncells++;

		if (c == ccap) {
			xgrow(&p->cell_module, &ccap, p->ncells,
			    sizeof *p->cell_module);
			p->cell_difficulty = xreallocarray(p->cell_difficulty,
			    ccap, sizeof *p->cell_difficulty);
			p->cell_count = xreallocarray(p->cell_count, ccap,
			    sizeof *p->cell_count);
			p->cell_type = xreallocarray(p->cell_type, ccap,
			    sizeof *p->cell_type);
		}
		p->cell_type[c] = -1;
		for (i = 0; i < QTYPE_COUNT; i++)
			if (strcmp(store_text(st, 3),
			    qtype_name((enum qtype)i)) == 0)
				p->cell_type[c] = (int)i;
		p->cell_module[c] = xstrdup(store_text(st, 0));
		p->cell_difficulty[c] = sqlite3_column_int(st, 1);
		p->cell_count[c] = (size_t)sqlite3_column_int(st, 2);
		p->nslots += p->cell_count[c];
	}
	sqlite3_finalize(st);
	return p;
}

/* The blueprint line of it, or ncells when it has none. */
static size_t
items_cell(const struct items_paper *p, const struct paper_item *it)
{
	size_t c;

	for (c = 0; c < p->ncells; c++)
		if (p->cell_difficulty[c] == it->difficulty &&
		    (p->cell_type[c] < 0 || p->cell_type[c] ==
		    (int)it->type) &&
		    strcmp(p->cell_module[c], it->module) == 0)
			break;
	return c;
}

/* Find or insert (sorted by qid, then bank version) the question of it. */
static struct items_question *
items_question_get(struct items_paper *p, const struct paper_item *it,
    int bank_version)
{
	struct items_question *q;
	size_t lo = 0, hi = p->nq, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(p->q[mid].qid, it->qid);
		if (c == 0)
			c = (p->q[mid].bank_version > bank_version) -
			    (p->q[mid].bank_version < bank_version);
		if (c == 0)
			return &p->q[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	xgrow(&p->q, &p->qcap, p->nq + 1, sizeof *p->q);
	memmove(&p->q[lo + 1], &p->q[lo], (p->nq - lo) * sizeof *p->q);
	p->nq++;
	q = &p->q[lo];
	memset(q, 0, sizeof *q);
	q->qid = xstrdup(it->qid);
	q->module = xstrdup(it->module);
	q->type = it->type;
	q->difficulty = it->difficulty;
	q->bank_version = bank_version;
	q->cell = items_cell(p, it);
	return q;
}

/*
 * Add attempt a (scored items in score[], bank versions in bv[]) to p: one
 * draw per question, one row of the slot matrix.
 */
static void
items_add_attempt(struct items_paper *p, const struct attempt *a,
    const double *score, const int *bv)
{
	size_t *used = xcalloc(p->ncells + 1, sizeof *used), i, c, slot, base;
	double total = 0, *row;

	for (i = 0; i < a->nitems; i++)
		total += score[i];
	xgrow(&p->m, &p->mcap, (p->nattempts + 1) * (p->nslots ? p->nslots :
	    1), sizeof *p->m);
	row = &p->m[p->nattempts++ * p->nslots];
	memset(row, 0, p->nslots * sizeof *row);
	if (a->nitems != p->nslots)
		p->mismatch = 1;
	for (i = 0; i < a->nitems; i++) {
		struct items_question *q = items_question_get(p, &a->items[i],
		    bv[i]);

		if (q->n == q->cap) {
			xgrow(&q->score, &q->cap, q->n + 1, sizeof *q->score);
			q->total = xreallocarray(q->total, q->cap,
			    sizeof *q->total);
		}
		q->score[q->n] = score[i];
		q->total[q->n++] = total;
		c = items_cell(p, &a->items[i]);
		for (base = 0, slot = 0; slot < c && slot < p->ncells; slot++)
			base += p->cell_count[slot];
		if (c == p->ncells || used[c] >= p->cell_count[c]) {
			p->mismatch = 1;
			continue;
		}
		row[base + used[c]++] = score[i];
	}
	free(used);
}

/*
 * What scoring needs of one question, by its row id, read once for the
 * whole report: a city holds millions of paper items but only the few
 * hundred questions they were drawn from, so the keys are cached here
 * rather than read (with every text) attempt by attempt as paper_load does.
 */
struct items_key {
	int		 loaded;
	char		*qid;
	char		*module;
	enum qtype	 type;
	int		 difficulty;
	int		 answer;
	int		 bank_version;
	int		 n;		/* options, in seq order */
	int		 seq[8], correct[8], position[8];
};

/* One paper item as scoring sees it: the key, the options shown, the answer. */
struct items_slot {
	struct paper_item	item;
	struct paper_option	options[8];
	char			response[32];
	int			bank_version;
};

struct items_keys {
	struct items_key	*k;
	size_t			 cap;
	sqlite3_stmt		*qs, *os;
	struct items_slot	*slots;		/* one attempt's items */
	size_t			 slotcap;
};

static void
items_keys_init(struct store *s, struct items_keys *ks)
{
	memset(ks, 0, sizeof *ks);
	ks->qs = store_prepare(s, "SELECT q.qid, m.module, q.type,"
	    " q.difficulty, coalesce(q.answer, 0), m.version FROM question q"
	    " JOIN module_version m ON m.id = q.module_version_id"
	    " WHERE q.id = ?1");
	ks->os = store_prepare(s, "SELECT seq, correct, coalesce(position, 0)"
	    " FROM question_option WHERE question_id = ?1 ORDER BY seq");
}

static void
items_keys_free(struct items_keys *ks)
{
	size_t i;

	for (i = 0; i < ks->cap; i++) {
		free(ks->k[i].qid);
		free(ks->k[i].module);
	}
	free(ks->k);
	free(ks->slots);
	sqlite3_finalize(ks->qs);
	sqlite3_finalize(ks->os);
}

/* The key of question id (a row id of question), read on first use. */
static const struct items_key *
items_key(struct items_keys *ks, sqlite3_int64 id)
{
	struct items_key *k;
	const char *type;
	size_t old = ks->cap;
	int t;

	if (id < 0)
		id = 0;
	if ((size_t)id >= ks->cap) {
		ks->cap = (size_t)id + 64;
		ks->k = xreallocarray(ks->k, ks->cap, sizeof *ks->k);
		memset(ks->k + old, 0, (ks->cap - old) * sizeof *ks->k);
	}
	k = &ks->k[id];
	if (k->loaded)
		return k;
	k->loaded = 1;
	sqlite3_bind_int64(ks->qs, 1, id);
	if (sqlite3_step(ks->qs) == SQLITE_ROW) {
		k->qid = xstrdup(store_text(ks->qs, 0));
		k->module = xstrdup(store_text(ks->qs, 1));
		type = store_text(ks->qs, 2);
		for (t = 0; t < QTYPE_COUNT; t++)
			if (strcmp(type, qtype_name((enum qtype)t)) == 0)
				k->type = (enum qtype)t;
		k->difficulty = sqlite3_column_int(ks->qs, 3);
		k->answer = sqlite3_column_int(ks->qs, 4);
		k->bank_version = sqlite3_column_int(ks->qs, 5);
	} else {
		k->qid = xstrdup("");
		k->module = xstrdup("");
	}
	sqlite3_reset(ks->qs);
	sqlite3_bind_int64(ks->os, 1, id);
	while (sqlite3_step(ks->os) == SQLITE_ROW && k->n < 8) {
		k->seq[k->n] = sqlite3_column_int(ks->os, 0);
		k->correct[k->n] = sqlite3_column_int(ks->os, 1);
		k->position[k->n] = sqlite3_column_int(ks->os, 2);
		k->n++;
	}
	sqlite3_reset(ks->os);
	return k;
}


/*
 * Fill sl from k, option_order (the seqs in display order) and response;
 * the item points into the cache and into sl (until sl moves), nothing is
 * allocated.
 */
static void
items_slot_fill(struct items_slot *sl, const struct items_key *k,
    const char *order, const char *response)
{
	struct paper_item *it = &sl->item;
	const char *p;
	char *end;
	long seq;
	int j;

	memset(it, 0, sizeof *it);
	it->qid = k->qid;
	it->module = k->module;
	it->type = k->type;
	it->difficulty = k->difficulty;
	it->answer = k->answer;
	it->options = sl->options;
	for (p = order; *p != '\0' && it->noptions < 8; p = end) {
		seq = strtol(p, &end, 10);
		if (end == p)
			break;
		if (*end == ',')
			end++;
		for (j = 0; j < k->n && k->seq[j] != seq; j++)
			;
		if (j == k->n)
			continue;
		memset(&sl->options[it->noptions], 0, sizeof sl->options[0]);
		sl->options[it->noptions].correct = k->correct[j];
		sl->options[it->noptions].position = k->position[j];
		it->noptions++;
	}
	if (strlen(response) < sizeof sl->response)
		memcpy(sl->response, response, strlen(response) + 1);
	else
		sl->response[0] = '\0';	/* not a response of ours */
	it->response = sl->response;
}

/* Score and add attempt aid (partial: the exam's policy). */
static int
items_attempt(struct items_paper *p, sqlite3_stmt *ps, struct items_keys *ks,
    sqlite3_int64 aid, int partial, char **cause)
{
	struct attempt a;
	double *score;
	int *bv;
	size_t i, n = 0;

	sqlite3_bind_int64(ps, 1, aid);
	while (sqlite3_step(ps) == SQLITE_ROW) {
		const struct items_key *k = items_key(ks,
		    sqlite3_column_int64(ps, 0));

		xgrow(&ks->slots, &ks->slotcap, n + 1, sizeof *ks->slots);
		items_slot_fill(&ks->slots[n], k, store_text(ps, 1),
		    store_text(ps, 2));
		ks->slots[n++].bank_version = k->bank_version;
	}
	sqlite3_reset(ps);
	if (n == 0) {
		*cause = xasprintf(_("attempt %lld has no paper"),
		    (long long)aid);
		return -1;
	}
	memset(&a, 0, sizeof a);
	a.id = aid;
	a.items = xcalloc(n, sizeof *a.items);
	a.nitems = n;
	score = xcalloc(n, sizeof *score);
	bv = xcalloc(n, sizeof *bv);
	for (i = 0; i < n; i++) {
		/* Pointers into the slots only now: xgrow may have moved them. */
		a.items[i] = ks->slots[i].item;
		a.items[i].options = ks->slots[i].options;
		a.items[i].response = ks->slots[i].response;
		score[i] = grade_item(&a.items[i], partial) / 1000.0;
		bv[i] = ks->slots[i].bank_version;
	}
	items_add_attempt(p, &a, score, bv);
	free(a.items);	/* the items point into ks: nothing else to free */
	free(score);
	free(bv);
	return 0;
}

static int
items_cmp_question(const void *a, const void *b)
{
	const struct items_question *x = a, *y = b;
	int c;

	if (x->cell != y->cell)
		return x->cell < y->cell ? -1 : 1;
	if ((c = strcmp(x->qid, y->qid)) != 0)
		return c;
	return (x->bank_version > y->bank_version) -
	    (x->bank_version < y->bank_version);
}

/* The statistics of p's questions and of p, questions put in order. */
static void
items_finish(struct items_paper *p)
{
	size_t i;

	for (i = 0; i < p->nq; i++)
		items_item_stats(p->q[i].score, p->q[i].total, p->q[i].n, 1.0,
		    &p->q[i].st);
	qsort(p->q, p->nq, sizeof *p->q, items_cmp_question);
	items_paper_stats(p->m, p->nattempts, p->nslots, &p->st);
	if (p->mismatch) {
		/* Without complete slots there is no alpha to speak of. */
		p->st.alpha = p->st.error_ratio = p->st.se = NAN;
		p->st.flags &= ~(unsigned)PAPER_LOW_ALPHA;
	}
}

/* The cohort's id (0 for all), closing attempts past their deadline. */
static int
items_scope(struct store *s, const char *cohort, sqlite3_int64 *id,
    char **cause)
{
	struct cohort c;

	*id = 0;
	if (cohort == NULL)
		return attempt_expire_due(s, 0, cause) < 0 ? -1 : 0;
	if (cohort_find_due(s, cohort, &c, cause) != 0)
		return -1;
	*id = c.id;
	cohort_release(&c);
	return 0;
}

int
items_compute(struct store *s, const char *cohort, int first_only,
    struct items_report *r, char **cause)
{
	sqlite3_stmt *st, *ps;
	struct items_keys ks;
	sqlite3_int64 cid;
	size_t cap = 0, i;
	int rc = 0;

	memset(r, 0, sizeof *r);
	if (items_scope(s, cohort, &cid, cause) != 0)
		return -1;
	r->cohort = cohort != NULL ? xstrdup(cohort) : NULL;
	r->first_only = first_only;
	st = store_prepare(s, "SELECT a.id, e.id, e.exam, e.version,"
	    " CASE WHEN ?2 THEN e.title_zh ELSE e.title_en END,"
	    " e.partial_credit FROM attempt a"
	    " JOIN trainee t ON t.id = a.trainee_id"
	    " JOIN cohort c ON c.id = t.cohort_id"
	    " JOIN exam_version e ON e.id = c.exam_version_id"
	    " WHERE a.status IN ('submitted','expired')"
	    " AND (?1 = 0 OR c.id = ?1) AND (?3 = 0 OR a.number = 1)"
	    " ORDER BY e.exam, e.version, a.id");
	ps = store_prepare(s, "SELECT question_id, option_order, response"
	    " FROM paper_item WHERE attempt_id = ?1 ORDER BY seq");
	items_keys_init(s, &ks);
	sqlite3_bind_int64(st, 1, cid);
	sqlite3_bind_int(st, 2, fl_lang_zh());
	sqlite3_bind_int(st, 3, first_only);
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW)
		rc = items_attempt(items_paper_get(s, r, &cap, st), ps, &ks,
		    sqlite3_column_int64(st, 0), sqlite3_column_int(st, 5),
		    cause);
	sqlite3_finalize(st);
	sqlite3_finalize(ps);
	items_keys_free(&ks);
	if (rc != 0) {
		items_release(r);
		return -1;
	}
	for (i = 0; i < r->npapers; i++)
		items_finish(&r->papers[i]);
	return 0;
}

void
items_release(struct items_report *r)
{
	size_t i, j;

	for (i = 0; i < r->npapers; i++) {
		struct items_paper *p = &r->papers[i];

		for (j = 0; j < p->nq; j++) {
			free(p->q[j].qid);
			free(p->q[j].module);
			free(p->q[j].score);
			free(p->q[j].total);
		}
		for (j = 0; j < p->ncells; j++)
			free(p->cell_module[j]);
		free(p->cell_module);
		free(p->cell_difficulty);
		free(p->cell_type);
		free(p->cell_count);
		free(p->q);
		free(p->m);
		free(p->exam);
		free(p->title);
	}
	free(r->papers);
	free(r->cohort);
	memset(r, 0, sizeof *r);
}

/* Point row[c] at cell[c] for every column, for the cells to fill. */
static void
items_row(const char **row, char (*cell)[32], size_t ncols)
{
	size_t c;

	for (c = 0; c < ncols; c++)
		row[c] = cell[c];
}

void
items_table(const struct items_report *r, const char *undefined, int all,
    struct table *t)
{
	static const char *const h[] = { "qid", "module", "type",
	    "difficulty", "drawn", "facility", "sd", "discrimination",
	    "efficiency", "flags", "bank_version", "exam", "exam_version" };
	char cell[13][32];
	const char *row[13];
	size_t i, j;

	table_init(t, all ? 13 : 10, h);
	t->numeric = 0x1f8 | 1ul << 10 | 1ul << 12;
	items_row(row, cell, 13);
	for (i = 0; i < r->npapers; i++) {
		const struct items_paper *p = &r->papers[i];

		row[11] = p->exam;
		snprintf(cell[12], 32, "%d", p->version);
		for (j = 0; j < p->nq; j++) {
			const struct items_question *q = &p->q[j];

			row[0] = q->qid;
			row[1] = q->module;
			row[2] = qtype_name(q->type);
			snprintf(cell[3], 32, "%d", q->difficulty);
			snprintf(cell[4], 32, "%zu", q->st.n);
			items_format(q->st.facility, 3, undefined, cell[5]);
			items_format(q->st.sd, 3, undefined, cell[6]);
			items_format(q->st.discrimination, 3, undefined,
			    cell[7]);
			items_format(q->st.efficiency, 3, undefined, cell[8]);
			items_item_flags(q->st.flags, cell[9], 32);
			snprintf(cell[10], 32, "%d", q->bank_version);
			table_add(t, row);
		}
	}
}

void
items_summary(const struct items_report *r, const char *undefined,
    struct table *t)
{
	static const char *const h[] = { "exam", "exam_version", "attempts",
	    "questions", "mean", "sd", "alpha", "error_ratio", "se",
	    "flags" };
	char cell[10][32];
	const char *row[10];
	size_t i;

	table_init(t, 10, h);
	t->numeric = 0x1fe;
	items_row(row, cell, 10);
	for (i = 0; i < r->npapers; i++) {
		const struct paper_stats *ps = &r->papers[i].st;
		double pct = ps->max > 0 ? 100 / ps->max : NAN;

		row[0] = r->papers[i].exam;
		snprintf(cell[1], 32, "%d", r->papers[i].version);
		snprintf(cell[2], 32, "%zu", ps->n);
		snprintf(cell[3], 32, "%zu", ps->k);
		items_format(ps->mean * pct, 2, undefined, cell[4]);
		items_format(ps->sd * pct, 2, undefined, cell[5]);
		items_format(ps->alpha, 3, undefined, cell[6]);
		items_format(ps->error_ratio * 100, 2, undefined, cell[7]);
		items_format(ps->se * pct, 2, undefined, cell[8]);
		items_paper_flags(ps->flags, cell[9], 32);
		table_add(t, row);
	}
}

/* The bank row of module m: its questions on paper p. */
static void
items_bank_row(const struct items_paper *p, const char *m,
    const char *undefined, char (*cell)[32])
{
	double marks = 0, dsum = 0;
	size_t n = 0, drawn = 0, nd = 0, easy = 0, neg = 0, few = 0, i;

	for (i = 0; i < p->nq; i++) {
		const struct item_stats *st = &p->q[i].st;

		if (strcmp(p->q[i].module, m) != 0)
			continue;
		n++;
		drawn += st->n;
		marks += st->facility * (double)st->n;
		if (!isnan(st->discrimination)) {
			dsum += st->discrimination;
			nd++;
		}
		easy += (st->flags & ITEM_EASY) != 0;
		neg += (st->flags & ITEM_NEGATIVE) != 0;
		few += (st->flags & ITEM_FEW) != 0;
	}
	snprintf(cell[1], 32, "%zu", n);
	snprintf(cell[2], 32, "%zu", drawn);
	items_format(drawn > 0 ? marks / (double)drawn : NAN, 3, undefined,
	    cell[3]);
	items_format(nd > 0 ? dsum / (double)nd : NAN, 3, undefined, cell[4]);
	snprintf(cell[5], 32, "%zu", easy);
	snprintf(cell[6], 32, "%zu", neg);
	snprintf(cell[7], 32, "%zu", few);
}

void
items_banks(const struct items_report *r, const char *undefined, int all,
    struct table *t)
{
	static const char *const h[] = { "module", "questions", "drawn",
	    "facility", "discrimination", "easy", "negative", "few", "exam",
	    "exam_version" };
	char cell[10][32];
	const char *row[10];
	size_t i, c, j;

	table_init(t, all ? 10 : 8, h);
	t->numeric = 0xfe | 1ul << 9;
	items_row(row, cell, 10);
	for (i = 0; i < r->npapers; i++) {
		const struct items_paper *p = &r->papers[i];

		row[8] = p->exam;
		snprintf(cell[9], 32, "%d", p->version);
		/* Each module once, where the blueprint first names it. */
		for (c = 0; c < p->ncells; c++) {
			for (j = 0; j < c; j++)
				if (strcmp(p->cell_module[j],
				    p->cell_module[c]) == 0)
					break;
			if (j < c)
				continue;
			row[0] = p->cell_module[c];
			items_bank_row(p, row[0], undefined, cell);
			table_add(t, row);
		}
	}
}
