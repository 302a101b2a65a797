/*
 * The stress suite's trainee and instructor: the core calls the clients
 * make (trainee_login, attempt_open, attempt_answer; user_login,
 * score_set), each success written as a log line the moment the call
 * returned, which is when a client's screen would confirm it.
 *
 *	seat sit DB TICKET PIN [ANSWERS [SEED]]	one seat, log on stdout
 *	seat kill ...				kill -9 rounds (kill.c)
 *	seat crowd ...				hundreds at once (crowd.c)
 */
#include "config.h"

#include "stress.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/attempt.h"
#include "core/auth.h"
#include "core/core.h"
#include "core/score.h"
#include "core/store.h"

/* Block until end of file on fd (the go signal of the crowd). */
static void
stress_wait_go(int fd)
{
	ssize_t r;
	char c;

	do
		r = read(fd, &c, 1);
	while (r > 0 || (r < 0 && errno == EINTR));
}

/* A random well-formed response to it (as the client builds them). */
static void
seat_response(struct rng *r, const struct paper_item *it, char *buf,
    size_t size)
{
	size_t n = it->noptions, i, k, used = 0, perm[8];

	buf[0] = '\0';
	if (rng_below(r, 12) == 0)
		return;		/* now and then an answer is cleared */
	switch (it->type) {
	case QTYPE_TRUEFALSE:
		snprintf(buf, size, "%zu", rng_below(r, 2));
		return;
	case QTYPE_SINGLE:
		snprintf(buf, size, "%zu", rng_below(r, n));
		return;
	case QTYPE_MULTIPLE:
		k = 1 + rng_below(r, (1u << n) - 1);	/* a non-empty set */
		for (i = 0; i < n; i++)
			if (k & (1u << i))
				used += (size_t)snprintf(buf + used,
				    size - used, "%s%zu", used ? "," : "", i);
		return;
	case QTYPE_ORDERING:
		for (i = 0; i < n; i++)
			perm[i] = i;
		for (i = n - 1; i > 0; i--) {
			size_t j = rng_below(r, i + 1), t = perm[i];

			perm[i] = perm[j];
			perm[j] = t;
		}
		k = 1 + rng_below(r, n);	/* sometimes only begun */
		for (i = 0; i < k; i++)
			used += (size_t)snprintf(buf + used, size - used,
			    "%s%zu", i ? "," : "", perm[i]);
		return;
	}
}

/* Log a failure as a person would read it; returns 1. */
static int
seat_failed(int fd, const char *what, char *cause)
{
	stress_say(fd, "err %s: %s", what, cause ? cause : "(no message)");
	free(cause);
	return 1;
}

int
seat_sit(const struct seat *st)
{
	struct store *s = NULL;
	struct trainee t;
	struct attempt *a = NULL;
	struct rng r;
	char *cause = NULL, resp[64];
	size_t *order = NULL, i, n = 0;
	long k;
	int64_t t0;
	int wait, rc, bad = 0;

	rng_seed(&r, st->seed);
	if (store_open(st->db, STORE_OPEN, &s, &cause) != 0)
		return seat_failed(st->log_fd, "open", cause);
	if (trainee_login(s, st->ticket, st->pin, &t, &wait, &cause) != 0) {
		store_free(&s);
		return seat_failed(st->log_fd, "login", cause);
	}
	if (attempt_open(s, &t, &a, &cause) != 0) {
		bad = seat_failed(st->log_fd, "attempt_open", cause);
		goto out;
	}
	if (a->status != ATTEMPT_IN_PROGRESS) {
		bad = seat_failed(st->log_fd, "attempt_open",
		    xasprintf("attempt is %s", attempt_status_name(a->status)));
		goto out;
	}
	if (st->ready_fd >= 0 && (write(st->ready_fd, "r", 1) != 1 ||
	    close(st->ready_fd) != 0))
		bad = 1;
	if (st->go_fd >= 0)
		stress_wait_go(st->go_fd);
	n = a->nitems;
	order = xcalloc(n, sizeof *order);
	for (i = 0; i < n; i++)
		order[i] = i;
	for (i = n - 1; n > 1 && i > 0; i--) {
		size_t j = rng_below(&r, i + 1), x = order[i];

		order[i] = order[j];
		order[j] = x;
	}
	for (k = 0; st->answers < 0 || k < st->answers; k++) {
		i = (size_t)k < n ? order[k] : rng_below(&r, n);
		seat_response(&r, &a->items[i], resp, sizeof resp);
		if (*resp == '\0' && (size_t)k < n)
			strcpy(resp, a->items[i].type == QTYPE_TRUEFALSE ?
			    "1" : "0");
		stress_say(st->log_fd, "try %zu %s", i, *resp ? resp : "-");
		t0 = stress_now_us();
		rc = attempt_answer(s, a, i, resp, &cause);
		if (rc == 0)
			stress_say(st->log_fd, "ack %zu %s %lld", i,
			    *resp ? resp : "-",
			    (long long)(stress_now_us() - t0));
		else if (rc < 0)
			bad = seat_failed(st->log_fd, "attempt_answer", cause);
		else
			bad = seat_failed(st->log_fd, "attempt_answer",
			    xasprintf("result %d (closed or taken over)", rc));
		cause = NULL;
	}
out:
	free(order);
	attempt_free(&a);
	trainee_release(&t);
	store_free(&s);
	return bad;
}

