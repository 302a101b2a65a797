/*
 * Group commit for the browser sitting.  A phone's answer must be on disk
 * before its page says "saved", and a disk sync costs milliseconds: one
 * sync per answer caps a server at a few hundred answers a second, well
 * below a city's phones.  So the request threads hand their writes (the
 * core calls attempt_answer, attempt_flag, attempt_submit) to one writer
 * thread, which runs every write waiting at that moment inside one
 * transaction (each in its own savepoint: store_group_begin) and commits
 * them with one sync (synchronous = FULL, as every connection of the
 * store); only then is each write's result told (web_write returns, or
 * web_write_async's callback runs) and its phone answered.  A failed group
 * commit fails every write in it.
 *
 * Checkpoints (copying the WAL back into the database file, with a sync
 * of the database file) are not made inside those commits, where SQLite's
 * auto-checkpoint would make them and hold every answer queued behind:
 * the server's connections report the WAL's size (web_writer_watch) and a
 * checkpointer thread on its own connection copies the WAL back beside
 * the writer (PASSIVE).  That alone is not enough: SQLite reuses the WAL
 * from its start only when a write begins with every page copied back,
 * which never happens while the writer commits beside the copy, so the
 * WAL grew for the whole session, and a sync that also grows the file
 * (ext4 commits its journal for the new size) took 3 ms where one that
 * overwrites took 0.1 ms (bench/web.sh measures both).  So after each
 * copy the checkpointer holds the writer between two groups for a moment
 * and runs a RESTART checkpoint: the few pages written meanwhile, and a
 * wait (10 ms at most) for the readers still on the old WAL; the next
 * group then writes the WAL from its start again, over the same blocks.
 * A checkpoint changes nothing about what is durable: a committed answer
 * is in the synced WAL either way.
 */
#include "config.h"

#include "web.h"

#include <errno.h>
#include <pthread.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/store.h"
#include "core/xalloc.h"

/* Writes in one group at most (a bound on the time one group holds). */
#define WEB_GROUP_MAX		256
/* WAL pages that call for a checkpoint (SQLite's auto-checkpoint's). */
#define WEB_CKPT_PAGES		1000
/* How long the checkpointer waits for readers, the writer held. */
#define WEB_CKPT_WAIT_US	10000
/* What a reused WAL file is cut back to. */
#define WEB_WAL_LIMIT		"67108864"

struct web_job {
	web_write_fn	 fn;
	void		*arg;
	web_written_fn	 done;		/* web_write_async; NULL: web_write */
	void		*done_arg;
	int		 rc;
	char		*cause;
	int		 finished;	/* web_write: the group is over */
	double		 queued;	/* web_now() when queued */
	struct web_job	*next;
};

static struct {
	pthread_mutex_t	 lock;
	pthread_cond_t	 work;		/* a job was queued, or stop */
	pthread_cond_t	 done;		/* a group was committed */
	pthread_mutex_t	 gate;		/* held by each group; and by the
					 * checkpointer to hold the writer */
	struct web_job	*head, *tail;
	int		 stop;
	int		 running;
	pthread_t	 thread;
	struct store	*s;
	unsigned long	 groups, writes;
} w = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.work = PTHREAD_COND_INITIALIZER,
	.done = PTHREAD_COND_INITIALIZER,
	.gate = PTHREAD_MUTEX_INITIALIZER,
};

/* The checkpointer. */
static struct {
	pthread_mutex_t	 lock;
	pthread_cond_t	 wake;
	int		 pages;		/* WAL pages at the last commit */
	int		 copied;	/* of them, copied back already */
	int		 stop;
	int		 running;
	pthread_t	 thread;
	struct store	*s;
	unsigned long	 passive, restart, restarted;
	int		 most;		/* WAL pages at most */
} ck = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.wake = PTHREAD_COND_INITIALIZER,
};

/* After each commit on a watched connection: the WAL has pages pages. */
static int
web_wal_hook(void *arg, sqlite3 *db, const char *name, int pages)
{
	(void)arg;
	(void)db;
	(void)name;
	pthread_mutex_lock(&ck.lock);
	if (pages > ck.most)
		ck.most = pages;
	if (pages < ck.pages)	/* the WAL was reused from its start */
		ck.copied = 0;
	ck.pages = pages;
	if (pages - ck.copied >= WEB_CKPT_PAGES)
		pthread_cond_signal(&ck.wake);
	pthread_mutex_unlock(&ck.lock);
	return SQLITE_OK;
}

