/*
 * firstline paper print: draw and freeze each trainee's written paper (or
 * find the one printed before) and print, per trainee, the question
 * booklet and the answer sheet into one PDF.  The PDF is written by
 * firstline-pdf (cli_pdf_exec); the file holds names, so it is made mode
 * 0600 beside its final name and renamed into place once complete.  The
 * papers are drawn only after the file could be made: a refused output
 * draws nothing.
 */
#include "config.h"

#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/paper-sitting.h"
#include "core/store.h"
#ifdef FIRSTLINE_PDF_HELPER
#include "report/pdf.h"
#endif

struct print_opts {
	const char	*out;
	int		 zh;
};

static int
print_options(const struct cmd_entry *e, int argc, char **argv,
    struct print_opts *o)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "lang", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	o->out = NULL;
	o->zh = fl_lang_zh();
	while ((ch = getopt_long(argc, argv, "o:l:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			o->out = optarg;
			break;
		case 'l':
			if (strcmp(optarg, "zh-CN") != 0 &&
			    strcmp(optarg, "en") != 0) {
				cli_usage_error(e, _("unknown language '%s'; "
				    "use zh-CN or en"), optarg);
				return -1;
			}
			o->zh = strcmp(optarg, "zh-CN") == 0;
			break;
		case 'h':
			cli_usage(e, stdout);
			printf("\n%s\n", _(e->summary));
			return 1;
		default:
			cli_usage(e, stderr);
			return -1;
		}
	}
	if (optind == argc) {
		cli_usage_error(e, _("which cohort? name it"));
		return -1;
	}
	if (o->out == NULL || *o->out == '\0') {
		cli_usage_error(e, _("-o FILE.pdf is required"));
		return -1;
	}
	return 0;
}

#ifdef FIRSTLINE_PDF_HELPER
/* A new file of mode 0600 beside out, for the PDF; NULL after saying why. */
static FILE *
print_tmp(const char *out, char **tmp)
{
	const char *slash = strrchr(out, '/');
	struct stat sb;
	FILE *fp;
	int fd;

	if (stat(out, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		cli_error(_("%s is not a regular file: the papers are written "
		    "to a new or regular file"), out);
		return NULL;
	}
	*tmp = slash != NULL ? xasprintf("%.*s/.papers.XXXXXX",
	    (int)(slash - out), out) : xstrdup(".papers.XXXXXX");
	if ((fd = mkstemp(*tmp)) == -1 || (fp = fdopen(fd, "w")) == NULL) {
		cli_error(_("cannot write the papers %s: %s"), out,
		    strerror(errno));
		if (fd != -1) {
			close(fd);
			unlink(*tmp);
		}
		free(*tmp);
		*tmp = NULL;
		return NULL;
	}
	return fp;
}

/* Finish the PDF in fp (rc, cause from the writer), put it at out. */
static int
print_finish(FILE *fp, char *tmp, const char *out, int rc, char *cause)
{
	if (rc > 0)
		fprintf(stderr, _("firstline: warning: %s: %s\n"), out, cause);
	else if (rc < 0)
		cli_error("%s: %s", out, cause);
	free(cause);
	if (rc >= 0 && (fflush(fp) != 0 || fsync(fileno(fp)) != 0 ||
	    ferror(fp))) {
		cli_error(_("cannot write the papers %s: %s"), out,
		    strerror(errno));
		rc = -1;
	}
	if (fclose(fp) != 0 && rc >= 0) {
		cli_error(_("cannot write the papers %s: %s"), out,
		    strerror(errno));
		rc = -1;
	}
	if (rc >= 0 && rename(tmp, out) != 0) {
		cli_error(_("cannot write the papers %s: %s"), out,
		    strerror(errno));
		rc = -1;
	}
	if (rc < 0)
		unlink(tmp);
	free(tmp);
	return rc < 0 ? EXIT_REFUSED : EXIT_OK;
}
#endif

static int
cmd_paper_print(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	struct print_opts o;
	int rc;

	if ((rc = print_options(e, argc, argv, &o)) != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
#ifndef FIRSTLINE_PDF_HELPER
	(void)c;
	return cli_pdf_exec(c, "paper", argc, argv);
#else
	{
		struct paper_batch b;
		struct store *s;
		struct diag skipped;
		char *cause = NULL, *tmp = NULL;
		size_t i, drawn = 0;
		FILE *fp;

		if ((s = cli_open(c)) == NULL)
			return EXIT_REFUSED;
		if ((fp = print_tmp(o.out, &tmp)) == NULL) {
			store_free(&s);
			return EXIT_REFUSED;
		}
		diag_init(&skipped);
		if (paper_sitting_print(s, argv[optind], argv + optind + 1,
		    (size_t)(argc - optind - 1), &b, &skipped, &cause) != 0) {
			cli_print_diag(&skipped);
			diag_release(&skipped);
			fclose(fp);
			unlink(tmp);
			free(tmp);
			cli_error("%s", cause);
			free(cause);
			store_free(&s);
			return EXIT_REFUSED;
		}
		cli_print_diag(&skipped);
		diag_release(&skipped);
		rc = pdf_papers_write(&b, o.zh, fp, &cause);
		rc = print_finish(fp, tmp, o.out, rc, cause);
		pdf_shutdown();	/* once the file is in place */
		if (rc == EXIT_OK) {
			for (i = 0; i < b.n; i++)
				drawn += !b.p[i].reprint;
			printf(ngettext("%zu paper in %s (%zu drawn now, %zu "
			    "printed before and the same again)\n",
			    "%zu papers in %s (%zu drawn now, %zu printed "
			    "before and the same again)\n", b.n), b.n, o.out,
			    drawn, b.n - drawn);
		}
		paper_batch_release(&b);
		store_free(&s);
		return rc;
	}
#endif
}

const struct cmd_entry cmd_paper_print_entry = {
	"paper", "print", "COHORT [TICKET...] [--lang zh-CN|en] -o FILE.pdf",
	N_("draw, freeze and print each trainee's written paper: question "
	    "booklet and answer sheet"),
	cmd_paper_print,
};
