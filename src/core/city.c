/*
 * The city summary: every cohort's rates and verdict at once.  Where
 * results_compute asks several questions per trainee, this asks a handful
 * of set-wide questions (one pass over each table, grouped by trainee) and
 * then applies the same rules (results_classify, results_rates) in memory,
 * so 60,000 trainees cost about what one scan of their rows costs.
 */
#include "config.h"

#include "results.h"

#include <stdlib.h>
#include <string.h>

#include "attempt.h"
#include "core.h"
#include "store.h"

/* The latest entry of one rubric for one trainee. */
struct city_entry {
	char		*rubric;
	sqlite3_int64	 id;
	int		 total, max, passed, critical_missed, retakes;
};

/* What is recorded for one trainee. */
struct city_trainee {
	sqlite3_int64	 cohort_id;
	int		 exists, withdrawn, any_entry, closed, in_progress;
	/* written_*: the written result that counts (written_counts) */
	int		 written_entry, written_tenths, written_retake;
	int		 attempt_tenths, attempt_number;
	size_t		 first, n;	/* its entries */
};

/* An exam version: its rules (in a cohort_result) and components. */
struct city_exam {
	sqlite3_int64		 id;
	struct cohort_result	 rules;
	int			 one_of;
	char			**rubrics[2];	/* practical, simulation */
	size_t			 nrubrics[2];
};

struct city_cohort {
	char		*cohort;
	size_t		 exam;
	int		 enrolled, withdrawn, n, passes, excellents;
};

static sqlite3_int64
city_max_id(struct store *s, const char *sql)
{
	sqlite3_stmt *st = store_prepare(s, sql);
	sqlite3_int64 v = 0;

	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static struct city_exam *
city_exams(struct store *s, size_t *n)
{
	struct city_exam *x = NULL;
	sqlite3_stmt *st;
	size_t cap = 0, i, ccap[2];
	int k;

	*n = 0;
	st = store_prepare(s, "SELECT id, weight_written, weight_practical,"
	    " weight_simulation, written_pass, practical_pass,"
	    " simulation_pass, excellent, cohort_pass_rate,"
	    " cohort_excellence_rate, simulation_require = 'one-of'"
	    " FROM exam_version ORDER BY id");
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct city_exam *e;

		xgrow(&x, &cap, *n + 1, sizeof *x);
		e = &x[(*n)++];
		memset(e, 0, sizeof *e);
		e->id = sqlite3_column_int64(st, 0);
		for (k = 0; k < COMP_COUNT; k++) {
			e->rules.weights[k] = sqlite3_column_int(st, 1 + k);
			e->rules.pass_marks[k] = sqlite3_column_int(st, 4 + k);
		}
		e->rules.excellent = sqlite3_column_int(st, 7);
		e->rules.rule_pass = sqlite3_column_int(st, 8);
		e->rules.rule_excellent = sqlite3_column_int(st, 9);
		e->one_of = sqlite3_column_int(st, 10);
	}
	sqlite3_finalize(st);
	st = store_prepare(s, "SELECT exam_version_id, component = 'simulation',"
	    " rubric FROM exam_component ORDER BY exam_version_id,"
	    " component, seq");
	while (sqlite3_step(st) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(st, 0);

		k = sqlite3_column_int(st, 1);
		for (i = 0; i < *n; i++) {
			if (x[i].id != id)
				continue;
			ccap[k] = x[i].nrubrics[k];
			xgrow(&x[i].rubrics[k], &ccap[k], x[i].nrubrics[k] + 1,
			    sizeof *x[i].rubrics[k]);
			x[i].rubrics[k][x[i].nrubrics[k]++] =
			    xstrdup(store_text(st, 2));
		}
	}
	sqlite3_finalize(st);
	return x;
}

/*
 * A rubric component of trainee t (as results_rubrics): every required
 * rubric's latest entry (all), or the latest entry of any (one-of).
 */
static void
city_rubrics(const struct city_trainee *t, const struct city_entry *ent,
    char *const *rubrics, size_t nrubrics, int one_of, int pass,
    struct component_result *c)
{
	const struct city_entry *counted[16];
	long total = 0, max = 0;
	size_t i, j, found = 0;
	int all_passed = 1;

