/*
 * A crowded exam room: hundreds of trainee seats (one process each, the
 * core calls of the client) answer all their questions against one
 * database while instructors store scores.  Everyone logs in first; then
 * all start at once (end of file on a shared pipe).  Afterwards: no
 * process failed, no busy or locked message reached anyone, every
 * confirmed answer and score is stored, the database is sound; the
 * latencies of the answer commits as the trainees felt them.
 *
 *	seat crowd DB TICKETS.csv TRAINEES INSTRUCTORS USER PASSWORD COHORT
 *	    RUBRIC DIR [FIGURES]
 *
 * Instructors log in as USER with PASSWORD; logs go to DIR.
 */
#include "config.h"

#include "stress.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/core.h"

/* The whole of a log file (NUL-terminated; *len without it). */
static char *
crowd_slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "r");
	char *buf = NULL;
	size_t cap = 0, n = 0, r;

	if (fp != NULL) {
		do {
			xgrow(&buf, &cap, n + 4096, 1);
			r = fread(buf + n, 1, 4096, fp);
			n += r;
		} while (r > 0);
		fclose(fp);
	}
	xgrow(&buf, &cap, n + 1, 1);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static int
crowd_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Check the instructors' logs: each stored entry there with its total. */
static size_t
crowd_scores(sqlite3 *db, const char *log, size_t *entries, int64_t **lat,
    size_t *nlat, size_t *cap, char **why)
{
	sqlite3_stmt *st;
	const char *p = log;
	long long id, us;
	char ticket[64];
	int total;
	size_t bad = 0;

	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM score_entry e"
	    " JOIN trainee t ON t.id = e.trainee_id WHERE e.id = ?1"
	    " AND t.ticket = ?2 AND e.total = ?3"
	    " AND (SELECT count(*) FROM score_mark WHERE entry_id = e.id) > 0",
	    -1, &st, NULL) != SQLITE_OK)
		return 1;
	for (; (p = strstr(p, "score ")) != NULL; p++) {
		if (p != log && p[-1] != '\n')
			continue;
		if (sscanf(p, "score %lld %63s %d %lld", &id, ticket, &total,
		    &us) != 4)
			continue;
		(*entries)++;
		xgrow(lat, cap, *nlat + 1, sizeof **lat);
		(*lat)[(*nlat)++] = us;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, ticket, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 3, total);
		if (sqlite3_step(st) != SQLITE_ROW ||
		    sqlite3_column_int(st, 0) != 1) {
			if (*why == NULL)
				*why = xasprintf("score entry %lld (ticket %s, "
				    "total %d) is missing", id, ticket, total);
			bad++;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return bad;
}

/* Start one process: a seat (i < trainees) or an instructor. */
static pid_t
crowd_spawn(char **argv, const struct roster *ro, size_t i, size_t trainees,
    size_t instructors, size_t nitems, const int ready[2], const int go[2])
{
	struct seat st;
	struct bench b;
	char *path;
	pid_t pid;
	int fd;

	path = i < trainees ? xasprintf("%s/seat-%zu.log", argv[9], i) :
	    xasprintf("%s/instructor-%zu.log", argv[9], i - trainees);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC,
	    0600);
	free(path);
	if (fd == -1 || (pid = fork()) == -1) {
		perror("crowd");
		exit(1);
	}
	if (pid != 0) {
		close(fd);
		return pid;
	}
	close(ready[0]);
	close(go[1]);
	if (i < trainees) {
		memset(&st, 0, sizeof st);
		st.db = argv[1];
		st.ticket = ro->tickets[i];
		st.pin = ro->pins[i];
		st.answers = (long)nitems + 10;	/* all, then changes */
		st.seed = 1000 + i;
		st.log_fd = fd;
		st.ready_fd = ready[1];
		st.go_fd = go[0];
		_exit(seat_sit(&st));
	}
	memset(&b, 0, sizeof b);
	b.db = argv[1];
	b.user = argv[5];
	b.password = argv[6];
	b.cohort = argv[7];
	b.rubric = argv[8];
	b.tickets = (const char *const *)ro->tickets;
	b.ntickets = trainees;
	b.first = i - trainees;
	b.step = instructors;
	b.passes = 2;
	b.seed = 7000 + i;
	b.log_fd = fd;
	b.ready_fd = ready[1];
	b.go_fd = go[0];
	_exit(bench_score(&b));
}

