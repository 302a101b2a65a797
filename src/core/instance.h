/*
 * This database's identity and secret.
 *
 * Every database gets, when it is created (migration 5 -> 6), a random
 * identity (32 hex digits) and a random 32-byte secret that never change.
 * The identity tells a paper answer sheet or a certificate of this database
 * from one of another; the secret keys the check values printed on paper and
 * the audit chain, so that a home-made sheet or a row written behind the
 * program's back does not verify.  Whoever can read the database file can
 * read the secret: it protects against forgery from outside the file, not
 * against its owner.
 */
#ifndef FIRSTLINE_INSTANCE_H
#define FIRSTLINE_INSTANCE_H

#include <stddef.h>

struct store;

#define INSTANCE_ID_LEN		32	/* hex digits */
#define INSTANCE_SECRET_LEN	32	/* bytes */
#define INSTANCE_MAC_LEN	32	/* bytes, HMAC-SHA256 */

/* The identity, NUL-terminated, in id.  0, or -1 with *cause. */
int instance_id(struct store *s, char id[INSTANCE_ID_LEN + 1], char **cause);

/*
 * HMAC-SHA256 of msg under the database secret, in mac.  0, or -1 with
 * *cause.  The secret itself never leaves this file.
 */
int instance_mac(struct store *s, const void *msg, size_t len,
    unsigned char mac[INSTANCE_MAC_LEN], char **cause);

/* SHA-256 of msg (no key), for digests that anyone may recompute. */
void instance_sha256(const void *msg, size_t len,
    unsigned char out[INSTANCE_MAC_LEN]);

/* Lower-case hex of n bytes into out (2n + 1 bytes). */
void instance_hex(const unsigned char *in, size_t n, char *out);

#endif
