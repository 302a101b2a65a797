/*
 * Password and PIN hashing through libxcrypt, accounts, login throttling and
 * the audit trail.
 */
#include "config.h"

#include "auth.h"

#include <sys/wait.h>

#include <crypt.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core.h"
#include "store.h"

char *
auth_hash(const char *secret)
{
	struct crypt_data *cd = xcalloc(1, sizeof *cd);
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	char *out = NULL, *h;

	/* NULL prefix: libxcrypt's preferred method, yescrypt on Debian. */
	if (crypt_gensalt_rn(NULL, 0, NULL, 0, salt, sizeof salt) != NULL) {
		h = crypt_r(secret, salt, cd);
		if (h != NULL && h[0] != '*')
			out = xstrdup(h);
	}
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return out;
}

/* The check itself, in whichever process runs it. */
static int
auth_verify_here(const char *secret, const char *hash)
{
	struct crypt_data *cd = xcalloc(1, sizeof *cd);
	const char *h;
	size_t n, i;
	unsigned char diff = 0;
	int ok = 0;

	h = crypt_r(secret, hash, cd);
	if (h != NULL && h[0] != '*' && (n = strlen(hash)) == strlen(h)) {
		for (i = 0; i < n; i++)
			diff |= (unsigned char)(h[i] ^ hash[i]);
		ok = diff == 0;
	}
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return ok;
}

/*
 * yescrypt needs 16 MiB (N = 4096, r = 32) for a moment; a trainee's seat
 * would keep that as its peak RSS for the whole sitting.  So the check
 * runs in a short-lived child that only hashes and exits; when the child
 * cannot be made, the check runs here.
 */
