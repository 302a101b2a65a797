/*
 * Fault injection while saving an answer and a score (and checkpointing
 * the WAL after them), the way SQLite tests itself (its malloc and I/O-error
 * loops): for N = 1, 2, 3, ... the Nth allocation made through SQLite
 * (SQLITE_CONFIG_MALLOC), or the Nth write (an I/O error, or a full disk)
 * or sync through a VFS shim wrapping "unix", fails, once (transient) or
 * from then on (persistent), until an iteration runs without reaching
 * fault N.  Each iteration runs in a child process on a fresh copy of the
 * database; the parent then checks that:
 *
 *	- the child was not killed by a signal (no crash, no abort);
 *	- a call that reported success has its row in the database;
 *	- a call that failed said why (or the process ended with a message);
 *	- the database passes integrity_check and foreign_key_check;
 *	- with the fault gone, saving the answer again works at once.
 *
 *	faults DB TICKETS.csv [FIGURES]
 *
 * DB holds the trainee of the CSV's first row with a started attempt and
 * instructor "ins"; it is not changed (copies are).
 */
#include "config.h"

#include "stress.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/attempt.h"
#include "core/auth.h"
#include "core/core.h"
#include "core/score.h"
#include "core/store.h"

enum fault_kind { FAULT_MALLOC, FAULT_WRITE, FAULT_FULL, FAULT_SYNC };

/* The armed fault: the countdown to it and how many times it struck. */
static struct {
	enum fault_kind	kind;
	int		armed;
	int		persistent;
	long		countdown;
	long		hits;
} fault;

/* Whether the current operation of kind k fails now. */
static int
fault_now(enum fault_kind k)
{
	if (!fault.armed || fault.kind != k)
		return 0;
	if (fault.countdown > 0 && --fault.countdown > 0)
		return 0;
	if (fault.countdown == 0 && fault.hits > 0 && !fault.persistent)
		return 0;
	fault.countdown = 0;
	fault.hits++;
	return 1;
}

/* ------------------------------------------------------------ malloc */

static sqlite3_mem_methods mem_real;

static void *
mem_malloc(int n)
{
	return fault_now(FAULT_MALLOC) ? NULL : mem_real.xMalloc(n);
}

static void *
mem_realloc(void *p, int n)
{
	return fault_now(FAULT_MALLOC) ? NULL : mem_real.xRealloc(p, n);
}

static void mem_free(void *p) { mem_real.xFree(p); }
static int mem_size(void *p) { return mem_real.xSize(p); }
static int mem_roundup(int n) { return mem_real.xRoundup(n); }
static int mem_init(void *d) { return mem_real.xInit(d); }
static void mem_shutdown(void *d) { mem_real.xShutdown(d); }

/* --------------------------------------------------------------- VFS */

struct shim_file {
	sqlite3_file	 base;
	sqlite3_file	*real;	/* follows this struct */
};

static sqlite3_vfs *vfs_real;

#define REAL(f) (((struct shim_file *)(f))->real)

static int
shim_close(sqlite3_file *f)
{
	int rc = REAL(f)->pMethods ? REAL(f)->pMethods->xClose(REAL(f)) :
	    SQLITE_OK;

	f->pMethods = NULL;
	return rc;
}

static int
shim_read(sqlite3_file *f, void *b, int n, sqlite3_int64 off)
{
	return REAL(f)->pMethods->xRead(REAL(f), b, n, off);
}

static int
shim_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 off)
{
	if (fault_now(FAULT_WRITE))
		return SQLITE_IOERR_WRITE;
	if (fault_now(FAULT_FULL))
		return SQLITE_FULL;	/* what unix says for ENOSPC */
	return REAL(f)->pMethods->xWrite(REAL(f), b, n, off);
}

static int
shim_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}

static int
shim_sync(sqlite3_file *f, int flags)
{
	if (fault_now(FAULT_SYNC))
		return SQLITE_IOERR_FSYNC;
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int
shim_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int
shim_lock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xLock(REAL(f), l);
}

static int
shim_unlock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), l);
}

