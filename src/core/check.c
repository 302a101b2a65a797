/*
 * Checks that span several content files, and the database content they
 * will join: question ids unique across all banks, exam blueprints that a
 * module can satisfy, rubrics that exist with the kind an exam expects.
 */
#include "config.h"

#include "content.h"

#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "store.h"
#include "strmap.h"

static const struct bank *
set_bank(const struct content_set *set, const char *module)
{
	size_t i;

	for (i = 0; i < set->nbanks; i++)
		if (strcmp(set->banks[i]->module, module) == 0)
			return set->banks[i];
	return NULL;
}

static const struct rubric *
set_rubric(const struct content_set *set, const char *id)
{
	size_t i;

	for (i = 0; i < set->nrubrics; i++)
		if (strcmp(set->rubrics[i]->id, id) == 0)
			return set->rubrics[i];
	return NULL;
}

/* Duplicates of modules, rubric ids and exam ids within the set. */
static int
check_duplicates(const struct content_set *set, struct diag *d)
{
	size_t i, j;
	int rc = 0;

	for (i = 0; i < set->nbanks; i++)
		for (j = 0; j < i; j++)
			if (strcmp(set->banks[i]->module,
			    set->banks[j]->module) == 0) {
				diag_at(d, set->banks[i]->file, 0, _("module "
				    "%s is also defined by %s"),
				    set->banks[i]->module, set->banks[j]->file);
				rc = -1;
			}
	for (i = 0; i < set->nrubrics; i++)
		for (j = 0; j < i; j++)
			if (strcmp(set->rubrics[i]->id,
			    set->rubrics[j]->id) == 0) {
				diag_at(d, set->rubrics[i]->file, 0, _("rubric "
				    "%s is also defined by %s"),
				    set->rubrics[i]->id, set->rubrics[j]->file);
				rc = -1;
			}
	for (i = 0; i < set->nexams; i++)
		for (j = 0; j < i; j++)
			if (strcmp(set->exams[i]->id, set->exams[j]->id) == 0) {
				diag_at(d, set->exams[i]->file, 0, _("exam %s "
				    "is also defined by %s"), set->exams[i]->id,
				    set->exams[j]->file);
				rc = -1;
			}
	return rc;
}

/* The bank and question where an id was first seen. */
struct qorigin {
	const struct bank	*bank;
	const struct question	*q;
};

/* Question ids must be unique across every bank, loaded or not. */
static int
check_question_ids(const struct content_set *set, struct store *s,
    struct diag *d)
{
	sqlite3_stmt *st = NULL;
	struct qorigin *origins;
	struct strmap ids;
	size_t i, j, k, total;
	int rc = 0;

	if (s != NULL)
		st = store_prepare(s, "SELECT m.module FROM question q"
		    " JOIN current_module m ON m.id = q.module_version_id"
		    " WHERE q.qid = ?1 AND m.module <> ?2");
	/* Where every id first appears: one pass over all the banks. */
	for (i = 0, total = 0; i < set->nbanks; i++)
		total += set->banks[i]->nquestions;
	origins = xcalloc(total + 1, sizeof *origins);
	strmap_init(&ids);
	for (i = 0, k = 0; i < set->nbanks; i++) {
		const struct bank *b = set->banks[i];

		for (j = 0; j < b->nquestions; j++) {
			const struct question *q = &b->questions[j];
			const struct qorigin *o;

			origins[k].bank = b;
			origins[k].q = q;
			o = strmap_add(&ids, q->id, &origins[k]);
			k++;
			/* Within one bank, bank_from_xml has said so. */
			if (o != NULL && o->bank != b) {
				diag_at(d, b->file, q->line, _("question %s: id "
				    "also used in %s:%ld"), q->id, o->bank->file,
				    o->q->line);
				rc = -1;
			}
			if (st == NULL)
				continue;
			sqlite3_bind_text(st, 1, q->id, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, b->module, -1, SQLITE_STATIC);
			if (sqlite3_step(st) == SQLITE_ROW &&
			    set_bank(set, store_text(st, 0)) == NULL) {
				diag_at(d, b->file, q->line, _("question %s: "
				    "id already used by loaded module %s"),
				    q->id, store_text(st, 0));
				rc = -1;
			}
			sqlite3_reset(st);
		}
	}
	sqlite3_finalize(st);
	strmap_release(&ids);
	free(origins);
	return rc;
}

/*
 * How many questions of the given difficulty (and type, unless type is -1)
 * module has: from the set when it is there, else from the database; -1
 * when unknown.
 */
static long
module_size(const struct content_set *set, struct store *s, int stored,
    const char *module, int type, int difficulty)
{
	const struct bank *b = stored ? NULL : set_bank(set, module);
	sqlite3_stmt *st;
	long n = 0;
	size_t i;

	if (b != NULL) {
		for (i = 0; i < b->nquestions; i++)
			n += b->questions[i].difficulty == difficulty &&
			    (type < 0 || (int)b->questions[i].type == type);
		return n;
	}
	if (s == NULL)
		return -1;
	st = store_prepare(s, "SELECT count(q.id), count(DISTINCT m.id)"
	    " FROM current_module m LEFT JOIN question q"
	    " ON q.module_version_id = m.id AND q.difficulty = ?2"
	    " AND (?3 IS NULL OR q.type = ?3)"
	    " WHERE m.module = ?1");
	sqlite3_bind_text(st, 1, module, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, difficulty);
	if (type >= 0)
		sqlite3_bind_text(st, 3, qtype_name((enum qtype)type), -1,
		    SQLITE_STATIC);
	n = -1;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 1) > 0)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The kind of rubric id (0 practical, 1 simulation), or -1 when unknown. */
