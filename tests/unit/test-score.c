/*
 * Unit tests of score entries and components on a real database: the
 * arithmetic of a component over its stations, critical items, the retake
 * and correction rules, role checks, and the triggers that keep entries
 * append-only and a sealed cohort closed.
 */
#include "config.h"

#include "unit.h"

#include "core/auth.h"
#include "core/cohort.h"
#include "core/content.h"
#include "core/load.h"
#include "core/results.h"
#include "core/score.h"
#include "core/store.h"
#include "core/xmlsafe.h"

struct fixture {
	char		*dir;
	struct store	*s;
	struct table	 roster;
	struct user	 ins, org;
};

static int
setup(void **state)
{
	static const char *const files[] = { "good/mini-bank.xml",
	    "good/mini-rubric.xml", "good/mini-sim.xml", "good/mini-exam.xml",
	    NULL };
	struct fixture *f = xcalloc(1, sizeof *f);
	struct content_set set;
	struct diag d, notes;
	const char *const *n;
	char *cause = NULL, *p, *id;
	FILE *fp;

	xmlsafe_init();
	f->dir = unit_tmpdir();
	p = xasprintf("%s/t.db", f->dir);
	assert_int_equal(store_open(p, STORE_CREATE, &f->s, &cause), 0);
	free(p);
	content_set_init(&set);
	diag_init(&d);
	diag_init(&notes);
	for (n = files; *n != NULL; n++) {
		p = unit_data(*n);
		assert_int_equal(content_read(&set, p, &d), 0);
		free(p);
	}
	assert_int_equal(content_load(&set, f->s, &notes, &d), 0);
	content_set_release(&set);
	diag_release(&notes);
	assert_int_equal(cohort_create(f->s, "c", "mini-exam", "c1", &id,
	    &cause), 0);
	free(id);
	p = xasprintf("%s/r.csv", f->dir);
	fp = fopen(p, "w");
	fputs("name,community\nA,x\nB,y\n", fp);
	fclose(fp);
	assert_int_equal(roster_import(f->s, "c1", p, &f->roster, &d), 0);
	free(p);
	diag_release(&d);
	assert_int_equal(user_add(f->s, "ins", ROLE_INSTRUCTOR, "password-i",
	    &cause), 0);
	assert_int_equal(user_add(f->s, "org", ROLE_ORGANIZER, "password-o",
	    &cause), 0);
	assert_int_equal(user_login(f->s, "ins", "password-i",
	    ROLE_INSTRUCTOR, &f->ins, &cause), 0);
	assert_int_equal(user_login(f->s, "org", "password-o",
	    ROLE_ORGANIZER, &f->org, &cause), 0);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	user_release(&f->ins);
	user_release(&f->org);
	table_release(&f->roster);
	store_free(&f->s);
	unit_rmdir(f->dir);
	free(f);
	xmlsafe_cleanup();
	return 0;
}

/* Enter rubric with safety and call marks for roster row (1-based). */
static int
enter(struct fixture *f, const struct user *u, int row, const char *rubric,
    int safety, int call, const char *reason, int retake,
    struct score_result *r, char **cause)
{
	struct score_mark m[2] = { { "safety", safety }, { "call", call } };
	struct score_request q = {
		.cohort = "c1", .ticket = table_cell(&f->roster, row, 0),
		.rubric = rubric, .marks = m, .nmarks = 2, .reason = reason,
		.retake = retake,
	};

	return score_set(f->s, u, &q, r, cause);
}

static void
test_station_arithmetic_and_critical(void **state)
{
	struct fixture *f = *state;
	struct score_result r;
	char *cause = NULL;

	assert_int_equal(enter(f, &f->ins, 1, "mini-station", 4, 2, NULL, 0,
	    &r, &cause), 0);
	assert_int_equal(r.total, 6);
	assert_int_equal(r.max, 10);
	assert_true(r.passed);		/* exactly the pass mark, 6 */
	assert_int_equal(r.critical_missed, 0);
	/* A missed critical item fails the station whatever the total. */
	assert_int_equal(enter(f, &f->ins, 2, "mini-station", 3, 6, NULL, 0,
	    &r, &cause), 0);
	assert_int_equal(r.total, 9);
	assert_false(r.passed);
	assert_int_equal(r.critical_missed, 1);
}

static void
test_refusals(void **state)
{
	struct fixture *f = *state;
	struct score_result r;
	struct score_mark bad[2] = { { "safety", 4 }, { "safety", 4 } };
	struct score_request q = { .cohort = "c1", .rubric = "mini-station",
	    .marks = bad, .nmarks = 2 };
	char *cause = NULL;

	q.ticket = table_cell(&f->roster, 1, 0);
	assert_int_equal(score_set(f->s, &f->ins, &q, &r, &cause), -1);
	assert_non_null(strstr(cause, "given twice"));
	free(cause);
	assert_int_equal(enter(f, &f->ins, 1, "mini-station", 5, 0, NULL, 0,
	    &r, &cause), -1);
	assert_non_null(strstr(cause, "outside 0..4"));
	free(cause);
	assert_int_equal(enter(f, &f->ins, 1, "nope", 1, 1, NULL, 0, &r,
	    &cause), -1);
	assert_non_null(strstr(cause, "not part of exam"));
	free(cause);
	/* Written entries are for organizers, with a reason. */
	q.rubric = "written";
	q.nmarks = 0;
	q.written_tenths = 755;
	assert_int_equal(score_set(f->s, &f->ins, &q, &r, &cause), -1);
	assert_non_null(strstr(cause, "permission denied"));
	free(cause);
	assert_int_equal(score_set(f->s, &f->org, &q, &r, &cause), -1);
	assert_non_null(strstr(cause, "reason"));
	free(cause);
	q.reason = "paper sitting";
	assert_int_equal(score_set(f->s, &f->org, &q, &r, &cause), 0);
	assert_int_equal(r.total, 755);
	assert_true(r.passed);
}

