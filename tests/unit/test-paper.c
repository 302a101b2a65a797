/*
 * Unit tests of the blueprint draw by type (paper.c) on a real database:
 * eight generated modules with more questions than the cells use (and
 * questions of other types and difficulties that no cell asks for), the
 * standard blueprint by module x type x difficulty; 10,000 papers, each
 * with exactly the blueprint's make-up, no question twice, and a mean
 * difficulty within 0.1 of the blueprint's; the most-drawn question's
 * share near the analytic 1 / cell size.
 */
#include "config.h"

#include "unit.h"
#include "unit-db.h"

#include <math.h>

#include "core/content.h"
#include "core/load.h"
#include "core/paper.h"
#include "core/store.h"
#include "core/xmlsafe.h"

#define NMODULES 8
#define NPAPERS 10000

/* How many questions each module has, by type and difficulty. */
static const int have[QTYPE_COUNT][3] = {
	{ 12, 12, 12 },		/* single */
	{ 3, 10, 2 },		/* multiple */
	{ 10, 10, 1 },		/* truefalse */
	{ 1, 10, 2 },		/* ordering */
};

/* The blueprint, per module (cells of count 1); modules 1 and 2 add one. */
static const struct cell {
	enum qtype	type;
	int		difficulty;
	int		count;
} cells[] = {
	{ QTYPE_SINGLE, 1, 1 }, { QTYPE_SINGLE, 2, 1 }, { QTYPE_SINGLE, 3, 1 },
	{ QTYPE_MULTIPLE, 2, 1 }, { QTYPE_TRUEFALSE, 1, 1 },
	{ QTYPE_ORDERING, 2, 1 },
};
static const struct cell extra = { QTYPE_TRUEFALSE, 2, 1 };

struct fixture {
	char		*dir;
	struct store	*s;
	sqlite3_int64	 evid;
};

static void
write_bank(const char *path, int m)
{
	FILE *fp = fopen(path, "w");
	int t, d, k, o, n = 0;

	assert_non_null(fp);
	fprintf(fp, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<bank module=\"m%d\">\n<title xml:lang=\"zh-CN\">模块%d</title>"
	    "<title xml:lang=\"en\">Module %d</title>\n", m, m, m);
	for (t = 0; t < QTYPE_COUNT; t++)
		for (d = 1; d <= 3; d++)
			for (k = 0; k < have[t][d - 1]; k++, n++) {
				fprintf(fp, "<%s id=\"m%d-%03d\" difficulty="
				    "\"%d\"%s>\n<stem xml:lang=\"zh-CN\">题%d-%d"
				    "</stem><stem xml:lang=\"en\">Q %d-%d</stem>"
				    "\n", qtype_name((enum qtype)t), m, n, d,
				    t == QTYPE_TRUEFALSE ? " answer=\"true\"" :
				    "", m, n, m, n);
				for (o = 1; t != QTYPE_TRUEFALSE && o <= 4;
				    o++)
					fprintf(fp, "<%s %s=\"%s\"><text xml:"
					    "lang=\"zh-CN\">选项%d</text><text "
					    "xml:lang=\"en\">Option %d</text>"
					    "</%s>\n", t == QTYPE_ORDERING ?
					    "step" : "option", t ==
					    QTYPE_ORDERING ? "position" :
					    "correct", t == QTYPE_ORDERING ?
					    (o == 1 ? "1" : o == 2 ? "2" :
					    o == 3 ? "3" : "4") : o == 1 ?
					    "true" : "false", o, o,
					    t == QTYPE_ORDERING ? "step" :
					    "option");
				fprintf(fp, "<explanation xml:lang=\"zh-CN\">解"
				    "释</explanation><explanation xml:lang="
				    "\"en\">Why</explanation><source>test"
				    "</source></%s>\n",
				    qtype_name((enum qtype)t));
			}
	fprintf(fp, "</bank>\n");
	fclose(fp);
}

