/*
 * Unit tests of the answer sheet (sheet.h): the geometry of many paper
 * shapes (every bubble on the page, inside the margins, clear of the marks,
 * the code and the header, no two touching; 50 questions on one page),
 * filled bubbles to responses and back, and the sheet code: round trip,
 * strict parsing of hostile text, and refusal of a forged check value, a
 * code of another database, of another cohort, of an attempt not there.
 */
#include "config.h"

#include <math.h>

#include "unit.h"
#include "unit-db.h"

#include "core/attempt.h"
#include "core/sheet.h"
#include "core/store.h"
#include "core/xmlsafe.h"

/* A paper of n items, types and option counts by the callbacks. */
static struct paper_item *
mkpaper(size_t n, enum qtype (*type)(size_t), size_t (*nopt)(size_t))
{
	struct paper_item *items = xcalloc(n, sizeof *items);
	size_t i;

	for (i = 0; i < n; i++) {
		items[i].type = type(i);
		items[i].noptions = nopt(i);
	}
	return items;
}

static enum qtype t_single(size_t i) { (void)i; return QTYPE_SINGLE; }
static enum qtype t_multiple(size_t i) { (void)i; return QTYPE_MULTIPLE; }
static enum qtype t_ordering(size_t i) { (void)i; return QTYPE_ORDERING; }
/* A standard-like mix: every tenth ordering, every seventh true/false. */
static enum qtype
t_mix(size_t i)
{
	return i % 10 == 9 ? QTYPE_ORDERING : i % 7 == 3 ? QTYPE_TRUEFALSE :
	    i % 3 == 0 ? QTYPE_MULTIPLE : QTYPE_SINGLE;
}
static size_t n4(size_t i) { (void)i; return 4; }
static size_t n8(size_t i) { (void)i; return 8; }
static size_t n_mix(size_t i) { return 2 + i % 7; }

static int
box_inside(const struct sheet_box *b)
{
	return b->x >= SHEET_MARGIN && b->y >= SHEET_MARGIN &&
	    b->x + b->w <= SHEET_W - SHEET_MARGIN &&
	    b->y + b->h <= SHEET_H - SHEET_MARGIN;
}

/* Whether the circle (x, y, r) and box b (grown by gap) meet. */
static int
circle_box(double x, double y, double r, const struct sheet_box *b,
    double gap)
{
	return x + r + gap > b->x && x - r - gap < b->x + b->w &&
	    y + r + gap > b->y && y - r - gap < b->y + b->h;
}

static int
boxes_meet(const struct sheet_box *a, const struct sheet_box *b)
{
	return a->x < b->x + b->w - 1e-9 && b->x < a->x + a->w - 1e-9 &&
	    a->y < b->y + b->h - 1e-9 && b->y < a->y + a->h - 1e-9;
}

