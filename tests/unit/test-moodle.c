/*
 * Unit tests of the Moodle exchange core (moodle*.c) without the command
 * line: Moodle's grade fractions, imports of the test fixtures (counts,
 * skipped types in order, ids, refusals leaving no text), and saving a
 * file whole.
 */
#include "config.h"

#include "unit.h"

#include "core/moodle.h"
#include "core/moodle-int.h"
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

/* Multilang splitting: the sides, the outside text, the errors. */
static void
test_multilang(void **state)
{
	static const struct {
		const char	*in;
		int		 rc;
		const char	*zh, *en;
	} cases[] = {
		{ "plain <b>text</b>", 0, NULL, NULL },
		{ "<p><span lang=\"zh\" class=\"multilang\">中</span>"
		    "<span class=\"multilang\" lang=\"en\">En</span></p>", 1,
		    "<p>中</p>", "<p>En</p>" },
		{ "<SPAN LANG='zh-CN' CLASS='x multilang'>中</SPAN>", 1, "中",
		    "" },
		{ "{mlang en}A{mlang}{mlang zh_cn}B{mlang} C", 1, "B C",
		    "A C" },
		{ "{MLANG EN}A{MLANG}", 1, "", "A" },
		{ "<span lang=\"en_us\" class=\"multilang\">a <span>b</span>"
		    "</span>", 1, "", "a <span>b</span>" },
		{ "<span lang=\"de\" class=\"multilang\">D</span>x", 1, "x",
		    "x" },
		{ "<span lang=\"en\" class=\"multilang\">a", -1, NULL, NULL },
		{ "<span lang=\"en\" class=\"multilang\"><span lang=\"zh\" "
		    "class=\"multilang\">b</span></span>", -1, NULL, NULL },
		{ "{mlang en}a", -1, NULL, NULL },
		{ "{mlang en}a{mlang zh}b{mlang}", -1, NULL, NULL },
		{ "a{mlang}", -1, NULL, NULL },
		{ "{mlang en", -1, NULL, NULL },
		{ "<span lang=\"en\" class=\"multilang\"", 0, NULL, NULL },
		{ "<span<span<span", 0, NULL, NULL },
	};
	struct moodle_ml ml;
	size_t i;
	int rc;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rc = moodle_multilang(cases[i].in, &ml);
		if (rc != cases[i].rc)
			fail_msg("case %zu: rc %d, want %d", i, rc,
			    cases[i].rc);
		if (rc < 0)
			assert_non_null(ml.error);
		if (cases[i].zh != NULL) {
			assert_string_equal(ml.side[0], cases[i].zh);
			assert_string_equal(ml.side[1], cases[i].en);
		}
		moodle_ml_release(&ml);
	}
	assert_int_equal(moodle_lang("zh_hans", 7), 0);
	assert_int_equal(moodle_lang("en-GB", 5), 1);
	assert_int_equal(moodle_lang("eng", 3), -1);
	assert_int_equal(moodle_lang("zh_tw", 5), -1);
}

/* Random bytes mixing markup fragments never crash the splitter. */
static void
test_multilang_garbage(void **state)
{
	static const char *const bits[] = { "<span", " lang=\"en\"",
	    " class=\"multilang\"", ">", "</span>", "{mlang", " zh}",
	    "{mlang}", "}", "x", "中", "<", "'", "\"" };
	struct moodle_ml ml;
	char buf[512];
	size_t i, k, len;
	unsigned seed = 1;

	(void)state;
	for (i = 0; i < 2000; i++) {
		len = 0;
		buf[0] = '\0';
		for (k = 0; k < 30; k++) {
			const char *b;

			seed = seed * 1103515245u + 12345u;
			b = bits[(seed >> 16) % (sizeof bits / sizeof bits[0])];
			if (len + strlen(b) + 1 > sizeof buf)
				break;
			memcpy(buf + len, b, strlen(b) + 1);
			len += strlen(b);
		}
		(void)moodle_multilang(buf, &ml);
		moodle_ml_release(&ml);
	}
}

/* A question firstline cannot represent is skipped, the rest converted. */
static void
test_import_skips_unrepresentable(void **state)
{
	struct moodle_import mi;
	struct diag d;
	char *path = unit_data("moodle/single-two-full.xml");

	(void)state;
	moodle_import_init(&mi, "t", 0);
	diag_init(&d);
	assert_int_equal(moodle_import_file(&mi, path, &d), 0);
	assert_non_null(mi.xml);
	assert_int_equal(mi.nquestions, 1);
	assert_int_equal(mi.nskipped, 1);
	assert_string_equal(mi.skips[0].type, "multichoice");
	assert_non_null(strstr(mi.notes.msgs[0], "single-two-full.xml:11: "
	    "question \"Two keys\": a single-choice question needs exactly "
	    "one answer at 100%, it has 2; the question is skipped"));
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
		{ "moodle/bad-answers.xml", "bad-answers.xml: no ", 1 },
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
		cmocka_unit_test(test_import_skips_unrepresentable),
		cmocka_unit_test(test_multilang),
		cmocka_unit_test(test_multilang_garbage),
		cmocka_unit_test(test_save),
	};
	int rc;

	xmlsafe_init();
	rc = cmocka_run_group_tests_name("moodle", tests, NULL, NULL);
	xmlsafe_cleanup();
	return rc;
}
