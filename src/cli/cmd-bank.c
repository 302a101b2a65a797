/*
 * firstline bank: check, load and list question banks, rubrics and exam
 * definitions (the XML files of firstline-bank(5)).
 */
#include "config.h"

#include "cli.h"

#include <getopt.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"
#include "core/content.h"
#include "core/lint.h"
#include "core/load.h"
#include "core/store.h"

/*
 * Read every file named in argv[optind..]; 0 when all are good.
 *
 * A bank's tree is millions of small allocations; with glibc's fastbins on,
 * every large buffer libxml2 frees while parsing makes malloc consolidate
 * all of them again (malloc_consolidate was 9% of a 100,000-question load).
 * Without fastbins (small blocks still go through the per-thread cache) the
 * same load takes 17% less time on one core (make bench: bank load).
 */
static int
bank_read_all(struct content_set *set, int argc, char **argv,
    struct diag *d)
{
	mallopt(M_MXFAST, 0);
	return content_read_all(set, argv + optind, (size_t)(argc - optind),
	    d);
}

/* A bank may be loaded with texts awaiting translation; say how many. */
static void
bank_warn_untranslated(const struct bank *b)
{
	if (b->nuntranslated > 0)
		fprintf(stderr, ngettext("%s: warning: %zu text is marked "
		    "untranslated (a copy of the other language)\n",
		    "%s: warning: %zu texts are marked untranslated (copies "
		    "of the other language)\n", b->nuntranslated), b->file,
		    b->nuntranslated);
}

/* The lint's figures (bank check --stats), on standard output. */
static void
bank_print_stats(const struct lint_stats *st)
{
	size_t i, n;

	printf(_("module        single  longest-key zh-CN   longest-key en    "
	    "shortest-key zh-CN  shortest-key en\n"));
	for (i = 0; i < st->nbanks; i++) {
		const struct lint_bank *b = &st->banks[i];

		n = b->nsingle > 0 ? b->nsingle : 1;
		printf("%-12s  %6zu  %6zu  %5.1f%%     %6zu  %5.1f%%    "
		    "%6zu  %5.1f%%      %6zu  %5.1f%%\n", b->bank->module,
		    b->nsingle, b->longest_zh,
		    100.0 * (double)b->longest_zh / (double)n, b->longest_en,
		    100.0 * (double)b->longest_en / (double)n, b->shortest_zh,
		    100.0 * (double)b->shortest_zh / (double)n, b->shortest_en,
		    100.0 * (double)b->shortest_en / (double)n);
	}
	printf(_("near-duplicate pairs: %zu (rated at different difficulties: "
	    "%zu); declared alike (pair=): %zu\n"), st->duplicates,
	    st->difficulty, st->declared);
	printf(_("negative true/false statements: %zu of %zu\n"),
	    st->negative, st->ntruefalse);
	printf(_("multiple-choice stems that say so themselves: %zu\n"),
	    st->markers);
}

