/*
 * Unit tests of paper sittings (paper-sitting.h) on a real database, with
 * a fake clock: printing draws and freezes a paper per trainee and printing
 * again finds the identical one; a printed paper is neither opened at a
 * terminal nor expired while the sheets travel; a whole sheet is stored,
 * submitted, graded and audited in one go, exactly once; bad sheets change
 * nothing; who cannot sit on paper is refused or left out with a reason.
 */
#include "config.h"

#include "unit.h"
#include "unit-db.h"

#include "core/attempt.h"
#include "core/auth.h"
#include "core/paper.h"
#include "core/paper-sitting.h"
#include "core/proctor.h"
#include "core/results.h"
#include "core/sheet.h"
#include "core/store.h"
#include "core/xmlsafe.h"

static time_t fake_now = 1800000000;

time_t __wrap_attempt_now(void);
time_t
__wrap_attempt_now(void)
{
	return fake_now;
}

struct fixture {
	char		*dir;
	struct store	*s;
	char		*cohort;
	struct table	 roster;	/* row 1.. : ticket,name,community,pin */
	struct user	 org;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	char *cause = NULL, *path;

	xmlsafe_init();
	f->dir = unit_tmpdir();
	path = xasprintf("%s/t.db", f->dir);
	assert_int_equal(store_open(path, STORE_CREATE, &f->s, &cause), 0);
	free(path);
	f->cohort = unit_mini_cohort(f->s, f->dir, "纸笔",
	    "name,community\n张三,东关\n李四,西关\n王五,南关\n", &f->roster);
	assert_int_equal(user_login(f->s, "org", "secret-org", ROLE_ORGANIZER,
	    &f->org, &cause), 0);
	fake_now = 1800000000;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	user_release(&f->org);
	table_release(&f->roster);
	store_free(&f->s);
	free(f->cohort);
	unit_rmdir(f->dir);
	free(f);
	xmlsafe_cleanup();
	return 0;
}

#define count unit_count

static const char *
ticket(struct fixture *f, int row)
{
	return table_cell(&f->roster, row, 0);
}

/* Print for the given tickets (NULL-terminated; none: the cohort). */
static int
print(struct fixture *f, const char *const *tickets, struct paper_batch *b,
    struct diag *skipped, char **cause)
{
	size_t n = 0;

	while (tickets != NULL && tickets[n] != NULL)
		n++;
	return paper_sitting_print(f->s, "c1", (char *const *)tickets, n, b,
	    skipped, cause);
}

/* "qid:order qid:order ..." of a printed paper, to compare reprints. */
static char *
paper_text(const struct attempt *a)
{
	char *s = xstrdup(""), *t;
	size_t i, k;

	for (i = 0; i < a->nitems; i++) {
		t = xasprintf("%s %s:", s, a->items[i].qid);
		free(s);
		s = t;
		for (k = 0; k < a->items[i].noptions; k++) {
			t = xasprintf("%s%s|", s, a->items[i].options[k].text.en);
			free(s);
			s = t;
		}
	}
	return s;
}

/* The correct response of every item of attempt aid (from its key). */
static char **
correct_responses(struct store *s, sqlite3_int64 aid, size_t *n)
{
	struct attempt a;
	char **r, *cause = NULL, buf[64];
	size_t i, k, p, len;

	memset(&a, 0, sizeof a);
	a.id = aid;
	assert_int_equal(paper_load(s, &a, &cause), 0);
	r = xcalloc(a.nitems, sizeof *r);
	for (i = 0; i < a.nitems; i++) {
		const struct paper_item *it = &a.items[i];

		buf[0] = '\0';
		len = 0;
		if (it->type == QTYPE_TRUEFALSE)
			snprintf(buf, sizeof buf, "%d", it->answer);
		else if (it->type == QTYPE_ORDERING) {
			for (p = 1; p <= it->noptions; p++)
				for (k = 0; k < it->noptions; k++)
					if (it->options[k].position == (int)p)
						len += (size_t)snprintf(buf +
						    len, sizeof buf - len,
						    "%s%zu", len ? "," : "", k);
		} else {
			for (k = 0; k < it->noptions; k++)
				if (it->options[k].correct)
					len += (size_t)snprintf(buf + len,
					    sizeof buf - len, "%s%zu",
					    len ? "," : "", k);
		}
		r[i] = xstrdup(buf);
	}
	*n = a.nitems;
	paper_items_free(a.items, a.nitems);
	return r;
}

