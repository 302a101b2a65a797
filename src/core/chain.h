/*
 * The tamper-evident record: every row of the audit trail (event), of the
 * score entries and their marks (score_entry, score_mark) and of the
 * certified results (certified_result) is chained as it is inserted,
 * whatever code inserts it.  Triggers (schema migration 12 -> 13) append to
 * the table chain, for each new row, the digest
 *
 *	fl_chain(previous digest, table, row key, content)
 *
 * where content is the row as the view chain_TABLE renders it (a JSON
 * array of its columns) and fl_chain is HMAC-SHA256 under the database's
 * secret (instance_mac), an application-defined SQL function that
 * chain_register() installs on every connection (store_open).  A
 * connection without it (the sqlite3 shell) cannot insert into these tables
 * at all; a row changed, deleted or inserted behind the program's back
 * with the triggers dropped no longer matches its digest, and without the
 * secret the digests cannot be recomputed.  Whoever holds the file and its
 * secret can rewrite everything: that stays out of reach.
 */
#ifndef FIRSTLINE_CHAIN_H
#define FIRSTLINE_CHAIN_H

#include <sqlite3.h>

struct store;

/* Install fl_chain on the store's connection.  0, or -1 and *cause. */
int chain_register(struct store *s, char **cause);

/* The first place the record does not match its chain. */
struct chain_fault {
	char	table[32];	/* "event", "score_entry", ... */
	char	key[64];	/* the row: its id, or "entry/seq" for marks */
	long long seq;		/* the chain entry, 0 when the row has none */
	const char *what;	/* what is wrong, in English (untranslated) */
};

/*
 * Walk the whole chain and every chained table.  Returns 0 when everything
 * matches (*rows: how many rows are chained), 1 with *f naming the first
 * row that does not match (a changed row, a deleted row, a row with no
 * chain entry, an edited chain entry), or -1 and *cause.
 */
int chain_verify(struct store *s, long long *rows, struct chain_fault *f,
    char **cause);

/* Length of a certificate's verification code: "XXXX-XXXX-XXXX". */
#define CHAIN_CODE_LEN 14

/*
 * The verification code printed on the certificate of the trainee with
 * ticket (from the chain digest of the trainee's certified result), in
 * code.  0, 1 when the trainee has no certified result, -1 and *cause.
 */
int chain_code(struct store *s, const char *ticket,
    char code[CHAIN_CODE_LEN + 1], char **cause);

/* What a verification code stands for. */
struct chain_certificate {
	char	*ticket;
	char	*name;
	char	*community;
	char	*cohort;
	char	*cls;		/* the certified class: pass, excellent ... */
	char	*sealed_at;	/* when the cohort was certified */
	int	 stands;	/* 1: the result and the chain up to it match */
	const char *why;	/* when it does not stand, why (English) */
};

/*
 * Look up code (case and dashes ignored).  Returns 0 and fills c (free
 * with chain_certificate_release), 1 when no certificate has that code,
 * or -1 and *cause.
 */
int chain_certificate(struct store *s, const char *code,
    struct chain_certificate *c, char **cause);
void chain_certificate_release(struct chain_certificate *c);

#endif
