/*
 * The SQLite store: every connection gets the same pragmas, new files are
 * private (0600), and the schema is brought up to date by migrations that
 * each run in one transaction with the new PRAGMA user_version.
 */
#include "config.h"

#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "chain.h"
#include "core.h"
#include "schema.h"

/*
 * SQLite's message for the connection's last error, with the reason when a
 * write failed: the system's error if SQLite kept it, else a file size
 * limit (ulimit -f: SQLite reports EFBIG as a plain "disk I/O error").  A
 * full disk or a size limit must be recognisable to whoever reads it.
 */
static char *
store_reason(struct store *s, const char *msg)
{
	int rc = sqlite3_extended_errcode(s->db);
	int e = sqlite3_system_errno(s->db);
	struct rlimit rl;

	if ((rc & 0xff) != SQLITE_IOERR && (rc & 0xff) != SQLITE_FULL)
		return xstrdup(msg);
	/* A write past the file size limit: SQLite keeps EFBIG, or nothing. */
	if ((e == EFBIG || (e == 0 && rc == SQLITE_IOERR_WRITE)) &&
	    getrlimit(RLIMIT_FSIZE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		return xasprintf(_("%s (%s: files of this process may not grow "
		    "beyond %llu bytes)"), msg, strerror(EFBIG),
		    (unsigned long long)rl.rlim_cur);
	if (e != 0)
		return xasprintf("%s (%s)", msg, strerror(e));
	return xstrdup(msg);
}

char *
store_error(struct store *s, const char *what)
{
	char *why = store_reason(s, sqlite3_errmsg(s->db)), *m;

	m = xasprintf("%s: %s: %s", s->path, what, why);
	free(why);
	return m;
}

int
store_exec(struct store *s, const char *sql, char **cause)
{
	char *err = NULL, *why;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		why = store_reason(s, err ? err : sqlite3_errmsg(s->db));
		*cause = xasprintf("%s: %s", s->path, why);
		free(why);
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

sqlite3_stmt *
store_prepare(struct store *s, const char *sql)
{
	sqlite3_stmt *st;

	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);

	if ((rc & 0xff) == SQLITE_NOMEM)
		xalloc_die();	/* like every other allocation */
	if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_ERROR) {
		/* Reading the schema failed (I/O error, corruption): the
		 * database, not our SQL.  No caller can go on without it. */
		fprintf(stderr, _("firstline: %s: cannot read the database: "
		    "%s\n"), s->path, sqlite3_errmsg(s->db));
		exit(1);
	}
	if (rc != SQLITE_OK) {
		fprintf(stderr, "firstline: internal error preparing SQL: %s\n%s\n",
		    sqlite3_errmsg(s->db), sql);
		abort();
	}
	return st;
}

sqlite3_stmt *
store_stmt(struct store *s, const char *sql)
{
	struct store_stmt_slot *slot;
	size_t i;

	for (i = 0; i < s->nstmt; i++) {
		slot = &s->stmt[i];
		if (slot->sql == sql) {
			if (slot->busy)
				return store_prepare(s, sql);
			slot->busy = 1;
			return slot->st;
		}
	}
	if (s->nstmt == STORE_STMT_MAX)
		return store_prepare(s, sql);
	slot = &s->stmt[s->nstmt];
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &slot->st, NULL) != SQLITE_OK) {
		/* The same failure, the same message as store_prepare. */
		sqlite3_finalize(slot->st);
		slot->st = NULL;
		return store_prepare(s, sql);
	}
	slot->sql = sql;
	slot->busy = 1;
	s->nstmt++;
	return slot->st;
}

void
store_done(struct store *s, sqlite3_stmt *st)
{
	size_t i;

	for (i = 0; i < s->nstmt; i++)
		if (s->stmt[i].st == st && s->stmt[i].busy) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			s->stmt[i].busy = 0;
			return;
		}
	sqlite3_finalize(st);
}

const char *
store_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