static int
shim_check(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int
shim_control(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int
shim_sector(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int
shim_chars(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int
shim_shm_map(sqlite3_file *f, int pg, int sz, int ext, void volatile **pp)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, sz, ext, pp);
}

static int
shim_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}

static void
shim_shm_barrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int
shim_shm_unmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}

/* Version 2: no memory-mapped I/O, so every write goes through xWrite. */
static const sqlite3_io_methods shim_methods = {
	2, shim_close, shim_read, shim_write, shim_truncate, shim_sync,
	shim_size, shim_lock, shim_unlock, shim_check, shim_control,
	shim_sector, shim_chars, shim_shm_map, shim_shm_lock,
	shim_shm_barrier, shim_shm_unmap, NULL, NULL
};

static int
shim_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags,
    int *out)
{
	struct shim_file *sf = (struct shim_file *)f;
	int rc;

	(void)v;
	sf->real = (sqlite3_file *)(sf + 1);
	rc = vfs_real->xOpen(vfs_real, name, sf->real, flags, out);
	f->pMethods = sf->real->pMethods != NULL ? &shim_methods : NULL;
	return rc;
}

static int
shim_delete(sqlite3_vfs *v, const char *name, int sync)
{
	(void)v;
	return vfs_real->xDelete(vfs_real, name, sync);
}

static int
shim_access(sqlite3_vfs *v, const char *name, int flags, int *out)
{
	(void)v;
	return vfs_real->xAccess(vfs_real, name, flags, out);
}

static int
shim_full(sqlite3_vfs *v, const char *name, int n, char *out)
{
	(void)v;
	return vfs_real->xFullPathname(vfs_real, name, n, out);
}

static int
shim_random(sqlite3_vfs *v, int n, char *out)
{
	(void)v;
	return vfs_real->xRandomness(vfs_real, n, out);
}

static int
shim_sleep(sqlite3_vfs *v, int us)
{
	(void)v;
	return vfs_real->xSleep(vfs_real, us);
}

static int
shim_time(sqlite3_vfs *v, double *out)
{
	(void)v;
	return vfs_real->xCurrentTime(vfs_real, out);
}

static int
shim_last_error(sqlite3_vfs *v, int n, char *out)
{
	(void)v;
	return vfs_real->xGetLastError(vfs_real, n, out);
}

static int
shim_time64(sqlite3_vfs *v, sqlite3_int64 *out)
{
	(void)v;
	return vfs_real->xCurrentTimeInt64(vfs_real, out);
}

static sqlite3_vfs shim_vfs = {
	2, 0, 0, NULL, "faults", NULL, shim_open, shim_delete, shim_access,
	shim_full, NULL, NULL, NULL, NULL, shim_random, shim_sleep, shim_time,
	shim_last_error, shim_time64, NULL, NULL, NULL
};

/* Install the allocator and the VFS (both pass through until armed). */
static void
faults_install(void)
{
	static const sqlite3_mem_methods m = {
		mem_malloc, mem_free, mem_realloc, mem_size, mem_roundup,
		mem_init, mem_shutdown, NULL
	};

	sqlite3_shutdown();
	sqlite3_config(SQLITE_CONFIG_GETMALLOC, &mem_real);
	sqlite3_config(SQLITE_CONFIG_MALLOC, &m);
	/* Lookaside would hide small allocations from the wrapper. */
	sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0);
	sqlite3_initialize();
	vfs_real = sqlite3_vfs_find("unix");
	shim_vfs.szOsFile = (int)sizeof(struct shim_file) + vfs_real->szOsFile;
	shim_vfs.mxPathname = vfs_real->mxPathname;
	sqlite3_vfs_register(&shim_vfs, 1);
}

/* ------------------------------------------------------- iterations */

/* What one iteration did, as the child reports it to the parent. */
struct outcome {
	int		answer_rc;	/* attempt_answer */
	int		answer_said;	/* a message came with a failure */
	int		score_rc;	/* score_set */
	int		score_said;
	long long	entry;		/* the entry score_set returned */
	long		hits;		/* faults that struck */
	int		answer_stored;	/* as a new connection sees it */
	int		entry_stored;
	int		retry_rc;	/* attempt_answer again, fault gone */
	char		response[16];
};

static int faults_answer_stored(const char *path, const char *response);
static int faults_entry_stored(const char *path, long long entry);

