/*
 * Unit tests of the instructor client's pure part (src/tui/score-layout.c,
 * score-rows.c), without a terminal or a database: parsing a mark, the
 * running tally and the station verdict (critical items, the pass mark,
 * marks above an item's maximum), the rubric form's geometry and pages,
 * the form laid out at 80x24 in Chinese and English with every field
 * bracket in the same column, the trainee and station menu rows lining
 * up by display width, and the history lines.
 */
#include "config.h"

#include "unit.h"

#include <locale.h>
#include <time.h>

#include "core/text.h"
#include "tui/lang.h"
#include "tui/score-layout.h"

/* ------------------------------------------------------------ helpers */

/* A rubric like cpr-aed: long bilingual labels, critical items. */
static struct station_item items[] = {
	{ (char *)"scene-safety", (char *)"接近前观察并说出“现场安全”",
	    (char *)"Looks around and says the scene is safe before "
	    "approaching", 6, 1 },
	{ (char *)"responsiveness", (char *)"判断意识：轻拍双肩并大声呼喊",
	    (char *)"Checks responsiveness: taps both shoulders and shouts",
	    5, 0 },
	{ (char *)"breaths", (char *)"两个周期中均用呼吸屏障开放气道（仰头提"
	    "颏），给予2次人工呼吸，每次约1秒，可见胸廓隆起",
	    (char *)"Cycles 1 and 2: opens the airway (head tilt-chin lift) "
	    "and gives 2 breaths through a barrier device, each over about 1 "
	    "second with visible chest rise", 7, 0 },
	{ (char *)"compression-rate", (char *)"两个周期的30次按压均在15–18秒"
	    "内完成（每分钟100–120次）", (char *)"Cycles 1 and 2: each set of "
	    "30 compressions takes 15-18 seconds", 12, 1 },
};

static struct station station = {
	(char *)"cpr-aed", 0, (char *)"成人心肺复苏与AED",
	(char *)"Adult CPR and AED", 30, 20, items,
	sizeof items / sizeof items[0],
};

struct screen {
	struct lay	  l;
	char		**rows;
};

static void
screen_release(struct screen *s)
{
	lay_render_free(s->rows, s->l.rows);
	lay_release(&s->l);
}

/* Every row fits the screen; every span inside it. */
static void
assert_fits(const struct screen *s)
{
	size_t i;
	int r;

	for (r = 0; r < s->l.rows; r++)
		if (text_width(s->rows[r]) > (size_t)s->l.cols)
			fail_msg("row %d is %zu columns wide: %s", r,
			    text_width(s->rows[r]), s->rows[r]);
	for (i = 0; i < s->l.nspans; i++) {
		const struct lay_span *sp = &s->l.spans[i];

		assert_true(sp->row >= 0 && sp->row < s->l.rows);
		assert_true(sp->col >= 0 && sp->col + sp->width <= s->l.cols);
	}
}

/* The display column where needle starts in text, or -1. */
static int
col_in(const char *text, const char *needle)
{
	const char *p = strstr(text, needle);
	char *prefix;
	int w;

	if (p == NULL)
		return -1;
	prefix = xstrndup(text, (size_t)(p - text));
	w = (int)text_width(prefix);
	free(prefix);
	return w;
}

static int
setup(void **state)
{
	(void)state;
	setlocale(LC_ALL, "C.UTF-8");
	lang_set(0);
	return 0;
}

/* ------------------------------------------------------------- marks */

