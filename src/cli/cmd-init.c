/*
 * firstline init: create the database, or bring an older one up to date.
 */
#include "config.h"

#include "cli.h"

#include <stdlib.h>

#include "core/store.h"

static int
cmd_init_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	struct store *s;
	char *cause;
	int rc;

	if ((rc = cli_options(e, argc, argv, 0, NULL, NULL)) != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind != argc)
		return cli_usage_error(e, _("init takes no arguments"));
	if (store_open(c->db, STORE_CREATE, &s, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	printf(_("%s: database ready (schema version %d)\n"), c->db,
	    store_user_version(s));
	store_free(&s);
	return EXIT_OK;
}

const struct cmd_entry cmd_init_entry = {
	NULL, "init", "",
	N_("create the database, or upgrade an older one"),
	cmd_init_exec
};
