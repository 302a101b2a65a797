/*
 * Sessions of the browser sitting, stored in the database (web_session):
 * a random cookie value of which only the SHA-256 is kept, the attempt
 * and its session token, a CSRF token, the language.  Before login, the
 * login form is protected by a double-submit token: a random pre-login
 * cookie and, in the form, its MAC under the database secret.  (Failed
 * logins are throttled by the core, trainee_login_from: per ticket, per
 * client address, per cohort, in the database.)
 */
#include "config.h"

#include "web.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/attempt.h"
#include "core/instance.h"
#include "core/rand.h"
#include "core/store.h"
#include "core/xalloc.h"

/* The stored form of a cookie value: SHA-256, hex. */
static void
web_sid_hash(const char *sid, char out[WEB_SID_HEX + 1])
{
	unsigned char h[INSTANCE_MAC_LEN];

	instance_sha256(sid, strlen(sid), h);
	instance_hex(h, sizeof h, out);
}

/* Whether s is exactly n lowercase hex digits. */
static int
web_is_hex(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s[n] == '\0';
}

int
web_session_create(struct store *s, const struct trainee *t,
    const struct attempt *a, int zh, const char *address,
    char sid[WEB_SID_HEX + 1], struct web_session *ws, char **cause)
{
	unsigned char raw[WEB_SID_HEX / 2];
	char hash[WEB_SID_HEX + 1], *csrf;
	sqlite3_stmt *st;
	time_t now = time(NULL);
	int rc;

	rand_bytes(raw, sizeof raw);
	instance_hex(raw, sizeof raw, sid);
	explicit_bzero(raw, sizeof raw);
	web_sid_hash(sid, hash);
	csrf = rand_hex(WEB_CSRF_HEX / 2);
	if (store_begin(s, cause) != 0) {
		free(csrf);
		return -1;
	}
	/* Old sessions go as new ones come. */
	st = store_prepare(s, "DELETE FROM web_session WHERE created_at < ?1");
	sqlite3_bind_int64(st, 1, (sqlite3_int64)(now - WEB_SESSION_MAX_S));
	sqlite3_step(st);
	sqlite3_finalize(st);
	st = store_prepare(s, "INSERT INTO web_session (sid_hash, trainee_id,"
	    " attempt_id, token, csrf, lang, address, created_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, t->id);
	sqlite3_bind_int64(st, 3, a->id);
	sqlite3_bind_text(st, 4, a->token != NULL ? a->token : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 5, csrf, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, zh ? "zh" : "en", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, address, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, (sqlite3_int64)now);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	if (rc == 0)
		ws->id = sqlite3_last_insert_rowid(s->db);
	else
		*cause = store_error(s, "cannot store the session");
	sqlite3_finalize(st);
	if (rc != 0 || store_commit(s, cause) != 0) {
		store_rollback(s);
		free(csrf);
		return -1;
	}
	ws->trainee_id = t->id;
	ws->attempt_id = a->id;
	snprintf(ws->token, sizeof ws->token, "%s",
	    a->token != NULL ? a->token : "");
	snprintf(ws->csrf, sizeof ws->csrf, "%s", csrf);
	ws->zh = zh;
	free(csrf);
	return 0;
}

int
web_session_find(struct store *s, const char *sid, struct web_session *ws)
{
	char hash[WEB_SID_HEX + 1];
	sqlite3_stmt *st;
	int rc = -1;

	memset(ws, 0, sizeof *ws);
	if (sid == NULL || !web_is_hex(sid, WEB_SID_HEX))
		return -1;
	web_sid_hash(sid, hash);
	st = store_stmt(s, "SELECT id, trainee_id, attempt_id, token,"
	    " csrf, lang FROM web_session WHERE sid_hash = ?1"
	    " AND created_at >= ?2");
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)(time(NULL) -
	    WEB_SESSION_MAX_S));
	if (sqlite3_step(st) == SQLITE_ROW) {
		ws->id = sqlite3_column_int64(st, 0);
		ws->trainee_id = sqlite3_column_int64(st, 1);
		ws->attempt_id = sqlite3_column_int64(st, 2);
		snprintf(ws->token, sizeof ws->token, "%s",
		    store_text(st, 3));
		snprintf(ws->csrf, sizeof ws->csrf, "%s", store_text(st, 4));
		ws->zh = strcmp(store_text(st, 5), "zh") == 0;
		rc = 0;
	}
	store_done(s, st);
	return rc;
}

int
web_session_delete(struct store *s, const char *sid, char **cause)
{
	char hash[WEB_SID_HEX + 1];
	sqlite3_stmt *st;
	int rc;

	if (sid == NULL || !web_is_hex(sid, WEB_SID_HEX))
		return 0;
	web_sid_hash(sid, hash);
	if (store_begin(s, cause) != 0)
		return -1;
	st = store_prepare(s, "DELETE FROM web_session WHERE sid_hash = ?1");
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	if (rc != 0)
		*cause = store_error(s, "cannot end the session");
	sqlite3_finalize(st);
	if (rc != 0 || store_commit(s, cause) != 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

/* Equal strings of the same length, compared in constant time. */
static int
web_same(const char *a, const char *b, size_t n)
{
	unsigned char d = 0;
	size_t i;

	if (a == NULL || b == NULL || strlen(a) != n || strlen(b) != n)
		return 0;
	for (i = 0; i < n; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

int
web_csrf_ok(const struct web_session *ws, const char *given)
{
	return web_same(ws->csrf, given, WEB_CSRF_HEX);
}

int
web_login_csrf(struct store *s, const char *pre, char out[WEB_SID_HEX + 1],
    char **cause)
{
	unsigned char mac[INSTANCE_MAC_LEN];
	char *msg;
	int rc;

	if (pre == NULL || !web_is_hex(pre, WEB_SID_HEX)) {
		*cause = xstrdup("no pre-login cookie");
		return -1;
	}
	msg = xasprintf("firstline web login %s", pre);
	rc = instance_mac(s, msg, strlen(msg), mac, cause);
	free(msg);
	if (rc != 0)
		return -1;
	instance_hex(mac, sizeof mac, out);
	return 0;
}
