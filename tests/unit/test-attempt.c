/*
 * Unit tests of papers, attempts and grading on a real database: blueprint
 * counts and determinism by seed, every question type's grading and the
 * rounding, deadlines under a fake clock (attempt_now is wrapped), lazy
 * expiry, take-over by a second login, extra time and retakes.
 */
#include "config.h"

#include "unit.h"
#include "unit-db.h"

#include "core/attempt.h"
#include "core/auth.h"
#include "core/cohort.h"
#include "core/content.h"
#include "core/load.h"
#include "core/paper.h"
#include "core/proctor.h"
#include "core/store.h"
#include "core/xmlsafe.h"

/* The fake clock. */
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
	struct table	 roster;
};

/* A database with the mini content, a cohort and a roster of three. */
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
	f->cohort = unit_mini_cohort(f->s, f->dir, "测试",
	    "name,community\n张三,东关\n李四,西关\n王五,南关\n", &f->roster);
	fake_now = 1800000000;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	table_release(&f->roster);
	store_free(&f->s);
	free(f->cohort);
	unit_rmdir(f->dir);
	free(f);
	xmlsafe_cleanup();
	return 0;
}

static void
login(struct fixture *f, int row, struct trainee *t)
{
	unit_login(f->s, &f->roster, row, t);
}

#define count unit_count

static void
test_login(void **state)
{
	struct fixture *f = *state;
	struct trainee t;
	char *cause = NULL;
	int wait, i;

	login(f, 1, &t);
	assert_string_equal(t.name, "张三");
	assert_string_equal(t.cohort, "c1");
	trainee_release(&t);
	/* Wrong PINs are recorded and slow down after three. */
	for (i = 0; i < 3; i++) {
		assert_int_equal(trainee_login(f->s,
		    table_cell(&f->roster, 2, 0), "000000x", &t, &wait,
		    &cause), -1);
		assert_string_equal(cause, "wrong ticket or PIN");
		free(cause);
	}
	assert_true(wait > 0);
	assert_int_equal(trainee_login(f->s, table_cell(&f->roster, 2, 0),
	    table_cell(&f->roster, 2, 3), &t, &wait, &cause), -1);
	assert_non_null(strstr(cause, "wait"));
	free(cause);
	assert_int_equal(count(f->s, "SELECT count(*) FROM auth_failure"), 3);
	/* PINs are stored hashed, never in clear. */
	assert_int_equal(count(f->s, "SELECT count(*) FROM trainee"
	    " WHERE pin_hash NOT LIKE '$y$%'"), 0);
}

static void
test_open_answer_resume(void **state)
{
	struct fixture *f = *state;
	struct trainee t;
	struct attempt *a, *b;
	char *cause = NULL;
	size_t i;

	login(f, 1, &t);
	assert_int_equal(attempt_open(f->s, &t, &a, &cause), 0);
	assert_int_equal(a->nitems, 3);
	assert_int_equal(a->status, ATTEMPT_IN_PROGRESS);
	assert_int_equal(a->deadline, fake_now + 10 * 60);
	assert_int_equal(attempt_remaining(a, fake_now), 600);
	/* The blueprint: two of difficulty 1, one of difficulty 2. */
	assert_int_equal(a->items[0].difficulty + a->items[1].difficulty +
	    a->items[2].difficulty, 4);

	assert_int_equal(attempt_answer(f->s, a, 0, "0", &cause), 0);
	assert_int_equal(attempt_flag(f->s, a, 1, 1, &cause), 0);
	assert_int_equal(attempt_answer(f->s, a, 2, "9", &cause), -1);
	free(cause);
	cause = NULL;

	/* A second login resumes the same paper and takes the sitting. */
	fake_now += 120;
	assert_int_equal(attempt_open(f->s, &t, &b, &cause), 0);
	assert_int_equal(b->id, a->id);
	assert_int_equal(b->deadline, a->deadline);
	assert_int_equal(attempt_remaining(b, fake_now), 480);
	for (i = 0; i < 3; i++) {
		size_t k;

		assert_string_equal(b->items[i].qid, a->items[i].qid);
		assert_int_equal(b->items[i].noptions, a->items[i].noptions);
		for (k = 0; k < a->items[i].noptions; k++)
			assert_string_equal(b->items[i].options[k].text.en,
			    a->items[i].options[k].text.en);
	}
	assert_string_equal(b->items[0].response, "0");
	assert_int_equal(b->items[1].flagged, 1);
	/* The first client was taken over. */
	assert_int_equal(attempt_answer(f->s, a, 0, "1", &cause),
	    ATTEMPT_TAKEN_OVER);
	assert_string_equal(b->items[0].response, "0");
	assert_int_equal(count(f->s, "SELECT count(*) FROM attempt"), 1);

	assert_int_equal(attempt_submit(f->s, b, &cause), 0);
	assert_int_equal(attempt_answer(f->s, b, 0, "1", &cause),
	    ATTEMPT_CLOSED);
	attempt_free(&a);
	attempt_free(&b);
	assert_null(b);
	trainee_release(&t);
}

