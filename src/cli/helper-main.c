/*
 * firstline-scan and firstline-serve: programs that firstline execs for
 * one command each, "HELPER --db DB [--allow-open-db] [GROUP] NAME
 * ARGS..." (cli_helper_exec), built from this file with
 * FIRSTLINE_SCAN_HELPER (paper scan: Leptonica, ZBar, poppler) or
 * FIRSTLINE_SERVE_HELPER (serve: libmicrohttpd, GnuTLS).  Programs of
 * their own so that only they are linked with those libraries: firstline
 * (and the trainee's client) stays small and starts fast.  They do nothing
 * else.
 */
#include "config.h"

#include <sys/resource.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/store.h"
#include "core/xalloc.h"

#if defined(FIRSTLINE_SCAN_HELPER)
#define HELPER_NAME	"firstline-scan"
#define HELPER_ENTRY	cmd_paper_scan_entry
#elif defined(FIRSTLINE_SERVE_HELPER)
#define HELPER_NAME	"firstline-serve"
#define HELPER_ENTRY	cmd_serve_entry
#else
#error "helper-main.c is built for one helper"
#endif

#ifdef FIRSTLINE_SCAN_HELPER
/*
 * A ceiling on the address space: an image hidden in a PDF is decoded by
 * poppler at whatever size it declares, which no header check here sees;
 * past the ceiling the allocation fails instead of the machine swapping.
 * Not under AddressSanitizer, which reserves terabytes of address space.
 */
#define SCAN_MAX_MEMORY	(3UL << 30)
#if defined(__SANITIZE_ADDRESS__)
#define SCAN_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SCAN_ASAN 1
#endif
#endif

static void
scan_limit_memory(void)
{
#ifndef SCAN_ASAN
	struct rlimit rl;

	if (getrlimit(RLIMIT_AS, &rl) == 0 && (rl.rlim_cur == RLIM_INFINITY ||
	    rl.rlim_cur > SCAN_MAX_MEMORY)) {
		rl.rlim_cur = SCAN_MAX_MEMORY;
		setrlimit(RLIMIT_AS, &rl);
	}
#endif
}
#endif /* FIRSTLINE_SCAN_HELPER */

int
main(int argc, char **argv)
{
	const struct cmd_entry *e = &HELPER_ENTRY;
	struct cli c;
	char *usage;
	int rc, i = 3;

#ifdef FIRSTLINE_SCAN_HELPER
	scan_limit_memory();
#endif
	cli_start();
	if (argc > i && strcmp(argv[i], "--allow-open-db") == 0) {
		store_allow_open_db(1);
		i++;
	}
	if (argc < 3 || strcmp(argv[1], "--db") != 0 ||
	    (e->group != NULL && (argc <= i || strcmp(argv[i++], e->group) !=
	    0)) || argc <= i || strcmp(argv[i], e->name) != 0) {
		usage = e->group != NULL ? xasprintf("%s %s", e->group,
		    e->name) : xstrdup(e->name);
		fprintf(stderr, _("%s is run by firstline: use 'firstline "
		    "%s'\n"), HELPER_NAME, usage);
		free(usage);
		return EXIT_USAGE;
	}
	c.db = argv[2];
	c.db_given = 1;
	optind = 0;
	rc = e->exec(&c, e, argc - i, argv + i);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror(HELPER_NAME ": standard output");
		return EXIT_REFUSED;
	}
	return rc;
}
