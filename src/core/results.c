/*
 * Results of a cohort: components, totals, classes, the rates and the
 * verdict; certification and withdrawal.
 */
#include "config.h"

#include "results.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attempt.h"
#include "cohort.h"
#include "core.h"
#include "store.h"

static const char *const class_names[] = {
	"excellent", "pass", "fail", "absent", "withdrawn",
};

const char *
class_name(enum trainee_class c)
{
	return class_names[c];
}

void
results_tenths(int tenths, char buf[16])
{
	snprintf(buf, 16, "%d.%d", tenths / 10, tenths % 10);
}

int
results_half_up(long part, long whole)
{
	return whole > 0 ? (int)((2000 * part + whole) / (2 * whole)) : 0;
}

/*
 * The written component: the latest event counts, an organizer's entry or
 * a finished sitting (the view written_counts, schema.c 9 -> 10).
 */
static void
results_written(struct store *s, sqlite3_int64 tid, int pass,
    struct component_result *c)
{
	sqlite3_stmt *st;

	st = store_prepare(s, "SELECT coalesce(tenths, 0), retake, mode"
	    " FROM written_counts WHERE trainee_id = ?1");
	sqlite3_bind_int64(st, 1, tid);
	if (sqlite3_step(st) == SQLITE_ROW) {
		c->present = 1;
		c->tenths = sqlite3_column_int(st, 0);
		c->retake = sqlite3_column_int(st, 1) != 0;
		snprintf(c->mode, sizeof c->mode, "%s", store_text(st, 2));
	}
	sqlite3_finalize(st);
	c->passed = c->present && c->tenths >= pass * 10;
}

/*
 * A rubric component: every required station's latest entry (all), or the
 * latest entry of any scenario (one-of).
 */
static void
results_rubrics(struct store *s, sqlite3_int64 tid, sqlite3_int64 evid,
    const char *component, int one_of, int pass, struct component_result *c)
{
	sqlite3_stmt *st;
	long total = 0, max = 0;
	int required = 0, found = 0, all_passed = 1;

	st = store_prepare(s, "SELECT x.rubric, e.total, e.max, e.passed,"
	    " e.critical_missed, (SELECT count(*) FROM score_entry r"
	    "   WHERE r.trainee_id = ?1 AND r.rubric = x.rubric AND r.retake),"
	    " e.id, v.pass"
	    " FROM exam_component x LEFT JOIN score_entry e"
	    " ON e.id = (SELECT max(id) FROM score_entry"
	    "   WHERE trainee_id = ?1 AND rubric = x.rubric)"
	    " LEFT JOIN rubric_version v ON v.id = e.rubric_version_id"
	    " WHERE x.exam_version_id = ?2 AND x.component = ?3"
	    " ORDER BY e.id DESC");
	sqlite3_bind_int64(st, 1, tid);
	sqlite3_bind_int64(st, 2, evid);
	sqlite3_bind_text(st, 3, component, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		required++;
		if (sqlite3_column_type(st, 6) == SQLITE_NULL)
			continue;
		if (one_of && found)
			continue;	/* the latest scenario counts */
		found++;
		total += sqlite3_column_int(st, 1);
		max += sqlite3_column_int(st, 2);
		all_passed &= sqlite3_column_int(st, 3) != 0;
		c->critical_missed += sqlite3_column_int(st, 4);
		c->retake |= sqlite3_column_int(st, 5) > 0;
		if (sqlite3_column_int(st, 3) == 0 &&
		    c->nfails < RESULT_MAX_FAILS) {
			struct station_fail *f = &c->fails[c->nfails++];

			snprintf(f->rubric, sizeof f->rubric, "%s",
			    store_text(st, 0));
			f->total = sqlite3_column_int(st, 1);
			f->max = sqlite3_column_int(st, 2);
			f->pass = sqlite3_column_int(st, 7);
			f->critical_missed = sqlite3_column_int(st, 4);
		}
	}
	sqlite3_finalize(st);
	c->present = required > 0 && (one_of ? found == 1 : found == required);
	if (found > 0)
		c->tenths = results_half_up(total, max);
	c->passed = c->present && all_passed && c->critical_missed == 0 &&
	    c->tenths >= pass * 10;
}

