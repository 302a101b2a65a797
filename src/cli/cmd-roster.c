/*
 * firstline roster import: enrol a cohort's trainees from CSV; prints their
 * tickets and one-time PINs as CSV.
 */
#include "config.h"

#include "cli.h"

#include "core/cohort.h"
#include "core/store.h"

static int
cmd_roster_import_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	struct store *s;
	struct table t;
	struct diag d;
	int rc;

	if ((rc = cli_options(e, argc, argv, 0, NULL, NULL)) != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind + 2 != argc)
		return cli_usage_error(e, _("give the COHORT and the CSV "
		    "FILE"));
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	diag_init(&d);
	rc = roster_import(s, argv[optind], argv[optind + 1], &t, &d);
	if (rc == 0)
		output_table(&t, FORMAT_CSV, stdout);
	else {
		cli_print_diag(&d);
		fprintf(stderr, _("firstline: nobody was enrolled\n"));
	}
	table_release(&t);
	diag_release(&d);
	store_free(&s);
	return rc == 0 ? EXIT_OK : EXIT_REFUSED;
}

const struct cmd_entry cmd_roster_import_entry = {
	"roster", "import", "COHORT FILE.csv",
	N_("enrol trainees from CSV (all rows or none); prints tickets and "
	    "PINs"),
	cmd_roster_import_exec
};
