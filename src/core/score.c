/*
 * Score entries: validated against the rubric the cohort's exam names,
 * appended (never changed), with corrections and retakes under their rules,
 * each written to the audit trail.
 */
#include "config.h"

#include "score.h"

#include <stdlib.h>
#include <string.h>

#include "cohort.h"
#include "core.h"
#include "store.h"

int
score_parse_mark(char *arg, struct score_mark *m, char **cause)
{
	char *eq = strchr(arg, '='), *end;
	long v;

	if (eq == NULL || eq == arg || eq[1] == '\0') {
		*cause = xasprintf(_("'%s' is not ITEM=MARK"), arg);
		return -1;
	}
	*eq = '\0';
	/* Digits only: strtol would take " 6", "+6" and "-0". */
	v = eq[1] >= '0' && eq[1] <= '9' ? strtol(eq + 1, &end, 10) : -1;
	if (v < 0 || *end != '\0' || v > 100000) {
		*cause = xasprintf(_("item %s: '%s' is not a whole mark"), arg,
		    eq + 1);
		return -1;
	}
	m->item = arg;
	m->mark = (int)v;
	return 0;
}

struct rubric_info {
	sqlite3_int64	 version_id;
	char		*component;
	int		 max, pass;
	size_t		 nitems;
	char		**items;
	int		*maxes;
	int		*critical;
};

static void
rubric_info_release(struct rubric_info *ri)
{
	size_t i;

	for (i = 0; i < ri->nitems; i++)
		free(ri->items[i]);
	free(ri->items);
	free(ri->maxes);
	free(ri->critical);
	free(ri->component);
}

/* The rubric as the cohort's exam uses it; -1 with *cause. */
static int
score_rubric(struct store *s, const struct cohort *c, const char *rubric,
    struct rubric_info *ri, char **cause)
{
	sqlite3_stmt *st;
	size_t cap = 0;

	memset(ri, 0, sizeof *ri);
	st = store_prepare(s, "SELECT r.id, x.component, r.max, r.pass"
	    " FROM exam_component x JOIN current_rubric r"
	    " ON r.rubric = x.rubric"
	    " WHERE x.exam_version_id = ?1 AND x.rubric = ?2");
	sqlite3_bind_int64(st, 1, c->exam_version_id);
	sqlite3_bind_text(st, 2, rubric, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		ri->version_id = sqlite3_column_int64(st, 0);
		ri->component = xstrdup(store_text(st, 1));
		ri->max = sqlite3_column_int(st, 2);
		ri->pass = sqlite3_column_int(st, 3);
	}
	sqlite3_finalize(st);
	if (ri->version_id == 0) {
		*cause = xasprintf(_("rubric %s is not part of exam %s of "
		    "cohort %s (see 'firstline exam show %s')"), rubric,
		    c->exam, c->cohort, c->exam);
		return -1;
	}
	st = store_prepare(s, "SELECT item, max, critical FROM rubric_item"
	    " WHERE rubric_version_id = ?1 ORDER BY seq");
	sqlite3_bind_int64(st, 1, ri->version_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t n = ri->nitems;

		xgrow(&ri->items, &cap, n + 1, sizeof *ri->items);
		ri->maxes = xreallocarray(ri->maxes, cap, sizeof *ri->maxes);
		ri->critical = xreallocarray(ri->critical, cap,
		    sizeof *ri->critical);
		ri->items[n] = xstrdup(store_text(st, 0));
		ri->maxes[n] = sqlite3_column_int(st, 1);
		ri->critical[n] = sqlite3_column_int(st, 2);
		ri->nitems++;
	}
	sqlite3_finalize(st);
	return 0;
}

/* Check the marks against the rubric; fills the per-item mark array. */
static int
score_check_marks(const struct rubric_info *ri, const char *rubric,
    const struct score_request *q, int *marks, struct score_result *r,
    char **cause)
{
	size_t i, j;

	for (i = 0; i < ri->nitems; i++)
		marks[i] = -1;
	for (j = 0; j < q->nmarks; j++) {
		for (i = 0; i < ri->nitems; i++)
			if (strcmp(ri->items[i], q->marks[j].item) == 0)
				break;
		if (i == ri->nitems) {
			*cause = xasprintf(_("rubric %s has no item '%s' (see "
			    "'firstline rubric show %s')"), rubric,
			    q->marks[j].item, rubric);
			return -1;
		}
		if (marks[i] != -1) {
			*cause = xasprintf(_("item %s is given twice"),
			    ri->items[i]);
			return -1;
		}
		if (q->marks[j].mark > ri->maxes[i]) {
			*cause = xasprintf(_("item %s: mark %d is outside "
			    "0..%d"), ri->items[i], q->marks[j].mark,
			    ri->maxes[i]);
			return -1;
		}
		marks[i] = q->marks[j].mark;
	}
	r->total = 0;
	r->critical_missed = 0;
	for (i = 0; i < ri->nitems; i++) {
		if (marks[i] == -1) {
			*cause = xasprintf(_("item %s of rubric %s has no mark; "
			    "a station is entered whole"), ri->items[i],
			    rubric);
			return -1;
		}
		r->total += marks[i];
		if (ri->critical[i] && marks[i] < ri->maxes[i])
			r->critical_missed++;
	}
	r->max = ri->max;
	r->passed = r->total >= ri->pass && r->critical_missed == 0;
	return 0;
}

