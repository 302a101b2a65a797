/*
 * Unit tests of the trainee client's responses (src/tui/response.c): what
 * the option keys and Backspace make of a stored response, for every
 * question type, and how a response is shown.
 */
#include "config.h"

#include "unit.h"

#include <locale.h>

#include "tui/lang.h"
#include "tui/response.h"

/* A paper item of type with n options and the response r. */
static void
item_init(struct paper_item *it, enum qtype type, size_t n, const char *r)
{
	memset(it, 0, sizeof *it);
	it->type = type;
	it->noptions = type == QTYPE_TRUEFALSE ? 0 : n;
	it->response = (char *)r;
}

static void
test_press(void **state)
{
	static const struct {
		enum qtype	 type;
		size_t		 n;
		const char	*before;
		size_t		 key;
		enum resp_press	 result;
		const char	*after;
	} cases[] = {
		{ QTYPE_SINGLE, 4, "", 1, RESP_CHANGED, "1" },
		{ QTYPE_SINGLE, 4, "1", 2, RESP_CHANGED, "2" },
		{ QTYPE_SINGLE, 4, "2", 2, RESP_CHANGED, "2" },
		{ QTYPE_SINGLE, 4, "", 4, RESP_NO_OPTION, NULL },
		{ QTYPE_MULTIPLE, 4, "", 0, RESP_CHANGED, "0" },
		{ QTYPE_MULTIPLE, 4, "0", 2, RESP_CHANGED, "0,2" },
		{ QTYPE_MULTIPLE, 4, "0,2", 0, RESP_CHANGED, "2" },
		{ QTYPE_MULTIPLE, 4, "2", 1, RESP_CHANGED, "1,2" },
		{ QTYPE_MULTIPLE, 4, "0,1,2,3", 3, RESP_CHANGED, "0,1,2" },
		{ QTYPE_MULTIPLE, 4, "2", 2, RESP_CHANGED, "" },
		{ QTYPE_MULTIPLE, 3, "", 7, RESP_NO_OPTION, NULL },
		{ QTYPE_TRUEFALSE, 0, "", 0, RESP_CHANGED, "1" },
		{ QTYPE_TRUEFALSE, 0, "1", 1, RESP_CHANGED, "0" },
		{ QTYPE_TRUEFALSE, 0, "", 2, RESP_NO_OPTION, NULL },
		{ QTYPE_ORDERING, 3, "", 2, RESP_CHANGED, "2" },
		{ QTYPE_ORDERING, 3, "2", 0, RESP_CHANGED, "2,0" },
		{ QTYPE_ORDERING, 3, "2,0", 2, RESP_ALREADY, NULL },
		{ QTYPE_ORDERING, 3, "2,0", 1, RESP_CHANGED, "2,0,1" },
		{ QTYPE_ORDERING, 3, "2,0", 3, RESP_NO_OPTION, NULL },
		{ QTYPE_ORDERING, 8, "7,6,5,4,3,2,1", 0, RESP_CHANGED,
		    "7,6,5,4,3,2,1,0" },
	};
	struct paper_item it;
	char buf[RESP_SIZE];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		item_init(&it, cases[i].type, cases[i].n, cases[i].before);
		strcpy(buf, "untouched");
		if (resp_press(&it, cases[i].key, buf, sizeof buf) !=
		    cases[i].result)
			fail_msg("case %zu: wrong result", i);
		if (cases[i].after != NULL &&
		    strcmp(buf, cases[i].after) != 0)
			fail_msg("case %zu: \"%s\" + %zu gave \"%s\", want "
			    "\"%s\"", i, cases[i].before, cases[i].key, buf,
			    cases[i].after);
	}
}

static void
test_backspace(void **state)
{
	static const struct {
		enum qtype	 type;
		const char	*before, *after;
	} cases[] = {
		{ QTYPE_ORDERING, "2,0,1", "2,0" },
		{ QTYPE_ORDERING, "2", "" },
		{ QTYPE_ORDERING, "", "" },
		{ QTYPE_SINGLE, "1", "" },
		{ QTYPE_MULTIPLE, "0,2", "" },
		{ QTYPE_TRUEFALSE, "0", "" },
	};
	struct paper_item it;
	char buf[RESP_SIZE];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		item_init(&it, cases[i].type, 3, cases[i].before);
		resp_backspace(&it, buf, sizeof buf);
		assert_string_equal(buf, cases[i].after);
	}
}

static void
test_chosen(void **state)
{
	static const struct {
		enum qtype	 type;
		size_t		 n;
		const char	*r;
		int		 want[4];
	} cases[] = {
		{ QTYPE_ORDERING, 3, "2,0,1", { 2, 3, 1 } },
		{ QTYPE_ORDERING, 4, "3", { 0, 0, 0, 1 } },
		{ QTYPE_MULTIPLE, 4, "0,2", { 1, 0, 1, 0 } },
		{ QTYPE_TRUEFALSE, 0, "0", { 0, 1 } },
		{ QTYPE_TRUEFALSE, 0, "1", { 1, 0 } },
		{ QTYPE_TRUEFALSE, 0, "", { 0, 0 } },
		{ QTYPE_SINGLE, 4, "3", { 0, 0, 0, 1 } },
		{ QTYPE_SINGLE, 4, "9", { 0, 0, 0, 0 } },	/* out of range */
		{ QTYPE_SINGLE, 4, "", { 0, 0, 0, 0 } },
	};
	struct paper_item it;
	int chosen[8];
	size_t i, k;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		item_init(&it, cases[i].type, cases[i].n, cases[i].r);
		assert_int_equal(resp_options(&it), cases[i].type ==
		    QTYPE_TRUEFALSE ? 2 : cases[i].n);
		resp_chosen(&it, chosen);
		for (k = 0; k < resp_options(&it); k++)
			if (chosen[k] != cases[i].want[k])
				fail_msg("case %zu, option %zu: %d, want %d", i,
				    k, chosen[k], cases[i].want[k]);
	}
}

static void
test_letters(void **state)
{
	static const struct {
		enum qtype	 type;
		const char	*r;
		int		 zh;
		const char	*want;
	} cases[] = {
		{ QTYPE_ORDERING, "2,0,1", 0, "C, A, B" },
		{ QTYPE_MULTIPLE, "0,3", 0, "A, D" },
		{ QTYPE_ORDERING, "2,0,1", 1, "C、A、B" },
		{ QTYPE_MULTIPLE, "0,3", 1, "A、D" },
		{ QTYPE_SINGLE, "1", 1, "B" },
		{ QTYPE_MULTIPLE, "", 0, "" },
		{ QTYPE_TRUEFALSE, "1", 0, "True" },
		{ QTYPE_TRUEFALSE, "0", 0, "False" },
		{ QTYPE_TRUEFALSE, "1", 1, "正确" },
		{ QTYPE_TRUEFALSE, "0", 1, "错误" },
		{ QTYPE_TRUEFALSE, "", 1, "" },
	};
	struct paper_item it;
	char buf[RESP_SIZE];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		lang_set(cases[i].zh);
		item_init(&it, cases[i].type, 4, cases[i].r);
		resp_letters(&it, buf, sizeof buf);
		assert_string_equal(buf, cases[i].want);
	}
	lang_set(0);
}

static int
setup(void **state)
{
	setlocale(LC_ALL, "C.UTF-8");
	lang_set(0);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_press),
		cmocka_unit_test(test_backspace),
		cmocka_unit_test(test_chosen),
		cmocka_unit_test(test_letters),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
