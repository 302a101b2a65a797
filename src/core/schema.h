/*
 * The ordered list of schema migrations applied by the store.
 */
#ifndef FIRSTLINE_SCHEMA_H
#define FIRSTLINE_SCHEMA_H

#include <stddef.h>

/* How many migrations exist: the newest schema version. */
size_t schema_count(void);
/* The SQL bringing version i to i + 1, or NULL past the end. */
const char *schema_migration(size_t i);

#endif
