/*
 * Reading several content files at once.  Parsing and XSD validation are
 * most of the cost of loading a bank, and every module is its own file:
 * with more than one processor the files are read by a few threads, each
 * with its own parser, validation context and messages (the parsed schemas
 * are shared read-only), and the results are put together in the order the
 * files were named, so the outcome and the messages are the same as one
 * content_read after another.
 */
#include "config.h"

#include "content.h"

#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "xmlsafe.h"

/* At most this many threads (more help little and cost memory). */
#define READALL_THREADS 4

struct readall_slot {
	const char		*path;
	struct content_set	 set;
	struct diag		 d;
	int			 rc;
};

struct readall {
	struct readall_slot	*slots;
	size_t			 n, next;
	pthread_mutex_t		 lock;
};

static void *
readall_worker(void *arg)
{
	struct readall *r = arg;
	size_t i;

	for (;;) {
		pthread_mutex_lock(&r->lock);
		i = r->next++;
		pthread_mutex_unlock(&r->lock);
		if (i >= r->n)
			return NULL;
		r->slots[i].rc = content_read(&r->slots[i].set,
		    r->slots[i].path, &r->slots[i].d);
	}
}

/* Move what one file gave into set and d, in order. */
static void
readall_merge(struct content_set *set, struct readall_slot *sl,
    struct diag *d)
{
	size_t i, kept = sl->d.n < DIAG_MAX ? sl->d.n : DIAG_MAX;

	for (i = 0; i < sl->set.nbanks; i++) {
		xgrow(&set->banks, &set->capbanks, set->nbanks + 1,
		    sizeof *set->banks);
		set->banks[set->nbanks++] = sl->set.banks[i];
	}
	for (i = 0; i < sl->set.nrubrics; i++) {
		xgrow(&set->rubrics, &set->caprubrics, set->nrubrics + 1,
		    sizeof *set->rubrics);
		set->rubrics[set->nrubrics++] = sl->set.rubrics[i];
	}
	for (i = 0; i < sl->set.nexams; i++) {
		xgrow(&set->exams, &set->capexams, set->nexams + 1,
		    sizeof *set->exams);
		set->exams[set->nexams++] = sl->set.exams[i];
	}
	free(sl->set.banks);
	free(sl->set.rubrics);
	free(sl->set.exams);
	for (i = 0; i < kept; i++) {
		diag_take(d, sl->d.msgs[i]);
		sl->d.msgs[i] = NULL;
	}
	for (; i < sl->d.n; i++)
		d->n++;		/* dropped, but counted */
	free(sl->d.msgs);
}

int
content_read_all(struct content_set *set, char *const *paths, size_t n,
    struct diag *d)
{
	struct readall r;
	pthread_t threads[READALL_THREADS];
	size_t i, nthreads, started = 0;
	cpu_set_t cpus;
	int rc = 0;

	/* The processors this process may run on (taskset, cpusets). */
	nthreads = 1;
	if (sched_getaffinity(0, sizeof cpus, &cpus) == 0 &&
	    CPU_COUNT(&cpus) > 1)
		nthreads = (size_t)CPU_COUNT(&cpus);
	if (nthreads > READALL_THREADS)
		nthreads = READALL_THREADS;
	if (nthreads > n)
		nthreads = n;
	/* The schemas are parsed once, before any thread shares them. */
	if (nthreads < 2 || xmlsafe_prepare() != 0) {
		for (i = 0; i < n; i++)
			if (content_read(set, paths[i], d) != 0)
				rc = -1;
		return rc;
	}
	memset(&r, 0, sizeof r);
	r.slots = xcalloc(n, sizeof *r.slots);
	r.n = n;
	pthread_mutex_init(&r.lock, NULL);
	for (i = 0; i < n; i++) {
		r.slots[i].path = paths[i];
		content_set_init(&r.slots[i].set);
		diag_init(&r.slots[i].d);
	}
	for (i = 0; i < nthreads; i++)
		if (pthread_create(&threads[started], NULL, readall_worker,
		    &r) == 0)
			started++;
	if (started == 0)
		readall_worker(&r);
	for (i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	pthread_mutex_destroy(&r.lock);
	for (i = 0; i < n; i++) {
		if (r.slots[i].rc != 0)
			rc = -1;
		readall_merge(set, &r.slots[i], d);
	}
	free(r.slots);
	return rc;
}
