/*
 * The HTTP(S) server of the browser sitting, on libmicrohttpd: the only
 * file that touches a request or a response.  Worker threads each run an
 * epoll loop (MHD_USE_EPOLL with a thread pool) and own one database
 * connection.  Limits: connections in all and per client address, an idle
 * timeout (a slow client is cut off, not waited for), memory per
 * connection (which bounds the headers) and a small body, read through
 * libmicrohttpd's url-encoded form parser.  Every response carries the
 * strict headers (Content-Security-Policy, no caching of exam pages,
 * nosniff, no framing, no referrer).  SIGTERM or SIGINT stops accepting,
 * lets the requests being answered finish (answers committed) and
 * returns.
 */
#include "config.h"

#include "web.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>

#include "core/i18n.h"
#include "core/store.h"
#include "core/xalloc.h"

/* The largest body we read: our forms are a few hundred bytes. */
#define WEB_BODY_MAX		8192
/* Memory per connection, which also bounds the request headers. */
#define WEB_CONN_MEMORY		(32 * 1024)

/* A numeric address: IPv4 (a v4-mapped IPv6 address counts as its IPv4
 * one) or IPv6. */
struct web_addr {
	int		 family;
	unsigned char	 a[16];
};

struct web_server {
	const struct web_config	*cfg;
	int			 tls;
	struct web_addr		 trusted[WEB_TRUSTED_MAX]; /* parsed */
	pthread_key_t		 store_key;
	/* Connections suspended while their writes are committed; none is
	 * suspended any more once stopping is set. */
	pthread_mutex_t		 lock;
	pthread_cond_t		 idle;
	unsigned		 suspended;
	int			 stopping;
};

/* A request being read. */
struct web_conn {
	struct MHD_PostProcessor	*pp;
	struct web_form			 query;
	struct web_form			 body;
	char				 body_buf[WEB_BODY_MAX];
	size_t				 body_len;
	int				 refused;	/* answered early */
	/* The url-encoded field being read (libmicrohttpd may hand a
	 * value over in pieces). */
	char				*cur_key;
	char				 cur_val[WEB_FIELD_MAX + 1];
	size_t				 cur_len;
	int				 cur_big;
	/* Writes with the writer: the connection is suspended (it holds
	 * no thread) until they are committed. */
	struct web_server		*ws;
	struct MHD_Connection		*conn;
	struct web_deferred		*def;
	int				 suspended;
	int				 wrc;
	char				*wcause;
};

static void
web_store_free(void *p)
{
	struct store *s = p;

	store_free(&s);
}

/* This worker thread's database connection, opened on first use. */
static struct store *
web_thread_store(struct web_server *ws)
{
	struct store *s = pthread_getspecific(ws->store_key);
	char *cause = NULL;

	if (s != NULL)
		return s;
	if (store_open(ws->cfg->db, STORE_OPEN, &s, &cause) != 0) {
		fprintf(stderr, "firstline serve: %s\n", cause);
		free(cause);
		return NULL;
	}
	web_writer_watch(s);	/* its commits wake the checkpointer */
	pthread_setspecific(ws->store_key, s);
	return s;
}

static void
web_field_flush(struct web_conn *wc)
{
	if (wc->cur_key == NULL)
		return;
	if (wc->cur_big)
		wc->body.bad = 1;
	else
		web_form_add(&wc->body, wc->cur_key, wc->cur_val,
		    wc->cur_len);
	free(wc->cur_key);
	wc->cur_key = NULL;
	wc->cur_len = 0;
	wc->cur_big = 0;
}

static enum MHD_Result
web_post_field(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *filename, const char *content_type,
    const char *transfer_encoding, const char *data, uint64_t off,
    size_t size)
{
	struct web_conn *wc = cls;

	(void)kind;
	(void)filename;
	(void)content_type;
	(void)transfer_encoding;
	if (key == NULL)
		return MHD_YES;
	if (off == 0 || wc->cur_key == NULL || strcmp(wc->cur_key, key) != 0) {
		web_field_flush(wc);
		wc->cur_key = xstrdup(key);
	}
	if (wc->cur_len + size > WEB_FIELD_MAX)
		wc->cur_big = 1;
	else if (size > 0) {
		memcpy(wc->cur_val + wc->cur_len, data, size);
		wc->cur_len += size;
	}
	return MHD_YES;
}

