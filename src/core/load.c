/*
 * Writing a checked content set into the store, all files or none, keeping
 * every earlier version.
 */
#include "config.h"

#include "load.h"

#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "store.h"
#include "strmap.h"

/*
 * The current version of name in table (module_version, rubric_version,
 * exam_version keyed by column) and whether its digest equals digest.
 */
static int
current_version(struct store *s, const char *table, const char *column,
    const char *name, const char *digest, int *same)
{
	sqlite3_stmt *st;
	char *sql;
	int v = 0;

	sql = xasprintf("SELECT version, digest FROM %s WHERE %s = ?1"
	    " ORDER BY version DESC LIMIT 1", table, column);
	st = store_prepare(s, sql);
	free(sql);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	*same = 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		v = sqlite3_column_int(st, 0);
		*same = strcmp(store_text(st, 1), digest) == 0;
	}
	sqlite3_finalize(st);
	return v;
}

static int
step_done(struct store *s, sqlite3_stmt *st, struct diag *d)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		diag_take(d, store_error(s, "cannot store content"));
		return -1;
	}
	return 0;
}

static void
bind_ltext(sqlite3_stmt *st, int i, const struct ltext *t)
{
	sqlite3_bind_text(st, i, t->zh, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, i + 1, t->en, -1, SQLITE_STATIC);
}

/*
 * The statements a load reuses for every bank, and two temporary tables
 * for the checks across files, which run in SQL at the end
 * (content_check_stored) after each bank's structures are freed:
 * temp.load_question holds each question id of the load (stored now or
 * kept unchanged) where it first appears, seq numbering the questions of
 * the load in order, bank the index in the set and line the line in its
 * file; temp.load_dup the same for every later question with an id
 * already seen.
 */
#define LOAD_CACHE_KIB		"512"
#define LOAD_TEMP_CACHE_KIB	"128"

/*
 * Questions and options are inserted LOAD_BATCH rows to a statement (the
 * rest one by one).  Each execution of a statement has its own costs, and
 * one large one here: question's CHECK (type IN (...)) is evaluated with a
 * table SQLite builds for the list, anew in each execution of the INSERT
 * but only cleared between the rows of one (a third of the storing
 * thread's instructions when each question had its own INSERT).  The
 * questions' ids are given, so that their options can be batched too.
 */
#define LOAD_BATCH		32
#define QUESTION_COLUMNS	14
#define QUESTION_COLUMN_NAMES	"id, module_version_id, qid, type," \
	" difficulty, stem_zh, stem_en, explanation_zh, explanation_en," \
	" source, answer, tags, name, untranslated"
#define OPTION_COLUMNS		6
#define OPTION_COLUMN_NAMES	"question_id, seq, text_zh, text_en," \
	" correct, position"

struct loader {
	struct store	*s;
	sqlite3_stmt	*mv, *qs, *qsb, *os, *osb, *lq, *ld;
	sqlite3_int64	 next_id;	/* the id of the next question stored */
	long		 seq;
	int		 failed;
	int		 cache_size;	/* the connection's, restored at the end */
};

/* "INSERT INTO table (columns) VALUES (?, ...), ..." for rows rows. */
static sqlite3_stmt *
insert_rows(struct store *s, const char *table, const char *columns,
    int ncolumns, int rows)
{
	sqlite3_stmt *st;
	size_t cap, len;
	char *sql;
	int r, c;

	cap = strlen(table) + strlen(columns) + 64 +
	    (size_t)rows * ((size_t)ncolumns * 2 + 4);
	sql = xmalloc(cap);
	len = (size_t)snprintf(sql, cap, "INSERT INTO %s (%s) VALUES ",
	    table, columns);
	for (r = 0; r < rows; r++) {
		sql[len++] = r > 0 ? ',' : ' ';
		sql[len++] = '(';
		for (c = 0; c < ncolumns; c++) {
			if (c > 0)
				sql[len++] = ',';
			sql[len++] = '?';
		}
		sql[len++] = ')';
	}
	sql[len] = '\0';
	st = store_prepare(s, sql);
	free(sql);
	return st;
}

/* Back to the connection's own page cache size. */
static void
cache_restore(struct loader *l)
{
	char *sql, *cause = NULL;

	sql = sqlite3_mprintf("PRAGMA cache_size = %d", l->cache_size);
	if (sql != NULL)
		store_exec(l->s, sql, &cause);
	sqlite3_free(sql);
	free(cause);
}