void
results_rates(struct cohort_result *r)
{
	long n = r->n, need;

	r->pass_rate_tenths = n > 0 ? (int)(r->passes * 1000L / n) : 0;
	r->excellence_rate_tenths = n > 0 ?
	    (int)(r->excellents * 1000L / n) : 0;
	r->meets_pass = n > 0 && r->passes * 100L >= (long)r->rule_pass * n;
	r->meets_excellence = n > 0 &&
	    r->excellents * 100L >= (long)r->rule_excellent * n;
	/* The least k with (passes + k) * 100 >= rule * n. */
	need = ((long)r->rule_pass * n - r->passes * 100L + 99) / 100;
	r->need_passes = need > 0 ? (int)need : 0;
	need = ((long)r->rule_excellent * n - r->excellents * 100L + 99) / 100;
	r->need_excellents = need > 0 ? (int)need : 0;
}

void
results_classify(const struct cohort_result *r, struct trainee_result *t,
    int any_record)
{
	long sum = 0;
	int k, all = 1, passed = 1;

	for (k = 0; k < COMP_COUNT; k++) {
		all &= t->comp[k].present;
		passed &= t->comp[k].passed;
		t->retake |= t->comp[k].retake;
		sum += (long)r->weights[k] * t->comp[k].tenths;
	}
	t->has_total = all;
	if (all)
		t->total_tenths = (int)((2 * sum + 100) / 200);
	if (!any_record)
		t->cls = CLASS_ABSENT;
	else if (all && passed)
		t->cls = !t->retake && t->total_tenths >= r->excellent * 10 ?
		    CLASS_EXCELLENT : CLASS_PASS;
	else
		t->cls = CLASS_FAIL;
}

