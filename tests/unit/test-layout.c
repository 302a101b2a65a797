/*
 * Unit tests of the trainee client's layouts (src/tui/layout*.c), without a
 * terminal: question screens with Chinese, mixed and ASCII stems at 80 and
 * 120 columns, option labels with hanging indents, the header, the
 * navigator, text pages and the too-small check.  Layouts are rendered to
 * plain rows and compared by display width.
 */
#include "config.h"

#include "unit.h"

#include <locale.h>

#include "core/text.h"
#include "tui/lang.h"
#include "tui/layout.h"

/* ------------------------------------------------------------ helpers */

struct screen {
	struct lay	  l;
	char		**rows;
};

static void
screen_render(struct screen *s)
{
	s->rows = lay_render(&s->l);
}

static void
screen_release(struct screen *s)
{
	lay_render_free(s->rows, s->l.rows);
	lay_release(&s->l);
}

/* Every row fits the screen's width; no span goes outside it. */
static void
assert_fits(const struct screen *s)
{
	size_t i;
	int r;

	for (r = 0; r < s->l.rows; r++)
		if (text_width(s->rows[r]) > (size_t)s->l.cols)
			fail_msg("row %d is %zu columns wide (screen %d): %s", r,
			    text_width(s->rows[r]), s->l.cols, s->rows[r]);
	for (i = 0; i < s->l.nspans; i++) {
		const struct lay_span *sp = &s->l.spans[i];

		assert_true(sp->row >= 0 && sp->row < s->l.rows);
		assert_true(sp->col >= 0);
		assert_true(sp->col + sp->width <= s->l.cols);
		if (!sp->bar)
			assert_int_equal(text_width(sp->text), sp->width);
	}
}

/* The first row containing needle, or -1. */
static int
find_row(const struct screen *s, const char *needle)
{
	int r;

	for (r = 0; r < s->l.rows; r++)
		if (strstr(s->rows[r], needle) != NULL)
			return r;
	return -1;
}

static void
assert_row(const struct screen *s, int r, const char *want)
{
	if (strcmp(s->rows[r], want) != 0)
		fail_msg("row %d:\n got  \"%s\"\n want \"%s\"", r, s->rows[r],
		    want);
}

/* The column (display) where needle starts in row r. */
static size_t
col_of(const struct screen *s, int r, const char *needle)
{
	const char *p = strstr(s->rows[r], needle);
	char *prefix;
	size_t w;

	assert_non_null(p);
	prefix = xstrndup(s->rows[r], (size_t)(p - s->rows[r]));
	w = text_width(prefix);
	free(prefix);
	return w;
}

static int
setup(void **state)
{
	setlocale(LC_ALL, "C.UTF-8");
	lang_set(0);
	return 0;
}

/* ------------------------------------------------------- too small */

static void
test_too_small(void **state)
{
	static const struct {
		int	cols, rows, small;
	} cases[] = {
		{ 80, 24, 0 }, { 79, 24, 1 }, { 80, 23, 1 }, { 120, 40, 0 },
		{ 60, 20, 1 }, { 200, 24, 0 }, { 80, 100, 0 }, { 0, 0, 1 },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(lay_too_small(cases[i].cols, cases[i].rows),
		    cases[i].small);
}

static void
test_too_small_screen(void **state)
{
	static const int sizes[][2] = { { 60, 20 }, { 79, 24 }, { 20, 5 },
	    { 2, 1 } };
	struct screen s;
	size_t i;
	int z;

	for (z = 0; z < 2; z++) {
		lang_set(z);
		for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			lay_init(&s.l, sizes[i][0], sizes[i][1]);
			lay_too_small_screen(&s.l);
			screen_render(&s);
			assert_fits(&s);
			if (sizes[i][0] >= 40) {
				char want[32];

				snprintf(want, sizeof want, "%dx%d",
				    sizes[i][0], sizes[i][1]);
				assert_true(find_row(&s, want) >= 0);
				assert_true(find_row(&s, "80x24") >= 0);
			}
			screen_release(&s);
		}
	}
	lang_set(0);
}

