/*
 * Kernel randomness and the seeded generator used to draw papers.
 */
#include "config.h"

#include "rand.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "xalloc.h"

void
rand_bytes(void *buf, size_t len)
{
	unsigned char *p = buf;
	ssize_t r;

	while (len > 0) {
		r = getrandom(p, len, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			fprintf(stderr, "firstline: getrandom: %s\n",
			    strerror(errno));
			exit(1);
		}
		p += r;
		len -= (size_t)r;
	}
}

uint32_t
rand_below(uint32_t n)
{
	uint32_t x, limit = UINT32_MAX - UINT32_MAX % n;

	do
		rand_bytes(&x, sizeof x);
	while (x >= limit);
	return x % n;
}

char *
rand_hex(size_t nbytes)
{
	unsigned char *b = xmalloc(nbytes);
	char *s = xmalloc(2 * nbytes + 1);
	size_t i;

	rand_bytes(b, nbytes);
	for (i = 0; i < nbytes; i++)
		snprintf(s + 2 * i, 3, "%02x", b[i]);
	free(b);
	return s;
}

void
prng_seed(struct prng *p, uint64_t seed)
{
	p->state = seed;
}

uint64_t
prng_next(struct prng *p)
{
	uint64_t z = (p->state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

uint32_t
prng_below(struct prng *p, uint32_t n)
{
	uint64_t x, limit = UINT64_MAX - UINT64_MAX % n;

	do
		x = prng_next(p);
	while (x >= limit);
	return (uint32_t)(x % n);
}

void
prng_shuffle(struct prng *p, void *base, size_t n, size_t size)
{
	unsigned char *a = base, tmp[64];
	size_t i, j;

	if (size > sizeof tmp)
		abort();
	for (i = n; i > 1; i--) {
		j = prng_below(p, (uint32_t)i);
		if (j == i - 1)
			continue;
		memcpy(tmp, a + (i - 1) * size, size);
		memcpy(a + (i - 1) * size, a + j * size, size);
		memcpy(a + j * size, tmp, size);
	}
}
