/*
 * What each address of the browser sitting does.  Every answer, flag,
 * submission and login goes through the core calls of the terminal client
 * (trainee_login, attempt_open, attempt_resume, attempt_answer,
 * attempt_flag, attempt_submit); a form is answered with a redirect
 * (POST-redirect-GET) so that reload and the back button never post again.
 *
 *   GET  /            language choice and login (or on to the exam)
 *   POST /login       ticket + PIN
 *   GET  /exam        instructions
 *   GET  /q/N         question N;  POST /q/N  its answer, flag, navigation
 *   GET  /list        the list of questions
 *   GET  /submit      the confirmation;  POST /submit  submit
 *   GET  /result      the result
 *   POST /logout      end the session on this device
 *   GET  /style.css, /clock.js
 */
#include "config.h"

#include "web.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attempt.h"
#include "core/core.h"
#include "core/i18n.h"
#include "core/instance.h"
#include "core/rand.h"
#include "core/store.h"
#include "core/table.h"
#include "core/xalloc.h"

#define T(en_, zhs_) web_tr(zh_, (en_), (zhs_))
#define TN(en_, enp_, zhs_, n_) web_trn(zh_, (en_), (enp_), (zhs_), (n_))

void
web_resp_release(struct web_resp *resp)
{
	size_t i;

	if (resp->deferred != NULL) {
		resp->deferred->release(resp->deferred->arg);
		free(resp->deferred);
	}
	if (!resp->is_static)
		free(resp->body);
	free(resp->location);
	for (i = 0; i < sizeof resp->cookie / sizeof resp->cookie[0]; i++)
		free(resp->cookie[i]);
	memset(resp, 0, sizeof *resp);
}

static void
web_html(struct web_resp *resp, int status, struct wbuf *b)
{
	resp->status = status;
	resp->type = "text/html; charset=utf-8";
	resp->body = wb_take(b, &resp->len);
}

void
web_error(struct web_resp *resp, int status, const char *en, const char *zh)
{
	struct web_page pg;
	struct wbuf b;

	memset(&pg, 0, sizeof pg);
	pg.zh = 1;
	wb_init(&b);
	page_begin(&b, &pg, "firstline", NULL);
	wb_printf(&b, "<h1>%d</h1>\n<p lang=\"zh-CN\">", status);
	wb_esc(&b, zh);
	wb_put(&b, "</p>\n<p lang=\"en\">");
	wb_esc(&b, en);
	wb_put(&b, "</p>\n<p><a href=\"/\">firstline</a></p>\n");
	page_end(&b, &pg, NULL);
	web_html(resp, status, &b);
}