/* ---------------------------------------------------------- clipping */

static void
test_put_clips_wide(void **state)
{
	static const struct {
		int		 col;
		const char	*text;
		const char	*want;	/* the row as rendered */
	} cases[] = {
		{ 0, "中文", "中文" },
		{ 5, "中文", "     中文" },
		{ 6, "中文", "      中" },	/* three columns: no half */
		{ 7, "中文", "       中" },
		{ 8, "中文", "" },		/* one column: nothing */
		{ 5, "abcdef", "     abcd" },
		{ 4, "a中b", "    a中b" },
		{ 6, "a中b", "      a中" },
		{ 7, "a中b", "       a" },
	};
	struct screen s;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		lay_init(&s.l, 9, 1);
		lay_put(&s.l, 0, cases[i].col, ROLE_NORMAL, cases[i].text);
		screen_render(&s);
		assert_fits(&s);
		assert_row(&s, 0, cases[i].want);
		screen_release(&s);
	}
	/* Outside the screen: nothing. */
	lay_init(&s.l, 9, 1);
	assert_int_equal(lay_put(&s.l, 1, 0, ROLE_NORMAL, "x"), 0);
	assert_int_equal(lay_put(&s.l, -1, 0, ROLE_NORMAL, "x"), 0);
	assert_int_equal(lay_put(&s.l, 0, 9, ROLE_NORMAL, "x"), 0);
	assert_int_equal(s.l.nspans, 0);
	/* Control characters cannot reach the terminal. */
	lay_put(&s.l, 0, 0, ROLE_NORMAL, "a\tb\033c");
	assert_string_equal(s.l.spans[0].text, "a b\xef\xbf\xbd" "c");
	/* Nor C1 controls and bidi overrides (shown as U+FFFD). */
	lay_put(&s.l, 0, 0, ROLE_NORMAL, "\xc2\x9b" "1\xe2\x80\xae" "2");
	assert_string_equal(s.l.spans[1].text,
	    "\xef\xbf\xbd" "1\xef\xbf\xbd" "2");
	lay_release(&s.l);
}

/* ------------------------------------------------------------- clock */

static void
test_clock(void **state)
{
	static const struct {
		long		 s;
		int		 zh;
		const char	*shown, *exact;
	} cases[] = {
		{ 3600, 0, "60 min", "1:00:00" },
		{ 2537, 0, "42 min", "42:17" },
		{ 2537, 1, "42 分钟", "42:17" },
		{ 301, 0, "5 min", "5:01" },
		{ 300, 0, "5:00", "5:00" },
		{ 299, 1, "4:59", "4:59" },
		{ 59, 0, "0:59", "0:59" },
		{ 0, 0, "0:00", "0:00" },
		{ -5, 0, "0:00", "0:00" },
		{ 5400, 0, "90 min", "1:30:00" },
	};
	char buf[32];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		lang_set(cases[i].zh);
		lay_clock(cases[i].s, buf, sizeof buf);
		assert_string_equal(buf, cases[i].shown);
		lay_clock_exact(cases[i].s, buf, sizeof buf);
		assert_string_equal(buf, cases[i].exact);
	}
	lang_set(0);
}

/* ---------------------------------------------------------- question */

static const char *const opts_zh[] = {
	"大声呼救，请人拨打120并去取AED，同时立即开始胸外按压",
	"先给家属打电话，商量怎么办",
	"点名指定具体的人：“穿红衣服的大哥，请你打120；戴眼镜的大姐，请去物业"
	"取AED”，然后继续按压，直到专业救援人员到达现场并接手为止",
	"不要碰他，等救护车来处理",
};

static const char *const opts_en[] = {
	"Shout for help, have someone call 120 and fetch the AED, and start "
	"chest compressions at once",
	"Phone the family first",
	"Carry him downstairs",
	"Wait for the ambulance",
};

