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

static int
load_bank(const struct bank *b, struct store *s, struct diag *notes,
    struct diag *d)
{
	sqlite3_stmt *mv, *qs, *os;
	sqlite3_int64 mvid, qid;
	size_t i, j;
	int same, version, rc = 0;

	version = current_version(s, "module_version", "module", b->module,
	    b->digest, &same);
	if (same) {
		diag_add(notes, _("module %s: unchanged, version %d kept"),
		    b->module, version);
		return 0;
	}
	mv = store_prepare(s, "INSERT INTO module_version (module, version,"
	    " title_zh, title_en, digest, file) VALUES (?1, ?2, ?3, ?4, ?5,"
	    " ?6)");
	sqlite3_bind_text(mv, 1, b->module, -1, SQLITE_STATIC);
	sqlite3_bind_int(mv, 2, version + 1);
	bind_ltext(mv, 3, &b->title);
	sqlite3_bind_text(mv, 5, b->digest, -1, SQLITE_STATIC);
	sqlite3_bind_text(mv, 6, b->file, -1, SQLITE_STATIC);
	rc = step_done(s, mv, d);
	sqlite3_finalize(mv);
	if (rc != 0)
		return -1;
	mvid = sqlite3_last_insert_rowid(s->db);

	qs = store_prepare(s, "INSERT INTO question (module_version_id, qid,"
	    " type, difficulty, stem_zh, stem_en, explanation_zh,"
	    " explanation_en, source, answer, tags, name, untranslated)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
	os = store_prepare(s, "INSERT INTO question_option (question_id, seq,"
	    " text_zh, text_en, correct, position) VALUES (?1, ?2, ?3, ?4,"
	    " ?5, ?6)");
	for (i = 0; rc == 0 && i < b->nquestions; i++) {
		const struct question *q = &b->questions[i];

		sqlite3_bind_int64(qs, 1, mvid);
		sqlite3_bind_text(qs, 2, q->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(qs, 3, qtype_name(q->type), -1,
		    SQLITE_STATIC);
		sqlite3_bind_int(qs, 4, q->difficulty);
		bind_ltext(qs, 5, &q->stem);
		bind_ltext(qs, 7, &q->explanation);
		sqlite3_bind_text(qs, 9, q->source, -1, SQLITE_STATIC);
		if (q->type == QTYPE_TRUEFALSE)
			sqlite3_bind_int(qs, 10, q->answer);
		else
			sqlite3_bind_null(qs, 10);
		sqlite3_bind_text(qs, 11, q->tags, -1, SQLITE_STATIC);
		sqlite3_bind_text(qs, 12, q->name ? q->name : "", -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(qs, 13, qtext_copies(q->untranslated), -1,
		    SQLITE_STATIC);
		if ((rc = step_done(s, qs, d)) != 0)
			break;
		qid = sqlite3_last_insert_rowid(s->db);
		for (j = 0; rc == 0 && j < q->noptions; j++) {
			const struct qoption *o = &q->options[j];

			sqlite3_bind_int64(os, 1, qid);
			sqlite3_bind_int(os, 2, (int)j);
			bind_ltext(os, 3, &o->text);
			sqlite3_bind_int(os, 5, o->correct);
			if (q->type == QTYPE_ORDERING)
				sqlite3_bind_int(os, 6, o->position);
			else
				sqlite3_bind_null(os, 6);
			rc = step_done(s, os, d);
		}
	}
	sqlite3_finalize(qs);
	sqlite3_finalize(os);
	if (rc == 0)
		diag_add(notes, ngettext("module %s: version %d, %zu question",
		    "module %s: version %d, %zu questions", b->nquestions),
		    b->module, version + 1, b->nquestions);
	return rc;
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

int
content_load(const struct content_set *set, struct store *s,
    struct diag *notes, struct diag *d)
{
	char *cause = NULL;
	size_t i;
	int rc = 0;

	if (store_begin(s, &cause) != 0) {
		diag_take(d, cause);
		return -1;
	}
	rc = content_check(set, s, d);
	/* Rubrics first: exams refer to them. */
	for (i = 0; rc == 0 && i < set->nrubrics; i++)
		rc = load_rubric(set->rubrics[i], s, notes, d);
	for (i = 0; rc == 0 && i < set->nbanks; i++)
		rc = load_bank(set->banks[i], s, notes, d);
	for (i = 0; rc == 0 && i < set->nexams; i++)
		rc = load_exam(set->exams[i], s, notes, d);
	if (rc == 0 && store_commit(s, &cause) != 0) {
		diag_take(d, cause);
		rc = -1;
	}
	if (rc != 0)
		store_rollback(s);
	return rc;
}
