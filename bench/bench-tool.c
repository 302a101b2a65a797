/*
 * bench-tool: the measuring half of 'make bench' (bench/run.sh drives it).
 *
 *   bench-tool time CMD ARG...
 *       run CMD once (output to /dev/null), print its wall time in seconds;
 *       exit 1 when CMD fails.
 *   bench-tool peak CMD ARG...
 *       the same, printing "SECONDS KIB": the wall time and the peak
 *       resident set (ru_maxrss from wait4, the VmHWM of the process).
 *   bench-tool commit --db DB --mode engine|bare --procs N --first K
 *       N processes start together; each is one trainee answering every
 *       question of its paper through attempt_answer (engine: seat tickets
 *       K..K+N-1 of cohort bench-seats), or does as many bare single-row
 *       INSERT commits into table bench_bare (bare) with the same store
 *       pragmas.  Prints "p50 p99 max count" of the per-commit latencies in
 *       milliseconds.
 *   bench-tool screen --until TEXT -- CMD ARG...
 *       start CMD in an 80x24 pty and print the seconds until its first
 *       screen is drawn: TEXT has appeared and the output has then gone
 *       quiet for 250 ms (the time of the last byte counts).
 *   bench-tool rss --ticket T --pin P -- CMD ARG...
 *       start the trainee client in a pty, choose English, log in, open the
 *       question screen, then print the client's peak RSS (VmHWM) in KiB.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "core/attempt.h"
#include "core/core.h"
#include "core/store.h"

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void fail(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));

static void
fail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "bench-tool: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* ------------------------------------------------------------- time */

static int
tool_time(char **argv)
{
	double t0 = now_s(), t1;
	int status, fd;
	pid_t pid;

	if ((pid = fork()) == 0) {
		fd = open("/dev/null", O_WRONLY);
		dup2(fd, 1);
		dup2(fd, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		fail("cannot run %s", argv[0]);
	t1 = now_s();
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail("%s failed", argv[0]);
	printf("%.6f\n", t1 - t0);
	return 0;
}

/* ------------------------------------------------------------- peak */

static int
tool_peak(char **argv)
{
	double t0 = now_s(), t1;
	struct rusage ru;
	int status, fd;
	pid_t pid;

	if ((pid = fork()) == 0) {
		fd = open("/dev/null", O_WRONLY);
		dup2(fd, 1);
		dup2(fd, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) != pid)
		fail("cannot run %s", argv[0]);
	t1 = now_s();
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail("%s failed", argv[0]);
	printf("%.6f %ld\n", t1 - t0, ru.ru_maxrss);
	return 0;
}

/* ------------------------------------------------------------ commit */

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* One trainee's answers, timed; latencies written to fd as doubles. */
static void
commit_engine(const char *db, int seat, int go, int out)
{
	struct store *s;
	struct trainee t;
	struct attempt *a;
	sqlite3_stmt *st;
	char *cause = NULL, ticket[32], resp[8], c;
	double t0, lat;
	size_t i;

	if (store_open(db, STORE_OPEN, &s, &cause) != 0)
		fail("%s", cause);
	memset(&t, 0, sizeof t);
	snprintf(ticket, sizeof ticket, "%08d", 90000001 + seat);
	/* The login (a yescrypt check) is not what is measured. */
	st = store_prepare(s, "SELECT t.id, t.cohort_id, c.cohort FROM"
	    " trainee t JOIN cohort c ON c.id = t.cohort_id"
	    " WHERE t.ticket = ?1");
	sqlite3_bind_text(st, 1, ticket, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW)
		fail("no seat %s (gen-city --seats)", ticket);
	t.id = sqlite3_column_int64(st, 0);
	t.cohort_id = sqlite3_column_int64(st, 1);
	t.ticket = xstrdup(ticket);
	t.cohort = xstrdup(store_text(st, 2));
	t.name = xstrdup("");
	t.community = xstrdup("");
	sqlite3_finalize(st);
	if (attempt_open(s, &t, &a, &cause) != 0)
		fail("%s", cause);
	if (read(go, &c, 1) != 1)	/* everyone starts together */
		_exit(1);
	for (i = 0; i < a->nitems; i++) {
		const struct paper_item *it = &a->items[i];

		snprintf(resp, sizeof resp, "%s",
		    it->type == QTYPE_ORDERING && it->noptions >= 2 ? "1,0" :
		    it->type == QTYPE_TRUEFALSE ? "1" : "0");
		if (it->type == QTYPE_ORDERING && it->noptions < 2)
			snprintf(resp, sizeof resp, "0");
		t0 = now_s();
		if (attempt_answer(s, a, i, resp, &cause) != 0)
			fail("%s", cause ? cause : "answer refused");
		lat = now_s() - t0;
		if (write(out, &lat, sizeof lat) != sizeof lat)
			_exit(1);
	}
	attempt_free(&a);
	trainee_release(&t);
	store_free(&s);
}

static void
commit_bare(const char *db, int seat, int go, int out, int count)
{
	struct store *s;
	sqlite3_stmt *st;
	char *cause = NULL, c;
	double t0, lat;
	int i;

	if (store_open(db, STORE_OPEN, &s, &cause) != 0)
		fail("%s", cause);
	st = store_prepare(s, "INSERT INTO bench_bare (seat, seq, response,"
	    " at) VALUES (?1, ?2, '0', ?3)");
	if (read(go, &c, 1) != 1)
		_exit(1);
	for (i = 0; i < count; i++) {
		t0 = now_s();
		sqlite3_bind_int(st, 1, seat);
		sqlite3_bind_int(st, 2, i);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)time(NULL));
		if (sqlite3_step(st) != SQLITE_DONE)
			fail("%s", sqlite3_errmsg(s->db));
		sqlite3_reset(st);
		lat = now_s() - t0;
		if (write(out, &lat, sizeof lat) != sizeof lat)
			_exit(1);
	}
	sqlite3_finalize(st);
	store_free(&s);
}