/* A browser session loads its attempt again by token on each request. */
static void
test_resume_by_token(void **state)
{
	struct fixture *f = *state;
	struct trainee t;
	struct attempt *a, *r, *b;
	char *cause = NULL, *token;

	login(f, 1, &t);
	assert_int_equal(attempt_open(f->s, &t, &a, &cause), 0);
	token = xstrdup(a->token);
	assert_int_equal(attempt_answer(f->s, a, 0, "1", &cause), 0);
	assert_int_equal(attempt_flag(f->s, a, 2, 1, &cause), 0);

	/* The same token: the same paper and answers, no key, no new token. */
	assert_int_equal(attempt_resume(f->s, a->id, t.id, token, &r, &cause),
	    0);
	assert_string_equal(r->token, token);
	assert_string_equal(r->items[0].response, "1");
	assert_int_equal(r->items[2].flagged, 1);
	assert_string_equal(r->items[0].explanation.en, "");
	assert_int_equal(attempt_answer(f->s, r, 1, "0", &cause), 0);
	attempt_free(&r);
	/* Another trainee's id never loads it. */
	assert_int_equal(attempt_resume(f->s, a->id, t.id + 1, token, &r,
	    &cause), -1);
	assert_null(r);
	free(cause);
	cause = NULL;

	/* A later login elsewhere takes over: the old token writes nothing. */
	assert_int_equal(attempt_open(f->s, &t, &b, &cause), 0);
	assert_int_equal(attempt_resume(f->s, a->id, t.id, token, &r, &cause),
	    ATTEMPT_TAKEN_OVER);
	assert_int_equal(attempt_answer(f->s, r, 1, "1", &cause),
	    ATTEMPT_TAKEN_OVER);
	assert_int_equal(count(f->s, "SELECT count(*) FROM paper_item"
	    " WHERE response = '0' AND seq = 1"), 1);
	attempt_free(&r);

	/* Past the deadline, resuming closes it and brings the key. */
	fake_now += 11 * 60;
	assert_int_equal(attempt_resume(f->s, b->id, t.id, b->token, &r,
	    &cause), 0);
	assert_int_equal(r->status, ATTEMPT_EXPIRED);
	assert_int_equal(count(f->s, "SELECT count(*) FROM attempt"
	    " WHERE status = 'expired'"), 1);
	attempt_free(&r);
	attempt_free(&a);
	attempt_free(&b);
	free(token);
	trainee_release(&t);
}

