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
module_size(const struct content_set *set, struct store *s,
    const char *module, int type, int difficulty)
{
	const struct bank *b = set_bank(set, module);
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
    struct store *s, struct diag *d)
{
	size_t i;
	long have;
	int rc = 0;

	for (i = 0; i < e->ndraws; i++) {
		const struct draw *dr = &e->draws[i];

		have = module_size(set, s, dr->module, dr->type,
		    dr->difficulty);
		if (have == -1 && s != NULL) {
			diag_at(d, e->file, dr->line, _("exam %s: module %s "
			    "is neither loaded nor among the files given"),
			    e->id, dr->module);
			rc = -1;
		} else if (have != -1 && dr->count > have && dr->type < 0) {
			diag_at(d, e->file, dr->line, ngettext("exam %s: the "
			    "blueprint asks for %d question of difficulty %d "
			    "from module %s, which has only %ld", "exam %s: the "
			    "blueprint asks for %d questions of difficulty %d "
			    "from module %s, which has only %ld",
			    (unsigned long)dr->count), e->id,
			    dr->count, dr->difficulty, dr->module, have);
			rc = -1;
		} else if (have != -1 && dr->count > have) {
			diag_at(d, e->file, dr->line, ngettext("exam %s: the "
			    "blueprint asks for %d %s question of difficulty "
			    "%d from module %s, which has only %ld", "exam %s: "
			    "the blueprint asks for %d %s questions of difficulty "
			    "%d from module %s, which has only %ld",
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
		if (check_exam(set->exams[i], set, s, d) != 0)
			rc = -1;
	return rc;
}
