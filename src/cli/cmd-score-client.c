/*
 * firstline score (alone): the instructor client.  Opens the database,
 * then hands the terminal to the client in src/tui (score-client.h); what
 * goes wrong before or after curses is printed here.  "score set" and
 * "score history" stay commands of the score group (cmd-score.c).
 */
#include "config.h"

#include "cli.h"

#include <stdlib.h>

#include "core/store.h"
#include "tui/score-client.h"

static int
cmd_score_client_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	struct store *s;
	char *cause = NULL;
	int rc;

	if ((rc = cli_options(e, argc, argv, 0, NULL, NULL)) != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind != argc)
		return cli_usage_error(e, _("the client takes no arguments; "
		    "see 'firstline score --help'"));
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	rc = score_client_run(s, &cause);
	store_free(&s);
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	return EXIT_OK;
}

const struct cmd_entry cmd_score_client_entry = {
	NULL, "score", "",
	N_("the instructor client: enter practical and simulation scores "
	    "rubric by rubric"),
	cmd_score_client_exec
};