int
auth_verify(const char *secret, const char *hash)
{
	pid_t pid;
	int status;

	fflush(NULL);
	if ((pid = fork()) == 0)
		_exit(auth_verify_here(secret, hash) ? 0 : 1);
	if (pid < 0)
		return auth_verify_here(secret, hash);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return auth_verify_here(secret, hash);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

const char *
role_name(enum role r)
{
	return r == ROLE_ORGANIZER ? "organizer" : "instructor";
}

const char *
role_label(enum role r)
{
	return r == ROLE_ORGANIZER ? _("organizer") : _("instructor");
}

int
role_parse(const char *s, enum role *r)
{
	if (strcmp(s, "instructor") == 0)
		*r = ROLE_INSTRUCTOR;
	else if (strcmp(s, "organizer") == 0)
		*r = ROLE_ORGANIZER;
	else
		return -1;
	return 0;
}

/*
 * Seconds still to wait after n failures in the window, the latest at
 * last: none for the first free_tries, then 2, 4, 8 ... up to cap after the
 * latest.
 */
static int
auth_delay_left(long n, long last, long now, long free_tries, long cap)
{
	long delay, wait;

	if (n < free_tries)
		return 0;
	delay = n - free_tries >= 8 ? cap : 2L << (n - free_tries);
	if (delay > cap)
		delay = cap;
	wait = last + delay - now;
	return wait > 0 ? (int)wait : 0;
}

/* The wait that the failures selected by st (its ?1 bound) impose. */
static int
auth_wait_of(sqlite3_stmt *st, long now, long free_tries, long cap)
{
	long n = 0, last = 0;

	sqlite3_bind_int64(st, 2, now - AUTH_WINDOW_S);
	if (sqlite3_step(st) == SQLITE_ROW) {
		n = sqlite3_column_int64(st, 0);
		last = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return auth_delay_left(n, last, now, free_tries, cap);
}

/*
 * The limits across tickets and accounts (source, cohort) count settled
 * failures only, and pending tries of a process that died while checking
 * (older than AUTH_PENDING_S).  A pending try is most often a trainee
 * typing the right PIN: a room of 200 logging in at once from one kiosk
 * server, or phones behind one venue's address, must not lock each other
 * out.  Guessing on one ticket is held by the pending rows (one check per
 * ticket at a time, auth_wait_who); across tickets a burst can exceed the
 * limit by the tries already under way when it is reached, no more.
 */
#define AUTH_SETTLED \
    "(pending = 0 OR at < ?2 + " AUTH_WINDOW_TEXT " - " AUTH_PENDING_TEXT ")"

static int
auth_wait_who(struct store *s, const char *kind, const char *who, long now)
{
	sqlite3_stmt *st;

	st = store_prepare(s, "SELECT count(*), max(at) FROM auth_failure"
	    " WHERE kind = ?3 AND who = ?1 AND at > ?2 AND (pending = 0"
	    " OR at < ?2 + " AUTH_WINDOW_TEXT " - " AUTH_PENDING_TEXT ")");
	sqlite3_bind_text(st, 1, who, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	return auth_wait_of(st, now, AUTH_FREE_TRIES, 300);
}

int
auth_wait(struct store *s, const char *kind, const char *who)
{
	return auth_wait_who(s, kind, who, (long)time(NULL));
}

/* The longest wait any limit imposes on a try, and which limit it is. */
static int
auth_wait_all(struct store *s, const char *kind, const char *who,
    const char *source, sqlite3_int64 cohort_id, enum auth_limit *which)
{
	long now = (long)time(NULL);
	sqlite3_stmt *st;
	int w, most;

	*which = AUTH_LIMIT_WHO;
	most = auth_wait_who(s, kind, who, now);
	if (source != NULL && *source != '\0') {
		st = store_prepare(s, "SELECT count(*), max(at) FROM"
		    " auth_failure WHERE source = ?1 AND at > ?2"
		    " AND " AUTH_SETTLED);
		sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
		if ((w = auth_wait_of(st, now, AUTH_SOURCE_FREE_TRIES,
		    300)) > most) {
			most = w;
			*which = AUTH_LIMIT_SOURCE;
		}
	}
	if (cohort_id > 0) {
		st = store_prepare(s, "SELECT count(*), max(at) FROM"
		    " auth_failure WHERE cohort_id = ?1 AND at > ?2"
		    " AND " AUTH_SETTLED);
		sqlite3_bind_int64(st, 1, cohort_id);
		if ((w = auth_wait_of(st, now, AUTH_COHORT_FREE_TRIES,
		    AUTH_COHORT_MAX_WAIT_S)) > most) {
			most = w;
			*which = AUTH_LIMIT_COHORT;
		}
	}
	return most;
}

/*
 * Whether another try at kind/who is being checked right now: a pending
 * row younger than AUTH_PENDING_S (an older one is a process that died
 * while checking, and counts as a failure).
 */
static int
auth_busy(struct store *s, const char *kind, const char *who, long now)
{
	sqlite3_stmt *st;
	int busy;

	st = store_prepare(s, "SELECT 1 FROM auth_failure WHERE kind = ?1"
	    " AND who = ?2 AND pending = 1 AND at >= ?3");
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, who, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, now - AUTH_PENDING_S);
	busy = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return busy;
}

int
auth_reserve(struct store *s, const char *kind, const char *who,
    const char *source, sqlite3_int64 cohort_id, struct auth_try *try,
    char **cause)
{
	sqlite3_stmt *st;
	unsigned int r;
	long waited_ms = 0;
	int rc;

	memset(try, 0, sizeof *try);
	for (;;) {
		/* One writer at a time: the checks and the row are one step. */
		if (store_begin(s, cause) != 0)
			return -1;
		if (!auth_busy(s, kind, who, (long)time(NULL)))
			break;
		/* One check per ticket or account at a time: wait for the
		 * one under way to be settled, so that it counts. */
		store_rollback(s);
		if (waited_ms >= AUTH_PENDING_S * 1000L) {
			*cause = xasprintf(_("another login with %s is being "
			    "checked; try again"), who);
			return -1;
		}
		sqlite3_randomness(sizeof r, &r);
		sqlite3_sleep(10 + (int)(r % 20));
		waited_ms += 10 + (long)(r % 20);
	}
	if ((try->wait_s = auth_wait_all(s, kind, who, source, cohort_id,
	    &try->limit)) > 0) {
		store_rollback(s);
		return 1;
	}
	st = store_prepare(s, "INSERT INTO auth_failure (kind, who, at,"
	    " source, cohort_id, pending) VALUES (?1, ?2, ?3, ?4, ?5, 1)");
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, who, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)time(NULL));
	sqlite3_bind_text(st, 4, source != NULL ? source : "", -1,
	    SQLITE_STATIC);
	if (cohort_id > 0)
		sqlite3_bind_int64(st, 5, cohort_id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*cause = store_error(s, "cannot record the login");
		store_rollback(s);
		return -1;
	}
	try->id = sqlite3_last_insert_rowid(s->db);
	if (store_commit(s, cause) != 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

void
auth_settle(struct store *s, const struct auth_try *try, int ok,
    const char *kind, const char *who)
{
	sqlite3_stmt *st;
	char *cause = NULL, *detail;

	if (store_begin(s, &cause) != 0) {
		free(cause);	/* the try stays counted as a failure */
		return;
	}
	if (ok) {
		st = store_prepare(s, "DELETE FROM auth_failure WHERE id = ?1");
		sqlite3_bind_int64(st, 1, try->id);
		sqlite3_step(st);
		sqlite3_finalize(st);
	} else {
		st = store_prepare(s, "UPDATE auth_failure SET pending = 0"
		    " WHERE id = ?1");
		sqlite3_bind_int64(st, 1, try->id);
		sqlite3_step(st);
		sqlite3_finalize(st);
		/* The audit trail names who tried; never the secret. */
		detail = xasprintf("%s %s", kind, who);
		if (event_add(s, who, "login failed", 0, 0, detail,
		    &cause) != 0) {
			free(cause);
			cause = NULL;
		}
		free(detail);
	}
	if (store_commit(s, &cause) != 0) {
		free(cause);
		store_rollback(s);
	}
}

const char *
auth_terminal_source(void)
{
	static char buf[64];
	const char *ssh = getenv("SSH_CLIENT");
	size_t n;

	if (ssh == NULL || *ssh == '\0')
		ssh = getenv("SSH_CONNECTION");
	if (ssh == NULL || *ssh == '\0')
		return "local";
	n = strcspn(ssh, " ");
	if (n == 0 || n >= sizeof buf - 5)
		return "local";
	snprintf(buf, sizeof buf, "ssh:%.*s", (int)n, ssh);
	return buf;
}

char *
auth_limit_text(const struct auth_try *try, const char *source)
{
	switch (try->limit) {
	case AUTH_LIMIT_SOURCE:
		return xasprintf(ngettext("too many failed logins from %s; "
		    "wait %d second", "too many failed logins from %s; wait %d "
		    "seconds", (unsigned long)try->wait_s), source,
		    try->wait_s);
	case AUTH_LIMIT_COHORT:
		return xasprintf(ngettext("too many failed logins in this "
		    "cohort; wait %d second", "too many failed logins in this "
		    "cohort; wait %d seconds", (unsigned long)try->wait_s),
		    try->wait_s);
	default:
		return NULL;
	}
}

const char *
auth_wait_text(struct store *s, const char *kind, const char *who,
    char buf[16])
{
	int w = auth_wait(s, kind, who);

	buf[0] = '\0';
	if (w > 0)
		snprintf(buf, 16, "%d", w);
	return buf;
}

int
auth_clear(struct store *s, const char *kind, const char *who, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	st = store_prepare(s, "DELETE FROM auth_failure"
	    " WHERE kind = ?1 AND who = ?2");
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, who, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*cause = store_error(s, "cannot clear the failed logins");
		return -1;
	}
	return sqlite3_changes(s->db);
}

int
event_add(struct store *s, const char *actor, const char *action,
    sqlite3_int64 cohort_id, sqlite3_int64 trainee_id, const char *detail,
    char **cause)
{
	sqlite3_stmt *st;
	int rc;

	st = store_prepare(s, "INSERT INTO event (actor, action, cohort_id,"
	    " trainee_id, detail) VALUES (?1, ?2, ?3, ?4, ?5)");
	sqlite3_bind_text(st, 1, actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, action, -1, SQLITE_STATIC);
	if (cohort_id > 0)
		sqlite3_bind_int64(st, 3, cohort_id);
	if (trainee_id > 0)
		sqlite3_bind_int64(st, 4, trainee_id);
	sqlite3_bind_text(st, 5, detail ? detail : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*cause = store_error(s, "cannot record the audit event");
		return -1;
	}
	return 0;
}

int
auth_password_rule(const char *password, char **cause)
{
	if (strlen(password) < 8) {
		*cause = xasprintf(_("the password must have at least 8 "
		    "characters"));
		return -1;
	}
	return 0;
}

/* The hash of a new password, or NULL and *cause (too short). */
static char *
user_hash(const char *password, char **cause)
{
	char *hash;

	if (auth_password_rule(password, cause) != 0)
		return NULL;
	if ((hash = auth_hash(password)) == NULL)
		*cause = xasprintf(_("cannot hash the password"));
	return hash;
}

int
user_add(struct store *s, const char *name, enum role role,
    const char *password, char **cause)
{
	sqlite3_stmt *st;
	char *hash;
	int rc;

	if (*name == '\0' || strlen(name) > 64) {
		*cause = xasprintf(_("a user name must have 1 to 64 "
		    "characters"));
		return -1;
	}
	if (fl_name_check(_("user name"), name, cause) != 0)
		return -1;
	if ((hash = user_hash(password, cause)) == NULL)
		return -1;
	if (store_begin(s, cause) != 0) {
		free(hash);
		return -1;
	}
	st = store_prepare(s, "INSERT INTO app_user (name, role, hash)"
	    " VALUES (?1, ?2, ?3)");
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, role_name(role), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	free(hash);
	if (rc != SQLITE_DONE) {
		if (rc == SQLITE_CONSTRAINT_UNIQUE)
			*cause = xasprintf(_("user %s already exists"), name);
		else
			*cause = store_error(s, "cannot add the user");
		store_rollback(s);
		return -1;
	}
	if (event_add(s, "server", "user add", 0, 0, name, cause) != 0 ||
	    store_commit(s, cause) != 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
user_set_password(struct store *s, const char *name, const char *password,
    char **cause)
{
	sqlite3_stmt *st;
	char *hash;
	int rc, n = 0;

	if ((hash = user_hash(password, cause)) == NULL)
		return -1;
	if (store_begin(s, cause) != 0) {
		free(hash);
		return -1;
	}
	st = store_prepare(s, "UPDATE app_user SET hash = ?2 WHERE name = ?1");
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	free(hash);
	if (rc == SQLITE_DONE && (n = sqlite3_changes(s->db)) == 0)
		*cause = xasprintf(_("no user %s (see 'firstline user list')"),
		    name);
	else if (rc != SQLITE_DONE)
		*cause = store_error(s, "cannot change the password");
	if (n == 1 && auth_clear(s, "user", name, cause) < 0)
		n = 0;
	if (n != 1 || event_add(s, "server", "user password", 0, 0, name,
	    cause) != 0 || store_commit(s, cause) != 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

void
user_list(struct store *s, struct table *t)
{
	static const char *const h[] = { "user", "role", "created",
	    "login_wait_s" };
	sqlite3_stmt *st;
	const char *row[4];
	char left[16];

	table_init(t, 4, h);
	t->numeric = 1u << 3;
	st = store_prepare(s, "SELECT name, role, created_at FROM app_user"
	    " ORDER BY name");
	while (sqlite3_step(st) == SQLITE_ROW) {
		row[0] = store_text(st, 0);
		row[1] = store_text(st, 1);
		row[2] = store_text(st, 2);
		row[3] = auth_wait_text(s, "user", row[0], left);
		table_add(t, row);
	}
	sqlite3_finalize(st);
}

int
user_login(struct store *s, const char *name, const char *password,
    enum role min, struct user *u, char **cause)
{
	sqlite3_stmt *st;
	struct auth_try try;
	const char *source = auth_terminal_source();
	char *hash = NULL;
	int ok = 0, rc;
	enum role role = ROLE_INSTRUCTOR;

	memset(u, 0, sizeof *u);
	/* Counted before the password is checked (auth_reserve). */
	if ((rc = auth_reserve(s, "user", name, source, 0, &try, cause)) < 0)
		return -1;
	if (rc > 0) {
		if ((*cause = auth_limit_text(&try, source)) == NULL)
			*cause = xasprintf(ngettext("too many failed logins "
			    "for %s; try again in %d second", "too many failed "
			    "logins for %s; try again in %d seconds",
			    (unsigned long)try.wait_s), name, try.wait_s);
		return -1;
	}
	st = store_prepare(s, "SELECT id, role, hash FROM app_user"
	    " WHERE name = ?1");
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		hash = xstrdup(store_text(st, 2));
		u->id = sqlite3_column_int64(st, 0);
		role_parse(store_text(st, 1), &role);
	}
	sqlite3_finalize(st);
	/* An unknown user costs the same time as a known one. */
	ok = auth_verify(password, hash != NULL ? hash : AUTH_DUMMY_HASH) &&
	    hash != NULL;
	free(hash);
	auth_settle(s, &try, ok, "user", name);
	if (!ok) {
		u->id = 0;
		*cause = xasprintf(_("wrong user name or password for %s"),
		    name);
		return -1;
	}
	if (role < min) {
		*cause = xasprintf(_("permission denied: %s is an %s; this "
		    "needs an %s"), name, role_label(role), role_label(min));
		return -1;
	}
	u->name = xstrdup(name);
	u->role = role;
	return 0;
}

void
user_release(struct user *u)
{
	free(u->name);
	u->name = NULL;
}