static int
loader_begin(struct loader *l, struct store *s, struct diag *d)
{
	char *cause = NULL;

	memset(l, 0, sizeof *l);
	l->s = s;
	l->cache_size = (int)store_int(s, "PRAGMA cache_size", -2000);
	/*
	 * A load appends rows at the end of each table and index: a small
	 * page cache is enough (SQLite's default of 2 MB per database would
	 * be most of the memory a load of many files needs).
	 */
	if (store_exec(s, "PRAGMA cache_size = -" LOAD_CACHE_KIB ";"
	    "PRAGMA temp.cache_size = -" LOAD_TEMP_CACHE_KIB, &cause) != 0) {
		diag_take(d, cause);
		return -1;
	}
	if (store_begin(s, &cause) != 0) {
		diag_take(d, cause);
		cache_restore(l);
		return -1;
	}
	if (store_exec(s, "CREATE TEMP TABLE load_question (qid TEXT PRIMARY"
	    " KEY, seq INTEGER NOT NULL, bank INTEGER NOT NULL,"
	    " line INTEGER NOT NULL) WITHOUT ROWID;"
	    "CREATE TEMP TABLE load_dup (seq INTEGER PRIMARY KEY,"
	    " qid TEXT NOT NULL, bank INTEGER NOT NULL,"
	    " line INTEGER NOT NULL)", &cause) != 0) {
		diag_take(d, cause);
		store_rollback(s);
		cache_restore(l);
		return -1;
	}
	l->mv = store_prepare(s, "INSERT INTO module_version (module,"
	    " version, title_zh, title_en, digest, file) VALUES (?1, ?2, ?3,"
	    " ?4, ?5, ?6)");
	l->qs = insert_rows(s, "question", QUESTION_COLUMN_NAMES,
	    QUESTION_COLUMNS, 1);
	l->qsb = insert_rows(s, "question", QUESTION_COLUMN_NAMES,
	    QUESTION_COLUMNS, LOAD_BATCH);
	l->os = insert_rows(s, "question_option", OPTION_COLUMN_NAMES,
	    OPTION_COLUMNS, 1);
	l->osb = insert_rows(s, "question_option", OPTION_COLUMN_NAMES,
	    OPTION_COLUMNS, LOAD_BATCH);
	/* The id the next question inserted gets, as SQLite would choose. */
	l->next_id = store_int(s, "SELECT max(id) FROM question", 0) + 1;
	l->lq = store_prepare(s, "INSERT INTO temp.load_question (qid, seq,"
	    " bank, line) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING");
	l->ld = store_prepare(s, "INSERT INTO temp.load_dup (qid, seq, bank,"
	    " line) VALUES (?1, ?2, ?3, ?4)");
	return 0;
}

static void
loader_finalize(struct loader *l)
{
	sqlite3_finalize(l->mv);
	sqlite3_finalize(l->qs);
	sqlite3_finalize(l->qsb);
	sqlite3_finalize(l->os);
	sqlite3_finalize(l->osb);
	sqlite3_finalize(l->lq);
	sqlite3_finalize(l->ld);
	l->mv = l->qs = l->qsb = l->os = l->osb = l->lq = l->ld = NULL;
}

/* Bind question q, id id, from parameter k + 1 of st on. */
static void
bind_question(sqlite3_stmt *st, int k, sqlite3_int64 id, sqlite3_int64 mvid,
    const struct question *q)
{
	sqlite3_bind_int64(st, k + 1, id);
	sqlite3_bind_int64(st, k + 2, mvid);
	sqlite3_bind_text(st, k + 3, q->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, k + 4, qtype_name(q->type), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, k + 5, q->difficulty);
	bind_ltext(st, k + 6, &q->stem);
	bind_ltext(st, k + 8, &q->explanation);
	sqlite3_bind_text(st, k + 10, q->source, -1, SQLITE_STATIC);
	if (q->type == QTYPE_TRUEFALSE)
		sqlite3_bind_int(st, k + 11, q->answer);
	else
		sqlite3_bind_null(st, k + 11);
	sqlite3_bind_text(st, k + 12, q->tags, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, k + 13, q->name ? q->name : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, k + 14, qtext_copies(q->untranslated), -1,
	    SQLITE_STATIC);
}