/* Everything the geometry promises, for one paper. */
static void
check_sheet(const struct paper_item *items, size_t n, int max_pages)
{
	struct sheet *sh = NULL;
	struct sheet_box mark;
	char *cause = NULL;
	size_t i, j, want = 0;
	int k;

	assert_int_equal(sheet_layout(items, n, &sh, &cause), 0);
	assert_true(sh->npages >= 1 && sh->npages <= max_pages);
	assert_int_equal(sh->nitems, n);
	assert_true(box_inside(&sh->qr) && box_inside(&sh->title) &&
	    box_inside(&sh->who) && box_inside(&sh->help) &&
	    box_inside(&sh->body));
	/* The code is square and at least 28 mm (0.6 mm modules). */
	assert_true(sh->qr.w == sh->qr.h && sh->qr.w >= 28.0);
	for (k = 0; k < 4; k++) {
		mark = (struct sheet_box){ sh->marks[k].x - sh->marks[k].side /
		    2, sh->marks[k].y - sh->marks[k].side / 2,
		    sh->marks[k].side, sh->marks[k].side };
		assert_true(box_inside(&mark));
		assert_false(boxes_meet(&mark, &sh->qr));
		assert_false(boxes_meet(&mark, &sh->body));
		assert_false(boxes_meet(&mark, &sh->who));
		assert_true(sh->marks[k].hole < sh->marks[k].side);
		assert_true((sh->marks[k].hole > 0) ==
		    (k == SHEET_BOTTOM_RIGHT));
	}
	assert_false(boxes_meet(&sh->qr, &sh->body));
	assert_false(boxes_meet(&sh->qr, &sh->who));
	assert_false(boxes_meet(&sh->help, &sh->body));
	assert_true(sh->footer_y > sh->body.y + sh->body.h &&
	    sh->footer_y < SHEET_H - SHEET_MARGIN);
	for (i = 0; i < n; i++) {
		const struct sheet_item *si = &sh->items[i];

		assert_int_equal(si->item, i);
		assert_int_equal(si->type, items[i].type);
		assert_int_equal(si->first, want);
		assert_int_equal(si->cols, items[i].type == QTYPE_TRUEFALSE ?
		    2 : (int)items[i].noptions);
		assert_int_equal(si->rows, items[i].type == QTYPE_ORDERING ?
		    (int)items[i].noptions : 1);
		want += (size_t)(si->rows * si->cols);
		/* Inside the body, in paper order. */
		assert_true(si->box.x >= sh->body.x - 1e-9 &&
		    si->box.y >= sh->body.y - 1e-9 &&
		    si->box.x + si->box.w <= sh->body.x + sh->body.w + 1e-9 &&
		    si->box.y + si->box.h <= sh->body.y + sh->body.h + 1e-9);
		if (i > 0) {
			const struct sheet_item *p = &sh->items[i - 1];

			assert_true(si->page > p->page ||
			    (si->page == p->page && (si->box.x > p->box.x ||
			    (si->box.x == p->box.x && si->box.y >= p->box.y +
			    p->box.h - 1e-9))));
		}
		for (j = 0; j < i; j++)
			assert_false(sh->items[j].page == si->page &&
			    boxes_meet(&sh->items[j].box, &si->box));
	}
	assert_int_equal(sh->nbubbles, want);
	for (i = 0; i < sh->nbubbles; i++) {
		const struct sheet_bubble *b = &sh->bubbles[i];
		const struct sheet_item *si = &sh->items[b->item];

		/* 4.5 to 5 mm across, a letter fits inside. */
		assert_true(b->r >= 2.25 && b->r <= 2.5);
		assert_int_equal(b->page, si->page);
		assert_true(circle_box(b->x, b->y, b->r, &si->box, 0));
		assert_true(b->x - b->r >= si->num_x);
		assert_true(b->x - b->r >= si->box.x &&
		    b->x + b->r <= si->box.x + si->box.w &&
		    b->y - b->r >= si->box.y &&
		    b->y + b->r <= si->box.y + si->box.h);
		assert_false(circle_box(b->x, b->y, b->r, &sh->qr, 1.0));
		for (k = 0; k < 4; k++) {
			mark = (struct sheet_box){ sh->marks[k].x -
			    sh->marks[k].side / 2, sh->marks[k].y -
			    sh->marks[k].side / 2, sh->marks[k].side,
			    sh->marks[k].side };
			assert_false(circle_box(b->x, b->y, b->r, &mark, 2.0));
		}
		assert_int_equal(&sh->bubbles[si->first + (size_t)(b->row *
		    si->cols + b->col)], b);
		/* At least 0.8 mm of paper between two bubbles. */
		for (j = i + 1; j < sh->nbubbles; j++) {
			const struct sheet_bubble *c = &sh->bubbles[j];

			if (c->page != b->page)
				continue;
			assert_true(hypot(c->x - b->x, c->y - b->y) >=
			    b->r + c->r + 0.8);
		}
	}
	sheet_free(&sh);
	assert_null(sh);
}

static void
test_geometry(void **state)
{
	struct paper_item *p;

	(void)state;
	p = mkpaper(50, t_single, n4);
	check_sheet(p, 50, 1);
	free(p);
	p = mkpaper(50, t_multiple, n8);
	check_sheet(p, 50, 1);
	free(p);
	/* 50 questions, five of them 8-step orderings: one page. */
	p = mkpaper(50, t_mix, n8);
	check_sheet(p, 50, 1);
	free(p);
	p = mkpaper(50, t_mix, n_mix);
	check_sheet(p, 50, 1);
	free(p);
	/* 20 orderings of 8 steps: more pages, each laid out the same. */
	p = mkpaper(20, t_ordering, n8);
	check_sheet(p, 20, 3);
	free(p);
	p = mkpaper(1, t_single, n4);
	check_sheet(p, 1, 1);
	free(p);
	check_sheet(NULL, 0, 1);
}