/* The child: everything through the core, the fault armed only around
 * the two saves. */
static void
faults_child(const char *db, const char *ticket, enum fault_kind kind,
    int persistent, long n, int out)
{
	struct outcome o;
	struct store *s = NULL;
	struct trainee t;
	struct attempt *a = NULL;
	struct user u;
	struct score_request q;
	struct score_result res;
	struct score_mark marks[32];
	sqlite3_stmt *st;
	char *cause = NULL, *items[32];
	size_t nmarks = 0, i;

	memset(&o, 0, sizeof o);
	memset(&t, 0, sizeof t);
	if (store_open(db, STORE_OPEN, &s, &cause) != 0) {
		fprintf(stderr, "%s\n", cause);
		_exit(3);
	}
	/* The trainee and instructor as their logins would give them
	 * (without hashing a PIN per iteration). */
	st = store_prepare(s, "SELECT t.id, t.cohort_id, c.cohort FROM"
	    " trainee t JOIN cohort c ON c.id = t.cohort_id"
	    " WHERE t.ticket = ?1");
	sqlite3_bind_text(st, 1, ticket, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		t.id = sqlite3_column_int64(st, 0);
		t.cohort_id = sqlite3_column_int64(st, 1);
		t.cohort = xstrdup(store_text(st, 2));
	}
	sqlite3_finalize(st);
	t.ticket = xstrdup(ticket);
	t.name = xstrdup("");
	t.community = xstrdup("");
	u.name = xstrdup("ins");
	u.role = ROLE_INSTRUCTOR;
	u.id = 0;
	st = store_prepare(s, "SELECT id FROM app_user WHERE name = 'ins'");
	if (sqlite3_step(st) == SQLITE_ROW)
		u.id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = store_prepare(s, "SELECT i.item, i.max FROM rubric_item i"
	    " JOIN current_rubric r ON r.id = i.rubric_version_id"
	    " WHERE r.rubric = 'cpr-aed' ORDER BY i.seq");
	while (nmarks < 32 && sqlite3_step(st) == SQLITE_ROW) {
		items[nmarks] = xstrdup(store_text(st, 0));
		marks[nmarks].item = items[nmarks];
		marks[nmarks].mark = sqlite3_column_int(st, 1);
		nmarks++;
	}
	sqlite3_finalize(st);
	if (attempt_open(s, &t, &a, &cause) != 0 || a->nitems == 0) {
		fprintf(stderr, "attempt_open: %s\n", cause ? cause : "?");
		_exit(3);
	}
	snprintf(o.response, sizeof o.response, "%s",
	    a->items[0].type == QTYPE_TRUEFALSE ? "1" : "0");
	memset(&q, 0, sizeof q);
	q.cohort = t.cohort;
	q.ticket = ticket;
	q.rubric = "cpr-aed";
	q.marks = marks;
	q.nmarks = nmarks;

	fault.kind = kind;
	fault.persistent = persistent;
	fault.countdown = n;
	fault.hits = 0;
	fault.armed = 1;
	o.answer_rc = attempt_answer(s, a, 0, o.response, &cause);
	o.answer_said = o.answer_rc == 0 || (cause != NULL && *cause != '\0');
	/* The client shows the answer only when it was saved. */
	if (o.answer_rc != 0 && strcmp(a->items[0].response, o.response) == 0)
		o.answer_said = -1;
	free(cause);
	cause = NULL;
	o.score_rc = score_set(s, &u, &q, &res, &cause);
	o.score_said = o.score_rc == 0 || (cause != NULL && *cause != '\0');
	o.entry = o.score_rc == 0 ? res.entry_id : 0;
	free(cause);
	cause = NULL;
	/* What closing the last connection does: copy the WAL back into
	 * the database (a failure there must not lose what was saved). */
	if (store_exec(s, "PRAGMA wal_checkpoint(TRUNCATE)", &cause) != 0)
		free(cause);
	cause = NULL;
	fault.armed = 0;
	o.hits = fault.hits;
	o.answer_stored = faults_answer_stored(db, o.response);
	o.entry_stored = faults_entry_stored(db, o.entry);

	/* The person presses the key again. */
	o.retry_rc = attempt_answer(s, a, 0, o.response, &cause);
	if (o.retry_rc != 0)
		fprintf(stderr, "retry: %s\n", cause ? cause : "?");
	free(cause);
	if (write(out, &o, sizeof o) != (ssize_t)sizeof o)
		_exit(4);
	for (i = 0; i < nmarks; i++)
		free(items[i]);
	attempt_free(&a);
	trainee_release(&t);
	user_release(&u);
	store_free(&s);
	_exit(0);
}

