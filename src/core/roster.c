/*
 * Roster import: a CSV file (parsed by libcsv) becomes the trainees of a
 * cohort, all rows or none.  The header names the columns; name and
 * community are required; group, phone and external_id are optional.
 * Tickets are issued by the engine and PINs generated here, shown once and
 * stored as yescrypt hashes.
 */
#include "config.h"

#include "cohort.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "auth.h"
#include "core.h"
#include "rand.h"
#include "store.h"
#include "text.h"

enum { COL_NAME, COL_COMMUNITY, COL_GROUP, COL_PHONE, COL_EXTERNAL,
    COL_COUNT };
static const char *const roster_columns[COL_COUNT] = {
	"name", "community", "group", "phone", "external_id",
};
static const char *const roster_groups[] = {
	"staff", "property", "veteran", "volunteer", "other",
};

struct roster_row {
	char	**fields;
	size_t	  n, cap;
	long	  number;	/* 1 is the header */
	int	  nul;		/* a field held a NUL byte */
};

struct roster_parse {
	struct roster_row	*rows;
	size_t			 n, cap;
	struct roster_row	 cur;
	long			 number;
};

/* Number of fields of r kept in r->fields. */
static size_t
roster_kept(const struct roster_row *r)
{
	return r->n < ROSTER_MAX_COLUMNS ? r->n : ROSTER_MAX_COLUMNS;
}

static void
roster_row_release(struct roster_row *r)
{
	size_t i;

	for (i = 0; i < roster_kept(r); i++)
		free(r->fields[i]);
	free(r->fields);
}

static void
roster_field(void *field, size_t len, void *data)
{
	struct roster_parse *p = data;
	struct roster_row *r = &p->cur;

	if (field != NULL && memchr(field, '\0', len) != NULL)
		r->nul = 1;
	/* A row wider than any roster is counted, not kept. */
	if (r->n >= ROSTER_MAX_COLUMNS) {
		r->n++;
		return;
	}
	xgrow(&r->fields, &r->cap, r->n + 1, sizeof *r->fields);
	r->fields[r->n++] = xstrndup(field ? field : "", field ? len : 0);
}

static void
roster_end_row(int c, void *data)
{
	struct roster_parse *p = data;

	p->number++;
	p->cur.number = p->number;
	if (p->n < ROSTER_MAX_ROWS + 2) {
		xgrow(&p->rows, &p->cap, p->n + 1, sizeof *p->rows);
		p->rows[p->n++] = p->cur;
	} else
		roster_row_release(&p->cur);
	memset(&p->cur, 0, sizeof p->cur);
}

static void
roster_parse_release(struct roster_parse *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		roster_row_release(&p->rows[i]);
	roster_row_release(&p->cur);
	free(p->rows);
}

/* Trim ASCII white space in place. */
static char *
roster_trim(char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r' || s[n - 1] == '\n'))
		s[--n] = '\0';
	return s;
}