struct qcase {
	const char	*name;
	int		 zh;
	int		 cols;
	int		 rows;
	enum qtype	 type;
	const char	*stem;
	const char *const *opts;
	size_t		 nopts;
	int		 chosen[8];
	/* Expected: rows that must appear exactly (NULL ends). */
	const char	*want[9];
};

static const struct qcase qcases[] = {
	{
		/* "吸" goes down with "。": no line starts with "。". */
		"chinese stem at 80", 1, 80, 24, QTYPE_SINGLE,
		"现场安全。你发现一位老人倒在小区楼道里，呼之不应，没有呼吸或只"
		"有濒死叹息样呼吸。周围没有其他人，你的手机在身上。按照最新的心"
		"肺复苏指南，下一步应该怎么做？",
		opts_zh, 4, { 0, 0, 1, 0 },
		{
			"  现场安全。你发现一位老人倒在小区楼道里，呼之不应，没"
			"有呼吸或只有濒死叹息样呼",
			"  吸。周围没有其他人，你的手机在身上。按照最新的心肺复"
			"苏指南，下一步应该怎么",
			"  做？",
			"  ( ) A. 大声呼救，请人拨打120并去取AED，同时立即开始胸"
			"外按压",
			"  (*) C. 点名指定具体的人：“穿红衣服的大哥，请你打120；"
			"戴眼镜的大姐，请去物业",
			"         取AED”，然后继续按压，直到专业救援人员到达现场并"
			"接手为止",
			"  ( ) D. 不要碰他，等救护车来处理",
		},
	},
	{
		"chinese stem at 120", 1, 120, 40, QTYPE_SINGLE,
		"现场安全。你发现一位老人倒在楼道里，呼之不应，没有呼吸或只有"
		"濒死叹息样呼吸。周围没有其他人，你的手机在身上。按照最新的心肺"
		"复苏指南，下一步应该怎么做？",
		opts_zh, 4, { 0 },
		{
			"  现场安全。你发现一位老人倒在楼道里，呼之不应，没有呼"
			"吸或只有濒死叹息样呼吸。周围没有其他人，你的手机在身上"
			"。按照最新",
			"  的心肺复苏指南，下一步应该怎么做？",
			"  ( ) C. 点名指定具体的人：“穿红衣服的大哥，请你打120；"
			"戴眼镜的大姐，请去物业取AED”，然后继续按压，直到专业救"
			"援人员到",
			"         达现场并接手为止",
		},
	},
	{
		"mixed stem at 80", 1, 80, 24, QTYPE_MULTIPLE,
		"使用AED（自动体外除颤器）时，下列哪些做法是正确的？请选出所有"
		"正确答案（AHA 2025 guidelines）。",
		opts_zh, 4, { 1, 0, 1, 0 },
		{
			"  使用AED（自动体外除颤器）时，下列哪些做法是正确的？请"
			"选出所有正确答案（AHA",
			"  2025 guidelines）。",
			"  [x] A. 大声呼救，请人拨打120并去取AED，同时立即开始胸"
			"外按压",
			"  [ ] B. 先给家属打电话，商量怎么办",
			"  [x] C. 点名指定具体的人：“穿红衣服的大哥，请你打120；"
			"戴眼镜的大姐，请去物业",
		},
	},
	{
		"ascii stem at 80", 0, 80, 24, QTYPE_ORDERING,
		"The scene is safe. An elderly man lies in the stairwell, does "
		"not respond and is not breathing normally. Put the first steps "
		"in order.",
		opts_en, 4, { 2, 0, 0, 1 },
		{
			"  The scene is safe. An elderly man lies in the "
			"stairwell, does not respond",
			"  and is not breathing normally. Put the first steps in "
			"order.",
			"  [2] A. Shout for help, have someone call 120 and fetch "
			"the AED, and start",
			"         chest compressions at once",
			"  [ ] B. Phone the family first",
			"  [1] D. Wait for the ambulance",
			"  Your order: D, A",
		},
	},
	{
		"ascii stem at 120", 0, 120, 40, QTYPE_TRUEFALSE,
		"The scene is safe. An elderly man lies in the stairwell, does "
		"not respond and is not breathing normally. Start compressions "
		"before you phone 120.",
		opts_en, 2, { 1, 0 },
		{
			"  The scene is safe. An elderly man lies in the "
			"stairwell, does not respond and is not breathing "
			"normally. Start",
			"  compressions before you phone 120.",
			"  (*) A. Shout for help, have someone call 120 and fetch "
			"the AED, and start chest compressions at once",
			"  ( ) B. Phone the family first",
		},
	},
};

