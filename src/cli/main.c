/*
 * firstline: the entry point.  Global options (--db, --version, --help),
 * then the subcommand looked up in the command table.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "core/store.h"
#include "core/xmlsafe.h"

static const struct cmd_entry *const cmd_table[] = {
	&cmd_init_entry,
	&cmd_backup_entry,
	&cmd_audit_verify_entry,
	&cmd_certificate_verify_entry,
	&cmd_bank_check_entry,
	&cmd_bank_load_entry,
	&cmd_bank_list_entry,
	&cmd_bank_import_moodle_entry,
	&cmd_bank_export_moodle_entry,
	&cmd_rubric_list_entry,
	&cmd_rubric_show_entry,
	&cmd_exam_list_entry,
	&cmd_exam_show_entry,
	&cmd_cohort_create_entry,
	&cmd_cohort_list_entry,
	&cmd_cohort_withdraw_entry,
	&cmd_cohort_certify_entry,
	&cmd_roster_import_entry,
	&cmd_roster_reset_pin_entry,
	&cmd_user_add_entry,
	&cmd_user_passwd_entry,
	&cmd_user_list_entry,
	&cmd_attempts_entry,
	&cmd_attempt_extend_entry,
	&cmd_attempt_retake_entry,
	&cmd_attempt_unlock_entry,
	&cmd_score_set_entry,
	&cmd_score_history_entry,
	&cmd_score_client_entry,
	&cmd_paper_enter_entry,
	&cmd_paper_review_entry,
	&cmd_report_cohort_entry,
	&cmd_report_coverage_entry,
	&cmd_report_city_entry,
	&cmd_report_certificates_entry,
	&cmd_report_items_entry,
	&cmd_report_papers_entry,
	&cmd_paper_print_entry,
	&cmd_paper_scan_entry,
	&cmd_sit_entry,
	&cmd_serve_entry,
	&cmd_demo_entry,
};
#define CMD_COUNT (sizeof cmd_table / sizeof cmd_table[0])


static void
main_help(FILE *fp, const char *group)
{
	size_t i;

	if (group == NULL) {
		fprintf(fp, _("usage: firstline [--db PATH] COMMAND [ARGS]\n"
		    "\n"
		    "Training and certification exam engine for community "
		    "first responders.\n"
		    "The database is PATH, else $FIRSTLINE_DB, else %s%s.\n"
		    "\n"
		    "Commands:\n"), strchr(FL_DEFAULT_DB, '/') == NULL ?
		    "./" : "", FL_DEFAULT_DB);
	} else
		fprintf(fp, _("usage: firstline %s COMMAND [ARGS]\n\n"
		    "Commands:\n"), group);
	for (i = 0; i < CMD_COUNT; i++) {
		const struct cmd_entry *e = cmd_table[i];
		char *usage;

		/* A group's help also shows a command of the group's name. */
		if (group != NULL && strcmp(e->group != NULL ? e->group :
		    e->name, group) != 0)
			continue;
		usage = e->group ? xasprintf("%s %s %s", e->group, e->name,
		    e->args) : xasprintf("%s %s", e->name, e->args);
		while (*usage != '\0' && usage[strlen(usage) - 1] == ' ')
			usage[strlen(usage) - 1] = '\0';	/* no ARGS */
		if (strlen(usage) > 34)
			fprintf(fp, "  %s\n  %-34s %s\n", usage, "",
			    _(e->summary));
		else
			fprintf(fp, "  %-34s %s\n", usage, _(e->summary));
		free(usage);
	}
	fprintf(fp, _("\nRun 'firstline COMMAND --help' for a command's "
	    "options; see firstline(1).\n"));
}

static int
main_is_group(const char *name)
{
	size_t i;

	for (i = 0; i < CMD_COUNT; i++)
		if (cmd_table[i]->group != NULL &&
		    strcmp(cmd_table[i]->group, name) == 0)
			return 1;
	return 0;
}

static const struct cmd_entry *
main_find(const char *group, const char *name)
{
	size_t i;

	for (i = 0; i < CMD_COUNT; i++) {
		const struct cmd_entry *e = cmd_table[i];

		if ((group == NULL) != (e->group == NULL))
			continue;
		if (group != NULL && strcmp(e->group, group) != 0)
			continue;
		if (strcmp(e->name, name) == 0)
			return e;
	}
	return NULL;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "allow-open-db", no_argument, NULL, 'O' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry *e;
	struct cli c;
	const char *env;
	struct stat sb;
	int ch, rc, allow_open = 0;

	cli_start();
	env = getenv("FIRSTLINE_DB");
	c.db = env != NULL && *env != '\0' ? env : FL_DEFAULT_DB;
	c.db_given = env != NULL && *env != '\0';

	while ((ch = getopt_long(argc, argv, "+d:hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			c.db = optarg;
			c.db_given = 1;
			break;
		case 'O':
			store_allow_open_db(1);
			allow_open = 1;
			break;
		case 'h':
			main_help(stdout, NULL);
			return EXIT_OK;
		case 'V':
			printf("firstline %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		default:
			main_help(stderr, NULL);
			return EXIT_USAGE;
		}
	}
	if (allow_open && stat(c.db, &sb) == 0 && (sb.st_mode & 0077) != 0)
		fprintf(stderr, _("firstline: warning: %s may be read or "
		    "written by other accounts (mode %03o)\n"), c.db,
		    (unsigned)(sb.st_mode & 0777));
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		main_help(stderr, NULL);
		return EXIT_USAGE;
	}
	/* A group that is also a command ("score") runs it when alone. */
	if (main_is_group(argv[0]) &&
	    !(argc == 1 && main_find(NULL, argv[0]) != NULL)) {
		if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
		    strcmp(argv[1], "-h") == 0) {
			main_help(argc < 2 ? stderr : stdout, argv[0]);
			return argc < 2 ? EXIT_USAGE : EXIT_OK;
		}
		e = main_find(argv[0], argv[1]);
		if (e == NULL) {
			fprintf(stderr, _("firstline: unknown command '%s "
			    "%s'; see 'firstline %s --help'\n"), argv[0],
			    argv[1], argv[0]);
			return EXIT_USAGE;
		}
		argc--;
		argv++;
	} else if ((e = main_find(NULL, argv[0])) == NULL) {
		fprintf(stderr, _("firstline: unknown command '%s'; see "
		    "'firstline --help'\n"), argv[0]);
		return EXIT_USAGE;
	}

	/*
	 * The trainee's client reads no XML: libxml2 is not started for it
	 * (its tables cost the client some 450 KiB; doc/performance.md).
	 */
	if (e != &cmd_sit_entry)
		xmlsafe_init();
	optind = 0;	/* reset getopt for the command (GNU) */
	rc = e->exec(&c, e, argc, argv);
	if (e != &cmd_sit_entry)
		xmlsafe_cleanup();
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("firstline: standard output");
		return EXIT_REFUSED;
	}
	return rc;
}