static int
cmd_bank_check_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "strict", no_argument, NULL, 's' },
		{ "stats", no_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct content_set set;
	struct lint_stats st;
	struct diag d, lint;
	size_t i, nlint = 0;
	int rc, ch, strict = 0, stats = 0;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 's': strict = 1; break;
		case 'S': stats = 1; break;
		case 'h': cli_usage(e, stdout); return EXIT_OK;
		default: cli_usage(e, stderr); return EXIT_USAGE;
		}
	}
	if (optind == argc)
		return cli_usage_error(e, _("no files to check"));
	content_set_init(&set);
	diag_init(&d);
	diag_init(&lint);
	memset(&st, 0, sizeof st);
	rc = bank_read_all(&set, argc, argv, &d);
	if (content_check(&set, NULL, &d) != 0)
		rc = -1;
	if (rc == 0)
		nlint = lint_content(&set, strict, &lint, &st);
	if (rc != 0) {
		cli_print_diag(&d);
		fprintf(stderr, ngettext("firstline: %zu problem found\n",
		    "firstline: %zu problems found\n", diag_count(&d)),
		    diag_count(&d));
	} else {
		for (i = 0; i < set.nbanks; i++) {
			printf(ngettext("%s: bank %s, %zu question: ok\n",
			    "%s: bank %s, %zu questions: ok\n",
			    set.banks[i]->nquestions), set.banks[i]->file,
			    set.banks[i]->module, set.banks[i]->nquestions);
			bank_warn_untranslated(set.banks[i]);
		}
		for (i = 0; i < set.nrubrics; i++)
			printf(ngettext("%s: %s rubric %s, %zu item: ok\n",
			    "%s: %s rubric %s, %zu items: ok\n",
			    set.rubrics[i]->nitems),
			    set.rubrics[i]->file,
			    rubric_kind_name(set.rubrics[i]->kind),
			    set.rubrics[i]->id, set.rubrics[i]->nitems);
		for (i = 0; i < set.nexams; i++)
			printf(_("%s: exam %s: ok\n"), set.exams[i]->file,
			    set.exams[i]->id);
		fflush(stdout);
		if (nlint > 0 || st.advisories > 0)
			cli_print_diag(&lint);
		if (nlint > 0) {
			if (strict) {
				fprintf(stderr, ngettext("firstline: %zu test-"
				    "design problem found (--strict)\n",
				    "firstline: %zu test-design problems found "
				    "(--strict)\n", nlint), nlint);
				rc = -1;
			} else
				fprintf(stderr, ngettext("firstline: %zu test-"
				    "design warning\n", "firstline: %zu test-"
				    "design warnings\n", nlint), nlint);
		}
		if (st.advisories > 0)
			fprintf(stderr, ngettext("firstline: %zu advisory "
			    "warning (never an error)\n", "firstline: %zu "
			    "advisory warnings (never errors)\n",
			    st.advisories), st.advisories);
		if (stats)
			bank_print_stats(&st);
	}
	lint_stats_release(&st);
	diag_release(&lint);
	diag_release(&d);
	content_set_release(&set);
	return rc == 0 ? EXIT_OK : EXIT_REFUSED;
}

static int
cmd_bank_load_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	struct content_set set;
	struct diag d, notes;
	struct store *s = NULL;
	size_t i;
	int rc;

	if ((rc = cli_options(e, argc, argv, 0, NULL, NULL)) != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind == argc)
		return cli_usage_error(e, _("no files to load"));
	content_set_init(&set);
	diag_init(&d);
	diag_init(&notes);
	/*
	 * Each bank is stored as it is read, in one transaction.  The reader
	 * thread and this one keep a malloc arena each (glibc's default):
	 * each frees what it allocated (content_read_each), so neither waits
	 * for the other's arena lock.  One shared arena made them wait on it
	 * tens of thousands of times a load, a third more CPU time and no
	 * overlap left; two arenas cost no more memory at the peak.
	 */
	mallopt(M_MXFAST, 0);
	if ((s = cli_open(c)) == NULL)
		rc = -2;
	else
		rc = content_load_files(&set, s, argv + optind,
		    (size_t)(argc - optind), &notes, &d);
	if (rc == -1) {
		cli_print_diag(&d);
		fprintf(stderr, ngettext("firstline: %zu problem found; "
		    "nothing was loaded\n", "firstline: %zu problems found; "
		    "nothing was loaded\n", diag_count(&d)), diag_count(&d));
	} else if (rc == 0) {
		/* A diag keeps DIAG_MAX messages and counts the rest. */
		for (i = 0; i < notes.n && i < DIAG_MAX; i++)
			printf("%s\n", notes.msgs[i]);
		if (notes.n > DIAG_MAX)
			printf(ngettext("... and %zu more\n", "... and %zu "
			    "more\n", notes.n - DIAG_MAX), notes.n - DIAG_MAX);
		for (i = 0; i < set.nbanks; i++)
			bank_warn_untranslated(set.banks[i]);
	}
	store_free(&s);
	diag_release(&notes);
	diag_release(&d);
	content_set_release(&set);
	return rc == 0 ? EXIT_OK : EXIT_REFUSED;
}

static int
cmd_bank_list_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	return cmd_list(c, e, argc, argv, catalog_banks);
}

const struct cmd_entry cmd_bank_check_entry = {
	"bank", "check", "[--strict] [--stats] FILE...",
	N_("validate banks, rubrics and exam definitions (no database)"),
	cmd_bank_check_exec
};

const struct cmd_entry cmd_bank_load_entry = {
	"bank", "load", "FILE...",
	N_("validate, then load all of the files or none"),
	cmd_bank_load_exec
};

const struct cmd_entry cmd_bank_list_entry = {
	"bank", "list", "[--format text|csv]",
	N_("list the loaded question banks"),
	cmd_bank_list_exec
};
