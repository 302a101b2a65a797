/*
 * The hash chain over the record (chain.h): the one function that computes
 * a digest (fl_chain, installed on every connection), the walk that checks
 * every chained row against it, and the certificates' verification codes.
 */
#include "config.h"

#include "chain.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "instance.h"
#include "store.h"

#define CHAIN_HEX (2 * INSTANCE_MAC_LEN)

/*
 * The digest of a row: HMAC-SHA256 under the database's secret of the
 * previous digest, the table, the row key and the row's content, each
 * preceded by its length, as lower-case hex in out.
 */
static int
chain_digest(struct store *s, const char *prev, const char *tbl,
    const char *rid, const char *content, char out[CHAIN_HEX + 1],
    char **cause)
{
	const char *parts[4] = { prev, tbl, rid, content };
	unsigned char mac[INSTANCE_MAC_LEN];
	size_t len = 0, n, i;
	char *msg, *p;
	int rc;

	for (i = 0; i < 4; i++)
		len += 21 + strlen(parts[i] != NULL ? parts[i] : "");
	p = msg = xmalloc(len + 1);
	for (i = 0; i < 4; i++) {
		n = strlen(parts[i] != NULL ? parts[i] : "");
		p += sprintf(p, "%zu:", n);
		memcpy(p, parts[i] != NULL ? parts[i] : "", n);
		p += n;
	}
	rc = instance_mac(s, msg, (size_t)(p - msg), mac, cause);
	free(msg);
	if (rc == 0)
		instance_hex(mac, sizeof mac, out);
	return rc;
}

/* fl_chain(prev, table, rid, content): the SQL face of chain_digest. */
static void
chain_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store *s = sqlite3_user_data(ctx);
	const char *a[4];
	char out[CHAIN_HEX + 1], *cause = NULL;
	int i;

	for (i = 0; i < 4 && i < argc; i++)
		a[i] = (const char *)sqlite3_value_text(argv[i]);
	if (chain_digest(s, a[0], a[1], a[2], a[3], out, &cause) != 0) {
		sqlite3_result_error(ctx, cause != NULL ? cause :
		    "fl_chain failed", -1);
		free(cause);
		return;
	}
	sqlite3_result_text(ctx, out, CHAIN_HEX, SQLITE_TRANSIENT);
}

int
chain_register(struct store *s, char **cause)
{
	if (sqlite3_create_function(s->db, "fl_chain", 4, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, s, chain_sql, NULL,
	    NULL) != SQLITE_OK) {
		*cause = store_error(s, "cannot install fl_chain");
		return -1;
	}
	return 0;
}

static void
chain_fault_set(struct chain_fault *f, const char *tbl, const char *key,
    long long seq, const char *what)
{
	snprintf(f->table, sizeof f->table, "%s", tbl);
	snprintf(f->key, sizeof f->key, "%s", key);
	f->seq = seq;
	f->what = what;
}

/* Each chain entry with its predecessor's digest and its row's content. */
static const char chain_walk_sql[] =
    "SELECT c.seq, c.tbl, c.rid, c.digest, c.prev,"
    " CASE c.tbl"
    "  WHEN 'event' THEN (SELECT content FROM chain_event"
    "   WHERE k1 = CAST(c.rid AS INTEGER))"
    "  WHEN 'score_entry' THEN (SELECT content FROM chain_score_entry"
    "   WHERE k1 = CAST(c.rid AS INTEGER))"
    "  WHEN 'score_mark' THEN (SELECT content FROM chain_score_mark"
    "   WHERE k1 = CAST(substr(c.rid, 1, instr(c.rid, '/') - 1) AS INTEGER)"
    "   AND k2 = CAST(substr(c.rid, instr(c.rid, '/') + 1) AS INTEGER))"
    "  WHEN 'certified_result' THEN (SELECT content"
    "   FROM chain_certified_result WHERE k1 = CAST(c.rid AS INTEGER))"
    " END"
    " FROM (SELECT seq, tbl, rid, digest,"
    "  lag(digest, 1, '') OVER (ORDER BY seq) AS prev FROM chain) c"
    " WHERE c.seq <= ?1 ORDER BY c.seq";

/* Rows that have no chain entry (inserted with the triggers dropped). */
static const char chain_orphans_sql[] =
    "SELECT 'event', rid FROM chain_event v WHERE NOT EXISTS"
    " (SELECT 1 FROM chain WHERE tbl = 'event' AND rid = v.rid)"
    " UNION ALL SELECT 'score_entry', rid FROM chain_score_entry v"
    " WHERE NOT EXISTS (SELECT 1 FROM chain WHERE tbl = 'score_entry'"
    " AND rid = v.rid)"
    " UNION ALL SELECT 'score_mark', rid FROM chain_score_mark v"
    " WHERE NOT EXISTS (SELECT 1 FROM chain WHERE tbl = 'score_mark'"
    " AND rid = v.rid)"
    " UNION ALL SELECT 'certified_result', rid FROM chain_certified_result v"
    " WHERE NOT EXISTS (SELECT 1 FROM chain WHERE tbl = 'certified_result'"
    " AND rid = v.rid)"
    " LIMIT 1";

/* The walk up to chain entry upto (all when 0). */
static int
chain_walk(struct store *s, long long upto, long long *rows,
    struct chain_fault *f, char **cause)
{
	sqlite3_stmt *st;
	char want[CHAIN_HEX + 1];
	int rc = 0, step;

	*rows = 0;
	st = store_prepare(s, chain_walk_sql);
	sqlite3_bind_int64(st, 1, upto > 0 ? upto : (long long)1 << 62);
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		long long seq = sqlite3_column_int64(st, 0);
		const char *tbl = store_text(st, 1), *rid = store_text(st, 2);

