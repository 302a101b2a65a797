/*
 * firstline report cohort, report coverage, report certificates, cohort
 * certify, cohort withdraw: a cohort's results against the 95% / 30% rules,
 * as text, CSV or PDF, the communities short of certified responders, the
 * certificates of a certified cohort, and the organizer's actions that
 * depend on them.
 */
#include "config.h"

#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/chain.h"
#include "core/results.h"
#include "core/store.h"
#include "core/text.h"
#ifdef FIRSTLINE_PDF_HELPER
#include "report/pdf.h"

/*
 * PDFs are written by firstline-pdf, this same program built with
 * FIRSTLINE_PDF_HELPER and linked with cairo and pango; firstline itself
 * (and so the trainee's client) stays free of them and execs it for
 * --format pdf (cli_pdf_exec).
 */

/* Open out for a PDF; refuses a terminal.  NULL after saying why. */
static FILE *
report_pdf_open(const char *out)
{
	FILE *fp;

	if ((fp = cli_out_open(out)) == NULL)
		return NULL;
	if (isatty(cli_fileno(fp))) {
		cli_error(_("%s is a terminal: a PDF is written to a file "
		    "(-o FILE)"), out);
		fclose(fp);
		return NULL;
	}
	return fp;
}

/*
 * Close a PDF that pdf_*_write (returning rc, with cause) wrote to fp;
 * print the warning or the error, and remove a failed regular file.
 */
static int
report_pdf_close(FILE *fp, const char *out, int rc, char *cause)
{
	struct stat sb;
	int regular;

	regular = fstat(cli_fileno(fp), &sb) == 0 && S_ISREG(sb.st_mode);
	if (rc > 0)
		fprintf(stderr, _("firstline: warning: %s: %s\n"), out, cause);
	else if (rc < 0)
		cli_error("%s: %s", out, cause);
	free(cause);
	if (fclose(fp) != 0 && rc >= 0) {
		cli_error(_("%s: cannot write: %m"), out);
		rc = -1;
	}
	if (rc < 0 && regular)
		unlink(out);
	return rc < 0 ? EXIT_REFUSED : EXIT_OK;
}
#endif /* FIRSTLINE_PDF_HELPER */

static void
report_rule_line(FILE *fp, const char *label, int count, int n, int tenths,
    int rule, int meets)
{
	char pct[16];

	results_tenths(tenths, pct);
	fprintf(fp, "%s%*s%d/%d = %s%%   (%s %d%%)   %s\n", label,
	    (int)(18 - (int)text_width(label) > 1 ?
	    18 - (int)text_width(label) : 1), "", count, n, pct,
	    _("rule >="), rule, meets ? _("meets") : _("below"));
}

/* The verdict sentence: "meets the rules" or what is missing. */
static void
report_verdict(FILE *fp, const struct cohort_result *r)
{
	char *s = results_verdict(r);

	fprintf(fp, "%s\n", s);
	free(s);
}

