/*
 * The code printed in a sheet's QR box (sheet.h): made from the database's
 * identity and keyed check value, read back strictly, and verified against
 * the database and the cohort being scanned.
 */
#include "config.h"

#include "sheet.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "store.h"

#define SHEET_CODE_MAGIC "FL1/"

/* The check value of the signed part of a code, in hex. */
static int
sheet_check(struct store *s, const char *instance, const char *cohort,
    sqlite3_int64 aid, char hex[2 * SHEET_CHECK_BYTES + 1], char **cause)
{
	unsigned char mac[INSTANCE_MAC_LEN];
	char *msg;
	int rc;

	msg = xasprintf(SHEET_CODE_MAGIC "%s/%s/%lld", instance, cohort,
	    (long long)aid);
	rc = instance_mac(s, msg, strlen(msg), mac, cause);
	free(msg);
	if (rc != 0)
		return -1;
	instance_hex(mac, SHEET_CHECK_BYTES, hex);
	return 0;
}

/* Whether the n bytes at p are a cohort id (1-32 of [A-Za-z0-9_-]). */
static int
sheet_cohort_ok(const char *p, size_t n)
{
	size_t i;

	if (n < 1 || n > 32)
		return 0;
	for (i = 0; i < n; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') ||
		    (p[i] >= 'A' && p[i] <= 'Z') ||
		    (p[i] >= '0' && p[i] <= '9') || p[i] == '-' ||
		    p[i] == '_'))
			return 0;
	return 1;
}

char *
sheet_code(struct store *s, const char *cohort, sqlite3_int64 aid,
    enum sheet_part part, int page, char **cause)
{
	char id[INSTANCE_ID_LEN + 1], check[2 * SHEET_CHECK_BYTES + 1];
	char suffix[16] = "";

	if (!sheet_cohort_ok(cohort, strlen(cohort)) || aid <= 0 ||
	    page < 1) {
		*cause = xasprintf("cannot make a sheet code for cohort '%s' "
		    "attempt %lld page %d", cohort, (long long)aid, page);
		return NULL;
	}
	if (instance_id(s, id, cause) != 0 ||
	    sheet_check(s, id, cohort, aid, check, cause) != 0)
		return NULL;
	if (part == SHEET_PART_BOOKLET)
		snprintf(suffix, sizeof suffix, "/p%d", page);
	else if (page > 1)
		snprintf(suffix, sizeof suffix, "/s%d", page);
	return xasprintf(SHEET_CODE_MAGIC "%s/%s/%lld/%s%s", id, cohort,
	    (long long)aid, check, suffix);
}

char *
sheet_code_page(const char *code, enum sheet_part part, int page)
{
	if (part == SHEET_PART_BOOKLET)
		return xasprintf("%s/p%d", code, page);
	if (page > 1)
		return xasprintf("%s/s%d", code, page);
	return xstrdup(code);
}

/* Lower-case hex digits only, exactly n of them. */
static int
sheet_hex_ok(const char *p, size_t len, size_t n)
{
	size_t i;

	if (len != n)
		return 0;
	for (i = 0; i < n; i++)
		if (!((p[i] >= '0' && p[i] <= '9') ||
		    (p[i] >= 'a' && p[i] <= 'f')))
			return 0;
	return 1;
}

