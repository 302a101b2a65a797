/*
 * Authorization in the core, on a real database: a session reaches only
 * its own attempt (another attempt's id with this session's token, or no
 * token, writes nothing); a live attempt reaches its client without the
 * key, which comes only once it is closed; a submitted attempt refuses
 * every write; two
 * logins with one ticket, also at the same moment from separate processes,
 * never leave two live sittings; the organizer's actions refuse an
 * instructor whatever the caller passes; a wrong password is refused,
 * throttled and audited; a trainee's ticket is not an account.
 */
#include "config.h"

#include "unit.h"
#include "unit-db.h"

#include <sys/wait.h>

#include "core/attempt.h"
#include "core/auth.h"
#include "core/cohort.h"
#include "core/content.h"
#include "core/load.h"
#include "core/proctor.h"
#include "core/results.h"
#include "core/score.h"
#include "core/store.h"
#include "core/xmlsafe.h"

struct fixture {
	char		*dir;
	char		*path;
	struct store	*s;
	struct table	 roster;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	char *cause = NULL;

	xmlsafe_init();
	f->dir = unit_tmpdir();
	f->path = xasprintf("%s/t.db", f->dir);
	assert_int_equal(store_open(f->path, STORE_CREATE, &f->s, &cause), 0);
	free(unit_mini_cohort(f->s, f->dir, "c",
	    "name,community\n张三,东关\n李四,西关\n", &f->roster));
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	table_release(&f->roster);
	store_free(&f->s);
	free(f->path);
	unit_rmdir(f->dir);
	free(f);
	xmlsafe_cleanup();
	return 0;
}

static void
login(struct store *s, struct fixture *f, int row, struct trainee *t)
{
	unit_login(s, &f->roster, row, t);
}

#define count unit_count

/* A refusal whose message says text. */
static void
refused(int rc, char **cause, const char *text)
{
	assert_int_equal(rc, -1);
	assert_non_null(*cause);
	assert_non_null(strstr(*cause, text));
	free(*cause);
	*cause = NULL;
}

/* Every write of a forged attempt (id, token) is refused; nothing stored. */
static void
forged_writes(struct fixture *f, struct attempt *own, sqlite3_int64 id,
    const char *token, int expect)
{
	struct attempt forged = *own;
	char *cause = NULL;
	long before;

	before = count(f->s, "SELECT total_changes()");
	forged.id = id;
	forged.token = (char *)token;
	forged.items = xcalloc(own->nitems, sizeof *forged.items);
	memcpy(forged.items, own->items, own->nitems * sizeof *own->items);
	forged.items[0].response = xstrdup("");
	assert_int_equal(attempt_answer(f->s, &forged, 0, "1", &cause),
	    expect);
	assert_int_equal(attempt_flag(f->s, &forged, 0, 1, &cause), expect);
	assert_int_equal(attempt_submit(f->s, &forged, &cause), expect);
	assert_int_equal(count(f->s, "SELECT total_changes()"), before);
	free(forged.items[0].response);
	free(forged.items);
}

static void
test_other_attempt(void **state)
{
	struct fixture *f = *state;
	struct trainee ta, tb;
	struct attempt *a, *b;
	char *cause = NULL, *sql;

	login(f->s, f, 1, &ta);
	login(f->s, f, 2, &tb);
	assert_int_equal(attempt_open(f->s, &ta, &a, &cause), 0);
	assert_int_equal(attempt_open(f->s, &tb, &b, &cause), 0);
	assert_int_not_equal(a->id, b->id);
	assert_string_not_equal(a->token, b->token);
	assert_true(strlen(a->token) >= 32);

	/* A's session with B's attempt id, or with no token at all. */
	forged_writes(f, a, b->id, a->token, ATTEMPT_TAKEN_OVER);
	forged_writes(f, a, b->id, "", ATTEMPT_TAKEN_OVER);
	forged_writes(f, a, b->id, NULL, ATTEMPT_TAKEN_OVER);
	forged_writes(f, a, a->id, "", ATTEMPT_TAKEN_OVER);
	forged_writes(f, a, a->id, b->token, ATTEMPT_TAKEN_OVER);
	sql = xasprintf("SELECT count(*) FROM paper_item WHERE attempt_id ="
	    " %lld AND (response <> '' OR flagged <> 0)", (long long)b->id);
	assert_int_equal(count(f->s, sql), 0);
	free(sql);
	assert_int_equal(count(f->s, "SELECT count(*) FROM attempt"
	    " WHERE status = 'in-progress'"), 2);

	/* A's own session still works. */
	assert_int_equal(attempt_answer(f->s, a, 0, "0", &cause), 0);
	attempt_free(&a);
	attempt_free(&b);
	trainee_release(&ta);
	trainee_release(&tb);
}

