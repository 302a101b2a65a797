/*
 * Unit tests of the hash chain (core/chain.h): a database made before the
 * chain existed has its rows chained by the migration, in order; new rows
 * from any writer are chained; INSERT OR REPLACE is refused through a
 * connection that has fl_chain too; a changed row is named.
 */
#include "config.h"

#include "unit.h"

#include <string.h>
#include <sys/stat.h>

#include "core/auth.h"
#include "core/chain.h"
#include "core/schema.h"
#include "core/store.h"

/* The index of the migration that makes the chain. */
static size_t
chain_migration(void)
{
	size_t i;

	for (i = 0; i < schema_count(); i++)
		if (strstr(schema_migration(i), "CREATE TABLE chain (") != NULL)
			return i;
	fail_msg("no chain migration");
	return 0;
}

static void
raw(sqlite3 *db, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
}

static void
test_existing_rows_chained(void **state)
{
	char *dir = unit_tmpdir(), *path = xasprintf("%s/old.db", dir);
	char *cause = NULL, *sql;
	size_t i, mine = chain_migration();
	struct chain_fault f;
	struct store *s;
	long long rows;
	sqlite3 *db;

	(void)state;
	/* A database of the schema just before the chain, with a record. */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	for (i = 0; i < mine; i++) {
		raw(db, "BEGIN");
		raw(db, schema_migration(i));
		sql = xasprintf("PRAGMA user_version = %zu", i + 1);
		raw(db, sql);
		free(sql);
		raw(db, "COMMIT");
	}
	raw(db, "INSERT INTO event (actor, action, detail) VALUES"
	    " ('boss', 'cohort create', 'c1'), ('boss', 'score set', 'x'),"
	    " ('t1', 'login failed', 'ticket t1');"
	    "INSERT INTO score_entry (id, trainee_id, component, rubric, total,"
	    " max, passed, entered_by) VALUES (1, 1, 'practical', 'r', 7, 10,"
	    " 1, 1), (2, 1, 'practical', 'r', 9, 10, 1, 1);"
	    "INSERT INTO score_mark VALUES (1, 0, 'a', 3), (1, 1, 'b', 4),"
	    " (2, 0, 'a', 4), (2, 1, 'b', 5);"
	    "INSERT INTO certified_result VALUES (1, 1, 'pass', 800, 0);");
	sqlite3_close(db);
	assert_int_equal(chmod(path, 0600), 0);

	/* init (STORE_CREATE) migrates and chains the 10 rows in order. */
	assert_int_equal(store_open(path, STORE_CREATE, &s, &cause), 0);
	assert_int_equal(chain_verify(s, &rows, &f, &cause), 0);
	assert_int_equal(rows, 10);
	/* New rows, from any writer of the store, are chained after them. */
	assert_int_equal(store_begin(s, &cause), 0);
	assert_int_equal(event_add(s, "boss", "user add", 0, 0, "x", &cause),
	    0);
	assert_int_equal(store_commit(s, &cause), 0);
	assert_int_equal(chain_verify(s, &rows, &f, &cause), 0);
	assert_int_equal(rows, 11);
	/* INSERT OR REPLACE fails even with fl_chain at hand. */
	assert_int_equal(store_exec(s, "INSERT OR REPLACE INTO event (id,"
	    " actor, action) VALUES (1, 'eve', 'nothing')", &cause), -1);
	assert_non_null(strstr(cause, "append-only"));
	free(cause);
	cause = NULL;
	assert_int_equal(store_exec(s, "INSERT OR REPLACE INTO score_mark"
	    " VALUES (1, 0, 'a', 0)", &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(chain_verify(s, &rows, &f, &cause), 0);
	/* A changed row (triggers dropped) is named. */
	assert_int_equal(store_exec(s, "DROP TRIGGER score_mark_no_update;"
	    "UPDATE score_mark SET mark = 0 WHERE entry_id = 2 AND seq = 1",
	    &cause), 0);
	assert_int_equal(chain_verify(s, &rows, &f, &cause), 1);
	assert_string_equal(f.table, "score_mark");
	assert_string_equal(f.key, "2/1");
	store_free(&s);
	free(path);
	unit_rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_existing_rows_chained),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
