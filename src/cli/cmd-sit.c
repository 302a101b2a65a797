/*
 * firstline sit: the trainee client.  Hands the terminal to the client in
 * src/tui (sit.h), which opens the database once its first screen is up;
 * what goes wrong before or after curses is printed here.
 */
#include "config.h"

#include "cli.h"

#include <sys/stat.h>

#include <stdlib.h>

#include "core/store.h"
#include "tui/sit.h"

static int
cmd_sit_exec(struct cli *c, const struct cmd_entry *e, int argc, char **argv)
{
	struct store *s;
	struct stat sb;
	char *cause = NULL;
	int rc;

	if ((rc = cli_options(e, argc, argv, 0, NULL, NULL)) != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind != argc)
		return cli_usage_error(e, _("the client takes no arguments"));
	/*
	 * A missing database is said before the screen starts; opening it
	 * waits until the client's first screen is drawn (sit_run_path).
	 */
	if (stat(c->db, &sb) != 0) {
		if ((s = cli_open(c)) == NULL)
			return EXIT_REFUSED;
		store_free(&s);
	}
	if (sit_run_path(c->db, &cause) != 0) {
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