/* Write the template's bytes to path, removing its WAL and shm. */
static int
faults_copy(const char *path, const char *bytes, size_t len)
{
	char *p;
	int fd;

	p = xasprintf("%s-wal", path);
	unlink(p);
	free(p);
	p = xasprintf("%s-shm", path);
	unlink(p);
	free(p);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd == -1 || write(fd, bytes, len) != (ssize_t)len) {
		if (fd != -1)
			close(fd);
		return -1;
	}
	return close(fd);
}

/* The database after an iteration against what the child reported. */
static char *
faults_verify(const char *path, const struct outcome *o, int ended,
    const char *err)
{
	sqlite3 *db = stress_db_open(path);
	char *why = NULL;

	if (db == NULL)
		return xstrdup("cannot open the database afterwards");
	if (stress_db_sound(db, &why) != 0)
		goto out;
	if (!ended) {
		/* The process ended itself (out of memory is fatal): it
		 * must have said so. */
		if (*err == '\0')
			why = xstrdup("the process ended without a message");
		goto out;
	}
	if (o->answer_said <= 0 || o->score_said <= 0) {
		why = xasprintf("a failure without a message, or shown as "
		    "saved (answer %d, score %d)", o->answer_rc, o->score_rc);
		goto out;
	}
	if (o->answer_rc > 0) {
		why = xasprintf("attempt_answer said %d (closed or taken "
		    "over) for a live sitting", o->answer_rc);
		goto out;
	}
	if (o->answer_rc == 0 && !o->answer_stored) {
		why = xstrdup("the answer was reported saved, but is not");
		goto out;
	}
	if (o->score_rc == 0 && !o->entry_stored) {
		why = xasprintf("score entry %lld was reported stored, but is "
		    "not", o->entry);
		goto out;
	}
	if (o->retry_rc != 0) {
		why = xasprintf("saving again after the fault failed: %s", err);
		goto out;
	}
	sqlite3_close(db);
	db = NULL;
	if (!faults_answer_stored(path, o->response))
		why = xstrdup("saved again after the fault, yet not stored");
out:
	sqlite3_close(db);
	return why;
}

/* One number from a new connection (what another process sees): sql with
 * ?1 = n and ?2 = text; 0 when there is no row. */
static long long
faults_query(const char *path, const char *sql, long long n, const char *text)
{
	sqlite3 *db = stress_db_open(path);
	sqlite3_stmt *st;
	long long v = 0;

	if (db == NULL)
		return 0;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, n);
		sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return v;
}

/* Whether the answer to the first question is response. */
static int
faults_answer_stored(const char *path, const char *response)
{
	return faults_query(path, "SELECT ?1 = 0 AND response = ?2 FROM"
	    " paper_item WHERE seq = 0 AND attempt_id = (SELECT max(id) FROM"
	    " attempt)", 0, response) == 1;
}

/* Whether score entry id is stored with its marks. */
static int
faults_entry_stored(const char *path, long long entry)
{
	return faults_query(path, "SELECT count(*) FROM score_entry e"
	    " WHERE e.id = ?1 AND ?2 = '' AND (SELECT count(*) FROM"
	    " score_mark WHERE entry_id = e.id) > 0", entry, "") == 1;
}

struct loop {
	const char	*name;
	enum fault_kind	 kind;
	int		 persistent;
};

