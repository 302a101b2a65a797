/*
 * libFuzzer target: bytes as what a QR code on a scanned page says, and as
 * the responses a sheet is filled from (core/sheet.h).
 *
 * The code: sheet_code_parse either refuses with a message or reads fields
 * that print back to exactly the input (one text per code: nothing before,
 * after or in between is tolerated); a parsed code is then verified against
 * this harness's own database and must be refused: as another database's,
 * or, when the fuzzer has learnt the identity, for its check value.  The responses: the first two bytes make
 * an item (type, 1 to 8 options), the rest is a response; when sheet_fill
 * takes it, the bubbles it fills read back (sheet_response) as one answer
 * that fills the same bubbles.
 */
#include "config.h"

#include "fuzz.h"

#include <string.h>

#include "core/sheet.h"

static struct store *fuzz_db;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_env();
	xmlsafe_init();
	fuzz_db = fuzz_store();
	return 0;
}

static void
fuzz_code(const uint8_t *data, size_t size)
{
	struct sheet_code c;
	char *cause = NULL, *back, suffix[16] = "", id[INSTANCE_ID_LEN + 1];
	sqlite3_int64 tid = 1;

	if (sheet_code_parse((const char *)data, size, &c, &cause) != 0) {
		if (cause == NULL || *cause == '\0')
			fuzz_fail("parse refused without a message", NULL);
		free(cause);
		return;
	}
	if (c.part == SHEET_PART_BOOKLET)
		snprintf(suffix, sizeof suffix, "/p%d", c.page);
	else if (c.page > 1)
		snprintf(suffix, sizeof suffix, "/s%d", c.page);
	back = xasprintf("FL1/%s/%s/%lld/%s%s", c.instance, c.cohort,
	    (long long)c.attempt, c.check, suffix);
	if (strlen(back) != size || memcmp(back, data, size) != 0)
		fuzz_fail("parsed code does not print back as its text", back);
	free(back);
	/*
	 * libFuzzer learns the identity from strcmp (it is not secret), but
	 * not the check value, compared in constant time: refused either way.
	 */
	if (instance_id(fuzz_db, id, &cause) != 0)
		fuzz_fail("instance_id", cause);
	if (sheet_code_verify(fuzz_db, &c, c.cohort, &tid, &cause) == 0 ||
	    tid != 0 || strstr(cause, strcmp(c.instance, id) != 0 ?
	    "another firstline database" : "check value is wrong") == NULL)
		fuzz_fail("a made-up code was not refused as such", cause);
	free(cause);
}

static void
fuzz_response(const uint8_t *data, size_t size)
{
	struct paper_item it;
	unsigned char filled[64], again[64];
	char *text, *cause = NULL, *r;
	int n;

	if (size < 2)
		return;
	memset(&it, 0, sizeof it);
	it.type = (enum qtype)(data[0] % QTYPE_COUNT);
	it.noptions = it.type == QTYPE_TRUEFALSE ? 2 : 1 + data[1] % 8;
	n = it.type == QTYPE_ORDERING ? (int)(it.noptions * it.noptions) :
	    it.type == QTYPE_TRUEFALSE ? 2 : (int)it.noptions;
	text = xcalloc(1, size - 1);
	memcpy(text, data + 2, size - 2);
	if (strlen(text) == size - 2 && sheet_fill(&it, text, filled) == 0) {
		if ((r = sheet_response(&it, filled, &cause)) == NULL)
			fuzz_fail("filled bubbles are not one answer", cause);
		if (sheet_fill(&it, r, again) != 0 ||
		    memcmp(filled, again, (size_t)n) != 0)
			fuzz_fail("the answer read back fills other bubbles", r);
		free(r);
	}
	free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_code(data, size);
	fuzz_response(data, size);
	return 0;
}
