/*
 * web-phones: many phones sitting the written test against firstline serve
 * on loopback, for make bench (bench/web.sh).
 *
 *   web-phones setup DB COHORT N FILE
 *       N trainees in cohort COHORT (one PIN hash shared: N yescrypt
 *       hashes would take minutes and are measured by the roster line),
 *       each with its attempt opened (attempt_open, the paper drawn) and a
 *       browser session made by the server's own web_session_create; one
 *       line per phone in FILE: sid csrf attempt_id type:options...
 *   web-phones run URL FILE SECONDS INTERVAL MODE OUT [LAT]
 *       each phone holds a keep-alive connection (as a browser does) and
 *       every INTERVAL seconds (first at a random offset) either answers
 *       its next question (MODE answer: POST /q/K, a valid answer for the
 *       question's type, a 303 expected) or fetches the style sheet (MODE
 *       static: libmicrohttpd serving a static page, the reference).
 *       Prints requests, errors, p50/p99/max latency in ms; in answer mode
 *       writes to OUT the last confirmed response of each question.
 *       With LAT, every latency (ms) is also appended to LAT, one a line.
 *   web-phones check DB OUT
 *       every confirmed answer is the stored one: prints "lost N".
 *   web-phones sync DB SECONDS
 *       the disk's floor: one-row INSERTs into a new database DB, each
 *       committed alone as the store commits (WAL, synchronous = FULL),
 *       one after another for SECONDS after 1,100 untimed ones (the WAL
 *       then reused, as in a server that has run a while); prints their
 *       p50/p99/max in ms.
 *
 * Loops are bounded by the time given; every wait has a timeout.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "core/attempt.h"
#include "core/auth.h"
#include "core/store.h"
#include "core/xalloc.h"
#include "web/web.h"

#define MAX_ITEMS	64

static void
die(const char *what, const char *why)
{
	fprintf(stderr, "web-phones: %s: %s\n", what, why);
	exit(1);
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------ setup */

static int
setup(const char *db, const char *cohort, int n, const char *file)
{
	struct store *s;
	char *cause = NULL, *hash, sid[WEB_SID_HEX + 1];
	sqlite3_stmt *st, *ins;
	sqlite3_int64 cid;
	FILE *fp;
	int i;
	size_t k;

	if (store_open(db, STORE_OPEN, &s, &cause) != 0)
		die(db, cause);
	if ((hash = auth_hash("000000")) == NULL)
		die("auth_hash", "failed");
	st = store_prepare(s, "SELECT id FROM cohort WHERE cohort = ?1");
	sqlite3_bind_text(st, 1, cohort, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW)
		die(cohort, "no such cohort");
	cid = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (store_begin(s, &cause) != 0)
		die("begin", cause);
	ins = store_prepare(s, "INSERT INTO trainee (cohort_id, ticket, name,"
	    " community, pin_hash) VALUES (?1, ?2, ?3, 'bench', ?4)");
	for (i = 0; i < n; i++) {
		char ticket[32], name[32];

		snprintf(ticket, sizeof ticket, "9%07d", i);
		snprintf(name, sizeof name, "phone %d", i);
		sqlite3_bind_int64(ins, 1, cid);
		sqlite3_bind_text(ins, 2, ticket, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 3, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 4, hash, -1, SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE)
			die("insert trainee", sqlite3_errmsg(s->db));
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	if (store_commit(s, &cause) != 0)
		die("commit", cause);
	if ((fp = fopen(file, "w")) == NULL)
		die(file, strerror(errno));
	st = store_prepare(s, "SELECT t.id, t.ticket, t.name, t.community,"
	    " c.cohort FROM trainee t JOIN cohort c ON c.id = t.cohort_id"
	    " WHERE t.cohort_id = ?1 ORDER BY t.id");
	sqlite3_bind_int64(st, 1, cid);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct trainee t;
		struct attempt *a;
		struct web_session ws;

		memset(&t, 0, sizeof t);
		t.id = sqlite3_column_int64(st, 0);
		t.cohort_id = cid;
		t.ticket = xstrdup(store_text(st, 1));
		t.name = xstrdup(store_text(st, 2));
		t.community = xstrdup(store_text(st, 3));
		t.cohort = xstrdup(store_text(st, 4));
		if (attempt_open(s, &t, &a, &cause) != 0)
			die("attempt_open", cause);
		if (attempt_set_mode(s, a, "browser", &cause) != 0)
			die("attempt_set_mode", cause);
		if (web_session_create(s, &t, a, 1, "127.0.0.1", sid, &ws,
		    &cause) != 0)
			die("web_session_create", cause);
		fprintf(fp, "%s %s %lld", sid, ws.csrf, (long long)a->id);
		for (k = 0; k < a->nitems && k < MAX_ITEMS; k++)
			fprintf(fp, " %d:%zu", (int)a->items[k].type,
			    a->items[k].noptions);
		fputc('\n', fp);
		attempt_free(&a);
		trainee_release(&t);
	}
	sqlite3_finalize(st);
	if (fclose(fp) != 0)
		die(file, strerror(errno));
	free(hash);
	store_free(&s);
	return 0;
}