static void
test_geometry_refused(void **state)
{
	struct paper_item *p;
	struct sheet *sh = NULL;
	char *cause = NULL;

	(void)state;
	p = mkpaper(3, t_single, n4);
	p[1].noptions = 9;
	assert_int_equal(sheet_layout(p, 3, &sh, &cause), -1);
	assert_null(sh);
	assert_non_null(strstr(cause, "question 2"));
	free(cause);
	cause = NULL;
	p[1].noptions = 0;
	assert_int_equal(sheet_layout(p, 3, &sh, &cause), -1);
	free(cause);
	cause = NULL;
	free(p);
	/* 200 orderings of 8 steps need more than SHEET_MAX_PAGES pages. */
	p = mkpaper(200, t_ordering, n8);
	assert_int_equal(sheet_layout(p, 200, &sh, &cause), -1);
	assert_null(sh);
	assert_non_null(strstr(cause, "pages"));
	free(cause);
	free(p);
}

/* response -> bubbles -> the same response. */
static void
round_trip(enum qtype type, size_t nopt, const char *response)
{
	struct paper_item it = { .type = type, .noptions = nopt };
	unsigned char filled[SHEET_MAX_OPTIONS * SHEET_MAX_OPTIONS];
	char *cause = NULL, *back;

	assert_int_equal(sheet_fill(&it, response, filled), 0);
	back = sheet_response(&it, filled, &cause);
	assert_non_null(back);
	assert_string_equal(back, response);
	free(back);
}

