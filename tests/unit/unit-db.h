/*
 * Database helpers for the cmocka tests that need a loaded store (after
 * unit.h): one number from a query, and loading content files by their
 * names under tests/data.
 */
#ifndef FIRSTLINE_UNIT_DB_H
#define FIRSTLINE_UNIT_DB_H

#include "core/attempt.h"
#include "core/auth.h"
#include "core/cohort.h"
#include "core/content.h"
#include "core/load.h"
#include "core/store.h"
#include "core/table.h"

/* The first column of the first row of sql, or -1. */
static inline long
unit_count(struct store *s, const char *sql)
{
	sqlite3_stmt *st = store_prepare(s, sql);
	long n = -1;

	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/*
 * Read and load the files (NULL-terminated; under TESTDATA unless absolute)
 * into s.
 */
static inline void
unit_load(struct store *s, const char *const *files)
{
	struct content_set set;
	struct diag d, notes;
	char *p;

	content_set_init(&set);
	diag_init(&d);
	diag_init(&notes);
	for (; *files != NULL; files++) {
		p = **files == '/' ? xstrdup(*files) : unit_data(*files);
		assert_int_equal(content_read(&set, p, &d), 0);
		free(p);
	}
	assert_int_equal(content_load(&set, s, &notes, &d), 0);
	content_set_release(&set);
	diag_release(&d);
	diag_release(&notes);
}

/*
 * The mini course in s, cohort c1 (named name) of exam mini-exam with the
 * roster csv (written to dir/r.csv) imported into *roster, and the users
 * org (organizer, password secret-org) and ins (instructor, secret-ins).
 * Returns the cohort id, to free.
 */
static inline char *
unit_mini_cohort(struct store *s, const char *dir, const char *name,
    const char *csv, struct table *roster)
{
	static const char *const files[] = { "good/mini-bank.xml",
	    "good/mini-rubric.xml", "good/mini-sim.xml", "good/mini-exam.xml",
	    NULL };
	char *cause = NULL, *id, *path;
	struct diag d;
	FILE *fp;

	unit_load(s, files);
	assert_int_equal(cohort_create(s, name, "mini-exam", "c1", &id,
	    &cause), 0);
	path = xasprintf("%s/r.csv", dir);
	assert_non_null(fp = fopen(path, "w"));
	fputs(csv, fp);
	fclose(fp);
	diag_init(&d);
	assert_int_equal(roster_import(s, "c1", path, roster, &d), 0);
	diag_release(&d);
	free(path);
	assert_int_equal(user_add(s, "org", ROLE_ORGANIZER, "secret-org",
	    &cause), 0);
	assert_int_equal(user_add(s, "ins", ROLE_INSTRUCTOR, "secret-ins",
	    &cause), 0);
	return id;
}

/* Log in the trainee of row (ticket in column 0, PIN in 3) of roster. */
static inline void
unit_login(struct store *s, const struct table *roster, int row,
    struct trainee *t)
{
	char *cause = NULL;
	int wait;

	assert_int_equal(trainee_login(s, table_cell(roster, row, 0),
	    table_cell(roster, row, 3), t, &wait, &cause), 0);
}

#endif