/* Bind option number seq of q (question id id), from parameter k + 1. */
static void
bind_option(sqlite3_stmt *st, int k, sqlite3_int64 id,
    const struct question *q, size_t seq)
{
	const struct qoption *o = &q->options[seq];

	sqlite3_bind_int64(st, k + 1, id);
	sqlite3_bind_int(st, k + 2, (int)seq);
	bind_ltext(st, k + 3, &o->text);
	sqlite3_bind_int(st, k + 5, o->correct);
	if (q->type == QTYPE_ORDERING)
		sqlite3_bind_int(st, k + 6, o->position);
	else
		sqlite3_bind_null(st, k + 6);
}

/*
 * Store the questions of b (module version mvid), with the ids from
 * l->next_id on, then their options; LOAD_BATCH rows at a time.
 */
static int
load_questions(struct loader *l, const struct bank *b, sqlite3_int64 mvid,
    struct diag *d)
{
	struct store *s = l->s;
	sqlite3_int64 first = l->next_id;
	size_t i, j, k, n = b->nquestions, total, batched, c;

	for (i = 0; i < n; i += k) {
		sqlite3_stmt *st = n - i >= LOAD_BATCH ? l->qsb : l->qs;

		k = n - i >= LOAD_BATCH ? LOAD_BATCH : 1;
		for (j = 0; j < k; j++)
			bind_question(st, (int)j * QUESTION_COLUMNS,
			    first + (sqlite3_int64)(i + j), mvid,
			    &b->questions[i + j]);
		if (step_done(s, st, d) != 0)
			return -1;
	}
	/*
	 * The options in the same order: whole batches, then the last ones
	 * (fewer than a batch) one by one.
	 */
	for (i = 0, total = 0; i < n; i++)
		total += b->questions[i].noptions;
	batched = total - total % LOAD_BATCH;
	for (i = 0, c = 0; i < n; i++) {
		const struct question *q = &b->questions[i];

		for (j = 0; j < q->noptions; j++, c++) {
			sqlite3_int64 id = first + (sqlite3_int64)i;

			if (c >= batched) {
				bind_option(l->os, 0, id, q, j);
				if (step_done(s, l->os, d) != 0)
					return -1;
				continue;
			}
			bind_option(l->osb, (int)(c % LOAD_BATCH) *
			    OPTION_COLUMNS, id, q, j);
			if (c % LOAD_BATCH == LOAD_BATCH - 1 &&
			    step_done(s, l->osb, d) != 0)
				return -1;
		}
	}
	l->next_id = first + (sqlite3_int64)n;
	return 0;
}

/* Insert q's id, at l->seq in bank number index, with st (lq or ld). */
static int
load_id(struct loader *l, sqlite3_stmt *st, size_t index,
    const struct question *q, struct diag *d)
{
	sqlite3_bind_text(st, 1, q->id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, l->seq);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)index);
	sqlite3_bind_int64(st, 4, q->line);
	return step_done(l->s, st, d);
}

/* Note the ids of bank number index of the load (see struct loader). */
static int
load_ids(struct loader *l, size_t index, const struct bank *b,
    struct diag *d)
{
	struct store *s = l->s;
	size_t i;
	int rc = 0;

	/* Each id's first question; the ids seen again in load_dup. */
	for (i = 0; rc == 0 && i < b->nquestions; i++) {
		rc = load_id(l, l->lq, index, &b->questions[i], d);
		if (rc == 0 && sqlite3_changes(s->db) == 0)
			rc = load_id(l, l->ld, index, &b->questions[i], d);
		l->seq++;
	}
	return rc;
}

/*
 * Store b as a new version of its module, unless that module's current
 * version came from the same bytes.
 */
static int
load_bank(struct loader *l, const struct bank *b, struct diag *notes,
    struct diag *d)
{
	struct store *s = l->s;
	sqlite3_int64 mvid;
	int same, version;

	version = current_version(s, "module_version", "module", b->module,
	    b->digest, &same);
	if (same) {
		diag_add(notes, _("module %s: unchanged, version %d kept"),
		    b->module, version);
		return 0;
	}
	sqlite3_bind_text(l->mv, 1, b->module, -1, SQLITE_STATIC);
	sqlite3_bind_int(l->mv, 2, version + 1);
	bind_ltext(l->mv, 3, &b->title);
	sqlite3_bind_text(l->mv, 5, b->digest, -1, SQLITE_STATIC);
	sqlite3_bind_text(l->mv, 6, b->file, -1, SQLITE_STATIC);
	if (step_done(s, l->mv, d) != 0)
		return -1;
	mvid = sqlite3_last_insert_rowid(s->db);
	if (load_questions(l, b, mvid, d) != 0)
		return -1;
	diag_add(notes, ngettext("module %s: version %d, %zu question",
	    "module %s: version %d, %zu questions", b->nquestions),
	    b->module, version + 1, b->nquestions);
	return 0;
}

