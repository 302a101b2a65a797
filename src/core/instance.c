/*
 * This database's identity and secret (instance.h), and the hashes keyed by
 * it, through nettle.
 */
#include "config.h"

#include "instance.h"

#include <string.h>

#include <nettle/hmac.h>
#include <nettle/sha2.h>

#include "core.h"
#include "store.h"

/* Read the one instance row: id into id (may be NULL), secret into key. */
static int
instance_read(struct store *s, char *id, unsigned char *key, char **cause)
{
	sqlite3_stmt *st;
	int rc = -1;

	st = store_prepare(s, "SELECT uuid, secret FROM instance WHERE id = 1");
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_bytes(st, 0) == INSTANCE_ID_LEN &&
	    sqlite3_column_bytes(st, 1) == INSTANCE_SECRET_LEN) {
		if (id != NULL) {
			memcpy(id, sqlite3_column_text(st, 0), INSTANCE_ID_LEN);
			id[INSTANCE_ID_LEN] = '\0';
		}
		if (key != NULL)
			memcpy(key, sqlite3_column_blob(st, 1),
			    INSTANCE_SECRET_LEN);
		rc = 0;
	} else
		*cause = store_error(s, _("reading the database identity"));
	sqlite3_finalize(st);
	return rc;
}

int
instance_id(struct store *s, char id[INSTANCE_ID_LEN + 1], char **cause)
{
	return instance_read(s, id, NULL, cause);
}

int
instance_mac(struct store *s, const void *msg, size_t len,
    unsigned char mac[INSTANCE_MAC_LEN], char **cause)
{
	unsigned char key[INSTANCE_SECRET_LEN];
	struct hmac_sha256_ctx ctx;

	if (instance_read(s, NULL, key, cause) != 0)
		return -1;
	hmac_sha256_set_key(&ctx, sizeof key, key);
	hmac_sha256_update(&ctx, len, msg);
	hmac_sha256_digest(&ctx, INSTANCE_MAC_LEN, mac);
	memset(key, 0, sizeof key);
	memset(&ctx, 0, sizeof ctx);
	return 0;
}

void
instance_sha256(const void *msg, size_t len,
    unsigned char out[INSTANCE_MAC_LEN])
{
	struct sha256_ctx ctx;

	sha256_init(&ctx);
	sha256_update(&ctx, len, msg);
	sha256_digest(&ctx, INSTANCE_MAC_LEN, out);
}

void
instance_hex(const unsigned char *in, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 0xf];
	}
	out[2 * n] = '\0';
}
