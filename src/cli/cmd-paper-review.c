/*
 * firstline paper review COHORT: the scanned answer sheets the reader was
 * not sure of (paper-scan's review queue), listed with the questions in
 * doubt and the picture of each, and settled by keying them in: the same
 * double entry as paper enter (the scan's reading counts as neither
 * entry), one sheet after another in the form, or one sheet from
 * --answers.  An organizer may dismiss a sheet that needs no answers (a
 * duplicate scan) with a reason.
 */
#include "config.h"

#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "core/keyin.h"
#include "core/review.h"
#include "core/store.h"
#include "keyin-cli.h"

/* Whether u has keyed an entry of attempt aid already. */
static int
review_keyed_by(struct store *s, sqlite3_int64 aid, const struct user *u)
{
	sqlite3_stmt *st;
	int found;

	st = store_prepare(s, "SELECT 1 FROM paper_entry WHERE attempt_id = ?1"
	    " AND entered_by = ?2");
	sqlite3_bind_int64(st, 1, aid);
	sqlite3_bind_int64(st, 2, u->id);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/*
 * The list for people: a few lines a sheet (what was seen can be long),
 * the picture on a line of its own.
 */
static void
review_print(const struct table *t, const char *cohort)
{
	size_t r;

	if (t->nrows < 2) {
		printf(_("cohort %s: no scanned sheet waits for review\n"),
		    cohort);
		return;
	}
	for (r = 1; r < t->nrows; r++) {
		printf(ngettext("review %s: %s %s, %s page %s, %s, %s keyed "
		    "entry\n", "review %s: %s %s, %s page %s, %s, %s keyed "
		    "entries\n", strtoul(table_cell(t, r, 9), NULL, 10)),
		    table_cell(t, r, 0), table_cell(t, r, 1),
		    table_cell(t, r, 2), table_cell(t, r, 3),
		    table_cell(t, r, 4), table_cell(t, r, 8),
		    table_cell(t, r, 9));
		printf(_("  in doubt: %s\n"), table_cell(t, r, 5));
		if (*table_cell(t, r, 6) != '\0')
			printf(_("  seen: %s\n"), table_cell(t, r, 6));
		printf(_("  picture: %s\n"), table_cell(t, r, 7));
	}
}

/* Whether attempt aid is graded already. */
static int
review_graded(struct store *s, sqlite3_int64 aid)
{
	sqlite3_stmt *st;
	int graded;

	st = store_prepare(s, "SELECT 1 FROM attempt WHERE id = ?1"
	    " AND status IN ('submitted','expired')");
	sqlite3_bind_int64(st, 1, aid);
	graded = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return graded;
}

/* Key in review r as u; the exit status of cli_keyin, or EXIT_REFUSED. */
static int
review_key(struct store *s, const struct user *u, const struct review *r,
    const char *answers)
{
	struct keyin_sheet k;
	char *cause = NULL, *context;
	int rc;

	if (keyin_sheet_open_attempt(s, r->attempt_id, &k, &cause) != 0) {
		cli_error(_("review %lld: %s"), (long long)r->id, cause);
		free(cause);
		/* A rescan that differs from answers stored before. */
		if (review_graded(s, r->attempt_id))
			cli_error(_("review %lld: the answers stored stand; "
			    "an organizer closes it: firstline paper review %s "
			    "%lld --dismiss --reason TEXT --by USER"),
			    (long long)r->id, r->cohort, (long long)r->id);
		return EXIT_REFUSED;
	}
	k.review_id = r->id;
	context = keyin_review_context(s, r);
	if (answers == NULL)
		printf(_("review %lld: %s %s\n"), (long long)r->id, r->ticket,
		    r->name);
	rc = cli_keyin(s, u, &k, answers, context);
	free(context);
	keyin_sheet_release(&k);
	return rc;
}

/* Every open review of cohort u has not keyed yet, one after another. */
static int
review_all(struct store *s, const struct user *u, const char *cohort)
{
	struct review *rv = NULL;
	sqlite3_int64 *done;
	size_t n = 0, i, j, ndone = 0, left = 0;
	char *cause = NULL;
	int rc = EXIT_OK, r, skip;

	if (review_list(s, cohort, 1, &rv, &n, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	done = xcalloc(n + 1, sizeof *done);
	for (i = 0; i < n; i++) {
		/* One sheet twice in the queue (two scans) is keyed once. */
		for (skip = 0, j = 0; j < ndone; j++)
			skip |= done[j] == rv[i].attempt_id;
		if (skip || review_open_count(s, rv[i].attempt_id) == 0)
			continue;
		if (review_keyed_by(s, rv[i].attempt_id, u)) {
			left++;
			continue;
		}
		done[ndone++] = rv[i].attempt_id;
		r = review_key(s, u, &rv[i], NULL);
		if (r == EXIT_REFUSED)
			rc = EXIT_REFUSED;
		else if (r == EXIT_BELOW && rc == EXIT_OK)
			rc = EXIT_BELOW;
		if (review_keyed_by(s, rv[i].attempt_id, u) == 0 &&
		    r != EXIT_REFUSED)
			break;		/* left the form without storing */
	}
	if (n == 0)
		printf(_("cohort %s: no scanned sheet waits for review\n"),
		    cohort);
	else if (left > 0)
		printf(ngettext("%zu sheet you have keyed waits for someone "
		    "else's entry\n", "%zu sheets you have keyed wait for "
		    "someone else's entry\n", left), left);
	free(done);
	reviews_free(rv, n);
	return rc;
}

static int
cmd_paper_review_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "all", no_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ "by", required_argument, NULL, 'b' },
		{ "password-file", required_argument, NULL, 'p' },
		{ "answers", required_argument, NULL, 'a' },
		{ "answers-file", required_argument, NULL, 'A' },
		{ "dismiss", no_argument, NULL, 'd' },
		{ "reason", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *by = NULL, *file = NULL, *answers = NULL, *afile = NULL;
	const char *reason = NULL;
	enum format f = FORMAT_TEXT;
	struct review r;
	struct store *s;
	struct table t;
	struct user u;
	char *cause = NULL, *text = NULL, *end;
	sqlite3_int64 id = 0;
	int ch, all = 0, dismiss = 0, rc = EXIT_REFUSED;

	while ((ch = getopt_long(argc, argv, "lf:b:p:a:A:dr:h", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'l': all = 1; break;
		case 'f':
			if (cli_format(e, optarg, 1u << FORMAT_TEXT |
			    1u << FORMAT_CSV, &f) != 0)
				return EXIT_USAGE;
			break;
		case 'b': by = optarg; break;
		case 'p': file = optarg; break;
		case 'a': answers = optarg; break;
		case 'A': afile = optarg; break;
		case 'd': dismiss = 1; break;
		case 'r': reason = optarg; break;
		case 'h': cli_usage(e, stdout); return EXIT_OK;
		default: cli_usage(e, stderr); return EXIT_USAGE;
		}
	}
	if (argc - optind < 1 || argc - optind > 2)
		return cli_usage_error(e, _("give the COHORT (and a REVIEW "
		    "number)"));
	if (argc - optind == 2) {
		id = strtoll(argv[optind + 1], &end, 10);
		if (*end != '\0' || id <= 0)
			return cli_usage_error(e, _("'%s' is not a review "
			    "number"), argv[optind + 1]);
	}
	if (by == NULL && (answers != NULL || afile != NULL || dismiss ||
	    id != 0))
		return cli_usage_error(e, _("keying in or dismissing needs "
		    "--by USER"));
	if (answers != NULL && afile != NULL)
		return cli_usage_error(e, _("give --answers or --answers-file, "
		    "not both"));
	if ((answers != NULL || afile != NULL || dismiss) && id == 0)
		return cli_usage_error(e, _("--answers and --dismiss are for "
		    "one sheet: give its REVIEW number"));
	if (dismiss && (answers != NULL || afile != NULL))
		return cli_usage_error(e, _("--dismiss stores no answers"));
	if (reason != NULL && !dismiss)
		return cli_usage_error(e, _("--reason goes with --dismiss"));

	if (by == NULL) {	/* the list */
		if ((s = cli_open(c)) == NULL)
			return EXIT_REFUSED;
		if (keyin_review_table(s, argv[optind], all, &t, &cause) != 0) {
			cli_error("%s", cause);
			free(cause);
		} else {
			if (f == FORMAT_CSV)
				output_table(&t, f, stdout);
			else
				review_print(&t, argv[optind]);
			rc = EXIT_OK;
		}
		table_release(&t);
		store_free(&s);
		return rc;
	}
	if (afile != NULL && (answers = text = cli_keyin_read(afile)) == NULL)
		return EXIT_REFUSED;
	if ((s = cli_open(c)) == NULL) {
		free(text);
		return EXIT_REFUSED;
	}
	if (cli_login(s, by, file, dismiss ? ROLE_ORGANIZER : ROLE_INSTRUCTOR,
	    &u) != 0) {
		store_free(&s);
		free(text);
		return EXIT_REFUSED;
	}
	if (dismiss) {
		if (keyin_review_dismiss(s, &u, argv[optind], id, reason,
		    &cause) != 0) {
			cli_error("%s", cause);
			free(cause);
		} else {
			printf(_("review %lld dismissed\n"), (long long)id);
			rc = EXIT_OK;
		}
	} else if (id != 0) {
		if (review_get(s, id, &r, &cause) != 0) {
			cli_error("%s", cause);
			free(cause);
		} else {
			if (strcmp(r.cohort, argv[optind]) != 0)
				cli_error(_("review %lld is not of cohort %s"),
				    (long long)id, argv[optind]);
			else if (r.status != REVIEW_OPEN)
				cli_error(_("review %lld is %s already"),
				    (long long)id,
				    review_status_name(r.status));
			else
				rc = review_key(s, &u, &r, answers);
			review_release(&r);
		}
	} else
		rc = review_all(s, &u, argv[optind]);
	user_release(&u);
	store_free(&s);
	free(text);
	return rc;
}

const struct cmd_entry cmd_paper_review_entry = {
	"paper", "review",
	"COHORT [--all] [--format text|csv] | COHORT [REVIEW] --by USER "
	"[--answers A,BD,T,3142,... | --answers-file FILE] | COHORT REVIEW "
	"--dismiss --reason TEXT --by USER",
	N_("the scanned sheets in doubt: list them, key them in (double "
	    "entry), or dismiss one"),
	cmd_paper_review_exec
};