void
web_writer_watch(struct store *s)
{
	/* Replaces SQLite's auto-checkpoint on this connection. */
	sqlite3_wal_hook(s->db, web_wal_hook, NULL);
}

/* The checkpointer's wait for readers: short, the writer being held. */
static int
web_ckpt_busy(void *arg, int n)
{
	(void)arg;
	if (n >= WEB_CKPT_WAIT_US / 200)
		return 0;
	usleep(200);
	return 1;
}

static void *
web_checkpointer_main(void *unused)
{
	sqlite3 *db = ck.s->db;
	int log, done, rc;
	double t0;

	(void)unused;
	sqlite3_busy_handler(db, web_ckpt_busy, NULL);
	pthread_mutex_lock(&ck.lock);
	for (;;) {
		while (ck.pages - ck.copied < WEB_CKPT_PAGES && !ck.stop)
			pthread_cond_wait(&ck.wake, &ck.lock);
		if (ck.stop)
			break;
		pthread_mutex_unlock(&ck.lock);

		/* The bulk, beside the writer. */
		t0 = web_now();
		rc = sqlite3_wal_checkpoint_v2(db, NULL,
		    SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		web_stat_add(WEB_STAT_CHECKPOINT, web_now() - t0);
		ck.passive++;
		if (rc != SQLITE_OK && rc != SQLITE_BUSY)
			fprintf(stderr, "firstline serve: checkpoint: %s\n",
			    sqlite3_errmsg(db));
		/* The rest, the writer held between two groups. */
		log = done = -1;
		pthread_mutex_lock(&w.gate);
		t0 = web_now();
		rc = sqlite3_wal_checkpoint_v2(db, NULL,
		    SQLITE_CHECKPOINT_RESTART, &log, &done);
		web_stat_add(WEB_STAT_CHECKPOINT_HOLD, web_now() - t0);
		pthread_mutex_unlock(&w.gate);
		ck.restart++;
		if (rc == SQLITE_OK)
			ck.restarted++;
		else if (rc != SQLITE_BUSY)
			fprintf(stderr, "firstline serve: checkpoint: %s\n",
			    sqlite3_errmsg(db));

		pthread_mutex_lock(&ck.lock);
		/* Wait for WEB_CKPT_PAGES more (from the WAL's start if the
		 * next write reuses it). */
		if (rc == SQLITE_OK)
			ck.copied = ck.pages = 0;
		else
			ck.copied = ck.pages;
	}
	pthread_mutex_unlock(&ck.lock);
	return NULL;
}

static void *
web_writer_main(void *unused)
{
	struct web_job *batch, *j, *next, *told;
	char *cause = NULL;
	double t0, t1;
	int n;

	(void)unused;
	pthread_mutex_lock(&w.lock);
	for (;;) {
		while (w.head == NULL && !w.stop)
			pthread_cond_wait(&w.work, &w.lock);
		if (w.head == NULL)	/* stopping, and nothing queued */
			break;
		/* Take what waits now, up to WEB_GROUP_MAX. */
		batch = w.head;
		for (n = 1, j = batch; j->next != NULL && n < WEB_GROUP_MAX;
		    j = j->next)
			n++;
		w.head = j->next;
		if (w.head == NULL)
			w.tail = NULL;
		j->next = NULL;
		pthread_mutex_unlock(&w.lock);

		t0 = web_now();
		for (j = batch; j != NULL; j = j->next)
			web_stat_add(WEB_STAT_QUEUE, t0 - j->queued);
		web_stat_add(WEB_STAT_GROUP_SIZE, n / 1e6);
		pthread_mutex_lock(&w.gate);
		if (store_group_begin(w.s, &cause) != 0) {
			for (j = batch; j != NULL; j = j->next) {
				j->rc = -1;
				j->cause = xstrdup(cause);
			}
			free(cause);
			cause = NULL;
		} else {
			for (j = batch; j != NULL; j = j->next) {
				j->cause = NULL;
				j->rc = j->fn(w.s, j->arg, &j->cause);
			}
			t1 = web_now();
			web_stat_add(WEB_STAT_RUN, t1 - t0);
			if (store_group_commit(w.s, &cause) != 0) {
				store_group_rollback(w.s);
				for (j = batch; j != NULL; j = j->next) {
					if (j->rc == 0 || j->cause == NULL) {
						free(j->cause);
						j->cause = xstrdup(cause);
					}
					j->rc = -1;
				}
				free(cause);
				cause = NULL;
			}
			web_stat_add(WEB_STAT_COMMIT, web_now() - t1);
		}
		pthread_mutex_unlock(&w.gate);
		/* Tell: a waiting web_write may return (and its job, on its
		 * stack, go) as soon as the lock is let go. */
		told = NULL;
		pthread_mutex_lock(&w.lock);
		w.groups++;
		w.writes += (unsigned long)n;
		for (j = batch; j != NULL; j = next) {
			next = j->next;
			if (j->done != NULL) {
				j->next = told;
				told = j;
			} else
				j->finished = 1;
		}
		pthread_cond_broadcast(&w.done);
		pthread_mutex_unlock(&w.lock);
		for (j = told; j != NULL; j = next) {
			next = j->next;
			j->done(j->done_arg, j->rc, j->cause);
			free(j);
		}
		pthread_mutex_lock(&w.lock);
	}
	pthread_mutex_unlock(&w.lock);
	return NULL;
}

int
web_writer_start(const char *db, char **cause)
{
	if (store_open(db, STORE_OPEN, &w.s, cause) != 0)
		return -1;
	if (store_open(db, STORE_OPEN, &ck.s, cause) != 0) {
		store_free(&w.s);
		return -1;
	}
	web_writer_watch(w.s);
	sqlite3_exec(w.s->db, "PRAGMA journal_size_limit = " WEB_WAL_LIMIT,
	    NULL, NULL, NULL);
	ck.stop = 0;
	ck.pages = ck.copied = 0;
	if (pthread_create(&ck.thread, NULL, web_checkpointer_main, NULL) !=
	    0) {
		store_free(&w.s);
		store_free(&ck.s);
		*cause = xstrdup("cannot start the checkpointer thread");
		return -1;
	}
	ck.running = 1;
	w.stop = 0;
	if (pthread_create(&w.thread, NULL, web_writer_main, NULL) != 0) {
		web_writer_stop(NULL, NULL);
		*cause = xstrdup("cannot start the writer thread");
		return -1;
	}
	w.running = 1;
	return 0;
}

void
web_writer_stop(unsigned long *groups, unsigned long *writes)
{
	if (w.running) {
		pthread_mutex_lock(&w.lock);
		w.stop = 1;
		pthread_cond_signal(&w.work);
		pthread_mutex_unlock(&w.lock);
		pthread_join(w.thread, NULL);	/* after the last write */
		w.running = 0;
	}
	if (ck.running) {
		pthread_mutex_lock(&ck.lock);
		ck.stop = 1;
		pthread_cond_signal(&ck.wake);
		pthread_mutex_unlock(&ck.lock);
		pthread_join(ck.thread, NULL);
		ck.running = 0;
	}
	store_free(&w.s);
	store_free(&ck.s);
	if (groups != NULL)
		*groups = w.groups;
	if (writes != NULL)
		*writes = w.writes;
}

/* Queue j; -1 when the writer is not running.  Called with w.lock. */
static int
web_queue(struct web_job *j, char **cause)
{
	if (!w.running || w.stop) {
		*cause = xstrdup("the writer is not running");
		return -1;
	}
	j->queued = web_now();
	if (w.tail != NULL)
		w.tail->next = j;
	else
		w.head = j;
	w.tail = j;
	pthread_cond_signal(&w.work);
	return 0;
}

int
web_write(web_write_fn fn, void *arg, char **cause)
{
	struct web_job job;

	memset(&job, 0, sizeof job);
	job.fn = fn;
	job.arg = arg;
	pthread_mutex_lock(&w.lock);
	if (web_queue(&job, cause) != 0) {
		pthread_mutex_unlock(&w.lock);
		return -1;
	}
	while (!job.finished)
		pthread_cond_wait(&w.done, &w.lock);
	pthread_mutex_unlock(&w.lock);
	*cause = job.cause;
	return job.rc;
}

int
web_write_async(web_write_fn fn, void *arg, web_written_fn done,
    void *done_arg, char **cause)
{
	struct web_job *job = xcalloc(1, sizeof *job);

	job->fn = fn;
	job->arg = arg;
	job->done = done;
	job->done_arg = done_arg;
	pthread_mutex_lock(&w.lock);
	if (web_queue(job, cause) != 0) {
		pthread_mutex_unlock(&w.lock);
		free(job);
		return -1;
	}
	pthread_mutex_unlock(&w.lock);
	return 0;
}

void
web_writer_checkpoints(FILE *fp)
{
	fprintf(fp, "firstline serve: checkpoints: %lu passive, %lu restart "
	    "(%lu complete); the WAL at most %d pages\n", ck.passive,
	    ck.restart, ck.restarted, ck.most);
}
