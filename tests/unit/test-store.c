/*
 * Unit tests of the store: the pragmas of every open, the file mode,
 * migrations, the refusal of too new or too old databases, and a write
 * that waits for another process's transaction instead of failing.
 */
#include "config.h"

#include "unit.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#include "core/instance.h"
#include "core/schema.h"
#include "core/store.h"

static long
pragma(struct store *s, const char *name)
{
	char *sql = xasprintf("PRAGMA %s", name);
	sqlite3_stmt *st = store_prepare(s, sql);
	long v = -1;

	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	free(sql);
	return v;
}

static void
assert_pragmas(struct store *s)
{
	sqlite3_stmt *st;
	int on = -1;

	st = store_prepare(s, "PRAGMA journal_mode");
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(store_text(st, 0), "wal");
	sqlite3_finalize(st);
	assert_int_equal(pragma(s, "foreign_keys"), 1);
	assert_int_equal(pragma(s, "synchronous"), 2);	/* FULL */
	assert_int_equal(pragma(s, "trusted_schema"), 0);
	/* The store's own busy handler waits (test_busy_waits), not
	 * busy_timeout, which it replaces. */
	assert_int_equal(pragma(s, "busy_timeout"), 0);
	assert_int_equal(sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE,
	    -1, &on), SQLITE_OK);
	assert_int_equal(on, 1);
}

static void
test_create_sets_everything(void **state)
{
	char *dir = unit_tmpdir(), *path = xasprintf("%s/a.db", dir);
	char *cause = NULL;
	struct store *s;
	struct stat sb;

	umask(022);
	assert_int_equal(store_open(path, STORE_CREATE, &s, &cause), 0);
	assert_pragmas(s);
	assert_int_equal(store_user_version(s), (int)schema_count());
	/* WAL files get the database's mode. */
	assert_int_equal(store_exec(s, "CREATE TABLE t(x)", &cause), 0);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	free(path);
	path = xasprintf("%s/a.db-wal", dir);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	store_free(&s);
	assert_null(s);

	/* Every later open sets the pragmas again. */
	free(path);
	path = xasprintf("%s/a.db", dir);
	assert_int_equal(store_open(path, STORE_OPEN, &s, &cause), 0);
	assert_pragmas(s);
	store_free(&s);
	free(path);
	unit_rmdir(dir);
}

static void
test_open_missing_refused(void **state)
{
	char *dir = unit_tmpdir(), *path = xasprintf("%s/none.db", dir);
	char *cause = NULL;
	struct store *s;

	assert_int_equal(store_open(path, STORE_OPEN, &s, &cause), -1);
	assert_null(s);
	assert_non_null(strstr(cause, "firstline init"));
	assert_int_equal(access(path, F_OK), -1);	/* not created */
	free(cause);
	free(path);
	unit_rmdir(dir);
}

static void
set_version(const char *path, int v)
{
	sqlite3 *db;
	char *sql = xasprintf("PRAGMA user_version = %d", v);

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	free(sql);
}

static void
test_newer_refused(void **state)
{
	char *dir = unit_tmpdir(), *path = xasprintf("%s/a.db", dir);
	char *cause = NULL;
	struct store *s;
	enum store_mode modes[] = { STORE_OPEN, STORE_CREATE };
	size_t i;

	assert_int_equal(store_open(path, STORE_CREATE, &s, &cause), 0);
	store_free(&s);
	set_version(path, (int)schema_count() + 1);
	for (i = 0; i < 2; i++) {
		assert_int_equal(store_open(path, modes[i], &s, &cause), -1);
		assert_non_null(strstr(cause, "newer"));
		free(cause);
	}
	free(path);
	unit_rmdir(dir);
}

static void
test_older_upgraded_by_init_only(void **state)
{
	char *dir = unit_tmpdir(), *path = xasprintf("%s/a.db", dir);
	char *cause = NULL;
	struct store *s;
	sqlite3 *db;

	/* An empty SQLite file is schema version 0. */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(chmod(path, 0600), 0);
	assert_int_equal(store_open(path, STORE_OPEN, &s, &cause), -1);
	assert_non_null(strstr(cause, "older"));
	free(cause);
	assert_int_equal(store_open(path, STORE_CREATE, &s, &cause), 0);
	assert_int_equal(store_user_version(s), (int)schema_count());
	assert_int_equal(store_exec(s, "SELECT count(*) FROM question",
	    &cause), 0);
	store_free(&s);
	free(path);
	unit_rmdir(dir);
}