static void
test_submitted_refuses(void **state)
{
	struct fixture *f = *state;
	struct trainee t;
	struct attempt *a, *again;
	char *cause = NULL;
	long changes;

	login(f->s, f, 1, &t);
	assert_int_equal(attempt_open(f->s, &t, &a, &cause), 0);
	assert_int_equal(attempt_answer(f->s, a, 0, "0", &cause), 0);
	assert_int_equal(attempt_submit(f->s, a, &cause), 0);
	changes = count(f->s, "SELECT total_changes()");
	assert_int_equal(attempt_answer(f->s, a, 0, "1", &cause),
	    ATTEMPT_CLOSED);
	assert_int_equal(attempt_answer(f->s, a, 1, "", &cause),
	    ATTEMPT_CLOSED);
	assert_int_equal(attempt_flag(f->s, a, 0, 1, &cause), ATTEMPT_CLOSED);
	assert_int_equal(attempt_submit(f->s, a, &cause), ATTEMPT_CLOSED);
	assert_int_equal(count(f->s, "SELECT total_changes()"), changes);

	/* Logging in again shows the result; no new sitting, no new token. */
	assert_int_equal(attempt_open(f->s, &t, &again, &cause), 0);
	assert_int_equal(again->id, a->id);
	assert_int_equal(again->status, ATTEMPT_SUBMITTED);
	assert_string_equal(again->token, a->token);
	assert_int_equal(attempt_answer(f->s, again, 0, "1", &cause),
	    ATTEMPT_CLOSED);
	assert_int_equal(count(f->s, "SELECT count(*) FROM attempt"), 1);
	assert_int_equal(count(f->s, "SELECT count(*) FROM paper_item"
	    " WHERE response = '1'"), 0);
	attempt_free(&a);
	attempt_free(&again);
	trainee_release(&t);
}

/* Whether any item of a carries a key (correct option, order, answer). */
static int
has_keys(const struct attempt *a)
{
	size_t i, k;
	int n = 0;

	for (i = 0; i < a->nitems; i++) {
		n += a->items[i].answer != 0 ||
		    *a->items[i].explanation.zh != '\0' ||
		    *a->items[i].explanation.en != '\0';
		for (k = 0; k < a->items[i].noptions; k++)
			n += a->items[i].options[k].correct != 0 ||
			    a->items[i].options[k].position != 0;
	}
	return n;
}

static void
test_keys_hidden(void **state)
{
	struct fixture *f = *state;
	struct trainee ta, tb;
	struct attempt *a, *a2, *b, forged;
	struct grade g;
	char *cause = NULL, *sql;
	long stored;

	login(f->s, f, 1, &ta);
	login(f->s, f, 2, &tb);
	assert_int_equal(attempt_open(f->s, &ta, &a, &cause), 0);
	assert_int_equal(attempt_open(f->s, &tb, &b, &cause), 0);
	/* What a client receives for a live attempt holds no key. */
	assert_int_equal(has_keys(a), 0);
	assert_int_equal(attempt_answer(f->s, a, 0, "0", &cause), 0);
	assert_int_equal(attempt_refresh(f->s, a, &cause), 0);
	assert_int_equal(has_keys(a), 0);

	/* Taken over, then submitted by the other login: the first client
	 * learns it is closed, and gets the key for the result. */
	assert_int_equal(attempt_open(f->s, &ta, &a2, &cause), 0);
	assert_int_equal(has_keys(a2), 0);
	assert_int_equal(attempt_submit(f->s, a2, &cause), 0);
	assert_true(has_keys(a2) > 0);
	assert_int_equal(attempt_answer(f->s, a, 0, "1", &cause),
	    ATTEMPT_CLOSED);
	assert_true(has_keys(a) > 0);
	/* The key makes the same grade as the one stored. */
	attempt_grade(a2, &g);
	sql = xasprintf("SELECT tenths FROM attempt WHERE id = %lld",
	    (long long)a2->id);
	stored = count(f->s, sql);
	free(sql);
	assert_int_equal(g.tenths, stored);
	grade_release(&g);

	/* B's session pointed at A's closed attempt learns nothing. */
	forged = *b;
	forged.id = a->id;
	forged.items = NULL;
	forged.nitems = 0;
	assert_int_equal(attempt_refresh(f->s, &forged, &cause), 0);
	assert_null(forged.items);
	assert_int_equal(b->status, ATTEMPT_IN_PROGRESS);
	assert_int_equal(has_keys(b), 0);
	attempt_free(&a);
	attempt_free(&a2);
	attempt_free(&b);
	trainee_release(&ta);
	trainee_release(&tb);
}