/* One statement of transaction control, kept prepared (store_stmt). */
static int
store_control(struct store *s, const char *sql, char **cause)
{
	sqlite3_stmt *st = store_stmt(s, sql);
	char *why;

	if (sqlite3_step(st) == SQLITE_DONE) {
		store_done(s, st);
		return 0;
	}
	why = store_reason(s, sqlite3_errmsg(s->db));
	*cause = xasprintf("%s: %s", s->path, why);
	free(why);
	store_done(s, st);
	return -1;
}

int
store_begin(struct store *s, char **cause)
{
	return store_control(s, s->group ? "SAVEPOINT store_w" :
	    "BEGIN IMMEDIATE", cause);
}

int
store_commit(struct store *s, char **cause)
{
	return store_control(s, s->group ? "RELEASE store_w" : "COMMIT",
	    cause);
}

int
store_group_begin(struct store *s, char **cause)
{
	if (store_exec(s, "BEGIN IMMEDIATE", cause) != 0)
		return -1;
	s->group = 1;
	return 0;
}

int
store_group_commit(struct store *s, char **cause)
{
	s->group = 0;
	return store_exec(s, "COMMIT", cause);
}

void
store_group_rollback(struct store *s)
{
	s->group = 0;
	store_rollback(s);
}

void
store_rollback(struct store *s)
{
	if (sqlite3_get_autocommit(s->db))
		return;
	if (s->group) {
		/* This writer's savepoint only; the group goes on. */
		sqlite3_exec(s->db, "ROLLBACK TO store_w; RELEASE store_w",
		    NULL, NULL, NULL);
		return;
	}
	if (s->rollback != NULL) {
		sqlite3_step(s->rollback);
		sqlite3_reset(s->rollback);
	} else
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

sqlite3_int64
store_int(struct store *s, const char *sql, sqlite3_int64 none)
{
	sqlite3_stmt *st = store_prepare(s, sql);
	sqlite3_int64 v = none;

	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

int
store_user_version(struct store *s)
{
	return (int)store_int(s, "PRAGMA user_version", -1);
}

/* Create path with mode 0600 if it does not exist yet. */
static int
store_create_file(const char *path, char **cause)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd == -1) {
		if (errno == EEXIST)
			return 0;
		*cause = xasprintf(_("%s: cannot create database: %s"), path,
		    strerror(errno));
		return -1;
	}
	close(fd);
	return 0;
}

/*
 * The busy handler: wait for a lock in short sleeps that do not grow, with
 * jitter, for STORE_BUSY_MS in all.  SQLite's own handler backs off to
 * 100 ms sleeps, so with hundreds of writers the ones that have waited
 * longest poll least and lose to newcomers: a few waited the whole timeout
 * and got "database is locked" while the median write took 0.1 ms.
 */
static int
store_busy(void *arg, int n)
{
	struct store *s = arg;
	struct timespec now;
	long long us;
	unsigned int r;

	clock_gettime(CLOCK_MONOTONIC, &now);
	us = (long long)now.tv_sec * 1000000 + now.tv_nsec / 1000;
	if (n == 0)
		s->busy_since = us;
	else if (us - s->busy_since >= STORE_BUSY_MS * 1000LL)
		return 0;
	sqlite3_randomness(sizeof r, &r);
	usleep((useconds_t)(n < 4 ? 100 + r % 1000 : 1000 + r % 10000));
	return 1;
}

