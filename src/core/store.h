/*
 * The SQLite store: opening with the pragmas every connection needs,
 * migrations by PRAGMA user_version, and transactions.
 *
 * Every open sets WAL mode, foreign_keys=ON, a busy handler that waits up
 * to STORE_BUSY_MS for a lock, synchronous=FULL, trusted_schema=OFF and SQLITE_DBCONFIG_DEFENSIVE.  New
 * database files are created with mode 0600 (SQLite gives the -wal and -shm
 * files the same mode).  Every write runs inside store_begin() (BEGIN
 * IMMEDIATE) ... store_commit().
 */
#ifndef FIRSTLINE_STORE_H
#define FIRSTLINE_STORE_H

#include <stddef.h>

#include <sqlite3.h>

/*
 * How long a connection waits for a lock before it gives up with "database
 * is locked", in milliseconds (polled in short jittered sleeps, see
 * store.c, so that long waiters are not starved by newcomers).
 */
#define STORE_BUSY_MS 30000

/* How many statements a connection keeps prepared (store_stmt). */
#define STORE_STMT_MAX 32

struct store_stmt_slot {
	const char	*sql;		/* the caller's literal, by address */
	sqlite3_stmt	*st;
	int		 busy;		/* handed out, not yet store_done */
};

struct store {
	sqlite3		*db;
	char		*path;
	sqlite3_stmt	*rollback;	/* prepared: works out of memory */
	long long	 busy_since;	/* microseconds, for the busy handler */
	int		 group;		/* inside store_group_begin */
	struct store_stmt_slot stmt[STORE_STMT_MAX];
	size_t		 nstmt;
};

enum store_mode {
	STORE_OPEN,		/* existing, up-to-date database only */
	STORE_CREATE,		/* create or upgrade (firstline init) */
};

/*
 * Open the database at path.  STORE_OPEN refuses a missing file and a
 * database whose schema is older (run init) or newer (a newer firstline)
 * than this build.  STORE_CREATE creates the file (0600) and applies any
 * pending migrations.  On success *out is a new store the caller frees with
 * store_free(); on failure returns -1 and *cause is a message to free.
 */
int store_open(const char *path, enum store_mode mode, struct store **out,
    char **cause);
/*
 * Whether store_open may use a database file that group or others may read
 * or write (--allow-open-db); refused by default.
 */
void store_allow_open_db(int allow);
int store_open_db_is_allowed(void);
/* Close and free *s, setting it to NULL; accepts NULL. */
void store_free(struct store **s);

/* The database's PRAGMA user_version, or -1 on error. */
int store_user_version(struct store *s);

/*
 * BEGIN IMMEDIATE / COMMIT / ROLLBACK.  -1 and *cause on failure.  The
 * ROLLBACK is prepared when the store opens, so that it works when nothing
 * else does (out of memory) and no failed transaction stays open.
 */
int store_begin(struct store *s, char **cause);
int store_commit(struct store *s, char **cause);
void store_rollback(struct store *s);

/*
 * Group commit: many writers' transactions in one, committed (and synced
 * to disk) once.  Between store_group_begin (BEGIN IMMEDIATE) and
 * store_group_commit, store_begin / store_commit / store_rollback work on
 * a savepoint, so each caller's write is kept or undone alone while the
 * group's single COMMIT makes them durable together; nobody may say a
 * write is saved before store_group_commit has returned 0.
 * store_group_rollback undoes the whole group.  -1 and *cause on failure.
 */
int store_group_begin(struct store *s, char **cause);
int store_group_commit(struct store *s, char **cause);
void store_group_rollback(struct store *s);

/* Run SQL with no result rows.  -1 and *cause on failure. */
int store_exec(struct store *s, const char *sql, char **cause);

/*
 * Prepare a statement; a failure to prepare is a programming error and is
 * fatal (the SQL is ours).  Out of memory ends the program like xmalloc;
 * a database that cannot be read (I/O error, corruption) ends it with a
 * message naming the file.
 */
sqlite3_stmt *store_prepare(struct store *s, const char *sql);
/*
 * The same, for statements run on every request of a long-lived client
 * (the server's answers, the trainee's screens): the statement is kept
 * prepared on s and found again by the address of sql, which must be a
 * string literal (or live as long as s).  Give it back with store_done(),
 * never sqlite3_finalize(): store_done resets it (ending its read) and
 * clears its bindings.  A statement already handed out and not given back
 * (the same SQL nested) or one beyond STORE_STMT_MAX is prepared afresh
 * and finalized by store_done.
 */
sqlite3_stmt *store_stmt(struct store *s, const char *sql);
void store_done(struct store *s, sqlite3_stmt *st);

/* The first column of sql's first row as an integer, or none when there
 * is no row or it is NULL. */
sqlite3_int64 store_int(struct store *s, const char *sql, sqlite3_int64 none);

/* Text of column i, or "" when NULL (never NULL). */
const char *store_text(sqlite3_stmt *st, int i);

/*
 * Copy the whole database to a new file at dest (mode 0600) with SQLite's
 * online backup API, while other connections go on writing.  Refuses an
 * existing dest.  Returns 0, or -1 and *cause.
 */
int store_backup(struct store *s, const char *dest, char **cause);

/* A message for the last error of the connection, to free. */
char *store_error(struct store *s, const char *what);

#endif
