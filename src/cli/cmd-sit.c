/*
 * firstline sit: the trainee client.  Hands the terminal to the client in
 * src/tui (sit.h), which opens the database once its first screen is up;
 * what goes wrong before or after curses is printed here.
 */
#include "config.h"

#include "cli.h"

#include <stdlib.h>

#include "core/store.h"
#include "tui/sit.h"

static int
cmd_sit_exec(struct cli *c, const struct cmd_entry *e, int argc, char **argv)
{
	return cli_run_client_path(c, e, argc, argv, sit_run_path);
}

const struct cmd_entry cmd_sit_entry = {
	NULL, "sit", "",
	N_("the trainee client: log in with ticket and PIN, sit the written "
	    "test"),
	cmd_sit_exec
};