static void
test_mark_parse(void **state)
{
	static const struct {
		const char	*text;
		int		 max;
		enum sc_mark	 want;
		int		 mark;
	} cases[] = {
		{ "", 6, SC_MARK_EMPTY, -1 },
		{ "   ", 6, SC_MARK_EMPTY, -1 },
		{ "0", 6, SC_MARK_OK, 0 },
		{ "6  ", 6, SC_MARK_OK, 6 },
		{ " 12", 12, SC_MARK_OK, 12 },
		{ "007", 12, SC_MARK_OK, 7 },
		{ "7", 6, SC_MARK_HIGH, 7 },
		{ "100", 12, SC_MARK_HIGH, 100 },
		{ "-1", 6, SC_MARK_BAD, -1 },
		{ "5a", 6, SC_MARK_BAD, -1 },
		{ "1 2", 12, SC_MARK_BAD, -1 },
		{ "9999999", 6, SC_MARK_BAD, -1 },
	};
	size_t i;
	int mark;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(sc_mark_parse(cases[i].text, cases[i].max,
		    &mark), cases[i].want);
		assert_int_equal(mark, cases[i].mark);
	}
}

static void
test_tally(void **state)
{
	static const struct {
		int		 marks[4];
		enum sc_verdict	 verdict;
		int		 total;
		size_t		 given;
		int		 critical_missed;
		int		 high;
	} cases[] = {
		/* Nothing yet. */
		{ { -1, -1, -1, -1 }, SC_INCOMPLETE, 0, 0, 0, 0 },
		/* Critical items full so far: not complete. */
		{ { 6, 5, -1, -1 }, SC_INCOMPLETE, 11, 2, 0, 0 },
		/* A critical item below its maximum fails at once. */
		{ { 5, -1, -1, -1 }, SC_FAIL, 5, 1, 1, 0 },
		/* Everything full. */
		{ { 6, 5, 7, 12 }, SC_PASS, 30, 4, 0, 0 },
		/* Exactly the pass mark (20) passes. */
		{ { 6, 0, 2, 12 }, SC_PASS, 20, 4, 0, 0 },
		/* Below the pass mark, critical items full. */
		{ { 6, 0, 0, 12 }, SC_FAIL, 18, 4, 0, 0 },
		/* A critical item missed, the total high enough. */
		{ { 6, 5, 7, 0 }, SC_FAIL, 18, 4, 1, 0 },
		/* A mark above its maximum is an error, not a mark. */
		{ { 6, 9, 7, 12 }, SC_INCOMPLETE, 25, 3, 0, 1 },
	};
	struct sc_tally t;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		sc_tally(&station, cases[i].marks, &t);
		assert_int_equal(t.verdict, cases[i].verdict);
		assert_int_equal(t.total, cases[i].total);
		assert_int_equal(t.given, cases[i].given);
		assert_int_equal(t.critical_missed, cases[i].critical_missed);
		assert_int_equal(t.high, cases[i].high);
		assert_int_equal(t.max, 30);
		assert_int_equal(t.pass, 20);
	}
	sc_tally(&station, cases[7].marks, &t);
	assert_int_equal(t.first_high, 1);
}

static void
test_tally_text(void **state)
{
	int marks[4] = { 6, 5, 7, 12 }, bad[4] = { 0, 5, 7, 12 };
	struct sc_tally t;
	char *s;

	(void)state;
	sc_tally(&station, marks, &t);
	s = sc_tally_text(&t);
	assert_string_equal(s, "Total 30/30 (pass 20)  marked 4/4  ✓ pass");
	free(s);
	lang_set(1);
	sc_tally(&station, bad, &t);
	s = sc_tally_text(&t);
	assert_non_null(strstr(s, "总分 24/30"));
	assert_non_null(strstr(s, "关键项"));
	free(s);
	lang_set(0);
}

/* ------------------------------------------------------ rubric form */