static enum MHD_Result
web_query_field(void *cls, enum MHD_ValueKind kind, const char *key,
    size_t key_size, const char *value, size_t value_size)
{
	struct web_form *f = cls;

	(void)kind;
	if (strlen(key) != key_size)
		f->bad = 1;
	else
		web_form_add(f, key, value != NULL ? value : "",
		    value != NULL ? value_size : 0);
	return MHD_YES;
}

/* wc is no longer suspended (resumed, or closed). */
static void
web_conn_unsuspend(struct web_conn *wc)
{
	struct web_server *ws = wc->ws;

	if (!wc->suspended)
		return;
	wc->suspended = 0;
	pthread_mutex_lock(&ws->lock);
	if (--ws->suspended == 0)
		pthread_cond_broadcast(&ws->idle);
	pthread_mutex_unlock(&ws->lock);
}

static void
web_conn_free(struct web_conn *wc)
{
	if (wc == NULL)
		return;
	web_conn_unsuspend(wc);
	if (wc->def != NULL) {
		wc->def->release(wc->def->arg);
		free(wc->def);
	}
	free(wc->wcause);
	if (wc->pp != NULL)
		MHD_destroy_post_processor(wc->pp);
	free(wc->cur_key);
	web_form_release(&wc->query);
	web_form_release(&wc->body);
	free(wc);
}

static void
web_completed(void *cls, struct MHD_Connection *c, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)c;
	(void)toe;
	web_conn_free(*con_cls);
	*con_cls = NULL;
}