static void
write_exam(const char *path)
{
	FILE *fp = fopen(path, "w");
	size_t c;
	int m;

	assert_non_null(fp);
	fprintf(fp, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<exam id=\"typed\"><title xml:lang=\"zh-CN\">按题型</title>"
	    "<title xml:lang=\"en\">By type</title>\n"
	    "<written minutes=\"60\">\n");
	for (m = 1; m <= NMODULES; m++) {
		for (c = 0; c < sizeof cells / sizeof cells[0]; c++)
			fprintf(fp, "<draw module=\"m%d\" type=\"%s\" "
			    "difficulty=\"%d\" count=\"%d\"/>\n", m,
			    qtype_name(cells[c].type), cells[c].difficulty,
			    cells[c].count);
		if (m <= 2)
			fprintf(fp, "<draw module=\"m%d\" type=\"%s\" "
			    "difficulty=\"%d\" count=\"%d\"/>\n", m,
			    qtype_name(extra.type), extra.difficulty,
			    extra.count);
	}
	fprintf(fp, "</written><practical><station rubric=\"mini-station\"/>"
	    "</practical><simulation><scenario rubric=\"mini-drill\"/>"
	    "</simulation><weights written=\"40\" practical=\"40\" "
	    "simulation=\"20\"/><rules/></exam>\n");
	fclose(fp);
}

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	char *cause = NULL, *path, *files[NMODULES + 4];
	int m;

	xmlsafe_init();
	f->dir = unit_tmpdir();
	path = xasprintf("%s/t.db", f->dir);
	assert_int_equal(store_open(path, STORE_CREATE, &f->s, &cause), 0);
	free(path);
	for (m = 1; m <= NMODULES; m++) {
		files[m - 1] = xasprintf("%s/m%d.xml", f->dir, m);
		write_bank(files[m - 1], m);
	}
	files[NMODULES] = xasprintf("%s/exam.xml", f->dir);
	write_exam(files[NMODULES]);
	files[NMODULES + 1] = unit_data("good/mini-rubric.xml");
	files[NMODULES + 2] = unit_data("good/mini-sim.xml");
	files[NMODULES + 3] = NULL;
	unit_load(f->s, (const char *const *)files);
	for (m = 0; m < NMODULES + 3; m++)
		free(files[m]);
	f->evid = unit_count(f->s, "SELECT id FROM current_exam"
	    " WHERE exam = 'typed'");
	assert_true(f->evid > 0);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	store_free(&f->s);
	unit_rmdir(f->dir);
	free(f);
	xmlsafe_cleanup();
	return 0;
}

/* A question's module (1-based), type and difficulty, by row id. */
struct qinfo {
	int	module;
	int	type;
	int	difficulty;
	long	drawn;
};

