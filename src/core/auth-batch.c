/*
 * Many yescrypt hashes at once (a roster's PINs), on every core.
 *
 * yescrypt is deliberately slow (some 20-30 ms and 16 MiB a hash); a
 * roster of 5,000 rows hashed on one core takes minutes.  The hashes are
 * independent, so worker threads take them one by one from a shared
 * counter, each with its own crypt_data (auth_hash), keeping the cost of
 * every hash unchanged.
 */
#include "config.h"

#include "auth.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "core.h"

/* The most threads used, whatever the machine says. */
#define AUTH_BATCH_MAX_THREADS 64

struct auth_batch {
	const char *const	*secrets;
	char			**out;
	size_t			 n;
	size_t			 next;		/* the next index to take */
	pthread_mutex_t		 lock;
};

static void *
auth_batch_work(void *arg)
{
	struct auth_batch *b = arg;
	size_t i;

	for (;;) {
		pthread_mutex_lock(&b->lock);
		i = b->next++;
		pthread_mutex_unlock(&b->lock);
		if (i >= b->n)
			return NULL;
		b->out[i] = auth_hash(b->secrets[i]);
	}
}

/* Threads worth starting for n hashes on this machine (at least 1). */
static size_t
auth_batch_threads(size_t n)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t k = cpus > 0 ? (size_t)cpus : 1;
	const char *env = getenv("FIRSTLINE_HASH_THREADS");

	if (env != NULL && atoi(env) > 0)
		k = (size_t)atoi(env);	/* the benchmark's one-core line */
	if (k > AUTH_BATCH_MAX_THREADS)
		k = AUTH_BATCH_MAX_THREADS;
	return k < n ? k : (n > 0 ? n : 1);
}

int
auth_hash_many(const char *const *secrets, char **out, size_t n)
{
	struct auth_batch b;
	pthread_t tid[AUTH_BATCH_MAX_THREADS];
	size_t k = auth_batch_threads(n), started = 0, i;
	int rc = 0;

	b.secrets = secrets;
	b.out = out;
	b.n = n;
	b.next = 0;
	for (i = 0; i < n; i++)
		out[i] = NULL;
	pthread_mutex_init(&b.lock, NULL);
	/* This thread works too; a thread that cannot start is not needed. */
	while (started + 1 < k &&
	    pthread_create(&tid[started], NULL, auth_batch_work, &b) == 0)
		started++;
	auth_batch_work(&b);
	for (i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	pthread_mutex_destroy(&b.lock);
	for (i = 0; i < n; i++)
		if (out[i] == NULL)
			rc = -1;
	return rc;
}