/*
 * N processes log in with one ticket at the same moment, each on its own
 * connection; once all have opened, each tries to answer.  Exactly one
 * sitting exists and exactly one client may write.
 */
#define LOGINS 6

static int
child_login(struct fixture *f, int go_open, int opened, int go_write)
{
	struct store *s;
	struct trainee t;
	struct attempt *a;
	char *cause = NULL, c;
	int rc;

	if (read(go_open, &c, 1) < 0 ||
	    store_open(f->path, STORE_OPEN, &s, &cause) != 0)
		return 3;
	login(s, f, 1, &t);
	if (attempt_open(s, &t, &a, &cause) != 0)
		return 4;
	if (write(opened, "o", 1) != 1)
		return 5;
	if (read(go_write, &c, 1) < 0)
		return 6;
	rc = attempt_answer(s, a, 0, "0", &cause);
	attempt_free(&a);
	trainee_release(&t);
	store_free(&s);
	return rc == 0 ? 0 : rc == ATTEMPT_TAKEN_OVER ? 1 : 7;
}

static void
test_concurrent_logins(void **state)
{
	struct fixture *f = *state;
	int go_open[2], opened[2], go_write[2], i, st, writers = 0;
	pid_t pids[LOGINS];
	char c;

	store_free(&f->s);	/* no connection across fork() */
	assert_int_equal(pipe(go_open), 0);
	assert_int_equal(pipe(opened), 0);
	assert_int_equal(pipe(go_write), 0);
	fflush(NULL);
	for (i = 0; i < LOGINS; i++) {
		assert_true((pids[i] = fork()) >= 0);
		if (pids[i] == 0) {
			close(go_open[1]);
			close(go_write[1]);
			close(opened[0]);
			_exit(child_login(f, go_open[0], opened[1],
			    go_write[0]));
		}
	}
	close(go_open[0]);
	close(go_write[0]);
	close(opened[1]);
	close(go_open[1]);	/* all start together */
	for (i = 0; i < LOGINS; i++)
		if (read(opened[0], &c, 1) != 1)
			break;
	close(go_write[1]);
	close(opened[0]);
	for (i = 0; i < LOGINS; i++) {
		assert_int_equal(waitpid(pids[i], &st, 0), pids[i]);
		assert_true(WIFEXITED(st));
		assert_in_range(WEXITSTATUS(st), 0, 1);
		writers += WEXITSTATUS(st) == 0;
	}
	assert_int_equal(writers, 1);
	{
		char *cause = NULL;

		assert_int_equal(store_open(f->path, STORE_OPEN, &f->s,
		    &cause), 0);
	}
	assert_int_equal(count(f->s, "SELECT count(*) FROM attempt"), 1);
	assert_int_equal(count(f->s, "SELECT count(*) FROM paper_item"
	    " WHERE response = '0'"), 1);
}

