/*
 * Unit tests of the Moodle exchange core (moodle*.c) without the command
 * line: Moodle's grade fractions, imports of the test fixtures (counts,
 * skipped types in order, ids, refusals leaving no text), and saving a
 * file whole.
 */
#include "config.h"

#include "unit.h"

#include "core/moodle.h"
#include "core/xmlsafe.h"

static void
test_fractions(void **state)
{
	static const char *const want[] = { "100", "50", "33.33333", "25",
	    "20", "16.66667", "14.28571", "12.5" };
	size_t k;

	(void)state;
	assert_null(moodle_fraction(0));
	for (k = 1; k <= 8; k++)
		assert_string_equal(moodle_fraction(k), want[k - 1]);
	assert_null(moodle_fraction(9));
}

static void
test_import_quiz(void **state)
{
	struct moodle_import mi;
	struct diag d;
	char *path = unit_data("moodle/quiz.xml");

	(void)state;
	moodle_import_init(&mi, "firstaid", 1);
	diag_init(&d);
	assert_int_equal(moodle_import_file(&mi, path, &d), 0);
	assert_int_equal(diag_count(&d), 0);
	assert_int_equal(mi.nquestions, 5);
	assert_int_equal(mi.nfeedback, 1);
	assert_int_equal(mi.nskipped, 0);
	assert_non_null(mi.xml);
	assert_int_equal(strlen(mi.xml), mi.len);
	assert_non_null(strstr(mi.xml, "<single id=\"fire-number\" "
	    "difficulty=\"1\">"));
	assert_non_null(strstr(mi.xml, "<multiple id=\"firstaid-m002\""));
	assert_non_null(strstr(mi.xml, "<stem xml:lang=\"zh-CN\" "
	    "status=\"untranslated\">Which number do you call for a "
	    "fire?</stem>"));
	diag_release(&d);
	moodle_import_release(&mi);
	free(path);
}

static void
test_import_skips(void **state)
{
	struct moodle_import mi;
	struct diag d;
	char *path = unit_data("moodle/unsupported.xml");

	(void)state;
	moodle_import_init(&mi, "drill", 0);
	diag_init(&d);
	assert_int_equal(moodle_import_file(&mi, path, &d), 0);
	assert_int_equal(mi.nquestions, 1);
	assert_int_equal(mi.nskipped, 5);
	assert_int_equal(mi.nskips, 4);
	assert_string_equal(mi.skips[0].type, "essay");
	assert_int_equal(mi.skips[0].n, 2);
	assert_string_equal(mi.skips[1].type, "shortanswer");
	assert_string_equal(mi.skips[2].type, "matching");
	assert_string_equal(mi.skips[3].type, "multianswer");
	assert_int_equal(diag_count(&mi.notes), 5);
	diag_release(&d);
	moodle_import_release(&mi);
	free(path);
}

/* Every bad fixture is refused with FILE:LINE and leaves no text. */
static void
test_import_refused(void **state)
{
	static const struct {
		const char	*file;
		const char	*first;
		size_t		 problems;
	} bad[] = {
		{ "moodle/not-xml.xml", "not-xml.xml:1: ", 1 },
		{ "moodle/xxe.xml", "xxe.xml:2: ", 1 },
		{ "moodle/single-two-full.xml", "single-two-full.xml:11: ", 1 },
		{ "moodle/bad-answers.xml", "bad-answers.xml:9: ", 7 },
	};
	struct moodle_import mi;
	struct diag d;
	size_t i;
	char *path;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		path = unit_data(bad[i].file);
		moodle_import_init(&mi, "t", 0);
		diag_init(&d);
		assert_int_equal(moodle_import_file(&mi, path, &d), -1);
		assert_null(mi.xml);
		assert_int_equal(diag_count(&d), bad[i].problems);
		if (strstr(d.msgs[0], bad[i].first) == NULL)
			fail_msg("%s: first problem \"%s\"", bad[i].file,
			    d.msgs[0]);
		diag_release(&d);
		moodle_import_release(&mi);
		free(path);
	}
}

static void
test_save(void **state)
{
	char *dir = unit_tmpdir(), *path, *cause = NULL, buf[16];
	FILE *fp;

	(void)state;
	path = xasprintf("%s/out.xml", dir);
	assert_int_equal(moodle_save(path, "<quiz/>\n", 8, &cause), 0);
	fp = fopen(path, "r");
	assert_non_null(fp);
	assert_non_null(fgets(buf, sizeof buf, fp));
	assert_string_equal(buf, "<quiz/>\n");
	fclose(fp);
	free(path);
	path = xasprintf("%s/missing/out.xml", dir);
	assert_int_equal(moodle_save(path, "x", 1, &cause), -1);
	assert_non_null(strstr(cause, "cannot write"));
	free(cause);
	free(path);
	unit_rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fractions),
		cmocka_unit_test(test_import_quiz),
		cmocka_unit_test(test_import_skips),
		cmocka_unit_test(test_import_refused),
		cmocka_unit_test(test_save),
	};
	int rc;

	xmlsafe_init();
	rc = cmocka_run_group_tests_name("moodle", tests, NULL, NULL);
	xmlsafe_cleanup();
	return rc;
}