static void
test_corrections_and_retakes(void **state)
{
	struct fixture *f = *state;
	struct score_result r;
	char *cause = NULL;

	assert_int_equal(enter(f, &f->ins, 1, "mini-station", 0, 6, NULL, 1,
	    &r, &cause), -1);	/* nothing to retake yet */
	free(cause);
	assert_int_equal(enter(f, &f->ins, 1, "mini-station", 0, 6, NULL, 0,
	    &r, &cause), 0);
	assert_false(r.passed);
	assert_int_equal(enter(f, &f->ins, 1, "mini-station", 4, 6, NULL, 0,
	    &r, &cause), -1);	/* a correction needs a reason */
	assert_non_null(strstr(cause, "--reason"));
	free(cause);
	assert_int_equal(enter(f, &f->ins, 1, "mini-station", 4, 6, NULL, 1,
	    &r, &cause), 0);	/* the retake */
	assert_true(r.passed);
	assert_false(r.correction);
	assert_int_equal(enter(f, &f->ins, 1, "mini-station", 4, 6, NULL, 1,
	    &r, &cause), -1);	/* the latest entry passed */
	free(cause);
	assert_int_equal(enter(f, &f->ins, 1, "mini-station", 4, 5, "typo", 0,
	    &r, &cause), 0);
	assert_true(r.correction);
}

static void
test_components_and_class(void **state)
{
	struct fixture *f = *state;
	struct cohort_result cr;
	struct score_result r;
	struct score_mark none[1];
	struct score_request w = { .cohort = "c1", .rubric = "written",
	    .marks = none, .reason = "paper" };
	char *cause = NULL;

	w.ticket = table_cell(&f->roster, 1, 0);
	w.written_tenths = 900;
	assert_int_equal(score_set(f->s, &f->org, &w, &r, &cause), 0);
	assert_int_equal(enter(f, &f->ins, 1, "mini-station", 4, 5, NULL, 0,
	    &r, &cause), 0);
	assert_int_equal(results_compute(f->s, "c1", &cr, &cause), 0);
	/* The simulation is missing: no total, not a pass. */
	assert_int_equal(cr.trainees[0].comp[COMP_PRACTICAL].tenths, 900);
	assert_false(cr.trainees[0].comp[COMP_SIMULATION].present);
	assert_false(cr.trainees[0].has_total);
	assert_int_equal(cr.trainees[0].cls, CLASS_FAIL);
	assert_int_equal(cr.trainees[1].cls, CLASS_ABSENT);
	results_release(&cr);

	assert_int_equal(enter(f, &f->ins, 1, "mini-drill", 4, 5, NULL, 0,
	    &r, &cause), 0);
	assert_int_equal(results_compute(f->s, "c1", &cr, &cause), 0);
	assert_int_equal(cr.trainees[0].total_tenths, 900);
	assert_int_equal(cr.trainees[0].cls, CLASS_EXCELLENT);
	assert_int_equal(cr.n, 2);
	assert_int_equal(cr.passes, 1);
	results_release(&cr);
}

static void
test_triggers(void **state)
{
	struct fixture *f = *state;
	struct score_result r;
	char *cause = NULL;

	assert_int_equal(enter(f, &f->ins, 1, "mini-station", 4, 5, NULL, 0,
	    &r, &cause), 0);
	assert_int_equal(store_exec(f->s, "UPDATE score_entry SET total = 0",
	    &cause), -1);
	assert_non_null(strstr(cause, "never changed"));
	free(cause);
	assert_int_equal(store_exec(f->s, "DELETE FROM score_entry", &cause),
	    -1);
	assert_non_null(strstr(cause, "never deleted"));
	free(cause);
	assert_int_equal(store_exec(f->s, "UPDATE score_mark SET mark = 0",
	    &cause), -1);
	free(cause);
	assert_int_equal(store_exec(f->s, "UPDATE question SET difficulty = 1",
	    &cause), -1);
	assert_non_null(strstr(cause, "never change"));
	free(cause);
	/* Sealed: the database itself refuses a new entry. */
	assert_int_equal(store_exec(f->s, "UPDATE cohort SET sealed_at = 'x'",
	    &cause), 0);
	assert_int_equal(store_exec(f->s, "INSERT INTO score_entry (trainee_id,"
	    " component, rubric, total, max, passed, entered_by) SELECT id,"
	    " 'practical', 'mini-station', 1, 10, 0, 1 FROM trainee LIMIT 1",
	    &cause), -1);
	assert_non_null(strstr(cause, "sealed"));
	free(cause);
	assert_int_equal(enter(f, &f->org, 2, "mini-station", 4, 5, NULL, 0,
	    &r, &cause), -1);
	assert_non_null(strstr(cause, "sealed"));
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_station_arithmetic_and_critical, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refusals, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_corrections_and_retakes,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_components_and_class,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_triggers, setup,
		    teardown),
	};

	return cmocka_run_group_tests_name("score", tests, NULL, NULL);
}