static void
test_roles(void **state)
{
	struct fixture *f = *state;
	struct user ins, org, forged;
	struct cohort_result r;
	struct score_request q;
	struct score_result sr;
	struct trainee t;
	struct attempt *a;
	char *cause = NULL;
	const char *ticket = table_cell(&f->roster, 1, 0);
	long deadline, changes;
	int number, cleared;

	/* An instructor is refused where an organizer is needed. */
	refused(user_login(f->s, "ins", "secret-ins", ROLE_ORGANIZER, &ins,
	    &cause), &cause, "permission denied");
	assert_int_equal(user_login(f->s, "ins", "secret-ins",
	    ROLE_INSTRUCTOR, &ins, &cause), 0);
	assert_int_equal(user_login(f->s, "org", "secret-org",
	    ROLE_ORGANIZER, &org, &cause), 0);

	login(f->s, f, 1, &t);
	assert_int_equal(attempt_open(f->s, &t, &a, &cause), 0);
	changes = count(f->s, "SELECT total_changes()");
	/* The core checks the role itself, whatever the caller did. */
	refused(proctor_extend(f->s, &ins, "c1", ticket, 10, "r", &deadline,
	    &cause), &cause, "organizer");
	assert_int_equal(proctor_retake(f->s, &ins, "c1", ticket, &number,
	    &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(cohort_withdraw(f->s, &ins, "c1", ticket, "r",
	    &cause), -1);
	free(cause);
	cause = NULL;
	memset(&r, 0, sizeof r);
	assert_int_equal(cohort_certify(f->s, &ins, "c1", &r, &cause), -1);
	free(cause);
	cause = NULL;
	memset(&q, 0, sizeof q);
	q.cohort = "c1";
	q.ticket = ticket;
	q.rubric = "written";
	q.written_tenths = 1000;
	q.reason = "paper sitting";
	assert_int_equal(score_set(f->s, &ins, &q, &sr, &cause), -1);
	free(cause);
	cause = NULL;
	/* An unknown role value is not an organizer either. */
	forged = ins;
	forged.role = (enum role)7;
	assert_int_equal(proctor_extend(f->s, &forged, "c1", ticket, 10, "r",
	    &deadline, &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(proctor_unlock(f->s, &forged, "c1", ticket, &cleared,
	    &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(count(f->s, "SELECT total_changes()"), changes);
	/* The organizer may. */
	assert_int_equal(proctor_extend(f->s, &org, "c1", ticket, 10, "r",
	    &deadline, &cause), 0);
	attempt_free(&a);
	trainee_release(&t);
	user_release(&ins);
	user_release(&org);
}

static void
test_wrong_password(void **state)
{
	struct fixture *f = *state;
	struct user u;
	char *cause = NULL;
	int i;

	for (i = 0; i < AUTH_FREE_TRIES; i++)
		refused(user_login(f->s, "org", "wrong-password",
		    ROLE_ORGANIZER, &u, &cause), &cause,
		    "wrong user name or password");
	/* Throttled: even the right password must wait now. */
	refused(user_login(f->s, "org", "secret-org", ROLE_ORGANIZER, &u,
	    &cause), &cause, "too many failed logins");
	assert_int_equal(count(f->s, "SELECT count(*) FROM auth_failure"
	    " WHERE kind = 'user' AND who = 'org'"), AUTH_FREE_TRIES);
	assert_int_equal(count(f->s, "SELECT count(*) FROM event"
	    " WHERE action = 'login failed' AND actor = 'org'"),
	    AUTH_FREE_TRIES);
	/* The secret tried is never stored. */
	assert_int_equal(count(f->s, "SELECT count(*) FROM event"
	    " WHERE detail LIKE '%wrong-password%'"), 0);

	/* A trainee's ticket and PIN are not an account. */
	refused(user_login(f->s, table_cell(&f->roster, 1, 0),
	    table_cell(&f->roster, 1, 3), ROLE_INSTRUCTOR, &u, &cause),
	    &cause, "wrong user name or password");
	/* Nor is an account a ticket. */
	{
		struct trainee t;
		int wait;

		assert_int_equal(trainee_login(f->s, "ins", "secret-ins", &t,
		    &wait, &cause), -1);
		free(cause);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_other_attempt, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_submitted_refuses, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_keys_hidden, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_concurrent_logins, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_roles, setup, teardown),
		cmocka_unit_test_setup_teardown(test_wrong_password, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