/* Bubbles (as "row,col;row,col") -> response or refusal. */
static void
marks_say(enum qtype type, size_t nopt, const char *marks, const char *want)
{
	struct paper_item it = { .type = type, .noptions = nopt };
	unsigned char filled[SHEET_MAX_OPTIONS * SHEET_MAX_OPTIONS] = { 0 };
	int cols = type == QTYPE_TRUEFALSE ? 2 : (int)nopt, r, c, used;
	char *cause = NULL, *got;
	const char *p = marks;

	while (sscanf(p, "%d,%d%n", &r, &c, &used) == 2) {
		filled[r * cols + c] = 1;
		p += used;
		if (*p == ';')
			p++;
	}
	got = sheet_response(&it, filled, &cause);
	if (want == NULL) {
		assert_null(got);
		assert_non_null(cause);
		free(cause);
		return;
	}
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_responses(void **state)
{
	struct paper_item it = { .type = QTYPE_SINGLE, .noptions = 4 };
	unsigned char filled[64];

	(void)state;
	round_trip(QTYPE_SINGLE, 4, "");
	round_trip(QTYPE_SINGLE, 4, "3");
	round_trip(QTYPE_SINGLE, 8, "7");
	round_trip(QTYPE_MULTIPLE, 5, "0,2,4");
	round_trip(QTYPE_MULTIPLE, 8, "0,1,2,3,4,5,6,7");
	round_trip(QTYPE_TRUEFALSE, 2, "1");
	round_trip(QTYPE_TRUEFALSE, 2, "0");
	round_trip(QTYPE_TRUEFALSE, 2, "");
	round_trip(QTYPE_ORDERING, 4, "2,0,3,1");
	round_trip(QTYPE_ORDERING, 8, "7,6,5,4,3,2,1,0");
	round_trip(QTYPE_ORDERING, 5, "4,1");	/* partly placed */

	marks_say(QTYPE_SINGLE, 4, "0,1;0,2", NULL);
	marks_say(QTYPE_MULTIPLE, 4, "0,3;0,1", "1,3");
	marks_say(QTYPE_TRUEFALSE, 2, "0,0", "1");
	marks_say(QTYPE_TRUEFALSE, 2, "0,1", "0");
	marks_say(QTYPE_TRUEFALSE, 2, "0,0;0,1", NULL);
	/* Ordering: step B first, step A second, C third. */
	marks_say(QTYPE_ORDERING, 3, "1,0;0,1;2,2", "1,0,2");
	marks_say(QTYPE_ORDERING, 3, "0,0;0,1", NULL);	/* A twice */
	marks_say(QTYPE_ORDERING, 3, "0,0;1,0", NULL);	/* place 1 twice */
	marks_say(QTYPE_ORDERING, 3, "0,0;1,2", NULL);	/* place 2 empty */
	marks_say(QTYPE_ORDERING, 3, "", "");

	assert_int_equal(sheet_fill(&it, "0,1", filled), -1);
	assert_int_equal(sheet_fill(&it, "4", filled), -1);
	assert_int_equal(sheet_fill(&it, "x", filled), -1);
	it.type = QTYPE_MULTIPLE;
	assert_int_equal(sheet_fill(&it, "1,1", filled), -1);
	assert_int_equal(sheet_fill(&it, "1,", filled), -1);
	it.type = QTYPE_TRUEFALSE;
	assert_int_equal(sheet_fill(&it, "2", filled), -1);
}

/* Two databases with the mini course; cohorts c1 and c2. */
struct fixture {
	char		*dir;
	struct store	*s, *other;
	sqlite3_int64	 a1, a2;	/* an attempt of c1, of c2 */
};

static sqlite3_int64
first_attempt(struct store *s, const struct table *roster)
{
	struct trainee t;
	struct attempt *a = NULL;
	char *cause = NULL;
	sqlite3_int64 id;
	int wait;

	if (trainee_login(s, table_cell(roster, 1, 0), table_cell(roster, 1,
	    3), &t, &wait, &cause) != 0)
		fail_msg("login %s: %s", table_cell(roster, 1, 0), cause);
	assert_int_equal(attempt_open(s, &t, &a, &cause), 0);
	id = a->id;
	attempt_free(&a);
	trainee_release(&t);
	return id;
}

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	struct table roster;
	struct diag d;
	char *cause = NULL, *path, *id;
	FILE *fp;

	xmlsafe_init();
	f->dir = unit_tmpdir();
	path = xasprintf("%s/t.db", f->dir);
	assert_int_equal(store_open(path, STORE_CREATE, &f->s, &cause), 0);
	free(path);
	id = unit_mini_cohort(f->s, f->dir, "一", "name,community\n张三,东关\n",
	    &roster);
	free(id);
	f->a1 = first_attempt(f->s, &roster);
	table_release(&roster);
	assert_int_equal(cohort_create(f->s, "二", "mini-exam", "c2", &id,
	    &cause), 0);
	free(id);
	path = xasprintf("%s/r2.csv", f->dir);
	assert_non_null(fp = fopen(path, "w"));
	fputs("name,community\n李四,西关\n", fp);
	fclose(fp);
	diag_init(&d);
	assert_int_equal(roster_import(f->s, "c2", path, &roster, &d), 0);
	diag_release(&d);
	free(path);
	f->a2 = first_attempt(f->s, &roster);
	table_release(&roster);
	path = xasprintf("%s/o.db", f->dir);
	assert_int_equal(store_open(path, STORE_CREATE, &f->other, &cause), 0);
	free(path);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	store_free(&f->s);
	store_free(&f->other);
	unit_rmdir(f->dir);
	free(f);
	xmlsafe_cleanup();
	return 0;
}

/* Verify text against cohort in s; the refusal must contain want. */
static void
refused(struct store *s, const char *text, const char *cohort,
    const char *want)
{
	struct sheet_code c;
	char *cause = NULL;
	sqlite3_int64 tid = 99;

	if (sheet_code_parse(text, strlen(text), &c, &cause) == 0)
		assert_int_equal(sheet_code_verify(s, &c, cohort, &tid,
		    &cause), -1);
	assert_non_null(cause);
	if (strstr(cause, want) == NULL)
		fail_msg("\"%s\": \"%s\" does not say \"%s\"", text, cause,
		    want);
	assert_true(tid == 99 || tid == 0);
	free(cause);
}

