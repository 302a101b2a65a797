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
/* Failures allowed before each further try must wait. */
#define AUTH_FREE_TRIES	3

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
/* Record a failed try and its audit event (committed at once). */
void auth_failed(struct store *s, const char *kind, const char *who);

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
