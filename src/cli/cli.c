/*
 * Helpers shared by the commands: option parsing for the common options,
 * errors and usage messages, opening the database.
 */
#include "config.h"

#include "cli.h"

#include <fcntl.h>
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/store.h"

/* Drop the spaces before s's final newline (a command without ARGS). */
static void
cli_trim_line(char *s)
{
	size_t n = strlen(s), nl = n > 0 && s[n - 1] == '\n';

	n -= nl;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (nl)
		s[n++] = '\n';
	s[n] = '\0';
}

void
cli_usage(const struct cmd_entry *e, FILE *fp)
{
	char *line;

	if (e->group != NULL)
		line = xasprintf(_("usage: firstline %s %s %s\n"), e->group,
		    e->name, e->args);
	else
		line = xasprintf(_("usage: firstline %s %s\n"), e->name,
		    e->args);
	cli_trim_line(line);
	fputs(line, fp);
	free(line);
}

int
cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("firstline: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_REFUSED;
}

int
cli_usage_error(const struct cmd_entry *e, const char *fmt, ...)
{
	va_list ap;

	fputs("firstline: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	cli_usage(e, stderr);
	return EXIT_USAGE;
}

void
cli_print_diag(const struct diag *d)
{
	size_t i;

	for (i = 0; i < d->n && i < DIAG_MAX; i++)
		fprintf(stderr, "%s\n", d->msgs[i]);
	if (d->n > DIAG_MAX)
		fprintf(stderr, ngettext("firstline: %zu more problem not "
		    "shown\n", "firstline: %zu more problems not shown\n",
		    d->n - DIAG_MAX), d->n - DIAG_MAX);
}

int
cli_format(const struct cmd_entry *e, const char *name, unsigned allowed,
    enum format *f)
{
	static const char *const names[] = { "text", "csv", "pdf" };
	int i;

	for (i = 0; i < 3; i++)
		if ((allowed & (1u << i)) && strcmp(name, names[i]) == 0) {
			*f = (enum format)i;
			return 0;
		}
	return cli_usage_error(e, _("unknown format '%s'"), name);
}

int
cli_options(const struct cmd_entry *e, int argc, char **argv,
    unsigned allowed, enum format *format, const char **out)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	if (format != NULL)
		*format = FORMAT_TEXT;
	while ((ch = getopt_long(argc, argv, "f:o:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (format == NULL || cli_format(e, optarg, allowed,
			    format) != 0) {
				if (format == NULL)
					cli_usage_error(e, _("unknown format "
					    "'%s'"), optarg);
				return -1;
			}
			break;
		case 'o':
			if (out == NULL) {
				cli_usage_error(e, _("-o is not an option of "
				    "this command"));
				return -1;
			}
			*out = optarg;
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
	return 0;
}

struct store *
cli_open(struct cli *c)
{
	struct store *s;
	char *cause;

	if (store_open(c->db, STORE_OPEN, &s, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return NULL;
	}
	return s;
}

FILE *
cli_out_open(const char *out)
{
	struct stat sb;
	FILE *fp;
	int fd;

	if (out == NULL)
		return stdout;
	/* Reports hold names and scores: 0600 whatever the umask, and a
	 * regular file that was there already is made private too. */
	if ((fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) == -1 || fstat(fd, &sb) != 0 ||
	    (S_ISREG(sb.st_mode) && (sb.st_mode & 0077) != 0 &&
	    fchmod(fd, sb.st_mode & 0700) != 0) ||
	    (fp = fdopen(fd, "w")) == NULL) {
		cli_error(_("%s: cannot write: %m"), out);
		if (fd != -1)
			close(fd);
		return NULL;
	}
	return fp;
}

int
cli_out_close(FILE *fp, const char *out)
{
	if (fp == stdout)
		return EXIT_OK;
	if (fclose(fp) != 0)
		return cli_error(_("%s: cannot write: %m"), out);
	return EXIT_OK;
}

int
cmd_list(struct cli *c, const struct cmd_entry *e, int argc, char **argv,
    void (*fill)(struct store *, struct table *))
{
	enum format f;
	struct store *s;
	struct table t;
	int rc;

	rc = cli_options(e, argc, argv, 1u << FORMAT_TEXT | 1u << FORMAT_CSV,
	    &f, NULL);
	if (rc != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind != argc)
		return cli_usage_error(e, _("unexpected argument '%s'"),
		    argv[optind]);
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	fill(s, &t);
	output_table(&t, f, stdout);
	table_release(&t);
	store_free(&s);
	return EXIT_OK;
}

int
cmd_show(struct cli *c, const struct cmd_entry *e, int argc, char **argv,
    int (*fill)(struct store *, const char *, struct table *, char **))
{
	enum format f;
	struct store *s;
	struct table t;
	char *cause;
	int rc;

	rc = cli_options(e, argc, argv, 1u << FORMAT_TEXT | 1u << FORMAT_CSV,
	    &f, NULL);
	if (rc != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind + 1 != argc)
		return cli_usage_error(e, optind == argc ?
		    _("which one? name it") : _("too many arguments"));
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	rc = fill(s, argv[optind], &t, &cause);
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

int
cli_act_options(const struct cmd_entry *e, int argc, char **argv,
    struct act_opts *o)
{
	return cli_act_options_ex(e, argc, argv, o, 0);
}

int
cli_act_options_ex(const struct cmd_entry *e, int argc, char **argv,
    struct act_opts *o, int slips_ok)
{
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "reason", required_argument, NULL, 'r' },
		{ "password-file", required_argument, NULL, 'p' },
		{ "slips", required_argument, NULL, 's' },
		{ "url", required_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	o->by = o->reason = o->file = o->slips = o->url = NULL;
	while ((ch = getopt_long(argc, argv, "b:r:p:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'b': o->by = optarg; break;
		case 'r': o->reason = optarg; break;
		case 'p': o->file = optarg; break;
		case 's':
			if (!slips_ok) {
				cli_usage_error(e, _("this command prints no "
				    "exam slips (--slips)"));
				return -1;
			}
			o->slips = optarg;
			break;
		case 'u':
			if (!slips_ok) {
				cli_usage_error(e, _("this command prints no "
				    "exam slips (--url)"));
				return -1;
			}
			o->url = optarg;
			break;
		case 'h': cli_usage(e, stdout); return 1;
		default: cli_usage(e, stderr); return -1;
		}
	}
	if (o->by == NULL) {
		cli_usage_error(e, _("--by USER is required"));
		return -1;
	}
	if (o->url != NULL && o->slips == NULL) {
		cli_usage_error(e, _("--url goes with --slips (it is printed "
		    "on the exam slips)"));
		return -1;
	}
	return 0;
}

/* The body of both: run the client on an open store, or on a path. */
static int
cli_client(struct cli *c, const struct cmd_entry *e, int argc, char **argv,
    int (*run)(struct store *, char **),
    int (*run_path)(const char *, char **))
{
	struct store *s;
	struct stat sb;
	char *cause = NULL;
	int rc;

	if ((rc = cli_options(e, argc, argv, 0, NULL, NULL)) != 0)
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	if (optind != argc)
		return cli_usage_error(e, _("the client takes no arguments"));
	if (run_path != NULL) {
		/* A missing database is said before the screen starts. */
		if (stat(c->db, &sb) != 0) {
			if ((s = cli_open(c)) == NULL)
				return EXIT_REFUSED;
			store_free(&s);
		}
		rc = run_path(c->db, &cause);
	} else {
		if ((s = cli_open(c)) == NULL)
			return EXIT_REFUSED;
		rc = run(s, &cause);
		store_free(&s);
	}
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	return EXIT_OK;
}

int
cli_run_client(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv, int (*run)(struct store *, char **))
{
	return cli_client(c, e, argc, argv, run, NULL);
}

int
cli_run_client_path(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv, int (*run)(const char *, char **))
{
	return cli_client(c, e, argc, argv, NULL, run);
}

struct store *
cli_open_as(struct cli *c, const struct act_opts *o, int min_role,
    struct user *u)
{
	struct store *s;

	if ((s = cli_open(c)) == NULL)
		return NULL;
	if (cli_login(s, o->by, o->file, min_role, u) != 0)
		store_free(&s);
	return s;
}

#ifdef ENABLE_NLS
/*
 * Where the message catalogues are: $FIRSTLINE_LOCALEDIR; else the
 * configured LOCALEDIR when firstline is installed there; else, for a
 * firstline run from its build tree, the locale/ folder that make builds
 * beside the binary -- so that an uninstalled build speaks Chinese too.
 */
static const char *
cli_localedir(void)
{
	static char dir[4096];
	const char *env = getenv("FIRSTLINE_LOCALEDIR");
	char *slash;
	ssize_t n;

	if (env != NULL && *env != '\0')
		return env;
	if (access(LOCALEDIR "/zh_CN/LC_MESSAGES/" PACKAGE ".mo", R_OK) == 0)
		return LOCALEDIR;
	n = readlink("/proc/self/exe", dir, sizeof dir - sizeof "locale");
	if (n <= 0)
		return LOCALEDIR;
	dir[n] = '\0';
	if ((slash = strrchr(dir, '/')) == NULL)
		return LOCALEDIR;
	strcpy(slash + 1, "locale");
	return access(dir, X_OK) == 0 ? dir : LOCALEDIR;
}
#endif

/*
 * What every firstline program does first (firstline, and the helpers of
 * helper-main.c).  A file size limit (ulimit -f) would kill us in the
 * middle of a write, silently; ignored, the write fails with EFBIG, SQLite
 * rolls the transaction back and the person is told which file is too
 * large.  Then the locale and its catalogue, and the filters that keep
 * control characters of names and files off a terminal (safeout.c).
 */
void
cli_start(void)
{
	signal(SIGXFSZ, SIG_IGN);
	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, cli_localedir());
	textdomain(PACKAGE);
#endif
	safeout_install();
}