/* Send resp with the strict headers. */
static enum MHD_Result
web_send(struct MHD_Connection *c, struct web_resp *r)
{
	struct MHD_Response *m;
	enum MHD_Result rc;
	size_t i;

	if (r->is_static)
		m = MHD_create_response_from_buffer(r->len, r->body,
		    MHD_RESPMEM_PERSISTENT);
	else {
		m = MHD_create_response_from_buffer(r->len, r->body,
		    MHD_RESPMEM_MUST_FREE);
		r->body = NULL;	/* libmicrohttpd frees it */
	}
	if (m == NULL) {
		web_resp_release(r);
		return MHD_NO;
	}
	MHD_add_response_header(m, MHD_HTTP_HEADER_CONTENT_TYPE, r->type);
	MHD_add_response_header(m, MHD_HTTP_HEADER_CACHE_CONTROL, r->cache ?
	    "public, max-age=3600" : "no-store");
	if (!r->cache)
		MHD_add_response_header(m, "Pragma", "no-cache");
	MHD_add_response_header(m, "Content-Security-Policy",
	    "default-src 'self'; form-action 'self'; frame-ancestors 'none';"
	    " base-uri 'none'");
	MHD_add_response_header(m, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(m, "X-Frame-Options", "DENY");
	MHD_add_response_header(m, "Referrer-Policy", "no-referrer");
	if (r->status == 405)
		MHD_add_response_header(m, "Allow", "GET, HEAD, POST");
	if (r->location != NULL)
		MHD_add_response_header(m, MHD_HTTP_HEADER_LOCATION,
		    r->location);
	for (i = 0; i < sizeof r->cookie / sizeof r->cookie[0]; i++)
		if (r->cookie[i] != NULL)
			MHD_add_response_header(m, MHD_HTTP_HEADER_SET_COOKIE,
			    r->cookie[i]);
	rc = MHD_queue_response(c, (unsigned)r->status, m);
	MHD_destroy_response(m);
	web_resp_release(r);
	return rc;
}

static enum MHD_Result
web_refuse(struct MHD_Connection *c, struct web_conn *wc, int status,
    const char *en, const char *zh)
{
	struct web_resp r;

	wc->refused = 1;
	memset(&r, 0, sizeof r);
	web_error(&r, status, en, zh);
	return web_send(c, &r);
}

/* On the writer thread: wc's writes are committed (or failed). */
static void
web_conn_written(void *arg, int rc, char *cause)
{
	struct web_conn *wc = arg;

	wc->wrc = rc;
	wc->wcause = cause;
	MHD_resume_connection(wc->conn);	/* wc is not ours after this */
}

/*
 * A route left writes in r: suspend the connection and queue them (the
 * handler is called again once they are committed: web_resumed); while
 * the server stops, write and answer on this thread instead.
 */
static enum MHD_Result
web_defer(struct web_server *ws, struct MHD_Connection *c,
    struct web_conn *wc, struct web_resp *r)
{
	struct web_deferred *d = r->deferred;
	char *cause = NULL;
	int rc, async;

	r->deferred = NULL;
	pthread_mutex_lock(&ws->lock);
	if ((async = !ws->stopping))
		ws->suspended++;
	pthread_mutex_unlock(&ws->lock);
	if (async) {
		wc->ws = ws;
		wc->conn = c;
		wc->def = d;
		wc->suspended = 1;
		/* Suspended before queued: the writer may resume it at once. */
		MHD_suspend_connection(c);
		if (web_write_async(d->fn, d->arg, web_conn_written, wc,
		    &cause) != 0) {
			wc->wrc = -1;
			wc->wcause = cause;
			MHD_resume_connection(c);
		}
		return MHD_YES;
	}
	rc = web_write(d->fn, d->arg, &cause);
	d->finish(d->arg, rc, cause, r);
	d->release(d->arg);
	free(d);
	return web_send(c, r);
}

/* The handler again after web_defer: the response to the writes. */
static enum MHD_Result
web_resumed(struct MHD_Connection *c, struct web_conn *wc)
{
	struct web_resp r;
	struct web_deferred *d = wc->def;

	web_conn_unsuspend(wc);
	wc->def = NULL;
	d->finish(d->arg, wc->wrc, wc->wcause, &r);
	wc->wcause = NULL;
	d->release(d->arg);
	free(d);
	return web_send(c, &r);
}

/* The numeric address s: 0 and *out, or -1. */
static int
web_addr_parse(const char *s, struct web_addr *out)
{
	memset(out, 0, sizeof *out);
	if (inet_pton(AF_INET, s, out->a) == 1) {
		out->family = AF_INET;
		return 0;
	}
	if (inet_pton(AF_INET6, s, out->a) != 1)
		return -1;
	out->family = AF_INET6;
	if (IN6_IS_ADDR_V4MAPPED((struct in6_addr *)out->a)) {
		memmove(out->a, out->a + 12, 4);
		memset(out->a + 4, 0, 12);
		out->family = AF_INET;
	}
	return 0;
}

/* x as text into buf (the canonical form). */
static void
web_addr_text(const struct web_addr *x, char *buf, size_t size)
{
	if (inet_ntop(x->family, x->a, buf, (socklen_t)size) == NULL)
		snprintf(buf, size, "unknown");
}

/* The last X-Forwarded-For header of a request. */
struct web_xff {
	const char	*value;
};

static enum MHD_Result
web_xff_field(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	struct web_xff *x = cls;

	(void)kind;
	if (key != NULL && strcasecmp(key, "X-Forwarded-For") == 0)
		x->value = value;
	return MHD_YES;
}

/*
 * The client's numeric address into buf: the peer's, or, when the peer is
 * a trusted proxy that sent X-Forwarded-For, the last address in it (the
 * one the proxy itself added; earlier ones come from the client and prove
 * nothing).  A malformed one is said on stderr and the peer's is used.
 */
static void
web_client_address(struct web_server *ws, struct MHD_Connection *c,
    char *buf, size_t size)
{
	const union MHD_ConnectionInfo *ci;
	const struct sockaddr *sa;
	struct web_addr peer, fwd;
	struct web_xff xff = { NULL };
	char last[64], shown[80];
	const char *p, *e;
	size_t i, n;

	snprintf(buf, size, "unknown");
	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci == NULL || (sa = ci->client_addr) == NULL)
		return;
	memset(&peer, 0, sizeof peer);
	if (sa->sa_family == AF_INET) {
		peer.family = AF_INET;
		memcpy(peer.a, &((const struct sockaddr_in *)sa)->sin_addr, 4);
	} else if (sa->sa_family == AF_INET6) {
		const struct in6_addr *a6 =
		    &((const struct sockaddr_in6 *)sa)->sin6_addr;

		peer.family = AF_INET6;
		memcpy(peer.a, a6, 16);
		if (IN6_IS_ADDR_V4MAPPED(a6)) {
			memmove(peer.a, peer.a + 12, 4);
			memset(peer.a + 4, 0, 12);
			peer.family = AF_INET;
		}
	} else
		return;
	web_addr_text(&peer, buf, size);
	for (i = 0; i < ws->cfg->ntrusted; i++)
		if (ws->trusted[i].family == peer.family &&
		    memcmp(ws->trusted[i].a, peer.a, 16) == 0)
			break;
	if (i == ws->cfg->ntrusted)
		return;		/* not a proxy of ours: its header is ignored */
	MHD_get_connection_values(c, MHD_HEADER_KIND, web_xff_field, &xff);
	if (xff.value == NULL)
		return;
	/* The last entry, without the spaces around it. */
	p = strrchr(xff.value, ',');
	p = p != NULL ? p + 1 : xff.value;
	while (*p == ' ' || *p == '\t')
		p++;
	for (e = p + strlen(p); e > p && (e[-1] == ' ' || e[-1] == '\t'); e--)
		;
	n = (size_t)(e - p);
	if (n > 0 && n < sizeof last) {
		memcpy(last, p, n);
		last[n] = '\0';
		if (web_addr_parse(last, &fwd) == 0) {
			web_addr_text(&fwd, buf, size);
			return;
		}
	}
	/* Said with its controls masked (it is the client's text). */
	for (i = 0; xff.value[i] != '\0' && i < sizeof shown - 1; i++)
		shown[i] = isprint((unsigned char)xff.value[i]) ?
		    xff.value[i] : '?';
	shown[i] = '\0';
	fprintf(stderr, "firstline serve: X-Forwarded-For \"%s\" from the "
	    "trusted proxy %s ends in no address; the proxy's is used\n",
	    shown, buf);
}