static void
question_of(const struct qcase *c, struct lay_question *q)
{
	memset(q, 0, sizeof *q);
	q->h.title = c->zh ? "应急响应第一人标准考核" :
	    "First responder standard assessment";
	q->h.who = c->zh ? "张三  10000001" : "John Smith  10000002";
	q->h.index = 6;
	q->h.count = 50;
	q->h.answered = 12;
	q->h.flagged = 2;
	q->h.remaining = 2537;
	q->type = c->type;
	q->stem = c->stem;
	q->options = c->opts;
	q->noptions = c->nopts;
	q->chosen = c->chosen;
}

static void
test_question_wrap(void **state)
{
	struct lay_question q;
	struct screen s;
	size_t i, j;
	int r;

	for (i = 0; i < sizeof qcases / sizeof qcases[0]; i++) {
		const struct qcase *c = &qcases[i];

		lang_set(c->zh);
		question_of(c, &q);
		lay_init(&s.l, c->cols, c->rows);
		lay_question(&s.l, &q);
		screen_render(&s);
		assert_fits(&s);
		if (getenv("LAYOUT_DUMP") != NULL)
			for (r = 0; r < s.l.rows; r++)
				print_message("%2d|%s\n", r, s.rows[r]);
		for (j = 0; c->want[j] != NULL && getenv("LAYOUT_DUMP") == NULL;
		    j++)
			if (find_row(&s, c->want[j]) < 0 ||
			    strcmp(s.rows[find_row(&s, c->want[j])],
			    c->want[j]) != 0) {
				for (r = 0; r < s.l.rows; r++)
					print_message("%2d|%s\n", r, s.rows[r]);
				fail_msg("%s: no row \"%s\"", c->name,
				    c->want[j]);
			}
		/* No row starts with closing punctuation. */
		for (r = 0; r < s.l.rows; r++) {
			const char *t = s.rows[r];

			while (*t == ' ')
				t++;
			assert_false(strncmp(t, "，", 3) == 0 ||
			    strncmp(t, "。", 3) == 0 ||
			    strncmp(t, "？", 3) == 0 ||
			    strncmp(t, "）", 3) == 0);
		}
		screen_release(&s);
	}
	lang_set(0);
}

/* Whether the line [p, p + len) starts with one of the UTF-8 marks. */
static int
starts_with_any(const char *p, size_t len, const char *const *marks)
{
	size_t k;

	for (k = 0; marks[k] != NULL; k++)
		if (len >= strlen(marks[k]) &&
		    strncmp(p, marks[k], strlen(marks[k])) == 0)
			return 1;
	return 0;
}

static int
ends_with_any(const char *p, size_t len, const char *const *marks)
{
	size_t k, m;

	for (k = 0; marks[k] != NULL; k++) {
		m = strlen(marks[k]);
		if (len >= m && strncmp(p + len - m, marks[k], m) == 0)
			return 1;
	}
	return 0;
}

/*
 * Chinese line-breaking rules at every width from 10 columns: no line
 * starts with closing punctuation, none ends with opening punctuation, and
 * the lines put together are the text.
 */
