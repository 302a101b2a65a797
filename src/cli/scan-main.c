/*
 * firstline-scan: the scan reader, run by firstline for `paper scan`
 * ("firstline-scan --db DB paper scan ARGS...").  A program of its own so
 * that only it is linked with Leptonica, ZBar and poppler: firstline (and
 * the trainee's client) stays small.  It does nothing else.
 */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <sys/resource.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

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

int
main(int argc, char **argv)
{
	struct cli c;
	int rc;

	scan_limit_memory();
	signal(SIGXFSZ, SIG_IGN);
	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, cli_localedir());
	textdomain(PACKAGE);
#endif
	if (argc < 5 || strcmp(argv[1], "--db") != 0 ||
	    strcmp(argv[3], "paper") != 0 || strcmp(argv[4], "scan") != 0) {
		fprintf(stderr, _("firstline-scan is run by firstline: use "
		    "'firstline paper scan'\n"));
		return EXIT_USAGE;
	}
	c.db = argv[2];
	c.db_given = 1;
	optind = 0;
	rc = cmd_paper_scan_entry.exec(&c, &cmd_paper_scan_entry, argc - 4,
	    argv + 4);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("firstline-scan: standard output");
		return EXIT_REFUSED;
	}
	return rc;
}
