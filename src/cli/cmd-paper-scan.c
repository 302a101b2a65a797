/*
 * firstline paper scan COHORT FILE...: read scanned answer sheets (PDF,
 * PNG, JPEG, TIFF), store the sure ones, queue the doubtful ones for
 * review, refuse and name what is not a sheet of this cohort.
 *
 * The image libraries (Leptonica, ZBar, poppler) are linked only into
 * firstline-scan, a small program of its own (src/cli/scan-main.c);
 * firstline execs it for this command, as it does firstline-pdf for PDFs,
 * so the trainee's client stays free of them.  One line per page on
 * standard output (refusals on standard error, naming file and page), a
 * summary, exit 1 when a page was refused.
 */
#include "config.h"

#include "cli.h"

#include <stdlib.h>
#include <string.h>

#ifdef FIRSTLINE_SCAN_HELPER
#include "core/auth.h"
#include "core/store.h"
#include "scan/scan-run.h"
#include "scan/scan.h"

/* "FILE" or "FILE page N" for people. */
static char *
scan_where(const struct scan_result *r)
{
	if (r->page <= 0)
		return xstrdup(r->source);
	return xasprintf(_("%s page %d"), r->source, r->page);
}

static void
scan_report(void *arg, const struct scan_result *r)
{
	char *where = scan_where(r), *who;

	(void)arg;
	/* TRANSLATORS: a ticket and a name before a sheet's outcome. */
	who = r->ticket != NULL ? xasprintf(_("%s %s: "), r->ticket,
	    r->name) : xstrdup("");
	switch (r->outcome) {
	case SCAN_STORED:
	case SCAN_SAME:
	case SCAN_WAITING:
		printf(_("%s: %s%s\n"), where, who, r->message);
		break;
	case SCAN_REVIEW:
		printf(_("%s: %sto review (entry %lld): %s\n"), where, who,
		    (long long)r->review_id, r->message);
		if (r->image != NULL && *r->image != '\0')
			printf(_("    picture: %s\n"), r->image);
		break;
	case SCAN_REFUSED:
		fflush(stdout);
		if (*r->source == '\0')
			cli_error(_("%srefused: %s"), who, r->message);
		else
			cli_error(_("%s: %srefused: %s"), where, who,
			    r->message);
		break;
	}
	free(who);
	free(where);
}

static int
cmd_paper_scan_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "review-dir", required_argument, NULL, 'r' },
		{ "by", required_argument, NULL, 'b' },
		{ "password-file", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct scan_run_opts o;
	struct scan_run *run;
	struct store *s;
	struct user u;
	const char *by = NULL, *pwfile = NULL;
	char *cause = NULL;
	int ch, i, counts[SCAN_WAITING + 1], logged = 0;

	memset(&o, 0, sizeof o);
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r':
			o.review_dir = optarg;
			break;
		case 'b':
			by = optarg;
			break;
		case 'p':
			pwfile = optarg;
			break;
		case 'h':
			cli_usage(e, stdout);
			printf(_("\nRead scanned answer sheets (PDF, PNG, JPEG "
			    "or TIFF; 150-600 dpi; any order, either way up): "
			    "a sure sheet is stored and graded, a doubtful "
			    "one goes to review (firstline paper review) with "
			    "a picture kept in DIR (default: beside the "
			    "database, DB-review/).\n"));
			return EXIT_OK;
		default:
			cli_usage(e, stderr);
			return EXIT_USAGE;
		}
	}
	if (argc - optind < 2)
		return cli_usage_error(e, _("give the COHORT and at least one "
		    "FILE"));
	if (pwfile != NULL && by == NULL)
		return cli_usage_error(e, _("--password-file needs --by"));
	scan_init();
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	if (by != NULL) {
		if (cli_login(s, by, pwfile, ROLE_INSTRUCTOR, &u) != 0) {
			store_free(&s);
			return EXIT_REFUSED;
		}
		logged = 1;
	}
	o.cohort = argv[optind];
	o.actor = logged ? u.name : "server";
	o.report = scan_report;
	if (scan_run_new(s, &o, &run, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		if (logged)
			user_release(&u);
		store_free(&s);
		return EXIT_REFUSED;
	}
	for (i = optind + 1; i < argc; i++)
		scan_run_file(run, argv[i]);
	scan_run_finish(run, counts);
	scan_run_free(&run);
	printf(_("%d stored, %d already stored, %d to review, %d refused\n"),
	    counts[SCAN_STORED], counts[SCAN_SAME], counts[SCAN_REVIEW],
	    counts[SCAN_REFUSED]);
	if (logged)
		user_release(&u);
	store_free(&s);
	return counts[SCAN_REFUSED] > 0 ? EXIT_REFUSED : EXIT_OK;
}
#else
static int
cmd_paper_scan_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	(void)e;
	return cli_helper_exec(c, "firstline-scan", "paper", argc, argv);
}
#endif

const struct cmd_entry cmd_paper_scan_entry = {
	"paper", "scan",
	"COHORT FILE... [--review-dir DIR] [--by USER [--password-file F]]",
	N_("read scanned answer sheets: store the sure, queue the doubtful"),
	cmd_paper_scan_exec
};