static void
test_expiry_without_client(void **state)
{
	struct fixture *f = *state;
	struct trainee t;
	struct attempt *a;
	struct table v;
	char *cause = NULL;

	login(f, 2, &t);
	assert_int_equal(attempt_open(f->s, &t, &a, &cause), 0);
	assert_int_equal(attempt_answer(f->s, a, 0, a->items[0].type ==
	    QTYPE_TRUEFALSE ? "1" : "0", &cause), 0);
	attempt_free(&a);	/* the client dies */

	fake_now += 10 * 60;	/* exactly the deadline */
	assert_int_equal(proctor_attempts(f->s, "c1", &v, &cause), 0);
	assert_string_equal(table_cell(&v, 2, 2), "expired");
	assert_string_equal(table_cell(&v, 2, 3), "1");
	table_release(&v);
	assert_int_equal(count(f->s, "SELECT closed_at - started_at FROM"
	    " attempt"), 600);
	assert_int_equal(count(f->s, "SELECT total FROM attempt"), 3);

	/* Opening again shows the closed attempt, and writes are refused. */
	assert_int_equal(attempt_open(f->s, &t, &a, &cause), 0);
	assert_int_equal(a->status, ATTEMPT_EXPIRED);
	assert_int_equal(attempt_answer(f->s, a, 1, "0", &cause),
	    ATTEMPT_CLOSED);
	attempt_free(&a);
	trainee_release(&t);
}

static void
test_extend_and_retake(void **state)
{
	struct fixture *f = *state;
	struct trainee t;
	struct attempt *a;
	struct user org, ins, other;
	char *cause = NULL;
	long deadline;
	int number;

	assert_int_equal(user_login(f->s, "org", "secret-org", ROLE_ORGANIZER,
	    &org, &cause), 0);
	assert_int_equal(user_login(f->s, "ins", "secret-ins",
	    ROLE_INSTRUCTOR, &ins, &cause), 0);
	assert_int_equal(user_login(f->s, "ins", "secret-ins", ROLE_ORGANIZER,
	    &other, &cause), -1);
	assert_non_null(strstr(cause, "permission denied"));
	free(cause);

	login(f, 3, &t);
	assert_int_equal(attempt_open(f->s, &t, &a, &cause), 0);
	/* An instructor may not give extra time. */
	assert_int_equal(proctor_extend(f->s, &ins, "c1", t.ticket, 5, "x",
	    &deadline, &cause), -1);
	assert_non_null(strstr(cause, "permission denied"));
	free(cause);
	assert_int_equal(proctor_extend(f->s, &org, "c1", t.ticket, 5, "",
	    &deadline, &cause), -1);
	free(cause);
	assert_int_equal(proctor_extend(f->s, &org, "c1", t.ticket, 15,
	    "power cut in room 2", &deadline, &cause), 0);
	assert_int_equal(deadline, fake_now + 25 * 60);
	fake_now += 11 * 60;	/* past the original deadline */
	assert_int_equal(attempt_refresh(f->s, a, &cause), 0);
	assert_int_equal(a->status, ATTEMPT_IN_PROGRESS);
	assert_int_equal(a->deadline, deadline);
	assert_int_equal(count(f->s, "SELECT count(*) FROM event"
	    " WHERE action = 'attempt extend' AND actor = 'org'"
	    " AND detail LIKE '%power cut%'"), 1);

	/* No retake while the test is in progress. */
	assert_int_equal(proctor_retake(f->s, &org, "c1", t.ticket, &number,
	    &cause), -1);
	free(cause);
	assert_int_equal(attempt_submit(f->s, a, &cause), 0);	/* 0% */
	attempt_free(&a);
	assert_int_equal(proctor_retake(f->s, &org, "c1", t.ticket, &number,
	    &cause), 0);
	assert_int_equal(number, 2);
	assert_int_equal(attempt_open(f->s, &t, &a, &cause), 0);
	assert_int_equal(a->number, 2);
	assert_int_equal(a->status, ATTEMPT_IN_PROGRESS);
	assert_int_equal(attempt_submit(f->s, a, &cause), 0);
	attempt_free(&a);
	/* One retake only (the exam default). */
	assert_int_equal(proctor_retake(f->s, &org, "c1", t.ticket, &number,
	    &cause), -1);
	assert_non_null(strstr(cause, "retake"));
	free(cause);
	user_release(&org);
	user_release(&ins);
	trainee_release(&t);
}