static void
test_wrap_punctuation(void **state)
{
	static const char *const closing[] = { "，", "。", "、", "；", "：",
	    "？", "！", "）", "」", "』", "》", "】", "”", "…", ",", ".", ")",
	    NULL };
	static const char *const opening[] = { "（", "「", "『", "《", "【",
	    "“", "(", NULL };
	static const char *const texts[] = {
		"发现有人倒地（无反应、无呼吸），应立即：①呼救；②拨打"
		"“120”；③开始胸外按压。《应急管理条例》规定：「先救命，"
		"后治伤」！是否正确？",
		"止血带（tourniquet）应扎在伤口上方（近心端）约5–7厘米处，"
		"记录时间（如：10:35）。",
		"选出正确的做法：（A）立即撤离；（B）返回取物；（C）乘电梯。",
	};
	struct text_line *lines;
	size_t i, w, n, k;
	char joined[1024];

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
		for (w = 10; w <= 60; w++) {
			n = text_wrap(texts[i], w, &lines);
			joined[0] = '\0';
			for (k = 0; k < n; k++) {
				const char *p = texts[i] + lines[k].start;
				size_t len = lines[k].len;

				assert_true(lines[k].width <= w);
				if (k > 0 && starts_with_any(p, len, closing))
					fail_msg("width %zu: line %zu starts "
					    "with closing punctuation: %.*s",
					    w, k, (int)len, p);
				if (k + 1 < n && ends_with_any(p, len, opening))
					fail_msg("width %zu: line %zu ends "
					    "with opening punctuation: %.*s",
					    w, k, (int)len, p);
				strncat(joined, p, len);
			}
			/* Nothing lost (no spaces to drop here). */
			assert_string_equal(joined, texts[i]);
			free(lines);
		}
}

static void
test_question_header(void **state)
{
	struct lay_question q;
	struct screen s;

	/* English at 80: title left, trainee right, counts, the clock. */
	lang_set(0);
	question_of(&qcases[3], &q);
	lay_init(&s.l, 80, 24);
	lay_question(&s.l, &q);
	screen_render(&s);
	assert_row(&s, 0, " First responder standard assessment"
	    "                       John Smith  10000002");
	assert_row(&s, 1, " Question 7/50   Answered 12/50   Flagged 2"
	    "                    Time left 42 min");
	assert_int_equal(text_width(s.rows[0]), 79);
	assert_int_equal(text_width(s.rows[1]), 79);
	assert_row(&s, 23, " A-D choose  n next  p previous  m flag  "
	    "l list  s submit  ? help");
	screen_release(&s);

	/* Chinese, flagged, under five minutes: seconds shown. */
	lang_set(1);
	question_of(&qcases[0], &q);
	q.item_flagged = 1;
	q.h.remaining = 299;
	q.message = "第 7 题：答案 C 已保存。";
	q.message_role = ROLE_OK;
	lay_init(&s.l, 80, 24);
	lay_question(&s.l, &q);
	screen_render(&s);
	assert_row(&s, 0, " 应急响应第一人标准考核"
	    "                                          张三  10000001");
	assert_row(&s, 1, " 第 7/50 题 [已标记]   已答 12/50   标记 2"
	    "                        剩余时间 4:59");
	assert_int_equal(text_width(s.rows[0]), 79);
	assert_int_equal(text_width(s.rows[1]), 79);
	assert_row(&s, 22, "  第 7 题：答案 C 已保存。");
	screen_release(&s);

	/* A long title gives way to the trainee's name. */
	lang_set(0);
	q.h.title = "An exceptionally long exam title that goes on and on and "
	    "on and never seems to end at all";
	lay_init(&s.l, 80, 24);
	lay_question(&s.l, &q);
	screen_render(&s);
	assert_fits(&s);
	assert_true(strstr(s.rows[0], "张三  10000001") != NULL);
	screen_release(&s);
}