static void
report_text(const struct cohort_result *r, FILE *fp)
{
	static const char *const bands[RESULT_BANDS] = {
	    "<60", "60-69.9", "70-79.9", "80-89.9", ">=90" };
	struct table t;
	size_t i;
	int b, k;
	char pct[16], when[32];

	fprintf(fp, _("Cohort %s: %s\n"), r->cohort, r->name);
	fprintf(fp, _("Exam: %s (%s)\n"), r->exam_title, r->exam);
	if (r->sealed_at != NULL)
		fprintf(fp, _("Certified %s by %s\n"),
		    fl_local_time(r->sealed_at, 1, when) ? when : r->sealed_at,
		    r->sealed_by);
	else
		fprintf(fp, _("Not certified (created %s)\n"),
		    fl_local_time(r->created, 1, when) ? when : r->created);
	fputc('\n', fp);
	results_table(r, 1, &t);
	output_table(&t, FORMAT_TEXT, fp);
	table_release(&t);
	fputc('\n', fp);
	fprintf(fp, _("Enrolled %d, withdrawn %d, counted %d (absent %d)\n"),
	    r->enrolled, r->withdrawn, r->n, r->absents);
	report_rule_line(fp, _("Pass rate"), r->passes, r->n,
	    r->pass_rate_tenths, r->rule_pass, r->meets_pass);
	report_rule_line(fp, _("Excellence rate"), r->excellents, r->n,
	    r->excellence_rate_tenths, r->rule_excellent,
	    r->meets_excellence);
	report_verdict(fp, r);
	if (r->nmeans > 0) {
		fprintf(fp, _("\nMean written score per module:\n"));
		for (i = 0; i < r->nmeans; i++) {
			results_tenths(r->means[i].tenths, pct);
			fprintf(fp, "  %-12s %6s%%  %s\n", r->means[i].module,
			    pct, r->means[i].title);
		}
	}
	fprintf(fp, _("\nDistribution of totals:\n"));
	for (b = 0; b < RESULT_BANDS; b++) {
		fprintf(fp, "  %-8s %3d%s", bands[b], r->bands[b],
		    r->bands[b] > 0 ? "  " : "");
		for (k = 0; k < r->bands[b] && k < 60; k++)
			fputc('#', fp);
		fputc('\n', fp);
	}
}

static int
cmd_report_cohort_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "summary", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct cohort_result r;
	enum format f = FORMAT_TEXT;
	const char *out = NULL;
	struct store *s;
	struct table t;
	FILE *fp = stdout;
	char *cause = NULL;
	int ch, summary = 0, rc;

	while ((ch = getopt_long(argc, argv, "f:o:sh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (cli_format(e, optarg, 1u << FORMAT_TEXT |
			    1u << FORMAT_CSV | 1u << FORMAT_PDF, &f) != 0)
				return EXIT_USAGE;
			break;
		case 'o': out = optarg; break;
		case 's': summary = 1; break;
		case 'h': cli_usage(e, stdout); return EXIT_OK;
		default: cli_usage(e, stderr); return EXIT_USAGE;
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error(e, _("give the COHORT"));
	if (f == FORMAT_PDF && summary)
		return cli_usage_error(e, _("--summary is text or CSV only"));
	if (f == FORMAT_PDF && out == NULL)
		return cli_usage_error(e, _("--format pdf needs -o FILE"));
#ifndef FIRSTLINE_PDF_HELPER
	if (f == FORMAT_PDF)
		return cli_pdf_exec(c, "report", argc, argv);
#endif
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	if (results_compute(s, argv[optind], &r, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		store_free(&s);
		return EXIT_REFUSED;
	}
#ifdef FIRSTLINE_PDF_HELPER
	if (f == FORMAT_PDF) {
		store_free(&s);
		rc = EXIT_REFUSED;
		if ((fp = report_pdf_open(out)) != NULL) {
			rc = pdf_cohort_write(&r, fp, &cause);
			rc = report_pdf_close(fp, out, rc, cause);
		}
		pdf_shutdown();
		results_release(&r);
		return rc;
	}
#endif
	if ((fp = cli_out_open(out)) == NULL) {
		results_release(&r);
		store_free(&s);
		return EXIT_REFUSED;
	}
	if (summary) {
		results_summary(&r, &t);
		output_table(&t, f, fp);
		table_release(&t);
	} else if (f == FORMAT_CSV) {
		results_table(&r, 1, &t);
		output_table(&t, f, fp);
		table_release(&t);
	} else
		report_text(&r, fp);
	rc = cli_out_close(fp, out);
	results_release(&r);
	store_free(&s);
	return rc;
}

static int
cmd_cohort_certify_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	struct cohort_result r;
	struct act_opts o;
	struct store *s;
	struct user u;
	char *cause = NULL;
	int rc;

	if ((rc = cli_act_options(e, argc, argv, &o)) != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind + 1 != argc)
		return cli_usage_error(e, _("give the COHORT"));
	if ((s = cli_open_as(c, &o, ROLE_ORGANIZER, &u)) == NULL)
		return EXIT_REFUSED;
	rc = cohort_certify(s, &u, argv[optind], &r, &cause);
	if (rc < 0) {
		cli_error("%s", cause);
		free(cause);
		rc = EXIT_REFUSED;
	} else {
		report_rule_line(rc == 0 ? stdout : stderr, _("Pass rate"),
		    r.passes, r.n, r.pass_rate_tenths, r.rule_pass,
		    r.meets_pass);
		report_rule_line(rc == 0 ? stdout : stderr,
		    _("Excellence rate"), r.excellents, r.n,
		    r.excellence_rate_tenths, r.rule_excellent,
		    r.meets_excellence);
		if (rc == 0) {
			printf(_("cohort %s certified and sealed\n"),
			    argv[optind]);
			rc = EXIT_OK;
		} else {
			report_verdict(stderr, &r);
			fprintf(stderr, _("firstline: cohort %s not "
			    "certified\n"), argv[optind]);
			rc = EXIT_BELOW;
		}
		results_release(&r);
	}
	user_release(&u);
	store_free(&s);
	return rc;
}