static int
store_pragmas(struct store *s, char **cause)
{
	sqlite3_stmt *st;
	const char *mode;
	int on;

	sqlite3_busy_handler(s->db, store_busy, s);
	if (sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, &on) !=
	    SQLITE_OK || !on) {
		*cause = store_error(s, "SQLITE_DBCONFIG_DEFENSIVE");
		return -1;
	}
	if (store_exec(s, "PRAGMA foreign_keys = ON;"
	    "PRAGMA synchronous = FULL;"
	    "PRAGMA trusted_schema = OFF;", cause) != 0)
		return -1;
	st = store_prepare(s, "PRAGMA journal_mode = WAL");
	if (sqlite3_step(st) != SQLITE_ROW) {
		*cause = store_error(s, "journal_mode");
		sqlite3_finalize(st);
		return -1;
	}
	mode = store_text(st, 0);
	if (strcmp(mode, "wal") != 0 && strcmp(s->path, ":memory:") != 0) {
		*cause = xasprintf(_("%s: cannot switch to WAL mode (got %s)"),
		    s->path, mode);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

static int
store_migrate(struct store *s, int from, char **cause)
{
	size_t i;
	char *sql;

	for (i = (size_t)from; i < schema_count(); i++) {
		if (store_begin(s, cause) != 0)
			return -1;
		/* Another process may have migrated while we waited. */
		if ((size_t)store_user_version(s) > i) {
			store_rollback(s);
			continue;
		}
		if (store_exec(s, schema_migration(i), cause) != 0) {
			store_rollback(s);
			return -1;
		}
		sql = xasprintf("PRAGMA user_version = %zu", i + 1);
		if (store_exec(s, sql, cause) != 0 ||
		    store_commit(s, cause) != 0) {
			free(sql);
			store_rollback(s);
			return -1;
		}
		free(sql);
	}
	return 0;
}

/*
 * The database and its directory (where the -wal and -shm files go) must
 * be readable and writable by whoever runs firstline: say whose they are
 * rather than SQLite's "unable to open database file".
 */
static int
store_access(const char *path, const struct stat *sb, char **cause)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL ? xstrdup(".") : slash == path ?
	    xstrdup("/") : xstrndup(path, (size_t)(slash - path));
	struct passwd *pw;
	char owner[64];
	int rc = 0;

	if (sb->st_uid == geteuid() && access(path, R_OK | W_OK) != 0) {
		/* Ours, but read-only: another account is not the reason. */
		*cause = xasprintf(_("%s: the database is read-only for its "
		    "owner (mode %03o); make it writable with 'chmod 600 "
		    "%s'"), path, (unsigned)(sb->st_mode & 0777), path);
		rc = -1;
	} else if (access(path, R_OK | W_OK) != 0 ||
	    access(dir, W_OK | X_OK) != 0) {
		if ((pw = getpwuid(sb->st_uid)) != NULL)
			snprintf(owner, sizeof owner, "%s", pw->pw_name);
		else
			snprintf(owner, sizeof owner, "%lu",
			    (unsigned long)sb->st_uid);
		*cause = xasprintf(_("%s: permission denied: the database "
		    "and its directory belong to the account %s; run firstline "
		    "as that account (see doc/deployment.md)"), path, owner);
		rc = -1;
	}
	free(dir);
	return rc;
}

static int store_open_db_allowed;

void
store_allow_open_db(int allow)
{
	store_open_db_allowed = allow;
}

int
store_open_db_is_allowed(void)
{
	return store_open_db_allowed;
}

/*
 * A database that other accounts may read or write gives away the names,
 * the PIN hashes and the chain's secret, or lets them rewrite scores:
 * refused unless store_allow_open_db(1).
 */
static int
store_private(const char *path, const struct stat *sb, char **cause)
{
	if ((sb->st_mode & 0077) == 0 || store_open_db_allowed)
		return 0;
	*cause = xasprintf(_("%s: the database may be read or written by "
	    "other accounts (mode %03o); make it private with 'chmod 600 %s' "
	    "(or run with --allow-open-db)"), path,
	    (unsigned)(sb->st_mode & 0777), path);
	return -1;
}

/*
 * Once per process, before SQLite starts: no memory statistics.  They are
 * kept under one global mutex taken on every allocation, which the
 * server's threads (each on its own connection) would otherwise queue on.
 */