/* A question whose texts are a copy of the other language says so. */
static void
test_question_untranslated(void **state)
{
	struct lay_question q;
	struct screen s;
	int r, stem;

	(void)state;
	lang_set(1);
	question_of(&qcases[4], &q);	/* English texts, Chinese screen */
	q.untranslated = 1;
	lay_init(&s.l, 80, 24);
	lay_question(&s.l, &q);
	screen_render(&s);
	assert_fits(&s);
	r = find_row(&s, "本题尚无中文译文，以下为英文原文。");
	stem = find_row(&s, "The scene is safe.");
	assert_true(r > 0 && stem > r);	/* above the stem */
	screen_release(&s);

	lang_set(0);
	question_of(&qcases[4], &q);
	q.untranslated = 1;
	lay_init(&s.l, 80, 24);
	lay_question(&s.l, &q);
	screen_render(&s);
	assert_true(find_row(&s, "Not yet translated into English") > 0);
	screen_release(&s);

	q.untranslated = 0;
	lay_init(&s.l, 80, 24);
	lay_question(&s.l, &q);
	screen_render(&s);
	assert_true(find_row(&s, "Not yet translated") < 0);
	screen_release(&s);
}

static void
test_question_scroll(void **state)
{
	static const char *const many[] = {
		"一", "二", "三", "四", "五", "六", "七", "八",
	};
	char stem[2048];
	struct lay_question q;
	struct screen s;
	size_t i;

	/* A stem of 12 lines and 8 options: more than 19 body rows. */
	stem[0] = '\0';
	for (i = 0; i < 12; i++)
		strcat(stem, "第一行的文字比较长，需要占满整整一行才能测试滚动的"
		    "效果是否正确，所以这里多写一些。\n");
	lang_set(1);
	memset(&q, 0, sizeof q);
	q.h.title = "考试";
	q.h.who = "张三";
	q.h.count = 1;
	q.h.remaining = 600;
	q.type = QTYPE_SINGLE;
	q.stem = stem;
	q.options = many;
	q.noptions = 8;
	lay_init(&s.l, 80, 24);
	lay_question(&s.l, &q);
	screen_render(&s);
	assert_int_equal(s.l.body_rows, 19);
	assert_true(s.l.body_lines > 19);
	assert_int_equal(s.l.scroll, 0);
	assert_true(strstr(s.rows[22], "下面还有内容") != NULL);
	assert_int_equal(find_row(&s, "  ( ) H. 八"), -1);
	screen_release(&s);

	/* Scrolled too far: clamped, the last option on the last row. */
	q.scroll = 1000;
	lay_init(&s.l, 80, 24);
	lay_question(&s.l, &q);
	screen_render(&s);
	assert_int_equal(s.l.scroll, s.l.body_lines - 19);
	assert_int_equal(find_row(&s, "  ( ) H. 八"), 21);
	assert_true(strstr(s.rows[22], "上面还有内容") != NULL);
	screen_release(&s);
	lang_set(0);
}

/* -------------------------------------------------------- navigator */

