/*
 * Shared by the libFuzzer targets (fuzz-*.c) and their replay in make check
 * (replay.c): where the schemas and the seed content are, and a database in
 * memory with the mini course loaded.  Every helper aborts on a failure of
 * its own set-up, which libFuzzer reports as a crash: an input is never
 * blamed for a broken harness.
 */
#ifndef FIRSTLINE_FUZZ_H
#define FIRSTLINE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/content.h"
#include "core/core.h"
#include "core/load.h"
#include "core/store.h"
#include "core/xmlsafe.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* FUZZ_SRCDIR is the source tree (set by Makefile.am). */
static inline void
fuzz_env(void)
{
	setenv("FIRSTLINE_DATADIR", FUZZ_SRCDIR "/question-banks", 0);
	setenv("LC_ALL", "C.UTF-8", 1);
	unsetenv("LANGUAGE");
}

static inline void
fuzz_fail(const char *what, const char *cause)
{
	fprintf(stderr, "fuzz harness: %s: %s\n", what, cause ? cause : "");
	abort();
}

/*
 * A new database in memory holding the mini course (a bank of module mini,
 * a station, a drill and exam mini-exam) from tests/data/good.
 */
static inline struct store *
fuzz_store(void)
{
	static const char *const files[] = { "mini-bank.xml",
	    "mini-rubric.xml", "mini-sim.xml", "mini-exam.xml" };
	struct content_set set;
	struct diag d, notes;
	struct store *s;
	char *cause = NULL, *path;
	size_t i;

	if (store_open(":memory:", STORE_CREATE, &s, &cause) != 0)
		fuzz_fail("store_open", cause);
	content_set_init(&set);
	diag_init(&d);
	diag_init(&notes);
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		path = xasprintf("%s/tests/data/good/%s", FUZZ_SRCDIR,
		    files[i]);
		if (content_read(&set, path, &d) != 0)
			fuzz_fail(path, d.n ? d.msgs[0] : "");
		free(path);
	}
	if (content_load(&set, s, &notes, &d) != 0)
		fuzz_fail("content_load", d.n ? d.msgs[0] : "");
	content_set_release(&set);
	diag_release(&d);
	diag_release(&notes);
	return s;
}

#endif
