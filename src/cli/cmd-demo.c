/*
 * firstline demo: build a demo database from the shipped course (a demo
 * cohort on the standard exam and three demo trainees), show their tickets
 * and PINs, and open the trainee client.
 */
#include "config.h"

#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/demo.h"
#include "core/store.h"
#include "tui/sit.h"

/* Whether path holds a database with nothing but the demo cohort. */
static int
demo_is_demo(const char *path)
{
	struct store *s;
	sqlite3_stmt *st;
	char *cause = NULL;
	int demo = 0;

	if (store_open(path, STORE_OPEN, &s, &cause) != 0) {
		free(cause);
		return 0;
	}
	st = store_prepare(s, "SELECT count(*) = 1 AND max(cohort) = '"
	    DEMO_COHORT "' FROM cohort");
	if (sqlite3_step(st) == SQLITE_ROW)
		demo = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	store_free(&s);
	return demo;
}

static void
demo_remove(const char *path)
{
	const char *suffix[] = { "", "-wal", "-shm" };
	char *p;
	size_t i;

	for (i = 0; i < 3; i++) {
		p = xasprintf("%s%s", path, suffix[i]);
		unlink(p);
		free(p);
	}
}

static int
cmd_demo_exec(struct cli *c, const struct cmd_entry *e, int argc, char **argv)
{
	struct store *s;
	struct table t;
	struct diag d;
	const char *path = c->db_given ? c->db : "firstline-demo.db";
	char *cause = NULL, line[8];
	int rc;

	if ((rc = cli_options(e, argc, argv, 0, NULL, NULL)) != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind != argc)
		return cli_usage_error(e, _("demo takes no arguments"));
	if (access(path, F_OK) == 0) {
		if (!demo_is_demo(path))
			return cli_error(_("%s exists and is not a demo "
			    "database; name another with --db"), path);
		demo_remove(path);
	}
	if (store_open(path, STORE_CREATE, &s, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	diag_init(&d);
	if (demo_build(s, &t, &d) != 0) {
		cli_print_diag(&d);
		diag_release(&d);
		table_release(&t);
		store_free(&s);
		return EXIT_REFUSED;
	}
	diag_release(&d);
	printf(_("Demo database: %s\nCohort %s, the standard exam: 50 "
	    "questions, 60 minutes.\n\n"), path, DEMO_COHORT);
	output_table(&t, FORMAT_TEXT, stdout);
	printf(_("\nLog in with one of these tickets and its PIN.  The same "
	    "client runs with:\n  firstline --db %s sit\n"), path);
	table_release(&t);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		store_free(&s);
		return EXIT_OK;
	}
	printf(_("\nPress Enter to open the trainee client... "));
	fflush(stdout);
	if (fgets(line, sizeof line, stdin) == NULL) {
		store_free(&s);
		return EXIT_OK;
	}
	rc = sit_run(s, &cause);
	store_free(&s);
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	return EXIT_OK;
}

const struct cmd_entry cmd_demo_entry = {
	NULL, "demo", "",
	N_("build a demo database and open the trainee client"),
	cmd_demo_exec
};