/* A hand-made paper item for grading. */
static struct paper_item
item(enum qtype type, const char *response, int ncorrect_first, int n)
{
	struct paper_item it;
	int i;

	memset(&it, 0, sizeof it);
	it.type = type;
	it.module = (char *)"m";
	it.response = (char *)response;
	it.noptions = (size_t)n;
	it.options = xcalloc((size_t)n, sizeof *it.options);
	for (i = 0; i < n; i++) {
		it.options[i].correct = i < ncorrect_first;
		it.options[i].position = n - i;	/* correct order: reversed */
	}
	it.answer = 1;
	return it;
}

static void
test_grading(void **state)
{
	static const struct {
		enum qtype	 type;
		const char	*response;
		int		 ncorrect, n, partial;
		int		 tenths;	/* of a one-item paper */
	} cases[] = {
		{ QTYPE_SINGLE, "0", 1, 4, 0, 1000 },
		{ QTYPE_SINGLE, "1", 1, 4, 0, 0 },
		{ QTYPE_SINGLE, "", 1, 4, 0, 0 },
		{ QTYPE_MULTIPLE, "0,1", 2, 4, 0, 1000 },
		{ QTYPE_MULTIPLE, "1,0", 2, 4, 0, 1000 },
		{ QTYPE_MULTIPLE, "0", 2, 4, 0, 0 },
		{ QTYPE_MULTIPLE, "0,1,2", 2, 4, 0, 0 },
		{ QTYPE_MULTIPLE, "0", 2, 4, 1, 500 },
		{ QTYPE_MULTIPLE, "0,1,2", 2, 4, 1, 500 },
		{ QTYPE_MULTIPLE, "0,2,3", 3, 4, 1, 333 },
		{ QTYPE_MULTIPLE, "2,3", 2, 4, 1, 0 },
		{ QTYPE_TRUEFALSE, "1", 0, 0, 0, 1000 },
		{ QTYPE_TRUEFALSE, "0", 0, 0, 0, 0 },
		{ QTYPE_ORDERING, "2,1,0", 0, 3, 0, 1000 },
		{ QTYPE_ORDERING, "0,1,2", 0, 3, 0, 0 },
		{ QTYPE_ORDERING, "2,1", 0, 3, 0, 0 },
	};
	struct attempt a;
	struct grade g;
	struct paper_item it;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&a, 0, sizeof a);
		it = item(cases[i].type, cases[i].response, cases[i].ncorrect,
		    cases[i].n);
		a.items = &it;
		a.nitems = 1;
		a.partial_credit = cases[i].partial;
		a.pass = 60;
		attempt_grade(&a, &g);
		if (g.tenths != cases[i].tenths)
			fail_msg("case %zu (%s \"%s\"): %d tenths, want %d",
			    i, qtype_name(cases[i].type), cases[i].response,
			    g.tenths, cases[i].tenths);
		grade_release(&g);
		free(it.options);
	}
}

static void
test_rounding(void **state)
{
	static const struct {
		int	correct, total, tenths, passed;
	} cases[] = {
		{ 2, 3, 667, 1 },	/* 66.67 -> 66.7 */
		{ 1, 3, 333, 0 },	/* 33.33 -> 33.3 */
		{ 1, 8, 125, 0 },	/* 12.5 exactly */
		{ 1, 16, 63, 0 },	/* 6.25 -> 6.3, half up */
		{ 3, 16, 188, 0 },	/* 18.75 -> 18.8 */
		{ 30, 50, 600, 1 },	/* the pass mark itself */
		{ 29, 50, 580, 0 },
		{ 0, 50, 0, 0 },
		{ 50, 50, 1000, 1 },
	};
	struct paper_item *items;
	struct attempt a;
	struct grade g;
	size_t i;
	int k;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		items = xcalloc((size_t)cases[i].total, sizeof *items);
		for (k = 0; k < cases[i].total; k++) {
			items[k].type = QTYPE_TRUEFALSE;
			items[k].module = (char *)(k % 2 ? "a" : "b");
			items[k].answer = 1;
			items[k].response = (char *)(k < cases[i].correct ?
			    "1" : "0");
		}
		memset(&a, 0, sizeof a);
		a.items = items;
		a.nitems = (size_t)cases[i].total;
		a.pass = 60;
		attempt_grade(&a, &g);
		assert_int_equal(g.correct, cases[i].correct);
		assert_int_equal(g.tenths, cases[i].tenths);
		assert_int_equal(g.passed, cases[i].passed);
		assert_int_equal(g.nmodules, 2);
		grade_release(&g);
		free(items);
	}
}