int
results_compute(struct store *s, const char *cohort, struct cohort_result *r,
    char **cause)
{
	struct cohort c;
	sqlite3_stmt *st, *any;
	size_t cap = 0, i;
	int one_of = 0, band;

	memset(r, 0, sizeof *r);
	if (cohort_find_due(s, cohort, &c, cause) != 0)
		return -1;
	st = store_prepare(s, "SELECT c.name, e.exam, CASE WHEN ?2 THEN"
	    " e.title_zh ELSE e.title_en END, c.created_at, c.sealed_at,"
	    " (SELECT name FROM app_user WHERE id = c.sealed_by),"
	    " e.weight_written, e.weight_practical, e.weight_simulation,"
	    " e.written_pass, e.practical_pass, e.simulation_pass,"
	    " e.excellent, e.cohort_pass_rate, e.cohort_excellence_rate,"
	    " e.simulation_require = 'one-of'"
	    " FROM cohort c JOIN exam_version e ON e.id = c.exam_version_id"
	    " WHERE c.id = ?1");
	sqlite3_bind_int64(st, 1, c.id);
	sqlite3_bind_int(st, 2, fl_lang_zh());
	if (sqlite3_step(st) == SQLITE_ROW) {
		r->cohort = xstrdup(c.cohort);
		r->name = xstrdup(store_text(st, 0));
		r->exam = xstrdup(store_text(st, 1));
		r->exam_title = xstrdup(store_text(st, 2));
		r->created = xstrdup(store_text(st, 3));
		if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
			r->sealed_at = xstrdup(store_text(st, 4));
			r->sealed_by = xstrdup(store_text(st, 5));
		}
		for (i = 0; i < COMP_COUNT; i++) {
			r->weights[i] = sqlite3_column_int(st, 6 + (int)i);
			r->pass_marks[i] = sqlite3_column_int(st, 9 + (int)i);
		}
		r->excellent = sqlite3_column_int(st, 12);
		r->rule_pass = sqlite3_column_int(st, 13);
		r->rule_excellent = sqlite3_column_int(st, 14);
		one_of = sqlite3_column_int(st, 15);
	}
	sqlite3_finalize(st);

	any = store_prepare(s, "SELECT EXISTS (SELECT 1 FROM attempt"
	    " WHERE trainee_id = ?1 AND status IN ('submitted','expired'))"
	    " OR EXISTS (SELECT 1 FROM score_entry WHERE trainee_id = ?1),"
	    " EXISTS (SELECT 1 FROM attempt WHERE trainee_id = ?1"
	    " AND status = 'in-progress')");
	st = store_prepare(s, "SELECT id, ticket, name, community, grp,"
	    " withdrawn_at IS NOT NULL FROM trainee WHERE cohort_id = ?1"
	    " ORDER BY ticket");
	sqlite3_bind_int64(st, 1, c.id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		sqlite3_int64 tid = sqlite3_column_int64(st, 0);
		struct trainee_result *t;
		int recorded = 0;

		xgrow(&r->trainees, &cap, r->ntrainees + 1,
		    sizeof *r->trainees);
		t = &r->trainees[r->ntrainees++];
		memset(t, 0, sizeof *t);
		t->ticket = xstrdup(store_text(st, 1));
		t->name = xstrdup(store_text(st, 2));
		t->community = xstrdup(store_text(st, 3));
		t->group = xstrdup(store_text(st, 4));
		r->enrolled++;
		if (sqlite3_column_int(st, 5)) {
			t->cls = CLASS_WITHDRAWN;
			r->withdrawn++;
			continue;
		}
		sqlite3_bind_int64(any, 1, tid);
		if (sqlite3_step(any) == SQLITE_ROW) {
			recorded = sqlite3_column_int(any, 0);
			r->in_progress += sqlite3_column_int(any, 1);
		}
		sqlite3_reset(any);
		results_written(s, tid, r->pass_marks[COMP_WRITTEN],
		    &t->comp[COMP_WRITTEN]);
		results_rubrics(s, tid, c.exam_version_id, "practical", 0,
		    r->pass_marks[COMP_PRACTICAL], &t->comp[COMP_PRACTICAL]);
		results_rubrics(s, tid, c.exam_version_id, "simulation",
		    one_of, r->pass_marks[COMP_SIMULATION],
		    &t->comp[COMP_SIMULATION]);
		results_classify(r, t, recorded);
		r->n++;
		r->passes += t->cls == CLASS_EXCELLENT || t->cls == CLASS_PASS;
		r->excellents += t->cls == CLASS_EXCELLENT;
		r->absents += t->cls == CLASS_ABSENT;
		if (t->has_total) {
			band = t->total_tenths < 600 ? 0 :
			    t->total_tenths >= 900 ? 4 :
			    (t->total_tenths - 600) / 100 + 1;
			r->bands[band]++;
		}
	}
	sqlite3_finalize(st);
	sqlite3_finalize(any);

	/* Mean written score per module over the counted attempts. */
	st = store_prepare(s, "SELECT m.module, sum(m.correct), sum(m.total),"
	    " count(*), coalesce((SELECT CASE WHEN ?3 THEN title_zh"
	    "   ELSE title_en END FROM current_module"
	    "   WHERE module = m.module), m.module)"
	    " FROM attempt_module m JOIN attempt a"
	    " ON a.id = m.attempt_id JOIN trainee t ON t.id = a.trainee_id"
	    " WHERE t.cohort_id = ?1 AND t.withdrawn_at IS NULL"
	    " AND a.number = (SELECT max(number) FROM attempt x"
	    "   WHERE x.trainee_id = t.id AND x.status IN"
	    "   ('submitted','expired'))"
	    " GROUP BY m.module ORDER BY (SELECT min(seq) FROM exam_draw d"
	    "   WHERE d.exam_version_id = ?2 AND d.module = m.module)");
	sqlite3_bind_int64(st, 1, c.id);
	sqlite3_bind_int64(st, 2, c.exam_version_id);
	sqlite3_bind_int(st, 3, fl_lang_zh());
	cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct module_mean *m;

		xgrow(&r->means, &cap, r->nmeans + 1, sizeof *r->means);
		m = &r->means[r->nmeans++];
		m->module = xstrdup(store_text(st, 0));
		m->tenths = results_half_up(sqlite3_column_int64(st, 1),
		    sqlite3_column_int64(st, 2));
		m->attempts = sqlite3_column_int(st, 3);
		m->title = xstrdup(store_text(st, 4));
	}
	sqlite3_finalize(st);
	results_rates(r);
	cohort_release(&c);
	return 0;
}

void
results_release(struct cohort_result *r)
{
	size_t i;

	for (i = 0; i < r->ntrainees; i++) {
		free(r->trainees[i].ticket);
		free(r->trainees[i].name);
		free(r->trainees[i].community);
		free(r->trainees[i].group);
	}
	for (i = 0; i < r->nmeans; i++) {
		free(r->means[i].module);
		free(r->means[i].title);
	}
	free(r->means);
	free(r->trainees);
	free(r->cohort);
	free(r->name);
	free(r->exam);
	free(r->exam_title);
	free(r->created);
	free(r->sealed_at);
	free(r->sealed_by);
	memset(r, 0, sizeof *r);
}