/* A database other accounts may read or write is refused, unless allowed. */
static void
test_open_to_others_refused(void **state)
{
	char *dir = unit_tmpdir(), *path = xasprintf("%s/a.db", dir);
	char *cause = NULL;
	struct store *s;
	static const mode_t modes[] = { 0640, 0604, 0620, 0602, 0666 };
	size_t i;

	assert_int_equal(store_open(path, STORE_CREATE, &s, &cause), 0);
	store_free(&s);
	for (i = 0; i < sizeof modes / sizeof modes[0]; i++) {
		assert_int_equal(chmod(path, modes[i]), 0);
		assert_int_equal(store_open(path, STORE_OPEN, &s, &cause), -1);
		assert_non_null(strstr(cause, "chmod 600"));
		free(cause);
		cause = NULL;
		assert_int_equal(store_open(path, STORE_CREATE, &s, &cause),
		    -1);
		free(cause);
		cause = NULL;
	}
	store_allow_open_db(1);
	assert_int_equal(store_open(path, STORE_OPEN, &s, &cause), 0);
	store_free(&s);
	store_allow_open_db(0);
	/* Read-only for its owner: said so, not "another account". */
	assert_int_equal(chmod(path, 0400), 0);
	if (geteuid() != 0) {
		assert_int_equal(store_open(path, STORE_OPEN, &s, &cause),
		    -1);
		assert_non_null(strstr(cause, "read-only"));
		free(cause);
	}
	chmod(path, 0600);
	free(path);
	unit_rmdir(dir);
}

static void
test_not_a_database(void **state)
{
	char *dir = unit_tmpdir(), *path = xasprintf("%s/junk.db", dir);
	char *cause = NULL;
	struct store *s;
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs("this is not a database, just text that is long enough to "
	    "look like a header of some kind...........................\n",
	    fp);
	fclose(fp);
	assert_int_equal(store_open(path, STORE_OPEN, &s, &cause), -1);
	assert_non_null(strstr(cause, path));
	free(cause);
	free(path);
	unit_rmdir(dir);
}

static void
test_rollback_discards(void **state)
{
	char *cause = NULL;
	struct store *s;
	sqlite3_stmt *st;

	assert_int_equal(store_open(":memory:", STORE_CREATE, &s, &cause), 0);
	assert_int_equal(store_begin(s, &cause), 0);
	assert_int_equal(store_exec(s, "INSERT INTO module_version (module,"
	    " version, title_zh, title_en, digest, file) VALUES"
	    " ('m', 1, 'z', 'e', 'd', 'f')", &cause), 0);
	store_rollback(s);
	st = store_prepare(s, "SELECT count(*) FROM module_version");
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
	/* Foreign keys are enforced. */
	assert_int_equal(store_exec(s, "INSERT INTO question (module_version_id,"
	    " qid, type, difficulty, stem_zh, stem_en, explanation_zh,"
	    " explanation_en, source) VALUES (42, 'q', 'single', 1, '', '',"
	    " '', '', '')", &cause), -1);
	assert_non_null(strstr(cause, "FOREIGN KEY"));
	free(cause);
	store_free(&s);
}

/* A group commit: each writer's part kept or undone alone, one COMMIT. */
static void
test_group_commit(void **state)
{
	char *cause = NULL;
	struct store *s;
	sqlite3_stmt *st;
#define GROUP_INS "INSERT INTO module_version (module, version, title_zh," \
	    " title_en, digest, file) VALUES ('m', %d, 'z', 'e', 'd', 'f')"
	char sql[256];
	int v;

	(void)state;
	assert_int_equal(store_open(":memory:", STORE_CREATE, &s, &cause), 0);
	assert_int_equal(store_group_begin(s, &cause), 0);
	for (v = 1; v <= 3; v++) {
		assert_int_equal(store_begin(s, &cause), 0);
		snprintf(sql, sizeof sql, GROUP_INS, v);
		assert_int_equal(store_exec(s, sql, &cause), 0);
		if (v == 2)
			store_rollback(s);	/* this writer's part only */
		else
			assert_int_equal(store_commit(s, &cause), 0);
	}
	assert_int_equal(sqlite3_get_autocommit(s->db), 0);
	assert_int_equal(store_group_commit(s, &cause), 0);
	assert_int_equal(sqlite3_get_autocommit(s->db), 1);
	st = store_prepare(s, "SELECT group_concat(version) FROM"
	    " module_version");
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(st, 0), "1,3");
	sqlite3_finalize(st);
	/* A group undone whole. */
	assert_int_equal(store_group_begin(s, &cause), 0);
	assert_int_equal(store_begin(s, &cause), 0);
	snprintf(sql, sizeof sql, GROUP_INS, 4);
	assert_int_equal(store_exec(s, sql, &cause), 0);
	assert_int_equal(store_commit(s, &cause), 0);
	store_group_rollback(s);
	st = store_prepare(s, "SELECT count(*) FROM module_version");
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 2);
	sqlite3_finalize(st);
	/* After the group, store_begin is a transaction again. */
	assert_int_equal(store_begin(s, &cause), 0);
	store_rollback(s);
	assert_int_equal(sqlite3_get_autocommit(s->db), 1);
	store_free(&s);
}

