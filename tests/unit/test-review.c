/*
 * The review queue of scanned sheets (review.h) on a real database: an
 * entry keeps every item as read, lists by cohort, settles once for the
 * whole attempt, is dismissed only with a reason, joins the caller's
 * transaction (a rollback takes it back), is never deleted, never changed
 * once closed, and every step is in the audit trail.
 */
#include "config.h"

#include "unit.h"
#include "unit-db.h"

#include "core/attempt.h"
#include "core/keyin.h"
#include "core/review.h"
#include "core/store.h"
#include "core/xmlsafe.h"

struct fixture {
	char		*dir;
	struct store	*s;
	struct table	 roster;
	sqlite3_int64	 aid;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	struct trainee t;
	struct attempt *a = NULL;
	char *cause = NULL, *path;

	xmlsafe_init();
	f->dir = unit_tmpdir();
	path = xasprintf("%s/t.db", f->dir);
	assert_int_equal(store_open(path, STORE_CREATE, &f->s, &cause), 0);
	free(path);
	free(unit_mini_cohort(f->s, f->dir, "c",
	    "name,community\n张三,东关\n李四,西关\n", &f->roster));
	unit_login(f->s, &f->roster, 1, &t);
	assert_int_equal(attempt_open(f->s, &t, &a, &cause), 0);
	f->aid = a->id;
	attempt_free(&a);
	trainee_release(&t);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	table_release(&f->roster);
	store_free(&f->s);
	unit_rmdir(f->dir);
	free(f);
	return 0;
}

static const struct review_item items[] = {
	{ 0, 0, (char *)"2", (char *)"C filled" },
	{ 1, 1, NULL, (char *)"A filled; B faint or partly filled" },
	{ 2, 0, (char *)"", (char *)"" },
};

static sqlite3_int64
add(struct fixture *f, const char *source, int page)
{
	sqlite3_int64 id = 0;
	char *cause = NULL;

	assert_int_equal(review_add(f->s, f->aid, source, page, 1, "", items,
	    3, "/tmp/x.png", "server", &id, &cause), 0);
	assert_true(id > 0);
	return id;
}

static void
test_add_and_list(void **state)
{
	struct fixture *f = *state;
	struct review *r = NULL, one;
	size_t n = 0;
	char *cause = NULL;
	sqlite3_int64 id;

	id = add(f, "scan one.pdf", 3);
	assert_int_equal(review_list(f->s, "c1", 1, &r, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].id, id);
	assert_int_equal(r[0].attempt_id, f->aid);
	assert_string_equal(r[0].cohort, "c1");
	assert_string_equal(r[0].ticket, table_cell(&f->roster, 1, 0));
	assert_string_equal(r[0].name, "张三");
	assert_string_equal(r[0].source, "scan one.pdf");
	assert_int_equal(r[0].page, 3);
	assert_int_equal(r[0].sheet_page, 1);
	assert_string_equal(r[0].image, "/tmp/x.png");
	assert_int_equal(r[0].status, REVIEW_OPEN);
	assert_int_equal(r[0].nitems, 3);
	assert_false(r[0].items[0].doubt);
	assert_string_equal(r[0].items[0].response, "2");
	assert_true(r[0].items[1].doubt);
	assert_null(r[0].items[1].response);
	assert_string_equal(r[0].items[1].seen,
	    "A filled; B faint or partly filled");
	assert_string_equal(r[0].items[2].response, "");
	reviews_free(r, n);

	assert_int_equal(review_get(f->s, id, &one, &cause), 0);
	assert_string_equal(one.source, "scan one.pdf");
	review_release(&one);
	assert_int_equal(review_get(f->s, id + 100, &one, &cause), -1);
	assert_non_null(strstr(cause, "no review entry"));
	free(cause);
	cause = NULL;

	assert_int_equal(review_list(f->s, "nope", 0, &r, &n, &cause), -1);
	assert_non_null(strstr(cause, "nope"));
	free(cause);
	assert_int_equal(unit_count(f->s, "SELECT count(*) FROM event WHERE"
	    " action = 'paper review opened'"), 1);
}

