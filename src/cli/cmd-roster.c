/*
 * firstline roster import / roster reset-pin: enrol a cohort's trainees
 * from CSV, or give one of them a new PIN; both print ticket,name,
 * community,pin as CSV, the only time the PINs exist in clear, and with
 * --slips FILE.pdf also print them on exam slips.  The slips are written
 * (by firstline-pdf) before the trainees are stored, beside their final
 * name, and linked into place after the commit: slips and trainees exist
 * together or not at all.
 */
#include "config.h"

#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/cohort.h"
#include "core/proctor.h"
#include "core/store.h"
#ifdef FIRSTLINE_PDF_HELPER
#include "report/pdf.h"
#endif

/* Exam slips on their way to path (firstline-pdf only). */
struct slips {
	const char	*path;		/* the final name */
	char		*tmp;		/* the file being written */
	const char	*cohort;
	struct store	*s;
	const char	*url;		/* the browser sitting, for a QR code */
};

#ifdef FIRSTLINE_PDF_HELPER
/* The roster hook: write the slips of t to a new file next to path. */
static int
slips_write(const struct table *t, void *arg, char **cause)
{
	struct slips *sl = arg;
	struct cohort_slip h;
	const char *slash = strrchr(sl->path, '/');
	FILE *fp;
	int fd, rc;

	if (cohort_slip(sl->s, sl->cohort, &h, cause) != 0)
		return -1;
	/* mkstemp: a new file of mode 0600, since it holds the PINs. */
	sl->tmp = slash != NULL ? xasprintf("%.*s/.slips.XXXXXX",
	    (int)(slash - sl->path), sl->path) : xstrdup(".slips.XXXXXX");
	if ((fd = mkstemp(sl->tmp)) == -1 ||
	    (fp = fdopen(fd, "w")) == NULL) {
		*cause = xasprintf(_("cannot write the exam slips %s: %s"),
		    sl->path, strerror(errno));
		if (fd != -1) {
			close(fd);
			unlink(sl->tmp);
		}
		free(sl->tmp);
		sl->tmp = NULL;
		cohort_slip_release(&h);
		return -1;
	}
	rc = pdf_slips_write(&h, t, sl->url, fp, cause);
	pdf_shutdown();
	cohort_slip_release(&h);
	if (rc == 1) {		/* written; a warning about glyphs */
		cli_error("%s: %s", sl->path, *cause);
		free(*cause);
		*cause = NULL;
		rc = 0;
	}
	if ((fflush(fp) != 0 || fsync(fd) != 0 || ferror(fp)) && rc == 0) {
		*cause = xasprintf(_("cannot write the exam slips %s: %s"),
		    sl->path, strerror(errno));
		rc = -1;
	}
	if (fclose(fp) != 0 && rc == 0) {
		*cause = xasprintf(_("cannot write the exam slips %s: %s"),
		    sl->path, strerror(errno));
		rc = -1;
	} else if (rc != 0 && *cause == NULL) {
		*cause = xasprintf(_("cannot write the exam slips %s"),
		    sl->path);
	} else if (rc != 0) {
		char *why = *cause;

		*cause = xasprintf(_("cannot write the exam slips %s: %s"),
		    sl->path, why);
		free(why);
	}
	if (rc != 0) {
		unlink(sl->tmp);
		free(sl->tmp);
		sl->tmp = NULL;
	}
	return rc;
}
#endif

/*
 * Put the slips in place once the trainees are committed, or remove them.
 * Returns EXIT_OK, or EXIT_REFUSED after saying why.
 */
static int
slips_finish(struct slips *sl, int committed)
{
	int rc = EXIT_OK;

	if (sl->tmp == NULL)
		return EXIT_OK;
	/* link, not rename: a file that appeared meanwhile is kept. */
	if (!committed)
		unlink(sl->tmp);
	else if (link(sl->tmp, sl->path) != 0) {
		cli_error(_("the PINs are stored but the exam slips could not "
		    "be put at %s (%s); they are in %s"), sl->path,
		    strerror(errno), sl->tmp);
		rc = EXIT_REFUSED;
	} else
		unlink(sl->tmp);
	free(sl->tmp);
	sl->tmp = NULL;
	return rc;
}

/*
 * Slips are never written over: the PINs on an earlier file exist nowhere
 * else.  Says so and returns -1 when path exists.
 */
static int
slips_fresh(const char *path)
{
	if (path == NULL || access(path, F_OK) != 0)
		return 0;
	cli_error(_("%s exists: exam slips are never written over (the PINs "
	    "on them are printed nowhere else); name a new file"), path);
	return -1;
}

