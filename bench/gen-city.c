/*
 * gen-city: a synthetic city for the benchmarks, deterministic from a seed,
 * written into a database that already holds the shipped banks, rubrics and
 * the standard exam (firstline init; firstline bank load ...).
 *
 * At --scale 1: 60,000 trainees in 4,000 cohorts of 15 over 5,608
 * communities.  Every trainee who sat has a 50-item paper drawn by the
 * engine's own paper_draw/paper_store and graded by the engine's own expiry
 * (attempt_expire_due); practical and simulation entries with their item
 * marks; some written and station retakes, absences and withdrawals; every
 * third cohort put through cohort_certify (sealed when it meets the rules).
 *
 * Shortcuts, all producing the rows the engine itself writes:
 *  - one PIN ("246810") hashed once with yescrypt and the hash reused for
 *    every synthetic trainee (hashing 60,000 PINs would take an hour);
 *  - trainees, score entries and marks are inserted with prepared statements
 *    in one big transaction, not through roster_import/score_set (which
 *    commit per call and look the cohort up each time);
 *  - every paper is stored with its deadline already past and its responses
 *    filled in, then closed by attempt_expire_due; the status of most is
 *    then set to 'submitted' (same grade, as if the trainee submitted).
 *
 * --seats N adds a cohort "bench-seats" of N trainees with nothing recorded
 * (tickets 90000001...), for the answer-commit and client benchmarks.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/attempt.h"
#include "core/auth.h"
#include "core/core.h"
#include "core/paper.h"
#include "core/rand.h"
#include "core/results.h"
#include "core/store.h"

#define CITY_TRAINEES		60000
#define CITY_COHORTS		4000
#define CITY_COMMUNITIES	5608
#define CITY_PIN		"246810"

/* The key of every question, by question id. */
struct key {
	int	type;		/* enum qtype */
	int	answer;		/* truefalse */
	int	correct[8];	/* by option seq */
	int	position[8];
	int	n;
};

static struct key *keys;
static long nkeys;
static struct prng gen;

static void
die(const char *what, const char *cause)
{
	fprintf(stderr, "gen-city: %s: %s\n", what, cause ? cause : "");
	exit(1);
}

static void
load_keys(struct store *s)
{
	sqlite3_stmt *st;
	int k;

	st = store_prepare(s, "SELECT max(id) FROM question");
	sqlite3_step(st);
	nkeys = sqlite3_column_int64(st, 0) + 1;
	sqlite3_finalize(st);
	keys = xcalloc((size_t)nkeys, sizeof *keys);
	st = store_prepare(s, "SELECT id, type, coalesce(answer, 0)"
	    " FROM question");
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct key *q = &keys[sqlite3_column_int64(st, 0)];

		for (k = 0; k < QTYPE_COUNT; k++)
			if (strcmp(store_text(st, 1),
			    qtype_name((enum qtype)k)) == 0)
				q->type = k;
		q->answer = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	st = store_prepare(s, "SELECT question_id, seq, correct,"
	    " coalesce(position, 0) FROM question_option");
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct key *q = &keys[sqlite3_column_int64(st, 0)];
		int seq = sqlite3_column_int(st, 1);

		if (seq < 8) {
			q->correct[seq] = sqlite3_column_int(st, 2);
			q->position[seq] = sqlite3_column_int(st, 3);
			if (seq + 1 > q->n)
				q->n = seq + 1;
		}
	}
	sqlite3_finalize(st);
}

/* A response to draw d, right with probability right/100. */
static void
respond(const struct paper_draw *d, int right, char *buf, size_t len)
{
	const struct key *q = &keys[d->question_id];
	int ok = (int)prng_below(&gen, 100) < right, i, p;
	size_t off = 0;

	buf[0] = '\0';
	switch (q->type) {
	case QTYPE_TRUEFALSE:
		snprintf(buf, len, "%d", ok ? q->answer : !q->answer);
		return;
	case QTYPE_SINGLE:
		for (i = 0; i < d->noptions; i++)
			if (q->correct[d->order[i]] == ok)
				break;
		snprintf(buf, len, "%d", i < d->noptions ? i : 0);
		return;
	case QTYPE_MULTIPLE:
		for (i = 0; i < d->noptions; i++) {
			int pick = q->correct[d->order[i]];

			if (!ok && i == 0)
				pick = !pick;
			if (pick)
				off += (size_t)snprintf(buf + off, len - off,
				    off ? ",%d" : "%d", i);
		}
		if (off == 0)
			snprintf(buf, len, "%d", d->noptions - 1);
		return;
	default:	/* ordering: display indices by position */
		for (p = 1; p <= d->noptions; p++) {
			int want = ok ? p : (p == 1 ? 2 : p == 2 ? 1 : p);

			for (i = 0; i < d->noptions; i++)
				if (q->position[d->order[i]] == want)
					off += (size_t)snprintf(buf + off,
					    len - off, off ? ",%d" : "%d", i);
		}
		return;
	}
}