static enum MHD_Result
web_handler(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload_data,
    size_t *upload_data_size, void **con_cls)
{
	struct web_server *ws = cls;
	struct web_conn *wc = *con_cls;
	struct web_req req;
	struct web_resp resp;
	char address[64];
	int post = strcmp(method, "POST") == 0;

	(void)version;
	if (wc != NULL && wc->def != NULL)
		return web_resumed(c, wc);
	if (wc == NULL) {
		const char *len, *type;

		wc = xcalloc(1, sizeof *wc);
		wc->ws = ws;
		*con_cls = wc;
		if (!web_utf8_ok(url, strlen(url)) || strlen(url) > 256)
			return web_refuse(c, wc, 400, "This address is not "
			    "one of ours.", "无效的地址。");
		MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND,
		    web_query_field, &wc->query);
		if (!post)
			return MHD_YES;
		len = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		    MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (len != NULL && strtoull(len, NULL, 10) > WEB_BODY_MAX)
			return web_refuse(c, wc, 413, "This request is too "
			    "large.", "请求过大。");
		type = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		    MHD_HTTP_HEADER_CONTENT_TYPE);
		if (type == NULL || strncasecmp(type,
		    MHD_HTTP_POST_ENCODING_FORM_URLENCODED,
		    strlen(MHD_HTTP_POST_ENCODING_FORM_URLENCODED)) != 0)
			return web_refuse(c, wc, 415, "This form is not one "
			    "of ours.", "无效的表单。");
		wc->pp = MHD_create_post_processor(c, 1024, web_post_field,
		    wc);
		if (wc->pp == NULL)
			return web_refuse(c, wc, 400, "This form is not one "
			    "of ours.", "无效的表单。");
		return MHD_YES;
	}
	if (*upload_data_size > 0) {
		size_t n = *upload_data_size;

		*upload_data_size = 0;
		if (wc->refused || !post)
			return MHD_YES;	/* discarded */
		if (n > WEB_BODY_MAX - wc->body_len)
			return web_refuse(c, wc, 413, "This request is too "
			    "large.", "请求过大。");
		/* Kept whole, parsed once below: fed in pieces, the parser
		 * tells a value split inside a %-escape at a piece's end as
		 * two fields (an empty one first), as it tells "a=&a=1". */
		memcpy(wc->body_buf + wc->body_len, upload_data, n);
		wc->body_len += n;
		return MHD_YES;
	}
	if (wc->refused)
		return MHD_YES;
	if (post && wc->body_len > 0 &&
	    MHD_post_process(wc->pp, wc->body_buf, wc->body_len) != MHD_YES)
		wc->body.bad = 1;
	web_field_flush(wc);

	memset(&req, 0, sizeof req);
	req.method = method;
	req.path = url;
	req.query = wc->query;
	req.body = wc->body;
	req.tls = ws->tls;
	req.now = time(NULL);
	req.cookie_sid = MHD_lookup_connection_value(c, MHD_COOKIE_KIND,
	    "fl_sid");
	req.cookie_pre = MHD_lookup_connection_value(c, MHD_COOKIE_KIND,
	    "fl_pre");
	web_client_address(ws, c, address, sizeof address);
	req.address = address;
	if ((req.s = web_thread_store(ws)) == NULL) {
		memset(&resp, 0, sizeof resp);
		web_error(&resp, 503, "The server cannot open its database.",
		    "服务器无法打开数据库。");
	} else
		web_route(&req, &resp);
	if (resp.deferred != NULL)
		return web_defer(ws, c, wc, &resp);
	return web_send(c, &resp);
}