		if (seq != *rows + 1) {
			chain_fault_set(f, tbl, rid, seq, N_("a chain entry "
			    "before it is missing"));
			rc = 1;
		} else if (sqlite3_column_type(st, 5) == SQLITE_NULL) {
			chain_fault_set(f, tbl, rid, seq, N_("the row was "
			    "deleted (its chain entry remains)"));
			rc = 1;
		} else if (chain_digest(s, store_text(st, 4), tbl, rid,
		    store_text(st, 5), want, cause) != 0)
			rc = -1;
		else if (strcmp(want, store_text(st, 3)) != 0) {
			chain_fault_set(f, tbl, rid, seq, N_("the row does not "
			    "match its digest (it, or its chain entry, was "
			    "changed)"));
			rc = 1;
		} else
			(*rows)++;
	}
	if (rc == 0 && step != SQLITE_DONE) {
		*cause = store_error(s, "cannot read the chain");
		rc = -1;
	}
	sqlite3_finalize(st);
	return rc;
}

int
chain_verify(struct store *s, long long *rows, struct chain_fault *f,
    char **cause)
{
	sqlite3_stmt *st;
	int rc;

	memset(f, 0, sizeof *f);
	if ((rc = chain_walk(s, 0, rows, f, cause)) != 0)
		return rc;
	st = store_prepare(s, chain_orphans_sql);
	if (sqlite3_step(st) == SQLITE_ROW) {
		chain_fault_set(f, store_text(st, 0), store_text(st, 1), 0,
		    N_("the row has no chain entry (it was inserted behind the "
		    "program's back)"));
		rc = 1;
	}
	sqlite3_finalize(st);
	return rc;
}

/* "0123456789ab" as "0123-4567-89AB". */
static void
chain_code_format(const char *digest, char code[CHAIN_CODE_LEN + 1])
{
	int i, o = 0;

	for (i = 0; i < 12; i++) {
		if (i > 0 && i % 4 == 0)
			code[o++] = '-';
		code[o++] = (char)toupper((unsigned char)digest[i]);
	}
	code[o] = '\0';
}

int
chain_code(struct store *s, const char *ticket,
    char code[CHAIN_CODE_LEN + 1], char **cause)
{
	sqlite3_stmt *st;
	int rc = 1, step;

	code[0] = '\0';
	st = store_prepare(s, "SELECT c.digest FROM chain c"
	    " JOIN trainee t ON c.tbl = 'certified_result'"
	    " AND c.rid = CAST(t.id AS TEXT) WHERE t.ticket = ?1");
	sqlite3_bind_text(st, 1, ticket, -1, SQLITE_STATIC);
	if ((step = sqlite3_step(st)) == SQLITE_ROW &&
	    strlen(store_text(st, 0)) >= 12) {
		chain_code_format(store_text(st, 0), code);
		rc = 0;
	} else if (step != SQLITE_ROW && step != SQLITE_DONE) {
		*cause = store_error(s, "cannot read the chain");
		rc = -1;
	}
	sqlite3_finalize(st);
	return rc;
}

int
chain_certificate(struct store *s, const char *code,
    struct chain_certificate *c, char **cause)
{
	sqlite3_stmt *st;
	struct chain_fault f;
	char hex[13];
	long long seq = 0, rows;
	int n = 0, rc, withdrawn = 0;
	const char *p;

	memset(c, 0, sizeof *c);
	for (p = code; *p != '\0' && n < 13; p++)
		if (isxdigit((unsigned char)*p))
			hex[n++] = (char)tolower((unsigned char)*p);
		else if (*p != '-' && *p != ' ')
			return 1;
	if (n != 12)
		return 1;
	hex[12] = '\0';
	st = store_prepare(s, "SELECT c.seq, t.ticket, t.name, t.community,"
	    " co.cohort, r.class, co.sealed_at, t.withdrawn_at IS NOT NULL"
	    " FROM chain c JOIN trainee t ON c.tbl = 'certified_result'"
	    " AND c.rid = CAST(t.id AS TEXT)"
	    " JOIN cohort co ON co.id = t.cohort_id"
	    " LEFT JOIN certified_result r ON r.trainee_id = t.id"
	    " WHERE substr(c.digest, 1, 12) = ?1");
	sqlite3_bind_text(st, 1, hex, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		seq = sqlite3_column_int64(st, 0);
		c->ticket = xstrdup(store_text(st, 1));
		c->name = xstrdup(store_text(st, 2));
		c->community = xstrdup(store_text(st, 3));
		c->cohort = xstrdup(store_text(st, 4));
		c->cls = xstrdup(store_text(st, 5));
		c->sealed_at = xstrdup(store_text(st, 6));
		withdrawn = sqlite3_column_int(st, 7);
	}
	sqlite3_finalize(st);
	if (seq == 0)
		return 1;
	/* It stands when the chain up to it, and its own row, match. */
	if ((rc = chain_walk(s, seq, &rows, &f, cause)) < 0) {
		chain_certificate_release(c);
		return -1;
	}
	c->stands = rc == 0;
	if (rc != 0)
		c->why = N_("the record behind it was changed");
	else if (*c->cls == '\0') {
		c->stands = 0;
		c->why = N_("its certified result is gone");
	} else if (strcmp(c->cls, "pass") != 0 &&
	    strcmp(c->cls, "excellent") != 0) {
		c->stands = 0;
		c->why = N_("the certified result is not a pass");
	} else if (withdrawn) {
		c->stands = 0;
		c->why = N_("the trainee was withdrawn");
	}
	return 0;
}

void
chain_certificate_release(struct chain_certificate *c)
{
	free(c->ticket);
	free(c->name);
	free(c->community);
	free(c->cohort);
	free(c->cls);
	free(c->sealed_at);
	memset(c, 0, sizeof *c);
}