static void
test_navigator(void **state)
{
	static const struct {
		int	cols, rows;
		size_t	count, cursor;
		int	per;
	} cases[] = {
		{ 80, 24, 50, 6, 10 },
		{ 120, 40, 50, 49, 15 },
		{ 100, 30, 50, 0, 15 },
		{ 80, 24, 300, 299, 10 },	/* the grid scrolls */
	};
	struct lay_nav_item items[300];
	struct lay_navigator nv;
	struct screen s;
	size_t i, k;
	char cell[16];

	memset(items, 0, sizeof items);
	for (k = 0; k < 300; k++) {
		items[k].answered = k % 3 == 0;
		items[k].flagged = k % 7 == 1;
	}
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&nv, 0, sizeof nv);
		nv.h.title = "Test";
		nv.h.who = "Someone";
		nv.h.count = cases[i].count;
		nv.h.remaining = 100;
		nv.items = items;
		nv.cursor = cases[i].cursor;
		lay_init(&s.l, cases[i].cols, cases[i].rows);
		lay_navigator(&s.l, &nv);
		screen_render(&s);
		assert_fits(&s);
		assert_int_equal(s.l.nav_per_row, cases[i].per);
		assert_int_equal(lay_nav_per_row(cases[i].cols),
		    cases[i].per);
		/* The cursor's cell is on screen, in the cursor role. */
		snprintf(cell, sizeof cell, "%3zu%c%c", cases[i].cursor + 1,
		    items[cases[i].cursor].answered ? '*' : '-',
		    items[cases[i].cursor].flagged ? 'F' : ' ');
		for (k = 0; k < s.l.nspans; k++)
			if (s.l.spans[k].role == ROLE_CURSOR)
				break;
		assert_true(k < s.l.nspans);
		assert_string_equal(s.l.spans[k].text, cell);
		screen_release(&s);
	}

	/* The first rows at 80 columns, exactly. */
	memset(&nv, 0, sizeof nv);
	nv.h.title = "Test";
	nv.h.who = "Someone";
	nv.h.count = 12;
	nv.h.answered = 4;
	nv.h.flagged = 2;
	nv.items = items;
	lay_init(&s.l, 80, 24);
	lay_navigator(&s.l, &nv);
	screen_render(&s);
	assert_row(&s, 3, "  Answered 4   Empty 8   Flagged 2");
	assert_row(&s, 5, "    1*    2-F   3-    4*    5-    6-    7*    8-"
	    "    9-F  10*");
	assert_row(&s, 6, "   11-   12-");
	assert_row(&s, 22, "  *  answered    -  empty    F  flagged");
	screen_release(&s);

	/* A number being typed replaces the legend; a refusal comes first. */
	nv.typed = "3";
	lay_init(&s.l, 80, 24);
	lay_navigator(&s.l, &nv);
	screen_render(&s);
	assert_row(&s, 22, "  Go to question: 3_  Enter opens it  Backspace "
	    "edits  Esc cancels");
	screen_release(&s);
	nv.refused = "35";
	lay_init(&s.l, 80, 24);
	lay_navigator(&s.l, &nv);
	screen_render(&s);
	assert_fits(&s);
	/* At 80 columns the keys give way to the message and the number. */
	assert_row(&s, 22, "  There is no question 35: the questions are "
	    "1–12.  Go to question: 3_");
	screen_release(&s);
	lang_set(1);
	lay_init(&s.l, 80, 24);
	lay_navigator(&s.l, &nv);
	screen_render(&s);
	assert_fits(&s);
	assert_row(&s, 22, "  没有第 35 题：题号为 1–12。  跳到第几题：3_  "
	    "回车打开  退格修改  Esc 取消");
	screen_release(&s);
	lang_set(0);
}

/* ------------------------------------------------------------- page */

static void
test_page(void **state)
{
	struct lay_para p[4];
	struct screen s;

	memset(p, 0, sizeof p);
	p[0].text = "准考证号： 10000001";
	p[0].cursor = 1;
	p[1].text = "";
	p[2].key = "n、右方向键";
	p[2].hang = 14;
	p[2].text = "下一题，这一行很长很长很长很长很长很长很长很长很长很长很长"
	    "很长很长很长";
	p[3].key = "g";
	p[3].hang = 14;
	p[3].text = "list";
	lay_init(&s.l, 80, 24);
	lay_page(&s.l, "标题", p, 4, "回车 确定");
	screen_render(&s);
	assert_fits(&s);
	assert_row(&s, 0, " 标题");
	assert_row(&s, 2, "  准考证号： 10000001");
	assert_int_equal(s.l.cursor_row, 2);
	assert_int_equal(s.l.cursor_col, 2 + 19);
	assert_int_equal(col_of(&s, 4, "下一题"), 16);
	/* The continuation hangs under the text, not under the key. */
	assert_int_equal(col_of(&s, 5, "很长"), 16);
	assert_int_equal(col_of(&s, 6, "list"), 16);
	assert_row(&s, 23, " 回车 确定");
	screen_release(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_too_small),
		cmocka_unit_test(test_too_small_screen),
		cmocka_unit_test(test_put_clips_wide),
		cmocka_unit_test(test_clock),
		cmocka_unit_test(test_question_wrap),
		cmocka_unit_test(test_wrap_punctuation),
		cmocka_unit_test(test_question_header),
		cmocka_unit_test(test_question_scroll),
		cmocka_unit_test(test_question_untranslated),
		cmocka_unit_test(test_navigator),
		cmocka_unit_test(test_page),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
