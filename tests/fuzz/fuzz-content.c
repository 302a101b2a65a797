/*
 * libFuzzer target: bytes as a bank, rubric or exam file, through the whole
 * loader in memory: safe parsing (xmlsafe), XSD validation, conversion, the
 * checks of one file and across files against a database holding the mini
 * course, and, when everything passes, storing it in a fresh database in
 * memory.  A refused input must come with at least one message and leave
 * the set empty (nothing loaded).
 */
#include "config.h"

#include "fuzz.h"

#include <string.h>

static struct store *fuzz_base;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_env();
	xmlsafe_init();
	fuzz_base = fuzz_store();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct content_set set;
	struct diag d, notes;
	struct store *s;
	char *cause = NULL;
	int rc;

	content_set_init(&set);
	diag_init(&d);
	rc = content_read_memory(&set, "fuzz.xml", (const char *)data, size,
	    &d);
	if (rc != 0 && (diag_count(&d) == 0 || set.nbanks + set.nrubrics +
	    set.nexams != 0))
		fuzz_fail("content_read_memory", "refused without a message, "
		    "or kept something");
	if (rc == 0)
		rc = content_check(&set, fuzz_base, &d);
	if (rc == 0) {
		if (store_open(":memory:", STORE_CREATE, &s, &cause) != 0)
			fuzz_fail("store_open", cause);
		diag_init(&notes);
		/* May still be refused: an exam without its banks. */
		content_load(&set, s, &notes, &d);
		diag_release(&notes);
		store_free(&s);
	}
	content_set_release(&set);
	diag_release(&d);
	return 0;
}
