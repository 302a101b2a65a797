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
	return cli_run_client(c, e, argc, argv, score_client_run);
}

const struct cmd_entry cmd_score_client_entry = {
	NULL, "score", "",
	N_("the instructor client: enter practical and simulation scores "
	    "rubric by rubric"),
	cmd_score_client_exec
};