/*
 * Another process holds the write lock for 300 ms: store_begin waits for
 * it and succeeds (no "database is locked").
 */
static void
test_busy_waits(void **state)
{
	char *dir = unit_tmpdir(), *path = xasprintf("%s/b.db", dir);
	char *cause = NULL, c;
	struct store *s;
	struct timespec t0, t1;
	int p[2], status;
	pid_t pid;
	long ms;

	(void)state;
	assert_int_equal(store_open(path, STORE_CREATE, &s, &cause), 0);
	store_free(&s);
	assert_int_equal(pipe(p), 0);
	pid = fork();
	assert_true(pid != -1);
	if (pid == 0) {
		close(p[0]);
		if (store_open(path, STORE_OPEN, &s, &cause) != 0 ||
		    store_begin(s, &cause) != 0 || write(p[1], "x", 1) != 1)
			_exit(1);
		usleep(300000);
		_exit(store_commit(s, &cause) == 0 ? 0 : 1);
	}
	close(p[1]);
	assert_int_equal(read(p[0], &c, 1), 1);	/* the child holds it */
	close(p[0]);
	assert_int_equal(store_open(path, STORE_OPEN, &s, &cause), 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(store_begin(s, &cause), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) /
	    1000000;
	assert_true(ms >= 100);		/* it did wait */
	assert_int_equal(store_commit(s, &cause), 0);
	store_free(&s);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	free(path);
	unit_rmdir(dir);
}

/* Each database has its own identity and secret, fixed for its life. */
static void
test_instance(void **state)
{
	char *dir = unit_tmpdir(), *pa = xasprintf("%s/a.db", dir);
	char *pb = xasprintf("%s/b.db", dir), *cause = NULL;
	char ida[INSTANCE_ID_LEN + 1], idb[INSTANCE_ID_LEN + 1];
	unsigned char ma[INSTANCE_MAC_LEN], ma2[INSTANCE_MAC_LEN];
	unsigned char mb[INSTANCE_MAC_LEN], h[INSTANCE_MAC_LEN];
	char hex[2 * INSTANCE_MAC_LEN + 1];
	struct store *a, *b;
	size_t i;

	assert_int_equal(store_open(pa, STORE_CREATE, &a, &cause), 0);
	assert_int_equal(store_open(pb, STORE_CREATE, &b, &cause), 0);
	assert_int_equal(instance_id(a, ida, &cause), 0);
	assert_int_equal(instance_id(b, idb, &cause), 0);
	assert_int_equal(strlen(ida), INSTANCE_ID_LEN);
	for (i = 0; i < INSTANCE_ID_LEN; i++)
		assert_non_null(strchr("0123456789abcdef", ida[i]));
	assert_string_not_equal(ida, idb);
	assert_int_equal(instance_mac(a, "x", 1, ma, &cause), 0);
	assert_int_equal(instance_mac(a, "x", 1, ma2, &cause), 0);
	assert_int_equal(instance_mac(b, "x", 1, mb, &cause), 0);
	assert_memory_equal(ma, ma2, sizeof ma);
	assert_memory_not_equal(ma, mb, sizeof ma);
	/* Nobody changes or removes the identity, not even with SQL. */
	assert_int_not_equal(store_exec(a, "UPDATE instance SET"
	    " secret = zeroblob(32)", &cause), 0);
	free(cause);
	cause = NULL;
	assert_int_not_equal(store_exec(a, "DELETE FROM instance", &cause), 0);
	free(cause);
	cause = NULL;
	assert_int_equal(instance_mac(a, "x", 1, ma2, &cause), 0);
	assert_memory_equal(ma, ma2, sizeof ma);
	/* SHA-256 of "abc" (FIPS 180-2). */
	instance_sha256("abc", 3, h);
	instance_hex(h, sizeof h, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	store_free(&a);
	store_free(&b);
	free(pa);
	free(pb);
	unit_rmdir(dir);
}

/*
 * Kept statements: the same statement again for the same SQL, reset and
 * unbound (no read left open), a fresh one when the kept one is in use,
 * and fresh ones past STORE_STMT_MAX, all given back by store_done.
 */
static const char *const kept_sql[] = {
	"SELECT ?1 + 0", "SELECT ?1 + 1", "SELECT ?1 + 2", "SELECT ?1 + 3",
	"SELECT ?1 + 4", "SELECT ?1 + 5", "SELECT ?1 + 6", "SELECT ?1 + 7",
	"SELECT ?1 + 8", "SELECT ?1 + 9", "SELECT ?1 + 10", "SELECT ?1 + 11",
	"SELECT ?1 + 12", "SELECT ?1 + 13", "SELECT ?1 + 14", "SELECT ?1 + 15",
	"SELECT ?1 + 16", "SELECT ?1 + 17", "SELECT ?1 + 18", "SELECT ?1 + 19",
	"SELECT ?1 + 20", "SELECT ?1 + 21", "SELECT ?1 + 22", "SELECT ?1 + 23",
	"SELECT ?1 + 24", "SELECT ?1 + 25", "SELECT ?1 + 26", "SELECT ?1 + 27",
	"SELECT ?1 + 28", "SELECT ?1 + 29", "SELECT ?1 + 30", "SELECT ?1 + 31",
	"SELECT ?1 + 32", "SELECT ?1 + 33",
};

static void
test_kept_statements(void **state)
{
	static const char sql[] = "SELECT count(*), ?1 FROM sqlite_master";
	char *dir = unit_tmpdir(), *path = xasprintf("%s/a.db", dir);
	char *cause = NULL;
	struct store *s, *other;
	sqlite3_stmt *a, *b, *c;
	size_t i, n = sizeof kept_sql / sizeof kept_sql[0];

	(void)state;
	assert_true(n > STORE_STMT_MAX);
	assert_int_equal(store_open(path, STORE_CREATE, &s, &cause), 0);
	assert_int_equal(store_open(path, STORE_OPEN, &other, &cause), 0);
	a = store_stmt(s, sql);
	sqlite3_bind_int(a, 1, 7);
	assert_int_equal(sqlite3_step(a), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(a, 1), 7);
	/* In use: the same SQL nested gets its own statement. */
	b = store_stmt(s, sql);
	assert_ptr_not_equal(a, b);
	store_done(s, b);
	/* Given back mid-read: reset, so another connection can write and
	 * checkpoint past it; found again, with no binding left. */
	store_done(s, a);
	assert_int_equal(sqlite3_stmt_busy(a), 0);
	assert_int_equal(store_exec(other, "CREATE TABLE t (x)", &cause), 0);
	c = store_stmt(s, sql);
	assert_ptr_equal(c, a);
	assert_int_equal(sqlite3_step(c), SQLITE_ROW);
	assert_int_equal(sqlite3_column_type(c, 1), SQLITE_NULL);
	/* The schema changed since it was prepared: SQLite prepares it
	 * again, the count is the new one. */
	assert_true(sqlite3_column_int(c, 0) >= 1);
	store_done(s, c);
	/* More than it keeps: every one still works and is given back. */
	for (i = 0; i < n; i++) {
		sqlite3_stmt *st = store_stmt(s, kept_sql[i]);

		sqlite3_bind_int(st, 1, 100);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), 100 + (int)i);
		store_done(s, st);
	}
	assert_int_equal(s->nstmt, STORE_STMT_MAX);
	/* The transaction statements are kept too, and still work. */
	assert_int_equal(store_begin(s, &cause), 0);
	assert_int_equal(store_exec(s, "INSERT INTO t VALUES (1)", &cause), 0);
	assert_int_equal(store_commit(s, &cause), 0);
	assert_int_equal(store_begin(other, &cause), 0);
	/* Locked by other: the failure names the file, and nothing stays
	 * half-open on s. */
	assert_int_equal(sqlite3_busy_handler(s->db, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(store_begin(s, &cause), 0);
	assert_non_null(strstr(cause, path));
	free(cause);
	cause = NULL;
	assert_int_equal(sqlite3_get_autocommit(s->db), 1);
	store_rollback(other);
	store_free(&other);
	store_free(&s);
	free(path);
	unit_rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_sets_everything),
		cmocka_unit_test(test_open_missing_refused),
		cmocka_unit_test(test_newer_refused),
		cmocka_unit_test(test_older_upgraded_by_init_only),
		cmocka_unit_test(test_open_to_others_refused),
		cmocka_unit_test(test_not_a_database),
		cmocka_unit_test(test_rollback_discards),
		cmocka_unit_test(test_group_commit),
		cmocka_unit_test(test_busy_waits),
		cmocka_unit_test(test_instance),
		cmocka_unit_test(test_kept_statements),
	};

	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