static int
load_rubric(const struct rubric *r, struct store *s, struct diag *notes,
    struct diag *d)
{
	sqlite3_stmt *rv, *is;
	sqlite3_int64 rvid;
	size_t i;
	int same, version, rc;

	version = current_version(s, "rubric_version", "rubric", r->id,
	    r->digest, &same);
	if (same) {
		diag_add(notes, _("rubric %s: unchanged, version %d kept"),
		    r->id, version);
		return 0;
	}
	rv = store_prepare(s, "INSERT INTO rubric_version (rubric, version,"
	    " kind, title_zh, title_en, description_zh, description_en, max,"
	    " pass, source, digest, file) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
	    " ?8, ?9, ?10, ?11, ?12)");
	sqlite3_bind_text(rv, 1, r->id, -1, SQLITE_STATIC);
	sqlite3_bind_int(rv, 2, version + 1);
	sqlite3_bind_text(rv, 3, rubric_kind_name(r->kind), -1, SQLITE_STATIC);
	bind_ltext(rv, 4, &r->title);
	bind_ltext(rv, 6, &r->description);
	sqlite3_bind_int(rv, 8, r->max);
	sqlite3_bind_int(rv, 9, r->pass);
	sqlite3_bind_text(rv, 10, r->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(rv, 11, r->digest, -1, SQLITE_STATIC);
	sqlite3_bind_text(rv, 12, r->file, -1, SQLITE_STATIC);
	rc = step_done(s, rv, d);
	sqlite3_finalize(rv);
	if (rc != 0)
		return -1;
	rvid = sqlite3_last_insert_rowid(s->db);
	is = store_prepare(s, "INSERT INTO rubric_item (rubric_version_id,"
	    " seq, item, label_zh, label_en, max, critical) VALUES (?1, ?2,"
	    " ?3, ?4, ?5, ?6, ?7)");
	for (i = 0; rc == 0 && i < r->nitems; i++) {
		sqlite3_bind_int64(is, 1, rvid);
		sqlite3_bind_int(is, 2, (int)i);
		sqlite3_bind_text(is, 3, r->items[i].id, -1, SQLITE_STATIC);
		bind_ltext(is, 4, &r->items[i].label);
		sqlite3_bind_int(is, 6, r->items[i].max);
		sqlite3_bind_int(is, 7, r->items[i].critical);
		rc = step_done(s, is, d);
	}
	sqlite3_finalize(is);
	if (rc == 0)
		diag_add(notes, ngettext("rubric %s: version %d, %zu item",
		    "rubric %s: version %d, %zu items", r->nitems), r->id,
		    version + 1, r->nitems);
	return rc;
}

static int
load_refs(struct store *s, sqlite3_stmt *cs, sqlite3_int64 evid,
    const char *component, const struct rubric_ref *refs, size_t n,
    struct diag *d)
{
	size_t i;

	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(cs, 1, evid);
		sqlite3_bind_text(cs, 2, component, -1, SQLITE_STATIC);
		sqlite3_bind_int(cs, 3, (int)i);
		sqlite3_bind_text(cs, 4, refs[i].rubric, -1, SQLITE_STATIC);
		if (step_done(s, cs, d) != 0)
			return -1;
	}
	return 0;
}

/* "exam standard: version 1, 50 questions in 60 minutes", each count in
 * its plural form. */
static void
load_exam_note(struct diag *notes, const char *id, int version,
    int nquestions, int minutes)
{
	char *q, *m;

	q = xasprintf(ngettext("%d question", "%d questions",
	    (unsigned long)nquestions), nquestions);
	m = xasprintf(ngettext("%d minute", "%d minutes",
	    (unsigned long)minutes), minutes);
	/* TRANSLATORS: the second %s is "%d question(s)", the third
	 * "%d minute(s)". */
	diag_add(notes, _("exam %s: version %d, %s in %s"), id, version, q, m);
	free(q);
	free(m);
}

static int
load_exam(const struct exam *e, struct store *s, struct diag *notes,
    struct diag *d)
{
	sqlite3_stmt *ev, *ds, *cs;
	sqlite3_int64 evid;
	size_t i;
	int same, version, rc, nquestions = 0;

