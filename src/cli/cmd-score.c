/*
 * firstline score set / score history: instructors' practical and
 * simulation entries, organizers' written entries, and the history of
 * every entry with who, when and why.
 */
#include "config.h"

#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "core/score.h"
#include "core/store.h"

/* Parse a percentage with at most one decimal ("72", "72.5") into tenths. */
static int
parse_percent(const char *s, int *tenths)
{
	char *end;
	long whole;
	int frac = 0;

	if (*s < '0' || *s > '9')	/* no sign, no space */
		return -1;
	whole = strtol(s, &end, 10);
	if (end == s || whole < 0 || whole > 100)
		return -1;
	if (*end == '.') {
		if (end[1] < '0' || end[1] > '9' || end[2] != '\0')
			return -1;
		frac = end[1] - '0';
	} else if (*end != '\0')
		return -1;
	*tenths = (int)whole * 10 + frac;
	return *tenths <= 1000 ? 0 : -1;
}

static int
cmd_score_set_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "reason", required_argument, NULL, 'r' },
		{ "comment", required_argument, NULL, 'c' },
		{ "retake", no_argument, NULL, 'R' },
		{ "password-file", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct score_request q;
	struct score_result r;
	struct score_mark *marks = NULL;
	const char *by = NULL, *file = NULL;
	struct store *s;
	struct user u;
	char *cause = NULL;
	int ch, i, rc = EXIT_REFUSED;

	memset(&q, 0, sizeof q);
	while ((ch = getopt_long(argc, argv, "b:r:c:Rp:h", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'b': by = optarg; break;
		case 'r': q.reason = optarg; break;
		case 'c': q.comment = optarg; break;
		case 'R': q.retake = 1; break;
		case 'p': file = optarg; break;
		case 'h': cli_usage(e, stdout); return EXIT_OK;
		default: cli_usage(e, stderr); return EXIT_USAGE;
		}
	}
	if (argc - optind < 4)
		return cli_usage_error(e, _("give COHORT TICKET RUBRIC and "
		    "the marks"));
	if (by == NULL)
		return cli_usage_error(e, _("--by USER is required"));
	q.cohort = argv[optind];
	q.ticket = argv[optind + 1];
	q.rubric = argv[optind + 2];
	if (strcmp(q.rubric, "written") == 0) {
		if (argc - optind != 4 ||
		    parse_percent(argv[optind + 3], &q.written_tenths) != 0)
			return cli_usage_error(e, _("a written score is one "
			    "PERCENT from 0 to 100 (one decimal at most)"));
	} else {
		marks = xcalloc((size_t)(argc - optind - 3), sizeof *marks);
		for (i = optind + 3; i < argc; i++) {
			if (score_parse_mark(argv[i], &marks[q.nmarks],
			    &cause) != 0) {
				free(marks);
				rc = cli_usage_error(e, "%s", cause);
				free(cause);
				return rc;
			}
			q.nmarks++;
		}
		q.marks = marks;
	}
	if ((s = cli_open(c)) == NULL) {
		free(marks);
		return EXIT_REFUSED;
	}
	if (cli_login(s, by, file, ROLE_INSTRUCTOR, &u) == 0) {
		if (score_set(s, &u, &q, &r, &cause) == 0) {
			if (r.max == 1000)
				printf(q.retake ? _("%s: written %d.%d%% "
				    "recorded as a retake, which counts "
				    "(entry %lld)\n") : r.correction ?
				    _("%s: written %d.%d%% recorded as a "
				    "correction, which counts (entry %lld)\n") :
				    _("%s: written %d.%d%% recorded "
				    "(entry %lld)\n"), q.ticket, r.total / 10,
				    r.total % 10, (long long)r.entry_id);
			else
				printf(_("%s: %s %d/%d, %s%s (entry %lld)\n"),
				    q.ticket, q.rubric, r.total, r.max,
				    r.passed ? _("passed") : _("not passed"),
				    r.critical_missed ?
				    _(", a critical item was missed") : "",
				    (long long)r.entry_id);
			rc = EXIT_OK;
		} else {
			cli_error("%s", cause);
			free(cause);
		}
		user_release(&u);
	}
	free(marks);
	store_free(&s);
	return rc;
}

static int
cmd_score_history_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	enum format f;
	struct store *s;
	struct table t;
	char *cause = NULL;
	int rc;

	rc = cli_options(e, argc, argv, 1u << FORMAT_TEXT | 1u << FORMAT_CSV,
	    &f, NULL);
	if (rc != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind + 2 != argc)
		return cli_usage_error(e, _("give COHORT TICKET"));
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	rc = score_history(s, argv[optind], argv[optind + 1], &t, &cause);
	if (rc == 0)
		output_table(&t, f, stdout);
	else {
		cli_error("%s", cause);
		free(cause);
	}
	table_release(&t);
	store_free(&s);
	return rc == 0 ? EXIT_OK : EXIT_REFUSED;
}

const struct cmd_entry cmd_score_set_entry = {
	"score", "set",
	"COHORT TICKET RUBRIC|written ITEM=MARK...|PERCENT --by USER "
	"[--reason TEXT] [--retake] [--comment TEXT] [--password-file F]",
	N_("record a station's marks; an organizer's 'written PERCENT' for "
	    "a paper sitting"),
	cmd_score_set_exec
};

const struct cmd_entry cmd_score_history_entry = {
	"score", "history", "COHORT TICKET [--format text|csv]",
	N_("every score entry of a trainee, with who, when and why"),
	cmd_score_history_exec
};
