/*
 * The browser sitting (firstline serve): the written test on a phone,
 * rendered by the server as small HTML pages that work with scripts off.
 *
 * Layers, one feature per file:
 *   server.c   libmicrohttpd: the daemon, its limits, TLS, signals, and
 *              the only place a request and a response are touched;
 *   forms.c    the fields of a request (query and url-encoded body,
 *              parsed by libmicrohttpd), checked to be UTF-8 and small;
 *   session.c  sessions stored in the database, cookies and CSRF tokens;
 *   routes.c   what each address does: the core calls (trainee_login,
 *              attempt_open, attempt_answer ...) and the redirects;
 *   pages.c, page-question.c   pure rendering from core results to
 *              escaped HTML (no I/O);
 *   writer.c   group commit: the answers of many phones synced at once;
 *   buf.c      the growing buffer pages are written into, with escaping;
 *   assets.c   the style sheet and the optional clock script.
 * Nothing here decides a rule of the exam: the core does (src/core).
 */
#ifndef FIRSTLINE_WEB_H
#define FIRSTLINE_WEB_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

struct store;
struct attempt;
struct trainee;

/* ------------------------------------------------------------ buffer */

struct wbuf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

void wb_init(struct wbuf *b);
void wb_release(struct wbuf *b);
void wb_put(struct wbuf *b, const char *s);
void wb_printf(struct wbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* s with &, <, >, " and ' escaped (text and double-quoted attributes). */
void wb_esc(struct wbuf *b, const char *s);
/* wb_esc of a printf result. */
void wb_escf(struct wbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Take the text (NUL-terminated, never NULL); b is empty afterwards. */
char *wb_take(struct wbuf *b, size_t *len);

/* Whether the n bytes at s are valid UTF-8 without NUL or C0 controls
 * other than tab, CR and LF. */
int web_utf8_ok(const char *s, size_t n);

/* -------------------------------------------------------- languages */

/*
 * The interface string in the page's language: en (a gettext msgid,
 * marked N_) for English; for Chinese the catalogue's translation when the
 * server's locale provides one, else the built-in zh.  Per request, never a
 * process-wide switch (requests in both languages run at once).
 */
const char *web_tr(int zh, const char *en, const char *zh_text)
    __attribute__((format_arg(2))) __attribute__((format_arg(3)));
/* The same for a text with a count n: the English singular or plural
 * (ngettext: "1 question", "2 questions"), or the Chinese, which has one
 * form (xgettext keyword TN:1,2 for the pages' macro TN). */
const char *web_trn(int zh, const char *en, const char *en_plural,
    const char *zh_text, unsigned long n) __attribute__((format_arg(2)))
    __attribute__((format_arg(3))) __attribute__((format_arg(4)));

/* ------------------------------------------------------------- forms */

#define WEB_FIELDS_MAX	16
#define WEB_FIELD_MAX	256	/* bytes of one value */

struct web_form {
	size_t	 n;
	char	*key[WEB_FIELDS_MAX];
	char	*val[WEB_FIELDS_MAX];
	int	 bad;		/* too many, too long, or not UTF-8 */
};

void web_form_release(struct web_form *f);
/* Add a field (copied); sets bad when it does not fit the limits. */
void web_form_add(struct web_form *f, const char *key, const char *val,
    size_t len);
/* The value of key, or NULL. */
const char *web_form_get(const struct web_form *f, const char *key);
/* Every value of key in order, for checkboxes: how many, up to max. */
size_t web_form_all(const struct web_form *f, const char *key,
    const char **out, size_t max);

/* ---------------------------------------------------------- session */

#define WEB_SID_HEX	64	/* the cookie: 32 random bytes */
#define WEB_CSRF_HEX	32

struct web_session {
	sqlite3_int64	 id;
	sqlite3_int64	 trainee_id;
	sqlite3_int64	 attempt_id;
	char		 token[65];		/* the attempt's session token */
	char		 csrf[WEB_CSRF_HEX + 1];
	int		 zh;
};

/* How long a session lives after its login. */
#define WEB_SESSION_MAX_S	(12 * 3600)

/*
 * Store a new session for t's attempt a (after trainee_login and
 * attempt_open): the cookie value in sid (random, only its SHA-256 is
 * stored), the session in *ws.  0, or -1 and *cause.
 */
int web_session_create(struct store *s, const struct trainee *t,
    const struct attempt *a, int zh, const char *address,
    char sid[WEB_SID_HEX + 1], struct web_session *ws, char **cause);
/* The live session of cookie value sid: 0 and *ws, or -1 (none). */
int web_session_find(struct store *s, const char *sid, struct web_session *ws);
/* End the session of cookie value sid.  0, or -1 and *cause. */
int web_session_delete(struct store *s, const char *sid, char **cause);
/* Whether the form's csrf field is this session's token (constant time). */
int web_csrf_ok(const struct web_session *ws, const char *given);

/*
 * The login form has no session yet: its CSRF token is a MAC, under the
 * database secret, of a random pre-login cookie (double submit).  Writes
 * the token for cookie value pre into out.  0, or -1 and *cause.
 */
int web_login_csrf(struct store *s, const char *pre,
    char out[WEB_SID_HEX + 1], char **cause);

/* ------------------------------------------------------------ writer */

/* A write: core calls on the writer's connection.  0, -1, ATTEMPT_*. */
typedef int (*web_write_fn)(struct store *s, void *arg, char **cause);
/* Told on the writer thread when a write's group is committed (rc 0:
 * durable) or failed; owns cause. */
typedef void (*web_written_fn)(void *arg, int rc, char *cause);

/*
 * Start the writer thread on database db, and the checkpointer thread
 * (the writer's commits never checkpoint).  0, or -1 and *cause.
 */
int web_writer_start(const char *db, char **cause);
/*
 * Run fn(arg) in the writer's next group transaction and return its
 * result once the group is committed (synced): 0 means durable.  A group
 * that fails to commit fails every write in it (-1, *cause).
 */
int web_write(web_write_fn fn, void *arg, char **cause);
/*
 * The same without waiting: done(done_arg, rc, cause) is called on the
 * writer thread once the group is committed or failed.  0, or -1 and
 * *cause (the writer is not running; done is not called).
 */
int web_write_async(web_write_fn fn, void *arg, web_written_fn done,
    void *done_arg, char **cause);
/* Finish the queued writes and stop; how many groups and writes ran. */
void web_writer_stop(unsigned long *groups, unsigned long *writes);
/* Report s's commits to the checkpointer (instead of SQLite's
 * auto-checkpoint on s): every connection of the server. */
void web_writer_watch(struct store *s);
/* How many checkpoints ran and the WAL's largest size, on one line. */
void web_writer_checkpoints(FILE *fp);

/* ------------------------------------------------------------- stats */

/* Where an answer's time goes (stats.c), printed when the server stops. */
enum web_stat {
	WEB_STAT_ANSWER,	/* a POST that wrote: handler in to response */
	WEB_STAT_BEFORE,	/* its reads before the write */
	WEB_STAT_QUEUE,		/* queued until its group began */
	WEB_STAT_RUN,		/* the group's core calls */
	WEB_STAT_COMMIT,	/* the group's COMMIT (WAL write, sync) */
	WEB_STAT_CHECKPOINT,	/* one checkpoint beside the writer */
	WEB_STAT_CHECKPOINT_HOLD, /* the rest, the writer held */
	WEB_STAT_GROUP_SIZE,	/* writes per group (a count, not a time) */
	WEB_STAT_N
};

/* A monotonic clock in seconds. */
double web_now(void);
/* Count one sample of k, in seconds (a count for WEB_STAT_GROUP_SIZE:
 * pass n / 1e6). */
void web_stat_add(enum web_stat k, double v);
/* One line per stage that has samples: n, mean, p50, p99, max. */
void web_stat_print(FILE *fp);

/* ------------------------------------------------------------ routes */

struct web_resp;

/*
 * Writes a route leaves to the server: fn(arg) goes to the writer (group
 * commit) and, once committed or failed, finish(arg, rc, cause, resp)
 * makes the response (and frees cause); release(arg) at the end.
 */
struct web_deferred {
	web_write_fn	 fn;
	void		(*finish)(void *arg, int rc, char *cause,
			    struct web_resp *resp);
	void		(*release)(void *arg);
	void		*arg;
};

/* What a route answers; server.c turns it into an HTTP response. */
struct web_resp {
	struct web_deferred *deferred;	/* writes first: the rest is unset */
	int		 status;
	const char	*type;		/* Content-Type */
	char		*body;
	size_t		 len;
	int		 is_static;	/* body is not to be freed */
	char		*location;	/* a redirect (303) to this path */
	char		*cookie[3];	/* Set-Cookie values */
	int		 cache;		/* may be cached (assets) */
};

struct web_req {
	const char	*method;	/* "GET", "POST", "HEAD" */
	const char	*path;
	struct web_form	 query;
	struct web_form	 body;
	const char	*cookie_sid;	/* the cookie values, or NULL */
	const char	*cookie_pre;
	const char	*address;	/* the client, numeric */
	int		 tls;
	struct store	*s;		/* this thread's connection */
	time_t		 now;
};

/* Answer req into resp (status, body, redirect, cookies). */
void web_route(struct web_req *req, struct web_resp *resp);
void web_resp_release(struct web_resp *resp);

/* A plain error page in both languages with status. */
void web_error(struct web_resp *resp, int status, const char *en,
    const char *zh);

/* ------------------------------------------------------------ assets */

extern const char web_style_css[];
extern const char web_clock_js[];

/* ------------------------------------------------------------- pages */

/* What a page needs besides the attempt. */
struct web_page {
	int		 zh;
	const char	*csrf;		/* NULL before login */
	const char	*notice;	/* a message at the top, or NULL */
	int		 notice_error;
	time_t		 now;
};

/* The page's language side of a paper text (the other when empty). */
struct ltext;
const char *page_text(const struct web_page *pg, const struct ltext *t);

/* Language choice and login form. */
void page_login(struct wbuf *b, const struct web_page *pg,
    const char *ticket);
/* The instructions before the first question (name, count, clock). */
void page_instructions(struct wbuf *b, const struct web_page *pg,
    const struct attempt *a, const char *name, const char *ticket,
    const char *community);
/* Question i (0-based) with its form. */
void page_question(struct wbuf *b, const struct web_page *pg,
    const struct attempt *a, size_t i);
/* The list of all questions: answered, flagged, empty. */
void page_list(struct wbuf *b, const struct web_page *pg,
    const struct attempt *a);
/* The submit confirmation with the empty and flagged counts. */
void page_submit(struct wbuf *b, const struct web_page *pg,
    const struct attempt *a);
/*
 * The result of a closed attempt (as the exam allows); titles has the
 * columns module,title_zh,title_en (header row first).
 */
struct table;
void page_result(struct wbuf *b, const struct web_page *pg,
    const struct attempt *a, const struct table *titles);
/* A page saying the sitting moved to another device. */
void page_taken_over(struct wbuf *b, const struct web_page *pg);
/* A short page with a message and a link. */
void page_message(struct wbuf *b, const struct web_page *pg,
    const char *title, const char *text, const char *href,
    const char *link);

/* Page frame: head with title and style, body opened; and its end. */
void page_begin(struct wbuf *b, const struct web_page *pg, const char *title,
    const struct attempt *a);
void page_end(struct wbuf *b, const struct web_page *pg,
    const struct attempt *a);

/* ------------------------------------------------------------ server */

#define WEB_TRUSTED_MAX	16

struct web_config {
	const char	*db;		/* database path */
	const char	*listen;	/* "ADDR:PORT", "[v6]:PORT" or "PORT" */
	const char	*cert;		/* PEM files, both or neither */
	const char	*key;
	unsigned	 threads;	/* worker threads (epoll each) */
	unsigned	 max_conns;
	unsigned	 per_ip;	/* connections per client address */
	unsigned	 timeout_s;	/* idle connection timeout */
	/* Reverse proxies (numeric addresses, at most WEB_TRUSTED_MAX)
	 * whose X-Forwarded-For is believed: its last entry is then the
	 * client's address. */
	const char	**trusted;
	size_t		 ntrusted;
};

/*
 * Serve until SIGTERM or SIGINT; the requests being answered then are
 * finished (their answers committed) before it returns.  Prints the
 * address it listens on to stdout once it accepts connections.  0, or -1
 * and *cause (address in use, unreadable certificate ...).
 */
int web_serve(const struct web_config *cfg, char **cause);

#endif