static int
rubric_kind(const struct content_set *set, struct store *s, const char *id)
{
	const struct rubric *r = set_rubric(set, id);
	sqlite3_stmt *st;
	int kind = -1;

	if (r != NULL)
		return (int)r->kind;
	if (s == NULL)
		return -1;
	st = store_prepare(s, "SELECT kind FROM current_rubric"
	    " WHERE rubric = ?1");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		kind = strcmp(store_text(st, 0), "simulation") == 0;
	sqlite3_finalize(st);
	return kind;
}

static int
check_refs(const struct exam *e, const struct rubric_ref *refs, size_t n,
    enum rubric_kind want, const struct content_set *set, struct store *s,
    struct diag *d)
{
	size_t i;
	int kind, rc = 0;

	for (i = 0; i < n; i++) {
		kind = rubric_kind(set, s, refs[i].rubric);
		if (kind == -1 && s != NULL) {
			diag_at(d, e->file, refs[i].line, _("exam %s: rubric "
			    "%s is neither loaded nor among the files given"),
			    e->id, refs[i].rubric);
			rc = -1;
		} else if (kind != -1 && kind != (int)want) {
			diag_at(d, e->file, refs[i].line, _("exam %s: rubric "
			    "%s is a %s rubric, expected %s"), e->id,
			    refs[i].rubric,
			    rubric_kind_name((enum rubric_kind)kind),
			    rubric_kind_name(want));
			rc = -1;
		}
	}
	return rc;
}

static int
check_exam(const struct exam *e, const struct content_set *set,
    struct store *s, int stored, struct diag *d)
{
	size_t i;
	long have;
	int rc = 0;

	for (i = 0; i < e->ndraws; i++) {
		const struct draw *dr = &e->draws[i];

		have = module_size(set, s, stored, dr->module, dr->type,
		    dr->difficulty);
		if (have == -1 && s != NULL) {
			diag_at(d, e->file, dr->line, _("exam %s: module %s "
			    "is neither loaded nor among the files given"),
			    e->id, dr->module);
			rc = -1;
		} else if (have != -1 && dr->count > have && dr->type < 0) {
			diag_at(d, e->file, dr->line, ngettext("exam %s: the "
			    "blueprint asks for %d question of difficulty %d "
			    "from module %s, which has only %ld", "exam %s: "
			    "the blueprint asks for %d questions of difficulty "
			    "%d from module %s, which has only %ld",
			    (unsigned long)dr->count), e->id,
			    dr->count, dr->difficulty, dr->module, have);
			rc = -1;
		} else if (have != -1 && dr->count > have) {
			diag_at(d, e->file, dr->line, ngettext("exam %s: the "
			    "blueprint asks for %d %s question of difficulty "
			    "%d from module %s, which has only %ld", "exam "
			    "%s: the blueprint asks for %d %s questions of "
			    "difficulty %d from module %s, which has only %ld",
			    (unsigned long)dr->count), e->id,
			    dr->count, qtype_name((enum qtype)dr->type),
			    dr->difficulty, dr->module, have);
			rc = -1;
		}
	}
	if (check_refs(e, e->stations, e->nstations, RUBRIC_PRACTICAL, set,
	    s, d) != 0)
		rc = -1;
	if (check_refs(e, e->scenarios, e->nscenarios, RUBRIC_SIMULATION,
	    set, s, d) != 0)
		rc = -1;
	return rc;
}

int
content_check(const struct content_set *set, struct store *s,
    struct diag *d)
{
	size_t i;
	int rc = 0;

	if (check_duplicates(set, d) != 0)
		rc = -1;
	if (check_question_ids(set, s, d) != 0)
		rc = -1;
	for (i = 0; i < set->nexams; i++)
		if (check_exam(set->exams[i], set, s, 0, d) != 0)
			rc = -1;
	return rc;
}

/* One message of check_stored_ids, to be put in order. */
struct idmsg {
	sqlite3_int64	 seq;
	size_t		 bank;
	long		 line;
	char		*qid;
	size_t		 first_bank;	/* "also used in" */
	long		 first_line;
	char		*module;	/* "already used by loaded module" */
};

