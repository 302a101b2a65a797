/*
 * firstline report city: every cohort's summary row (the columns of
 * 'report cohort --summary') and, in text, how many communities are below
 * the coverage line.  The whole city in one pass (results_city).
 */
#include "config.h"

#include "cli.h"

#include <stdlib.h>

#include "core/results.h"
#include "core/store.h"

static int
cmd_report_city_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	const char *out = NULL;
	struct store *s;
	struct table t;
	enum format f;
	FILE *fp;
	char *cause = NULL;
	long below = 0, communities = 0;
	int rc;

	rc = cli_options(e, argc, argv, 1u << FORMAT_TEXT | 1u << FORMAT_CSV,
	    &f, &out);
	if (rc != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind != argc)
		return cli_usage_error(e, _("unexpected argument '%s'"),
		    argv[optind]);
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	/* The coverage line is for text only; CSV has no room for it. */
	if (f == FORMAT_TEXT)
		rc = results_city(s, &t, &below, &communities, &cause);
	else
		rc = results_city(s, &t, NULL, NULL, &cause);
	store_free(&s);
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	if ((fp = cli_out_open(out)) == NULL) {
		table_release(&t);
		return EXIT_REFUSED;
	}
	output_table(&t, f, fp);
	if (f == FORMAT_TEXT)
		fprintf(fp, ngettext("\n%ld of %ld community has fewer than "
		    "%d certified responders (see 'firstline report "
		    "coverage')\n", "\n%ld of %ld communities have fewer "
		    "than %d certified responders (see 'firstline report "
		    "coverage')\n",
		    (unsigned long)communities),
		    below, communities, COVERAGE_MINIMUM);
	rc = cli_out_close(fp, out);
	table_release(&t);
	return rc;
}

const struct cmd_entry cmd_report_city_entry = {
	"report", "city", "[--format text|csv] [-o FILE]",
	N_("every cohort's rates and verdict, and the coverage, at once"),
	cmd_report_city_exec
};
