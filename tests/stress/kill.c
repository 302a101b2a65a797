/*
 * kill -9 rounds, as SQLite's crash tests do it with real processes: a
 * seat answers as fast as it can, is killed with SIGKILL at a random
 * moment (after a random number of confirmed answers, plus a random few
 * microseconds so that the kill lands inside commits), and the database
 * is checked: every confirmed answer there with its response, no duplicate
 * paper item, integrity_check and foreign_key_check clean.  The next round
 * logs the same ticket in again and resumes the same sitting.
 *
 *	seat kill DB TICKETS.csv ROUNDS SEED [FIGURES]
 */
#include "config.h"

#include "stress.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/core.h"

/* Read the child's log from fd into the ledger until it has confirmed
 * acks more answers (or ended); returns whether it is still writing. */
static int
kill_read_until(int fd, struct ledger *l, char *buf, size_t *len,
    size_t size, size_t acks)
{
	char *nl, *line;
	ssize_t r;

	while (l->acks < acks) {
		r = read(fd, buf + *len, size - *len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return 0;
		*len += (size_t)r;
		while ((nl = memchr(buf, '\n', *len)) != NULL) {
			line = xstrndup(buf, (size_t)(nl - buf));
			ledger_line(l, line);
			free(line);
			*len -= (size_t)(nl - buf) + 1;
			memmove(buf, nl + 1, *len);
		}
		if (*len == size)
			*len = 0;	/* no line is this long */
	}
	return 1;
}

int
kill_main(int argc, char **argv)
{
	struct roster ro;
	struct ledger l;
	struct rng r;
	struct seat st;
	sqlite3 *db;
	char buf[8192], *why;
	size_t len, k, target, nitems, round, rounds, failed = 0;
	long delay;
	int fds[2], status, live;
	pid_t pid;
	FILE *fig;

	if (argc < 5 || roster_read(argv[2], &ro) != 0) {
		fprintf(stderr, "usage: seat kill DB TICKETS.csv ROUNDS SEED "
		    "[FIGURES]\n");
		return 2;
	}
	rounds = strtoul(argv[3], NULL, 10);
	rng_seed(&r, strtoull(argv[4], NULL, 10));
	printf("# seed %s, ticket %s\n", argv[4], ro.tickets[0]);
	if ((db = stress_db_open(argv[1])) == NULL)
		return 1;
	nitems = stress_paper_size(db, ro.tickets[0]);
	sqlite3_close(db);
	ledger_init(&l, ro.tickets[0], nitems);
	signal(SIGPIPE, SIG_IGN);

	for (round = 1; round <= rounds; round++) {
		/* Mostly inside the answers; a few during login and open. */
		k = rng_below(&r, 8) == 0 ? 0 : 1 + rng_below(&r, 30);
		delay = k == 0 ? (long)rng_below(&r, 60000) :
		    (long)rng_below(&r, 4000);
		if (pipe(fds) != 0)
			return 1;
		fflush(NULL);
		if ((pid = fork()) == -1)
			return 1;
		if (pid == 0) {
			close(fds[0]);
			memset(&st, 0, sizeof st);
			st.db = argv[1];
			st.ticket = ro.tickets[0];
			st.pin = ro.pins[0];
			st.answers = -1;
			st.seed = rng_next(&r);
			st.log_fd = fds[1];
			st.ready_fd = st.go_fd = -1;
			_exit(seat_sit(&st) == 0 ? 0 : 1);
		}
		close(fds[1]);
		len = 0;
		target = l.acks + k;
		live = kill_read_until(fds[0], &l, buf, &len, sizeof buf,
		    target);
		if (delay > 0)
			usleep((useconds_t)delay);
		kill(pid, SIGKILL);
		/* What it wrote before it died. */
		kill_read_until(fds[0], &l, buf, &len, sizeof buf, (size_t)-1);
		close(fds[0]);
		ledger_round_end(&l);
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
		why = NULL;
		db = NULL;
		if (!live || !WIFSIGNALED(status) ||
		    WTERMSIG(status) != SIGKILL)
			why = xasprintf("the seat ended before the kill "
			    "(status 0x%x)", status);
		else if ((db = stress_db_open(argv[1])) == NULL)
			why = xstrdup("cannot open the database");
		else if (stress_db_sound(db, &why) == 0)
			ledger_check(&l, db, &why);
		/*
		 * A kill during the PIN check leaves its try pending, and a
		 * try whose process died counts as a failed login (auth.h),
		 * so a few such rounds keep the ticket out.  The proctor
		 * unlocks it (attempt unlock, auth_clear): done here the same
		 * way, so the next round can log in.
		 */
		if (db != NULL && sqlite3_exec(db, "DELETE FROM auth_failure",
		    NULL, NULL, NULL) != SQLITE_OK && why == NULL)
			why = xasprintf("cannot unlock the ticket: %s",
			    sqlite3_errmsg(db));
		sqlite3_close(db);
		if (why == NULL && l.errors > 0)
			why = xasprintf("a seat failed: %s", l.first_error);
		if (why != NULL)
			failed++;
		printf("%sok %zu - killed after %zu answers + %ld us; %zu "
		    "confirmed so far, all stored, database sound%s%s\n",
		    why ? "not " : "", round, k, delay, l.acks,
		    why ? ": " : "", why ? why : "");
		free(why);
	}
	printf("# %zu rounds, %zu answers confirmed, %zu tries; %zu kills "
	    "landed inside attempt_answer\n", rounds, l.acks, l.tries,
	    l.inflight);
	if (argc > 5 && (fig = fopen(argv[5], "a")) != NULL) {
		fprintf(fig, "kill9 rounds: %zu\nkill9 answers confirmed: %zu\n"
		    "kill9 kills inside attempt_answer: %zu\n"
		    "kill9 failed rounds: %zu\n", rounds, l.acks, l.inflight,
		    failed);
		fclose(fig);
	}
	printf("1..%zu\n", rounds);
	ledger_release(&l);
	roster_release(&ro);
	return failed == 0 ? 0 : 1;
}
