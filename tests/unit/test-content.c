/*
 * Unit tests of content reading, checking and loading: each semantic rule
 * on real files, checks across files, and all-or-nothing loads into a real
 * database with versions.
 */
#include "config.h"

#include "unit.h"

#include "core/content.h"
#include "core/load.h"
#include "core/store.h"
#include "core/xmlsafe.h"

static int
setup(void **state)
{
	xmlsafe_init();
	return 0;
}

static int
teardown(void **state)
{
	xmlsafe_cleanup();
	return 0;
}

/* Read the named test files into set; returns content_read's result. */
static int
read_files(struct content_set *set, struct diag *d, const char *const *names)
{
	int rc = 0;
	char *p;

	for (; *names != NULL; names++) {
		p = unit_data(*names);
		if (content_read(set, p, d) != 0)
			rc = -1;
		free(p);
	}
	return rc;
}

static void
assert_diag(const struct diag *d, const char *want)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strstr(d->msgs[i], want) != NULL)
			return;
	for (i = 0; i < d->n; i++)
		print_message("# got: %s\n", d->msgs[i]);
	fail_msg("no diagnostic contains \"%s\"", want);
}

static void
test_good_bank_model(void **state)
{
	const char *const names[] = { "good/mini-bank.xml", NULL };
	struct content_set set;
	struct diag d;
	const struct bank *b;

	content_set_init(&set);
	diag_init(&d);
	assert_int_equal(read_files(&set, &d, names), 0);
	assert_int_equal(set.nbanks, 1);
	b = set.banks[0];
	assert_string_equal(b->module, "mini");
	assert_string_equal(b->title.zh, "测试模块");
	assert_int_equal(b->nquestions, 4);
	assert_int_equal(b->questions[0].type, QTYPE_SINGLE);
	assert_int_equal(b->questions[0].noptions, 3);
	assert_true(b->questions[0].options[0].correct);
	assert_int_equal(b->questions[1].type, QTYPE_MULTIPLE);
	assert_string_equal(b->questions[1].tags, "numbers");
	assert_int_equal(b->questions[2].type, QTYPE_TRUEFALSE);
	assert_int_equal(b->questions[2].answer, 0);
	assert_int_equal(b->questions[3].type, QTYPE_ORDERING);
	assert_int_equal(b->questions[3].options[0].position, 2);
	assert_int_equal(b->questions[3].difficulty, 3);
	assert_string_equal(b->questions[3].explanation.en,
	    "Switch on, attach pads, plug in, shock.");
	assert_int_equal(diag_count(&d), 0);
	content_set_release(&set);
	diag_release(&d);
}

static const struct {
	const char	*file;
	const char	*message;
} bad_cases[] = {
	{ "bad/single-two-correct.xml", "single-two-correct.xml:6: question "
	    "mini-001: a single-choice question needs exactly one correct "
	    "option, it has 2" },
	{ "bad/single-none-correct.xml", ":6: question mini-001: a "
	    "single-choice question needs exactly one correct option, it has "
	    "0" },
	{ "bad/ordering-not-permutation.xml", ":34: question mini-004: the "
	    "step positions are not a permutation of 1..3" },
	{ "bad/duplicate-id.xml", ":27: question mini-001: duplicate id "
	    "(first at line 6)" },
	{ "bad/missing-english.xml", ":31: question mini-003: <explanation> "
	    "appears twice in zh-CN" },
	{ "bad/rubric-sum.xml", ":2: rubric mini-station: the item marks add "
	    "up to 9, but max is 10" },
	{ "bad/schema-violation.xml", ":6: Element 'single', attribute "
	    "'difficulty'" },
	{ "bad/truncated.xml", "truncated.xml:21: " },
	{ "bad/not-xml.xml", "not-xml.xml:1: " },
	{ "hostile/billion-laughs.xml", "billion-laughs.xml:2: DOCTYPE" },
	{ "hostile/xxe-file.xml", "xxe-file.xml:2: DOCTYPE" },
};

static void
test_bad_files(void **state)
{
	struct content_set set;
	struct diag d;
	size_t i;
	char *p;

	for (i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		content_set_init(&set);
		diag_init(&d);
		p = unit_data(bad_cases[i].file);
		assert_int_equal(content_read(&set, p, &d), -1);
		assert_int_equal(set.nbanks + set.nrubrics + set.nexams, 0);
		assert_diag(&d, bad_cases[i].message);
		free(p);
		diag_release(&d);
		content_set_release(&set);
	}
}