static int
tool_commit(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "mode", required_argument, NULL, 'm' },
		{ "procs", required_argument, NULL, 'p' },
		{ "first", required_argument, NULL, 'f' },
		{ "count", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL, *mode = "engine";
	int procs = 200, first = 0, count = 50, ch, i, go[2], res[2], st;
	int engine, failed = 0;
	double *lat = NULL, v;
	size_t n = 0, cap = 0;
	pid_t *pids;
	ssize_t r;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': db = optarg; break;
		case 'm': mode = optarg; break;
		case 'p': procs = atoi(optarg); break;
		case 'f': first = atoi(optarg); break;
		case 'c': count = atoi(optarg); break;
		default: return 2;
		}
	}
	if (db == NULL || procs < 1)
		return 2;
	engine = strcmp(mode, "engine") == 0;
	if (pipe(go) != 0 || pipe(res) != 0)
		fail("%s", strerror(errno));
	pids = xcalloc((size_t)procs, sizeof *pids);
	for (i = 0; i < procs; i++) {
		if ((pids[i] = fork()) == 0) {
			close(go[1]);
			close(res[0]);
			if (engine)
				commit_engine(db, first + i, go[0], res[1]);
			else
				commit_bare(db, first + i, go[0], res[1],
				    count);
			_exit(0);
		}
		if (pids[i] < 0)
			fail("fork: %s", strerror(errno));
	}
	close(go[0]);
	close(res[1]);
	/* Let every process open its attempt, then start them at once. */
	usleep(engine ? 3000000 : 1000000);
	for (i = 0; i < procs; i++)
		if (write(go[1], "g", 1) != 1)
			fail("%s", strerror(errno));
	close(go[1]);
	while ((r = read(res[0], &v, sizeof v)) == sizeof v) {
		xgrow(&lat, &cap, n + 1, sizeof *lat);
		lat[n++] = v;
	}
	for (i = 0; i < procs; i++)
		if (waitpid(pids[i], &st, 0) != pids[i] || !WIFEXITED(st) ||
		    WEXITSTATUS(st) != 0)
			failed++;
	free(pids);
	if (failed > 0 || n == 0) {
		fprintf(stderr, "bench-tool: %d of %d processes failed\n",
		    failed, procs);
		return 1;
	}
	qsort(lat, n, sizeof *lat, cmp_double);
	printf("%.3f %.3f %.3f %zu\n", lat[n / 2] * 1e3,
	    lat[(size_t)((double)(n - 1) * 0.99)] * 1e3, lat[n - 1] * 1e3, n);
	free(lat);
	return 0;
}

/* ------------------------------------------------------------ the pty */

struct pty {
	pid_t	 pid;
	int	 fd;
	char	 buf[1 << 16];
	size_t	 len;
	double	 start, last;
};

static void
pty_spawn(struct pty *p, char **argv)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };

	memset(p, 0, sizeof *p);
	p->start = now_s();
	p->pid = forkpty(&p->fd, NULL, NULL, &ws);
	if (p->pid < 0)
		fail("forkpty: %s", strerror(errno));
	if (p->pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
}

