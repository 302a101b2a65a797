/*
 * Unit tests of display width and UTF-8 decoding, with Chinese, mixed and
 * ASCII strings, in a UTF-8 locale and in the C locale.
 */
#include "config.h"

#include "unit.h"

#include <locale.h>

#include "core/text.h"

static const struct {
	const char	*s;
	size_t		 width;
} widths[] = {
	{ "", 0 },
	{ "abc", 3 },
	{ "中文", 4 },
	{ "心肺复苏与AED实操", 17 },
	{ "a中b", 4 },
	{ "拨打120", 7 },
	{ "（多选）", 8 },		/* fullwidth parentheses */
	{ "café", 4 },
	{ "e\xcc\x81", 1 },		/* e + combining acute */
	{ "１２３", 6 },		/* fullwidth digits */
	{ "——", 2 },		/* em dashes are narrow */
};

static void
check_widths(void)
{
	size_t i;

	for (i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		if (text_width(widths[i].s) != widths[i].width)
			fail_msg("width of \"%s\": got %zu, want %zu",
			    widths[i].s, text_width(widths[i].s),
			    widths[i].width);
	}
}

static void
test_width_utf8_locale(void **state)
{
	assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
	check_widths();
}

static void
test_width_c_locale(void **state)
{
	assert_non_null(setlocale(LC_ALL, "C"));
	check_widths();
	setlocale(LC_ALL, "C.UTF-8");
}

static void
test_decode(void **state)
{
	unsigned int cp;

	assert_int_equal(text_decode("中", 3, &cp), 3);
	assert_int_equal(cp, 0x4e2d);
	assert_int_equal(text_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(text_decode("\xe4\xb8", 2, &cp), 1);	/* truncated */
	assert_int_equal(cp, 0xfffd);
	assert_int_equal(text_decode("\xc0\xaf", 2, &cp), 1);	/* overlong */
	assert_int_equal(cp, 0xfffd);
	assert_int_equal(text_decode("\xed\xa0\x80", 3, &cp), 1); /* surrogate */
	assert_int_equal(cp, 0xfffd);
}

static void
test_valid_utf8(void **state)
{
	static const struct {
		const char	*s;
		int		 valid;
	} cases[] = {
		{ "plain", 1 },
		{ "张三", 1 },
		{ "\xef\xbf\xbd", 1 },		/* U+FFFD itself is valid */
		{ "\xff", 0 },
		{ "ab\xe4\xb8", 0 },
		{ "\xc0\x80", 0 },
		{ "\xed\xa0\x80", 0 },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(text_valid_utf8(cases[i].s,
		    strlen(cases[i].s)), cases[i].valid);
}

static void
test_control_and_formula(void **state)
{
	(void)state;
	assert_false(text_has_control("张三 Zhang-San"));
	assert_true(text_has_control("a\tb"));
	assert_true(text_has_control("line\nbreak"));
	assert_true(text_has_control("\x1b[31mred"));		/* escape */
	assert_true(text_has_control("del\x7f"));
	assert_true(text_has_control("c1\xc2\x85"));		/* U+0085 NEL */
	assert_true(text_has_control("rtl\xe2\x80\xae"));	/* U+202E */
	assert_true(text_has_control("iso\xe2\x81\xa6"));	/* U+2066 */
	assert_true(text_has_control("ls\xe2\x80\xa8"));	/* U+2028 */
	assert_true(text_has_control("\xef\xbb\xbf" "bom"));	/* U+FEFF */
	assert_false(text_formula_lead("张三"));
	assert_false(text_formula_lead("a=b"));
	assert_false(text_formula_lead(""));
	assert_true(text_formula_lead("=1+1"));
	assert_true(text_formula_lead("+86"));
	assert_true(text_formula_lead("-2"));
	assert_true(text_formula_lead("@SUM(A1)"));
	/* After spaces and invisible characters too. */
	assert_int_equal(text_formula_lead("  =1+1"), '=');
	assert_int_equal(text_formula_lead("\xe2\x80\x8b@x"), '@');
	assert_int_equal(text_formula_lead("\xe3\x80\x80-1"), '-');
	assert_false(text_formula_lead("  a=1"));
	assert_true(text_blank(""));
	assert_true(text_blank("\xe2\x80\x8b\xe2\x80\x8b"));
	assert_true(text_blank(" \xe3\x80\x80\xc2\xa0\xe2\x81\xa0"));
	assert_false(text_blank("\xe2\x80\x8b张"));
	assert_false(text_blank(" a "));
}

/* text_safe: the one rule for what reaches a terminal. */
static void
test_safe(void **state)
{
	static const struct { const char *in; int oneline; const char *out; }
	    cases[] = {
		{ "张三 ok", 0, "张三 ok" },
		{ "a\nb\tc", 0, "a\nb\tc" },
		{ "a\nb\tc", 1, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c" },
		{ "\x1b[2J", 0, "\xef\xbf\xbd[2J" },
		{ "x\ry", 0, "x\xef\xbf\xbdy" },
		{ "c1\xc2\x9b" "31m", 0, "c1\xef\xbf\xbd" "31m" },
		{ "rtl\xe2\x80\xae" "gpj", 0, "rtl\xef\xbf\xbd" "gpj" },
		{ "\xe2\x81\xa6" "i\xe2\x81\xa9", 0,
		    "\xef\xbf\xbd" "i\xef\xbf\xbd" },
		{ "bad\xff\xc0", 0, "bad\xef\xbf\xbd\xef\xbf\xbd" },
		{ "keep \xef\xbf\xbd", 0, "keep \xef\xbf\xbd" },
	};
	size_t i, len;
	char *out;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		out = text_safe(cases[i].in, strlen(cases[i].in),
		    cases[i].oneline, &len);
		assert_string_equal(out, cases[i].out);
		assert_int_equal(len, strlen(cases[i].out));
		free(out);
	}
	assert_true(text_cp_unsafe(0x202a));
	assert_true(text_cp_unsafe(0x061c));
	assert_false(text_cp_unsafe(0x4e2d));
	assert_false(text_cp_unsafe('\n'));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width_utf8_locale),
		cmocka_unit_test(test_width_c_locale),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_valid_utf8),
		cmocka_unit_test(test_control_and_formula),
		cmocka_unit_test(test_safe),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