/* -------------------------------------------------------------- run */

enum { IDLE, SENDING, READING };

struct phone {
	char	 sid[WEB_SID_HEX + 1];
	char	 csrf[WEB_CSRF_HEX + 1];
	long long aid;
	int	 nitems;
	int	 type[MAX_ITEMS];
	int	 nopt[MAX_ITEMS];
	char	 last[MAX_ITEMS][64];	/* confirmed response per item */
	char	 maybe[MAX_ITEMS][64];	/* sent, answer lost in transit */
	char	 pending[64];		/* the response being sent */
	int	 q;			/* item being answered */
	int	 round;
	int	 fd;
	int	 connected;		/* the first connection is up */
	int	 state;
	double	 next_at;
	double	 sent_at;
	char	 out[1024];
	size_t	 outlen, outoff;
	char	 in[8192];
	size_t	 inlen;
};

static struct sockaddr_in server;
static long n_req, n_err, n_reconnect;
static double *lat;
static size_t nlat, caplat;

static int
phone_connect(struct phone *p, int ep)
{
	struct epoll_event ev;
	int one = 1;

	p->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	if (p->fd < 0)
		return -1;
	setsockopt(p->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	if (connect(p->fd, (struct sockaddr *)&server, sizeof server) != 0 &&
	    errno != EINPROGRESS) {
		close(p->fd);
		p->fd = -1;
		return -1;
	}
	ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
	ev.data.ptr = p;
	epoll_ctl(ep, EPOLL_CTL_ADD, p->fd, &ev);
	return 0;
}

static void
phone_drop(struct phone *p, int ep)
{
	if (p->fd >= 0) {
		epoll_ctl(ep, EPOLL_CTL_DEL, p->fd, NULL);
		close(p->fd);
	}
	p->fd = -1;
	p->state = IDLE;
}

/* The form answering item q in round r, and the response it means. */
static void
phone_answer(struct phone *p, int q, int r, char *form, size_t fsize,
    char *resp, size_t rsize)
{
	int n = p->nopt[q], k, len = 0, flen = 0;

	switch (p->type[q]) {
	case QTYPE_SINGLE:
		snprintf(form, fsize, "a=%d", r % n);
		snprintf(resp, rsize, "%d", r % n);
		break;
	case QTYPE_MULTIPLE:
		if (r % 2) {
			snprintf(form, fsize, "a=0&a=%d", n - 1);
			snprintf(resp, rsize, "0,%d", n - 1);
		} else {
			snprintf(form, fsize, "a=1");
			snprintf(resp, rsize, "1");
		}
		break;
	case QTYPE_TRUEFALSE:
		snprintf(form, fsize, "a=%d", r % 2);
		snprintf(resp, rsize, "%d", r % 2);
		break;
	default:	/* ordering: in order, or reversed */
		form[0] = resp[0] = '\0';
		for (k = 0; k < n; k++) {
			int place = r % 2 ? n - k : k + 1;

			flen += snprintf(form + flen, fsize - (size_t)flen,
			    "%sp%d=%d", k ? "&" : "", k, place);
		}
		for (k = 0; k < n; k++)
			len += snprintf(resp + len, rsize - (size_t)len,
			    "%s%d", k ? "," : "", r % 2 ? n - 1 - k : k);
		break;
	}
}

static void
phone_send(struct phone *p, int answer_mode)
{
	char form[512];

	if (answer_mode) {
		phone_answer(p, p->q, p->round, form, sizeof form, p->pending,
		    sizeof p->pending);
		char body[768];
		int blen = snprintf(body, sizeof body,
		    "csrf=%s&t=1&%s&go=save", p->csrf, form);

		p->outlen = (size_t)snprintf(p->out, sizeof p->out,
		    "POST /q/%d HTTP/1.1\r\nHost: bench\r\n"
		    "Cookie: fl_sid=%s\r\n"
		    "Content-Type: application/x-www-form-urlencoded\r\n"
		    "Content-Length: %d\r\n\r\n%s", p->q + 1, p->sid, blen,
		    body);
	} else
		p->outlen = (size_t)snprintf(p->out, sizeof p->out,
		    "GET /style.css HTTP/1.1\r\nHost: bench\r\n"
		    "Cookie: fl_sid=%s\r\n\r\n", p->sid);
	p->outoff = 0;
	p->inlen = 0;
	p->state = SENDING;
	p->sent_at = now_s();
}

static int
phone_write(struct phone *p)
{
	while (p->outoff < p->outlen) {
		ssize_t w = write(p->fd, p->out + p->outoff,
		    p->outlen - p->outoff);

		if (w < 0)
			return errno == EAGAIN ? 0 : -1;
		p->outoff += (size_t)w;
	}
	p->state = READING;
	return 0;
}

/* 1 when a whole response is in, 0 for more, -1 on error. */
static int
phone_read(struct phone *p, int *status)
{
	char *end, *cl;
	size_t hlen, blen;

	for (;;) {
		ssize_t r;

		if (p->inlen == sizeof p->in - 1)
			return -1;
		r = read(p->fd, p->in + p->inlen, sizeof p->in - 1 - p->inlen);
		if (r == 0)
			return -1;
		if (r < 0) {
			if (errno != EAGAIN)
				return -1;
			break;
		}
		p->inlen += (size_t)r;
	}
	p->in[p->inlen] = '\0';
	if ((end = strstr(p->in, "\r\n\r\n")) == NULL)
		return 0;
	hlen = (size_t)(end + 4 - p->in);
	cl = strcasestr(p->in, "\r\nContent-Length:");
	blen = cl != NULL && cl < end ? strtoul(cl + 17, NULL, 10) : 0;
	if (p->inlen < hlen + blen)
		return 0;
	*status = atoi(p->in + 9);
	return 1;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int
run(const char *url, const char *file, double seconds, double interval,
    int answer_mode, const char *outfile, const char *latfile)
{
	struct phone *ph = NULL;
	size_t nph = 0, cap = 0, i;
	struct epoll_event evs[256];
	int n;
	struct rlimit rl;
	char line[4096], host[64];
	FILE *fp;
	int ep, port, q;
	double start, stop;

	if (sscanf(url, "http://%63[^:]:%d", host, &port) != 2)
		die(url, "expected http://ADDR:PORT");
	memset(&server, 0, sizeof server);
	server.sin_family = AF_INET;
	server.sin_port = htons((unsigned short)port);
	inet_pton(AF_INET, host, &server.sin_addr);
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	if ((fp = fopen(file, "r")) == NULL)
		die(file, strerror(errno));
	while (fgets(line, sizeof line, fp) != NULL) {
		struct phone *p;
		char *tok, *save = NULL;

		xgrow(&ph, &cap, nph + 1, sizeof *ph);
		p = &ph[nph++];
		memset(p, 0, sizeof *p);
		p->fd = -1;
		tok = strtok_r(line, " \n", &save);
		snprintf(p->sid, sizeof p->sid, "%s", tok);
		snprintf(p->csrf, sizeof p->csrf, "%s",
		    strtok_r(NULL, " \n", &save));
		p->aid = atoll(strtok_r(NULL, " \n", &save));
		while ((tok = strtok_r(NULL, " \n", &save)) != NULL &&
		    p->nitems < MAX_ITEMS) {
			sscanf(tok, "%d:%d", &p->type[p->nitems],
			    &p->nopt[p->nitems]);
			p->nitems++;
		}
	}
	fclose(fp);
	ep = epoll_create1(0);
	/* Every phone connected before the clock starts: a request is timed
	 * from its send, and must not carry the connection's set-up (2,000
	 * SYNs at once overflow the listen queue, and a dropped SYN is sent
	 * again a second later). */
	{
		size_t up = 0, want = 0;
		double dl = now_s() + 60;

		for (i = 0; i < nph; i++)
			if (phone_connect(&ph[i], ep) != 0)
				n_err++;
			else
				want++;
		while (up < want && now_s() < dl) {
			n = epoll_wait(ep, evs, 256, 100);
			for (q = 0; q < n; q++) {
				struct phone *p = evs[q].data.ptr;
				int err = 0;
				socklen_t len = sizeof err;

				if (p->fd < 0 || p->connected ||
				    !(evs[q].events & (EPOLLOUT | EPOLLERR |
				    EPOLLHUP)))
					continue;
				p->connected = 1;
				up++;
				if (getsockopt(p->fd, SOL_SOCKET, SO_ERROR,
				    &err, &len) != 0 || err != 0) {
					n_err++;
					phone_drop(p, ep);
				}
			}
		}
	}
	start = now_s();
	stop = start + seconds;
	srand(1);
	for (i = 0; i < nph; i++)
		ph[i].next_at = start + interval * rand() / RAND_MAX;
	for (;;) {
		double t = now_s();
		int busy = 0;

		if (t >= stop) {
			/* No new requests; wait for those under way. */
			for (i = 0; i < nph; i++)
				busy += ph[i].fd >= 0 && ph[i].state != IDLE;
			if (busy == 0 || t >= stop + 30)
				break;
		}
		n = epoll_wait(ep, evs, 256, 5);

		for (q = 0; q < n; q++) {
			struct phone *p = evs[q].data.ptr;
			int status = 0, rc = 0;

			if (p->fd < 0)
				continue;
			if (p->state == IDLE) {
				/* The server closed a kept-alive connection. */
				if (evs[q].events & (EPOLLIN | EPOLLRDHUP |
				    EPOLLHUP | EPOLLERR))
					phone_drop(p, ep);
				continue;
			}
			if (p->state == SENDING)
				rc = phone_write(p);
			if (rc == 0 && p->state == READING &&
			    (rc = phone_read(p, &status)) == 1) {
				double l = now_s() - p->sent_at;

				xgrow(&lat, &caplat, nlat + 1, sizeof *lat);
				lat[nlat++] = l;
				n_req++;
				if (status != (answer_mode ? 303 : 200))
					n_err++;
				else if (answer_mode) {
					snprintf(p->last[p->q],
					    sizeof p->last[p->q], "%s",
					    p->pending);
					p->q = (p->q + 1) % p->nitems;
					if (p->q == 0)
						p->round++;
				}
				p->state = IDLE;
				p->next_at += interval;
			}
			if (rc < 0) {
				n_err++;
				if (answer_mode)
					snprintf(p->maybe[p->q],
					    sizeof p->maybe[p->q], "%s",
					    p->pending);
				phone_drop(p, ep);
				p->next_at += interval;
			}
		}
		if (t >= stop)
			continue;
		t = now_s();
		for (i = 0; i < nph; i++) {
			struct phone *p = &ph[i];

			if (p->state != IDLE || p->next_at > t)
				continue;
			if (p->fd < 0) {
				n_reconnect++;
				if (phone_connect(p, ep) != 0) {
					n_err++;
					p->next_at += interval;
					continue;
				}
			}
			phone_send(p, answer_mode);
			if (phone_write(p) < 0) {
				n_err++;
				phone_drop(p, ep);
				p->next_at += interval;
			}
		}
	}
	/* Requests still out at the end are not counted either way. */
	qsort(lat, nlat, sizeof *lat, cmp_double);
	printf("phones %zu requests %ld errors %ld reconnects %ld p50_ms %.2f "
	    "p99_ms %.2f max_ms %.2f rate %.0f\n", nph, n_req, n_err,
	    n_reconnect, nlat ? 1000 * lat[nlat / 2] : 0,
	    nlat ? 1000 * lat[(size_t)(nlat * 0.99)] : 0,
	    nlat ? 1000 * lat[nlat - 1] : 0, n_req / seconds);
	if (latfile != NULL) {
		if ((fp = fopen(latfile, "a")) == NULL)
			die(latfile, strerror(errno));
		for (i = 0; i < nlat; i++)
			fprintf(fp, "%.3f\n", 1000 * lat[i]);
		if (fclose(fp) != 0)
			die(latfile, strerror(errno));
	}
	if (answer_mode) {
		if ((fp = fopen(outfile, "w")) == NULL)
			die(outfile, strerror(errno));
		for (i = 0; i < nph; i++)
			for (q = 0; q < ph[i].nitems; q++)
				if (ph[i].last[q][0] != '\0')
					fprintf(fp, "%lld %d %s %s\n",
					    ph[i].aid, q, ph[i].last[q],
					    ph[i].maybe[q][0] != '\0' ?
					    ph[i].maybe[q] : "-");
		fclose(fp);
	}
	for (i = 0; i < nph; i++)
		phone_drop(&ph[i], ep);
	close(ep);
	free(ph);
	free(lat);
	return 0;
}

/* ------------------------------------------------------------ check */

static int
check(const char *db, const char *file)
{
	struct store *s;
	char *cause = NULL, resp[128], alt[128];
	sqlite3_stmt *st;
	long long aid;
	long lost = 0, checked = 0;
	int seq;
	FILE *fp;

	if (store_open(db, STORE_OPEN, &s, &cause) != 0)
		die(db, cause);
	if ((fp = fopen(file, "r")) == NULL)
		die(file, strerror(errno));
	st = store_prepare(s, "SELECT response FROM paper_item"
	    " WHERE attempt_id = ?1 AND seq = ?2");
	/* The stored response is the last confirmed one, or one sent after
	 * it whose confirmation the phone never got (a dropped connection). */
	while (fscanf(fp, "%lld %d %127s %127s", &aid, &seq, resp, alt) == 4) {
		sqlite3_bind_int64(st, 1, aid);
		sqlite3_bind_int(st, 2, seq);
		if (sqlite3_step(st) != SQLITE_ROW ||
		    (strcmp(store_text(st, 0), resp) != 0 &&
		    strcmp(store_text(st, 0), alt) != 0))
			lost++;
		sqlite3_reset(st);
		checked++;
	}
	sqlite3_finalize(st);
	fclose(fp);
	store_free(&s);
	printf("checked %ld lost %ld\n", checked, lost);
	return lost == 0 ? 0 : 1;
}

/* ------------------------------------------------------------- sync */

static int
sync_floor(const char *path, double seconds)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	double start, t0;
	int i = 0;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		die(path, sqlite3_errmsg(db));
	if (sqlite3_exec(db, "PRAGMA journal_mode = WAL;"
	    "PRAGMA synchronous = FULL;"
	    "CREATE TABLE IF NOT EXISTS floor (id INTEGER PRIMARY KEY,"
	    " response TEXT NOT NULL)", NULL, NULL, NULL) != SQLITE_OK)
		die(path, sqlite3_errmsg(db));
	if (sqlite3_prepare_v2(db, "INSERT INTO floor (response)"
	    " VALUES ('0,1,2,3')", -1, &st, NULL) != SQLITE_OK)
		die(path, sqlite3_errmsg(db));
	/* Past the first turn of the WAL (SQLite's auto-checkpoint at 1,000
	 * pages), as in a server that has run a while: then each commit
	 * overwrites WAL blocks instead of growing the file. */
	for (i = 0; i < 1100; i++) {
		if (sqlite3_step(st) != SQLITE_DONE)
			die(path, sqlite3_errmsg(db));
		sqlite3_reset(st);
	}
	i = 0;
	start = now_s();
	while ((t0 = now_s()) < start + seconds) {
		if (sqlite3_step(st) != SQLITE_DONE)
			die(path, sqlite3_errmsg(db));
		sqlite3_reset(st);
		xgrow(&lat, &caplat, nlat + 1, sizeof *lat);
		lat[nlat++] = now_s() - t0;
		i++;
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	qsort(lat, nlat, sizeof *lat, cmp_double);
	printf("commits %d p50_ms %.2f p99_ms %.2f max_ms %.2f\n", i,
	    nlat ? 1000 * lat[nlat / 2] : 0,
	    nlat ? 1000 * lat[(size_t)(nlat * 0.99)] : 0,
	    nlat ? 1000 * lat[nlat - 1] : 0);
	free(lat);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 6 && strcmp(argv[1], "setup") == 0)
		return setup(argv[2], argv[3], atoi(argv[4]), argv[5]);
	if ((argc == 8 || argc == 9) && strcmp(argv[1], "run") == 0)
		return run(argv[2], argv[3], atof(argv[4]), atof(argv[5]),
		    strcmp(argv[6], "answer") == 0, argv[7],
		    argc == 9 ? argv[8] : NULL);
	if (argc == 4 && strcmp(argv[1], "sync") == 0)
		return sync_floor(argv[2], atof(argv[3]));
	if (argc == 4 && strcmp(argv[1], "check") == 0)
		return check(argv[2], argv[3]);
	fprintf(stderr, "usage: web-phones setup DB COHORT N FILE | run URL "
	    "FILE SECONDS INTERVAL answer|static OUT [LAT] | check DB OUT | "
	    "sync DB SECONDS\n");
	return 2;
}