int
crowd_main(int argc, char **argv)
{
	struct roster ro;
	struct ledger l;
	sqlite3 *db;
	pid_t *pids;
	size_t trainees, instructors, nitems, i, n, len, ready_n = 0;
	size_t failed = 0, busy = 0, errors = 0, lost = 0, acks = 0;
	size_t entries = 0, nlat = 0, caplat = 0, nslat = 0, capslat = 0;
	int64_t *lat = NULL, *slat = NULL, t0, wall;
	int ready[2], go[2], status, t = 0;
	char *log, *path, *why = NULL, *lost_why = NULL, *err1 = NULL, c;
	ssize_t r;
	FILE *fig;

	if (argc < 10 || roster_read(argv[2], &ro) != 0) {
		fprintf(stderr, "usage: seat crowd DB TICKETS.csv TRAINEES "
		    "INSTRUCTORS USER PASSWORD COHORT RUBRIC DIR [FIGURES]\n");
		return 2;
	}
	trainees = strtoul(argv[3], NULL, 10);
	instructors = strtoul(argv[4], NULL, 10);
	if (trainees > ro.n)
		trainees = ro.n;
	if ((db = stress_db_open(argv[1])) == NULL)
		return 1;
	nitems = stress_paper_size(db, ro.tickets[0]);
	sqlite3_close(db);
	n = trainees + instructors;
	pids = xcalloc(n, sizeof *pids);
	if (pipe(ready) != 0 || pipe(go) != 0)
		return 1;
	fflush(NULL);
	for (i = 0; i < n; i++)
		pids[i] = crowd_spawn(argv, &ro, i, trainees, instructors,
		    nitems, ready, go);
	close(ready[1]);
	close(go[0]);
	/* Each child writes one byte when logged in, or ends: EOF = all. */
	while ((r = read(ready[0], &c, 1)) != 0)
		if (r > 0)
			ready_n++;
		else if (errno != EINTR)
			break;
	close(ready[0]);
	printf("%sok %d - %zu trainees and %zu instructors logged in "
	    "(%zu ready)\n", ready_n == n ? "" : "not ", ++t, trainees,
	    instructors, ready_n);
	t0 = stress_now_us();
	close(go[1]);		/* go */
	for (i = 0; i < n; i++) {
		while (waitpid(pids[i], &status, 0) == -1 && errno == EINTR)
			;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			failed++;
	}
	wall = stress_now_us() - t0;

	if ((db = stress_db_open(argv[1])) == NULL)
		return 1;
	for (i = 0; i < n; i++) {
		path = i < trainees ? xasprintf("%s/seat-%zu.log", argv[9], i) :
		    xasprintf("%s/instructor-%zu.log", argv[9], i - trainees);
		log = crowd_slurp(path, &len);
		free(path);
		ledger_init(&l, i < trainees ? ro.tickets[i] : "", nitems);
		ledger_feed(&l, log, len);
		if (i < trainees && ledger_check(&l, db, &why) != 0) {
			lost++;
			if (lost_why == NULL)
				lost_why = why;
			else
				free(why);
		}
		why = NULL;
		if (i >= trainees)
			lost += crowd_scores(db, log, &entries, &slat, &nslat,
			    &capslat, &lost_why);
		errors += l.errors;
		busy += l.busy;
		if (err1 == NULL && l.first_error != NULL)
			err1 = xstrdup(l.first_error);
		acks += l.acks;
		for (size_t k = 0; k < l.nlat; k++) {
			xgrow(&lat, &caplat, nlat + 1, sizeof *lat);
			lat[nlat++] = l.lat_us[k];
		}
		ledger_release(&l);
		free(log);
	}
	printf("%sok %d - every process ended well (%zu did not; %zu errors%s"
	    "%s)\n", failed == 0 && errors == 0 ? "" : "not ", ++t, failed,
	    errors, err1 ? "; first: " : "", err1 ? err1 : "");
	printf("%sok %d - no busy or locked error reached anyone (%zu)\n",
	    busy == 0 ? "" : "not ", ++t, busy);
	printf("%sok %d - zero lost: %zu confirmed answers and %zu score "
	    "entries stored%s%s\n", lost == 0 && acks > 0 ? "" : "not ", ++t,
	    acks, entries, lost_why ? "; " : "", lost_why ? lost_why : "");
	printf("%sok %d - %zu of %zu answers confirmed\n",
	    acks == trainees * (nitems + 10) ? "" : "not ", ++t, acks,
	    trainees * (nitems + 10));
	if (stress_db_sound(db, &why) != 0)
		printf("not ");
	printf("ok %d - database sound after the crowd%s%s\n", ++t,
	    why ? ": " : "", why ? why : "");
	sqlite3_close(db);

	qsort(lat, nlat, sizeof *lat, crowd_cmp);
	qsort(slat, nslat, sizeof *slat, crowd_cmp);
#define MS(v) ((double)(v) / 1000.0)
	printf("# %zu processes, %zu answer commits and %zu score entries in "
	    "%.1f s (%.0f commits/s)\n", n, acks, entries, MS(wall) / 1000,
	    (double)(acks + entries) / (MS(wall) / 1000));
	printf("# p99 answer latency: %.1f ms\n",
	    MS(stress_percentile(lat, nlat, 99)));
	printf("# p50 answer latency: %.1f ms, max %.1f ms\n",
	    MS(stress_percentile(lat, nlat, 50)),
	    MS(nlat ? lat[nlat - 1] : 0));
	printf("# score entry latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
	    MS(stress_percentile(slat, nslat, 50)),
	    MS(stress_percentile(slat, nslat, 99)),
	    MS(nslat ? slat[nslat - 1] : 0));
	if (argc > 10 && (fig = fopen(argv[10], "a")) != NULL) {
		fprintf(fig, "crowd trainees: %zu\ncrowd instructors: %zu\n"
		    "crowd answers confirmed: %zu\ncrowd score entries: %zu\n"
		    "crowd lost: %zu\ncrowd busy errors: %zu\n"
		    "crowd wall time: %.1f s\n"
		    "crowd answer latency p50: %.1f ms\n"
		    "crowd answer latency p99: %.1f ms\n"
		    "crowd answer latency max: %.1f ms\n"
		    "crowd score latency p99: %.1f ms\n", trainees,
		    instructors, acks, entries, lost, busy, MS(wall) / 1000,
		    MS(stress_percentile(lat, nlat, 50)),
		    MS(stress_percentile(lat, nlat, 99)),
		    MS(nlat ? lat[nlat - 1] : 0),
		    MS(stress_percentile(slat, nslat, 99)));
		fclose(fig);
	}
	printf("1..%d\n", t);
	free(lat);
	free(slat);
	free(pids);
	free(why);
	free(lost_why);
	free(err1);
	roster_release(&ro);
	return failed == 0 && errors == 0 && busy == 0 && lost == 0 ? 0 : 1;
}
