/*
 * firstline paper enter COHORT TICKET --by USER: key in a trainee's paper
 * answer sheet, one person's entry of a double entry (keyin.h), in the
 * form on the terminal or from --answers / --answers-file for scripts.
 * Instructors and organizers (the staff at the sitting) may key; the
 * second person's agreeing entry grades the sitting.
 */
#include "config.h"

#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "core/keyin.h"
#include "core/store.h"
#include "keyin-cli.h"

static int
cmd_paper_enter_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "password-file", required_argument, NULL, 'p' },
		{ "answers", required_argument, NULL, 'a' },
		{ "answers-file", required_argument, NULL, 'A' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *by = NULL, *file = NULL, *answers = NULL, *afile = NULL;
	struct keyin_sheet k;
	struct store *s;
	struct user u;
	char *cause = NULL, *text = NULL;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, "b:p:a:A:h", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'b': by = optarg; break;
		case 'p': file = optarg; break;
		case 'a': answers = optarg; break;
		case 'A': afile = optarg; break;
		case 'h': cli_usage(e, stdout); return EXIT_OK;
		default: cli_usage(e, stderr); return EXIT_USAGE;
		}
	}
	if (argc - optind != 2)
		return cli_usage_error(e, _("give the COHORT and the TICKET"));
	if (by == NULL)
		return cli_usage_error(e, _("--by USER is required"));
	if (answers != NULL && afile != NULL)
		return cli_usage_error(e, _("give --answers or --answers-file, "
		    "not both"));
	if (afile != NULL && (answers = text = cli_keyin_read(afile)) == NULL)
		return EXIT_REFUSED;
	if ((s = cli_open(c)) == NULL) {
		free(text);
		return EXIT_REFUSED;
	}
	rc = EXIT_REFUSED;
	if (cli_login(s, by, file, ROLE_INSTRUCTOR, &u) == 0) {
		if (keyin_sheet_open(s, argv[optind], argv[optind + 1], &k,
		    &cause) != 0) {
			cli_error("%s", cause);
			free(cause);
		} else {
			rc = cli_keyin(s, &u, &k, answers, NULL);
			keyin_sheet_release(&k);
		}
		user_release(&u);
	}
	store_free(&s);
	free(text);
	return rc;
}

const struct cmd_entry cmd_paper_enter_entry = {
	"paper", "enter",
	"COHORT TICKET --by USER [--answers A,BD,T,3142,... | "
	"--answers-file FILE] [--password-file FILE]",
	N_("key in a paper answer sheet (double entry: graded when two "
	    "people's entries agree)"),
	cmd_paper_enter_exec
};
