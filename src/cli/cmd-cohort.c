/*
 * firstline cohort: create a cohort for an exam, list the cohorts.
 */
#include "config.h"

#include "cli.h"

#include <stdlib.h>

#include "core/cohort.h"
#include "core/store.h"

static int
cmd_cohort_create_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "exam", required_argument, NULL, 'e' },
		{ "id", required_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *exam = NULL, *id = NULL;
	struct store *s;
	char *out, *cause;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, "e:i:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'e': exam = optarg; break;
		case 'i': id = optarg; break;
		case 'h': cli_usage(e, stdout); return EXIT_OK;
		default: cli_usage(e, stderr); return EXIT_USAGE;
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error(e, _("give the cohort's NAME"));
	if (exam == NULL)
		return cli_usage_error(e, _("--exam is required"));
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	rc = cohort_create(s, argv[optind], exam, id, &out, &cause);
	if (rc == 0) {
		printf("%s\n", out);
		free(out);
	} else {
		cli_error("%s", cause);
		free(cause);
	}
	store_free(&s);
	return rc == 0 ? EXIT_OK : EXIT_REFUSED;
}

static int
cmd_cohort_list_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	return cmd_list(c, e, argc, argv, cohort_list);
}

const struct cmd_entry cmd_cohort_create_entry = {
	"cohort", "create", "NAME --exam EXAM [--id ID]",
	N_("create a cohort for an exam; prints the cohort id"),
	cmd_cohort_create_exec
};

const struct cmd_entry cmd_cohort_list_entry = {
	"cohort", "list", "[--format text|csv]",
	N_("list the cohorts"),
	cmd_cohort_list_exec
};
