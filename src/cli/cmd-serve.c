/*
 * firstline serve: the browser sitting (src/web) on HTTP, or HTTPS with
 * --cert and --key.  Checks the database once before listening, so that a
 * missing or old database is said here, not on a trainee's phone.
 *
 * Only firstline-serve (FIRSTLINE_SERVE_HELPER, src/cli/helper-main.c) is
 * linked with libmicrohttpd and GnuTLS; firstline execs it for this
 * command, so that the trainee's client does not load them at every start.
 */
#include "config.h"

#include "cli.h"

#include <stdlib.h>
#include <string.h>

#ifdef FIRSTLINE_SERVE_HELPER
#include "core/store.h"
#include "web/web.h"

/* A positive number option, or -1. */
static long
cmd_serve_number(const char *s, long min, long max)
{
	char *end;
	long v = strtol(s, &end, 10);

	return *s != '\0' && *end == '\0' && v >= min && v <= max ? v : -1;
}

static int
cmd_serve_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	static const struct option opts[] = {
		{ "listen", required_argument, NULL, 'l' },
		{ "cert", required_argument, NULL, 'c' },
		{ "key", required_argument, NULL, 'k' },
		{ "threads", required_argument, NULL, 't' },
		{ "max-connections", required_argument, NULL, 'm' },
		{ "per-address", required_argument, NULL, 'p' },
		{ "timeout", required_argument, NULL, 'T' },
		{ "trusted-proxy", required_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct web_config cfg;
	struct store *s;
	char *cause = NULL, *list, *tok, *save;
	const char *trusted[WEB_TRUSTED_MAX];
	long v;
	int ch;

	memset(&cfg, 0, sizeof cfg);
	cfg.listen = "0.0.0.0:8080";
	cfg.threads = 4;	/* see doc/deployment.md: --threads */
	cfg.max_conns = 4000;
	cfg.per_ip = 256;
	cfg.timeout_s = 30;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'l':
			cfg.listen = optarg;
			break;
		case 'c':
			cfg.cert = optarg;
			break;
		case 'k':
			cfg.key = optarg;
			break;
		case 't':
			if ((v = cmd_serve_number(optarg, 1, 64)) < 0)
				return cli_usage_error(e, _("--threads: 1 to "
				    "64"));
			cfg.threads = (unsigned)v;
			break;
		case 'm':
			if ((v = cmd_serve_number(optarg, 1, 60000)) < 0)
				return cli_usage_error(e, _("--max-connections:"
				    " 1 to 60000"));
			cfg.max_conns = (unsigned)v;
			break;
		case 'p':
			if ((v = cmd_serve_number(optarg, 0, 60000)) < 0)
				return cli_usage_error(e, _("--per-address: 0 "
				    "(no limit) to 60000"));
			cfg.per_ip = (unsigned)v;
			break;
		case 'T':
			if ((v = cmd_serve_number(optarg, 1, 3600)) < 0)
				return cli_usage_error(e, _("--timeout: 1 to "
				    "3600 seconds"));
			cfg.timeout_s = (unsigned)v;
			break;
		case 'P':
			/* Repeatable, or a comma list; checked by web_serve. */
			list = optarg;
			for (tok = strtok_r(list, ",", &save); tok != NULL;
			    tok = strtok_r(NULL, ",", &save)) {
				if (cfg.ntrusted == WEB_TRUSTED_MAX)
					return cli_usage_error(e,
					    _("--trusted-proxy: at most 16 "
					    "addresses"));
				trusted[cfg.ntrusted++] = tok;
			}
			break;
		case 'h':
			cli_usage(e, stdout);
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind != argc)
		return cli_usage_error(e, _("no operands expected"));
	if ((cfg.cert != NULL) != (cfg.key != NULL))
		return cli_usage_error(e, _("--cert and --key go together"));
	if ((s = cli_open(c)) == NULL)
		return EXIT_REFUSED;
	store_free(&s);
	cfg.db = c->db;
	cfg.trusted = trusted;
	if (web_serve(&cfg, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_REFUSED;
	}
	return EXIT_OK;
}
#else
static int
cmd_serve_exec(struct cli *c, const struct cmd_entry *e, int argc,
    char **argv)
{
	(void)e;
	return cli_helper_exec(c, "firstline-serve", NULL, argc, argv);
}
#endif

const struct cmd_entry cmd_serve_entry = {
	NULL, "serve",
	"[--listen ADDR:PORT] [--cert FILE --key FILE] [--threads N] "
	"[--max-connections N] [--per-address N] [--timeout S] "
	"[--trusted-proxy ADDR[,ADDR...]]",
	N_("the browser sitting: serve the written test to phones over "
	    "HTTP(S)"),
	cmd_serve_exec
};