struct stmts {
	sqlite3_stmt *attempt, *answer, *entry, *mark, *items;
};

/* A written attempt (number), its paper and responses, deadline past. */
static void
sit_paper(struct store *s, struct stmts *x, sqlite3_int64 tid, int number,
    sqlite3_int64 evid, int right, time_t now)
{
	struct paper_draw *d;
	sqlite3_int64 aid;
	uint64_t seed = prng_next(&gen) >> 1;
	char *cause = NULL, buf[64];
	long n, i;

	sqlite3_bind_int64(x->attempt, 1, tid);
	sqlite3_bind_int(x->attempt, 2, number);
	sqlite3_bind_int64(x->attempt, 3, (sqlite3_int64)seed);
	sqlite3_bind_int64(x->attempt, 4, (sqlite3_int64)(now - 7200));
	sqlite3_bind_int64(x->attempt, 5, (sqlite3_int64)(now - 3600));
	if (sqlite3_step(x->attempt) != SQLITE_DONE)
		die("attempt", sqlite3_errmsg(s->db));
	sqlite3_reset(x->attempt);
	aid = sqlite3_last_insert_rowid(s->db);
	if ((n = paper_draw(s, evid, seed, &d, &cause)) < 0)
		die("paper_draw", cause);
	if (paper_store(s, aid, d, n, &cause) != 0)
		die("paper_store", cause);
	for (i = 0; i < n; i++) {
		respond(&d[i], right, buf, sizeof buf);
		sqlite3_bind_int64(x->answer, 1, aid);
		sqlite3_bind_int64(x->answer, 2, i);
		sqlite3_bind_text(x->answer, 3, buf, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(x->answer, 4,
		    (sqlite3_int64)(now - 7000 + i * 60));
		if (sqlite3_step(x->answer) != SQLITE_DONE)
			die("answer", sqlite3_errmsg(s->db));
		sqlite3_reset(x->answer);
	}
	paper_draws_free(d, n);
}

/*
 * One rubric entry: every item's mark, each full with probability
 * right/100 (else a little short).  Returns whether it passed.
 */
static int
score_rubric(struct store *s, struct stmts *x, sqlite3_int64 tid,
    const char *component, const char *rubric, int right, int retake,
    sqlite3_int64 uid)
{
	sqlite3_int64 rvid = 0, eid;
	int marks[64], crit[64], maxes[64], n = 0, total = 0, max = 0;
	int pass = 0, missed = 0, i;
	char items[64][32];

	sqlite3_bind_text(x->items, 1, rubric, -1, SQLITE_STATIC);
	while (sqlite3_step(x->items) == SQLITE_ROW && n < 64) {
		rvid = sqlite3_column_int64(x->items, 0);
		pass = sqlite3_column_int(x->items, 1);
		snprintf(items[n], sizeof items[n], "%s",
		    store_text(x->items, 2));
		maxes[n] = sqlite3_column_int(x->items, 3);
		crit[n] = sqlite3_column_int(x->items, 4);
		n++;
	}
	sqlite3_reset(x->items);
	for (i = 0; i < n; i++) {
		marks[i] = maxes[i];
		if ((int)prng_below(&gen, 100) >= right)
			marks[i] = (int)prng_below(&gen, (uint32_t)maxes[i]);
		missed += crit[i] && marks[i] < maxes[i];
		total += marks[i];
		max += maxes[i];
	}
	sqlite3_bind_int64(x->entry, 1, tid);
	sqlite3_bind_text(x->entry, 2, component, -1, SQLITE_STATIC);
	sqlite3_bind_text(x->entry, 3, rubric, -1, SQLITE_STATIC);
	sqlite3_bind_int64(x->entry, 4, rvid);
	sqlite3_bind_int(x->entry, 5, total);
	sqlite3_bind_int(x->entry, 6, max);
	sqlite3_bind_int(x->entry, 7, total >= pass && missed == 0);
	sqlite3_bind_int(x->entry, 8, missed);
	sqlite3_bind_int(x->entry, 9, retake);
	sqlite3_bind_int64(x->entry, 10, uid);
	if (sqlite3_step(x->entry) != SQLITE_DONE)
		die("score_entry", sqlite3_errmsg(s->db));
	sqlite3_reset(x->entry);
	eid = sqlite3_last_insert_rowid(s->db);
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(x->mark, 1, eid);
		sqlite3_bind_int(x->mark, 2, i);
		sqlite3_bind_text(x->mark, 3, items[i], -1, SQLITE_STATIC);
		sqlite3_bind_int(x->mark, 4, marks[i]);
		if (sqlite3_step(x->mark) != SQLITE_DONE)
			die("score_mark", sqlite3_errmsg(s->db));
		sqlite3_reset(x->mark);
	}
	return total >= pass && missed == 0;
}