/* The items of rubric as the database has them now. */
static size_t
bench_items(struct store *s, const char *rubric, char ***items, int **max)
{
	sqlite3_stmt *st;
	size_t n = 0, cap = 0;

	*items = NULL;
	*max = NULL;
	st = store_prepare(s, "SELECT i.item, i.max FROM rubric_item i"
	    " JOIN current_rubric r ON r.id = i.rubric_version_id"
	    " WHERE r.rubric = ?1 ORDER BY i.seq");
	sqlite3_bind_text(st, 1, rubric, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		xgrow(items, &cap, n + 1, sizeof **items);
		*max = xreallocarray(*max, cap, sizeof **max);
		(*items)[n] = xstrdup(store_text(st, 0));
		(*max)[n++] = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return n;
}

int
bench_score(const struct bench *b)
{
	struct store *s = NULL;
	struct user u;
	struct rng r;
	struct score_mark *marks;
	struct score_request q;
	struct score_result res;
	char **items, *cause = NULL;
	int *max, pass, bad = 0;
	size_t n, i, j;
	int64_t t0;

	rng_seed(&r, b->seed);
	if (store_open(b->db, STORE_OPEN, &s, &cause) != 0)
		return seat_failed(b->log_fd, "open", cause);
	if (user_login(s, b->user, b->password, ROLE_INSTRUCTOR, &u,
	    &cause) != 0) {
		store_free(&s);
		return seat_failed(b->log_fd, "user_login", cause);
	}
	n = bench_items(s, b->rubric, &items, &max);
	marks = xcalloc(n ? n : 1, sizeof *marks);
	if (b->ready_fd >= 0 && (write(b->ready_fd, "i", 1) != 1 ||
	    close(b->ready_fd) != 0))
		bad = 1;
	if (b->go_fd >= 0)
		stress_wait_go(b->go_fd);
	for (pass = 0; pass < b->passes; pass++) {
		for (j = b->first; j < b->ntickets; j += b->step) {
			for (i = 0; i < n; i++) {
				marks[i].item = items[i];
				marks[i].mark = (int)rng_below(&r,
				    (size_t)max[i] + 1);
			}
			memset(&q, 0, sizeof q);
			q.cohort = b->cohort;
			q.ticket = b->tickets[j];
			q.rubric = b->rubric;
			q.marks = marks;
			q.nmarks = n;
			q.reason = pass > 0 ? "stress: second look" : NULL;
			t0 = stress_now_us();
			if (score_set(s, &u, &q, &res, &cause) == 0)
				stress_say(b->log_fd, "score %lld %s %d %lld",
				    (long long)res.entry_id, b->tickets[j],
				    res.total,
				    (long long)(stress_now_us() - t0));
			else
				bad = seat_failed(b->log_fd, "score_set",
				    cause);
			cause = NULL;
		}
	}
	for (i = 0; i < n; i++)
		free(items[i]);
	free(items);
	free(max);
	free(marks);
	user_release(&u);
	store_free(&s);
	return bad;
}

int
main(int argc, char **argv)
{
	struct seat st;

	if (argc >= 2 && strcmp(argv[1], "kill") == 0)
		return kill_main(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "crowd") == 0)
		return crowd_main(argc - 1, argv + 1);
	if (argc < 5 || strcmp(argv[1], "sit") != 0) {
		fprintf(stderr, "usage: seat sit DB TICKET PIN [ANSWERS [SEED]]"
		    " | kill ... | crowd ...\n");
		return 2;
	}
	memset(&st, 0, sizeof st);
	st.db = argv[2];
	st.ticket = argv[3];
	st.pin = argv[4];
	st.answers = argc > 5 ? strtol(argv[5], NULL, 10) : 0;
	st.seed = argc > 6 ? strtoull(argv[6], NULL, 10) : 1;
	st.log_fd = STDOUT_FILENO;
	st.ready_fd = st.go_fd = -1;
	return seat_sit(&st);
}
