/*
 * A test helper for tests/cli/paper-print.sh: check a sheet code read from
 * a printed page (by zbarimg) against the database, through the core's
 * own parser and verifier (sheet.h).
 *
 *   sheet-code DB COHORT CODE
 *
 * Prints "attempt N trainee T part P page K" and exits 0 when the code is
 * genuine, else the refusal on stderr and exits 1.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "core/sheet.h"
#include "core/store.h"

int
main(int argc, char **argv)
{
	struct store *s = NULL;
	struct sheet_code c;
	sqlite3_int64 tid = 0;
	char *cause = NULL;
	int rc = 1;

	if (argc != 4) {
		fprintf(stderr, "usage: sheet-code DB COHORT CODE\n");
		return 2;
	}
	if (store_open(argv[1], STORE_OPEN, &s, &cause) != 0 ||
	    sheet_code_parse(argv[3], strlen(argv[3]), &c, &cause) != 0 ||
	    sheet_code_verify(s, &c, argv[2], &tid, &cause) != 0)
		fprintf(stderr, "%s\n", cause);
	else {
		printf("attempt %lld trainee %lld part %s page %d\n",
		    (long long)c.attempt, (long long)tid,
		    c.part == SHEET_PART_BOOKLET ? "booklet" : "answers",
		    c.page);
		rc = 0;
	}
	free(cause);
	store_free(&s);
	return rc;
}