int
main(int argc, char **argv)
{
	static const struct loop loops[] = {
		{ "out of memory, once", FAULT_MALLOC, 0 },
		{ "out of memory, from then on", FAULT_MALLOC, 1 },
		{ "write error, once", FAULT_WRITE, 0 },
		{ "write error, from then on", FAULT_WRITE, 1 },
		{ "disk full, once", FAULT_FULL, 0 },
		{ "disk full, from then on", FAULT_FULL, 1 },
		{ "sync error, once", FAULT_SYNC, 0 },
		{ "sync error, from then on", FAULT_SYNC, 1 },
	};
	struct roster ro;
	struct outcome o;
	char *bytes, *work, *why, err[512];
	size_t len, li, cap = 0;
	long n, ok_n, fail_n, exit_n, stored_fail;
	int fds[2], efd[2], status, t = 0, bad_all = 0;
	ssize_t r, e;
	FILE *fp, *fig = NULL;
	pid_t pid;

	if (argc < 3 || roster_read(argv[2], &ro) != 0) {
		fprintf(stderr, "usage: faults DB TICKETS.csv [FIGURES]\n");
		return 2;
	}
	faults_install();
	if ((fp = fopen(argv[1], "rb")) == NULL)
		return 1;
	bytes = NULL;
	len = 0;
	do {
		xgrow(&bytes, &cap, len + 65536, 1);
		r = (ssize_t)fread(bytes + len, 1, 65536, fp);
		len += (size_t)r;
	} while (r > 0);
	fclose(fp);
	work = xasprintf("%s.work", argv[1]);
	if (argc > 3)
		fig = fopen(argv[3], "a");
	signal(SIGPIPE, SIG_IGN);

	for (li = 0; li < sizeof loops / sizeof loops[0]; li++) {
		const struct loop *lp = &loops[li];
		int bad = 0;

		ok_n = fail_n = exit_n = stored_fail = 0;
		for (n = 1; n < 100000; n++) {
			if (faults_copy(work, bytes, len) != 0 ||
			    pipe(fds) != 0 || pipe(efd) != 0)
				return 1;
			fflush(NULL);
			if ((pid = fork()) == -1)
				return 1;
			if (pid == 0) {
				close(fds[0]);
				close(efd[0]);
				dup2(efd[1], STDERR_FILENO);
				faults_child(work, ro.tickets[0], lp->kind,
				    lp->persistent, n, fds[1]);
			}
			close(fds[1]);
			close(efd[1]);
			memset(&o, 0, sizeof o);
			r = read(fds[0], &o, sizeof o);
			e = read(efd[0], err, sizeof err - 1);
			err[e > 0 ? e : 0] = '\0';
			close(fds[0]);
			close(efd[0]);
			while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
				;
			if (WIFSIGNALED(status))
				why = xasprintf("killed by signal %d: %s",
				    WTERMSIG(status), err);
			else if (r == (ssize_t)sizeof o && o.hits == 0)
				break;	/* past the last fault point */
			else
				why = faults_verify(work, &o,
				    r == (ssize_t)sizeof o, err);
			if (r != (ssize_t)sizeof o)
				exit_n++;
			else {
				o.answer_rc == 0 ? ok_n++ : fail_n++;
				/* Reported failed yet stored (a sync
				 * failed after the write) is allowed. */
				stored_fail += o.answer_rc != 0 &&
				    o.answer_stored;
			}
			if (why != NULL) {
				if (bad++ < 5)
					printf("# %s, fault %ld: %s\n",
					    lp->name, n, why);
				free(why);
			}
		}
		printf("%sok %d - %s: %ld fault points while saving an answer "
		    "and a score; the answer saved %ld times, refused %ld; the "
		    "process ended with a message %ld times; database sound, "
		    "no success without its row\n", bad ? "not " : "", ++t,
		    lp->name, n - 1, ok_n, fail_n, exit_n);
		if (stored_fail > 0)
			printf("# %ld reported failures were stored all the "
			    "same (the write done, the sync failed)\n",
			    stored_fail);
		if (fig != NULL)
			fprintf(fig, "faults %s: %ld fault points; answer "
			    "saved %ld, refused %ld, process ended with a "
			    "message %ld; problems %d\n", lp->name, n - 1,
			    ok_n, fail_n, exit_n, bad);
		bad_all += bad;
	}
	printf("1..%d\n", t);
	if (fig != NULL)
		fclose(fig);
	unlink(work);
	free(work);
	free(bytes);
	roster_release(&ro);
	return bad_all == 0 ? 0 : 1;
}