static void
store_configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int
store_open(const char *path, enum store_mode mode, struct store **out,
    char **cause)
{
	static pthread_once_t configured = PTHREAD_ONCE_INIT;
	struct store *s;
	struct stat sb;
	int version, flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	int newest = (int)schema_count();

	*out = NULL;
	pthread_once(&configured, store_configure);
	if (strcmp(path, ":memory:") != 0) {
		if (mode == STORE_CREATE) {
			if (store_create_file(path, cause) != 0)
				return -1;
			if (stat(path, &sb) == 0 &&
			    store_private(path, &sb, cause) != 0)
				return -1;
		} else if (stat(path, &sb) != 0 && errno == EACCES) {
			*cause = xasprintf(_("%s: permission denied: run "
			    "firstline as the account that owns the database "
			    "(see doc/deployment.md)"), path);
			return -1;
		} else if (stat(path, &sb) != 0) {
			*cause = xasprintf(_("%s: no database here (%s); "
			    "create it with 'firstline init'"), path,
			    strerror(errno));
			return -1;
		} else if (store_access(path, &sb, cause) != 0 ||
		    store_private(path, &sb, cause) != 0)
			return -1;
	}

	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		*cause = xasprintf(_("%s: cannot open database: %s"), path,
		    s->db ? sqlite3_errmsg(s->db) : "out of memory");
		store_free(&s);
		return -1;
	}
	sqlite3_extended_result_codes(s->db, 1);
	if (store_pragmas(s, cause) != 0 || chain_register(s, cause) != 0)
		goto fail;
	if (sqlite3_prepare_v3(s->db, "ROLLBACK", -1, SQLITE_PREPARE_PERSISTENT,
	    &s->rollback, NULL) != SQLITE_OK) {
		*cause = store_error(s, "ROLLBACK");
		goto fail;
	}

	version = store_user_version(s);
	if (version < 0) {
		*cause = xasprintf(_("%s: not a firstline database: %s"), path,
		    sqlite3_errmsg(s->db));
		goto fail;
	}
	if (version > newest) {
		*cause = xasprintf(_("%s: database schema version %d is newer "
		    "than this firstline understands (%d); use a newer "
		    "firstline"), path, version, newest);
		goto fail;
	}
	if (version < newest) {
		if (mode != STORE_CREATE) {
			*cause = xasprintf(_("%s: database schema version %d "
			    "is older than this firstline (%d); upgrade it "
			    "with 'firstline init'"), path, version, newest);
			goto fail;
		}
		if (store_migrate(s, version, cause) != 0)
			goto fail;
	}
	*out = s;
	return 0;

fail:
	store_free(&s);
	return -1;
}

void
store_free(struct store **sp)
{
	struct store *s = *sp;
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nstmt; i++)
		sqlite3_finalize(s->stmt[i].st);
	sqlite3_finalize(s->rollback);
	if (s->db != NULL)
		sqlite3_close_v2(s->db);
	free(s->path);
	free(s);
	*sp = NULL;
}

int
store_backup(struct store *s, const char *dest, char **cause)
{
	sqlite3_backup *b;
	sqlite3 *out = NULL;
	int fd, rc;

	fd = open(dest, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd == -1) {
		*cause = xasprintf(_("%s: cannot create the backup: %s"), dest,
		    strerror(errno));
		return -1;
	}
	close(fd);
	if (sqlite3_open_v2(dest, &out, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		*cause = xasprintf(_("%s: cannot open the backup: %s"), dest,
		    out ? sqlite3_errmsg(out) : "out of memory");
		sqlite3_close(out);
		unlink(dest);
		return -1;
	}
	b = sqlite3_backup_init(out, "main", s->db, "main");
	if (b == NULL) {
		*cause = xasprintf(_("%s: backup failed: %s"), dest,
		    sqlite3_errmsg(out));
		sqlite3_close(out);
		unlink(dest);
		return -1;
	}
	/* Copy in steps so writers are not held up for long. */
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		*cause = xasprintf(_("%s: backup failed: %s"), dest,
		    sqlite3_errstr(rc));
		sqlite3_close(out);
		unlink(dest);
		return -1;
	}
	rc = sqlite3_close(out);
	return rc == SQLITE_OK ? 0 : -1;
}