/* The latest entry for the trainee and rubric: id, passed, retakes so far. */
static void
score_latest(struct store *s, sqlite3_int64 tid, const char *rubric,
    sqlite3_int64 *id, int *passed, int *retakes)
{
	sqlite3_stmt *st;

	*id = 0;
	*passed = 0;
	*retakes = 0;
	st = store_prepare(s, "SELECT id, passed, (SELECT count(*) FROM"
	    " score_entry WHERE trainee_id = ?1 AND rubric = ?2 AND retake)"
	    " FROM score_entry WHERE trainee_id = ?1 AND rubric = ?2"
	    " ORDER BY id DESC LIMIT 1");
	sqlite3_bind_int64(st, 1, tid);
	sqlite3_bind_text(st, 2, rubric, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*passed = sqlite3_column_int(st, 1);
		*retakes = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
}

/*
 * The trainee's terminal sittings of the written test, for an organizer's
 * entry: the number of the latest finished attempt (0 when none) and its
 * score in tenths.
 */
static int
score_terminal(struct store *s, sqlite3_int64 tid, int *tenths)
{
	sqlite3_stmt *st;
	int number = 0;

	*tenths = 0;
	st = store_prepare(s, "SELECT number, coalesce(tenths, 0) FROM attempt"
	    " WHERE trainee_id = ?1 AND status IN ('submitted','expired')"
	    " ORDER BY number DESC LIMIT 1");
	sqlite3_bind_int64(st, 1, tid);
	if (sqlite3_step(st) == SQLITE_ROW) {
		number = sqlite3_column_int(st, 0);
		*tenths = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return number;
}

/* The latest sitting an entry followed (score_entry.after_attempt). */
static int
score_after_attempt(struct store *s, sqlite3_int64 entry)
{
	sqlite3_stmt *st;
	int n = 0;

	st = store_prepare(s, "SELECT after_attempt FROM score_entry"
	    " WHERE id = ?1");
	sqlite3_bind_int64(st, 1, entry);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int
score_exam_int(struct store *s, const struct cohort *c, const char *column)
{
	sqlite3_stmt *st;
	char *sql = xasprintf("SELECT %s FROM exam_version WHERE id = ?1",
	    column);
	int v = 0;

	st = store_prepare(s, sql);
	free(sql);
	sqlite3_bind_int64(st, 1, c->exam_version_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

int
score_set(struct store *s, const struct user *u,
    const struct score_request *q, struct score_result *r, char **cause)
{
	struct rubric_info ri;
	struct cohort c;
	sqlite3_stmt *st;
	sqlite3_int64 tid, last;
	int *marks = NULL, written, last_passed, retakes, pass = 0, rc;
	int number = 0;
	const char *rubric = q->rubric ? q->rubric : "written";
	char *detail;
	size_t i;

	memset(r, 0, sizeof *r);
	memset(&ri, 0, sizeof ri);
	written = strcmp(rubric, "written") == 0;
	if (written && u->role != ROLE_ORGANIZER) {
		*cause = xasprintf(_("permission denied: a written score is "
		    "entered by an organizer; %s is an %s"), u->name,
		    role_label(u->role));
		return -1;
	}
	if (written && (q->reason == NULL || *q->reason == '\0')) {
		*cause = xasprintf(_("a written score needs a reason "
		    "(--reason, e.g. 'paper sitting, room 3')"));
		return -1;
	}
	if ((q->reason != NULL && fl_name_check(_("reason"), q->reason,
	    cause) != 0) || (q->comment != NULL &&
	    fl_name_check(_("comment"), q->comment, cause) != 0))
		return -1;
	if (written && (q->written_tenths < 0 || q->written_tenths > 1000)) {
		*cause = xasprintf(_("a written score is a percentage from 0 "
		    "to 100"));
		return -1;
	}
	if (cohort_find(s, q->cohort, &c, cause) != 0)
		return -1;
	if (c.sealed) {
		*cause = xasprintf(_("cohort %s is certified and sealed: its "
		    "scores cannot change"), q->cohort);
		cohort_release(&c);
		return -1;
	}
	if (store_begin(s, cause) != 0) {
		cohort_release(&c);
		return -1;
	}
	if ((tid = cohort_trainee(s, &c, q->ticket, 0, cause)) == 0)
		goto fail;
	if (written) {
		ri.component = xstrdup("written");
		r->total = q->written_tenths;
		r->max = 1000;
		pass = score_exam_int(s, &c, "written_pass") * 10;
		r->passed = q->written_tenths >= pass;
	} else {
		if (score_rubric(s, &c, rubric, &ri, cause) != 0)
			goto fail;
		marks = xcalloc(ri.nitems ? ri.nitems : 1, sizeof *marks);
		if (score_check_marks(&ri, rubric, q, marks, r, cause) != 0)
			goto fail;
	}
	score_latest(s, tid, rubric, &last, &last_passed, &retakes);
	if (written) {
		/*
		 * Sittings count too, and the latest event counts: a sitting
		 * finished after the latest entry (or with no entry) is what
		 * this entry follows.  An entry after a failed one is a retake
		 * (and uses one); after a passed one, a correction with its
		 * reason.  The sittings' retakes count against the exam's
		 * limit.
		 */
		int tenths;

		number = score_terminal(s, tid, &tenths);
		if (number > 0 && (last == 0 ||
		    number > score_after_attempt(s, last))) {
			last = -1;	/* a sitting after any entry */
			last_passed = tenths >= pass;
			if (!last_passed && !q->retake) {
				*cause = xasprintf(_("ticket %s failed the "
				    "written test at a terminal (%d.%d%%): a "
				    "paper sitting after it is a retake "
				    "(--retake)"), q->ticket, tenths / 10,
				    tenths % 10);
				goto fail;
			}
		}
		if (number > 1)
			retakes += number - 1;
	}
	r->correction = last != 0 && !q->retake;
	if (q->retake) {
		if (last == 0 || last_passed) {
			*cause = xasprintf(_("ticket %s has no failed %s to "
			    "retake"), q->ticket, rubric);
			goto fail;
		}
		if (retakes >= score_exam_int(s, &c, "retakes")) {
			*cause = xasprintf(_("ticket %s has used the retakes "
			    "of %s that exam %s allows"), q->ticket, rubric,
			    c.exam);
			goto fail;
		}
	} else if (last != 0 && (q->reason == NULL || *q->reason == '\0')) {
		*cause = xasprintf(_("ticket %s already has a score for %s: "
		    "a correction needs --reason"), q->ticket, rubric);
		goto fail;
	}

	st = store_prepare(s, "INSERT INTO score_entry (trainee_id, component,"
	    " rubric, rubric_version_id, total, max, passed, critical_missed,"
	    " retake, reason, comment, entered_by, after_attempt) VALUES (?1,"
	    " ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
	sqlite3_bind_int64(st, 1, tid);
	sqlite3_bind_text(st, 2, ri.component, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, rubric, -1, SQLITE_STATIC);
	if (!written)
		sqlite3_bind_int64(st, 4, ri.version_id);
	sqlite3_bind_int(st, 5, r->total);
	sqlite3_bind_int(st, 6, r->max);
	sqlite3_bind_int(st, 7, r->passed);
	sqlite3_bind_int(st, 8, r->critical_missed);
	sqlite3_bind_int(st, 9, q->retake != 0);
	sqlite3_bind_text(st, 10, q->reason ? q->reason : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 11, q->comment ? q->comment : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_int64(st, 12, u->id);
	sqlite3_bind_int(st, 13, number);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*cause = store_error(s, "cannot store the score");
		goto fail;
	}
	r->entry_id = sqlite3_last_insert_rowid(s->db);
	st = store_prepare(s, "INSERT INTO score_mark (entry_id, seq, item,"
	    " mark) VALUES (?1, ?2, ?3, ?4)");
	for (i = 0; !written && i < ri.nitems; i++) {
		sqlite3_bind_int64(st, 1, r->entry_id);
		sqlite3_bind_int(st, 2, (int)i);
		sqlite3_bind_text(st, 3, ri.items[i], -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, marks[i]);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_finalize(st);
			*cause = store_error(s, "cannot store the marks");
			goto fail;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	detail = xasprintf("ticket %s: %s %d/%d%s%s%s", q->ticket, rubric,
	    r->total, r->max, q->retake ? " (retake)" : "",
	    r->correction ? "; correction: " : "",
	    r->correction ? q->reason : "");
	rc = event_add(s, u->name, "score set", c.id, tid, detail, cause);
	free(detail);
	if (rc != 0 || store_commit(s, cause) != 0)
		goto fail;
	free(marks);
	rubric_info_release(&ri);
	cohort_release(&c);
	return 0;
fail:
	store_rollback(s);
	free(marks);
	rubric_info_release(&ri);
	cohort_release(&c);
	return -1;
}

int
score_history(struct store *s, const char *cohort, const char *ticket,
    struct table *t, char **cause)
{
	static const char *const h[] = { "entry", "component", "rubric",
	    "total", "max", "retake", "by", "at", "reason", "marks",
	    "counts", "comment", "mode" };
	struct cohort c;
	sqlite3_stmt *st;
	sqlite3_int64 tid;
	const char *row[13];
	int i;

	table_init(t, 13, h);
	t->numeric = 0x19;
	if (cohort_find(s, cohort, &c, cause) != 0)
		return -1;
	if ((tid = cohort_trainee(s, &c, ticket, 1, cause)) == 0) {
		cohort_release(&c);
		return -1;
	}
	/*
	 * The entries, and the finished sittings of the written test (no
	 * entry number; the mode says how the answers arrived), in time
	 * order.  A paper sitting's percentage is stored in tenths: shown
	 * with one decimal.  Of the written rows the latest event counts
	 * (written_counts, as results_written); within a second, an entry
	 * comes after the sittings it followed (after_attempt).
	 */
	st = store_prepare(s, "SELECT * FROM ("
	    "SELECT e.id, e.component, e.rubric,"
	    " CASE WHEN e.component = 'written'"
	    "   THEN printf('%d.%d', e.total / 10, e.total % 10) ELSE e.total END,"
	    " CASE WHEN e.component = 'written' THEN e.max / 10 ELSE e.max END,"
	    " CASE WHEN e.retake THEN 'yes' ELSE 'no' END, u.name,"
	    " e.entered_at AS at, e.reason,"
	    " coalesce((SELECT group_concat(item || '=' || mark, ';') FROM"
	    "   (SELECT item, mark FROM score_mark WHERE entry_id = e.id"
	    "   ORDER BY seq)), ''),"
	    " CASE WHEN e.component = 'written' THEN"
	    "   CASE WHEN e.id = (SELECT entry_id FROM written_counts w"
	    "   WHERE w.trainee_id = e.trainee_id) THEN 'yes' ELSE 'no' END"
	    "   WHEN e.id = (SELECT max(id) FROM score_entry"
	    "   WHERE trainee_id = e.trainee_id AND rubric = e.rubric)"
	    "   THEN 'yes' ELSE 'no' END, e.comment,"
	    " CASE WHEN e.component = 'written' THEN 'external' ELSE '' END,"
	    " CASE WHEN e.component = 'written' THEN 2 * e.after_attempt + 1"
	    "   ELSE 0 END AS ord, 1 AS kind, e.id AS k"
	    " FROM score_entry e JOIN app_user u ON u.id = e.entered_by"
	    " WHERE e.trainee_id = ?1"
	    " UNION ALL "
	    "SELECT '', 'written', 'written',"
	    " printf('%d.%d', coalesce(a.tenths, 0) / 10,"
	    "   coalesce(a.tenths, 0) % 10), 100,"
	    " CASE WHEN a.number > 1 THEN 'yes' ELSE 'no' END,"
	    /* A keyed paper: the people whose entries it was keyed in. */
	    " coalesce((SELECT group_concat(name, '+') FROM (SELECT u.name"
	    "   FROM paper_entry e JOIN app_user u ON u.id = e.entered_by"
	    "   WHERE e.attempt_id = a.id GROUP BY u.id ORDER BY min(e.id))),"
	    "   ''),"
	    " strftime('%Y-%m-%dT%H:%M:%SZ', a.closed_at, 'unixepoch'), '', '',"
	    " CASE WHEN a.id = (SELECT attempt_id FROM written_counts w"
	    "   WHERE w.trainee_id = a.trainee_id)"
	    "   THEN 'yes' ELSE 'no' END, '', a.mode, 2 * a.number, 0,"
	    " a.number"
	    " FROM attempt a WHERE a.trainee_id = ?1"
	    " AND a.status IN ('submitted','expired'))"
	    " ORDER BY at, ord, kind, k");
	sqlite3_bind_int64(st, 1, tid);
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (i = 0; i < 13; i++)
			row[i] = store_text(st, i);
		table_add(t, row);
	}
	sqlite3_finalize(st);
	cohort_release(&c);
	return 0;
}
