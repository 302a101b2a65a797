/*
 * firstline bank import-moodle / export-moodle: the Moodle XML exchange of
 * firstline-bank(5).  Import needs no database; export reads the current
 * version of a module from it.
 */
#include "config.h"

#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "core/moodle.h"
#include "core/store.h"

struct moodle_opts {
	const char	*module;
	const char	*out;
	int		 en;
	int		 lang;		/* --lang given */
};

/*
 * Options of both commands: -o FILE, --lang zh-CN|en and (with_module)
 * --module ID.  Returns -1 after a usage error, 1 after help, else 0.
 */
static int
moodle_options(const struct cmd_entry *e, int argc, char **argv,
    int with_module, struct moodle_opts *o)
{
	static const struct option longopts[] = {
		{ "module", required_argument, NULL, 'm' },
		{ "output", required_argument, NULL, 'o' },
		{ "lang", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	memset(o, 0, sizeof *o);
	while ((ch = getopt_long(argc, argv, "m:o:l:h", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'm':
			if (!with_module) {
				cli_usage_error(e, _("--module is not an "
				    "option of this command"));
				return -1;
			}
			o->module = optarg;
			break;
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
			o->en = strcmp(optarg, "en") == 0;
			o->lang = 1;
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
	if (optind + 1 != argc) {
		cli_usage_error(e, optind == argc ? _("which one? name it") :
		    _("too many arguments"));
		return -1;
	}
	return 0;
}

/* A module id leaving room for the ids MODULE-mNNN: at most 56 of a-z0-9-_ */
static int
moodle_module_ok(const char *m)
{
	size_t n = strspn(m, "abcdefghijklmnopqrstuvwxyz0123456789-_");

	return n > 0 && m[n] == '\0' && n <= 56 && m[0] != '-' && m[0] != '_';
}

/* Write buf to out, or to standard output when out is NULL. */
static int
moodle_output(const char *out, const char *buf, size_t len)
{
	char *cause;

	if (out == NULL) {
		fwrite(buf, 1, len, stdout);
		return EXIT_OK;
	}
	if (moodle_save(out, buf, len, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	return EXIT_OK;
}

/* "skipped 3 questions: 2 essay, 1 matching" on standard error. */
static void
moodle_report(const struct moodle_import *mi, const char *file)
{
	size_t i;

	cli_print_diag(&mi->notes);
	if (mi->nskipped > 0) {
		fprintf(stderr, ngettext("firstline: skipped %zu question:",
		    "firstline: skipped %zu questions:", mi->nskipped),
		    mi->nskipped);
		for (i = 0; i < mi->nskips; i++)
			fprintf(stderr, "%s %zu %s", i > 0 ? "," : "",
			    mi->skips[i].n, mi->skips[i].type);
		fputc('\n', stderr);
	}
	if (mi->nfeedback > 0)
		fprintf(stderr, ngettext("firstline: %s: %zu question had no "
		    "general feedback; its explanation says so\n",
		    "firstline: %s: %zu questions had no general feedback; "
		    "their explanation says so\n", mi->nfeedback), file,
		    mi->nfeedback);
}

static int
cmd_moodle_import_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	struct moodle_import mi;
	struct moodle_opts o;
	struct diag d;
	const char *file;
	int rc;

	(void)c;
	if ((rc = moodle_options(e, argc, argv, 1, &o)) != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (o.module == NULL)
		return cli_usage_error(e, _("--module ID is required"));
	if (!moodle_module_ok(o.module))
		return cli_usage_error(e, _("--module '%s' is not a module id "
		    "(a-z, 0-9, '-' and '_', at most 56)"), o.module);
	file = argv[optind];
	moodle_import_init(&mi, o.module, o.en);
	diag_init(&d);
	if (moodle_import_file(&mi, file, &d) != 0) {
		moodle_report(&mi, file);
		cli_print_diag(&d);
		fprintf(stderr, ngettext("firstline: %zu problem found; "
		    "nothing was written\n", "firstline: %zu problems found; "
		    "nothing was written\n", diag_count(&d)), diag_count(&d));
		rc = EXIT_REFUSED;
	} else {
		moodle_report(&mi, file);
		rc = moodle_output(o.out, mi.xml, mi.len);
		if (rc == EXIT_OK && o.out != NULL)
			printf(ngettext("%s: %zu question converted into %s, "
			    "module %s\n", "%s: %zu questions converted into "
			    "%s, module %s\n", mi.nquestions), file,
			    mi.nquestions, o.out, o.module);
	}
	diag_release(&d);
	moodle_import_release(&mi);
	return rc;
}

static int
cmd_moodle_export_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	struct moodle_opts o;
	struct store *s;
	char *xml, *cause;
	size_t len;
	int rc;

	if ((rc = moodle_options(e, argc, argv, 0, &o)) != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	rc = moodle_export(s, argv[optind], o.lang ? o.en : -1, &xml, &len,
	    &cause);
	store_free(&s);
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	rc = moodle_output(o.out, xml, len);
	free(xml);
	return rc;
}

const struct cmd_entry cmd_bank_import_moodle_entry = {
	"bank", "import-moodle",
	"FILE --module ID [-o OUT.xml] [--lang zh-CN|en]",
	N_("convert a Moodle XML quiz export into a bank file (no database)"),
	cmd_moodle_import_exec
};

const struct cmd_entry cmd_bank_export_moodle_entry = {
	"bank", "export-moodle", "MODULE [-o OUT.xml] [--lang zh-CN|en]",
	N_("write the loaded bank of MODULE as Moodle XML"),
	cmd_moodle_export_exec
};
