/*
 * Diagnostics: a list of messages about bad input, each already formatted as
 * "FILE:LINE: message" (or naming the row, rule or permission), collected by
 * checks that report every problem rather than stopping at the first.  The
 * caller prints them; the core never writes to the terminal itself.
 */
#ifndef FIRSTLINE_DIAG_H
#define FIRSTLINE_DIAG_H

#include <stddef.h>

struct diag {
	char	**msgs;
	size_t	  n;
	size_t	  cap;
};

/* Maximum messages kept; further ones are counted but dropped. */
#define DIAG_MAX 200

void diag_init(struct diag *d);
/* Frees every message; the list is empty and reusable afterwards. */
void diag_release(struct diag *d);
void diag_add(struct diag *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Add "FILE:LINE: message"; line 0 gives "FILE: message". */
void diag_at(struct diag *d, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Takes ownership of msg. */
void diag_take(struct diag *d, char *msg);
/* Move every message of from (counted ones too) to the end of d. */
void diag_append(struct diag *d, struct diag *from);
/* Number of messages added, including dropped ones. */
size_t diag_count(const struct diag *d);

#endif