static void
exec(struct store *s, const char *sql)
{
	char *cause = NULL;

	if (store_exec(s, sql, &cause) != 0)
		die(sql, cause);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "scale", required_argument, NULL, 'S' },
		{ "seed", required_argument, NULL, 's' },
		{ "seats", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const stations[] = { "cpr-aed", "bleeding",
	    "extinguisher" };
	static const char *const scenarios[] = { "stairwell-arrest",
	    "ebike-fire", "gas-leak", "earthquake-evac" };
	static const char *const groups[] = { "staff", "property", "veteran",
	    "volunteer", "other" };
	struct store *s;
	struct stmts x;
	struct user u;
	sqlite3_stmt *co, *tr, *wd;
	sqlite3_int64 evid, uid, tid = 0, cid, *retakers = NULL;
	size_t nretakers = 0, rcap = 0;
	const char *db = NULL;
	double scale = 1;
	unsigned long long seed = 1;
	long ntrainees, ncohorts, ncomm, seats = 0, c, i, per, done = 0;
	char *cause = NULL, *hash, ticket[32], name[64], comm[64], cname[32];
	char phone[32];
	time_t now = time(NULL);
	int ch, k;

	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': db = optarg; break;
		case 'S': scale = atof(optarg); break;
		case 's': seed = strtoull(optarg, NULL, 10); break;
		case 'n': seats = atol(optarg); break;
		default: goto usage;
		}
	}
	if (db == NULL || optind != argc || scale <= 0 || scale > 10)
		goto usage;
	ntrainees = (long)(CITY_TRAINEES * scale + 0.5);
	ncohorts = (long)(CITY_COHORTS * scale + 0.5);
	ncomm = (long)(CITY_COMMUNITIES * scale + 0.5);
	if (ncohorts < 1 || ncomm < 1)
		goto usage;
	prng_seed(&gen, seed);

	if (store_open(db, STORE_OPEN, &s, &cause) != 0)
		die(db, cause);
	exec(s, "PRAGMA synchronous = OFF");
	load_keys(s);
	if (user_add(s, "bench-organizer", ROLE_ORGANIZER, "bench-password",
	    &cause) != 0)
		die("user_add", cause);
	if (user_login(s, "bench-organizer", "bench-password",
	    ROLE_ORGANIZER, &u, &cause) != 0)
		die("user_login", cause);
	uid = u.id;
	if ((hash = auth_hash(CITY_PIN)) == NULL)
		die("auth_hash", "failed");
	co = store_prepare(s, "SELECT id FROM current_exam"
	    " WHERE exam = 'standard'");
	if (sqlite3_step(co) != SQLITE_ROW)
		die("the standard exam is not loaded", "");
	evid = sqlite3_column_int64(co, 0);
	sqlite3_finalize(co);

	exec(s, "BEGIN");
	co = store_prepare(s, "INSERT INTO cohort (cohort, name,"
	    " exam_version_id) VALUES (?1, ?2, ?3)");
	tr = store_prepare(s, "INSERT INTO trainee (id, cohort_id, ticket,"
	    " name, community, grp, phone, pin_hash) VALUES (?1, ?2, ?3, ?4,"
	    " ?5, ?6, ?7, ?8)");
	wd = store_prepare(s, "UPDATE trainee SET withdrawn_at ="
	    " strftime('%Y-%m-%dT%H:%M:%SZ','now'), withdrawn_by = ?2,"
	    " withdrawn_reason = 'moved away' WHERE id = ?1");
	x.attempt = store_prepare(s, "INSERT INTO attempt (trainee_id, number,"
	    " seed, status, started_at, deadline, token) VALUES (?1, ?2, ?3,"
	    " 'in-progress', ?4, ?5, 'gen')");
	x.answer = store_prepare(s, "UPDATE paper_item SET response = ?3,"
	    " answered_at = ?4 WHERE attempt_id = ?1 AND seq = ?2");
	x.entry = store_prepare(s, "INSERT INTO score_entry (trainee_id,"
	    " component, rubric, rubric_version_id, total, max, passed,"
	    " critical_missed, retake, entered_by) VALUES (?1, ?2, ?3, ?4,"
	    " ?5, ?6, ?7, ?8, ?9, ?10)");
	x.mark = store_prepare(s, "INSERT INTO score_mark (entry_id, seq,"
	    " item, mark) VALUES (?1, ?2, ?3, ?4)");
	x.items = store_prepare(s, "SELECT r.id, r.pass, i.item, i.max,"
	    " i.critical FROM current_rubric r JOIN rubric_item i"
	    " ON i.rubric_version_id = r.id WHERE r.rubric = ?1"
	    " ORDER BY i.seq");

	for (c = 0; c < ncohorts; c++) {
		/* A cohort's quality: most strong, some weak. */
		int quality = 86 + (int)prng_below(&gen, 14);

		snprintf(cname, sizeof cname, "city-%05ld", c + 1);
		snprintf(name, sizeof name, "培训班 %ld", c + 1);
		sqlite3_bind_text(co, 1, cname, -1, SQLITE_STATIC);
		sqlite3_bind_text(co, 2, name, -1, SQLITE_STATIC);
		sqlite3_bind_int64(co, 3, evid);
		if (sqlite3_step(co) != SQLITE_DONE)
			die("cohort", sqlite3_errmsg(s->db));
		sqlite3_reset(co);
		cid = sqlite3_last_insert_rowid(s->db);
		per = ntrainees / ncohorts + (c < ntrainees % ncohorts);
		for (i = 0; i < per; i++) {
			int fate = (int)prng_below(&gen, 1000);
			int right = quality - 10 + (int)prng_below(&gen, 20);
			/* Cohorts draw from neighbouring communities. */
			long community = (c * ncomm / ncohorts +
			    (long)prng_below(&gen, 3)) % ncomm;

			tid++;
			snprintf(ticket, sizeof ticket, "%08lld",
			    10000000LL + (long long)tid);
			snprintf(name, sizeof name, "学员%06lld",
			    (long long)tid);
			snprintf(comm, sizeof comm, "社区%04ld", community + 1);
			sqlite3_bind_int64(tr, 1, tid);
			sqlite3_bind_int64(tr, 2, cid);
			sqlite3_bind_text(tr, 3, ticket, -1, SQLITE_STATIC);
			sqlite3_bind_text(tr, 4, name, -1, SQLITE_STATIC);
			sqlite3_bind_text(tr, 5, comm, -1, SQLITE_STATIC);
			sqlite3_bind_text(tr, 6, groups[tid % 5], -1,
			    SQLITE_STATIC);
			snprintf(phone, sizeof phone, "1%010lld",
			    3000000000LL + (long long)tid);
			sqlite3_bind_text(tr, 7, phone, -1, SQLITE_STATIC);
			sqlite3_bind_text(tr, 8, hash, -1, SQLITE_STATIC);
			if (sqlite3_step(tr) != SQLITE_DONE)
				die("trainee", sqlite3_errmsg(s->db));
			sqlite3_reset(tr);
			if (fate < 15)
				continue;		/* absent */
			if (fate < 25) {		/* withdrawn */
				sqlite3_bind_int64(wd, 1, tid);
				sqlite3_bind_int64(wd, 2, uid);
				sqlite3_step(wd);
				sqlite3_reset(wd);
				continue;
			}
			sit_paper(s, &x, tid, 1, evid, right, now);
			if (fate < 60) {	/* retakes the paper later */
				xgrow(&retakers, &rcap, nretakers + 1,
				    sizeof *retakers);
				retakers[nretakers++] = tid;
			}
			/* Skills are practised: few marks are missed. */
			right = 100 - (100 - right) / 4;
			for (k = 0; k < 3; k++)
				if (!score_rubric(s, &x, tid, "practical",
				    stations[k], right, 0, uid))
					score_rubric(s, &x, tid, "practical",
					    stations[k], 99, 1, uid);
			k = (int)prng_below(&gen, 4);
			if (!score_rubric(s, &x, tid, "simulation",
			    scenarios[k], right, 0, uid))
				score_rubric(s, &x, tid, "simulation",
				    scenarios[k], 99, 1, uid);
		}
		if (++done % 500 == 0)
			fprintf(stderr, "gen-city: %ld of %ld cohorts\n", done,
			    ncohorts);
	}
	/* Seats for the live benchmarks: enrolled, nothing recorded. */
	if (seats > 0) {
		sqlite3_bind_text(co, 1, "bench-seats", -1, SQLITE_STATIC);
		sqlite3_bind_text(co, 2, "Benchmark seats", -1, SQLITE_STATIC);
		sqlite3_bind_int64(co, 3, evid);
		if (sqlite3_step(co) != SQLITE_DONE)
			die("cohort", sqlite3_errmsg(s->db));
		sqlite3_reset(co);
		cid = sqlite3_last_insert_rowid(s->db);
		for (i = 0; i < seats; i++) {
			tid++;
			snprintf(ticket, sizeof ticket, "%08ld", 90000001 + i);
			snprintf(name, sizeof name, "Seat %ld", i + 1);
			sqlite3_bind_int64(tr, 1, tid);
			sqlite3_bind_int64(tr, 2, cid);
			sqlite3_bind_text(tr, 3, ticket, -1, SQLITE_STATIC);
			sqlite3_bind_text(tr, 4, name, -1, SQLITE_STATIC);
			sqlite3_bind_text(tr, 5, "社区0001", -1, SQLITE_STATIC);
			sqlite3_bind_text(tr, 6, "other", -1, SQLITE_STATIC);
			sqlite3_bind_text(tr, 7, "", -1, SQLITE_STATIC);
			sqlite3_bind_text(tr, 8, hash, -1, SQLITE_STATIC);
			if (sqlite3_step(tr) != SQLITE_DONE)
				die("seat", sqlite3_errmsg(s->db));
			sqlite3_reset(tr);
		}
	}
	exec(s, "COMMIT");
	/* The engine grades every paper (their deadlines have passed). */
	if (attempt_expire_due(s, 0, &cause) < 0)
		die("attempt_expire_due", cause);
	/* A second paper for the retakers, graded the same way. */
	exec(s, "BEGIN");
	for (i = 0; i < (long)nretakers; i++)
		sit_paper(s, &x, retakers[i], 2, evid, 95, now);
	exec(s, "COMMIT");
	free(retakers);
	sqlite3_finalize(co);
	sqlite3_finalize(tr);
	sqlite3_finalize(wd);
	sqlite3_finalize(x.attempt);
	sqlite3_finalize(x.answer);
	sqlite3_finalize(x.entry);
	sqlite3_finalize(x.mark);
	sqlite3_finalize(x.items);
	free(hash);

	/* The engine grades every paper (their deadlines have passed). */
	if (attempt_expire_due(s, 0, &cause) < 0)
		die("attempt_expire_due", cause);
	/* Most trainees submitted before the deadline. */
	exec(s, "UPDATE attempt SET status = 'submitted', closed_at ="
	    " closed_at - 600 WHERE status = 'expired' AND id % 10 <> 0");

	/* Certify every third cohort that meets the rules. */
	for (c = 0; c < ncohorts; c += 3) {
		struct cohort_result r;

		snprintf(cname, sizeof cname, "city-%05ld", c + 1);
		if (cohort_certify(s, &u, cname, &r, &cause) >= 0)
			results_release(&r);
		else {
			free(cause);
			cause = NULL;
		}
	}
	exec(s, "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE");
	user_release(&u);
	store_free(&s);
	free(keys);
	printf("%ld trainees, %ld cohorts, %ld communities, %ld seats\n",
	    ntrainees, ncohorts, ncomm, seats);
	return 0;
usage:
	fprintf(stderr, "usage: gen-city --db PATH [--scale S] [--seed N] "
	    "[--seats N]\n");
	return 2;
}
