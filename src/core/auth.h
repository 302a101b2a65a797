/*
 * Accounts and secrets: instructor and organizer accounts with passwords,
 * trainee PINs, both hashed with libxcrypt's preferred method (yescrypt),
 * and the throttling of failed logins.  Roles are checked here, in the core,
 * for every action that needs one.
 */
#ifndef FIRSTLINE_AUTH_H
#define FIRSTLINE_AUTH_H

#include <sqlite3.h>

#include "table.h"

struct store;

enum role {
	ROLE_INSTRUCTOR,
	ROLE_ORGANIZER,
};

struct user {
	sqlite3_int64	 id;
	char		*name;
	enum role	 role;
};

/* Failures within this window count towards the slowdown. */
#define AUTH_WINDOW_S	(15 * 60)
#define AUTH_WINDOW_TEXT "900"
/*
 * A try being checked (pending) holds back the next try at the same ticket
 * or account for at most this long; older, it was a process that died in
 * the middle and counts as a failure.
 */
#define AUTH_PENDING_S	10
#define AUTH_PENDING_TEXT "10"
/* Failures allowed before each further try must wait. */
#define AUTH_FREE_TRIES	3
/*
 * Across tickets and accounts: failures from one source (an address, or
 * "local"; a hall's Wi-Fi may put every phone behind one address, hence
 * as many as the browser server allows) and failures on the tickets of one
 * cohort allowed in the window
 * before each further try from there, or in that cohort, must wait.  The
 * cohort's waits stop at AUTH_COHORT_MAX_WAIT_S, since they hold up its
 * honest trainees too.
 */
#define AUTH_SOURCE_FREE_TRIES	30
#define AUTH_COHORT_FREE_TRIES	50
#define AUTH_COHORT_MAX_WAIT_S	30

/* Which limit holds a try back. */
enum auth_limit {
	AUTH_LIMIT_WHO,		/* this ticket or account */
	AUTH_LIMIT_SOURCE,	/* the place the tries come from */
	AUTH_LIMIT_COHORT,	/* the ticket's cohort */
};

/* A try at a secret, counted before the secret is checked. */
struct auth_try {
	sqlite3_int64	 id;	/* its auth_failure row */
	int		 wait_s;	/* when refused: seconds to wait */
	enum auth_limit	 limit;		/* and the limit that refused it */
};

/*
 * A well-formed yescrypt hash that matches nothing: verified against when
 * the user or ticket is unknown, so that both cost the same time.
 */
#define AUTH_DUMMY_HASH \
    "$y$j9T$0000000000000000$0000000000000000000000000000000000000000000"

/* A new hash of secret (yescrypt), to free; NULL when hashing failed. */
char *auth_hash(const char *secret);
/*
 * Hashes of n secrets into out[0..n-1] (each to free), on as many threads
 * as the machine has cores ($FIRSTLINE_HASH_THREADS overrides), each hash
 * as costly as auth_hash's.  0, or -1 when any failed (its out[i] NULL).
 */
int auth_hash_many(const char *const *secrets, char **out, size_t n);
/*
 * Whether secret matches hash (constant-time compare).  The hashing runs
 * in a short-lived child process, so that yescrypt's 16 MiB never count
 * in the caller's memory (a trainee's seat stays small).
 */
int auth_verify(const char *secret, const char *hash);

const char *role_name(enum role r);
/* The role as people read it, in their language (messages, not data). */
const char *role_label(enum role r);
/* Parse "instructor" / "organizer"; -1 when neither. */
int role_parse(const char *s, enum role *r);

/*
 * Seconds kind/who ("ticket" or "user") must still wait before another try
 * is allowed: 0 after fewer than AUTH_FREE_TRIES recent failures, then 2,
 * 4, 8 ... up to 300 seconds after the latest failure.
 */
int auth_wait(struct store *s, const char *kind, const char *who);
/* auth_wait as text for a listing: the seconds, or "" when none. */
const char *auth_wait_text(struct store *s, const char *kind,
    const char *who, char buf[16]);
/*
 * Forget the failed logins of who (inside the caller's transaction): how
 * many there were, or -1 and *cause.
 */
int auth_clear(struct store *s, const char *kind, const char *who,
    char **cause);
/*
 * Count a try at kind/who's secret BEFORE the secret is checked: in one
 * BEGIN IMMEDIATE transaction, refuse it when a limit (this ticket or
 * account, the source, the cohort when cohort_id > 0) imposes a wait, else
 * record it as a failure.  So however many tries start at once, each is
 * counted before the next is let through, and no more secrets are checked
 * than the limits allow.  Returns 0 (go on, then auth_settle), 1 (refused:
 * try->wait_s and try->limit), or -1 and *cause (database error: do not
 * check the secret).
 */
int auth_reserve(struct store *s, const char *kind, const char *who,
    const char *source, sqlite3_int64 cohort_id, struct auth_try *try,
    char **cause);
/*
 * The outcome of a reserved try: when ok its row is removed; otherwise it
 * stays as the failure and the audit trail records "login failed" (never
 * the secret).  Committed at once.
 */
void auth_settle(struct store *s, const struct auth_try *try, int ok,
    const char *kind, const char *who);
/*
 * Where a terminal login comes from: "ssh:ADDRESS" from SSH_CLIENT (or
 * SSH_CONNECTION), else "local".  A static string.
 */
const char *auth_terminal_source(void);
/*
 * The message for a try refused by the source or cohort limit (to free),
 * or NULL when the ticket's or account's own limit refused it (the caller
 * words that one).
 */
char *auth_limit_text(const struct auth_try *try, const char *source);

/*
 * The rule a new account password follows (at least 8 bytes): 0, or -1
 * and *cause naming the rule.  user_add and user_set_password apply it;
 * a client asking for a password checks it before asking to repeat it.
 */
int auth_password_rule(const char *password, char **cause);

/*
 * Create an account.  Returns 0, or -1 with *cause (name taken, empty
 * password).
 */
int user_add(struct store *s, const char *name, enum role role,
    const char *password, char **cause);

/*
 * Give account name a new password (a forgotten one) and clear its failed
 * logins, audited.  Returns 0, or -1 with *cause (no such user, a short
 * password).
 */
int user_set_password(struct store *s, const char *name,
    const char *password, char **cause);

/* The accounts: user,role,created,login_wait_s (empty when none). */
void user_list(struct store *s, struct table *t);

/*
 * Authenticate name with password and require role at least min (an
 * organizer may do what an instructor may).  Returns 0 and fills u, or -1
 * with *cause naming the refusal (unknown user or wrong password; the wait;
 * the role missing).
 */
int user_login(struct store *s, const char *name, const char *password,
    enum role min, struct user *u, char **cause);
void user_release(struct user *u);

/* Append an audit event (inside the caller's transaction). */
int event_add(struct store *s, const char *actor, const char *action,
    sqlite3_int64 cohort_id, sqlite3_int64 trainee_id, const char *detail,
    char **cause);

#endif
