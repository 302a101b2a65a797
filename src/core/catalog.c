/*
 * Catalog queries: the current content of the database as tables.
 */
#include "config.h"

#include "catalog.h"

#include <stdlib.h>

#include "core.h"
#include "store.h"

/* Run sql (binding arg to ?1 when not NULL) and add every row to t. */
static size_t
catalog_fill(struct store *s, const char *sql, const char *arg,
    struct table *t)
{
	sqlite3_stmt *st = store_prepare(s, sql);
	const char **row = xcalloc(t->ncols, sizeof *row);
	size_t i, n = 0;

	if (arg != NULL)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, fl_lang_zh());
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (i = 0; i < t->ncols; i++)
			row[i] = store_text(st, (int)i);
		table_add(t, row);
		n++;
	}
	sqlite3_finalize(st);
	free(row);
	return n;
}

void
catalog_banks(struct store *s, struct table *t)
{
	static const char *const h[] = { "module", "title", "questions",
	    "single", "multiple", "truefalse", "ordering", "d1", "d2", "d3",
	    "version", "untranslated" };

	table_init(t, 12, h);
	t->numeric = 0xffc;
	catalog_fill(s, "SELECT m.module,"
	    " CASE WHEN ?2 THEN m.title_zh ELSE m.title_en END,"
	    " count(q.id),"
	    " sum(q.type = 'single'), sum(q.type = 'multiple'),"
	    " sum(q.type = 'truefalse'), sum(q.type = 'ordering'),"
	    " sum(q.difficulty = 1), sum(q.difficulty = 2),"
	    " sum(q.difficulty = 3), m.version, sum(q.untranslated <> '')"
	    " FROM current_module m JOIN question q"
	    " ON q.module_version_id = m.id"
	    " WHERE ?1 IS NULL GROUP BY m.id ORDER BY m.module", NULL, t);
}

void
catalog_rubrics(struct store *s, struct table *t)
{
	/* pass is in marks (out of max); pass_percent the same, in %. */
	static const char *const h[] = { "rubric", "kind", "title", "max",
	    "pass", "items", "version", "pass_percent" };

	table_init(t, 8, h);
	t->numeric = 0xf8;
	catalog_fill(s, "SELECT r.rubric, r.kind,"
	    " CASE WHEN ?2 THEN r.title_zh ELSE r.title_en END,"
	    " r.max, r.pass, (SELECT count(*) FROM rubric_item i"
	    "   WHERE i.rubric_version_id = r.id), r.version,"
	    " printf('%d.%d', (r.pass * 2000 + r.max) / (2 * r.max) / 10,"
	    "   (r.pass * 2000 + r.max) / (2 * r.max) % 10)"
	    " FROM current_rubric r WHERE ?1 IS NULL"
	    " ORDER BY r.kind, r.rubric", NULL, t);
}

int
catalog_rubric_items(struct store *s, const char *id, struct table *t,
    char **cause)
{
	static const char *const h[] = { "item", "label", "max", "critical" };

	table_init(t, 4, h);
	t->numeric = 0x4;
	if (catalog_fill(s, "SELECT i.item,"
	    " CASE WHEN ?2 THEN i.label_zh ELSE i.label_en END,"
	    " i.max, CASE WHEN i.critical THEN 'yes' ELSE 'no' END"
	    " FROM current_rubric r JOIN rubric_item i"
	    " ON i.rubric_version_id = r.id"
	    " WHERE r.rubric = ?1 ORDER BY i.seq", id, t) == 0) {
		*cause = xasprintf(_("no rubric %s is loaded "
		    "(see 'firstline rubric list')"), id);
		return -1;
	}
	return 0;
}

void
catalog_exams(struct store *s, struct table *t)
{
	static const char *const h[] = { "exam", "title", "questions",
	    "minutes", "version" };

	table_init(t, 5, h);
	t->numeric = 0x1c;
	catalog_fill(s, "SELECT e.exam,"
	    " CASE WHEN ?2 THEN e.title_zh ELSE e.title_en END,"
	    " (SELECT sum(count) FROM exam_draw d"
	    "   WHERE d.exam_version_id = e.id),"
	    " e.minutes, e.version FROM current_exam e"
	    " WHERE ?1 IS NULL ORDER BY e.exam", NULL, t);
}

int
catalog_exam_components(struct store *s, const char *id, struct table *t,
    char **cause)
{
	static const char *const h[] = { "component", "rubric", "required" };

	table_init(t, 3, h);
	if (catalog_fill(s, "SELECT 'written', '', 'yes', 0, 0"
	    " FROM current_exam e WHERE e.exam = ?1"
	    " UNION ALL SELECT c.component, c.rubric,"
	    " CASE WHEN c.component = 'simulation'"
	    "   AND e.simulation_require = 'one-of' THEN 'one-of'"
	    "   ELSE 'yes' END,"
	    " CASE c.component WHEN 'practical' THEN 1 ELSE 2 END, c.seq"
	    " FROM current_exam e JOIN exam_component c"
	    " ON c.exam_version_id = e.id WHERE e.exam = ?1"
	    " ORDER BY 4, 5", id, t) == 0) {
		*cause = xasprintf(_("no exam %s is loaded "
		    "(see 'firstline exam list')"), id);
		return -1;
	}
	return 0;
}
