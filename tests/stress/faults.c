/*
 * Fault injection while saving an answer and a score (and checkpointing
 * the WAL after them), the way SQLite tests itself (its malloc and I/O-error
 * loops): for N = 1, 2, 3, ... the Nth allocation made through SQLite
 * (SQLITE_CONFIG_MALLOC), or the Nth write (an I/O error, or a full disk)
 * or sync through a VFS shim wrapping "unix", fails, once (transient) or
 * from then on (persistent), until an iteration runs without reaching
 * fault N.  Last, a power cut at the Nth write or sync: the child ends
 * there and every write it had not synced is lost (shim.h).  Each iteration runs in a child process on a fresh copy of the
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
#include "shim.h"

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
	int		final;		/* else a report on the way */
	char		response[16];
};

/* Tell the parent how far the child got (a power cut may come next). */
static void
faults_report(int out, struct outcome *o, int final)
{
	o->final = final;
	if (write(out, o, sizeof *o) != (ssize_t)sizeof *o)
		_exit(4);
}

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
	o.answer_rc = o.score_rc = -99;		/* not yet */
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

	fault_arm(kind, persistent, n);
	o.answer_rc = attempt_answer(s, a, 0, o.response, &cause);
	o.answer_said = o.answer_rc == 0 || (cause != NULL && *cause != '\0');
	/* The client shows the answer only when it was saved. */
	if (o.answer_rc != 0 && strcmp(a->items[0].response, o.response) == 0)
		o.answer_said = -1;
	free(cause);
	cause = NULL;
	faults_report(out, &o, 0);
	o.score_rc = score_set(s, &u, &q, &res, &cause);
	o.score_said = o.score_rc == 0 || (cause != NULL && *cause != '\0');
	o.entry = o.score_rc == 0 ? res.entry_id : 0;
	free(cause);
	cause = NULL;
	faults_report(out, &o, 0);
	/* What closing the last connection does: copy the WAL back into
	 * the database (a failure there must not lose what was saved). */
	if (store_exec(s, "PRAGMA wal_checkpoint(TRUNCATE)", &cause) != 0)
		free(cause);
	cause = NULL;
	o.hits = fault_disarm();
	o.answer_stored = faults_answer_stored(db, o.response);
	o.entry_stored = faults_entry_stored(db, o.entry);

	/* The person presses the key again. */
	o.retry_rc = attempt_answer(s, a, 0, o.response, &cause);
	if (o.retry_rc != 0)
		fprintf(stderr, "retry: %s\n", cause ? cause : "?");
	free(cause);
	faults_report(out, &o, 1);
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

/*
 * After a power cut (the child ended at a write or sync, every write not
 * synced lost): the database is sound, and what the child had been told
 * was saved is there.
 */
static char *
faults_verify_cut(const char *path, const struct outcome *o)
{
	sqlite3 *db = stress_db_open(path);
	char *why = NULL;

	if (db == NULL)
		return xstrdup("cannot open the database after the cut");
	if (stress_db_sound(db, &why) == 0) {
		if (o->answer_rc == 0 &&
		    !faults_answer_stored(path, o->response))
			why = xstrdup("an answer reported saved was lost in "
			    "the power cut");
		else if (o->score_rc == 0 &&
		    !faults_entry_stored(path, o->entry))
			why = xasprintf("score entry %lld reported stored was "
			    "lost in the power cut", o->entry);
	}
	sqlite3_close(db);
	return why;
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
		{ "power cut", FAULT_CUT, 0 },
	};
	struct roster ro;
	struct outcome o, last;
	char *bytes, *work, *why, err[512];
	size_t len, li, cap = 0;
	long n, ok_n, fail_n, exit_n, stored_fail, cut_n;
	int fds[2], efd[2], status, t = 0, bad_all = 0;
	ssize_t r, e;
	FILE *fp, *fig = NULL;
	pid_t pid;

	if (argc < 3 || roster_read(argv[2], &ro) != 0) {
		fprintf(stderr, "usage: faults DB TICKETS.csv [FIGURES]\n");
		return 2;
	}
	fault_install();
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

		ok_n = fail_n = exit_n = stored_fail = cut_n = 0;
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
			o.answer_rc = o.score_rc = -99;
			/* The last report the child got out. */
			while ((r = read(fds[0], &last, sizeof last)) ==
			    (ssize_t)sizeof last)
				o = last;
			r = o.final ? (ssize_t)sizeof o : 0;
			e = read(efd[0], err, sizeof err - 1);
			err[e > 0 ? e : 0] = '\0';
			close(fds[0]);
			close(efd[0]);
			while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
				;
			if (WIFSIGNALED(status))
				why = xasprintf("killed by signal %d: %s",
				    WTERMSIG(status), err);
			else if (lp->kind == FAULT_CUT &&
			    WEXITSTATUS(status) == FAULT_CUT_STATUS) {
				cut_n++;
				why = faults_verify_cut(work, &o);
				goto checked;
			} else if (r == (ssize_t)sizeof o && o.hits == 0)
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
checked:
			if (why != NULL) {
				if (bad++ < 5)
					printf("# %s, fault %ld: %s\n",
					    lp->name, n, why);
				free(why);
			}
		}
		if (lp->kind == FAULT_CUT)
			printf("%sok %d - %s at each of %ld writes and syncs while "
			    "saving an answer and a score (unsynced writes "
			    "lost): database sound, nothing reported saved "
			    "lost\n", bad ? "not " : "", ++t, lp->name, n - 1);
		else
			printf("%sok %d - %s: %ld fault points while saving an "
			    "answer and a score; the answer saved %ld times, "
			    "refused %ld; the process ended with a message %ld "
			    "times; database sound, no success without its "
			    "row\n", bad ? "not " : "", ++t, lp->name, n - 1,
			    ok_n, fail_n, exit_n);
		if (stored_fail > 0)
			printf("# %ld reported failures were stored all the "
			    "same (the write done, the sync failed)\n",
			    stored_fail);
		if (fig != NULL && lp->kind == FAULT_CUT)
			fprintf(fig, "faults %s: %ld cut points (%ld cut); "
			    "problems %d\n", lp->name, n - 1, cut_n, bad);
		else if (fig != NULL)
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