static void
test_settle_attempt(void **state)
{
	struct fixture *f = *state;
	struct review *r = NULL;
	size_t n = 0;
	char *cause = NULL;

	add(f, "a.pdf", 1);
	add(f, "b.png", 1);
	assert_int_equal(review_open_count(f->s, f->aid), 2);
	assert_int_equal(review_settle_attempt(f->s, f->aid, "org",
	    "keyed by org and bob", &cause), 2);
	assert_int_equal(review_open_count(f->s, f->aid), 0);
	/* Idempotent: nothing left to settle. */
	assert_int_equal(review_settle_attempt(f->s, f->aid, "org", "again",
	    &cause), 0);
	assert_int_equal(review_list(f->s, "c1", 1, &r, &n, &cause), 0);
	assert_int_equal(n, 0);
	free(r);
	assert_int_equal(review_list(f->s, "c1", 0, &r, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_int_equal(r[0].status, REVIEW_SETTLED);
	assert_string_equal(r[0].closed_by, "org");
	assert_string_equal(r[0].note, "keyed by org and bob");
	assert_true(*r[0].closed_at != '\0');
	reviews_free(r, n);
	assert_int_equal(unit_count(f->s, "SELECT count(*) FROM event WHERE"
	    " action = 'paper review closed'"), 1);
}

static void
test_dismiss(void **state)
{
	struct fixture *f = *state;
	sqlite3_int64 id = add(f, "a.pdf", 2);
	char *cause = NULL;

	assert_int_equal(review_dismiss(f->s, id, "org", "", &cause), -1);
	assert_non_null(strstr(cause, "why"));
	free(cause);
	cause = NULL;
	assert_int_equal(review_dismiss(f->s, id, "org", "scanned twice",
	    &cause), 0);
	assert_int_equal(review_dismiss(f->s, id, "org", "again", &cause),
	    -1);
	assert_non_null(strstr(cause, "already dismissed"));
	free(cause);
	cause = NULL;
	assert_int_equal(review_dismiss(f->s, id + 9, "org", "x", &cause),
	    -1);
	free(cause);
	assert_int_equal(unit_count(f->s, "SELECT count(*) FROM paper_review"
	    " WHERE status = 'dismissed'"), 1);
}

/* Writes join an open transaction: a rollback takes them back. */
static void
test_caller_transaction(void **state)
{
	struct fixture *f = *state;
	char *cause = NULL;

	add(f, "a.pdf", 1);
	assert_int_equal(store_begin(f->s, &cause), 0);
	add(f, "b.pdf", 1);
	assert_int_equal(review_settle_attempt(f->s, f->aid, "org", "x",
	    &cause), 2);
	store_rollback(f->s);
	assert_int_equal(review_open_count(f->s, f->aid), 1);
	assert_int_equal(unit_count(f->s, "SELECT count(*) FROM paper_review"),
	    1);
}

/* Never deleted; a closed entry and what was read never change. */
static void
test_append_only(void **state)
{
	struct fixture *f = *state;
	sqlite3_int64 id = add(f, "a.pdf", 1);
	char *cause = NULL, *sql;

	assert_int_equal(store_exec(f->s, "DELETE FROM paper_review", &cause),
	    -1);
	free(cause);
	cause = NULL;
	assert_int_equal(store_exec(f->s, "UPDATE paper_review_item SET"
	    " response = '1'", &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(review_settle_attempt(f->s, f->aid, "org", "ok",
	    &cause), 1);
	sql = xasprintf("UPDATE paper_review SET status = 'open' WHERE id ="
	    " %lld", (long long)id);
	assert_int_equal(store_exec(f->s, sql, &cause), -1);
	assert_non_null(strstr(cause, "already closed"));
	free(cause);
	free(sql);
}

/*
 * The key-in form's line about a sheet of several pages in review: every
 * page's questions in doubt and pictures, whichever entry is keyed (the
 * page-1 entry of a sheet whose doubt is on page 2 said "the whole sheet"
 * and showed page 1 alone).  The latest entry of a page stands for it.
 */
static void
test_context_pages(void **state)
{
	static const struct review_item p1[] = {
		{ 0, 0, (char *)"2", (char *)"C filled" },
	};
	static const struct review_item p2[] = {
		{ 3, 1, NULL, (char *)"B faint or partly filled" },
	};
	struct fixture *f = *state;
	struct review r;
	sqlite3_int64 id1 = 0, id2 = 0, id;
	char *cause = NULL, *ctx;

	/* One page: the picture, the file and page scanned. */
	assert_int_equal(review_add(f->s, f->aid, "a.jpg", 1, 1, "", items, 3,
	    "/r/c-1-s1-old.png", "server", &id, &cause), 0);
	assert_int_equal(review_get(f->s, id, &r, &cause), 0);
	ctx = keyin_review_context(f->s, &r);
	assert_non_null(strstr(ctx, "Picture /r/c-1-s1-old.png"));
	assert_non_null(strstr(ctx, "in doubt: 2"));
	free(ctx);
	review_release(&r);
	/* A rescan of page 1 (nothing in doubt there) and page 2. */
	assert_int_equal(review_add(f->s, f->aid, "b.pdf", 3, 1,
	    "another page of this answer sheet is in doubt", p1, 1,
	    "/r/c-1-s1.png", "server", &id1, &cause), 0);
	assert_int_equal(review_add(f->s, f->aid, "b.pdf", 4, 2, "", p2, 1,
	    "/r/c-1-s2.png", "server", &id2, &cause), 0);
	assert_int_equal(review_get(f->s, id1, &r, &cause), 0);
	ctx = keyin_review_context(f->s, &r);
	assert_non_null(strstr(ctx, "Answer sheet pages 1, 2"));
	assert_non_null(strstr(ctx, "in doubt: 4 "));
	assert_non_null(strstr(ctx, "in /r: c-1-s1.png, c-1-s2.png"));
	assert_null(strstr(ctx, "s1-old"));
	assert_null(strstr(ctx, "the whole sheet"));
	free(ctx);
	review_release(&r);
}

static void
test_unknown_attempt(void **state)
{
	struct fixture *f = *state;
	char *cause = NULL;

	assert_int_equal(review_add(f->s, f->aid + 1000, "a.pdf", 1, 1, "",
	    items, 3, "", "server", NULL, &cause), -1);
	assert_non_null(strstr(cause, "no attempt"));
	free(cause);
	assert_int_equal(unit_count(f->s, "SELECT count(*) FROM paper_review"),
	    0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_and_list, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_settle_attempt, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_dismiss, setup, teardown),
		cmocka_unit_test_setup_teardown(test_caller_transaction, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_append_only, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_context_pages, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_unknown_attempt, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
