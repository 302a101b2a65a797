/*
 * Shared helpers for the cmocka unit tests: cmocka's headers in the order it
 * needs, a fresh temporary directory per test, and paths to the test data.
 */
#ifndef FIRSTLINE_UNIT_H
#define FIRSTLINE_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/core.h"

/* A new empty directory; the caller frees the string and removes it. */
static inline char *
unit_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *dir = xasprintf("%s/firstline-unit.XXXXXX", base ? base : "/tmp");

	assert_non_null(mkdtemp(dir));
	return dir;
}

/* Remove dir and everything in it. */
static inline void
unit_rmdir(char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(dir);
}

/* Path of a file under tests/data (TESTDATA); the caller frees it. */
static inline char *
unit_data(const char *name)
{
	const char *d = getenv("TESTDATA");

	assert_non_null(d);
	return xasprintf("%s/%s", d, name);
}

#endif