	for (i = 0; i < nrubrics; i++) {
		const struct city_entry *hit = NULL;

		for (j = 0; j < t->n; j++)
			if (strcmp(ent[t->first + j].rubric, rubrics[i]) == 0)
				hit = &ent[t->first + j];
		if (hit == NULL)
			continue;
		if (one_of) {	/* the latest scenario counts */
			if (found == 0 || hit->id > counted[0]->id)
				counted[0] = hit;
			found = 1;
		} else if (found < 16)
			counted[found++] = hit;
	}
	for (i = 0; i < found; i++) {
		total += counted[i]->total;
		max += counted[i]->max;
		all_passed &= counted[i]->passed != 0;
		c->critical_missed += counted[i]->critical_missed;
		c->retake |= counted[i]->retakes > 0;
	}
	c->present = nrubrics > 0 && (one_of ? found == 1 : found == nrubrics);
	if (found > 0)
		c->tenths = results_half_up(total, max);
	c->passed = c->present && all_passed && c->critical_missed == 0 &&
	    c->tenths >= pass * 10;
}

/* Gather what is recorded for every trainee, indexed by trainee id. */
static struct city_trainee *
city_facts(struct store *s, sqlite3_int64 *ntr, struct city_entry **entp,
    size_t *nent)
{
	struct city_trainee *tr;
	struct city_entry *ent = NULL;
	sqlite3_stmt *st;
	sqlite3_int64 id;
	size_t cap = 0;

	*ntr = city_max_id(s, "SELECT max(id) FROM trainee") + 1;
	tr = xcalloc((size_t)*ntr, sizeof *tr);
	st = store_prepare(s, "SELECT id, cohort_id, withdrawn_at IS NOT NULL"
	    " FROM trainee");
	while (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		tr[id].exists = 1;
		tr[id].cohort_id = sqlite3_column_int64(st, 1);
		tr[id].withdrawn = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);

	/* The written result that counts: the latest event (results.c). */
	st = store_prepare(s, "SELECT trainee_id, entry_id IS NOT NULL,"
	    " coalesce(tenths, 0), retake FROM written_counts");
	while (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (id <= 0 || id >= *ntr)
			continue;
		tr[id].any_entry |= sqlite3_column_int(st, 1);
		tr[id].written_entry = 1;
		tr[id].written_tenths = sqlite3_column_int(st, 2);
		tr[id].written_retake = sqlite3_column_int(st, 3);
	}
	sqlite3_finalize(st);
	st = store_prepare(s, "SELECT trainee_id, max(number), tenths"
	    " FROM attempt WHERE status IN ('submitted','expired')"
	    " GROUP BY trainee_id");
	while (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (id <= 0 || id >= *ntr)
			continue;
		tr[id].closed = 1;
		tr[id].attempt_number = sqlite3_column_int(st, 1);
		tr[id].attempt_tenths = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	st = store_prepare(s, "SELECT trainee_id FROM attempt"
	    " WHERE status = 'in-progress'");
	while (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (id > 0 && id < *ntr)
			tr[id].in_progress = 1;
	}
	sqlite3_finalize(st);

	/* The latest entry of every rubric, trainee by trainee. */
	*nent = 0;
	st = store_prepare(s, "SELECT trainee_id, rubric, max(id), total,"
	    " \"max\", passed, critical_missed, sum(retake) FROM score_entry"
	    " WHERE rubric <> 'written' GROUP BY trainee_id, rubric"
	    " ORDER BY trainee_id");
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct city_entry *e;

		id = sqlite3_column_int64(st, 0);
		if (id <= 0 || id >= *ntr)
			continue;
		xgrow(&ent, &cap, *nent + 1, sizeof *ent);
		e = &ent[*nent];
		e->rubric = xstrdup(store_text(st, 1));
		e->id = sqlite3_column_int64(st, 2);
		e->total = sqlite3_column_int(st, 3);
		e->max = sqlite3_column_int(st, 4);
		e->passed = sqlite3_column_int(st, 5);
		e->critical_missed = sqlite3_column_int(st, 6);
		e->retakes = sqlite3_column_int(st, 7);
		if (tr[id].n == 0)
			tr[id].first = *nent;
		tr[id].n++;
		tr[id].any_entry = 1;
		(*nent)++;
	}
	sqlite3_finalize(st);
	*entp = ent;
	return tr;
}