static int
cmd_cohort_withdraw_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	struct act_opts o;
	struct store *s;
	struct user u;
	char *cause = NULL;
	int rc;

	if ((rc = cli_act_options(e, argc, argv, &o)) != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind + 2 != argc)
		return cli_usage_error(e, _("give COHORT TICKET"));
	if (o.reason == NULL)
		return cli_usage_error(e, _("--reason is required"));
	if ((s = cli_open_as(c, &o, ROLE_ORGANIZER, &u)) == NULL)
		return EXIT_REFUSED;
	rc = cohort_withdraw(s, &u, argv[optind], argv[optind + 1],
	    o.reason, &cause);
	if (rc == 0)
		printf(_("%s: withdrawn from cohort %s\n"), argv[optind + 1],
		    argv[optind]);
	else {
		cli_error("%s", cause);
		free(cause);
	}
	user_release(&u);
	store_free(&s);
	return rc == 0 ? EXIT_OK : EXIT_REFUSED;
}

static int
cmd_report_coverage_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	const char *out = NULL;
	struct store *s;
	struct table t;
	enum format f;
	FILE *fp;
#ifdef FIRSTLINE_PDF_HELPER
	char *cause = NULL;
#endif
	int rc;

	rc = cli_options(e, argc, argv, 1u << FORMAT_TEXT | 1u << FORMAT_CSV |
	    1u << FORMAT_PDF, &f, &out);
	if (rc != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind != argc)
		return cli_usage_error(e, _("unexpected argument '%s'"),
		    argv[optind]);
	if (f == FORMAT_PDF && out == NULL)
		return cli_usage_error(e, _("--format pdf needs -o FILE"));
#ifndef FIRSTLINE_PDF_HELPER
	if (f == FORMAT_PDF)
		return cli_pdf_exec(c, "report", argc, argv);
#endif
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	results_coverage(s, COVERAGE_MINIMUM, &t);
	store_free(&s);
#ifdef FIRSTLINE_PDF_HELPER
	if (f == FORMAT_PDF) {
		rc = EXIT_REFUSED;
		if ((fp = report_pdf_open(out)) != NULL) {
			rc = pdf_coverage_write(&t, COVERAGE_MINIMUM, fp,
			    &cause);
			rc = report_pdf_close(fp, out, rc, cause);
		}
		pdf_shutdown();
	} else
#endif
	if ((fp = cli_out_open(out)) == NULL)
		rc = EXIT_REFUSED;
	else {
		output_table(&t, f, fp);
		rc = cli_out_close(fp, out);
	}
	table_release(&t);
	return rc;
}