static void
test_form_geom(void **state)
{
	struct sc_form_geom g;
	size_t i;

	(void)state;
	/* cpr-aed at 80x24: 16 items, a comment and a reason on one page. */
	sc_form_geom(&g, 80, 24, 16, 1, 18, 2);
	assert_int_equal(g.npages, 1);
	assert_int_equal(g.per_page, 18);
	assert_int_equal(sc_form_slot_row(&g, 0), 2);
	assert_int_equal(sc_form_slot_row(&g, 17), 19);
	assert_true(g.detail_row > sc_form_slot_row(&g, 17));
	assert_int_equal(g.hints_row, 23);
	/* The range ends inside the right margin; fields do not overlap. */
	assert_int_equal(g.range_col + 5, 80 - LAY_MARGIN);
	assert_true(g.label_col + g.label_width < g.field_col - 1);
	assert_true(g.text_col + g.text_width < 80);

	/* A long rubric takes pages; every slot has a row on its page. */
	sc_form_geom(&g, 80, 24, 40, 0, 9, 2);
	assert_int_equal(g.npages, 3);
	for (i = 0; i < 41; i++) {
		assert_true(sc_form_slot_row(&g, i) >= g.first_row);
		assert_true(sc_form_slot_row(&g, i) < g.detail_row);
		assert_true(sc_form_slot_page(&g, i) < g.npages);
	}
	assert_int_equal(sc_form_slot_page(&g, 17), 0);
	assert_int_equal(sc_form_slot_page(&g, 18), 1);

	/* A detail area of four rows leaves two fewer for the items. */
	sc_form_geom(&g, 80, 24, 16, 1, 18, 4);
	assert_int_equal(g.per_page, 16);
	assert_int_equal(g.npages, 2);
	assert_int_equal(g.detail_row, 18);
	assert_int_equal(g.message_row, 22);
	for (i = 0; i < 18; i++)
		assert_true(sc_form_slot_row(&g, i) < g.detail_row);
}

/* A label of four lines at 80 columns (as in the bleeding rubric). */
static struct station_item long_items[] = {
	{ (char *)"tourniquet-tighten", (char *)"拉紧带子，转动绞棒直至出血停止，"
	    "固定绞棒；此后不再放松或解除（不“定时放松”），只由医务人员处理",
	    (char *)"Pulls the strap tight and turns the windlass until the "
	    "bleeding stops, then secures the windlass; does not loosen or "
	    "remove it afterwards (no \"loosening it every so often\"): only "
	    "medical staff do that, and the examiner checks it END-OF-LABEL",
	    10, 1 },
	{ (char *)"short", (char *)"短", (char *)"Short", 2, 0 },
};
static struct station long_station = {
	(char *)"bleeding", 0, (char *)"止血与包扎",
	(char *)"Bleeding control and bandaging", 60, 30, long_items,
	sizeof long_items / sizeof long_items[0],
};

static void
test_form_detail_in_full(void **state)
{
	struct sc_form_geom g;
	struct sc_form_view v;
	struct screen s;
	int marks[2] = { -1, -1 }, n, r, found = 0;

	(void)state;
	lang_set(0);
	n = sc_form_detail_lines(&long_station, 80, 24, 0);
	assert_true(n > 2 && n <= SC_DETAIL_MAX);
	assert_int_equal(sc_form_detail_lines(&station, 80, 24, 0) >= 2, 1);
	sc_form_geom(&g, 80, 24, long_station.nitems, 0,
	    (int)text_width(sc_comment_label()), n);
	memset(&v, 0, sizeof v);
	v.st = &long_station;
	v.who = "John Smith 10000002";
	v.marks = marks;
	v.cur = 0;
	lay_init(&s.l, 80, 24);
	sc_form_layout(&s.l, &g, &v);
	s.rows = lay_render(&s.l);
	assert_fits(&s);
	for (r = g.detail_row; r < g.detail_row + g.detail_lines; r++)
		found |= strstr(s.rows[r], "END-OF-LABEL") != NULL;
	assert_true(found);	/* the end of the label is on the screen */
	assert_non_null(strstr(s.rows[g.detail_row], "1/2 ★ critical"));
	screen_release(&s);
	/* A tiny screen keeps ten rows for the items. */
	assert_true(sc_form_detail_lines(&long_station, 80, 16, 0) <= 2);
}

/* The first row holding needle, or -1. */
static int
row_of(const struct screen *s, const char *needle)
{
	int r;

	for (r = 0; r < s->l.rows; r++)
		if (strstr(s->rows[r], needle) != NULL)
			return r;
	return -1;
}

