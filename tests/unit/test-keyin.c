/*
 * Keyed answers (core/keyin.c) and the key-in form's screen
 * (tui/keyin-layout.c): every keyed form of every question type read into
 * the attempt's response and back, the refusals (letters outside the
 * question, two answers to a single choice, a place used twice, a gap, a
 * whole sheet with a field too many, hostile bytes), and the form laid out
 * at 80x24 and larger with Chinese lined up by display width.
 */
#include "config.h"

#include "unit.h"

#include "core/keyin.h"
#include "core/text.h"
#include "tui/keyin-layout.h"
#include "tui/lang.h"

static struct paper_option opts4[4] = {
	{ { (char *)"一", (char *)"one" }, 1, 3 },
	{ { (char *)"二", (char *)"two" }, 0, 1 },
	{ { (char *)"三三三三三三三三三三三三三三三三三三三三三三三三三三三三三"
	    "三三三三三三三三三三三三三三三三三三", (char *)"three" }, 1, 4 },
	{ { (char *)"四", (char *)"four" }, 0, 2 },
};

static struct paper_item
item(enum qtype t, size_t n)
{
	struct paper_item it;

	memset(&it, 0, sizeof it);
	it.type = t;
	it.options = t == QTYPE_TRUEFALSE ? NULL : opts4;
	it.noptions = t == QTYPE_TRUEFALSE ? 0 : n;
	it.stem.zh = (char *)"心肺复苏时，胸外按压的深度至少为多少厘米？请选择"
	    "最合适的一项，并在答题卡上涂黑对应的字母。";
	it.stem.en = (char *)"How deep are chest compressions?";
	it.response = (char *)"";
	return it;
}

/* What keyin_parse makes of text ("!" when it refuses). */
static char *
parse(const struct paper_item *it, const char *text)
{
	char *resp = NULL, *cause = NULL;

	if (keyin_parse(it, text, &resp, &cause) != 0) {
		assert_null(resp);
		assert_non_null(cause);
		free(cause);
		return xstrdup("!");
	}
	assert_null(cause);
	return resp;
}

static void
test_parse_table(void **state)
{
	static const struct {
		enum qtype	 t;
		size_t		 n;
		const char	*text;
		const char	*want;	/* "!" refused */
	} cases[] = {
		{ QTYPE_SINGLE, 4, "", "" },
		{ QTYPE_SINGLE, 4, "  ", "" },
		{ QTYPE_SINGLE, 4, "b", "1" },
		{ QTYPE_SINGLE, 4, " D ", "3" },
		{ QTYPE_SINGLE, 4, "E", "!" },		/* not an option */
		{ QTYPE_SINGLE, 3, "D", "!" },
		{ QTYPE_SINGLE, 4, "AB", "!" },		/* two answers */
		{ QTYPE_SINGLE, 4, "1", "!" },
		{ QTYPE_SINGLE, 4, "A\x1b[2J", "!" },	/* escape sequence */
		{ QTYPE_SINGLE, 4, "\xff", "!" },	/* not UTF-8 */
		{ QTYPE_MULTIPLE, 4, "DB", "1,3" },
		{ QTYPE_MULTIPLE, 4, "a c", "0,2" },
		{ QTYPE_MULTIPLE, 4, "ABCD", "0,1,2,3" },
		{ QTYPE_MULTIPLE, 4, "ABA", "!" },	/* twice */
		{ QTYPE_MULTIPLE, 4, "ABCDE", "!" },
		{ QTYPE_MULTIPLE, 4, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "!" },
		{ QTYPE_TRUEFALSE, 0, "T", "1" },
		{ QTYPE_TRUEFALSE, 0, "f", "0" },
		{ QTYPE_TRUEFALSE, 0, "对", "1" },
		{ QTYPE_TRUEFALSE, 0, "错", "0" },
		{ QTYPE_TRUEFALSE, 0, "TF", "!" },
		{ QTYPE_TRUEFALSE, 0, "Y", "!" },
		/* ordering: the place marked in each row A, B, C, D */
		{ QTYPE_ORDERING, 4, "3142", "1,3,0,2" },
		{ QTYPE_ORDERING, 4, "1234", "0,1,2,3" },
		{ QTYPE_ORDERING, 4, "21--", "1,0" },	/* a prefix */
		{ QTYPE_ORDERING, 4, "----", "" },
		{ QTYPE_ORDERING, 4, "3-1-", "!" },	/* place 2 empty */
		{ QTYPE_ORDERING, 4, "1134", "!" },	/* place 1 twice */
		{ QTYPE_ORDERING, 4, "123", "!" },	/* a row short */
		{ QTYPE_ORDERING, 4, "12345", "!" },
		{ QTYPE_ORDERING, 4, "1250", "!" },	/* no place 5, 0 */
		{ QTYPE_ORDERING, 4, "ABCD", "!" },
	};
	struct paper_item it;
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		it = item(cases[i].t, cases[i].n);
		got = parse(&it, cases[i].text);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("case %zu: \"%s\" gave \"%s\", not \"%s\"", i,
			    cases[i].text, got, cases[i].want);
		free(got);
	}
}