static void
free_responses(char **r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(r[i]);
	free(r);
}

static void
test_print_and_reprint(void **state)
{
	struct fixture *f = *state;
	struct paper_batch b, b2;
	struct diag skipped;
	struct trainee t;
	struct attempt *a = NULL;
	struct sheet_code code;
	char *cause = NULL, *p1, *p2;
	size_t i;

	diag_init(&skipped);
	assert_int_equal(print(f, NULL, &b, &skipped, &cause), 0);
	assert_int_equal(diag_count(&skipped), 0);
	assert_int_equal(b.n, 3);
	assert_string_equal(b.cohort, "c1");
	assert_string_equal(b.cohort_name, "纸笔");
	for (i = 0; i < b.n; i++) {
		assert_string_equal(b.p[i].ticket, ticket(f, (int)i + 1));
		assert_false(b.p[i].reprint);
		assert_int_equal(b.p[i].a->status, ATTEMPT_NOT_STARTED);
		assert_int_equal(b.p[i].a->nitems, 3);
		/* No key on the printed paper. */
		assert_int_equal(b.p[i].a->items[0].options[0].correct, 0);
		assert_int_equal(sheet_code_parse(b.p[i].code,
		    strlen(b.p[i].code), &code, &cause), 0);
		assert_int_equal(code.attempt, b.p[i].a->id);
		assert_int_equal(sheet_code_verify(f->s, &code, "c1", NULL,
		    &cause), 0);
	}
	assert_string_equal(b.p[0].name, "张三");
	assert_int_equal(count(f->s, "SELECT count(*) FROM attempt"
	    " WHERE status = 'not-started' AND deadline = 0"), 3);
	assert_int_equal(count(f->s, "SELECT count(*) FROM event"
	    " WHERE action = 'paper print'"), 3);

	/* Printing again: the identical papers, nothing drawn. */
	assert_int_equal(print(f, NULL, &b2, &skipped, &cause), 0);
	assert_int_equal(b2.n, 3);
	for (i = 0; i < b.n; i++) {
		assert_true(b2.p[i].reprint);
		assert_int_equal(b2.p[i].a->id, b.p[i].a->id);
		assert_string_equal(b2.p[i].code, b.p[i].code);
		p1 = paper_text(b.p[i].a);
		p2 = paper_text(b2.p[i].a);
		assert_string_equal(p1, p2);
		free(p1);
		free(p2);
	}
	paper_batch_release(&b2);
	assert_int_equal(count(f->s, "SELECT count(*) FROM attempt"), 3);
	assert_int_equal(count(f->s, "SELECT count(*) FROM paper_item"), 9);

	/* One ticket alone, named twice: once. */
	{
		const char *one[] = { ticket(f, 2), ticket(f, 2), NULL };

		assert_int_equal(print(f, one, &b2, &skipped, &cause), 0);
		assert_int_equal(b2.n, 1);
		assert_int_equal(b2.p[0].a->id, b.p[1].a->id);
		paper_batch_release(&b2);
	}

	/* The trainee cannot open the printed paper at a terminal. */
	unit_login(f->s, &f->roster, 1, &t);
	assert_int_equal(attempt_open(f->s, &t, &a, &cause), -1);
	assert_non_null(strstr(cause, "printed on paper"));
	free(cause);
	cause = NULL;
	trainee_release(&t);
	/* A week later, nothing expired. */
	fake_now += 7 * 86400;
	assert_int_equal(attempt_expire_due(f->s, 0, &cause), 0);
	assert_int_equal(count(f->s, "SELECT count(*) FROM attempt"
	    " WHERE status = 'not-started'"), 3);
	paper_batch_release(&b);
	diag_release(&skipped);
}