static void
form_screen(struct screen *s, int cols, int rows, const int *marks,
    size_t cur, long long correcting)
{
	struct sc_form_geom g;
	struct sc_form_view v;
	int tlw = (int)text_width(sc_comment_label());

	if (correcting && (int)text_width(sc_reason_label()) > tlw)
		tlw = (int)text_width(sc_reason_label());
	sc_form_geom(&g, cols, rows, station.nitems, correcting != 0, tlw,
	    sc_form_detail_lines(&station, cols, rows, correcting));
	memset(&v, 0, sizeof v);
	v.st = &station;
	v.who = "张三 10000001（c2 批次）";
	v.marks = marks;
	v.cur = cur;
	v.correcting = correcting;
	lay_init(&s->l, cols, rows);
	sc_form_layout(&s->l, &g, &v);
	s->rows = lay_render(&s->l);
}

static void
test_form_layout(void **state)
{
	int marks[4] = { 6, -1, 9, -1 };
	struct screen s;
	int z, r, col = -1, n = 0;

	(void)state;
	for (z = 0; z < 2; z++) {
		lang_set(z);
		form_screen(&s, 80, 24, marks, 2, z ? 5 : 0);
		assert_fits(&s);
		/* Every field's bracket in one column, whatever the label. */
		for (r = 2; r < 2 + (int)station.nitems; r++) {
			int c = col_in(s.rows[r], "[");

			assert_true(c > 0);
			if (col < 0)
				col = c;
			assert_int_equal(c, col);
			n++;
		}
		/* The critical items are marked. */
		assert_int_equal(col_in(s.rows[2], "★"), 4);
		assert_int_equal(col_in(s.rows[3], "★"), -1);
		assert_int_equal(col_in(s.rows[5], "★"), 4);
		/* The focused item is marked and shown in full below. */
		assert_int_equal(col_in(s.rows[4], ">"), 0);
		r = row_of(&s, "3/4");
		assert_true(r > 2 + (int)station.nitems && r < 22);
		/* All of it, to its last words, above the message row. */
		assert_true(row_of(&s, z ? "胸廓隆起" : "chest rise") >= r);
		assert_true(row_of(&s, z ? "胸廓隆起" : "chest rise") < 22);
		/* The ranges. */
		assert_non_null(strstr(s.rows[5], "0–12"));
		lay_render_free(s.rows, s.l.rows);
		lay_release(&s.l);
	}
	assert_int_equal(n, 8);

	/* English: the tally, the error for a mark too high, the title. */
	lang_set(0);
	form_screen(&s, 80, 24, marks, 2, 0);
	assert_non_null(strstr(s.rows[0], "Scoring: Adult CPR and AED"));
	assert_non_null(strstr(s.rows[1], "Total 6/30"));
	assert_non_null(strstr(s.rows[1], "marked 1/4"));
	assert_non_null(strstr(s.rows[22], "Item 3: 9 is above its maximum 7"));
	assert_non_null(strstr(s.rows[6], "Comment:"));
	assert_null(strstr(s.rows[7], "Reason"));
	screen_release(&s);

	/* A correction names the entry and asks for the reason. */
	form_screen(&s, 80, 24, marks, 5, 12);
	assert_non_null(strstr(s.rows[0], "Correction of entry 12"));
	assert_non_null(strstr(s.rows[7], "Reason (required):"));
	assert_int_equal(col_in(s.rows[6], "["), col_in(s.rows[7], "["));
	assert_true(row_of(&s, "why entry 12 is corrected") > 8);
	assert_true(row_of(&s, "why entry 12 is corrected") < 22);
	screen_release(&s);

	/* Wider screens give labels more room. */
	form_screen(&s, 80, 24, marks, 0, 0);
	assert_null(strstr(s.rows[5], "15-18 seconds"));
	assert_non_null(strstr(s.rows[5], "…"));
	screen_release(&s);
	form_screen(&s, 132, 40, marks, 0, 0);
	assert_fits(&s);
	assert_non_null(strstr(s.rows[5], "15-18 seconds"));
	screen_release(&s);
}

