/*
 * Where the time of an answer goes, for the operator and for make bench:
 * histograms of the writer's stages (queue wait, the group's core calls,
 * the commit with its sync, the checkpoints) and of whole answers, kept in
 * logarithmic buckets (2% wide, 1 us to 100 s: constant memory however
 * long the server runs) and printed when the server stops.
 */
#include "config.h"

#include "web.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define STAT_GROWTH	1.02
#define STAT_BUCKETS	940	/* 1.02^940 us > 100 s */

struct web_hist {
	unsigned long	 n;
	unsigned long	 bucket[STAT_BUCKETS];
	double		 sum;
	double		 max;
};

static const char *const stat_name[WEB_STAT_N] = {
	"answer (request in to response queued)",
	"  before the write (session, attempt_resume)",
	"  queue wait for the writer",
	"  group: the core calls",
	"  group: COMMIT (WAL write and sync)",
	"checkpoint beside the writer (PASSIVE)",
	"checkpoint holding the writer (RESTART)",
	"answers per group",
};

static pthread_mutex_t stat_lock = PTHREAD_MUTEX_INITIALIZER;
static struct web_hist stat[WEB_STAT_N];

double
web_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void
web_stat_add(enum web_stat k, double v)
{
	double us = v * 1e6;
	int b = us < 1 ? 0 : (int)(log(us) / log(STAT_GROWTH));

	if (b >= STAT_BUCKETS)
		b = STAT_BUCKETS - 1;
	pthread_mutex_lock(&stat_lock);
	stat[k].n++;
	stat[k].bucket[b]++;
	stat[k].sum += v;
	if (v > stat[k].max)
		stat[k].max = v;
	pthread_mutex_unlock(&stat_lock);
}

/* The upper edge of the bucket holding quantile q of h, in seconds. */
static double
stat_quantile(const struct web_hist *h, double q)
{
	unsigned long want = (unsigned long)ceil(q * (double)h->n), seen = 0;
	int b;

	if (want == 0)
		want = 1;
	for (b = 0; b < STAT_BUCKETS; b++) {
		seen += h->bucket[b];
		if (seen >= want) {
			double edge = pow(STAT_GROWTH, b + 1) / 1e6;

			return edge < h->max ? edge : h->max;
		}
	}
	return h->max;
}

void
web_stat_print(FILE *fp)
{
	int k;

	pthread_mutex_lock(&stat_lock);
	for (k = 0; k < WEB_STAT_N; k++) {
		const struct web_hist *h = &stat[k];

		if (h->n == 0)
			continue;
		if (k == WEB_STAT_GROUP_SIZE) {
			/* Counts, stored as microseconds. */
			fprintf(fp, "firstline serve: %s: %lu groups, mean %.1f,"
			    " p50 %.0f, max %.0f\n", stat_name[k], h->n,
			    h->sum * 1e6 / (double)h->n,
			    stat_quantile(h, 0.5) * 1e6, h->max * 1e6);
			continue;
		}
		fprintf(fp, "firstline serve: %s: n %lu, mean %.2f ms, p50 %.2f,"
		    " p99 %.2f, max %.2f\n", stat_name[k], h->n,
		    h->sum * 1e3 / (double)h->n, stat_quantile(h, 0.5) * 1e3,
		    stat_quantile(h, 0.99) * 1e3, h->max * 1e3);
	}
	pthread_mutex_unlock(&stat_lock);
}