/* Every response a sheet can show is keyed one way and read back. */
static void
test_round_trip(void **state)
{
	static const char *const resp[] = {
		"", "0", "3", "0,1", "1,2,3", "2", "3,2,1,0", "1,0", "1", "0",
	};
	static const enum qtype types[] = { QTYPE_SINGLE, QTYPE_MULTIPLE,
	    QTYPE_ORDERING, QTYPE_TRUEFALSE };
	char text[KEYIN_MAX_TEXT + 1], *back, *cause = NULL;
	struct paper_item it;
	size_t i, k;

	(void)state;
	for (k = 0; k < sizeof types / sizeof types[0]; k++)
		for (i = 0; i < sizeof resp / sizeof resp[0]; i++) {
			/* Multiple choice reads ascending letters only. */
			if (types[k] != QTYPE_ORDERING && (i == 6 || i == 7))
				continue;
			it = item(types[k], 4);
			keyin_text(&it, resp[i], text);
			if (strcmp(text, "?") == 0)
				continue;	/* not a response to it */
			assert_int_equal(keyin_parse(&it, text, &back,
			    &cause), 0);
			assert_string_equal(back, resp[i]);
			free(back);
		}
	it = item(QTYPE_ORDERING, 4);
	keyin_text(&it, "2,0,3,1", text);
	assert_string_equal(text, "2413");	/* A at 2, B at 4, ... */
	keyin_text(&it, "9", text);
	assert_string_equal(text, "?");
	it = item(QTYPE_SINGLE, 4);
	keyin_text(&it, "0,1", text);
	assert_string_equal(text, "?");
}

static void
test_parse_all(void **state)
{
	struct paper_item items[4];
	struct attempt a;
	char **resp = NULL, *cause = NULL, *big;

	(void)state;
	memset(&a, 0, sizeof a);
	items[0] = item(QTYPE_TRUEFALSE, 0);
	items[1] = item(QTYPE_MULTIPLE, 4);
	items[2] = item(QTYPE_SINGLE, 3);
	items[3] = item(QTYPE_ORDERING, 4);
	a.items = items;
	a.nitems = 4;
	assert_int_equal(keyin_parse_all(&a, "T,BD,,3142", &resp, &cause), 0);
	assert_string_equal(resp[0], "1");
	assert_string_equal(resp[1], "1,3");
	assert_string_equal(resp[2], "");
	assert_string_equal(resp[3], "1,3,0,2");
	keyin_responses_free(resp, 4);
	/* One a line, CR LF, the last line's end is not a field. */
	assert_int_equal(keyin_parse_all(&a, "F\r\nA\r\nC\r\n\r\n", &resp,
	    &cause), 0);
	assert_string_equal(resp[3], "");
	keyin_responses_free(resp, 4);
	assert_int_equal(keyin_parse_all(&a, "T,BD,", &resp, &cause), -1);
	assert_non_null(strstr(cause, "3 answers keyed"));
	assert_null(resp);
	free(cause);
	assert_int_equal(keyin_parse_all(&a, "T,BD,A,3142,", &resp, &cause),
	    -1);
	free(cause);
	assert_int_equal(keyin_parse_all(&a, "T,BD,D,3142", &resp, &cause),
	    -1);
	assert_non_null(strstr(cause, "question 3: "));
	free(cause);
	big = xmalloc(200 * 1024);
	memset(big, ',', 200 * 1024 - 1);
	big[200 * 1024 - 1] = '\0';
	assert_int_equal(keyin_parse_all(&a, big, &resp, &cause), -1);
	free(cause);
	free(big);
}

/* ------------------------------------------------------- the screen */

struct screen {
	struct lay	  l;
	char		**rows;
};

static void
screen_make(struct screen *s, int cols, int rows, const struct attempt *a,
    size_t cur, const char *context)
{
	struct ki_geom g;
	struct ki_view v;
	int r;

	ki_geom(&g, cols, rows, a, context != NULL);
	memset(&v, 0, sizeof v);
	v.who = "c1 · 10000001 张三";
	v.status = "First entry of this sheet";
	v.context = context;
	v.a = a;
	v.cur = cur;
	v.page = ki_page(&g, cur);
	v.message = "Question 3: E is not an option";
	v.message_role = ROLE_ERROR;
	lay_init(&s->l, cols, rows);
	ki_layout(&s->l, &g, &v);
	s->rows = lay_render(&s->l);
	for (r = 0; r < rows; r++)
		assert_true(text_width(s->rows[r]) <= (size_t)cols);
}