static void
test_cross_checks(void **state)
{
	const char *const dup[] = { "good/mini-bank.xml",
	    "good/mini-bank-dup.xml", NULL };
	const char *const big[] = { "good/mini-bank.xml", "good/mini-rubric.xml",
	    "bad/exam-too-many.xml", NULL };
	const char *const kinds[] = { "good/mini-bank.xml",
	    "good/mini-sim.xml", "good/mini-exam.xml", NULL };
	struct content_set set;
	struct diag d;

	content_set_init(&set);
	diag_init(&d);
	assert_int_equal(read_files(&set, &d, dup), 0);
	assert_int_equal(content_check(&set, NULL, &d), -1);
	assert_diag(&d, "question mini-001: id also used in");
	content_set_release(&set);
	diag_release(&d);

	assert_int_equal(read_files(&set, &d, big), 0);
	assert_int_equal(content_check(&set, NULL, &d), -1);
	assert_diag(&d, "exam-too-many.xml:7: exam mini-exam: the blueprint "
	    "asks for 3 questions of difficulty 2 from module mini, which has "
	    "only 1");
	content_set_release(&set);
	diag_release(&d);

	/* The exam's station rubric mini-station is not given: not checked
	 * without a database; the scenario must be a simulation rubric. */
	assert_int_equal(read_files(&set, &d, kinds), 0);
	assert_int_equal(content_check(&set, NULL, &d), 0);
	content_set_release(&set);
	diag_release(&d);
}

static long
count(struct store *s, const char *sql)
{
	sqlite3_stmt *st = store_prepare(s, sql);
	long n = -1;

	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void
test_load_all_or_nothing(void **state)
{
	const char *const good[] = { "good/mini-bank.xml", "good/mini-rubric.xml",
	    "good/mini-sim.xml", "good/mini-exam.xml", NULL };
	const char *const exam_only[] = { "good/mini-exam.xml", NULL };
	struct content_set set;
	struct diag d, notes;
	struct store *s;
	char *cause = NULL;

	assert_int_equal(store_open(":memory:", STORE_CREATE, &s, &cause), 0);
	diag_init(&d);
	diag_init(&notes);

	/* Alone, the exam refers to a module and rubrics the database lacks. */
	content_set_init(&set);
	assert_int_equal(read_files(&set, &d, exam_only), 0);
	assert_int_equal(content_load(&set, s, &notes, &d), -1);
	assert_diag(&d, "module mini is neither loaded nor among the files");
	assert_diag(&d, "rubric mini-station is neither loaded");
	assert_int_equal(count(s, "SELECT count(*) FROM exam_version"), 0);
	content_set_release(&set);
	diag_release(&d);

	assert_int_equal(read_files(&set, &d, good), 0);
	assert_int_equal(content_load(&set, s, &notes, &d), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM question"), 4);
	assert_int_equal(count(s, "SELECT count(*) FROM question_option"), 9);
	assert_int_equal(count(s, "SELECT count(*) FROM rubric_item"), 4);
	assert_int_equal(count(s, "SELECT count(*) FROM exam_draw"), 2);
	assert_int_equal(count(s, "SELECT count(*) FROM exam_component"), 2);
	assert_int_equal(count(s, "SELECT sum(critical) FROM rubric_item"), 2);
	assert_int_equal(count(s, "SELECT answer FROM question"
	    " WHERE qid = 'mini-003'"), 0);

	/* The same files again: unchanged, no new versions. */
	assert_int_equal(content_load(&set, s, &notes, &d), 0);
	assert_int_equal(count(s, "SELECT max(version) FROM module_version"), 1);
	assert_diag(&notes, "module mini: unchanged, version 1 kept");

	/* Now the exam alone loads: its references are in the database. */
	content_set_release(&set);
	assert_int_equal(read_files(&set, &d, exam_only), 0);
	assert_int_equal(content_check(&set, s, &d), 0);
	content_set_release(&set);

	diag_release(&notes);
	diag_release(&d);
	store_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_bank_model),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_cross_checks),
		cmocka_unit_test(test_load_all_or_nothing),
	};

	return cmocka_run_group_tests_name("content", tests, setup, teardown);
}
