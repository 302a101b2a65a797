/*
 * firstline report papers: how fair and how exposed an exam's papers are
 * (the spread of their mean difficulty, the share of papers on which the
 * most-drawn question appears).
 */
#include "config.h"

#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "core/papers.h"
#include "core/store.h"

static int
cmd_report_papers_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "cohort", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	enum format f = FORMAT_TEXT;
	const char *cohort = NULL;
	struct store *s;
	struct table t;
	char *cause = NULL;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, "c:f:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c': cohort = optarg; break;
		case 'f':
			if (cli_format(e, optarg, 1u << FORMAT_TEXT |
			    1u << FORMAT_CSV, &f) != 0)
				return EXIT_USAGE;
			break;
		case 'h': cli_usage(e, stdout); return EXIT_OK;
		default: cli_usage(e, stderr); return EXIT_USAGE;
		}
	}
	if (optind != argc)
		return cli_usage_error(e, _("unexpected argument '%s'"),
		    argv[optind]);
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	rc = papers_report(s, cohort, &t, &cause);
	store_free(&s);
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	output_table(&t, f, stdout);
	table_release(&t);
	return EXIT_OK;
}

const struct cmd_entry cmd_report_papers_entry = {
	"report", "papers", "[--cohort COHORT] [--format text|csv]",
	N_("the spread of paper difficulty and the exposure of questions"),
	cmd_report_papers_exec
};