static void
web_redirect(struct web_resp *resp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
web_redirect(struct web_resp *resp, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	resp->location = xvasprintf(fmt, ap);
	va_end(ap);
	resp->status = 303;
	resp->type = "text/html; charset=utf-8";
	resp->body = xstrdup("");
	resp->len = 0;
}

static void
web_add_cookie(struct web_resp *resp, const struct web_req *req,
    const char *name, const char *value, long max_age)
{
	size_t i;

	for (i = 0; i < sizeof resp->cookie / sizeof resp->cookie[0]; i++)
		if (resp->cookie[i] == NULL) {
			char age[32] = "";

			if (max_age >= 0)	/* else a session cookie */
				snprintf(age, sizeof age, "; Max-Age=%ld",
				    max_age);
			resp->cookie[i] = xasprintf("%s=%s; Path=/; HttpOnly;"
			    " SameSite=Strict%s%s", name, value,
			    req->tls ? "; Secure" : "", age);
			return;
		}
}

/* ---------------------------------------------------------- login */

static int
web_lang_zh(const struct web_req *req)
{
	const char *l = web_form_get(&req->body, "lang");

	if (l == NULL)
		l = web_form_get(&req->query, "lang");
	return l == NULL || strcmp(l, "en") != 0;
}

static void
web_login_page(struct web_req *req, struct web_resp *resp, int status,
    const char *notice, const char *ticket)
{
	char pre[WEB_SID_HEX + 1], csrf[WEB_SID_HEX + 1], *cause = NULL;
	const char *p = req->cookie_pre;
	struct web_page pg;
	struct wbuf b;

	if (web_login_csrf(req->s, p, csrf, &cause) != 0) {
		unsigned char raw[WEB_SID_HEX / 2];

		rand_bytes(raw, sizeof raw);
		instance_hex(raw, sizeof raw, pre);
		free(cause);
		cause = NULL;
		if (web_login_csrf(req->s, pre, csrf, &cause) != 0) {
			fprintf(stderr, "firstline serve: %s\n", cause);
			free(cause);
			web_error(resp, 500, "The server cannot read its "
			    "database.", "服务器无法读取数据库。");
			return;
		}
		web_add_cookie(resp, req, "fl_pre", pre, -1);
	}
	memset(&pg, 0, sizeof pg);
	pg.zh = web_lang_zh(req);
	pg.csrf = csrf;
	pg.notice = notice;
	pg.notice_error = notice != NULL;
	pg.now = req->now;
	wb_init(&b);
	page_login(&b, &pg, ticket);
	web_html(resp, status, &b);
}

static void
web_login(struct web_req *req, struct web_resp *resp)
{
	const char *ticket = web_form_get(&req->body, "ticket");
	const char *pin = web_form_get(&req->body, "pin");
	const char *given = web_form_get(&req->body, "csrf");
	char csrf[WEB_SID_HEX + 1], sid[WEB_SID_HEX + 1], *cause = NULL;
	char *msg;
	int zh_ = web_lang_zh(req), wait_s = 0, rc;
	struct trainee t;
	struct attempt *a = NULL;
	struct web_session ws;

	if (web_login_csrf(req->s, req->cookie_pre, csrf, &cause) != 0 ||
	    given == NULL || strlen(given) != WEB_SID_HEX ||
	    strcmp(given, csrf) != 0) {
		free(cause);
		web_error(resp, 403, "This form has expired. Open the login "
		    "page again.", "此表单已失效，请重新打开登录页面。");
		return;
	}
	if (ticket == NULL || pin == NULL || *ticket == '\0' ||
	    *pin == '\0' || strlen(ticket) > 32 || strlen(pin) > 32) {
		web_login_page(req, resp, 400, T(N_("Enter the ticket number "
		    "and the PIN from your exam slip."),
		    "请输入考试通知单上的准考证号和密码。"), ticket);
		return;
	}
	/* The core's check, as for the terminal: per ticket, per source
	 * (this client's address), per cohort. */
	rc = trainee_login_from(req->s, ticket, pin, req->address, &t,
	    &wait_s, &cause);
	if (rc != 0) {
		int wrong = cause != NULL &&
		    strcmp(cause, _("wrong ticket or PIN")) == 0;
		int here = cause != NULL && strstr(cause, req->address) != NULL;

		if (wrong && wait_s > 0)
			msg = xasprintf(TN("Wrong ticket number or PIN. Too "
			    "many wrong tries: please wait %d second, then try "
			    "again.", "Wrong ticket number or PIN. Too many "
			    "wrong tries: please wait %d seconds, then try "
			    "again.", "准考证号或密码错误。错误次数过多：请等待 "
			    "%d 秒后再试。", (unsigned long)wait_s), wait_s);
		else if (wrong)
			msg = xstrdup(T(N_("Wrong ticket number or PIN. Check "
			    "your exam slip and try again."),
			    "准考证号或密码错误。请核对考试通知单后重试。"));
		else if (wait_s > 0 && here)
			msg = xasprintf(TN("Too many wrong tries from this "
			    "network. Please wait %d second, then try again, "
			    "or ask the proctor.", "Too many wrong tries from "
			    "this network. Please wait %d seconds, then try "
			    "again, or ask the proctor.", "此网络的错误次数过多。"
			    "请等待 %d 秒后再试，或请监考人员协助。",
			    (unsigned long)wait_s), wait_s);
		else if (wait_s > 0)
			msg = xasprintf(TN("Too many wrong tries. Please "
			    "wait %ld second, then try again, or ask the "
			    "proctor.", "Too many wrong tries. Please wait %ld "
			    "seconds, then try again, or ask the proctor.",
			    "错误次数过多。请等待 %ld 秒后再试，或请监考人员解锁。",
			    (unsigned long)wait_s), (long)wait_s);
		else
			msg = xstrdup(cause != NULL ? cause : "");
		free(cause);
		web_login_page(req, resp, wait_s > 0 ? 429 : 401, msg,
		    ticket);
		free(msg);
		return;
	}
	if (attempt_open(req->s, &t, &a, &cause) != 0) {
		web_login_page(req, resp, 409, cause, ticket);
		free(cause);
		trainee_release(&t);
		return;
	}
	if (a->status == ATTEMPT_IN_PROGRESS &&
	    (rc = attempt_set_mode(req->s, a, "browser", &cause)) != 0) {
		if (rc < 0) {
			fprintf(stderr, "firstline serve: %s\n", cause);
			free(cause);
			cause = NULL;
		}
	}
	if (web_session_create(req->s, &t, a, zh_, req->address, sid, &ws,
	    &cause) != 0) {
		fprintf(stderr, "firstline serve: %s\n", cause);
		free(cause);
		web_error(resp, 503, "The server is busy. Try again.",
		    "服务器繁忙，请重试。");
	} else {
		web_add_cookie(resp, req, "fl_sid", sid, -1);
		web_redirect(resp, a->status == ATTEMPT_IN_PROGRESS ?
		    "/exam" : "/result");
	}
	explicit_bzero(sid, sizeof sid);
	attempt_free(&a);
	trainee_release(&t);
}

/* ------------------------------------------------------- sessions */

/* The request's session and attempt; answers the request itself when
 * there is none (or the sitting moved on) and returns -1. */
static int
web_attempt(struct web_req *req, struct web_resp *resp,
    struct web_session *ws, struct attempt **a, int want_live)
{
	char *cause = NULL;
	int rc, post = strcmp(req->method, "POST") == 0;
	struct web_page pg;
	struct wbuf b;

	*a = NULL;
	if (web_session_find(req->s, req->cookie_sid, ws) != 0) {
		if (post)
			web_error(resp, 403, "You are not logged in (or your "
			    "session has ended). Log in again.",
			    "你尚未登录（或登录已失效），请重新登录。");
		else
			web_redirect(resp, "/");
		return -1;
	}
	if (post && !web_csrf_ok(ws, web_form_get(&req->body, "csrf"))) {
		web_error(resp, 403, "This form has expired. Go back to the "
		    "question and try again.", "此表单已失效，请返回题目后重试。");
		return -1;
	}
	rc = attempt_resume(req->s, ws->attempt_id, ws->trainee_id, ws->token,
	    a, &cause);
	if (rc < 0) {
		fprintf(stderr, "firstline serve: %s\n", cause);
		free(cause);
		web_error(resp, 503, "The server is busy. Try again.",
		    "服务器繁忙，请重试。");
		return -1;
	}
	if (rc == ATTEMPT_TAKEN_OVER && (*a)->status == ATTEMPT_IN_PROGRESS) {
		memset(&pg, 0, sizeof pg);
		pg.zh = ws->zh;
		pg.now = req->now;
		wb_init(&b);
		page_taken_over(&b, &pg);
		web_html(resp, 409, &b);
		attempt_free(a);
		return -1;
	}
	if (want_live && (*a)->status != ATTEMPT_IN_PROGRESS) {
		web_redirect(resp, "/result");
		attempt_free(a);
		return -1;
	}
	return 0;
}

static void
web_page_init(struct web_page *pg, const struct web_req *req,
    const struct web_session *ws)
{
	memset(pg, 0, sizeof *pg);
	pg->zh = ws->zh;
	pg->csrf = ws->csrf;
	pg->now = req->now;
}

static void
web_exam(struct web_req *req, struct web_resp *resp)
{
	struct web_session ws;
	struct attempt *a;
	struct web_page pg;
	struct wbuf b;
	sqlite3_stmt *st;

	if (web_attempt(req, resp, &ws, &a, 1) != 0)
		return;
	web_page_init(&pg, req, &ws);
	wb_init(&b);
	st = store_prepare(req->s, "SELECT name, ticket, community"
	    " FROM trainee WHERE id = ?1");
	sqlite3_bind_int64(st, 1, ws.trainee_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		page_instructions(&b, &pg, a, store_text(st, 0),
		    store_text(st, 1), store_text(st, 2));
	sqlite3_finalize(st);
	web_html(resp, 200, &b);
	attempt_free(&a);
}

/* "/q/N" with 1 <= N <= n: N - 1, else -1. */
static long
web_question_index(const char *path, size_t n)
{
	const char *p = path + 3;
	long v = 0;

	if (strncmp(path, "/q/", 3) != 0 || *p < '1' || *p > '9')
		return -1;
	for (; *p != '\0'; p++) {
		if (*p < '0' || *p > '9' || v > 10000)
			return -1;
		v = v * 10 + (*p - '0');
	}
	return v >= 1 && (size_t)v <= n ? v - 1 : -1;
}

static void
web_question_get(struct web_req *req, struct web_resp *resp)
{
	struct web_session ws;
	struct attempt *a;
	struct web_page pg;
	struct wbuf b;
	long i;
	const char *said = web_form_get(&req->query, "saved");

	if (web_attempt(req, resp, &ws, &a, 1) != 0)
		return;
	if ((i = web_question_index(req->path, a->nitems)) < 0) {
		attempt_free(&a);
		web_error(resp, 404, "There is no such question.",
		    "没有这道题。");
		return;
	}
	web_page_init(&pg, req, &ws);
	if (said != NULL) {
		int zh_ = ws.zh;

		pg.notice = strcmp(said, "flag") == 0 ? T(N_("Flagged for "
		    "review."), "已标记待查。") : strcmp(said, "unflag") == 0 ?
		    T(N_("Flag removed."), "已取消标记。") :
		    T(N_("Answer saved."), "答案已保存。");
	}
	wb_init(&b);
	page_question(&b, &pg, a, (size_t)i);
	web_html(resp, 200, &b);
	attempt_free(&a);
}

/*
 * The response the form of item it carries, in the core's encoding, into
 * buf.  Returns 1 when the form carries an answer, 0 when it carries none
 * (a single choice left unchosen), -1 when it is malformed (not a form of
 * ours) and -2 when the trainee's ordering is not a valid order.
 */
static int
web_response(const struct web_form *f, const struct paper_item *it,
    char *buf, size_t size)
{
	const char *v[WEB_FIELDS_MAX];
	size_t n, k, nopt = it->noptions, len = 0;
	long pos[26], x;
	char *end, key[8];
	int seen[27];

	buf[0] = '\0';
	if (web_form_get(f, "t") == NULL)
		return -1;
	if (it->type == QTYPE_ORDERING) {
		size_t m = 0;

		if (nopt > 26)
			return -1;
		memset(seen, 0, sizeof seen);
		for (k = 0; k < nopt; k++) {
			const char *p;

			snprintf(key, sizeof key, "p%zu", k);
			if ((p = web_form_get(f, key)) == NULL)
				return -1;
			if (*p == '\0') {
				pos[k] = 0;
				continue;
			}
			x = strtol(p, &end, 10);
			if (*end != '\0' || x < 1 || x > (long)nopt)
				return -1;
			if (seen[x])
				return -2;
			seen[x] = 1;
			pos[k] = x;
			m++;
		}
		for (x = 1; x <= (long)m; x++) {
			if (!seen[x])
				return -2;	/* a gap */
			for (k = 0; k < nopt; k++)
				if (pos[k] == x)
					len += (size_t)snprintf(buf + len,
					    size - len, "%s%zu",
					    len > 0 ? "," : "", k);
		}
		return 1;
	}
	n = web_form_all(f, "a", v, WEB_FIELDS_MAX);
	if (it->type == QTYPE_TRUEFALSE) {
		if (n == 0)
			return 0;
		if (n > 1 || (strcmp(v[0], "0") != 0 && strcmp(v[0], "1")))
			return -1;
		snprintf(buf, size, "%s", v[0]);
		return 1;
	}
	memset(seen, 0, sizeof seen);
	for (k = 0; k < n; k++) {
		x = strtol(v[k], &end, 10);
		if (*v[k] == '\0' || *end != '\0' || x < 0 ||
		    x >= (long)nopt || x >= 26 || seen[x])
			return -1;
		seen[x] = 1;
	}
	if (it->type == QTYPE_SINGLE) {
		if (n > 1)
			return -1;
		if (n == 0)
			return 0;
		snprintf(buf, size, "%s", v[0]);
		return 1;
	}
	for (x = 0; x < 26; x++)
		if (seen[x])
			len += (size_t)snprintf(buf + len, size - len, "%s%ld",
			    len > 0 ? "," : "", x);
	return 1;
}

/*
 * The writes of the sitting (an answer, a flag, a submission) are not made
 * here: the route leaves them in resp->deferred, the server hands them to
 * the writer thread (group commit) without holding a worker thread, and
 * web_post_finish makes the response once they are committed.
 */
struct web_post {
	struct attempt	*a;
	long		 i;		/* the question, 0-based */
	char		 response[128];
	int		 answer;	/* write response to question i */
	int		 flag;		/* then toggle its flag */
	int		 submit;	/* or submit the attempt */
	char		 go[8];
	int		 zh;
	double		 t0;		/* when the request began */
};

/* Run by the writer, inside its group: the core calls, nothing else. */
static int
web_post_write(struct store *s, void *arg, char **cause)
{
	struct web_post *q = arg;
	int rc;

	if (q->submit)
		return attempt_submit(s, q->a, cause);
	if (q->answer && (rc = attempt_answer(s, q->a, (size_t)q->i,
	    q->response, cause)) != 0)
		return rc;
	if (q->flag)
		return attempt_flag(s, q->a, (size_t)q->i,
		    !q->a->items[q->i].flagged, cause);
	return 0;
}

/* A write's result: 0 to go on, else the request is answered. */
static int
web_write_rc(struct web_resp *resp, int rc, char *cause, int zh_)
{
	struct web_page pg;
	struct wbuf b;

	if (rc == 0)
		return 0;
	if (rc == ATTEMPT_CLOSED) {
		web_redirect(resp, "/result");
	} else if (rc == ATTEMPT_TAKEN_OVER) {
		memset(&pg, 0, sizeof pg);
		pg.zh = zh_;
		wb_init(&b);
		page_taken_over(&b, &pg);
		web_html(resp, 409, &b);
	} else {
		fprintf(stderr, "firstline serve: %s\n", cause);
		web_error(resp, 503, "Not saved: the server is busy. Go back "
		    "and try again.", "未保存：服务器繁忙。请返回重试。");
	}
	free(cause);
	return -1;
}

/* The response once the writes are committed (rc 0) or not. */
static void
web_post_finish(void *arg, int rc, char *cause, struct web_resp *resp)
{
	struct web_post *q = arg;
	const char *go = q->go;
	long i = q->i;

	memset(resp, 0, sizeof *resp);
	if (web_write_rc(resp, rc, cause, q->zh) != 0)
		return;
	if (q->submit)
		web_redirect(resp, "/result");
	else if (q->flag)
		web_redirect(resp, "/q/%ld?saved=%s", i + 1,
		    q->a->items[i].flagged ? "flag" : "unflag");
	else if (strcmp(go, "next") == 0 && (size_t)i + 1 < q->a->nitems)
		web_redirect(resp, "/q/%ld%s", i + 2,
		    q->answer ? "?saved=1" : "");
	else if (strcmp(go, "prev") == 0 && i > 0)
		web_redirect(resp, "/q/%ld%s", i, q->answer ? "?saved=1" : "");
	else if (strcmp(go, "list") == 0)
		web_redirect(resp, "/list");
	else if (strcmp(go, "submit") == 0 || strcmp(go, "next") == 0)
		web_redirect(resp, "/submit");
	else
		web_redirect(resp, "/q/%ld%s", i + 1,
		    q->answer ? "?saved=1" : "");
	if (q->answer)
		web_stat_add(WEB_STAT_ANSWER, web_now() - q->t0);
}

static void
web_post_release(void *arg)
{
	struct web_post *q = arg;

	attempt_free(&q->a);
	free(q);
}

/* Leave q's writes to the server; or, with none to make, answer now. */
static void
web_post_defer(struct web_resp *resp, struct web_post *q)
{
	if (!q->answer && !q->flag && !q->submit) {
		web_post_finish(q, 0, NULL, resp);
		web_post_release(q);
		return;
	}
	if (q->answer)
		web_stat_add(WEB_STAT_BEFORE, web_now() - q->t0);
	resp->deferred = xcalloc(1, sizeof *resp->deferred);
	resp->deferred->fn = web_post_write;
	resp->deferred->finish = web_post_finish;
	resp->deferred->release = web_post_release;
	resp->deferred->arg = q;
}

static void
web_question_post(struct web_req *req, struct web_resp *resp)
{
	struct web_session ws;
	struct attempt *a;
	struct web_page pg;
	struct wbuf b;
	struct web_post *q;
	const char *go = web_form_get(&req->body, "go");
	char resp_buf[128];
	int got;
	long i;
	struct paper_item *it;
	double t0 = web_now();
	int zh_;

	if (web_attempt(req, resp, &ws, &a, 1) != 0)
		return;
	zh_ = ws.zh;
	if ((i = web_question_index(req->path, a->nitems)) < 0) {
		attempt_free(&a);
		web_error(resp, 404, "There is no such question.",
		    "没有这道题。");
		return;
	}
	it = &a->items[i];
	if (go == NULL || (strcmp(go, "next") && strcmp(go, "prev") &&
	    strcmp(go, "flag") && strcmp(go, "list") && strcmp(go, "clear") &&
	    strcmp(go, "save") && strcmp(go, "submit"))) {
		/* Said on the server's stderr: a 400 names its reason. */
		fprintf(stderr, "firstline serve: POST %s: 400, go=%s\n",
		    req->path, go != NULL ? go : "(none)");
		attempt_free(&a);
		web_error(resp, 400, "This request is not one of ours.",
		    "无效的请求。");
		return;
	}
	if (strcmp(go, "clear") == 0) {
		resp_buf[0] = '\0';
		got = 1;
	} else
		got = web_response(&req->body, it, resp_buf, sizeof resp_buf);
	if (got == -1) {
		fprintf(stderr, "firstline serve: POST %s: 400, the answer "
		    "fields do not fit a %s question of %zu options\n",
		    req->path, qtype_name(it->type), it->noptions);
		attempt_free(&a);
		web_error(resp, 400, "This request is not one of ours.",
		    "无效的请求。");
		return;
	}
	if (got == -2) {
		web_page_init(&pg, req, &ws);
		pg.notice = T(N_("Not saved: give each step a different "
		    "place, starting from 1, without gaps."),
		    "未保存：每个步骤的序号须各不相同，从 1 开始且不能跳号。");
		pg.notice_error = 1;
		wb_init(&b);
		page_question(&b, &pg, a, (size_t)i);
		web_html(resp, 422, &b);
		attempt_free(&a);
		return;
	}
	q = xcalloc(1, sizeof *q);
	q->a = a;
	q->i = i;
	q->zh = ws.zh;
	q->t0 = t0;
	snprintf(q->go, sizeof q->go, "%s", go);
	if (got == 1 && strcmp(resp_buf, it->response) != 0) {
		snprintf(q->response, sizeof q->response, "%s", resp_buf);
		q->answer = 1;
	}
	q->flag = strcmp(go, "flag") == 0;
	web_post_defer(resp, q);
}

static void
web_list(struct web_req *req, struct web_resp *resp)
{
	struct web_session ws;
	struct attempt *a;
	struct web_page pg;
	struct wbuf b;

	if (web_attempt(req, resp, &ws, &a, 1) != 0)
		return;
	web_page_init(&pg, req, &ws);
	wb_init(&b);
	page_list(&b, &pg, a);
	web_html(resp, 200, &b);
	attempt_free(&a);
}

static void
web_submit(struct web_req *req, struct web_resp *resp)
{
	struct web_session ws;
	struct attempt *a;
	struct web_page pg;
	struct wbuf b;

	if (web_attempt(req, resp, &ws, &a, 1) != 0)
		return;
	if (strcmp(req->method, "POST") == 0) {
		struct web_post *q = xcalloc(1, sizeof *q);

		q->a = a;
		q->zh = ws.zh;
		q->submit = 1;
		q->t0 = web_now();
		web_post_defer(resp, q);
		return;
	}
	web_page_init(&pg, req, &ws);
	wb_init(&b);
	page_submit(&b, &pg, a);
	web_html(resp, 200, &b);
	attempt_free(&a);
}

static void
web_result(struct web_req *req, struct web_resp *resp)
{
	struct web_session ws;
	struct attempt *a;
	struct web_page pg;
	struct wbuf b;

	if (web_attempt(req, resp, &ws, &a, 0) != 0)
		return;
	if (a->status == ATTEMPT_IN_PROGRESS) {
		web_redirect(resp, "/exam");
		attempt_free(&a);
		return;
	}
	static const char *const h[] = { "module", "title_zh", "title_en" };
	struct table titles;
	sqlite3_stmt *st;

	table_init(&titles, 3, h);
	st = store_prepare(req->s, "SELECT module, title_zh, title_en"
	    " FROM current_module");
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *row[3] = { store_text(st, 0), store_text(st, 1),
		    store_text(st, 2) };

		table_add(&titles, row);
	}
	sqlite3_finalize(st);
	web_page_init(&pg, req, &ws);
	wb_init(&b);
	page_result(&b, &pg, a, &titles);
	web_html(resp, 200, &b);
	table_release(&titles);
	attempt_free(&a);
}

static void
web_logout(struct web_req *req, struct web_resp *resp)
{
	struct web_session ws;
	char *cause = NULL;

	if (web_session_find(req->s, req->cookie_sid, &ws) != 0 ||
	    !web_csrf_ok(&ws, web_form_get(&req->body, "csrf"))) {
		web_error(resp, 403, "This form has expired.",
		    "此表单已失效。");
		return;
	}
	if (web_session_delete(req->s, req->cookie_sid, &cause) != 0) {
		fprintf(stderr, "firstline serve: %s\n", cause);
		free(cause);
	}
	web_add_cookie(resp, req, "fl_sid", "", 0);
	web_redirect(resp, "/?lang=%s", ws.zh ? "zh" : "en");
}

static void
web_asset(struct web_resp *resp, const char *type, const char *body)
{
	resp->status = 200;
	resp->type = type;
	resp->body = (char *)body;
	resp->len = strlen(body);
	resp->is_static = 1;
	resp->cache = 1;
}

static void
web_root(struct web_req *req, struct web_resp *resp)
{
	struct web_session ws;

	if (web_session_find(req->s, req->cookie_sid, &ws) == 0 &&
	    web_form_get(&req->query, "lang") == NULL) {
		web_redirect(resp, "/exam");
		return;
	}
	web_login_page(req, resp, 200, NULL, NULL);
}

void
web_route(struct web_req *req, struct web_resp *resp)
{
	int get = strcmp(req->method, "GET") == 0 ||
	    strcmp(req->method, "HEAD") == 0;
	int post = strcmp(req->method, "POST") == 0;
	const char *p = req->path;

	memset(resp, 0, sizeof *resp);
	if (req->query.bad || req->body.bad) {
		fprintf(stderr, "firstline serve: %s %s: 400, a malformed %s\n",
		    req->method, p, req->query.bad ? "query" : "form");
		web_error(resp, 400, "This request is not one of ours.",
		    "无效的请求。");
		return;
	}
	if (get && strcmp(p, "/style.css") == 0)
		web_asset(resp, "text/css; charset=utf-8", web_style_css);
	else if (get && strcmp(p, "/clock.js") == 0)
		web_asset(resp, "text/javascript; charset=utf-8",
		    web_clock_js);
	else if (get && strcmp(p, "/") == 0)
		web_root(req, resp);
	else if (post && strcmp(p, "/login") == 0)
		web_login(req, resp);
	else if (get && strcmp(p, "/exam") == 0)
		web_exam(req, resp);
	else if (get && strncmp(p, "/q/", 3) == 0)
		web_question_get(req, resp);
	else if (post && strncmp(p, "/q/", 3) == 0)
		web_question_post(req, resp);
	else if (get && strcmp(p, "/list") == 0)
		web_list(req, resp);
	else if ((get || post) && strcmp(p, "/submit") == 0)
		web_submit(req, resp);
	else if (get && strcmp(p, "/result") == 0)
		web_result(req, resp);
	else if (post && strcmp(p, "/logout") == 0)
		web_logout(req, resp);
	else if (!get && !post)
		web_error(resp, 405, "Method not allowed.", "不允许的请求方法。");
	else
		web_error(resp, 404, "There is no such page.", "没有这个页面。");
}