/* ------------------------------------------------------------ menus */

static void
test_cell(void **state)
{
	char *s;

	(void)state;
	s = sc_cell("张三", 6);
	assert_string_equal(s, "张三  ");
	free(s);
	/* Cut on a wide character: one column of padding after "…". */
	s = sc_cell("成人心肺复苏与AED", 6);
	assert_int_equal(text_width(s), 6);
	assert_string_equal(s, "成人… ");
	free(s);
	s = sc_cell_right("72.0", 6);
	assert_string_equal(s, "  72.0");
	free(s);
}

static void
test_board_rows(void **state)
{
	struct station st[2];
	struct station_set ss;
	struct station_state states[3][2];
	struct station_row rows[3];
	struct station_board b;
	struct sc_board_cols c;
	char *h, *r[3];
	int z, i;

	(void)state;
	memset(st, 0, sizeof st);
	st[0] = station;
	st[1] = station;
	st[1].rubric = (char *)"ebike-fire";
	st[1].simulation = 1;
	memset(&ss, 0, sizeof ss);
	ss.stations = st;
	ss.n = 2;
	ss.sim_one_of = 1;
	memset(states, 0, sizeof states);
	memset(rows, 0, sizeof rows);
	rows[0].ticket = (char *)"10000001";
	rows[0].name = (char *)"张三";
	rows[0].written = 1;
	rows[0].written_tenths = 720;
	states[0][0].entry = 3;
	states[0][0].total = 27;
	states[0][0].max = 30;
	states[0][0].passed = 1;
	rows[1].ticket = (char *)"10000002";
	rows[1].name = (char *)"John Smith";
	states[1][1].entry = 4;
	states[1][1].total = 10;
	states[1][1].max = 30;
	rows[2].ticket = (char *)"10000003";
	rows[2].name = (char *)"欧阳娜娜";
	rows[2].withdrawn = 1;
	for (i = 0; i < 3; i++)
		rows[i].st = states[i];
	b.rows = rows;
	b.n = 3;
	b.nstations = 2;

	for (z = 0; z < 2; z++) {
		lang_set(z);
		sc_board_cols(&ss, &b, 74, &c);
		h = sc_board_header(&ss, &c);
		for (i = 0; i < 3; i++)
			r[i] = sc_board_row(&ss, &rows[i], &c);
		/* The columns start at the same display column. */
		assert_int_equal(col_in(r[0], "72.0") + 4,
		    col_in(h, z ? "笔试" : "Written") + (z ? 4 : 7));
		assert_int_equal(col_in(r[0], "✓90"), col_in(h, "P1"));
		assert_int_equal(col_in(r[1], "–"), col_in(r[0], "72.0") + 3);
		assert_int_equal(col_in(r[1], "✗33"), col_in(h, z ? "模拟" :
		    "Sim"));
		assert_int_equal(col_in(r[2], z ? "已退出" : "withdrawn"),
		    c.ticket + 2 + c.name + 2);
		assert_true(text_width(r[0]) <= 74);
		assert_int_equal(text_width(r[0]), text_width(r[1]));
		free(h);
		for (i = 0; i < 3; i++)
			free(r[i]);
	}
	lang_set(0);
}

static void
test_station_rows(void **state)
{
	struct station st[2];
	struct station_set ss;
	struct station_state states[2];
	struct station_row row;
	char *a, *b;
	int z;

	(void)state;
	st[0] = station;
	st[1] = station;
	st[1].title_en = (char *)"Bleeding control and bandaging of a deep "
	    "wound on the forearm";
	st[1].title_zh = (char *)"止血与包扎";
	memset(&ss, 0, sizeof ss);
	ss.stations = st;
	ss.n = 2;
	memset(states, 0, sizeof states);
	states[0].entry = 9;
	states[0].total = 25;
	states[0].max = 30;
	states[0].critical_missed = 1;
	memset(&row, 0, sizeof row);
	row.st = states;
	for (z = 0; z < 2; z++) {
		lang_set(z);
		a = sc_station_row(&ss, 0, &row, 74);
		b = sc_station_row(&ss, 1, &row, 74);
		assert_true(text_width(a) <= 74 && text_width(b) <= 74);
		assert_int_equal(col_in(a, "✗ 25/30"), col_in(b, "–"));
		assert_int_equal(strncmp(a, "P1  ", 4), 0);
		assert_int_equal(strncmp(b, "P2  ", 4), 0);
		free(a);
		free(b);
	}
	lang_set(0);
}