/* Run st (columns seq, bank, line, qid, then two more) into out. */
static size_t
idmsgs(sqlite3_stmt *st, int also, struct idmsg **out)
{
	size_t n = 0, cap = 0;

	*out = NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct idmsg *m;

		xgrow(out, &cap, n + 1, sizeof **out);
		m = &(*out)[n++];
		memset(m, 0, sizeof *m);
		m->seq = sqlite3_column_int64(st, 0);
		m->bank = (size_t)sqlite3_column_int64(st, 1);
		m->line = sqlite3_column_int(st, 2);
		m->qid = xstrdup(store_text(st, 3));
		if (also) {
			m->first_bank = (size_t)sqlite3_column_int64(st, 4);
			m->first_line = sqlite3_column_int(st, 5);
		} else
			m->module = xstrdup(store_text(st, 4));
	}
	sqlite3_finalize(st);
	return n;
}

/* store_exec, the reason added to d. */
static int
check_exec(struct store *s, const char *sql, struct diag *d)
{
	char *cause = NULL;

	if (store_exec(s, sql, &cause) != 0) {
		diag_take(d, cause);
		return -1;
	}
	return 0;
}

/* Whether the database holds a module that is not among the set's banks. */
static int
other_modules(const struct content_set *set, struct store *s)
{
	sqlite3_stmt *st;
	struct strmap mods;
	size_t i;
	int other = 0;

	strmap_init(&mods);
	for (i = 0; i < set->nbanks; i++)
		strmap_add(&mods, set->banks[i]->module, set->banks[i]);
	st = store_prepare(s, "SELECT DISTINCT module FROM module_version");
	while (!other && sqlite3_step(st) == SQLITE_ROW)
		other = strmap_add(&mods, store_text(st, 0), NULL) == NULL;
	sqlite3_finalize(st);
	strmap_release(&mods);
	return other;
}

/*
 * check_question_ids for banks already stored in this transaction, from
 * temp.load_question and temp.load_dup (load.c: where each id of the load
 * first appears, and where it appears again): the same messages in the
 * same order.
 */
static int
check_stored_ids(const struct content_set *set, struct store *s,
    struct diag *d)
{
	struct idmsg *also = NULL, *used = NULL, *m;
	size_t nalso, nused = 0, a = 0, u = 0, i;
	int rc = 0;

	/* Each id seen again in another bank of the load, with its first. */
	nalso = idmsgs(store_prepare(s, "SELECT d.seq, d.bank, d.line, d.qid,"
	    " f.bank, f.line FROM temp.load_dup d JOIN temp.load_question f"
	    " ON f.qid = d.qid WHERE f.bank <> d.bank ORDER BY d.seq"), 1,
	    &also);
	/* Ids of modules loaded before and not replaced by this load. */
	if (other_modules(set, s)) {
		if (check_exec(s, "CREATE TEMP TABLE load_module (module"
		    " TEXT PRIMARY KEY)", d) != 0)
			rc = -1;
		for (i = 0; i < set->nbanks; i++) {
			sqlite3_stmt *st = store_prepare(s, "INSERT OR IGNORE"
			    " INTO temp.load_module VALUES (?1)");

			sqlite3_bind_text(st, 1, set->banks[i]->module, -1,
			    SQLITE_STATIC);
			sqlite3_step(st);
			sqlite3_finalize(st);
		}
		nused = idmsgs(store_prepare(s, "SELECT a.seq, a.bank,"
		    " a.line, a.qid, min(m.module) FROM (SELECT seq, bank,"
		    " line, qid FROM temp.load_question UNION ALL"
		    " SELECT seq, bank, line, qid FROM temp.load_dup) a"
		    " JOIN question q ON q.qid = a.qid"
		    " JOIN current_module m ON m.id = q.module_version_id"
		    " WHERE m.module NOT IN (SELECT module FROM"
		    " temp.load_module) GROUP BY a.seq ORDER BY a.seq"), 0,
		    &used);
		if (check_exec(s, "DROP TABLE temp.load_module", d) != 0)
			rc = -1;
	}
	/* In the order of the questions; for one question, "also" first. */
	while (a < nalso || u < nused) {
		int take_also = u == nused ||
		    (a < nalso && also[a].seq <= used[u].seq);

		m = take_also ? &also[a++] : &used[u++];
		if (m->bank >= set->nbanks)
			continue;	/* cannot happen */
		if (take_also)
			diag_at(d, set->banks[m->bank]->file, m->line,
			    _("question %s: id also used in %s:%ld"), m->qid,
			    set->banks[m->first_bank < set->nbanks ?
			    m->first_bank : m->bank]->file, m->first_line);
		else
			diag_at(d, set->banks[m->bank]->file, m->line,
			    _("question %s: id already used by loaded module "
			    "%s"), m->qid, m->module);
	}
	for (i = 0; i < nalso; i++)
		free(also[i].qid);
	for (i = 0; i < nused; i++) {
		free(used[i].qid);
		free(used[i].module);
	}
	free(also);
	free(used);
	return rc != 0 || nalso + nused > 0 ? -1 : 0;
}

int
content_check_stored(const struct content_set *set, struct store *s,
    struct diag *d)
{
	size_t i;
	int rc = 0;

	if (check_duplicates(set, d) != 0)
		rc = -1;
	if (check_stored_ids(set, s, d) != 0)
		rc = -1;
	for (i = 0; i < set->nexams; i++)
		if (check_exam(set->exams[i], set, s, 1, d) != 0)
			rc = -1;
	return rc;
}
