/*
 * firstline report items: the item analysis of the written test, as text
 * (per paper a header block with the paper's statistics, its banks, then
 * its questions and a legend of the flags) or CSV (the questions, with
 * --banks one row per bank of each paper, with --summary one row per
 * paper).  Read-only; runs without --by.
 */
#include "config.h"

#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "core/items.h"
#include "core/store.h"
#include "core/text.h"

/* "label     value" with the labels aligned by display width. */
static void
items_line(FILE *fp, const char *label, const char *value, const char *note)
{
	int pad = 18 - (int)text_width(label);

	fprintf(fp, "%s%*s%s", label, pad > 1 ? pad : 1, "", value);
	if (note != NULL)
		fprintf(fp, "   (%s)", note);
	fputc('\n', fp);
}

static void
items_header(FILE *fp, const struct items_paper *p, int first_only)
{
	const struct paper_stats *ps = &p->st;
	double pct = ps->max > 0 ? 100 / ps->max : 0;
	char v[32], w[40];

	fprintf(fp, _("Paper: %s (exam %s, version %d)\n"), p->title, p->exam,
	    p->version);
	items_line(fp, _("Sittings"), first_only ? _("first sittings only") :
	    _("all, retakes included"), NULL);
	snprintf(v, sizeof v, "%zu", ps->n);
	items_line(fp, _("Attempts"), v, ps->flags & PAPER_FEW ?
	    _("few: too few attempts to judge the paper") : NULL);
	snprintf(v, sizeof v, "%zu", ps->k);
	items_line(fp, _("Questions"), v, NULL);
	items_format(ps->mean * pct, 2, "-", v);
	snprintf(w, sizeof w, "%s%%", v);
	items_line(fp, _("Mean"), w, NULL);
	items_format(ps->sd * pct, 2, "-", v);
	snprintf(w, sizeof w, "%s%%", v);
	items_line(fp, _("SD"), w, NULL);
	items_format(ps->alpha, 3, "-", v);
	items_line(fp, _("Alpha"), v, ps->flags & PAPER_LOW_ALPHA ?
	    _("low-alpha: below 0.70") : NULL);
	items_format(ps->error_ratio * 100, 2, "-", v);
	snprintf(w, sizeof w, "%s%%", v);
	items_line(fp, _("Error ratio"), w, NULL);
	items_format(ps->se * pct, 2, "-", v);
	snprintf(w, sizeof w, "%s%%", v);
	items_line(fp, _("Standard error"), w, NULL);
}

/* The bank or the question table of paper i alone, as text. */
static void
items_paper_table(FILE *fp, const struct items_report *r, size_t i,
    void (*make)(const struct items_report *, const char *, int,
    struct table *))
{
	struct items_report one = *r;
	struct table t;

	one.papers = &r->papers[i];
	one.npapers = 1;
	make(&one, "-", 0, &t);
	fputc('\n', fp);
	output_table(&t, FORMAT_TEXT, fp);
	table_release(&t);
}

enum items_view { VIEW_ALL, VIEW_BANKS, VIEW_SUMMARY };

static void
items_text(FILE *fp, const struct items_report *r, enum items_view v)
{
	size_t i;

	if (r->npapers == 0)
		return;
	for (i = 0; i < r->npapers; i++) {
		if (i > 0)
			fputc('\n', fp);
		items_header(fp, &r->papers[i], r->first_only);
		if (v != VIEW_SUMMARY)
			items_paper_table(fp, r, i, items_banks);
		if (v == VIEW_ALL)
			items_paper_table(fp, r, i, items_table);
	}
	if (v != VIEW_SUMMARY)
		fprintf(fp, _("\nBanks: facility over every draw of the bank's "
		    "questions; discrimination the\nmean of its questions'; "
		    "easy, negative, few: how many of its questions have\n"
		    "that flag.\n"));
	if (v != VIEW_ALL)
		return;
	fprintf(fp, _("\nFlags: easy = facility above %.2f, tells nothing; "
	    "negative = discrimination below 0, check the key;\n"
	    "few = drawn fewer than %d times, too few to judge.  "
	    "\"-\": undefined (the score never varied).\n"),
	    ITEMS_EASY, ITEMS_MIN_DRAWN);
}

static void
items_empty(const char *cohort)
{
	if (cohort != NULL)
		fprintf(stderr, _("firstline: cohort %s has no submitted or "
		    "expired written attempts: nothing to analyse\n"), cohort);
	else
		fprintf(stderr, _("firstline: no submitted or expired written "
		    "attempts: nothing to analyse\n"));
}

static int
cmd_report_items_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "cohort", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },
		{ "summary", no_argument, NULL, 's' },
		{ "banks", no_argument, NULL, 'b' },
		{ "first", no_argument, NULL, '1' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct items_report r;
	enum format f = FORMAT_TEXT;
	const char *cohort = NULL;
	struct store *s;
	struct table t;
	char *cause = NULL;
	enum items_view v = VIEW_ALL;
	int ch, first = 0;

	while ((ch = getopt_long(argc, argv, "c:f:sbh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c': cohort = optarg; break;
		case 'f':
			if (cli_format(e, optarg, 1u << FORMAT_TEXT |
			    1u << FORMAT_CSV, &f) != 0)
				return EXIT_USAGE;
			break;
		case 's':
		case 'b':
			if (v != VIEW_ALL)
				return cli_usage_error(e, _("--summary and "
				    "--banks exclude each other"));
			v = ch == 's' ? VIEW_SUMMARY : VIEW_BANKS;
			break;
		case '1': first = 1; break;
		case 'h': cli_usage(e, stdout); return EXIT_OK;
		default: cli_usage(e, stderr); return EXIT_USAGE;
		}
	}
	if (optind != argc)
		return cli_usage_error(e, _("unexpected argument '%s'"),
		    argv[optind]);
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	if (items_compute(s, cohort, first, &r, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		store_free(&s);
		return EXIT_REFUSED;
	}
	store_free(&s);
	if (r.npapers == 0)
		items_empty(cohort);
	if (f == FORMAT_CSV) {
		if (v == VIEW_SUMMARY)
			items_summary(&r, "", &t);
		else if (v == VIEW_BANKS)
			items_banks(&r, "", 1, &t);
		else
			items_table(&r, "", 1, &t);
		output_table(&t, FORMAT_CSV, stdout);
		table_release(&t);
	} else
		items_text(stdout, &r, v);
	items_release(&r);
	return EXIT_OK;
}

const struct cmd_entry cmd_report_items_entry = {
	"report", "items", "[--cohort COHORT] [--first] [--format text|csv] [--summary | --banks]",
	N_("item analysis of the written test (Moodle's statistics)"),
	cmd_report_items_exec
};
