/*
 * The papers of an exam (see papers.h): the spread of their mean
 * difficulty and the exposure of the most-drawn question, from the
 * blueprint and the banks, and from the papers drawn.
 */
#include "config.h"

#include "papers.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cohort.h"
#include "core.h"
#include "store.h"

/* The blueprint of evid: questions, mean difficulty, analytic exposure. */
static void
papers_blueprint(struct store *s, sqlite3_int64 evid, long *questions,
    double *mean, double *exposure, char *cell, size_t cellsz)
{
	sqlite3_stmt *st;
	long n = 0, sum = 0, count, pool;
	double share;

	*exposure = -1;
	*cell = '\0';
	st = store_prepare(s, "SELECT d.module, d.type, d.difficulty, d.count,"
	    " (SELECT count(*) FROM question q JOIN current_module m"
	    "  ON m.id = q.module_version_id WHERE m.module = d.module"
	    "  AND q.difficulty = d.difficulty"
	    "  AND (d.type = '' OR q.type = d.type))"
	    " FROM exam_draw d WHERE d.exam_version_id = ?1 ORDER BY d.seq");
	sqlite3_bind_int64(st, 1, evid);
	while (sqlite3_step(st) == SQLITE_ROW) {
		count = sqlite3_column_int(st, 3);
		pool = sqlite3_column_int(st, 4);
		n += count;
		sum += count * sqlite3_column_int(st, 2);
		share = pool > 0 ? (double)count / (double)pool : 1;
		if (share > 1)
			share = 1;
		if (share > *exposure) {
			*exposure = share;
			snprintf(cell, cellsz, "%s/%s/%d", store_text(st, 0),
			    *store_text(st, 1) ? store_text(st, 1) : "any",
			    sqlite3_column_int(st, 2));
		}
	}
	sqlite3_finalize(st);
	*questions = n;
	*mean = n > 0 ? (double)sum / (double)n : 0;
}

/* The papers drawn for evid (of cohort, or every cohort when 0). */
static void
papers_drawn(struct store *s, sqlite3_int64 evid, sqlite3_int64 cohort,
    long *npapers, double *lo, double *hi, double *sd, double *observed,
    char *most, size_t mostsz)
{
	sqlite3_stmt *st;
	double m, sum = 0, sum2 = 0, mean;
	long n = 0;

	*lo = *hi = *sd = *observed = 0;
	*most = '\0';
	st = store_prepare(s, "SELECT avg(q.difficulty) FROM paper_item p"
	    " JOIN question q ON q.id = p.question_id"
	    " JOIN attempt a ON a.id = p.attempt_id"
	    " JOIN trainee t ON t.id = a.trainee_id"
	    " JOIN cohort c ON c.id = t.cohort_id"
	    " WHERE c.exam_version_id = ?1 AND (?2 = 0 OR c.id = ?2)"
	    " GROUP BY p.attempt_id");
	sqlite3_bind_int64(st, 1, evid);
	sqlite3_bind_int64(st, 2, cohort);
	while (sqlite3_step(st) == SQLITE_ROW) {
		m = sqlite3_column_double(st, 0);
		if (n == 0 || m < *lo)
			*lo = m;
		if (n == 0 || m > *hi)
			*hi = m;
		sum += m;
		sum2 += m * m;
		n++;
	}
	sqlite3_finalize(st);
	*npapers = n;
	if (n == 0)
		return;
	mean = sum / (double)n;
	*sd = n > 1 ? sqrt(fmax(0, (sum2 - (double)n * mean * mean) /
	    (double)(n - 1))) : 0;
	st = store_prepare(s, "SELECT q.qid, count(DISTINCT p.attempt_id)"
	    " FROM paper_item p JOIN question q ON q.id = p.question_id"
	    " JOIN attempt a ON a.id = p.attempt_id"
	    " JOIN trainee t ON t.id = a.trainee_id"
	    " JOIN cohort c ON c.id = t.cohort_id"
	    " WHERE c.exam_version_id = ?1 AND (?2 = 0 OR c.id = ?2)"
	    " GROUP BY q.qid ORDER BY 2 DESC, 1 LIMIT 1");
	sqlite3_bind_int64(st, 1, evid);
	sqlite3_bind_int64(st, 2, cohort);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(most, mostsz, "%s", store_text(st, 0));
		*observed = (double)sqlite3_column_int64(st, 1) / (double)n;
	}
	sqlite3_finalize(st);
}

int
papers_report(struct store *s, const char *cohort, struct table *t,
    char **cause)
{
	static const char *const h[] = { "exam", "version", "questions",
	    "difficulty", "exposure", "exposure_cell", "papers", "mean_min",
	    "mean_max", "mean_sd", "observed", "most_drawn" };
	char cell[12][96], bcell[96], most[96];
	const char *row[12];
	struct cohort c;
	sqlite3_stmt *st;
	sqlite3_int64 cid = 0, evid;
	double mean, exposure, lo, hi, sd, observed;
	long questions, npapers;
	int i;

	if (cohort != NULL) {
		if (cohort_find(s, cohort, &c, cause) != 0)
			return -1;
		cid = c.id;
		cohort_release(&c);
	}
	table_init(t, 12, h);
	t->numeric = 0x7deUL;
	for (i = 0; i < 12; i++)
		row[i] = cell[i];
	st = store_prepare(s, "SELECT ev.id, ev.exam, ev.version"
	    " FROM exam_version ev WHERE (?1 = 0 AND (ev.id IN"
	    "  (SELECT id FROM current_exam) OR EXISTS (SELECT 1 FROM cohort c"
	    "  JOIN trainee t ON t.cohort_id = c.id JOIN attempt a"
	    "  ON a.trainee_id = t.id WHERE c.exam_version_id = ev.id)))"
	    " OR ev.id = (SELECT exam_version_id FROM cohort WHERE id = ?1)"
	    " ORDER BY ev.exam, ev.version");
	sqlite3_bind_int64(st, 1, cid);
	while (sqlite3_step(st) == SQLITE_ROW) {
		evid = sqlite3_column_int64(st, 0);
		papers_blueprint(s, evid, &questions, &mean, &exposure, bcell,
		    sizeof bcell);
		papers_drawn(s, evid, cid, &npapers, &lo, &hi, &sd, &observed,
		    most, sizeof most);
		snprintf(cell[0], sizeof cell[0], "%s", store_text(st, 1));
		snprintf(cell[1], sizeof cell[1], "%d",
		    sqlite3_column_int(st, 2));
		snprintf(cell[2], sizeof cell[2], "%ld", questions);
		snprintf(cell[3], sizeof cell[3], "%.2f", mean);
		snprintf(cell[4], sizeof cell[4], "%.1f", 100 * exposure);
		snprintf(cell[5], sizeof cell[5], "%s", bcell);
		snprintf(cell[6], sizeof cell[6], "%ld", npapers);
		if (npapers > 0) {
			snprintf(cell[7], sizeof cell[7], "%.2f", lo);
			snprintf(cell[8], sizeof cell[8], "%.2f", hi);
			snprintf(cell[9], sizeof cell[9], "%.3f", sd);
			snprintf(cell[10], sizeof cell[10], "%.1f",
			    100 * observed);
		} else
			cell[7][0] = cell[8][0] = cell[9][0] = cell[10][0] =
			    '\0';
		snprintf(cell[11], sizeof cell[11], "%s", most);
		table_add(t, row);
	}
	sqlite3_finalize(st);
	return 0;
}