/* Read a whole PEM file; NULL with *cause. */
static char *
web_read_pem(const char *path, char **cause)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	size_t n;

	if (fp == NULL) {
		*cause = xasprintf(_("%s: %s"), path, strerror(errno));
		return NULL;
	}
	buf = xmalloc(65537);
	n = fread(buf, 1, 65536, fp);
	if (ferror(fp) || n == 0 || !feof(fp)) {
		*cause = xasprintf(_("%s: not a PEM file of at most 64 KiB"),
		    path);
		fclose(fp);
		free(buf);
		return NULL;
	}
	fclose(fp);
	buf[n] = '\0';
	return buf;
}

/* "ADDR:PORT", "[V6]:PORT" or "PORT" into a socket address. */
static int
web_parse_listen(const char *listen, struct sockaddr_storage *ss,
    char **cause)
{
	struct addrinfo hints, *res = NULL;
	char host[128], *colon;
	const char *port;
	int rc;

	memset(&hints, 0, sizeof hints);
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE;
	if (strlen(listen) >= sizeof host)
		goto bad;
	if (listen[0] == '[') {
		snprintf(host, sizeof host, "%s", listen + 1);
		if ((colon = strstr(host, "]:")) == NULL)
			goto bad;
		*colon = '\0';
		port = colon + 2;
	} else if ((colon = strrchr(listen, ':')) != NULL) {
		snprintf(host, sizeof host, "%.*s", (int)(colon - listen),
		    listen);
		port = colon + 1;
	} else {
		snprintf(host, sizeof host, "0.0.0.0");
		port = listen;
	}
	if (*port == '\0' || strspn(port, "0123456789") != strlen(port) ||
	    atol(port) > 65535)
		goto bad;
	if ((rc = getaddrinfo(host, port, &hints, &res)) != 0 || res == NULL)
		goto bad;
	memcpy(ss, res->ai_addr, res->ai_addrlen);
	freeaddrinfo(res);
	return 0;
bad:
	*cause = xasprintf(_("--listen %s: expected ADDRESS:PORT (numeric, "
	    "e.g. 0.0.0.0:8080 or [::]:8080)"), listen);
	return -1;
}

static void
web_mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	fputs("firstline serve: ", stderr);
	vfprintf(stderr, fmt, ap);
}