/* Whether url is an http(s) address fit to print and encode. */
static int
slips_url_ok(const char *url)
{
	size_t i, n = strlen(url);

	if (n > 200 || (strncmp(url, "http://", 7) != 0 &&
	    strncmp(url, "https://", 8) != 0) || n < 9)
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)url[i] <= ' ' ||
		    (unsigned char)url[i] >= 0x7f)
			return 0;
	return 1;
}

/* The hook to pass: the slips writer, or none. */
static roster_hook
slips_hook(const struct slips *sl)
{
#ifdef FIRSTLINE_PDF_HELPER
	return sl->path != NULL ? slips_write : NULL;
#else
	(void)sl;
	return NULL;
#endif
}

static int
cmd_roster_import_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "slips", required_argument, NULL, 's' },
		{ "url", required_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct slips sl = { NULL, NULL, NULL, NULL, NULL };
	struct store *s;
	struct table t;
	struct diag d;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 's': sl.path = optarg; break;
		case 'u': sl.url = optarg; break;
		case 'h': cli_usage(e, stdout); return EXIT_OK;
		default: cli_usage(e, stderr); return EXIT_USAGE;
		}
	}
	if (optind + 2 != argc)
		return cli_usage_error(e, _("give the COHORT and the CSV "
		    "FILE"));
	if (sl.url != NULL && sl.path == NULL)
		return cli_usage_error(e, _("--url goes with --slips (it is "
		    "printed on the exam slips)"));
	if (sl.url != NULL && !slips_url_ok(sl.url))
		return cli_usage_error(e, _("--url %s: give the address of the "
		    "browser sitting, http:// or https://, at most 200 "
		    "characters, no spaces"), sl.url);
	if (slips_fresh(sl.path) != 0)
		return EXIT_REFUSED;
#ifndef FIRSTLINE_PDF_HELPER
	if (sl.path != NULL)
		return cli_pdf_exec(c, "roster", argc, argv);
#endif
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	sl.cohort = argv[optind];
	sl.s = s;
	diag_init(&d);
	rc = roster_import_with(s, argv[optind], argv[optind + 1], &t, &d,
	    slips_hook(&sl), &sl);
	if (rc == 0) {
		output_table(&t, FORMAT_CSV, stdout);
		rc = slips_finish(&sl, 1);
	} else {
		slips_finish(&sl, 0);
		cli_print_diag(&d);
		fprintf(stderr, _("firstline: nobody was enrolled\n"));
		rc = EXIT_REFUSED;
	}
	table_release(&t);
	diag_release(&d);
	store_free(&s);
	return rc;
}

static int
cmd_roster_reset_pin_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	struct slips sl = { NULL, NULL, NULL, NULL, NULL };
	struct act_opts o;
	struct store *s;
	struct table t;
	struct user u;
	char *cause = NULL;
	int rc;

	if ((rc = cli_act_options_ex(e, argc, argv, &o, 1)) != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind + 2 != argc)
		return cli_usage_error(e, _("give COHORT TICKET"));
	if (o.url != NULL && !slips_url_ok(o.url))
		return cli_usage_error(e, _("--url %s: give the address of the "
		    "browser sitting, http:// or https://, at most 200 "
		    "characters, no spaces"), o.url);
	if (slips_fresh(o.slips) != 0)
		return EXIT_REFUSED;
#ifndef FIRSTLINE_PDF_HELPER
	if (o.slips != NULL)
		return cli_pdf_exec(c, "roster", argc, argv);
#endif
	if ((s = cli_open_as(c, &o, ROLE_ORGANIZER, &u)) == NULL)
		return EXIT_REFUSED;
	sl.path = o.slips;
	sl.url = o.url;
	sl.cohort = argv[optind];
	sl.s = s;
	rc = proctor_reset_pin(s, &u, argv[optind], argv[optind + 1], &t,
	    slips_hook(&sl), &sl, &cause);
	if (rc == 0) {
		output_table(&t, FORMAT_CSV, stdout);
		rc = slips_finish(&sl, 1);
	} else {
		slips_finish(&sl, 0);
		cli_error("%s", cause);
		free(cause);
		rc = EXIT_REFUSED;
	}
	table_release(&t);
	user_release(&u);
	store_free(&s);
	return rc;
}

const struct cmd_entry cmd_roster_import_entry = {
	"roster", "import", "COHORT FILE.csv [--slips FILE.pdf [--url URL]]",
	N_("enrol trainees from CSV (all rows or none); prints tickets and "
	    "PINs, and exam slips"),
	cmd_roster_import_exec
};

const struct cmd_entry cmd_roster_reset_pin_entry = {
	"roster", "reset-pin",
	"COHORT TICKET --by USER [--slips FILE.pdf [--url URL]] "
	"[--password-file F]",
	N_("give a trainee a new PIN (a lost exam slip), audited"),
	cmd_roster_reset_pin_exec
};