static void
test_blueprint_make_up(void **state)
{
	struct fixture *f = *state;
	sqlite3_stmt *st;
	struct qinfo *qi;
	struct paper_draw *d;
	long maxid, n, i, want_n = 0, most = 0;
	/* want[module][type][difficulty], got[...] per paper */
	int want[NMODULES + 1][QTYPE_COUNT][4], got[NMODULES + 1][QTYPE_COUNT][4];
	double want_mean = 0, mean, worst = 0;
	char *cause = NULL;
	unsigned char *seen;
	size_t c;
	int m, t, k, seed, bad = 0;

	/* The questions, from the database the draw reads. */
	maxid = unit_count(f->s, "SELECT max(id) FROM question");
	qi = xcalloc((size_t)maxid + 1, sizeof *qi);
	seen = xcalloc((size_t)maxid + 1, 1);
	st = store_prepare(f->s, "SELECT q.id, substr(m.module, 2), q.type,"
	    " q.difficulty FROM question q JOIN current_module m"
	    " ON m.id = q.module_version_id");
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct qinfo *x = &qi[sqlite3_column_int64(st, 0)];

		x->module = sqlite3_column_int(st, 1);
		for (t = 0; t < QTYPE_COUNT; t++)
			if (strcmp(store_text(st, 2),
			    qtype_name((enum qtype)t)) == 0)
				x->type = t;
		x->difficulty = sqlite3_column_int(st, 3);
	}
	sqlite3_finalize(st);

	/* What every paper must hold. */
	memset(want, 0, sizeof want);
	for (m = 1; m <= NMODULES; m++) {
		for (c = 0; c < sizeof cells / sizeof cells[0]; c++)
			want[m][cells[c].type][cells[c].difficulty] +=
			    cells[c].count;
		if (m <= 2)
			want[m][extra.type][extra.difficulty] += extra.count;
	}
	for (m = 1; m <= NMODULES; m++)
		for (t = 0; t < QTYPE_COUNT; t++)
			for (k = 1; k <= 3; k++) {
				want_n += want[m][t][k];
				want_mean += k * want[m][t][k];
			}
	want_mean /= (double)want_n;
	assert_int_equal(want_n, 50);

	for (seed = 1; seed <= NPAPERS; seed++) {
		n = paper_draw(f->s, f->evid, (uint64_t)seed * 2654435761u, &d,
		    &cause);
		assert_int_equal(n, want_n);
		memset(got, 0, sizeof got);
		mean = 0;
		for (i = 0; i < n; i++) {
			struct qinfo *x = &qi[d[i].question_id];

			assert_false(seen[d[i].question_id] == 1);
			seen[d[i].question_id] = 1;
			got[x->module][x->type][x->difficulty]++;
			mean += x->difficulty;
			x->drawn++;
			/* Questions stay grouped by module, in order. */
			if (i > 0 && x->module <
			    qi[d[i - 1].question_id].module)
				bad++;
		}
		for (i = 0; i < n; i++)
			seen[d[i].question_id] = 0;
		mean /= (double)n;
		if (fabs(mean - want_mean) > worst)
			worst = fabs(mean - want_mean);
		assert_true(fabs(mean - want_mean) <= 0.1);
		assert_memory_equal(got, want, sizeof got);
		paper_draws_free(d, n);
	}
	assert_int_equal(bad, 0);
	/* Every cell has 10 or 12 questions: the most drawn is near 1/10. */
	for (i = 0; i <= maxid; i++)
		if (qi[i].drawn > most)
			most = qi[i].drawn;
	assert_true(most > NPAPERS / 10 - NPAPERS / 50);
	assert_true(most < NPAPERS / 10 + NPAPERS / 50);
	/* Questions no cell asks for are never drawn. */
	for (i = 0; i <= maxid; i++)
		if (qi[i].module > 0 && qi[i].type == QTYPE_ORDERING &&
		    qi[i].difficulty != 2)
			assert_int_equal(qi[i].drawn, 0);
	print_message("10000 papers: mean difficulty %.3f, worst deviation "
	    "%.3f, most drawn %ld\n", want_mean, worst, most);
	free(qi);
	free(seen);
}

/* A typed cell larger than its pool: the draw says which, nothing else. */
static void
test_blueprint_short(void **state)
{
	struct fixture *f = *state;
	struct paper_draw *d = NULL;
	char *cause = NULL;
	char *errmsg = NULL;

	assert_int_equal(store_exec(f->s, "UPDATE exam_draw SET count = 11"
	    " WHERE module = 'm3' AND type = 'ordering'", &errmsg), 0);
	assert_int_equal(paper_draw(f->s, f->evid, 7, &d, &cause), -1);
	assert_null(d);
	assert_non_null(cause);
	assert_string_equal(cause, "module m3 has 10 ordering questions of "
	    "difficulty 2, the blueprint needs 11");
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_blueprint_make_up, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_blueprint_short, setup,
		    teardown),
	};

	return cmocka_run_group_tests_name("paper", tests, NULL, NULL);
}