int
web_serve(const struct web_config *cfg, char **cause)
{
	struct web_server ws;
	struct sockaddr_storage ss;
	struct MHD_Daemon *d;
	const union MHD_DaemonInfo *info;
	char *cert = NULL, *key = NULL, host[64];
	unsigned long groups = 0, writes = 0;
	unsigned flags;
	sigset_t set;
	int sig, port;
	size_t i;

	memset(&ws, 0, sizeof ws);
	ws.cfg = cfg;
	pthread_mutex_init(&ws.lock, NULL);
	pthread_cond_init(&ws.idle, NULL);
	if (web_parse_listen(cfg->listen, &ss, cause) != 0)
		return -1;
	if (cfg->ntrusted > WEB_TRUSTED_MAX) {
		*cause = xasprintf(_("--trusted-proxy: at most %d addresses"),
		    WEB_TRUSTED_MAX);
		return -1;
	}
	for (i = 0; i < cfg->ntrusted; i++)
		if (web_addr_parse(cfg->trusted[i], &ws.trusted[i]) != 0) {
			*cause = xasprintf(_("--trusted-proxy %s: expected a "
			    "numeric IP address (e.g. 127.0.0.1 or ::1)"),
			    cfg->trusted[i]);
			return -1;
		}
	if ((cfg->cert != NULL) != (cfg->key != NULL)) {
		*cause = xstrdup(_("--cert and --key go together"));
		return -1;
	}
	if (cfg->cert != NULL) {
		if ((cert = web_read_pem(cfg->cert, cause)) == NULL)
			return -1;
		if ((key = web_read_pem(cfg->key, cause)) == NULL) {
			free(cert);
			return -1;
		}
		ws.tls = 1;
	}
	if (web_writer_start(cfg->db, cause) != 0) {
		free(cert);
		free(key);
		return -1;
	}
	pthread_key_create(&ws.store_key, web_store_free);
	/* A connection is a descriptor: allow as many as the hard limit. */
	{
		struct rlimit rl;

		if (getrlimit(RLIMIT_NOFILE, &rl) == 0 &&
		    rl.rlim_cur < rl.rlim_max) {
			rl.rlim_cur = rl.rlim_max;
			setrlimit(RLIMIT_NOFILE, &rl);
		}
	}

	/* The workers inherit the blocked signals; this thread waits. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
	    MHD_USE_ITC | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME;
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	if (ws.tls)
		flags |= MHD_USE_TLS;
	{
		struct MHD_OptionItem tls[] = {
			{ MHD_OPTION_HTTPS_MEM_CERT, 0, cert },
			{ MHD_OPTION_HTTPS_MEM_KEY, 0, key },
			{ MHD_OPTION_END, 0, NULL },
		};

		d = MHD_start_daemon(flags, 0, NULL, NULL, web_handler, &ws,
		    MHD_OPTION_EXTERNAL_LOGGER, web_mhd_log, NULL,
		    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		    MHD_OPTION_THREAD_POOL_SIZE, cfg->threads,
		    MHD_OPTION_CONNECTION_LIMIT, cfg->max_conns,
		    MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->per_ip,
		    MHD_OPTION_CONNECTION_TIMEOUT, cfg->timeout_s,
		    MHD_OPTION_CONNECTION_MEMORY_LIMIT,
		    (size_t)WEB_CONN_MEMORY,
		    MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u,
		    MHD_OPTION_NOTIFY_COMPLETED, web_completed, NULL,
		    MHD_OPTION_ARRAY, ws.tls ? tls : tls + 2,
		    MHD_OPTION_END);
	}
	if (d == NULL) {
		*cause = xasprintf(_("cannot listen on %s%s (in use, not "
		    "allowed, or a bad certificate)"), cfg->listen,
		    ws.tls ? " with TLS" : "");
		free(cert);
		free(key);
		web_writer_stop(NULL, NULL);
		pthread_sigmask(SIG_UNBLOCK, &set, NULL);
		return -1;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	port = info != NULL ? info->port : 0;
	if (getnameinfo((struct sockaddr *)&ss, ss.ss_family == AF_INET6 ?
	    sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in), host,
	    sizeof host, NULL, 0, NI_NUMERICHOST) != 0)
		snprintf(host, sizeof host, "?");
	printf(_("firstline serve: listening on %s://%s%s%s:%d/\n"),
	    ws.tls ? "https" : "http", ss.ss_family == AF_INET6 ? "[" : "",
	    host, ss.ss_family == AF_INET6 ? "]" : "", port);
	fflush(stdout);

	while (sigwait(&set, &sig) != 0 || sig == SIGHUP)
		;
	fprintf(stderr, _("firstline serve: stopping (signal %d); finishing "
	    "the requests under way\n"), sig);
	MHD_quiesce_daemon(d);
	/* The writes queued are committed and answered; from now on a
	 * write is made on its request's thread. */
	pthread_mutex_lock(&ws.lock);
	ws.stopping = 1;
	while (ws.suspended > 0)
		pthread_cond_wait(&ws.idle, &ws.lock);
	pthread_mutex_unlock(&ws.lock);
	MHD_stop_daemon(d);	/* the requests under way finish first */
	web_writer_stop(&groups, &writes);
	fprintf(stderr, ngettext("firstline serve: stopped; %lu answers, "
	    "flags and submissions written in %lu commit\n", "firstline serve: "
	    "stopped; %lu answers, flags and submissions written in %lu "
	    "commits\n", groups), writes, groups);
	web_writer_checkpoints(stderr);
	web_stat_print(stderr);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	pthread_key_delete(ws.store_key);
	free(cert);
	free(key);
	return 0;
}
