/*
 * firstline user add / user passwd / user list: the instructor and
 * organizer accounts, managed by the server account (whoever may open the
 * database), like init and roster import.
 */
#include "config.h"

#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "core/auth.h"
#include "core/store.h"

/*
 * A new password from the first line of file, or typed twice on the
 * terminal.  The password to free (after explicit_bzero), or NULL and
 * *cause.
 */
static char *
user_new_password(const char *file, char **cause)
{
	char *pw, *again;
	int same;

	if ((pw = cli_password(file, _("new password: "), cause)) == NULL ||
	    file != NULL)
		return pw;
	/* The rule first, before the password is typed a second time. */
	if (auth_password_rule(pw, cause) != 0) {
		explicit_bzero(pw, strlen(pw));
		free(pw);
		return NULL;
	}
	if ((again = cli_password(NULL, _("the same password again: "),
	    cause)) == NULL)
		same = 0;
	else if (!(same = strcmp(pw, again) == 0))
		*cause = xasprintf(_("the passwords differ"));
	if (again != NULL) {
		explicit_bzero(again, strlen(again));
		free(again);
	}
	if (!same) {
		explicit_bzero(pw, strlen(pw));
		free(pw);
		return NULL;
	}
	return pw;
}

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
	char *pw, *cause = NULL;
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
	if ((pw = user_new_password(file, &cause)) != NULL) {
		rc = user_add(s, argv[optind], role, pw, &cause);
		explicit_bzero(pw, strlen(pw));
		free(pw);
	}
	if (rc == 0)
		printf(_("%s: %s added\n"), argv[optind], role_label(role));
	else {
		cli_error("%s", cause);
		free(cause);
	}
	store_free(&s);
	return rc == 0 ? EXIT_OK : EXIT_REFUSED;
}

static int
cmd_user_passwd_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "password-file", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *file = NULL;
	struct store *s;
	char *pw, *cause = NULL;
	int ch, rc = -1;

	while ((ch = getopt_long(argc, argv, "p:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'p': file = optarg; break;
		case 'h': cli_usage(e, stdout); return EXIT_OK;
		default: cli_usage(e, stderr); return EXIT_USAGE;
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error(e, _("give the user's NAME"));
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	if ((pw = user_new_password(file, &cause)) != NULL) {
		rc = user_set_password(s, argv[optind], pw, &cause);
		explicit_bzero(pw, strlen(pw));
		free(pw);
	}
	if (rc == 0)
		printf(_("%s: new password set; failed logins cleared\n"),
		    argv[optind]);
	else {
		cli_error("%s", cause);
		free(cause);
	}
	store_free(&s);
	return rc == 0 ? EXIT_OK : EXIT_REFUSED;
}

static int
cmd_user_list_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	return cmd_list(c, e, argc, argv, user_list);
}

const struct cmd_entry cmd_user_add_entry = {
	"user", "add", "NAME --role instructor|organizer [--password-file F]",
	N_("add an instructor or organizer account"),
	cmd_user_add_exec
};

const struct cmd_entry cmd_user_passwd_entry = {
	"user", "passwd", "NAME [--password-file F]",
	N_("give an account a new password (a forgotten one); clears its "
	    "failed logins"),
	cmd_user_passwd_exec
};

const struct cmd_entry cmd_user_list_entry = {
	"user", "list", "[--format text|csv]",
	N_("list the instructor and organizer accounts"),
	cmd_user_list_exec
};