int
results_city(struct store *s, struct table *t, long *below,
    long *communities, char **cause)
{
	struct city_trainee *tr;
	struct city_entry *ent;
	struct city_exam *ex;
	struct city_cohort *co;
	struct table cov;
	sqlite3_stmt *st;
	sqlite3_int64 ntr, nco, id;
	size_t nent, nex, i, j;
	int k;

	if (attempt_expire_due(s, 0, cause) < 0)
		return -1;
	ex = city_exams(s, &nex);
	nco = city_max_id(s, "SELECT max(id) FROM cohort") + 1;
	co = xcalloc((size_t)nco, sizeof *co);
	st = store_prepare(s, "SELECT id, cohort, exam_version_id FROM cohort");
	while (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		co[id].cohort = xstrdup(store_text(st, 1));
		for (j = 0; j < nex; j++)
			if (ex[j].id == sqlite3_column_int64(st, 2))
				co[id].exam = j;
	}
	sqlite3_finalize(st);

	tr = city_facts(s, &ntr, &ent, &nent);
	for (id = 1; id < ntr; id++) {
		struct city_trainee *f = &tr[id];
		struct city_cohort *c;
		struct city_exam *e;
		struct trainee_result r;

		if (!f->exists || f->cohort_id <= 0 || f->cohort_id >= nco ||
		    co[f->cohort_id].cohort == NULL)
			continue;
		c = &co[f->cohort_id];
		e = &ex[c->exam];
		c->enrolled++;
		if (f->withdrawn) {
			c->withdrawn++;
			continue;
		}
		memset(&r, 0, sizeof r);
		if (f->written_entry) {
			r.comp[COMP_WRITTEN].present = 1;
			r.comp[COMP_WRITTEN].tenths = f->written_tenths;
			r.comp[COMP_WRITTEN].retake = f->written_retake;
		} else if (f->closed) {
			r.comp[COMP_WRITTEN].present = 1;
			r.comp[COMP_WRITTEN].tenths = f->attempt_tenths;
			r.comp[COMP_WRITTEN].retake = f->attempt_number > 1;
		}
		r.comp[COMP_WRITTEN].passed = r.comp[COMP_WRITTEN].present &&
		    r.comp[COMP_WRITTEN].tenths >=
		    e->rules.pass_marks[COMP_WRITTEN] * 10;
		city_rubrics(f, ent, e->rubrics[0], e->nrubrics[0], 0,
		    e->rules.pass_marks[COMP_PRACTICAL],
		    &r.comp[COMP_PRACTICAL]);
		city_rubrics(f, ent, e->rubrics[1], e->nrubrics[1], e->one_of,
		    e->rules.pass_marks[COMP_SIMULATION],
		    &r.comp[COMP_SIMULATION]);
		results_classify(&e->rules, &r, f->closed || f->any_entry);
		c->n++;
		c->passes += r.cls == CLASS_EXCELLENT || r.cls == CLASS_PASS;
		c->excellents += r.cls == CLASS_EXCELLENT;
	}

	results_summary_header(t);
	for (id = 1; id < nco; id++) {
		struct cohort_result r;

		if (co[id].cohort == NULL)
			continue;
		r = ex[co[id].exam].rules;
		r.cohort = co[id].cohort;
		r.enrolled = co[id].enrolled;
		r.withdrawn = co[id].withdrawn;
		r.n = co[id].n;
		r.passes = co[id].passes;
		r.excellents = co[id].excellents;
		results_rates(&r);
		results_summary_row(&r, t);
	}

	if (below != NULL) {
		results_coverage(s, COVERAGE_MINIMUM, &cov);
		*below = (long)cov.nrows - 1;
		table_release(&cov);
	}
	if (communities != NULL)
		*communities = (long)city_max_id(s, "SELECT count(DISTINCT"
		    " community) FROM trainee");

	for (i = 0; i < nent; i++)
		free(ent[i].rubric);
	free(ent);
	free(tr);
	for (id = 0; id < nco; id++)
		free(co[id].cohort);
	free(co);
	for (i = 0; i < nex; i++)
		for (k = 0; k < 2; k++) {
			for (j = 0; j < ex[i].nrubrics[k]; j++)
				free(ex[i].rubrics[k][j]);
			free(ex[i].rubrics[k]);
		}
	free(ex);
	return 0;
}