static void
screen_release(struct screen *s)
{
	lay_render_free(s->rows, s->l.rows);
	lay_release(&s->l);
}

/* The display column where needle starts in row (-1 when not there). */
static int
col_of(const char *row, const char *needle)
{
	const char *p = strstr(row, needle);
	char *prefix;
	int w;

	if (p == NULL)
		return -1;
	prefix = xstrndup(row, (size_t)(p - row));
	w = (int)text_width(prefix);
	free(prefix);
	return w;
}

static void
test_layout(void **state)
{
	struct paper_item items[30];
	struct attempt a;
	struct ki_geom g;
	struct screen s;
	size_t i;
	int stem_col;

	(void)state;
	memset(&a, 0, sizeof a);
	for (i = 0; i < 30; i++)
		items[i] = item(i % 4 == 0 ? QTYPE_TRUEFALSE : i % 4 == 1 ?
		    QTYPE_MULTIPLE : i % 4 == 2 ? QTYPE_SINGLE :
		    QTYPE_ORDERING, 4);
	a.items = items;
	a.nitems = 30;

	lang_set(1);
	ki_geom(&g, 80, 24, &a, 0);
	assert_true(g.per_page >= 6);
	assert_int_equal(g.npages, (int)((30 + g.per_page - 1) / g.per_page));
	assert_true(g.field_col + KI_FIELD_WIDTH < g.stem_col);
	assert_true(g.detail_row + g.detail_lines <= g.message_row);
	screen_make(&s, 80, 24, &a, 2, NULL);
	assert_non_null(strstr(s.rows[0], "录入答题卡"));
	/* Question rows: numbers, types, stems at one display column. */
	stem_col = col_of(s.rows[g.first_row], "心肺复苏");
	assert_true(stem_col > g.field_col);
	for (i = 0; i < (size_t)g.per_page; i++) {
		assert_int_equal(col_of(s.rows[g.first_row + (int)i],
		    "心肺复苏"), stem_col);
		assert_non_null(strstr(s.rows[g.first_row + (int)i],
		    "…"));	/* cut at the edge */
	}
	assert_non_null(strstr(s.rows[g.first_row], "  1 判断"));
	assert_non_null(strstr(s.rows[g.first_row + 1], "  2 多选"));
	/* The focused question in full: how to key it, its options. */
	assert_non_null(strstr(s.rows[g.detail_row], "第 3 题（单选）"));
	assert_non_null(strstr(s.rows[g.detail_row + 3], "A  一"));
	assert_non_null(strstr(s.rows[g.detail_row + 5], "C  三三"));
	assert_non_null(strstr(s.rows[g.detail_row + 6], "D  四"));
	assert_non_null(strstr(s.rows[22], "E is not an option"));
	assert_non_null(strstr(s.rows[23], "Ctrl-S"));
	assert_non_null(strstr(s.rows[g.detail_row - 1], "1/"));
	screen_release(&s);

	/* A later page; a larger screen has more rows a page. */
	screen_make(&s, 80, 24, &a, 29, NULL);
	assert_non_null(strstr(s.rows[ki_row(&g, 29)], " 30 多选"));
	screen_release(&s);
	ki_geom(&g, 120, 40, &a, 0);
	assert_true(g.per_page >= 20);
	screen_make(&s, 120, 40, &a, 0, NULL);
	assert_non_null(strstr(s.rows[g.detail_row], "T（对）或 F（错）"));
	screen_release(&s);

	/* English, with a review's context of two rows. */
	lang_set(0);
	ki_geom(&g, 80, 24, &a, 1);
	assert_int_equal(g.first_row, 5);
	screen_make(&s, 80, 24, &a, 3, "Picture /var/lib/firstline/review/"
	    "0123456789abcdef0123456789abcdef-p3.png · scanned scan.pdf page 3 "
	    "· in doubt: 4 7 (4: B filled; D faint; 7: A crossed out, C "
	    "filled)");
	assert_non_null(strstr(s.rows[2], "Picture /var/lib/firstline/"));
	assert_non_null(strstr(s.rows[4], "C filled)"));
	assert_true(g.per_page >= 3);
	assert_non_null(strstr(s.rows[g.first_row + 3 - g.per_page *
	    (3 / g.per_page)], "  4 ordering"));
	assert_non_null(strstr(s.rows[g.detail_row], "Question 4 (ordering)"));
	screen_release(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_table),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_parse_all),
		cmocka_unit_test(test_layout),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