	version = current_version(s, "exam_version", "exam", e->id,
	    e->digest, &same);
	if (same) {
		diag_add(notes, _("exam %s: unchanged, version %d kept"),
		    e->id, version);
		return 0;
	}
	ev = store_prepare(s, "INSERT INTO exam_version (exam, version,"
	    " title_zh, title_en, minutes, written_pass, partial_credit,"
	    " show_result, practical_pass, simulation_pass,"
	    " simulation_require, weight_written, weight_practical,"
	    " weight_simulation, excellent, cohort_pass_rate,"
	    " cohort_excellence_rate, retakes, digest, file) VALUES (?1, ?2,"
	    " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
	    " ?17, ?18, ?19, ?20)");
	sqlite3_bind_text(ev, 1, e->id, -1, SQLITE_STATIC);
	sqlite3_bind_int(ev, 2, version + 1);
	bind_ltext(ev, 3, &e->title);
	sqlite3_bind_int(ev, 5, e->minutes);
	sqlite3_bind_int(ev, 6, e->written_pass);
	sqlite3_bind_int(ev, 7, e->partial_credit);
	sqlite3_bind_int(ev, 8, e->show_result);
	sqlite3_bind_int(ev, 9, e->practical_pass);
	sqlite3_bind_int(ev, 10, e->simulation_pass);
	sqlite3_bind_text(ev, 11, e->simulation_all ? "all" : "one-of", -1,
	    SQLITE_STATIC);
	sqlite3_bind_int(ev, 12, e->weight_written);
	sqlite3_bind_int(ev, 13, e->weight_practical);
	sqlite3_bind_int(ev, 14, e->weight_simulation);
	sqlite3_bind_int(ev, 15, e->excellent);
	sqlite3_bind_int(ev, 16, e->cohort_pass_rate);
	sqlite3_bind_int(ev, 17, e->cohort_excellence_rate);
	sqlite3_bind_int(ev, 18, e->retakes);
	sqlite3_bind_text(ev, 19, e->digest, -1, SQLITE_STATIC);
	sqlite3_bind_text(ev, 20, e->file, -1, SQLITE_STATIC);
	rc = step_done(s, ev, d);
	sqlite3_finalize(ev);
	if (rc != 0)
		return -1;
	evid = sqlite3_last_insert_rowid(s->db);
	ds = store_prepare(s, "INSERT INTO exam_draw (exam_version_id, module,"
	    " difficulty, count, seq, type) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	for (i = 0; rc == 0 && i < e->ndraws; i++) {
		sqlite3_bind_text(ds, 6, e->draws[i].type < 0 ? "" :
		    qtype_name((enum qtype)e->draws[i].type), -1,
		    SQLITE_STATIC);
		sqlite3_bind_int64(ds, 1, evid);
		sqlite3_bind_text(ds, 2, e->draws[i].module, -1,
		    SQLITE_STATIC);
		sqlite3_bind_int(ds, 3, e->draws[i].difficulty);
		sqlite3_bind_int(ds, 4, e->draws[i].count);
		sqlite3_bind_int(ds, 5, (int)i);
		nquestions += e->draws[i].count;
		rc = step_done(s, ds, d);
	}
	sqlite3_finalize(ds);
	cs = store_prepare(s, "INSERT INTO exam_component (exam_version_id,"
	    " component, seq, rubric) VALUES (?1, ?2, ?3, ?4)");
	if (rc == 0)
		rc = load_refs(s, cs, evid, "practical", e->stations,
		    e->nstations, d);
	if (rc == 0)
		rc = load_refs(s, cs, evid, "simulation", e->scenarios,
		    e->nscenarios, d);
	sqlite3_finalize(cs);
	if (rc == 0)
		load_exam_note(notes, e->id, version + 1, nquestions,
		    e->minutes);
	return rc;
}

/*
 * The end of a load: the checks across files (unless a file failed), the
 * rubrics and exams, then COMMIT; or ROLLBACK.  The notes list rubrics,
 * then banks (banknotes), then exams.
 */
static int
loader_end(struct loader *l, const struct content_set *set,
    struct diag *banknotes, struct diag *notes, struct diag *d)
{
	struct store *s = l->s;
	char *cause = NULL;
	size_t i;
	int rc = l->failed ? -1 : 0;