static void
test_history_lines(void **state)
{
	static const char *const h[] = { "entry", "component", "rubric",
	    "total", "max", "retake", "by", "at", "reason", "marks",
	    "counts", "comment", "mode" };
	static const char *const e1[] = { "1", "practical", "cpr-aed", "27",
	    "30", "no", "teacher", "2026-11-28T09:30:05Z", "", "scene-safety=6;"
	    "responsiveness=5;breaths=4;compression-rate=12", "no", "", "" };
	static const char *const e2[] = { "2", "practical", "cpr-aed", "30",
	    "30", "no", "teacher", "2026-11-28T09:41:00Z", "misread the sheet",
	    "scene-safety=6;responsiveness=5;breaths=7;compression-rate=12",
	    "yes", "steady rhythm", "" };
	static const char *const s1[] = { "", "written", "written", "55.0",
	    "100", "no", "ann+bo", "2026-11-28T09:50:00Z", "", "", "no", "",
	    "paper-keyed" };
	static const char *const e3[] = { "3", "written", "written", "78.5",
	    "100", "no", "boss", "2026-11-28T10:00:00Z", "paper sitting", "",
	    "yes", "", "external" };
	struct table t;
	char **lines;
	size_t n, i;

	(void)state;
	setenv("TZ", "UTC0", 1);	/* times are shown in local time */
	tzset();
	table_init(&t, 13, h);
	table_add(&t, e1);
	table_add(&t, e2);
	table_add(&t, s1);
	table_add(&t, e3);
	n = sc_history_lines(&t, 40, &lines);
	for (i = 0; i < n; i++)
		assert_true(text_width(lines[i]) <= 40);
	assert_true(n > 6);
	sc_lines_free(lines, n);
	n = sc_history_lines(&t, 76, &lines);
	assert_string_equal(lines[0], "#1  cpr-aed  27/30  by teacher  "
	    "2026-11-28 09:30");
	for (i = 0; i < n; i++)
		if (strncmp(lines[i], "#2", 2) == 0)
			break;
	assert_true(i + 1 < n);
	assert_non_null(strstr(lines[i], "(counts)"));
	assert_string_equal(lines[i + 1], "    reason: misread the sheet");
	assert_string_equal(lines[i + 3], "    comment: steady rhythm");
	assert_string_equal(lines[i + 4], "written test  55.0%  on paper, "
	    "keyed in by ann+bo  2026-11-28 09:50");
	assert_string_equal(lines[i + 5], "#3  written  78.5%  by boss  "
	    "2026-11-28 10:00  (counts)");
	sc_lines_free(lines, n);
	setenv("TZ", "CST-8", 1);	/* Beijing */
	tzset();
	n = sc_history_lines(&t, 76, &lines);
	assert_string_equal(lines[0], "#1  cpr-aed  27/30  by teacher  "
	    "2026-11-28 17:30");
	sc_lines_free(lines, n);
	unsetenv("TZ");
	tzset();
	table_release(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mark_parse),
		cmocka_unit_test(test_tally),
		cmocka_unit_test(test_tally_text),
		cmocka_unit_test(test_form_geom),
		cmocka_unit_test(test_form_detail_in_full),
		cmocka_unit_test(test_form_layout),
		cmocka_unit_test(test_cell),
		cmocka_unit_test(test_board_rows),
		cmocka_unit_test(test_station_rows),
		cmocka_unit_test(test_history_lines),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