#ifdef FIRSTLINE_PDF_HELPER
/* The certificates of a certified cohort into dir, one per passed trainee. */
static int
report_certificates(const struct cohort_result *r, const char *dir)
{
	struct stat sb;
	char *path, *cause;
	FILE *fp;
	size_t i;
	int rc = EXIT_OK;

	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return cli_error(_("%s: cannot create the folder: %m"), dir);
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return cli_error(_("%s: not a folder"), dir);
	for (i = 0; i < r->ntrainees && rc == EXIT_OK; i++) {
		const struct trainee_result *t = &r->trainees[i];

		if (!pdf_certificate_due(t))
			continue;
		/* Tickets are issued by the engine: digits only. */
		if (t->ticket[strspn(t->ticket, "0123456789")] != '\0' ||
		    *t->ticket == '\0')
			return cli_error(_("ticket '%s' cannot name a file"),
			    t->ticket);
		path = xasprintf("%s%s%s.pdf", dir,
		    dir[*dir != '\0' ? strlen(dir) - 1 : 0] == '/' ? "" : "/",
		    t->ticket);
		cause = NULL;
		rc = EXIT_REFUSED;
		if ((fp = report_pdf_open(path)) != NULL) {
			rc = pdf_certificate_write(r, t, fp, &cause);
			rc = report_pdf_close(fp, path, rc, cause);
		}
		if (rc == EXIT_OK)
			printf("%s\n", path);
		free(path);
	}
	return rc;
}

#endif /* FIRSTLINE_PDF_HELPER */

static int
cmd_report_certificates_exec(struct cli *c, const struct cmd_entry *e,
    int argc, char **argv)
{
	struct cohort_result r;
	const char *out = NULL;
	struct store *s;
	char *cause = NULL;
	size_t i;
	int rc;

	rc = cli_options(e, argc, argv, 0, NULL, &out);
	if (rc != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind + 1 != argc)
		return cli_usage_error(e, _("give the COHORT"));
	if (out == NULL)
		return cli_usage_error(e, _("-o DIR is required: the folder "
		    "for the certificates"));
#ifndef FIRSTLINE_PDF_HELPER
	(void)r;
	(void)s;
	(void)cause;
	(void)i;
	return cli_pdf_exec(c, "report", argc, argv);
#else
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	rc = results_compute(s, argv[optind], &r, &cause);
	/* Each certificate's verification code, from the hash chain. */
	for (i = 0; rc == 0 && i < r.ntrainees; i++)
		if (chain_code(s, r.trainees[i].ticket, r.trainees[i].verify,
		    &cause) < 0) {
			results_release(&r);
			rc = -1;
		}
	store_free(&s);
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	if (r.sealed_at == NULL)
		rc = cli_error(_("cohort %s is not certified: certificates "
		    "are issued only for a certified (sealed) cohort; see "
		    "'firstline cohort certify'"), r.cohort);
	else {
		rc = report_certificates(&r, out);
		pdf_shutdown();
	}
	results_release(&r);
	return rc;
#endif
}

const struct cmd_entry cmd_report_certificates_entry = {
	"report", "certificates", "COHORT -o DIR",
	N_("certificates (PDF) of a certified cohort"),
	cmd_report_certificates_exec
};

const struct cmd_entry cmd_report_coverage_entry = {
	"report", "coverage", "[--format text|csv|pdf] [-o FILE]",
	N_("communities with fewer than 15 certified responders"),
	cmd_report_coverage_exec
};

const struct cmd_entry cmd_report_cohort_entry = {
	"report", "cohort",
	"COHORT [--format text|csv|pdf] [--summary] [-o FILE]",
	N_("a cohort's results, rates and verdict"),
	cmd_report_cohort_exec
};

const struct cmd_entry cmd_cohort_certify_entry = {
	"cohort", "certify", "COHORT --by USER [--password-file F]",
	N_("enforce the pass and excellence rules; seal the cohort"),
	cmd_cohort_certify_exec
};

const struct cmd_entry cmd_cohort_withdraw_entry = {
	"cohort", "withdraw",
	"COHORT TICKET --by USER --reason TEXT [--password-file F]",
	N_("withdraw a trainee (not counted in the rates), audited"),
	cmd_cohort_withdraw_exec
};