	loader_finalize(l);
	if (rc == 0)
		rc = content_check_stored(set, s, d);
	if (rc == 0 && store_exec(s, "DROP TABLE temp.load_question;"
	    "DROP TABLE temp.load_dup", &cause) != 0) {
		diag_take(d, cause);
		rc = -1;
	}
	/* Rubrics first: exams refer to them. */
	for (i = 0; rc == 0 && i < set->nrubrics; i++)
		rc = load_rubric(set->rubrics[i], s, notes, d);
	if (rc == 0)
		diag_append(notes, banknotes);
	for (i = 0; rc == 0 && i < set->nexams; i++)
		rc = load_exam(set->exams[i], s, notes, d);
	if (rc == 0 && store_commit(s, &cause) != 0) {
		diag_take(d, cause);
		rc = -1;
	}
	if (rc != 0)
		store_rollback(s);
	cache_restore(l);
	return rc;
}

/*
 * Store bank number index of set unless the load has failed or an earlier
 * bank of the load has the same module (content_check_stored refuses that;
 * the module keeps the first one's questions meanwhile, as content_check
 * counts them).
 */
static int
loader_bank(struct loader *l, struct strmap *modules, size_t index,
    const struct bank *b, struct diag *banknotes, struct diag *d)
{
	if (l->failed)
		return 0;
	if (load_ids(l, index, b, d) != 0 ||
	    (strmap_add(modules, b->module, (void *)b) == NULL &&
	    load_bank(l, b, banknotes, d) != 0)) {
		l->failed = 1;
		return -1;
	}
	return 0;
}

int
content_load(const struct content_set *set, struct store *s,
    struct diag *notes, struct diag *d)
{
	struct loader l;
	struct strmap modules;
	struct diag banknotes;
	size_t i;
	int rc;

	if (loader_begin(&l, s, d) != 0)
		return -1;
	strmap_init(&modules);
	diag_init(&banknotes);
	for (i = 0; i < set->nbanks; i++)
		loader_bank(&l, &modules, i, set->banks[i], &banknotes, d);
	rc = loader_end(&l, set, &banknotes, notes, d);
	diag_release(&banknotes);
	strmap_release(&modules);
	return rc;
}

/* content_load_files: what the reader hands on, one file at a time. */
struct loadfiles {
	struct loader		 l;
	struct content_set	*set;
	struct strmap		 modules;
	struct diag		 banknotes;
	struct diag		*d;
};

static int
loadfiles_sink(void *arg, struct content_set *one, int rc)
{
	struct loadfiles *lf = arg;
	size_t first = lf->set->nbanks, i;

	if (rc != 0)
		lf->l.failed = 1;	/* read on, for the messages */
	content_set_move(lf->set, one);
	for (i = first; i < lf->set->nbanks; i++) {
		struct bank *b = lf->set->banks[i], *rest;

		loader_bank(&lf->l, &lf->modules, i, b, &lf->banknotes, lf->d);
		/*
		 * The set keeps the bank without its questions; those go back
		 * into one, for the thread that read them to free
		 * (content_read_each).
		 */
		rest = xcalloc(1, sizeof *rest);
		rest->questions = b->questions;
		rest->nquestions = b->nquestions;
		rest->nalloc = b->nalloc;
		b->questions = NULL;
		b->nalloc = 0;
		one->banks[one->nbanks++] = rest;
	}
	return 0;
}

/*
 * Files read ahead of the one being stored, and reader threads: one beside
 * the thread that stores when there is a second processor.  Each more
 * reader would hold one more document tree (2.5 MB for a bank file of
 * 270 KB) for little gain on two processors.
 */
#define LOADFILES_AHEAD 2
#define LOADFILES_READERS 1

int
content_load_files(struct content_set *set, struct store *s,
    char *const *paths, size_t n, struct diag *notes, struct diag *d)
{
	struct loadfiles lf;
	size_t threads = content_cpus() > 1 ? LOADFILES_READERS : 0;
	const char *env;
	int rc;

	if (loader_begin(&lf.l, s, d) != 0)
		return -1;
	lf.set = set;
	lf.d = d;
	strmap_init(&lf.modules);
	diag_init(&lf.banknotes);
	/* 0: read in the storing thread (doc/performance.md compares). */
	if ((env = getenv("FIRSTLINE_LOAD_THREADS")) != NULL &&
	    *env >= '0' && *env <= '9')
		threads = (size_t)atoi(env);
	if (content_read_each(paths, n, n > 1 ? threads : 0,
	    LOADFILES_AHEAD, 1, loadfiles_sink, &lf, d) != 0)
		lf.l.failed = 1;
	rc = loader_end(&lf.l, set, &lf.banknotes, notes, d);
	diag_release(&lf.banknotes);
	strmap_release(&lf.modules);
	return rc;
}
