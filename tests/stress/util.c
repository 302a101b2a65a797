/*
 * What every stress program shares: a seeded generator, the monotonic
 * clock, and log lines written whole.
 */
#include "config.h"

#include "stress.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void
rng_seed(struct rng *r, uint64_t seed)
{
	r->s = seed * 0x9e3779b97f4a7c15ULL + 0x2545f4914f6cdd1dULL;
	if (r->s == 0)
		r->s = 1;
}

uint64_t
rng_next(struct rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 0x2545f4914f6cdd1dULL;
}

size_t
rng_below(struct rng *r, size_t n)
{
	return (size_t)(rng_next(r) % n);
}

int64_t
stress_now_us(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

int
stress_say(int fd, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n > sizeof buf - 2)
		n = (int)sizeof buf - 2;
	/* One line, one write: a kill leaves whole lines or nothing. */
	for (char *p = buf; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	buf[n++] = '\n';
	while (write(fd, buf, (size_t)n) != n)
		if (errno != EINTR)
			return -1;
	return 0;
}

int
stress_is_busy(const char *msg)
{
	return strstr(msg, "locked") != NULL || strstr(msg, "busy") != NULL;
}