/* The name of component k as people read it. */
static const char *
results_component_label(int k)
{
	return k == COMP_WRITTEN ? _("written") : k == COMP_PRACTICAL ?
	    _("practical") : _("simulation");
}

/* s and part joined by "; " (both freed). */
static char *
results_note_add(char *s, char *part)
{
	char *joined = *s ? xasprintf(_("%s; %s"), s, part) : xstrdup(part);

	free(s);
	free(part);
	return joined;
}

char *
results_note(const struct cohort_result *r, const struct trainee_result *t)
{
	char *s = xstrdup(""), *part;
	int k;

	if (t->cls == CLASS_ABSENT) {
		free(s);
		return xstrdup(_("nothing recorded"));
	}
	/*
	 * A component fails when it is missing, when one of its stations
	 * fails on its own (a critical item missed, or below the rubric's
	 * pass mark, in marks), or when its figure is below the exam's pass
	 * mark for it: each reason that holds is named, with its numbers.
	 */
	for (k = 0; k < COMP_COUNT && t->cls == CLASS_FAIL; k++) {
		const struct component_result *c = &t->comp[k];
		int i;

		if (!c->present) {
			s = results_note_add(s, xasprintf(_("%s missing"),
			    results_component_label(k)));
			continue;
		}
		for (i = 0; i < c->nfails; i++) {
			const struct station_fail *f = &c->fails[i];

			if (f->critical_missed)
				part = xasprintf(_("%s: a critical item "
				    "missed"), f->rubric);
			else
				part = xasprintf(_("%s %d/%d, below its pass "
				    "mark %d"), f->rubric, f->total, f->max,
				    f->pass);
			s = results_note_add(s, part);
		}
		if (c->tenths < r->pass_marks[k] * 10) {
			char v[16];

			results_tenths(c->tenths, v);
			s = results_note_add(s, xasprintf(_("%s %s, below %d"),
			    results_component_label(k), v,
			    r->pass_marks[k]));
		}
	}
	if (t->cls == CLASS_PASS) {
		free(s);
		s = t->retake ? xstrdup(_("after a retake")) :
		    xasprintf(_("total below %d"), r->excellent);
	}
	return s;
}

void
results_table(const struct cohort_result *r, int with_note, struct table *t)
{
	const char *h[] = { "ticket", "name", "community", "group",
	    "written", "practical", "simulation", "total", "class", "retake",
	    "note", "mode" };
	char v[4][16], *note;
	const char *row[12];
	size_t i;
	int k;

	if (!with_note)
		h[10] = "mode";
	table_init(t, with_note ? 12 : 11, h);
	t->numeric = 0xf0;
	for (i = 0; i < r->ntrainees; i++) {
		const struct trainee_result *tr = &r->trainees[i];
		int shown = tr->cls != CLASS_WITHDRAWN;

		for (k = 0; k < COMP_COUNT; k++) {
			v[k][0] = '\0';
			if (shown && tr->comp[k].present)
				results_tenths(tr->comp[k].tenths, v[k]);
		}
		v[3][0] = '\0';
		if (shown && tr->has_total)
			results_tenths(tr->total_tenths, v[3]);
		row[0] = tr->ticket;
		row[1] = tr->name;
		row[2] = tr->community;
		row[3] = tr->group;
		row[4] = v[0];
		row[5] = v[1];
		row[6] = v[2];
		row[7] = v[3];
		row[8] = class_name(tr->cls);
		row[9] = tr->retake ? "yes" : "no";
		note = with_note ? results_note(r, tr) : NULL;
		row[10] = with_note ? note : "";
		row[with_note ? 11 : 10] = shown ? tr->comp[COMP_WRITTEN].mode :
		    "";
		table_add(t, row);
		free(note);
	}
}

void
results_summary_header(struct table *t)
{
	static const char *const h[] = { "cohort", "enrolled", "withdrawn",
	    "n", "passes", "pass_rate", "excellents", "excellence_rate",
	    "verdict" };

	table_init(t, 9, h);
	t->numeric = 0xfe;
}