/* The shipped course: blueprint counts, fairness and determinism. */
static void
test_standard_papers(void **state)
{
	struct fixture *f = *state;
	struct paper_draw *d1, *d2, *d3;
	const char *dd = getenv("FIRSTLINE_DATADIR");
	char *files[20], *cause = NULL, pattern[64];
	const char *mods[] = { "firstaid", "cpr", "trauma", "hazard",
	    "disaster", "evacuation", "reporting", "home" };
	const char *rubrics[] = { "cpr-aed", "bleeding", "extinguisher",
	    "hazard-patrol", "stairwell-arrest", "ebike-fire", "gas-leak",
	    "earthquake-evac" };
	sqlite3_int64 evid;
	long n1, n2, n3, i, j;
	int m, same = 1, per[8];
	size_t k = 0;

	assert_non_null(dd);
	for (m = 0; m < 8; m++)
		files[k++] = xasprintf("%s/banks/%s.xml", dd, mods[m]);
	for (m = 0; m < 8; m++)
		files[k++] = xasprintf("%s/rubrics/%s.xml", dd, rubrics[m]);
	files[k++] = xasprintf("%s/exams/standard.xml", dd);
	files[k] = NULL;
	unit_load(f->s, (const char *const *)files);
	for (k = 0; files[k] != NULL; k++)
		free(files[k]);
	evid = count(f->s, "SELECT id FROM current_exam"
	    " WHERE exam = 'standard'");

	n1 = paper_draw(f->s, evid, 42, &d1, &cause);
	n2 = paper_draw(f->s, evid, 42, &d2, &cause);
	n3 = paper_draw(f->s, evid, 43, &d3, &cause);
	assert_int_equal(n1, 50);
	assert_int_equal(n2, 50);
	assert_int_equal(n3, 50);
	for (i = 0; i < n1; i++) {
		assert_int_equal(d1[i].question_id, d2[i].question_id);
		assert_memory_equal(d1[i].order, d2[i].order,
		    sizeof d1[i].order);
		same &= d1[i].question_id == d3[i].question_id;
		for (j = 0; j < i; j++)
			assert_true(d1[i].question_id != d1[j].question_id);
	}
	assert_false(same);	/* another seed, another paper */
	/* Every paper has the blueprint's counts per module. */
	memset(per, 0, sizeof per);
	for (i = 0; i < n3; i++)
		for (m = 0; m < 8; m++)
			per[m] += strcmp(d3[i].module, mods[m]) == 0;
	for (m = 0; m < 8; m++) {
		snprintf(pattern, sizeof pattern, "SELECT sum(count) FROM"
		    " exam_draw WHERE module = '%s'", mods[m]);
		assert_int_equal(per[m], count(f->s, pattern));
	}
	paper_draws_free(d1, n1);
	paper_draws_free(d2, n2);
	paper_draws_free(d3, n3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_login, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_answer_resume, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_resume_by_token, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_expiry_without_client,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_extend_and_retake, setup,
		    teardown),
		cmocka_unit_test(test_grading),
		cmocka_unit_test(test_rounding),
		cmocka_unit_test_setup_teardown(test_standard_papers, setup,
		    teardown),
	};

	return cmocka_run_group_tests_name("attempt", tests, NULL, NULL);
}