static char *
roster_read(const char *path, size_t *len, struct diag *d)
{
	struct stat sb;
	char *buf;
	ssize_t r;
	size_t got = 0;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		diag_at(d, path, 0, _("cannot open: %s"), strerror(errno));
		return NULL;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    (unsigned long long)sb.st_size > ROSTER_MAX_BYTES) {
		diag_at(d, path, 0, _("not a regular file of at most %u "
		    "bytes"), ROSTER_MAX_BYTES);
		close(fd);
		return NULL;
	}
	buf = xmalloc((size_t)sb.st_size + 1);
	while (got < (size_t)sb.st_size) {
		r = read(fd, buf + got, (size_t)sb.st_size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	*len = got;
	return buf;
}

/* Column index of each known column in the header, -1 when absent. */
static int
roster_header(const struct roster_row *h, int map[COL_COUNT],
    const char *path, struct diag *d)
{
	size_t i;
	int c, rc = 0;
	char *name;

	for (c = 0; c < COL_COUNT; c++)
		map[c] = -1;
	for (i = 0; i < roster_kept(h); i++)
		if (h->nul || !text_valid_utf8(h->fields[i],
		    strlen(h->fields[i]))) {
			diag_add(d, _("%s: row 1: the header is not UTF-8 text "
			    "(save the file as UTF-8)"), path);
			return -1;
		}
	for (i = 0; i < roster_kept(h); i++) {
		name = roster_trim(h->fields[i]);
		for (c = 0; c < COL_COUNT; c++)
			if (strcasecmp(name, roster_columns[c]) == 0)
				break;
		if (c == COL_COUNT) {
			diag_add(d, _("%s: row 1: unknown column '%s' (the "
			    "columns are name, community, group, phone, "
			    "external_id)"), path, name);
			rc = -1;
		} else if (map[c] != -1) {
			diag_add(d, _("%s: row 1: column '%s' appears twice"),
			    path, name);
			rc = -1;
		} else
			map[c] = (int)i;
	}
	for (c = 0; c <= COL_COMMUNITY; c++)
		if (map[c] == -1) {
			diag_add(d, _("%s: row 1: missing required column "
			    "'%s'"), path, roster_columns[c]);
			rc = -1;
		}
	return rc;
}

/*
 * Whether column col's value v would be taken for a formula (CSV
 * injection).  Names, communities and external ids never start with
 * = + - or @, so such a row is refused rather than stored and passed on; a
 * phone number may start with +, but holds nothing else than digits,
 * spaces and + - ( ).
 */
static int
roster_formula(int col, const char *v)
{
	if (col == COL_PHONE)
		return v[strspn(v, "0123456789 +-()")] != '\0';
	return text_formula_lead(v);
}

/* Check one data row; its cleaned fields go to out[COL_COUNT]. */
static int
roster_check_row(struct roster_row *r, const int map[COL_COUNT],
    size_t ncols, const char *path, const char **out, struct diag *d)
{
	size_t g;
	int c, rc = 0;

	if (r->n != ncols) {
		diag_add(d, ngettext("%s: row %ld: %zu field, the header has "
		    "%zu", "%s: row %ld: %zu fields, the header has %zu", r->n),
		    path, r->number, r->n, ncols);
		return -1;
	}
	if (r->nul) {
		diag_add(d, _("%s: row %ld: a field holds a NUL byte (save the "
		    "file as UTF-8 text)"), path, r->number);
		return -1;
	}
	for (c = 0; c < COL_COUNT; c++) {
		const char *v;

		out[c] = "";
		if (map[c] == -1)
			continue;
		v = r->fields[map[c]];
		if (!text_valid_utf8(v, strlen(v))) {
			diag_add(d, _("%s: row %ld: column %s is not valid "
			    "UTF-8 (save the file as UTF-8)"), path, r->number,
			    roster_columns[c]);
			rc = -1;
			continue;
		}
		if (strlen(v) > ROSTER_MAX_FIELD) {
			diag_add(d, _("%s: row %ld: column %s is longer than "
			    "%d bytes"), path, r->number, roster_columns[c],
			    ROSTER_MAX_FIELD);
			rc = -1;
			continue;
		}
		out[c] = roster_trim(r->fields[map[c]]);
		if (text_has_control(out[c])) {
			diag_add(d, _("%s: row %ld: column %s holds a control "
			    "character (a line break, tab or escape)"), path,
			    r->number, roster_columns[c]);
			rc = -1;
		} else if (roster_formula(c, out[c])) {
			if (c == COL_PHONE)
				diag_add(d, _("%s: row %ld: the phone number "
				    "may hold only digits, spaces and + - ( )"),
				    path, r->number);
			else
				diag_add(d, _("%s: row %ld: column %s starts "
				    "with '%c', which spreadsheets take for a "
				    "formula"), path, r->number,
				    roster_columns[c], text_formula_lead(out[c]));
			rc = -1;
		}
	}
	if (rc != 0)
		return rc;
	if (text_blank(out[COL_NAME])) {
		diag_add(d, _("%s: row %ld: the name is empty"), path,
		    r->number);
		rc = -1;
	}
	if (text_blank(out[COL_COMMUNITY])) {
		diag_add(d, _("%s: row %ld: the community is empty"), path,
		    r->number);
		rc = -1;
	}
	if (*out[COL_GROUP] == '\0')
		out[COL_GROUP] = "other";
	for (g = 0; g < sizeof roster_groups / sizeof roster_groups[0]; g++)
		if (strcmp(out[COL_GROUP], roster_groups[g]) == 0)
			break;
	if (g == sizeof roster_groups / sizeof roster_groups[0]) {
		diag_add(d, _("%s: row %ld: unknown group '%s' (use staff, "
		    "property, veteran, volunteer or other)"), path, r->number,
		    out[COL_GROUP]);
		rc = -1;
	}
	return rc;
}

void
roster_new_pin(char pin[7])
{
	snprintf(pin, 7, "%06u", (unsigned)rand_below(1000000));
}

static const char *const roster_out[] = { "ticket", "name", "community",
    "pin" };

static int roster_load(struct store *, const char *, const char *,
    const char *, size_t, struct table *, struct diag *, roster_hook,
    void *);

int
roster_import(struct store *s, const char *cohort, const char *path,
    struct table *t, struct diag *d)
{
	return roster_import_with(s, cohort, path, t, d, NULL, NULL);
}

int
roster_import_with(struct store *s, const char *cohort, const char *path,
    struct table *t, struct diag *d, roster_hook before_commit, void *arg)
{
	size_t len;
	char *buf;
	int rc;

	if ((buf = roster_read(path, &len, d)) == NULL) {
		table_init(t, 4, roster_out);
		return -1;
	}
	rc = roster_load(s, cohort, path, buf, len, t, d, before_commit, arg);
	free(buf);
	return rc;
}

int
roster_import_buffer(struct store *s, const char *cohort, const char *path,
    const char *buf, size_t len, struct table *t, struct diag *d)
{
	return roster_load(s, cohort, path, buf, len, t, d, NULL, NULL);
}

/* The id the next trainee would get. */
static sqlite3_int64
roster_next_id(struct store *s)
{
	sqlite3_stmt *st;
	sqlite3_int64 next;

	st = store_prepare(s, "SELECT coalesce(max(id), 0) + 1 FROM trainee");
	sqlite3_step(st);
	next = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return next;
}

/*
 * Rows already enrolled in cohort c (the same external id, or the same
 * name, community and phone): each named in d.  -1 when there is one.
 */
static int
roster_enrolled(struct store *s, const struct cohort *c,
    const struct roster_parse *p, const char *(*vals)[COL_COUNT],
    const char *path, struct diag *d)
{
	sqlite3_stmt *dup;
	size_t i, before = diag_count(d);

	dup = store_prepare(s, "SELECT ticket FROM trainee WHERE cohort_id = ?1"
	    " AND ((external_id <> '' AND external_id = ?2) OR (name = ?3"
	    " AND community = ?4 AND phone = ?5))");
	for (i = 1; i < p->n; i++) {
		sqlite3_bind_int64(dup, 1, c->id);
		sqlite3_bind_text(dup, 2, vals[i][COL_EXTERNAL], -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(dup, 3, vals[i][COL_NAME], -1, SQLITE_STATIC);
		sqlite3_bind_text(dup, 4, vals[i][COL_COMMUNITY], -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(dup, 5, vals[i][COL_PHONE], -1,
		    SQLITE_STATIC);
		if (sqlite3_step(dup) == SQLITE_ROW)
			diag_add(d, _("%s: row %ld: already enrolled in "
			    "cohort %s as ticket %s"), path, p->rows[i].number,
			    c->cohort, store_text(dup, 0));
		sqlite3_reset(dup);
	}
	sqlite3_finalize(dup);
	return diag_count(d) != before ? -1 : 0;
}

static int
roster_load(struct store *s, const char *cohort, const char *path,
    const char *buf, size_t len, struct table *t, struct diag *d,
    roster_hook before_commit, void *arg)
{
	const char *const *h = roster_out;
	struct roster_parse p;
	struct csv_parser csv;
	struct cohort c;
	const char *(*vals)[COL_COUNT] = NULL;
	sqlite3_stmt *st = NULL;
	sqlite3_int64 next;
	size_t i, j, off = 0, before = diag_count(d);
	char *cause = NULL, *hash, **hashes = NULL, ticket[32];
	char (*pins)[7] = NULL;
	const char **pinp = NULL;
	int map[COL_COUNT], rc = -1;

	table_init(t, 4, h);
	memset(&p, 0, sizeof p);
	if (cohort_find(s, cohort, &c, &cause) != 0) {
		diag_take(d, cause);
		return -1;
	}
	if (c.sealed) {
		diag_add(d, _("cohort %s is certified and sealed: its roster "
		    "cannot change"), cohort);
		cohort_release(&c);
		return -1;
	}
	if (len > ROSTER_MAX_BYTES) {
		diag_at(d, path, 0, _("not a regular file of at most %u "
		    "bytes"), ROSTER_MAX_BYTES);
		cohort_release(&c);
		return -1;
	}
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		off = 3;	/* a UTF-8 byte order mark */
	csv_init(&csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	if (csv_parse(&csv, buf + off, len - off, roster_field,
	    roster_end_row, &p) != len - off ||
	    csv_fini(&csv, roster_field, roster_end_row, &p) != 0) {
		diag_add(d, _("%s: row %ld: malformed CSV: %s"), path,
		    p.number + 1, csv_error(&csv) == CSV_EPARSE ?
		    _("a quote is not closed, or stands inside a field that "
		    "does not start with one") : csv_strerror(csv_error(&csv)));
		goto out;
	}
	if (p.n == 0) {
		diag_add(d, _("%s: the file is empty (it needs a header row "
		    "and one row per trainee)"), path);
		goto out;
	}
	if (p.n > ROSTER_MAX_ROWS + 1) {
		diag_add(d, _("%s: more than %d rows; split the roster"),
		    path, ROSTER_MAX_ROWS);
		goto out;
	}
	if (roster_header(&p.rows[0], map, path, d) != 0)
		goto out;
	if (p.n == 1) {
		diag_add(d, _("%s: no trainees below the header"), path);
		goto out;
	}

	vals = xcalloc(p.n, sizeof *vals);
	for (i = 1; i < p.n; i++) {
		if (roster_check_row(&p.rows[i], map, p.rows[0].n, path,
		    vals[i], d) != 0)
			continue;
		for (j = 1; j < i; j++) {
			if (vals[j][COL_NAME] == NULL ||
			    *vals[j][COL_NAME] == '\0')
				continue;
			if ((strcmp(vals[i][COL_NAME], vals[j][COL_NAME]) == 0 &&
			    strcmp(vals[i][COL_COMMUNITY],
			    vals[j][COL_COMMUNITY]) == 0 &&
			    strcmp(vals[i][COL_PHONE], vals[j][COL_PHONE]) == 0) ||
			    (*vals[i][COL_EXTERNAL] != '\0' &&
			    strcmp(vals[i][COL_EXTERNAL],
			    vals[j][COL_EXTERNAL]) == 0)) {
				diag_add(d, _("%s: row %ld: duplicate of row "
				    "%ld"), path, p.rows[i].number,
				    p.rows[j].number);
				break;
			}
		}
	}
	if (diag_count(d) != before)
		goto out;
	/* Refused rows are cheaper to find before hashing anything. */
	if (roster_enrolled(s, &c, &p, vals, path, d) != 0)
		goto out;

	/*
	 * What is slow happens before the write lock, so that trainees
	 * sitting meanwhile are not held up: the PINs' hashes (yescrypt,
	 * some 25 ms each) and what the caller makes of the new trainees
	 * (exam slips).  Tickets are numbered on from the largest id now;
	 * the transaction checks that nobody took them meanwhile.
	 */
	next = roster_next_id(s);
	hashes = xcalloc(p.n, sizeof *hashes);
	pins = xcalloc(p.n, sizeof *pins);
	pinp = xcalloc(p.n, sizeof *pinp);
	for (i = 1; i < p.n; i++) {
		roster_new_pin(pins[i]);
		pinp[i] = pins[i];
	}
	pinp[0] = "";
	if (p.n > 1 && auth_hash_many(pinp + 1, hashes + 1, p.n - 1) != 0) {
		for (i = 1; i < p.n && hashes[i] != NULL; i++)
			;
		diag_add(d, _("%s: row %ld: cannot hash the PIN"),
		    path, p.rows[i < p.n ? i : p.n - 1].number);
		goto out;
	}
	for (i = 1; i < p.n; i++) {
		const char *row[4];

		snprintf(ticket, sizeof ticket, "%08lld",
		    10000000LL + (long long)(next + (sqlite3_int64)i - 1));
		row[0] = ticket;
		row[1] = vals[i][COL_NAME];
		row[2] = vals[i][COL_COMMUNITY];
		row[3] = pins[i];
		table_add(t, row);
	}
	if (before_commit != NULL && before_commit(t, arg, &cause) != 0) {
		diag_take(d, cause);
		goto out;
	}

	if (store_begin(s, &cause) != 0) {
		diag_take(d, cause);
		goto out;
	}
	if (roster_enrolled(s, &c, &p, vals, path, d) != 0)
		goto rollback;
	if (roster_next_id(s) != next) {
		diag_add(d, _("%s: another roster was imported at the same "
		    "time; nobody from this one was enrolled: run it again"),
		    path);
		goto rollback;
	}
	st = store_prepare(s, "INSERT INTO trainee (id, cohort_id, ticket,"
	    " name, community, grp, phone, external_id, pin_hash) VALUES"
	    " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	for (i = 1; i < p.n; i++, next++) {
		sqlite3_bind_int64(st, 1, next);
		sqlite3_bind_int64(st, 2, c.id);
		sqlite3_bind_text(st, 3, table_cell(t, i, 0), -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 4, vals[i][COL_NAME], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, vals[i][COL_COMMUNITY], -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 6, vals[i][COL_GROUP], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, vals[i][COL_PHONE], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, vals[i][COL_EXTERNAL], -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 9, hashes[i], -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			diag_take(d, store_error(s, "cannot store trainee"));
			goto rollback;
		}
		sqlite3_reset(st);
	}
	cause = xasprintf("%zu trainees from %s", p.n - 1, path);
	if (event_add(s, "server", "roster import", c.id, 0, cause,
	    &hash) != 0) {
		diag_take(d, hash);
		free(cause);
		goto rollback;
	}
	free(cause);
	cause = NULL;
	if (store_commit(s, &cause) != 0) {
		diag_take(d, cause);
		goto rollback;
	}
	rc = 0;
	goto out;
rollback:
	store_rollback(s);
out:
	if (pins != NULL)
		explicit_bzero(pins, p.n * sizeof *pins);
	free(pins);
	free(pinp);
	for (i = 0; hashes != NULL && i < p.n; i++)
		free(hashes[i]);
	free(hashes);
	sqlite3_finalize(st);
	csv_free(&csv);
	free(vals);
	roster_parse_release(&p);
	cohort_release(&c);
	if (rc != 0) {
		table_release(t);
		table_init(t, 4, h);
	}
	return rc;
}