void
results_summary_row(const struct cohort_result *r, struct table *t)
{
	char num[7][16];
	const char *row[9];

	snprintf(num[0], 16, "%d", r->enrolled);
	snprintf(num[1], 16, "%d", r->withdrawn);
	snprintf(num[2], 16, "%d", r->n);
	snprintf(num[3], 16, "%d", r->passes);
	results_tenths(r->pass_rate_tenths, num[4]);
	snprintf(num[5], 16, "%d", r->excellents);
	row[0] = r->cohort;
	row[1] = num[0];
	row[2] = num[1];
	row[3] = num[2];
	row[4] = num[3];
	row[5] = num[4];
	row[6] = num[5];
	results_tenths(r->excellence_rate_tenths, num[6]);
	row[7] = num[6];
	row[8] = r->meets_pass && r->meets_excellence ? "meets" : "below";
	table_add(t, row);
}

void
results_summary(const struct cohort_result *r, struct table *t)
{
	results_summary_header(t);
	results_summary_row(r, t);
}

/* Record every trainee's class at certification (inside a transaction). */
static int
results_record(struct store *s, sqlite3_int64 cid,
    const struct cohort_result *r, char **cause)
{
	sqlite3_stmt *st;
	size_t i;
	int rc = 0;

	st = store_prepare(s, "INSERT INTO certified_result (trainee_id,"
	    " cohort_id, class, total_tenths, retake) SELECT id, ?1, ?3, ?4,"
	    " ?5 FROM trainee WHERE cohort_id = ?1 AND ticket = ?2");
	for (i = 0; i < r->ntrainees && rc == 0; i++) {
		const struct trainee_result *t = &r->trainees[i];

		sqlite3_bind_int64(st, 1, cid);
		sqlite3_bind_text(st, 2, t->ticket, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, class_name(t->cls), -1,
		    SQLITE_STATIC);
		if (t->has_total)
			sqlite3_bind_int(st, 4, t->total_tenths);
		else
			sqlite3_bind_null(st, 4);
		sqlite3_bind_int(st, 5, t->retake);
		if (sqlite3_step(st) != SQLITE_DONE) {
			*cause = store_error(s, "cannot record the results");
			rc = -1;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

int
cohort_certify(struct store *s, const struct user *u, const char *cohort,
    struct cohort_result *r, char **cause)
{
	sqlite3_stmt *st;
	sqlite3_int64 cid;
	char *detail;
	int rc;

	memset(r, 0, sizeof *r);
	if (u->role != ROLE_ORGANIZER) {
		*cause = xasprintf(_("permission denied: %s is an %s; "
		    "certifying needs an organizer"), u->name,
		    role_label(u->role));
		return -1;
	}
	if (results_compute(s, cohort, r, cause) != 0)
		return -1;
	if (r->sealed_at != NULL) {
		*cause = xasprintf(_("cohort %s was already certified on %s "
		    "by %s"), cohort, r->sealed_at, r->sealed_by);
		goto fail;
	}
	if (r->n == 0) {
		*cause = xasprintf(_("cohort %s has nobody to certify"),
		    cohort);
		goto fail;
	}
	if (r->in_progress > 0) {
		*cause = xasprintf(ngettext("%d trainee of cohort %s is still "
		    "sitting the written test", "%d trainees of cohort %s are "
		    "still sitting the written test",
		    (unsigned long)r->in_progress), r->in_progress, cohort);
		goto fail;
	}
	if (!r->meets_pass || !r->meets_excellence)
		return 1;
	if (store_begin(s, cause) != 0)
		goto fail;
	st = store_prepare(s, "UPDATE cohort SET sealed_at ="
	    " strftime('%Y-%m-%dT%H:%M:%SZ','now'), sealed_by = ?2"
	    " WHERE cohort = ?1 AND sealed_at IS NULL");
	sqlite3_bind_text(st, 1, cohort, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, u->id);
	rc = sqlite3_step(st) == SQLITE_DONE && sqlite3_changes(s->db) == 1;
	sqlite3_finalize(st);
	if (!rc) {
		*cause = store_error(s, "cannot seal the cohort");
		store_rollback(s);
		goto fail;
	}
	st = store_prepare(s, "SELECT id FROM cohort WHERE cohort = ?1");
	sqlite3_bind_text(st, 1, cohort, -1, SQLITE_STATIC);
	sqlite3_step(st);
	cid = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (results_record(s, cid, r, cause) != 0) {
		store_rollback(s);
		goto fail;
	}
	detail = xasprintf("%d of %d passed, %d excellent", r->passes, r->n,
	    r->excellents);
	rc = event_add(s, u->name, "cohort certify", cid, 0, detail, cause);
	free(detail);
	if (rc != 0 || store_commit(s, cause) != 0) {
		store_rollback(s);
		goto fail;
	}
	return 0;
fail:
	results_release(r);
	return -1;
}

int
cohort_withdraw(struct store *s, const struct user *u, const char *cohort,
    const char *ticket, const char *reason, char **cause)
{
	struct cohort c;
	sqlite3_stmt *st;
	sqlite3_int64 tid = 0;
	char *detail;
	int rc;

	if (u->role != ROLE_ORGANIZER) {
		*cause = xasprintf(_("permission denied: %s is an %s; "
		    "withdrawing needs an organizer"), u->name,
		    role_label(u->role));
		return -1;
	}
	if (reason == NULL || *reason == '\0') {
		*cause = xasprintf(_("a withdrawal needs a reason (--reason)"));
		return -1;
	}
	if (fl_name_check(_("reason"), reason, cause) != 0)
		return -1;
	if (cohort_find(s, cohort, &c, cause) != 0)
		return -1;
	if (c.sealed) {
		*cause = xasprintf(_("cohort %s is certified and sealed"),
		    cohort);
		cohort_release(&c);
		return -1;
	}
	if (store_begin(s, cause) != 0) {
		cohort_release(&c);
		return -1;
	}
	st = store_prepare(s, "UPDATE trainee SET withdrawn_at ="
	    " strftime('%Y-%m-%dT%H:%M:%SZ','now'), withdrawn_by = ?3,"
	    " withdrawn_reason = ?4 WHERE cohort_id = ?1 AND ticket = ?2"
	    " AND withdrawn_at IS NULL RETURNING id");
	sqlite3_bind_int64(st, 1, c.id);
	sqlite3_bind_text(st, 2, ticket, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, u->id);
	sqlite3_bind_text(st, 4, reason, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		tid = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (tid == 0) {
		*cause = xasprintf(_("no ticket %s in cohort %s, or already "
		    "withdrawn"), ticket, cohort);
		goto fail;
	}
	detail = xasprintf("ticket %s: %s", ticket, reason);
	rc = event_add(s, u->name, "cohort withdraw", c.id, tid, detail,
	    cause);
	free(detail);
	if (rc != 0 || store_commit(s, cause) != 0)
		goto fail;
	cohort_release(&c);
	return 0;
fail:
	store_rollback(s);
	cohort_release(&c);
	return -1;
}

void
results_coverage(struct store *s, int minimum, struct table *t)
{
	static const char *const h[] = { "community", "certified",
	    "enrolled", "needed" };
	sqlite3_stmt *st;
	const char *row[4];
	int i;

	table_init(t, 4, h);
	t->numeric = 0xe;
	st = store_prepare(s, "SELECT t.community,"
	    " count(r.trainee_id) AS certified, count(*),"
	    " max(0, ?1 - count(r.trainee_id))"
	    " FROM trainee t LEFT JOIN certified_result r"
	    " ON r.trainee_id = t.id AND r.class IN ('pass','excellent')"
	    " GROUP BY t.community HAVING certified < ?1"
	    " ORDER BY certified, t.community");
	sqlite3_bind_int(st, 1, minimum);
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (i = 0; i < 4; i++)
			row[i] = store_text(st, i);
		table_add(t, row);
	}
	sqlite3_finalize(st);
}

/* s followed by more; both are freed. */
static char *
results_append(char *s, char *more)
{
	char *t = xasprintf("%s%s", s, more);

	free(s);
	free(more);
	return t;
}

char *
results_verdict(const struct cohort_result *r)
{
	char *s;

	if (r->meets_pass && r->meets_excellence)
		return xstrdup(_("Verdict: meets the rules"));
	s = xstrdup(_("Verdict: below the rules"));
	if (r->n == 0)
		s = results_append(s, xstrdup(_(": nobody assessed")));
	if (r->need_passes > 0)
		s = results_append(s, xasprintf(ngettext(
		    ": needs %d more pass", ": needs %d more passes",
		    r->need_passes), r->need_passes));
	/* Separate messages, so each language has its own punctuation. */
	if (r->need_excellents > 0 && r->need_passes > 0)
		s = results_append(s, xasprintf(ngettext(
		    ", needs %d more excellent", ", needs %d more excellents",
		    r->need_excellents), r->need_excellents));
	else if (r->need_excellents > 0)
		s = results_append(s, xasprintf(ngettext(
		    ": needs %d more excellent", ": needs %d more excellents",
		    r->need_excellents), r->need_excellents));
	return s;
}
