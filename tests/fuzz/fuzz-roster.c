/*
 * libFuzzer target: bytes as a roster CSV, imported into cohort c1 of a
 * database in memory (the mini course).  The import is all or nothing:
 * after a refusal no trainee and no audit event exists and at least one
 * message names what failed; after success there is one trainee per output
 * row, every name and community is valid UTF-8 without control characters
 * and does not start like a spreadsheet formula.  The trainees are removed
 * again after each input, so every input meets the same database.
 *
 * PIN hashing is replaced (-Wl,--wrap=auth_hash): yescrypt takes tens of
 * milliseconds per trainee and is not what is being fuzzed.
 */
#include "config.h"

#include "fuzz.h"

#include <string.h>

#include "core/cohort.h"
#include "core/table.h"
#include "core/text.h"

char *__wrap_auth_hash(const char *secret);
char *
__wrap_auth_hash(const char *secret)
{
	return xasprintf("$fuzz$%zu", strlen(secret));
}

static struct store *fuzz_db;

static long
fuzz_count(const char *sql)
{
	sqlite3_stmt *st = store_prepare(fuzz_db, sql);
	long n = -1;

	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *cause = NULL, *id = NULL;

	fuzz_env();
	xmlsafe_init();
	fuzz_db = fuzz_store();
	if (cohort_create(fuzz_db, "fuzz", "mini-exam", "c1", &id,
	    &cause) != 0)
		fuzz_fail("cohort_create", cause);
	free(id);
	/* This harness's own database: let it forget each input's events. */
	if (store_exec(fuzz_db, "DROP TRIGGER event_append_only_d",
	    &cause) != 0)
		fuzz_fail("drop trigger", cause);
	return 0;
}

/* Whether a cell of the output is safe to show and to open. */
static int
fuzz_cell_ok(const char *v)
{
	size_t i;

	if (!text_valid_utf8(v, strlen(v)) || *v == '=' || *v == '+' ||
	    *v == '-' || *v == '@' || *v == '\0')
		return 0;
	for (i = 0; v[i] != '\0'; i++)
		if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
			return 0;
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct table t;
	struct diag d;
	char *cause = NULL;
	long events;
	size_t r;
	int rc;

	events = fuzz_count("SELECT count(*) FROM event");
	diag_init(&d);
	rc = roster_import_buffer(fuzz_db, "c1", "fuzz.csv",
	    (const char *)data, size, &t, &d);
	if (rc != 0) {
		if (diag_count(&d) == 0 || t.nrows != 1 ||
		    fuzz_count("SELECT count(*) FROM trainee") != 0 ||
		    fuzz_count("SELECT count(*) FROM event") != events)
			fuzz_fail("roster_import_buffer", "refused, but not "
			    "cleanly (no message, or rows kept)");
	} else {
		if (fuzz_count("SELECT count(*) FROM trainee") !=
		    (long)t.nrows - 1 || t.nrows < 2)
			fuzz_fail("roster_import_buffer", "trainees and "
			    "output rows differ");
		for (r = 1; r < t.nrows; r++)
			if (!fuzz_cell_ok(table_cell(&t, r, 1)) ||
			    !fuzz_cell_ok(table_cell(&t, r, 2)) ||
			    strlen(table_cell(&t, r, 3)) != 6)
				fuzz_fail("roster_import_buffer", "unsafe "
				    "name or community accepted");
	}
	table_release(&t);
	diag_release(&d);
	if (store_exec(fuzz_db, "DELETE FROM trainee; DELETE FROM event;",
	    &cause) != 0)
		fuzz_fail("reset", cause);
	return 0;
}
