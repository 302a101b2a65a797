/*
 * Group commit for the browser sitting.  A phone's answer must be on disk
 * before its page says "saved", and a disk sync costs milliseconds: one
 * sync per answer caps a server at a few hundred answers a second, well
 * below a city's phones.  So the request threads hand their writes (the
 * core calls attempt_answer, attempt_flag, attempt_submit) to one writer
 * thread, which runs every write waiting at that moment inside one
 * transaction (each in its own savepoint: store_group_begin) and commits
 * them with one sync; only then does each request thread get its result
 * and answer its phone.  A failed group commit fails every write in it.
 */
#include "config.h"

#include "web.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/store.h"
#include "core/xalloc.h"

/* Writes in one group at most (a bound on the time one group holds). */
#define WEB_GROUP_MAX	256

struct web_job {
	web_write_fn	 fn;
	void		*arg;
	int		 rc;
	char		*cause;
	int		 done;
	struct web_job	*next;
};

static struct {
	pthread_mutex_t	 lock;
	pthread_cond_t	 work;		/* a job was queued, or stop */
	pthread_cond_t	 done;		/* a group was committed */
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
};

static void *
web_writer_main(void *unused)
{
	struct web_job *batch, *j;
	char *cause = NULL;
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
		}
		pthread_mutex_lock(&w.lock);
		w.groups++;
		w.writes += (unsigned long)n;
		for (j = batch; j != NULL; j = j->next)
			j->done = 1;
		pthread_cond_broadcast(&w.done);
	}
	pthread_mutex_unlock(&w.lock);
	return NULL;
}

int
web_writer_start(const char *db, char **cause)
{
	if (store_open(db, STORE_OPEN, &w.s, cause) != 0)
		return -1;
	w.stop = 0;
	if (pthread_create(&w.thread, NULL, web_writer_main, NULL) != 0) {
		store_free(&w.s);
		*cause = xstrdup("cannot start the writer thread");
		return -1;
	}
	w.running = 1;
	return 0;
}

void
web_writer_stop(unsigned long *groups, unsigned long *writes)
{
	if (!w.running)
		return;
	pthread_mutex_lock(&w.lock);
	w.stop = 1;
	pthread_cond_signal(&w.work);
	pthread_mutex_unlock(&w.lock);
	pthread_join(w.thread, NULL);	/* after the last queued write */
	w.running = 0;
	store_free(&w.s);
	if (groups != NULL)
		*groups = w.groups;
	if (writes != NULL)
		*writes = w.writes;
}

int
web_write(web_write_fn fn, void *arg, char **cause)
{
	struct web_job job;

	memset(&job, 0, sizeof job);
	job.fn = fn;
	job.arg = arg;
	pthread_mutex_lock(&w.lock);
	if (!w.running) {
		pthread_mutex_unlock(&w.lock);
		*cause = xstrdup("the writer is not running");
		return -1;
	}
	if (w.tail != NULL)
		w.tail->next = &job;
	else
		w.head = &job;
	w.tail = &job;
	pthread_cond_signal(&w.work);
	while (!job.done)
		pthread_cond_wait(&w.done, &w.lock);
	pthread_mutex_unlock(&w.lock);
	*cause = job.cause;
	return job.rc;
}
