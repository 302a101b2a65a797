/*
 * firstline backup: a consistent copy of the live database (SQLite's online
 * backup API), safe while trainees are sitting.
 */
#include "config.h"

#include "cli.h"

#include <stdlib.h>

#include "core/store.h"

static int
cmd_backup_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	struct store *s;
	char *cause = NULL;
	int rc;

	if ((rc = cli_options(e, argc, argv, 0, NULL, NULL)) != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind + 1 != argc)
		return cli_usage_error(e, _("give the backup FILE"));
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	rc = store_backup(s, argv[optind], &cause);
	store_free(&s);
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	printf(_("%s: backup written\n"), argv[optind]);
	return EXIT_OK;
}

const struct cmd_entry cmd_backup_entry = {
	NULL, "backup", "FILE",
	N_("copy the live database to a new file (online backup)"),
	cmd_backup_exec
};