static void
test_code(void **state)
{
	struct fixture *f = *state;
	struct sheet_code c;
	char *cause = NULL, *code, *code2, *forged, *bp;
	char id[INSTANCE_ID_LEN + 1];
	sqlite3_int64 tid = 0;

	code = sheet_code(f->s, "c1", f->a1, SHEET_PART_ANSWERS, 1, &cause);
	assert_non_null(code);
	assert_int_equal(instance_id(f->s, id, &cause), 0);
	assert_int_equal(strncmp(code, "FL1/", 4), 0);
	assert_int_equal(strncmp(code + 4, id, INSTANCE_ID_LEN), 0);
	code2 = xasprintf("FL1/%s/c1/%lld/", id, (long long)f->a1);
	assert_int_equal(strncmp(code, code2, strlen(code2)), 0);
	assert_int_equal(strlen(code), strlen(code2) + 20);
	assert_int_equal(strspn(code + strlen(code2), "0123456789abcdef"), 20);
	free(code2);
	assert_int_equal(sheet_code_parse(code, strlen(code), &c, &cause), 0);
	assert_string_equal(c.instance, id);
	assert_string_equal(c.cohort, "c1");
	assert_int_equal(c.attempt, f->a1);
	assert_int_equal(c.part, SHEET_PART_ANSWERS);
	assert_int_equal(c.page, 1);
	assert_int_equal(sheet_code_verify(f->s, &c, "c1", &tid, &cause), 0);
	assert_true(tid > 0);
	/* The same code every time (reprinting). */
	code2 = sheet_code(f->s, "c1", f->a1, SHEET_PART_ANSWERS, 1, &cause);
	assert_string_equal(code, code2);
	free(code2);

	/* Pages: same check, the page after it. */
	code2 = sheet_code(f->s, "c1", f->a1, SHEET_PART_BOOKLET, 3, &cause);
	assert_int_equal(strncmp(code, code2, strlen(code)), 0);
	assert_string_equal(code2 + strlen(code), "/p3");
	forged = sheet_code_page(code, SHEET_PART_BOOKLET, 3);
	assert_string_equal(forged, code2);
	free(forged);
	assert_int_equal(sheet_code_parse(code2, strlen(code2), &c, &cause),
	    0);
	assert_int_equal(c.part, SHEET_PART_BOOKLET);
	assert_int_equal(c.page, 3);
	assert_int_equal(sheet_code_verify(f->s, &c, "c1", NULL, &cause), 0);
	free(code2);
	code2 = sheet_code(f->s, "c1", f->a1, SHEET_PART_ANSWERS, 2, &cause);
	assert_string_equal(code2 + strlen(code), "/s2");
	forged = sheet_code_page(code, SHEET_PART_ANSWERS, 2);
	assert_string_equal(forged, code2);
	free(forged);
	forged = sheet_code_page(code, SHEET_PART_ANSWERS, 1);
	assert_string_equal(forged, code);
	free(forged);
	assert_int_equal(sheet_code_parse(code2, strlen(code2), &c, &cause),
	    0);
	assert_int_equal(c.part, SHEET_PART_ANSWERS);
	assert_int_equal(c.page, 2);
	free(code2);

	/* A forged check value: one digit changed, anywhere. */
	forged = xstrdup(code);
	bp = forged + strlen(forged) - 1;
	*bp = *bp == '0' ? '1' : '0';
	refused(f->s, forged, "c1", "check value");
	free(forged);
	forged = xstrdup(code);
	forged[strlen(forged) - 20] ^= 1;
	refused(f->s, forged, "c1", "");
	free(forged);
	/* Another attempt number with the first one's check. */
	forged = xasprintf("FL1/%s/c1/%lld/%s", id, (long long)f->a2,
	    code + strlen(code) - 20);
	refused(f->s, forged, "c1", "check value");
	free(forged);
	/* The cohort changed, the check kept. */
	forged = xasprintf("FL1/%s/c2/%lld/%s", id, (long long)f->a1,
	    code + strlen(code) - 20);
	refused(f->s, forged, "c2", "check value");
	free(forged);

	/* Genuine, but of the other cohort. */
	code2 = sheet_code(f->s, "c2", f->a2, SHEET_PART_ANSWERS, 1, &cause);
	refused(f->s, code2, "c1", "cohort c2");
	free(code2);
	/* Genuine check for a pair that does not hold. */
	code2 = sheet_code(f->s, "c1", f->a2, SHEET_PART_ANSWERS, 1, &cause);
	refused(f->s, code2, "c1", "does not have");
	free(code2);
	code2 = sheet_code(f->s, "c1", 987654, SHEET_PART_ANSWERS, 1, &cause);
	refused(f->s, code2, "c1", "does not have");
	free(code2);
	/* The code read by another database. */
	refused(f->other, code, "c1", "another firstline database");
	/* The other database's own genuine code, read here. */
	code2 = sheet_code(f->other, "c1", f->a1, SHEET_PART_ANSWERS, 1,
	    &cause);
	assert_non_null(code2);
	refused(f->s, code2, "c1", "another firstline database");
	free(code2);
	free(code);

	assert_null(sheet_code(f->s, "c 1", 1, SHEET_PART_ANSWERS, 1, &cause));
	free(cause);
	cause = NULL;
	assert_null(sheet_code(f->s, "c1", 0, SHEET_PART_ANSWERS, 1, &cause));
	free(cause);
}