/* Read what is there within ms; 0 when nothing came (or the end). */
static int
pty_read(struct pty *p, int ms)
{
	struct pollfd pfd = { .fd = p->fd, .events = POLLIN };
	char tmp[4096];
	ssize_t r;
	size_t keep;

	if (poll(&pfd, 1, ms) <= 0)
		return 0;
	if ((r = read(p->fd, tmp, sizeof tmp)) <= 0)
		return 0;
	p->last = now_s();
	if (p->len + (size_t)r >= sizeof p->buf) {
		keep = sizeof p->buf / 2;
		memmove(p->buf, p->buf + p->len - keep, keep);
		p->len = keep;
	}
	memcpy(p->buf + p->len, tmp, (size_t)r);
	p->len += (size_t)r;
	p->buf[p->len] = '\0';
	return 1;
}

/* Wait (up to 20 s) for text, then for 250 ms of quiet. */
static int
pty_wait(struct pty *p, const char *text)
{
	double limit = now_s() + 20;

	while (memmem(p->buf, p->len, text, strlen(text)) == NULL) {
		if (now_s() > limit)
			return -1;
		pty_read(p, 100);
	}
	while (pty_read(p, 250))
		;
	return 0;
}

static void
pty_send(struct pty *p, const char *s)
{
	p->len = 0;
	p->buf[0] = '\0';
	if (write(p->fd, s, strlen(s)) < 0)
		fail("%s", strerror(errno));
}

static void
pty_end(struct pty *p)
{
	kill(p->pid, SIGHUP);
	kill(p->pid, SIGTERM);
	while (pty_read(p, 50))
		;
	waitpid(p->pid, NULL, 0);
	close(p->fd);
}

static int
tool_screen(int argc, char **argv)
{
	struct pty p;
	const char *until;

	if (argc < 5 || strcmp(argv[1], "--until") != 0 ||
	    strcmp(argv[3], "--") != 0)
		return 2;
	until = argv[2];
	pty_spawn(&p, argv + 4);
	if (pty_wait(&p, until) != 0) {
		pty_end(&p);
		fail("\"%s\" never appeared", until);
	}
	printf("%.6f\n", p.last - p.start);
	pty_end(&p);
	return 0;
}

static long
peak_rss(pid_t pid)
{
	char path[64], line[256];
	long kib = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, "VmHWM:", 6) == 0)
			kib = atol(line + 6);
	fclose(f);
	return kib;
}

static int
tool_rss(int argc, char **argv)
{
	struct pty p;
	char line[64];
	long kib;

	if (argc < 7 || strcmp(argv[1], "--ticket") != 0 ||
	    strcmp(argv[3], "--pin") != 0 || strcmp(argv[5], "--") != 0)
		return 2;
	pty_spawn(&p, argv + 6);
	if (pty_wait(&p, "Choose the language") != 0)
		fail("%s", "no language choice");
	pty_send(&p, "2\r");
	if (pty_wait(&p, "Ticket number") != 0)
		fail("%s", "no login screen");
	snprintf(line, sizeof line, "%s\r", argv[2]);
	pty_send(&p, line);
	usleep(200000);
	snprintf(line, sizeof line, "%s\r", argv[4]);
	pty_send(&p, line);
	if (pty_wait(&p, "The written test has") != 0)
		fail("%s", "no instructions after login");
	pty_send(&p, "\r");
	if (pty_wait(&p, "Question 1/") != 0)
		fail("%s", "no question screen");
	/* Move about a little, as a trainee does. */
	pty_send(&p, "A");
	pty_wait(&p, "saved");
	pty_send(&p, "n");
	pty_wait(&p, "Question 2/");
	kib = peak_rss(p.pid);
	pty_end(&p);
	if (kib < 0)
		fail("%s", "no VmHWM");
	printf("%ld\n", kib);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "time") == 0)
		return tool_time(argv + 2);
	if (argc >= 3 && strcmp(argv[1], "peak") == 0)
		return tool_peak(argv + 2);
	if (argc >= 2 && strcmp(argv[1], "commit") == 0)
		return tool_commit(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "screen") == 0)
		return tool_screen(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "rss") == 0)
		return tool_rss(argc - 1, argv + 1);
	fprintf(stderr, "usage: bench-tool time|peak|commit|screen|rss ...\n");
	return 2;
}