/* A positive decimal number without leading zeros, at most max. */
static int
sheet_number(const char *p, size_t len, int64_t max, int64_t *out)
{
	int64_t v = 0;
	size_t i;

	if (len < 1 || len > 19 || p[0] == '0')
		return -1;
	for (i = 0; i < len; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		if (p[i] - '0' > max || v > (max - (p[i] - '0')) / 10)
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	*out = v;
	return 0;
}

int
sheet_code_parse(const char *text, size_t len, struct sheet_code *out,
    char **cause)
{
	const char *f[6], *p, *end = text + len;
	size_t flen[6], nf = 0, i;
	int64_t v;

	memset(out, 0, sizeof *out);
	if (len > SHEET_CODE_MAX || memchr(text, '\0', len) != NULL ||
	    len < sizeof SHEET_CODE_MAGIC - 1 ||
	    memcmp(text, SHEET_CODE_MAGIC, sizeof SHEET_CODE_MAGIC - 1) != 0)
		goto bad;
	p = text + sizeof SHEET_CODE_MAGIC - 1;
	/* Split the rest at '/' into at most 5 fields. */
	for (;;) {
		const char *slash = memchr(p, '/', (size_t)(end - p));

		if (nf == 5)
			goto bad;
		f[nf] = p;
		flen[nf] = (size_t)((slash ? slash : end) - p);
		nf++;
		if (slash == NULL)
			break;
		p = slash + 1;
	}
	if (nf < 4 || !sheet_hex_ok(f[0], flen[0], INSTANCE_ID_LEN) ||
	    !sheet_cohort_ok(f[1], flen[1]) ||
	    sheet_number(f[2], flen[2], INT64_MAX, &v) != 0 ||
	    !sheet_hex_ok(f[3], flen[3], 2 * SHEET_CHECK_BYTES))
		goto bad;
	memcpy(out->instance, f[0], flen[0]);
	memcpy(out->cohort, f[1], flen[1]);
	out->attempt = (sqlite3_int64)v;
	memcpy(out->check, f[3], flen[3]);
	out->part = SHEET_PART_ANSWERS;
	out->page = 1;
	if (nf == 5) {
		if (flen[4] < 2 || (f[4][0] != 's' && f[4][0] != 'p'))
			goto bad;
		out->part = f[4][0] == 'p' ? SHEET_PART_BOOKLET :
		    SHEET_PART_ANSWERS;
		if (sheet_number(f[4] + 1, flen[4] - 1,
		    out->part == SHEET_PART_BOOKLET ? 999 : SHEET_MAX_PAGES,
		    &v) != 0 || (out->part == SHEET_PART_ANSWERS && v < 2))
			goto bad;
		out->page = (int)v;
	}
	return 0;
bad:
	/* Show a little of it, printable only. */
	{
		char shown[41];

		for (i = 0; i < len && i < sizeof shown - 1; i++)
			shown[i] = text[i] >= 0x20 && text[i] < 0x7f ?
			    text[i] : '?';
		shown[i] = '\0';
		*cause = xasprintf(_("the QR code is not a firstline sheet "
		    "code: \"%s%s\""), shown, len > i ? "..." : "");
	}
	memset(out, 0, sizeof *out);
	return -1;
}

/* Compare two equal-length strings in constant time. */
static int
sheet_same(const char *a, const char *b, size_t n)
{
	unsigned char d = 0;
	size_t i;

	for (i = 0; i < n; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

int
sheet_code_verify(struct store *s, const struct sheet_code *c,
    const char *cohort, sqlite3_int64 *trainee_id, char **cause)
{
	char id[INSTANCE_ID_LEN + 1], check[2 * SHEET_CHECK_BYTES + 1];
	sqlite3_stmt *st;
	sqlite3_int64 tid = 0;

	if (trainee_id != NULL)
		*trainee_id = 0;
	if (instance_id(s, id, cause) != 0)
		return -1;
	if (strcmp(c->instance, id) != 0) {
		*cause = xasprintf(_("the sheet was printed by another "
		    "firstline database (%s), not this one (%s)"),
		    c->instance, id);
		return -1;
	}
	if (sheet_check(s, c->instance, c->cohort, c->attempt, check,
	    cause) != 0)
		return -1;
	if (strlen(c->check) != 2 * SHEET_CHECK_BYTES ||
	    !sheet_same(c->check, check, 2 * SHEET_CHECK_BYTES)) {
		*cause = xasprintf(_("the sheet's check value is wrong: not "
		    "a sheet printed by firstline for attempt %lld of cohort "
		    "%s (a copied or altered code)"), (long long)c->attempt,
		    c->cohort);
		return -1;
	}
	if (strcmp(c->cohort, cohort) != 0) {
		*cause = xasprintf(_("the sheet belongs to cohort %s, not "
		    "%s"), c->cohort, cohort);
		return -1;
	}
	st = store_prepare(s, "SELECT t.id FROM attempt a"
	    " JOIN trainee t ON t.id = a.trainee_id"
	    " JOIN cohort c ON c.id = t.cohort_id"
	    " WHERE a.id = ?1 AND c.cohort = ?2");
	sqlite3_bind_int64(st, 1, c->attempt);
	sqlite3_bind_text(st, 2, c->cohort, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		tid = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (tid == 0) {
		*cause = xasprintf(_("the sheet names attempt %lld, which "
		    "cohort %s does not have"), (long long)c->attempt,
		    c->cohort);
		return -1;
	}
	if (trainee_id != NULL)
		*trainee_id = tid;
	return 0;
}