static void
test_code_parse_hostile(void **state)
{
	static const char *const bad[] = {
		"",
		"FL1",
		"FL1/",
		"FL2/0123456789abcdef0123456789abcdef/c1/1/0123456789abcdef0123",
		"fl1/0123456789abcdef0123456789abcdef/c1/1/0123456789abcdef0123",
		"FL1/0123456789ABCDEF0123456789abcdef/c1/1/0123456789abcdef0123",
		"FL1/0123456789abcdef0123456789abcde/c1/1/0123456789abcdef0123",
		"FL1/0123456789abcdef0123456789abcdef//1/0123456789abcdef0123",
		"FL1/0123456789abcdef0123456789abcdef/c'1/1/0123456789abcdef0123",
		"FL1/0123456789abcdef0123456789abcdef/c1/01/0123456789abcdef0123",
		"FL1/0123456789abcdef0123456789abcdef/c1/0/0123456789abcdef0123",
		"FL1/0123456789abcdef0123456789abcdef/c1/-1/0123456789abcdef0123",
		"FL1/0123456789abcdef0123456789abcdef/c1/99999999999999999999/"
		    "0123456789abcdef0123",
		"FL1/0123456789abcdef0123456789abcdef/c1/1/0123456789abcdef012",
		"FL1/0123456789abcdef0123456789abcdef/c1/1/0123456789abcdef01234",
		"FL1/0123456789abcdef0123456789abcdef/c1/1/0123456789abcdef0123/",
		"FL1/0123456789abcdef0123456789abcdef/c1/1/0123456789abcdef0123/s1",
		"FL1/0123456789abcdef0123456789abcdef/c1/1/0123456789abcdef0123/s9",
		"FL1/0123456789abcdef0123456789abcdef/c1/1/0123456789abcdef0123/p0",
		"FL1/0123456789abcdef0123456789abcdef/c1/1/0123456789abcdef0123/x2",
		"FL1/0123456789abcdef0123456789abcdef/c1/1/0123456789abcdef0123/p2/p3",
		"FL1/0123456789abcdef0123456789abcdef/c1/1/0123456789abcdef0123 ",
		" FL1/0123456789abcdef0123456789abcdef/c1/1/0123456789abcdef0123",
		"FL1/0123456789abcdef0123456789abcdef/c12345678901234567890123456789"
		    "0123/1/0123456789abcdef0123",
		"FL1/0123456789abcdef0123456789abcdef/c1/1/0123456789abcdef0123\n",
		"https://example.com/",
		NULL,
	};
	const char good[] =
	    "FL1/0123456789abcdef0123456789abcdef/c1/1/0123456789abcdef0123";
	struct sheet_code c;
	char *cause = NULL, big[4096], withnul[sizeof good + 8];
	size_t i;

	(void)state;
	assert_int_equal(sheet_code_parse(good, strlen(good), &c, &cause), 0);
	for (i = 0; bad[i] != NULL; i++) {
		if (sheet_code_parse(bad[i], strlen(bad[i]), &c, &cause) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
		assert_non_null(strstr(cause, "not a firstline sheet code"));
		assert_int_equal(c.attempt, 0);
		free(cause);
		cause = NULL;
	}
	/* A NUL inside, and a huge text. */
	memcpy(withnul, good, sizeof good);
	withnul[10] = '\0';
	assert_int_equal(sheet_code_parse(withnul, sizeof good - 1, &c,
	    &cause), -1);
	free(cause);
	cause = NULL;
	memset(big, 'a', sizeof big);
	memcpy(big, good, sizeof good - 1);
	assert_int_equal(sheet_code_parse(big, sizeof big, &c, &cause), -1);
	assert_true(strlen(cause) < 200);
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_geometry),
		cmocka_unit_test(test_geometry_refused),
		cmocka_unit_test(test_responses),
		cmocka_unit_test_setup_teardown(test_code, setup, teardown),
		cmocka_unit_test(test_code_parse_hostile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
