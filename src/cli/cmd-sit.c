/*
 * firstline sit: the trainee client.  Opens the database, then hands the
 * terminal to the client in src/tui (sit.h); what goes wrong before or
 * after curses is printed here.
 */
#include "config.h"

#include "cli.h"

#include <stdlib.h>

#include "core/store.h"
#include "tui/sit.h"

static int
cmd_sit_exec(struct cli *c, const struct cmd_entry *e, int argc, char **argv)
{
	struct store *s;
	char *cause = NULL;
	int rc;

	if ((rc = cli_options(e, argc, argv, 0, NULL, NULL)) != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind != argc)
		return cli_usage_error(e, _("sit takes no arguments"));
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	rc = sit_run(s, &cause);
	store_free(&s);
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	return EXIT_OK;
}

const struct cmd_entry cmd_sit_entry = {
	NULL, "sit", "",
	N_("the trainee client: log in with ticket and PIN, sit the written "
	    "test"),
	cmd_sit_exec
};
