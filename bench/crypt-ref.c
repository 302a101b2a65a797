/*
 * The reference for the roster import benchmark: N yescrypt hashes of
 * six-digit PINs with bare crypt_r(3), salts from crypt_gensalt_rn, on T
 * threads (default: every core).  Prints the wall time in seconds.
 *
 *   crypt-ref N [T]
 */
#include "config.h"

#include <crypt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static long total, next;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *
work(void *arg)
{
	struct crypt_data *cd = calloc(1, sizeof *cd);
	char salt[CRYPT_GENSALT_OUTPUT_SIZE], pin[16];
	long i;

	(void)arg;
	if (cd == NULL)
		exit(1);
	for (;;) {
		pthread_mutex_lock(&lock);
		i = next++;
		pthread_mutex_unlock(&lock);
		if (i >= total)
			break;
		snprintf(pin, sizeof pin, "%06ld", i % 1000000);
		if (crypt_gensalt_rn(NULL, 0, NULL, 0, salt, sizeof salt) ==
		    NULL || crypt_r(pin, salt, cd) == NULL)
			exit(1);
	}
	free(cd);
	return NULL;
}

int
main(int argc, char **argv)
{
	pthread_t tid[256];
	struct timespec a, b;
	long t, i;

	if (argc < 2 || (total = atol(argv[1])) <= 0) {
		fprintf(stderr, "usage: crypt-ref N [THREADS]\n");
		return 2;
	}
	t = argc > 2 ? atol(argv[2]) : sysconf(_SC_NPROCESSORS_ONLN);
	if (t < 1)
		t = 1;
	if (t > 256)
		t = 256;
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (i = 0; i < t; i++)
		if (pthread_create(&tid[i], NULL, work, NULL) != 0)
			return 1;
	for (i = 0; i < t; i++)
		pthread_join(tid[i], NULL);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("%.6f\n", (double)(b.tv_sec - a.tv_sec) +
	    (double)(b.tv_nsec - a.tv_nsec) / 1e9);
	return 0;
}
