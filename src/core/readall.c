/*
 * Reading several content files at once.  Parsing and XSD validation are
 * most of the cost of loading a bank, and every module is its own file:
 * with more than one processor the files are read by a few threads, each
 * with its own parser, validation context and messages (the parsed schemas
 * are shared read-only), and the results are handed on in the order the
 * files were named, so the outcome and the messages are the same as one
 * content_read after another.  A reader may hold only a few files ahead of
 * the one handed on (bank load stores each bank as it comes and frees it,
 * so that its memory follows a few files, not the whole bank).
 */
#include "config.h"

#include "content.h"

#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "xmlsafe.h"

/* At most this many threads (more help little and cost memory). */
#define READALL_THREADS 4

struct readall_slot {
	struct readall		*r;
	const char		*path;
	struct content_set	 set;
	struct diag		 d;
	char			*bytes;		/* hash_here: to hash and free */
	size_t			 nbytes;
	char			 digest[17];
	int			 hashed;
	int			 rc;
	int			 done;
};

struct readall {
	struct readall_slot	*slots;
	size_t			 n;
	size_t			 next;		/* the next file to read */
	size_t			 handed;	/* files handed on so far */
	size_t			 freed;		/* of those, released */
	size_t			 ahead;		/* read at most this far ahead */
	int			 hash_here;	/* the calling thread hashes */
	int			 readers_free;	/* the readers release the sets */
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;
};

/*
 * What the sink left of each file handed on is freed here, by a reader,
 * the thread whose malloc arena gave it.  Freed on the calling thread,
 * every block went back to the reader's arena under that arena's lock,
 * against the reader's own mallocs: a bank load of 400 files waited on it
 * tens of thousands of times, with a third more CPU time.
 */
static void
readall_free_handed(struct readall *r)
{
	size_t i;

	while (r->readers_free && r->freed < r->handed) {
		i = r->freed++;
		pthread_mutex_unlock(&r->lock);
		content_set_release(&r->slots[i].set);
		pthread_mutex_lock(&r->lock);
	}
}

/* hash_here: a file is parsed, its bytes go to the calling thread. */
static void
readall_keep(void *arg, char *buf, size_t size)
{
	struct readall_slot *sl = arg;

	pthread_mutex_lock(&sl->r->lock);
	sl->bytes = buf;
	sl->nbytes = size;
	pthread_cond_broadcast(&sl->r->cond);
	pthread_mutex_unlock(&sl->r->lock);
}

static void *
readall_worker(void *arg)
{
	struct readall *r = arg;
	struct readall_slot *sl;
	size_t i;
	int rc;

	pthread_mutex_lock(&r->lock);
	for (;;) {
		readall_free_handed(r);
		if (r->next >= r->n) {
			/* The last files: wait for them to be handed on. */
			if (!r->readers_free || r->freed >= r->n)
				break;
			pthread_cond_wait(&r->cond, &r->lock);
			continue;
		}
		if (r->next - r->handed >= r->ahead) {
			pthread_cond_wait(&r->cond, &r->lock);
			continue;
		}
		i = r->next++;
		pthread_mutex_unlock(&r->lock);
		sl = &r->slots[i];
		if (r->hash_here)
			rc = content_read_keep(&sl->set, sl->path, readall_keep,
			    sl, &sl->d);
		else
			rc = content_read(&sl->set, sl->path, &sl->d);
		pthread_mutex_lock(&r->lock);
		sl->rc = rc;
		sl->done = 1;
		pthread_cond_broadcast(&r->cond);
	}
	pthread_mutex_unlock(&r->lock);
	return NULL;
}

/* The number of processors this process may run on (taskset, cpusets). */
size_t
content_cpus(void)
{
	cpu_set_t cpus;

	if (sched_getaffinity(0, sizeof cpus, &cpus) == 0 &&
	    CPU_COUNT(&cpus) > 1)
		return (size_t)CPU_COUNT(&cpus);
	return 1;
}

int
content_read_each(char *const *paths, size_t n, size_t threads,
    size_t ahead, int hash_here, content_sink sink, void *arg,
    struct diag *d)
{
	struct readall r;
	struct content_set one;
	pthread_t tids[READALL_THREADS];
	size_t i, started = 0;
	int rc = 0, frc;

	if (threads > READALL_THREADS)
		threads = READALL_THREADS;
	if (threads > n)
		threads = n;
	/* The schemas are parsed once, before any thread shares them. */
	if (threads == 0 || xmlsafe_prepare() != 0) {
		for (i = 0; i < n; i++) {
			content_set_init(&one);
			frc = content_read(&one, paths[i], d);
			if (frc != 0)
				rc = -1;
			if (sink(arg, &one, frc) != 0)
				rc = -1;
			content_set_release(&one);
		}
		return rc;
	}
	memset(&r, 0, sizeof r);
	r.slots = xcalloc(n, sizeof *r.slots);
	r.n = n;
	r.ahead = ahead > 0 ? ahead : 1;
	pthread_mutex_init(&r.lock, NULL);
	pthread_cond_init(&r.cond, NULL);
	for (i = 0; i < n; i++) {
		r.slots[i].r = &r;
		r.slots[i].path = paths[i];
		content_set_init(&r.slots[i].set);
		diag_init(&r.slots[i].d);
	}
	r.readers_free = 1;
	r.hash_here = hash_here;
	for (i = 0; i < threads; i++)
		if (pthread_create(&tids[started], NULL, readall_worker,
		    &r) == 0)
			started++;
	if (started == 0) {
		r.readers_free = 0;
		r.hash_here = 0;
		r.ahead = n;	/* no thread: read them all here */
		readall_worker(&r);
	}
	for (i = 0; i < n; i++) {
		struct readall_slot *sl = &r.slots[i];

		pthread_mutex_lock(&r.lock);
		for (;;) {
			char *bytes = sl->bytes;

			if (bytes != NULL) {
				/* Hashed while the reader validates. */
				sl->bytes = NULL;
				pthread_mutex_unlock(&r.lock);
				xmlsafe_digest(bytes, sl->nbytes, sl->digest);
				free(bytes);
				sl->hashed = 1;
				pthread_mutex_lock(&r.lock);
			} else if (sl->done)
				break;
			else
				pthread_cond_wait(&r.cond, &r.lock);
		}
		pthread_mutex_unlock(&r.lock);
		if (sl->hashed)
			content_set_digest(&sl->set, sl->digest);
		if (sl->rc != 0)
			rc = -1;
		diag_append(d, &sl->d);
		if (sink(arg, &sl->set, sl->rc) != 0)
			rc = -1;
		if (!r.readers_free)
			content_set_release(&sl->set);
		pthread_mutex_lock(&r.lock);
		r.handed = i + 1;
		pthread_cond_broadcast(&r.cond);
		pthread_mutex_unlock(&r.lock);
	}
	for (i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	pthread_cond_destroy(&r.cond);
	pthread_mutex_destroy(&r.lock);
	free(r.slots);
	return rc;
}

/* content_read_all's sink: move what one file gave into the set. */
static int
readall_merge(void *arg, struct content_set *one, int rc)
{
	(void)rc;
	content_set_move(arg, one);
	return 0;
}

int
content_read_all(struct content_set *set, char *const *paths, size_t n,
    struct diag *d)
{
	size_t cpus = content_cpus();

	return content_read_each(paths, n, cpus > 1 && n > 1 ? cpus : 0,
	    SIZE_MAX, 0, readall_merge, set, d);
}