static void
test_store_sheet(void **state)
{
	struct fixture *f = *state;
	struct paper_batch b;
	struct diag skipped;
	struct attempt *a = NULL;
	char *cause = NULL, **r, *sql;
	const char *bad[3];
	sqlite3_int64 aid;
	size_t n, i;

	diag_init(&skipped);
	assert_int_equal(print(f, NULL, &b, &skipped, &cause), 0);
	aid = b.p[0].a->id;
	r = correct_responses(f->s, aid, &n);
	assert_int_equal(n, 3);

	/* Refused, and nothing written: wrong count, bad answer, mode. */
	assert_int_equal(paper_sitting_store(f->s, aid,
	    (const char *const *)r, 2, "paper-scan", "a.pdf page 1", "server",
	    &cause), -1);
	free(cause);
	cause = NULL;
	bad[0] = r[0];
	bad[1] = "9";
	bad[2] = r[2];
	assert_int_equal(paper_sitting_store(f->s, aid, bad, 3, "paper-scan",
	    "a.pdf page 1", "server", &cause), -1);
	assert_non_null(strstr(cause, "question 2"));
	free(cause);
	cause = NULL;
	bad[1] = "0,0";
	assert_int_equal(paper_sitting_store(f->s, aid, bad, 3, "paper-keyed",
	    "keyed", "org", &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(paper_sitting_store(f->s, aid,
	    (const char *const *)r, 3, "terminal", "x", "server", &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(paper_sitting_store(f->s, aid,
	    (const char *const *)r, 3, "paper-scan", "a\nb", "server",
	    &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(paper_sitting_store(f->s, 4242,
	    (const char *const *)r, 3, "paper-scan", "a", "server", &cause),
	    -1);
	free(cause);
	cause = NULL;
	assert_int_equal(count(f->s, "SELECT count(*) FROM attempt"
	    " WHERE status = 'not-started'"), 3);
	assert_int_equal(count(f->s, "SELECT count(*) FROM paper_item"
	    " WHERE response <> ''"), 0);
	assert_int_equal(count(f->s, "SELECT count(*) FROM event"
	    " WHERE action = 'paper store'"), 0);

	/* The sheet, stored and graded: all correct, 100%. */
	fake_now += 3600;
	assert_int_equal(paper_sitting_store(f->s, aid,
	    (const char *const *)r, 3, "paper-scan", "hall.pdf page 2",
	    "server", &cause), 0);
	sql = xasprintf("SELECT count(*) FROM attempt WHERE id = %lld"
	    " AND status = 'submitted' AND mode = 'paper-scan'"
	    " AND tenths = 1000 AND correct = 3 AND total = 3"
	    " AND started_at = %lld AND closed_at = %lld", (long long)aid,
	    (long long)fake_now, (long long)fake_now);
	assert_int_equal(count(f->s, sql), 1);
	free(sql);
	sql = xasprintf("SELECT count(*) FROM attempt_module"
	    " WHERE attempt_id = %lld AND tenths = 1000", (long long)aid);
	assert_int_equal(count(f->s, sql), 1);
	free(sql);
	assert_int_equal(count(f->s, "SELECT count(*) FROM event"
	    " WHERE action = 'paper store' AND actor = 'server'"
	    " AND detail LIKE 'paper-scan: attempt 1: hall.pdf page 2:"
	    " answers 1:% 2:% 3:%'"), 1);
	/* Loaded back: the responses and, closed, the key. */
	assert_int_equal(paper_sitting_load(f->s, aid, &a, &cause), 0);
	assert_int_equal(a->status, ATTEMPT_SUBMITTED);
	for (i = 0; i < 3; i++)
		assert_string_equal(a->items[i].response, r[i]);
	attempt_free(&a);

	/* The same sheet again: closed, nothing changes. */
	bad[0] = bad[1] = bad[2] = "";
	assert_int_equal(paper_sitting_store(f->s, aid, bad, 3, "paper-keyed",
	    "again", "org", &cause), ATTEMPT_CLOSED);
	assert_int_equal(count(f->s, "SELECT count(*) FROM event"
	    " WHERE action = 'paper store'"), 1);
	sql = xasprintf("SELECT count(*) FROM attempt WHERE id = %lld"
	    " AND tenths = 1000 AND mode = 'paper-scan'", (long long)aid);
	assert_int_equal(count(f->s, sql), 1);
	free(sql);

	/* An empty sheet grades 0; the second trainee, keyed. */
	aid = b.p[1].a->id;
	assert_int_equal(paper_sitting_store(f->s, aid, bad, 3, "paper-keyed",
	    "keyed by org", "org", &cause), 0);
	sql = xasprintf("SELECT count(*) FROM attempt WHERE id = %lld"
	    " AND status = 'submitted' AND mode = 'paper-keyed'"
	    " AND tenths = 0", (long long)aid);
	assert_int_equal(count(f->s, sql), 1);
	free(sql);
	/* Printing again leaves the sat ones out, with the reason. */
	paper_batch_release(&b);
	assert_int_equal(print(f, NULL, &b, &skipped, &cause), 0);
	assert_int_equal(b.n, 1);
	assert_int_equal(diag_count(&skipped), 2);
	paper_batch_release(&b);

	free_responses(r, n);
	diag_release(&skipped);
}

static void
test_who_cannot(void **state)
{
	struct fixture *f = *state;
	struct paper_batch b;
	struct diag skipped;
	struct trainee t;
	struct attempt *a = NULL;
	char *cause = NULL, **r;
	const char *one[2] = { NULL, NULL };
	size_t n;
	int number;

	diag_init(&skipped);
	/* Row 1 sits at a terminal; row 2 is withdrawn. */
	unit_login(f->s, &f->roster, 1, &t);
	assert_int_equal(attempt_open(f->s, &t, &a, &cause), 0);
	assert_int_equal(cohort_withdraw(f->s, &f->org, "c1", ticket(f, 2),
	    "moved away", &cause), 0);
	one[0] = ticket(f, 1);
	assert_int_equal(print(f, one, &b, &skipped, &cause), -1);
	assert_non_null(strstr(cause, "sitting the written test"));
	free(cause);
	cause = NULL;
	one[0] = ticket(f, 2);
	assert_int_equal(print(f, one, &b, &skipped, &cause), -1);
	assert_non_null(strstr(cause, ticket(f, 2)));
	free(cause);
	cause = NULL;
	one[0] = "NO-SUCH";
	assert_int_equal(print(f, one, &b, &skipped, &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(paper_sitting_print(f->s, "nope", NULL, 0, &b,
	    &skipped, &cause), -1);
	free(cause);
	cause = NULL;
	/* Refusals drew nothing. */
	assert_int_equal(count(f->s, "SELECT count(*) FROM attempt"), 1);

	/* The cohort: only row 3, the others named in skipped. */
	assert_int_equal(print(f, NULL, &b, &skipped, &cause), 0);
	assert_int_equal(b.n, 1);
	assert_string_equal(b.p[0].ticket, ticket(f, 3));
	assert_int_equal(diag_count(&skipped), 2);
	paper_batch_release(&b);

	/* Submitted at the terminal: refused, "already sat". */
	assert_int_equal(attempt_submit(f->s, a, &cause), 0);
	attempt_free(&a);
	one[0] = ticket(f, 1);
	assert_int_equal(print(f, one, &b, &skipped, &cause), -1);
	assert_non_null(strstr(cause, "already sat"));
	free(cause);
	cause = NULL;
	/* A granted retake is printed: attempt 2 gets its paper. */
	assert_int_equal(proctor_retake(f->s, &f->org, "c1", ticket(f, 1),
	    &number, &cause), 0);
	assert_int_equal(print(f, one, &b, &skipped, &cause), 0);
	assert_int_equal(b.p[0].a->number, 2);
	assert_false(b.p[0].reprint);
	r = correct_responses(f->s, b.p[0].a->id, &n);
	assert_int_equal(paper_sitting_store(f->s, b.p[0].a->id,
	    (const char *const *)r, n, "paper-scan", "retake.png", "server",
	    &cause), 0);
	free_responses(r, n);
	paper_batch_release(&b);
	trainee_release(&t);

	/* Withdrawn after printing: the sheet is refused. */
	one[0] = ticket(f, 3);
	assert_int_equal(print(f, one, &b, &skipped, &cause), 0);
	assert_int_equal(cohort_withdraw(f->s, &f->org, "c1", ticket(f, 3),
	    "ill", &cause), 0);
	r = correct_responses(f->s, b.p[0].a->id, &n);
	assert_int_equal(paper_sitting_store(f->s, b.p[0].a->id,
	    (const char *const *)r, n, "paper-scan", "late.png", "server",
	    &cause), -1);
	assert_non_null(strstr(cause, "withdrawn"));
	free(cause);
	free_responses(r, n);
	paper_batch_release(&b);
	diag_release(&skipped);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_print_and_reprint, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_store_sheet, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_who_cannot, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
