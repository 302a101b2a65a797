/*
 * firstline user add: create an instructor or organizer account.
 */
#include "config.h"

#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "core/auth.h"
#include "core/store.h"

static int
cmd_user_add_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "password-file", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *file = NULL, *rolename = NULL;
	struct store *s;
	enum role role;
	char *pw, *again = NULL, *cause = NULL;
	int ch, rc = -1;

	while ((ch = getopt_long(argc, argv, "r:p:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r': rolename = optarg; break;
		case 'p': file = optarg; break;
		case 'h': cli_usage(e, stdout); return EXIT_OK;
		default: cli_usage(e, stderr); return EXIT_USAGE;
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error(e, _("give the user's NAME"));
	if (rolename == NULL || role_parse(rolename, &role) != 0)
		return cli_usage_error(e, _("--role must be instructor or "
		    "organizer"));
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	pw = cli_password(file, _("new password: "), &cause);
	if (pw != NULL && file == NULL) {
		again = cli_password(NULL, _("the same password again: "),
		    &cause);
		if (again != NULL && strcmp(pw, again) != 0) {
			cause = xasprintf(_("the passwords differ"));
			explicit_bzero(pw, strlen(pw));
			free(pw);
			pw = NULL;
		}
	}
	if (pw != NULL) {
		rc = user_add(s, argv[optind], role, pw, &cause);
		explicit_bzero(pw, strlen(pw));
	}
	if (rc == 0)
		printf(_("%s: %s added\n"), argv[optind], role_name(role));
	else {
		cli_error("%s", cause);
		free(cause);
	}
	free(pw);
	free(again);
	store_free(&s);
	return rc == 0 ? EXIT_OK : EXIT_REFUSED;
}

const struct cmd_entry cmd_user_add_entry = {
	"user", "add", "NAME --role instructor|organizer [--password-file F]",
	N_("add an instructor or organizer account"),
	cmd_user_add_exec
};
